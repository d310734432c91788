"""Reading export files into a frame of strings, one row per record, with its line number.

Everything here is about bytes and layout, not meaning: the encoding (BOM, NUL bytes, cp1252),
the delimiter, the header line under a preamble, quoted multi-line texts (spreadsheets,
JSON and Parquet are in :mod:`analytics.load.sheets`).
The result is a :class:`RawTable` whose cells are the text exactly as the file shows it, plus
the 1-based line (or sheet row) where each record starts, so a rejected row can be found in
the file by a person.

Delimited text is parsed by polars; record boundaries (and so line numbers) are found with
numpy by quote parity, which is vectorized and lets big files stream in batches.
"""

from __future__ import annotations

import _csv
import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from analytics.errors import ExportFormatError

ROW = "__row"  # the column holding each record's 1-based line number in the file
EXTRA = "__extra"  # cells beyond the header's width (JSON list), when a record has any
HEADER_SCAN_LINES = 12
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class RawTable:
    """The cells of one export as strings; ``frame`` has the header's columns plus ``__row``."""

    frame: pl.DataFrame
    file: str  # file name only
    header_line: int  # 1-based line (or sheet row) of the header
    encoding: str = "utf-8"
    delimiter: str = ","
    sheet: str | None = None
    preamble: list[list[str]] = field(default_factory=list)  # rows above the header

    @property
    def columns(self) -> list[str]:
        return [c for c in self.frame.columns if c not in (ROW, EXTRA)]


# ---------------------------------------------------------------- encoding and delimiter


def sniff_encoding(head: bytes) -> str:
    """Guess the encoding from the first bytes: BOMs first, then NUL patterns, then UTF-8."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"  # Python's utf-16 codec reads the BOM and strips it
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = head[:4096]
    if sample and sample.count(0) > len(sample) // 4:
        # UTF-16 without a BOM: ASCII text has its NUL on the odd (LE) or even (BE) byte
        odd_nuls = sample[1::2].count(0)
        return "utf-16-le" if odd_nuls > sample[0::2].count(0) else "utf-16-be"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason != "unexpected end of data":  # not just a character cut by the sample
            return "cp1252"
    return "utf-8"


def decode_file(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) of a whole text file; cp1252 when it is not valid UTF-8."""
    data = path.read_bytes()
    encoding = encoding or sniff_encoding(data[:65536])
    if encoding == "utf-8":
        try:
            return data.decode("utf-8"), encoding
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ExportFormatError(
            f"{path.name}: byte {err.start} cannot be read as {encoding}; "
            "re-save the file as UTF-8 (Excel: 'CSV UTF-8') and load it again"
        ) from err
    return text.removeprefix("\ufeff"), encoding


