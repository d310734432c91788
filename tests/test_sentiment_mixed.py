"""Code-mixed text: English words by VADER's rules, the rest by the Indonesian scorer."""

from __future__ import annotations

from analytics.sentiment.english import EnglishScorer
from analytics.sentiment.mixed import MixedScorer


class FixedIndonesian:
    """An Indonesian scorer stub that returns fixed token valences (hand-checkable sums)."""

    def __init__(self, valences: list[tuple[str, float]]) -> None:
        self.valences = valences

    def token_valences(self, text: str) -> list[tuple[str, float]]:
        return self.valences


def test_both_scorers_are_summed_worked_by_hand() -> None:
    # English: "great" +3.1 (VADER); Indonesian stub: "kecewa" -2.0. Sum 1.1.
    # 1.1 / sqrt(1.21 + 15) = 1.1 / 4.0262 = 0.2732
    mixed = MixedScorer(EnglishScorer(), FixedIndonesian([("kecewa", -2.0)]))
    assert mixed.polarity("kecewa sih, crew great") == 0.2732


def test_indonesian_contrast_word_weights_the_english_half() -> None:
    # after "tapi" VADER's contrast rule gives "great" 1.5 x 3.1 = 4.65; stub -2.0 unchanged
    # (the Indonesian scorer applies its own contrast rule). Sum 2.65:
    # 2.65 / sqrt(7.0225 + 15) = 2.65 / 4.6928 = 0.5647
    mixed = MixedScorer(EnglishScorer(), FixedIndonesian([("kecewa", -2.0)]))
    assert mixed.polarity("kecewa sih, tapi crew great") == 0.5647


def test_a_word_both_know_counts_once_as_english() -> None:
    # stub also scores "great" (+3.0): skipped, English already did; only "great" +3.1 left:
    # 3.1 / sqrt(9.61 + 15) = 3.1 / 4.9608 = 0.6249
    mixed = MixedScorer(EnglishScorer(), FixedIndonesian([("great", 3.0)]))
    assert mixed.polarity("crew great") == 0.6249


def test_indonesian_negation_applies_to_english_word() -> None:
    mixed = MixedScorer(EnglishScorer(), FixedIndonesian([]))
    assert EnglishScorer().polarity("pelayanan gak good sih") > 0  # VADER alone: "good"
    assert mixed.polarity("pelayanan gak good sih") < 0


def test_false_friend_is_not_read_as_english() -> None:
    # "sore" is afternoon in Indonesian but -1.5 ("sore") in VADER's lexicon
    mixed = MixedScorer(EnglishScorer(), FixedIndonesian([]))
    assert EnglishScorer().polarity("sampai sore") < 0
    assert mixed.polarity("sampai sore") == 0.0


def test_with_the_real_indonesian_scorer_both_halves_count() -> None:
    from analytics.sentiment.indonesian import IndonesianScorer

    english = EnglishScorer()
    indonesian = IndonesianScorer()
    mixed = MixedScorer(english, indonesian)
    text = "kecewa banget, worst experience ever"
    # each half alone is negative; together more negative than either
    assert mixed.polarity(text) < min(english.polarity(text), indonesian.polarity(text))


def test_many_texts_at_once_score_as_one_at_a_time() -> None:
    from analytics.sentiment.indonesian import IndonesianScorer

    mixed = MixedScorer(EnglishScorer(["Kopi Senang"]), IndonesianScorer())
    texts = [
        "kecewa banget, worst experience ever",
        "Kopi",  # with the next text it would spell the brand name
        "Senang sekali, good job @admin",
        "pelayanan gak good sih #kecewa 😡",
        "bagus tapi slow",
    ]
    many = mixed.polarities(texts)
    assert many == [mixed.polarity(text) for text in texts]
    assert many[0] < 0 < many[2]  # hand-checked directions
