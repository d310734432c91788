"""``crisis-analytics demo`` end to end on the bundled sample (data/sample): ingest, score,
both reports, index, written in Bahasa Indonesia (``--lang id``; the English reports are
rendered by tests/test_notebooks.py). Slow (a few minutes on a busy 2-core machine)."""

import json
import re
from pathlib import Path

import pytest

from analytics.errors import InputDataError
from analytics.report.demo import read_sample_manifest, run_demo

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def test_sample_manifest_is_checked(tmp_path):
    with pytest.raises(InputDataError, match="sample.json: not found"):
        read_sample_manifest(tmp_path)
    (tmp_path / "sample.json").write_text(
        json.dumps(
            {
                "brand": "B",
                "files": [{"path": "x"}],
                "review_period": {},
                "weekly_report_week": "2026-W43",
            }
        )
    )
    with pytest.raises(InputDataError, match='files entry 1 needs "path" and "brand"'):
        read_sample_manifest(tmp_path)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo run once for the module, in Indonesian: (folder, [weekly, review])."""
    root = tmp_path_factory.mktemp("demo")
    return root, run_demo(sample=SAMPLE, store=root / "store", out=root / "reports", lang="id")


@pytest.mark.slow
def test_demo_writes_both_reports_from_the_sample(demo):
    tmp_path, results = demo
    manifest = read_sample_manifest(SAMPLE)
    weekly, review = results
    brand = manifest["brand"]
    # not the default language: the language is part of the folder name
    week = f"{manifest['weekly_report_week']}.id"
    assert weekly.html_path == tmp_path / "reports" / brand / "weekly" / week / "report.html"
    period = manifest["review_period"]
    assert review.html_path.parent.name == f"{period['start']}_{period['end']}.id"
    for result in results:
        assert result.chart_count >= 5
        # plotly.js's cartesian bundle (1.5 MB) once + the report: light enough for e-mail
        assert result.size_bytes <= 2_500_000
    page = review.html_path.read_text(encoding="utf-8")
    # the sample's events, notes, claims, survey and labels all reached the review
    assert "pernyataan awal" in page and "liputan media" in page  # holding statement, media
    assert "What we would do differently" in page  # a heading of data/sample/notes.md
    assert "NusaPay bangkrut" in page
    assert "Umpan balik audiens" in page and "Dibanding label analis (labels.csv)" in page
    assert '<html lang="id">' in page
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert index.count("report.html") == 2
    # the store holds the brand and its competitor (from the manifest), every mention scored
    from analytics.store import Store

    store = Store(tmp_path / "store")
    assert store.brands() == sorted([brand, *manifest["competitors"]])
    assert store.unscored().collect().height == 0


@pytest.mark.slow
@pytest.mark.browser
def test_demo_reports_fit_a_laptop_and_a_phone(demo):
    """The demo's review is the long report: at 390 px it must stay under the bound, with
    no number wrapped, no chart label on another and nothing wider than the screen."""
    from analytics.report.browser import check_report

    artifacts = Path(__file__).parent / "artifacts"
    tmp_path, (weekly, review) = demo
    heights = {}
    for name, result in (("weekly", weekly), ("review", review)):
        for width in (1400, 390):
            check = check_report(result.html_path, width=width, height=900,
                                 screenshot=artifacts / f"demo_{name}_{width}.png")  # fmt: skip
            assert check.ok, (name, width)
            assert check.size_bytes <= 2_500_000
            assert check.wrapped_numbers == [], (name, width)
            assert check.overlapping_labels == [], (name, width)
            assert check.too_wide == [] and check.page_width <= width, (name, width)
            heights[name, width] = check.page_height
            if width == 390:
                assert check.page_height < 12_000, (name, check.page_height)
    # the method appendix is one closed line on the page; opened, its charts (drawn while
    # hidden) fit the phone's screen too
    page = review.html_path.read_text(encoding="utf-8")
    assert page.count('<details class="section-details">') == 1
    opened = check_report(review.html_path, width=390, height=900, open_details=True,
                          screenshot=artifacts / "demo_review_390_opened.png")  # fmt: skip
    assert opened.too_wide == [] and opened.page_width <= 390, opened.too_wide
    assert opened.page_height > heights["review", 390] + 500  # the appendix is there to open
    index = check_report(tmp_path / "reports" / "index.html", width=390, height=900,
                         screenshot=artifacts / "demo_index_390.png")  # fmt: skip
    assert index.page_width <= 390 and index.too_wide == []


# words: letters only (no digits, no underscores), placeholders of the templates left out
_WORD = re.compile(r"[^\W\d_]+")


def _words(texts) -> set[str]:
    return {w.lower() for text in texts for w in _WORD.findall(re.sub(r"\{[^{}]*\}", " ", text))}


def english_only_words() -> set[str]:
    """The words of the English catalogue that the Indonesian catalogue does not use too
    (loanwords and names such as "platform", "emoji", "PageRank" are in both). Only
    Indonesian texts that differ from their English, or are declared loanwords, count: a
    text merely copied from English exempts nothing."""
    from analytics.report.lang import Lang
    from analytics.report.messages import catalogue
    from analytics.report.words_id import SAME_AS_ENGLISH

    english, indonesian = catalogue(Lang.EN), catalogue(Lang.ID)
    translated = [text for code, text in indonesian.items()
                  if text != english.get(code) or code in SAME_AS_ENGLISH]  # fmt: skip
    return _words(english.values()) - _words(translated)


def english_words_in(text: str) -> dict[str, str]:
    """Each English-only catalogue word found in ``text``, with the line it is on."""
    english = english_only_words()
    found: dict[str, str] = {}
    for line in text.splitlines():
        for word in _WORD.findall(line):
            if word.lower() in english:
                found.setdefault(word.lower(), line.strip()[:160])
    return found


def test_the_english_word_check_finds_one_english_sentence():
    """The check below must fail on a single sentence left in English."""
    from analytics.report.lang import Lang
    from analytics.report.messages import catalogue

    indonesian = "\n".join(re.sub(r"\{[^{}]*\}", " ", text) for text in catalogue(Lang.ID).values())
    assert english_words_in(indonesian) == {}
    left = english_words_in(indonesian + "\nThe crisis detector raised no warning this week.")
    assert {"detector", "raised", "warning", "week"} <= set(left)
    assert english_words_in("Sebutan per hari\nPorsi negatif 76,5%") == {}


@pytest.mark.slow
@pytest.mark.browser
def test_indonesian_demo_reports_show_no_english_word(demo):
    """Both Indonesian reports and the index, read from the DOM as a reader sees them
    (charts' titles, axes, legends and keys included; posts, authors, file names and the
    team's notes, marked translate="no", left out): no word of the English catalogue."""
    from analytics.report.browser import check_report

    tmp_path, results = demo
    for page in [r.html_path for r in results] + [tmp_path / "reports" / "index.html"]:
        check = check_report(page, width=1400, height=900)
        assert len(check.words_text) > 200, page  # the charts and the text were read
        assert english_words_in(check.words_text) == {}, page
        if page.name == "report.html":  # shares with a decimal comma: "79,4%"
            assert re.search(r"\b\d+,\d%", check.words_text), page
