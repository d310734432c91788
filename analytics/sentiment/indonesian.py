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

from analytics.errors import InputDataError
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
# Lacking: these words, when no sentiment word follows in their clause, are a complaint of
# their own: "porsinya kurang" (too small), "gak bisa login", "seafoodnya tidak ada".
LACKING = {("kurang",): -1.0, ("tidak", "bisa"): -1.0, ("tidak", "ada"): -0.5}
_LACKING_FIRST = frozenset(key[0] for key in LACKING)
# "tidak hanya" = "not only": no negation
NOT_NEGATION_AFTER = _words("hanya cuma cuman sekadar sekedar saja main")
# "bukan main enaknya" = "extraordinarily tasty": a booster, not a negation
BOOSTERS_BEFORE = _words(
    "sangat amat paling terlalu super sungguh teramat terlampau makin semakin begitu "
    "benar-benar betul-betul sangatlah amatlah luar-biasa"
)
BOOSTERS_AFTER = _words("banget sekali amat nian bingit pisan")
DAMPENERS = _words("agak cukup lumayan sedikit rada kurang-lebih relatif")
CONTRAST = _words("tapi tetapi namun sayangnya padahal tp tpi")
RULE_WORDS = NEGATORS | set(WEAK_NEGATORS) | BOOSTERS_BEFORE | BOOSTERS_AFTER | DAMPENERS | CONTRAST

_URL = re.compile(r"https?://\S+|www\.\S+|\b\S+\.(?:com|co\.id|id|net|org|ly)/\S*", re.I)
_HANDLE = re.compile(r"@\w+")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")
# words (with inner hyphens/apostrophes), punctuation runs, or any other single character
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[.,!?;:]+|\S")
_REDUP_HYPHEN = re.compile(r"^([a-z]+)-\1(nya|lah|kah|an)?$")
_REDUP_DIGIT = re.compile(r"^([a-z]{2,})2(nya|lah|an)?$")
_STRETCH = re.compile(r"([a-z])\1{2,}")
_DOUBLE = re.compile(r"([a-z])\1+")
_SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
_BOUNDARY = frozenset(".,!?;:")
_CACHE_LIMIT = 500_000  # distinct raw tokens kept normalised (about 100 MB at most)

# per-word flags: stretched/reduplicated spelling, ALL CAPS, a rule may start here
EMPHASIS = 1
CAPS = 2
_HIT = 4


