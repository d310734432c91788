"""Zero-shot quality of the Indonesian rule-based scorer on NusaX and SmSA *valid* splits.

Run from the project root:  .venv/bin/python benchmarks/bench_indonesian_zero_shot.py

Prints macro-F1 and accuracy (labels by VADER's +/-0.05 cut-offs) for four scorers measured
in the same run, and each one's ratio to the baseline (the raw InSet sum):

1. ``inset-raw-sum``   InSet as ``asronlp`` packages it, summed over whitespace words
2. ``lexicon-no-rules`` our corrected lexicon, summed over words, no rules at all
3. ``id-rules``        the full ``IndonesianScorer``
4. ``vader``           plain vaderSentiment (English-only)

Because NusaX overlaps SmSA and our corrections were made while reading the *train* splits,
it also reports the full scorer on the valid rows that share no 40-character prefix or
suffix with any train row of either set ("unseen" rows): the cleanest zero-shot figure.
Finally it times ``score_many`` against VADER's plain loop on the same texts.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import polars as pl
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.sentiment.indonesian import IndonesianScorer  # noqa: E402
from analytics.sentiment.lexicon_id import inset_weights, load_lexicon  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def read_nusax(name: str) -> pl.DataFrame:
    return pl.read_csv(EVAL / name).select("text", "label")


def read_smsa(name: str) -> pl.DataFrame:
    return pl.read_csv(
        EVAL / name,
        separator="\t",
        has_header=False,
        new_columns=["text", "label"],
        quote_char=None,
    )


def label(compound: float) -> str:
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


def sum_scorer(weights: dict[str, float]) -> Callable[[str], float]:
    """Sum of word weights, normalised like VADER (no rules, no slang, no phrases)."""

    def score(text: str) -> float:
        total = sum(weights.get(w, 0.0) for w in WORD.findall(text.lower()))
        return total / math.sqrt(total * total + 15) if total else 0.0

    return score


def evaluate(texts: Sequence[str], gold: Sequence[str], scores: Sequence[float]) -> tuple:
    predicted = [label(s) for s in scores]
    return f1_score(gold, predicted, average="macro"), accuracy_score(gold, predicted)


def edges(text: str) -> tuple[str, str]:
    t = " ".join(text.lower().split())
    return t[:40], t[-40:]


def unseen_mask(valid: pl.DataFrame, train_texts: Sequence[str]) -> list[bool]:
    """True for valid rows that share no 40-char prefix/suffix with any train text."""
    seen: set[str] = set()
    for text in train_texts:
        seen.update(edges(text))
    return [not (set(edges(t)) & seen) for t in valid["text"]]


def main() -> None:
    if not EVAL.exists():
        sys.exit(f"benchmark data not found: {EVAL} (expected ../shared/eval/ beside the project)")
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sets = {
        "NusaX-id valid": read_nusax("nusax_indonesian_valid.csv"),
        "SmSA valid": read_smsa("smsa_valid.tsv"),
    }
    train_texts = (
        read_smsa("smsa_train.tsv")["text"].to_list()
        + read_nusax("nusax_indonesian_train.csv")["text"].to_list()
    )

    start = time.perf_counter()
    scorer = IndonesianScorer()
    load_seconds = time.perf_counter() - start
    vader = SentimentIntensityAnalyzer()
    scorers: dict[str, Callable[[Sequence[str]], list[float]]] = {
        "inset-raw-sum": lambda ts, f=sum_scorer(dict(inset_weights())): [f(t) for t in ts],
        "lexicon-no-rules": lambda ts, f=sum_scorer(load_lexicon().valence): [f(t) for t in ts],
        "id-rules": scorer.score_many,
        "vader": lambda ts: [vader.polarity_scores(t)["compound"] for t in ts],
    }

    print(f"lexicon load: {load_seconds:.2f} s")
    print(f"{'data set':16} {'scorer':18} {'n':>5} {'macro-F1':>9} {'acc':>6} {'F1/base':>8}")
    for set_name, frame in sets.items():
        texts, gold = frame["text"].to_list(), frame["label"].to_list()
        base = None
        for name, score_many in scorers.items():
            f1, acc = evaluate(texts, gold, score_many(texts))
            base = base or f1
            print(f"{set_name:16} {name:18} {len(texts):5d} {f1:9.3f} {acc:6.3f} {f1 / base:8.2f}")
        mask = unseen_mask(frame, train_texts)
        unseen = frame.filter(pl.Series(mask))
        f1, acc = evaluate(unseen["text"], unseen["label"], scorer.score_many(unseen["text"]))
        print(
            f"{set_name:16} {'id-rules unseen':18} {unseen.height:5d} {f1:9.3f} {acc:6.3f}"
            "   (rows sharing no 40-char prefix/suffix with a train row)"
        )

    # speed: distinct texts (no duplicate savings), same run, VADER's loop as the baseline.
    # CPU time is printed beside wall time: on a shared 2-core machine wall time mostly
    # measures the neighbours.
    texts = read_smsa("smsa_valid.tsv")["text"].to_list() + train_texts[:8740]
    texts = [f"{t} {i}" for i, t in enumerate(texts)]

    def timed(run: Callable[[], object]) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        return time.perf_counter() - wall, time.process_time() - cpu

    vader_wall, vader_cpu = timed(lambda: [vader.polarity_scores(t) for t in texts])
    ours_wall, ours_cpu = timed(lambda: IndonesianScorer().score_many(texts))
    print(
        f"speed on {len(texts)} distinct texts (avg {sum(map(len, texts)) / len(texts):.0f} "
        f"chars): id-rules {ours_wall:.2f} s wall / {ours_cpu:.2f} s CPU "
        f"({len(texts) / ours_cpu:,.0f} texts per CPU-second); vader loop {vader_wall:.2f} s "
        f"wall / {vader_cpu:.2f} s CPU; ratio (VADER CPU / ours CPU) {vader_cpu / ours_cpu:.2f}x"
    )


if __name__ == "__main__":
    main()
