"""Vendor words for platforms and content types, mapped to the canonical vocabulary.

Vendors name the same network differently (``twitter``, ``X``, ``SOCIALMEDIA_TWITTER``,
``twitter.com``); reports need one name (``schema.PLATFORMS``). Unknown names become
``other`` rather than an error: a new source in an export must not stop a load.
"""

from __future__ import annotations

import re

import polars as pl

from analytics.load.clean import cleaner_pair
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
    (r"google[ _\-]?play|play\.google|play[ _\-]?store", "google_play"),
    (r"app[ _\-]?store|apps\.apple|itunes", "app_store"),
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


def platform_note(*candidates: pl.Expr) -> pl.Expr:
    """``platform_other:<value>`` where a candidate had a value none of them recognised.

    The row's platform became ``other``; the note (counted in the load summary) names the
    word so a user can see what was not understood (e.g. a misspelt ``gogle play``).
    """
    present = [v for v in candidates if not v.meta.is_literal(allow_aliasing=True)]
    if not present:
        return pl.lit(None, pl.Utf8)
    known = pl.coalesce(*(v.map_batches(_classify_series, return_dtype=pl.Utf8) for v in present))
    given = pl.coalesce(*(v.cast(pl.Utf8).str.strip_chars() for v in present))
    return (
        pl.when(known.is_null() & given.is_not_null() & (given != ""))
        .then(pl.concat_str(pl.lit("platform_other:"), given.str.slice(0, 40)))
        .otherwise(pl.lit(None, pl.Utf8))
    )


def platform_with_note(*candidates: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """:func:`platform` and :func:`platform_note` of the same candidates."""
    return platform(*candidates), platform_note(*candidates)


# ---------------------------------------------------------------- languages

# codes platforms write that are not ISO 639-1, and names some tools write instead of codes.
# X writes "in" (the withdrawn code for Indonesian) and "iw" (Hebrew), "und" when it cannot
# tell, "qme"/"qam"/"qct"/"qht"/"qst"/"zxx" for media-only, mentions-only, cashtags-only,
# hashtags-only, very short and no-linguistic-content posts: those say "no language", not one.
_LANGUAGE_ALIASES: dict[str, str | None] = {
    "in": "id",
    "iw": "he",
    "ji": "yi",
    "jw": "jv",
    "mo": "ro",
    "und": None,
    "zxx": None,
    "qme": None,
    "qam": None,
    "qct": None,
    "qht": None,
    "qst": None,
    "unknown": None,
    "ind": "id",
    "eng": "en",
    "jav": "jv",
    "sun": "su",
    "msa": "ms",
    "may": "ms",
    "english": "en",
    "indonesian": "id",
    "indonesia": "id",
    "bahasa indonesia": "id",
    "malay": "ms",
    "javanese": "jv",
    "sundanese": "su",
    "spanish": "es",
    "french": "fr",
    "german": "de",
    "arabic": "ar",
    "chinese": "zh",
    "japanese": "ja",
    "korean": "ko",
    "portuguese": "pt",
    "dutch": "nl",
    "hebrew": "he",
    "inggris": "en",
}


def _language_code(value: str) -> str | None:
    lower = value.strip().lower().replace("_", "-")
    if lower in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[lower]
    primary = lower.split("-", 1)[0]  # en-US, pt-BR, zh-Hant: the language is the first part
    if primary in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[primary]
    return primary or None


def _language_series(values: pl.Series) -> pl.Series:
    distinct = values.drop_nulls().unique().to_list()  # a few dozen codes even in big files
    table = {v: _language_code(v) for v in distinct}
    return values.replace_strict(table, default=None, return_dtype=pl.Utf8)


def language(value: pl.Expr) -> pl.Expr:
    """ISO 639-1 codes from what exports write: ``in`` -> ``id``, ``iw`` -> ``he``,
    ``en-US`` -> ``en``, ``English`` -> ``en``, ``und``/``zxx`` -> null; other codes
    lower-cased and kept."""
    return value.map_batches(_language_series, return_dtype=pl.Utf8)


# ---------------------------------------------------------------- star ratings

# one documented rule for every review source: 1-2 stars negative, 3 neutral, 4-5 positive
STAR_SENTIMENT = {1: "negative", 2: "negative", 3: "neutral", 4: "positive", 5: "positive"}


def stars_sentiment(stars: pl.Expr) -> pl.Expr:
    """A 1-5 star rating (Int64) as a sentiment word by :data:`STAR_SENTIMENT`; else null."""
    return stars.replace_strict(STAR_SENTIMENT, default=None, return_dtype=pl.Utf8)


def _sentiment_frame(s: pl.Series) -> pl.DataFrame:
    f = s.cast(pl.Utf8).to_frame("v").with_columns(pl.col("v").str.strip_chars().alias("t"))
    f = f.with_columns(
        pl.col("t").str.replace(r"^(\d)(\.0+)?$", "$1").cast(pl.Int64, strict=False).alias("n")
    )
    present = f.select(pl.col("t").is_not_null() & (pl.col("t") != "")).to_series()
    # a star column: every value is a whole 1-5 (a signed -2..2 scale has 0 or negatives);
    # read by the documented rule instead of as labels a scorer would take as positive
    given = f["n"].filter(present)
    is_stars = given.len() > 0 and given.null_count() == 0 and bool(given.is_between(1, 5).all())
    if not is_stars:  # labels exactly as exported; only an empty cell is null
        return f.select(
            pl.when(pl.col("t") == "").then(None).otherwise("v").alias("value"),
            pl.lit(None, pl.Utf8).alias("note"),
        )
    return f.select(
        stars_sentiment(pl.col("n")).alias("value"),
        pl.when(pl.col("n").is_not_null()).then(pl.lit("stars_as_sentiment")).alias("note"),
    )


def sentiment_or_stars(value: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """A mapped sentiment column: labels kept exactly; a 1-5 star column turned into words."""
    return cleaner_pair(value, _sentiment_frame, pl.Utf8())


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
