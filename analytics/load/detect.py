"""Which tool wrote this file? Detection by header signatures, never by column position.

Each known layout has a signature: column names exactly as the tool writes them (see
docs/loading.md). The first ~12 lines (or sheet rows) are split into cells, every line is
scored against every signature, and the best line wins: that line is the header, everything
above it is preamble. The reason is kept so a user can see why a format was chosen.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from analytics.errors import ExportFormatError
from analytics.load import read, sheets
from analytics.load.read import HeaderCandidate
from analytics.load.signatures import SIGNATURES, Signature

HEAD_BYTES = 262_144  # enough for 12 lines of any real export


@dataclass
class Match:
    signature: Signature
    header: HeaderCandidate
    sheet: str | None
    found: list[str]
    missing: list[str]

    @property
    def score(self) -> tuple[float, int, int]:
        total = len(self.signature.columns)
        return (len(self.found) / total, len(self.found), -self.header.line)

    @property
    def has_required(self) -> bool:
        cells = {_norm(c, self.signature) for c in self.header.cells}
        return all(_norm(r, self.signature) in cells for r in self.signature.required)

    @property
    def ok(self) -> bool:
        return len(self.found) >= self.signature.minimum and self.has_required

    def reason(self) -> str:
        where = f' of sheet "{self.sheet}"' if self.sheet else ""
        return (
            f"header on line {self.header.line}{where} has {len(self.found)} of "
            f"{len(self.signature.columns)} {self.signature.label} columns"
        )


@dataclass
class Opened:
    """A file opened for detection: its kind and the first lines/rows split into cells."""

    path: Path
    kind: str  # text | excel | json | parquet
    encoding: str = "utf-8"
    head_text: str = ""
    sheets: dict[str, list[list[str]]] = field(default_factory=dict)
    candidates: list[tuple[str | None, HeaderCandidate]] = field(default_factory=list)
    table: read.RawTable | None = None  # JSON / Parquet: read whole, its fields the header


def _norm(name: str, signature: Signature) -> str:
    return name.strip() if signature.case_sensitive else name.strip().lower()


def open_file(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    scan_lines: int = read.HEADER_SCAN_LINES,
) -> Opened:
    """Read just enough of ``path`` to look for a header (whole workbook for Excel).

    ``encoding``, ``delimiter`` and ``scan_lines`` override the defaults (a generic mapping
    may name them).
    """
    if not path.exists():
        raise ExportFormatError(f"{path}: file not found")
    if path.is_dir():
        raise ExportFormatError(f"{path}: is a folder; pass the export files in it")
    if path.stat().st_size == 0:
        raise ExportFormatError(f"{path.name}: the file is empty (0 bytes); export it again")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ExportFormatError(
            f"{path.name}: the old binary Excel format (.xls) is not read; open it in Excel "
            "and save it as .xlsx or CSV UTF-8"
        )
    if suffix in read.EXCEL_SUFFIXES:
        workbook = sheets.excel_sheets(path)
        opened = Opened(path, "excel", "xlsx", sheets=workbook)
        for name, rows in workbook.items():
            for i, row in enumerate(rows[:scan_lines]):
                cells = [read.clean_name(c) for c in row]
                opened.candidates.append((name, HeaderCandidate(i + 1, cells, i, ",")))
        return opened
    if suffix in (".json", ".jsonl", ".ndjson", ".parquet"):
        return _opened_records(path, "parquet" if suffix == ".parquet" else "json")
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    encoding = encoding or read.sniff_encoding(head)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head)
    text = text.removeprefix("\ufeff")
    opened = Opened(path, "text", encoding, head_text=text)
    candidates = read.header_candidates(text, delimiter, scan_lines)
    opened.candidates = [(None, c) for c in candidates]
    return opened


def _opened_records(path: Path, kind: str) -> Opened:
    """JSON / Parquet: the records are read whole (as the loaders do), their field names
    are the one header candidate. A JSON object whose list of records is under a key only a
    mapping can name has no candidate (the generic loader reads it with the mapping)."""
    opened = Opened(path, kind)
    try:
        table = sheets.json_table(path) if kind == "json" else sheets.parquet_table(path)
    except ExportFormatError as err:
        if "not a list of records" not in str(err):
            raise
        return opened
    opened.table = table
    opened.candidates = [(None, HeaderCandidate(1, list(table.columns), 0, ","))]
    return opened


def _matches(opened: Opened, format: str | None = None) -> list[Match]:
    """Every (candidate line, signature) pair scored, best first."""
    matches = []
    for sheet, header in opened.candidates:
        for signature in SIGNATURES:
            if format is not None and signature.format != format:
                continue
            present = {_norm(c, signature) for c in header.cells if c}
            found = [c for c in signature.columns if _norm(c, signature) in present]
            missing = [c for c in signature.columns if _norm(c, signature) not in present]
            matches.append(Match(signature, header, sheet, found, missing))
    return sorted(matches, key=lambda m: m.score, reverse=True)


def best_match(opened: Opened) -> tuple[Match | None, Match | None]:
    """(best acceptable match, closest match even if not acceptable)."""
    ranked = _matches(opened)
    good = [m for m in ranked if m.ok]
    # "closest" for the error message: the most columns found, not the best fraction (a
    # 2-column signature with 1 hit is not closer than a 13-column one with 3)
    closest = max(ranked, key=lambda m: (len(m.found), m.score), default=None)
    return (good[0] if good else None), closest


def match_for_format(opened: Opened, format: str) -> Match | None:
    """The best header line for a format the user named (``format=`` override)."""
    ranked = _matches(opened, format)
    good = [m for m in ranked if m.has_required]
    return good[0] if good else (ranked[0] if ranked else None)


GENERIC_HINT = (
    "load it as format 'generic' with a mapping file (--format generic --mapping FILE; "
    "see docs/loading.md)"
)


def unknown_error(opened: Opened, closest: Match | None) -> ExportFormatError:
    """The error for a file no signature fits: names the closest format and what it lacked."""
    name = opened.path.name
    if closest is None or len(closest.found) < 2:
        shared = (
            f" (the nearest, {closest.signature.label}, shares only: {', '.join(closest.found)})"
            if closest is not None and closest.found
            else ""
        )
        where = (
            f"its fields ({', '.join(opened.candidates[0][1].cells[:12])}) match no supported "
            "tool's layout"
            if opened.kind in ("json", "parquet") and opened.candidates
            else f"no line in the first {read.HEADER_SCAN_LINES} looks like a supported tool's "
            "header"
        )
        return ExportFormatError(
            f"{name}: not a known export layout: {where}{shared}; " + GENERIC_HINT
        )
    lacked = ", ".join(closest.missing[:8]) + (" ..." if len(closest.missing) > 8 else "")
    return ExportFormatError(
        f"{name}: not a known export layout. Closest is {closest.signature.label} "
        f"(format '{closest.signature.format}'): {closest.reason()}; it lacked: {lacked}. "
        f"Force that format (--format / format=) if it is one, or {GENERIC_HINT}"
    )


def detect(opened: Opened) -> Match:
    """The best acceptable match, or an ExportFormatError naming the closest one."""
    good, closest = best_match(opened)
    if good is None:
        raise unknown_error(opened, closest)
    return good


def detect_format(path: Path | str) -> tuple[str, str]:
    """Return ``(format, reason)`` for an export file, e.g. ``("brandwatch", "header on ...")``.

    Raises ExportFormatError naming the file, the closest format and the columns it lacked
    when no known layout fits.
    """
    match = detect(open_file(Path(path)))
    return match.signature.format, match.reason()
