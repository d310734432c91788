"""Our fast VADER core must give exactly vaderSentiment's compound scores.

The texts are generated (seeded) to hit every rule: negations (incl. "n't", "never so",
"without doubt"), boosters and dampeners (incl. "kind of", "sort of"), ALL-CAPS emphasis,
"but", "least", "no", idioms ("the bomb", "kiss of death"), emoticons, emoji (incl. emoji
glued to words and multi-code-point emoji), "!" and "?" emphasis and repeated values (the
"but" rule's by-value quirk).
"""

from __future__ import annotations

import random

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics.sentiment.vader_core import VaderCore, normalize, vader_lexicons

RULE_WORDS = [
    "not",
    "no",
    "never",
    "so",
    "this",
    "but",
    "BUT",
    "very",
    "VERY",
    "kind",
    "of",
    "sort",
    "least",
    "at",
    "without",
    "doubt",
    "the",
    "shit",
    "bomb",
    "bad",
    "ass",
    "kiss",
    "death",
    "to",
    "die",
    "for",
    "yeah",
    "right",
    "isn't",
    "don't",
    "nor",
    "or",
    "just",
    "enough",
    "kinda",
    "barely",
    "hardly",
    "extremely",
    "Really",
    "REALLY",
    "cut",
    "mustard",
    "beating",
    "heart",
    "bus",
    "stop",
    "uber",
    "friggin",
    "sux",
    "lol",
    "nothing",
    "without",
    "least",
    "very",
    "at",
    "never",
    "this",
    "so",
]
SENTIMENT = [
    "good",
    "great",
    "GREAT",
    "terrible",
    "bad",
    "love",
    "hate",
    "happy",
    "sad",
    "awful",
    "nice",
    "ok",
    "fine",
    "worst",
]
EMOTICONS = [":)", ":(", ":D", ";)", ":-(", "<3", "😁", "💘", "😡", "❤️", "👍🏽", "😂😂"]
PLAIN = [
    "the",
    "flight",
    "was",
    "service",
    "i",
    "we",
    "it",
    "my",
    "bag",
    "is",
    "and",
    "a",
    "airline",
    "staff",
    "today",
    "again",
]
PUNCT = ["", "", "", ",", ".", "!", "?", "!!", "??", "!!!!!", "?!", "..."]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lexicon_words = sorted(vader_lexicons()[0])
    texts = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 22)):
            pick = rng.random()
            if pick < 0.3:
                word = rng.choice(RULE_WORDS)
            elif pick < 0.5:
                word = rng.choice(SENTIMENT)
            elif pick < 0.65:
                word = rng.choice(lexicon_words)
            elif pick < 0.72:
                word = rng.choice(EMOTICONS)
            else:
                word = rng.choice(PLAIN)
            if rng.random() < 0.1:
                word = word.upper()
            words.append(word + rng.choice(PUNCT))
        text = rng.choice([" ", " ", "  ", "\t"]).join(words)
        if rng.random() < 0.1:
            text = text.replace(" 😁", "😁").replace(" :)", ":)")
        texts.append(text)
    return texts


def test_identical_to_vadersentiment_on_generated_texts() -> None:
    reference = SentimentIntensityAnalyzer()
    core = VaderCore()
    texts = _texts(4000, seed=11)
    different = [
        (text, reference.polarity_scores(text)["compound"], core.compound(text))
        for text in texts
        if reference.polarity_scores(text)["compound"] != core.compound(text)
    ]
    assert different == []
    # the generated set really exercises the rules (not all zeros)
    assert sum(core.compound(t) != 0 for t in texts) > 2000


@pytest.mark.parametrize(
    "text",
    [
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        "good good but good good",  # repeated values: VADER's by-value "but" quirk
        "Today only kinda sux! But I'll get by, lol",
        "Roger Dodger is one of the least compelling variations on this theme.",
        "At least it isn't a horrible book.",
        "Make sure you :) or :D today!",
        "Catch utf-8 emoji such as 💘 and 💋 and 😁",
        "Not bad at all",
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        "With VADER, sentiment analysis is the shit!",
        "Sentiment analysis has never been this good!",
        "Without a doubt, excellent idea.",
        "no no no good",
        "",
    ],
)
def test_identical_on_vaders_own_examples(text: str) -> None:
    expected = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert VaderCore().compound(text) == expected


def test_single_word_score_worked_by_hand() -> None:
    # "good" is rated 1.9 in VADER's lexicon: 1.9 / sqrt(1.9^2 + 15) = 1.9 / 4.3139 = 0.4404
    assert VaderCore().compound("good") == 0.4404
    # one "!" adds 0.292: 2.192 / sqrt(4.8049 + 15) = 2.192 / 4.4503 = 0.49255 -> 0.4926
    assert VaderCore().compound("good!") == 0.4926
    assert normalize(1e9) <= 1.0


def test_extra_lexicon_words_are_scored() -> None:
    lexicon = dict(vader_lexicons()[0])
    assert VaderCore().compound("massive outage") == 0.0
    lexicon["outage"] = -1.7
    # -1.7 / sqrt(2.89 + 15) = -1.7 / 4.2297 = -0.4019
    assert VaderCore(lexicon).compound("massive outage") == -0.4019


def test_extra_negation_words_negate() -> None:
    plain = VaderCore()
    indonesian = VaderCore(negations={"gak", "not"})
    assert plain.compound("gak good") > 0
    assert indonesian.compound("gak good") < 0
