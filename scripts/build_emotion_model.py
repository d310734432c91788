"""Rebuild the shipped Indonesian emotion model from EmoT's training split.

EmoT (IndoNLU, Apache-2.0) is not part of the repository; pass the folder holding
``emot_train.csv`` (columns ``label,tweet``). Writes analytics/sentiment/data/emotion_id.npz
(plain arrays, no pickle). The licence notice is analytics/sentiment/data/NOTICE-emotion.txt.

Usage: .venv/bin/python scripts/build_emotion_model.py ../shared/eval
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

from analytics.sentiment.emotion import MODEL_PATH, train_emotion_model


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_emotion_model.py EMOT_FOLDER (holding emot_train.csv)")
    train = pl.read_csv(Path(sys.argv[1]) / "emot_train.csv")
    model = train_emotion_model(
        train["tweet"].to_list(), train["label"].to_list(), source="EmoT emot_train.csv"
    )
    model.save(MODEL_PATH)
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB, n={model.metadata['n']})")


if __name__ == "__main__":
    main()
