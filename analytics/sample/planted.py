"""The planted events of the sample: first post, media pick-up, hoax, influencers, the
coordinated burst, the brand's own posts and the care desk's replies.

These are placed at the story's exact times (not drawn from a rate), so ``truth.json`` can
name their ids and tests can find them.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from analytics.sample import texts
from analytics.sample.people import INFLUENCERS, OUTLETS, Author, brand_accounts
from analytics.sample.phrases import CARE_REPLIES, MARKETING, NEWS_CRISIS
from analytics.sample.records import Draw, add
from analytics.sample.story import BRAND, JAKARTA, Story, wib


def plant_trigger(
    draw: Draw, story: Story, users: list[Author], influencers: list[Author], scale: float
) -> dict:
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
    _, _, title, lead = NEWS_CRISIS[0]
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


def plant_burst(draw: Draw, story: Story, buzzers: list[Author]) -> dict:
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


def brand_posts(draw: Draw, story: Story) -> dict:
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
                text=rng.choice(MARKETING),
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
                text=texts.statement(response.key, platform),
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


def care_replies(draw: Draw, story: Story) -> int:
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
        text = f"@{target['author']} " + rng.choice(CARE_REPLIES)
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
