"""English scorer vs plain VADER: NusaX English valid macro-F1, and crisis-style cases.

1. macro-F1 (three classes, +-0.05 cut-offs) on ../shared/eval/nusax_english_valid.csv of
   plain vaderSentiment and of our English scorer (``lang="en"``), same texts, same run.
   Target: ours not below plain VADER.
2. A list of crisis-style mentions with the label an analyst would give, where plain VADER
   is wrong: brand names that are English words, hashtags, crisis words VADER lacks, links
   and handles, emoji. Printed side by side with both scores. The brand for every case is
   given with --brand as an analyst would (United, Trust, Acme, Kopi Senang).

Usage: .venv/bin/python benchmarks/bench_sentiment_english.py
"""

from __future__ import annotations

from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
BRANDS = ["United", "Trust", "Acme", "Kopi Senang"]

# (kind, text, label an analyst gives)
CASES = [
    ("brand", "Flying United to Jakarta tomorrow", "neutral"),
    ("brand", "United cancelled my flight again", "negative"),
    ("brand", "Trust Bank app asks me to update", "neutral"),
    ("brand", "Trust Bank froze my account for no reason", "negative"),
    ("hashtag", "#boycottAcme", "negative"),
    ("hashtag", "four hours on hold #worstairlineever", "negative"),
    ("hashtag", "#neveragain", "negative"),
    ("hashtag", "#refundnow", "negative"),
    ("crisis", "Acme announces a recall of all batch 7 bottles", "negative"),
    ("crisis", "massive outage, nothing works", "negative"),
    ("crisis", "my card details leaked in the Acme breach", "negative"),
    ("crisis", "the water tasted contaminated", "negative"),
    ("crisis", "still waiting for my refund", "negative"),
    ("crisis", "the app is down again", "negative"),
    ("link/handle", "@smile any update on the order?", "neutral"),
    ("link/handle", "@Lovely reply pending since Monday", "neutral"),
    ("link/handle", "statement here: https://acme.com/ great-news-update", "neutral"),
    ("emoji", "my order arrived like this 😡", "negative"),
    ("emoji", "💔 after 10 years as a customer", "negative"),
    ("emoji", "you can do better 👎", "negative"),
    ("emoji", "service today ❤️", "positive"),
]


def _read(path: Path) -> tuple[list[str], list[str]]:
    from analytics.sentiment.labelled import read_labelled

    labelled = read_labelled(path)
    return labelled.texts, labelled.labels


def main() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analytics.sentiment import score_texts
    from analytics.sentiment.labels import label_from_compound
    from analytics.sentiment.metrics import classification_report

    analyzer = SentimentIntensityAnalyzer()

    texts, truth = _read(EVAL / "nusax_english_valid.csv")
    plain = [label_from_compound(analyzer.polarity_scores(t)["compound"]) for t in texts]
    ours = score_texts(texts, lang="en", workers=1).get_column("sentiment_label").to_list()
    f1_plain = classification_report(truth, plain)["macro_f1"]
    f1_ours = classification_report(truth, ours)["macro_f1"]
    print(f"NusaX English valid (n={len(texts)}), macro-F1:")
    print(f"  plain vaderSentiment: {f1_plain:.3f}")
    print(f"  ours (vader-social):  {f1_ours:.3f}   ratio {f1_ours / f1_plain:.3f}")

    case_texts = [text for _, text, _ in CASES]
    our_scores = score_texts(case_texts, lang="en", brand_names=BRANDS, workers=1)
    compounds = our_scores.get_column("sentiment_compound").to_list()
    print("\ncrisis-style cases (analyst label | plain VADER | ours):")
    right = {"plain": 0, "ours": 0}
    for (kind, text, label), ours_compound in zip(CASES, compounds, strict=True):
        plain_compound = analyzer.polarity_scores(text)["compound"]
        plain_label = label_from_compound(plain_compound)
        ours_label = label_from_compound(ours_compound)
        right["plain"] += plain_label == label
        right["ours"] += ours_label == label
        mark = "fixed" if ours_label == label and plain_label != label else ""
        print(
            f"  [{kind:<11}] {text[:52]:<52} {label:<8} | {plain_compound:+.3f} {plain_label:<8}"
            f" | {ours_compound:+.3f} {ours_label:<8} {mark}"
        )
    print(f"\ncorrect on the {len(CASES)} cases: plain {right['plain']}, ours {right['ours']}")


if __name__ == "__main__":
    main()
