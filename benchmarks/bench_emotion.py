"""Indonesian emotion model vs a plain TF-IDF + logistic regression, on EmoT.

Both are trained on ../shared/eval/emot_train.csv in this run and scored on emot_valid.csv
(macro-F1 over the five EmoT emotions; a forced choice, since EmoT has no "none"). Also
scores the model shipped in the package (trained on emot_train.csv only by
``scripts/build_emotion_model.py``), so the figure of what users get is printed too.
Target: ours above the baseline. Training time and the shipped file's size are printed.

Usage: .venv/bin/python benchmarks/bench_emotion.py [EVAL_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import polars as pl

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from analytics.sentiment.emotion import (
        EMOTIONS,
        MODEL_PATH,
        load_emotion_model,
        normalize_emotion,
        train_emotion_model,
    )
    from analytics.sentiment.metrics import classification_report

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else EVAL
    train = pl.read_csv(folder / "emot_train.csv")
    valid = pl.read_csv(folder / "emot_valid.csv")
    texts, labels = train["tweet"].to_list(), train["label"].to_list()
    truth = [normalize_emotion(v) for v in valid["label"].to_list()]
    held_out = valid["tweet"].to_list()

    def macro(predicted: list[str]) -> float:
        return classification_report(truth, predicted, labels=EMOTIONS)["macro_f1"]

    started = time.perf_counter()
    vectorizer = TfidfVectorizer()
    baseline = LogisticRegression(max_iter=2000).fit(vectorizer.fit_transform(texts), labels)
    guessed = baseline.predict(vectorizer.transform(held_out))
    base_f1 = macro([normalize_emotion(v) for v in guessed])
    base_time = time.perf_counter() - started

    started = time.perf_counter()
    ours = train_emotion_model(texts, labels, source="emot_train.csv")
    ours_f1 = macro(ours.predict(held_out, forced=True))
    ours_time = time.perf_counter() - started

    shipped = load_emotion_model()
    shipped_f1 = macro(shipped.predict(held_out, forced=True))
    none_share = shipped.predict(held_out).count("none") / len(held_out)

    print(f"EmoT valid ({len(held_out)} tweets), macro-F1 over {', '.join(EMOTIONS)}")
    print(f"  plain TF-IDF + logistic regression   {base_f1:.4f}   (fit+score {base_time:.1f} s)")
    print(f"  ours (normalised word+char n-grams)  {ours_f1:.4f}   (fit+score {ours_time:.1f} s)")
    print(f"  shipped model file                   {shipped_f1:.4f}")
    print(f"  ratio ours / baseline                {ours_f1 / base_f1:.3f}")
    size = MODEL_PATH.stat().st_size / 1e6
    print(f"  shipped model: {size:.2f} MB; 'none' (best score < NONE_BELOW) on {none_share:.1%}")


if __name__ == "__main__":
    main()
