"""Load social-listening and platform-analytics exports into the canonical tables.

``load_export`` reads one file exactly as the tool wrote it (encoding, preamble, Excel
damage ...), detects the tool from the header (or takes ``format=``) and returns a
:class:`LoadResult`: mentions, daily metrics and the rows it could not use, with the reasons.
``iter_load_export`` does the same in batches for big files. See docs/loading.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from analytics.defaults import DEFAULT_TZ
from analytics.errors import ExportFormatError
from analytics.load import detect as _detect
from analytics.load import generic as _generic
from analytics.load import infer as _infer
from analytics.load import read as _read
from analytics.load import sheets as _sheets
from analytics.load.detect import detect_format
from analytics.load.finish import (
    Context,
    DailyMapped,
    LoadResult,
    finish_daily,
    finish_mentions,
)
from analytics.load.infer import Inference
from analytics.load.mapping import read_time_override
from analytics.load.vendors import FORMATS, VENDORS, Vendor, vendor
from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA, empty
from analytics.zones import zone

__all__ = [
    "FORMATS",
    "VENDORS",
    "Inference",
    "LoadResult",
    "Vendor",
    "detect_format",
    "infer_columns",
    "iter_load_export",
    "load_export",
]


def _check_format(format: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise ExportFormatError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}")


def _tool(format: str):
    return vendor(format).module


def _raw_table(opened: _detect.Opened, match: _detect.Match) -> _read.RawTable:
    if opened.table is not None:
        return opened.table
    if opened.kind == "excel":
        rows = opened.sheets[match.sheet]
        return _sheets.rows_table(rows, match.header.line - 1, opened.path.name, match.sheet)
    text, encoding = _read.decode_file(opened.path)
    return _read.text_table(opened.path, match.header, text, encoding)


def _choose(opened: _detect.Opened, format: str | None) -> tuple[_detect.Match, str]:
    if format is None:
        match = _detect.detect(opened)
        return match, match.reason()
    match = _detect.match_for_format(opened, format)
    if match is None or not match.has_required:
        needed = sorted({c for s in _detect.SIGNATURES if s.format == format for c in s.required})
        raise ExportFormatError(
            f"{opened.path.name}: format {format!r} was asked for, but no line in the first "
            f"{_read.HEADER_SCAN_LINES} has the columns it needs (one of its layouts needs: "
            f"{', '.join(needed) or 'its signature columns'})"
        )
    return match, f"format {format!r} chosen by the caller; {match.reason()}"


def load_export(
    path: Path | str,
    *,
    brand: str | None,
    format: str | None = None,
    default_tz: str = DEFAULT_TZ,
    mapping: Path | str | None = None,
    brand_handles: Sequence[str] = (),
    brand_column: str | None = None,
) -> LoadResult:
    """Read one export file into canonical mentions / daily metrics (+ rejected rows).

    ``format`` overrides detection; ``mapping`` (a TOML file) is required for ``generic``
    and implies it; without both, a file no vendor layout fits gets an inferred mapping
    (:func:`infer_columns`; ``result.inference`` says what was chosen and why). Naive times
    are read in the tool's documented zone, else ``default_tz``. ``brand_column`` (instead
    of ``brand``) takes each row's brand from that column; rows with none are rejected.
    Raises ExportFormatError for a file no known layout fits (naming the closest one).
    """
    _check_format(format)
    path = Path(path)
    if format is None and mapping is not None:
        format = "generic"  # a mapping without a format means: my own layout
    if format == "generic":
        from analytics.load import generic

        return generic.load(
            path,
            mapping=mapping,
            ctx=_context(brand, brand_column, default_tz, brand_handles, "generic"),
        )
    opened = _detect.open_file(path)
    if format is None and mapping is None:
        inferred = _iter_inferred(opened, brand, brand_column, default_tz, brand_handles, None)
        if inferred is not None:
            return next(inferred)
    match, reason = _choose(opened, format)
    ctx = _context(brand, brand_column, default_tz, brand_handles, match.signature.format, mapping)
    return _load_table(_raw_table(opened, match), match, reason, ctx)


def infer_columns(path: Path | str) -> Inference | None:
    """The inferred mapping of a file no vendor layout fits (None when one fits).

    The :class:`~analytics.load.infer.Inference` says which column feeds which field and
    why, and ``refusal`` when the file cannot be loaded without the user's word;
    ``to_toml()`` is an editable mapping file.
    """
    opened = _detect.open_file(Path(path))
    good, _ = _detect.best_match(opened)
    return None if good is not None else _infer.infer(opened)


def _iter_inferred(
    opened: _detect.Opened,
    brand: str | None,
    brand_column: str | None,
    default_tz: str,
    handles: Sequence[str],
    batch_rows: int | None,
) -> Iterator[LoadResult] | None:
    """Batches loaded with an inferred mapping, or None when a vendor layout fits."""
    good, closest = _detect.best_match(opened)
    if good is not None:
        return None
    inference = _infer.infer(opened)
    if inference.refusal is not None:
        near = ""
        if closest is not None and len(closest.found) >= 2:
            near = (
                f" Not a known export layout either: the closest, {closest.signature.label}, "
                f"lacked {', '.join(closest.missing[:6])} (force it with --format "
                f"{closest.signature.format} if it is one)."
            )
        raise ExportFormatError(
            f"{opened.path.name}: not a known export layout, and inference refused: "
            f"{inference.refusal}.{near}"
        )
    ctx = _context(brand, brand_column, default_tz, handles, "generic")
    ctx.notes += [f"inferred {line}" for line in inference.lines()]
    reason = f"columns inferred from names and values ({inference.sampled} rows sampled)"
    results = _generic.iter_mapped(
        opened, inference.mapping(), ctx, batch_rows=batch_rows, reason=reason
    )

    def with_inference() -> Iterator[LoadResult]:
        for result in results:
            result.inference = inference
            yield result

    return with_inference()


def _load_table(raw: _read.RawTable, match: _detect.Match, reason: str, ctx: Context) -> LoadResult:
    """Map a vendor file's raw table (or one batch of it) and finish it."""
    fmt = match.signature.format
    mapped = _tool(fmt).load(raw, match.signature.variant, ctx)
    notes: list[str] = []
    if isinstance(mapped, DailyMapped):
        daily, rejected = finish_daily(raw, mapped, ctx)
        mentions = empty(MENTION_SCHEMA)
        if rejected.height:
            notes.append(f"{rejected.height} rows rejected (see rejected for the reasons)")
    else:
        mentions, rejected, mention_notes = finish_mentions(raw, mapped, ctx)
        daily = empty(DAILY_METRICS_SCHEMA)
        notes += mention_notes
    return LoadResult(mentions, daily, rejected, fmt, reason, [*ctx.notes, *notes])


