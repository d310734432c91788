"""Talkwalker results export (CSV or XLSX): dotted column names from its document model.

Author columns are ``extra_author_attributes.*`` in older files and
``extra_creator_attributes.*`` in newer ones; some users replace ``.`` with ``_``; all are
accepted. ``url`` is Talkwalker's unique key, so it is the mention id. ``sentiment`` is a
signed number and is kept exactly as exported. ``published`` is read as ISO 8601 (with or
without an offset; naive times in ``default_tz``) or epoch milliseconds, never as a
day/month guess.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

NAIVE_FORMATS = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
]
AWARE_FORMATS = ["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%#z"]


def _names(*dotted: str) -> list[str]:
    """Each dotted name and its underscore spelling, in order."""
    out = []
    for name in dotted:
        out += [name, name.replace(".", "_")]
    return out


def published_time(value: pl.Expr, tz: str) -> tuple[pl.Expr, pl.Expr]:
    """ISO with offset -> UTC; naive ISO -> ``tz``; 13-digit epoch milliseconds -> UTC."""
    aware = times.aware_time(value, AWARE_FORMATS)
    naive, note = times.local_time(value, NAIVE_FORMATS, tz)
    millis = value.str.strip_chars().str.extract(r"^(\d{13})$", 1).cast(pl.Int64)
    epoch = pl.from_epoch(millis, time_unit="ms").dt.replace_time_zone("UTC")
    return pl.coalesce(aware, naive, epoch.cast(pl.Datetime("us", "UTC"))), note


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a Talkwalker results export to canonical columns."""
    cols = raw.columns
    url, url_note = clean.text(clean.pick(cols, "url"), want_url=True)
    time_col = clean.pick(cols, "published")
    if ctx.time_formats:
        published, time_note = times.read(clean.raw(time_col), ctx.time_formats, ctx.zone())
    else:
        published, time_note = published_time(clean.raw(time_col), ctx.zone())
    body, body_note = clean.first_text(cols, "content", "content_snippet", "title_snippet", "title")
    likes, n1 = clean.first_count(
        cols,
        *_names(
            "article_extended_attributes.twitter_likes",
            "article_extended_attributes.facebook_likes",
            "article_extended_attributes.instagram_likes",
            "article_extended_attributes.youtube_likes",
        ),
    )
    comments, n2 = clean.first_count(
        cols,
        *_names(
            "article_extended_attributes.twitter_replies",
            "article_extended_attributes.num_comments",
        ),
    )
    shares, n3 = clean.first_count(
        cols,
        *_names(
            "article_extended_attributes.twitter_retweets",
            "article_extended_attributes.facebook_shares",
            "article_extended_attributes.linkedin_shares",
            "article_extended_attributes.twitter_shares",
        ),
    )
    impressions, n4 = clean.first_count(
        cols, *_names("article_extended_attributes.twitter_impressions")
    )
    followers, n5 = clean.first_count(
        cols,
        *_names(
            "source_extended_attributes.twitter_followers",
            "article_extended_attributes.twitter_followers",
            "source_extended_attributes.instagram_followers",
            "source_extended_attributes.facebook_followers",
        ),
    )
    reach, n6 = clean.count(clean.pick(cols, "reach"))
    engagement, n7 = clean.count(clean.pick(cols, "engagement"))
    author = clean.first_text(
        cols, *_names("extra_author_attributes.short_name", "extra_creator_attributes.short_name")
    )[0]
    author_name = clean.first_text(
        cols, *_names("extra_author_attributes.name", "extra_creator_attributes.name")
    )[0]
    country = clean.first_text(
        cols,
        *_names(
            "extra_article_attributes.world_data.country",
            "extra_source_attributes.world_data.country",
            "extra_author_attributes.world_data.country",
            "extra_creator_attributes.world_data.country",
        ),
    )[0]
    source_type = clean.raw(clean.pick(cols, "source_type"))
    values = {
        "mention_id": url,  # Talkwalker's own unique key
        "platform": vocab.platform(source_type, url),
        "content_type": vocab.content_type(clean.raw(clean.pick(cols, "post_type"))),
        "published_at": published,
        "author": clean.handle(author),
        "author_name": author_name,
        "author_followers": followers,
        "title": clean.text(clean.pick(cols, "title"))[0],
        "text": body,
        "url": url,
        "language": clean.raw(clean.pick(cols, "lang")),
        "country": country,
        "reach": reach,
        "impressions": impressions,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "engagement": engagement,
        "source_sentiment": clean.sentiment(clean.pick(cols, "sentiment")),
        "parent_id": clean.raw(clean.pick(cols, "parent_url")),
    }
    notes = [url_note, time_note, body_note, n1, n2, n3, n4, n5, n6, n7]
    notes.append(vocab.platform_note(source_type, url))
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "published"}"',
        ctx.layout("ISO 8601 date-time or epoch milliseconds"),
        '"content", "title", "url"',
    )
