"""youtube-comment-downloader output: one JSON object per line (or a JSON array / CSV).

Fields as the tool writes them: ``cid, text, time, author, channel, votes, replies,
photo, heart, reply, time_parsed`` (``paid`` on Super Thanks). ``time`` is YouTube's
relative text ("2 weeks ago"); ``time_parsed`` is the tool's reading of it as Unix seconds
at download time, so times are **approximate** (to the unit YouTube shows: hours, days,
weeks ...); a note says so. A reply's ``cid`` is ``<parent cid>.<reply id>``: that gives
``parent_id``. The video is not in the records, so there is no url.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map youtube-comment-downloader comments to canonical columns."""
    cols = raw.columns
    time_col = clean.pick(cols, "time_parsed")
    seconds = clean.raw(time_col).str.replace(r"\.\d*$", "")  # 1690000000.123 -> whole seconds
    if ctx.time_formats:
        published, _ = times.read(clean.raw(time_col), ctx.time_formats, ctx.zone())
    else:
        published, _ = times.read(seconds, ["epoch_s"], "UTC")
    cid = clean.raw(clean.pick(cols, "cid"))
    is_reply = cid.str.contains(".", literal=True).fill_null(False)
    body, body_note = clean.text(clean.pick(cols, "text"))
    likes, n1 = clean.count(clean.pick(cols, "votes"))
    comments, n2 = clean.count(clean.pick(cols, "replies"))
    values = {
        "mention_id": cid,
        "platform": pl.lit("youtube"),
        "content_type": pl.when(is_reply).then(pl.lit("reply")).otherwise(pl.lit("comment")),
        "published_at": published,
        "author": clean.handle(clean.raw(clean.pick(cols, "author"))),
        "text": body,
        "likes": likes,
        "comments": comments,
        "parent_id": pl.when(is_reply).then(cid.str.extract(r"^([^.]+)\.", 1)),
    }
    frame = map_frame(raw, values, [body_note, n1, n2], clean.raw(time_col))
    ctx.notes.append(
        "YouTube gives relative times ('2 weeks ago'): times are the downloader's "
        "approximation (time_parsed), exact only to the unit YouTube showed"
    )
    return Mapped(
        frame,
        f'"{time_col or "time_parsed"}"',
        ctx.layout("Unix seconds (time_parsed)"),
        '"text"',
    )
