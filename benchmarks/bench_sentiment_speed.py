"""Bulk English scoring speed: plain vaderSentiment loop vs our bulk scorer, same texts.

Generates N distinct (seeded) social-media-like English texts: handles, links, hashtags,
emoji, negations, boosters, caps, "but", punctuation. Every text is different, so the
ratio does not count the bulk scorer's duplicate-text savings. Then measures, in this one
run on this machine:

  (a) baseline: ``SentimentIntensityAnalyzer().polarity_scores`` in a plain loop;
  (b) ours: ``score_texts(texts, lang="en", workers=2)`` (social preparation, crisis
      lexicon, re-implemented VADER core, 2 processes);
  (c) ours with language detection per text (``lang="auto"``), for information.

Usage: .venv/bin/python benchmarks/bench_sentiment_speed.py [N]   (default 200000)
"""

from __future__ import annotations

import random
import sys
import time

OPENERS = ["", "", "ugh", "wow", "honestly", "lol", "omg", "so", "well", "update:", "RT"]
SUBJECTS = [
    "the flight",
    "my order",
    "the app",
    "customer service",
    "the new menu",
    "my bag",
    "the refund",
    "the crew",
    "your website",
    "the coffee",
    "delivery",
    "the checkout",
]
VERBS = [
    "was",
    "is",
    "has been",
    "is not",
    "was never",
    "isn't",
    "is really",
    "was SO",
    "is kind of",
    "was extremely",
    "seems",
    "looks",
]
ADJECTIVES = [
    "great",
    "terrible",
    "late",
    "amazing",
    "broken",
    "fine",
    "slow",
    "awesome",
    "bad",
    "good",
    "horrible",
    "ok",
    "down",
    "cold",
    "perfect",
    "rude",
    "helpful",
    "disappointing",
    "fast",
    "useless",
    "lovely",
    "GREAT",
    "BAD",
    "meh",
]
TAILS = [
    "",
    "",
    "but the staff were nice",
    "but I got a refund",
    "and nobody answers",
    "again",
    "as usual",
    "today",
    "this morning",
    "thanks",
    "never again",
    "at least they apologised",
    "what a mess",
    "for the third time",
]
TAGS = [
    "",
    "",
    "",
    "#fail",
    "#worstairlineever",
    "#boycottAcme",
    "#loveit",
    "#CustomerService",
    "#outage",
    "#refundnow",
    "#happy",
]
EMOJI = ["", "", "", "😡", "😂", "❤️", "👍", "😭", "🙏", ":)", ":(", "🔥"]
PUNCT = ["", ".", "!", "!!", "?", "??", "...", "!!!"]
HANDLES = ["", "", "@acme", "@AcmeHelp", "@united", "@kopi_senang"]


def generate(n: int, seed: int = 20240301) -> list[str]:
    """``n`` distinct texts (a serial number is added only when a combination repeats)."""
    rng = random.Random(seed)
    texts: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        parts = [
            rng.choice(HANDLES), rng.choice(OPENERS), rng.choice(SUBJECTS), rng.choice(VERBS),
            rng.choice(ADJECTIVES) + rng.choice(PUNCT), rng.choice(TAILS) + rng.choice(PUNCT),
            rng.choice(TAGS), rng.choice(EMOJI),
        ]  # fmt: skip
        if rng.random() < 0.2:
            parts.append(f"https://t.co/{rng.getrandbits(40):x}")
        text = " ".join(p for p in parts if p)
        if text in texts:
            text = f"{text} #{len(out)}"
        if text not in texts:
            texts.add(text)
            out.append(text)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    texts = generate(n)
    assert len(set(texts)) == n
    print(f"{n:,} distinct English social texts (seeded)")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    baseline = [analyzer.polarity_scores(text)["compound"] for text in texts]
    plain_s = time.perf_counter() - start
    print(f"(a) plain vaderSentiment loop:      {plain_s:7.2f} s  {n / plain_s:>9,.0f} texts/s")

    from analytics.sentiment import score_texts

    start = time.perf_counter()
    ours = score_texts(texts, lang="en", workers=2, progress=False)
    ours_s = time.perf_counter() - start
    print(f"(b) ours, score_texts(lang='en'):   {ours_s:7.2f} s  {n / ours_s:>9,.0f} texts/s")
    assert ours.height == n

    start = time.perf_counter()
    auto = score_texts(texts, lang="auto", workers=2, progress=False)
    auto_s = time.perf_counter() - start
    print(f"(c) ours, score_texts(lang='auto'): {auto_s:7.2f} s  {n / auto_s:>9,.0f} texts/s")
    assert auto.height == n

    print(f"ratio (a)/(b): {plain_s / ours_s:.2f}x   (target >= 3x)")
    print(f"ratio (a)/(c): {plain_s / auto_s:.2f}x   (with language id per text)")
    compounds = ours.get_column("sentiment_compound").to_list()
    changed = sum(a != b for a, b in zip(baseline, compounds, strict=True))
    print(f"texts whose score differs from plain VADER (social rules, crisis words): {changed:,}")


if __name__ == "__main__":
    main()
