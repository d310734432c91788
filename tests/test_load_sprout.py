"""Sprout Social: post performance (brand posts), inbox (Pacific time), profile performance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.load import load_export
from analytics.schema import DAILY_METRICS_SCHEMA

DATA = Path(__file__).parent / "data" / "load" / "sprout"
UTC = dt.UTC


def test_post_performance_are_brand_posts() -> None:
    m = load_export(DATA / "post_performance.csv", brand="Kopi Senja").mentions
    # record 1 spans lines 2-3 (a two-line Post); record 2 starts on line 4
    assert m["source_row"].to_list() == [2, 4]
    assert m["is_brand_post"].to_list() == [True, True]
    # 09/02/2026 6:12 pm Jakarta = 11:12 UTC
    assert m["published_at"][0] == dt.datetime(2026, 9, 2, 11, 12, tzinfo=UTC)
    assert m["text"][0] == "Kami mohon maaf.\nKami sedang menyelidiki."
    assert m["impressions"].to_list() == [12345, 1000]
    assert m["reach"].to_list() == [9876, None]  # "-" is not zero
    assert m["engagement"].to_list() == [426, 5]  # Sprout's own Engagements
    assert m["likes"][0] == 300  # Reactions
    # '@Reply -> reply; the text's guarding apostrophe is removed too
    assert m["content_type"].to_list() == ["post", "reply"]
    assert m["text"][1] == "@rina sudah kami DM ya"
    assert m["platform"].to_list() == ["x", "instagram"]


def test_inbox_times_are_pacific() -> None:
    m = load_export(DATA / "inbox.csv", brand="Kopi Senja").mentions
    # September is PDT (UTC-7): 3:15 am -> 10:15 UTC; 11:40 pm -> 06:40 UTC next day
    assert m["published_at"].to_list() == [
        dt.datetime(2026, 9, 2, 10, 15, tzinfo=UTC),
        dt.datetime(2026, 9, 3, 6, 40, tzinfo=UTC),
    ]
    assert m["is_brand_post"].to_list() == [False, False]  # Incoming
    assert m["author"].to_list() == ["rina_w", "Tono"]
    assert m["text"][0] == "@KopiSenjaID kopinya basi"
    assert m["parent_id"].to_list() == [None, "1234567890"]
    assert m["source_sentiment"].to_list() == ["Negative", "Neutral"]
    # no id column: surrogate ids
    assert m["id_is_surrogate"].to_list() == [True, True]


def test_profile_performance_is_daily_metrics() -> None:
    result = load_export(DATA / "profile_performance.csv", brand="Kopi Senja")
    d = result.daily_metrics
    assert dict(d.schema) == DAILY_METRICS_SCHEMA
    assert result.mentions.height == 0
    assert d["date"].to_list() == [dt.date(2026, 9, 1), dt.date(2026, 9, 2)]
    assert d["followers"].to_list() == [25000, 24900]
    assert d["followers_change"].to_list() == [-12, -100]
    assert d["impressions"].to_list() == [4500, 15000]  # "15.000" Indonesian thousands
    assert d["engagements"].to_list() == [210, 1500]
    assert d["video_views"].to_list() == [None, None]  # blank, not 0
    assert d["posts_published"].to_list() == [2, 5]
    assert d["account"].to_list() == ["KopiSenjaID", "KopiSenjaID"]
    # 13-02-2026 has no month 13 in MM-DD-YYYY: rejected, never re-read as DD-MM
    assert result.rejected["source_row"].to_list() == [4]
    assert 'value "13-02-2026" is not a date' in result.rejected["reason"][0]


def test_zone_override_replaces_pacific(tmp_path: Path) -> None:
    override = tmp_path / "zone.toml"
    override.write_text('[time]\ntimezone = "UTC"\n', encoding="utf-8")
    m = load_export(DATA / "inbox.csv", brand="K", format="sprout", mapping=override).mentions
    # the documented layout stays; 3:15 am read as UTC instead of Pacific
    assert m["published_at"][0] == dt.datetime(2026, 9, 2, 3, 15, tzinfo=UTC)
