"""The canonical tables every stage agrees on.

* ``MENTION_SCHEMA``: one row per mention (post, comment, reply, repost, article), whether it
  came from a listening tool (Brandwatch, Talkwalker, ...) or from the brand's own channel
  analytics (Sprout, X analytics, Meta). Loaders produce it, the store keeps it, everything
  downstream reads it.
* ``SENTIMENT_SCHEMA``: the columns our scorers add, keyed like mentions
  (``brand``, ``platform``, ``mention_id``); the store keeps them beside the mentions so
  scoring is incremental.
* ``DAILY_METRICS_SCHEMA``: one row per account (page/profile) per day, from page analytics
  exports (Meta daily files, Sprout profile performance, X account overview).
* ``REJECTED_SCHEMA``: rows a loader could not use, with the reason; kept, never dropped.
* ``EVENT_SCHEMA``: the brand's responses and other dated events (an events CSV, or derived
  from the brand's own posts).

Conventions (they matter for the numbers in a report):
* ``published_at`` is always UTC and tz-aware. Naive source times are interpreted in the
  exporter's time zone (a loader parameter, default ``Asia/Jakarta``) and then converted.
* Counts are nullable: null means "the tool did not provide it", 0 means "provided, zero".
* ``reach`` is a tool estimate of audience and is **not additive** across the mentions of one
  author; aggregate it with care (max per author, or sum as "potential reach").
* ``engagement`` is the tool's own figure when it has one, else likes + comments + shares of
  the values that are present (null when none is).
* ``source_sentiment`` is the tool's label exactly as exported ("negative", "Not Rated", "-2"),
  except star ratings of app-store reviews, which the loaders turn into words by one documented
  rule (1-2 stars negative, 3 neutral, 4-5 positive; load/vocab.py);
  ``source_emotion`` likewise (Brandwatch ``Emotion``: "anger", "joy", ...).
* ``reply_to_account``, ``quoted_id`` and ``reposted_id`` are filled where the export names
  them; a quote's or repost's ``parent_id`` also fills ``quoted_id`` / ``reposted_id``.
  Parts written before these columns existed read them as null.
"""

from __future__ import annotations

import polars as pl

UTC_DATETIME = pl.Datetime("us", "UTC")

ENGAGEMENT_PARTS = ("likes", "comments", "shares")


def engagement_total() -> pl.Expr:
    """The export's engagement, else likes + comments + shares of the values present.

    Null when the export gave neither (not provided is not zero). Every figure of engagement
    (timelines, KPI cards, moments, the notebook API) uses this one rule.
    """
    present = pl.any_horizontal([pl.col(c).is_not_null() for c in ENGAGEMENT_PARTS])
    summed = pl.when(present).then(pl.sum_horizontal(ENGAGEMENT_PARTS))
    return pl.coalesce(pl.col("engagement"), summed)


PLATFORMS = (
    "x",
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "linkedin",
    "reddit",
    "news",
    "blog",
    "forum",
    "review",  # a review site or a review export of unknown store
    "google_play",  # Google Play store reviews
    "app_store",  # Apple App Store reviews
    "other",
)

MENTION_SCHEMA: dict[str, pl.DataType] = {
    # identity: the platform's native id when the export has one; otherwise (or when Excel
    # rounded it) a stable surrogate "h:<sha1 of platform|url|author|time|text>"
    "mention_id": pl.Utf8(),
    "id_is_surrogate": pl.Boolean(),
    "brand": pl.Utf8(),  # the brand (or competitor) this mention was collected for
    "platform": pl.Utf8(),  # one of PLATFORMS
    "content_type": pl.Utf8(),  # post, reply, repost, quote, comment, article, video, ...
    "published_at": UTC_DATETIME,
    "author": pl.Utf8(),  # handle without "@" where the platform has handles
    "author_name": pl.Utf8(),
    "author_followers": pl.Int64(),
    "title": pl.Utf8(),
    "text": pl.Utf8(),
    "url": pl.Utf8(),
    # ISO 639-1 when the export gives it (normalised: X's "in" -> "id", "en-US" -> "en",
    # "und" -> null; see load/vocab.py), else null (scoring fills it)
    "language": pl.Utf8(),
    "country": pl.Utf8(),
    "reach": pl.Int64(),
    "impressions": pl.Int64(),
    "likes": pl.Int64(),
    "comments": pl.Int64(),
    "shares": pl.Int64(),
    "engagement": pl.Int64(),
    "source_sentiment": pl.Utf8(),
    "source_emotion": pl.Utf8(),  # the tool's own emotion label exactly as exported ("joy")
    "is_brand_post": pl.Boolean(),
    "parent_id": pl.Utf8(),  # id of the post this one replies to / reposts
    # who and what a post refers to, for the interaction network: the handle replied to
    # (without "@"), the id of the quoted post and of the reposted (retweeted) post
    "reply_to_account": pl.Utf8(),
    "quoted_id": pl.Utf8(),
    "reposted_id": pl.Utf8(),
    "source_tool": pl.Utf8(),  # brandwatch, talkwalker, brand24, meltwater, sprout, ...
    "source_file": pl.Utf8(),  # file name (not the full path: paths differ between machines)
    "source_row": pl.Int64(),  # 1-based line of the record's first line in the file
    # what the loader had to repair or could not repair, ";"-separated codes such as
    # "id_rounded_by_excel", "date_from_excel_serial", "formula_prefix_stripped"
    "load_notes": pl.Utf8(),
}

