"""Timelines: mention volume, sentiment, reach and engagement per hour, day or week.

Periods are cut in the report's time zone (default ``Asia/Jakarta``), because "what happened
on Tuesday" means the brand's Tuesday, not UTC's. A week starts on Monday (ISO week). Periods
with no mentions are present with zero counts: a silent hour is a data point, not a gap in
the chart.

Conventions that matter for the numbers:

* Sentiment shares are shares of *scored* mentions. Mentions without a score are counted in
  ``unscored`` and never treated as neutral, so a half-scored store cannot dilute a crisis.
* ``net_sentiment`` = (positive - negative) / (positive + negative), null when both are 0.
* ``reach`` is summed as *potential* reach (tools estimate it per mention; it is not a count
  of distinct people).
* ``engagement`` is the export's engagement figure, else likes + comments + shares.
  ``engagement_rate`` divides it by impressions when the data has impressions, else by reach;
  ``engagement_rate_basis`` says which. Only mentions that have the denominator count in the
  numerator, so mentions without impressions do not inflate the rate.
* Brand posts (``is_brand_post``) are left out of these customer metrics unless
  ``include_brand_posts=True``.

Everything is aggregated on a LazyFrame; only the per-period aggregates are collected, so a
store of millions of mentions fits in memory.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError, InputDataError
from analytics.measure.audience import brand_post
from analytics.schema import engagement_total

# aliases people type, mapped to polars durations
_EVERY = {"hour": "1h", "day": "1d", "week": "1w", "1h": "1h", "1d": "1d", "1w": "1w"}
_BY = ("platform", "language")
# MAD of a normal sample times this is its standard deviation
MAD_TO_SD = 1.4826
SENTIMENT_COLUMNS = ("sentiment_label", "sentiment_compound")


def net_sentiment(positive: int, negative: int) -> float | None:
    """(positive - negative) / (positive + negative); None when there is neither.

    Neutral mentions are left out on purpose: the figure says which way the opinionated part
    of the conversation leans, from -1 (all negative) to +1 (all positive).
    """
    total = positive + negative
    if total == 0:
        return None
    return (positive - negative) / total


def normalise_every(every: str) -> str:
    """Map ``hour``/``day``/``week`` (or ``1h``/``1d``/``1w``) to a polars duration."""
    try:
        return _EVERY[every]
    except KeyError:
        raise InputDataError(
            f'period "{every}" is not supported: use hour, day or week (or 1h, 1d, 1w)'
        ) from None


def as_local(moment: datetime, tz: str) -> datetime:
    """A datetime in ``tz``: naive values are read as local time in ``tz``."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(ZoneInfo(tz))


def as_utc(moment: datetime, tz: str) -> datetime:
    """A datetime in UTC: naive values are read as local time in ``tz``."""
    return as_local(moment, tz).astimezone(UTC)


def mentions_frame(
    mentions: pl.DataFrame | pl.LazyFrame, *, include_brand_posts: bool = False
) -> pl.LazyFrame:
    """The mentions as a LazyFrame with sentiment columns present (null = unscored).

    Raises ``InputDataError`` when ``published_at`` is missing, because no timeline can be
    drawn without it. Brand posts are dropped unless ``include_brand_posts``.
    """
    lazy = mentions.lazy() if isinstance(mentions, pl.DataFrame) else mentions
    names = lazy.collect_schema().names()
    if "published_at" not in names:
        raise InputDataError(
            'mentions have no column "published_at": expected the canonical mention table '
            "(load exports with analytics.load or read them from the store)"
        )
    extra = []
    if "sentiment_label" not in names:
        extra.append(pl.lit(None, dtype=pl.Utf8).alias("sentiment_label"))
    if "sentiment_compound" not in names:
        extra.append(pl.lit(None, dtype=pl.Float64).alias("sentiment_compound"))
    for column in ("reach", "impressions", "likes", "comments", "shares", "engagement"):
        if column not in names:
            extra.append(pl.lit(None, dtype=pl.Int64).alias(column))
    if "is_brand_post" not in names:
        extra.append(pl.lit(False).alias("is_brand_post"))
    if extra:
        lazy = lazy.with_columns(extra)
    if not include_brand_posts:
        lazy = lazy.filter(~brand_post())
    return lazy


def _sum_or_null(column: str) -> pl.Expr:
    """Sum of a nullable count: null when no mention in the period provided it."""
    return pl.when(pl.col(column).count() > 0).then(pl.col(column).sum()).alias(column)


