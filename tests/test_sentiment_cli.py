"""``crisis-analytics sentiment`` end to end through the real command line.

Fixtures (tests/data/sentiment/):
* seven_labels.tsv: no header, text<TAB>label, 7 rows. With --lang en our labels are
  (by VADER's lexicon): 1 "I love this airline" pos, 2 "great service, thank you" pos,
  3 "the flight leaves at noon" neu, 4 "terrible service, never again" neg, 5 "my bag was
  lost" neg, 6 "what a great day to be stranded" pos (great 3.1 > stranded -1.7) although
  labelled negative, 7 "the gate changed" neu although labelled positive.
  Confusion (rows truth pos/neu/neg): [[2,1,0],[0,1,0],[1,0,2]]; accuracy 5/7;
  F1 pos 2/3, neu 2/3 (P 1/2, R 1), neg 0.8 (P 1, R 2/3); macro-F1 = 2.1333/3 = 0.7111.
* seven_labels.csv: the same 7 rows with header id,tweet,sentiment and labels in mixed
  spellings (Positive, pos, NEGATIVE), plus 2 unusable rows (label "maybe", empty text).
* fries_labels.csv: 18 rows; "soggy" only in negatives, "crispy" only in positives,
  "store/menu" only in neutrals: words VADER does not know.
* bw_agreement.csv: Brandwatch layout, 5 mentions with the tool's own Sentiment; see
  test_store_scoring_and_agreement for the hand-worked figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner, Result

DATA = Path(__file__).parent / "data" / "sentiment"
REPO = Path(__file__).resolve().parents[1]
MACRO_F1 = (2 / 3 + 2 / 3 + 0.8) / 3


def cli(*args: str) -> Result:
    """Run the command in-process (the root CLI imports every stage: seconds per process)."""
    from analytics.cli import _cli

    return CliRunner().invoke(_cli, ["sentiment", *args])


def one_json(result: Result) -> dict:
    assert result.exit_code == 0, repr(result.exception)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1  # exactly one JSON object on stdout
    return json.loads(lines[0])


def test_eval_headerless_tsv_json() -> None:
    report = one_json(cli("eval", str(DATA / "seven_labels.tsv"), "--lang", "en", "--json"))
    assert report["n"] == 7
    assert report["accuracy"] == pytest.approx(5 / 7)
    assert report["macro_f1"] == pytest.approx(MACRO_F1)
    assert report["confusion"] == [[2, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert "no header" in report["note"]


def test_eval_csv_with_named_columns_sets_bad_rows_aside() -> None:
    result = cli(
        "eval", str(DATA / "seven_labels.csv"), "--text-column", "tweet",
        "--label-column", "sentiment", "--lang", "en", "--json",
    )  # fmt: skip
    report = one_json(result)
    assert report["n"] == 7
    assert report["macro_f1"] == pytest.approx(MACRO_F1)
    assert report["rejected"] == 2
    assert any("'maybe'" in reason for reason in report["rejected_reasons"])


def test_eval_prints_a_readable_report() -> None:
    result = cli("eval", str(DATA / "seven_labels.tsv"), "--lang", "en")
    assert result.exit_code == 0, repr(result.exception)
    assert "macro-F1   0.711" in result.stdout
    assert "accuracy   0.714" in result.stdout


def test_eval_missing_column_names_file_and_column() -> None:
    # a real process: the error goes to stderr, nothing to stdout, exit code 1
    result = subprocess.run(
        [sys.executable, "-m", "analytics", "sentiment", "eval", str(DATA / "seven_labels.csv"),
         "--text-column", "body"],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert 'seven_labels.csv, column "body": no such column' in result.stderr
    assert "'tweet'" in result.stderr
    assert "Traceback" not in result.stderr  # the message alone, not a Python stack
    assert result.stdout == ""


def test_score_writes_input_columns_plus_scores(tmp_path: Path) -> None:
    out = tmp_path / "scored.parquet"
    result = cli(
        "score", str(DATA / "seven_labels.csv"), "--text-column", "tweet", "--brand", "Acme",
        "--out", str(out), "--json",
    )  # fmt: skip
    summary = one_json(result)
    scored = pl.read_parquet(out)
    assert scored.columns == [
        "id", "tweet", "sentiment", "language", "sentiment_compound", "sentiment_label",
        "sentiment_method",
    ]  # fmt: skip
    assert scored.height == 9 == summary["rows"]
    labels = scored.get_column("sentiment_label").to_list()
    assert labels[0] == "positive" and labels[3] == "negative"
    assert scored.get_column("sentiment_method").to_list()[8] == "no-text"  # empty text row


def test_train_then_eval_with_the_model(tmp_path: Path) -> None:
    model = tmp_path / "fries"
    trained = one_json(
        cli("train", str(DATA / "fries_labels.csv"), "--out", str(model), "--no-rules",
            "--folds", "3", "--json")
    )  # fmt: skip
    assert trained["n"] == 18
    assert trained["label_counts"] == {"positive": 6, "neutral": 6, "negative": 6}
    assert 0.0 <= trained["cv_macro_f1"] <= 1.0
    assert (model / "metadata.json").is_file() and (model / "model.joblib").is_file()
    report = one_json(cli("eval", str(DATA / "fries_labels.csv"), "--model", str(model), "--json"))
    # each class has a word found only in it, so a fitted linear model separates them all
    assert report["accuracy"] == 1.0
    assert report["methods"] == {"model:fries": 18}
    plain = one_json(cli("eval", str(DATA / "fries_labels.csv"), "--lang", "en", "--json"))
    assert plain["accuracy"] < 0.5  # the rules do not know soggy/crispy


def test_store_scoring_and_agreement(tmp_path: Path) -> None:
    from analytics.cli import _cli

    store = str(tmp_path / "store")
    ingest = CliRunner().invoke(
        _cli,
        ["ingest", str(DATA / "bw_agreement.csv"), "--brand", "Kopi Nusantara", "--store", store],
    )
    assert ingest.exit_code == 0, repr(ingest.exception)
    assert one_json(cli("store", "--store", store, "--json"))["scored"] == 5
    assert one_json(cli("store", "--store", store, "--json"))["scored"] == 0  # incremental
    agreement = one_json(cli("agreement", "--store", store, "--json"))
    # tool vs ours: 1001 pos/pos, 1002 neg/neg, 1003 neu/neg, 1004 pos/neu; 1005 unrated.
    # observed 2/4; tool marginals pos .5 neu .25 neg .25, ours pos .25 neu .25 neg .5:
    # expected .125 + .0625 + .125 = .3125; kappa = .1875 / .6875 = 0.2727
    assert agreement["n_compared"] == 4
    assert agreement["n_tool_unrated"] == 1
    assert agreement["agreement"] == pytest.approx(0.5)
    assert agreement["kappa"] == pytest.approx(0.1875 / 0.6875)
    assert agreement["confusion"] == [[1, 1, 0], [0, 0, 1], [0, 0, 1]]
