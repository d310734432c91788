"""Filters for exploring mentions (the ``explore`` notebook): by date, platform, language,
sentiment, and the drill-down from a spike to the mentions behind it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import polars as pl

from analytics.errors import InputDataError
from analytics.measure.audience import brand_post
from analytics.schema import PLATFORMS, SENTIMENT_LABELS


def filter_mentions(
    mentions: pl.DataFrame,
    *,
    platforms: Sequence[str] = (),
    languages: Sequence[str] = (),
    sentiments: Sequence[str] = (),
    include_brand_posts: bool = True,
) -> pl.DataFrame:
    """Keep the mentions matching every non-empty filter (an empty list means no filter).

    Unknown platform or sentiment names raise ``InputDataError`` listing the valid ones,
    so a typo does not silently give an empty chart. ``sentiments`` may include
    ``"unscored"`` for mentions without a score.
    """
    unknown = sorted(set(platforms) - set(PLATFORMS))
    if unknown:
        raise InputDataError(f"platforms {unknown} are not known; use some of {list(PLATFORMS)}")
    allowed = (*SENTIMENT_LABELS, "unscored")
    unknown = sorted(set(sentiments) - set(allowed))
    if unknown:
        raise InputDataError(f"sentiments {unknown} are not known; use some of {list(allowed)}")
    frame = mentions
    if platforms:
        frame = frame.filter(pl.col("platform").is_in(list(platforms)))
    if languages:
        frame = frame.filter(pl.col("language").is_in(list(languages)))
    if sentiments:
        frame = frame.filter(
            pl.col("sentiment_label").fill_null("unscored").is_in(list(sentiments))
        )
    if not include_brand_posts:
        frame = frame.filter(~brand_post())
    return frame


def busiest_period(timeline: pl.DataFrame) -> datetime | None:
    """``period_start`` of the period with the most mentions (the earliest on a tie)."""
    if timeline.height == 0 or timeline.get_column("mentions").max() in (None, 0):
        return None
    return timeline.sort(["mentions", "period_start"], descending=[True, False]).item(
        0, "period_start"
    )


def mentions_in(mentions: pl.DataFrame, start: datetime, length: timedelta) -> pl.DataFrame:
    """The mentions published in ``[start, start + length)``, newest engagement first."""
    begin = start.astimezone(UTC)
    return mentions.filter(
        (pl.col("published_at") >= begin) & (pl.col("published_at") < begin + length)
    ).sort("published_at")
