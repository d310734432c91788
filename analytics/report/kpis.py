"""Headline figures for the KPI cards, computed the same way in every report.

Customer figures exclude the brand's own posts (``is_brand_post``). Shares are of *scored*
mentions: an unscored mention is unknown, not neutral. Reach is summed as "potential
reach" (tools estimate it per mention and it double-counts an author's audience).
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from analytics.measure.audience import brand_post
from analytics.measure.responses import ResponseSummary
from analytics.report.blocks import Kpi
from analytics.report.words import t
from analytics.report.words import value as word
from analytics.schema import engagement_total


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
    own = frame.select(brand_post()).to_series()
    brand_posts = int(own.sum())
    customers = frame.filter(~own)
    labels = customers.get_column("sentiment_label")
    positive = int((labels == "positive").sum())
    negative = int((labels == "negative").sum())
    neutral = int((labels == "neutral").sum())
    scored = positive + negative + neutral
    reach = customers.get_column("reach")
    engagement = customers.select(engagement_total()).to_series()
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


def weekly_kpis(
    current: dict,
    previous: dict | None,
    *,
    alerts: int | None = None,
    note: str | None = None,
) -> list[Kpi]:
    """KPI cards of one period with deltas against the previous period's figures.

    ``previous`` is None when there is no previous period to compare with: the cards then
    show no delta at all (never a change against nothing).
    """
    note = t("kpi.vs_previous_week") if note is None else note
    if previous is None:
        previous, note = dict.fromkeys(current), ""
    cards = [
        Kpi(t("kpi.mentions"), current["mentions"], delta=_delta(current["mentions"],
            previous["mentions"]), better="none", note=note),
        Kpi(t("kpi.negative_share"), current["negative_share"], unit="%",
            delta=_delta(current["negative_share"], previous["negative_share"]),
            better="down", note=note),
        Kpi(t("kpi.net_sentiment"), current["net_sentiment"], unit="score",
            delta=_delta(current["net_sentiment"], previous["net_sentiment"]), note=note),
        Kpi(t("kpi.potential_reach"), current["potential_reach"],
            delta=_delta(current["potential_reach"], previous["potential_reach"]),
            better="none", note=note),
        Kpi(t("kpi.engagement"), current["engagement"],
            delta=_delta(current["engagement"], previous["engagement"]), note=note),
        Kpi(t("kpi.authors"), current["authors"], delta=_delta(current["authors"],
            previous["authors"]), better="none", note=note),
        Kpi(t("kpi.brand_posts"), current["brand_posts"], delta=_delta(current["brand_posts"],
            previous["brand_posts"]), better="none", note=note),
    ]  # fmt: skip
    if alerts is not None:
        cards.append(Kpi(t("kpi.alert_days"), alerts, better="down",
                         note=t("kpi.warning_or_critical")))  # fmt: skip
    return cards


def post_columns() -> dict[str, str]:
    """The columns of a table of posts and their headings in the report's language."""
    return {
        "published_at": t("col.time"),
        "platform": t("col.platform"),
        "author": t("col.author"),
        "sentiment_label": t("col.sentiment"),
        "reach": t("col.reach"),
        "engagement_total": t("col.engagement"),
        "text": t("col.text"),
    }


def top_posts(mentions: pl.DataFrame, *, n: int = 10) -> pl.DataFrame:
    """The ``n`` customer mentions with the most engagement (reach breaks ties).

    ``engagement_total`` is the export's engagement, else likes + comments + shares.
    """
    # ranked on a narrow frame of row numbers and keys, then only the n winners' full rows
    # (texts included) are gathered: sorting the whole frame would copy every column
    ranked = (
        mentions.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"),
            engagement_total().alias("engagement_total"),
            pl.col("reach"),
            brand_post().alias("_own"),
        )
        .filter(~pl.col("_own"))
        .sort(["engagement_total", "reach"], descending=True, nulls_last=True)
        .head(n)
    )
    return mentions[ranked.get_column("_row")].with_columns(ranked.get_column("engagement_total"))


