"""Headline figures for the KPI cards, computed the same way in every report.

Customer figures exclude the brand's own posts (``is_brand_post``). Shares are of *scored*
mentions: an unscored mention is unknown, not neutral. Reach is summed as "potential
reach" (tools estimate it per mention and it double-counts an author's audience).
"""

from __future__ import annotations

from datetime import datetime

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
        frame = frame.filter(pl.col("published_at") >= start)
    if end is not None:
        frame = frame.filter(pl.col("published_at") < end)
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
