"""Which time layout a column holds, read from a sample of its values (never guessed).

Tried in this order: Unix seconds / milliseconds, Excel serial day numbers, layouts that
cannot be misread (ISO 8601, X's ``Sun Mar 30 23:57:06 +0000 2025``, month names), then
numeric dates like ``02/09/2026``: day first or month first only when some value proves it
(a first number above 12 is a day, a second number above 12 is a day). When no value
proves either, the column is :class:`Ambiguous`, with both readings of an example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from analytics.load.generic import ISO_AWARE, ISO_NAIVE
from analytics.load.times import _parse_formats  # the same reader the load will use

ENOUGH = 0.9  # share of the sampled values a layout must read
X_TIME = "%a %b %d %H:%M:%S %z %Y"
_NAMED_MONTHS = [
    "%d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M",
    "%d %b %Y",
    "%d %B %Y %H:%M",
    "%d %B %Y",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y %H:%M",
    "%b %d, %Y",
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y",
    "%d-%b-%y %I:%M %p",
    "%d-%b-%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
]
# whole-second layouts first: on a column without fractions they read the same values as
# the "%.f" ones but about three times faster, which a million-row load notices
_WHOLE_SECONDS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
UNAMBIGUOUS = [*_WHOLE_SECONDS, *ISO_AWARE, *ISO_NAIVE, X_TIME, *_NAMED_MONTHS]
_NUMERIC = re.compile(
    r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})"
    r"(?:(,? |T)(\d{1,2}):(\d{2})(:\d{2})?(\s*[AaPp][Mm])?)?$"
)
_TIME_PARTS = ["%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p"]


@dataclass(frozen=True)
class Layout:
    """The layouts found: ``formats`` for :func:`analytics.load.times.read`."""

    formats: list[str]
    description: str
    aware: bool  # times carry their offset (else: read in the zone given)


@dataclass(frozen=True)
class Ambiguous:
    """Numeric dates no sampled value orders: both layouts and an example."""

    day_first: list[str]
    month_first: list[str]
    example: str
    example_row: int
    day_reading: str
    month_reading: str


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _is_aware(fmt: str) -> bool:
    return "%z" in fmt or "%#z" in fmt or "%:z" in fmt


def _read(values: pl.Series, formats: list[str]) -> pl.Series:
    """Which values the layouts read (True/False per value), aware and naive alike."""
    read = pl.repeat(False, values.len(), eager=True)
    aware = [f for f in formats if _is_aware(f)]
    naive = [f for f in formats if not _is_aware(f)]
    if aware:
        read = read | _parse_formats(values, aware, time_zone="UTC").is_not_null()
    if naive:
        read = read | _parse_formats(values, naive).is_not_null()
    return read


def _count(values: pl.Series, fmt: str) -> int:
    return int(_read(values, [fmt]).sum())


def _read_share(values: pl.Series, formats: list[str]) -> float:
    return _share(int(_read(values, formats).sum()), values.len())


def _numeric_formats(values: list[str], day_first: bool) -> list[str]:
    """Every layout the numeric values use, in the order of how many use it."""
    found: dict[str, int] = {}
    for value in values:
        m = _NUMERIC.match(value)
        if not m:
            continue
        sep, year = m.group(2), "%Y" if len(m.group(4)) == 4 else "%y"
        date = f"%d{sep}%m{sep}{year}" if day_first else f"%m{sep}%d{sep}{year}"
        if m.group(6) is None:
            fmt = date
        else:
            clock = "%I" if m.group(9) else "%H"
            seconds = ":%S" if m.group(8) else ""
            ampm = " %p" if m.group(9) else ""
            glue = m.group(5)
            fmt = f"{date}{glue}{clock}:%M{seconds}{ampm}"
        found[fmt] = found.get(fmt, 0) + 1
    return sorted(found, key=lambda f: -found[f])


def _reading(value: str, formats: list[str]) -> str:
    parsed = _parse_formats(pl.Series([value]), [f for f in formats if not _is_aware(f)])[0]
    return parsed.strftime("%d %B %Y %H:%M") if parsed is not None else "(unreadable)"


def settle(ambiguous: Ambiguous, more: list[str], where: str) -> Layout | Ambiguous:
    """An ambiguous column decided by values beyond the sample (``where`` they are), when
    one of them proves the order; the layouts stay those of the sample."""
    for value in more:
        m = _NUMERIC.match(value.strip())
        if m is None:
            continue
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12 or second > 12:
            day_first = first > 12
            formats = ambiguous.day_first if day_first else ambiguous.month_first
            which = "day first" if day_first else "month first"
            place = "a first" if day_first else "a second"
            return Layout(
                formats,
                f'{which} ({" or ".join(formats)}): "{value.strip()}" ({where}) has {place} '
                "number above 12",
                False,
            )
    return ambiguous


def detect(values: pl.Series, rows: pl.Series) -> Layout | Ambiguous | str:
    """The layout of a sample of time texts (nulls removed); a reason string when none fits.

    ``rows`` are the values' line numbers (for the example of an ambiguous column).
    """
    v = values.str.strip_chars()
    n = v.len()
    if n == 0:
        return "empty in the sampled rows"
    if _share(int(v.str.contains(r"^\d{10}(\.\d+)?$").sum()), n) >= ENOUGH:
        return Layout(["epoch_s"], "Unix seconds", True)
    if _share(int(v.str.contains(r"^\d{13}$").sum()), n) >= ENOUGH:
        return Layout(["epoch_ms"], "Unix milliseconds", True)
    serial = v.str.extract(r"^(\d{5}(\.\d+)?)$", 1).cast(pl.Float64, strict=False)
    if _share(int(serial.is_between(20000, 80000).sum()), n) >= ENOUGH:
        # the naive reader falls back to Excel serials for values no layout reads
        return Layout(ISO_NAIVE[:1], "Excel serial day numbers", False)
    hits = {fmt: _count(v, fmt) for fmt in UNAMBIGUOUS}
    used = sorted((f for f in hits if hits[f]), key=lambda f: -hits[f])
    if used and _read_share(v, used) >= ENOUGH:
        aware = all(_is_aware(f) for f in used)
        name = "ISO 8601" if used[0] in _WHOLE_SECONDS + ISO_AWARE + ISO_NAIVE else used[0]
        if used[0] == X_TIME:
            name = "X's layout (Sun Mar 30 23:57:06 +0000 2025)"
        return Layout(used, f"{name} ({' or '.join(used)})", aware)
    texts = v.to_list()
    found = [_NUMERIC.match(t) for t in texts]  # a bounded sample: Python's re is fine
    if _share(sum(m is not None for m in found), n) < ENOUGH:
        return f'values like "{texts[0]}" are in no time layout the loader knows'
    first = pl.Series([int(m.group(1)) if m else None for m in found], dtype=pl.Int64)
    second = pl.Series([int(m.group(3)) if m else None for m in found], dtype=pl.Int64)
    day_first, month_first = bool((first > 12).any()), bool((second > 12).any())
    if day_first and month_first:
        return (
            "some dates have a day above 12 first and others second: the column mixes "
            "day-first and month-first dates"
        )
    if day_first or month_first:
        formats = _numeric_formats(texts, day_first)
        proof_at = int(((first > 12) if day_first else (second > 12)).arg_true()[0])
        which = "day first" if day_first else "month first"
        return Layout(
            formats,
            f'{which} ({" or ".join(formats)}): "{texts[proof_at]}" (line '
            f"{rows[proof_at]}) has {'a first' if day_first else 'a second'} number above 12",
            False,
        )
    d, m = _numeric_formats(texts, True), _numeric_formats(texts, False)
    return Ambiguous(d, m, texts[0], int(rows[0]), _reading(texts[0], d), _reading(texts[0], m))
