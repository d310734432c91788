"""Draw the sample's mentions from the story: one record per post, reply, repost or article.

The result is an internal polars frame (not yet any vendor's layout) with the true stance,
language and stream of every mention; ``exports.py`` and ``owned.py`` write it out in the
vendors' layouts. Keeping the truth here lets ``truth.json`` and the tests check the planted
structure against exactly what was written.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import polars as pl

from analytics.sample import texts
from analytics.sample.people import (
    FORUMS,
    INFLUENCERS,
    OUTLETS,
    Author,
    brand_accounts,
    make_buzzers,
    make_influencers,
    make_users,
)
from analytics.sample.story import (
    BRAND,
    COMPETITOR,
    JAKARTA,
    UTC,
    Story,
    baseline_rate,
    competitor_rate,
    complaint_rate,
    hoax_rate,
    negative_share_of_complaints,
    wib,
)

TWITTER_EPOCH_MS = 1288834974657

PLATFORM_WEIGHTS = {
    "baseline": {"x": 50, "instagram": 16, "tiktok": 10, "facebook": 10, "news": 4, "forum": 10},
    "crisis": {"x": 58, "instagram": 13, "tiktok": 10, "facebook": 7, "news": 4, "forum": 8},
    "hoax": {"x": 45, "facebook": 25, "tiktok": 15, "instagram": 10, "forum": 5},
    "debunk": {"x": 50, "facebook": 15, "instagram": 10, "news": 20, "forum": 5},
    "switch": {"x": 70, "instagram": 15, "tiktok": 15},
    "competitor": {"x": 55, "instagram": 20, "tiktok": 10, "facebook": 5, "news": 4, "forum": 6},
}
LANGUAGE_WEIGHTS = {"id": 55, "mix": 30, "en": 15}


@dataclass
class Draw:
    """Random sources and the growing list of records."""

    rng: random.Random
    np_rng: np.random.Generator
    records: list[dict] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


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


def _second_in_hour(hour: datetime, rng: random.Random) -> datetime:
    return hour + timedelta(seconds=rng.randrange(3600))


def _outlet(rng: random.Random, platform: str) -> Author:
    domain, name, visitors = rng.choice(FORUMS if platform == "forum" else OUTLETS)
    return Author(domain, name, visitors, 0, False, "outlet")


def _customer_mention(draw, story, users, hour, *, stream, stance, brand=BRAND) -> None:
    rng = draw.rng
    weights = "competitor" if stream == "competitor" else stream
    platform = _pick(rng, PLATFORM_WEIGHTS[weights])
    moment = _second_in_hour(hour, rng)
    if platform == "news" and stream == "crisis" and moment < story.media_pickup:
        platform = "x"  # nobody has written an article before the media pick-up
    if stream in ("hoax", "debunk") and moment <= story.hoax_start:
        # the hoax hour: nothing about it exists before its first post
        start = int((story.hoax_start - hour).total_seconds()) + 60
        moment = hour + timedelta(seconds=rng.randrange(start, 3600))
    if platform == "news" and stream in ("hoax", "debunk") and moment < story.clarification:
        platform = "x"  # the press only writes about the hoax to debunk it
    lang = _pick(rng, LANGUAGE_WEIGHTS)
    if platform in ("news", "forum"):
        phase = "baseline" if stream == "baseline" or brand == COMPETITOR else "crisis"
        author = _outlet(rng, platform)
        if platform == "news":
            if stream in ("hoax", "debunk"):
                phase = "hoax"
            title, lead = texts.news_item(phase, rng, brand=brand)
            text = lead
            stance = "negative" if phase == "crisis" and "Maaf" not in title else "neutral"
            stream = "debunk" if phase == "hoax" else stream
        else:
            title = texts.forum_title(phase, rng)
            text = (
                texts.mention_text(stream, stance, lang, rng)
                if brand == BRAND
                else texts.competitor_text(stance, lang, rng, switching=False)
            )
            author = rng.choice(users)
        add(
            draw,
            brand=brand,
            platform=platform,
            moment=moment,
            author=author,
            text=text,
            stance=stance,
            lang="id" if platform == "news" else lang,
            stream=stream,
            content_type="article" if platform == "news" else "post",
            title=title,
            reach=author.followers if platform == "news" else None,
        )
        return
    author = rng.choice(users)
    if brand == COMPETITOR:
        switching = stream == "switch"
        text = texts.competitor_text(stance, lang, rng, switching=switching)
    else:
        text = texts.mention_text(stream, stance, lang, rng)
    add(
        draw,
        brand=brand,
        platform=platform,
        moment=moment,
        author=author,
        text=text,
        stance=stance,
        lang=lang,
        stream=stream,
        content_type="video" if platform == "tiktok" else "post",
    )


def _complaint_stance(moment: datetime, story: Story, rng: random.Random) -> str:
    if rng.random() < negative_share_of_complaints(moment, story):
        return "negative"
    if moment < story.response("fix").time:
        return "neutral"
    if moment < story.apology:
        return "positive" if rng.random() < 0.25 else "neutral"
    return "positive" if rng.random() < 0.6 else "neutral"


def _baseline_stance(moment: datetime, story: Story, rng: random.Random) -> str:
    # after the crisis a little trust is lost for good: the lasting sentiment gap
    weights = (31, 53, 16) if moment >= story.crisis_end else (34, 52, 14)
    return rng.choices(("positive", "neutral", "negative"), weights=weights)[0]


def draw_mentions(story: Story, *, seed: int, scale: float) -> tuple[pl.DataFrame, dict]:
    """All mentions of the sample (brand, competitor, brand's own posts) and the planted ids."""
    rng = random.Random(seed)
    draw = Draw(rng, np.random.default_rng(seed))
    users = make_users(rng, 6000)
    influencers = make_influencers(rng)
    buzzers = make_buzzers(rng, max(20, round(90 * scale)))
    planted: dict = {}

    for hour in story.hours():
        # baseline chatter never stops; the crisis streams ride on top of it
        for _ in range(draw.np_rng.poisson(baseline_rate(hour, story) * scale)):
            moment = hour  # stance depends on whether the crisis has passed
            _customer_mention(
                draw,
                story,
                users,
                hour,
                stream="baseline",
                stance=_baseline_stance(moment, story, rng),
            )
        for _ in range(draw.np_rng.poisson(complaint_rate(hour, story) * scale)):
            stance = _complaint_stance(hour + timedelta(minutes=30), story, rng)
            _customer_mention(draw, story, users, hour, stream="crisis", stance=stance)
        for _ in range(draw.np_rng.poisson(hoax_rate(hour, story) * scale)):
            if hour >= story.clarification and rng.random() < 0.3:
                _customer_mention(draw, story, users, hour, stream="debunk", stance="neutral")
            else:
                _customer_mention(draw, story, users, hour, stream="hoax", stance="negative")
        for _ in range(draw.np_rng.poisson(competitor_rate(hour, story) * scale)):
            switching = story.first_post + timedelta(hours=12) <= hour < story.crisis_end
            if switching and rng.random() < 0.3:
                stance = rng.choice(["positive", "positive", "neutral"])
                _customer_mention(
                    draw, story, users, hour, stream="switch", stance=stance, brand=COMPETITOR
                )
            else:
                stance = rng.choices(("positive", "neutral", "negative"), (35, 50, 15))[0]
                _customer_mention(
                    draw, story, users, hour, stream="competitor", stance=stance, brand=COMPETITOR
                )

    planted.update(_plant_trigger(draw, story, users, influencers, scale))
    planted.update(_plant_burst(draw, story, buzzers))
    planted.update(_brand_posts(draw, story))
    planted["care_replies"] = _care_replies(draw, story)
    # the hoax's first post: the earliest keyword mention is this one by construction
    frame = pl.DataFrame(draw.records, infer_schema_length=None).sort("published_at", "mention_id")
    return frame, planted


def _plant_trigger(draw, story, users, influencers, scale) -> dict:
    """The first post, the first article, the first hoax post and the influencers' posts."""
    rng = draw.rng
    first_author = Author(
        "rizkyfauzan_", "Rizky Fauzan", 2350, 610, account_id="1210000000000000077"
    )
    first = add(
        draw,
        brand=BRAND,
        platform="x",
        moment=story.first_post,
        author=first_author,
        text="Saldo @NusaPay gue kepotong 2x (Rp1.250.000) tapi transfer ke rekening gagal. "
        "Udah telpon CS 3 kali gak nyambung. @NusaPayCare tolong!! #NusaPayError 😡",
        stance="negative",
        lang="id",
        stream="crisis",
        boost=6.0,
    )
    # the first post goes around: reposts within the first hours
    for i in range(max(3, round(25 * scale))):
        moment = story.first_post + timedelta(minutes=5 + 9 * i + rng.randrange(9))
        add(
            draw,
            brand=BRAND,
            platform="x",
            moment=moment,
            author=rng.choice(users),
            text=f"RT @{first_author.handle}: {first['text']}",
            stance="negative",
            lang="id",
            stream="crisis",
            content_type="repost",
            parent=first,
        )
    outlet = Author(OUTLETS[0][0], OUTLETS[0][1], OUTLETS[0][2], 0, False, "outlet")
    title, lead = texts.NEWS["crisis"][0]
    article = add(
        draw,
        brand=BRAND,
        platform="news",
        moment=story.media_pickup,
        author=outlet,
        text=lead.format(brand=BRAND),
        title=title.format(brand=BRAND),
        stance="negative",
        lang="id",
        stream="crisis",
        content_type="article",
        reach=outlet.followers,
    )
    hoaxer = Author("infokilat_24", "INFO KILAT", 8800, 30, account_id="1650000000000000024")
    hoax = add(
        draw,
        brand=BRAND,
        platform="x",
        moment=story.hoax_start,
        author=hoaxer,
        text="INFO PENTING: NusaPay dikabarkan BANGKRUT, saldo nasabah dikuras. Segera pindahkan "
        "saldo kalian sebelum hilang semua!! Sebarkan!! #NusaPayBangkrut",
        stance="negative",
        lang="id",
        stream="hoax",
        boost=8.0,
    )
    # influencers: each posts once during the escalation, and gets reposted
    times = [
        "2026-10-21 12:40",
        "2026-10-21 15:10",
        "2026-10-21 17:30",
        "2026-10-21 18:05",
        "2026-10-22 10:20",
        "2026-10-22 19:45",
    ]
    influencer_texts = [
        "Thread: kenapa kasus saldo kepotong ganda @NusaPay ini serius dan apa yang harus "
        "kalian lakukan sekarang. Screenshot semua bukti transaksi 🧵",
        "Buat yang kena masalah NusaPay: simpan bukti, ajukan refund resmi, jangan kasih OTP ke "
        "siapa pun yang ngaku CS. Parah sih respons mereka lambat banget.",
        "NusaPay error bikin aku gagal bayar di kasir, malu banget 😭 kalian kena juga?",
        "Ribuan pengguna kena potong saldo ganda dan NusaPay baru diem aja. Mana tanggung "
        "jawabnya?",
        "Kalau sampai sekarang refund NusaPay belum masuk, laporkan ke layanan pengaduan "
        "konsumen. Jangan diem aja.",
        "Update: NusaPay bilang ada perbaikan, tapi banyak yang masih nunggu refund. Kecewa.",
    ]
    influencer_ids = []
    for (handle, _name, _followers, platform), person, when, text in zip(
        INFLUENCERS, influencers, times, influencer_texts, strict=True
    ):
        post = add(
            draw,
            brand=BRAND,
            platform=platform,
            moment=wib(when),
            author=person,
            text=text,
            stance="negative",
            lang="id",
            stream="influencer",
            content_type="video" if platform == "tiktok" else "post",
            boost=4.0,
        )
        influencer_ids.append(
            {
                "handle": handle,
                "platform": platform,
                "mention_id": post["mention_id"],
                "time": post["published_at"],
            }
        )
        if platform == "x":
            for _ in range(max(3, round(30 * scale))):
                moment = wib(when) + timedelta(minutes=int(rng.expovariate(1 / 50)))
                add(
                    draw,
                    brand=BRAND,
                    platform="x",
                    moment=moment,
                    author=rng.choice(users),
                    text=f"RT @{handle}: {text}",
                    stance="negative",
                    lang="id",
                    stream="influencer",
                    content_type="repost",
                    parent=post,
                )
    return {
        "first_post": first,
        "media_pickup": article,
        "hoax_first_post": hoax,
        "influencers": influencer_ids,
    }


def _plant_burst(draw, story, buzzers) -> dict:
    """The coordinated copy-paste burst: every buzzer account posts the same text once."""
    rng = draw.rng
    span = int((story.burst_end - story.burst_start).total_seconds())
    ids = []
    for person in buzzers:
        moment = story.burst_start + timedelta(seconds=rng.randrange(span))
        record = add(
            draw,
            brand=BRAND,
            platform="x",
            moment=moment,
            author=person,
            text=texts.burst_text(rng),
            stance="negative",
            lang="id",
            stream="burst",
            boost=0.3,
        )
        ids.append(record["mention_id"])
    return {"burst_ids": ids, "burst_accounts": len(buzzers)}


def _brand_posts(draw: Draw, story: Story) -> dict:
    """Marketing posts (paused during the crisis) and the official responses."""
    rng = draw.rng
    accounts = brand_accounts()
    pause_from = story.first_post
    pause_until = story.response("ceo_video").time + timedelta(days=3)
    day = story.start
    while day < story.end:
        for platform in ("x", "instagram", "facebook", "tiktok"):
            if platform == "tiktok" and day.weekday() not in (1, 4):
                continue  # two videos a week
            moment = day + timedelta(hours=11, minutes=rng.randrange(0, 90))
            if pause_from <= moment < pause_until:
                continue
            add(
                draw,
                brand=BRAND,
                platform=platform,
                moment=moment,
                author=accounts[platform],
                text=rng.choice(texts.MARKETING),
                stance="positive",
                lang="id",
                stream="brand",
                content_type="video" if platform == "tiktok" else "post",
                is_brand=True,
                boost=0.4,
            )
        day += timedelta(days=1)
    posts = {}
    for response in story.responses:
        for i, platform in enumerate(response.channels):
            moment = response.time + timedelta(minutes=7 * i)
            kind = "video" if response.key == "ceo_video" or platform == "tiktok" else "post"
            record = add(
                draw,
                brand=BRAND,
                platform=platform,
                moment=moment,
                author=accounts[platform],
                text=texts.STATEMENTS[response.key],
                stance="neutral" if response.key in ("holding", "clarification") else "positive",
                lang="mix" if response.key in ("holding", "apology") else "id",
                stream="response",
                content_type=kind,
                is_brand=True,
                response_key=response.key,
                boost=2.5,
            )
            posts.setdefault(response.key, []).append(record)
    return {"responses": posts}


def _reply_policy(moment: datetime, story: Story) -> tuple[float, float]:
    """(probability a negative X mention gets a care reply, median delay in hours)."""
    if moment < story.first_post:
        return 0.45, 0.8
    if moment < story.response("holding").time:
        return 0.06, 6.0  # the care team was overwhelmed and unprepared
    if moment < story.apology:
        return 0.16, 4.0
    return 0.40, 1.5


def _care_replies(draw: Draw, story: Story) -> int:
    """Replies from the care handle to part of the negative X mentions."""
    rng = draw.rng
    care = brand_accounts()["care"]
    targets = [
        r
        for r in draw.records
        if r["platform"] == "x"
        and r["stance"] == "negative"
        and r["brand"] == BRAND
        and r["content_type"] == "post"
        and r["stream"] not in ("burst",)
    ]
    count = 0
    for target in targets:
        moment = target["published_at"].astimezone(JAKARTA)
        chance, median_hours = _reply_policy(moment, story)
        if rng.random() >= chance:
            continue
        reply_at = moment + timedelta(hours=median_hours * math.exp(rng.gauss(0, 0.6)))
        if reply_at.hour < 7:  # the care desk works 07:00-23:00
            reply_at = reply_at.replace(hour=7, minute=rng.randrange(60))
        if reply_at >= story.end:
            continue
        text = f"@{target['author']} " + rng.choice(texts.CARE_REPLIES)
        add(
            draw,
            brand=BRAND,
            platform="x",
            moment=reply_at,
            author=care,
            text=text,
            stance="neutral",
            lang="id",
            stream="care",
            content_type="reply",
            parent=target,
            is_brand=True,
            boost=0.05,
        )
        count += 1
    return count
