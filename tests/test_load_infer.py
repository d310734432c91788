"""Column inference: header names confirmed by values, time layouts from values, refusals.

Fixtures in tests/data/load/infer/ are hand-written; each test checks exact values coming
out (times in UTC, counts, language codes) or the exact refusal.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from analytics.errors import ExportFormatError
from analytics.load import infer_columns, load_export
from analytics.load.columns import CANDIDATES, table_markdown
from analytics.load.infer import SAMPLE_ROWS

DATA = Path(__file__).parent / "data" / "load" / "infer"
UTC = dt.UTC


def test_academic_extract_without_id_loads_with_no_mapping() -> None:
    result = load_export(DATA / "academic_extract.csv", brand="NusaPay")
    inference = result.inference
    assert result.format == "generic" and inference is not None
    assert inference.columns == {
        "published_at": "created_at",
        "text": "text",
        "author": "user_username",
        "author_name": "user_name",
        "likes": "like_count",
        "comments": "reply_count",
        "shares": "retweet_count",
    }
    assert inference.constants == {"platform": "x"}  # retweet_count: only X has it
    first = result.mentions.row(0, named=True)
    assert first["published_at"] == dt.datetime(2024, 3, 1, 2, 15, tzinfo=UTC)
    assert (first["likes"], first["comments"], first["shares"]) == (31, 7, 4)
    assert first["author"] == "warga62" and first["platform"] == "x"
    assert first["mention_id"].startswith("h:")  # no id column: surrogate
    assert any(n.startswith('inferred published_at <- "created_at"') for n in result.notes)


def test_day_first_proved_by_a_value_semicolon_indonesian_names() -> None:
    result = load_export(DATA / "dayfirst_semicolon.csv", brand="Kopi", default_tz="Asia/Jakarta")
    m = result.mentions
    assert result.inference is not None
    assert result.inference.columns["published_at"] == "Tanggal"
    assert result.inference.time_formats == ["%d/%m/%Y %H:%M"]
    # 13/02/2025 08:15 in Jakarta (UTC+7)
    assert m["published_at"].to_list() == [
        dt.datetime(2025, 2, 13, 1, 15, tzinfo=UTC),
        dt.datetime(2025, 2, 14, 14, 0, tzinfo=UTC),
    ]
    assert m["likes"].to_list() == [1200, 5]  # "1,2 rb"
    assert m["author"].to_list() == ["rina", "budi"]
    assert m["platform"].to_list() == ["x", "x"]  # from the url host
    assert any('"13/02/2025 08:15" (line 2) has a first number above 12' in n for n in result.notes)


def test_month_first_proved_by_a_value_with_am_pm() -> None:
    result = load_export(DATA / "monthfirst.csv", brand="Kopi", default_tz="UTC")
    assert result.inference is not None
    assert result.inference.time_formats == ["%m/%d/%Y %I:%M %p"]
    assert result.mentions["published_at"].to_list() == [
        dt.datetime(2025, 2, 13, 20, 15, tzinfo=UTC),
        dt.datetime(2025, 2, 14, 9, 0, tzinfo=UTC),
    ]


def test_ambiguous_dates_refused_with_both_readings() -> None:
    with pytest.raises(ExportFormatError) as err:
        load_export(DATA / "ambiguous.csv", brand="Kopi")
    message = str(err.value)
    assert 'ambiguous.csv: not a known export layout, and inference refused: column "tanggal"' in (
        message
    )
    assert '"03/04/2025 10:15" reads as 03 April 2025 10:15 (day first)' in message
    assert "or 04 March 2025 10:15 (month first)" in message
    assert '"%d/%m/%Y %H:%M" (day first) or "%m/%d/%Y %H:%M" (month first)' in message


def test_ambiguous_mapping_saved_for_editing_then_loads() -> None:
    inference = infer_columns(DATA / "ambiguous.csv")
    assert inference is not None and inference.ambiguous is not None
    saved = tomllib.loads(inference.to_toml())
    assert saved["columns"] == {"published_at": "tanggal", "text": "isi"}
    assert saved["time"]["format"] == ["%d/%m/%Y %H:%M"]  # the other order is a comment
    assert '# format = ["%m/%d/%Y %H:%M"]  # month first' in inference.to_toml()


def test_no_time_column_refused_listing_columns() -> None:
    with pytest.raises(ExportFormatError, match=r'no time column found\. Columns: "username", '):
        load_export(DATA / "no_time.csv", brand="Kopi")


def test_no_text_column_refused() -> None:
    with pytest.raises(ExportFormatError, match=r"no text or url column found\. Columns: "):
        load_export(DATA / "no_text.csv", brand="Kopi")


def test_values_confirm_names_x_layout_and_language() -> None:
    result = load_export(DATA / "x_layout.csv", brand="Kopi")
    inference = result.inference
    assert inference is not None
    # "date" holds day names: passed over for "waktu"; "likes" holds words: not a count
    assert inference.columns["published_at"] == "waktu"
    assert inference.columns["text"] == "tweet"
    assert inference.columns["comments"] == "komentar"
    assert "likes" not in inference.columns
    assert any(p.startswith('"date" as published_at') for p in inference.passed_over)
    assert any(
        p.startswith('"likes" as likes: values like "banyak"') for p in inference.passed_over
    )
    m = result.mentions
    assert m["published_at"].to_list() == [
        dt.datetime(2025, 3, 30, 23, 57, 6, tzinfo=UTC),
        dt.datetime(2025, 3, 31, 1, 2, 3, tzinfo=UTC),
    ]
    assert m["language"].to_list() == ["id", None]  # X's "in" and "und"


def test_json_lines_epoch_seconds_platform_column() -> None:
    result = load_export(DATA / "epoch_comments.jsonl", brand="NusaPay")
    m = result.mentions
    assert m["mention_id"].to_list() == ["c1", "c2"]
    assert m["published_at"].to_list() == [
        dt.datetime(2024, 3, 1, 0, 0, tzinfo=UTC),
        dt.datetime(2024, 3, 1, 1, 0, tzinfo=UTC),
    ]
    assert m["platform"].to_list() == ["instagram", "instagram"]
    assert m["author"].to_list() == ["warga62", "budi"]


def test_epoch_milliseconds() -> None:
    m = load_export(DATA / "epoch_ms.csv", brand="NusaPay").mentions
    assert m["published_at"].to_list() == [
        dt.datetime(2024, 3, 1, 0, 0, tzinfo=UTC),
        dt.datetime(2024, 3, 1, 1, 0, 0, 500000, tzinfo=UTC),
    ]
    assert m["platform"].to_list() == ["tiktok", "tiktok"]
    assert m["text"].to_list() == ["Promo hari ini", "Terima kasih semua"]


def test_excel_serial_days(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "serials.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tanggal", "Isi"])
    sheet.append([45352.5, "siang"])  # 2024-03-01 12:00
    sheet.append([45353.25, "pagi"])  # 2024-03-02 06:00
    book.save(path)
    result = load_export(path, brand="Kopi", default_tz="UTC")
    assert result.mentions["published_at"].to_list() == [
        dt.datetime(2024, 3, 1, 12, 0, tzinfo=UTC),
        dt.datetime(2024, 3, 2, 6, 0, tzinfo=UTC),
    ]


def test_inference_reads_a_bounded_sample(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["created_at,text"] + [f"2024-03-01 10:{i % 60:02d}:00,post {i}" for i in range(5000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inference = infer_columns(path)
    assert inference is not None and inference.sampled == SAMPLE_ROWS
    assert load_export(path, brand="Kopi").mentions.height == 5000  # the load reads it all


def test_vendor_file_needs_no_inference() -> None:
    native = Path(__file__).parent / "data" / "load" / "native" / "tweet_harvest.csv"
    assert infer_columns(native) is None


def test_registry_table_lists_every_field_once() -> None:
    fields = [entry.field for entry in CANDIDATES]
    assert len(fields) == len(set(fields))
    table = table_markdown()
    assert all(f"| `{f}` |" in table for f in fields)
    assert "`tanggal`" in table and "`full_text`" in table


def test_docs_show_the_registry_table_as_generated() -> None:
    docs = (Path(__file__).parents[1] / "docs" / "loading.md").read_text(encoding="utf-8")
    assert table_markdown() in docs  # regenerate with: python -m analytics.load.columns


def test_order_proved_near_the_end_of_a_big_time_sorted_file(tmp_path: Path) -> None:
    # 1-12 March fill the sampled head; the 13th onwards only appear past it
    lines = ["tanggal;isi"]
    for i in range(6000):
        day = 1 + i * 20 // 6000
        lines.append(f"{day:02d}/03/2024 {i % 24:02d}:00;keluhan pelanggan nomor {i} " + "x" * 40)
    path = tmp_path / "sorted.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inference = infer_columns(path)
    assert inference is not None and inference.refusal is None
    assert inference.time_formats == ["%d/%m/%Y %H:%M"]
    assert "(near the end of the file) has a first number above 12" in inference.choices[0].why
    m = load_export(path, brand="Kopi", default_tz="UTC").mentions
    assert m["published_at"].max() == dt.datetime(2024, 3, 20, 23, 0, tzinfo=UTC)


def test_camel_case_names_instagram_comments() -> None:
    result = load_export(DATA / "ig_comments_camel.json", brand="Kopi")
    assert result.inference is not None
    assert result.inference.columns["author"] == "ownerUsername"
    assert result.inference.columns["likes"] == "likesCount"
    assert result.inference.columns["comments"] == "repliesCount"
    first = result.mentions.row(0, named=True)
    assert first["published_at"] == dt.datetime(2024, 5, 14, 3, 10, tzinfo=UTC)
    assert (first["platform"], first["likes"], first["author"]) == ("instagram", 12, "rina_w")


def test_indonesian_report_sheet_with_title_rows_and_singular_names(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "laporan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Laporan Monitoring Kopi Senja"])
    sheet.append(["Periode: Maret 2024"])
    sheet.append([])
    sheet.append(
        ["No", "Tanggal Posting", "Nama Akun", "Isi Postingan", "Platform", "Like", "Share"]
    )
    sheet.append([1, dt.datetime(2024, 3, 1, 8, 15), "@rina", "Kopi basi!", "Instagram", 10, 1])
    book.save(path)
    result = load_export(path, brand="Kopi", default_tz="Asia/Jakarta")
    assert result.inference is not None and result.inference.header_line == 4
    row = result.mentions.row(0, named=True)
    assert row["published_at"] == dt.datetime(2024, 3, 1, 1, 15, tzinfo=UTC)
    assert (row["text"], row["author"], row["platform"]) == ("Kopi basi!", "rina", "instagram")
    assert (row["likes"], row["shares"]) == (10, 1)