def sniff_delimiter(line: str) -> str:
    """The delimiter of a header line: the most frequent of tab, semicolon, comma outside quotes."""
    outside, quoted = [], False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    counts = {d: outside.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# A text cell may be long (a pasted article or thread): the csv module's default of 128 KiB
# per field would fail the whole file. Memory is bounded by the batch size, not by this.
CSV_FIELD_LIMIT = 1 << 30


def csv_reader(lines: Iterable[str], delimiter: str) -> _csv.Reader:
    """``csv.reader`` allowing fields up to :data:`CSV_FIELD_LIMIT` characters."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    return csv.reader(lines, delimiter=delimiter)


def split_cells(line: str, delimiter: str) -> list[str]:
    """Cells of one physical line (used only to look for the header)."""
    try:
        return next(csv_reader([line], delimiter))
    except (StopIteration, csv.Error):
        return []


def clean_name(name: str) -> str:
    """A column name without BOM remnants, quotes and surrounding blanks."""
    return name.replace("\ufeff", "").replace("ÿþ", "").strip().strip('"').strip()


def unique_names(names: list[str]) -> list[str]:
    """Make names unique and non-empty: blanks become ``column_<n>``, repeats ``name (2)``."""
    seen: dict[str, int] = {}
    out = []
    for i, raw in enumerate(names, start=1):
        name = clean_name(raw) or f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


# ---------------------------------------------------------------- header search


@dataclass
class HeaderCandidate:
    line: int  # 1-based
    cells: list[str]
    offset: int  # character offset in the text just after the header line
    delimiter: str


def header_candidates(
    text: str, delimiter: str | None = None, scan_lines: int = HEADER_SCAN_LINES
) -> list[HeaderCandidate]:
    """The first lines of a text file split into cells, candidates for the header line."""
    out: list[HeaderCandidate] = []
    offset = 0
    forced = delimiter
    for number in range(1, scan_lines + 1):
        end = text.find("\n", offset)
        line = text[offset:] if end < 0 else text[offset:end]
        next_offset = len(text) if end < 0 else end + 1
        line = line.rstrip("\r")
        if line.lower().startswith("sep=") and len(line) <= 6:
            forced = line[4:5] or ","  # Excel's delimiter hint line (Meta daily exports)
        else:
            delim = forced or sniff_delimiter(line)
            out.append(
                HeaderCandidate(
                    number, [clean_name(c) for c in split_cells(line, delim)], next_offset, delim
                )
            )
        offset = next_offset
        if end < 0:
            break
    return out


# ---------------------------------------------------------------- delimited text -> frame

BATCH_BYTES_MAX = 64 << 20  # bytes of text parsed at once: bounds memory whatever the rows


def batch_bytes(batch_rows: int, sample: bytes) -> int:
    """Bytes read per batch: about ``batch_rows`` records as ``sample`` sizes them, but
    always within a fixed byte budget (64 KiB .. 64 MiB).

    The estimate only ever shrinks a batch: one 300 KB text at the top of a file (the
    whole sample, no line end) must not turn into a read of tens of gigabytes.
    """
    per_record = max(16, len(sample) // max(1, sample.count(b"\n")))
    return min(BATCH_BYTES_MAX, max(1 << 16, batch_rows * per_record))


@dataclass
class Records:
    """Where the records of a block of CSV bytes start (1-based lines) and which are blank."""

    starts: np.ndarray  # line number of each record, the incomplete tail included
    blank: np.ndarray  # True for an empty line (layout, not a record)
    complete: int  # byte length of the complete records (up to the last record end)


def scan_records(buf: bytes, first_line: int) -> Records:
    """Find record boundaries in ``buf`` by quote parity, vectorized with numpy.

    A newline ends a record only when the number of quote characters before it is even
    (CSV escapes a quote by doubling it, so parity is preserved inside quoted fields).
    The part after the last record-ending newline is incomplete unless ``buf`` is the end
    of the file; the caller decides.
    """
    arr = np.frombuffer(buf, dtype=np.uint8)
    newlines = np.flatnonzero(arr == 10)
    quotes = np.flatnonzero(arr == 34)
    is_end = (np.searchsorted(quotes, newlines) % 2) == 0
    end_index = np.flatnonzero(is_end)  # index among all newlines
    ends = newlines[end_index]
    # record k+1 starts on the line after the k-th record-ending newline
    starts = np.concatenate(([0], end_index + 1)) + first_line
    begin = np.concatenate(([0], ends + 1))
    finish = np.concatenate((ends, [len(buf)]))
    length = finish - begin
    first_byte = arr[np.minimum(begin, max(len(arr) - 1, 0))] if len(arr) else begin
    blank = (length == 0) | ((length == 1) & (first_byte == 13))
    complete = int(ends[-1]) + 1 if len(ends) else 0
    return Records(starts, blank, complete)


def record_start_lines(buf: bytes, first_line: int) -> tuple[np.ndarray, int]:
    """(start line of each record, byte length of the complete records) of ``buf``."""
    records = scan_records(buf, first_line)
    return records.starts, records.complete


def parse_records(
    buf: bytes,
    columns: list[str],
    delimiter: str,
    first_line: int,
    file: str,
    records: Records | None = None,
) -> pl.DataFrame:
    """Parse complete CSV records (UTF-8 bytes, no header) into strings with ``__row``."""
    records = records or scan_records(buf, first_line)
    n_records = len(records.starts) if records.complete < len(buf) else len(records.starts) - 1
    if n_records <= 0 or not buf.strip():
        return empty_raw(columns)
    try:
        frame = pl.read_csv(
            buf,
            has_header=False,
            new_columns=columns,
            separator=delimiter,
            infer_schema=False,
            empty_string_is_null=False,
            truncate_ragged_lines=False,  # more cells than the header: see the slow path
            raise_if_empty=False,
        )
    except pl.exceptions.PolarsError:
        # e.g. a stray quote inside an unquoted field: the csv module reads it as text
        return parse_records_slow(buf, columns, delimiter, first_line, file)
    if frame.width < len(columns):  # a file shorter than its header: add the missing columns
        frame = frame.with_columns(pl.lit(None, pl.Utf8).alias(c) for c in columns[frame.width :])
    frame = frame.select(columns)
    if frame.height != n_records:
        # a stray quote inside an unquoted field breaks parity; fall back to exact counting
        return parse_records_slow(buf, columns, delimiter, first_line, file)
    frame = frame.with_columns(pl.Series(ROW, records.starts[:n_records], dtype=pl.Int64))
    blank = records.blank[:n_records]
    return frame.filter(pl.Series(~blank)) if blank.any() else frame


def parse_records_slow(
    buf: bytes, columns: list[str], delimiter: str, first_line: int, file: str
) -> pl.DataFrame:
    """Record-by-record parse with the csv module, for blocks the fast path cannot read.

    That is a stray quote inside an unquoted field, or a record with more cells than the
    header. Extra cells that hold something mean the record is broken (often an unquoted
    delimiter inside a text): they are kept in ``__extra`` and the record is rejected.
    """
    try:
        text = buf.decode("utf-8")
    except UnicodeDecodeError as err:  # a UTF-8 file streamed undecoded (iter_text_batches)
        raise not_utf8(file, first_line + buf.count(b"\n", 0, err.start)) from None
    reader = csv_reader(io.StringIO(text, newline=""), delimiter)
    rows, starts, extras = [], [], []
    width = len(columns)
    line = first_line
    try:
        for record in reader:
            if record:  # an empty line is layout, not a record
                starts.append(line)
                rows.append((record + [""] * width)[:width])
                extra = [cell for cell in record[width:] if cell.strip()]
                extras.append(json.dumps(extra, ensure_ascii=False) if extra else None)
            line = first_line + reader.line_num
    except csv.Error as err:
        raise ExportFormatError(
            f"{file}: line {line} is not valid delimited text (delimiter {delimiter!r}): {err}"
        ) from err
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    frame = pl.DataFrame(data, schema={c: pl.Utf8 for c in columns})
    frame = frame.with_columns(pl.Series(ROW, starts, dtype=pl.Int64))
    if any(e is not None for e in extras):
        frame = frame.with_columns(pl.Series(EXTRA, extras, dtype=pl.Utf8))
    return frame


def not_utf8(file: str, line: int) -> ExportFormatError:
    """The error for bytes that are not UTF-8 in a file read as UTF-8."""
    return ExportFormatError(
        f"{file}: near line {line} the bytes are not utf-8; "
        "re-save the file as UTF-8 and load it again"
    )


def drop_blank(frame: pl.DataFrame) -> pl.DataFrame:
    """Remove blank rows (every cell empty): they are layout, not records."""
    cells = [c for c in frame.columns if c != ROW]  # an __extra cell makes a row not blank
    if not cells:
        return frame
    return frame.filter(~pl.all_horizontal(pl.col(cells).fill_null("").str.strip_chars() == ""))


def empty_raw(columns: list[str]) -> pl.DataFrame:
    return pl.DataFrame(schema={**{c: pl.Utf8 for c in columns}, ROW: pl.Int64})


def text_table(path: Path, header: HeaderCandidate, text: str, encoding: str) -> RawTable:
    """The whole delimited file as a RawTable, given the header line found by detection."""
    columns = unique_names(header.cells)
    body = text[header.offset :].encode("utf-8")
    frame = parse_records(body, columns, header.delimiter, header.line + 1, path.name)
    preamble = preamble_rows(text, header)
    return RawTable(frame, path.name, header.line, encoding, header.delimiter, None, preamble)


def preamble_rows(text: str, header: HeaderCandidate) -> list[list[str]]:
    """The lines above the header, split into cells (Brandwatch's Report/From/To, ...)."""
    lines = text[: header.offset].splitlines()[: header.line - 1]
    return [split_cells(line, header.delimiter) for line in lines]


def iter_text_tables(
    path: Path, header: HeaderCandidate, encoding: str, head_text: str, batch_rows: int
) -> Iterator[RawTable]:
    """A delimited file as RawTables of at most about ``batch_rows`` records each.

    Batches are cut by bytes within a fixed budget (:func:`batch_bytes`): a huge first
    record must not turn into a request for gigabytes. Every batch carries the preamble,
    which some formats need (Meta's title).
    """
    size = batch_bytes(batch_rows, head_text[header.offset :].encode("utf-8"))
    preamble = preamble_rows(head_text, header)
    delimiter = header.delimiter
    produced = False
    for frame in iter_text_batches(path, header, encoding, size):
        produced = True
        yield RawTable(frame, path.name, header.line, encoding, delimiter, None, preamble)
    if not produced:  # a header without records still says which format it was
        frame = empty_raw(unique_names(header.cells))
        yield RawTable(frame, path.name, header.line, encoding, delimiter, None, preamble)


def iter_text_batches(
    path: Path, header: HeaderCandidate, encoding: str, batch_bytes: int
) -> Iterator[pl.DataFrame]:
    """Stream a delimited file in batches of about ``batch_bytes``; memory stays bounded.

    A UTF-8 file's bytes go to the parser as they are: decoding them to Python text and
    encoding them back cost more than the parse, and polars checks they are UTF-8 itself
    (a batch that is not fails the fast parse, and :func:`parse_records_slow` names the line).
    Record ends are found on bytes, and a newline is never inside a UTF-8 character, so a
    character cut by a read stays whole in the bytes carried to the next batch.
    """
    columns = unique_names(header.cells)
    as_bytes = encoding in ("utf-8", "utf-8-sig")  # past the header, utf-8-sig is UTF-8
    decoder = codecs.getincrementaldecoder(encoding)()
    line = header.line + 1
    leftover = b""
    with path.open("rb") as handle:
        # skip to the header's end: the header offset counts characters of the decoded text
        head_text = ""
        while len(head_text) < header.offset:
            chunk = handle.read(65536)
            if not chunk:
                break
            head_text += decoder.decode(chunk)
        head_text = head_text.removeprefix("\ufeff") if encoding == "utf-8" else head_text
        leftover = head_text[header.offset :].encode("utf-8")
        if as_bytes:
            leftover += decoder.getstate()[0]  # a character the last read cut in two
        at_end = False
        while not at_end:
            chunk = handle.read(batch_bytes)
            at_end = not chunk
            try:
                leftover += chunk if as_bytes else decoder.decode(chunk, at_end).encode("utf-8")
            except UnicodeDecodeError as err:
                raise ExportFormatError(
                    f"{path.name}: near line {line} the bytes are not {encoding}; "
                    "re-save the file as UTF-8 and load it again"
                ) from err
            records = scan_records(leftover, line)
            if at_end:
                buf, leftover = leftover, b""
            else:
                if records.complete == 0:
                    continue  # one record longer than a batch: read more
                buf, leftover = leftover[: records.complete], leftover[records.complete :]
            frame = parse_records(buf, columns, header.delimiter, line, path.name, records)
            line += buf.count(b"\n")
            if frame.height:
                yield frame
