"""tiktok-comment-scrapper (a TikTok comment downloader popular with Indonesian students).

Its JSON is one document per video: ``caption, date_now, video_url`` and ``comments``,
each ``comment_id, username, nickname, comment, create_time, avatar, total_reply`` with
its ``replies`` nested (the JSON reader makes one record per comment and per reply, a
reply naming its comment in ``parent_comment_id``); its CSV mode writes the same fields.
``create_time`` is the tool's local time of the scraping machine without a zone
(``2023-12-10T21:46:36``): read in ``default_tz``.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.generic import ISO_AWARE, ISO_NAIVE
from analytics.load.read import RawTable


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map tiktok-comment-scrapper comments (and replies) to canonical columns."""
    cols = raw.columns
    time_col = clean.pick(cols, "create_time")
    published, time_note = times.read(
        clean.raw(time_col), ctx.formats(ISO_AWARE + ISO_NAIVE), ctx.zone()
    )
    url, url_note = clean.text(clean.pick(cols, "video_url"), want_url=True)
    body, body_note = clean.text(clean.pick(cols, "comment"))
    replies, n1 = clean.count(clean.pick(cols, "total_reply"))
    parent = clean.raw(clean.pick(cols, "parent_comment_id"))
    is_reply = parent.is_not_null()
    values = {
        "mention_id": clean.raw(clean.pick(cols, "comment_id")),
        "platform": pl.lit("tiktok"),
        "content_type": pl.when(is_reply).then(pl.lit("reply")).otherwise(pl.lit("comment")),
        "published_at": published,
        "author": clean.handle(clean.raw(clean.pick(cols, "username"))),
        "author_name": clean.raw(clean.pick(cols, "nickname")),
        "text": body,
        "url": url,
        "comments": replies,
        "parent_id": parent,
    }
    frame = map_frame(raw, values, [time_note, url_note, body_note, n1], clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "create_time"}"',
        ctx.layout("ISO 8601 local time, e.g. 2023-12-10T21:46:36"),
        '"comment"',
    )
