"""``truth.json``: what was planted in the sample, for tests, demos and the method appendix.

Times are ISO-8601 in Jakarta time with their offset. Besides the planted times, a few
figures are measured on the drawn mentions with their *true* stance (not any scorer), so a
test can compare what an analysis finds with what is really in the data.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl

from analytics.sample import texts
from analytics.sample.extras import iso
from analytics.sample.phrases import BURST_TEXT
from analytics.sample.story import (
    BRAND,
    BRAND_HANDLES,
    COMPETITOR,
    JAKARTA,
    TIMEZONE,
    UTC,
    Story,
    planted_end,
)


def _customers(mentions: pl.DataFrame) -> pl.DataFrame:
    return mentions.filter((pl.col("brand") == BRAND) & ~pl.col("is_brand_post"))


def _between(frame: pl.DataFrame, start: datetime, end: datetime) -> pl.DataFrame:
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    return frame.filter((pl.col("published_at") >= start) & (pl.col("published_at") < end))


def negative_share(frame: pl.DataFrame) -> float | None:
    """Share of mentions whose true stance is negative."""
    if frame.height == 0:
        return None
    return round(frame.filter(pl.col("stance") == "negative").height / frame.height, 4)


def net_sentiment(frame: pl.DataFrame) -> float | None:
    """(positive - negative) / (positive + negative) of the true stances."""
    pos = frame.filter(pl.col("stance") == "positive").height
    neg = frame.filter(pl.col("stance") == "negative").height
    return round((pos - neg) / (pos + neg), 4) if pos + neg else None


def hoax_filter(claims: dict[str, list[str]] = texts.HOAX_CLAIMS) -> pl.Expr:
    """Mentions whose text contains any hoax keyword (case-insensitive)."""
    words = [w.lower() for keywords in claims.values() for w in keywords]
    return pl.col("text").str.to_lowercase().str.contains_any(words)


def _hourly(frame: pl.DataFrame) -> pl.DataFrame:
    return (
        frame.with_columns(
            pl.col("published_at").dt.convert_time_zone(TIMEZONE).dt.truncate("1h").alias("hour")
        )
        .group_by("hour")
        .len()
        .sort("hour")
    )


def build_truth(
    story: Story,
    mentions: pl.DataFrame,
    planted: dict,
    warts: list[dict],
    *,
    seed: int,
    scale: float,
    duplicates: int,
    files: dict[str, str],
) -> dict:
    """The ``truth.json`` dictionary."""
    customers = _customers(mentions)
    hourly = _hourly(customers)
    peak_row = hourly.sort("len", descending=True).row(0, named=True)
    pre = _between(customers, story.start, story.first_post)
    pre_hourly = _hourly(pre)
    same_hour = pre_hourly.filter(pl.col("hour").dt.hour() == story.peak_hour.hour)
    # days without a mention in that hour count as zero, so the median is over all days
    days = (story.first_post - story.start).days
    counts = sorted(same_hour["len"].to_list() + [0] * (days - same_hour.height))
    baseline_median = counts[len(counts) // 2] if counts else 0
    day = timedelta(hours=24)
    hoax = customers.filter(hoax_filter())
    clarification = story.clarification
    apology = story.apology
    everyday = pl.col("stream").is_in(["baseline", "aftermath"])
    post = _between(customers.filter(everyday), story.crisis_end, story.end)
    pre_baseline = pre.filter(pl.col("stream") == "baseline")
    negatives_x = customers.filter(
        (pl.col("platform") == "x")
        & (pl.col("stance") == "negative")
        & (pl.col("content_type") == "post")
    )
    replies = mentions.filter(pl.col("stream") == "care")
    first = planted["first_post"]
    rejected = [w for w in warts if w["expected"] == "rejected"]
    return {
        "about": "Planted ground truth of the synthetic NusaPay crisis. Times in Asia/Jakarta.",
        "seed": seed,
        "scale": scale,
        "brand": BRAND,
        "competitors": [COMPETITOR],
        "official_handles": list(BRAND_HANDLES),
        "timezone": TIMEZONE,
        "period": {"start": iso(story.start), "end": iso(story.end)},
        "first_post": {
            "time": iso(first["published_at"]),
            "platform": "x",
            "mention_id": first["mention_id"],
            "author": first["author"],
        },
        "onset": iso(story.onset),
        "media_pickup": {
            "time": iso(planted["media_pickup"]["published_at"]),
            "platform": "news",
            "mention_id": planted["media_pickup"]["mention_id"],
            "outlet": planted["media_pickup"]["author_name"],
        },
        "peak_hour": iso(story.peak_hour),
        "peak_hour_mentions": peak_row["len"],
        "peak_hour_found_in_data": iso(peak_row["hour"]),
        "baseline_median_mentions_same_hour": baseline_median,
        "end": iso(planted_end(story)),
        "end_definition": "first hour after the peak from which the planted extra volume stays "
        "below half the expected baseline for 24 h",
        "extra_volume_gone": iso(story.crisis_end),
        "responses": [
            {
                "key": r.key,
                "type": r.type,
                "time": iso(r.time),
                "channel": r.channels[0],
                "channels": list(r.channels),
                "description": r.description,
                "posts": [
                    {
                        "platform": p["platform"],
                        "author": p["author"],
                        "mention_id": p["mention_id"],
                        "time": iso(p["published_at"]),
                    }
                    for p in planted["responses"][r.key]
                ],
            }
            for r in story.responses
        ],
        "apology_effect": {
            "apology": iso(apology),
            "window_hours": 24,
            "negative_share_before": negative_share(_between(customers, apology - day, apology)),
            "negative_share_after": negative_share(_between(customers, apology, apology + day)),
            "measured_on": "customer mentions of NusaPay with their true stance",
        },
        "hoax": {
            "claims": texts.HOAX_CLAIMS,
            "start": iso(story.hoax_start),
            "first_post": {
                "mention_id": planted["hoax_first_post"]["mention_id"],
                "author": planted["hoax_first_post"]["author"],
                "platform": "x",
            },
            "clarification": iso(clarification),
            "mentions_before_start": _between(hoax, story.start, story.hoax_start).height,
            "mentions_24h_before_clarification": _between(
                hoax, clarification - day, clarification
            ).height,
            "mentions_24h_after_clarification": _between(
                hoax, clarification, clarification + day
            ).height,
            "mentions_total": hoax.height,
        },
        "coordinated_burst": {
            "start": iso(story.burst_start),
            "end": iso(story.burst_end),
            "platform": "x",
            "accounts": planted["burst_accounts"],
            "posts": len(planted["burst_ids"]),
            "max_followers": 39,
            "text": BURST_TEXT,
        },
        "influencers": [dict(i, time=iso(i["time"])) for i in planted["influencers"]],
        "care_replies": {
            "handle": "NusaPayCare",
            "replies": replies.height,
            "negative_x_posts": negatives_x.height,
            "reply_rate": round(replies.height / negatives_x.height, 4)
            if negatives_x.height
            else None,
        },
        "sentiment_gap": {
            "net_sentiment_pre_crisis_baseline": net_sentiment(pre_baseline),
            "net_sentiment_post_crisis_baseline": net_sentiment(post),
            "note": "after the crisis the everyday chatter stays slightly less positive",
        },
        "counts": {
            "mentions": {
                BRAND: mentions.filter(pl.col("brand") == BRAND).height,
                COMPETITOR: mentions.filter(pl.col("brand") == COMPETITOR).height,
            },
            "brand_posts": mentions.filter(pl.col("is_brand_post")).height,
            "expected_stored": {
                BRAND: mentions.filter(pl.col("brand") == BRAND).height - len(rejected),
                COMPETITOR: mentions.filter(pl.col("brand") == COMPETITOR).height,
            },
            "expected_rejected": len(rejected),
            "overlap_duplicates_brandwatch": duplicates,
            "note": "the brand's own X posts and care replies appear both in Brandwatch and in "
            "Sprout (and the main account's in X analytics): the store keeps one copy",
        },
        "warts": [dict(w, original=w["original"]) for w in warts],
        "files": files,
    }


def hour_start(moment: datetime) -> datetime:
    """The hour bucket (Jakarta) a moment falls in."""
    local = moment.astimezone(JAKARTA)
    return local.replace(minute=0, second=0, microsecond=0)
