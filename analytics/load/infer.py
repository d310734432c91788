"""Column inference: a mapping for a file no vendor layout fits, from its header and values.

Each canonical field takes the first column whose normalised name is one of its
candidates (:mod:`analytics.load.columns`) **and** whose sampled values pass the field's
check; the time layout comes from the values (:mod:`analytics.load.timeinfer`). Only the
first :data:`SAMPLE_ROWS` records are looked at (the first bytes of a delimited file), so
inference costs the same for a file of a thousand rows or of millions. The result is an
:class:`Inference`: a :class:`~analytics.load.mapping.Mapping` for the generic loader, the
reason for each choice, and, when the file cannot be loaded without the user's word, the
refusal (no time column, no text or url column, day/month order unknown).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from analytics.load import clean, read, sheets, timeinfer, vocab
from analytics.load.columns import CANDIDATES, PLATFORM_HINTS, Check, FieldNames, norm
from analytics.load.detect import HEAD_BYTES, Opened
from analytics.load.mapping import Mapping
from analytics.load.read import ROW, HeaderCandidate

SAMPLE_ROWS = 2000
_ENOUGH = 0.9
_KNOWN_NAMES = {n for entry in CANDIDATES for n in entry.names}


@dataclass
class Choice:
    """One field's column and why (or why a named candidate was passed over)."""

    field: str
    column: str
    why: str


@dataclass
class Inference:
    """What inference decided for one file."""

    file: str
    header_line: int
    sheet: str | None
    delimiter: str | None
    encoding: str | None
    sampled: int
    choices: list[Choice] = field(default_factory=list)
    passed_over: list[str] = field(default_factory=list)
    time_formats: list[str] = field(default_factory=list)
    constants: dict[str, str] = field(default_factory=dict)
    refusal: str | None = None  # why the file cannot be loaded as inferred (no file name)
    ambiguous: timeinfer.Ambiguous | None = None

    @property
    def columns(self) -> dict[str, str]:
        return {c.field: c.column for c in self.choices}

    def mapping(self) -> Mapping:
        """The inferred mapping, as the generic loader takes it."""
        return Mapping(
            path=Path(f"{self.file} (inferred)"),
            columns={f: [c] for f, c in self.columns.items()},
            time_formats=list(self.time_formats),
            constants=dict(self.constants),
            delimiter=self.delimiter,
            encoding=self.encoding,
            sheet=self.sheet,
            header_line=self.header_line,
        )

    def lines(self) -> list[str]:
        """The mapping and the reasons, one line each, as ingest prints them."""
        out = [f'{c.field} <- "{c.column}": {c.why}' for c in self.choices]
        out += [f"{name} = {value!r} (constant): {why}" for name, (value, why) in self._const()]
        out += [f"not used: {p}" for p in self.passed_over]
        return out

    def _const(self) -> list[tuple[str, tuple[str, str]]]:
        return [(k, (v, self.constant_reasons.get(k, ""))) for k, v in self.constants.items()]

    constant_reasons: dict[str, str] = field(default_factory=dict)

    def to_toml(self) -> str:
        """An editable mapping file (the generic loader's format, docs/loading.md)."""
        q = json.dumps  # a JSON string is a valid TOML basic string
        out = [
            f"# Mapping inferred from {self.file} by crisis-analytics ({self.sampled} rows",
            "# sampled). Check it, edit it, then: crisis-analytics ingest FILE --mapping THIS",
            "",
            "[columns]",
        ]
        out += [f"{c.field} = {q(c.column)}  # {c.why}" for c in self.choices]
        out += ["", "[time]"]
        if self.ambiguous is not None:
            a = self.ambiguous
            out += [
                f"# AMBIGUOUS: {q(a.example)} (line {a.example_row}) is {a.day_reading} "
                f"day first, {a.month_reading} month first. Keep the right line:",
                f"format = {q(a.day_first)}  # day first",
                f"# format = {q(a.month_first)}  # month first",
            ]
        elif self.time_formats:
            out.append(f"format = {q(self.time_formats)}")
        out.append('# timezone = "Asia/Jakarta"  # zone of times without an offset')
        if self.constants:
            out += ["", "[constants]"]
            out += [f"{k} = {q(v)}" for k, v in self.constants.items()]
        out += ["", "[file]"]
        if self.delimiter:
            out.append(f"delimiter = {q(self.delimiter)}")
        if self.encoding and self.encoding not in ("json", "parquet", "xlsx"):
            out.append(f"encoding = {q(self.encoding)}")
        if self.sheet:
            out.append(f"sheet = {q(self.sheet)}")
        if self.header_line:
            out.append(f"header_line = {self.header_line}")
        return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the sample


def _header(opened: Opened) -> tuple[str | None, HeaderCandidate] | None:
    """The line (of the first 12) naming the most candidate columns; ties: the first."""
    best, best_score = None, 0
    for sheet, header in opened.candidates:
        score = len({norm(c) for c in header.cells if c} & _KNOWN_NAMES)
        if score > best_score:
            best, best_score = (sheet, header), score
    return best


