"""How far to trust the sentiment in a report: our labels against reference labels.

Two references are used when present:

* the **export's own labels** (``source_sentiment``: Brandwatch "negative", Talkwalker
  "-2", Brand24 "Not Rated"...), normalised to positive / neutral / negative; rows the tool
  did not rate are left out, not counted as neutral;
* **analyst labels** (a CSV with ``mention_id`` and ``label``, e.g. the sample's
  ``labels.csv``), the better yardstick since tools' labels are themselves ~60-70% right.

The report shows accuracy, macro-F1 and the confusion matrix, so a manager reads the
sentiment charts with the right amount of salt.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from analytics.errors import InputDataError
from analytics.schema import SENTIMENT_LABELS


def normalise_label(value: str | None) -> str | None:
    """A tool's sentiment label as positive / neutral / negative, or None when not rated.

    Delegates to the sentiment stage's reading of tools' labels (words in any case,
    "Not Rated"/"Unknown" as unrated, signed numbers by their sign), so the report and the
    scorer evaluation agree on what a tool's label means.
    """
    from analytics.sentiment.labels import source_sentiment_label

    return source_sentiment_label(value)


def confusion(reference: pl.Series, predicted: pl.Series) -> pl.DataFrame:
    """Confusion matrix: one row per reference label, one column per predicted label.

    Pairs where either side is null are left out.
    """
    pairs = pl.DataFrame({"reference": reference, "predicted": predicted}).drop_nulls()
    rows = []
    for ref in SENTIMENT_LABELS:
        chosen = pairs.filter(pl.col("reference") == ref).get_column("predicted")
        rows.append({"reference": ref, **{p: int((chosen == p).sum()) for p in SENTIMENT_LABELS}})
    return pl.DataFrame(
        rows, schema={"reference": pl.Utf8, **dict.fromkeys(SENTIMENT_LABELS, pl.Int64)}
    )


def scores(matrix: pl.DataFrame) -> dict[str, float | int | None]:
    """n, accuracy and macro-F1 of a confusion matrix (None when it is empty)."""
    total = sum(int(matrix.get_column(p).sum()) for p in SENTIMENT_LABELS)
    if total == 0:
        return {"n": 0, "accuracy": None, "macro_f1": None}
    cells = {(r["reference"], p): r[p] for r in matrix.iter_rows(named=True)
             for p in SENTIMENT_LABELS}  # fmt: skip
    correct = sum(cells[(label, label)] for label in SENTIMENT_LABELS)
    f1s = []
    for label in SENTIMENT_LABELS:
        tp = cells[(label, label)]
        predicted = sum(cells[(ref, label)] for ref in SENTIMENT_LABELS)
        actual = sum(cells[(label, p)] for p in SENTIMENT_LABELS)
        if predicted + actual == 0:
            continue  # label absent on both sides: it says nothing
        f1s.append(2 * tp / (predicted + actual))
    return {"n": total, "accuracy": correct / total, "macro_f1": sum(f1s) / len(f1s)}


def against_source_labels(mentions: pl.DataFrame) -> pl.DataFrame:
    """Confusion matrix of our labels against the export's own (normalised) labels."""
    reference = mentions.get_column("source_sentiment").map_elements(
        normalise_label, return_dtype=pl.Utf8
    )
    return confusion(reference, mentions.get_column("sentiment_label"))


def read_labels(path: str | Path) -> pl.DataFrame:
    """Analyst labels: a CSV with ``mention_id`` and ``label`` (optionally ``platform``)."""
    from analytics.sentiment.labels import normalize_label

    path = Path(path)
    if not path.is_file():
        raise InputDataError(f"{path}: labels file not found")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        for needed in ("mention_id", "label"):
            if needed not in header:
                raise InputDataError(
                    f'{path}: no column "{needed}" (found {header}); expected mention_id,label'
                )
        rows = []
        for number, record in enumerate(reader, start=2):
            label = normalize_label(record["label"])
            if label is None:
                raise InputDataError(
                    f'{path}, row {number}, column "label": {record["label"]!r} is not '
                    "positive, neutral or negative"
                )
            rows.append({"mention_id": record["mention_id"].strip(), "label": label})
    return pl.DataFrame(rows, schema={"mention_id": pl.Utf8, "label": pl.Utf8})


def against_labels(mentions: pl.DataFrame, labels: pl.DataFrame) -> pl.DataFrame:
    """Confusion matrix of our labels against analyst labels, matched on ``mention_id``."""
    joined = labels.join(
        mentions.select("mention_id", "sentiment_label").unique("mention_id"),
        on="mention_id",
        how="inner",
    )
    return confusion(joined.get_column("label"), joined.get_column("sentiment_label"))
