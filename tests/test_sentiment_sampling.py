"""The labelling loop: which mentions `sentiment sample` asks about, and `sentiment train`
on several batches.

tests/data/sentiment/loop_mentions.csv (Brandwatch layout), 7 mentions of "Kopi Nusantara";
the tests store hand-chosen scores for them (from the rule scorer, or as if re-scored with a
trained model "kopi"), so the expected choices follow from the
cut-offs (+-0.05) by hand:

| id   | text                        | compound | distance to a cut-off |
| 2001 | saldo hilang lagi           | -0.80    | 0.75                  |
| 2002 | aplikasinya oke sih         |  0.06    | 0.01 (most uncertain) |
| 2003 | biasa aja                   |  0.00    | 0.05                  |
| 2004 | biasa aja + a link          |  0.00    | 0.05 (same words as 2003: asked once) |
| 2005 | mantap cepat banget         |  0.90    | 0.85 (least uncertain)|
| 2006 | the brand's own post        |  0.04    | never asked (not a customer) |
| 2007 | lumayan lah                 | -0.10    | 0.05                  |
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from analytics.commands.labelling import hold_back, read_batches
from analytics.sentiment.sampling import cutoff_uncertainty, margin_uncertainty, pick

DATA = Path(__file__).parent / "data" / "sentiment"
SCORES = {"2001": -0.8, "2002": 0.06, "2003": 0.0, "2004": 0.0, "2005": 0.9, "2006": 0.04,
          "2007": -0.1}  # fmt: skip


def test_uncertainty_measures() -> None:
    assert margin_uncertainty(np.array([[0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])).tolist() == [1.0, 0.0]
    got = cutoff_uncertainty([0.05, -0.05, 0.55, None])
    assert got == pytest.approx([1.0, 1.0, 0.5, 1.0])


def test_pick_skips_near_duplicates_and_empty_texts() -> None:
    texts = ["saldo hilang lagi", "RT: saldo hilang lagi!! https://t.co/x", "", "kopi enak"]
    # index 1 has the same words as 0 after links/punctuation go ("rt" aside: 3/4 >= 0.7)
    assert pick(texts, 10, uncertainty=[0.2, 0.9, 1.0, 0.1]) == [1, 3]
    assert sorted(pick(texts, 10, diverse=False)) in ([0, 3], [1, 3])
    assert sorted(pick(texts, 10)) in ([0, 3], [1, 3])


# three themes with no word in common; inside a theme two texts share 2 of 4 words (< 0.7)
THEMES = [
    *(f"saldo hilang {w}" for w in ("pagi", "siang", "sore", "malam")),  # 0-3
    *(f"promo cashback {w}" for w in ("senin", "selasa", "rabu", "kamis")),  # 4-7
    *(f"login error {w}" for w in ("android", "iphone", "laptop", "tablet")),  # 8-11
]


@pytest.mark.parametrize("seed", range(5))
def test_uncertain_batch_takes_the_most_uncertain_of_each_theme(seed: int) -> None:
    # the "saldo" texts are the most uncertain; plain uncertainty would take 3 of them
    doubt = [0.99, 0.98, 0.97, 0.96, 0.50, 0.40, 0.30, 0.20, 0.55, 0.45, 0.35, 0.25]
    assert pick(THEMES, 3, uncertainty=doubt, seed=seed) == [0, 8, 4]  # in order of doubt


@pytest.mark.parametrize("seed", range(5))
def test_first_batch_without_a_model_covers_every_theme(seed: int) -> None:
    chosen = pick(THEMES, 3, seed=seed)
    assert sorted(i // 4 for i in chosen) == [0, 1, 2]


def _scores(method: str) -> pl.DataFrame:
    """The hand-set SCORES as stored sentiment rows written by scorer ``method``."""
    return pl.DataFrame(
        {
            "brand": ["Kopi Nusantara"] * len(SCORES),
            "platform": ["x"] * len(SCORES),
            "mention_id": list(SCORES),
            "language": ["id"] * len(SCORES),
            "sentiment_compound": list(SCORES.values()),
            "sentiment_label": ["neutral"] * len(SCORES),
            "sentiment_method": [method] * len(SCORES),
        }
    )


@pytest.fixture
def store(tmp_path: Path) -> Path:
    from analytics.store import Store

    root = tmp_path / "store"
    st = Store(root)
    st.ingest([DATA / "loop_mentions.csv"], brand="Kopi Nusantara", brand_handles=["KopiNusantara"])
    st.save_sentiment(_scores("id-rules"))
    return root


def _score_with_model(store: Path) -> None:
    """The same scores, as if the store had been re-scored with a trained model "kopi"."""
    from analytics.store import Store

    Store(store).save_sentiment(_scores("model:kopi"))


def _sample(store: Path, out: Path, *args: str) -> dict:
    from analytics.cli import _cli

    result = CliRunner().invoke(
        _cli,
        ["sentiment", "sample", "--brand", "Kopi Nusantara", "--store", str(store),
         "--out", str(out), "--json", *args],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_sample_uncertain_then_excludes_earlier_batches(store: Path, tmp_path: Path) -> None:
    _score_with_model(store)
    first = tmp_path / "batch1.csv"
    summary = _sample(store, first, "--n", "3")
    assert summary["rows"] == 3 and summary["uncertainty_from"] == "stored scores (model:kopi)"
    batch = pl.read_csv(first, infer_schema=False)
    assert batch.columns == ["mention_id", "text", "label"]
    assert batch["label"].fill_null("").to_list() == ["", "", ""]
    ids = batch["mention_id"].to_list()
    # 5 distinct candidates (2003/2004 are one text, 2006 is the brand's) in 3 word groups:
    # each group gives its most uncertain, so the most uncertain of all (2002) always leads
    assert ids[0] == "2002" and len(set(ids)) == 3
    assert "2006" not in ids and len({"2003", "2004"} & set(ids)) <= 1
    second = tmp_path / "batch2.csv"
    _sample(store, second, "--n", "3", "--labelled", str(first))
    again = pl.read_csv(second, infer_schema=False)["mention_id"].to_list()
    assert not set(again) & set(ids)
    # what is left: the 2 distinct texts not asked yet (the twin of an asked one is not)
    distinct = {"2001", "2002", "2005", "2007", "2003"}
    asked = {"2003" if i == "2004" else i for i in ids + again}
    assert len(again) == 2 and asked == distinct
    doubt = {"2001": 0.25, "2002": 0.99, "2003": 0.95, "2004": 0.95, "2005": 0.15, "2007": 0.95}
    assert [doubt[i] for i in again] == sorted((doubt[i] for i in again), reverse=True)


def test_sample_uncertain_without_a_trained_model_is_a_diverse_first_batch(
    store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "first.csv"
    summary = _sample(store, out, "--n", "10")
    assert summary["uncertainty_from"] == "no trained model yet: a diverse first batch"
    ids = set(pl.read_csv(out, infer_schema=False)["mention_id"].to_list())
    assert len(ids) == 5 and "2006" not in ids and {"2001", "2002", "2005", "2007"} <= ids


def test_sample_random_leaves_out_brand_posts_and_duplicates(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "random.csv"
    assert _sample(store, out, "--n", "10", "--strategy", "random")["rows"] == 5
    ids = set(pl.read_csv(out, infer_schema=False)["mention_id"].to_list())
    assert "2006" not in ids and {"2001", "2002", "2005", "2007"} <= ids


def test_sample_text_output_names_the_next_steps(store: Path, tmp_path: Path) -> None:
    from analytics.cli import _cli

    out = tmp_path / "b.csv"
    result = CliRunner().invoke(
        _cli,
        ["sentiment", "sample", "--brand", "Kopi Nusantara", "--store", str(store),
         "--out", str(out), "--n", "2"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"2 mention(s) to label written to {out} (uncertain; no trained model yet: a diverse "
        "first batch)"
    )
    assert lines[-1] == (
        f"  or label it with buttons in JupyterLab: import analytics as ca; "
        f"ca.label_batch({str(out)!r})"
    )


def test_train_on_batches_latest_label_wins_and_holds_back(tmp_path: Path) -> None:
    from analytics.cli import _cli

    one = tmp_path / "one.csv"
    two = tmp_path / "two.csv"
    pl.DataFrame(
        {
            "mention_id": ["1", "2", "3", "4", "5", "6", "7"],
            "text": ["kecewa banget", "parah lemot", "mantap cepat", "keren banget",
                     "biasa saja", "oke lah", "belum dilabel"],
            "label": ["negative", "negative", "positive", "positive", "neutral", "neutral", ""],
        }
    ).write_csv(one)  # fmt: skip
    pl.DataFrame(
        {
            "mention_id": ["6", "8", "9", "10", "11", "12"],
            "text": ["oke lah", "buruk sekali", "suka banget", "info saja", "jelek", "bagus"],
            "label": ["positive", "negative", "positive", "neutral", "negative", "positive"],
        }
    ).write_csv(two)
    labelled, ids = read_batches([one, two], "text", "label")
    assert len(labelled.texts) == 11  # 12 labelled rows, mention 6 twice; 7 has no label
    assert labelled.labels[ids.index("6")] == "positive"  # the later batch wins
    assert labelled.rejected.height == 1
    train, held = hold_back(labelled.labels, 0.25)
    assert len(train) + len(held) == 11 and not set(train) & set(held)
    out = tmp_path / "model"
    result = CliRunner().invoke(
        _cli,
        ["sentiment", "train", str(one), str(two), "--out", str(out), "--folds", "2",
         "--hold-back", "0.25", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)
    held_back = pl.read_csv(out / "held_back.csv", infer_schema=False)
    assert meta["n"] + held_back.height == 11
    assert meta["held_back"] == held_back.height > 0


def test_first_batch_is_stratified_in_proportion_to_cluster_sizes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analytics.sentiment import sampling

    # 10 shortlisted texts (random order) in word clusters of 5, 3 and 2; a batch of 4:
    # exact shares 2.0, 1.2, 0.8 -> 2, 1, 0 and the largest remainder (0.8) gives cluster 2
    # its one: the first two of cluster 0, the first of 1, the first of 2
    clusters = np.array([0, 0, 0, 0, 0, 1, 1, 1, 2, 2])
    monkeypatch.setattr(sampling, "_word_clusters", lambda texts, shortlist, k, seed: clusters)
    shortlist = [40, 41, 42, 43, 44, 50, 51, 52, 60, 61]
    assert sampling._stratified([], shortlist, 4, seed=0) == [40, 41, 50, 60]
