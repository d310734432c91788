"""Publication times: explicit layouts, Excel serial days, time zones, all to UTC.

Every layout is named by the caller (never guessed, so ``02/09/2026`` is read only as the
tool writes it). Naive local times are localised in the exporter's zone and converted to
UTC; the zone's offset is looked up once per 15-minute bucket, not per row. Like the other
cleaners these work on whole columns (see :mod:`analytics.load.clean`).
"""

from __future__ import annotations

from functools import partial

import polars as pl

from analytics.load.clean import NOTE_TYPE, cleaner_pair, whole_column
from analytics.schema import UTC_DATETIME

_EXCEL_EPOCH = pl.datetime(1899, 12, 30)


NONEXISTENT_LOCAL_TIME = "nonexistent_local_time"  # note code: a time in a DST gap


def _plausible(parsed: pl.Expr) -> pl.Expr:
    """Null for years a social post cannot have: ``%Y`` happily reads ``07-Jul-25`` as year 25."""
    return pl.when(parsed.dt.year().is_between(1990, 2199)).then(parsed)


def _excel_serial(v: pl.Expr) -> pl.Expr:
    """Naive datetime from an Excel serial day number like ``42059.48``; else null."""
    serial = v.str.extract(r"^(\d{5}(\.\d+)?)$", 1).cast(pl.Float64, strict=False)
    seconds = pl.when((serial > 20000) & (serial < 80000)).then(serial * 86400).round(0)
    return (_EXCEL_EPOCH + pl.duration(seconds=seconds.cast(pl.Int64))).cast(pl.Datetime("us"))


def _parse_formats(v: pl.Series, formats: list[str], **options: object) -> pl.Series:
    """Datetimes from text trying each format in turn, each only on the rows still unread."""
    dtype = pl.Datetime("us", options.get("time_zone"))  # type: ignore[arg-type]
    out = pl.repeat(None, v.len(), dtype=dtype, eager=True)
    for fmt in formats:
        todo = out.is_null() & v.is_not_null()
        if not todo.any():
            break
        parsed = v.filter(todo).str.to_datetime(fmt, strict=False, time_unit="us", **options)
        parsed = parsed.to_frame("p").select(_plausible(pl.col("p"))).to_series()
        out = out.scatter(todo.arg_true(), parsed)
    return out


def _to_utc(naive: pl.Series, tz: str) -> pl.Series:
    """Localise naive times in ``tz`` and convert to UTC, looking the zone up per 15 minutes.

    The zone's offset is computed once per distinct 15-minute bucket (transitions happen
    on quarter hours) instead of once per row: the same result, several times faster. A
    time in a DST gap is null; a repeated one takes the earlier offset.
    """
    f = naive.to_frame("n").with_columns(pl.col("n").dt.truncate("15m").alias("b"))
    buckets = f["b"].unique().drop_nulls().to_frame("b")
    offsets = buckets.with_columns(
        (
            pl.col("b")
            .dt.replace_time_zone(tz, ambiguous="earliest", non_existent="null")
            .dt.convert_time_zone("UTC")
            .dt.replace_time_zone(None)
            - pl.col("b")
        ).alias("offset")
    )
    joined = f.join(offsets, on="b", how="left", maintain_order="left")
    return joined.select((pl.col("n") + pl.col("offset")).dt.replace_time_zone("UTC")).to_series()


def _local_frame(s: pl.Series, *, formats: list[str], tz: str) -> pl.DataFrame:
    v = s.str.strip_chars()
    text = _parse_formats(v, formats)
    unread = text.is_null() & v.is_not_null()
    serial = (
        v.to_frame("v").select(_excel_serial(pl.col("v"))).to_series()
        if unread.any()
        else pl.repeat(None, v.len(), dtype=pl.Datetime("us"), eager=True)
    )
    naive = text.to_frame("t").select(pl.coalesce("t", serial)).to_series()
    utc = _to_utc(naive, tz).cast(UTC_DATETIME)
    flags = pl.DataFrame(
        {
            "serial": text.is_null() & serial.is_not_null(),
            "gap": naive.is_not_null() & utc.is_null(),
        }
    )
    return pl.DataFrame(
        {
            "value": utc,
            "note": flags.select(
                # read, but skipped by the clocks (DST starts): named as such, not "unreadable"
                pl.when("gap")
                .then(pl.lit(f"{NONEXISTENT_LOCAL_TIME}:{tz}"))
                .when("serial")
                .then(pl.lit("date_from_excel_serial"))
                .otherwise(pl.lit(None, NOTE_TYPE))
            ).to_series(),
        }
    )


def local_time(value: pl.Expr, formats: list[str], tz: str) -> tuple[pl.Expr, pl.Expr]:
    """Naive local time text (any of ``formats``, tried in order) -> UTC; Excel serials too.

    Formats are explicit (never guessed), so ``03/04/2026`` is read only as the format says.
    Times that do not exist in ``tz`` (a DST gap) become null with the note
    ``nonexistent_local_time:<zone>`` (the row is rejected saying so); repeated ones take
    the earlier.
    """
    return cleaner_pair(value, partial(_local_frame, formats=formats, tz=tz), UTC_DATETIME)


def _aware_series(s: pl.Series, *, formats: list[str]) -> pl.Series:
    return _parse_formats(s.str.strip_chars(), formats, time_zone="UTC").cast(UTC_DATETIME)


def aware_time(value: pl.Expr, formats: list[str]) -> pl.Expr:
    """Time text with an explicit offset (``2015-09-30 18:42 +0000``) -> UTC."""
    fn = partial(_aware_series, formats=formats)
    return whole_column(value, fn, UTC_DATETIME)


def _day_series(s: pl.Series, *, formats: list[str]) -> pl.Series:
    f = s.to_frame("v").with_columns(pl.col("v").str.strip_chars())
    parsed = [_plausible(pl.col("v").str.to_date(fmt, strict=False)) for fmt in formats]
    return f.select(pl.coalesce(*parsed, _excel_serial(pl.col("v")).dt.date())).to_series()


def day(value: pl.Expr, formats: list[str]) -> pl.Expr:
    """A calendar date from text in one of ``formats`` (or an Excel serial)."""
    return whole_column(value, partial(_day_series, formats=formats), pl.Date())


def read(value: pl.Expr, formats: list[str], tz: str) -> tuple[pl.Expr, pl.Expr]:
    """Time text in any of ``formats`` -> UTC: layouts with an offset (``%z``) are read as
    such, the others as naive local times in ``tz``; ``epoch_s`` / ``epoch_ms`` read Unix
    times. Returns (time, note)."""
    if formats in (["epoch_s"], ["epoch_ms"]):
        unit = "ms" if formats == ["epoch_ms"] else "s"
        # whole or fractional (youtube-comment-downloader writes 1690000000.0)
        number = value.str.strip_chars().cast(pl.Float64, strict=False).floor().cast(pl.Int64)
        epoch = pl.from_epoch(number, time_unit=unit).dt.replace_time_zone("UTC")
        return epoch.cast(UTC_DATETIME), pl.lit(None, NOTE_TYPE)
    aware = [f for f in formats if "%z" in f or "%#z" in f or "%:z" in f]
    naive = [f for f in formats if f not in aware]
    parts, note = [], pl.lit(None, NOTE_TYPE)
    if aware:
        parts.append(aware_time(value, aware))
    if naive:
        local, note = local_time(value, naive, tz)
        parts.append(local)
    return pl.coalesce(*parts), note
