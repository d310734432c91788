"""What the two app-store review layouts share: stars as sentiment, the developer's reply.

A store review carries the developer's answer in the same record (Play: ``replyContent``
and ``repliedAt``; App Store: ``developerResponse``). It becomes a row of its own, a brand
post whose ``parent_id`` is the review's id, so the reply rate counts it.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, vocab
from analytics.load.finish import PARENT_ROW, Context, map_frame
from analytics.load.read import ROW, RawTable


def stars(name: str | None) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(sentiment word, star count, note) from a 1-5 star column (``5`` or ``5.0``)."""
    count, note = clean.count(name)
    return vocab.stars_sentiment(count), count, note


def replies(
    raw: RawTable,
    ctx: Context,
    *,
    platform: str,
    text: pl.Expr,
    published: pl.Expr,
    parent: pl.Expr,
) -> pl.DataFrame:
    """One brand reply row per record (null time/text where the review has no reply)."""
    handle = ctx.brand_handles[0].lstrip("@") if ctx.brand_handles else None
    values = {
        "mention_id": pl.lit(None, pl.Utf8),  # the parent's id + ":reply", set at the end
        "platform": pl.lit(platform),
        "content_type": pl.lit("reply"),
        "published_at": published,
        "author": pl.lit(handle, pl.Utf8),
        "text": text,
        "is_brand_post": pl.lit(True),
        "parent_id": parent,
    }
    frame = map_frame(raw, values, [], pl.lit(None, pl.Utf8))
    return frame.with_columns(pl.col(ROW).alias(PARENT_ROW))
