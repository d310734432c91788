"""Reading spreadsheets, JSON and Parquet into the same RawTable of strings as text files.

A cell becomes the text a CSV export of it would show, so one set of cleaners serves every
container: Excel date cells become ``YYYY-MM-DD HH:MM:SS``, and an 18-digit id that Excel
stored as a number (rounded to 15 digits) becomes ``5.70306123456789E+17`` so the id check
recognises the damage.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl

from analytics.errors import ExportFormatError
from analytics.load.read import EXTRA, ROW, RawTable, decode_file, drop_blank, unique_names


def excel_cell(value: object) -> str:
    """A spreadsheet cell as the text a CSV export of it would show."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if abs(value) >= 1e15:
            # beyond 15 significant digits Excel stored a rounded number (an id it damaged);
            # show it as Excel does, so the id check recognises it
            return f"{value:.14E}"
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    return str(value)


def excel_sheets(path: Path) -> dict[str, list[list[str]]]:
    """Every sheet of a workbook as rows of cell strings (whole file; fine for exports)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for damaged files
        raise ExportFormatError(
            f"{path.name}: cannot be opened as an Excel workbook: {err}"
        ) from err
    sheets = {}
    for sheet in book.worksheets:
        rows = [[excel_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        sheets[sheet.title] = rows
    book.close()
    return sheets


def rows_table(rows: list[list[str]], header_index: int, file: str, sheet: str | None) -> RawTable:
    """Rows of cells (e.g. a sheet) with the header at 0-based ``header_index``."""
    header = rows[header_index]
    while header and not header[-1].strip():
        header = header[:-1]  # Excel pads rows to the widest one
    columns = unique_names(header)
    width = len(columns)
    data: dict[str, list[str]] = {c: [] for c in columns}
    lines, extras = [], []
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        padded = (row + [""] * width)[:width]
        for c, v in zip(columns, padded, strict=True):
            data[c].append(v)
        lines.append(number)
        extra = [cell for cell in row[width:] if cell.strip()]
        extras.append(json.dumps(extra, ensure_ascii=False) if extra else None)
    frame = pl.DataFrame(data, schema={c: pl.Utf8 for c in columns})
    frame = frame.with_columns(pl.Series(ROW, lines, dtype=pl.Int64))
    if any(e is not None for e in extras):  # cells under no header: the row is suspect
        frame = frame.with_columns(pl.Series(EXTRA, extras, dtype=pl.Utf8))
    frame = drop_blank(frame)
    return RawTable(frame, file, header_index + 1, "xlsx", ",", sheet, rows[:header_index])


def json_table(path: Path) -> RawTable:
    """A JSON array of objects, or JSON Lines, as strings; nested values stay JSON text."""
    text, encoding = decode_file(path)
    records: list[dict] = []
    lines: list[int] = []
    stripped = text.lstrip()
    try:
        if stripped.startswith("["):
            loaded = json.loads(text)
            records = [r for r in loaded if isinstance(r, dict)]
            lines = list(range(1, len(records) + 1))  # record number: JSON has no line layout
        else:
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    records.append(json.loads(line))
                    lines.append(number)
    except json.JSONDecodeError as err:
        raise ExportFormatError(
            f"{path.name}: line {err.lineno} is not valid JSON ({err.msg})"
        ) from err
    columns = list(dict.fromkeys(k for r in records for k in r))
    data = {c: [json_text(r.get(c)) for r in records] for c in columns}
    frame = pl.DataFrame(data, schema={c: pl.Utf8 for c in columns})
    frame = frame.with_columns(pl.Series(ROW, lines, dtype=pl.Int64))
    return RawTable(frame, path.name, 0, encoding, "json")


def json_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return json.dumps(value, ensure_ascii=False)


def parquet_table(path: Path) -> RawTable:
    """A Parquet file with every column cast to text (the mapping decides the meaning)."""
    frame = pl.read_parquet(path)
    casts = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        if dtype == pl.Utf8:
            casts.append(col)
        elif isinstance(dtype, pl.Datetime):
            fmt = "%Y-%m-%dT%H:%M:%S%.f%z" if dtype.time_zone else "%Y-%m-%d %H:%M:%S%.f"
            casts.append(col.dt.strftime(fmt).alias(name))
        elif dtype.is_nested():
            casts.append(col.map_elements(json.dumps, return_dtype=pl.Utf8).alias(name))
        else:
            casts.append(col.cast(pl.Utf8).alias(name))
    frame = (
        frame.select(casts).with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
    )
    return RawTable(frame.select([*frame.columns[1:], ROW]), path.name, 0, "parquet", "parquet")
