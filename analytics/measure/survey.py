"""Audience feedback: a survey CSV of free-text answers, summarised like the mentions.

The answers are scored with the same sentiment scorer as mentions (``analytics.sentiment``;
a ``scorer`` callable can replace it, e.g. in tests or with an analyst-trained model) and
described with the same term tools: the most used terms, and the terms that set negative
answers apart from the others (fightin' words, ``analytics.measure.terms``). Blank answers
are kept aside with their row number, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from analytics.errors import InputDataError, where
from analytics.load.side_files import read_csv_text
from analytics.measure.terms import count_terms, fightin_words
from analytics.sentiment import label_expression

Scorer = Callable[[list[str]], Sequence[float | None]]

# Column names a survey tool or an analyst typically gives the free-text answer.
ANSWER_NAMES = (
    "answer",
    "jawaban",
    "feedback",
    "masukan",
    "comment",
    "komentar",
    "text",
    "teks",
    "response",
    "saran",
    "pendapat",
    "open_answer",
)


@dataclass
class SurveySummary:
    """What the audience said: counts, sentiment, terms, examples."""

    answers: pl.DataFrame  # the survey rows with a text, plus sentiment_compound/label
    blank: pl.DataFrame  # source_row (spreadsheet row, header = 1), reason: no answer, kept aside
    text_column: str
    sentiment: dict  # responses, scored, positive/neutral/negative counts and shares, ...
    top_terms: pl.DataFrame  # term, kind, count
    negative_terms: pl.DataFrame  # terms that set negative answers apart (z >= 1.96)
    by_group: pl.DataFrame | None  # sentiment per value of ``group_by``
    most_negative: list[str]
    most_positive: list[str]


def read_survey(path: str | Path) -> pl.DataFrame:
    """Read a survey CSV as text columns (comma or semicolon), with a clear error."""
    path = Path(path)
    raw, separator = read_csv_text(path, what="survey", expected="a header and answers")
    try:
        return pl.read_csv(raw.encode(), separator=separator, infer_schema=False)
    except pl.exceptions.PolarsError as exc:
        raise InputDataError(f"{path}: not a readable CSV ({exc})") from exc


def find_text_column(survey: pl.DataFrame, source: object = "survey") -> str:
    """The free-text answer column: a known name, else the text column with the longest
    answers on average."""
    for name in survey.columns:
        if name.strip().lower() in ANSWER_NAMES:
            return name
    text_columns = [c for c, t in survey.schema.items() if t == pl.Utf8]
    if not text_columns:
        raise InputDataError(
            f"{where(source)}: no text column to summarise; found {survey.columns}. "
            "Pass text_column='<name of the free-text answer column>'"
        )
    lengths = survey.select(pl.col(text_columns).str.len_chars().mean()).row(0)
    return max(zip(lengths, text_columns, strict=True), key=lambda p: p[0] or 0)[1]


def _default_scorer(texts: list[str]) -> list[float | None]:
    from analytics.sentiment import score_texts

    return score_texts(texts).get_column("sentiment_compound").to_list()


def summarize_survey(
    source: str | Path | pl.DataFrame,
    *,
    text_column: str | None = None,
    scorer: Scorer | None = None,
    group_by: str | None = None,
    n_terms: int = 15,
    exclude: Sequence[str] = (),
    examples: int = 3,
) -> SurveySummary:
    """Summarise a survey's free-text answers with sentiment and terms.

    ``source`` is a CSV path or a frame. ``scorer`` maps a list of answers to VADER-scale
    compounds (-1..1, None for unscorable); by default the workbench's own scorer.
    ``group_by`` (e.g. "language" or a satisfaction score column) adds sentiment per group.
    """
    name = source if not isinstance(source, pl.DataFrame) else "survey frame"
    survey = read_survey(source) if not isinstance(source, pl.DataFrame) else source
    if survey.is_empty():
        raise InputDataError(f"{where(name)}: the survey has no rows")
    column = text_column or find_text_column(survey, name)
    for wanted in filter(None, (column, group_by)):
        if wanted not in survey.columns:
            raise InputDataError(
                f"{where(name, column=wanted)}: no such column; found {survey.columns}"
            )
    numbered = survey.with_row_index("source_row", offset=2)  # line 1 is the header
    answer = pl.col(column).cast(pl.Utf8).str.strip_chars()
    blank = numbered.filter(answer.fill_null("") == "").select(
        "source_row", pl.lit(f'empty answer in column "{column}"').alias("reason")
    )
    answers = numbered.filter(answer.fill_null("") != "")
    if answers.is_empty():
        raise InputDataError(f"{where(name, column=column)}: every answer is blank")
    texts = answers.get_column(column).cast(pl.Utf8).to_list()
    compounds = list((scorer or _default_scorer)(texts))
    if len(compounds) != len(texts):
        raise InputDataError(
            f"the scorer returned {len(compounds)} scores for {len(texts)} answers"
        )
    answers = answers.with_columns(
        pl.Series("sentiment_compound", compounds, dtype=pl.Float64)
    ).with_columns(label_expression(pl.col("sentiment_compound")).alias("sentiment_label"))
    return SurveySummary(
        answers=answers,
        blank=blank,
        text_column=column,
        sentiment=_sentiment(answers, blank.height),
        top_terms=count_terms(answers.get_column(column), exclude=exclude).head(n_terms),
        negative_terms=_negative_terms(answers, column, exclude, n_terms),
        by_group=_by_group(answers, group_by) if group_by else None,
        most_negative=answers.sort("sentiment_compound", nulls_last=True).get_column(column)
        .head(examples).to_list(),
        most_positive=answers.sort("sentiment_compound", descending=True, nulls_last=True)
        .get_column(column).head(examples).to_list(),
    )  # fmt: skip


def _sentiment(answers: pl.DataFrame, blank: int) -> dict:
    labels = answers.get_column("sentiment_label")
    scored = int(labels.is_not_null().sum())
    counts = {k: int((labels == k).sum()) for k in ("positive", "neutral", "negative")}
    pos, neg = counts["positive"], counts["negative"]
    return {
        "responses": answers.height + blank,
        "answered": answers.height,
        "blank": blank,
        "scored": scored,
        **counts,
        **{f"{k}_share": (v / scored if scored else None) for k, v in counts.items()},
        "net_sentiment": (pos - neg) / (pos + neg) if pos + neg else None,
        "mean_compound": answers.get_column("sentiment_compound").mean(),
    }


def _negative_terms(
    answers: pl.DataFrame, column: str, exclude: Sequence[str], n: int
) -> pl.DataFrame:
    negative = answers.filter(pl.col("sentiment_label") == "negative")
    others = answers.filter(pl.col("sentiment_label") != "negative")
    focus = count_terms(negative.get_column(column), exclude=exclude)
    baseline = count_terms(others.get_column(column), exclude=exclude)
    if focus.is_empty() or baseline.is_empty():
        # no negative answer, only negative ones, or no terms on one side: nothing to
        # contrast; same columns as fightin_words so the report's table stays valid
        return pl.DataFrame(schema={
            "term": pl.Utf8, "kind": pl.Utf8, "count_focus": pl.UInt32,
            "count_baseline": pl.UInt32, "rate_focus": pl.Float64, "rate_baseline": pl.Float64,
            "log_odds": pl.Float64, "z": pl.Float64,
        })  # fmt: skip
    return fightin_words(focus, baseline).filter(pl.col("z") >= 1.96).head(n)


def _by_group(answers: pl.DataFrame, group_by: str) -> pl.DataFrame:
    label = pl.col("sentiment_label")
    return (
        answers.group_by(group_by)
        .agg(
            pl.len().alias("answers"),
            (label == "positive").sum().alias("positive"),
            (label == "negative").sum().alias("negative"),
            pl.col("sentiment_compound").mean().alias("mean_compound"),
        )
        .with_columns((pl.col("negative") / pl.col("answers")).alias("negative_share"))
        .sort(group_by)
    )
