"""A VADER-style rule-based sentiment scorer for Indonesian social-media text.

How a text is scored (each step is one function below, tested in
``tests/test_sentiment_indonesian.py``, and explained in ``docs/sentiment_indonesian.md``):

1. URLs and @handles are removed (they carry no sentiment); hashtags become words
   ("#BoikotAcme" -> "boikot acme", "#tarikproduk" -> "tarik produk").
2. The text is split into words, punctuation runs and emoji.
3. Each word is normalised (``lexicon_id.WordForms``): slang and abbreviations ("gk",
   "bgt", "yg") are expanded, stretched letters are collapsed ("kecewaaa" -> "kecewa",
   which also adds emphasis), reduplication is reduced ("enak-enak", "enak2" -> "enak",
   with emphasis) and clitics are stripped when that finds a known word ("enaknya").
4. Multi-word entries are matched first ("tarik produk", "saldo hilang"), then single words.
5. Rules adjust each sentiment word like VADER does: boosters before it ("sangat bagus") or
   after it ("bagus banget") add emphasis, dampeners ("agak", "lumayan") reduce it, a
   negator up to three words before it ("tidak", "gak", "belum", ...) flips and shrinks it,
   ALL-CAPS and stretched spelling add emphasis; "kurang", "tidak bisa", "tidak ada" with
   nothing to negate are complaints of lacking; around "tapi", "namun", "tetapi",
   "sayangnya", "padahal" what comes after the contrast word weighs more.
6. The valences are summed, "!" and "??" add emphasis (as in VADER), and the sum is
   normalised to VADER's compound scale with x / sqrt(x^2 + 15), so labels use VADER's
   usual +/-0.05 cut-offs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence

from analytics.errors import InputDataError
from analytics.sentiment.lexicon_id import Lexicon, WordForms, load_lexicon

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
JANGAN_NEGATIVE = 0.5  # "jangan" + a negative word is an admonition, not praise
# "kurang enak" (not quite tasty): a weaker negation; alone, "kurang" means lacking
WEAK_NEGATORS = {"kurang": -0.6}
# Lacking: these words, when no sentiment word follows in their clause, are a complaint of
# their own: "porsinya kurang" (too small), "gak bisa login", "seafoodnya tidak ada".
LACKING = {("kurang",): -1.0, ("tidak", "bisa"): -1.0, ("tidak", "ada"): -0.5}
_LACKING_FIRST = frozenset(key[0] for key in LACKING)
# "tidak hanya" = "not only": no negation; "bukan main enaknya" = "extraordinarily tasty":
# a booster (see _apply_rules), not a negation
NOT_NEGATION_AFTER = _words("hanya cuma cuman sekadar sekedar saja main")
BOOSTERS_BEFORE = _words(
    "sangat amat paling terlalu super sungguh teramat terlampau makin semakin begitu "
    "benar-benar betul-betul sangatlah amatlah luar-biasa"
)
BOOSTERS_AFTER = _words("banget sekali amat nian bingit pisan")
DAMPENERS = _words("agak cukup lumayan sedikit rada kurang-lebih relatif")
CONTRAST = _words("tapi tetapi namun sayangnya padahal tp tpi")
_CLAUSE_END = frozenset(".,!?;:") | CONTRAST  # negation and boosters stop here
RULE_WORDS = NEGATORS | set(WEAK_NEGATORS) | BOOSTERS_BEFORE | BOOSTERS_AFTER | DAMPENERS | CONTRAST

_URL = re.compile(r"https?://\S+|www\.\S+|\b\S+\.(?:com|co\.id|id|net|org|ly)/\S*", re.I)
_HANDLE = re.compile(r"@\w+")
_HASHTAG = re.compile(r"#(\w+)")
# words (with inner hyphens/apostrophes), punctuation runs, or one non-ASCII symbol (emoji);
# other ASCII symbols ("(", "-", "%") are not tokens at all
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[.,!?;:]+|[^\x00-\x7f\w\s]")
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
        self._forms = WordForms(self._lexicon, RULE_WORDS)
        self._phrase_starts = self._forms.phrase_starts
        # per first word, the lengths of its phrases, longest first (longest match wins)
        lengths: dict[str, set[int]] = {}
        for phrase in phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._phrase_lengths = {w: sorted(ls, reverse=True) for w, ls in lengths.items()}
        self._pieces: dict[str, tuple[tuple[str, int], ...]] = {}

    # ------------------------------------------------------------------ public interface
    def polarity(self, text: str) -> float:
        """The compound score of ``text``: -1 (most negative) .. +1 (most positive)."""
        if not isinstance(text, str):
            if text is None or text != text:  # None or NaN (a missing cell): no text
                return 0.0
            raise InputDataError(
                f"Indonesian scorer: expected text (str), found {type(text).__name__} {text!r}"
            )
        if not text:
            return 0.0
        valences, (exclamations, questions) = self._valences(text)
        total = sum(v for _, v in valences)
        return _normalise(total, exclamations, questions)

    def score_many(self, texts: Sequence[str]) -> list[float]:
        """Compound scores of many texts (identical texts are scored once)."""
        seen: dict[str, float] = {}
        out: list[float] = []
        for text in texts:
            if not isinstance(text, str):
                out.append(self.polarity(text))  # missing -> 0.0, anything else -> error
                continue
            score = seen.get(text)
            if score is None:
                score = seen[text] = self.polarity(text)
            out.append(score)
        return out

    def token_valences(self, text: str) -> list[tuple[str, float]]:
        """Each sentiment-bearing word or emoji with its valence after all rules.

        ``sum`` of the valences (plus "!"/"?" emphasis) normalised gives ``polarity``; a mixed
        Indonesian/English scorer can add these to VADER's own per-word valences.
        """
        return [(w, v) for w, v in self._valences(text)[0] if v != 0.0]

    # ------------------------------------------------------------------ steps
    def _valences(self, text: str) -> tuple[list[tuple[str, float]], tuple[int, int]]:
        words, flags, hits, cleaned = self._tokens(text)
        if not hits:
            return [], (0, 0)
        if text == text.upper():  # all caps: no single word stands out (VADER's rule too)
            flags = [f & ~CAPS for f in flags]
        # "!" and "?" counted without URLs ("...?id=3" is not a question)
        return self._apply_rules(words, flags, hits), (cleaned.count("!"), cleaned.count("?"))

    def _tokens(self, text: str) -> tuple[list[str], list[int], list[int], str]:
        """Normalised words (punctuation runs kept as boundaries), their flags (EMPHASIS,
        CAPS, _HIT), the indices of the words a rule starts from (``hits``) and the text
        without URLs and handles."""
        if not text.isascii():  # "𝐛𝐚𝐠𝐮𝐬", full-width letters: styled text read as plain
            text = unicodedata.normalize("NFKC", text)
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
        return words, flags, hits, text

    def _hashtag_words(self, match: re.Match[str]) -> str:
        return f" {self._forms.hashtag(match.group(1))} "

    def _prepare(self, piece: str) -> tuple[tuple[str, int], ...]:
        """What one raw piece of text becomes: (word, flags) pairs; cached per piece."""
        if piece in self._pieces:  # cached as () (a symbol without valence)
            return self._pieces[piece]
        if len(self._pieces) > _CACHE_LIMIT:  # bound memory on millions of distinct tokens
            self._pieces.clear()
            self._forms.clear()
        prepared = self._pieces[piece] = self._prepare_uncached(piece)
        return prepared

    def _prepare_uncached(self, piece: str) -> tuple[tuple[str, int], ...]:
        first = piece[0]
        if first in _BOUNDARY:
            return ((first, 0),)
        if piece.isdigit():  # numbers (prices, dates, ids) carry nothing: skip the lookups
            return ((piece, 0),)
        if first.isalnum():
            caps = CAPS if piece.isupper() and len(piece) > 1 else 0
            words, emphasis = self._forms.normalise(piece.lower())
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

    def _apply_rules(
        self, words: list[str], flags: list[int], hits: list[int]
    ) -> list[tuple[str, float]]:
        """Valences of the sentiment items after phrases, boosters, dampeners, negation
        and contrast, as (word or phrase, valence) in text order."""
        if not hits:
            return []
        lex = self._lexicon
        n = len(words)
        items: list[tuple[int, int, float, str]] = []  # (start, end, valence, shown name)
        blocked: set[int] = set()  # items and words inside phrases: no modifier reaches past
        lacking: list[tuple[int, int, float]] = []  # (start, end, valence)
        skip_to = -1
        for i in hits:
            if i < skip_to:
                continue  # inside a phrase matched just before
            word = words[i]
            if word in self._phrase_starts:
                matched = 0
                for length in self._phrase_lengths[word]:
                    if i + length > n:
                        continue
                    value = lex.phrases.get(tuple(words[i : i + length]))
                    if value is not None:  # a 0.0 phrase ("salah satu") just hides its words
                        matched = length
                        blocked.update(range(i, i + length))
                        if value:
                            name = " ".join(words[i : i + length])
                            items.append((i, i + length - 1, value, name))
                        break
                if matched:
                    skip_to = i + matched
                    continue
            if word in _LACKING_FIRST:
                for key, value in LACKING.items():
                    if tuple(words[i : i + len(key)]) == key:
                        lacking.append((i, i + len(key) - 1, value))
            elif word in lex.emoji:
                items.append((i, -1, lex.emoji[word], word))  # end -1: no rules for emoji
                blocked.add(i)
            else:
                value = lex.valence.get(word)
                if value and word not in RULE_WORDS:
                    items.append((i, i, value, word))
                    blocked.add(i)

        result: list[tuple[int, str, float]] = []
        for start, end, value in lacking:
            # no sentiment word after it in its clause ("tidak bisa" + "login", not "enak")
            if start not in blocked and not any(j in blocked for j in _clause_after(words, end, 3)):
                result.append((start, " ".join(words[start : end + 1]), value))
        for i, end, v, name in items:
            if end < 0:
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
            j = i - 1
            while j >= 0 and len(before) < 3:
                if words[j] in _CLAUSE_END or j in blocked:
                    break
                before.append(j)
                j -= 1
            for distance, j in enumerate(before):
                w = words[j]
                if w in BOOSTERS_BEFORE or (w == "main" and j and words[j - 1] == "bukan"):
                    v += sign * BOOST * (1.0 - 0.05 * distance)
                elif w in DAMPENERS:
                    v -= sign * BOOST * (1.0 - 0.05 * distance)
            for j in _clause_after(words, end, 2):  # after the whole phrase
                if words[j] in BOOSTERS_AFTER:
                    v += sign * BOOST * (1.3 if flags[j] & EMPHASIS else 1.0)
                elif j in blocked:
                    break
            v *= _negation(words, before, v)
            result.append((i, name, v))
        if len(result) > 1:
            result.sort()
        if not CONTRAST.isdisjoint(words):
            result = _weigh_contrast(words, result)
        return [(name, v) for _, name, v in result]


def _clause_after(words: list[str], i: int, limit: int) -> list[int]:
    """Indices of up to ``limit`` words after ``i``, within its clause."""
    out = []
    stop = min(len(words), i + 1 + limit)
    for j in range(i + 1, stop):
        if words[j] in _CLAUSE_END:
            break
        out.append(j)
    return out


def _negation(words: list[str], before: list[int], valence: float) -> float:
    """The factor a negator among the preceding words applies (1.0 when none does)."""
    for j in before:
        w = words[j]
        if w in NEGATORS:
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if nxt in NOT_NEGATION_AFTER:
                return 1.0
            if w == "jangan" and valence < 0:
                # "jangan sombong" (don't be arrogant) scolds: still negative, milder
                return JANGAN_NEGATIVE
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


def _normalise(total: float, exclamations: int, questions: int = 0) -> float:
    """VADER's compound: sum plus "!" and "?" emphasis, squashed into -1..+1."""
    if total:
        emphasis = EXCLAMATION_BOOST * min(exclamations, 4)
        if questions > 1:  # VADER: "??" and "???" add 0.18 each, more than three 0.96
            emphasis += 0.18 * questions if questions <= 3 else 0.96
        total += math.copysign(emphasis, total)
    score = total / math.sqrt(total * total + ALPHA)
    return max(-1.0, min(1.0, score))
