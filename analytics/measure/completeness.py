"""Data completeness: mentions per platform per day, with the gaps flagged.

A dip in a timeline can mean the crisis is fading, or that an export stopped, a platform's
connector broke for a day, or one tool's file ends earlier than the others. Reports must not
read the second kind as recovery, so every (day, platform) gets a flag and a reason:

* ``coverage ends early`` / ``coverage starts late``: days after the platform's last
  mention (before its first) while other platforms still have data, when the platform is
  busy enough that those days should have held at least ``min_typical`` mentions in total.
* ``no mentions``: a day with zero mentions for a platform whose typical day has at least
  ``min_typical`` (for a Poisson count with mean 5 a silent day has a chance under 1%).
* ``drop``: fewer than ``drop_fraction`` x the typical day (same ``min_typical`` floor),
  and so few that a Poisson count with the typical mean would go that low with a chance
  under ``alpha``: 1 mention on a day that typically has 6 happens about once in 60 days by
  chance and is not flagged; 3 where 20 are typical (a chance of 3 in a million) is.

"Typical" is the median of the platform's previous ``baseline_days`` days inside its own
coverage (at least 3 of them; else the median of its whole coverage), so a slow trend moves
the baseline but one odd day does not. The first and last day of the whole data are marked
``partial_day`` when the data does not reach their start or end, because they are often cut
by the export's time range rather than by the conversation.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import polars as pl
from scipy.stats import poisson

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError, InputDataError
from analytics.measure.timeline import mentions_frame

_BY = ("platform", "source_tool", "source_file")


def coverage(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = DEFAULT_TZ,
    by: str = "platform",
    baseline_days: int = 14,
    drop_fraction: float = 0.2,
    min_typical: float = 5.0,
    alpha: float = 0.001,
    include_brand_posts: bool = True,
) -> pl.DataFrame:
    """Mentions per local day and ``by`` (platform by default) with gaps flagged.

    Columns: ``date``, ``<by>``, ``mentions``, ``typical`` (null while unknown), ``gap``,
    ``reason`` (null when no gap), ``partial_day``. Every day of the whole data's span is
    present for every platform, with 0 where it had no mentions. Brand posts count by
    default: this is about whether the exports are complete, not about customer opinion.
    """
    if by not in _BY:
        raise InputDataError(f'coverage by "{by}" is not supported: use one of {", ".join(_BY)}')
    lazy = mentions_frame(mentions, include_brand_posts=include_brand_posts)
    if by not in lazy.collect_schema().names():
        raise InputDataError(f'mentions have no column "{by}" to check coverage by')
    local = pl.col("published_at").dt.convert_time_zone(tz)
    daily = (
        lazy.with_columns(date=local.dt.date(), _key=pl.col(by).fill_null("(unknown)"))
        .group_by("date", "_key")
        .agg(mentions=pl.len().cast(pl.Int64))
        .collect()
    )
    if daily.height == 0:
        raise AnalysisError(
            "there are no mentions to check for completeness: check the brand name and that "
            "its exports were ingested"
        )
    edges = lazy.select(
        first=local.min().dt.replace_time_zone(None), last=local.max().dt.replace_time_zone(None)
    ).collect()
    first_seen: datetime = edges.item(0, "first")
    last_seen: datetime = edges.item(0, "last")
    days = pl.date_range(first_seen.date(), last_seen.date(), interval="1d", eager=True)
    parts = []
    for key in sorted(daily.get_column("_key").unique().to_list()):
        counts = (
            pl.DataFrame({"date": days})
            .join(daily.filter(pl.col("_key") == key), on="date", how="left")
            .with_columns(pl.col("mentions").fill_null(0), _key=pl.lit(key))
        )
        parts.append(_flag(counts, baseline_days, drop_fraction, min_typical, alpha, days))
    frame = pl.concat(parts).rename({"_key": by})
    start_cut = (first_seen.hour, first_seen.minute) > (2, 0)
    end_cut = (last_seen.hour, last_seen.minute) < (22, 0)
    frame = frame.with_columns(
        partial_day=((pl.col("date") == days[0]) & start_cut)
        | ((pl.col("date") == days[-1]) & end_cut)
    )
    return frame.select("date", by, "mentions", "typical", "gap", "reason", "partial_day").sort(
        "date", by
    )


def _flag(
    counts: pl.DataFrame,
    baseline_days: int,
    drop_fraction: float,
    min_typical: float,
    alpha: float,
    days: pl.Series,
) -> pl.DataFrame:
    """Typical level, gap flag and reason for one platform's daily counts."""
    values = counts.get_column("mentions").to_numpy().astype(float)
    key = counts.get_column("_key")[0]
    active = np.flatnonzero(values > 0)
    first, last = int(active[0]), int(active[-1])
    usual = float(np.median(values[first : last + 1]))
    typical = np.full(len(values), np.nan)
    for i in range(len(values)):
        lo = max(first, i - baseline_days)
        hi = min(i, last + 1)
        window = values[lo:hi]
        typical[i] = float(np.median(window)) if len(window) >= 3 else usual
    reasons: list[str | None] = [None] * len(values)
    day_names = [d.isoformat() for d in days.to_list()]
    tail_expected = usual * (len(values) - 1 - last)
    head_expected = usual * first
    for i, count in enumerate(values):
        if i > last and tail_expected >= min_typical:
            reasons[i] = (
                f"coverage ends early: the last {key} mention is on {day_names[last]} while "
                f"other sources continue to {day_names[-1]} (a usual day has {usual:g}); "
                "the export probably stopped, so a fall here is not recovery"
            )
        elif i < first and head_expected >= min_typical:
            reasons[i] = (
                f"coverage starts late: the first {key} mention is on {day_names[first]} while "
                f"other sources start on {day_names[0]} (a usual day has {usual:g})"
            )
        elif first <= i <= last and typical[i] >= min_typical:
            if count == 0:
                reasons[i] = (
                    f"no {key} mentions on {day_names[i]} where a typical day has "
                    f"{typical[i]:g}: a platform missing for a day"
                )
            elif count < drop_fraction * typical[i] and poisson.cdf(count, typical[i]) < alpha:
                reasons[i] = (
                    f"drop: {int(count)} {key} mentions on {day_names[i]} against a typical "
                    f"{typical[i]:g} (below {drop_fraction:.0%}); check the export"
                )
    return counts.with_columns(
        typical=pl.Series(typical, nan_to_null=True),
        gap=pl.Series([r is not None for r in reasons]),
        reason=pl.Series(reasons, dtype=pl.Utf8),
    )


def coverage_warnings(cov: pl.DataFrame, *, by: str = "platform") -> list[str]:
    """One sentence per run of consecutive gap days of a platform, for reports and the CLI."""
    gaps = cov.filter(pl.col("gap")).sort(by, "date")
    sentences: list[str] = []
    for (key,), group in gaps.group_by(by, maintain_order=True):
        dates: list[date] = group.get_column("date").to_list()
        reasons: list[str] = group.get_column("reason").to_list()
        run_start = 0
        for i in range(1, len(dates) + 1):
            if i < len(dates) and (dates[i] - dates[i - 1]).days == 1:
                continue
            span = dates[run_start].isoformat()
            if i - 1 > run_start:
                span += f" to {dates[i - 1].isoformat()}"
            count = i - run_start
            sentences.append(
                f"{key} {span} ({count} day{'s' if count > 1 else ''}): {reasons[run_start]}"
            )
            run_start = i
    return sentences


def gaps_between(cov: pl.DataFrame, start: date, end: date) -> pl.DataFrame:
    """The flagged (day, platform) rows from ``start`` to ``end`` inclusive (local dates).

    Used to warn when a crisis window's recovery falls on days with missing data.
    """
    return cov.filter(pl.col("gap") & pl.col("date").is_between(start, end))
