"""The labelling loop, simulated: uncertainty sampling vs random sampling, same run.

An analyst labels batches of 100 mentions chosen by ``analytics.sentiment.sampling.pick``
from a pool (SmSA train, 11,000 Indonesian texts, by default); labels are revealed only for
the rows asked for. After each batch the domain model (``model.build_pipeline``: TF-IDF
n-grams + rule-score features, what ``sentiment train`` fits) is refitted on all labels so
far and scored on a held-out set (SmSA valid). Before any model exists the "uncertain"
strategy asks for a diverse cold-start batch (typical texts of 100 word clusters of a random
1,000); later batches: the 1,000 texts with the smallest model margin, one per word cluster.
The random strategy is a uniform sample (near-duplicates skipped).
Printed: macro-F1 after 100, 200, 300 and 500 labels for both strategies, and a plain
TF-IDF + logistic regression trained on the 500 random labels. Several seeds; mean shown.

Usage: .venv/bin/python benchmarks/bench_active_learning.py [EVAL_DIR] [--seeds 3]
       [--pool-size 4000] (a random part of the pool: faster on a busy machine)
Other pools: --pool FILE --test FILE (CSV/TSV with text,label; headerless TSV ok).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
CHECKPOINTS = (100, 200, 300, 500)
BATCH = 100


def _fit_score(pipeline, frame, labels, rows, test_frame, test_labels) -> tuple[float, object]:
    from analytics.sentiment.metrics import classification_report

    pipeline.fit(frame.iloc[rows], np.asarray(labels)[rows])
    predicted = list(pipeline.predict(test_frame))
    return classification_report(test_labels, predicted)["macro_f1"], pipeline


def simulate(strategy, texts, labels, frame, test_frame, test_labels, seed):
    from analytics.sentiment.model import build_pipeline
    from analytics.sentiment.sampling import margin_uncertainty, pick

    labelled: list[int] = []
    scores: dict[int, float] = {}
    uncertainty = None  # no model yet: the first "uncertain" batch is the diverse cold start
    while len(labelled) < max(CHECKPOINTS):
        remaining = np.setdiff1d(np.arange(len(texts)), labelled)
        chosen = pick(
            [texts[i] for i in remaining],
            BATCH,
            uncertainty=None if uncertainty is None else uncertainty[remaining],
            diverse=strategy == "uncertain",
            seed=seed + len(labelled),
        )
        labelled += [int(remaining[i]) for i in chosen]
        present = {labels[i] for i in labelled}
        if len(present) < 2:
            continue
        f1, model = _fit_score(
            build_pipeline(rules=True, seed=seed), frame, labels, labelled, test_frame, test_labels
        )
        if len(labelled) in CHECKPOINTS:
            scores[len(labelled)] = f1
        if strategy == "uncertain":
            uncertainty = margin_uncertainty(model.predict_proba(frame))
    return scores, labelled


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from analytics.sentiment.features import rule_features
    from analytics.sentiment.labelled import read_labelled
    from analytics.sentiment.metrics import classification_report
    from analytics.sentiment.model import _inputs

    parser = argparse.ArgumentParser()
    parser.add_argument("eval_dir", nargs="?", default=str(EVAL))
    parser.add_argument("--pool", default=None)
    parser.add_argument("--test", default=None)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--pool-size", type=int, default=0, help="Sample the pool (0: all).")
    args = parser.parse_args()
    folder = Path(args.eval_dir)
    pool = read_labelled(args.pool or folder / "smsa_train.tsv")
    if args.pool_size and args.pool_size < len(pool.texts):
        keep = np.random.default_rng(12345).choice(len(pool.texts), args.pool_size, replace=False)
        pool.texts = [pool.texts[i] for i in sorted(keep)]
        pool.labels = [pool.labels[i] for i in sorted(keep)]
    test = read_labelled(args.test or folder / "smsa_valid.tsv")
    started = time.perf_counter()
    features = rule_features(pool.texts + test.texts, progress=False)
    frame = _inputs(pool.texts, features[: len(pool.texts)])
    test_frame = _inputs(test.texts, features[len(pool.texts) :])
    print(f"pool {pool.source} ({len(pool.texts):,}), test {test.source} ({len(test.texts):,});"
          f" rule features {time.perf_counter() - started:.0f} s")  # fmt: skip
    results: dict[str, list[dict[int, float]]] = {"uncertain": [], "random": []}
    plain: list[float] = []
    for seed in range(args.seeds):
        for strategy in results:
            scores, labelled = simulate(
                strategy, pool.texts, pool.labels, frame, test_frame, test.labels, seed
            )
            results[strategy].append(scores)
            if strategy == "random":
                vectorizer = TfidfVectorizer()
                rows = labelled[:500]
                matrix = vectorizer.fit_transform([pool.texts[i] for i in rows])
                lr = LogisticRegression(max_iter=2000).fit(matrix, [pool.labels[i] for i in rows])
                guessed = list(lr.predict(vectorizer.transform(test.texts)))
                plain.append(classification_report(test.labels, guessed)["macro_f1"])
        print(f"  seed {seed} done ({time.perf_counter() - started:.0f} s)")
    print(f"macro-F1 on {test.source}, mean of {args.seeds} seeds (min-max)")
    print(f"{'labels':>8} {'uncertain':>20} {'random':>20}")
    for n in CHECKPOINTS:
        cells = []
        for strategy in ("uncertain", "random"):
            values = [r[n] for r in results[strategy] if n in r]
            cells.append(f"{np.mean(values):.3f} ({min(values):.3f}-{max(values):.3f})")
        print(f"{n:>8} {cells[0]:>20} {cells[1]:>20}")
    print(f"plain TF-IDF + LR on the 500 random labels: {np.mean(plain):.3f}")
    gain = np.mean([r[500] for r in results["uncertain"]]) - np.mean(
        [r[500] for r in results["random"]]
    )
    print(f"uncertain - random at 500 labels: {gain:+.3f}")


if __name__ == "__main__":
    main()
