"""The crisis window: onset, peak, end, phases, recovery time and sentiment gap.

Phases (half-open, contiguous): pre-crisis [data start, onset), escalation [onset, first
hour >= ``peak_fraction`` x peak volume), peak [that hour, last such hour], recovery [after
it, end), post-crisis [end, data end). A phase that would last 0 hours did not happen and is
left out (an onset already at half the peak has no escalation; data that starts inside the
crisis has no pre-crisis). Recovery time = end - peak. Sentiment gap = net sentiment of the
``gap_days`` after the end minus that of the ``gap_days`` before the onset.

Each detected window is one *episode*; ``excess_mentions`` (customer mentions above the
baseline from onset to end) measures its size, and the headline episode is the one with the
most excess mentions (``headline``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.measure.crisis.method import method
from analytics.measure.crisis.notes import Note, NoteCode
from analytics.measure.crisis.params import PHASES, DetectionParams
from analytics.measure.crisis.scoring import daily_alert_levels
from analytics.measure.crisis.usual import quiet_hours, usual_range
from analytics.measure.response_kinds import CrisisTopic
from analytics.measure.timeline import net_sentiment

UTC_TIME = pl.Datetime("us", "UTC")
PHASE_SCHEMA = {"phase": pl.Utf8, "start": UTC_TIME, "end": UTC_TIME, "hours": pl.Float64}
HOUR = timedelta(hours=1)


@dataclass
class CrisisWindow:
    """A crisis window and the evidence it was drawn from.

    ``onset``/``peak``/``end`` are UTC datetimes (null when unknown: no crisis, or ``end``
    while the conversation has not settled). ``detected`` is true when the window holds a
    crisis, whether the detector found it or the analyst gave it (``manual``).
    ``phases``: phase, start, end (UTC, half-open), hours. ``alerts``: one row per hour and
    metric (``volume``, ``negative``): period_start (local), metric, observed, expected,
    score, level, band_high, baseline. ``notes``: ``Note`` objects (a code and values).
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
    tz: str = DEFAULT_TZ
    notes: list[Note] = field(default_factory=list)
    number: int | None = None
    mentions: int | None = None
    expected_mentions: float | None = None
    onset_at_data_start: bool = False
    baseline_hours: int | None = None
    top_terms: list[str] = field(default_factory=list)
    # the brand's answers to this episode are looked for until then (the next episode's
    # onset or the end of the data): statements often come after the volume has settled
    answer_until: datetime | None = None
    vocabulary: list[str] = field(default_factory=list)
    # terms the public uses together with the vocabulary while the brand can answer, and
    # whether the episode is about the brand at all (None: not judged); see topics.py
    associated: list[str] = field(default_factory=list)
    about_brand: bool | None = None
    # hour indices [start, stop) of the alerts' hours held by crisis episodes (this one and
    # the others): the usual range a chart shades is learned outside them (usual.py)
    episode_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def topic(self) -> CrisisTopic:
        """What the brand's posts are compared with to tell a response from routine."""
        return CrisisTopic(
            tuple(self.vocabulary), tuple(self.associated), self.about_brand is not False
        )

    @property
    def excess_mentions(self) -> float | None:
        """Customer mentions above the baseline from onset to end (or the data's end)."""
        if self.mentions is None or self.expected_mentions is None:
            return None
        return self.mentions - self.expected_mentions

    def band(self, every: str = "1h") -> pl.DataFrame:
        """The usual range of the volume, for a chart: period_start (local),
        baseline_median, baseline_low, baseline_high; hourly, or summed per day (``1d``).

        Learned from quiet hours only (outside every episode and below the watch level, see
        ``usual.py``), so a crisis cannot widen the range it is shown against; null where
        the data holds too few quiet hours before that hour (or, per day, before any of its
        hours). Expected ± ``watch_z`` robust deviations, the detector's alert threshold.
        """
        params = DetectionParams(
            **{k: v for k, v in self.method.items() if k in DetectionParams.__dataclass_fields__}
        )
        hourly = (
            self.alerts.select("period_start", "metric", "observed", "level")
            .filter(pl.col("metric").is_in(["volume", "negative"]))
            .group_by("period_start", maintain_order=True)
            .agg(
                observed=pl.col("observed").filter(pl.col("metric") == "volume").first(),
                elevated=(pl.col("level") != "none").any(),
            )
            .sort("period_start")
        )
        quiet = quiet_hours(hourly.get_column("elevated").to_numpy(), self.episode_spans)
        expected, scale = usual_range(hourly.get_column("observed").to_numpy(), quiet, params)
        volume = hourly.select("period_start").with_columns(
            expected=pl.Series(expected, nan_to_null=True),
            variance=pl.Series(scale**2, nan_to_null=True),
        )
        if every in ("1d", "day"):
            volume = (
                volume.group_by(pl.col("period_start").dt.truncate("1d"))
                .agg(
                    pl.when(pl.col("expected").null_count() == 0)
                    .then(pl.col("expected").sum())
                    .alias("expected"),
                    pl.col("variance").sum(),
                )
                .sort("period_start")
            )
        spread = params.watch_z * pl.col("variance").sqrt()
        return volume.select(
            "period_start",
            baseline_median=pl.col("expected"),
            # clip, not max_horizontal: an hour without a usual range stays null, not 0
            baseline_low=(pl.col("expected") - spread).clip(lower_bound=0.0),
            baseline_high=pl.col("expected") + spread,
        )

    def daily_alerts(self) -> pl.DataFrame:
        """Highest alert level per local day: date, level, mentions, negative, max_score."""
        return daily_alert_levels(self.alerts)

    def has_note(self, code: NoteCode) -> bool:
        return any(note.code is code for note in self.notes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (datetimes as ISO-8601 UTC strings)."""
        return {
            "brand": self.brand,
            "detected": self.detected,
            "manual": self.manual,
            "onset": iso(self.onset),
            "peak": iso(self.peak),
            "end": iso(self.end),
            "peak_mentions": self.peak_mentions,
            "recovery_hours": self.recovery_hours,
            "sentiment_gap": self.sentiment_gap,
            "phases": [
                {"phase": r["phase"], "start": iso(r["start"]), "end": iso(r["end"])}
                for r in self.phases.iter_rows(named=True)
            ],
            "alerts": [
                {**r, "date": r["date"].isoformat()}
                for r in self.daily_alerts().iter_rows(named=True)
            ],
            "episode": self.number,
            "mentions": self.mentions,
            "expected_mentions": _rounded(self.expected_mentions),
            "excess_mentions": _rounded(self.excess_mentions),
            "onset_at_data_start": self.onset_at_data_start,
            "baseline_hours": self.baseline_hours,
            "top_terms": list(self.top_terms),
            "about_brand": self.about_brand,
            "time_zone": self.tz,
            "method": self.method,
            "notes": [note.to_dict() for note in self.notes],
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def headline(windows: list[CrisisWindow]) -> CrisisWindow:
    """The headline episode: of the episodes about the brand (``about_brand`` not False, see
    ``topics.py``; all of them when none is), the one with the most excess mentions over the
    baseline (the earlier one on a tie). Excess, not the busiest hour, because a long crisis
    moves more conversation than a short burst with a higher peak hour; about the brand,
    because a spike of a namesake that the collection's keywords caught is not its crisis."""
    candidates = [w for w in windows if w.about_brand is not False] or windows
    return max(candidates, key=lambda w: (w.excess_mentions or 0.0, -w.onset.timestamp()))


def iso(moment: datetime | None) -> str | None:
    """ISO-8601 UTC with a ``Z``, or None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def build_window(
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
    notes: list[Note] | None = None,
    at_data_start: bool = False,
) -> CrisisWindow:
    """The CrisisWindow for hour indices [onset, end) of ``hours``.

    ``at_data_start``: the crisis may have begun before the data did (the onset is then the
    data's first hour, "at or before the start of the data").
    """
    notes = list(notes or [])
    times: list[datetime] = hours.get_column("hour_utc").to_list()
    volume = hours.get_column("mentions").to_numpy()
    stop = end if end is not None else len(times)
    peak = onset + int(np.argmax(volume[onset:stop]))
    top = volume[peak]
    strong = np.flatnonzero(volume[onset:stop] >= params.peak_fraction * top) + onset
    data_start, data_end = times[0], times[-1] + HOUR
    end_time = times[end] if end is not None else None
    bounds = [
        data_start,
        times[onset],
        times[strong[0]],
        times[strong[-1]] + HOUR,
        end_time or data_end,
        data_end,
    ]
    phases = (
        pl.DataFrame(
            {"phase": list(PHASES), "start": bounds[:-1], "end": bounds[1:]},
            schema={k: PHASE_SCHEMA[k] for k in ("phase", "start", "end")},
        )
        .with_columns(hours=(pl.col("end") - pl.col("start")).dt.total_minutes() / 60)
        .filter(pl.col("hours") > 0)
    )
    if at_data_start:
        notes.append(Note(NoteCode.ONSET_AT_DATA_START, {"data_start": iso(data_start)}))
    elif onset < params.min_history_hours:
        notes.append(
            Note(
                NoteCode.SHORT_BASELINE,
                {"hours": onset, "minimum_days": params.min_daily_refs},
            )
        )
    if end is None:
        notes.append(Note(NoteCode.OPEN_END, {"data_end": iso(data_end)}))
    gap = sentiment_gap(hours, times[onset], end_time, params.gap_days)
    if gap is None and end_time is not None:
        notes.append(Note(NoteCode.NO_SENTIMENT_GAP, {"gap_days": params.gap_days}))
    return CrisisWindow(
        brand=brand,
        onset=times[onset],
        peak=times[peak],
        end=end_time,
        phases=phases,
        alerts=alerts,
        recovery_hours=(end_time - times[peak]) / HOUR if end_time is not None else None,
        sentiment_gap=gap,
        method=method(params, rule),
        detected=True,
        peak_mentions=int(top),
        manual=manual,
        tz=tz,
        notes=notes,
        mentions=int(volume[onset:stop].sum()),
        expected_mentions=_expected_total(alerts, onset, stop),
        onset_at_data_start=at_data_start,
        baseline_hours=onset,
    )


def _expected_total(alerts: pl.DataFrame, start: int, stop: int) -> float | None:
    """The baseline's total volume over hours [start, stop); None if any hour has none."""
    expected = alerts.filter(pl.col("metric") == "volume").get_column("expected")[start:stop]
    if expected.len() == 0 or expected.null_count():
        return None
    return float(expected.sum())


def no_crisis_window(
    alerts: pl.DataFrame, *, params: DetectionParams, brand: str | None, tz: str, rule: str
) -> CrisisWindow:
    """A window saying nothing qualified, with the hourly alerts kept for monitoring."""
    return CrisisWindow(
        brand=brand,
        onset=None,
        peak=None,
        end=None,
        phases=pl.DataFrame(schema=PHASE_SCHEMA),
        alerts=alerts,
        recovery_hours=None,
        sentiment_gap=None,
        method=method(params, rule),
        detected=False,
        tz=tz,
        notes=[Note(NoteCode.NO_CRISIS)],
    )


def sentiment_gap(
    hours: pl.DataFrame, onset: datetime, end: datetime | None, gap_days: float
) -> float | None:
    """Net sentiment of the ``gap_days`` after ``end`` minus that of those before ``onset``."""
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
