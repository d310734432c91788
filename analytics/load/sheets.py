"""Reading spreadsheets, JSON and Parquet into the same RawTable of strings as text files.

A cell becomes the text a CSV export of it would show, so one set of cleaners serves every
container: Excel date cells become ``YYYY-MM-DD HH:MM:SS``, and an 18-digit id that Excel
stored as a number (rounded to 15 digits) becomes ``5.70306123456789E+17`` so the id check
recognises the damage.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import polars as pl

from analytics.errors import ExportFormatError
from analytics.load.nesting import loads_json
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


# Excel's own limits: a sheet cannot be bigger, so a file claiming more is damaged or hostile
EXCEL_MAX_ROWS = 1_048_576
# cells kept in memory for one workbook (about 2-3 GB of Python strings at most); past it
# the file is refused with a clear error instead of exhausting memory
EXCEL_CELL_BUDGET = 20_000_000
UNCOMPUTED_FORMULA = "="  # prefix of a formula cell saved without its computed value


def excel_sheets(path: Path, *, cell_budget: int = EXCEL_CELL_BUDGET) -> dict[str, list[list[str]]]:
    """Every sheet of a workbook as rows of cell strings; row ``i`` is sheet row ``i + 1``.

    The size comes from the cells themselves, never from the sheet's ``<dimension>`` tag
    (a tool that understates it would lose rows; one that claims A1:XFD1048576 would make
    a reader allocate gigabytes). Empty rows cost one shared empty list, trailing empty
    cells are dropped, and more than ``cell_budget`` cells is a clear error. A formula
    saved without its computed value (files written by scripts, not Excel) keeps its
    formula text (``=SUM(B2:C2)``) so the cleaners can note it instead of a silent blank.
    """
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for damaged files
        raise ExportFormatError(
            f"{path.name}: cannot be opened as an Excel workbook: {err}"
        ) from err
    sheets = {}
    budget = [cell_budget]
    try:
        for sheet in book.worksheets:
            sheets[sheet.title] = _sheet_rows(path, book, sheet, budget)
    except ExportFormatError:
        raise
    except Exception as err:  # damaged XML inside the zip
        raise ExportFormatError(f"{path.name}: cannot be read as an Excel workbook: {err}") from err
    finally:
        book.close()
    return sheets


def _sheet_rows(path: Path, book: object, sheet: object, budget: list[int]) -> list[list[str]]:
    """One sheet's rows, streamed from its XML; ``budget[0]`` counts the cells still allowed."""
    rows: list[list[str]] = []
    blank: list[str] = []  # shared by every empty row: a gap of a million rows costs 8 MB
    source = sheet._get_source()  # type: ignore[attr-defined]
    parser = _formula_parser()(
        source,
        sheet._shared_strings,  # type: ignore[attr-defined]
        data_only=True,
        epoch=book.epoch,  # type: ignore[attr-defined]
        date_formats=book._date_formats,  # type: ignore[attr-defined]
        timedelta_formats=book._timedelta_formats,  # type: ignore[attr-defined]
    )
    with source:
        for number, cells in parser.parse():
            if number > EXCEL_MAX_ROWS:
                raise ExportFormatError(
                    f'{path.name}: sheet "{sheet.title}" has a cell in row {number:,}, past '  # type: ignore[attr-defined]
                    f"Excel's last row {EXCEL_MAX_ROWS:,}; the file is damaged"
                )
            values = {c["column"]: excel_cell(c["value"]) for c in cells}
            last = max((col for col, v in values.items() if v), default=0)
            if number <= len(rows):  # rows out of order: the XML is not what Excel writes
                raise ExportFormatError(
                    f'{path.name}: sheet "{sheet.title}" lists row {number} twice or out of '  # type: ignore[attr-defined]
                    "order; the file is damaged. Open it in Excel and save it again"
                )
            rows.extend([blank] * (number - 1 - len(rows)))
            budget[0] -= max(last, 1)
            if budget[0] < 0:
                raise ExportFormatError(
                    f'{path.name}: sheet "{sheet.title}" holds more cells than can be read '  # type: ignore[attr-defined]
                    f"at once (row {number:,}, column {last:,}); save it as CSV UTF-8 (read "
                    "in batches) or split it"
                )
            rows.append([values.get(i, "") for i in range(1, last + 1)] if last else blank)
    while rows and not rows[-1]:
        rows.pop()
    return rows


@functools.cache
def _formula_parser() -> type:
    # a subclass of openpyxl's parser, made on first use: openpyxl loads only for workbooks
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class FormulaAwareParser(WorkSheetParser):
        """openpyxl's sheet parser that keeps a formula's text when it has no cached value."""

        def parse_cell(self, element):  # noqa: ANN001, ANN202
            cell = super().parse_cell(element)
            formula = element.find(FORMULA_TAG)
            if formula is not None and element.findtext(VALUE_TAG) in (None, ""):
                text = (formula.text or "").strip() or "(shared formula)"
                cell["value"] = UNCOMPUTED_FORMULA + text
            return cell

    return FormulaAwareParser


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


