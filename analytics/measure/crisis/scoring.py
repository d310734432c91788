"""Hourly scoring: customer counts per hour, how unusual each hour is, and its alert level.

The score is a robust z-score against the seasonal baseline (``baseline.py``):
(observed - expected) / scale. Alert levels: ``watch`` (score >= watch_z), ``warning``
(>= warning_z), ``critical`` (>= critical_z); no alert below ``min_mentions`` mentions in the
hour (a jump from 0 to 2 mentions is not news).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from analytics.errors import AnalysisError
from analytics.measure.crisis.baseline import seasonal_baseline
from analytics.measure.crisis.params import LEVELS, DetectionParams
from analytics.measure.timeline import timeline

NO_MENTIONS = (
    "there are no customer mentions to look for a crisis in: check the brand name "
    "and that its exports were ingested"
)


def hourly_counts(
    mentions: pl.DataFrame | pl.LazyFrame,
    tz: str,
    include_brand_posts: bool,
    by: str | None = None,
) -> pl.DataFrame:
    """Hourly customer timeline (silent hours as zeros) with UTC hour starts ``hour_utc``."""
    try:
        hours = timeline(
            mentions, every="1h", tz=tz, by=by, include_brand_posts=include_brand_posts
        )
    except AnalysisError:
        raise AnalysisError(NO_MENTIONS) from None
    return hours.with_columns(hour_utc=pl.col("period_start").dt.convert_time_zone("UTC"))


def seasonal_scores(values: np.ndarray, params: DetectionParams) -> dict[str, np.ndarray]:
    """Score an hourly count series against its own seasonal baseline.

    Returns arrays ``expected``, ``scale``, ``score``, ``band_high`` (NaN without a
    baseline), ``level`` (index into LEVELS) and ``baseline`` (the pattern used, or "").
    """
    y = np.asarray(values, dtype=float)
    base = seasonal_baseline(y, params)
    with np.errstate(invalid="ignore"):
        score = (y - base.expected) / base.scale
    level = np.zeros(len(y), dtype=int)
    counted = (y >= params.min_mentions) & ~np.isnan(score)
    for index, threshold in ((1, params.watch_z), (2, params.warning_z), (3, params.critical_z)):
        level[counted & (score >= threshold)] = index
    return {
        "expected": base.expected,
        "scale": base.scale,
        "score": score,
        "band_high": base.band_high,
        "level": level,
        "baseline": base.basis,
    }


def score_hours(hours: pl.DataFrame, params: DetectionParams) -> dict[str, dict]:
    """Scores of the hourly ``mentions`` (``volume``) and ``negative`` counts."""
    return {
        "volume": seasonal_scores(hours.get_column("mentions").to_numpy(), params),
        "negative": seasonal_scores(hours.get_column("negative").to_numpy(), params),
    }


def alerts_frame(hours: pl.DataFrame, scored: dict[str, dict[str, np.ndarray]]) -> pl.DataFrame:
    """One row per hour and metric: period_start (local), metric, observed, expected, score,
    level, band_high, baseline."""
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
    """Scores of ``n`` hours that could not be scored (too little history)."""
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