def timeline(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    every: str = "1d",
    tz: str = DEFAULT_TZ,
    by: str | None = None,
    baseline_periods: int = 14,
    band_k: float = 3.0,
    include_brand_posts: bool = False,
    start: datetime | None = None,
    end: datetime | None = None,
) -> pl.DataFrame:
    """Per-period metrics of the conversation, with empty periods filled and a baseline band.

    Columns: ``period_start`` (tz-aware in ``tz``), ``by`` (when given), ``mentions``,
    ``positive``, ``neutral``, ``negative``, ``unscored``, ``positive_share``,
    ``neutral_share``, ``negative_share`` (of scored mentions), ``net_sentiment``,
    ``mean_compound``, ``reach``, ``impressions``, ``engagement``, ``engagement_rate``,
    ``engagement_rate_basis``, ``baseline_median``, ``baseline_low``, ``baseline_high``.

    The baseline band of ``mentions`` uses the ``baseline_periods`` periods *before* each
    one (the period itself is left out so a spike cannot hide inside its own baseline):
    median +- ``band_k`` x 1.4826 x MAD, the robust analogue of mean +- k sd, floored at 0.
    On an hourly timeline the earlier periods are the same hour on the ``baseline_periods``
    previous days (3 a.m. is compared with 3 a.m., not with the evening before). It is null
    until 3 earlier periods exist. ``start``/``end`` widen (or cut) the range;
    naive values are local times in ``tz``.
    """
    every = normalise_every(every)
    if by is not None and by not in _BY:
        raise InputDataError(f'timeline by "{by}" is not supported: use platform or language')
    lazy = mentions_frame(mentions, include_brand_posts=include_brand_posts)
    if by is not None and by not in lazy.collect_schema().names():
        raise InputDataError(f'mentions have no column "{by}" to split the timeline by')
    local = pl.col("published_at").dt.convert_time_zone(tz)
    lazy = lazy.with_columns(period_start=local.dt.truncate(every))
    if start is not None:
        lazy = lazy.filter(pl.col("published_at") >= as_utc(start, tz))
    if end is not None:
        lazy = lazy.filter(pl.col("published_at") < as_utc(end, tz))

    keys = ["period_start"] + ([by] if by else [])
    label = pl.col("sentiment_label")
    engagement = engagement_total()
    grouped = (
        lazy.with_columns(_engagement=engagement)
        .group_by(keys)
        .agg(
            mentions=pl.len().cast(pl.Int64),
            positive=(label == "positive").sum().cast(pl.Int64),
            neutral=(label == "neutral").sum().cast(pl.Int64),
            negative=(label == "negative").sum().cast(pl.Int64),
            mean_compound=pl.col("sentiment_compound").mean(),
            reach=_sum_or_null("reach"),
            impressions=_sum_or_null("impressions"),
            engagement=pl.when(pl.col("_engagement").count() > 0).then(pl.col("_engagement").sum()),
            # both possible rates in the same pass; the basis is chosen below
            _num_impressions=pl.col("_engagement")
            .filter(pl.col("impressions").is_not_null())
            .sum(),
            _den_impressions=pl.col("impressions").sum(),
            _has_impressions=pl.col("impressions").count(),
            _num_reach=pl.col("_engagement").filter(pl.col("reach").is_not_null()).sum(),
            _den_reach=pl.col("reach").sum(),
        )
        # streaming: a timeline of a lazy store read never holds the mentions themselves
        .collect(engine="streaming")
    )
    # which denominator the engagement rate uses is decided once for the whole timeline,
    # so the series is comparable from one period to the next
    basis = "impressions" if grouped.get_column("_has_impressions").sum() > 0 else "reach"
    grouped = grouped.rename({f"_num_{basis}": "_rate_num", f"_den_{basis}": "_rate_den"})
    grouped = grouped.select(pl.exclude("^_num_.*$", "^_den_.*$", "_has_impressions"))
    undated = grouped.filter(pl.col("period_start").is_null())
    if undated.height:
        # the loaders and the store never let these through; a hand-made frame might
        raise InputDataError(
            f'{undated.get_column("mentions").sum()} mention(s) have no "published_at": '
            "every mention needs a time to be placed on a timeline (load exports with "
            "analytics.load, which sets such rows aside with the reason)"
        )
    if grouped.height == 0:
        raise AnalysisError(
            "there are no mentions to draw a timeline from"
            + (" in the period asked for" if start or end else "")
            + ": check the brand name, the date range and that exports were ingested"
        )
    frame = _fill_periods(grouped, every=every, tz=tz, by=by, start=start, end=end)
    scored = pl.col("positive") + pl.col("neutral") + pl.col("negative")
    opinion = pl.col("positive") + pl.col("negative")
    frame = frame.with_columns(
        unscored=pl.col("mentions") - scored,
        positive_share=pl.when(scored > 0).then(pl.col("positive") / scored),
        neutral_share=pl.when(scored > 0).then(pl.col("neutral") / scored),
        negative_share=pl.when(scored > 0).then(pl.col("negative") / scored),
        net_sentiment=pl.when(opinion > 0).then(
            (pl.col("positive") - pl.col("negative")) / opinion
        ),
        engagement_rate=pl.when(pl.col("_rate_den") > 0).then(
            pl.col("_rate_num") / pl.col("_rate_den")
        ),
        engagement_rate_basis=pl.lit(basis),
    ).drop("_rate_num", "_rate_den")
    # hourly: compare with the same hour on earlier days, not with the night before noon
    step = 24 if every == "1h" else 1
    frame = _with_baseline(frame, by=by, periods=baseline_periods, band_k=band_k, step=step)
    order = [
        "period_start",
        *([by] if by else []),
        "mentions",
        "positive",
        "neutral",
        "negative",
        "unscored",
        "positive_share",
        "neutral_share",
        "negative_share",
        "net_sentiment",
        "mean_compound",
        "reach",
        "impressions",
        "engagement",
        "engagement_rate",
        "engagement_rate_basis",
        "baseline_median",
        "baseline_low",
        "baseline_high",
    ]
    return frame.select(order)


