"""Domain model vs plain TF-IDF + logistic regression, trained and tested in the same run.

Both use the same TF-IDF word 1-2 + char 2-5 n-grams and the same logistic regression;
"ours" adds the rule-based scorers' outputs (English and Indonesian compound scores and
their +-0.05 flags) as features, which is what ``crisis-analytics sentiment train`` fits.

1. SmSA: trained on smsa_train.tsv (11,000 rows), macro-F1 on smsa_valid.tsv.
2. NusaX Indonesian: trained on the 500 train rows, macro-F1 on the 100 valid rows.
3. Learning curve on NusaX Indonesian: 100, 200, 500 labels (100 and 200 drawn at random,
   mean over 5 seeded draws), macro-F1 on NusaX Indonesian valid.

Caveat printed with the results: the rule features come from the Indonesian scorer, whose
lexicon corrections were made by another stage; if they were checked on SmSA, NusaX (which
shares sentences with SmSA) is not fully unseen for them.

Usage: .venv/bin/python benchmarks/bench_sentiment_model.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _fit_score(train_x, train_y, test_x, test_y, train_f, test_f, rules: bool) -> float:
    from analytics.sentiment.metrics import classification_report
    from analytics.sentiment.model import _inputs, build_pipeline

    pipeline = build_pipeline(rules=rules)
    pipeline.fit(_inputs(train_x, train_f if rules else None), np.asarray(train_y))
    predicted = pipeline.predict(_inputs(test_x, test_f if rules else None))
    return classification_report(test_y, [str(p) for p in predicted])["macro_f1"]


def _compare(name: str, train, test) -> None:
    from analytics.sentiment import rule_features

    start = time.perf_counter()
    train_f = rule_features(train.texts, workers=2, progress=False)
    test_f = rule_features(test.texts, workers=2, progress=False)
    plain = _fit_score(train.texts, train.labels, test.texts, test.labels, None, None, False)
    ours = _fit_score(train.texts, train.labels, test.texts, test.labels, train_f, test_f, True)
    seconds = time.perf_counter() - start
    print(f"{name}: plain TF-IDF+LR {plain:.3f}   ours (+rule features) {ours:.3f}   "
          f"ratio {ours / plain:.3f}   ({seconds:.0f} s)")  # fmt: skip


def main() -> None:
    from analytics.sentiment import rule_features
    from analytics.sentiment.labelled import read_labelled

    smsa_train = read_labelled(EVAL / "smsa_train.tsv")
    smsa_valid = read_labelled(EVAL / "smsa_valid.tsv")
    nusax_train = read_labelled(EVAL / "nusax_indonesian_train.csv")
    nusax_valid = read_labelled(EVAL / "nusax_indonesian_valid.csv")

    print("macro-F1 (3 classes); both models trained and tested in this run")
    _compare("NusaX id (500 -> valid 100)", nusax_train, nusax_valid)
    _compare("SmSA (11,000 -> valid 1,260)", smsa_train, smsa_valid)

    print("\nlearning curve, NusaX Indonesian valid (mean of 5 random draws below 500):")
    train_f = rule_features(nusax_train.texts, workers=2, progress=False)
    valid_f = rule_features(nusax_valid.texts, workers=2, progress=False)
    for n in (100, 200, 500):
        draws = 1 if n >= len(nusax_train.texts) else 5
        plain_scores, our_scores = [], []
        for seed in range(draws):
            rows = list(range(len(nusax_train.texts)))
            if n < len(rows):
                rows = sorted(random.Random(seed).sample(rows, n))
            x = [nusax_train.texts[i] for i in rows]
            y = [nusax_train.labels[i] for i in rows]
            f = [train_f[i] for i in rows]
            args = (x, y, nusax_valid.texts, nusax_valid.labels, f, valid_f)
            plain_scores.append(_fit_score(*args, rules=False))
            our_scores.append(_fit_score(*args, rules=True))
        plain, ours = float(np.mean(plain_scores)), float(np.mean(our_scores))
        print(f"  {n:>4} labels: plain {plain:.3f}   ours {ours:.3f}   ratio {ours / plain:.3f}")
    print(
        "\nnote: the rule features include the Indonesian scorer; NusaX shares sentences with "
        "SmSA, so if that scorer's lexicon was checked on SmSA, NusaX is not fully unseen by it."
    )


if __name__ == "__main__":
    main()
