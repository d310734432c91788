"""Meltwater (Media Intelligence / Explore) export: legacy and newer column sets.

The file is usually UTF-16 LE with BOM and tab-separated although named ``.csv``
(reading handles that). Time comes from ``Alternate Date Format`` (``07-Jul-25``) plus
``Time`` (``05:12 PM``) in legacy files, ``Date`` plus ``Time`` in newer ones; the zone of
UI exports is not documented, so it is ``default_tz``. Sentiment words (``Not Rated``,
``Unknown``) are kept as exported.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

_DAYS = ["%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%d %b %Y"]
_CLOCKS = ["%I:%M %p", "%I:%M%p", "%H:%M:%S", "%H:%M"]
FORMATS = [f"{d} {c}" for d in _DAYS for c in _CLOCKS] + [f"{d}" for d in _DAYS]


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a Meltwater export (either column set) to canonical columns."""
    cols = raw.columns
    day_col = clean.pick(cols, "Alternate Date Format") or clean.pick(cols, "Date")
    clock_col = clean.pick(cols, "Time")
    when_text = pl.concat_str(
        clean.raw(day_col), clean.raw(clock_col), separator=" ", ignore_nulls=True
    )
    published, time_note = times.read(when_text, ctx.formats(FORMATS), ctx.zone())
    if day_col != clean.pick(cols, "Date") and clean.pick(cols, "Date"):
        # legacy files also carry "Date"; use it when the alternate pair is empty
        fallback, _ = times.read(
            clean.raw(clean.pick(cols, "Date")), ctx.formats(FORMATS), ctx.zone()
        )
        published = pl.coalesce(published, fallback)
    url, url_note = clean.text(clean.pick(cols, "URL"), want_url=True)
    native, id_note = clean.native_id(
        pl.coalesce(
            clean.raw(clean.pick(cols, "Document ID")), clean.raw(clean.pick(cols, "Tweet Id"))
        ),
        url,
    )
    body, body_note = clean.first_text(cols, "Hit Sentence", "Opening Text", "Headline", "Title")
    likes, n1 = clean.first_count(cols, "Likes", "Reactions")
    comments, n2 = clean.first_count(cols, "Replies", "Comments")
    shares, n3 = clean.first_count(cols, "Reposts", "Retweets", "Shares")
    reach, n4 = clean.count(clean.pick(cols, "Reach"))
    engagement, n5 = clean.count(clean.pick(cols, "Engagement"))
    followers, n6 = clean.count(clean.pick(cols, "Twitter Followers"))
    platform, platform_note = vocab.platform_with_note(
        *(
            clean.raw(clean.pick(cols, c))
            for c in ("Source Type", "Source Name", "Information Type", "Source", "Source Domain")
            if clean.pick(cols, c)
        ),
        url,
    )
    values = {
        "mention_id": native,
        "platform": platform,
        "content_type": vocab.content_type(clean.raw(clean.pick(cols, "Content Type"))),
        "published_at": published,
        "author": clean.handle(
            clean.first_text(cols, "Author Handle", "Twitter Screen Name", "Influencer")[0]
        ),
        "author_name": clean.text(clean.pick(cols, "Author Name"))[0],
        "author_followers": followers,
        "title": clean.first_text(cols, "Headline", "Title")[0],
        "text": body,
        "url": url,
        "language": clean.raw(clean.pick(cols, "Language")),
        "country": clean.raw(clean.pick(cols, "Country")),
        "reach": reach,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "engagement": engagement,
        "source_sentiment": clean.sentiment(clean.pick(cols, "Sentiment")),
    }
    notes = [id_note, time_note, url_note, body_note, n1, n2, n3, n4, n5, n6, platform_note]
    frame = map_frame(raw, values, notes, when_text)
    where = f'"{day_col}" + "{clock_col}"' if clock_col else f'"{day_col or "Date"}"'
    return Mapped(
        frame,
        where,
        ctx.layout("DD-Mon-YY and hh:mm AM/PM"),
        '"Hit Sentence", "Opening Text", "URL"',
    )
