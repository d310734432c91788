"""Language id: ours (function words + py3langid) vs py3langid alone, on short text.

NusaX Indonesian and English (train + valid, 600 sentences each, the same sentences in both
languages), whole sentences and cut to their first 4 words (social-media length). Reports
accuracy of the id/en decision (Malay/Javanese/Sundanese count as id for both), and the
share of texts each method calls code-mixed (should be near 0 on these monolingual sets).
Also prints the time per text.

Usage: .venv/bin/python benchmarks/bench_sentiment_language.py
"""

from __future__ import annotations

import time
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
INDONESIAN_FAMILY = {"id", "ms", "jv", "su"}


def main() -> None:
    from analytics.sentiment.labelled import read_labelled
    from analytics.sentiment.language import detect_language, statistical_language

    detect_language("warm up: load the models before timing")
    statistical_language("warm up")
    for language, want in (("indonesian", "id"), ("english", "en")):
        texts = []
        for split in ("train", "valid"):
            texts += read_labelled(EVAL / f"nusax_{language}_{split}.csv").texts
        for label, sample in (
            ("whole", texts),
            ("4 words", [" ".join(t.split()[:4]) for t in texts]),
        ):
            start = time.perf_counter()
            guesses = [detect_language(t) for t in sample]
            ours_s = time.perf_counter() - start
            start = time.perf_counter()
            plain = [statistical_language(t)[0] for t in sample]
            plain_s = time.perf_counter() - start
            ours_ok = sum(g.language == want for g in guesses) / len(sample)
            plain_ok = sum(
                (p in INDONESIAN_FAMILY) if want == "id" else (p == "en") for p in plain
            ) / len(sample)
            mixed = sum(g.mixed for g in guesses) / len(sample)
            print(
                f"NusaX {language:<10} {label:<7} n={len(sample)}: py3langid {plain_ok:.3f}  "
                f"ours {ours_ok:.3f}  (called mixed {mixed:.1%}; "
                f"{plain_s / len(sample) * 1e6:.0f} vs {ours_s / len(sample) * 1e6:.0f} us/text)"
            )


if __name__ == "__main__":
    main()
