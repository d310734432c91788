"""Cross-crisis history: one row per crisis found in the store, to compare crises.

"Was this one worse than last year's, and did we answer faster?" needs the same figures for
every crisis, measured the same way: the detector of ``analytics.measure.crisis`` runs over each
brand's whole history and each episode it finds becomes a row with its peak volume, time to
peak, time to first response, duration, recovery time and the SCCT strategies the brand used
(deny / diminish / rebuild / bolster, from ``analytics.measure.strategy``).

Responses are the brand's own public posts (``is_brand_post`` or an official handle, replies
to customers left out) read against each episode's crisis vocabulary (off-topic posts are
routine, not responses) and, for a single brand, the events file; the first one at or after
the onset gives the time to first response, and ``responses`` counts the same responses, so
the two never disagree. ``note_codes`` are ``NoteCode``/``FindingCode`` values (the report
writes them in words); ``detail`` says why a brand could not be looked at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError
from analytics.measure.audience import brand_post
from analytics.measure.crisis import (
    CrisisWindow,
    DetectionParams,
    NoteCode,
    detect_crises,
    episode_terms,
)
from analytics.measure.events import brand_responses, only_typed
from analytics.measure.lessons import FindingCode
from analytics.measure.responses import response_timing
from analytics.measure.timeline import mentions_frame
from analytics.progress import progress

UTC_TIME = pl.Datetime("us", "UTC")
HISTORY_SCHEMA: dict[str, pl.DataType] = {
    "brand": pl.Utf8(),
    "detected": pl.Boolean(),
    # false for a namesake's spike (see crisis/topics.py); null when it cannot be judged
    "about_brand": pl.Boolean(),
    "onset": UTC_TIME,
    "peak": UTC_TIME,
    "end": UTC_TIME,
    "peak_mentions": pl.Int64(),
    "hours_to_peak": pl.Float64(),
    "first_response_at": UTC_TIME,
    "hours_to_first_response": pl.Float64(),
    "responses": pl.Int64(),
    "duration_hours": pl.Float64(),
    "recovery_hours": pl.Float64(),
    "mentions": pl.Int64(),
    "negative_share": pl.Float64(),
    "sentiment_gap": pl.Float64(),
    "strategies": pl.Utf8(),
    "note_codes": pl.List(pl.Utf8()),
    "detail": pl.Utf8(),
}
_BRAND_POST_COLUMNS = (
    "mention_id",
    "published_at",
    "platform",
    "author",
    "text",
    "parent_id",
    "content_type",
    "is_brand_post",
)


def crisis_history(
    mentions: pl.DataFrame | pl.LazyFrame,
    *,
    brand: str | None = None,
    tz: str = DEFAULT_TZ,
    events: pl.DataFrame | None = None,
    brand_handles: Sequence[str] = (),
    params: DetectionParams | None = None,
    **overrides: Any,
) -> pl.DataFrame:
    """The crises of one brand's mentions, oldest first (columns: ``HISTORY_SCHEMA``).

    A brand without a crisis gets one row with ``detected = false`` and the reason in
    ``note_codes``/``detail``, so the table shows it was looked at. ``events``
    (EVENT_SCHEMA, e.g. from ``read_events``) adds responses that are not in the exports
    (press releases, a CEO video). Columns: hours_to_peak (onset -> peak),
    hours_to_first_response (onset -> first response, null = no response in the window),
    duration_hours (onset -> end), recovery_hours (peak -> end), mentions and
    negative_share inside the window, strategies (comma-separated, in order of first use).
    """
    lazy = mentions.lazy() if isinstance(mentions, pl.DataFrame) else mentions
    try:
        windows = detect_crises(lazy, tz=tz, brand=brand, params=params, **overrides)
    except AnalysisError as error:
        return _rows([_empty_row(brand, [NoteCode.TOO_SHORT], str(error))])
    if not windows:
        return _rows([_empty_row(brand, [NoteCode.NO_CRISIS], None)])
    names = [brand, *brand.split()] if brand else []
    episode_terms(
        lazy,
        windows,
        exclude=[*names, *brand_handles],
        brand_handles=brand_handles,
        names=[brand] if brand else [],
    )
    posts = _brand_posts(lazy, brand_handles)
    data_end = lazy.select(pl.col("published_at").max()).collect().item()
    return _rows(
        [
            _row(
                w,
                lazy,
                brand_responses(
                    posts, events=events, brand_handles=brand_handles, crisis_terms=w.topic
                ),
                data_end,
            )
            for w in windows
        ]
    )


def store_history(
    store: Any,
    *,
    brand: str | None = None,
    tz: str = DEFAULT_TZ,
    events: pl.DataFrame | None = None,
    brand_handles: Sequence[str] = (),
    params: DetectionParams | None = None,
    **overrides: Any,
) -> pl.DataFrame:
    """``crisis_history`` for one brand of an ``analytics.store.Store``, or for every brand.

    The events file belongs to one brand, so it is only used when ``brand`` is given.
    A progress bar shows on a terminal (one step per brand), never under cron.
    """
    brands = [brand] if brand is not None else store.brands()
    if not brands:
        raise AnalysisError("the store holds no brands yet: ingest an export first")
    parts = [
        crisis_history(
            store.mentions(name),
            brand=name,
            tz=tz,
            events=events if brand is not None else None,
            brand_handles=brand_handles,
            params=params,
            **overrides,
        )
        for name in progress(brands, total=len(brands), description="crisis history")
    ]
    return pl.concat(parts).sort("brand", "onset", nulls_last=True)


def _brand_posts(lazy: pl.LazyFrame, brand_handles: Sequence[str]) -> pl.DataFrame:
    """The brand's own posts (the columns ``brand_responses`` reads), collected alone."""
    frame = mentions_frame(lazy, include_brand_posts=True)
    names = frame.collect_schema().names()
    own = brand_post(brand_handles if "author" in names else ())
    extra = [pl.lit(None, dtype=pl.Utf8).alias(c) for c in _BRAND_POST_COLUMNS if c not in names]
    return frame.filter(own).with_columns(extra).select(_BRAND_POST_COLUMNS).collect()


