"""Crisis detection and the crisis window: onset, peak, end, phases, recovery, sentiment gap.

Method (quoted in the report's method appendix through ``CrisisWindow.method``):

1. Hourly counts of customer mentions and of negative mentions, in the report's time zone,
   with silent hours as zeros.
2. Each hour is compared with what is normal *for that hour of the week*: the median of the
   same hour in the previous ``weeks`` weeks (at least ``min_weekly_refs`` of them). When the
   data is too short for that, the same hour on the previous ``days`` days is used
   (hour-of-day pattern; at least ``min_daily_refs``). Brand conversation has strong daily
   and weekly rhythms (quiet nights, busy weekday lunchtimes), so a flat baseline would raise
   an alarm every evening and miss a spike at 3 a.m.
3. The score is a robust z-score: (observed - median) / scale, with scale =
   max(1.4826 x MAD of the reference hours, sqrt(max(median, 1))). Median and MAD ignore the odd
   outlier in the references (a previous spike) where mean and sd would not; the sqrt floor
   is the Poisson standard deviation, which keeps small counts (0, 1, 2 mentions an hour)
   from producing huge scores when the MAD is 0. Hours that were themselves above the band
   are clipped to the band's top before they serve as references, so a crisis does not
   raise the baseline it is measured against.
4. Alert levels: ``watch`` (score >= watch_z), ``warning`` (>= warning_z), ``critical``
   (>= critical_z); no alert below ``min_mentions`` mentions in the hour.
5. A crisis is an *episode*: elevated hours (volume or negative volume at watch or above),
   merged across gaps of up to ``merge_gap_hours``, with at least ``min_alert_hours``
   elevated hours and at least one hour at ``crisis_level``. A lone blip is not a crisis.
   Onset = first hour of the episode; peak = its busiest hour; end = first hour after the
   episode that starts ``end_hours`` hours back inside the band, hour by hour and as a
   whole (their total within ``end_z`` standard errors of the expected total); null while
   the conversation has not settled by the end of the data.
6. Phases (half-open, contiguous): pre-crisis [data start, onset), escalation [onset, first
   hour >= ``peak_fraction`` x peak volume), peak [that hour, last such hour], recovery
   [after it, end), post-crisis [end, data end). Recovery time = end - peak. Sentiment gap =
   net sentiment of the ``gap_days`` after the end minus that of the ``gap_days`` before
   the onset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import polars as pl

from analytics.errors import AnalysisError, InputDataError
from analytics.measure.alerts import (  # noqa: F401  (re-exported for callers)
    LEVELS,
    DetectionParams,
    alerts_frame,
    daily_alert_levels,
    no_scores,
    score_hours,
    seasonal_scores,
)
from analytics.measure.timeline import as_utc, net_sentiment, timeline

PHASES = ("pre-crisis", "escalation", "peak", "recovery", "post-crisis")


@dataclass
class CrisisWindow:
    """A crisis window and the evidence it was drawn from.

    ``onset``/``peak``/``end`` are UTC datetimes (null when unknown: no crisis, or ``end``
    while the conversation has not settled). ``detected`` is true when the window holds a
    crisis, whether the detector found it or the analyst gave it (``manual``).
    ``phases``: phase, start, end (UTC, half-open), hours. ``alerts``: one row per hour and
    metric (``volume``, ``negative``): period_start (local), metric, observed, expected,
    score, level, band_high, baseline. ``notes`` are plain sentences for the reader.
    """

    brand: str | None
    onset: datetime | None
    peak: datetime | None
    end: datetime | None
    phases: pl.DataFrame
    alerts: pl.DataFrame
    recovery_hours: float | None
    sentiment_gap: float | None
    method: dict
    detected: bool
    peak_mentions: int | None = None
    manual: bool = False
    tz: str = "Asia/Jakarta"
    notes: list[str] = field(default_factory=list)

    def daily_alerts(self) -> pl.DataFrame:
        """Highest alert level per local day: date, level, mentions, negative, max_score."""
        return daily_alert_levels(self.alerts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (datetimes as ISO-8601 UTC strings)."""
        return {
            "brand": self.brand,
            "detected": self.detected,
            "manual": self.manual,
            "onset": _iso(self.onset),
            "peak": _iso(self.peak),
            "end": _iso(self.end),
            "peak_mentions": self.peak_mentions,
            "recovery_hours": self.recovery_hours,
            "sentiment_gap": self.sentiment_gap,
            "phases": [
                {"phase": r["phase"], "start": _iso(r["start"]), "end": _iso(r["end"])}
                for r in self.phases.iter_rows(named=True)
            ],
            "alerts": [
                {**r, "date": r["date"].isoformat()}
                for r in self.daily_alerts().iter_rows(named=True)
            ],
            "time_zone": self.tz,
            "method": self.method,
            "notes": list(self.notes),
        }


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _method(params: DetectionParams, rule: str) -> dict:
    description = (
        "Hourly mention and negative-mention counts are compared with the median of the same "
        f"hour in the previous {params.weeks} weeks (or, with less history, the previous "
        f"{params.days} days); score = (observed - median) / "
        "max(1.4826 x MAD, sqrt(max(median, 1))). "
        f"Alert levels: watch >= {params.watch_z}, warning >= {params.warning_z}, critical >= "
        f"{params.critical_z} (hours with at least {params.min_mentions} mentions). A crisis "
        f"is an episode of at least {params.min_alert_hours} elevated hours (gaps up to "
        f"{params.merge_gap_hours} h merged) reaching {params.crisis_level}; it ends when "
        f"counts stay inside the band for {params.end_hours} h (up to "
        f"{params.end_tolerance_hours} isolated watch hours allowed) and their total is within "
        f"{params.end_z} standard errors of the expected total. The peak phase holds "
        f"the hours at or above {params.peak_fraction:.0%} of the peak hour's volume."
    )
    if rule == "manual":
        description = "Window given by the analyst; peak = busiest hour inside it. " + description
    return {"rule": rule, "description": description, **params.__dict__}


