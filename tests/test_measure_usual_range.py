"""The usual range a chart shades is learned from quiet hours only (crisis/usual.py).

Hand-built flat series: quiet hours hold 10 mentions, so the usual count is 10 and its scale
the Poisson floor sqrt(10); the band is 10 +- 3 x sqrt(10) = 0.51 .. 19.49. Crisis hours hold
40. A band learned from crisis hours would have a median above 10.
"""

from __future__ import annotations

import math

import polars as pl
import pytest

from analytics.measure.crisis import detect_crisis, manual_window
from tests.test_measure_crisis import hour, series

HIGH = 10 + 3 * math.sqrt(10)


def hourly_band(window) -> pl.DataFrame:
    return window.band("1h").with_row_index("i")


def test_a_crisis_at_the_start_of_the_data_gets_no_band_until_quiet_days_follow():
    # 4 crisis days first, then 8 calm days: nothing before the crisis to learn from
    window = detect_crisis(series([40] * 96 + [10] * 192))
    band = hourly_band(window)
    drawn = band.drop_nulls("baseline_median")
    # no hour of the crisis has a band: its only "history" would be the crisis itself
    assert band.filter(pl.col("i") < 96).get_column("baseline_median").null_count() == 96
    # the band appears once 3 quiet days precede an hour, and it is the quiet level
    assert drawn.get_column("i").min() >= 96 + 72
    assert set(drawn.get_column("baseline_median").to_list()) == {10.0}
    assert drawn.get_column("baseline_high").to_list() == pytest.approx([HIGH] * drawn.height)


def test_a_crisis_in_the_middle_does_not_lift_the_band_during_or_after_it():
    # 4 calm days, 5 crisis days, 8 calm days
    counts = [10] * 96 + [40] * 120 + [10] * 192
    window = detect_crisis(series(counts))
    assert window.onset == hour(96)
    band = hourly_band(window)
    drawn = band.drop_nulls("baseline_median")
    assert set(drawn.get_column("baseline_median").to_list()) == {10.0}
    assert drawn.get_column("baseline_high").to_list() == pytest.approx([HIGH] * drawn.height)
    # drawn through the first crisis day (learned from the calm days before it) ...
    assert band.filter(pl.col("i").is_between(96, 119)).null_count().row(0)[1] == 0
    # ... and through the last calm week
    assert band.filter(pl.col("i") >= len(counts) - 168).null_count().row(0)[1] == 0


def test_the_daily_band_sums_the_hours_of_a_day_that_has_a_usual_range_throughout():
    # whole UTC days (hour 0 is midnight UTC)
    window = detect_crisis(series([10] * 96 + [40] * 120 + [10] * 192), tz="UTC")
    daily = window.band("1d").drop_nulls("baseline_median")
    assert daily.height > 0
    # 24 hours at 10 with variance 10 each: 240 +- 3 x sqrt(24 x 10)
    assert set(daily.get_column("baseline_median").to_list()) == {240.0}
    assert daily.get_column("baseline_high").to_list() == pytest.approx(
        [240 + 3 * math.sqrt(240)] * daily.height
    )


def test_a_manual_window_is_left_out_of_the_usual_range():
    # a mild rise (15 an hour) the detector does not flag, given by hand as the crisis
    counts = [10] * 96 + [15] * 120 + [10] * 192
    window = manual_window(series(counts), start=hour(96), end=hour(216), tz="UTC")
    drawn = window.band("1h").drop_nulls("baseline_median")
    assert set(drawn.get_column("baseline_median").to_list()) == {10.0}
