"""Near-duplicate (copy-paste) detection: MinHash + LSH against exact pairwise Jaccard.

Builds N synthetic Indonesian complaint texts (random words from a small vocabulary, so
ordinary posts share many words, as real complaints do) with planted campaigns: one script
copied by many accounts with small edits (case, punctuation, a changed or added word).
Then, on the same texts in the same run:

* ``baseline``  exact Jaccard similarity of character 5-shingle sets for every pair (pure
                Python sets: what a straightforward implementation does; O(N^2)), grouping
                pairs at >= 0.8 like ``near_duplicate_groups``;
* ``minhash``   ``near_duplicate_groups`` (64 MinHash values, 16 LSH bands, vectorised).

It prints both times, the speed ratio, and how many of the exact pairs MinHash also joins
(recall) and how many of its joins the exact method rejects (false joins). Then it times
``minhash`` alone on a larger N, where the baseline would take hours.

    .venv/bin/python benchmarks/bench_coordination.py                 # N = 1,000 vs baseline
    .venv/bin/python benchmarks/bench_coordination.py --n 3000 --large 200000
"""

from __future__ import annotations

import argparse
import itertools
import random
import time

import numpy as np
import polars as pl

from analytics.measure.coordination import near_duplicate_groups

_VOCAB_TEXT = (
    "saldo refund transaksi gagal aplikasi error cs lambat tolong cek akun terpotong dua kali "
    "transfer pending qris bayar tagihan kecewa banget kapan balik uang saya nasabah layanan "
    "promo cashback update versi baru login otp kode verifikasi hilang masuk keluar"
)
VOCAB = _VOCAB_TEXT.split()
SCRIPTS = (
    "aplikasi makin parah saldo nasabah dikuras dan katanya mau bangkrut tarik saldo kalian",
    "jangan pakai aplikasi ini lagi uang saya hilang dua kali cs tidak pernah membalas",
    "boikot saja semua transaksi gagal terus dan refund tidak pernah masuk sampai sekarang",
)


def make_texts(n: int, seed: int = 7) -> list[str]:
    """N texts: 90% random complaints, 10% edited copies of a few campaign scripts."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        if i % 10 == 0:
            words = rng.choice(SCRIPTS).split()
            edit = rng.random()
            if edit < 0.3:
                words[rng.randrange(len(words))] = rng.choice(VOCAB)
            elif edit < 0.6:
                words.append(rng.choice(VOCAB))
            texts.append(" ".join(words))
        else:
            texts.append(" ".join(rng.choice(VOCAB) for _ in range(rng.randint(8, 20))))
    return texts


def shingles(text: str, k: int = 5) -> set[str]:
    return {text[i : i + k] for i in range(max(len(text) - k + 1, 1))}


def exact_pairs(texts: list[str], threshold: float = 0.8) -> set[tuple[int, int]]:
    sets = [shingles(t) for t in texts]
    found = set()
    for i, j in itertools.combinations(range(len(texts)), 2):
        a, b = sets[i], sets[j]
        if len(a & b) >= threshold * len(a | b):
            found.add((i, j))
    return found


def same_group_pairs(groups: np.ndarray) -> set[tuple[int, int]]:
    by_group: dict[int, list[int]] = {}
    for i, g in enumerate(groups.tolist()):
        by_group.setdefault(g, []).append(i)
    return {p for members in by_group.values() for p in itertools.combinations(members, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="texts compared with the baseline")
    parser.add_argument("--large", type=int, default=100_000, help="texts for MinHash alone")
    args = parser.parse_args()

    texts = make_texts(args.n)
    started = time.perf_counter()
    exact = exact_pairs(texts)
    baseline_s = time.perf_counter() - started

    series = pl.Series(texts)
    near_duplicate_groups(series[:50])  # warm-up: first polars/numpy calls
    started = time.perf_counter()
    groups = near_duplicate_groups(series)
    minhash_s = time.perf_counter() - started
    joined = same_group_pairs(groups)

    recall = len(exact & joined) / len(exact) if exact else float("nan")
    false_joins = len(joined - exact) / len(joined) if joined else 0.0
    print(f"texts compared: {args.n:,} ({args.n * (args.n - 1) // 2:,} pairs)")
    print(f"baseline exact pairwise Jaccard: {baseline_s:8.2f} s, {len(exact):,} pairs >= 0.8")
    print(f"MinHash + LSH:                   {minhash_s:8.2f} s, {len(joined):,} pairs joined")
    print(f"speed-up (baseline / MinHash):   {baseline_s / minhash_s:8.1f} x")
    print(f"recall of exact pairs: {recall:.3f}; joined pairs below 0.8 exact: {false_joins:.3f}")
    print("(joined pairs include pairs linked through a chain of similar texts)")

    large = pl.Series(make_texts(args.large, seed=11))
    started = time.perf_counter()
    near_duplicate_groups(large)
    large_s = time.perf_counter() - started
    print(
        f"MinHash + LSH on {args.large:,} texts: {large_s:.2f} s "
        f"({args.large / large_s:,.0f} texts/s)"
    )


if __name__ == "__main__":
    main()
