"""The languages a report is written in, and numbers and dates written for each.

A report is written in one language (``--lang id|en``, notebook parameter ``lang``): the
notebook calls :func:`use_lang` once, like ``gettext.install``, and every word and number the
report pieces write afterwards follows it (a process-wide setting, not a context variable:
IPython may run each cell in a fresh context, which would lose it between cells).

Numbers and dates come from Babel, which carries the Unicode CLDR data for every locale:
"1,3 miliar" / "1.3 billion", "12.345" / "12,345", "21 Okt 2026" / "21 Oct 2026",
"14.05" / "14:05". The words themselves live in the message tables
(:mod:`analytics.report.words`, :mod:`analytics.report.messages`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from analytics.errors import InputDataError


class Lang(StrEnum):
    """A language a report can be written in (its value is the CLDR locale)."""

    EN = "en"
    ID = "id"


DEFAULT_LANG = Lang.EN
LANG_NAMES = {Lang.EN: "English", Lang.ID: "Bahasa Indonesia"}

# the time of day in prose: CLDR's own short time pattern per language ("14:05" / "14.05")
_TIME = {Lang.EN: "HH:mm", Lang.ID: "HH.mm"}


def parse_lang(value: object) -> Lang:
    """``"id"`` -> ``Lang.ID``; anything else than a known language is a one-line error."""
    try:
        return Lang(str(value).strip().lower())
    except ValueError:
        known = ", ".join(lang.value for lang in Lang)
        raise InputDataError(f"language {value!r}: expected one of {known}") from None


_current = [DEFAULT_LANG]


def use_lang(lang: object) -> Lang:
    """Write every following word and number of this process in ``lang`` (``"en"``/``"id"``)."""
    _current[0] = parse_lang(lang)
    return _current[0]


def current_lang() -> Lang:
    """The language in use (English until :func:`use_lang` is called)."""
    return _current[0]


@contextmanager
def language(lang: object) -> Iterator[Lang]:
    """Use ``lang`` inside a ``with`` block, then the language used before."""
    before = _current[0]
    try:
        yield use_lang(lang)
    finally:
        _current[0] = before


def _locale(lang: Lang | None) -> str:
    return (lang or current_lang()).value


def is_missing(value: object) -> bool:
    """None or NaN: a figure that is not known."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float, digits: int = 0, *, sign: bool = False, lang: Lang | None = None) -> str:
    """``12345.6`` -> "12,345.6" / "12.345,6" with up to ``digits`` decimals (at least
    ``digits`` when ``sign``: a change "+0.50" keeps its decimals); ``sign`` writes "+"."""
    decimals = "0" * digits if sign else "#" * digits
    pattern = "#,##0" + (f".{decimals}" if digits else "")
    if sign:
        pattern = f"+{pattern};-{pattern}"
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fixed(value: float, digits: int, *, lang: Lang | None = None) -> str:
    """Exactly ``digits`` decimals: ``3.25, 1`` -> "3.2" / "3,2" (half-even, as Babel rounds)."""
    pattern = "#,##0" + (f".{'0' * digits}" if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def significant(value: float, *, lang: Lang | None = None) -> str:
    """At most three significant digits for a small figure: 0.00512 -> "0.00512" / "0,00512"."""
    return format_decimal(value, format="@##", locale=_locale(lang))


def compact(value: float, *, sign: bool = False, lang: Lang | None = None) -> str:
    """A large figure in words, so a card stays one line: 1,300,000,000 -> "1.3 billion" /
    "1,3 miliar", 12,400,000 -> "12.4 million" / "12,4 juta" (two decimals under ten)."""
    scaled = abs(value) / 1000 ** ((len(str(int(abs(value)))) - 1) // 3)
    digits = 2 if scaled < 10 else 1
    text = format_compact_decimal(
        value, format_type="long", locale=_locale(lang), fraction_digits=digits
    )
    return ("+" + text) if sign and value > 0 else text


def percent(share: float, digits: int = 1, *, sign: bool = False, lang: Lang | None = None) -> str:
    """A share 0..1 as a percentage with ``digits`` decimals: 0.765 -> "76.5%" / "76,5%"."""
    pattern = "#,##0" + (f".{'0' * digits}" if digits else "") + "%"
    if sign:
        pattern = f"+{pattern};-{pattern}"
    return format_percent(share, format=pattern, locale=_locale(lang))


def day(value: date | datetime, *, lang: Lang | None = None) -> str:
    """A calendar day: 2026-10-21 -> "21 Oct 2026" / "21 Okt 2026"."""
    return format_date(value, "d MMM y", locale=_locale(lang))


def moment(
    value: datetime, tz: str, *, year: bool = True, zone: bool = True, lang: Lang | None = None
) -> str:
    """A point in time in ``tz``: "21 Oct 2026 14:05 WIB" / "21 Okt 2026 14.05 WIB" (the
    zone's own abbreviation, as the report's time headings name it)."""
    lang = lang or current_lang()
    local = value.astimezone(ZoneInfo(tz)) if value.tzinfo else value
    pattern = ("d MMM y " if year else "d MMM ") + _TIME[lang]
    text = format_datetime(local, pattern, locale=lang.value)
    return f"{text} {local.strftime('%Z')}".strip() if zone and local.tzinfo else text
