"""Cell cleaners: polars expressions that turn export text into typed canonical values.

All of them are vectorized (no per-row Python) so the generic loader stays fast. Most return
a pair ``(value, note)``: ``note`` is a short repair code (or null) that ends up in
``load_notes``, so what the loader changed or could not read is visible per mention.
"""

from __future__ import annotations

import polars as pl

from analytics.schema import UTC_DATETIME

NULL_WORDS = ["", "-", "–", "—", "n/a", "na", "null", "none", "nan", "#n/a"]
FORMULA_ERRORS = ["#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!"]
_EXCEL_EPOCH = pl.datetime(1899, 12, 30)

# number suffixes: English abbreviations and Indonesian words (ribu = thousand, juta = million,
# miliar = billion). "M" is read as million because the tools writing it are English-language.
_SCALES = {
    "k": 1e3,
    "rb": 1e3,
    "ribu": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "jt": 1e6,
    "juta": 1e6,
    "mio": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "miliar": 1e9,
    "milyar": 1e9,
}


def pick(columns: list[str], *aliases: str) -> str | None:
    """The first alias present among ``columns`` (exact first, then case-insensitive)."""
    for alias in aliases:
        if alias in columns:
            return alias
    lower = {c.lower(): c for c in columns}
    for alias in aliases:
        if alias.lower() in lower:
            return lower[alias.lower()]
    return None


def raw(name: str | None) -> pl.Expr:
    """A column's text with blanks and placeholder words (``-``, ``n/a``) as null."""
    if name is None:
        return pl.lit(None, pl.Utf8)
    value = pl.col(name).cast(pl.Utf8).str.strip_chars()
    return pl.when(value.str.to_lowercase().is_in(NULL_WORDS)).then(None).otherwise(value)


def _unguard(value: pl.Expr) -> pl.Expr:
    """Drop the apostrophe spreadsheets' injection guards put before ``@ = + -`` (Sprout)."""
    return pl.when(value.str.contains(r"^'[@=+\-]")).then(value.str.slice(1)).otherwise(value)


_HYPERLINK = r'(?i)^=HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)$'
_QUOTED_FORMULA = r'^="(.*)"$'


def text(name: str | None, *, want_url: bool = False) -> tuple[pl.Expr, pl.Expr]:
    """Free text or a category, repaired from Excel damage.

    ``=HYPERLINK("url","label")`` gives the url (for url columns) or the label; ``="00123"``
    (a text-forcing formula) gives ``00123``; a formula error such as ``#NAME?`` means Excel
    destroyed the cell: the value becomes null and the note says so.
    """
    value = _unguard(raw(name))
    hyper_url = value.str.extract(_HYPERLINK, 1)
    hyper_label = value.str.extract(_HYPERLINK, 2)
    hyper = hyper_url if want_url else pl.coalesce(hyper_label, hyper_url)
    quoted = value.str.extract(_QUOTED_FORMULA, 1)
    broken = value.is_in(FORMULA_ERRORS)
    cleaned = (
        pl.when(hyper_url.is_not_null())
        .then(hyper)
        .when(quoted.is_not_null())
        .then(quoted)
        .when(broken)
        .then(None)
        .otherwise(value)
    )
    note = (
        pl.when(hyper_url.is_not_null())
        .then(pl.lit("hyperlink_formula_recovered"))
        .when(quoted.is_not_null())
        .then(pl.lit("formula_prefix_stripped"))
        .when(broken)
        .then(pl.lit(f"excel_formula_error:{name}"))
        .otherwise(None)
    )
    return cleaned, note