def _sample(opened: Opened, sheet: str | None, header: HeaderCandidate) -> pl.DataFrame:
    """The first SAMPLE_ROWS records (never more than the first bytes of a text file)."""
    if opened.table is not None:
        return opened.table.frame.head(SAMPLE_ROWS)
    if opened.kind == "excel":
        rows = opened.sheets[sheet][: header.line + SAMPLE_ROWS]
        return sheets.rows_table(rows, header.line - 1, opened.path.name, sheet).frame
    body = opened.head_text[header.offset :].encode("utf-8")
    whole = opened.path.stat().st_size < HEAD_BYTES
    records = read.scan_records(body, header.line + 1)
    buf = body if whole else body[: records.complete]
    columns = read.unique_names(header.cells)
    frame = read.parse_records(buf, columns, header.delimiter, header.line + 1, opened.path.name)
    return frame.head(SAMPLE_ROWS)


def _more_values(
    opened: Opened, sheet: str | None, header: HeaderCandidate, column: str, sampled: int
) -> tuple[list[str], str]:
    """A column's values beyond the sample, to settle day/month order: the rest of a table
    already in memory (Excel, JSON, Parquet), or the records in the last bytes of a big
    delimited file (the other end of a file sorted by time; still a bounded read)."""
    if opened.table is not None:
        values = opened.table.frame.get_column(column).slice(sampled).drop_nulls()
        return values.to_list(), "later in the file"
    cells = read.unique_names(header.cells)
    index = cells.index(column)
    if opened.kind == "excel":
        rows = opened.sheets[sheet][header.line + sampled :]
        return [r[index] for r in rows if index < len(r) and r[index]], "later in the sheet"
    size = opened.path.stat().st_size
    if size <= HEAD_BYTES:
        return [], ""
    with opened.path.open("rb") as handle:
        handle.seek(size - HEAD_BYTES)
        tail = handle.read().decode(opened.encoding, errors="replace")
    values = []
    for line in tail.splitlines()[1:]:  # the first line is cut
        parts = read.split_cells(line, header.delimiter)
        if len(parts) == len(cells):  # a whole record (a line inside a quoted text rarely is)
            values.append(parts[index])
    return values, "near the end of the file"


# ---------------------------------------------------------------- value checks


def _values(sample: pl.DataFrame, column: str) -> tuple[pl.Series, pl.Series]:
    """A column's non-empty sampled values and their line numbers."""
    f = sample.select(clean.raw(column).alias("v"), pl.col(ROW)).filter(pl.col("v").is_not_null())
    return f.get_column("v"), f.get_column(ROW)


def _share(mask: pl.Series) -> float:
    return float(mask.mean()) if mask.len() else 0.0  # type: ignore[arg-type]


def _check(check: Check, v: pl.Series) -> str | None:
    """None when the values pass; else what they look like instead."""
    if v.len() == 0:
        return "empty in the sampled rows"
    example = v[0][:40]
    if check is Check.URL:
        ok = _share(v.str.contains(r"^(?i)(https?://|www\.)\S+$"))
        return None if ok >= _ENOUGH else f'values like "{example}" are not links'
    if check is Check.COUNT:
        numbers = v.to_frame("v").select(clean.number(pl.col("v"))).to_series()
        whole = numbers.is_not_null() & (numbers >= 0) & (numbers == numbers.floor())
        return None if _share(whole) >= _ENOUGH else f'values like "{example}" are not counts'
    if check is Check.TEXT:
        letters = _share(v.str.contains(r"[^\W\d_]"))
        links = _share(v.str.contains(r"^(?i)https?://\S+$"))
        if letters >= 0.5 and links < _ENOUGH:
            return None
        return f'values like "{example}" are not free text'
    if check is Check.ID:
        plain = _share(~v.str.contains(r"\s"))
        distinct = v.n_unique() / v.len()
        return None if plain >= 0.95 and distinct >= 0.95 else "values are not unique ids"
    if check is Check.REF:
        plain = _share(~v.str.contains(r"\s"))
        return None if plain >= 0.95 else f'values like "{example}" are not ids'
    if check is Check.HANDLE:
        plain = _share(~v.str.contains(r"\s|://") & ~v.str.starts_with("{"))
        return None if plain >= 0.8 else f'values like "{example}" are not account names'
    if check is Check.LANGUAGE:
        codes = v.str.contains(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,4})?$")
        names = v.str.to_lowercase().is_in(["english", "indonesian", "bahasa indonesia"])
        return (
            None if _share(codes | names) >= 0.8 else f'values like "{example}" are not languages'
        )
    if check is Check.PLATFORM:
        known = [vocab.classify_platform(x) is not None for x in v.unique().to_list()[:200]]
        return None if known and sum(known) / len(known) >= 0.5 else "values name no platform"
    if check in (Check.NAME, Check.LABEL):
        return None if _share(~v.str.starts_with("{")) >= 0.8 else "values are JSON objects"
    return None


