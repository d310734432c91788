"""X (Twitter) analytics exports: legacy tweet activity, 2024+ content, account overview.

* Legacy ``tweet_activity_metrics_<handle>_...csv``: ``time`` is UTC (``+0000``), counts
  are floats (``424.0``), promoted columns are ``-``.
* Content ``account_analytics_content_...csv``: ``Date`` is only a day (``Sun, Sep 13,
  2026``); the exact UTC time is recovered from the snowflake ``Post id``
  ((id >> 22) + 1288834974657 ms since the epoch).
* Overview ``account_overview_analytics.csv``: one row per day (daily metrics).

Every post in these files is the brand's own (``is_brand_post``).
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times
from analytics.load.finish import TIME_RAW, Context, DailyMapped, Mapped, map_frame
from analytics.load.read import ROW, RawTable

TWITTER_EPOCH_MS = 1288834974657
LEGACY_TIME = ["%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"]
DAY_FORMATS = ["%a, %b %d, %Y", "%b %d, %Y", "%Y-%m-%d"]
_HANDLE_IN_URL = r"(?:twitter|x)\.com/([A-Za-z0-9_]+)/status"


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped | DailyMapped:
    """Map one X analytics export; the variant comes from detection."""
    if variant == "overview":
        return _overview(raw, ctx)
    if variant == "content":
        return _content(raw, ctx)
    return _legacy(raw, ctx)


def snowflake_time(post_id: pl.Expr) -> pl.Expr:
    """UTC creation time encoded in an X snowflake id (ids after late 2010); else null."""
    as_int = post_id.cast(pl.Int64, strict=False)
    millis = pl.when(as_int > (1 << 22)).then(as_int // (1 << 22) + TWITTER_EPOCH_MS)
    return (
        pl.from_epoch(millis, time_unit="ms")
        .dt.replace_time_zone("UTC")
        .cast(pl.Datetime("us", "UTC"))
    )


def _counts(cols: list[str], names: dict[str, tuple[str, ...]]) -> tuple[dict, list]:
    values, notes = {}, []
    for field, aliases in names.items():
        value, note = clean.first_count(cols, *aliases)
        values[field] = value
        notes.append(note)
    return values, notes


def _legacy(raw: RawTable, ctx: Context) -> Mapped:
    cols = raw.columns
    url, url_note = clean.text(clean.pick(cols, "Tweet permalink"), want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "Tweet id")), url)
    time_col = clean.pick(cols, "time")
    counts, count_notes = _counts(
        cols,
        {
            "impressions": ("impressions",),
            "engagement": ("engagements",),
            "likes": ("likes", "favorites"),
            "comments": ("replies",),
            "shares": ("retweets",),
        },
    )
    values = {
        "mention_id": native,
        "platform": pl.lit("x"),
        "content_type": pl.lit("post"),
        "published_at": times.read(clean.raw(time_col), ctx.formats(LEGACY_TIME), ctx.zone("UTC"))[
            0
        ],
        "author": url.str.extract(_HANDLE_IN_URL, 1),
        "text": clean.text(clean.pick(cols, "Tweet text"))[0],
        "url": url,
        **counts,
    }
    frame = map_frame(raw, values, [id_note, url_note, *count_notes], clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "time"}"',
        ctx.layout("YYYY-MM-DD HH:MM +0000"),
        '"Tweet text", "Tweet permalink"',
        owned=True,
    )


def _content(raw: RawTable, ctx: Context) -> Mapped:
    cols = raw.columns
    url, url_note = clean.text(clean.pick(cols, "Post Link", "Post link"), want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "Post id")), url)
    date_col = clean.pick(cols, "Date")
    day = times.day(clean.raw(date_col), ctx.formats(DAY_FORMATS))
    exact = snowflake_time(native)
    midnight = (
        day.cast(pl.Datetime("us")).dt.replace_time_zone(ctx.zone()).dt.convert_time_zone("UTC")
    )
    # the id's time must fall near the exported day (the day is in the account's zone)
    plausible = (exact - midnight).dt.total_hours().is_between(-36, 60)
    published = pl.when(day.is_null()).then(exact).when(plausible).then(exact).otherwise(midnight)
    time_note = (
        pl.when(published.is_null())
        .then(None)
        .when(day.is_null() | plausible)
        .then(pl.lit("time_from_post_id"))
        .otherwise(pl.lit("date_only"))
    )
    counts, count_notes = _counts(
        cols,
        {
            "impressions": ("Impressions",),
            "engagement": ("Engagements",),
            "likes": ("Likes",),
            "comments": ("Replies",),
            "shares": ("Reposts",),
        },
    )
    values = {
        "mention_id": native,
        "platform": pl.lit("x"),
        "content_type": pl.lit("post"),
        "published_at": published.cast(pl.Datetime("us", "UTC")),
        "author": url.str.extract(_HANDLE_IN_URL, 1),
        "text": clean.text(clean.pick(cols, "Post text"))[0],
        "url": url,
        **counts,
    }
    notes = [id_note, url_note, time_note, *count_notes]
    frame = map_frame(raw, values, notes, clean.raw(date_col))
    return Mapped(
        frame,
        f'"{date_col or "Date"}" (with the time from "Post id")',
        ctx.layout("Sun, Sep 13, 2026"),
        '"Post text", "Post Link"',
        owned=True,
    )


def _overview(raw: RawTable, ctx: Context) -> DailyMapped:
    cols = raw.columns
    date_col = clean.pick(cols, "Date")
    follows, _ = clean.count(clean.pick(cols, "New follows"))
    unfollows, _ = clean.count(clean.pick(cols, "Unfollows"))
    metrics = {
        "impressions": "Impressions",
        "engagements": "Engagements",
        "likes": "Likes",
        "comments": "Replies",
        "shares": "Reposts",
        "video_views": "Video views",
        "profile_visits": "Profile visits",
        "posts_published": "Create Post",
    }
    account = ctx.brand_handles[0].lstrip("@") if ctx.brand_handles else None
    if account:
        ctx.notes.append(f"X overview files name no account: rows filed under @{account}")
    frame = raw.frame.select(
        times.day(clean.raw(date_col), ctx.formats(DAY_FORMATS)).alias("date"),
        pl.lit("x").alias("platform"),
        pl.lit(account, pl.Utf8).alias("account"),
        (follows - unfollows).alias("followers_change"),
        *(clean.count(clean.pick(cols, src))[0].alias(dst) for dst, src in metrics.items()),
        clean.raw(date_col).alias(TIME_RAW),
        pl.col(ROW),
    )
    return DailyMapped(frame, f'"{date_col or "Date"}"', ctx.layout("Sun, Sep 13, 2026"))
