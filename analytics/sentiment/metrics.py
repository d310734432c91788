"""Agreement figures between two labelings: accuracy, per-class precision/recall/F1,
macro-F1, Cohen's kappa and the confusion matrix. Pure functions over label lists, so the
eval command, the model's cross-validation and the tool-agreement appendix report the same
numbers the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analytics.schema import SENTIMENT_LABELS


def confusion_matrix(
    truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> list[list[int]]:
    """Counts with rows = truth and columns = predicted, both in ``labels`` order."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for true, guess in zip(truth, predicted, strict=True):
        matrix[index[true]][index[guess]] += 1
    return matrix


def _ratio(numerator: float, denominator: float) -> float:
    # an empty class (no predictions / no examples) scores 0, as scikit-learn's default does
    return numerator / denominator if denominator else 0.0


def classification_report(
    truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> dict[str, Any]:
    """n, accuracy, macro_f1 (mean F1 over ``labels``), per_class, confusion, labels."""
    matrix = confusion_matrix(truth, predicted, labels)
    n = len(truth)
    correct = sum(matrix[i][i] for i in range(len(labels)))
    per_class: dict[str, dict[str, float | int]] = {}
    for i, label in enumerate(labels):
        true_positive = matrix[i][i]
        predicted_as = sum(row[i] for row in matrix)
        support = sum(matrix[i])
        precision = _ratio(true_positive, predicted_as)
        recall = _ratio(true_positive, support)
        f1 = _ratio(2 * precision * recall, precision + recall)
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    macro_f1 = sum(c["f1"] for c in per_class.values()) / len(labels) if labels else 0.0
    return {
        "n": n,
        "accuracy": _ratio(correct, n),
        "macro_f1": macro_f1,
        "per_class": per_class,
        "labels": list(labels),
        "confusion": matrix,
    }


def cohen_kappa(
    first: Sequence[str], second: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> float | None:
    """Agreement beyond chance: (observed - expected) / (1 - expected); None when undefined."""
    n = len(first)
    if n == 0:
        return None
    matrix = confusion_matrix(first, second, labels)
    observed = sum(matrix[i][i] for i in range(len(labels))) / n
    expected = sum(
        (sum(matrix[i]) / n) * (sum(row[i] for row in matrix) / n) for i in range(len(labels))
    )
    if expected == 1.0:
        return None  # both raters used one single label: kappa is 0/0
    return (observed - expected) / (1.0 - expected)


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (95% by default); None when n is 0.

    Better than the normal approximation at the small n and extreme rates of held-back
    label sets (100 labels, 90% accuracy)."""
    if n <= 0:
        return None
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def format_report(report: dict[str, Any], title: str = "") -> str:
    """The report as aligned plain text for a terminal."""
    labels = report["labels"]
    lines = [title] if title else []
    lines += [
        f"n          {report['n']}",
        f"accuracy   {report['accuracy']:.3f}",
        f"macro-F1   {report['macro_f1']:.3f}",
        "",
        f"{'class':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}",
    ]
    for label in labels:
        c = report["per_class"][label]
        lines.append(
            f"{label:<10} {c['precision']:>9.3f} {c['recall']:>7.3f} {c['f1']:>6.3f} "
            f"{c['support']:>8}"
        )
    lines += ["", "confusion (rows = truth, columns = predicted)"]
    lines.append(" " * 10 + "".join(f"{label:>10}" for label in labels))
    for label, row in zip(labels, report["confusion"], strict=True):
        lines.append(f"{label:<10}" + "".join(f"{count:>10}" for count in row))
    return "\n".join(lines)