def number(value: pl.Expr) -> pl.Expr:
    """Parse export number text to Float64; null when blank or not a number.

    Accepts ``10,000`` and Indonesian ``10.000`` (a dot followed by groups of three digits is
    a thousands separator, a count is never fractional), ``1,234.5`` / ``1.234,5``,
    ``3,4`` (decimal comma), ``424.0``, ``1.2K``, ``3,4 rb``, ``2 jt``, ``3.45%`` (-> 0.0345),
    ``5.70306E+17``. Never returns 0 for a blank.
    """
    s = value.str.strip_chars().str.replace_all(r"[\s\u00a0]", "").str.to_lowercase()
    s = pl.when(s.is_in(NULL_WORDS)).then(None).otherwise(s)
    parts = s.str.extract_groups(r"^([+-]?[\d.,]*\d[\d.,]*)(%|[a-z]+)?\.?$")
    digits, suffix = parts.struct.field("1"), parts.struct.field("2")
    plain = (
        pl.when(digits.str.contains(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$"))
        .then(digits.str.replace_all(",", ""))
        .when(digits.str.contains(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$"))
        .then(digits.str.replace_all(r"\.", "").str.replace(",", "."))
        .when(digits.str.contains(r"^[+-]?\d+,\d+$"))
        .then(digits.str.replace(",", "."))
        .when(digits.str.contains(r"^[+-]?(\d+\.?\d*|\.\d+)$"))
        .then(digits)
        .otherwise(None)
        .cast(pl.Float64, strict=False)
    )
    scale = (
        pl.when(suffix.is_null())
        .then(1.0)
        .when(suffix == "%")
        .then(0.01)
        .otherwise(suffix.replace_strict(_SCALES, default=None, return_dtype=pl.Float64))
    )
    scientific = s.str.extract(r"^([+-]?\d+(\.\d+)?e[+-]?\d+)$", 1).cast(pl.Float64, strict=False)
    return pl.coalesce(scientific, plain * scale)


def count(name: str | None) -> tuple[pl.Expr, pl.Expr]:
    """A count column (likes, reach, ...) as Int64; unreadable text -> null plus a note."""
    if name is None:
        return pl.lit(None, pl.Int64), pl.lit(None, pl.Utf8)
    value = raw(name)
    # a percentage is a rate, never a count: keep it out rather than round 15% to 0
    parsed = (
        pl.when(value.str.contains("%", literal=True)).then(None).otherwise(number(_unguard(value)))
    )
    note = pl.when(value.is_not_null() & parsed.is_null()).then(pl.lit(f"unparsed_number:{name}"))
    return parsed.round(0).cast(pl.Int64, strict=False), note


def add_counts(*values: pl.Expr) -> pl.Expr:
    """Sum of the values that are present; null when none is (for derived engagement)."""
    present = pl.sum_horizontal(*(v.is_not_null().cast(pl.Int64) for v in values))
    total = pl.sum_horizontal(*(v.fill_null(0) for v in values))
    return pl.when(present > 0).then(total).otherwise(None).cast(pl.Int64)


def _plausible(parsed: pl.Expr) -> pl.Expr:
    """Null for years a social post cannot have: ``%Y`` happily reads ``07-Jul-25`` as year 25."""
    return pl.when(parsed.dt.year().is_between(1990, 2199)).then(parsed)


def excel_serial(value: pl.Expr) -> pl.Expr:
    """Naive datetime from an Excel serial day number like ``42059.48``; else null."""
    serial = value.str.extract(r"^(\d{5}(\.\d+)?)$", 1).cast(pl.Float64, strict=False)
    serial = pl.when((serial > 20000) & (serial < 80000)).then(serial)
    seconds = (serial * 86400).round(0).cast(pl.Int64)
    return _EXCEL_EPOCH + pl.duration(seconds=seconds)


def local_time(value: pl.Expr, formats: list[str], tz: str) -> tuple[pl.Expr, pl.Expr]:
    """Naive local time text (any of ``formats``, tried in order) -> UTC; Excel serials too.

    Formats are explicit (never guessed), so ``03/04/2026`` is read only as the format says.
    Times that do not exist in ``tz`` (a DST gap) become null; repeated ones take the earlier.
    """
    text_value = value.str.strip_chars()
    parsed = [
        _plausible(text_value.str.to_datetime(f, strict=False, time_unit="us")) for f in formats
    ]
    serial = excel_serial(text_value)
    naive = pl.coalesce(*parsed, serial.cast(pl.Datetime("us")))
    utc = naive.dt.replace_time_zone(tz, ambiguous="earliest", non_existent="null")
    note = pl.when(pl.coalesce(*parsed).is_null() & serial.is_not_null()).then(
        pl.lit("date_from_excel_serial")
    )
    return utc.dt.convert_time_zone("UTC").cast(UTC_DATETIME), note


def aware_time(value: pl.Expr, formats: list[str]) -> pl.Expr:
    """Time text with an explicit offset (``2015-09-30 18:42 +0000``) -> UTC."""
    text_value = value.str.strip_chars()
    parsed = [
        _plausible(text_value.str.to_datetime(f, strict=False, time_unit="us", time_zone="UTC"))
        for f in formats
    ]
    return pl.coalesce(*parsed).cast(UTC_DATETIME)


def day(value: pl.Expr, formats: list[str]) -> pl.Expr:
    """A calendar date from text in one of ``formats`` (or an Excel serial)."""
    text_value = value.str.strip_chars()
    parsed = [_plausible(text_value.str.to_date(f, strict=False)) for f in formats]
    return pl.coalesce(*parsed, excel_serial(text_value).dt.date())


_ROUNDED_ID = r"(?i)^[+-]?\d(\.\d+)?e\+?\d+$"
STATUS_ID = r"/status(?:es)?/(\d+)"


def native_id(value: pl.Expr, url: pl.Expr | None = None) -> tuple[pl.Expr, pl.Expr]:
    """A platform id, repaired from Excel: ``5.70306E+17`` is rounded and cannot be trusted.

    The real id comes back from a status URL when there is one (``.../status/<id>``);
    otherwise the id is dropped (null) so a surrogate is used, and the note says why.
    ``424.0``-style float ids lose the ``.0``.
    """
    value = value.str.strip_chars().str.replace(r"^'", "")
    value = (
        pl.when(value.str.contains(r"^\d+\.0+$"))
        .then(value.str.replace(r"\.0+$", ""))
        .otherwise(value)
    )
    rounded = value.str.contains(_ROUNDED_ID)
    from_url = url.str.extract(STATUS_ID, 1) if url is not None else pl.lit(None, pl.Utf8)
    repaired = pl.when(rounded).then(from_url).otherwise(value)
    note = (
        pl.when(rounded & from_url.is_not_null())
        .then(pl.lit("id_recovered_from_url"))
        .when(rounded)
        .then(pl.lit("id_rounded_by_excel"))
    )
    return repaired, note


def handle(value: pl.Expr) -> pl.Expr:
    """An author handle without the leading ``@`` (and without an injection-guard apostrophe)."""
    return value.str.strip_chars().str.replace(r"^'?@", "")


def first_count(columns: list[str], *aliases: str) -> tuple[pl.Expr, pl.Expr]:
    """The first non-null count among every alias present (one column per platform family).

    Brandwatch writes ``X Likes`` for X rows and ``Facebook Likes`` for Facebook rows; the
    row's own family is the one that has a value.
    """
    present = [a for a in dict.fromkeys(pick(columns, a) for a in aliases) if a is not None]
    if not present:
        return pl.lit(None, pl.Int64), pl.lit(None, pl.Utf8)
    pairs = [count(name) for name in present]
    return pl.coalesce(*(v for v, _ in pairs)), join_notes([n for _, n in pairs])


def first_text(
    columns: list[str], *aliases: str, want_url: bool = False
) -> tuple[pl.Expr, pl.Expr]:
    """The first non-empty text among the aliases present (e.g. Full Text, Snippet, Title)."""
    present = [a for a in dict.fromkeys(pick(columns, a) for a in aliases) if a is not None]
    if not present:
        return pl.lit(None, pl.Utf8), pl.lit(None, pl.Utf8)
    pairs = [text(name, want_url=want_url) for name in present]
    return pl.coalesce(*(v for v, _ in pairs)), join_notes([n for _, n in pairs])


def join_notes(notes: list[pl.Expr]) -> pl.Expr:
    """Repair codes joined by ``;``; null (not "") when there is none."""
    if not notes:
        return pl.lit(None, pl.Utf8)
    joined = pl.concat_str(notes, separator=";", ignore_nulls=True)
    return pl.when(joined == "").then(None).otherwise(joined)
