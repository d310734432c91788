"""The batch scorer gives exactly the one-text-at-a-time scores, rule by rule."""

from __future__ import annotations

import random

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics.sentiment import worker
from analytics.sentiment.english import EnglishScorer
from analytics.sentiment.vader_batch import VaderBatch

# one group per VADER rule (and the crisis-talk rule after it)
CASES = {
    "emoji": ["love it 😍😍", "service 😡 again", "ok 👍🏽", "great. 😂😂😂", "🙏", "😭 sad 💔"],
    "but": [
        "the crew was great but the food was awful",
        "bad bad but good good",  # equal values on both sides: VADER's by-value quirk
        "good but good but bad",
        "BUT it was fine",
        "nice, but",
    ],
    "caps": ["the flight was GREAT", "GREAT flight", "ALL CAPS IS NOT EMPHASIS", "it is VERY bad"],
    "boosters": ["extremely good", "very very bad", "the app is really slow and barely works"],
    "negation": [
        "not good",
        "isn't bad",
        "never so happy",
        "never this good",
        "without doubt great",
        "no problem",
        "no good or bad",
        "no, not bad nor good",
        "wasn't ever really good",
    ],
    "kind of": ["kind of good", "it was kind of a mess", "sort of ok", "kind"],
    "least": ["least happy customer", "at least it was fine", "very least good"],
    "punctuation": ["good!!!", "bad??", "terrible?!?!", "fine.", "great!!!!!!!", "sad ???"],
    "idioms": [
        "the bomb",
        "that is the shit",
        "yeah right, great service",
        "kiss of death for the brand",
        "a beating heart",
        "bad ass coffee",
        "cut the mustard, good",
        "just enough good",
        "it was a kiss of death",  # the sequence after the word ("kiss of death")
        "bus stop the shit",  # the first sequence found wins ("the shit", not "bus stop")
        "so very kind of sort of bad",  # boosters of two words add up
    ],
    "crisis talk": [
        "thanks a lot, my money never arrived",
        "great job, charged twice again!!!",
        "the outage is fixed now, thank you",
        "still no refund after 3 weeks",
        "not fixed yet, amazing",
        "should be fixed by now, awful",
    ],
    "empty": ["", "   ", "...", "!!!"],
}
ALL = [text for texts in CASES.values() for text in texts]


def _generated(n: int) -> list[str]:
    words = " ".join(t for texts in CASES.values() for t in texts).split()
    rng = random.Random(3)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(n)]


@pytest.mark.parametrize("group", list(CASES))
def test_plain_batch_is_vadersentiment(group: str) -> None:
    # plain mode is VADER itself: the expected scores come from the reference library
    plain = EnglishScorer(social=False, crisis_words=False)
    reference = SentimentIntensityAnalyzer()
    expected = [reference.polarity_scores(text)["compound"] for text in CASES[group]]
    assert plain.polarities(CASES[group]) == expected


def test_social_batch_equals_one_at_a_time() -> None:
    ours = EnglishScorer(["United"])
    texts = [*ALL, *_generated(1500), "United was great", "#boycottUnited @united"]
    assert ours.polarities(texts) == [ours.polarity(text) for text in texts]


def test_batch_split_anywhere_gives_the_same_scores() -> None:
    # a text's score does not depend on its neighbours in the batch
    ours = EnglishScorer()
    batch = VaderBatch(ours.core)
    described = [ours.described(text) for text in ALL]
    whole = batch.compounds(described)
    assert [batch.compounds([text])[0] for text in described] == whole
    assert batch.compounds(described[::-1]) == whole[::-1]


def test_a_text_holding_the_separator_is_scored_alone() -> None:
    ours = EnglishScorer()
    texts = ["good \x00 bad", "great"]
    assert ours.polarities(texts) == [ours.polarity(text) for text in texts]


def test_worked_by_hand() -> None:
    # "good" is 1.9 in VADER's lexicon: 1.9 / sqrt(1.9² + 15) = 0.4404; "GOOD" among lower
    # case words gains 0.733: 2.633 / sqrt(2.633² + 15) = 0.5622
    plain = EnglishScorer(social=False, crisis_words=False)
    assert plain.polarities(["good", "it is GOOD", ""]) == [0.4404, 0.5622, 0.0]


@pytest.mark.parametrize("mode", ["en", "auto"])
def test_chunk_scoring_equals_scoring_one_item_at_a_time(mode: str) -> None:
    # the crisis-talk rule runs after the batch too: a complaint with praise is not positive
    texts = [*ALL, "Terima kasih, saldo saya hilang", "mantap, transfer gagal lagi"]
    items = [(text, ("United",), None, mode, False) for text in texts]
    chunk = worker.score_chunk(items)
    assert chunk == [worker.score_item(item) for item in items]
    complaint = chunk[ALL.index("great job, charged twice again!!!")]
    assert complaint[1] <= -0.3
