"""Cell cleaners: turn export text into typed canonical values, vectorized.

Each cleaner is a function over a whole polars Series, done in stages (one column per step),
exposed as a polars expression through ``map_batches``. Staging matters: written as one
nested expression, a number parser repeats its input a dozen times and the query plan grows
so large that planning a 5-row file takes seconds. No cleaner loops over rows in Python.

Most cleaners return a pair ``(value, note)``: ``note`` is a short repair code (or null)
that ends up in ``load_notes``, so what the loader changed or could not read is visible per
mention.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

import polars as pl

_NULL_WORDS = ["", "-", "–", "—", "n/a", "na", "null", "none", "nan", "NaN", "#n/a"]
# every spelling, so a column is checked without lower-casing it first (that costs more than
# the whole check on a long column)
NULL_WORDS = sorted({v for w in _NULL_WORDS for v in (w, w.upper(), w.title(), w.capitalize())})
FORMULA_ERRORS = ["#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!"]
STATUS_ID = r"/status(?:es)?/(\d+)"
# the author handle in an X/Twitter status URL (x.com/<handle>/status/<id>); "i/web/status"
# links name no author and do not match
STATUS_AUTHOR = (
    r"(?i)^(?:https?://)?(?:www\.|mobile\.)?(?:x|twitter)\.com/@?(\w{1,15})/status(?:es)?/\d+"
)
_HYPERLINK = r'(?i)^=HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)$'
_QUOTED_FORMULA = r'^="(.*)"$'
_ROUNDED_ID = r"(?i)^[+-]?\d([.,]\d+)?e\+?\d+$"  # 1.71235E+18, or 1,71235E+18 (Indonesian Excel)
# a formula saved without its computed value (the xlsx reader keeps its text): a function
# call or a cell reference after "=", e.g. =CONCAT(B2,C2), =B2*2, =(shared formula)
_UNCOMPUTED = r"^=(?:[A-Za-z_][A-Za-z0-9_.]*\(|\$?[A-Za-z]{1,3}\$?\d+\b|\(shared formula\)$)"

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
NOTE_TYPE = pl.Utf8()


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
    return _raw(pl.col(name).cast(pl.Utf8))


def _raw(text: pl.Expr) -> pl.Expr:
    value = text.str.strip_chars()
    return pl.when(value.is_in(NULL_WORDS)).then(None).otherwise(value)


def raw_series(s: pl.Series) -> pl.Series:
    """:func:`raw` over a Series of the column's text (inside a whole-column cleaner)."""
    return s.to_frame("v").select(_raw(pl.col("v"))).to_series()


def whole_column(
    expr: pl.Expr, fn: Callable[[pl.Series], pl.Series], dtype: pl.DataType
) -> pl.Expr:
    """``fn`` over the whole column; a literal (an absent column) stays a null literal so it
    broadcasts like one instead of becoming a one-row column."""
    if expr.meta.is_literal(allow_aliasing=True):
        return pl.lit(None, dtype)
    return expr.map_batches(fn, dtype)


def cleaner_pair(
    expr: pl.Expr, fn: Callable[[pl.Series], pl.DataFrame], dtype: pl.DataType
) -> tuple[pl.Expr, pl.Expr]:
    """A staged Series cleaner as two expressions: (value, note).

    polars evaluates a Python function once per expression that uses it, so the value and
    the note would each run the cleaner. The cleaner is pure, so the last result is reused
    when the same input comes again (checked by content, which costs far less than regexes).
    """
    struct = pl.Struct({"value": dtype, "note": NOTE_TYPE})
    last: list[tuple[pl.Series, pl.Series]] = []
    lock = threading.Lock()  # polars may evaluate the value and the note on two threads

    def run(s: pl.Series) -> pl.Series:
        with lock:
            if last and last[0][0].len() == s.len() and last[0][0].equals(s, null_equal=True):
                return last[0][1]
            out = fn(s).select(pl.struct("value", "note")).to_series()
            last[:] = [(s, out)]
            return out

    if expr.meta.is_literal(allow_aliasing=True):
        return pl.lit(None, dtype), pl.lit(None, NOTE_TYPE)
    node = expr.map_batches(run, struct)
    return node.struct.field("value"), node.struct.field("note")


# ---------------------------------------------------------------- text


