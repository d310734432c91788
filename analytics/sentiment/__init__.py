"""Sentiment of mentions: language id, English (VADER for social media), Indonesian rules,
code-mixed text, analyst-trained models, evaluation and agreement with the tools' labels,
and emotions (anger, fear, sadness, joy, love, none) of Indonesian text.

What notebooks and the CLI call is exposed here (see docs/sentiment.md). The names are
imported on first use so that scoring worker processes, which import this package, start
without loading polars and scikit-learn.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "score_mentions": "analytics.sentiment.bulk",
    "score_store": "analytics.sentiment.bulk",
    "score_texts": "analytics.sentiment.bulk",
    "rule_features": "analytics.sentiment.bulk",
    "label_from_compound": "analytics.sentiment.labels",
    "source_sentiment_label": "analytics.sentiment.labels",
    "detect_language": "analytics.sentiment.language",
    "train_model": "analytics.sentiment.model",
    "load_model": "analytics.sentiment.model",
    "labelled_from_frame": "analytics.sentiment.labelled",
    "read_labelled": "analytics.sentiment.labelled",
    "source_agreement": "analytics.sentiment.agreement",
    "classification_report": "analytics.sentiment.metrics",
    "classify_emotions": "analytics.sentiment.emotion",
    "emotion_store": "analytics.sentiment.emotion",
    "load_emotion_model": "analytics.sentiment.emotion",
    "normalize_emotion": "analytics.sentiment.emotion",
    "train_emotion_model": "analytics.sentiment.emotion",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'analytics.sentiment' has no attribute {name!r}")