def _fill_periods(
    grouped: pl.DataFrame,
    *,
    every: str,
    tz: str,
    by: str | None,
    start: datetime | None,
    end: datetime | None,
) -> pl.DataFrame:
    """Add the periods (and groups) that had no mentions, with zero counts."""
    first = grouped.get_column("period_start").min()
    last = grouped.get_column("period_start").max()
    if start is not None:
        first = _truncate(as_local(start, tz), every, tz)
    if end is not None:
        # end is exclusive: the last period is the one holding the instant just before it
        last = _truncate(as_local(end, tz) - timedelta(microseconds=1), every, tz)
    periods = pl.DataFrame(
        {
            "period_start": pl.datetime_range(
                first, last, interval=every, time_zone=tz, eager=True, time_unit="us"
            )
        }
    )
    if by is not None:
        groups = grouped.select(pl.col(by).unique()).sort(by, nulls_last=True)
        periods = periods.join(groups, how="cross")
    keys = ["period_start"] + ([by] if by else [])
    grouped = grouped.with_columns(pl.col("period_start").dt.cast_time_unit("us"))
    frame = periods.join(grouped, on=keys, how="left", nulls_equal=True)
    zero = ["mentions", "positive", "neutral", "negative", "_rate_num", "_rate_den"]
    empty = pl.col("mentions").is_null()
    frame = frame.with_columns(
        [pl.col(c).fill_null(0) for c in zero]
        + [
            pl.when(empty).then(0).otherwise(pl.col(c)).alias(c)
            for c in ("reach", "impressions", "engagement")
        ]
    )
    return frame.sort(keys, nulls_last=True)


def _truncate(moment: datetime, every: str, tz: str) -> datetime:
    """Truncate one local datetime the way polars truncates the column."""
    series = pl.Series([moment]).dt.convert_time_zone(tz).dt.truncate(every)
    return series.item()


def _with_baseline(
    frame: pl.DataFrame, *, by: str | None, periods: int, band_k: float, step: int
) -> pl.DataFrame:
    """Trailing median and median +- k x 1.4826 x MAD of ``mentions`` (per group)."""
    if by is None:
        counts = frame.get_column("mentions").to_numpy()
        median, low, high = trailing_band(counts, periods, band_k, step=step)
        return frame.with_columns(
            baseline_median=pl.Series(median, nan_to_null=True),
            baseline_low=pl.Series(low, nan_to_null=True),
            baseline_high=pl.Series(high, nan_to_null=True),
        )
    parts = []
    for _, group in frame.group_by(by, maintain_order=True):
        parts.append(_with_baseline(group, by=None, periods=periods, band_k=band_k, step=step))
    return pl.concat(parts).sort(["period_start", by], nulls_last=True)


def _median_sorted(items: list[float]) -> float:
    middle = len(items) // 2
    return items[middle] if len(items) % 2 else (items[middle - 1] + items[middle]) / 2


def trailing_band(
    values: np.ndarray, periods: int, band_k: float, min_periods: int = 3, step: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Median and robust band of the ``periods`` earlier values ``step`` apart.

    Position i is compared with values[i - step], values[i - 2 step], ... (``step`` = 24 on
    an hourly series: the same hour on earlier days). Returns (median, low, high) arrays of
    floats, NaN where fewer than ``min_periods`` earlier values exist. The band is
    median +- band_k x 1.4826 x MAD, low floored at 0.

    A value above its own band's top (at least ``band_k`` Poisson deviations,
    sqrt(max(median, 1)), above the median) is a spike and does not serve as an earlier
    value of the later positions: median and MAD shrug off one spike, but a crisis longer
    than half the window would otherwise lift the band it is drawn against. Where a spike
    leaves fewer than ``min_periods`` earlier values, the band is NaN (not learned).
    """
    values = np.asarray(values, dtype=float)
    n = len(values)
    median = np.full(n, np.nan)
    mad = np.full(n, np.nan)
    # plain floats: a sequential loop over short windows, where numpy's per-call overhead
    # would dominate; None where a spike was left out
    usable: list[float | None] = values.tolist()
    for i in range(n):
        refs = sorted(
            v
            for j in range(i - step, max(i - step * periods, 0) - 1, -step)
            if j >= 0 and (v := usable[j]) is not None and v == v  # v == v: not NaN
        )
        if len(refs) < max(min_periods, 1):
            continue
        mid = _median_sorted(refs)
        deviation = _median_sorted(sorted(abs(v - mid) for v in refs))
        median[i], mad[i] = mid, deviation
        if values[i] > mid + band_k * max(MAD_TO_SD * deviation, math.sqrt(max(mid, 1.0))):
            usable[i] = None
    spread = band_k * MAD_TO_SD * mad
    low = np.maximum(median - spread, 0.0)
    high = median + spread
    return median, low, high
