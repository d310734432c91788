"""Which mentions an analyst should label next (the labelling loop).

The loop: ``sentiment sample`` writes a batch (``mention_id,text,label`` with ``label``
empty), the analyst fills the labels (Excel, or the JupyterLab widget), ``sentiment train``
learns from every batch so far, ``sentiment store --rescore`` applies the model, and the
next ``sample`` asks about what the new model is least sure of.

* **uncertain** (default): the mentions the current scorer is least sure about. With a
  trained model (``--model DIR``) that is the smallest margin between its two most probable
  labels; without one it is the stored score's distance to the nearest label cut-off
  (+-0.05): the store holds the scores of the model it was last re-scored with, or of the
  rule scorer.
* **random**: a uniform sample (the fair yardstick, and what to label first when no model
  exists yet and the rule scorer is far off).

Either way a batch is **diverse**: texts that are the same after removing links, handles,
numbers and punctuation, or that share most of their words (retweets, copy-paste
campaigns), are asked about once; and never a mention already in an earlier batch, nor a
near-duplicate of one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from analytics.sentiment.labels import NEGATIVE_CUTOFF, POSITIVE_CUTOFF

STRATEGIES = ("uncertain", "random")
NEAR_DUPLICATE = 0.7  # share of words in common (Jaccard) above which two texts are one
_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|\d+|[^\w\s]")


def margin_uncertainty(probabilities: np.ndarray) -> np.ndarray:
    """1 - (top probability - second probability) per row: 1 is a coin toss."""
    ordered = np.sort(np.asarray(probabilities, dtype=float), axis=1)
    if ordered.shape[1] < 2:
        return np.zeros(len(ordered))
    return 1.0 - (ordered[:, -1] - ordered[:, -2])


def cutoff_uncertainty(compounds: Sequence[float | None]) -> np.ndarray:
    """For rule scores: 1 at a label cut-off, falling with the distance to the nearest one.

    An unscored mention (None) counts as most uncertain.
    """
    values = np.array([np.nan if c is None else c for c in compounds], dtype=float)
    distance = np.minimum(np.abs(values - POSITIVE_CUTOFF), np.abs(values - NEGATIVE_CUTOFF))
    return np.where(np.isnan(values), 1.0, 1.0 - np.clip(distance, 0.0, 1.0))


def _words(text: str) -> frozenset[str]:
    return frozenset(_NOISE.sub(" ", text.lower()).split())


def pick(
    texts: Sequence[str],
    n: int,
    *,
    uncertainty: Sequence[float] | None = None,
    seed: int = 0,
    avoid: Sequence[str] = (),
) -> list[int]:
    """Indices of up to ``n`` texts to label: the most uncertain first (or a random order
    when ``uncertainty`` is None), skipping empty texts and near-duplicates of texts
    already picked or in ``avoid`` (the texts of earlier batches)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(texts))
    if uncertainty is not None:
        # most uncertain first; ties (common with rule scores) in random order
        scores = np.asarray(uncertainty, dtype=float)[order]
        order = order[np.argsort(-scores, kind="stable")]
    chosen: list[int] = []
    seen_words = [w for w in map(_words, avoid) if w]
    seen_keys = set(seen_words)
    for index in order:
        if len(chosen) >= n:
            break
        words = _words(texts[index] or "")
        if not words or words in seen_keys:
            continue
        if any(len(words & w) / len(words | w) >= NEAR_DUPLICATE for w in seen_words):
            continue
        chosen.append(int(index))
        seen_keys.add(words)
        seen_words.append(words)
    return chosen
