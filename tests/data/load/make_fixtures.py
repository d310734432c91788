"""Write the loader fixtures that cannot be typed by hand (Excel, UTF-16, cp1252 bytes).

Run from the repository root: ``.venv/bin/python tests/data/load/make_fixtures.py``.
The content of every file is spelled out below, so the expected values in the tests can be
checked against this script without opening a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def brandwatch_xlsx() -> None:
    # same preamble as the CSV: header on row 7; Date is a real date cell; Mention Id a number
    # cell that Excel rounded to 15 significant digits
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in (
        ["Report:", "Bulk Mentions Download"],
        ["Brand:", "Kopi Senja"],
        ["From:", "2026-09-01"],
        ["To:", "2026-09-07"],
        ["Label:", "crisis"],
        [],
    ):
        sheet.append(row)
    sheet.append(
        [
            "Query Id",
            "Query Name",
            "Mention Id",
            "Date",
            "Title",
            "Snippet",
            "Url",
            "Page Type",
            "Sentiment",
            "Author",
            "X Likes",
            "X Reposts",
            "X Replies",
        ]
    )
    sheet.append(
        [
            1001,
            "KopiSenja",
            "1800000000000000051",
            dt.datetime(2026, 9, 2, 8, 15),
            None,
            "Kecewa sama Kopi Senja",
            "https://x.com/ani/status/1800000000000000051",
            "twitter",
            "negative",
            "ani",
            5,
            1,
            0,
        ]
    )
    sheet.append(
        [
            1001,
            "KopiSenja",
            570306123456789012,
            dt.datetime(2026, 9, 2, 9, 0),
            None,
            "Masih kecewa",
            "https://www.facebook.com/x/posts/2",
            "facebook",
            "negative",
            "Bima",
            None,
            None,
            None,
        ]
    )
    book.save(HERE / "brandwatch" / "mentions.xlsx")


def brand24_xlsx() -> None:
    # sheet "Mentions": row 1 blank, header on row 2 with a blank first column, data from row 3
    book = openpyxl.Workbook()
    book.active.title = "Summary"
    book.active.append(["Brand24 report"])
    sheet = book.create_sheet("Mentions")
    sheet.append([])
    sheet.append(
        [
            None,
            "ID",
            "Date",
            "Hrs",
            "Title",
            "Content",
            "Source",
            "Domain",
            "Category",
            "Sentiment",
            "Tags",
        ]
    )
    sheet.append(
        [
            None,
            55501,
            dt.date(2026, 9, 2),
            "10:30",
            None,
            "Kopi Senja kenapa begini",
            "https://twitter.com/sari/status/1800000000000000061",
            "twitter.com",
            "Twitter",
            "negative",
            "crisis",
        ]
    )
    sheet.append(
        [
            None,
            55502,
            dt.date(2026, 9, 3),
            dt.time(7, 45),
            "Ulasan",
            "Rasanya sudah normal lagi",
            "https://blog.example/kopi",
            "blog.example",
            "Blogs",
            "positive",
            None,
        ]
    )
    book.save(HERE / "brand24" / "mentions.xlsx")


MELTWATER_LEGACY = (
    "Meltwater export\n"  # the junk line some exports carry above the header
    "Date\tHeadline\tURL\tOpening Text\tHit Sentence\tSource\tInfluencer\tCountry\tLanguage\t"
    "Reach\tEngagement\tSentiment\tTweet Id\tTwitter Followers\tAlternate Date Format\tTime\n"
    "07-Jul-2025 05:12PM\t\thttps://twitter.com/dewi/status/1942000000000000001\t\t"
    "Kopi Senja bikin kecewa\tTwitter\t@dewi\tIndonesia\tid\t1,500\t12\tNegative\t"
    "1942000000000000001\t1,500\t07-Jul-25\t05:12 PM\n"
    "08-Jul-2025 09:00AM\tKopi Senja Tarik Produk\thttps://news.example/kopi\t"
    "Kopi Senja menarik produknya\tmenarik produknya dari pasar\tNews Example\tNews Example\t"
    "Indonesia\tid\t2.5M\t\tNot Rated\t\t\t08-Jul-25\t09:00 AM\n"
)

MELTWATER_EXPLORE = (
    "Date\tTime\tDocument ID\tURL\tSource Type\tSource Name\tSource Domain\tContent Type\t"
    "Author Name\tAuthor Handle\tTitle\tOpening Text\tHit Sentence\tSentiment\tReach\t"
    "Engagement\tLikes\tReplies\tReposts\n"
    "09-Sep-25\t11:30 PM\tdoc-1\thttps://x.com/eka/status/1965000000000000001\tSocial\tX\t"
    "x.com\tReply\tEka\t@eka\t\t\tSudah lebih baik\tPositive\t900\t\t8\t2\t1\n"
    # a shortened link and no domain: only Source Name says the network
    "10-Sep-25\t08:05 AM\tdoc-2\thttps://short.example/ab12\tSocial\tInstagram\t\tPost\t"
    "Fitri\t@fitri\t\t\tMasih kecewa\tNegative\t1.2K\t\t\t\t\n"
)

META_DAILY_VIEWS = (
    'sep=,\n"Views"\n"Date","Primary"\n"2026-08-22T00:00:00","8226"\n'
    '"2026-08-23T00:00:00","10,450"\n'
)

# the same two mentions in every encoding; "café" and curly quotes test the code pages
ENCODED = (
    "id,waktu,isi,tautan\n"
    "1,2026-09-02 08:00:00,“Kopi” di café ini enak,https://example.com/1\n"
    "2,2026-09-02 09:30:00,Harga naik 10%,https://example.com/2\n"
)

DELIMITED = {
    "comma.csv": ",",
    "semicolon.csv": ";",
    "tab.tsv": "\t",
}


def main() -> None:
    brandwatch_xlsx()
    brand24_xlsx()
    (HERE / "meltwater" / "legacy.csv").write_bytes(MELTWATER_LEGACY.encode("utf-16"))
    (HERE / "meltwater" / "explore.csv").write_bytes(
        b"\xfe\xff" + MELTWATER_EXPLORE.encode("utf-16-be")
    )
    (HERE / "meta" / "daily_views.csv").write_bytes(META_DAILY_VIEWS.encode("utf-16"))
    out = HERE / "encodings"
    (out / "utf8.csv").write_bytes(ENCODED.encode("utf-8"))
    (out / "utf8_bom.csv").write_bytes(ENCODED.encode("utf-8-sig"))
    (out / "utf16le.csv").write_bytes(b"\xff\xfe" + ENCODED.encode("utf-16-le"))
    (out / "utf16be.csv").write_bytes(b"\xfe\xff" + ENCODED.encode("utf-16-be"))
    (out / "cp1252.csv").write_bytes(ENCODED.encode("cp1252"))
    for name, delimiter in DELIMITED.items():
        text = ENCODED.replace(",", delimiter)
        (HERE / "delimiters" / name).write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    main()
