"""Write listening mentions in the vendors' real layouts: Brandwatch and Meltwater.

Layouts follow the export-format reference (column names, encodings, preambles and date
formats exactly as the tools write them). Times are written the way each tool writes them:
Brandwatch ``Date`` is naive ``YYYY-MM-DD HH:MM:SS.f`` and Meltwater ``Date`` + ``Time`` are
``dd-Mon-yy`` + ``hh:mm AM/PM``; both in the project's zone, Asia/Jakarta, which the sample
declares in ``sample.json`` as the ingest time zone.

Warts (a few broken cells real files carry) are applied here, and every one is returned so
``truth.json`` can say which rows a loader should reject or repair.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable, Sequence

import polars as pl

from analytics.sample.story import JAKARTA

HASHTAG = re.compile(r"#\w+")
AT_HANDLE = re.compile(r"@([\w.]+)")

BRANDWATCH_COLUMNS = [
    "Query Id",
    "Query Name",
    "Date",
    "Title",
    "Url",
    "Domain",
    "Sentiment",
    "Page Type",
    "Language",
    "Country Code",
    "Country",
    "City",
    "Account Type",
    "Author",
    "Full Name",
    "Full Text",
    "Snippet",
    "Hashtags",
    "Mentioned Authors",
    "Emotion",
    "Impressions",
    "Reach (new)",
    "Total Monthly Visitors",
    "Thread Entry Type",
    "Parent Post Id",
    "X Author ID",
    "X Followers",
    "X Following",
    "X Likes",
    "X Replies",
    "X Reposts",
    "X Reply to",
    "X Repost of",
    "X Verified",
    "Instagram Followers",
    "Instagram Likes",
    "Instagram Comments",
    "Instagram Interactions Count",
    "Facebook Likes",
    "Facebook Comments",
    "Facebook Shares",
    "Tiktok Views",
    "Tiktok Likes",
    "Tiktok Comments",
    "Tiktok Shares",
    "Checked",
    "Starred",
    "Resource Id",
    "Mention Id",
]

MELTWATER_COLUMNS = [
    "Date",
    "Time",
    "Document ID",
    "URL",
    "Input Name",
    "Information Type",
    "Source Type",
    "Source Domain",
    "Content Type",
    "Author Name",
    "Author Handle",
    "Title",
    "Opening Text",
    "Hit Sentence",
    "Hashtags",
    "Links",
    "Country",
    "Region",
    "City",
    "Language",
    "Sentiment",
    "Keyphrases",
    "Reach",
    "AVE",
    "Social Echo",
    "Engagement",
    "Shares",
    "Likes",
    "Replies",
    "Comments",
    "Reactions",
    "Views",
]

PAGE_TYPE = {
    "x": "twitter",
    "instagram": "instagram",
    "facebook": "facebook",
    "tiktok": "tiktok",
    "news": "news",
    "forum": "forum",
}
DOMAIN = {
    "x": "x.com",
    "instagram": "instagram.com",
    "facebook": "facebook.com",
    "tiktok": "tiktok.com",
}
EMOTION = {"negative": "anger", "positive": "joy", "neutral": ""}
CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Bekasi", "Depok", "Semarang", "Makassar"]


def tool_sentiment(stance: str, rng: random.Random, accuracy: float = 0.78) -> str:
    """A listening tool's automatic label: right most of the time, neutral when unsure."""
    if rng.random() < accuracy:
        return stance
    others = [s for s in ("neutral", "positive", "negative") if s != stance]
    return others[0] if rng.random() < 0.7 else others[1]


def _tool_language(lang: str, rng: random.Random) -> str:
    if lang == "mix":  # tools label code-mixed posts with one language
        return "id" if rng.random() < 0.7 else "en"
    return lang


