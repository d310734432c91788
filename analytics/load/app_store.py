"""App Store reviews from the two app-store-scraper libraries.

* Python (``app_store_scraper.AppStore(...).reviews``): ``date, review, rating, isEdited,
  title, userName, developerResponse`` where ``developerResponse`` is an object
  ``{id, body, modified}`` (in JSON; in a CSV saved with pandas it is Python's text of a
  dict, read here too). ``date`` comes from Apple's UTC time, so a naive time is UTC. There
  is no review id: surrogate ids are made.
* Node (``store.reviews()``): ``id, userName, userUrl, version, score, title, text, url,
  updated`` (ISO 8601 with offset); no developer reply.

Stars become ``source_sentiment`` by the star rule; the developer's reply is a brand reply
row (see reviews.py).
"""

from __future__ import annotations

import ast

import polars as pl

from analytics.load import clean, reviews, times
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.generic import ISO_AWARE, ISO_NAIVE
from analytics.load.read import RawTable


def _response_field(s: pl.Series, key: str) -> pl.Series:
    """``body`` / ``modified`` from a developerResponse cell written as a Python dict."""
    table = {}
    for cell in s.drop_nulls().unique().to_list():  # only reviews that have a reply
        try:
            value = ast.literal_eval(cell) if cell.lstrip().startswith("{") else None
        except (ValueError, SyntaxError):
            value = None
        table[cell] = str(value[key]) if isinstance(value, dict) and key in value else None
    return s.replace_strict(table, default=None, return_dtype=pl.Utf8)


def _response(cols: list[str], key: str) -> pl.Expr:
    flat = clean.raw(clean.pick(cols, f"developerResponse.{key}"))
    whole = clean.pick(cols, "developerResponse")
    if whole is None:
        return flat
    parsed = clean.raw(whole).map_batches(lambda s: _response_field(s, key), pl.Utf8)
    return pl.coalesce(flat, parsed)


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map App Store reviews to canonical columns (+ the developer's replies)."""
    cols = raw.columns
    node = variant == "node"
    time_col = clean.pick(cols, "updated" if node else "date")
    layouts = ctx.formats(ISO_AWARE + ISO_NAIVE)
    published, time_note = times.read(clean.raw(time_col), layouts, ctx.zone("UTC"))
    body, body_note = clean.text(clean.pick(cols, "text" if node else "review"))
    sentiment, _, star_note = reviews.stars(clean.pick(cols, "score" if node else "rating"))
    url, url_note = clean.text(clean.pick(cols, "url") if node else None, want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "id")) if node else pl.lit(None))
    user = clean.text(clean.pick(cols, "userName"))[0]
    values = {
        "mention_id": native,
        "platform": pl.lit("app_store"),
        "content_type": pl.lit("review"),
        "published_at": published,
        "author": user,
        "author_name": user,
        "title": clean.text(clean.pick(cols, "title"))[0],
        "text": body,
        "url": url,
        "source_sentiment": sentiment,
    }
    notes = [time_note, body_note, star_note, url_note, id_note]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    extra = None
    if not node:
        reply_time, _ = times.read(_response(cols, "modified"), layouts, "UTC")
        extra = reviews.replies(
            raw,
            ctx,
            platform="app_store",
            text=_response(cols, "body"),
            published=reply_time,
            parent=pl.lit(None, pl.Utf8),  # no review id: linked by record once ids exist
        )
    return Mapped(
        frame,
        f'"{time_col}"',
        ctx.layout("ISO 8601, e.g. 2024-03-01 10:15:00 (UTC)"),
        '"review"' if not node else '"text", "url"',
        extra=extra,
    )
