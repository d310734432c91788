"""Write the brand's owned-channel exports: Sprout Social, X analytics and Meta daily files.

* Sprout Post Performance: every post and care reply the brand published (US dates,
  thousands separators, ``%`` rates, the ``'@Reply`` spreadsheet-injection guard).
* Sprout Profile Performance: one row per profile per day (followers, impressions, ...).
* X analytics legacy tweet activity: the main X account's tweets (UTC times, float counts).
* Meta Business Suite daily per-metric files: UTF-16 with a ``sep=,`` line and a title line.

Times are written in the zone each tool uses: Sprout in the account's zone (Asia/Jakarta),
X analytics in UTC with ``+0000``.
"""

from __future__ import annotations

import csv
import math
import random
from datetime import date, datetime, timedelta

import polars as pl

from analytics.sample.exports import render_csv
from analytics.sample.people import brand_accounts
from analytics.sample.story import BRAND, JAKARTA, TIMEZONE, Story

SPROUT_POST_COLUMNS = [
    "Date",
    "Post ID",
    "Network",
    "Post Type",
    "Content Type",
    "Profile",
    "Link",
    "Post",
    "Impressions",
    "Reach",
    "Engagement Rate (per Impression)",
    "Engagements",
    "Reactions",
    "Likes",
    "Comments",
    "Shares",
    "Saves",
    "Post Link Clicks",
    "Video Views",
    "Tags",
]
SPROUT_PROFILE_COLUMNS = [
    "Date",
    "Network",
    "Profile",
    "Audience",
    "Net Audience Growth",
    "Audience Gained",
    "Impressions",
    "Video Views",
    "Engagements",
    "Reactions",
    "Comments",
    "Shares",
    "Saves",
    "Post Link Clicks",
    "Engagement Rate (per Impression)",
    "Published Posts (Total)",
    "Sent Messages (Total)",
    "Received Messages (Total)",
]
X_ACTIVITY_COLUMNS = [
    "Tweet id",
    "Tweet permalink",
    "Tweet text",
    "time",
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
    "promoted impressions",
    "promoted engagements",
    "promoted engagement rate",
    "promoted retweets",
    "promoted replies",
    "promoted likes",
]
NETWORK = {"x": "X", "instagram": "Instagram", "facebook": "Facebook", "tiktok": "TikTok"}


def thousands(value: int) -> str:
    """Sprout writes counts with thousands separators: 12,345."""
    return f"{value:,}"


def _sprout_date(moment: datetime) -> str:
    local = moment.astimezone(JAKARTA)
    return (
        f"{local:%m/%d/%Y} {local.hour % 12 or 12}:{local:%M} {'am' if local.hour < 12 else 'pm'}"
    )