def _row(
    window: CrisisWindow, lazy: pl.LazyFrame, responses: pl.DataFrame, data_end: datetime
) -> dict[str, Any]:
    hour = timedelta(hours=1)
    stop = window.end or data_end
    answered = window.answer_until or stop
    timing = response_timing(responses, window)
    # the responses the timing counts: typed (not routine, not untyped posts), in the window
    inside = only_typed(responses).filter(
        pl.col("time").is_between(window.onset, answered, closed="left")
    )
    strategies = [s for s in inside.sort("time").get_column("strategy").to_list() if s]
    counts = (
        mentions_frame(lazy)
        .filter(pl.col("published_at").is_between(window.onset, stop, closed="left"))
        .select(
            mentions=pl.len(),
            negative=(pl.col("sentiment_label") == "negative").sum(),
            scored=pl.col("sentiment_label").is_not_null().sum(),
        )
        .collect()
        .row(0, named=True)
    )
    first = timing.get("first_response") or {}
    codes = [str(note.code) for note in window.notes]
    if inside.is_empty():
        codes.append(str(FindingCode.NO_RESPONSE_FOUND))
    return {
        "brand": window.brand,
        "detected": True,
        "about_brand": window.about_brand,
        "onset": window.onset,
        "peak": window.peak,
        "end": window.end,
        "peak_mentions": window.peak_mentions,
        "hours_to_peak": (window.peak - window.onset) / hour,
        "first_response_at": first.get("time"),
        "hours_to_first_response": timing.get("time_to_first_response_hours"),
        "responses": inside.height,
        "duration_hours": (window.end - window.onset) / hour if window.end else None,
        "recovery_hours": window.recovery_hours,
        "mentions": counts["mentions"],
        "negative_share": counts["negative"] / counts["scored"] if counts["scored"] else None,
        "sentiment_gap": window.sentiment_gap,
        "strategies": ", ".join(dict.fromkeys(strategies)) or None,
        "note_codes": codes,
        "detail": None,
    }


def _empty_row(brand: str | None, codes: list[NoteCode], detail: str | None) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(HISTORY_SCHEMA)
    row.update(brand=brand, detected=False, note_codes=[str(c) for c in codes], detail=detail)
    return row


def _rows(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=HISTORY_SCHEMA)
