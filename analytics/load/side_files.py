"""Small CSV files the analyst writes by hand (events, survey answers), read as text.

They are saved from Excel or a text editor, so they come comma- or semicolon-separated
(Indonesian Excel settings write semicolons) and sometimes in the wrong encoding; one
reader gives every such file the same checks and the same messages.
"""

from __future__ import annotations

from pathlib import Path

from analytics.errors import InputDataError
from analytics.load.read import sniff_delimiter


def read_csv_text(path: str | Path, *, what: str, expected: str) -> tuple[str, str]:
    """Return the file's text and its delimiter (sniffed on the header, as for exports).

    ``what`` names the file in messages ("events"), ``expected`` says what an empty file
    should have held ("a header row and events").
    """
    path = Path(path)
    if not path.is_file():
        raise InputDataError(f"{path}: {what} file not found")
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputDataError(
            f"{path}: the {what} file is not UTF-8 text (byte {error.start}); save it as CSV UTF-8"
        ) from None
    if not raw.strip():
        raise InputDataError(f"{path}: the {what} file is empty; expected {expected}")
    header = raw.splitlines()[0]
    return raw, sniff_delimiter(header)