def sprout_posts_file(posts: pl.DataFrame) -> bytes:
    """Sprout Social Post Performance CSV of the brand's posts and care replies."""
    rows = []
    for r in posts.sort("published_at", "mention_id").to_dicts():
        is_reply = r["content_type"] == "reply"
        post_type = (
            "'@Reply"
            if is_reply
            else (
                "Reel" if r["platform"] == "instagram" and r["content_type"] == "video" else "Post"
            )
        )
        text = r["text"]
        if text.startswith("@"):
            text = "'" + text  # Sprout guards cells that start with @ against formulas
        engagements = r["likes"] + r["comments"] + r["shares"]
        impressions = max(r["impressions"], engagements)
        profile = (
            "NusaPay Care"
            if r["author"] == "NusaPayCare"
            else ("nusapay.id" if r["platform"] in ("instagram", "tiktok") else "NusaPay")
        )
        rows.append(
            [
                _sprout_date(r["published_at"]),
                r["mention_id"],
                NETWORK[r["platform"]],
                post_type,
                "Video"
                if r["content_type"] == "video"
                else ("Text" if r["platform"] == "x" else "Photo"),
                profile,
                r["url"],
                text,
                thousands(impressions),
                thousands(int(impressions * 0.7)) if r["platform"] != "x" else "",
                f"{100 * engagements / max(impressions, 1):.2f}%",
                thousands(engagements),
                thousands(r["likes"]),
                thousands(r["likes"]),
                thousands(r["comments"]),
                thousands(r["shares"]),
                "0" if r["platform"] == "instagram" else "",
                thousands(r["likes"] // 20),
                thousands(r["views"]) if r["content_type"] == "video" else "",
                "Crisis response" if r["response_key"] else "",
            ]
        )
    text, _ = render_csv(SPROUT_POST_COLUMNS, rows)
    return text.encode("utf-8")


def x_activity_file(tweets: pl.DataFrame) -> bytes:
    """X analytics legacy tweet activity CSV: UTC ``time``, counts as floats, '-' promoted."""
    rows = []
    for r in tweets.sort("published_at", "mention_id", descending=True).to_dicts():
        engagements = r["likes"] + r["comments"] + r["shares"] + r["likes"] // 3
        impressions = max(r["impressions"], engagements)
        rows.append(
            [
                r["mention_id"],
                f"https://twitter.com/NusaPay/status/{r['mention_id']}",
                r["text"],
                r["published_at"].strftime("%Y-%m-%d %H:%M +0000"),
                f"{impressions:.1f}",
                f"{engagements:.1f}",
                f"{engagements / max(impressions, 1):.4f}",
                f"{r['shares']:.1f}",
                f"{r['comments']:.1f}",
                f"{r['likes']:.1f}",
                f"{r['likes'] // 6:.1f}",
                f"{r['likes'] // 12:.1f}",
                "0.0",
                f"{r['likes'] // 4:.1f}",
                f"{r['likes'] // 30:.1f}",
                "0.0",
                "0.0",
                f"{r['likes'] // 50:.1f}",
                "0.0",
                "0.0",
                "0.0",
                "0.0",
                "-",
                "-",
                "-",
                "-",
                "-",
                "-",
            ]
        )
    text, _ = render_csv(X_ACTIVITY_COLUMNS, rows, quoting=csv.QUOTE_MINIMAL)
    return text.encode("utf-8")


def _days(story: Story) -> list[date]:
    first = story.start.date()
    return [first + timedelta(days=i) for i in range((story.end - story.start).days)]


def daily_profiles(mentions: pl.DataFrame, story: Story, rng: random.Random) -> list[dict]:
    """One row per owned profile per day: audience, reach, impressions, engagement, messages.

    Followers grow slowly, fall while the crisis is loud (unfollows) and recover slowly;
    received messages follow the customer mentions on that platform.
    """
    rows = []
    accounts = brand_accounts()
    local_day = pl.col("published_at").dt.convert_time_zone(TIMEZONE).dt.date()
    customer = (
        mentions.filter(~pl.col("is_brand_post") & (pl.col("brand") == BRAND))
        .group_by(pl.col("platform"), local_day.alias("day"))
        .agg(pl.len().alias("n"), (pl.col("stance") == "negative").sum().alias("neg"))
    )
    volume = {(r["platform"], r["day"]): (r["n"], r["neg"]) for r in customer.to_dicts()}
    owned = (
        mentions.filter(pl.col("is_brand_post"))
        .group_by(pl.col("platform"), local_day.alias("day"))
        .agg(
            pl.len().alias("posts"),
            pl.col("likes").sum(),
            pl.col("comments").sum(),
            pl.col("shares").sum(),
            pl.col("impressions").sum(),
            pl.col("views").sum(),
        )
    )
    posts = {(r["platform"], r["day"]): r for r in owned.to_dicts()}
    for platform in ("x", "instagram", "facebook", "tiktok"):
        account = accounts[platform]
        audience = int(account.followers * 0.97)
        for day in _days(story):
            n, neg = volume.get((platform, day), (0, 0))
            post = posts.get((platform, day), {})
            gained = int(audience * 0.0009 * math.exp(rng.gauss(0, 0.3)) + n * 0.05)
            lost = int(audience * 0.0004 * math.exp(rng.gauss(0, 0.3)) + neg * 0.9)
            audience += gained - lost
            organic = int(audience * rng.uniform(0.05, 0.09))
            impressions = organic + int(post.get("impressions", 0) or 0)
            engagements = int(impressions * rng.uniform(0.012, 0.025)) + int(
                (post.get("likes", 0) or 0)
                + (post.get("comments", 0) or 0)
                + (post.get("shares", 0) or 0)
            )
            rows.append(
                {
                    "date": day,
                    "platform": platform,
                    "profile": "nusapay.id" if platform in ("instagram", "tiktok") else "NusaPay",
                    "audience": audience,
                    "net": gained - lost,
                    "gained": gained,
                    "impressions": impressions,
                    "reach": int(impressions * rng.uniform(0.55, 0.7)),
                    "video_views": int(impressions * 0.4)
                    if platform in ("tiktok", "instagram")
                    else 0,
                    "engagements": engagements,
                    "reactions": int(engagements * 0.7),
                    "comments": int(engagements * 0.15),
                    "shares": int(engagements * 0.1),
                    "saves": int(engagements * 0.05) if platform == "instagram" else 0,
                    "link_clicks": int(engagements * 0.04),
                    "posts": post.get("posts", 0) or 0,
                    "received": n + int(n * 0.6),
                    "sent": int(n * 0.2),
                    "visits": int(impressions * rng.uniform(0.004, 0.008)),
                }
            )
    return rows


def sprout_profiles_file(daily: list[dict]) -> bytes:
    """Sprout Social Profile Performance CSV (``MM-DD-YYYY`` dates, thousands separators)."""
    rows = []
    for d in daily:
        rate = 100 * d["engagements"] / max(d["impressions"], 1)
        rows.append(
            [
                d["date"].strftime("%m-%d-%Y"),
                NETWORK[d["platform"]],
                d["profile"],
                thousands(d["audience"]),
                str(d["net"]),
                thousands(d["gained"]),
                thousands(d["impressions"]),
                thousands(d["video_views"]),
                thousands(d["engagements"]),
                thousands(d["reactions"]),
                thousands(d["comments"]),
                thousands(d["shares"]),
                thousands(d["saves"]),
                thousands(d["link_clicks"]),
                f"{rate:.2f}%",
                str(d["posts"]),
                thousands(d["sent"]),
                thousands(d["received"]),
            ]
        )
    text, _ = render_csv(SPROUT_PROFILE_COLUMNS, rows)
    return text.encode("utf-8")


META_METRICS = {
    # file suffix: (title line, daily field)
    "views": ("Views", "impressions"),
    "viewers": ("Viewers", "reach"),
    "content_interactions": ("Content interactions", "engagements"),
    "follows": ("Follows", "gained"),
    "visits": ("Visits", "visits"),
}


def meta_daily_files(daily: list[dict], platform: str) -> dict[str, bytes]:
    """Meta Business Suite daily per-metric files for one platform (facebook or instagram).

    UTF-16 LE with BOM; line 1 ``sep=,``; line 2 the metric title; then ``"Date","Primary"``
    and one quoted row per day with ``YYYY-MM-DDT00:00:00`` dates.
    """
    files = {}
    for suffix, (title, field) in META_METRICS.items():
        lines = ["sep=,", f'"{title}"', '"Date","Primary"']
        for d in daily:
            if d["platform"] == platform:
                lines.append(f'"{d["date"]:%Y-%m-%d}T00:00:00","{d[field]}"')
        text = "\ufeff" + "\r\n".join(lines) + "\r\n"
        files[suffix] = text.encode("utf-16-le")
    return files