def share_of_voice_table(mentions_all_brands: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Per brand over the whole frame: customer mentions, share of all brands' mentions and
    the brand's own negative share (of scored mentions), largest first.

    A lazy store read is aggregated while streaming: only one row per brand is collected.
    """
    customers = mentions_all_brands.lazy().filter(~brand_post())
    per_brand = (
        customers.group_by("brand")
        .agg(
            pl.len().alias("mentions"),
            (pl.col("sentiment_label") == "negative").sum().alias("negative"),
            pl.col("sentiment_label")
            .is_in(["positive", "neutral", "negative"])
            .sum()
            .alias("scored"),
        )
        .collect(engine="streaming")
    )
    total = per_brand.get_column("mentions").sum()
    return per_brand.with_columns(
        (pl.col("mentions") / total).alias("share"),
        pl.when(pl.col("scored") > 0)
        .then(pl.col("negative") / pl.col("scored"))
        .alias("negative_share"),
    ).sort(["mentions", "brand"], descending=[True, False])


def review_kpis(
    *,
    before: dict,
    during: dict,
    peak_mentions: int | None,
    summary: ResponseSummary,
    recovery_hours: float | None,
    sentiment_gap: float | None,
) -> list[Kpi]:
    """Executive-summary cards of a crisis review: size, mood shift, speed of response.

    ``before``/``during`` are :func:`period_figures` of the baseline and the crisis window;
    ``summary`` is ``analytics.measure.responses.response_summary``'s ``ResponseSummary``.
    """
    note_before = t("kpi.vs_before_crisis")
    return [
        Kpi(t("kpi.crisis_mentions"), during["mentions"], better="none"),
        Kpi(t("kpi.peak_hour"), peak_mentions, better="none", note=t("kpi.peak_hour_note")),
        Kpi(t("kpi.negative_share"), during["negative_share"], unit="%",
            delta=_delta(during["negative_share"], before["negative_share"]), better="down",
            note=note_before),
        Kpi(t("kpi.net_sentiment"), during["net_sentiment"], unit="score",
            delta=_delta(during["net_sentiment"], before["net_sentiment"]), note=note_before),
        Kpi(t("kpi.first_response"), summary.time_to_first_response_hours, unit="h",
            better="down", note=summary_note(summary.message) or t("kpi.from_onset")),
        Kpi(t("kpi.responses"), summary.responses_in_window, better="none",
            note=t("kpi.in_crisis_window")),
        Kpi(t("kpi.replied"), summary.reply_rate, unit="%",
            note=summary_note(summary.reply_message) or t("kpi.replied_note")),
        Kpi(t("kpi.recovery_time"), recovery_hours, unit="h", better="down",
            note=t("kpi.peak_to_end")),
        Kpi(t("kpi.sentiment_gap"), sentiment_gap, unit="score", note=t("kpi.gap_note")),
        Kpi(t("kpi.potential_reach"), during["potential_reach"], better="none"),
    ]  # fmt: skip


def summary_note(message: str | None) -> str:
    """A ``response_summary`` message (measure's English sentence) in the report's
    language: the known messages have a code in the word tables; others are shown as they
    are."""
    if not message:
        return ""
    return word(message)


def breakdown(mentions: pl.DataFrame, by: str) -> pl.DataFrame:
    """Customer mentions per ``by`` value (platform, language): mentions, negative share of
    scored mentions and potential reach, largest first; missing values shown as "unknown"."""
    customers = mentions.filter(~brand_post())
    label = pl.col("sentiment_label")
    return (
        customers.group_by(pl.col(by).fill_null("unknown"))
        .agg(
            pl.len().alias("mentions"),
            (label == "negative").sum().alias("negative"),
            label.is_in(["positive", "neutral", "negative"]).sum().alias("scored"),
            # unknown reach stays unknown (null), never 0
            pl.when(pl.col("reach").count() > 0)
            .then(pl.col("reach").sum())
            .alias("potential_reach"),
        )
        .with_columns(
            pl.when(pl.col("scored") > 0)
            .then(pl.col("negative") / pl.col("scored"))
            .alias("negative_share")
        )
        .sort(["mentions", by], descending=[True, False])
    )


def brands_present(mentions: pl.DataFrame | pl.LazyFrame) -> list[str]:
    """The brands that have at least one customer mention in ``mentions``, sorted."""
    lazy = mentions.lazy() if isinstance(mentions, pl.DataFrame) else mentions
    customers = lazy.filter(~brand_post())
    return sorted(customers.select(pl.col("brand").unique()).collect().to_series().to_list())


def has_figure(frame: pl.DataFrame, column: str) -> bool:
    """True when at least one row has a value in ``column`` (a chart of it says something)."""
    return column in frame.columns and frame.get_column(column).drop_nulls().len() > 0
