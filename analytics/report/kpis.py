"""Headline figures for the KPI cards, computed the same way in every report.

Customer figures exclude the brand's own posts (``is_brand_post``). Shares are of *scored*
mentions: an unscored mention is unknown, not neutral. Reach is summed as "potential
reach" (tools estimate it per mention and it double-counts an author's audience).
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from analytics.report.blocks import Kpi


def _engagement() -> pl.Expr:
    parts = ["likes", "comments", "shares"]
    present = pl.any_horizontal([pl.col(c).is_not_null() for c in parts])
    return pl.coalesce(pl.col("engagement"), pl.when(present).then(pl.sum_horizontal(parts)))


def period_figures(
    mentions: pl.DataFrame, start: datetime | None = None, end: datetime | None = None
) -> dict[str, float | int | None]:
    """Counts and shares of the customer mentions published in ``[start, end)``.

    Keys: mentions, positive, neutral, negative, scored, negative_share, net_sentiment,
    potential_reach, engagement, authors, brand_posts.
    """
    frame = mentions
    if start is not None:
        frame = frame.filter(pl.col("published_at") >= start.astimezone(UTC))
    if end is not None:
        frame = frame.filter(pl.col("published_at") < end.astimezone(UTC))
    own = frame.get_column("is_brand_post").fill_null(False)
    brand_posts = int(own.sum())
    customers = frame.filter(~own)
    labels = customers.get_column("sentiment_label")
    positive = int((labels == "positive").sum())
    negative = int((labels == "negative").sum())
    neutral = int((labels == "neutral").sum())
    scored = positive + negative + neutral
    reach = customers.get_column("reach")
    engagement = customers.select(_engagement()).to_series()
    return {
        "mentions": customers.height,
        "positive": positive,
        "neutral": neutral,
        "negative": negative,
        "scored": scored,
        "negative_share": negative / scored if scored else None,
        "net_sentiment": (positive - negative) / (positive + negative)
        if positive + negative
        else None,
        "potential_reach": int(reach.sum()) if reach.count() else None,
        "engagement": int(engagement.sum()) if engagement.count() else None,
        "authors": customers.get_column("author").drop_nulls().n_unique(),
        "brand_posts": brand_posts,
    }


def _delta(now: float | int | None, before: float | int | None) -> float | None:
    if now is None or before is None:
        return None
    return now - before


def weekly_kpis(current: dict, previous: dict, *, alerts: int | None = None) -> list[Kpi]:
    """KPI cards of one week with deltas against the previous week's figures."""
    note = "vs previous week"
    cards = [
        Kpi("Mentions", current["mentions"], delta=_delta(current["mentions"],
            previous["mentions"]), better="none", note=note),
        Kpi("Negative share", current["negative_share"], unit="%",
            delta=_delta(current["negative_share"], previous["negative_share"]),
            better="down", note=note),
        Kpi("Net sentiment", current["net_sentiment"], unit="score",
            delta=_delta(current["net_sentiment"], previous["net_sentiment"]), note=note),
        Kpi("Potential reach", current["potential_reach"],
            delta=_delta(current["potential_reach"], previous["potential_reach"]),
            better="none", note=note),
        Kpi("Engagement", current["engagement"],
            delta=_delta(current["engagement"], previous["engagement"]), note=note),
        Kpi("Authors", current["authors"], delta=_delta(current["authors"],
            previous["authors"]), better="none", note=note),
        Kpi("Brand posts", current["brand_posts"], delta=_delta(current["brand_posts"],
            previous["brand_posts"]), better="none", note=note),
    ]  # fmt: skip
    if alerts is not None:
        cards.append(Kpi("Days with alerts", alerts, better="down", note="warning or critical"))
    return cards


POST_COLUMNS = {
    "published_at": "time (UTC)",
    "platform": "platform",
    "author": "author",
    "sentiment_label": "sentiment",
    "reach": "reach",
    "engagement_total": "engagement",
    "text": "text",
}


def top_posts(mentions: pl.DataFrame, *, n: int = 10) -> pl.DataFrame:
    """The ``n`` customer mentions with the most engagement (reach breaks ties).

    ``engagement_total`` is the export's engagement, else likes + comments + shares.
    """
    customers = mentions.filter(~pl.col("is_brand_post").fill_null(False))
    return (
        customers.with_columns(_engagement().alias("engagement_total"))
        .sort(["engagement_total", "reach"], descending=True, nulls_last=True)
        .head(n)
    )


def share_of_voice_table(mentions_all_brands: pl.DataFrame) -> pl.DataFrame:
    """Per brand over the whole frame: customer mentions, share of all brands' mentions and
    the brand's own negative share (of scored mentions), largest first."""
    customers = mentions_all_brands.filter(~pl.col("is_brand_post").fill_null(False))
    per_brand = customers.group_by("brand").agg(
        pl.len().alias("mentions"),
        (pl.col("sentiment_label") == "negative").sum().alias("negative"),
        pl.col("sentiment_label").is_in(["positive", "neutral", "negative"]).sum().alias("scored"),
    )
    total = per_brand.get_column("mentions").sum()
    return per_brand.with_columns(
        (pl.col("mentions") / total).alias("share"),
        pl.when(pl.col("scored") > 0).then(pl.col("negative") / pl.col("scored"))
        .alias("negative_share"),
    ).sort(["mentions", "brand"], descending=[True, False])
