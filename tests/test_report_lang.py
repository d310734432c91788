"""Reports in Bahasa Indonesia and English: the message catalogues and the numbers and dates
written for each language (expected strings written by hand from CLDR's conventions: "."
groups thousands and "," marks decimals in Indonesian)."""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.report import lang as L
from analytics.report import messages, words
from analytics.report.blocks import Kpi, format_delta, format_value, kpi_cards, table
from analytics.report.lang import Lang, language, parse_lang


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    L.use_lang("en")


def test_every_english_message_code_has_an_indonesian_text():
    english, indonesian = messages.catalogue(Lang.EN), messages.catalogue(Lang.ID)
    missing = sorted(set(english) - set(indonesian))
    assert not missing, f"codes without an Indonesian text: {missing}"
    assert not sorted(set(indonesian) - set(english)), "Indonesian codes English lacks"
    assert all(text.strip() or code.startswith("verb.") for code, text in indonesian.items())


def test_a_text_equal_to_its_english_is_a_declared_loanword():
    """An Indonesian text that is the English text itself is a translation left undone,
    unless the table declares it a loanword (words_id.SAME_AS_ENGLISH)."""
    from analytics.report.words_id import SAME_AS_ENGLISH

    english, indonesian = messages.catalogue(Lang.EN), messages.catalogue(Lang.ID)
    same = {code for code, text in english.items() if indonesian.get(code) == text}
    assert same - SAME_AS_ENGLISH == set(), "Indonesian texts still in English"
    assert same >= SAME_AS_ENGLISH, "declared loanwords that are translated after all"


def test_both_languages_fill_the_same_placeholders():
    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    english, indonesian = messages.catalogue(Lang.EN), messages.catalogue(Lang.ID)
    unknown = {
        code: fields(indonesian[code]) - fields(text)
        for code, text in english.items()
        if fields(indonesian[code]) - fields(text)
    }
    assert not unknown, f"Indonesian placeholders English does not fill: {unknown}"


@pytest.mark.parametrize(
    ("value", "en", "id_"),
    [
        (1_300_000_000, "1.3 billion", "1,3 miliar"),
        (1_331_939_328, "1.33 billion", "1,33 miliar"),
        (12_400_000, "12.4 million", "12,4 juta"),
        (999_999, "999,999", "999.999"),
        (12345, "12,345", "12.345"),
    ],
)
def test_large_and_grouped_numbers(value, en, id_):
    with language("en"):
        assert format_value(value) == en
    with language("id"):
        assert format_value(value) == id_


def test_shares_hours_scores_and_changes_in_indonesian():
    with language("id"):
        assert format_value(0.765, "%") == "76,5%"
        assert format_value(3.5, "h") == "3,5 jam"
        assert format_value(0.25, "score") == "+0,25"
        assert format_value(None) == "t/a"
        assert format_delta(-0.27, "%") == "-27,0 poin"
        assert format_delta(1_262_141_124) == "+1,26 miliar"
        assert format_delta(1500) == "+1.500"
        assert words.duration(50) == "2,1 hari"
    with language("en"):
        assert format_value(0.765, "%") == "76.5%" and format_delta(-0.27, "%") == "-27.0 pp"
        assert words.duration(50) == "2.1 days" and format_value(None) == "n/a"


def test_dates_and_times_in_each_language():
    moment = datetime(2026, 10, 21, 7, 5, tzinfo=UTC)  # 14:05 in Jakarta
    with language("id"):
        assert L.day(date(2026, 10, 21)) == "21 Okt 2026"
        assert L.moment(moment, "Asia/Jakarta") == "21 Okt 2026 14.05 WIB"
        assert words.fill("{x:when}", {"x": moment}, "Asia/Jakarta") == "21 Okt 14.05 WIB"
    with language("en"):
        assert L.day(date(2026, 10, 21)) == "21 Oct 2026"
        assert words.fill("{x:when}", {"x": moment}, "Asia/Jakarta") == "21 Oct 14:05 WIB"


def test_python_number_specs_follow_the_language():
    with language("id"):
        assert words.fill("{a:.2f} {b:+.0%} {c}", {"a": 0.256, "b": 0.12, "c": 4321}) == (
            "0,26 +12% 4.321"
        )
    with language("en"):
        assert words.fill("{a:.2f} {b:+.0%} {c}", {"a": 0.256, "b": 0.12, "c": 4321}) == (
            "0.26 +12% 4,321"
        )


def test_cards_and_tables_in_indonesian():
    with language("id"):
        cards = kpi_cards([Kpi("Jangkauan", 1_300_000_000), Kpi("Porsi", 0.62, unit="%")])
        frame = pl.DataFrame({"reach": [15_500_000], "on": [True], "text": ["the post"]})
        page = table(frame, max_rows=1)
        empty = table(frame.clear())
    assert ">1,3 miliar<" in cards and ">62,0%<" in cards
    assert ">15.500.000<" in page and ">ya<" in page
    assert '<td class="word" translate="no">the post</td>' in page  # data is not translated
    assert "Tidak ada baris." in empty


def test_finding_sentences_in_indonesian():
    from analytics.measure.lessons import Finding, FindingCode

    finding = Finding(
        topic="response speed",
        severity="warning",
        code=FindingCode.FIRST_RESPONSE_UNTYPED,
        values={"hours": 30.0, "target_hours": 1.0},
    )
    with language("id"):
        said = messages.finding_text(finding)
    assert said == (
        "Tanggapan pertama dalam data muncul 30 jam setelah awal krisis (target: dalam 1 jam)."
    )


def test_an_unknown_language_is_a_one_line_error():
    assert parse_lang(" ID ") is Lang.ID
    with pytest.raises(InputDataError, match=r"language 'fr': expected one of en, id"):
        parse_lang("fr")
    with pytest.raises(KeyError):
        words.t("no.such.code")


def test_the_lang_option_reaches_the_notebooks():
    """Each report command takes --lang and each notebook a documented ``lang`` parameter."""
    import json

    from analytics.report.jobs import NOTEBOOKS

    for name in ("weekly_reputation.ipynb", "crisis_review.ipynb"):
        cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
        parameters = "".join(cells[1]["source"])
        assert re.search(r'^lang: str = "en"  # lang: ', parameters, re.MULTILINE)


def test_an_unknown_lang_option_is_refused_before_anything_runs(tmp_path):
    from in_process_cli import cli

    said = cli("report", "weekly", "--brand", "Nobody", "--store", str(tmp_path / "none"),
               "--out", str(tmp_path / "out"), "--lang", "fr")  # fmt: skip
    assert said.returncode != 0
    assert "language 'fr': expected one of en, id" in said.stderr
    assert "Traceback" not in said.stderr


def test_plotly_gets_the_language_from_cldr():
    """Charts: month names, the axis' day-month order and separators come from CLDR."""
    from analytics.report.html import plotly_locale

    assert plotly_locale(Lang.EN) == ""  # plotly.js carries English itself
    script = plotly_locale(Lang.ID)
    assert script.startswith("Plotly.register(") and '"name": "id"' in script
    assert '"Okt"' in script and '"Mei"' in script and '"Agustus"' in script
    assert '"dayMonth": "%-d %b"' in script and '"decimal": ","' in script
    assert '"thousands": "."' in script and '"Reset axes": "Atur ulang sumbu"' in script