def iter_load_export(
    path: Path | str,
    *,
    brand: str | None,
    format: str | None = None,
    default_tz: str = DEFAULT_TZ,
    mapping: Path | str | None = None,
    brand_handles: Sequence[str] = (),
    brand_column: str | None = None,
    batch_rows: int = 100_000,
) -> Iterator[LoadResult]:
    """Like :func:`load_export`, in batches of about ``batch_rows`` records.

    Delimited files (CSV/TSV, vendor or generic) stream with bounded memory, a batch at a
    time; Excel, JSON and Parquet files are read whole and yielded as one result.
    """
    _check_format(format)
    path = Path(path)
    if format is None and mapping is not None:
        format = "generic"
    if format == "generic":
        from analytics.load import generic

        ctx = _context(brand, brand_column, default_tz, brand_handles, "generic")
        yield from generic.iter_load(path, mapping=mapping, ctx=ctx, batch_rows=batch_rows)
        return
    opened = _detect.open_file(path)
    if format is None and mapping is None:
        inferred = _iter_inferred(
            opened, brand, brand_column, default_tz, brand_handles, batch_rows
        )
        if inferred is not None:
            yield from inferred
            return
    match, reason = _choose(opened, format)
    fmt = match.signature.format
    _context(brand, brand_column, default_tz, brand_handles, fmt, mapping)  # check before reading
    if opened.kind != "text":
        ctx = _context(brand, brand_column, default_tz, brand_handles, fmt, mapping)
        yield _load_table(_raw_table(opened, match), match, reason, ctx)
        return
    header = match.header
    for raw in _read.iter_text_tables(path, header, opened.encoding, opened.head_text, batch_rows):
        ctx = _context(
            brand, brand_column, default_tz, brand_handles, fmt, mapping
        )  # notes are per batch
        yield _load_table(raw, match, reason, ctx)


def _context(
    brand: str | None,
    brand_column: str | None,
    default_tz: str,
    handles: Sequence[str],
    tool: str,
    mapping: Path | str | None = None,
) -> Context:
    if brand_column is not None and brand:
        raise ExportFormatError(
            "give either a brand (every row's) or a brand column (each row's own), not both"
        )
    if brand_column is None and (not brand or not str(brand).strip()):
        raise ExportFormatError("a brand name is required (the brand the export was collected for)")
    _check_zone(default_tz)
    ctx = Context(
        brand=str(brand or "").strip(),
        default_tz=default_tz,
        brand_handles=tuple(handles),
        source_tool=tool,
        brand_column=brand_column,
    )
    if mapping is not None and tool != "generic":
        # a vendor format with a [time]-only file: the user's own time layout/zone
        formats, zone = read_time_override(mapping, tool)
        ctx.time_formats, ctx.time_zone = formats or None, zone
        shown = " or ".join(formats) if formats else "the documented layout"
        ctx.notes.append(f"times read as {shown} in {ctx.zone()} (from {Path(mapping).name})")
    return ctx


def _check_zone(tz: str) -> None:
    zone(tz, what="default_tz", error=ExportFormatError)
