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
from analytics.sentiment.crisis_talk import MAX_WORDS, adjust, scan, signals, words_of

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


def test_scan_many_texts_at_once_keeps_each_text_apart() -> None:
    # hand-checked: cues, negators and "not yet" words never reach across two texts, words
    # beyond ASCII and apostrophes count as in words_of, odd characters change nothing
    texts = [
        "saldo masih belum",  # "belum" ends this text ...
        "masuk ke rekening",  # ... so "belum masuk" is no complaint here
        "the app still",
        "waiting is fine",  # "still waiting" spans two texts: no complaint
        "never",
        "failed to load",  # "never" is the text before: the failure counts
        "naïve café gagal 😡",  # 3 words; the failure counts
        "didn\u2019t arrive, thanks",  # curly apostrophe: "didn't arrive" + praise
        "should be",
        "fixed",  # "should be" is another text: a plain fix
        "",
        None,
        "sudah tidak error \x00 lagi",  # a NUL character: the text is read alone
        "rock'n'roll is not fixed",  # "not fixed": a negated fix is a complaint
    ]
    talk = scan(texts)
    assert talk.complaint.tolist() == [
        False, False, False, False, False, True, True, True, False, False, False, False,
        False, True,
    ]  # fmt: skip
    assert talk.resolution.tolist() == [False] * 9 + [True] + [False] * 4
    assert talk.praise.tolist() == [False] * 7 + [True] + [False] * 6
    assert talk.words.tolist() == [3, 3, 3, 3, 1, 3, 3, 3, 2, 1, 0, 0, 4, 5]
    # the same answers one text at a time
    assert [signals(text or "").words for text in texts] == talk.words.tolist()
    assert [signals(text or "").complaint for text in texts] == talk.complaint.tolist()


def test_adjust_many_scores_at_once() -> None:
    talk = scan(["mantap, saldo kepotong", "gangguan sudah teratasi", "kopi enak", None])
    assert talk.adjust([0.6, -0.5, 0.4, 0.2]) == [-0.6, 0.5, 0.4, 0.2]