def _hourly(mentions: pl.DataFrame | pl.LazyFrame, tz: str, include_brand_posts: bool):
    """Hourly customer timeline with UTC hour starts, or a clear error when there is none."""
    try:
        hours = timeline(mentions, every="1h", tz=tz, include_brand_posts=include_brand_posts)
    except AnalysisError:
        raise AnalysisError(
            "there are no customer mentions to look for a crisis in: check the brand name "
            "and that its exports were ingested"
        ) from None
    return hours.with_columns(hour_utc=pl.col("period_start").dt.convert_time_zone("UTC"))


def _brand_of(mentions: pl.DataFrame | pl.LazyFrame) -> str | None:
    lazy = mentions.lazy() if isinstance(mentions, pl.DataFrame) else mentions
    if "brand" not in lazy.collect_schema().names():
        return None
    brands = lazy.select(pl.col("brand").drop_nulls().unique()).collect().to_series()
    return brands.item() if brands.len() == 1 else None


def _episodes(elevated: np.ndarray, level: np.ndarray, params: DetectionParams) -> list:
    """Runs of elevated hours (gaps up to merge_gap_hours merged) that qualify as crises."""
    needed = LEVELS.index(params.crisis_level)
    found, start, last, count = [], None, None, 0
    for t in np.flatnonzero(elevated):
        if start is not None and t - last - 1 <= params.merge_gap_hours:
            last, count = t, count + 1
            continue
        if start is not None:
            found.append((start, last, count))
        start, last, count = t, t, 1
    if start is not None:
        found.append((start, last, count))
    kept = []
    for a, b, c in found:
        if c < params.min_alert_hours or level[a : b + 1].max() < needed:
            continue
        # a lone watch hour a few hours before the rise is noise, not the onset
        while a < b and level[a] == 1 and not elevated[a + 1 : a + 3].any():
            a = a + 1 + int(np.argmax(elevated[a + 1 : b + 1]))
        kept.append((a, b))
    return kept


def _end_after(
    level: np.ndarray, volume: dict[str, np.ndarray], last: int, params: DetectionParams
) -> int | None:
    """First hour after ``last`` (the episode's last elevated hour) that starts ``end_hours``
    calm hours, or None.

    Calm, hour by hour: no hour at warning or above, and at most ``end_tolerance_hours``
    isolated hours at watch (a z >= 3 hour turns up about every other day in pure noise, and
    should not keep a crisis open); the first hour itself inside the band. Calm as a whole:
    the run's total volume within ``end_z`` standard errors of its expected total. The
    second test sees the long tail a single hour cannot: at 2-3 mentions an hour, twice the
    usual volume is not significant in any one hour but is over a day.
    """
    span = params.end_hours
    observed, expected = volume["observed"], volume["expected"]
    variance = volume["scale"] ** 2
    for t in range(last + 1, len(level) - span + 1):
        run = level[t : t + span]
        if level[t] != 0 or run.max() >= 2 or (run == 1).sum() > params.end_tolerance_hours:
            continue
        excess = observed[t : t + span].sum() - np.nansum(expected[t : t + span])
        spread = math.sqrt(np.nansum(variance[t : t + span]))
        if spread == 0 or excess / spread < params.end_z:
            return t
    return None


