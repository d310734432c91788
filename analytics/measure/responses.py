"""How fast the brand responded, how it kept replying, and what each response did.

Customer figures leave out the brand's own posts and count only *scored* mentions (a
missing sentiment is unknown, not neutral). Effects compare the ``window_hours`` before a
response with the ``window_hours`` after it, hour by hour relative to the response time, and
report the change with a 95% interval (see ``analytics.measure.effects``). When another
response falls inside the same windows the two cannot be separated; the row says so in
``overlaps`` instead of pretending the change belongs to one of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import numpy as np
import polars as pl

from analytics.errors import AnalysisError
from analytics.measure.audience import brand_post
from analytics.measure.effects import (
    Estimate,
    bootstrap_share_change,
    not_estimable,
    segmented_change,
)
from analytics.measure.events import brand_posts, group_responses, only_typed

EFFECT_SCHEMA: dict[str, pl.DataType] = {
    "time": pl.Datetime("us", "UTC"),
    "channel": pl.Utf8(),
    "type": pl.Utf8(),
    "strategy": pl.Utf8(),
    "mentions_before": pl.Int64(),
    "mentions_after": pl.Int64(),
    "negative_share_before": pl.Float64(),
    "negative_share_after": pl.Float64(),
    "net_sentiment_before": pl.Float64(),
    "net_sentiment_after": pl.Float64(),
    "change": pl.Float64(),
    "ci_low": pl.Float64(),
    "ci_high": pl.Float64(),
    "p_value": pl.Float64(),
    "method": pl.Utf8(),
    "overlaps": pl.Utf8(),
}


def collected(mentions: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """A DataFrame from either kind of frame (the store hands out LazyFrames)."""
    return mentions.collect() if isinstance(mentions, pl.LazyFrame) else mentions


def require_sentiment(mentions: pl.DataFrame | pl.LazyFrame) -> None:
    """Fail with the fix when the mentions were never scored."""
    names = (
        mentions.collect_schema().names()
        if isinstance(mentions, pl.LazyFrame)
        else mentions.columns
    )
    missing = [c for c in ("sentiment_label", "published_at") if c not in names]
    if missing:
        raise AnalysisError(
            f"the mentions have no column {', '.join(missing)}; load them with "
            "Store.mentions(brand, with_sentiment=True) after scoring "
            "(crisis-analytics sentiment score)"
        )


def customer_mentions(
    mentions: pl.DataFrame | pl.LazyFrame, brand_handles: Sequence[str] = ()
) -> pl.DataFrame:
    """Mentions not posted by the brand itself (only those rows are collected from a lazy
    store query)."""
    return collected(mentions.filter(~brand_post(brand_handles)))


def _net(positive: int, negative: int) -> float | None:
    return (positive - negative) / (positive + negative) if positive + negative else None


def _side_figures(hours: pl.DataFrame) -> tuple[int, float | None, float | None]:
    total = int(hours.get_column("scored").sum())
    negative = int(hours.get_column("negative").sum())
    positive = int(hours.get_column("positive").sum())
    share = negative / total if total else None
    return total, share, _net(positive, negative)


def _overlap_text(time: datetime, responses: pl.DataFrame, window: timedelta) -> str | None:
    others = responses.filter((pl.col("time") != time) & ((pl.col("time") - time).abs() < window))
    if others.is_empty():
        return None
    items = [
        f"{kind} on {channel} at {when:%Y-%m-%d %H:%M} UTC"
        for when, channel, kind in others.select("time", "channel", "type").iter_rows()
    ]
    return "windows overlap with " + "; ".join(items) + ": the change mixes their effects"


def response_effects(
    mentions: pl.DataFrame,
    responses: pl.DataFrame,
    *,
    window_hours: float = 24,
    method: str = "bootstrap",
    brand_handles: Sequence[str] = (),
    draws: int = 2000,
    seed: int = 0,
    min_hours: int = 3,
    merge_minutes: float = 60,
    include_untyped: bool = False,
) -> pl.DataFrame:
    """One row per response: negative share and net sentiment before/after, and the change.

    ``change`` is after - before of the negative share (``bootstrap``: pooled shares;
    ``segmented``: the level change of hourly negative share at the response), with its
    95% interval ``ci_low``..``ci_high`` and ``p_value``; ``method`` says which and how
    many hours, or why nothing could be estimated (too few scored mentions). The same
    statement on several channels within ``merge_minutes`` is one response
    (``group_responses``; 0 keeps every post apart). Untyped brand posts ("post") are left
    out unless ``include_untyped``.
    """
    if method not in ("bootstrap", "segmented"):
        raise AnalysisError(f"method '{method}' is unknown; expected 'bootstrap' or 'segmented'")
    require_sentiment(mentions)
    if not include_untyped:
        responses = only_typed(responses)
    if merge_minutes:
        responses = group_responses(responses, minutes=merge_minutes)
    if responses.is_empty():
        return pl.DataFrame(schema=EFFECT_SCHEMA)
    scored = customer_mentions(mentions, brand_handles).filter(
        pl.col("sentiment_label").is_not_null()
    )
    window = timedelta(hours=window_hours)
    rows = []
    for row in responses.sort("time").iter_rows(named=True):
        when = row["time"]
        hours = (
            scored.filter(
                (pl.col("published_at") >= when - window) & (pl.col("published_at") < when + window)
            )
            .with_columns(
                # hour index relative to the response: -1 is the hour just before it
                ((pl.col("published_at") - when).dt.total_microseconds() // 3_600_000_000)
                .cast(pl.Int64)
                .alias("hour")
            )
            .group_by("hour")
            .agg(
                pl.len().alias("scored"),
                (pl.col("sentiment_label") == "negative").sum().alias("negative"),
                (pl.col("sentiment_label") == "positive").sum().alias("positive"),
            )
            .sort("hour")
        )
        before, after = hours.filter(pl.col("hour") < 0), hours.filter(pl.col("hour") >= 0)
        n_before, share_before, net_before = _side_figures(before)
        n_after, share_after, net_after = _side_figures(after)
        estimate = _estimate(before, after, method, draws=draws, seed=seed, min_hours=min_hours)
        rows.append(
            {
                "time": when,
                "channel": row.get("channel"),
                "type": row.get("type"),
                "strategy": row.get("strategy"),
                "mentions_before": n_before,
                "mentions_after": n_after,
                "negative_share_before": share_before,
                "negative_share_after": share_after,
                "net_sentiment_before": net_before,
                "net_sentiment_after": net_after,
                "change": estimate.change,
                "ci_low": estimate.ci_low,
                "ci_high": estimate.ci_high,
                "p_value": estimate.p_value,
                "method": estimate.method,
                "overlaps": _overlap_text(when, responses, window),
            }
        )
    return pl.DataFrame(rows, schema=EFFECT_SCHEMA)


def _estimate(
    before: pl.DataFrame,
    after: pl.DataFrame,
    method: str,
    *,
    draws: int,
    seed: int,
    min_hours: int,
) -> Estimate:
    if before.is_empty() and after.is_empty():
        return not_estimable("no scored customer mentions before or after the response")
    if method == "bootstrap":
        return bootstrap_share_change(
            before.get_column("negative").to_numpy(),
            before.get_column("scored").to_numpy(),
            after.get_column("negative").to_numpy(),
            after.get_column("scored").to_numpy(),
            draws=draws,
            seed=seed,
            min_hours=min_hours,
        )
    both = pl.concat([before, after])
    share = both.get_column("negative").to_numpy() / both.get_column("scored").to_numpy()
    # hour index h covers [h, h+1) hours after the response: its midpoint is h + 0.5
    return segmented_change(both.get_column("hour").to_numpy() + 0.5, share)


# said where the reply rate cannot be measured; the report shows it as the KPI's note
NO_REPLIES_IN_DATA = (
    "unknown: the data holds no replies (original posts only); add an export that includes "
    "replies, such as the brand's owned-channel inbox"
)


def _holds_replies(mentions: pl.DataFrame) -> bool:
    """Whether any post in the data is a reply to another (its parent or the account it answers)."""
    refs = [c for c in ("parent_id", "reply_to_account") if c in mentions.columns]
    if not refs:
        return False
    return bool(mentions.select(pl.any_horizontal(pl.col(refs).is_not_null()).any()).item())


def reply_stats(
    mentions: pl.DataFrame,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    brand_handles: Sequence[str] = (),
) -> dict[str, Any]:
    """Share of negative customer mentions (in ``start``..``end``) the brand replied to.

    A reply is a brand post whose ``parent_id`` is the mention's id on the same platform;
    the reply time is the brand's first reply minus the mention's time.

    When the data holds no replies at all (no post of anybody refers to another, as in
    collections of original posts only), the rate is unknown, not 0%: an absence of replies
    in such data is not an absence of replies in the world.
    """
    require_sentiment(mentions)
    if not _holds_replies(mentions):
        return {
            "negative_mentions": None,
            "replied": None,
            "reply_rate": None,
            "median_reply_hours": None,
            "message": NO_REPLIES_IN_DATA,
        }
    negative = customer_mentions(mentions, brand_handles).filter(
        pl.col("sentiment_label") == "negative"
    )
    if start is not None:
        negative = negative.filter(pl.col("published_at") >= start)
    if end is not None:
        negative = negative.filter(pl.col("published_at") <= end)
    replies = (
        brand_posts(mentions, brand_handles)
        .filter(pl.col("parent_id").is_not_null())
        .group_by("platform", "parent_id")
        .agg(pl.col("published_at").min().alias("replied_at"))
    )
    joined = negative.join(
        replies,
        left_on=["platform", "mention_id"],
        right_on=["platform", "parent_id"],
        how="left",
    ).with_columns(
        ((pl.col("replied_at") - pl.col("published_at")).dt.total_seconds() / 3600).alias(
            "reply_hours"
        )
    )
    total = joined.height
    answered = joined.filter(pl.col("replied_at").is_not_null())
    return {
        "negative_mentions": total,
        "replied": answered.height,
        "reply_rate": answered.height / total if total else None,
        "median_reply_hours": (
            float(answered.get_column("reply_hours").median()) if answered.height else None
        ),
        "message": None if total else "no negative customer mentions in the period",
    }


def response_timing(
    responses: pl.DataFrame,
    window: Any,
    *,
    include_untyped: bool = False,
    merge_minutes: float = 60,
) -> dict[str, Any]:
    """Time from the crisis onset to the first response, and the gaps between responses.

    Untyped brand posts (type "post": no cue word said what they answer) are left out
    unless ``include_untyped``: a scheduled promo is not a crisis response. The same
    statement on several channels counts once for the gaps (``group_responses``).
    """
    if not include_untyped:
        responses = only_typed(responses)
    if merge_minutes:
        responses = group_responses(responses, minutes=merge_minutes)
    onset = getattr(window, "onset", None)
    # a detected episode is answered until the next one starts (or the data ends)
    end = getattr(window, "answer_until", None) or getattr(window, "end", None)
    result: dict[str, Any] = {
        "time_to_first_response_hours": None,
        "first_response": None,
        "responses_in_window": 0,
        "gaps_hours": [],
        "median_gap_hours": None,
        "max_gap_hours": None,
        "message": None,
    }
    if onset is None:
        result["message"] = "no crisis onset: time to first response not measured"
        return result
    after = responses.filter(pl.col("time") >= onset).sort("time")
    if end is not None:
        after = after.filter(pl.col("time") <= end)
    if after.is_empty():
        result["message"] = "no response: the brand posted no response in the crisis window"
        return result
    first = after.row(0, named=True)
    times = after.get_column("time").to_list()
    gaps = [(b - a).total_seconds() / 3600 for a, b in itertools.pairwise(times)]
    result.update(
        time_to_first_response_hours=(first["time"] - onset).total_seconds() / 3600,
        first_response={k: first[k] for k in ("time", "channel", "type", "strategy")},
        responses_in_window=after.height,
        gaps_hours=gaps,
        median_gap_hours=float(np.median(gaps)) if gaps else None,
        max_gap_hours=max(gaps) if gaps else None,
    )
    return result


def statement_consistency(responses: pl.DataFrame, *, min_chars: int = 20) -> pl.DataFrame:
    """Pairwise similarity of statements of the same type posted on different channels.

    TF-IDF over character 3-5-grams within words (robust to Indonesian affixes and
    code-mixing), cosine similarity: 1 = same wording, near 0 = different messages.
    Untyped posts are left out (they are not statements).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    schema = {
        "type": pl.Utf8,
        "channel_a": pl.Utf8,
        "channel_b": pl.Utf8,
        "time_a": pl.Datetime("us", "UTC"),
        "time_b": pl.Datetime("us", "UTC"),
        "similarity": pl.Float64,
    }
    usable = only_typed(responses).filter(pl.col("description").str.len_chars() >= min_chars)
    rows = []
    for (kind,), group in usable.group_by("type"):
        if group.get_column("channel").n_unique() < 2:
            continue
        texts = group.get_column("description").to_list()
        matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(texts)
        sims = cosine_similarity(matrix)
        records = group.select("channel", "time").rows()
        for i, j in itertools.combinations(range(group.height), 2):
            if records[i][0] != records[j][0]:
                rows.append(
                    (
                        kind,
                        records[i][0],
                        records[j][0],
                        records[i][1],
                        records[j][1],
                        float(sims[i, j]),
                    )
                )
    return pl.DataFrame(rows, schema=schema, orient="row").sort("type", "time_a")


