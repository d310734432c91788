"""Hoax and misinformation tracking from claim keywords, and whether clarifications slowed it.

The analyst names each claim and the words or phrases that carry it, e.g.
``{"pork oil": ["minyak babi", "oplosan babi", "pork oil"]}``. A customer mention carries a
claim when its title or text contains one of its phrases (case-insensitive, also inside
hashtags and suffixed words). The brand's own
posts are left out: its clarification quotes the hoax and must not count as spreading it.

Did a clarification slow the claim? Hourly claim volume (zero hours included) in the
``window_hours`` before and after each clarification is fitted as an interrupted time series
on ``log(1 + mentions)``; the *slope* before is the growth rate, and the reported change is
the slope change with a Newey-West 95% interval (``analytics.measure.effects``). Beside it,
``kept_growing_hours`` says plainly how long after the clarification the claim's (5-hour
centred average) volume still rose to its peak.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError
from analytics.measure.effects import segmented_change, segmented_fit
from analytics.measure.events import group_responses
from analytics.measure.responses import customer_mentions

CLARIFICATION_SCHEMA: dict[str, pl.DataType] = {
    "claim": pl.Utf8(),
    "clarification_time": pl.Datetime("us", "UTC"),
    "channel": pl.Utf8(),
    "mentions_before": pl.Int64(),
    "mentions_after": pl.Int64(),
    "growth_per_hour_before": pl.Float64(),
    "growth_per_hour_after": pl.Float64(),
    "change": pl.Float64(),
    "ci_low": pl.Float64(),
    "ci_high": pl.Float64(),
    "p_value": pl.Float64(),
    "method": pl.Utf8(),
    "peak_time": pl.Datetime("us", "UTC"),
    "kept_growing_hours": pl.Float64(),
    "verdict": pl.Utf8(),
}


@dataclass
class ClaimTracking:
    """Everything measured about the claims; each frame has a ``claim`` column."""

    matches: pl.DataFrame  # claim, mention_id, platform, published_at, author, ... (one per hit)
    volume: pl.DataFrame  # claim, period_start (in tz), mentions, negative, potential_reach
    first_seen: pl.DataFrame  # claim, published_at, author, platform, url, text, mention_id
    spreaders: pl.DataFrame  # claim, platform, author, posts, reach, followers
    clarifications: pl.DataFrame  # CLARIFICATION_SCHEMA
    messages: list[str]


def claim_pattern(phrases: Sequence[str]) -> str:
    """Regex matching any phrase anywhere, case-insensitive (phrases are literal).

    Substrings, not whole words, on purpose: Indonesian suffixes ("bangkrutnya") and
    hashtags ("#NusaPayBangkrut", "#MinyakBabi" for "minyak babi") carry the claim too.
    Pick phrases specific enough that they do not occur inside unrelated words.
    """
    cleaned = [p.strip() for p in phrases if p and p.strip()]
    # a hashtag writes the phrase without spaces: "#MinyakBabi" for "minyak babi"
    variants = dict.fromkeys([*cleaned, *(re.sub(r"\s+", "", p) for p in cleaned)])
    return r"(?i)(?:" + "|".join(re.escape(p) for p in variants) + r")"


def _validate(claims: Mapping[str, Sequence[str]]) -> None:
    if not claims:
        raise AnalysisError("no claims given; expected {claim name: [keywords or phrases]}")
    for name, phrases in claims.items():
        if isinstance(phrases, str) or not any(p and p.strip() for p in phrases):
            raise AnalysisError(
                f"claim '{name}' needs a list of keywords or phrases, got {phrases!r}"
            )


def match_claims(
    mentions: pl.DataFrame,
    claims: Mapping[str, Sequence[str]],
    *,
    brand_handles: Sequence[str] = (),
) -> pl.DataFrame:
    """One row per (claim, customer mention carrying it), text and title searched."""
    _validate(claims)
    customers = customer_mentions(mentions, brand_handles)
    body = pl.concat_str(
        [pl.col("title").fill_null(""), pl.col("text").fill_null("")], separator=" "
    )
    parts = [
        customers.filter(body.str.contains(claim_pattern(phrases))).with_columns(
            pl.lit(name).alias("claim")
        )
        for name, phrases in claims.items()
    ]
    return pl.concat(parts).sort("claim", "published_at")


def _clarifications_for(
    claim: str, phrases: Sequence[str], responses: pl.DataFrame | None
) -> pl.DataFrame | None:
    if responses is None or responses.is_empty():
        return None
    # one clarification posted on four channels minutes apart is one clarification
    clarifications = group_responses(responses.filter(pl.col("type") == "clarification"))
    named = clarifications.filter(
        pl.col("description").fill_null("").str.contains(claim_pattern([*phrases, claim]))
    )
    # a clarification that names no claim at all is taken to answer every claim
    return named if not named.is_empty() else clarifications


def _hourly(hits: pl.DataFrame, start, end) -> tuple[np.ndarray, np.ndarray]:
    """Hours relative to ``start``..``end`` (zeros included) and the claim mentions in each."""
    hours = int(math.ceil((end - start).total_seconds() / 3600))
    index = (
        hits.filter((pl.col("published_at") >= start) & (pl.col("published_at") < end))
        .select(
            ((pl.col("published_at") - start).dt.total_microseconds() // 3_600_000_000).cast(
                pl.Int64
            )
        )
        .to_series()
        .to_numpy()
    )
    return np.arange(hours), np.bincount(index, minlength=hours)[:hours]


def _clarification_row(claim: str, hits: pl.DataFrame, when, channel, window_hours: float):
    window = timedelta(hours=window_hours)
    hours, counts = _hourly(hits, when - window, when + window)
    t = hours - window_hours + 0.5  # hour midpoints relative to the clarification
    y = np.log1p(counts)
    estimate = segmented_change(t, y, term="slope")
    fit = segmented_fit(t, y)
    before_slope = after_slope = None
    if not isinstance(fit, str):
        before_slope = float(math.expm1(fit[0][1]))
        after_slope = float(math.expm1(fit[0][1] + fit[0][3]))
    # when did the claim peak (5-hour centred average over the whole data)?
    first, last = hits.get_column("published_at").min(), hits.get_column("published_at").max()
    all_hours, all_counts = _hourly(hits, first, last + timedelta(hours=1))
    smooth = pl.Series(all_counts.astype(float)).rolling_mean(5, center=True, min_samples=1)
    peak_time = first + timedelta(hours=int(all_hours[int(np.argmax(smooth.to_numpy()))]))
    kept = max((peak_time - when).total_seconds() / 3600, 0.0)
    if estimate.ci_high is not None and estimate.ci_high < 0:
        verdict = "slowed"
    elif estimate.ci_low is not None and estimate.ci_low > 0:
        verdict = "accelerated"
    elif estimate.change is None:
        verdict = "not estimable"
    else:
        verdict = "no clear change"
    return {
        "claim": claim,
        "clarification_time": when,
        "channel": channel,
        "mentions_before": int(counts[: int(window_hours)].sum()),
        "mentions_after": int(counts[int(window_hours) :].sum()),
        "growth_per_hour_before": before_slope,
        "growth_per_hour_after": after_slope,
        "change": estimate.change,
        "ci_low": estimate.ci_low,
        "ci_high": estimate.ci_high,
        "p_value": estimate.p_value,
        "method": estimate.method + " on log(1 + hourly claim mentions), slope change",
        "peak_time": peak_time,
        "kept_growing_hours": kept,
        "verdict": verdict,
    }


def track_claims(
    mentions: pl.DataFrame,
    claims: Mapping[str, Sequence[str]],
    *,
    responses: pl.DataFrame | None = None,
    tz: str = DEFAULT_TZ,
    every: str = "1h",
    window_hours: float = 24,
    n_spreaders: int = 10,
    brand_handles: Sequence[str] = (),
) -> ClaimTracking:
    """Volume over time, first appearance, top spreaders and clarification effect per claim.

    ``responses`` (EVENT_SCHEMA, e.g. from ``brand_responses``) supplies the clarifications;
    a claim with no matching mention is reported in ``messages`` rather than failing.
    """
    matches = match_claims(mentions, claims, brand_handles=brand_handles)
    label = pl.col("sentiment_label") if "sentiment_label" in matches.columns else pl.lit(None)
    volume = (
        matches.with_columns(
            pl.col("published_at").dt.convert_time_zone(tz).dt.truncate(every).alias("period_start")
        )
        .group_by("claim", "period_start")
        .agg(
            pl.len().alias("mentions"),
            (label == "negative").sum().alias("negative"),
            pl.col("reach").sum().alias("potential_reach"),
        )
        .sort("claim", "period_start")
    )
    first_seen = (
        matches.sort("published_at")
        .group_by("claim", maintain_order=True)
        .first()
        .select("claim", "published_at", "author", "platform", "url", "text", "mention_id")
    )
    spreaders = (
        matches.filter(pl.col("author").is_not_null())
        .group_by("claim", "platform", "author")
        .agg(
            pl.len().alias("posts"),
            pl.col("reach").max().alias("reach"),
            pl.col("author_followers").max().alias("followers"),
            pl.col("published_at").min().alias("first_post"),
        )
        .sort(["claim", "posts", "reach"], descending=[False, True, True], nulls_last=True)
        .group_by("claim", maintain_order=True)
        .head(n_spreaders)
    )
    messages = [
        f"claim '{name}': no customer mention contains {', '.join(map(repr, phrases))}"
        for name, phrases in claims.items()
        if matches.filter(pl.col("claim") == name).is_empty()
    ]
    rows = []
    for name, phrases in claims.items():
        hits = matches.filter(pl.col("claim") == name)
        chosen = _clarifications_for(name, phrases, responses)
        if hits.is_empty():
            continue
        if chosen is None or chosen.is_empty():
            messages.append(f"claim '{name}': no clarification among the responses")
            continue
        for when, channel in chosen.select("time", "channel").iter_rows():
            rows.append(_clarification_row(name, hits, when, channel, window_hours))
    return ClaimTracking(
        matches=matches,
        volume=volume,
        first_seen=first_seen,
        spreaders=spreaders,
        clarifications=pl.DataFrame(rows, schema=CLARIFICATION_SCHEMA),
        messages=messages,
    )
