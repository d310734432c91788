"""Bulk scoring: schema, duplicates once, brand per mention, empty text, store increment."""

from __future__ import annotations

import subprocess
import sys

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.schema import SENTIMENT_SCHEMA
from analytics.sentiment import bulk, pool, score_mentions, score_store, score_texts, worker


def _mentions(texts: list[str | None], brand: str = "United") -> pl.DataFrame:
    n = len(texts)
    return pl.DataFrame(
        {
            "mention_id": [str(i) for i in range(n)],
            "brand": [brand] * n,
            "platform": ["x"] * n,
            "text": texts,
            "language": [None] * n,
        },
        schema_overrides={"language": pl.Utf8},
    )


def test_output_has_sentiment_schema_and_keys() -> None:
    scores = score_mentions(_mentions(["great crew", "lost my bag"]), workers=1)
    assert scores.schema == pl.Schema(SENTIMENT_SCHEMA)
    assert scores.get_column("mention_id").to_list() == ["0", "1"]
    assert scores.get_column("sentiment_label").to_list() == ["positive", "negative"]
    assert set(scores.get_column("sentiment_method")) == {"vader-social"}


@pytest.fixture
def scored_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts that reach a scorer, in order (worker._route is called once per scored text)."""
    calls: list[str] = []
    real = worker._route

    def counting(item):  # noqa: ANN001, ANN202
        calls.append(item[0])
        return real(item)

    monkeypatch.setattr(worker, "_route", counting)
    return calls


def test_identical_texts_are_scored_once(scored_texts: list[str]) -> None:
    calls = scored_texts
    retweets = ["RT boycott now"] * 5 + ["great crew"] * 3 + ["RT boycott now"]
    scores = score_mentions(_mentions(retweets), workers=1)
    assert sorted(calls) == ["RT boycott now", "great crew"]  # 9 mentions, 2 distinct texts
    assert scores.height == 9
    assert scores.get_column("sentiment_compound").n_unique() == 2


def test_the_mentions_own_brand_is_neutral() -> None:
    # same text, two brands: for United "united" is the brand, for Acme it is a VADER word
    frame = pl.concat(
        [_mentions(["united we stand"], "United"), _mentions(["united we stand"], "Acme")]
    )
    compounds = score_mentions(frame, workers=1).get_column("sentiment_compound").to_list()
    assert compounds[0] == 0.0
    # "united" is 1.8 in VADER's lexicon, "we" and "stand" nothing: 1.8 / sqrt(3.24 + 15) = 0.4215
    assert compounds[1] == 0.4215


def test_empty_text_is_marked_not_scored_and_title_used_for_articles() -> None:
    frame = _mentions([None, "  ", None]).with_columns(
        pl.Series("title", [None, None, "Airline apologises after terrible outage"])
    )
    scores = score_mentions(frame, workers=1)
    assert scores.get_column("sentiment_method").to_list()[:2] == ["no-text", "no-text"]
    assert scores.get_column("sentiment_compound").to_list()[:2] == [None, None]
    assert scores.get_column("sentiment_label").to_list()[2] == "negative"


def test_forced_language_uses_that_scorer() -> None:
    scores = score_texts(["produknya bagus banget", "great"], lang="id", workers=1)
    assert scores.get_column("sentiment_method").to_list() == ["id-rules", "id-rules"]
    assert scores.get_column("language").to_list() == ["id", "id"]


def test_unknown_lang_mode_is_an_error() -> None:
    with pytest.raises(InputDataError, match="--lang: expected one of auto, id, en"):
        score_texts(["x"], lang="fr")


def test_missing_text_column_is_an_error() -> None:
    with pytest.raises(InputDataError, match='no column "text"'):
        score_mentions(pl.DataFrame({"body": ["x"]}))


def test_two_processes_give_the_same_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(pool, "CHUNK_TEXTS", 7)
    texts = [f"flight {i} was {w}" for i, w in enumerate(["great", "awful", "late", "fine"] * 10)]
    serial = score_texts(texts, workers=1)
    parallel = score_texts(texts, workers=2)
    assert parallel.equals(serial)
    assert serial.get_column("sentiment_label").to_list()[:2] == ["positive", "negative"]


class FakeStore:
    """The Store methods score_store uses."""

    def __init__(self, mentions: pl.DataFrame) -> None:
        self._mentions = mentions
        self.saved = pl.DataFrame(schema=SENTIMENT_SCHEMA)

    def mentions(self, brand: str | None = None, *, with_sentiment: bool = True) -> pl.LazyFrame:
        return self._mentions.lazy()

    def unscored(self, brand: str | None = None) -> pl.LazyFrame:
        done = self.saved.get_column("mention_id").to_list()
        return self._mentions.filter(~pl.col("mention_id").is_in(done)).lazy()

    def save_sentiment(self, scores: pl.DataFrame) -> int:
        self.saved = pl.concat([self.saved, scores])
        self.saves = getattr(self, "saves", 0) + 1
        return scores.height


def test_chunked_store_scoring_gives_the_unchunked_scores(monkeypatch) -> None:
    texts = ["great crew", "lost bag", "great crew", "pelayanan sangat mengecewakan", "", "ok :)"]
    whole = score_mentions(_mentions(texts), workers=1)  # everything in one call
    monkeypatch.setattr(bulk, "STORE_SAVE_ROWS", 4)
    store = FakeStore(_mentions(texts))
    assert score_store(store, workers=1, chunk_mentions=2) == 6
    # three chunks of two; saved once 4 rows are pending, then the rest
    assert store.saves == 2
    assert store.saved.equals(whole)


def test_store_scoring_scores_a_text_repeated_across_chunks_once(scored_texts) -> None:
    calls = scored_texts
    # a retweet wave spread over three chunks of two mentions
    texts = ["RT boycott now", "lost bag", "RT boycott now", "RT boycott now", "lost bag", "ok"]
    store = FakeStore(_mentions(texts))
    assert score_store(store, workers=1, chunk_mentions=2) == 6
    assert sorted(calls) == ["RT boycott now", "lost bag", "ok"]
    assert store.saved.equals(score_mentions(_mentions(texts), workers=1))


def test_store_scoring_memo_is_bounded(monkeypatch, scored_texts) -> None:
    calls = scored_texts
    monkeypatch.setattr(bulk, "STORE_MEMO_TEXTS", 1)
    # "a" is forgotten once "b" was scored (one text kept), so it is scored again
    store = FakeStore(_mentions(["a", "b", "a"]))
    assert score_store(store, workers=1, chunk_mentions=1) == 3
    assert calls == ["a", "b", "a"]


def test_score_store_scores_new_mentions_only() -> None:
    store = FakeStore(_mentions(["great crew", "lost bag"]))
    assert score_store(store, workers=1) == 2
    assert score_store(store, workers=1) == 0  # nothing new: nothing re-scored
    store._mentions = pl.concat(
        [
            store._mentions,
            _mentions(["refund please"]).with_columns(pl.lit("9").alias("mention_id")),
        ]
    )
    assert score_store(store, workers=1) == 1
    assert store.saved.get_column("mention_id").to_list() == ["0", "1", "9"]


def test_two_workers_after_polars_queries_do_not_hang(tmp_path):
    # Regression: a forked helper that had to read the Indonesian lexicon itself (with
    # polars) after the parent had run polars queries waited forever on a lock. The
    # scenario runs in a subprocess so a hang fails the test by timeout instead of
    # blocking the suite.
    script = tmp_path / "score.py"
    script.write_text(
        "import polars as pl\n"
        "from analytics.sentiment import score_texts\n"
        "if __name__ == '__main__':\n"
        "    pl.DataFrame({'a': list(range(100_000))}).group_by('a').len()\n"
        "    texts = [f'pelayanan nomor {i} sangat mengecewakan' for i in range(6_000)]\n"
        "    out = score_texts(texts, lang='id', workers=2, progress=False)\n"
        "    print(out.height, (out['sentiment_compound'] < 0).sum())\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    # 6,000 distinct texts in, one score each; every one says "very disappointing"
    assert done.stdout.split() == ["6000", "6000"]


def test_rescore_switches_stored_scores_to_a_trained_model(tmp_path) -> None:
    from pathlib import Path

    from analytics.sentiment.model import train_model

    labelled = pl.read_csv(Path(__file__).parent / "data" / "sentiment" / "fries_labels.csv")
    model = train_model(
        labelled["text"].to_list(), labelled["label"].to_list(), name="fries", folds=3, workers=1
    )
    model.save(tmp_path / "fries")
    store = FakeStore(_mentions(["soggy nuggets again", "crispy as always"]))
    assert score_store(store, workers=1) == 2  # first pass: the rule-based scorers
    assert score_store(store, model_dir=tmp_path / "fries", workers=1) == 0  # nothing new
    assert score_store(store, model_dir=tmp_path / "fries", workers=1, rescore=True) == 2
    latest = store.saved.tail(2)  # save_sentiment upserts: the latest rows win
    assert set(latest.get_column("sentiment_method")) == {"model:fries"}
    # the domain words the rules do not know, learnt from the labels (see test_sentiment_model)
    assert latest.get_column("sentiment_label").to_list() == ["negative", "positive"]
