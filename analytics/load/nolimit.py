"""NoLimit Dashboard (Indonesian monitoring tool) exports: semicolon CSVs from its ZIP.

Two files are documented: social (``content, post_type, final_sentiment,
specific_resource, original_id, reply_to_original_id, link, date_created``) and online
news (``title, body, url, tier, sentiment, label, date_published``). Text cells may carry a
spreadsheet guard ``'`` (removed) and some links are written ``https:/host`` (one slash:
repaired). The time layout is not documented: ISO 8601 is read (naive in ``default_tz``);
for another layout give a ``[time]`` file (a row in another layout is rejected, named).
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.generic import ISO_AWARE, ISO_NAIVE
from analytics.load.read import RawTable


def _link(cols: list[str], *names: str) -> tuple[pl.Expr, pl.Expr]:
    url, note = clean.first_text(cols, *names, want_url=True)
    return url.str.replace(r"^(https?):/([^/])", "$1://$2"), note


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a NoLimit social or online-news file to canonical columns."""
    cols = raw.columns
    news = variant == "news"
    time_col = clean.pick(cols, "date_published" if news else "date_created")
    layouts = ctx.formats(ISO_AWARE + ISO_NAIVE)
    published, time_note = times.read(clean.raw(time_col), layouts, ctx.zone())
    url, url_note = _link(cols, "url" if news else "link")
    body, body_note = clean.text(clean.pick(cols, "body" if news else "content"), unguard=True)
    body = body.str.strip_prefix("'")
    if news:
        values = {
            "platform": pl.lit("news"),
            "content_type": pl.lit("article"),
            "title": clean.text(clean.pick(cols, "title"), unguard=True)[0].str.strip_prefix("'"),
            "source_sentiment": clean.sentiment(clean.pick(cols, "sentiment")),
        }
    else:
        resource = clean.raw(clean.pick(cols, "specific_resource"))
        values = {
            "mention_id": clean.raw(clean.pick(cols, "original_id")),
            "platform": vocab.platform(resource, url),
            "content_type": vocab.content_type(clean.raw(clean.pick(cols, "post_type"))),
            "source_sentiment": clean.sentiment(clean.pick(cols, "final_sentiment")),
            "parent_id": clean.raw(clean.pick(cols, "reply_to_original_id")),
        }
    values |= {"published_at": published, "text": body, "url": url}
    notes = [time_note, url_note, body_note]
    if not news:
        notes.append(vocab.platform_note(resource, url))
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col}"',
        ctx.layout("ISO 8601 (YYYY-MM-DD HH:MM:SS)"),
        '"body", "url"' if news else '"content", "link"',
    )
