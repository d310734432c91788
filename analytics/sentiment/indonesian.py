"""A VADER-style rule-based sentiment scorer for Indonesian social-media text.

How a text is scored (each step is one function below, tested in
``tests/test_sentiment_indonesian.py``, and explained in ``docs/sentiment_indonesian.md``):

1. URLs and @handles are removed (they carry no sentiment); ``#`` is dropped from hashtags.
2. The text is split into words, punctuation runs and emoji.
3. Each word is normalised: slang and abbreviations ("gk", "bgt", "yg") are expanded,
   stretched letters are collapsed ("kecewaaa" -> "kecewa", which also adds emphasis),
   reduplication is reduced ("enak-enak", "enak2" -> "enak", with emphasis) and clitics
   are stripped when that finds a known word ("enaknya" -> "enak").
4. Multi-word entries are matched first ("tarik produk", "saldo hilang"), then single words.
5. Rules adjust each sentiment word like VADER does: boosters before it ("sangat bagus") or
   after it ("bagus banget") add emphasis, dampeners ("agak", "lumayan") reduce it, a
   negator up to three words before it ("tidak", "gak", "belum", ...) flips and shrinks it,
   ALL-CAPS and stretched spelling add emphasis; in a clause joined by "tapi", "namun",
   "tetapi", "sayangnya", what comes after the contrast word weighs more than what comes
   before it.
6. The valences are summed, "!" adds emphasis, and the sum is normalised to VADER's compound
   scale with x / sqrt(x^2 + 15), so labels use VADER's usual +/-0.05 cut-offs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from analytics.sentiment.lexicon_id import Lexicon, load_lexicon

# VADER's constants, so Indonesian and English scores live on the same scale.
BOOST = 0.293  # VADER's B_INCR: what "very" adds to a word's magnitude
CAPS_BOOST = 0.733  # VADER's C_INCR: an ALL-CAPS sentiment word in mixed-case text
NEGATION_SCALAR = -0.74  # VADER's N_SCALAR: "not good" is less bad than "bad" is bad
ALPHA = 15.0  # VADER's normalisation constant
EXCLAMATION_BOOST = 0.292  # per "!", up to four, in the direction of the sum
BEFORE_CONTRAST = 0.5  # VADER's weights around "but"
AFTER_CONTRAST = 1.5


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easy to read and extend)."""
    return frozenset(text.split())


NEGATORS = _words(
    "tidak tak bukan belum gak nggak enggak engga ngga ga ndak nda kagak kaga jangan tanpa "
    "tiada bukanlah tidaklah"
)
# "kurang enak" (not quite tasty): a weaker negation; alone, "kurang" means lacking
WEAK_NEGATORS = {"kurang": -0.6}
KURANG_ALONE = -1.0
# "tidak hanya" = "not only": no negation
NOT_NEGATION_AFTER = _words("hanya cuma cuman sekadar sekedar saja")
BOOSTERS_BEFORE = _words(
    "sangat amat paling terlalu super sungguh teramat terlampau makin semakin begitu "
    "benar-benar betul-betul sangatlah amatlah luar-biasa"
)
BOOSTERS_AFTER = _words("banget sekali amat nian bingit pisan")
DAMPENERS = _words("agak cukup lumayan sedikit rada kurang-lebih relatif")
CONTRAST = _words("tapi tetapi namun sayangnya tp tpi")
RULE_WORDS = NEGATORS | set(WEAK_NEGATORS) | BOOSTERS_BEFORE | BOOSTERS_AFTER | DAMPENERS | CONTRAST

_URL = re.compile(r"https?://\S+|www\.\S+|\b\S+\.(?:com|co\.id|id|net|org|ly)/\S*", re.I)
_HANDLE = re.compile(r"@\w+")
# words (with inner hyphens/apostrophes), punctuation runs, or any other single character
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[.,!?;:]+|\S")
_REDUP_HYPHEN = re.compile(r"^([a-z]+)-\1(nya|lah|kah|an)?$")
_REDUP_DIGIT = re.compile(r"^([a-z]{2,})2(nya|lah|an)?$")
_STRETCH = re.compile(r"([a-z])\1{2,}")
_DOUBLE = re.compile(r"([a-z])\1+")
_SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
_BOUNDARY = frozenset(".,!?;:")

# a token after normalisation: its word(s), whether it was emphasised, whether it was CAPS
Token = tuple[str, bool, bool]


