"""Brand24 mentions export: XLSX sheet ``Mentions`` (blank first row and column) or CSV.

The time is split over ``Date`` and ``Hrs``; ``Source`` is the mention's URL (not a source
name). The zone of the times is not documented: they are read in ``default_tz``.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

DATE_FORMATS = ["%Y-%m-%d", "%Y-%m-%d %H:%M:%S"]
TIME_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]


def combined_time(date: pl.Expr, hours: pl.Expr) -> pl.Expr:
    """``Date`` (ISO day or Excel serial) and ``Hrs`` (``HH:MM[:SS]``) as one text."""
    day = times.day(date, DATE_FORMATS).dt.strftime("%Y-%m-%d")
    hours = hours.str.strip_chars()
    # a time cell that lost its format arrives as a day fraction (0.4375 = 10:30)
    fraction = hours.str.extract(r"^(0?\.\d+)$", 1).cast(pl.Float64)
    as_clock = (
        pl.datetime(2000, 1, 1) + pl.duration(seconds=(fraction * 86400).round(0).cast(pl.Int64))
    ).dt.strftime("%H:%M:%S")
    return pl.concat_str(day, pl.coalesce(as_clock, hours), separator=" ")


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a Brand24 mentions export to canonical columns."""
    cols = raw.columns
    date_col, hrs_col = clean.pick(cols, "Date"), clean.pick(cols, "Hrs")
    when_text = combined_time(clean.raw(date_col), clean.raw(hrs_col).fill_null("00:00"))
    if ctx.time_formats:  # the user's layout applies to the two cells as written
        when_text = pl.concat_str(clean.raw(date_col), clean.raw(hrs_col), separator=" ")
    published, time_note = times.read(when_text, ctx.formats(TIME_FORMATS), ctx.zone())
    url, url_note = clean.text(clean.pick(cols, "Source"), want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "ID")), url)
    body, body_note = clean.first_text(cols, "Content", "Title")
    platform, platform_note = vocab.platform_with_note(
        clean.raw(clean.pick(cols, "Category")), clean.raw(clean.pick(cols, "Domain")), url
    )
    values = {
        "mention_id": native,
        "platform": platform,
        "published_at": published,
        "title": clean.text(clean.pick(cols, "Title"))[0],
        "text": body,
        "url": url,
        "source_sentiment": clean.sentiment(clean.pick(cols, "Sentiment")),
    }
    raw_time = pl.concat_str(
        clean.raw(date_col).fill_null("(empty)"),
        clean.raw(hrs_col).fill_null("(empty)"),
        separator=" ",
    )
    frame = map_frame(
        raw, values, [id_note, time_note, url_note, body_note, platform_note], raw_time
    )
    return Mapped(
        frame,
        f'"{date_col or "Date"}" + "{hrs_col or "Hrs"}"',
        ctx.layout("Date YYYY-MM-DD and Hrs HH:MM"),
        '"Content", "Title", "Source"',
    )
