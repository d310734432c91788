"""Public entry points: every crisis, the main one, a window given by hand, per platform."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError, InputDataError
from analytics.measure.crisis.end import end_after
from analytics.measure.crisis.episodes import find_episodes
from analytics.measure.crisis.notes import Note, NoteCode
from analytics.measure.crisis.params import (
    RULE_DETECTED,
    RULE_MANUAL,
    DetectionParams,
    merged_params,
)
from analytics.measure.crisis.scoring import (
    alerts_frame,
    hourly_counts,
    no_scores,
    score_hours,
)
from analytics.measure.crisis.topics import episode_terms
from analytics.measure.crisis.window import (
    HOUR,
    CrisisWindow,
    build_window,
    headline,
    iso,
    no_crisis_window,
)
from analytics.measure.timeline import as_utc

UTC_TIME = pl.Datetime("us", "UTC")


def _check_every(every: str) -> None:
    if every not in ("1h", "hour"):
        raise InputDataError(
            f'crisis detection works on hourly counts; got every="{every}" (use "1h")'
        )


def _brand_of(mentions: pl.DataFrame | pl.LazyFrame) -> str | None:
    lazy = mentions.lazy() if isinstance(mentions, pl.DataFrame) else mentions
    if "brand" not in lazy.collect_schema().names():
        return None
    brands = lazy.select(pl.col("brand").drop_nulls().unique()).collect().to_series()
    return brands.item() if brands.len() == 1 else None


def _too_short(hours: pl.DataFrame, params: DetectionParams) -> str | None:
    """Why ``hours`` is too short for detection, or None when it is long enough."""
    if hours.height >= params.min_history_hours:
        return None
    days = hours.get_column("period_start").dt.date().n_unique()
    return (
        f"only {days} day{'' if days == 1 else 's'} of mentions ({hours.height} hours): "
        f"crisis detection needs more than {params.min_daily_refs} days so the first days "
        "can show the normal level. Load more history, or give the window by hand "
        "(--start/--end)."
    )


def _find(
    hours: pl.DataFrame, params: DetectionParams, brand: str | None, tz: str
) -> tuple[list[CrisisWindow], pl.DataFrame]:
    """The crisis windows of an hourly timeline, and its hourly alerts."""
    reason = _too_short(hours, params)
    if reason:
        raise AnalysisError(reason)
    scored = score_hours(hours, params)
    alerts = alerts_frame(hours, scored)
    level = np.maximum(scored["volume"]["level"], scored["negative"]["level"])
    volume = hours.get_column("mentions").to_numpy()
    windows: list[CrisisWindow] = []
    onsets: list[int] = []
    stops: list[int] = []
    taken_until = -1
    for first, last in find_episodes(level >= 1, level, params):
        if first < taken_until:
            continue  # part of the previous crisis (it had not ended yet)
        end = end_after(level, {**scored["volume"], "observed": volume}, last, params)
        # less than a day of data before the rise: it cannot be told from the daily rhythm,
        # and had the data begun earlier the episode might reach back further
        at_start = first < params.min_lead_hours
        window = build_window(
            hours,
            alerts,
            onset=0 if at_start else first,
            end=end,
            params=params,
            brand=brand,
            tz=tz,
            rule=RULE_DETECTED,
            at_data_start=at_start,
        )
        window.number = len(windows) + 1
        windows.append(window)
        taken_until = end if end is not None else hours.height
        onsets.append(0 if at_start else first)
        stops.append(taken_until)
    data_end = hours.get_column("hour_utc")[-1] + HOUR
    spans = [(start, stop) for start, stop in zip(onsets, stops, strict=True)]
    for k, current in enumerate(windows):
        current.answer_until = windows[k + 1].onset if k + 1 < len(windows) else data_end
        current.episode_spans = spans
    return windows, alerts


def pick_episode(windows: list[CrisisWindow], episode: int | None) -> CrisisWindow:
    """Episode number ``episode`` (1 = the oldest), or the headline episode when None."""
    if episode is None:
        return headline(windows)
    if not 1 <= episode <= len(windows):
        raise InputDataError(
            f"there is no episode {episode}: the data holds {len(windows)} "
            f"(numbered 1 to {len(windows)}, oldest first)"
        )
    return windows[episode - 1]


def detect_crises(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = DEFAULT_TZ,
    every: str = "1h",
    brand: str | None = None,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> list[CrisisWindow]:
    """Every crisis episode in the data, oldest first (see the package docstring).

    Thresholds come from ``params`` (a DetectionParams) and/or keyword overrides such as
    ``warning_z=4``. Raises ``AnalysisError`` when the data is too short for a baseline.
    """
    _check_every(every)
    params = merged_params(params, overrides)
    hours = hourly_counts(mentions, tz, include_brand_posts)
    brand = brand if brand is not None else _brand_of(mentions)
    return _find(hours, params, brand, tz)[0]


def detect_crisis(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = DEFAULT_TZ,
    every: str = "1h",
    brand: str | None = None,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    episode: int | None = None,
    brand_handles: Sequence[str] = (),
    **overrides: Any,
) -> CrisisWindow:
    """The headline crisis: the episode with the most excess mentions over the baseline, or
    episode number ``episode`` (1 = the oldest, as ``detect_crises`` lists them).

    With more than one episode and a known ``brand``, what each was about is read first
    (``episode_terms``), so a namesake's spike does not become the headline (see
    ``headline``); ``brand_handles`` help tell a mention that names the brand.

    When nothing qualifies, returns a window with ``detected=False``, null times, empty
    phases and the hourly alerts (so a monitoring job can still show each day's level).
    """
    _check_every(every)
    params = merged_params(params, overrides)
    hours = hourly_counts(mentions, tz, include_brand_posts)
    brand = brand if brand is not None else _brand_of(mentions)
    windows, alerts = _find(hours, params, brand, tz)
    if len(windows) > 1 and episode is None and brand:
        names = [brand, *brand.split(), *brand_handles]
        episode_terms(mentions, windows, exclude=names, names=[brand], brand_handles=brand_handles)
    if windows:
        return pick_episode(windows, episode)
    if episode is not None:
        raise InputDataError(f"there is no episode {episode}: no crisis was detected")
    return no_crisis_window(alerts, params=params, brand=brand, tz=tz, rule=RULE_DETECTED)


def no_crisis(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = DEFAULT_TZ,
    brand: str | None = None,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> CrisisWindow:
    """The "no crisis detected" window with the hourly alerts (for monitoring)."""
    params = merged_params(params, overrides)
    hours = hourly_counts(mentions, tz, include_brand_posts)
    alerts = alerts_frame(hours, score_hours(hours, params))
    return no_crisis_window(alerts, params=params, brand=brand, tz=tz, rule=RULE_DETECTED)


def manual_window(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    start: datetime,
    end: datetime,
    tz: str = DEFAULT_TZ,
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
    params = merged_params(params, overrides)
    hours = hourly_counts(mentions, tz, include_brand_posts)
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
    if _too_short(hours, params) is None:
        alerts = alerts_frame(hours, score_hours(hours, params))
    else:
        alerts = alerts_frame(hours, no_scores(hours.height))
        notes.append(Note(NoteCode.MANUAL_SHORT_HISTORY))
    stamps = times.to_numpy()
    onset_i = int(np.searchsorted(stamps, np.datetime64(first_hour.replace(tzinfo=None))))
    end_i = int(np.searchsorted(stamps, np.datetime64(end_utc.replace(tzinfo=None))))
    window = build_window(
        hours,
        alerts,
        onset=onset_i,
        end=end_i if end_i < hours.height else None,
        params=params,
        brand=brand,
        tz=tz,
        rule=RULE_MANUAL,
        manual=True,
        notes=notes,
    )
    window.onset, window.end = start_utc, end_utc
    window.episode_spans = [(onset_i, end_i)]
    window.recovery_hours = (end_utc - window.peak) / HOUR
    if end_i >= hours.height:
        # the analyst's end lies past the data: say that, not "had not settled"
        window.notes = [n for n in window.notes if n.code is not NoteCode.OPEN_END]
        data_end = iso(times.max() + timedelta(hours=1))
        window.notes.append(Note(NoteCode.WINDOW_PAST_DATA, {"data_end": data_end}))
    return window


_PLATFORM_SCHEMA = {
    "platform": pl.Utf8,
    "detected": pl.Boolean,
    "onset": UTC_TIME,
    "peak": UTC_TIME,
    "end": UTC_TIME,
    "peak_mentions": pl.Int64,
    "recovery_hours": pl.Float64,
    "sentiment_gap": pl.Float64,
    "note_codes": pl.List(pl.Utf8),
    "detail": pl.Utf8,
}


def platform_windows(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    tz: str = DEFAULT_TZ,
    include_brand_posts: bool = False,
    params: DetectionParams | None = None,
    **overrides: Any,
) -> pl.DataFrame:
    """Run the detector on each platform apart, so platforms can be compared.

    One row per platform: platform, detected, onset, peak, end, peak_mentions,
    recovery_hours, sentiment_gap, note_codes (``NoteCode`` values), detail (why a platform
    could not be looked at). "Instagram recovered 3 days later than X" is read from the
    ``end`` column. A platform with too little data gets a note, not an error.
    """
    params = merged_params(params, overrides)
    brand = _brand_of(mentions)
    # one pass over the mentions for every platform's hourly counts
    split = hourly_counts(mentions, tz, include_brand_posts, by="platform")
    split = split.filter(pl.col("platform").is_not_null())
    rows = []
    for (platform,), hours in split.group_by("platform", maintain_order=True):
        row: dict[str, Any] = dict.fromkeys(_PLATFORM_SCHEMA)
        row.update(platform=platform, detected=False, note_codes=[])
        try:
            windows, _ = _find(hours.drop("platform"), params, brand, tz)
        except AnalysisError as error:
            row.update(note_codes=[str(NoteCode.TOO_SHORT)], detail=str(error))
        else:
            if windows:
                window = headline(windows)
                row.update(
                    detected=True,
                    onset=window.onset,
                    peak=window.peak,
                    end=window.end,
                    peak_mentions=window.peak_mentions,
                    recovery_hours=window.recovery_hours,
                    sentiment_gap=window.sentiment_gap,
                    note_codes=[str(n.code) for n in window.notes],
                )
            else:
                row["note_codes"] = [str(NoteCode.PLATFORM_NO_CRISIS)]
        rows.append(row)
    return pl.DataFrame(rows, schema=_PLATFORM_SCHEMA)
