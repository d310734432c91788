"""The generic loader: any CSV/TSV/XLSX/JSON/JSONL/Parquet file plus a TOML mapping file.

The mapping says which source column feeds which canonical field, the time layout and the
zone (see :mod:`analytics.load.mapping` and docs/loading.md). Every conversion is a polars
expression, so a delimited file of millions of rows loads at polars speed, and
:func:`iter_load` streams it in batches with bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from analytics.errors import ExportFormatError
from analytics.load import clean, detect, read, sheets, times, vocab
from analytics.load.finish import Context, LoadResult, Mapped, finish_mentions, map_frame
from analytics.load.mapping import Mapping, read_mapping
from analytics.load.read import HeaderCandidate, RawTable
from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA, PLATFORMS, empty

ISO_AWARE = ["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%#z"]
ISO_NAIVE = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
_TRUE = ["true", "1", "yes", "y", "ya", "t"]


def _header_for(opened: detect.Opened, m: Mapping) -> tuple[str | None, HeaderCandidate]:
    """The header line: the mapping's ``header_line``, else the first holding every field."""
    best: tuple[int, str | None, HeaderCandidate] | None = None
    for sheet, header in opened.candidates:
        if m.sheet and sheet != m.sheet:
            continue
        if m.header_line and header.line != m.header_line:
            continue
        found = sum(clean.pick(header.cells, *names) is not None for names in m.columns.values())
        if found == len(m.columns):
            return sheet, header
        if best is None or found > best[0]:
            best = (found, sheet, header)
    if best is None:
        where = f'sheet "{m.sheet}"' if m.sheet else f"line {m.header_line}"
        raise ExportFormatError(f"{opened.path.name}: no {where} to read (mapping {m.path.name})")
    lacking = [
        f"{f} ({' or '.join(repr(n) for n in names)})"
        for f, names in m.columns.items()
        if clean.pick(best[2].cells, *names) is None
    ]
    scanned = max(read.HEADER_SCAN_LINES, m.header_line or 0)
    raise ExportFormatError(
        f"{opened.path.name}: no header line in the first {scanned} lines has "
        f"every column of mapping {m.path.name}; the closest (line {best[2].line}) lacks: "
        f"{', '.join(lacking)}. Its columns are: {', '.join(best[2].cells[:20])}"
    )


def _time(value: pl.Expr, m: Mapping, tz: str) -> tuple[pl.Expr, pl.Expr, str]:
    """(UTC time, note, layout description) for the published_at column."""
    if not m.time_formats:
        utc, note = times.read(value, ISO_AWARE + ISO_NAIVE, tz)
        return utc, note, "ISO 8601"
    utc, note = times.read(value, m.time_formats, tz)
    return utc, note, " or ".join(m.time_formats)