def _window(
    hours: pl.DataFrame,
    alerts: pl.DataFrame,
    *,
    onset: int,
    end: int | None,
    params: DetectionParams,
    brand: str | None,
    tz: str,
    rule: str,
    manual: bool = False,
    notes: list[str] | None = None,
) -> CrisisWindow:
    """Build the CrisisWindow for hour indices [onset, end) of ``hours``."""
    notes = list(notes or [])
    times: list[datetime] = hours.get_column("hour_utc").to_list()
    volume = hours.get_column("mentions").to_numpy()
    stop = end if end is not None else len(times)
    peak = onset + int(np.argmax(volume[onset:stop]))
    top = volume[peak]
    strong = np.flatnonzero(volume[onset:stop] >= params.peak_fraction * top) + onset
    hour = timedelta(hours=1)
    data_start, data_end = times[0], times[-1] + hour
    end_time = times[end] if end is not None else None
    bounds = [
        data_start,
        times[onset],
        times[strong[0]],
        times[strong[-1]] + hour,
        end_time or data_end,
        data_end,
    ]
    phases = pl.DataFrame(
        {
            "phase": list(PHASES),
            "start": bounds[:-1],
            "end": bounds[1:],
        },
        schema={
            "phase": pl.Utf8,
            "start": pl.Datetime("us", "UTC"),
            "end": pl.Datetime("us", "UTC"),
        },
    ).with_columns(hours=(pl.col("end") - pl.col("start")).dt.total_minutes() / 60)
    if end is None:
        notes.append(
            "The conversation had not settled back into its normal range by the end of the "
            f"data ({_iso(data_end)}), so the crisis end and recovery time are unknown."
        )
    gap = _sentiment_gap(hours, times[onset], end_time, params.gap_days)
    if gap is None and end_time is not None:
        notes.append(
            "The sentiment gap could not be measured: no positive or negative mentions in the "
            f"{params.gap_days:g} days before the onset or after the end."
        )
    return CrisisWindow(
        brand=brand,
        onset=times[onset],
        peak=times[peak],
        end=end_time,
        phases=phases,
        alerts=alerts,
        recovery_hours=(end_time - times[peak]) / hour if end_time is not None else None,
        sentiment_gap=gap,
        method=_method(params, rule),
        detected=True,
        peak_mentions=int(top),
        manual=manual,
        tz=tz,
        notes=notes,
    )


def _sentiment_gap(
    hours: pl.DataFrame, onset: datetime, end: datetime | None, gap_days: float
) -> float | None:
    if end is None:
        return None
    span = timedelta(days=gap_days)
    t = pl.col("hour_utc")
    before = hours.filter((t >= onset - span) & (t < onset))
    after = hours.filter((t >= end) & (t < end + span))
    pre = net_sentiment(int(before["positive"].sum()), int(before["negative"].sum()))
    post = net_sentiment(int(after["positive"].sum()), int(after["negative"].sum()))
    if pre is None or post is None:
        return None
    return post - pre


def _prepare(
    mentions, tz: str, every: str, include_brand_posts: bool, params, overrides, hourly=True
):
    """Check ``every``, merge the overrides into the parameters, build the hourly timeline."""
    if every not in ("1h", "hour"):
        raise InputDataError(
            f'crisis detection works on hourly counts; got every="{every}" (use "1h")'
        )
    params = params or DetectionParams()
    if overrides:
        unknown = sorted(set(overrides) - set(params.__dict__))
        if unknown:
            raise InputDataError(
                f"unknown detection parameter(s) {', '.join(unknown)}; the parameters are "
                + ", ".join(params.__dict__)
            )
        params = DetectionParams(**{**params.__dict__, **overrides})
    hours = _hourly(mentions, tz, include_brand_posts) if hourly else None
    return params, hours


