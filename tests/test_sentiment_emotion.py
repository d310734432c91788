"""Emotion model: array re-implementation = sklearn, safe file format, shipped model on clear
cases, English left unlabelled, ``emotion eval`` / ``emotion store`` through the CLI.

tests/data/emotion/five_labels.csv: five hand-written Indonesian sentences, one per emotion
(labels in vendor/Indonesian spellings: takut, Anger, happy), plus one row labelled
"bingung" (not an emotion: set aside).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from analytics.errors import InputDataError
from analytics.sentiment.emotion import (
    BLOCKS,
    classify_emotions,
    feature_text,
    load_emotion_model,
    normalize_emotion,
    train_emotion_model,
)

DATA = Path(__file__).parent / "data"

# a tiny training set: each emotion's words repeat (the n-gram blocks keep min_df 2)
TRAIN = [
    ("marah kesal benci", "anger"),
    ("kesal marah sekali", "anger"),
    ("takut cemas ngeri", "fear"),
    ("ngeri takut sekali", "fear"),
    ("sedih nangis hancur", "sadness"),
    ("nangis sedih sekali", "sadness"),
    ("senang bahagia gembira", "happy"),
    ("bahagia senang sekali", "happy"),
    ("sayang cinta rindu", "love"),
    ("rindu sayang sekali", "love"),
]
CLEAR = {
    "aku takut banget, cemas dan khawatir saldo hilang": "fear",
    "marah banget, kesel sama pelayanan brengsek": "anger",
    "sedih banget, nangis kehilangan semuanya": "sadness",
    "senang sekali hari ini, bahagia banget": "joy",
    "aku sayang kamu, cinta banget sama keluarga": "love",
}


def test_labels_are_normalised() -> None:
    assert [normalize_emotion(v) for v in ("Happy", " takut ", "marah", "Joy", "netral")] == [
        "joy", "fear", "anger", "joy", "none",
    ]  # fmt: skip
    assert normalize_emotion("bingung") is None
    assert normalize_emotion(None) is None


def test_feature_text_normalises_slang_and_drops_handles() -> None:
    # "gk" is slang for "tidak"; "kecewaaa" is stretched (emphasis token); handles, links go
    assert feature_text("@bank gk kecewaaa https://t.co/x [USERNAME]") == "tidak kecewa _emph"


def test_array_model_scores_exactly_like_sklearn() -> None:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    texts, labels = [t for t, _ in TRAIN], [y for _, y in TRAIN]
    model = train_emotion_model(texts, labels)
    assert model.classes == ("anger", "fear", "joy", "love", "sadness")  # happy -> joy
    # the same features and classifier fitted by sklearn alone
    prepared = [feature_text(t) for t in texts]
    vectorizers = [TfidfVectorizer(**params) for _, params in BLOCKS]
    matrix = hstack([v.fit_transform(prepared) for v in vectorizers]).tocsr()
    svm = LinearSVC(C=0.3, random_state=0).fit(matrix, [normalize_emotion(y) for y in labels])
    probe = ["marah dan takut", "sedih tapi sayang", "kata baru saja"]
    expected = svm.decision_function(
        hstack([v.transform([feature_text(t) for t in probe]) for v in vectorizers])
    )
    assert np.allclose(model.decision(probe), expected)


def test_saved_model_is_plain_arrays_and_round_trips(tmp_path: Path) -> None:
    texts, labels = [t for t, _ in TRAIN], [y for _, y in TRAIN]
    model = train_emotion_model(texts, labels)
    path = model.save(tmp_path / "m.npz")
    with np.load(path, allow_pickle=False) as data:  # no object arrays: no pickle inside
        assert {"classes", "coef", "intercept", "words_terms", "chars_idf"} <= set(data.files)
    again = load_emotion_model(path)
    probe = ["marah sekali", "rindu"]
    assert np.allclose(again.decision(probe), model.decision(probe), atol=1e-5)
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(InputDataError, match="bad.npz: not an emotion model"):
        load_emotion_model(tmp_path / "bad.npz")


def test_unknown_training_label_is_named() -> None:
    with pytest.raises(InputDataError, match=r"unknown emotion label\(s\) \['bingung'\]"):
        train_emotion_model(["a b", "c d"], ["anger", "bingung"])


def test_shipped_model_on_clear_cases_and_english_left_unlabelled() -> None:
    texts = [*CLEAR, "I am so angry at this bank", ""]
    labels = classify_emotions(texts)
    assert labels == [*CLEAR.values(), None, None]
    # an empty text is "none" when forced through the model itself
    assert load_emotion_model().predict([""]) == ["none"]


def test_emotion_eval_cli_json() -> None:
    from analytics.cli import _cli

    file = DATA / "emotion" / "five_labels.csv"
    args = ["emotion", "eval", str(file), "--label-column", "emosi", "--json"]
    result = CliRunner().invoke(_cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # the five clear sentences are all right; "bingung" is set aside; no "none" label: forced
    assert (report["n"], report["macro_f1"], report["rejected"]) == (5, 1.0, 1)
    assert report["forced_choice"] is True
    missing = CliRunner().invoke(_cli, ["emotion", "eval", str(file), "--label-column", "x"])
    assert missing.exit_code == 1


def test_emotion_store_labels_new_mentions_once(tmp_path: Path) -> None:
    from analytics.cli import _cli
    from analytics.store import Store

    store = Store(tmp_path / "store")
    # bw_week1.csv: 4 usable mentions (3 Indonesian, 1 English "Great coffee")
    store.ingest([DATA / "store" / "bw_week1.csv"], brand="Kopi Nusantara")
    args = ["emotion", "store", "--store", str(tmp_path / "store"), "--json"]
    first = CliRunner().invoke(_cli, args)
    assert first.exit_code == 0, first.output
    said = json.loads(first.stdout)
    assert (said["labelled"], said["not_scored"]) == (3, 1)
    reason = "English and other non-Indonesian mentions are not emotion-scored: no openly"
    assert said["not_scored_reason"].startswith(reason)
    stored = store.emotions().collect().sort("mention_id")
    assert stored["mention_id"].to_list() == ["1001", "1002", "1003", "1004"]
    english = stored.filter(stored["mention_id"] == "1002").row(0, named=True)
    assert (english["emotion"], english["emotion_method"]) == (None, "no-emotion-method")
    assert stored.filter(stored["mention_id"] != "1002")["emotion"].null_count() == 0
    again = CliRunner().invoke(_cli, args)
    assert json.loads(again.stdout)["labelled"] == 0  # nothing new
    rescored = CliRunner().invoke(_cli, [*args[:-1], "--rescore"])  # the words a person reads
    assert rescored.stdout.splitlines() == [
        "3 Indonesian mention(s) labelled with an emotion",
        "1 mention(s) left without an emotion. English and other non-Indonesian mentions are "
        "not emotion-scored: no openly licensed English emotion data could be found to build "
        "a method and measure it (docs/sentiment.md, Emotions); their emotion stays empty "
        "rather than a guess.",
    ]
    assert store.emotions().collect().height == 4  # replaced, not added


def test_emotion_eval_says_english_texts_are_outside_the_model(tmp_path: Path) -> None:
    from analytics.cli import _cli

    file = tmp_path / "en.csv"
    file.write_text(
        "text,label\nI am so angry at this bank,anger\nmarah banget sama bank ini,anger\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(_cli, ["emotion", "eval", str(file)])
    assert result.exit_code == 0, result.output
    assert "note: 1 of 2 texts are not Indonesian; the model is Indonesian only. English " in (
        result.stdout
    )