class IndonesianScorer:
    """Score Indonesian (and slangy, code-mixed) text on VADER's compound scale, -1..+1.

    ``extra_lexicon`` adds or overrides valences (VADER scale, about -4..+4), e.g. to make a
    brand name neutral or to add an analyst's domain words. Multi-word keys are phrases.
    A key that is also a negator or booster ("super") keeps that role: remove brand names
    from the text first when they are such words.
    """

    def __init__(self, extra_lexicon: Mapping[str, float] | None = None) -> None:
        base = load_lexicon()
        valence = dict(base.valence)
        phrases = dict(base.phrases)
        slang = base.slang
        for key, value in (extra_lexicon or {}).items():
            words = tuple(str(key).lower().split())
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise InputDataError(
                    f"extra_lexicon: valence {value!r} for {key!r} is not a number "
                    "(expected a VADER-scale valence such as -2.0, 0 or 1.5)"
                ) from None
            if len(words) == 1:
                valence[words[0]] = number
                if words[0] in slang:  # a brand called "Mantul" is not the slang "mantap"
                    slang = {k: v for k, v in slang.items() if k != words[0]}
            elif words:
                phrases[words] = number
        self._lexicon = Lexicon(
            valence=valence,
            phrases=phrases,
            slang=slang,
            emoji=base.emoji,
            sources=base.sources,
            own_slang=base.own_slang & slang.keys(),
        )
        self._max_phrase = max((len(p) for p in phrases), default=1)
        self._phrase_starts = {p[0] for p in phrases}
        self._normalised: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._pieces: dict[str, tuple[tuple[str, int], ...]] = {}
        self._hashtags: dict[str, str] = {}

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
        words, flags, hits = self._tokens(text)
        if not hits:
            return [], 0
        if text == text.upper():  # all caps: no single word stands out (VADER's rule too)
            flags = [f & ~CAPS for f in flags]
        return self._apply_rules(words, flags, hits), text.count("!")

    def _tokens(self, text: str) -> tuple[list[str], list[int], list[int]]:
        """Normalised words (punctuation runs kept as boundaries), their flags (EMPHASIS,
        CAPS, _HIT) and the indices of the words a rule starts from (``hits``)."""
        if "/" in text or "www" in text:
            text = _URL.sub(" ", text)
        if "@" in text:
            text = _HANDLE.sub(" ", text)
        if "#" in text:
            text = _HASHTAG.sub(self._hashtag_words, text)
        cache = self._pieces
        prepare = self._prepare
        # comprehensions, not loops with append: this is the hot path of bulk scoring
        pairs = [
            pair for piece in _TOKEN.findall(text) for pair in (cache.get(piece) or prepare(piece))
        ]
        words = [w for w, _ in pairs]
        flags = [f for _, f in pairs]
        hits = [i for i, f in enumerate(flags) if f & _HIT]
        return words, flags, hits

    def _hashtag_words(self, match: re.Match[str]) -> str:
        """A hashtag as words: "#BoikotAcme" -> "Boikot Acme", "#tarikproduk" -> "tarik
        produk", so a campaign hashtag carries its words' sentiment (cached per tag)."""
        tag = match.group(1)
        words = self._hashtags.get(tag)
        if words is None:
            parts = _CAMEL.sub(" ", tag).split()
            words = " ".join(w for part in parts for w in self._segment(part.lower()))
            self._hashtags[tag] = words
        return f" {words} "

    def _segment(self, word: str, depth: int = 0) -> list[str]:
        """Split a run-together hashtag word at known words, longest known prefix first."""
        lex = self._lexicon
        if depth > 3 or len(word) < 5 or self._known(word) or word in lex.slang:
            return [word]
        for end in range(len(word) - 1, 2, -1):
            head = word[:end]
            if head in RULE_WORDS or head in lex.own_slang:  # "gak", "tdk", "bgt", ...
                head = lex.slang.get(head, head)
            elif end < 4 or not (lex.valence.get(head) or head in self._phrase_starts):
                continue
            tail = self._segment(word[end:], depth + 1)
            words = [*head.split(), *tail]
            if head in RULE_WORDS or head in lex.own_slang:
                # a negator or booster only when the rest means something: "#gakjelas"
                # ("tidak jelas" is a phrase), "#tidakpuas"; not "#gakada..."
                phrase = any(tuple(words[:n]) in lex.phrases for n in range(2, len(words) + 1))
                if not phrase and not any(lex.valence.get(t) for t in tail):
                    continue
            return words
        for start in range(1, len(word) - 3):  # a known word at the end: "#acmepenipu"
            if lex.valence.get(word[start:]):
                return [word[:start], word[start:]]
        return [word]

    def _prepare(self, piece: str) -> tuple[tuple[str, int], ...]:
        """What one raw piece of text becomes: (word, flags) pairs; cached per piece."""
        if len(self._pieces) > _CACHE_LIMIT:  # bound memory on millions of distinct tokens
            self._pieces.clear()
            self._normalised.clear()
            self._hashtags.clear()
        prepared = self._pieces[piece] = self._prepare_uncached(piece)
        return prepared

    def _prepare_uncached(self, piece: str) -> tuple[tuple[str, int], ...]:
        first = piece[0]
        if first in _BOUNDARY:
            return ((first, 0),)
        if first.isalnum():
            caps = CAPS if piece.isupper() and len(piece) > 1 else 0
            words, emphasis = self._normalise_word(piece.lower())
            flag = caps | (EMPHASIS if emphasis else 0)
            return tuple((w, flag | self._hit(w)) for w in words)
        if first in self._lexicon.emoji:
            return ((first, _HIT),)
        return ()

    def _hit(self, word: str) -> int:
        """_HIT when a rule may start at this word: it has a valence, starts a phrase, or
        may start a complaint of lacking ("kurang", "tidak bisa")."""
        if word in self._phrase_starts or word in _LACKING_FIRST:
            return _HIT
        if word not in RULE_WORDS and self._lexicon.valence.get(word):
            return _HIT
        return 0

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

    def _apply_rules(
        self, words: list[str], flags: list[int], hits: list[int]
    ) -> list[tuple[str, float]]:
        """Valences of the sentiment items after phrases, boosters, dampeners, negation
        and contrast, as (word or phrase, valence) in text order."""
        if not hits:
            return []
        lex = self._lexicon
        n = len(words)
        items: list[tuple[int, float, str]] = []  # (index, lexicon valence, shown name)
        blocked: set[int] = set()  # items and words inside phrases: no modifier reaches past
        lacking: list[tuple[int, int, float]] = []  # (start, end, valence)
        skip_to = -1
        for i in hits:
            if i < skip_to:
                continue  # inside a phrase matched just before
            word = words[i]
            if word in self._phrase_starts:
                matched = 0
                for length in range(min(self._max_phrase, n - i), 1, -1):
                    value = lex.phrases.get(tuple(words[i : i + length]))
                    if value is not None:  # a 0.0 phrase ("salah satu") just hides its words
                        matched = length
                        blocked.update(range(i, i + length))
                        if value:
                            items.append((i, value, " ".join(words[i : i + length])))
                        break
                if matched:
                    skip_to = i + matched
                    continue
            if word in _LACKING_FIRST:
                for key, value in LACKING.items():
                    if tuple(words[i : i + len(key)]) == key:
                        lacking.append((i, i + len(key) - 1, value))
            elif word in lex.emoji:
                items.append((i, lex.emoji[word], word))
                blocked.add(i)
            else:
                value = lex.valence.get(word)
                if value and word not in RULE_WORDS:
                    items.append((i, value, word))
                    blocked.add(i)

        result: list[tuple[int, str, float]] = []
        for start, end, value in lacking:
            # no sentiment word after it in its clause ("tidak bisa" + "login", not "enak")
            if start not in blocked and not any(j in blocked for j in _clause_after(words, end, 3)):
                result.append((start, " ".join(words[start : end + 1]), value))
        for i, v, name in items:
            if name in lex.emoji:
                result.append((i, name, v))
                continue
            sign = 1.0 if v > 0 else -1.0
            flag = flags[i]
            if flag & EMPHASIS:
                v += sign * BOOST
            if flag & CAPS:
                v += sign * CAPS_BOOST
            # the words before it that can modify it: up to three, in its clause, and not
            # past another sentiment word ("tidak enak dan mahal": "tidak" is enak's)
            before = []
            for j in _clause_before(words, i, 3):
                if j in blocked:
                    break
                before.append(j)
            for distance, j in enumerate(before):
                w = words[j]
                if w in BOOSTERS_BEFORE or (w == "main" and j and words[j - 1] == "bukan"):
                    v += sign * BOOST * (1.0 - 0.05 * distance)
                elif w in DAMPENERS:
                    v -= sign * BOOST * (1.0 - 0.05 * distance)
            end = i + len(name.split()) - 1  # boosters follow the whole phrase
            for j in _clause_after(words, end, 2):
                if words[j] in BOOSTERS_AFTER:
                    v += sign * BOOST * (1.3 if flags[j] & EMPHASIS else 1.0)
                elif j in blocked:
                    break
            v *= _negation(words, before)
            result.append((i, name, v))
        if len(result) > 1:
            result.sort()
        if not CONTRAST.isdisjoint(words):
            result = _weigh_contrast(words, result)
        return [(name, v) for _, name, v in result]


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


def _weigh_contrast(
    words: list[str], items: list[tuple[int, str, float]]
) -> list[tuple[int, str, float]]:
    """Down-weight what precedes a contrast word and up-weight what follows it."""
    marks = [i for i, w in enumerate(words) if w in CONTRAST]
    out = []
    for i, name, v in items:
        if marks[-1] > i:
            v *= BEFORE_CONTRAST
        if marks[0] < i:
            v *= AFTER_CONTRAST
        out.append((i, name, v))
    return out


def _normalise(total: float, exclamations: int) -> float:
    """VADER's compound: sum plus "!" emphasis, squashed into -1..+1."""
    if total:
        total += math.copysign(EXCLAMATION_BOOST * min(exclamations, 4), total)
    score = total / math.sqrt(total * total + ALPHA)
    return max(-1.0, min(1.0, score))
