"""Reading the files the sentiment commands work on: labelled sets and tables to score.

CSV, TSV and Parquet. A TSV (or CSV) without a header whose second column holds sentiment
labels, like the SmSA files (``text<TAB>label``), is detected and read as text, label.
Labelled rows that cannot be used (empty text, a label that is not positive/neutral/
negative) are kept aside with the reason and counted, never silently dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from analytics.errors import InputDataError, where
from analytics.load.read import sniff_delimiter
from analytics.schema import REJECTED_SCHEMA, SENTIMENT_LABELS
from analytics.sentiment.labels import normalize_label

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".parquet")


@dataclass
class Table:
    """A file read as text columns; ``header`` is False for a headerless text/label file."""

    frame: pl.DataFrame
    path: Path
    header: bool


@dataclass
class Labelled:
    """Usable (text, label) pairs, their 1-based data-row numbers, and the rows set aside."""

    texts: list[str]
    labels: list[str]
    rows: list[int]
    source: str
    rejected: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=REJECTED_SCHEMA))
    note: str = ""

    def counts(self) -> dict[str, int]:
        """How many usable rows each label has."""
        return {label: self.labels.count(label) for label in SENTIMENT_LABELS}


def _separator(path: Path) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    with path.open(encoding="utf-8", errors="replace") as handle:
        # Excel with Indonesian regional settings saves "CSV" with semicolons
        return sniff_delimiter(handle.readline())


def read_table(path: Path | str, *, keep_types: bool = False) -> Table:
    """Read CSV/TSV/Parquet with every column as text; headerless label files detected.

    ``keep_types`` keeps a Parquet file's own column types (for writing scores beside them).
    """
    path = Path(path)
    if not path.is_file():
        raise InputDataError(f"{path}: file not found; expected a CSV, TSV or Parquet file")
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise InputDataError(
            f"{path}: unsupported file type {path.suffix!r}; expected one of "
            f"{', '.join(TABLE_SUFFIXES)}"
        )
    try:
        if path.suffix.lower() == ".parquet":
            frame = pl.read_parquet(path)
            if not keep_types:
                frame = frame.with_columns(pl.all().cast(pl.Utf8))
            return Table(frame, path, True)
        separator = _separator(path)
        # TSV label files (SmSA) contain stray quote characters inside texts: no quoting
        quote = None if separator == "\t" else '"'
        with path.open(encoding="utf-8-sig", errors="strict") as handle:
            first = handle.readline().rstrip("\r\n").split(separator)
        header = not (len(first) == 2 and normalize_label(first[1].strip('"')) is not None)
        frame = pl.read_csv(
            path,
            separator=separator,
            has_header=header,
            quote_char=quote,
            infer_schema=False,
            encoding="utf8-lossy",
        )
        if not header:
            frame = frame.rename(dict(zip(frame.columns, ["text", "label"], strict=True)))
        return Table(frame, path, header)
    except UnicodeDecodeError as error:
        raise InputDataError(f"{path}: not UTF-8 text ({error.reason}); save it as UTF-8") from None
    except (pl.exceptions.PolarsError, OSError) as error:
        # polars appends tuning advice (infer_schema_length, ...) meant for programmers:
        # keep only the cause it names
        cause = str(error).split("Original error:")[-1].strip().strip("`").strip()
        raise InputDataError(f"{path}: could not be read as a table ({cause})") from None


def require_column(table_columns: list[str], column: str, source: object) -> None:
    """Raise a clear error when ``column`` is missing, listing the columns that exist."""
    if column not in table_columns:
        raise InputDataError(
            f"{where(source, column=column)}: no such column; the file has "
            f"{', '.join(repr(c) for c in table_columns) or 'no columns'}"
        )


def labelled_from_frame(
    frame: object, *, text_column: str = "text", label_column: str = "label", source: str = "frame"
) -> Labelled:
    """Usable (text, label) rows of a polars or pandas frame; unusable rows set aside."""
    if not isinstance(frame, pl.DataFrame):
        frame = pl.from_pandas(frame)  # type: ignore[arg-type]
    require_column(frame.columns, text_column, source)
    require_column(frame.columns, label_column, source)
    texts = frame.get_column(text_column).cast(pl.Utf8).to_list()
    raw_labels = frame.get_column(label_column).cast(pl.Utf8).to_list()
    kept_texts: list[str] = []
    kept_labels: list[str] = []
    rows: list[int] = []
    rejected: list[dict[str, object]] = []
    for number, (text, raw) in enumerate(zip(texts, raw_labels, strict=True), start=1):
        label = normalize_label(raw)
        if text is None or not text.strip():
            reason = f'column "{text_column}" is empty; a labelled row needs its text'
        elif label is None:
            reason = (
                f'column "{label_column}" has {raw!r}; expected positive, neutral or negative '
                "(or pos/neu/neg, 1/0/-1)"
            )
        else:
            kept_texts.append(text)
            kept_labels.append(label)
            rows.append(number)
            continue
        raw_record = json.dumps({text_column: text, label_column: raw}, ensure_ascii=False)
        rejected.append(
            {"source_file": source, "source_row": number, "reason": reason, "raw": raw_record}
        )
    return Labelled(
        kept_texts,
        kept_labels,
        rows,
        source,
        pl.DataFrame(rejected, schema=REJECTED_SCHEMA, orient="row")
        if rejected
        else pl.DataFrame(schema=REJECTED_SCHEMA),
    )


def read_labelled(
    path: Path | str, *, text_column: str = "text", label_column: str = "label"
) -> Labelled:
    """Read a labelled file (CSV/TSV/Parquet, or headerless text<TAB>label)."""
    table = read_table(path)
    note = ""
    if not table.header:
        text_column, label_column = "text", "label"
        note = "no header: first column read as text, second as label"
    labelled = labelled_from_frame(
        table.frame, text_column=text_column, label_column=label_column, source=table.path.name
    )
    labelled.note = note
    if not labelled.texts and not labelled.rejected.height:
        raise InputDataError(
            f"{table.path}: no labelled rows (only a header); expected one row per mention "
            f'with its text in "{text_column}" and its label in "{label_column}"'
        )
    if not labelled.texts:
        raise InputDataError(
            f"{table.path}: no usable labelled rows ({labelled.rejected.height} set aside; "
            f"first reason: {labelled.rejected['reason'][0] if labelled.rejected.height else '-'})"
        )
    return labelled
