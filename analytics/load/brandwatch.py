"""Brandwatch Consumer Research "Bulk Mentions Download" (CSV or XLSX).

A ``Report:/Brand:/From:/To:/Label:`` preamble sits above the header (line 7); metric columns
come in platform families (``X Likes``, ``Facebook Likes``, older ``Twitter Likes``), and a
row carries only its own platform's family. ``Date`` has no offset: it is read in
``default_tz`` (set it to the zone chosen in the Brandwatch UI; ``UTC`` if unchanged).
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import Context, Mapped, map_frame
from analytics.load.read import RawTable

TIME_FORMATS = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S",
]


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped:
    """Map a Bulk Mentions Download to canonical columns."""
    cols = raw.columns
    url, url_note = clean.text(clean.pick(cols, "Url"), want_url=True)
    native, id_note = clean.native_id(
        pl.coalesce(
            clean.raw(clean.pick(cols, "Mention Id")), clean.raw(clean.pick(cols, "Resource Id"))
        ),
        url,
    )
    time_col = clean.pick(cols, "Date")
    published, time_note = times.read(clean.raw(time_col), ctx.formats(TIME_FORMATS), ctx.zone())
    body, body_note = clean.first_text(cols, "Full Text", "Snippet", "Title")
    title, _ = clean.text(clean.pick(cols, "Title"))
    likes, n1 = clean.first_count(
        cols,
        "X Likes",
        "Twitter Likes",
        "Facebook Likes",
        "Instagram Likes",
        "Tiktok Likes",
        "Youtube Likes",
        "Linkedin Likes",
        "Threads Likes",
        "Bluesky Likes",
        "Likes",
    )
    comments, n2 = clean.first_count(
        cols,
        "X Replies",
        "Twitter Reply Count",
        "Facebook Comments",
        "Instagram Comments",
        "Reddit Comments",
        "Tiktok Comments",
        "Youtube Comments",
        "Linkedin Comments",
        "Threads Replies",
        "Bluesky Replies",
        "Comments",
    )
    shares, n3 = clean.first_count(
        cols,
        "X Reposts",
        "Twitter Retweets",
        "Facebook Shares",
        "Tiktok Shares",
        "Linkedin Shares",
        "Threads Reposts",
        "Bluesky Reposts",
        "Shares",
    )
    followers, n4 = clean.first_count(
        cols, "X Followers", "Twitter Followers", "Instagram Followers", "Bluesky Followers"
    )
    reach, n5 = clean.first_count(cols, "Reach (new)", "Reach", "Potential Audience")
    impressions, n6 = clean.first_count(cols, "Impressions", "Linkedin Impressions")
    # "X Reply to" / "X Repost of" hold the status URL of the post replied to / reposted
    reply_to = clean.first_text(cols, "X Reply to", "Twitter Reply to")[0]
    repost_of = clean.first_text(cols, "X Repost of", "Twitter Retweet of")[0]
    reposted = repost_of.str.extract(clean.STATUS_ID, 1)
    parent = pl.coalesce(
        clean.raw(clean.pick(cols, "Parent Post Id")),
        reply_to.str.extract(clean.STATUS_ID, 1),
        reposted,
    )
    platform, platform_note = vocab.platform_with_note(
        *(
            clean.raw(clean.pick(cols, c))
            for c in (
                "Page Type",
                "Content Source Name",
                "Content Source",
                "Unified Source Name",
                "Domain",
            )
            if clean.pick(cols, c)
        )
    )
    values = {
        "mention_id": native,
        "platform": platform,
        "content_type": vocab.content_type(clean.raw(clean.pick(cols, "Thread Entry Type"))),
        "published_at": published,
        "author": clean.handle(clean.text(clean.pick(cols, "Author"))[0]),
        "author_name": clean.text(clean.pick(cols, "Full Name"))[0],
        "author_followers": followers,
        "title": title,
        "text": body,
        "url": url,
        "language": clean.raw(clean.pick(cols, "Language")),
        "country": clean.raw(clean.pick(cols, "Country")),
        "reach": reach,
        "impressions": impressions,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        # "Engagement Score" is a score, not a count of interactions: engagement is derived
        "source_sentiment": clean.sentiment(clean.pick(cols, "Sentiment")),
        "source_emotion": clean.sentiment(clean.pick(cols, "Emotion")),
        "parent_id": parent,
        "reply_to_account": reply_to.str.extract(clean.STATUS_AUTHOR, 1),
        "reposted_id": reposted,
    }
    notes = [id_note, time_note, url_note, body_note, n1, n2, n3, n4, n5, n6, platform_note]
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    _preamble_notes(raw, ctx)
    return Mapped(
        frame,
        f'"{time_col or "Date"}"',
        ctx.layout("YYYY-MM-DD HH:MM:SS"),
        '"Full Text", "Snippet", "Title", "Url"',
    )


def _preamble_notes(raw: RawTable, ctx: Context) -> None:
    """Record the report's own description (Report/Brand/From/To) in the load notes."""
    pairs = [
        f"{row[0].strip()} {row[1].strip()}"
        for row in raw.preamble
        if len(row) >= 2 and row[0].strip().endswith(":") and row[1].strip()
    ]
    if pairs:
        ctx.notes.append("Brandwatch preamble: " + "; ".join(pairs))
