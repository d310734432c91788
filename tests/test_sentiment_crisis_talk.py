"""Crisis talk: complaints beat praise and politeness, fixes beat problem words.

tests/data/sentiment/crisis_talk.csv: 24 mentions written by hand for a fictional e-wallet
(NusaPay) in Indonesian, English and code-mixed text: sarcasm ("mantap, saldo kepotong dua
kali"), complaints said politely, complaints in capitals, the brand's own announcements of a
fix, and genuine praise as controls; ``label`` is what an analyst gives.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from analytics.sentiment.bulk import score_texts
from analytics.sentiment.crisis_talk import MAX_WORDS, adjust, signals, words_of

DATA = Path(__file__).parent / "data" / "sentiment"


def test_crisis_style_set_exact_labels() -> None:
    cases = pl.read_csv(DATA / "crisis_talk.csv")
    scores = score_texts(cases["text"].to_list(), brand_names=["NusaPay"], workers=1)
    got = scores["sentiment_label"].to_list()
    wrong = [
        (kind, text, want, have)
        for kind, text, want, have in zip(
            cases["kind"], cases["text"], cases["label"], got, strict=True
        )
        if want != have
    ]
    assert wrong == []
    assert set(cases["language"]) == {"id", "en", "mixed"}


def test_cues_negation_and_promises() -> None:
    assert signals("transfer gagal").complaint
    assert not signals("sudah tidak error lagi").complaint  # negated failure
    assert not signals("never failed me").complaint
    assert signals("belum teratasi").complaint  # a negated fix is a complaint
    assert signals("should be fixed soon").complaint  # a fix asked for is not a fix
    assert not signals("should be fixed soon").resolution
    assert signals("sudah teratasi").resolution
    assert signals("makasih ya").praise


def test_rule_directions_and_long_texts_untouched() -> None:
    assert adjust("mantap, saldo kepotong", 0.6) == -0.6  # sarcasm: the sign flips
    assert adjust("saldo kepotong", 0.0) == -0.3  # a neutral complaint is negative
    assert adjust("gangguan sudah teratasi", -0.5) == 0.5
    assert adjust("refund sudah dikembalikan", 0.0) == 0.3
    assert adjust("gagal tapi sudah teratasi", 0.2) == 0.2  # both: the scorer decides
    assert adjust("kopi enak", 0.4) == 0.4  # no cue
    review = " ".join(["enak"] * MAX_WORDS) + " tapi tidak bisa parkir"
    assert adjust(review, 0.8) == 0.8  # a review: praise and complaint about different things
    # 21-40 words: a complaint wins only against praise/politeness words
    middle = "makanan nya enak dan tempat nya nyaman sekali " * 3 + "tapi tidak bisa parkir"
    assert adjust(middle, 0.5) == 0.5
    assert adjust("makasih " + middle, 0.5) == -0.5


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Can't LOGIN, saldo_hilang!!", ["can't", "login", "saldo", "hilang"]),
        ("don\u2019t 'quoted' rock'n'roll", ["don't", "quoted", "rock'n", "roll"]),
        ("error-404... v2.0 #fail @bank", ["error", "404", "v2", "0", "fail", "bank"]),
        ("gagal 😡 lagi", ["gagal", "lagi"]),
        ("Ünïcode ÉCHEC ½", ["ünïcode", "échec", "½"]),
        ("", []),
    ],
)
def test_words_of(text: str, words: list[str]) -> None:
    # ASCII texts take a fast path, the rest the regex: both give these hand-listed words
    assert words_of(text) == words
