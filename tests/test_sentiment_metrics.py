"""Metrics and labels worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.sentiment.labels import (
    label_expression,
    label_from_compound,
    normalize_label,
    source_sentiment_label,
)
from analytics.sentiment.metrics import classification_report, cohen_kappa, confusion_matrix

TRUTH = ["positive", "positive", "positive", "neutral", "negative", "negative", "negative"]
GUESS = ["positive", "positive", "neutral", "neutral", "negative", "negative", "positive"]


def test_report_worked_by_hand() -> None:
    report = classification_report(TRUTH, GUESS)
    # confusion rows truth (pos, neu, neg), columns predicted
    assert report["confusion"] == [[2, 1, 0], [0, 1, 0], [1, 0, 2]]
    # positive: P 2/3, R 2/3, F1 2/3; neutral: P 1/2, R 1, F1 2/3; negative: P 1, R 2/3, F1 .8
    assert report["per_class"]["neutral"]["precision"] == pytest.approx(0.5)
    assert report["per_class"]["negative"]["f1"] == pytest.approx(0.8)
    assert report["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0.8) / 3)  # 0.7111
    assert report["accuracy"] == pytest.approx(5 / 7)
    assert report["n"] == 7


def test_kappa_worked_by_hand() -> None:
    # observed 5/7; expected = (3/7)(3/7) + (1/7)(2/7) + (3/7)(2/7) = (9 + 2 + 6) / 49 = 17/49
    # kappa = (5/7 - 17/49) / (1 - 17/49) = (35/49 - 17/49) / (32/49) = 18/32 = 0.5625
    assert cohen_kappa(TRUTH, GUESS) == pytest.approx(0.5625)
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["neutral"] * 3, ["neutral"] * 3) is None  # 0/0: undefined


def test_empty_class_scores_zero_not_error() -> None:
    report = classification_report(["positive", "negative"], ["positive", "positive"])
    assert report["per_class"]["neutral"]["f1"] == 0.0
    assert confusion_matrix(["neutral"], ["neutral"]) == [[0, 0, 0], [0, 1, 0], [0, 0, 0]]


@pytest.mark.parametrize(
    ("compound", "label"),
    [(0.05, "positive"), (0.0499, "neutral"), (-0.0499, "neutral"), (-0.05, "negative"),
     (0.9, "positive"), (None, None)],
)  # fmt: skip
def test_label_cutoffs(compound: float | None, label: str | None) -> None:
    assert label_from_compound(compound) == label
    # the same rule over a column (bulk scoring and surveys label whole columns at once)
    column = pl.DataFrame({"c": [compound]}, schema={"c": pl.Float64})
    assert column.select(label_expression(pl.col("c"))).item() == label


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Positive", "positive"), ("NEG", "negative"), ("netral", "neutral"), ("-1", "negative"),
     ("1", "positive"), ("0", "neutral"), ("maybe", None), (None, None)],
)  # fmt: skip
def test_analyst_labels(value: str | None, expected: str | None) -> None:
    assert normalize_label(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Positive", "positive"), ("negative", "negative"), ("NEUTRAL", "neutral"),
     ("Not Rated", None), ("Unknown", None), ("", None), ("-3", "negative"), ("2.5", "positive"),
     ("0", "neutral"), ("1", "positive"), ("-1", "negative")],
)  # fmt: skip
def test_tool_labels(value: str, expected: str | None) -> None:
    assert source_sentiment_label(value) == expected


def test_wilson_interval_matches_the_published_values() -> None:
    from analytics.sentiment.metrics import wilson_interval

    # 9 of 10: Wilson 95% interval 0.596-0.982 (Newcombe 1998, worked by hand)
    low, high = wilson_interval(9, 10)
    assert (round(low, 3), round(high, 3)) == (0.596, 0.982)
    assert wilson_interval(0, 0) is None


def test_accuracy_sentence_names_the_interval() -> None:
    from analytics.report.accuracy import sentence

    text = sentence("Held-back labels", {"n": 10, "accuracy": 0.9, "accuracy_ci": (0.596, 0.982),
                                         "macro_f1": 0.8})  # fmt: skip
    assert text == "Held-back labels (n=10): accuracy 90% (95% CI 60%-98%), macro-F1 0.80."