class TimingStatus(StrEnum):
    """Whether the time to the first response could be measured, and if not why."""

    MEASURED = "measured"
    NO_ONSET = "no onset"  # no crisis onset: nothing to measure from
    NO_RESPONSE = "no response"  # no typed response of the brand in the answer span


@dataclass(frozen=True)
class FirstResponse:
    """The first response in the crisis window."""

    time: datetime
    channel: str | None = None
    type: str | None = None
    strategy: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Its fields by name (the values of a finding)."""
        return asdict(self)


@dataclass(frozen=True)
class StatementConsistency:
    """How alike the statements of one type were worded across channels."""

    type: str
    mean_similarity: float
    pairs: int


@dataclass(frozen=True)
class ResponseSummary:
    """Timing, cadence, replies and consistency of the brand's responses to one crisis.

    Every figure is None when it cannot be measured: ``status`` says why for the timing
    (``message`` in words), ``reply_message`` for the replies.
    """

    status: TimingStatus = TimingStatus.NO_RESPONSE
    time_to_first_response_hours: float | None = None
    first_response: FirstResponse | None = None
    responses_in_window: int = 0
    gaps_hours: tuple[float, ...] = ()
    median_gap_hours: float | None = None
    max_gap_hours: float | None = None
    message: str | None = None
    reply_rate: float | None = None
    replied: int | None = None
    negative_mentions: int | None = None
    median_reply_hours: float | None = None
    reply_message: str | None = None
    consistency: tuple[StatementConsistency, ...] = ()


def response_summary(
    mentions: pl.DataFrame,
    responses: pl.DataFrame,
    window: Any,
    *,
    brand_handles: Sequence[str] = (),
) -> ResponseSummary:
    """Timing, cadence, replies and consistency of the responses for one crisis window.

    ``window`` is a ``CrisisWindow`` (its ``onset`` and ``end`` are used). Every figure is
    ``None`` with a ``status``/``message`` when it cannot be measured (no response, no onset).
    """
    timing = response_timing(responses, window)
    replies = reply_stats(
        mentions,
        start=getattr(window, "onset", None),
        end=getattr(window, "end", None),
        brand_handles=brand_handles,
    )
    consistency = statement_consistency(responses)
    by_type = (
        consistency.group_by("type")
        .agg(pl.col("similarity").mean().alias("mean_similarity"), pl.len().alias("pairs"))
        .sort("type")
    )
    first = timing["first_response"]
    if getattr(window, "onset", None) is None:
        status = TimingStatus.NO_ONSET
    elif timing["time_to_first_response_hours"] is None:
        status = TimingStatus.NO_RESPONSE
    else:
        status = TimingStatus.MEASURED
    return ResponseSummary(
        status=status,
        time_to_first_response_hours=timing["time_to_first_response_hours"],
        first_response=FirstResponse(**first) if first else None,
        responses_in_window=timing["responses_in_window"],
        gaps_hours=tuple(timing["gaps_hours"]),
        median_gap_hours=timing["median_gap_hours"],
        max_gap_hours=timing["max_gap_hours"],
        message=timing["message"],
        reply_rate=replies["reply_rate"],
        replied=replies["replied"],
        negative_mentions=replies["negative_mentions"],
        median_reply_hours=replies["median_reply_hours"],
        reply_message=replies["message"],
        consistency=tuple(StatementConsistency(**row) for row in by_type.iter_rows(named=True)),
    )
