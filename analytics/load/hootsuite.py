"""Hootsuite Analytics report, per-post table (XLSX sheet such as ``IG - Posts table``, or CSV).

Columns as documented: ``Date (GMT)`` (``YYYY-MM-DD HH:MM``, GMT, so UTC), ``<Network> Post
ID`` (``Instagram Post ID``, ...), ``Post Type``, ``Post Message``, ``Likes``, ``Comments``,
``Shares``, ``Saves``, ``Views``, ``Reach``, ``Engagement``, ``Engagement rate``. These are
the brand's own posts (an analytics report of its accounts): ``is_brand_post``. The
platform comes from the post-id column's name (``Instagram Post ID`` -> instagram), else
from the permalink when there is one. The daily ``Account Metrics`` sheet (two header
rows) is not read.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

GMT_LAYOUTS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"]


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a Hootsuite per-post table to canonical columns."""
    cols = raw.columns
    time_col = clean.pick(cols, "Date (GMT)")
    published, time_note = times.read(
        clean.raw(time_col), ctx.formats(GMT_LAYOUTS), ctx.zone("UTC")
    )
    id_col = next((c for c in cols if c.strip().lower().endswith("post id")), None)
    network = vocab.classify_platform(id_col.rsplit(" ", 2)[0]) if id_col else None
    url, url_note = clean.first_text(cols, "Permalink", "Post Link", "Link", want_url=True)
    native, id_note = clean.native_id(clean.raw(id_col), url)
    body, body_note = clean.text(clean.pick(cols, "Post Message"))
    likes, n1 = clean.count(clean.pick(cols, "Likes"))
    comments, n2 = clean.count(clean.pick(cols, "Comments"))
    shares, n3 = clean.count(clean.pick(cols, "Shares"))
    views, n4 = clean.first_count(cols, "Views", "Impressions")
    reach, n5 = clean.count(clean.pick(cols, "Reach"))
    engagement, n6 = clean.count(clean.pick(cols, "Engagement"))
    values = {
        "mention_id": native,
        "platform": pl.lit(network) if network else vocab.platform(url),
        "content_type": vocab.content_type(clean.raw(clean.pick(cols, "Post Type"))),
        "published_at": published,
        "text": body,
        "url": url,
        "impressions": views,
        "reach": reach,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "engagement": engagement,
    }
    notes = [time_note, url_note, id_note, body_note, n1, n2, n3, n4, n5, n6]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "Date (GMT)"}"',
        ctx.layout("YYYY-MM-DD HH:MM in GMT"),
        '"Post Message"',
        owned=True,
    )
