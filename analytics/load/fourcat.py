"""4CAT (the open research tool for social-media data) dataset CSV exports.

Every 4CAT data source maps its items to the same core columns: ``id, thread_id,
timestamp`` (``YYYY-MM-DD HH:MM:SS`` in UTC), ``unix_timestamp``, ``body``, ``author``,
plus source-specific ones (``subject``, ``url``, ``likes``/``like_count``, ...). The
platform comes from the item's url when it has one (4CAT's CSV does not name its source).
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

UTC_LAYOUTS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a 4CAT CSV to canonical columns."""
    cols = raw.columns
    time_col = clean.pick(cols, "timestamp")
    stamp, time_note = times.read(clean.raw(time_col), ctx.formats(UTC_LAYOUTS), ctx.zone("UTC"))
    unix = clean.raw(clean.pick(cols, "unix_timestamp"))
    epoch, _ = times.read(unix, ["epoch_s"], "UTC")
    url, url_note = clean.first_text(cols, "url", "link", "post_url", want_url=True)
    body, body_note = clean.text(clean.pick(cols, "body"))
    likes, n1 = clean.first_count(cols, "likes", "like_count", "favorite_count", "score")
    comments, n2 = clean.first_count(cols, "comments", "reply_count", "num_comments")
    shares, n3 = clean.first_count(cols, "shares", "retweet_count", "share_count", "reposts")
    views, n4 = clean.first_count(cols, "views", "plays", "view_count", "impression_count")
    post_id = clean.raw(clean.pick(cols, "id"))
    thread = clean.raw(clean.pick(cols, "thread_id"))
    values = {
        "mention_id": post_id,
        "platform": vocab.platform(url),
        "content_type": pl.when(thread.is_not_null() & (thread != post_id))
        .then(pl.lit("reply"))
        .otherwise(pl.lit("post")),
        "published_at": pl.coalesce(epoch, stamp),
        "author": clean.handle(clean.raw(clean.pick(cols, "author"))),
        "author_name": clean.raw(clean.pick(cols, "author_fullname")),
        "title": clean.text(clean.pick(cols, "subject"))[0],
        "text": body,
        "url": url,
        "language": clean.raw(clean.pick(cols, "language", "lang")),
        "impressions": views,
        "likes": likes,
        "comments": comments,
        "shares": shares,
    }
    notes = [time_note, url_note, body_note, n1, n2, n3, n4, vocab.platform_note(url)]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "timestamp"}"',
        ctx.layout("YYYY-MM-DD HH:MM:SS in UTC (or unix_timestamp)"),
        '"body", "url"',
    )
