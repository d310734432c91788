"""Mention texts for the sample crisis: templates x slots x slang, typos, emoji and hashtags.

Each stream (baseline chatter, complaints, the hoax, news, the brand's own statements, ...)
has its own templates (``phrases.py``) in Indonesian (``id``), English (``en``) and
code-mixed Indonesian-English (``mix``). The stance (positive / neutral / negative) is decided
by the caller and the template bank is chosen to match it, so the stance is the analyst's
label of the text (``labels.csv``).

Hoax keywords (see ``HOAX_CLAIMS``) appear only in the hoax, burst and debunk banks, which the
generator uses only after the hoax started; a test checks they never show up earlier.
"""

from __future__ import annotations

import random
import re
from datetime import datetime

from analytics.sample.phrases import (
    BANKS,
    BURST_TEXT,
    EMOJI,
    FORUM_TITLES,
    NEWS_BASELINE,
    NEWS_CRISIS,
    NEWS_DEBUNK,
    SLOTS,
    STATEMENTS,
    SURVEY,
    TAGS,
)
from analytics.sample.story import BRAND, CARE_HANDLE, COMPETITOR, Story

HOAX_CLAIMS: dict[str, list[str]] = {
    "NusaPay bangkrut": ["bangkrut", "pailit", "gulung tikar"],
    "saldo dikuras": ["dikuras", "saldo hilang semua", "kuras saldo"],
}

BRAND_FORMS = [BRAND, BRAND, BRAND, "nusapay", "Nusapay", "Nusa Pay", "@NusaPay", "NUSAPAY"]
COMPETITOR_FORMS = [COMPETITOR, COMPETITOR, "kirapay", "Kira Pay", "@KiraPay"]


def statement(key: str, platform: str) -> str:
    """An official statement as posted on a platform: captions on Instagram and Facebook
    break into paragraphs (multi-line cells in the exports), X keeps one block."""
    text = STATEMENTS[key]
    if platform in ("instagram", "facebook"):
        text = text.replace(". ", ".\n\n", 1)
    return text


PARTICLES = {
    "negative": ["sih", "nih", "dong", "kok", "lho", "deh", "ya ampun"],
    "neutral": ["sih", "nih", "ya", "gitu", "dong"],
    "positive": ["sih", "deh", "nih", "wkwk", "hehe"],
}

_ALL_PARTICLES = {word for words in PARTICLES.values() for word in words}

_SLANG = [
    (r"\btidak\b", ["gak", "ga", "nggak", "tdk", "gk"]),
    (r"\bsudah\b", ["udah", "udh", "dah"]),
    (r"\byang\b", ["yg"]),
    (r"\bbanget\b", ["bgt", "banget", "bangettt"]),
    (r"\bsaja\b", ["aja"]),
    (r"\bbegini\b", ["gini"]),
    (r"\bterima kasih\b", ["makasih", "trims", "thx"]),
    (r"\bparah\b", ["parah", "parahhh", "prh"]),
    (r"\bgimana\b", ["gmn", "gimana"]),
]


class _Slots(dict):
    """Slot values drawn only when a template asks for them (keeps generation fast)."""

    def __init__(self, rng: random.Random, brand: str | None) -> None:
        super().__init__()
        self.rng = rng
        if brand is not None:
            self["brand"] = brand

    def __missing__(self, key: str) -> str:
        options = {"brand": BRAND_FORMS, "comp": COMPETITOR_FORMS}.get(key) or SLOTS[key]
        value = self[key] = self.rng.choice(options)
        return value


def fill(template: str, rng: random.Random, brand: str | None = None) -> str:
    """Fill the slots of one template."""
    return template.format_map(_Slots(rng, brand))