# ---------------------------------------------------------------- inference


def _candidates(entry: FieldNames, columns: list[str], used: set[str]) -> list[str]:
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(norm(c), c)
    exact = [by_norm[n] for n in entry.names if n in by_norm and by_norm[n] not in used]
    loose = [
        c
        for c in columns
        if c not in used and c not in exact and any(w in norm(c).split("_") for w in entry.contains)
    ]
    return exact + loose


def infer(opened: Opened) -> Inference:
    """Infer a mapping for an opened file (see the module docstring)."""
    name = opened.path.name
    found = _header(opened)
    if found is None:
        header_cells = opened.candidates[0][1].cells if opened.candidates else []
        inf = Inference(name, 1, None, None, opened.encoding, 0)
        inf.refusal = (
            f"no line in the first {read.HEADER_SCAN_LINES} names a column inference "
            f"knows (a time such as created_at/tanggal, a text such as text/isi); the first "
            f"line has: {', '.join(header_cells[:15]) or '(nothing)'}"
        )
        return inf
    sheet, header = found
    sample = _sample(opened, sheet, header)
    columns = [c for c in sample.columns if c != ROW and c != read.EXTRA]
    delimiter = header.delimiter if opened.kind == "text" else None
    inf = Inference(name, header.line, sheet, delimiter, opened.encoding, sample.height)
    if opened.table is not None:
        inf.header_line, inf.encoding = 0, None
    used: set[str] = set()
    time_tried: list[str] = []
    for entry in CANDIDATES:
        for column in _candidates(entry, columns, used):
            values, rows = _values(sample, column)
            if entry.check is Check.TIME:
                layout = timeinfer.detect(values, rows)
                if isinstance(layout, str):
                    time_tried.append(f'"{column}" ({layout})')
                    inf.passed_over.append(f'"{column}" as {entry.field}: {layout}')
                    continue
                if isinstance(layout, timeinfer.Ambiguous):
                    more, where = _more_values(opened, sheet, header, column, sample.height)
                    layout = timeinfer.settle(layout, more, where)
                if isinstance(layout, timeinfer.Ambiguous):
                    inf.ambiguous = layout
                    inf.time_formats = layout.day_first
                    why = "numeric dates; day/month order unknown"
                else:
                    inf.time_formats = layout.formats
                    zone = "exact (the values carry it)" if layout.aware else "read in --tz"
                    why = f"sampled values are {layout.description}; zone {zone}"
                inf.choices.append(
                    Choice(entry.field, column, f"the name fits {entry.field}; {why}")
                )
                used.add(column)
                break
            problem = _check(entry.check, values)
            if problem is None:
                inf.choices.append(
                    Choice(
                        entry.field,
                        column,
                        f"the name fits {entry.field}; sampled values are {entry.check.value}",
                    )
                )
                used.add(column)
                break
            inf.passed_over.append(f'"{column}" as {entry.field}: {problem}')
    _platform_constant(inf, columns)
    _refuse(inf, columns, time_tried)
    return inf


def _platform_constant(inf: Inference, columns: list[str]) -> None:
    chosen = inf.columns
    if "platform" in chosen or "url" in chosen:
        return  # the platform comes from the column or from the url's host
    names = {norm(c) for c in columns}
    for hint, platform in PLATFORM_HINTS:
        if hint in names:
            inf.constants["platform"] = platform
            inf.constant_reasons["platform"] = (
                f'the file has "{hint}", a column only {platform} data has'
            )
            return


def _refuse(inf: Inference, columns: list[str], time_tried: list[str]) -> None:
    chosen = inf.columns
    listed = ", ".join(f'"{c}"' for c in columns[:25])
    if "published_at" not in chosen:
        tried = f"; tried: {'; '.join(time_tried)}" if time_tried else ""
        inf.refusal = (
            f"no time column found{tried}. Columns: {listed}. Name the time "
            "column in a mapping file ([columns] published_at = ...; docs/loading.md)"
        )
    elif not {"text", "url"} & set(chosen):
        passed = [p for p in inf.passed_over if " as text:" in p or " as url:" in p]
        why = f" ({'; '.join(passed)})" if passed else ""
        inf.refusal = (
            f"no text or url column found{why}. Columns: {listed}. Name it in a "
            "mapping file ([columns] text = ...; docs/loading.md)"
        )
    elif inf.ambiguous is not None:
        a = inf.ambiguous
        col = chosen["published_at"]
        inf.refusal = (
            f'column "{col}": day/month order unknown: no sampled date has a '
            f'number above 12, e.g. line {a.example_row} "{a.example}" reads as {a.day_reading} '
            f"(day first) or {a.month_reading} (month first). Choose: save the mapping "
            f"(ingest FILE --save-mapping mapping.toml), keep [time] format = "
            f'"{a.day_first[0]}" (day first) or "{a.month_first[0]}" (month first), '
            "then ingest FILE --mapping mapping.toml"
        )
