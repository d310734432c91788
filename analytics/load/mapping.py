"""The generic loader's mapping file (TOML): which source column feeds which canonical field.

Example (see docs/loading.md for every key)::

    [columns]
    published_at = "Tanggal"
    text = "Isi"
    url = "Tautan"
    likes = ["Suka", "Likes"]      # several names: the first one present is used

    [time]
    format = "%d/%m/%Y %H:%M"      # explicit, never guessed; omit for ISO 8601
    timezone = "Asia/Jakarta"      # zone of times without an offset

    [constants]
    platform = "x"                 # a fixed value for a field the file lacks

    [file]
    delimiter = ";"                # default: sniffed
    encoding = "utf-8"             # default: sniffed
    sheet = "Data"                 # Excel; default: first sheet with the columns
    header_line = 1                # default: first line holding every mapped column
    records = "data.items"         # JSON object: where the list of records is
"""

from __future__ import annotations

import codecs
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from analytics.errors import ExportFormatError
from analytics.load.nesting import loads_toml
from analytics.schema import MENTION_SCHEMA
from analytics.zones import zone

# fields the loader fills itself; a mapping cannot set them
_DERIVED = {"brand", "id_is_surrogate", "source_tool", "source_file", "source_row", "load_notes"}
FIELDS = tuple(f for f in MENTION_SCHEMA if f not in _DERIVED)
_SECTIONS = {"columns", "time", "constants", "file"}
_KEYS = {
    "time": {"format", "timezone"},
    "file": {"delimiter", "encoding", "sheet", "header_line", "records"},
}


@dataclass
class Mapping:
    """A validated mapping file."""

    path: Path
    columns: dict[str, list[str]]  # canonical field -> source column names (first present wins)
    time_formats: list[str] = field(default_factory=list)  # empty = ISO 8601
    timezone: str | None = None
    constants: dict[str, object] = field(default_factory=dict)
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    header_line: int | None = None
    records: str | None = None  # JSON: dotted path of the list of records in an object

    def sources(self) -> set[str]:
        return {name for names in self.columns.values() for name in names}


def _fail(path: Path, message: str) -> ExportFormatError:
    return ExportFormatError(f"mapping file {path.name}: {message} (see docs/loading.md)")


def _read_toml(path: Path) -> dict:
    """The mapping file's TOML; a binary, non-UTF-8 or absurdly nested file is named as
    the mapping's fault (it is read before the export, so the export is not blamed)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise ExportFormatError(f"mapping file {path}: not found") from err
    if b"\x00" in data[:8192]:
        raise _fail(path, "is a binary file, not a TOML text file; pass the .toml mapping")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _fail(
            path, f"byte {err.start} is not UTF-8 text; save the mapping as UTF-8 TOML"
        ) from err
    try:
        return loads_toml(text, what=f"mapping file {path.name}")
    except tomllib.TOMLDecodeError as err:
        raise _fail(path, f"not valid TOML: {err}") from err


def _time_settings(path: Path, time: dict) -> tuple[list[str], str | None]:
    """The [time] section's layouts and zone, checked (shared by both mapping readers)."""
    formats = time.get("format", [])
    formats = [formats] if isinstance(formats, str) else formats
    if not isinstance(formats, list) or not all(isinstance(f, str) and f for f in formats):
        raise _fail(path, "[time] format must be a layout string or a list of them")
    timezone = time.get("timezone")
    if timezone is not None:
        zone(timezone, what=f"mapping file {path.name}: [time] timezone", error=ExportFormatError)
    return formats, timezone


def read_mapping(path: Path | str) -> Mapping:
    """Parse and check a TOML mapping file; errors name the key and what was expected."""
    path = Path(path)
    data = _read_toml(path)
    unknown = set(data) - _SECTIONS
    if unknown:
        raise _fail(path, f"unknown section(s) {sorted(unknown)}; expected {sorted(_SECTIONS)}")
    for section, value in data.items():
        if not isinstance(value, dict):
            raise _fail(path, f"{section} must be a [{section}] section of key = value lines")
    for section, allowed in _KEYS.items():
        # a misspelt key (timezon = ...) must not be ignored: the times would silently shift
        extra = set(data.get(section, {})) - allowed
        if extra:
            raise _fail(
                path, f"[{section}] unknown key(s) {sorted(extra)}; expected {sorted(allowed)}"
            )
    columns: dict[str, list[str]] = {}
    for key, value in data.get("columns", {}).items():
        if key not in FIELDS:
            raise _fail(
                path,
                f"[columns] {key!r} is not a canonical field; expected one of {', '.join(FIELDS)}",
            )
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise _fail(path, f"[columns] {key} must be a column name or a list of names")
        columns[key] = names
    constants = dict(data.get("constants", {}))
    for key in constants:
        if key not in FIELDS or key == "published_at":
            raise _fail(
                path,
                f"[constants] {key!r} cannot be a constant (not a canonical field, "
                "or the time, which every row must have)",
            )
    if "published_at" not in columns:
        raise _fail(path, "[columns] published_at is required (the column with the time)")
    if not {"text", "url"} & set(columns):
        raise _fail(path, "[columns] needs text or url (a mention without either is useless)")
    time = data.get("time", {})
    formats, timezone = _time_settings(path, time)
    options = data.get("file", {})
    encoding = options.get("encoding")
    if encoding is not None:
        try:
            # rot13, zlib_codec, base64...: codecs, but not ones that turn bytes into text
            known = codecs.lookup(encoding)._is_text_encoding  # type: ignore[attr-defined]
        except (LookupError, TypeError):
            known = False
        if not known:
            raise _fail(
                path,
                f"[file] encoding {encoding!r} is not known as a text encoding; "
                "e.g. utf-8, cp1252, utf-16",
            )
    delimiter = options.get("delimiter")
    if delimiter is not None and not (isinstance(delimiter, str) and len(delimiter) == 1):
        raise _fail(path, f"[file] delimiter must be one character such as ';', got {delimiter!r}")
    header_line = options.get("header_line")
    if header_line is not None and (not isinstance(header_line, int) or header_line < 1):
        raise _fail(path, f"[file] header_line must be a line number from 1, got {header_line!r}")
    return Mapping(
        path=path,
        columns=columns,
        time_formats=formats,
        timezone=timezone,
        constants=constants,
        delimiter=options.get("delimiter"),
        encoding=options.get("encoding"),
        sheet=options.get("sheet"),
        header_line=header_line,
        records=options.get("records"),
    )


def read_time_override(path: Path | str, format: str) -> tuple[list[str], str | None]:
    """The ``[time]`` section of a file given with a vendor ``format``: (layouts, zone).

    It replaces the tool's documented time layout and zone, e.g. for a Brandwatch CSV that
    Excel re-saved with day-first dates. Only ``[time]`` belongs in such a file.
    """
    path = Path(path)
    data = _read_toml(path)
    if set(data) != {"time"}:
        raise _fail(
            path,
            f"with format={format!r} only a [time] section (format, timezone) is read; "
            f"found {sorted(data)}. Column mappings are for format='generic'",
        )
    time = data["time"]
    if not isinstance(time, dict):
        raise _fail(path, "time must be a [time] section of key = value lines")
    extra = set(time) - _KEYS["time"]
    if extra:
        raise _fail(
            path, f"[time] unknown key(s) {sorted(extra)}; expected {sorted(_KEYS['time'])}"
        )
    return _time_settings(path, time)