def _value(field: str, value: pl.Expr, name: str | None, url: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """A source column converted to the canonical field's type."""
    dtype = MENTION_SCHEMA[field]
    if dtype == pl.Int64:
        return clean.count(name)
    if dtype == pl.Boolean:
        return clean.raw(name).str.to_lowercase().is_in(_TRUE), pl.lit(None, pl.Utf8)
    if field in ("mention_id", "parent_id", "quoted_id", "reposted_id"):
        return clean.native_id(value, url if field == "mention_id" else None)
    text, note = clean.text(name, want_url=field == "url")
    if field in ("author", "reply_to_account"):
        return clean.handle(text), note
    if field == "platform":
        return vocab.platform(text), clean.join_notes([note, vocab.platform_note(text)])
    if field == "source_sentiment":
        return vocab.sentiment_or_stars(value)
    if field == "content_type":
        return vocab.content_type(text), note
    return text, note


def mapped(raw: RawTable, m: Mapping, ctx: Context) -> Mapped:
    """Apply a mapping to raw strings: canonical columns, one row per record."""
    cols = raw.columns
    source = {f: clean.pick(cols, *names) for f, names in m.columns.items()}
    missing = [f"{f} ({names[0]!r})" for f, names in m.columns.items() if source[f] is None]
    if missing:
        raise ExportFormatError(
            f"{raw.file}: columns named by mapping {m.path.name} are missing: "
            f"{', '.join(missing)}; the file has: {', '.join(cols[:20])}"
        )
    url, url_note = clean.text(source.get("url"), want_url=True)
    values: dict[str, pl.Expr] = {}
    notes = [url_note]
    for f, name in source.items():
        if f == "published_at":
            continue
        value, note = (url, None) if f == "url" else _value(f, clean.raw(name), name, url)
        values[f] = value
        if note is not None:
            notes.append(note)
    for f, constant in m.constants.items():
        if f not in values:
            if f == "platform":
                known = vocab.classify_platform(str(constant))
                if known is None:
                    ctx.notes.append(
                        f'platform "{constant}" (from the mapping) is not known: stored as other; '
                        f"known platforms: {', '.join(PLATFORMS)}"
                    )
                constant = known or "other"
            values[f] = pl.lit(constant, MENTION_SCHEMA[f])
    if "platform" not in values:
        values["platform"] = vocab.platform(url) if "url" in source else pl.lit("other")
    time_col = source["published_at"]
    published, time_note, layout = _time(clean.raw(time_col), m, m.timezone or ctx.default_tz)
    values["published_at"] = published
    notes.append(time_note)
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    text_cols = ", ".join(f'"{source[f]}"' for f in ("text", "url") if source.get(f))
    return Mapped(frame, f'"{time_col}"', layout, text_cols)


def _result(raw: RawTable, m: Mapping, ctx: Context, reason: str) -> LoadResult:
    mentions, rejected, notes = finish_mentions(raw, mapped(raw, m, ctx), ctx)
    return LoadResult(
        mentions,
        empty(DAILY_METRICS_SCHEMA),
        rejected,
        "generic",
        reason,
        [*ctx.notes, *notes],
    )


def _open(path: Path, mapping: Path | str | None) -> tuple[Mapping, detect.Opened]:
    if mapping is None:
        raise ExportFormatError(
            f"{path.name}: the generic format needs a mapping file (mapping=... or "
            "--mapping FILE); see docs/loading.md for its layout"
        )
    m = read_mapping(mapping)
    scan = max(read.HEADER_SCAN_LINES, m.header_line or 0)
    return m, detect.open_file(path, encoding=m.encoding, delimiter=m.delimiter, scan_lines=scan)


def load(path: Path, *, mapping: Path | str | None, ctx: Context) -> LoadResult:
    """Load a whole file with a mapping."""
    m, opened = _open(path, mapping)
    return next(iter_mapped(opened, m, ctx, batch_rows=None))


def iter_load(
    path: Path, *, mapping: Path | str | None, ctx: Context, batch_rows: int
) -> Iterator[LoadResult]:
    """Stream a delimited file in batches of about ``batch_rows`` records (others: one batch)."""
    m, opened = _open(path, mapping)
    yield from iter_mapped(opened, m, ctx, batch_rows=batch_rows)


def iter_mapped(
    opened: detect.Opened,
    m: Mapping,
    ctx: Context,
    *,
    batch_rows: int | None,
    reason: str | None = None,
) -> Iterator[LoadResult]:
    """Apply a mapping (read from a file, or inferred) to an opened file: one result, or
    batches of about ``batch_rows`` records for a delimited file when ``batch_rows`` is set."""
    path = opened.path
    described = reason or f"generic with mapping {m.path.name}"
    if opened.kind in ("json", "parquet"):
        if opened.kind == "json" and (m.records or opened.table is None):
            raw = sheets.json_table(path, m.records)
        else:
            raw = opened.table if opened.table is not None else sheets.parquet_table(path)
        kind = "JSON records" if opened.kind == "json" else "Parquet"
        yield _result(raw, m, ctx, f"{described} ({kind})")
        return
    sheet, header = _header_for(opened, m)
    described = f"{described}; header on line {header.line}"
    if opened.kind == "excel":
        raw = sheets.rows_table(opened.sheets[sheet], header.line - 1, path.name, sheet)
        yield _result(raw, m, ctx, f'{described} of sheet "{sheet}"')
        return
    if batch_rows is None:
        text, encoding = read.decode_file(path, m.encoding)
        yield _result(read.text_table(path, header, text, encoding), m, ctx, described)
        return
    tables = read.iter_text_tables(path, header, opened.encoding, opened.head_text, batch_rows)
    for raw in tables:
        batch_ctx = Context(
            ctx.brand,
            ctx.default_tz,
            ctx.brand_handles,
            ctx.source_tool,
            list(ctx.notes),
            brand_column=ctx.brand_column,
        )
        yield _result(raw, m, batch_ctx, described)
