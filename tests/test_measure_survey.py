"""Survey summary with a stand-in scorer, so the figures can be worked out by hand."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.measure.survey import summarize_survey

DATA = Path(__file__).parent / "data" / "measure"


def fake_scorer(texts: list[str]) -> list[float]:
    """-0.6 for kecewa/lambat, +0.7 for puas/bagus, 0 otherwise."""
    out = []
    for text in texts:
        lowered = text.lower()
        if "kecewa" in lowered or "lambat" in lowered:
            out.append(-0.6)
        elif "puas" in lowered or "bagus" in lowered:
            out.append(0.7)
        else:
            out.append(0.0)
    return out


def test_counts_shares_terms_and_blank_rows():
    summary = summarize_survey(DATA / "survey.csv", scorer=fake_scorer, group_by="language")
    assert summary.text_column == "answer"  # found by name
    s = summary.sentiment
    # R1, R2 negative; R3, R6 positive; R4 neutral; R5 blank (line 6 of the file)
    assert (s["responses"], s["answered"], s["blank"]) == (6, 5, 1)
    assert (s["positive"], s["neutral"], s["negative"]) == (2, 1, 2)
    assert s["negative_share"] == pytest.approx(0.4) and s["net_sentiment"] == 0.0
    assert s["mean_compound"] == pytest.approx((-0.6 - 0.6 + 0.7 + 0.0 + 0.7) / 5)
    assert summary.blank.get_column("source_row").to_list() == [6]
    # kecewa (R1, R2) and bagus (R3, R6) are the only terms used by two answers
    top = summary.top_terms.head(2)
    assert set(top.get_column("term")) == {"kecewa", "bagus"}
    assert top.get_column("count").to_list() == [2, 2]
    by_language = {r["language"]: r for r in summary.by_group.to_dicts()}
    assert (by_language["id"]["answers"], by_language["id"]["negative"]) == (3, 2)
    assert (by_language["en"]["answers"], by_language["en"]["negative"]) == (2, 0)
    assert summary.most_negative[0] in {
        "Sangat kecewa refund lambat",
        "Kecewa aplikasi error terus",
    }
    assert summary.most_positive[0] in {"Puas layanan cepat bagus", "Good app bagus"}


def test_frame_input_and_longest_text_column_is_found():
    frame = pl.DataFrame({"code": ["a", "b"], "isian": ["pelayanan lambat sekali", "bagus"]})
    summary = summarize_survey(frame, scorer=fake_scorer)
    assert summary.text_column == "isian"  # not a known name: the longer text column
    assert summary.sentiment["negative"] == 1


def test_clear_errors():
    with pytest.raises(InputDataError, match=r'survey_no_text.csv, column "missing": no such'):
        summarize_survey(DATA / "survey_no_text.csv", scorer=fake_scorer, text_column="missing")
    with pytest.raises(InputDataError, match="no text column to summarise"):
        summarize_survey(pl.DataFrame({"score": [1, 2]}), scorer=fake_scorer)
    with pytest.raises(InputDataError, match="not found"):
        summarize_survey(DATA / "nope.csv", scorer=fake_scorer)
    with pytest.raises(InputDataError, match="every answer is blank"):
        summarize_survey(pl.DataFrame({"answer": ["", "  "]}), scorer=fake_scorer)


def test_sample_survey_with_the_workbench_scorer():
    # data/sample/survey.csv: the generator writes negative answers with satisfaction 1-2
    # and positive ones with 4-5 (analytics/sample/extras.py); the real scorer should agree
    # with that split for most answers, and every row must keep its own score
    sample = Path(__file__).parent.parent / "data" / "sample" / "survey.csv"
    summary = summarize_survey(sample, group_by="satisfaction")
    assert summary.text_column == "answer"
    assert summary.sentiment["responses"] == summary.answers.height == 120
    groups = summary.by_group.with_columns(pl.col("satisfaction").cast(pl.Int64))
    low = groups.filter(pl.col("satisfaction") <= 2)
    high = groups.filter(pl.col("satisfaction") >= 4)
    assert low.get_column("negative").sum() / low.get_column("answers").sum() >= 0.7
    assert high.get_column("negative").sum() / high.get_column("answers").sum() <= 0.1


def test_negative_terms_keep_their_columns_when_there_is_nothing_to_contrast():
    # the review's table reads term, kind, count_focus, count_baseline, z: a survey with no
    # negative answer (or only negative ones, or no terms on one side) crashed the report
    wanted = {"term", "kind", "count_focus", "count_baseline", "z"}
    no_negative = pl.DataFrame({"answer": ["bagus sekali", "puas", "biasa saja"]})
    only_negative = pl.DataFrame({"answer": ["kecewa berat", "lambat sekali"]})
    # fake_scorer: "kecewa" is negative, the others are not; excluding every other word
    # leaves the non-negative side without a single term
    no_terms_left = pl.DataFrame({"answer": ["kecewa", "bagus"]})
    for frame, exclude in ((no_negative, ()), (only_negative, ()), (no_terms_left, ["bagus"])):
        terms = summarize_survey(frame, scorer=fake_scorer, exclude=exclude).negative_terms
        assert terms.is_empty()
        assert wanted <= set(terms.columns)
