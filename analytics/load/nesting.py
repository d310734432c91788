"""Parsing TOML and JSON that may be nested absurdly deep, with one clear error.

Both parsers recurse once per level: a file nested a few thousand levels deep (by accident
or on purpose) ends in ``RecursionError`` deep inside the parser. Here that becomes an
error naming the file and the limit, like any other unreadable input.
"""

from __future__ import annotations

import json
import sys
import tomllib
from typing import Any

from analytics.errors import ExportFormatError

# levels of nesting a parse may need; beyond (about) this the parser runs out of stack.
# Real exports and mappings nest a handful of levels.
MAX_DEPTH = sys.getrecursionlimit() // 2


def _too_deep(what: str) -> ExportFormatError:
    return ExportFormatError(
        f"{what}: nested deeper than about {MAX_DEPTH} levels of lists or tables, which "
        "cannot be read; the file is damaged or not the export/mapping it looks like"
    )


def loads_json(text: str, *, what: str) -> Any:
    """``json.loads`` whose too-deep nesting is an :class:`ExportFormatError` naming ``what``."""
    try:
        return json.loads(text)
    except RecursionError:
        raise _too_deep(what) from None


def loads_toml(text: str, *, what: str) -> dict[str, Any]:
    """``tomllib.loads`` whose too-deep nesting is an :class:`ExportFormatError`."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise _too_deep(what) from None
