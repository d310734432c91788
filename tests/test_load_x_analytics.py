"""X analytics: legacy tweet activity, 2024+ content (snowflake times), account overview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.load import load_export
from analytics.load.x_analytics import TWITTER_EPOCH_MS

DATA = Path(__file__).parent / "data" / "load" / "x_analytics"
UTC = dt.UTC
LEGACY = "tweet_activity_metrics_KopiSenjaID_20150901_20150930_en.csv"
CONTENT = "account_analytics_content_2026-09-01_2026-09-30.csv"


def test_legacy_tweet_activity() -> None:
    m = load_export(DATA / LEGACY, brand="Kopi Senja", default_tz="Asia/Jakarta").mentions
    # "+0000" is UTC whatever default_tz says
    assert m["published_at"].to_list() == [
        dt.datetime(2015, 9, 30, 18, 42, tzinfo=UTC),
        dt.datetime(2015, 10, 1, 2, 5, tzinfo=UTC),
    ]
    assert m["impressions"].to_list() == [424, 1024]  # "424.0", "1,024.0"
    # row 1: the tool's engagements 3.0; row 2: blank, so derived from the present
    # likes/replies/retweets 0.0 + 0.0 + 0.0 = 0 (present zeros, not missing)
    assert m["engagement"].to_list() == [3, 0]
    assert m["is_brand_post"].to_list() == [True, True]
    assert m["author"].to_list() == ["KopiSenjaID", "KopiSenjaID"]  # from the permalink
    # 6.49E+17 rounded by Excel; the permalink holds the real id
    assert m["mention_id"].to_list() == ["649000000000000001", "649000000000000002"]
    assert m["load_notes"][1] == "id_recovered_from_url"


def test_content_export_time_from_snowflake_id() -> None:
    m = load_export(DATA / CONTENT, brand="Kopi Senja").mentions
    # 2099000116638650369 >> 22 = 500440625343; + 1288834974657 = 1789275600000 ms
    # = 2026-09-13 05:00:00 UTC (the Date column only says Sun, Sep 13, 2026)
    assert (2099000116638650369 >> 22) + TWITTER_EPOCH_MS == 1789275600000
    assert m["published_at"][0] == dt.datetime(2026, 9, 13, 5, 0, tzinfo=UTC)
    assert m["published_at"][1] == dt.datetime(2026, 9, 14, 23, 30, tzinfo=UTC)
    assert m["load_notes"][0] == "time_from_post_id"
    # row 3: id rounded by Excel and no link: only the day is known -> midnight
    # 2026-09-16 in Asia/Jakarta = 2026-09-15 17:00 UTC, flagged date_only
    assert m["published_at"][2] == dt.datetime(2026, 9, 15, 17, 0, tzinfo=UTC)
    assert m["load_notes"][2] == "id_rounded_by_excel;date_only"
    assert m["id_is_surrogate"].to_list() == [False, False, True]
    assert m["shares"].to_list() == [50, 150, 0]  # Reposts
    assert m["comments"].to_list() == [30, 90, 1]  # Replies
    assert m["engagement"].to_list() == [300, 700, 2]


def test_account_overview_daily_metrics() -> None:
    result = load_export(
        DATA / "account_overview_analytics.csv", brand="Kopi Senja", brand_handles=["@KopiSenjaID"]
    )
    d = result.daily_metrics
    assert d["date"].to_list() == [dt.date(2026, 9, 13), dt.date(2026, 9, 14)]
    assert d["followers_change"].to_list() == [20 - 35, 11 - 4]  # New follows - Unfollows
    assert d["video_views"].to_list() == [None, 500]
    assert d["posts_published"].to_list() == [3, 1]  # Create Post
    assert d["account"].to_list() == ["KopiSenjaID", "KopiSenjaID"]
    assert any("no account" in n for n in result.notes)
