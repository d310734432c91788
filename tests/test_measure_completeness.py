"""Data completeness: planted gaps are flagged with a reason, normal quiet days are not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import polars as pl
import pytest

from analytics.errors import AnalysisError, InputDataError
from analytics.measure.completeness import coverage, coverage_warnings, gaps_between

# 03:00 UTC = 10:00 WIB, so every mention below stays on the same local day
DAY0 = datetime(2026, 10, 1, 3, tzinfo=UTC)


def mentions(per_day: dict[str, list[int]]) -> pl.DataFrame:
    """``per_day[platform][d]`` mentions on local day d (1 Oct + d), a minute apart."""
    rows = []
    for platform, counts in per_day.items():
        for d, count in enumerate(counts):
            for k in range(count):
                at = DAY0 + timedelta(days=d, minutes=k)
                rows.append({"published_at": at, "platform": platform})
    return pl.DataFrame(
        rows, schema={"published_at": pl.Datetime("us", "UTC"), "platform": pl.Utf8}
    )


def flagged(cov: pl.DataFrame, platform: str) -> list[date]:
    return cov.filter(pl.col("gap") & (pl.col("platform") == platform))["date"].to_list()


def test_a_missing_day_is_flagged():
    # x has 8 a day except 5 Oct (day 4): a typical day (median of the 4 before) is 8
    cov = coverage(mentions({"x": [8, 8, 8, 8, 0, 8, 8, 8, 8, 8]}))
    assert flagged(cov, "x") == [date(2026, 10, 5)]
    row = cov.filter(pl.col("date") == date(2026, 10, 5)).row(0, named=True)
    assert row["mentions"] == 0 and row["typical"] == 8
    assert row["reason"].startswith("no x mentions on 2026-10-05 where a typical day has 8")


def test_a_drop_far_below_the_usual_level_is_flagged():
    # 20 a day; 3 is below 20% of 20 (= 4) and flagged, 5 is not
    cov = coverage(mentions({"x": [20, 20, 20, 20, 3, 20, 5, 20]}))
    assert flagged(cov, "x") == [date(2026, 10, 5)]
    reason = cov.filter(pl.col("gap"))["reason"].item()
    assert "drop: 3 x mentions on 2026-10-05 against a typical 20" in reason


def test_an_export_that_ends_early_is_flagged():
    # instagram (6 a day) stops after 7 Oct while x goes on to 10 Oct
    cov = coverage(mentions({"x": [8] * 10, "instagram": [6, 6, 6, 6, 6, 6, 6, 0, 0, 0]}))
    assert flagged(cov, "instagram") == [date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10)]
    assert flagged(cov, "x") == []
    reason = cov.filter(pl.col("gap"))["reason"].to_list()[0]
    assert "coverage ends early" in reason and "2026-10-07" in reason
    # the warnings merge the three days into one sentence
    warnings = coverage_warnings(cov)
    assert len(warnings) == 1
    assert warnings[0].startswith("instagram 2026-10-08 to 2026-10-10 (3 days): coverage ends")


def test_a_platform_that_starts_late_is_flagged():
    cov = coverage(mentions({"x": [8] * 6, "tiktok": [0, 0, 7, 7, 7, 7]}))
    assert flagged(cov, "tiktok") == [date(2026, 10, 1), date(2026, 10, 2)]
    assert "coverage starts late" in cov.filter(pl.col("gap"))["reason"].to_list()[0]


def test_quiet_platforms_are_not_flagged():
    # a platform with a mention every other day: a zero day is normal for it
    cov = coverage(mentions({"x": [8] * 8, "reddit": [1, 0, 1, 0, 1, 0, 1, 0]}))
    assert flagged(cov, "reddit") == []
    # every (day, platform) pair is present: 8 days x 2 platforms
    assert cov.height == 16


def test_days_are_local_and_edges_marked_partial():
    rows = [
        # 17:30 UTC on 1 Oct is 00:30 WIB on 2 Oct
        {"published_at": datetime(2026, 10, 1, 17, 30, tzinfo=UTC), "platform": "x"},
        # 10:00 UTC on 3 Oct is 17:00 WIB: the last day is cut before its evening
        {"published_at": datetime(2026, 10, 3, 10, tzinfo=UTC), "platform": "x"},
    ]
    cov = coverage(pl.DataFrame(rows))
    assert cov["date"].to_list() == [date(2026, 10, 2), date(2026, 10, 3)]
    # first mention at 00:30 local: the first day is covered from its start; the last is not
    assert cov["partial_day"].to_list() == [False, True]


def test_gaps_between_picks_the_window():
    cov = coverage(mentions({"x": [8, 8, 8, 8, 0, 8, 8, 0, 8, 8]}))
    inside = gaps_between(cov, date(2026, 10, 6), date(2026, 10, 10))
    assert inside["date"].to_list() == [date(2026, 10, 8)]


def test_empty_and_bad_input_say_so():
    with pytest.raises(AnalysisError, match="no mentions to check for completeness"):
        coverage(mentions({}))
    with pytest.raises(InputDataError, match='coverage by "author" is not supported'):
        coverage(mentions({"x": [1]}), by="author")


def test_a_small_dip_on_a_quiet_platform_is_chance_not_a_gap():
    # typical 6 a day; 1 mention is below 20% of 6 but a Poisson(6) count is <= 1 with a
    # chance of e^-6 (1 + 6) = 0.017, above alpha = 0.001: not flagged
    cov = coverage(mentions({"forum": [6, 6, 6, 6, 1, 6, 6]}))
    assert flagged(cov, "forum") == []
    # with alpha = 0.05 the same day is flagged as a drop
    strict = coverage(mentions({"forum": [6, 6, 6, 6, 1, 6, 6]}), alpha=0.05)
    assert flagged(strict, "forum") == [date(2026, 10, 5)]
