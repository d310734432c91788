"""Vendor words for platforms and content types, mapped to the canonical vocabulary.

Vendors name the same network differently (``twitter``, ``X``, ``SOCIALMEDIA_TWITTER``,
``twitter.com``); reports need one name (``schema.PLATFORMS``). Unknown names become
``other`` rather than an error: a new source in an export must not stop a load.
"""

from __future__ import annotations

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


def platform(*candidates: pl.Expr) -> pl.Expr:
    """The canonical platform from the first candidate expression that names a known one.

    ``candidates`` are vendor fields in order of trust (e.g. Page Type, then Domain); the
    result is ``other`` when none of them is recognised, null never.
    """
    found = []
    for value in candidates:
        lower = value.str.strip_chars().str.to_lowercase()
        expr = pl.when(lower.is_in(list(_EXACT))).then(
            lower.replace_strict(_EXACT, default=None, return_dtype=pl.Utf8)
        )
        for word, name in _PLATFORM_WORDS:
            expr = expr.when(lower.str.contains(word)).then(pl.lit(name))
        expr = expr.when(lower.is_in(list(PLATFORMS))).then(lower)
        found.append(expr.otherwise(None))
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
