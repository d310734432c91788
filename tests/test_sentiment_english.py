"""English social scorer: each preparation rule, against plain VADER on the same text."""

from __future__ import annotations

import pytest

from analytics.sentiment.english import (
    EnglishScorer,
    crisis_lexicon,
    emoji_valences,
)
from analytics.sentiment.social_text import SocialText, split_hashtag_words
from analytics.sentiment.vader_core import vader_lexicons


@pytest.fixture(scope="module")
def plain() -> EnglishScorer:
    return EnglishScorer(social=False, crisis_words=False)


@pytest.fixture(scope="module")
def ours() -> EnglishScorer:
    return EnglishScorer(["United", "Trust", "Kopi Senang", "Acme"])


def test_plain_mode_is_vader(plain: EnglishScorer) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = "Flying United today, #worstairlineever :("
    assert plain.polarity(text) == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]


@pytest.mark.parametrize(
    "text",
    ["Flying United today", "Trust Bank opens a branch", "UNITED's new route", "kopi senang menu"],
)
def test_brand_name_carries_no_sentiment(plain: EnglishScorer, ours: EnglishScorer, text) -> None:
    # "united" (+1.8) and "trust" (+2.3) are positive VADER words; as the brand they are not.
    # ("kopi senang" has no English sentiment either way: ours must stay 0.)
    assert ours.polarity(text) == 0.0
    assert plain.polarity(text) >= 0.0


def test_brand_name_removed_but_opinion_kept(ours: EnglishScorer) -> None:
    assert ours.polarity("United lost my bag") < 0
    assert ours.polarity("thank you United, great crew") > 0


@pytest.mark.parametrize(
    "text",
    [
        "@happyfeet https://t.co/greatdeal",
        "see www.lovely-offers.com/best now",
        "@GoodGuys @awesome_airline",
        "bit.ly/superb-deal",
    ],
)
def test_urls_and_handles_carry_no_sentiment(ours: EnglishScorer, text: str) -> None:
    assert ours.polarity(text) == 0.0


def test_handle_does_not_hide_the_opinion(ours: EnglishScorer) -> None:
    assert ours.polarity("@happyfeet this is terrible") < 0


def test_hashtag_split_makes_boycott_negative(plain: EnglishScorer, ours: EnglishScorer) -> None:
    # the example: plain VADER scores "#boycottAcme" 0 (one unknown token)
    assert plain.polarity("#boycottAcme") == 0.0
    # "boycott" (-1.3) + the brand (0): -1.3 / sqrt(1.69 + 15) = -1.3 / 4.0853 = -0.3182
    assert ours.polarity("#boycottAcme") == -0.3182


def test_hashtag_split_lowercase_run(plain: EnglishScorer, ours: EnglishScorer) -> None:
    assert plain.polarity("#worstairlineever") == 0.0
    # worst -3.1, "airline" and "ever" carry nothing: -3.1 / sqrt(9.61 + 15) = -0.6249
    assert ours.polarity("#worstairlineever") == -0.6249
    assert split_hashtag_words("worstairlineever") == ("worst", "airline", "ever")


def test_indonesian_hashtag_is_not_split_into_english_nonsense() -> None:
    # "gagalpaham" is Indonesian; a greedy English split ("gag al pa ham") must be refused
    assert split_hashtag_words("gagalpaham") is None
    assert split_hashtag_words("kopisenang") is None


def test_brand_inside_hashtag_is_neutral() -> None:
    text = SocialText(["Kopi Senang"])
    assert text.prepare("#BoycottKopiSenang").split() == ["boycott", "brandref"]
    assert text.prepare("#boycottkopisenang").split() == ["boycott", "brandref"]


def test_many_texts_prepared_at_once_keep_each_text_apart() -> None:
    # hand-checked: a pass over the joined texts never reaches from one text into the next
    ours = EnglishScorer(["Kopi Senang"])
    texts = [
        "kopi",  # "Kopi" + next text's "Senang" is no brand name
        "Senang sekali @kopi",
        "@x#y",  # a handle at the start; once it is gone, "#y" is a hashtag
        "my money, no",  # "no" + next text's "refund": no demand across texts
        "refund please",  # a refund demanded: refund_demand
        "baa",  # "baa" + next text's "ad": no stretched word across texts
        "ad baaad",
        "Kopi Senang's app 😡",
        "a\x00b good",  # the joining character itself: prepared alone
    ]
    assert [" ".join(t.split()) for t in ours.described_many(texts)] == [
        "kopi",
        "Senang sekali",
        "y",
        "my money, no",
        "refund_demand please",
        "baa",
        "ad bad",
        "brandref app emoji1f621",  # an emoji of emoji_en.tsv: its own token
        "a\x00b good",
    ]
    assert ours.described_many(texts) == [ours.described(text) for text in texts]


@pytest.mark.parametrize(
    "text",
    [
        "another product recall",
        "massive outage this morning",
        "data breach confirmed",
        "the app is down",
        "unsafe and contaminated",
        "still waiting for my refund",
        "glitch in checkout",
        "passengers stranded for hours",
    ],
)
def test_crisis_words_are_negative(plain: EnglishScorer, ours: EnglishScorer, text: str) -> None:
    assert plain.polarity(text) == 0.0  # VADER's lexicon lacks these words
    assert ours.polarity(text) < -0.05


def test_crisis_lexicon_is_documented_and_only_adds_words() -> None:
    words = crisis_lexicon()
    stock = vader_lexicons()[0]
    assert {"recall", "outage", "breach", "unsafe", "contaminated", "glitch"} <= set(words)
    assert not set(words) & set(stock)  # never overrides a rating VADER's raters gave
    assert all(-4 <= value < 0 for value in words.values())  # crisis words are negative


def test_refund_is_negative_only_when_demanded(ours: EnglishScorer) -> None:
    assert ours.polarity("still waiting for my refund") < -0.05
    assert ours.polarity("#refundnow") < -0.05
    # a brand's reply mentions refunds without any complaint
    assert ours.polarity("you can request a refund at any station") == 0.0


def test_emoji_keep_their_meaning(plain: EnglishScorer, ours: EnglishScorer) -> None:
    # red heart with variation selector: VADER glues U+FE0F to "heart" and loses it
    assert plain.polarity("❤️") == 0.0
    assert ours.polarity("❤️") > 0.05
    # pouting face: VADER's description has no lexicon word
    assert plain.polarity("😡") == 0.0
    assert ours.polarity("😡") < -0.05
    # broken heart: VADER reads "broken" -2.1 + "heart" +3.2 = positive
    assert plain.polarity("💔") > 0
    assert ours.polarity("💔") < 0
    assert emoji_valences()["👎"] < 0 < emoji_valences()["👍"]


def test_stretched_words_are_recognised(plain: EnglishScorer, ours: EnglishScorer) -> None:
    assert plain.polarity("sooo baaad") == 0.0
    assert ours.polarity("sooo baaad") < 0
    assert ours.polarity("goooood") > 0


def test_rules_still_apply_after_preparation(ours: EnglishScorer) -> None:
    # negation and "but" survive the preparation (placeholders keep word positions)
    assert ours.polarity("United is not good") < 0
    assert ours.polarity("the crew was nice but the outage ruined it") < 0