class IndonesianScorer:
    """Score Indonesian (and slangy, code-mixed) text on VADER's compound scale, -1..+1.

    ``extra_lexicon`` adds or overrides valences (VADER scale, about -4..+4), e.g. to make a
    brand name neutral or to add an analyst's domain words. Multi-word keys are phrases.
    """

    def __init__(self, extra_lexicon: Mapping[str, float] | None = None) -> None:
        base = load_lexicon()
        valence = dict(base.valence)
        phrases = dict(base.phrases)
        for key, value in (extra_lexicon or {}).items():
            words = tuple(key.lower().split())
            if len(words) == 1:
                valence[words[0]] = float(value)
            elif words:
                phrases[words] = float(value)
        self._lexicon = Lexicon(
            valence=valence,
            phrases=phrases,
            slang=base.slang,
            emoji=base.emoji,
            sources=base.sources,
            own_slang=base.own_slang,
        )
        self._max_phrase = max((len(p) for p in phrases), default=1)
        self._phrase_starts = {p[0] for p in phrases}
        self._normalised: dict[str, tuple[tuple[str, ...], bool]] = {}

    # ------------------------------------------------------------------ public interface
    def polarity(self, text: str) -> float:
        """The compound score of ``text``: -1 (most negative) .. +1 (most positive)."""
        if not text:
            return 0.0
        valences, exclamations = self._valences(text)
        total = sum(v for _, v in valences)
        return _normalise(total, exclamations)

    def score_many(self, texts: Sequence[str]) -> list[float]:
        """Compound scores of many texts (identical texts are scored once)."""
        seen: dict[str, float] = {}
        out: list[float] = []
        for text in texts:
            if text is None:
                out.append(0.0)
                continue
            score = seen.get(text)
            if score is None:
                score = seen[text] = self.polarity(text)
            out.append(score)
        return out

    def token_valences(self, text: str) -> list[tuple[str, float]]:
        """Each sentiment-bearing word or emoji with its valence after all rules.

        ``sum`` of the valences (plus "!" emphasis) normalised gives ``polarity``; a mixed
        Indonesian/English scorer can add these to VADER's own per-word valences.
        """
        return [(w, v) for w, v in self._valences(text)[0] if v != 0.0]

    # ------------------------------------------------------------------ steps
    def _valences(self, text: str) -> tuple[list[tuple[str, float]], int]:
        tokens, exclamations = self._tokens(text)
        return self._apply_rules(tokens), exclamations

    def _tokens(self, text: str) -> tuple[list[Token], int]:
        """Split ``text`` into normalised tokens; punctuation runs are kept as boundaries."""
        text = _HANDLE.sub(" ", _URL.sub(" ", text))
        raw = _TOKEN.findall(text)
        has_lower = any(t.islower() for t in raw)
        tokens: list[Token] = []
        exclamations = 0
        emoji = self._lexicon.emoji
        for piece in raw:
            first = piece[0]
            if first in _BOUNDARY:
                exclamations += piece.count("!")
                tokens.append((piece[0], False, False))
            elif first.isalnum():
                caps = has_lower and piece.isupper() and len(piece) > 1
                words, emphasis = self._normalise_word(piece.lower())
                for word in words:
                    tokens.append((word, emphasis, caps))
            elif first in emoji:
                tokens.append((first, False, False))
        return tokens, exclamations

    def _known(self, word: str) -> bool:
        lex = self._lexicon
        return word in lex.valence or word in RULE_WORDS or word in self._phrase_starts

    def _normalise_word(self, word: str) -> tuple[tuple[str, ...], bool]:
        """Map a lower-case word to its standard form(s) and whether it was emphasised."""
        cached = self._normalised.get(word)
        if cached is None:
            cached = self._normalised[word] = self._normalise_uncached(word)
        return cached

    def _normalise_uncached(self, word: str) -> tuple[tuple[str, ...], bool]:
        lex = self._lexicon
        if word in lex.own_slang:  # our table first: "gak" -> "tidak" so phrases match
            return tuple(lex.slang[word].split()), False
        if self._known(word):
            return (word,), False
        candidates = [word]
        redup = _REDUP_HYPHEN.match(word) or _REDUP_DIGIT.match(word)
        if redup:  # "enak-enak", "enak2", "kecewa-kecewanya": the base word, emphasised
            candidates = [redup.group(1)]
        stretched = [c for c in candidates if _STRETCH.search(c)]
        # "kecewaaa": try runs of 3+ letters as one letter, then as two
        for c in stretched:
            candidates += [_STRETCH.sub(r"\1", c), _STRETCH.sub(r"\1\1", c)]
        emphasis = bool(redup or stretched)
        # a doubled final letter is common slang too ("mantapp", "bangett")
        candidates += [_DOUBLE.sub(r"\1", c) for c in list(candidates) if _DOUBLE.search(c)]
        for candidate in candidates:
            for form in (candidate, *_strip_suffix(candidate)):
                if self._known(form):
                    return (form,), emphasis
                if form in lex.slang:
                    return tuple(lex.slang[form].split()), emphasis
        return (candidates[-1] if emphasis else word,), emphasis

    def _apply_rules(self, tokens: list[Token]) -> list[tuple[str, float]]:
        """Per-token valences after phrases, boosters, dampeners, negation and contrast."""
        lex = self._lexicon
        words = [t[0] for t in tokens]
        n = len(tokens)
        base = [0.0] * n
        is_item = [False] * n  # tokens that carry their own sentiment
        covered = [False] * n  # tokens inside a matched phrase
        shown = list(words)  # what token_valences reports: the word, or the whole phrase
        i = 0
        while i < n:
            word = words[i]
            if word in self._phrase_starts:
                matched = 0
                for length in range(min(self._max_phrase, n - i), 1, -1):
                    value = lex.phrases.get(tuple(words[i : i + length]))
                    if value is not None:  # a 0.0 phrase ("salah satu") just hides its words
                        base[i], is_item[i], matched = value, value != 0.0, length
                        shown[i] = " ".join(words[i : i + length])
                        for j in range(i + 1, i + length):
                            covered[j] = True
                        break
                if matched:
                    i += matched
                    continue
            if word in lex.emoji:
                base[i], is_item[i] = lex.emoji[word], True
            elif word not in RULE_WORDS and lex.valence.get(word):
                base[i], is_item[i] = lex.valence[word], True
            i += 1

        result: list[tuple[str, float]] = [(w, 0.0) for w in shown]
        for i in range(n):
            word, emphasis, caps = tokens[i]
            name = shown[i]
            if word in WEAK_NEGATORS and not covered[i] and not is_item[i]:
                # "kurang" with no sentiment word after it in its clause: "lacking" itself
                if not any(is_item[j] for j in _clause_after(words, i, 3)):
                    result[i] = (word, KURANG_ALONE)
                continue
            if not is_item[i]:
                continue
            v = base[i]
            if word in lex.emoji:
                result[i] = (name, v)
                continue
            sign = 1.0 if v > 0 else -1.0
            if emphasis:
                v += sign * BOOST
            if caps:
                v += sign * CAPS_BOOST
            # the words before it that can modify it: up to three, in its clause, and not
            # past another sentiment word ("tidak enak dan mahal": "tidak" is enak's)
            before = []
            for j in _clause_before(words, i, 3):
                if is_item[j] or covered[j]:
                    break
                before.append(j)
            for distance, j in enumerate(before):
                w = words[j]
                if w in BOOSTERS_BEFORE:
                    v += sign * BOOST * (1.0 - 0.05 * distance)
                elif w in DAMPENERS:
                    v -= sign * BOOST * (1.0 - 0.05 * distance)
            for j in _clause_after(words, i, 2):
                if words[j] in BOOSTERS_AFTER:
                    v += sign * BOOST * (1.3 if tokens[j][1] else 1.0)
                elif is_item[j]:
                    break
            v *= _negation(words, before)
            result[i] = (name, v)
        return _weigh_contrast(words, result)


