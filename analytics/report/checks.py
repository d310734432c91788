"""Checks a report job makes before a kernel starts, so bad input fails fast and plainly.

Each reads the input the way the notebook will (the store, the events file, the survey, the
labels) and raises the same one-line error the notebook would, seconds instead of minutes in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analytics.defaults import DEFAULT_TZ
from analytics.errors import InputDataError

__all__ = [
    "check_brand",
    "check_events",
    "check_has_mentions",
    "check_out",
    "check_scored",
    "check_survey_and_labels",
]


def check_brand(store: Path, brand: str) -> None:
    """Fail before starting a kernel when the store is missing or lacks the brand."""
    from analytics.store import Store

    Store(store).require_brand(brand)


def check_has_mentions(
    store: Path, brand: str, start: Any, end: Any, what: str, tz: str = DEFAULT_TZ
) -> None:
    """Fail before starting a kernel when the brand has no mention in ``[start, end)``,
    listing the weeks that have data (a report of an empty period would be all zeros)."""
    import polars as pl

    from analytics.errors import AnalysisError
    from analytics.report.inputs import scan_mentions

    period = scan_mentions(store, brand, start=start, end=end, with_sentiment=False)
    inside = period.select(pl.len()).collect().item()
    if inside:
        return
    local = pl.col("published_at").dt.convert_time_zone(tz)
    weeks = (
        scan_mentions(store, brand, with_sentiment=False)
        .group_by(local.dt.strftime("%G-W%V").alias("week"))
        .agg(pl.len().alias("n"))
        .sort("week")
        .collect()
    )
    if weeks.height:
        shown = [f"{w} ({n:,})" for w, n in weeks.tail(12).iter_rows()]
        more = f" (the last 12 of {weeks.height})" if weeks.height > 12 else ""
        held = f"weeks with mentions{more}: {', '.join(shown)}"
    else:
        held = "it holds none"
    raise AnalysisError(
        f"{store}: no mention of {brand!r} {what} ({start:%Y-%m-%d} to {end:%Y-%m-%d}); "
        f"{held}. Pick a period with data, or ingest the exports for that period first."
    )


def check_scored(store: Path, brand: str, start: Any, end: Any) -> None:
    """Fail before starting a kernel when mentions of the period have no sentiment yet:
    every sentiment figure of the report would read "unscored"."""
    import polars as pl

    from analytics.errors import AnalysisError
    from analytics.measure.audience import brand_post
    from analytics.report.inputs import scan_mentions

    unscored = (
        scan_mentions(store, brand, start=start, end=end)
        .filter(pl.col("sentiment_label").is_null() & ~brand_post())
        .select(pl.len())
        .collect()
        .item()
    )
    if unscored:
        raise AnalysisError(
            f"{unscored:,} mention(s) of {brand!r} in the report period have no sentiment "
            f"score yet: run `crisis-analytics sentiment store --store {store}` first, then "
            "the report again"
        )


def check_out(out: Path) -> None:
    """The reports folder must be a folder (or not exist yet): fail before any work."""
    if Path(out).exists() and not Path(out).is_dir():
        raise InputDataError(f"--out {out}: is a file; expected the reports folder")


def check_events(events: Path | None, tz: str) -> None:
    """Read the events file before a kernel starts, so a bad file fails fast and plainly."""
    if events is not None and Path(events).is_dir():
        raise InputDataError(f"--events {events}: is a folder; expected the events CSV file")
    if events is not None and Path(events).is_file():
        from analytics.measure.events import read_events

        read_events(events, tz=tz)


def check_survey_and_labels(survey: Path | None, labels: Path | None) -> None:
    """Read the survey and the labels the way the review does, before a kernel starts."""
    if survey is not None and Path(survey).is_file():
        from analytics.measure.survey import find_text_column, read_survey

        find_text_column(read_survey(survey), survey)
    if labels is not None and Path(labels).is_file():
        from analytics.sentiment.labelled import read_labelled

        read_labelled(labels)
