"""Sentiment labels: from compound scores, from analysts' label files, from the tools' own.

Three places write sentiment as text in different ways; this module maps all of them onto
``positive`` / ``neutral`` / ``negative`` (``analytics.schema.SENTIMENT_LABELS``) so scores,
labelled files and the listening tools' labels can be compared.
"""

from __future__ import annotations

import math

import polars as pl

POSITIVE_CUTOFF = 0.05  # VADER's usual thresholds on the compound score
NEGATIVE_CUTOFF = -0.05

_LABEL_WORDS = {
    "positive": "positive", "pos": "positive", "positif": "positive", "p": "positive",
    "+": "positive", "1": "positive", "+1": "positive", "1.0": "positive",
    "neutral": "neutral", "neu": "neutral", "netral": "neutral", "n": "neutral",
    "0": "neutral", "0.0": "neutral",
    "negative": "negative", "neg": "negative", "negatif": "negative", "-": "negative",
    "-1": "negative", "-1.0": "negative",
}  # fmt: skip
_TOOL_WORDS = {
    "positive": "positive", "pos": "positive", "neutral": "neutral", "neu": "neutral",
    "negative": "negative", "neg": "negative",
    "mixed": None,  # neither side: excluded like an unrated mention
}  # fmt: skip
# what listening tools write when they did not rate a mention; excluded, not neutral
_UNRATED = {"", "unknown", "not rated", "not_rated", "unrated", "n/a", "na", "none", "null", "-"}


def label_from_compound(compound: float | None) -> str | None:
    """positive (>= 0.05), negative (<= -0.05) or neutral; None for a missing score."""
    if compound is None or (isinstance(compound, float) and math.isnan(compound)):
        return None
    if compound >= POSITIVE_CUTOFF:
        return "positive"
    if compound <= NEGATIVE_CUTOFF:
        return "negative"
    return "neutral"


def label_expression(compound: pl.Expr) -> pl.Expr:
    """``label_from_compound`` as a polars expression (null for a missing score)."""
    return (
        pl.when(compound >= POSITIVE_CUTOFF).then(pl.lit("positive"))
        .when(compound <= NEGATIVE_CUTOFF).then(pl.lit("negative"))
        .when(compound.is_not_null()).then(pl.lit("neutral"))
    )  # fmt: skip


def normalize_label(value: object) -> str | None:
    """An analyst's label ("Positive", "neg", "netral", -1/0/1) as positive/neutral/negative.

    Returns None when the value is not a recognisable label (the caller reports the row).
    """
    if value is None:
        return None
    key = str(value).strip().lower()
    return _LABEL_WORDS.get(key)


def source_sentiment_label(value: object) -> str | None:
    """A listening tool's own sentiment as positive/neutral/negative, None when unrated.

    Handles words in any case (Brandwatch, Sprout, Meltwater: "Positive"), Meltwater's
    "Unknown"/"Not Rated" (unrated, so excluded rather than counted as neutral), Brand24's
    1/0/-1 and Talkwalker's signed numbers (-5..5: only the sign matters).
    """
    if value is None:
        return None
    key = str(value).strip().lower()
    if key in _UNRATED:
        return None
    if key in ("positive", "neutral", "negative", "pos", "neu", "neg", "mixed"):
        return {"pos": "positive", "neu": "neutral", "neg": "negative", "mixed": None}.get(key, key)
    try:
        number = float(key.replace(",", "."))
    except ValueError:
        return None
    if math.isnan(number):
        return None
    return "positive" if number > 0 else "negative" if number < 0 else "neutral"