SENTIMENT_SCHEMA: dict[str, pl.DataType] = {
    # same key as a stored mention: a text's score depends on the brand (its name is neutral)
    "brand": pl.Utf8(),
    "platform": pl.Utf8(),
    "mention_id": pl.Utf8(),
    "language": pl.Utf8(),  # id / en / other as detected (or as given by the export)
    "sentiment_compound": pl.Float64(),  # VADER scale, -1 .. +1
    "sentiment_label": pl.Utf8(),  # positive / neutral / negative (cut-offs +-0.05)
    "sentiment_method": pl.Utf8(),  # e.g. "vader-social", "id-rules", "model:<name>"
}

EMOTION_SCHEMA: dict[str, pl.DataType] = {
    # keyed like a stored mention; kept apart from sentiment so either can be re-scored alone
    "brand": pl.Utf8(),
    "platform": pl.Utf8(),
    "mention_id": pl.Utf8(),
    "emotion": pl.Utf8(),  # anger / fear / sadness / joy / love / none; null: not Indonesian
    "emotion_method": pl.Utf8(),  # e.g. "emotion-id-emot"
}

DAILY_METRICS_SCHEMA: dict[str, pl.DataType] = {
    "date": pl.Date(),  # the day as the tool reports it (its own zone, see notes)
    "brand": pl.Utf8(),
    "platform": pl.Utf8(),
    "account": pl.Utf8(),
    "followers": pl.Int64(),
    "followers_change": pl.Int64(),
    "reach": pl.Int64(),
    "impressions": pl.Int64(),
    "engagements": pl.Int64(),
    "likes": pl.Int64(),
    "comments": pl.Int64(),
    "shares": pl.Int64(),
    "video_views": pl.Int64(),
    "profile_visits": pl.Int64(),
    "posts_published": pl.Int64(),
    "source_tool": pl.Utf8(),
    "source_file": pl.Utf8(),
    "source_row": pl.Int64(),
}

REJECTED_SCHEMA: dict[str, pl.DataType] = {
    "source_file": pl.Utf8(),
    "source_row": pl.Int64(),
    "reason": pl.Utf8(),  # a sentence naming the column and what was expected
    "raw": pl.Utf8(),  # the record as read, JSON-encoded, so nothing is lost
}

EVENT_SCHEMA: dict[str, pl.DataType] = {
    "time": UTC_DATETIME,
    "channel": pl.Utf8(),  # platform or "press", "website", ...
    "type": pl.Utf8(),  # holding statement, apology, clarification, fix, compensation, ...
    "description": pl.Utf8(),
    "strategy": pl.Utf8(),  # SCCT: deny / diminish / rebuild / bolster (null = from type)
}

SENTIMENT_LABELS = ("positive", "neutral", "negative")


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """An empty frame with exactly the given schema."""
    return pl.DataFrame(schema=schema)


def conform(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Return ``frame`` with exactly the columns of ``schema``, in order and with its types.

    Missing columns are added as nulls; extra columns are dropped. Casting is strict, so a
    loader bug that produces a wrong type fails loudly here instead of in a report.
    """
    columns = []
    for name, dtype in schema.items():
        if name in frame.columns:
            columns.append(frame.get_column(name).cast(dtype, strict=True).alias(name))
        else:
            columns.append(pl.Series(name, [None] * frame.height, dtype=dtype))
    return pl.DataFrame(columns) if columns else frame
