"""Which mentions an analyst should label next (the labelling loop).

The loop: ``sentiment sample`` writes a batch (``mention_id,text,label`` with ``label``
empty), the analyst fills the labels (Excel, or the JupyterLab widget), ``sentiment train``
learns from every batch so far, ``sentiment store --rescore`` applies the model, and the
next ``sample`` asks about what the new model is least sure of.

* **uncertain** (default): the mentions the current model is least sure about, spread over
  what is being said. With a trained model (``--model DIR``) doubt is the smallest margin
  between its two most probable labels; with a store last re-scored by a trained model, the
  stored score's distance to the nearest label cut-off (+-0.05). The ``SHORTLIST`` x n most
  uncertain are grouped into n clusters by their words (k-means on TF-IDF) and each cluster
  gives its most uncertain text (diverse mini-batch active learning), so a batch does not
  spend its labels on one confusing theme.
* **cold start** (uncertain, but no trained model yet: the store holds rule scores only):
  a stratified random sample: a random ``SHORTLIST`` x n grouped into ``STRATA`` word
  clusters, each giving texts in proportion to its size. In expectation it is a random
  sample (so it cannot lose to one on principle) with less spread, and no large theme is
  missed or over-asked. (Taking each cluster's most typical text instead gave a first
  batch as bad as 0.668 macro-F1 on one seed, against 0.785 for random.) The rule
  scorer's own doubt is not used: as a first batch it did worse than chance (the texts it
  scores near its cut-offs, few or no sentiment words, are a narrow part of the pool;
  docs/sentiment.md).
* **random**: a uniform sample (the fair yardstick).

Always: texts that are the same after removing links, handles, numbers and punctuation, or
that share most of their words (retweets, copy-paste campaigns), are asked about once; and
never a mention already in an earlier batch, nor a near-duplicate of one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from analytics.sentiment.labels import NEGATIVE_CUTOFF, POSITIVE_CUTOFF

STRATEGIES = ("uncertain", "random")
NEAR_DUPLICATE = 0.7  # share of words in common (Jaccard) above which two texts are one
SHORTLIST = 10  # a batch of n is chosen among the 10 n most uncertain (or random) texts
STRATA = 10  # word clusters of the first batch (stratified random sample)
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


def _distinct(
    texts: Sequence[str], order: np.ndarray, limit: int, avoid: Sequence[str]
) -> list[int]:
    """The first ``limit`` indices of ``order`` whose texts are not empty and not
    near-duplicates of one another nor of a text in ``avoid``."""
    chosen: list[int] = []
    seen_words = [w for w in map(_words, avoid) if w]
    seen_keys = set(seen_words)
    for index in order:
        if len(chosen) >= limit:
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


def _word_clusters(texts: Sequence[str], shortlist: list[int], k: int, seed: int) -> np.ndarray:
    """Cluster number per shortlisted text: k-means (k clusters) on their TF-IDF vectors."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(
        [_NOISE.sub(" ", texts[i].lower()) for i in shortlist]
    )
    # several starts: one start alone splits even well-separated themes now and then
    return KMeans(n_clusters=k, n_init=5, random_state=seed).fit(vectors).labels_


def _one_per_cluster(texts: Sequence[str], shortlist: list[int], n: int, seed: int) -> list[int]:
    """``n`` of the shortlist (in priority order): the first of each of n word clusters."""
    if len(shortlist) <= n:
        return shortlist
    clusters = _word_clusters(texts, shortlist, n, seed)
    firsts: dict[int, int] = {}
    for position, cluster in enumerate(clusters):
        firsts.setdefault(int(cluster), position)
    picked = set(firsts.values())
    # k-means may leave a cluster empty: fill up in priority order
    picked |= set([p for p in range(len(shortlist)) if p not in picked][: n - len(picked)])
    return [shortlist[p] for p in sorted(picked)]


def _stratified(texts: Sequence[str], shortlist: list[int], n: int, seed: int) -> list[int]:
    """``n`` of a randomly ordered shortlist, each of ``STRATA`` word clusters represented in
    proportion to its size (largest remainders): a stratified random sample."""
    if len(shortlist) <= n:
        return shortlist
    clusters = _word_clusters(texts, shortlist, min(STRATA, n), seed)
    sizes = np.bincount(clusters)
    exact = n * sizes / len(shortlist)
    quota = np.floor(exact).astype(int)
    for cluster in np.argsort(-(exact - quota), kind="stable")[: n - int(quota.sum())]:
        quota[cluster] += 1
    picked: list[int] = []
    for position, cluster in enumerate(clusters):  # the shortlist is in random order
        if quota[cluster] > 0:
            quota[cluster] -= 1
            picked.append(shortlist[position])
    return picked


def pick(
    texts: Sequence[str],
    n: int,
    *,
    uncertainty: Sequence[float] | None = None,
    diverse: bool = True,
    seed: int = 0,
    avoid: Sequence[str] = (),
) -> list[int]:
    """Indices of up to ``n`` texts to label, never an empty text nor a near-duplicate of
    another pick or of a text in ``avoid`` (the texts of earlier batches).

    * ``uncertainty`` given: the ``SHORTLIST * n`` most uncertain texts are grouped into
      ``n`` clusters by their words and each cluster gives its most uncertain text, so a
      batch does not spend its labels on one confusing theme (diverse mini-batch active
      learning);
    * no ``uncertainty``, ``diverse`` (the cold start: no trained model yet): a stratified
      random sample: a random ``SHORTLIST * n`` is grouped into ``STRATA`` word clusters
      and each gives texts in proportion to its size, so the batch is a random sample
      (as good as one in expectation) that cannot miss or over-sample a large theme;
    * no ``uncertainty``, not ``diverse``: a uniform random sample (the yardstick).
    """
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(texts))
    if uncertainty is not None:
        # most uncertain first; ties (common with rule scores) in random order
        scores = np.asarray(uncertainty, dtype=float)[order]
        order = order[np.argsort(-scores, kind="stable")]
    if not diverse and uncertainty is None:
        return _distinct(texts, order, n, avoid)
    shortlist = _distinct(texts, order, SHORTLIST * n, avoid)
    if uncertainty is None:
        return _stratified(texts, shortlist, n, seed)
    return _one_per_cluster(texts, shortlist, n, seed)
