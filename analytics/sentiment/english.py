"""English sentiment for social media: VADER's rules on prepared text plus crisis words.

``EnglishScorer.polarity`` returns VADER's compound score (-1..1) for a mention after
``SocialText.prepare`` (links, handles and brand names neutral, hashtags split, emoji
cleaned), with VADER's lexicon extended by the crisis words in ``data/crisis_en.tsv`` and by
descriptions of emoji newer than VADER's emoji list. With ``social=False`` and
``crisis_words=False`` it is plain VADER (same numbers as vaderSentiment).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

import numpy as np

from analytics.errors import InputDataError
from analytics.sentiment.social_text import (
    EMOJI_MODIFIERS,
    SEPARATOR,
    ZERO_WIDTH_JOINER,
    SocialText,
    destretch,
    split_joined,
)
from analytics.sentiment.vader_batch import VaderBatch
from analytics.sentiment.vader_core import VaderCore, vader_lexicons

METHOD = "vader-social"
# cheap pre-check before de-stretching: a letter three times in a row ("baaad"); ASCII
# letters only, which is where English stretching happens (found by ``_stretched``)
_STRETCH_RE = re.compile(r"([a-zA-Z])\1\1")
# "refund" is a complaint when demanded, neutral in a brand's reply ("request a refund").
# Both alternatives start at a word boundary with one of the letters m w n d s y g r: the
# look-ahead rejects other word starts at once instead of trying 13 words at each (40%
# less time, same matches)
_REFUND_DEMAND_RE = re.compile(
    r"\b(?=[mwndsygr])(?:"
    r"(?:my|want|need|demand|demanding|no|still|where|waiting|yet|give\s+me)\b"
    r"(?:\W+\w+){0,2}?\W+refunds?\b|refunds?\b(?=\W+(?:now|please|pls|asap|yet)\b))",
    re.IGNORECASE,
)
_REFUND_RE = re.compile(r"refunds?\b", re.IGNORECASE)
_NON_ASCII_RE = re.compile(r"([^\x00-\x7f])")  # one group: re.split keeps them


def _stretched(joined: str) -> list[int]:
    """The texts of ``joined`` (texts and ``SEPARATOR``s) where ``_STRETCH_RE`` matches.

    Found with numpy on the UTF-8 bytes, where an ASCII letter is one byte that stands for
    nothing else: the regex with its back-reference costs more than the rest of the
    English preparation passes together on text without a match.
    """
    data = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    letter = (data | 0x20) - ord("a") <= ord("z") - ord("a")  # A-Z, a-z (uint8 wraps)
    triple = letter[:-2] & (data[:-2] == data[1:-1]) & (data[1:-1] == data[2:])
    at = np.flatnonzero(triple)
    if not len(at):
        return []
    ends = np.flatnonzero(data == ord(SEPARATOR))
    return np.unique(np.searchsorted(ends, at)).tolist()


@cache
def crisis_lexicon() -> dict[str, float]:
    """The documented crisis-word extension (word -> VADER-scale valence)."""
    source = resources.files("analytics.sentiment").joinpath("data/crisis_en.tsv")
    rows = [line for line in source.read_text(encoding="utf-8").splitlines() if line]
    reader = csv.DictReader((row for row in rows if not row.startswith("#")), delimiter="\t")
    words: dict[str, float] = {}
    for line_number, row in enumerate(reader, start=2):
        try:
            valence = float(row["valence"])
        except (TypeError, ValueError):
            raise InputDataError(
                f'{source}, data row {line_number}, column "valence": expected a number '
                f"between -4 and 4, found {row.get('valence')!r}"
            ) from None
        words[row["word"].strip().lower()] = valence
    return words


def _data_rows(name: str) -> list[dict[str, str]]:
    source = resources.files("analytics.sentiment").joinpath(f"data/{name}")
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line]
    return list(csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t"))


@cache
def emoji_valences() -> dict[str, float]:
    """Emoji whose VADER reading is wrong or empty, with a VADER-scale valence."""
    return {row["emoji"]: float(row["valence"]) for row in _data_rows("emoji_en.tsv")}


def emoji_token(char: str) -> str:
    """The lexicon token an emoji of ``emoji_en.tsv`` is described by (e.g. ``emoji1f621``)."""
    return f"emoji{ord(char):x}"


@cache
def emoji_descriptions() -> dict[str, str]:
    """VADER's emoji descriptions, corrected ones, and names of newer emoji.

    Emoji in ``emoji_en.tsv`` are described by one token that carries their valence. VADER's
    own list stops around Unicode 10; newer single-code-point emoji get their CLDR name from
    the ``emoji`` package, like VADER's entries.
    """
    import emoji

    _, stock = vader_lexicons()
    descriptions = dict(stock)
    for char, data in emoji.EMOJI_DATA.items():
        if len(char) == 1 and char not in descriptions:
            descriptions[char] = data["en"].strip(":").replace("_", " ")
    for char in emoji_valences():
        descriptions[char] = emoji_token(char)
    return descriptions


class EnglishScorer:
    """VADER on prepared social text; ``brand_names`` score nothing."""

    method = METHOD

    def __init__(
        self,
        brand_names: Sequence[str] = (),
        *,
        social: bool = True,
        crisis_words: bool = True,
        extra_lexicon: Mapping[str, float] | None = None,
    ) -> None:
        stock_lexicon, stock_emojis = vader_lexicons()
        lexicon = dict(stock_lexicon)
        if crisis_words:
            lexicon.update(crisis_lexicon())
        if social:
            lexicon.update({emoji_token(c): v for c, v in emoji_valences().items()})
        if extra_lexicon:
            lexicon.update({word.lower(): value for word, value in extra_lexicon.items()})
        self.social = social
        self.core = VaderCore(lexicon, emoji_descriptions() if social else stock_emojis)
        self.text_preparer = SocialText(brand_names)
        # social mode describes emoji in one pass over the non-ASCII characters, each
        # description spaced as its own words (VADER glues a description to a following
        # letter: "eyesdef"); skin tones and variation selectors vanish, joiners split
        table = {c: f" {words} " for c, words in emoji_descriptions().items() if len(c) == 1}
        table.update(dict.fromkeys(EMOJI_MODIFIERS, "") | {ZERO_WIDTH_JOINER: " "})
        self._emoji_words = table
        self._batch: VaderBatch | None = None  # built on first use of polarities()

    def prepare_for_indonesian(self, text: str) -> str:
        """Links, handles and brand names out; hashtags left for the Indonesian scorer."""
        return self.prepare_for_indonesian_many([text])[0]

    def prepare_for_indonesian_many(self, texts: Sequence[str]) -> list[str]:
        """``prepare_for_indonesian`` of each text, the passes run over all at once."""
        if not self.social:
            return list(texts)
        return self.text_preparer.prepare_many(texts, split_hashtags=False)

    def described(self, text: str) -> str:
        """Prepared text with emoji replaced by their (corrected) descriptions."""
        return self.described_many([text])[0]

    def described_many(self, texts: Sequence[str]) -> list[str]:
        """``described`` of each text (``SocialText.prepare_many``, then the refund and
        stretched-word rules per text that has their trigger, then emoji over all at once)."""
        if not self.social:
            return [self.core.describe_emoji(text) for text in texts]
        prepared = self.text_preparer.prepare_many(texts, clean_emoji=False)  # emoji: below
        joined = SEPARATOR.join(prepared)
        if len(prepared) > 1 and joined.count(SEPARATOR) != len(prepared) - 1:
            return [self.described_many([text])[0] for text in texts]
        if "efund" in joined:
            for k, text in enumerate(prepared):
                if "efund" in text:
                    prepared[k] = _REFUND_DEMAND_RE.sub(
                        lambda m: _REFUND_RE.sub("refund_demand", m.group()), text
                    )
            joined = SEPARATOR.join(prepared)
        stretched = _stretched(joined)  # de-stretch the texts that hold a stretched letter
        if stretched:
            for k in stretched:
                prepared[k] = destretch(prepared[k], self.core.lexicon)
            joined = SEPARATOR.join(prepared)
        if not joined.isascii():
            # re.split with the character as its group, then one dict look-up per character:
            # the same text as re.sub with a callback, without a Python call per emoji
            parts = _NON_ASCII_RE.split(joined)  # text, character, text, character, ..., text
            chars = parts[1::2]
            parts[1::2] = map(self._emoji_words.get, chars, chars)
            joined = "".join(parts)
        return split_joined(joined, len(prepared))

    def polarity(self, text: str) -> float:
        """Compound score -1..1 of one mention."""
        return self.core.compound(self.described(text), emoji_described=True)

    def polarities(self, texts: Sequence[str]) -> list[float]:
        """``[self.polarity(t) for t in texts]``, with VADER's rules run over all at once."""
        if self._batch is None:
            self._batch = VaderBatch(self.core)
        return self._batch.compounds(self.described_many(texts))

    def score_many(self, texts: Sequence[str]) -> list[float]:
        """Compound scores of many mentions (one process; see ``bulk`` for both cores)."""
        return self.polarities(texts)
