"""Draw the sample's mentions from the story: one record per post, reply, repost or article.

The result is an internal polars frame (not yet any vendor's layout) with the true stance,
language and stream of every mention; ``exports.py`` and ``owned.py`` write it out in the
vendors' layouts. Keeping the truth here lets ``truth.json`` and the tests check the planted
structure against exactly what was written.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import numpy as np
import polars as pl

from analytics.progress import progress
from analytics.sample import planted as planted_events
from analytics.sample import texts
from analytics.sample.people import (
    FORUMS,
    OUTLETS,
    Author,
    make_buzzers,
    make_influencers,
    make_users,
)
from analytics.sample.records import Draw, add
from analytics.sample.story import (
    BRAND,
    COMPETITOR,
    Story,
    baseline_rate,
    competitor_rate,
    complaint_rate,
    hoax_rate,
    negative_share_of_complaints,
)

PLATFORM_WEIGHTS = {
    "baseline": {"x": 50, "instagram": 16, "tiktok": 10, "facebook": 10, "news": 4, "forum": 10},
    "aftermath": {"x": 55, "instagram": 15, "tiktok": 10, "facebook": 10, "forum": 10},
    "crisis": {"x": 58, "instagram": 13, "tiktok": 10, "facebook": 7, "news": 4, "forum": 8},
    "hoax": {"x": 45, "facebook": 25, "tiktok": 15, "instagram": 10, "forum": 5},
    "debunk": {"x": 50, "facebook": 15, "instagram": 10, "news": 20, "forum": 5},
    "switch": {"x": 70, "instagram": 15, "tiktok": 15},
    "competitor": {"x": 55, "instagram": 20, "tiktok": 10, "facebook": 5, "news": 4, "forum": 6},
}
LANGUAGE_WEIGHTS = {"id": 55, "mix": 30, "en": 15}


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _second_in_hour(hour: datetime, rng: random.Random) -> datetime:
    return hour + timedelta(seconds=rng.randrange(3600))


def _outlet(rng: random.Random, platform: str) -> Author:
    domain, name, visitors = rng.choice(FORUMS if platform == "forum" else OUTLETS)
    return Author(domain, name, visitors, 0, False, "outlet")


def _customer_mention(
    draw: Draw,
    story: Story,
    users: list[Author],
    hour: datetime,
    *,
    stream: str,
    stance: str,
    brand: str = BRAND,
) -> None:
    """One customer (or outlet) mention in this hour; news and forum posts get a title."""
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
        in_crisis = story.media_pickup <= moment < story.crisis_end
        phase = "crisis" if brand == BRAND and (stream != "baseline" or in_crisis) else "baseline"
        author = _outlet(rng, platform)
        if platform == "news":
            if stream in ("hoax", "debunk"):
                phase, stream = "debunk", "debunk"
            title, text, stance = texts.news_item(
                phase, rng, brand=brand, moment=moment, story=story
            )
        else:
            title = texts.forum_title(phase, rng)
            text = (
                texts.mention_text(stream, stance, lang, rng)
                if brand == BRAND
                else texts.competitor_text(stance, lang, rng, switching=False)
            )
            if brand == BRAND and rng.random() < 0.3:
                # forum posts run over several paragraphs: quoted multi-line CSV cells
                text += "\n\n" + texts.mention_text(stream, stance, lang, rng)
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


def _baseline_kind(moment: datetime, story: Story, rng: random.Random) -> tuple[str, str]:
    """(stream, stance) of an everyday mention.

    After the crisis a little trust is lost for good (the lasting sentiment gap): everyday
    talk is a bit less positive, and about one mention in sixteen still refers to the incident.
    """
    stances = ("positive", "neutral", "negative")
    if moment < story.crisis_end:
        return "baseline", rng.choices(stances, weights=(34, 52, 14))[0]
    if rng.random() < 0.06:
        return "aftermath", rng.choices(stances, weights=(20, 30, 50))[0]
    return "baseline", rng.choices(stances, weights=(32, 53, 15))[0]


def draw_mentions(story: Story, *, seed: int, scale: float) -> tuple[pl.DataFrame, dict]:
    """All mentions of the sample (brand, competitor, brand's own posts) and the planted ids."""
    rng = random.Random(seed)
    draw = Draw(rng, np.random.default_rng(seed))
    users = make_users(rng, 6000)
    influencers = make_influencers(rng)
    buzzers = make_buzzers(rng, max(20, round(90 * scale)))
    planted: dict = {}

    hours = story.hours()
    for hour in progress(hours, total=len(hours), description="drawing mentions"):
        # baseline chatter never stops; the crisis streams ride on top of it
        for _ in range(draw.np_rng.poisson(baseline_rate(hour, story) * scale)):
            stream, stance = _baseline_kind(hour, story, rng)
            _customer_mention(
                draw,
                story,
                users,
                hour,
                stream=stream,
                stance=stance,
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

    planted.update(planted_events.plant_trigger(draw, story, users, influencers, scale))
    planted.update(planted_events.plant_burst(draw, story, buzzers))
    planted.update(planted_events.brand_posts(draw, story))
    planted["care_replies"] = planted_events.care_replies(draw, story)
    # the hoax's first post: the earliest keyword mention is this one by construction
    frame = pl.DataFrame(draw.records, infer_schema_length=None).sort("published_at", "mention_id")
    return frame, planted