def roughen(text: str, rng: random.Random, *, stance: str, stream: str, lang: str = "id") -> str:
    """Make a clean sentence look typed on a phone: slang, particles, a typo, case, emoji,
    hashtags."""
    for pattern, options in _SLANG:
        if rng.random() < 0.6:
            text = re.sub(pattern, lambda _m, o=options: rng.choice(o), text)
    last_word = text.rstrip("?.!").rsplit(" ", 1)[-1].lower()
    if lang != "en" and rng.random() < 0.2 and last_word not in _ALL_PARTICLES:
        # Indonesian discourse particles carry tone, not polarity
        particle = rng.choice(PARTICLES[stance])
        text = re.sub(r"([?.!]*)$", lambda m: f" {particle}{m.group(1)}", text, count=1)
    if rng.random() < 0.12 and len(text) > 20:
        # one swapped pair of letters: the most common phone typo
        i = rng.randrange(5, len(text) - 2)
        word = re.findall(r"\S+", text[: i + 2])[-1] + text[i + 2 :].split(" ", 1)[0]
        # never in a brand name: a listening query would not have found the post
        brand_word = any(name in word.lower() for name in ("nusa", "kira", "pay"))
        if text[i].isalpha() and text[i + 1].isalpha() and not brand_word:
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    roll = rng.random()
    if roll < 0.25:
        text = text.lower()
    elif roll < 0.28 and stance == "negative":
        text = text.upper()
    if rng.random() < 0.45:
        text += " " + rng.choice(EMOJI[stance]) * rng.choice([1, 1, 2, 3])
    # the crisis hashtags are themselves complaints: neutral posts use the plain brand tag
    tag_pool = TAGS.get(stream)
    if tag_pool and stance == "neutral":
        tag_pool = tag_pool[:1]  # just the brand's own tag
    if tag_pool and rng.random() < 0.3:
        text += " " + rng.choice(tag_pool)
    return text.strip()


def mention_text(stream: str, stance: str, lang: str, rng: random.Random) -> str:
    """A customer's mention of the given stream, stance and language (id, en or mix)."""
    bank = BANKS.get((stream, stance, lang))
    if bank is None:  # not every combination exists: fall back to Indonesian, then any
        bank = BANKS.get((stream, stance, "id")) or next(
            v for (s, st, _), v in BANKS.items() if s == stream and st == stance
        )
    text = fill(rng.choice(bank), rng)
    if stream == "crisis" and rng.random() < 0.25:
        text = f"@{CARE_HANDLE} " + text  # complaints often tag the care handle
    return roughen(text, rng, stance=stance, stream=stream, lang=lang)


def competitor_text(stance: str, lang: str, rng: random.Random, *, switching: bool) -> str:
    """A mention of the competitor (switching talk during the crisis when ``switching``)."""
    stream = "switch" if switching else "competitor"
    bank = BANKS.get((stream, stance, lang)) or BANKS.get((stream, stance, "id"))
    if bank is None:
        bank = BANKS[(stream, "positive", "id")]
    text = fill(rng.choice(bank), rng)
    return roughen(text, rng, stance=stance, stream="competitor", lang=lang)


def burst_text(rng: random.Random) -> str:
    """The copy-paste text of the coordinated burst, with the tiny edits such accounts make."""
    text = BURST_TEXT
    if rng.random() < 0.3:
        text = text.replace("makin parah", "makin parahhh")
    if rng.random() < 0.3:
        text = text.replace("!!", "!!!")
    if rng.random() < 0.4:
        text += " " + rng.choice(["😡", "🙏", "‼️", "⚠️"])
    return text


def news_item(
    phase: str,
    rng: random.Random,
    *,
    brand: str = BRAND,
    moment: datetime | None = None,
    story: Story | None = None,
) -> tuple[str, str, str]:
    """(headline, lead, stance) of a news article.

    ``phase`` is baseline, crisis or debunk. In the crisis an outlet writes only about what has
    already happened at ``moment``, and mostly about the latest turn of the story.
    """
    values = {"brand": brand, "comp": COMPETITOR, "city": rng.choice(SLOTS["city"])}
    if phase == "baseline":
        title, lead = rng.choice(NEWS_BASELINE)
        stance = "neutral" if rng.random() < 0.7 else "positive"
    elif phase == "debunk":
        title, lead = rng.choice(NEWS_DEBUNK)
        stance = "neutral"
    else:
        if story is None or moment is None:
            raise ValueError("crisis news needs the story and the moment")
        stages = {"media_pickup": story.media_pickup}
        stages.update({r.key: r.time for r in story.responses})
        eligible = [item for item in NEWS_CRISIS if stages[item[0]] <= moment]
        if not eligible:
            raise ValueError(f"no crisis news exists yet at {moment}")
        latest = max(stages[item[0]] for item in eligible)
        weights = [4 if stages[item[0]] == latest else 1 for item in eligible]
        _, stance, title, lead = rng.choices(eligible, weights=weights)[0]
    return title.format(**values), lead.format(**values), stance


def forum_title(phase: str, rng: random.Random) -> str:
    """A forum thread title for the phase (baseline or crisis)."""
    return rng.choice(FORUM_TITLES[phase]).format(brand=BRAND, comp=COMPETITOR)


def survey_answer(stance: str, lang: str, rng: random.Random) -> str:
    """One free-text survey answer."""
    return rng.choice(SURVEY.get((stance, lang)) or SURVEY[(stance, "id")])
