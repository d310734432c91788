"""Sprout Social reports: Post Performance (brand posts), Inbox, Profile Performance (daily).

Post dates are US ``mm/dd/yyyy h:mm am/pm`` in the report's zone (``default_tz``); inbox
times are Pacific (the column says ``Timestamp (PT)``); profile days are ``MM-DD-YYYY``.
Sprout writes ``'@Reply`` (an apostrophe guarding against spreadsheet formulas); the
apostrophe is removed.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import TIME_RAW, Context, DailyMapped, Mapped, map_frame
from analytics.load.read import ROW, RawTable

PACIFIC = "America/Los_Angeles"
TIME_FORMATS = [
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
]
DAY_FORMATS = ["%m-%d-%Y", "%m/%d/%Y", "%Y-%m-%d"]


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped | DailyMapped:
    """Map one Sprout report; the variant comes from detection."""
    if variant == "profiles":
        return _profiles(raw, ctx)
    if variant == "inbox":
        return _inbox(raw, ctx)
    return _posts(raw, ctx)


def _posts(raw: RawTable, ctx: Context) -> Mapped:
    cols = raw.columns
    network = clean.raw(clean.pick(cols, "Network"))
    time_col = clean.pick(cols, "Date")
    published, time_note = times.read(clean.raw(time_col), ctx.formats(TIME_FORMATS), ctx.zone())
    url, url_note = clean.text(clean.pick(cols, "Link"), want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "Post ID")), url)
    body, body_note = clean.text(clean.pick(cols, "Post"), unguard=True)
    profile = clean.text(clean.pick(cols, "Profile"), unguard=True)[0]
    impressions, n1 = clean.count(clean.pick(cols, "Impressions"))
    reach, n2 = clean.count(clean.pick(cols, "Reach"))
    likes, n3 = clean.first_count(cols, "Reactions", "Likes")
    comments, n4 = clean.count(clean.pick(cols, "Comments"))
    shares, n5 = clean.count(clean.pick(cols, "Shares"))
    engagement, n6 = clean.count(clean.pick(cols, "Engagements"))
    kind = clean.first_text(cols, "Post Type", "Content Type", unguard=True)[0]
    values = {
        "mention_id": native,
        "platform": vocab.platform(network, url),
        "content_type": vocab.content_type(kind),
        "published_at": published,
        "author": clean.handle(profile),
        "author_name": profile,
        "text": body,
        "url": url,
        "reach": reach,
        "impressions": impressions,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "engagement": engagement,
    }
    notes = [id_note, time_note, url_note, body_note, n1, n2, n3, n4, n5, n6]
    notes.append(vocab.platform_note(network, url))
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "Date"}"',
        ctx.layout("MM/DD/YYYY h:mm am/pm"),
        '"Post", "Link"',
        owned=True,
    )


def _inbox(raw: RawTable, ctx: Context) -> Mapped:
    cols = raw.columns
    network = clean.raw(clean.pick(cols, "Network"))
    time_col = clean.pick(cols, "Timestamp (PT)")
    published, time_note = times.read(
        clean.raw(time_col), ctx.formats(TIME_FORMATS), ctx.zone(PACIFIC)
    )
    url, url_note = clean.first_text(cols, "Message URL", "Permalink", "Link", want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "Message ID", "Post ID")), url)
    body, body_note = clean.text(clean.pick(cols, "Message"), unguard=True)
    sender = clean.text(clean.pick(cols, "Received From (Network Name)"), unguard=True)[0]
    direction = clean.raw(clean.pick(cols, "Type")).str.to_lowercase()
    values = {
        "mention_id": native,
        "platform": vocab.platform(network, url),
        "content_type": vocab.content_type(clean.raw(clean.pick(cols, "Message Type"))),
        "published_at": published,
        "author": clean.handle(sender),
        "author_name": sender,
        "text": body,
        "url": url,
        "language": clean.raw(clean.pick(cols, "Language")),
        "source_sentiment": clean.sentiment(clean.pick(cols, "Sentiment")),
        "parent_id": clean.raw(clean.pick(cols, "Parent Post ID")),
        # "Incoming" is the audience; anything sent/outgoing is the brand's own reply
        "is_brand_post": direction.str.contains("outgoing|sent").fill_null(False),
    }
    notes = [id_note, time_note, url_note, body_note, vocab.platform_note(network, url)]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col}" ({ctx.zone(PACIFIC)})',
        ctx.layout("MM/DD/YYYY h:mm am/pm"),
        '"Message", "Message URL"',
    )


def _profiles(raw: RawTable, ctx: Context) -> DailyMapped:
    cols = raw.columns
    date_col = clean.pick(cols, "Date")
    metrics = {
        "followers": "Audience",
        "followers_change": "Net Audience Growth",
        "impressions": "Impressions",
        "video_views": "Video Views",
        "engagements": "Engagements",
        "likes": "Reactions",
        "comments": "Comments",
        "shares": "Shares",
        "posts_published": "Published Posts (Total)",
    }
    frame = raw.frame.select(
        times.day(clean.raw(date_col), ctx.formats(DAY_FORMATS)).alias("date"),
        vocab.platform(clean.raw(clean.pick(cols, "Network"))).alias("platform"),
        clean.text(clean.pick(cols, "Profile"))[0].alias("account"),
        *(clean.count(clean.pick(cols, src))[0].alias(dst) for dst, src in metrics.items()),
        clean.raw(date_col).alias(TIME_RAW),
        pl.col(ROW),
    )
    return DailyMapped(frame, f'"{date_col or "Date"}"', ctx.layout("MM-DD-YYYY"))
