"""Vendor words for platforms and content types, mapped to the canonical vocabulary.

Vendors name the same network differently (``twitter``, ``X``, ``SOCIALMEDIA_TWITTER``,
``twitter.com``); reports need one name (``schema.PLATFORMS``). Unknown names become
``other`` rather than an error: a new source in an export must not stop a load.
"""

from __future__ import annotations

import re

import polars as pl

from analytics.schema import PLATFORMS

# lower-case vendor word (a regex) -> platform; searched in the value in this order, so the more
# specific words come first ("socialmedia_twitter" before "news")
_PLATFORM_WORDS: tuple[tuple[str, str], ...] = (
    ("twitter", "x"),
    (r"(^|[/.@])x\.com", "x"),
    ("tweet", "x"),
    ("facebook", "facebook"),
    (r"(^|[/.])fb\.(com|watch)", "facebook"),
    ("instagram", "instagram"),
    ("tiktok", "tiktok"),
    ("youtube", "youtube"),
    (r"youtu\.be", "youtube"),
    ("linkedin", "linkedin"),
    ("reddit", "reddit"),
    ("forum", "forum"),
    ("messageboard", "forum"),
    ("kaskus", "forum"),
    ("review", "review"),
    ("blog", "blog"),
    ("news", "news"),
    ("print", "news"),
    ("broadcast", "news"),
    ("online", "news"),
    ("press", "news"),
    ("radio", "news"),
    (r"\btv\b", "news"),
    (r"^web", "news"),
)
_EXACT = {"x": "x", "ig": "instagram", "fb": "facebook", "yt": "youtube", "twit": "x"}
_COMPILED = tuple((re.compile(pattern), name) for pattern, name in _PLATFORM_WORDS)


def classify_platform(value: str) -> str | None:
    """The canonical platform a vendor word, domain or URL names; None when unknown."""
    lower = value.strip().lower()
    if "://" in lower:
        lower = lower.split("://", 1)[1].split("/", 1)[0]  # the host says the platform
    if lower in _EXACT:
        return _EXACT[lower]
    for pattern, name in _COMPILED:
        if pattern.search(lower):
            return name
    return lower if lower in PLATFORMS else None


def _classify_series(values: pl.Series) -> pl.Series:
    # few distinct vendor words or hosts even in a million rows: classify each distinct
    # value once in Python, then map the column vectorized
    distinct = values.drop_nulls().unique()
    hosts = distinct.str.extract(r"^(?:[A-Za-z]+://)?([^/?#]+)", 1).to_list()
    table = {v: classify_platform(h) for v, h in zip(distinct.to_list(), hosts, strict=True) if h}
    return values.replace_strict(table, default=None, return_dtype=pl.Utf8)


def platform(*candidates: pl.Expr) -> pl.Expr:
    """The canonical platform from the first candidate expression that names a known one.

    ``candidates`` are vendor fields in order of trust (e.g. Page Type, then Domain, then the
    URL); the result is ``other`` when none of them is recognised, null never.
    """
    found = [
        value.map_batches(_classify_series, return_dtype=pl.Utf8)
        for value in candidates
        if not value.meta.is_literal(allow_aliasing=True)  # an absent column: nothing to read
    ]
    return pl.coalesce(*found, pl.lit("other"))


_CONTENT_TYPES = {
    "post": "post",
    "tweet": "post",
    "status": "post",
    "photo": "post",
    "image": "post",
    "link": "post",
    "text": "post",
    "carousel": "post",
    "album": "post",
    "post_made": "post",
    "photos": "post",
    "links": "post",
    "mention": "post",
    "@mention": "post",
    "videos": "video",
    "reply": "reply",
    "@reply": "reply",
    "replies": "reply",
    "share": "repost",
    "retweet": "repost",
    "repost": "repost",
    "reshare": "repost",
    "quote": "quote",
    "quote tweet": "quote",
    "comment": "comment",
    "article": "article",
    "news": "article",
    "video": "video",
    "reel": "reel",
    "reels": "reel",
    "story": "story",
}


def content_type(value: pl.Expr) -> pl.Expr:
    """Canonical content type; unknown vendor words are kept lower-cased (not lost)."""
    lower = value.str.strip_chars().str.strip_prefix("'").str.to_lowercase()
    lower = lower.str.strip_prefix("ig ")  # Meta writes "IG image", "IG reel", "IG carousel"
    return lower.replace_strict(_CONTENT_TYPES, default=lower, return_dtype=pl.Utf8)
