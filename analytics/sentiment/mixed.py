"""Code-mixed Indonesian/English mentions: both lexicons, one VADER-scale score.

"pelayanan gak good sih", "so disappointed sama pelayanannya": each language's scorer alone
sees half of the sentence. Here every word is scored once, by the scorer of its language:

* English words by VADER's rules (our ``VaderCore`` over the English lexicon plus crisis
  words) with Indonesian negations, boosters and contrast words added to VADER's lists, so
  "gak good" is negated and "bagus tapi slow" weighs the part after "tapi";
* every other sentiment word by ``IndonesianScorer.token_valences`` (its own negation,
  intensifier, slang and reduplication rules);
* a word both scorers know is counted once, as English; Indonesian words that happen to be
  English words ("sore" = afternoon) never score as English; emoji are read once, on the
  English side.

The valences are summed, "!"/"?" emphasis is added as VADER does, and the sum is squashed
with VADER's normalisation, so the result reads like any other compound score.
"""

from __future__ import annotations

from collections.abc import Sequence

from analytics.sentiment.english import EnglishScorer
from analytics.sentiment.language import FALSE_FRIENDS, ID_WORDS
from analytics.sentiment.vader_core import (
    B_INCR,
    BOOSTERS,
    NEGATIONS,
    VaderCore,
    normalize,
    punctuation_emphasis,
)

METHOD = "mixed"
INDONESIAN_NEGATIONS = frozenset(
    str.split("tidak tak gak ga gk nggak ngga enggak engga tdk bukan belum jangan jgn kurang")
)
INDONESIAN_BOOSTERS = dict.fromkeys(
    str.split("sangat amat paling terlalu sungguh begitu sgt"), B_INCR
)
INDONESIAN_CONTRAST = ("tapi", "tetapi", "namun", "padahal", "tp", "tpi")


class MixedScorer:
    """Scores code-mixed text with the English and the Indonesian scorer together."""

    method = METHOD

    def __init__(self, english: EnglishScorer, indonesian: object) -> None:
        self.english = english
        self.indonesian = indonesian  # an IndonesianScorer (token_valences is all we use)
        self.core = VaderCore(
            english.core.lexicon,
            english.core._emojis,
            negations=NEGATIONS | INDONESIAN_NEGATIONS,
            boosters={**BOOSTERS, **INDONESIAN_BOOSTERS},
            contrast_words=("but", *INDONESIAN_CONTRAST),
        )

    def polarity(self, text: str) -> float:
        """Compound score -1..1 of one code-mixed mention."""
        return self.polarities([text])[0]

    def polarities(self, texts: Sequence[str]) -> list[float]:
        """``polarity`` of each text (the social preparation runs over all at once)."""
        english = self.english.described_many(texts)
        indonesian = self.english.prepare_for_indonesian_many(texts)
        return [self._polarity(*pair) for pair in zip(english, indonesian, strict=True)]

    def _polarity(self, described: str, indonesian_text: str) -> float:
        tokens = self.core.tokens(described)
        english = self.core.valences(tokens)
        english_words: set[str] = set()
        total = 0.0
        for token, valence in zip(tokens, english, strict=True):
            word = token.lower()
            if valence and word not in FALSE_FRIENDS and word not in ID_WORDS:
                english_words.add(word)
                total += valence
        for word, valence in self.indonesian.token_valences(indonesian_text):  # type: ignore[attr-defined]
            # emoji were already read on the English side (VADER's descriptions)
            if word[:1].isalnum() and word.lower() not in english_words:
                total += valence
        if total == 0:
            return 0.0
        emphasis = punctuation_emphasis(described)
        total = total + emphasis if total > 0 else total - emphasis
        return round(normalize(total), 4)

    def score_many(self, texts: Sequence[str]) -> list[float]:
        """Compound scores of many code-mixed mentions."""
        return self.polarities(texts)