def _text_frame(s: pl.Series, *, column: str | None, want_url: bool, unguard: bool) -> pl.DataFrame:
    # free text is kept exactly as written (spaces and line breaks included); only a cell
    # with nothing but blanks is empty. A url is a token: blanks around it and "-" go.
    if not want_url and not s.str.contains(r"^\s*$|^['=#]").any():
        # the common case, decided in one pass: no blank cell, nothing Excel could have done
        return s.to_frame("value").with_columns(pl.lit(None, NOTE_TYPE).alias("note"))
    f = s.to_frame("v")
    if want_url:
        f = f.with_columns(pl.col("v").str.strip_chars())
        f = f.with_columns(
            pl.when(pl.col("v").is_in(NULL_WORDS)).then(None).otherwise("v").alias("v")
        )
    f = f.with_columns(
        pl.when(pl.col("v").str.strip_chars() == "").then(None).otherwise("v").alias("v")
    )
    if not f["v"].str.contains(r"^['=#]").any():
        return f.select(pl.col("v").alias("value"), pl.lit(None, NOTE_TYPE).alias("note"))
    if unguard:
        # drop the apostrophe spreadsheet injection guards put before @ = + - ('@Reply)
        f = f.with_columns(
            pl.when(pl.col("v").str.contains(r"^'[@=+\-]"))
            .then(pl.col("v").str.slice(1))
            .otherwise("v")
            .alias("v")
        )
    f = f.with_columns(
        pl.col("v").str.extract(_HYPERLINK, 1).alias("link"),
        pl.col("v").str.extract(_HYPERLINK, 2).alias("label"),
        pl.col("v").str.extract(_QUOTED_FORMULA, 1).alias("quoted"),
        pl.col("v").is_in(FORMULA_ERRORS).alias("broken"),
        pl.col("v").str.contains(_UNCOMPUTED).alias("uncomputed"),
    )
    hyper = pl.col("link") if want_url else pl.coalesce("label", "link")
    return f.select(
        pl.when(pl.col("link").is_not_null())
        .then(hyper)
        .when(pl.col("quoted").is_not_null())
        .then(pl.col("quoted"))
        .when(pl.col("broken") | pl.col("uncomputed"))
        .then(None)
        .otherwise("v")
        .alias("value"),
        pl.when(pl.col("link").is_not_null())
        .then(pl.lit("hyperlink_formula_recovered"))
        .when(pl.col("quoted").is_not_null())
        .then(pl.lit("formula_prefix_stripped"))
        .when(pl.col("broken"))
        .then(pl.lit(f"excel_formula_error:{column}"))
        .when(pl.col("uncomputed"))
        .then(pl.lit(f"excel_formula_uncomputed:{column}"))
        .alias("note"),
    )


def text(
    name: str | None, *, want_url: bool = False, unguard: bool = False
) -> tuple[pl.Expr, pl.Expr]:
    """Free text or a category, repaired from Excel damage.

    ``=HYPERLINK("url","label")`` gives the url (for url columns) or the label; ``="00123"``
    (a text-forcing formula) gives ``00123``; a formula error such as ``#NAME?`` means Excel
    destroyed the cell: the value becomes null and the note says so; so does a formula
    saved without its computed value (``=CONCAT(B2,C2)``). With ``unguard`` (tools
    known to do it, like Sprout) one apostrophe before ``@ = + -`` is removed: spreadsheet
    injection guards. Otherwise the text is returned exactly, spaces and line breaks kept.
    """
    if name is None:
        return pl.lit(None, pl.Utf8), pl.lit(None, NOTE_TYPE)
    fn = partial(_text_frame, column=name, want_url=want_url, unguard=unguard)
    return cleaner_pair(pl.col(name).cast(pl.Utf8), fn, pl.Utf8())


# ---------------------------------------------------------------- numbers


def _number_series(s: pl.Series) -> pl.Series:
    # most cells of a big file are plain integers: cast those, parse only the rest
    quick = s.cast(pl.Int64, strict=False)
    rest = quick.is_null() & s.is_not_null()
    if not rest.any():
        return quick.cast(pl.Float64)
    slow = _number_parse(s.filter(rest))
    return quick.cast(pl.Float64).scatter(rest.arg_true(), slow)