def json_table(path: Path, records_key: str | None = None) -> RawTable:
    """JSON records as strings; nested values stay JSON text.

    Accepts an array of objects, JSON Lines (one object per line) or an object holding the
    array under ``records_key`` (a dotted path such as ``data.items``). Anything that is not
    an object where a record should be is an error naming where, never skipped.
    """
    text, encoding = decode_file(path)
    try:
        whole: object = loads_json(text, what=path.name)
        lines_mode = False
    except json.JSONDecodeError as err:
        if err.msg != "Extra data":
            raise ExportFormatError(
                f"{path.name}: line {err.lineno} is not valid JSON ({err.msg})"
            ) from err
        lines_mode, whole = True, None  # several values: JSON Lines
    if lines_mode:
        records, lines = _json_lines(path, text)
    elif records_key is None and _is_api_page(whole):  # one response page, alone in the file
        records, lines = [whole], [1]
    elif records_key is None and _is_video_comments(whole):
        records = _video_comments(whole)  # type: ignore[arg-type]
        lines = list(range(1, len(records) + 1))
    else:
        items = _records_of(path, whole, records_key)
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise ExportFormatError(
                    f"{path.name}: record {number} is {type(item).__name__}, not an object"
                )
        records, lines = items, list(range(1, len(items) + 1))  # record numbers
    records, lines = _api_pages(records, lines)
    records = [_flatten(r) for r in records]
    columns = list(dict.fromkeys(k for r in records for k in r))
    data = {c: [json_text(r.get(c)) for r in records] for c in columns}
    frame = pl.DataFrame(data, schema={c: pl.Utf8 for c in columns})
    frame = frame.with_columns(pl.Series(ROW, lines, dtype=pl.Int64))
    return RawTable(frame, path.name, 0, encoding, "json")


def _is_video_comments(value: object) -> bool:
    """tiktok-comment-scrapper's document: ``{"video_url", "comments": [{"comment", ...}]}``."""
    if not isinstance(value, dict) or not isinstance(value.get("comments"), list):
        return False
    first = value["comments"][:1]
    return "video_url" in value and all(isinstance(c, dict) and "comment" in c for c in first)


def _video_comments(document: dict) -> list[dict]:
    """One record per comment and per reply (replies nested in their comment), each with
    the video's url; a reply names its comment in ``parent_comment_id``."""
    out = []
    for comment in document["comments"]:
        if not isinstance(comment, dict):
            continue
        replies = comment.get("replies") or []
        top = {k: v for k, v in comment.items() if k != "replies"}
        out.append({**top, "video_url": document["video_url"]})
        for reply in replies if isinstance(replies, list) else []:
            if isinstance(reply, dict):
                out.append(
                    {
                        **reply,
                        "video_url": document["video_url"],
                        "parent_comment_id": comment.get("comment_id"),
                    }
                )
    return out


def _is_api_page(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("data"), list) and "includes" in value


def _api_pages(records: list, lines: list[int]) -> tuple[list, list[int]]:
    """X API v2 response pages (what ``twarc2 search`` writes: one ``{"data": [...],
    "includes": {"users": [...]}}`` per line) as one record per post, each with its
    ``author`` (and ``in_reply_to_user``) object from ``includes``, like ``twarc2 flatten``.
    Any other records are returned as they are."""
    pages = [r for r in records if _is_api_page(r)]
    if not records or len(pages) != len(records):
        return records, lines
    out, out_lines = [], []
    for page, line in zip(pages, lines, strict=True):
        includes = page["includes"] if isinstance(page["includes"], dict) else {}
        users = {u.get("id"): u for u in includes.get("users", []) if isinstance(u, dict)}
        for post in page["data"]:
            if not isinstance(post, dict):
                continue
            post = dict(post)
            if post.get("author_id") in users:
                post["author"] = users[post["author_id"]]
            if post.get("in_reply_to_user_id") in users:
                post["in_reply_to_user"] = users[post["in_reply_to_user_id"]]
            out.append(post)
            out_lines.append(line)
    return out, out_lines


def _flatten(record: dict, prefix: str = "", depth: int = 0) -> dict:
    """The record plus its nested objects' fields under dotted names.

    ``{"author": {"username": "a"}}`` also gives ``author.username`` (the names twarc's CSV
    uses, so one layout fits both); a list of ``{"type": ..., "id": ...}`` objects (X's
    ``referenced_tweets``) also gives ``referenced_tweets.<type>.id``. Top-level keys stay
    as they are (nested values as JSON text), so mappings written before keep working.
    """
    out: dict = dict(record) if not prefix else {}
    if depth > 4:  # deep enough for every layout we read; the JSON text keeps the rest
        return out
    for key, value in record.items():
        name = f"{prefix}{key}"
        if prefix:
            out[name] = value
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}.", depth + 1))
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) and "type" in v and "id" in v for v in value)
        ):
            for item in value:
                out.setdefault(f"{name}.{item['type']}.id", item["id"])
    return out


def _json_lines(path: Path, text: str) -> tuple[list[dict], list[int]]:
    records, lines = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = loads_json(line, what=f"{path.name}: line {number}")
        except json.JSONDecodeError as err:
            raise ExportFormatError(
                f"{path.name}: line {number} is not valid JSON ({err.msg})"
            ) from err
        if not isinstance(record, dict):
            raise ExportFormatError(
                f"{path.name}: line {number} is {type(record).__name__}, not an object"
            )
        records.append(record)
        lines.append(number)
    return records, lines


def _records_of(path: Path, whole: object, records_key: str | None) -> list:
    """The list of records inside a JSON document (top level, or under ``records_key``)."""
    value = whole
    if records_key:
        for part in records_key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise ExportFormatError(
                    f'{path.name}: no "{part}" on the path "{records_key}" given by [file] records'
                )
            value = value[part]
    if isinstance(value, list):
        return value
    keys = ", ".join(list(value)[:10]) if isinstance(value, dict) else type(value).__name__
    raise ExportFormatError(
        f"{path.name}: a JSON object, not a list of records; name the list with "
        f'[file] records = "<key>" in the mapping (keys found: {keys})'
    )


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
