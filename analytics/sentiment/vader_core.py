"""A faster re-implementation of VADER's scoring algorithm (vaderSentiment 3.3.2).

Why: bulk scoring of hundreds of thousands of mentions spends most of its time inside
``SentimentIntensityAnalyzer.polarity_scores``, which rebuilds lower-cased copies of the whole
sentence for every sentiment word, walks the text one character at a time to find emoji and
formats idiom strings it rarely needs. This module runs the same rules in the same order, with
the lower-cased tokens, ALL-CAPS and negation flags computed once per text, emoji found by one
regular expression, and idiom look-ups skipped when no idiom word is near.

With the stock lexicons and the default word lists the compound score is *identical* to
vaderSentiment's (``tests/test_sentiment_vader_core.py`` checks thousands of varied texts),
including two quirks kept on purpose: the "but" rule looks sentiments up by value (so equal
values can be weighted at the wrong position) and only single-code-point emoji are described.
The word lists are parameters so the social-media scorer can add crisis words and, for
code-mixed text, Indonesian negations and contrast words, without touching the algorithm.

Reference: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14. (MIT licence.)
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from vaderSentiment import vaderSentiment as _vader

B_INCR = _vader.B_INCR
C_INCR = _vader.C_INCR
N_SCALAR = _vader.N_SCALAR
NEGATIONS: frozenset[str] = frozenset(_vader.NEGATE)
BOOSTERS: Mapping[str, float] = dict(_vader.BOOSTER_DICT)
SPECIAL_CASES: Mapping[str, float] = dict(_vader.SPECIAL_CASES)
_PUNCTUATION = string.punctuation
_PUNCTUATION_SET = frozenset(_PUNCTUATION)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SO_THIS = ("so", "this")


@cache
def vader_lexicons() -> tuple[dict[str, float], dict[str, str]]:
    """VADER's own word lexicon and emoji descriptions, read from the installed package.

    Reading them through ``SentimentIntensityAnalyzer`` guarantees the same parsing as the
    reference implementation. Cached: callers must copy before changing them.
    """
    analyzer = _vader.SentimentIntensityAnalyzer()
    return analyzer.lexicon, analyzer.emojis


def _strip_punctuation(token: str) -> str:
    # VADER keeps the token unchanged when stripping would leave <= 2 characters (emoticons)
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


def normalize(score: float, alpha: float = 15) -> float:
    """VADER's squashing of a summed valence into -1..1."""
    norm = score / math.sqrt((score * score) + alpha)
    return max(-1.0, min(1.0, norm))


def punctuation_emphasis(text: str) -> float:
    """Extra intensity from "!" (up to 4) and from two or more "?", as VADER adds it."""
    exclamations = min(text.count("!"), 4)
    questions = text.count("?")
    question_amp = 0.0
    if questions > 1:
        question_amp = questions * 0.18 if questions <= 3 else 0.96
    return exclamations * 0.292 + question_amp


