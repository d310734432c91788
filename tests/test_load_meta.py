"""Meta Business Suite: Facebook/Instagram post exports and the daily per-metric files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.load import load_export

DATA = Path(__file__).parent / "data" / "load" / "meta"
UTC = dt.UTC


def test_facebook_posts() -> None:
    m = load_export(DATA / "facebook_posts.csv", brand="Kopi Senja").mentions
    # record 1 spans lines 2-3 (caption with a line break), record 2 on line 4
    assert m["source_row"].to_list() == [2, 4]
    assert m["platform"].to_list() == ["facebook", "facebook"]
    assert m["is_brand_post"].to_list() == [True, True]
    # 09/28/2026 18:12 Jakarta = 11:12 UTC
    assert m["published_at"][0] == dt.datetime(2026, 9, 28, 11, 12, tzinfo=UTC)
    assert m["text"].to_list() == ["Kami mohon maaf.\nProduk sudah ditarik.", "Video CEO"]
    assert m["impressions"].to_list() == [12000, 40000]  # Views "12,000"
    assert m["reach"].to_list() == [8500, 30000]
    # row 1: "Reactions, Comments and Shares" = 620; row 2 blank -> 900 + 150 + 50
    assert m["engagement"].to_list() == [620, 1100]
    assert m["content_type"].to_list() == ["post", "video"]  # Photos / Videos


def test_instagram_posts() -> None:
    m = load_export(DATA / "instagram_posts.csv", brand="Kopi Senja").mentions
    row = m.row(0, named=True)
    assert row["platform"] == "instagram"
    assert row["author"] == "kopisenja.id"
    assert row["text"] == "Kami mohon maaf 🙏"
    assert (row["likes"], row["comments"], row["shares"]) == (300, 80, 12)
    assert row["engagement"] == 392  # no engagement column: 300 + 80 + 12


def test_daily_per_metric_file() -> None:
    # UTF-16 LE, "sep=," line, title "Views", header "Date","Primary"
    result = load_export(DATA / "daily_views.csv", brand="Kopi Senja")
    d = result.daily_metrics
    assert d["date"].to_list() == [dt.date(2026, 8, 22), dt.date(2026, 8, 23)]
    assert d["impressions"].to_list() == [8226, 10450]  # "10,450"
    assert d["source_row"].to_list() == [4, 5]
    assert d["platform"].to_list() == ["facebook", "facebook"]
    assert 'daily metric "Views" stored as impressions' in result.notes