def render_csv(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    delimiter: str = ",",
    preamble: str = "",
    quoting: int = csv.QUOTE_MINIMAL,
) -> tuple[str, list[int]]:
    """CSV text and the 1-based physical line where each record starts (texts may span lines)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(header)
    parts = [preamble, buffer.getvalue()]
    line = preamble.count("\n") + 2
    starts = []
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        record = buffer.getvalue()
        starts.append(line)
        line += record.count("\n")
        parts.append(record)
    return "".join(parts), starts


def _n(value) -> str:
    return "" if value is None else str(value)


def brandwatch_row(r: dict, rng: random.Random, query: tuple[str, str]) -> list[str]:
    """One Brandwatch Bulk Mentions Download row for a mention record."""
    local = r["published_at"].astimezone(JAKARTA)
    platform = r["platform"]
    social = platform not in ("news", "forum")
    entry = {
        "post": "post",
        "video": "post",
        "article": "post",
        "reply": "reply",
        "repost": "share",
    }[r["content_type"]]
    row = dict.fromkeys(BRANDWATCH_COLUMNS, "")
    row.update(
        {
            "Query Id": query[0],
            "Query Name": query[1],
            "Date": local.strftime("%Y-%m-%d %H:%M:%S.0"),
            "Title": r["title"] or "",
            "Url": r["url"],
            "Domain": DOMAIN.get(platform, r["author"]),
            "Sentiment": tool_sentiment(r["stance"], rng),
            "Page Type": PAGE_TYPE[platform],
            "Language": _tool_language(r["lang"], rng),
            "Country Code": "ID" if rng.random() < 0.8 else "",
            "Country": "Indonesia",
            "City": rng.choice(CITIES) if rng.random() < 0.3 else "",
            "Account Type": "organisational"
            if r["author_kind"] in ("outlet", "brand")
            else "individual",
            "Author": r["author"],
            "Full Name": r["author_name"],
            "Full Text": r["text"],
            "Snippet": r["text"][:140] if not social else "",
            "Hashtags": ", ".join(HASHTAG.findall(r["text"])),
            "Mentioned Authors": ", ".join(AT_HANDLE.findall(r["text"])),
            "Emotion": EMOTION[r["stance"]],
            "Impressions": _n(r["impressions"]) if social else "",
            "Reach (new)": _n(r["reach"]),
            "Total Monthly Visitors": _n(r["reach"]) if not social else "",
            "Thread Entry Type": entry,
            "Parent Post Id": _n(r["parent_id"]),
            "Checked": "false",
            "Starred": "false",
            "Mention Id": r["mention_id"],
            "Resource Id": "" if social else f"{rng.getrandbits(60):015x}",
        }
    )
    if platform == "x":
        row.update(
            {
                "X Author ID": r["author_id"],
                "X Followers": _n(r["author_followers"]),
                "X Following": _n(r["author_following"]),
                "X Likes": _n(r["likes"]),
                "X Replies": _n(r["comments"]),
                "X Reposts": _n(r["shares"]),
                "X Verified": "true" if r["author_verified"] else "false",
            }
        )
        if r["content_type"] == "reply":
            row["X Reply to"] = r["parent_url"]
        if r["content_type"] == "repost":
            row["X Repost of"] = r["parent_url"]
    elif platform == "instagram":
        row.update(
            {
                "Instagram Followers": _n(r["author_followers"]),
                "Instagram Likes": _n(r["likes"]),
                "Instagram Comments": _n(r["comments"]),
                "Instagram Interactions Count": _n(r["likes"] + r["comments"]),
            }
        )
    elif platform == "facebook":
        row.update(
            {
                "Facebook Likes": _n(r["likes"]),
                "Facebook Comments": _n(r["comments"]),
                "Facebook Shares": _n(r["shares"]),
            }
        )
    elif platform == "tiktok":
        row.update(
            {
                "Tiktok Views": _n(r["views"]),
                "Tiktok Likes": _n(r["likes"]),
                "Tiktok Comments": _n(r["comments"]),
                "Tiktok Shares": _n(r["shares"]),
            }
        )
    return [row[c] for c in BRANDWATCH_COLUMNS]


def brandwatch_file(
    mentions: pl.DataFrame,
    *,
    brand: str,
    query: tuple[str, str],
    first_day: str,
    last_day: str,
    rng: random.Random,
    warts: Callable[[list[dict], list[list[str]], random.Random], list[dict]] | None = None,
) -> tuple[bytes, list[dict]]:
    """A Brandwatch Bulk Mentions Download CSV (UTF-8 with BOM, 6-line preamble).

    Rows are newest first, as Brandwatch sorts a download. ``warts`` may break a few cells
    of the rendered rows; it returns a description of each (row line filled in here).
    """
    records = mentions.sort("published_at", "mention_id", descending=True).to_dicts()
    rows = [brandwatch_row(r, rng, query) for r in records]
    planted = warts(records, rows, rng) if warts else []
    preamble = (
        "Report:,Bulk Mentions Download\r\n"
        f"Brand:,{brand}\r\n"
        f"From:,{first_day}\r\n"
        f"To:,{last_day}\r\n"
        f"Label:,{query[1]}\r\n"
        "\r\n"
    )
    text, starts = render_csv(BRANDWATCH_COLUMNS, rows, preamble=preamble)
    for wart in planted:
        wart["row"] = starts[wart.pop("index")]
    return ("\ufeff" + text).encode("utf-8"), planted


def excel_rounded(mention_id: str) -> str:
    """How Excel's General format writes a long number back to CSV: 6 significant digits in
    scientific notation, trailing zeros dropped (2121300000000000000 -> 2.1213E+18)."""
    mantissa, exponent = f"{int(mention_id):.5E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{exponent}"


def meltwater_row(r: dict, rng: random.Random) -> list[str]:
    """One Meltwater (Explore) export row for a social mention record."""
    local = r["published_at"].astimezone(JAKARTA)
    platform = r["platform"]
    source = {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook"}[platform]
    sentiment = tool_sentiment(r["stance"], rng, accuracy=0.72).capitalize()
    if rng.random() < 0.06:
        sentiment = "Not Rated"
    row = dict.fromkeys(MELTWATER_COLUMNS, "")
    row.update(
        {
            "Date": local.strftime("%d-%b-%y"),
            "Time": local.strftime("%I:%M %p"),
            "Document ID": r["mention_id"],
            "URL": r["url"],
            "Input Name": "NusaPay - social",
            "Information Type": "Social",
            "Source Type": source,
            "Source Domain": DOMAIN[platform],
            "Content Type": "Video" if r["content_type"] == "video" else "Post",
            "Author Name": r["author_name"],
            "Author Handle": r["author"],
            "Hit Sentence": r["text"],
            "Hashtags": " ".join(HASHTAG.findall(r["text"])),
            "Country": "Indonesia",
            "City": rng.choice(CITIES) if rng.random() < 0.25 else "",
            "Language": _tool_language(r["lang"], rng),
            "Sentiment": sentiment,
            "Reach": _n(r["author_followers"]),
            "Engagement": _n(r["likes"] + r["comments"] + r["shares"]),
            "Shares": _n(r["shares"]),
            "Likes": _n(r["likes"]) if platform != "facebook" else "",
            "Reactions": _n(r["likes"]) if platform == "facebook" else "",
            "Comments": _n(r["comments"]),
            "Views": _n(r["views"]) if platform == "tiktok" else "",
        }
    )
    return [row[c] for c in MELTWATER_COLUMNS]


def meltwater_file(
    mentions: pl.DataFrame,
    *,
    rng: random.Random,
    warts: Callable[[list[dict], list[list[str]], random.Random], list[dict]] | None = None,
) -> tuple[bytes, list[dict]]:
    """A Meltwater export: UTF-16 LE with BOM, tab-separated although named .csv."""
    records = mentions.sort("published_at", "mention_id", descending=True).to_dicts()
    rows = [meltwater_row(r, rng) for r in records]
    planted = warts(records, rows, rng) if warts else []
    text, starts = render_csv(MELTWATER_COLUMNS, rows, delimiter="\t")
    for wart in planted:
        wart["row"] = starts[wart.pop("index")]
    return ("\ufeff" + text).encode("utf-16-le"), planted
