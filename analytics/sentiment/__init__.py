"""Sentiment of mentions: language id, English (VADER for social media), Indonesian rules,
code-mixed text, analyst-trained models, evaluation and agreement with the tools' labels,
and emotions (anger, fear, sadness, joy, love, none) of Indonesian text.

The public front of the stage (see docs/sentiment.md). Names are imported on first use so
that scoring worker processes, which import this package, start without loading polars and
scikit-learn.
"""

from __future__ import annotations

from analytics.fronts import lazy_front

_EXPORTS = {
    "score_mentions": "analytics.sentiment.bulk:score_mentions",
    "score_store": "analytics.sentiment.bulk:score_store",
    "score_texts": "analytics.sentiment.bulk:score_texts",
    "rule_features": "analytics.sentiment.features:rule_features",
    "label_expression": "analytics.sentiment.labels:label_expression",
    "label_from_compound": "analytics.sentiment.labels:label_from_compound",
    "source_sentiment_label": "analytics.sentiment.labels:source_sentiment_label",
    "detect_language": "analytics.sentiment.language:detect_language",
    "train_model": "analytics.sentiment.model:train_model",
    "load_model": "analytics.sentiment.model:load_model",
    "labelled_from_frame": "analytics.sentiment.labelled:labelled_from_frame",
    "read_labelled": "analytics.sentiment.labelled:read_labelled",
    "source_agreement": "analytics.sentiment.agreement:source_agreement",
    "classification_report": "analytics.sentiment.metrics:classification_report",
    "classify_emotions": "analytics.sentiment.emotion:classify_emotions",
    "emotion_store": "analytics.sentiment.emotion:emotion_store",
    "load_emotion_model": "analytics.sentiment.emotion:load_emotion_model",
    "normalize_emotion": "analytics.sentiment.emotion:normalize_emotion",
    "train_emotion_model": "analytics.sentiment.emotion:train_emotion_model",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_front(__name__, _EXPORTS)
