"""Emotions of the customer conversation: the stored emotion labels beside the mentions, and
the emotion mix per crisis phase.

Emotion labels come from ``crisis-analytics emotion store`` (Indonesian text only; English
mentions have none, see docs/sentiment.md). Shares are of the customer mentions that have
an emotion label, so a phase with few Indonesian mentions shows its small ``labelled`` n.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

from analytics.measure.audience import brand_post

KEY = ["brand", "platform", "mention_id"]
# what the emotion measures read: hand them only these (a join of every column would copy
# the whole mention table)
USED_COLUMNS = [*KEY, "published_at", "is_brand_post"]
EMOTION_ORDER = ("anger", "fear", "sadness", "joy", "love", "none")


def not_emotion_scored(
    mentions: pl.DataFrame, emotions: pl.DataFrame | pl.LazyFrame
) -> tuple[int, int]:
    """(customer mentions that ``emotion store`` left without an emotion because they are
    not Indonesian, customer mentions) in ``mentions``: the English part of the conversation
    the emotion charts cannot show (``sentiment.emotion.NOT_SCORED_METHOD``)."""
    from analytics.sentiment.emotion import NOT_SCORED_METHOD

    methods = emotions.lazy().select(*KEY, "emotion_method").collect()
    customers = (
        mentions.filter(~brand_post())
        .select(KEY)
        .join(methods, on=KEY, how="left", maintain_order="left")
    )
    skipped = customers.get_column("emotion_method") == NOT_SCORED_METHOD
    return int(skipped.sum()), customers.height


def with_emotions(mentions: pl.DataFrame, emotions: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """``mentions`` plus an ``emotion`` column (null where the mention has no label)."""
    labels = emotions.lazy().select(*KEY, "emotion").collect()
    return mentions.drop("emotion", strict=False).join(
        labels, on=KEY, how="left", maintain_order="left"
    )


def emotion_timeline(
    mentions: pl.DataFrame, *, every: str = "1d", tz: str = "Asia/Jakarta"
) -> pl.DataFrame:
    """Customer mentions per period and emotion: ``period_start`` (in ``tz``), ``emotion``,
    ``mentions`` (labelled mentions only; periods without any are absent)."""
    return (
        mentions.filter(~brand_post() & pl.col("emotion").is_not_null())
        .group_by(
            pl.col("published_at")
            .dt.convert_time_zone(tz)
            .dt.truncate(every)
            .alias("period_start"),
            "emotion",
        )
        .agg(pl.len().alias("mentions"))
        .sort("period_start", "emotion")
    )


def emotion_mix(mentions: pl.DataFrame, phases: pl.DataFrame) -> pl.DataFrame:
    """One row per phase (``phase``, ``start``, ``end`` UTC half-open, as the crisis window
    gives them): ``labelled`` customer mentions and the share of each emotion."""
    customers = mentions.filter(~brand_post() & pl.col("emotion").is_not_null())
    rows = []
    for phase in phases.iter_rows(named=True):
        start: datetime = phase["start"]
        end: datetime = phase["end"]
        inside = customers.filter(
            (pl.col("published_at") >= start) & (pl.col("published_at") < end)
        ).get_column("emotion")
        n = inside.len()
        shares = {e: (int((inside == e).sum()) / n if n else None) for e in EMOTION_ORDER}
        rows.append({"phase": phase["phase"], "start": start, "end": end, "labelled": n, **shares})
    schema = {"phase": pl.Utf8, "start": phases.schema["start"], "end": phases.schema["end"],
              "labelled": pl.Int64, **dict.fromkeys(EMOTION_ORDER, pl.Float64)}  # fmt: skip
    return pl.DataFrame(rows, schema=schema, orient="row")