def _strip_suffix(word: str) -> list[str]:
    """The word without one clitic/particle ("enaknya" -> "enak"), if one is there."""
    return [word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3]


def _clause_before(words: list[str], i: int, limit: int) -> list[int]:
    """Indices of up to ``limit`` words before ``i``, nearest first, within its clause."""
    out = []
    j = i - 1
    while j >= 0 and len(out) < limit:
        if words[j] in _BOUNDARY or words[j] in CONTRAST:
            break
        out.append(j)
        j -= 1
    return out


def _clause_after(words: list[str], i: int, limit: int) -> list[int]:
    """Indices of up to ``limit`` words after ``i``, within its clause."""
    out = []
    j = i + 1
    while j < len(words) and len(out) < limit:
        if words[j] in _BOUNDARY or words[j] in CONTRAST:
            break
        out.append(j)
        j += 1
    return out


def _negation(words: list[str], before: list[int]) -> float:
    """The factor a negator among the preceding words applies (1.0 when none does)."""
    for j in before:
        w = words[j]
        if w in NEGATORS:
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if nxt in NOT_NEGATION_AFTER:
                return 1.0
            return NEGATION_SCALAR
        if w in WEAK_NEGATORS:
            return WEAK_NEGATORS[w]
    return 1.0


def _weigh_contrast(words: list[str], items: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Down-weight what precedes a contrast word and up-weight what follows it."""
    marks = [i for i, w in enumerate(words) if w in CONTRAST]
    if not marks:
        return items
    out = []
    for i, (w, v) in enumerate(items):
        if v:
            if any(m > i for m in marks):
                v *= BEFORE_CONTRAST
            if any(m < i for m in marks):
                v *= AFTER_CONTRAST
        out.append((w, v))
    return out


def _normalise(total: float, exclamations: int) -> float:
    """VADER's compound: sum plus "!" emphasis, squashed into -1..+1."""
    if total:
        total += math.copysign(EXCLAMATION_BOOST * min(exclamations, 4), total)
    score = total / math.sqrt(total * total + ALPHA)
    return max(-1.0, min(1.0, score))
