"""Language id on short Indonesian, English and code-mixed posts; export languages respected."""

from __future__ import annotations

import pytest

from analytics.sentiment import language, score_texts
from analytics.sentiment.language import detect_language, is_code_mixed, normalize_language


@pytest.mark.parametrize(
    "text",
    [
        "saya kecewa banget",
        "pelayanannya lambat sekali",
        "kok gak bisa login sih",
        "udah nunggu 2 jam belum datang",
        "mantap, makasih kak",
    ],
)
def test_short_indonesian(text: str) -> None:
    guess = detect_language(text)
    assert guess.language == "id"
    assert not guess.mixed


@pytest.mark.parametrize(
    "text",
    [
        "worst service ever",
        "my flight was cancelled again",
        "thank you for the quick reply",
        "is the app down?",
        "@airline where is my bag https://t.co/x",
    ],
)
def test_short_english(text: str) -> None:
    guess = detect_language(text)
    assert guess.language == "en"
    assert not guess.mixed


@pytest.mark.parametrize(
    "text",
    [
        "pelayanan gak good sih",
        "so disappointed sama pelayanannya",
        "kecewa banget, worst experience ever",
        "delivery nya lama banget and the food was cold",
    ],
)
def test_code_mixed(text: str) -> None:
    guess = detect_language(text)
    assert guess.mixed
    assert guess.language in ("id", "en")


def test_no_words_is_other() -> None:
    assert detect_language("😡😡😡").language == "other"
    assert detect_language("").language == "other"


def test_other_language() -> None:
    assert detect_language("Das ist ein sehr schlechter Kundendienst, wirklich").language == "other"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Indonesian", "id"),
        ("in", "id"),
        ("ID", "id"),
        ("ms", "id"),
        ("en-US", "en"),
        ("English", "en"),
        ("fr", "other"),
        ("Unknown", None),
        ("", None),
        (None, None),
    ],
)
def test_export_language_names(value: str | None, expected: str | None) -> None:
    assert normalize_language(value) == expected


def test_language_given_by_export_is_respected() -> None:
    # an English-looking post that the export says is Indonesian stays Indonesian
    scores = score_texts(
        ["good morning all", "good morning all"], languages=["in", None], workers=1
    )
    assert scores.get_column("language").to_list() == ["id", "en"]


@pytest.mark.parametrize(
    "text",
    ["pelayanan gak good sih", "so disappointed sama pelayanannya", "great crew", "😡", ""],
)
def test_is_code_mixed_is_detect_languages_answer(text: str) -> None:
    assert is_code_mixed(text) == detect_language(text).mixed


def test_a_given_language_needs_no_statistical_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # the export's language stands, so only code-mixing is asked: py3langid never runs
    def refuse(text: str) -> tuple[str, float]:
        raise AssertionError(f"statistical model asked about {text!r}")

    monkeypatch.setattr(language, "statistical_language", refuse)
    scores = score_texts(
        ["pelayanan gak good sih", "kopi", "good morning all"],
        languages=["id", "en", "fr"],
        workers=1,
    )
    assert scores.get_column("sentiment_method").to_list() == [
        "mixed",
        "vader-social",
        "vader-social",
    ]
    assert scores.get_column("language").to_list() == ["id", "en", "other"]
