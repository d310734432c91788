"""Brand24 mentions export: XLSX (sheet Mentions, blank first row/column) and CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.load import load_export

DATA = Path(__file__).parent / "data" / "load" / "brand24"
UTC = dt.UTC


def test_xlsx_mentions_sheet() -> None:
    result = load_export(DATA / "mentions.xlsx", brand="Kopi Senja")
    m = result.mentions
    # data rows 3 and 4 of sheet "Mentions" (row 1 blank, header on row 2)
    assert m["source_row"].to_list() == [3, 4]
    assert m["mention_id"].to_list() == ["55501", "55502"]
    # Date 2026-09-02 + Hrs "10:30" Jakarta -> 03:30 UTC; 2026-09-03 + time cell 07:45
    # Jakarta -> 2026-09-03 00:45 UTC
    assert m["published_at"].to_list() == [
        dt.datetime(2026, 9, 2, 3, 30, tzinfo=UTC),
        dt.datetime(2026, 9, 3, 0, 45, tzinfo=UTC),
    ]
    assert m["url"][0] == "https://twitter.com/sari/status/1800000000000000061"  # Source
    assert m["platform"].to_list() == ["x", "blog"]  # Category Twitter / Blogs
    assert m["source_sentiment"].to_list() == ["negative", "positive"]
    assert m["title"][1] == "Ulasan"


def test_csv_with_a_missing_date_rejected() -> None:
    result = load_export(DATA / "mentions.csv", brand="Kopi Senja")
    assert result.mentions["source_row"].to_list() == [2, 3]
    # 23:05 Jakarta on 2 Sept = 16:05 UTC the same day
    assert result.mentions["published_at"][1] == dt.datetime(2026, 9, 2, 16, 5, tzinfo=UTC)
    assert result.mentions["platform"].to_list() == ["x", "news"]
    assert result.mentions["source_sentiment"].to_list() == ["-1", "0"]
    assert result.rejected["source_row"].to_list() == [4]
    assert result.rejected["reason"][0] == (
        'column "Date" + "Hrs": value "(empty) 11:00" is not a time in the expected layout '
        "(Date YYYY-MM-DD and Hrs HH:MM)"
    )
