"""How far to trust the sentiment in a report, for the method appendix.

Two yardsticks, both measured by the sentiment stage's own functions so the report and
``crisis-analytics sentiment eval`` give the same numbers:

* **analyst labels** (a labelled file of text + label, e.g. the sample's ``labels.csv``):
  the texts are scored with the same scorer as the store and compared with the labels
  (accuracy, macro-F1, confusion matrix);
* the **export's own labels** (``source_sentiment``: Brandwatch "negative", Talkwalker
  "-2", ...): agreement and Cohen's kappa on the mentions both rated; tools' labels are
  themselves often wrong, so this is agreement, not accuracy.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

from analytics.schema import SENTIMENT_LABELS


def matrix_frame(confusion: Sequence[Sequence[int]], labels: Sequence[str]) -> pl.DataFrame:
    """A confusion matrix (rows = reference, columns = ours) as a frame for charts/tables."""
    return pl.DataFrame(
        [{"reference": ref, **dict(zip(labels, row, strict=True))}
         for ref, row in zip(labels, confusion, strict=True)],
        schema={"reference": pl.Utf8, **dict.fromkeys(labels, pl.Int64)},
    )  # fmt: skip


def against_source_labels(mentions: pl.DataFrame) -> dict[str, Any]:
    """Agreement with the tools' own labels: n, agreement, kappa, matrix (frame), unrated."""
    from analytics.sentiment.agreement import source_agreement

    result = source_agreement(mentions, by="source_tool")
    return {
        "n": result["n_compared"],
        "agreement": result["agreement"],
        "kappa": result["kappa"],
        "unrated": result["n_tool_unrated"],
        "matrix": matrix_frame(result["confusion"], result["labels"]),
    }


def against_labels(
    path: str | Path, *, brand_names: Sequence[str] = (), workers: int = 2
) -> dict[str, Any]:
    """Accuracy on an analyst-labelled file: n, accuracy, macro_f1, matrix, set_aside."""
    from analytics.sentiment import score_texts
    from analytics.sentiment.labelled import read_labelled
    from analytics.sentiment.metrics import classification_report, wilson_interval

    labelled = read_labelled(path)
    scored = score_texts(labelled.texts, brand_names=brand_names, workers=workers,
                         progress=False)  # fmt: skip
    predicted = scored.get_column("sentiment_label").to_list()
    pairs = [(t, p) for t, p in zip(labelled.labels, predicted, strict=True)
             if p in SENTIMENT_LABELS]  # fmt: skip
    report = classification_report([t for t, _ in pairs], [p for _, p in pairs])
    correct = sum(report["confusion"][i][i] for i in range(len(report["labels"])))
    return {
        "n": report["n"],
        "accuracy": report["accuracy"],
        "accuracy_ci": wilson_interval(correct, report["n"]),
        "macro_f1": report["macro_f1"],
        "unscored": len(predicted) - len(pairs),
        "set_aside": labelled.rejected.height,
        "matrix": matrix_frame(report["confusion"], report["labels"]),
    }


def sentence(name: str, result: dict[str, Any] | None) -> str:
    """One plain sentence for the appendix, e.g. 'Analyst labels (n=400): accuracy 71%...'."""
    from analytics.report.words import t

    if not result or not result.get("n"):
        return t("accuracy.nothing", name=name)
    if "accuracy" in result:
        ci = result.get("accuracy_ci")
        ci_text = t("accuracy.ci", low=ci[0], high=ci[1]) if ci else ""
        return t("accuracy.labels", name=name, n=result["n"], accuracy=result["accuracy"],
                 ci=ci_text, f1=result["macro_f1"])  # fmt: skip
    kappa = result.get("kappa")
    kappa_text = t("accuracy.kappa", kappa=kappa) if kappa is not None else ""
    return t("accuracy.agreement", name=name, n=result["n"], unrated=result.get("unrated", 0),
             agreement=result["agreement"], kappa=kappa_text)  # fmt: skip
