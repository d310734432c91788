"""Sentiment of mentions: language id, English (VADER for social media), Indonesian rules,
code-mixed text, analyst-trained models, evaluation and agreement with the tools' labels.

What notebooks and the CLI call lives here; see docs/sentiment.md.
"""

from analytics.sentiment.bulk import score_mentions, score_store, score_texts
from analytics.sentiment.labels import label_from_compound, source_sentiment_label
from analytics.sentiment.language import detect_language

__all__ = [
    "detect_language",
    "label_from_compound",
    "score_mentions",
    "score_store",
    "score_texts",
    "source_sentiment_label",
]
