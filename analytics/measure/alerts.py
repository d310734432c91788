"""Alerts: how unusual each hour is, against the same hour in earlier weeks or days.

The scoring half of crisis detection (``crisis_window`` builds the window from it): hourly
counts are scored against a seasonal median with a robust scale, and each hour gets an
alert level. See ``crisis_window``'s docstring (points 2-4) for the method and why, and
docs/measure_window.md for the parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl

from analytics.errors import InputDataError
from analytics.measure.timeline import MAD_TO_SD

LEVELS = ("none", "watch", "warning", "critical")
HOURS_PER_WEEK = 168


@dataclass(frozen=True)
class DetectionParams:
    """Thresholds of the detector; every one is a parameter of ``detect_crisis``."""

    weeks: int = 4
    min_weekly_refs: int = 2
    days: int = 7
    min_daily_refs: int = 3
    watch_z: float = 3.0
    warning_z: float = 5.0
    critical_z: float = 8.0
    min_mentions: int = 5
    merge_gap_hours: int = 6
    min_alert_hours: int = 3
    crisis_level: str = "warning"
    end_hours: int = 24
    end_tolerance_hours: int = 2
    end_z: float = 2.0
    peak_fraction: float = 0.5
    gap_days: float = 7.0

    def __post_init__(self) -> None:
        if self.crisis_level not in LEVELS[1:]:
            raise InputDataError(
                f'crisis level "{self.crisis_level}" is not one of watch, warning, critical'
            )
        if not self.watch_z <= self.warning_z <= self.critical_z:
            raise InputDataError(
                "alert thresholds must rise: watch <= warning <= critical, got "
                f"{self.watch_z}, {self.warning_z}, {self.critical_z}"
            )
        if not 0 < self.peak_fraction <= 1:
            raise InputDataError(f"peak fraction must be in (0, 1], got {self.peak_fraction}")


def seasonal_scores(
    values: np.ndarray,
    *,
    weeks: int = 4,
    min_weekly_refs: int = 2,
    days: int = 7,
    min_daily_refs: int = 3,
    watch_z: float = 3.0,
    warning_z: float = 5.0,
    critical_z: float = 8.0,
    min_mentions: int = 5,
) -> dict[str, np.ndarray]:
    """Score an hourly count series against its own hour-of-week (or hour-of-day) history.

    ``values[i]`` is the count of hour i (consecutive hours, no holes). Returns arrays
    ``expected``, ``scale``, ``score``, ``band_high`` (NaN without a baseline), ``level``
    (index into LEVELS) and ``baseline`` ("hour-of-week", "hour-of-day" or "").
    See the module docstring for the method and why.
    """
    y = np.asarray(values, dtype=float)
    n = len(y)
    clean = y.copy()
    expected = np.full(n, np.nan)
    scale = np.full(n, np.nan)
    basis = np.full(n, "", dtype=object)
    for t in range(n):
        refs = _references(clean, t, HOURS_PER_WEEK, weeks)
        kind = "hour-of-week"
        if len(refs) < 3 * min_weekly_refs:
            refs = _references(clean, t, 24, days)
            kind = "hour-of-day"
            if len(refs) < 3 * min_daily_refs:
                continue
        refs.sort()
        median = _median_sorted(refs)
        mad = _median_sorted(sorted(abs(r - median) for r in refs))
        expected[t] = median
        scale[t] = max(MAD_TO_SD * mad, math.sqrt(max(median, 1.0)))
        basis[t] = kind
        top = median + watch_z * scale[t]
        if y[t] > top:
            clean[t] = top
    with np.errstate(invalid="ignore"):
        score = (y - expected) / scale
    level = np.zeros(n, dtype=int)
    counted = (y >= min_mentions) & ~np.isnan(score)
    for index, threshold in ((1, watch_z), (2, warning_z), (3, critical_z)):
        level[counted & (score >= threshold)] = index
    return {
        "expected": expected,
        "scale": scale,
        "score": score,
        "band_high": expected + watch_z * scale,
        "level": level,
        "baseline": basis,
    }


def _references(clean: np.ndarray, t: int, cycle: int, cycles: int) -> list[float]:
    """The same hour (and the hours either side of it) in each of the previous cycles.

    Pooling the neighbouring hours triples the reference sample, which steadies the median
    of short histories (two weeks give 6 values, not 2) while the daily shape is kept:
    adjacent hours of a day are alike, 3 p.m. and 3 a.m. are not.
    """
    refs = []
    for k in range(1, cycles + 1):
        centre = t - cycle * k
        if centre < 0:
            break
        refs.extend(clean[max(centre - 1, 0) : centre + 2].tolist())
    return refs


def _median_sorted(items: list[float]) -> float:
    middle = len(items) // 2
    if len(items) % 2:
        return items[middle]
    return (items[middle - 1] + items[middle]) / 2


def score_hours(hours: pl.DataFrame, params: DetectionParams) -> dict[str, dict]:
    options = {
        k: getattr(params, k)
        for k in (
            "weeks",
            "min_weekly_refs",
            "days",
            "min_daily_refs",
            "watch_z",
            "warning_z",
            "critical_z",
            "min_mentions",
        )
    }
    return {
        "volume": seasonal_scores(hours.get_column("mentions").to_numpy(), **options),
        "negative": seasonal_scores(hours.get_column("negative").to_numpy(), **options),
    }


def alerts_frame(hours: pl.DataFrame, scored: dict[str, dict[str, np.ndarray]]) -> pl.DataFrame:
    parts = []
    for metric, column in (("volume", "mentions"), ("negative", "negative")):
        s = scored[metric]
        parts.append(
            pl.DataFrame(
                {
                    "period_start": hours.get_column("period_start"),
                    "metric": [metric] * hours.height,
                    "observed": hours.get_column(column),
                    "expected": pl.Series(s["expected"], nan_to_null=True),
                    "score": pl.Series(s["score"], nan_to_null=True),
                    "level": [LEVELS[i] for i in s["level"]],
                    "band_high": pl.Series(s["band_high"], nan_to_null=True),
                    "baseline": [b or None for b in s["baseline"]],
                },
                strict=False,
            )
        )
    return pl.concat(parts).sort("period_start", "metric")


def no_scores(n: int) -> dict[str, dict[str, np.ndarray]]:
    nan = np.full(n, np.nan)
    blank = {
        "expected": nan,
        "scale": nan,
        "score": nan,
        "band_high": nan,
        "level": np.zeros(n, dtype=int),
        "baseline": np.full(n, "", dtype=object),
    }
    return {"volume": blank, "negative": blank}


def daily_alert_levels(alerts: pl.DataFrame) -> pl.DataFrame:
    """Highest alert level per local day, with the day's mentions and negative mentions."""
    if alerts.height == 0:
        return pl.DataFrame(
            schema={
                "date": pl.Date,
                "level": pl.Utf8,
                "mentions": pl.Int64,
                "negative": pl.Int64,
                "max_score": pl.Float64,
            }
        )
    rank = pl.col("level").replace_strict(LEVELS, list(range(len(LEVELS))), return_dtype=pl.Int8)
    days = (
        alerts.with_columns(date=pl.col("period_start").dt.date(), rank=rank)
        .group_by("date")
        .agg(
            rank=pl.col("rank").max(),
            mentions=pl.col("observed").filter(pl.col("metric") == "volume").sum(),
            negative=pl.col("observed").filter(pl.col("metric") == "negative").sum(),
            max_score=pl.col("score").max(),
        )
        .sort("date")
    )
    level = pl.col("rank").replace_strict(list(range(len(LEVELS))), LEVELS, return_dtype=pl.Utf8)
    return days.select(
        "date",
        level.alias("level"),
        pl.col("mentions").cast(pl.Int64),
        pl.col("negative").cast(pl.Int64),
        "max_score",
    )
