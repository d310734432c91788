"""How far our sentiment agrees with the listening tool's own label (``source_sentiment``).

Analysts are asked "why does your report say 40% negative when Brandwatch said 25%?". The
answer starts with this table: on the mentions both rated, how often the labels match,
Cohen's kappa (agreement beyond chance) and where they differ (the confusion matrix; rows
are the tool's label, columns ours). Mentions the tool left unrated ("Not Rated",
"Unknown") and mentions we could not score are counted and excluded, never read as neutral.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analytics.errors import InputDataError
from analytics.schema import SENTIMENT_LABELS
from analytics.sentiment.labels import source_sentiment_label
from analytics.sentiment.metrics import cohen_kappa, confusion_matrix


def _compare(tool: list[str], ours: list[str]) -> dict[str, Any]:
    n = len(tool)
    matches = sum(a == b for a, b in zip(tool, ours, strict=True))
    return {
        "n_compared": n,
        "agreement": matches / n if n else None,
        "kappa": cohen_kappa(tool, ours),
        "labels": list(SENTIMENT_LABELS),
        "confusion": confusion_matrix(tool, ours),
    }


def source_agreement(mentions: pl.DataFrame, *, by: str | None = "source_tool") -> dict[str, Any]:
    """Agreement between ``source_sentiment`` (mapped) and our ``sentiment_label``.

    Returns n_compared, agreement (share of equal labels), kappa, confusion (rows = tool,
    columns = ours, in positive/neutral/negative order), n_tool_unrated, n_unscored and, when
    ``by`` is a column, the same figures per value of it (per tool, as tools label
    differently).
    """
    for column in ("source_sentiment", "sentiment_label"):
        if column not in mentions.columns:
            raise InputDataError(
                f'mentions: no column "{column}"; agreement needs the tool\'s label and our '
                "scores (Store.mentions(with_sentiment=True))"
            )
    tool = [source_sentiment_label(v) for v in mentions.get_column("source_sentiment").to_list()]
    ours = mentions.get_column("sentiment_label").to_list()
    groups = mentions.get_column(by).to_list() if by and by in mentions.columns else None
    kept = [i for i in range(len(tool)) if tool[i] is not None and ours[i] in SENTIMENT_LABELS]
    result = _compare([tool[i] for i in kept], [ours[i] for i in kept])
    result["n_tool_unrated"] = sum(label is None for label in tool)
    result["n_unscored"] = sum(
        tool[i] is not None and ours[i] not in SENTIMENT_LABELS for i in range(len(tool))
    )
    if groups is not None:
        result["by"] = by
        result["groups"] = {
            str(value): _compare(
                [tool[i] for i in kept if groups[i] == value],
                [ours[i] for i in kept if groups[i] == value],
            )
            for value in sorted({groups[i] for i in kept}, key=str)
        }
    return result