class VaderCore:
    """VADER's rules over a given lexicon; ``compound(text)`` equals vaderSentiment's.

    ``negations``, ``boosters`` and ``contrast_words`` default to VADER's own lists; the
    code-mixed scorer passes longer ones (Indonesian "gak", "banget", "tapi", ...).
    """

    def __init__(
        self,
        lexicon: Mapping[str, float] | None = None,
        emojis: Mapping[str, str] | None = None,
        *,
        negations: Iterable[str] = NEGATIONS,
        boosters: Mapping[str, float] = BOOSTERS,
        contrast_words: Iterable[str] = ("but",),
    ) -> None:
        stock_lexicon, stock_emojis = vader_lexicons()
        self.lexicon: dict[str, float] = dict(stock_lexicon if lexicon is None else lexicon)
        emojis = stock_emojis if emojis is None else emojis
        # VADER walks the text one code point at a time, so multi-code-point keys never match
        self._emojis = {key: value for key, value in emojis.items() if len(key) == 1}
        self.negations = frozenset(negations)
        self.boosters = dict(boosters)
        self.contrast_words = tuple(contrast_words)
        idiom_keys = list(SPECIAL_CASES) + [key for key in self.boosters if " " in key]
        # an idiom can only match when one of its uncommon words is near the sentiment word
        # ("the", "of", "to", "for", "just" are everywhere and never an idiom on their own)
        common = {"the", "of", "to", "for", "just"}
        self._idiom_words = frozenset(
            word for key in idiom_keys for word in key.split() if word not in common
        )

    # -- text to tokens ---------------------------------------------------------------------
    def describe_emoji(self, text: str) -> str:
        """Replace single-code-point emoji by their words, spaced exactly as VADER does."""
        if text.isascii() or not self._emojis:
            return text.strip()
        emojis = self._emojis

        def replace(match: re.Match[str]) -> str:
            char = match.group()
            if char not in emojis:
                return char
            start = match.start()
            # VADER inserts a space unless the previous character it appended was a space
            # (an emoji description counts as "not a space"); nothing at the very start
            glue = "" if start == 0 or text[start - 1] == " " else " "
            return glue + emojis[char]

        return _NON_ASCII.sub(replace, text).strip()

    def tokens(self, text: str) -> list[str]:
        """Whitespace tokens with leading/trailing punctuation removed (emoticons kept)."""
        punctuation = _PUNCTUATION_SET
        return [
            token
            if token[0] not in punctuation and token[-1] not in punctuation
            else _strip_punctuation(token)
            for token in text.split()
        ]

    # -- scoring ----------------------------------------------------------------------------
    def compound(self, text: str, *, emoji_described: bool = False) -> float:
        """The compound score (-1..1, rounded to 4 places as vaderSentiment does).

        ``emoji_described``: the caller already replaced emoji by words (the social scorer
        does it with ``str.translate``, faster, and spacing descriptions as separate words).
        """
        if not emoji_described:
            text = self.describe_emoji(text)
        sentiments = self.valences(self.tokens(text))
        return self.compound_from(sentiments, text)

    def compound_from(self, sentiments: list[float], text: str) -> float:
        """Sum per-token valences, add punctuation emphasis and squash, like VADER."""
        if not sentiments:
            return 0.0
        total = float(sum(sentiments))
        emphasis = punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(normalize(total), 4)

    def valences(self, words: list[str]) -> list[float]:
        """One valence per token after boosters, negation, caps, idioms, "least" and "but"."""
        lexicon = self.lexicon
        boosters = self.boosters
        n = len(words)
        # one C-level lower() for the whole text instead of one call per word
        lower = "\x00".join(words).lower().split("\x00") if n else []
        if len(lower) != n:  # a NUL character inside a token: lower them one by one
            lower = [word.lower() for word in words]
        sentiments: list[float] = [0] * n
        # only sentiment words get a non-zero valence; most social tokens are not one
        hits = [i for i, word in enumerate(lower) if word in lexicon]
        if not hits:
            return sentiments
        n_upper = sum(map(str.isupper, words))
        cap_diff = 0 < n_upper < n
        negations = self.negations
        # idioms ("the bomb", "kind of") are rare: look for them only if one of their words is here
        idioms_possible = not self._idiom_words.isdisjoint(lower)
        idiom_words = self._idiom_words
        for i in hits:
            word = lower[i]
            if word in boosters or (word == "kind" and i < n - 1 and lower[i + 1] == "of"):
                continue
            base = lexicon[word]
            valence = base
            if word == "no" and i != n - 1 and lower[i + 1] in lexicon:
                valence = 0.0  # "no" negates the next sentiment word instead of scoring
            if (
                (i > 0 and lower[i - 1] == "no")
                or (i > 1 and lower[i - 2] == "no")
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
            ):
                valence = base * N_SCALAR
            if cap_diff and words[i].isupper():
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            for distance in (1, 2, 3):
                if i < distance:
                    break
                j = i - distance
                before = lower[j]
                if before in lexicon:
                    continue
                if before in boosters:
                    valence = valence + self._booster(j, distance, valence, lower, words, cap_diff)
                # VADER's negation check for the word 1, 2 or 3 places before
                if distance == 1:
                    if before in negations or "n't" in before:
                        valence = valence * N_SCALAR
                elif distance == 2:
                    if before == "never" and lower[i - 1] in _SO_THIS:
                        valence = valence * 1.25
                    elif before == "without" and lower[i - 1] == "doubt":
                        pass
                    elif before in negations or "n't" in before:
                        valence = valence * N_SCALAR
                else:
                    if (before == "never" and lower[i - 2] in _SO_THIS) or lower[i - 1] in _SO_THIS:
                        valence = valence * 1.25
                    elif before == "without" and (
                        lower[i - 2] == "doubt" or lower[i - 1] == "doubt"
                    ):
                        pass
                    elif before in negations or "n't" in before:
                        valence = valence * N_SCALAR
                    if idioms_possible and idiom_words.intersection(lower[i - 3 : i + 3]):
                        valence = self._idioms(valence, lower, i)
            if i > 0 and lower[i - 1] == "least":
                valence = self._least(valence, lower, i)
            sentiments[i] = valence
        if any(word in lower for word in self.contrast_words):
            return self._contrast(lower, sentiments)
        return sentiments

    def _booster(
        self, j: int, distance: int, valence: float, lower: list[str], words: list[str], cap: bool
    ) -> float:
        scalar = self.boosters[lower[j]]
        if valence < 0:
            scalar *= -1
        if cap and words[j].isupper():
            scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
        if distance == 2 and scalar != 0:
            scalar *= 0.95
        elif distance == 3 and scalar != 0:
            scalar *= 0.9
        return scalar

    def _idioms(self, valence: float, lower: list[str], i: int) -> float:
        one_zero = f"{lower[i - 1]} {lower[i]}"
        two_one_zero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        two_one = f"{lower[i - 2]} {lower[i - 1]}"
        three_two_one = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        three_two = f"{lower[i - 3]} {lower[i - 2]}"
        for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
            if sequence in SPECIAL_CASES:
                valence = SPECIAL_CASES[sequence]
                break
        n = len(lower)
        if n - 1 > i:
            zero_one = f"{lower[i]} {lower[i + 1]}"
            if zero_one in SPECIAL_CASES:
                valence = SPECIAL_CASES[zero_one]
        if n - 1 > i + 1:
            zero_one_two = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zero_one_two in SPECIAL_CASES:
                valence = SPECIAL_CASES[zero_one_two]
        for n_gram in (three_two_one, three_two, two_one):
            if n_gram in self.boosters:
                valence = valence + self.boosters[n_gram]
        return valence

    def _least(self, valence: float, lower: list[str], i: int) -> float:
        if i > 0 and lower[i - 1] == "least" and "least" not in self.lexicon:
            if i > 1 and lower[i - 2] in ("at", "very"):
                return valence  # "at least good" is not a negation
            return valence * N_SCALAR
        return valence

    def _contrast(self, lower: list[str], sentiments: list[float]) -> list[float]:
        pivots = [lower.index(word) for word in self.contrast_words if word in lower]
        if not pivots:
            return sentiments
        # a zero valence stays zero and is never found by value for a non-zero one, so the
        # rule only needs the non-zero valences
        positions = [i for i, sentiment in enumerate(sentiments) if sentiment]
        weighed = contrast(min(pivots), positions, [sentiments[i] for i in positions])
        for position, sentiment in zip(positions, weighed, strict=True):
            sentiments[position] = sentiment
        return sentiments


def contrast(pivot: int, positions: Sequence[int], values: list[float]) -> list[float]:
    """VADER's "but" rule on the valences ``values`` at ``positions`` (ascending), in place.

    VADER halves what comes before the first contrast word (at ``pivot``) and weights what
    follows by 1.5. It finds each sentiment's position with list.index (by value), which
    misplaces repeated values; replicated exactly so scores stay identical to the reference.
    """
    for value in values:  # reads each item as it is now, as VADER's loop does
        j = values.index(value)
        if positions[j] < pivot:
            values[j] = value * 0.5
        elif positions[j] > pivot:
            values[j] = value * 1.5
    return values
