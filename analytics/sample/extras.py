"""The sample's side files: events.csv, notes.md, survey.csv and labels.csv.

These are what a PR team keeps beside the exports: its own log of what it did when, its
qualitative notes, an audience survey after the crisis, and a few hundred mentions an analyst
labelled by hand (to measure and train the sentiment scorer).
"""

from __future__ import annotations

import random
from datetime import timedelta

import polars as pl

from analytics.sample import texts
from analytics.sample.exports import render_csv
from analytics.sample.story import JAKARTA, Story


def iso(moment) -> str:
    """ISO-8601 in Jakarta time with its offset, e.g. 2026-10-21T10:30:00+07:00."""
    return moment.astimezone(JAKARTA).isoformat(timespec="seconds")


def events_file(story: Story) -> bytes:
    """events.csv: time (ISO-8601 with offset), channel, type, description."""
    rows = [
        [
            iso(story.first_post),
            "x",
            "first post",
            "First customer post about a double debit and a failed transfer (@rizkyfauzan_)",
        ],
        [
            iso(story.media_pickup),
            "news",
            "media pickup",
            "First news article: Kabar Fintek Nusantara reports double debits",
        ],
        [
            iso(story.hoax_start),
            "x",
            "hoax first seen",
            "Chain message claims NusaPay is bankrupt and balances were drained (@infokilat_24)",
        ],
    ]
    for response in story.responses:
        rows.append([iso(response.time), response.channels[0], response.type, response.description])
    rows.sort(key=lambda row: row[0])
    text, _ = render_csv(["time", "channel", "type", "description"], rows)
    return text.encode("utf-8")


NOTES = """# NusaPay transaction incident, 20-27 October 2026: team notes

*Written by the communications team during the post-crisis review (synthetic sample data).*

## What happened
App release 5.2 (rolled out on Tuesday 20 October) broke the settlement step of transfers
and QRIS payments: transactions failed but balances were debited, some twice. The first
complaint we know of came from @rizkyfauzan_ at 19:42 WIB; by the time the on-call engineer
escalated it the hashtag #NusaPayError was trending in Jakarta. The care desk closed at 23:00
as usual and nobody was paged for social media overnight.

## How we responded
The holding statement went out at 10:30 the next morning, after legal review. In hindsight
this was far too late: the story was already in the news at 07:15 and customers read our
silence as indifference. The fix (5.2.1) shipped on Thursday evening. On Thursday morning a
chain message claiming that NusaPay was bankrupt and that balances had been "dikuras" spread on
WhatsApp, X and Facebook, pushed by a burst of near-identical posts from new accounts at
lunchtime; we clarified on Friday morning. The apology with compensation (refund within
3x24 hours plus Rp25.000 cashback) on Friday evening was the turning point; the CEO video on
Sunday was well received, especially on TikTok.

## What we would do differently
- Page the social media duty officer for incidents outside office hours; a first
  acknowledgement within one hour, even without details.
- Pre-approved holding statements so legal review does not block the first response.
- Monitor hoax keywords ("bangkrut", "dikuras") and answer them the same day, with a short
  video rather than a text card.
- Staff the care desk for the expected volume: most complaints in the first two days never got
  an answer.

## Open questions
- How many customers switched to KiraPay for good?
- Did the compensation cost buy back trust, or did the CEO video do more?
"""


def survey_file(story: Story, rng: random.Random, count: int = 120) -> bytes:
    """survey.csv: audience feedback collected the week after the crisis."""
    rows = []
    start = story.crisis_end + timedelta(days=1)
    for i in range(count):
        stance = rng.choices(("negative", "neutral", "positive"), (45, 30, 25))[0]
        lang = "id" if rng.random() < 0.8 else "en"
        score = {
            "negative": rng.choice([1, 2, 2]),
            "neutral": 3,
            "positive": rng.choice([4, 4, 5]),
        }[stance]
        moment = start + timedelta(minutes=rng.randrange(0, 7 * 24 * 60))
        rows.append(
            [f"R{i + 1:04d}", iso(moment), lang, str(score), texts.survey_answer(stance, lang, rng)]
        )
    text, _ = render_csv(
        ["respondent_id", "submitted_at", "language", "satisfaction", "answer"], rows
    )
    return text.encode("utf-8")


def labels_file(mentions: pl.DataFrame, rng: random.Random, count: int = 400) -> bytes:
    """labels.csv (text,label): customer mentions an analyst labelled by hand.

    Drawn across all streams and both brands, one per distinct text, so a model trained on it
    sees the crisis vocabulary as well as everyday chatter.
    """
    pool = (
        mentions.filter(~pl.col("is_brand_post") & (pl.col("content_type") != "repost"))
        .unique(subset="text", keep="first", maintain_order=True)
        .select("text", "stance")
        .to_dicts()
    )
    chosen = rng.sample(pool, min(count, len(pool)))
    text, _ = render_csv(["text", "label"], [[r["text"], r["stance"]] for r in chosen])
    return text.encode("utf-8")
