"""Domain model: training from a frame (a notebook cell), saving, loading, scoring with it."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.sentiment import score_texts
from analytics.sentiment.labelled import labelled_from_frame, read_labelled
from analytics.sentiment.model import load_model, train_model

DATA = Path(__file__).parent / "data" / "sentiment"


@pytest.fixture(scope="module")
def fries() -> pl.DataFrame:
    return pl.read_csv(DATA / "fries_labels.csv")


def test_train_from_a_notebook_frame_save_load_and_score(fries, tmp_path: Path) -> None:
    labelled = labelled_from_frame(fries.to_pandas())  # pandas accepted at the boundary
    model = train_model(labelled.texts, labelled.labels, name="fries", folds=3, workers=1)
    model.save(tmp_path / "fries")
    metadata = json.loads((tmp_path / "fries" / "metadata.json").read_text())
    assert metadata["n"] == 18
    assert metadata["labels"] == ["negative", "neutral", "positive"]
    assert metadata["rule_features"] is True
    assert {"created_at", "version", "cv_macro_f1", "cv_folds"} <= set(metadata)
    assert load_model(tmp_path / "fries").method == "model:fries"
    texts = ["soggy nuggets again", "crispy as always", "the store opens at nine"]
    rules = score_texts(texts, lang="en", workers=1)
    with_model = score_texts(texts, model_dir=tmp_path / "fries", workers=1)
    # the rules see no sentiment word; the model learnt the domain words
    assert rules.get_column("sentiment_label").to_list() == ["neutral"] * 3
    assert with_model.get_column("sentiment_label").to_list() == [
        "negative", "positive", "neutral",
    ]  # fmt: skip
    compounds = with_model.get_column("sentiment_compound").to_list()
    assert compounds[0] < 0 < compounds[1]  # compound = P(positive) - P(negative)
    assert set(with_model.get_column("sentiment_method")) == {"model:fries"}


GENERAL = {
    "positive": ["great fries", "love the burger", "nice crew today", "happy with my order",
                 "good coffee"],
    "negative": ["bad fries", "hate the wait", "awful burger", "sad about my order",
                 "horrible coffee"],
    "neutral": ["fries at noon", "burger menu", "order number five", "coffee counter",
                "the crew today"],
}  # fmt: skip


def test_rule_features_carry_general_sentiment_with_few_labels() -> None:
    # 15 labels in which the rule scores agree with the labels; "terrible" and "wonderful"
    # never occur in them, so only the rule features can tell their sentiment
    texts = [text for label in GENERAL for text in GENERAL[label]]
    labels = [label for label in GENERAL for _ in GENERAL[label]]
    plain = train_model(texts, labels, rules=False, folds=3, workers=1)
    ours = train_model(texts, labels, rules=True, folds=3, workers=1)
    new = ["terrible terrible terrible", "wonderful wonderful wonderful"]
    labels_ours, compound_ours = ours.predict(new)
    _, compound_plain = plain.predict(new)
    assert labels_ours == ["negative", "positive"]
    assert compound_ours[0] < compound_plain[0]
    assert compound_ours[1] > compound_plain[1]


def test_a_single_label_cannot_train() -> None:
    with pytest.raises(InputDataError, match="only negative label"):
        train_model(["bad", "awful", "sad"], ["negative"] * 3, workers=1)


def test_a_label_with_one_example_is_refused() -> None:
    with pytest.raises(InputDataError, match="label\\(s\\) positive have fewer than 2"):
        train_model(["bad", "awful", "good"], ["negative", "negative", "positive"], workers=1)


def test_not_a_model_directory(tmp_path: Path) -> None:
    with pytest.raises(InputDataError, match="not a sentiment model directory"):
        load_model(tmp_path)


def test_labelled_rows_that_cannot_be_used_are_kept_aside() -> None:
    frame = pd.DataFrame({"text": ["good", None, "bad"], "label": ["positive", "negative", "?"]})
    labelled = labelled_from_frame(frame)
    assert labelled.texts == ["good"]
    assert labelled.rejected.get_column("source_row").to_list() == [2, 3]
    assert "expected positive, neutral or negative" in labelled.rejected["reason"][1]


def test_headerless_tsv_is_detected() -> None:
    labelled = read_labelled(DATA / "seven_labels.tsv")
    assert labelled.texts[0] == "I love this airline"
    assert labelled.counts() == {"positive": 3, "neutral": 1, "negative": 3}
