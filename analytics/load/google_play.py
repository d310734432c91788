"""google-play-scraper reviews (``reviews()`` / ``reviews_all()`` saved as CSV, JSON or XLSX).

Fields as the library returns them: ``reviewId, userName, userImage, content, score,
thumbsUpCount, reviewCreatedVersion, at, replyContent, repliedAt, appVersion``. ``at`` and
``repliedAt`` are Python datetimes the library makes in the *scraping machine's* local zone
(``datetime.fromtimestamp``), so saved naive times are read in ``default_tz`` (the
analyst's machine; Asia/Jakarta by default); an ISO time with an offset is exact.
``score`` (1-5 stars) becomes ``source_sentiment`` by the star rule (1-2 negative, 3
neutral, 4-5 positive); the developer's reply is a brand reply row (see reviews.py).
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, reviews, times
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.generic import ISO_AWARE, ISO_NAIVE
from analytics.load.read import RawTable


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map google-play-scraper reviews to canonical columns (+ the developer's replies)."""
    cols = raw.columns
    layouts = ctx.formats(ISO_AWARE + ISO_NAIVE)
    time_col = clean.pick(cols, "at")
    published, time_note = times.read(clean.raw(time_col), layouts, ctx.zone())
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "reviewId")))
    body, body_note = clean.text(clean.pick(cols, "content"))
    sentiment, _, star_note = reviews.stars(clean.pick(cols, "score"))
    likes, n1 = clean.count(clean.pick(cols, "thumbsUpCount"))
    user = clean.text(clean.pick(cols, "userName"))[0]
    values = {
        "mention_id": native,
        "platform": pl.lit("google_play"),
        "content_type": pl.lit("review"),
        "published_at": published,
        "author": user,
        "author_name": user,
        "text": body,
        "likes": likes,
        "source_sentiment": sentiment,
    }
    frame = map_frame(
        raw, values, [time_note, id_note, body_note, star_note, n1], clean.raw(time_col)
    )
    reply_time, _ = times.read(clean.raw(clean.pick(cols, "repliedAt")), layouts, ctx.zone())
    extra = reviews.replies(
        raw,
        ctx,
        platform="google_play",
        text=clean.text(clean.pick(cols, "replyContent"))[0],
        published=reply_time,
        parent=native,
    )
    return Mapped(
        frame,
        f'"{time_col or "at"}"',
        ctx.layout("ISO 8601, e.g. 2024-03-01 10:15:00"),
        '"content"',
        extra=extra,
    )