def _number_parse(s: pl.Series) -> pl.Series:
    f = s.to_frame("v").with_columns(
        pl.col("v").str.replace_all(r"[\s\u00a0]", "").str.to_lowercase().str.strip_prefix("'")
    )
    f = f.with_columns(pl.when(pl.col("v").is_in(NULL_WORDS)).then(None).otherwise("v").alias("v"))
    f = f.with_columns(
        pl.col("v").str.extract(r"^([+-]?[\d.,]*\d[\d.,]*)(%|[a-z]+)?\.?$", 1).alias("d"),
        pl.col("v").str.extract(r"^([+-]?[\d.,]*\d[\d.,]*)(%|[a-z]+)?\.?$", 2).alias("suffix"),
        pl.col("v")
        .str.extract(r"^([+-]?\d+(\.\d+)?e[+-]?\d+)$", 1)
        .cast(pl.Float64, strict=False)
        .alias("sci"),
    )
    d = pl.col("d")
    f = f.with_columns(
        pl.when(d.str.contains(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$"))
        .then(d.str.replace_all(",", ""))  # 10,000 / 1,234.5
        .when(d.str.contains(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$"))
        .then(d.str.replace_all(r"\.", "").str.replace(",", "."))  # 10.000 / 1.234,5
        .when(d.str.contains(r"^[+-]?\d+,\d+$"))
        .then(d.str.replace(",", "."))  # 3,4 (decimal comma)
        .when(d.str.contains(r"^[+-]?(\d+\.?\d*|\.\d+)$"))
        .then(d)
        .cast(pl.Float64, strict=False)
        .alias("plain"),
        pl.when(pl.col("suffix").is_null())
        .then(1.0)
        .when(pl.col("suffix") == "%")
        .then(0.01)
        .otherwise(pl.col("suffix").replace_strict(_SCALES, default=None, return_dtype=pl.Float64))
        .alias("scale"),
    )
    return f.select(pl.coalesce("sci", pl.col("plain") * pl.col("scale"))).to_series()


def number(value: pl.Expr) -> pl.Expr:
    """Parse export number text to Float64; null when blank or not a number.

    Accepts ``10,000`` and Indonesian ``10.000`` (a dot followed by groups of three digits is
    a thousands separator, a count is never fractional), ``1,234.5`` / ``1.234,5``,
    ``3,4`` (decimal comma), ``424.0``, ``1.2K``, ``3,4 rb``, ``2 jt``, ``3.45%`` (-> 0.0345),
    ``5.70306E+17``. Never returns 0 for a blank.
    """
    return whole_column(value, _number_series, pl.Float64())


def _count_frame(s: pl.Series, *, column: str) -> pl.DataFrame:
    quick = s.cast(pl.Int64, strict=False)
    if not (quick.is_null() & s.is_not_null()).any():  # plain integers (or blanks) only
        return quick.to_frame("value").with_columns(pl.lit(None, NOTE_TYPE).alias("note"))
    f = s.to_frame("v").with_columns(_number_series(s).alias("n"))
    # a percentage is a rate, never a count: keep it out rather than round 15% to 0
    f = f.with_columns(
        pl.when(pl.col("v").str.contains("%", literal=True)).then(None).otherwise("n").alias("n")
    )
    return f.select(
        pl.col("n").round(0).cast(pl.Int64, strict=False).alias("value"),
        pl.when(pl.col("v").str.contains(_UNCOMPUTED))
        .then(pl.lit(f"excel_formula_uncomputed:{column}"))
        .when(pl.col("v").is_not_null() & pl.col("n").is_null())
        .then(pl.lit(f"unparsed_number:{column}"))
        .alias("note"),
    )


def _raw_count_frame(s: pl.Series, *, column: str) -> pl.DataFrame:
    return _count_frame(raw_series(s), column=column)


def count(name: str | None) -> tuple[pl.Expr, pl.Expr]:
    """A count column (likes, reach, ...) as Int64; unreadable text -> null plus a note."""
    if name is None:
        return pl.lit(None, pl.Int64), pl.lit(None, NOTE_TYPE)
    # the cleaner takes the column as it is and applies raw() itself: the value and the
    # note expressions each evaluate their input, and raw() (strip, placeholder words) costs
    # more than the cleaner's own check of a plain-integer column
    fn = partial(_raw_count_frame, column=name)
    return cleaner_pair(pl.col(name).cast(pl.Utf8), fn, pl.Int64())


def add_counts(*values: pl.Expr) -> pl.Expr:
    """Sum of the values that are present; null when none is (for derived engagement)."""
    present = pl.sum_horizontal(*(v.is_not_null().cast(pl.Int64) for v in values))
    total = pl.sum_horizontal(*(v.fill_null(0) for v in values))
    return pl.when(present > 0).then(total).otherwise(None).cast(pl.Int64)


# ---------------------------------------------------------------- ids and handles


def _id_frame(s: pl.Series) -> pl.DataFrame:
    ids = s.struct.field("id")
    if not ids.str.contains_any([".", "e", "E", "'", " "]).any():  # plain ids: nothing to do
        return ids.to_frame("value").with_columns(pl.lit(None, NOTE_TYPE).alias("note"))
    f = s.struct.unnest().with_columns(
        pl.col("id").str.strip_chars().str.strip_prefix("'").str.replace(r"^(\d+)\.0+$", "$1")
    )
    f = f.with_columns(
        pl.col("id").str.contains(_ROUNDED_ID).fill_null(False).alias("rounded"),
        pl.col("url").str.extract(STATUS_ID, 1).alias("from_url"),
    )
    return f.select(
        pl.when(pl.col("rounded")).then(pl.col("from_url")).otherwise("id").alias("value"),
        pl.when(pl.col("rounded") & pl.col("from_url").is_not_null())
        .then(pl.lit("id_recovered_from_url"))
        .when(pl.col("rounded"))
        .then(pl.lit("id_rounded_by_excel"))
        .alias("note"),
    )


def native_id(value: pl.Expr, url: pl.Expr | None = None) -> tuple[pl.Expr, pl.Expr]:
    """A platform id, repaired from Excel: ``5.70306E+17`` is rounded and cannot be trusted.

    The real id comes back from a status URL when there is one (``.../status/<id>``);
    otherwise the id is dropped (null) so a surrogate is used, and the note says why.
    ``424.0``-style float ids lose the ``.0``.
    """
    if value.meta.is_literal(allow_aliasing=True):  # no id column at all
        return pl.lit(None, pl.Utf8), pl.lit(None, NOTE_TYPE)
    url = pl.lit(None, pl.Utf8) if url is None else url
    both = pl.struct(value.cast(pl.Utf8).alias("id"), url.cast(pl.Utf8).alias("url"))
    return cleaner_pair(both, _id_frame, pl.Utf8())


def status_url(author: pl.Expr, post_id: pl.Expr) -> pl.Expr:
    """An X post's address from its id (and author when known; ``i/web`` otherwise)."""
    who = pl.coalesce(author, pl.lit("i/web"))
    return pl.when(post_id.is_not_null()).then(
        pl.concat_str(pl.lit("https://x.com/"), who, pl.lit("/status/"), post_id)
    )


def handle(value: pl.Expr) -> pl.Expr:
    """An author handle without the leading ``@`` (and without an injection-guard apostrophe)."""
    return value.str.strip_chars().str.replace(r"^'?@", "")


# ---------------------------------------------------------------- several columns


def first_count(columns: list[str], *aliases: str) -> tuple[pl.Expr, pl.Expr]:
    """The first non-null count among every alias present (one column per platform family).

    Brandwatch writes ``X Likes`` for X rows and ``Facebook Likes`` for Facebook rows; the
    row's own family is the one that has a value.
    """
    present = [a for a in dict.fromkeys(pick(columns, a) for a in aliases) if a is not None]
    if not present:
        return pl.lit(None, pl.Int64), pl.lit(None, NOTE_TYPE)
    pairs = [count(name) for name in present]
    return pl.coalesce(*(v for v, _ in pairs)), join_notes([n for _, n in pairs])


def first_text(
    columns: list[str], *aliases: str, want_url: bool = False, unguard: bool = False
) -> tuple[pl.Expr, pl.Expr]:
    """The first non-empty text among the aliases present (e.g. Full Text, Snippet, Title)."""
    present = [a for a in dict.fromkeys(pick(columns, a) for a in aliases) if a is not None]
    if not present:
        return pl.lit(None, pl.Utf8), pl.lit(None, NOTE_TYPE)
    pairs = [text(name, want_url=want_url, unguard=unguard) for name in present]
    return pl.coalesce(*(v for v, _ in pairs)), join_notes([n for _, n in pairs])


def join_notes(notes: list[pl.Expr]) -> pl.Expr:
    """Repair codes joined by ``;``; null (not "") when there is none."""
    if not notes:
        return pl.lit(None, NOTE_TYPE)
    joined = pl.concat_str(notes, separator=";", ignore_nulls=True)
    return pl.when(joined == "").then(None).otherwise(joined)


def sentiment(name: str | None) -> pl.Expr:
    """The tool's sentiment label exactly as exported (``Not Rated``, ``-2``, ``-``);
    only an empty cell is null. Mapping labels to positive/negative is the scorer's job."""
    if name is None:
        return pl.lit(None, pl.Utf8)
    value = pl.col(name).cast(pl.Utf8)
    return pl.when(value.str.strip_chars() == "").then(None).otherwise(value)
