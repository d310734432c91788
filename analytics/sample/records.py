"""One mention record of the sample: native ids, URLs and engagement as platforms make them.

``add`` appends a record to a ``Draw`` (the random sources plus the growing list), so the
streams in ``mentions.py`` and the planted events in ``planted.py`` build one list.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from analytics.sample.people import Author
from analytics.sample.story import UTC

TWITTER_EPOCH_MS = 1288834974657


@dataclass
class Draw:
    """Random sources and the growing list of records."""

    rng: random.Random
    np_rng: np.random.Generator
    records: list[dict] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)


def x_id(moment: datetime, rng: random.Random) -> str:
    """A snowflake id consistent with the time, as X assigns them."""
    ms = int(moment.timestamp() * 1000)
    return str(((ms - TWITTER_EPOCH_MS) << 22) | rng.getrandbits(22))


def tiktok_id(moment: datetime, rng: random.Random) -> str:
    """TikTok video ids carry the unix second in their high 32 bits."""
    return str((int(moment.timestamp()) << 32) | rng.getrandbits(32))


def _native_id(platform: str, moment: datetime, rng: random.Random) -> str:
    if platform == "x":
        return x_id(moment, rng)
    if platform == "tiktok":
        return tiktok_id(moment, rng)
    if platform == "instagram":
        return str(rng.randrange(3_400_000_000_000_000_000, 3_500_000_000_000_000_000))
    if platform == "facebook":
        return f"{rng.randrange(10**14, 10**15)}_{rng.randrange(10**15, 10**16)}"
    return str(rng.randrange(10**11, 10**12))  # Brandwatch numbers news/forum mentions


def _url(platform: str, mention_id: str, author: Author, rng: random.Random, title: str) -> str:
    if platform == "x":
        return f"https://x.com/{author.handle}/status/{mention_id}"
    if platform == "instagram":
        code = "".join(
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789_-")
            for _ in range(11)
        )
        return f"https://www.instagram.com/p/{code}/"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{author.handle}/video/{mention_id}"
    if platform == "facebook":
        return f"https://www.facebook.com/{mention_id.replace('_', '/posts/')}"
    slug = "-".join(title.lower().replace(",", "").replace("?", "").split()[:8])
    return f"https://{author.handle}/{slug}-{mention_id[-6:]}"


def _engagement(rng: random.Random, followers: int, stance: str, boost: float = 1.0) -> tuple:
    """likes, comments, shares, views, impressions for a post by an account of this size."""
    base = max(followers, 20) * math.exp(rng.gauss(-4.0, 1.0)) * boost
    if stance == "negative":
        base *= 1.4  # anger travels further
    likes = int(base)
    comments = int(base * rng.uniform(0.05, 0.3))
    shares = int(base * rng.uniform(0.05, 0.4))
    impressions = int(max(followers, 20) * rng.uniform(0.15, 1.2) * boost) + likes * 8
    views = int(impressions * rng.uniform(0.6, 1.4))
    return likes, comments, shares, views, impressions


def add(
    draw: Draw,
    *,
    brand: str,
    platform: str,
    moment: datetime,
    author: Author,
    text: str,
    stance: str,
    lang: str,
    stream: str,
    content_type: str = "post",
    title: str | None = None,
    parent: dict | None = None,
    boost: float = 1.0,
    is_brand: bool = False,
    response_key: str | None = None,
    reach: int | None = None,
) -> dict:
    """Append one mention record and return it."""
    rng = draw.rng
    mention_id = _native_id(platform, moment, rng)
    while mention_id in draw.used_ids:
        mention_id = _native_id(platform, moment, rng)
    draw.used_ids.add(mention_id)
    likes, comments, shares, views, impressions = _engagement(rng, author.followers, stance, boost)
    if content_type == "repost":
        likes = comments = shares = 0
    record = {
        "mention_id": mention_id,
        "brand": brand,
        "platform": platform,
        "content_type": content_type,
        "published_at": moment.astimezone(UTC).replace(microsecond=0),
        "author": author.handle,
        "author_name": author.name,
        "author_id": author.account_id,
        "author_kind": author.kind,
        "author_followers": author.followers,
        "author_following": author.following,
        "author_verified": author.verified,
        "title": title,
        "text": text,
        "url": _url(platform, mention_id, author, rng, title or text),
        "lang": lang,
        "stance": stance,
        "stream": stream,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "views": views,
        "impressions": impressions,
        "reach": reach if reach is not None else int(author.followers * rng.uniform(0.2, 0.6)),
        "parent_id": parent["mention_id"] if parent else None,
        "parent_url": parent["url"] if parent else None,
        "parent_author": parent["author"] if parent else None,
        "is_brand_post": is_brand,
        "response_key": response_key,
    }
    draw.records.append(record)
    return record