def detect_crises(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = "Asia/Jakarta",
    every: str = "1h",
    brand: str | None = None,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> list[CrisisWindow]:
    """Every crisis episode in the data, oldest first (see the module docstring).

    Thresholds come from ``params`` (a DetectionParams) and/or keyword overrides such as
    ``warning_z=4``. Raises ``AnalysisError`` when the data is too short for a baseline.
    """
    params, hours = _prepare(mentions, tz, every, include_brand_posts, params, overrides)
    brand = brand if brand is not None else _brand_of(mentions)
    return _find(hours, params, brand, tz)[0]


def _find(
    hours: pl.DataFrame, params: DetectionParams, brand: str | None, tz: str
) -> tuple[list[CrisisWindow], pl.DataFrame]:
    """The crisis windows of an hourly timeline, and its hourly alerts."""
    minimum = params.min_daily_refs * 24 + 1
    if hours.height < minimum:
        days = hours.get_column("period_start").dt.date().n_unique()
        raise AnalysisError(
            f"only {days} day{'' if days == 1 else 's'} of mentions ({hours.height} hours): "
            f"crisis detection needs more than {params.min_daily_refs} days so the first days "
            "can show the normal level. Load more history, or give the window by hand "
            "(--start/--end)."
        )
    scored = score_hours(hours, params)
    alerts = alerts_frame(hours, scored)
    level = np.maximum(scored["volume"]["level"], scored["negative"]["level"])
    volume = hours.get_column("mentions").to_numpy()
    windows: list[CrisisWindow] = []
    taken_until = -1
    for first, last in _episodes(level >= 1, level, params):
        if first < taken_until:
            continue  # part of the previous crisis (it had not ended yet)
        end = _end_after(level, {**scored["volume"], "observed": volume}, last, params)
        window = _window(
            hours,
            alerts,
            onset=first,
            end=end,
            params=params,
            brand=brand,
            tz=tz,
            rule="seasonal robust z-score",
        )
        windows.append(window)
        taken_until = end if end is not None else hours.height
    return windows, alerts


def _main(windows: list[CrisisWindow]) -> CrisisWindow:
    """The crisis with the busiest peak hour (the earlier one on a tie)."""
    return max(windows, key=lambda w: (w.peak_mentions or 0, -w.onset.timestamp()))


def detect_crisis(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = "Asia/Jakarta",
    every: str = "1h",
    brand: str | None = None,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> CrisisWindow:
    """The main crisis in the data: the episode with the busiest peak hour.

    When nothing qualifies, returns a window with ``detected=False``, null times, empty
    phases and the hourly alerts (so a monitoring job can still show each day's level).
    """
    params, hours = _prepare(mentions, tz, every, include_brand_posts, params, overrides)
    brand = brand if brand is not None else _brand_of(mentions)
    windows, alerts = _find(hours, params, brand, tz)
    if windows:
        return _main(windows)
    return CrisisWindow(
        brand=brand,
        onset=None,
        peak=None,
        end=None,
        phases=pl.DataFrame(
            schema={
                "phase": pl.Utf8,
                "start": pl.Datetime("us", "UTC"),
                "end": pl.Datetime("us", "UTC"),
                "hours": pl.Float64,
            }
        ),
        alerts=alerts,
        recovery_hours=None,
        sentiment_gap=None,
        method=_method(params, "seasonal robust z-score"),
        detected=False,
        tz=tz,
        notes=["No crisis detected: no sustained rise above the normal range for this time."],
    )


def manual_window(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    start: datetime,
    end: datetime,
    tz: str = "Asia/Jakarta",
    brand: str | None = None,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> CrisisWindow:
    """The crisis window given by the analyst: onset = ``start``, end = ``end``.

    Naive datetimes are local times in ``tz``. Peak, phases, recovery time and sentiment gap
    are measured inside it exactly as for a detected window. Raises ``AnalysisError`` when
    no customer mention falls inside the window.
    """
    params, hours = _prepare(mentions, tz, "1h", include_brand_posts, params, overrides)
    start_utc, end_utc = as_utc(start, tz), as_utc(end, tz)
    if start_utc >= end_utc:
        raise InputDataError(
            f"the window start ({start_utc:%Y-%m-%d %H:%M} UTC) must be before its end "
            f"({end_utc:%Y-%m-%d %H:%M} UTC)"
        )
    brand = brand if brand is not None else _brand_of(mentions)
    # hours covering the window, even where it reaches past the data
    times = hours.get_column("hour_utc")
    first_hour = start_utc.replace(minute=0, second=0, microsecond=0)
    inside = hours.filter((times >= first_hour) & (times < end_utc))
    if inside.height == 0 or inside.get_column("mentions").sum() == 0:
        raise AnalysisError(
            f"no customer mentions between {start_utc:%Y-%m-%d %H:%M} and "
            f"{end_utc:%Y-%m-%d %H:%M} UTC: the window is outside the data "
            f"({times.min():%Y-%m-%d} to {times.max():%Y-%m-%d}) or the brand was silent"
        )
    notes = []
    if hours.height > params.min_daily_refs * 24:
        scored = score_hours(hours, params)
        alerts = alerts_frame(hours, scored)
    else:
        alerts = alerts_frame(hours, no_scores(hours.height))
        notes.append("Too little history for alert levels; the window itself is still measured.")
    onset_i = int(np.searchsorted(times.to_numpy(), np.datetime64(first_hour.replace(tzinfo=None))))
    end_i = int(np.searchsorted(times.to_numpy(), np.datetime64(end_utc.replace(tzinfo=None))))
    window = _window(
        hours,
        alerts,
        onset=onset_i,
        end=end_i if end_i < hours.height else None,
        params=params,
        brand=brand,
        tz=tz,
        rule="manual",
        manual=True,
        notes=notes,
    )
    window.onset, window.end = start_utc, end_utc
    window.recovery_hours = (end_utc - window.peak) / timedelta(hours=1)
    if end_i >= hours.height:
        # the analyst's end lies past the data: say that, not "had not settled"
        window.notes = [n for n in window.notes if not n.startswith("The conversation had")]
        window.notes.append(
            f"The window ends after the data does ({_iso(times.max() + timedelta(hours=1))}); "
            "the post-crisis phase and the sentiment gap cannot be measured."
        )
    return window


def platform_windows(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = "Asia/Jakarta",
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> pl.DataFrame:
    """Run the detector on each platform apart, so platforms can be compared.

    One row per platform: platform, detected, onset, peak, end, peak_mentions,
    recovery_hours, sentiment_gap, note ("Instagram recovered 3 days later than X" is read
    from the ``end`` column). A platform with too little data gets a note, not an error.
    """
    params, _ = _prepare(mentions, tz, "1h", include_brand_posts, params, overrides, hourly=False)
    brand = _brand_of(mentions)
    # one pass over the mentions for every platform's hourly counts
    try:
        split = timeline(
            mentions, every="1h", tz=tz, by="platform", include_brand_posts=include_brand_posts
        )
    except AnalysisError:
        raise AnalysisError(
            "there are no customer mentions to look for a crisis in: check the brand name "
            "and that its exports were ingested"
        ) from None
    split = split.filter(pl.col("platform").is_not_null()).with_columns(
        hour_utc=pl.col("period_start").dt.convert_time_zone("UTC")
    )
    rows = []
    for (platform,), hours in split.group_by("platform", maintain_order=True):
        row = {
            "platform": platform,
            "detected": False,
            "onset": None,
            "peak": None,
            "end": None,
            "peak_mentions": None,
            "recovery_hours": None,
            "sentiment_gap": None,
            "note": None,
        }
        try:
            windows, _ = _find(hours.drop("platform"), params, brand, tz)
        except AnalysisError as error:
            row["note"] = str(error)
        else:
            if windows:
                window = _main(windows)
                row.update(
                    detected=True,
                    onset=window.onset,
                    peak=window.peak,
                    end=window.end,
                    peak_mentions=window.peak_mentions,
                    recovery_hours=window.recovery_hours,
                    sentiment_gap=window.sentiment_gap,
                    note=" ".join(window.notes) or None,
                )
            else:
                row["note"] = "no crisis detected on this platform"
        rows.append(row)
    utc = pl.Datetime("us", "UTC")
    return pl.DataFrame(
        rows,
        schema={
            "platform": pl.Utf8,
            "detected": pl.Boolean,
            "onset": utc,
            "peak": utc,
            "end": utc,
            "peak_mentions": pl.Int64,
            "recovery_hours": pl.Float64,
            "sentiment_gap": pl.Float64,
            "note": pl.Utf8,
        },
    )
