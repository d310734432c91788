"""Timelines: local-time buckets, zero-filled periods, sentiment shares, engagement, band.

Every expected value below is worked out by hand in the comment next to it.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from analytics.errors import AnalysisError, InputDataError
from analytics.measure.timeline import net_sentiment, timeline, trailing_band


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def frame(rows: list[dict]) -> pl.DataFrame:
    """Tiny mention frames: only the columns a test needs, the rest are added as nulls."""
    schema = {
        "published_at": pl.Datetime("us", "UTC"),
        "platform": pl.Utf8,
        "language": pl.Utf8,
        "sentiment_label": pl.Utf8,
        "sentiment_compound": pl.Float64,
        "reach": pl.Int64,
        "impressions": pl.Int64,
        "likes": pl.Int64,
        "comments": pl.Int64,
        "shares": pl.Int64,
        "engagement": pl.Int64,
        "is_brand_post": pl.Boolean,
    }
    return pl.DataFrame(rows, schema=schema)


def test_net_sentiment_by_hand():
    # (3 - 1) / (3 + 1) = 0.5
    assert net_sentiment(3, 1) == 0.5
    # (0 - 2) / 2 = -1
    assert net_sentiment(0, 2) == -1.0
    # nothing opinionated: no figure rather than 0
    assert net_sentiment(0, 0) is None


def test_days_are_cut_in_jakarta_time():
    mentions = frame(
        [
            # 18:30 UTC is 01:30 WIB the next day
            {"published_at": utc(2026, 10, 1, 18, 30)},
            # 16:59 UTC is 23:59 WIB the same day
            {"published_at": utc(2026, 10, 1, 16, 59)},
        ]
    )
    days = timeline(mentions, every="day", tz="Asia/Jakarta")
    local = days.get_column("period_start").dt.date().to_list()
    assert local == [datetime(2026, 10, 1).date(), datetime(2026, 10, 2).date()]
    assert days.get_column("mentions").to_list() == [1, 1]
    # in UTC both fall on 1 October
    assert timeline(mentions, every="day", tz="UTC").get_column("mentions").to_list() == [2]


def test_empty_days_and_hours_are_zero_not_absent():
    mentions = frame(
        [
            {"published_at": utc(2026, 10, 1, 3)},  # 10:00 WIB, 1 Oct
            {"published_at": utc(2026, 10, 4, 3)},  # 10:00 WIB, 4 Oct
        ]
    )
    days = timeline(mentions, every="1d")
    # 1, 2, 3, 4 October: the two silent days are present with zero counts
    assert days.height == 4
    assert days.get_column("mentions").to_list() == [1, 0, 0, 1]
    assert days.get_column("reach").to_list()[1:3] == [0, 0]
    hours = timeline(mentions, every="hour")
    # from 10:00 on 1 Oct to 10:00 on 4 Oct inclusive: 3 x 24 + 1 = 73 hours
    assert hours.height == 73
    assert hours.get_column("mentions").sum() == 2


def test_weeks_start_on_monday():
    mentions = frame(
        [
            # Sunday 4 Oct 2026 20:00 WIB -> week of Monday 28 Sep
            {"published_at": utc(2026, 10, 4, 13)},
            # Monday 5 Oct 2026 01:00 WIB (still Sunday in UTC) -> week of Monday 5 Oct
            {"published_at": utc(2026, 10, 4, 18)},
        ]
    )
    weeks = timeline(mentions, every="week")
    starts = weeks.get_column("period_start").dt.date().to_list()
    assert starts == [datetime(2026, 9, 28).date(), datetime(2026, 10, 5).date()]
    assert weeks.get_column("mentions").to_list() == [1, 1]


def test_sentiment_shares_leave_unscored_apart():
    t = utc(2026, 10, 1, 3)
    labels = ["positive"] * 3 + ["negative"] + ["neutral"] + [None, None]
    mentions = frame([{"published_at": t, "sentiment_label": label} for label in labels])
    row = timeline(mentions).row(0, named=True)
    assert (row["mentions"], row["unscored"]) == (7, 2)
    # shares of the 5 scored mentions: 3/5, 1/5, 1/5
    assert row["positive_share"] == pytest.approx(0.6)
    assert row["negative_share"] == pytest.approx(0.2)
    assert row["neutral_share"] == pytest.approx(0.2)
    # (3 - 1) / (3 + 1)
    assert row["net_sentiment"] == pytest.approx(0.5)


def test_engagement_and_rate_on_impressions():
    t = utc(2026, 10, 1, 3)
    mentions = frame(
        [
            # the tool's own engagement figure wins: 10
            {"published_at": t, "engagement": 10, "likes": 99, "impressions": 100, "reach": 50},
            # no engagement column: 2 + 3 (shares missing) = 5; no impressions
            {"published_at": t, "likes": 2, "comments": 3, "reach": 70},
        ]
    )
    row = timeline(mentions).row(0, named=True)
    assert row["engagement"] == 15  # 10 + 5
    assert row["reach"] == 120  # 50 + 70, potential reach
    # only the mention with impressions counts: 10 / 100
    assert row["engagement_rate_basis"] == "impressions"
    assert row["engagement_rate"] == pytest.approx(0.1)


def test_engagement_rate_falls_back_to_reach():
    t = utc(2026, 10, 1, 3)
    mentions = frame(
        [
            {"published_at": t, "likes": 4, "comments": 1, "shares": 0, "reach": 200},
            {"published_at": t, "likes": 5, "reach": 300},
        ]
    )
    row = timeline(mentions).row(0, named=True)
    # (5 + 5) / (200 + 300) = 0.02
    assert row["engagement_rate_basis"] == "reach"
    assert row["engagement_rate"] == pytest.approx(0.02)


def test_reach_missing_is_null_not_zero():
    mentions = frame([{"published_at": utc(2026, 10, 1, 3)}])
    row = timeline(mentions).row(0, named=True)
    assert row["reach"] is None and row["impressions"] is None


def test_brand_posts_left_out_unless_asked():
    t = utc(2026, 10, 1, 3)
    mentions = frame(
        [
            {"published_at": t, "sentiment_label": "positive", "is_brand_post": True},
            {"published_at": t, "sentiment_label": "negative", "is_brand_post": False},
            {"published_at": t, "sentiment_label": "negative", "is_brand_post": None},
        ]
    )
    customers = timeline(mentions).row(0, named=True)
    assert (customers["mentions"], customers["positive"], customers["negative"]) == (2, 0, 2)
    everyone = timeline(mentions, include_brand_posts=True).row(0, named=True)
    assert (everyone["mentions"], everyone["positive"]) == (3, 1)


def test_by_platform_gives_every_platform_every_period():
    mentions = frame(
        [
            {"published_at": utc(2026, 10, 1, 3), "platform": "x"},
            {"published_at": utc(2026, 10, 1, 4), "platform": "x"},
            {"published_at": utc(2026, 10, 2, 3), "platform": "instagram"},
        ]
    )
    split = timeline(mentions, by="platform")
    # 2 days x 2 platforms
    assert split.height == 4
    counts = {
        (r["period_start"].day, r["platform"]): r["mentions"] for r in split.iter_rows(named=True)
    }
    assert counts == {(1, "instagram"): 0, (1, "x"): 2, (2, "instagram"): 1, (2, "x"): 0}


def test_by_language():
    mentions = frame(
        [
            {"published_at": utc(2026, 10, 1, 3), "language": "id"},
            {"published_at": utc(2026, 10, 1, 3), "language": "id"},
            {"published_at": utc(2026, 10, 1, 3), "language": "en"},
        ]
    )
    split = timeline(mentions, by="language")
    assert dict(zip(split["language"], split["mentions"], strict=True)) == {"en": 1, "id": 2}


def test_baseline_band_uses_earlier_periods_only():
    # daily counts 2, 4, 6, 8 on four consecutive days
    base = utc(2026, 10, 1, 3)
    rows = []
    for day, count in enumerate([2, 4, 6, 8]):
        rows += [{"published_at": base + timedelta(days=day)}] * count
    days = timeline(frame(rows), baseline_periods=14)
    # fewer than 3 earlier days: no band yet
    assert days.get_column("baseline_median").to_list()[:3] == [None, None, None]
    last = days.row(3, named=True)
    # earlier days 2, 4, 6: median 4, MAD median(2, 0, 2) = 2,
    # band 4 +- 3 x 1.4826 x 2 = 4 +- 8.8956 -> low floored at 0, high 12.8956
    assert last["baseline_median"] == pytest.approx(4.0)
    assert last["baseline_low"] == 0.0
    assert last["baseline_high"] == pytest.approx(12.8956)


def test_trailing_band_window_length():
    median, low, high = trailing_band([1, 2, 10, 4, 5], periods=3, band_k=3)
    # position 2 has only 2 earlier values: no band
    assert math.isnan(median[2])
    # position 3 sees 1, 2, 10: median 2
    assert median[3] == 2
    # position 4 sees 2, 10, 4 (not the 1, nor itself): median 4, MAD median(2, 6, 0) = 2,
    # high 4 + 3 x 1.4826 x 2 = 12.8956, low floored at 0
    assert median[4] == 4
    assert high[4] == pytest.approx(12.8956)
    assert low[4] == 0


def test_a_crisis_longer_than_half_the_window_does_not_become_the_band():
    # five days at 5, three crisis days at 40, then 5 again; a window of 5 earlier days
    median, _, high = trailing_band([5, 5, 5, 5, 5, 40, 40, 40, 5], periods=5, band_k=3)
    # each crisis day is far above its band (5 + 3 x sqrt(5) = 11.7): learned from calm days
    assert list(median[5:8]) == [5, 5, 5]
    assert list(high[5:8]) == [5, 5, 5]
    # the day after sees two calm days and the three crisis days: the crisis is left out,
    # and two earlier values are too few for a band (a median over all five would be 40)
    assert math.isnan(median[8]) and math.isnan(high[8])


def test_start_and_end_widen_the_range():
    mentions = frame([{"published_at": utc(2026, 10, 2, 3)}])
    days = timeline(mentions, start=datetime(2026, 10, 1), end=datetime(2026, 10, 4))
    # naive start/end are Jakarta dates; end is exclusive: 1, 2, 3 October
    assert days.get_column("mentions").to_list() == [0, 1, 0]


def test_empty_input_says_so():
    with pytest.raises(AnalysisError, match="no mentions to draw a timeline"):
        timeline(frame([]))


def test_missing_time_column_is_named():
    with pytest.raises(InputDataError, match='no column "published_at"'):
        timeline(pl.DataFrame({"text": ["halo"]}))


def test_unknown_period_is_named():
    with pytest.raises(InputDataError, match='period "month" is not supported'):
        timeline(frame([{"published_at": utc(2026, 10, 1)}]), every="month")


def test_lazy_input_gives_the_same_result():
    mentions = frame([{"published_at": utc(2026, 10, 1, 3), "sentiment_label": "negative"}])
    assert timeline(mentions.lazy()).equals(timeline(mentions))


def test_hourly_band_compares_the_same_hour_on_earlier_days():
    # 4 days; every hour has 1 mention except 12:00 WIB (05:00 UTC), which has 9
    rows = []
    for day in range(4):
        for h in range(24):
            at = utc(2026, 10, 1, 0) + timedelta(days=day, hours=h)
            rows += [{"published_at": at}] * (9 if h == 5 else 1)
    hours = timeline(frame(rows), every="hour", baseline_periods=14)
    noon = hours.filter(
        pl.col("period_start") == datetime(2026, 10, 4, 12, tzinfo=ZoneInfo("Asia/Jakarta"))
    ).row(0, named=True)
    # the noons of 1, 2 and 3 Oct: 9, 9, 9 -> median 9, MAD 0; the band is 9 to 9
    # (a band over the previous 14 hours would have been median 1)
    assert noon["baseline_median"] == 9
    assert noon["baseline_low"] == noon["baseline_high"] == 9


def test_mentions_without_a_time_are_an_error_not_dropped():
    mentions = frame([{"published_at": utc(2026, 10, 1, 3)}, {"published_at": None}])
    with pytest.raises(InputDataError, match=r'1 mention\(s\) have no "published_at"'):
        timeline(mentions)
