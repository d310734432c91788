"""tweet-harvest CSV: the X crawler (Playwright + X's web API) many Indonesian analysts use.

Columns as the tool writes them: ``conversation_id_str, created_at, favorite_count,
full_text, id_str, image_url, in_reply_to_screen_name, lang, location, quote_count,
reply_count, retweet_count, tweet_url, user_id_str, username``. ``created_at`` is X's own
layout with its offset (``Thu Oct 12 03:23:53 +0000 2023``), so times are exact UTC.
``lang`` is X's code (``in`` for Indonesian: normalised to ``id`` like every loader's).
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

X_TIME = "%a %b %d %H:%M:%S %z %Y"  # Sun Mar 30 23:57:06 +0000 2025


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a tweet-harvest CSV to canonical columns."""
    cols = raw.columns
    time_col = clean.pick(cols, "created_at")
    published, time_note = times.read(clean.raw(time_col), ctx.formats([X_TIME]), ctx.zone("UTC"))
    author = clean.handle(clean.raw(clean.pick(cols, "username")))
    url, url_note = clean.text(clean.pick(cols, "tweet_url"), want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "id_str")), url)
    url = pl.coalesce(url, clean.status_url(author, native))
    body, body_note = clean.text(clean.pick(cols, "full_text"))
    likes, n1 = clean.count(clean.pick(cols, "favorite_count"))
    comments, n2 = clean.count(clean.pick(cols, "reply_count"))
    shares, n3 = clean.count(clean.pick(cols, "retweet_count"))
    replying_to = clean.handle(clean.raw(clean.pick(cols, "in_reply_to_screen_name")))
    parent = clean.raw(clean.pick(cols, "in_reply_to_status_id_str"))
    values = {
        "mention_id": native,
        "platform": pl.lit("x"),
        "content_type": pl.when(replying_to.is_not_null() | parent.is_not_null())
        .then(pl.lit("reply"))
        .otherwise(pl.lit("post")),
        "published_at": published,
        "author": author,
        "text": body,
        "url": url,
        "language": clean.raw(clean.pick(cols, "lang")),
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "parent_id": parent,
        "reply_to_account": replying_to,
    }
    notes = [time_note, url_note, id_note, body_note, n1, n2, n3]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "created_at"}"',
        ctx.layout("X's layout, e.g. Thu Oct 12 03:23:53 +0000 2023"),
        '"full_text", "tweet_url"',
    )
