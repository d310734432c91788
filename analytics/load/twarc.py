"""twarc2 (X API v2, the academic/research API): ``twarc2 csv`` files and flattened JSONL.

``twarc2 csv`` writes dotted column names (``public_metrics.like_count``,
``author.username``, ``referenced_tweets.replied_to.id``); a flattened JSONL file
(``twarc2 flatten``) has the same fields nested, which the JSON reader exposes under the
same dotted names. ``created_at`` is ISO 8601 in UTC (``2022-03-01T10:00:00.000Z``).
A reply's parent is ``referenced_tweets.replied_to.id``; a retweet is a repost.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

ISO_UTC = ["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%#z"]


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map twarc2 tweets (CSV or flattened JSONL) to canonical columns."""
    cols = raw.columns

    def col(*names: str) -> pl.Expr:
        return clean.raw(clean.pick(cols, *names))

    time_col = clean.pick(cols, "created_at")
    published, time_note = times.read(clean.raw(time_col), ctx.formats(ISO_UTC), ctx.zone("UTC"))
    native, id_note = clean.native_id(col("id"))
    author = clean.handle(col("author.username", "username"))
    body, body_note = clean.text(clean.pick(cols, "text"))
    likes, n1 = clean.count(clean.pick(cols, "public_metrics.like_count"))
    comments, n2 = clean.count(clean.pick(cols, "public_metrics.reply_count"))
    shares, n3 = clean.count(clean.pick(cols, "public_metrics.retweet_count"))
    impressions, n4 = clean.count(clean.pick(cols, "public_metrics.impression_count"))
    followers, n5 = clean.count(clean.pick(cols, "author.public_metrics.followers_count"))
    replied = col("referenced_tweets.replied_to.id")
    retweeted = col("referenced_tweets.retweeted.id")
    quoted = col("referenced_tweets.quoted.id")
    values = {
        "mention_id": native,
        "platform": pl.lit("x"),
        "content_type": pl.when(retweeted.is_not_null())
        .then(pl.lit("repost"))
        .when(replied.is_not_null())
        .then(pl.lit("reply"))
        .when(quoted.is_not_null())
        .then(pl.lit("quote"))
        .otherwise(pl.lit("post")),
        "published_at": published,
        "author": author,
        "author_name": col("author.name"),
        "author_followers": followers,
        "text": body,
        "url": clean.status_url(author, native),
        "language": col("lang"),
        "impressions": impressions,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "parent_id": pl.coalesce(replied, retweeted),
        "reply_to_account": clean.handle(col("in_reply_to_username", "in_reply_to_user.username")),
        "quoted_id": quoted,
        "reposted_id": retweeted,
    }
    notes = [time_note, id_note, body_note, n1, n2, n3, n4, n5]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "created_at"}"',
        ctx.layout("ISO 8601 in UTC, e.g. 2022-03-01T10:00:00.000Z"),
        '"text"',
    )
