"""VADER's rules over many texts at once: token ids and numpy arrays instead of a loop per word.

Why: bulk scoring spends most of its time in ``VaderCore.valences``, a Python loop over every
sentiment word and the three words before it. Here a chunk of texts becomes one array of
token ids (each distinct token is looked up in the lexicon and word lists once, then
cached), and each rule is one numpy operation over every sentiment word of the chunk, in
the same order as ``VaderCore.valences`` applies them. The rare idioms ("the bomb",
"kind of") and the "but" rule (whose by-value quirk ``VaderCore`` keeps) are handed to
``VaderCore``'s own methods for the words and texts that need them, and the sums add the
same values in the same order as Python's ``sum`` (see ``_sums``), so every compound score
is *identical* to ``VaderCore.compound`` (``tests/test_sentiment_vader_batch.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from itertools import repeat

import numpy as np

from analytics.sentiment.vader_core import (
    _PUNCTUATION_SET,
    _SO_THIS,
    C_INCR,
    N_SCALAR,
    SPECIAL_CASES,
    VaderCore,
    _strip_punctuation,
    contrast,
)

# flags per distinct token
_LEX, _BOOST, _UPPER, _NEG, _NO, _OR_NOR, _NEVER, _SO, _WITHOUT, _DOUBT = (
    1 << k for k in range(10)
)
_LEAST, _AT_VERY, _KIND, _OF, _CONTRAST, _IDIOM, _SEP = (1 << k for k in range(10, 17))
_SEPARATOR = "\x00"  # a token of its own between two texts; a text holding one is scored alone
_JOIN = f" {_SEPARATOR} "
_PAD = 3  # separators before the first and after the last text: i - 3 and i + 2 stay in range
_MAX_TOKENS = 1_000_000  # distinct tokens cached; the cache starts again beyond this
_PLAIN_WORD = (0, 0.0, 0.0, 0)  # a word in no lexicon or word list
# sum() of floats adds them one by one, left to right, up to Python 3.11; from 3.12 on it
# compensates rounding errors (Neumaier), which the per-place numpy sums do not copy
_LEFT_TO_RIGHT_SUM = sys.version_info < (3, 12)
_SUM_PLACES = 32  # texts with more sentiment words than this are summed by Python itself


def _counts(joined: str, n_texts: int, chars: bytes) -> list[np.ndarray]:
    """How often each ASCII character of ``chars`` occurs in each of the ``n_texts`` texts
    that ``joined`` holds, separated by ``_SEPARATOR`` (which none of them holds).

    One encode and a few numpy passes instead of a ``str.count`` call per text and
    character; in UTF-8 an ASCII byte only ever stands for that ASCII character.
    """
    data = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    ends = np.flatnonzero(data == ord(_SEPARATOR))
    return [
        np.bincount(np.searchsorted(ends, np.flatnonzero(data == char)), minlength=n_texts)
        for char in chars
    ]


class VaderBatch:
    """``compounds(texts)`` equals ``[core.compound(t, emoji_described=True) for t in texts]``."""

    def __init__(self, core: VaderCore) -> None:
        self.core = core
        # idioms as numbers: each word of an idiom (or of a booster of several words) gets
        # a code from 1, a word sequence is one integer; other words are 0, so a sequence
        # holding one never matches
        multiword_boosters = {key: value for key, value in core.boosters.items() if " " in key}
        words = sorted({w for key in [*SPECIAL_CASES, *multiword_boosters] for w in key.split()})
        self._idiom_word = {word: code for code, word in enumerate(words, start=1)}
        self._idiom_base = len(words) + 1
        self._special = self._table(SPECIAL_CASES)
        self._multiword_boosters = self._table(multiword_boosters)
        # (the core's word lists are read once: they do not change after it is built)
        self._words = self._word_table()
        self._reset()

    def _table(self, values: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """Word sequences of two or three words as sorted numbers, and their values."""
        numbered = sorted(
            (self._sequence([np.int64(self._idiom_word[w]) for w in key.split()]), value)
            for key, value in values.items()
            if len(key.split()) in (2, 3)
        )
        return (
            np.array([key for key, _ in numbered], dtype=np.int64),
            np.array([value for _, value in numbered], dtype=np.float64),
        )

    def _sequence(self, codes: list) -> np.ndarray:  # noqa: ANN001 - ints or int arrays
        """The number of a word sequence; the length is kept apart (3 words above 2)."""
        base = self._idiom_base
        number = codes[0]
        for code in codes[1:]:
            number = number * base + code
        return number + (base**3 if len(codes) == 3 else 0)

    @staticmethod
    def _look_up(
        table: tuple[np.ndarray, np.ndarray], numbers: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        keys, values = table
        if not len(keys):
            return np.zeros(len(numbers), dtype=bool), np.zeros(len(numbers))
        at = np.minimum(np.searchsorted(keys, numbers), len(keys) - 1)
        return keys[at] == numbers, values[at]

    def _idioms(
        self,
        valence: np.ndarray,
        ids: np.ndarray,
        at: np.ndarray,
        position: np.ndarray,
        length: np.ndarray,
    ) -> np.ndarray:
        """``VaderCore._idioms`` for the sentiment words at ``at`` (3 or more words into their
        text), all at once: the same look-ups, in the same order, with the same values."""
        code = self._idiom_code[ids]
        w = {offset: code[at + offset] for offset in (-3, -2, -1, 0)}
        # the words after stay out when the text ends before them (the padding is zeros)
        w[1] = np.where(position + 1 < length, code[at + 1], 0)
        w[2] = np.where(position + 2 < length, code[at + 2], 0)
        special = self._special
        found = np.zeros(len(at), dtype=bool)
        for sequence in ((-1, 0), (-2, -1, 0), (-2, -1), (-3, -2, -1), (-3, -2)):
            hit, value = self._look_up(special, self._sequence([w[o] for o in sequence]))
            valence = np.where(hit & ~found, value, valence)
            found |= hit
        for sequence in ((0, 1), (0, 1, 2)):
            hit, value = self._look_up(special, self._sequence([w[o] for o in sequence]))
            valence = np.where(hit, value, valence)
        for sequence in ((-3, -2, -1), (-3, -2), (-2, -1)):
            numbers = self._sequence([w[o] for o in sequence])
            hit, value = self._look_up(self._multiword_boosters, numbers)
            valence = np.where(hit, valence + value, valence)
        return valence

    def _word_table(self) -> dict[str, tuple[int, float, float, int]]:
        """Lower-case word -> (flags, lexicon value, booster value, idiom code), for every
        word one of them is not empty for; other words get ``_PLAIN_WORD`` (flags that
        depend on the token's case, "n't" or the separator are added per token)."""
        core = self.core
        tests = (
            (_LEX, core.lexicon.keys()),
            (_BOOST, core.boosters.keys()),
            (_NEG, core.negations),
            (_NO, ("no",)),
            (_OR_NOR, ("or", "nor")),
            (_NEVER, ("never",)),
            (_SO, _SO_THIS),
            (_WITHOUT, ("without",)),
            (_DOUBT, ("doubt",)),
            (_LEAST, ("least",)),
            (_AT_VERY, ("at", "very")),
            (_KIND, ("kind",)),
            (_OF, ("of",)),
            (_CONTRAST, core.contrast_words),
            (_IDIOM, core._idiom_words),
        )
        flags: dict[str, int] = dict.fromkeys(self._idiom_word, 0)
        for flag, words in tests:
            for word in words:
                flags[word] = flags.get(word, 0) | flag
        return {
            word: (
                bits,
                core.lexicon.get(word, 0.0),
                core.boosters.get(word, 0.0),
                self._idiom_word.get(word, 0),
            )
            for word, bits in flags.items()
        }

    def _reset(self) -> None:
        self._ids: dict[str, int] = {}
        self._lower: list[str] = []
        self._flags = np.zeros(1024, dtype=np.int32)
        self._valence = np.zeros(1024)
        self._booster = np.zeros(1024)
        self._idiom_code = np.zeros(1024, dtype=np.int64)
        self._add_tokens([_SEPARATOR])

    def _add_tokens(self, tokens: list[str]) -> None:
        """Ids for whitespace tokens not seen before (distinct), with their VADER word's
        lexicon value and flags (one look-up in ``_words`` per token)."""
        words = self._words
        rows: list[tuple[int, float, float, int]] = []
        for token in tokens:
            word = (
                token
                if token[0] not in _PUNCTUATION_SET and token[-1] not in _PUNCTUATION_SET
                else _strip_punctuation(token)
            )
            lower = word.lower()
            row = words.get(lower, _PLAIN_WORD)  # shared: few new objects, little GC work
            if word.isupper() or "n't" in lower or token == _SEPARATOR:
                flags = row[0] | (_UPPER if word.isupper() else 0)
                flags |= (_NEG if "n't" in lower else 0) | (_SEP if token == _SEPARATOR else 0)
                row = (flags, row[1], row[2], row[3])
            rows.append(row)
            self._ids[token] = len(self._lower)
            self._lower.append(lower)
        n, added = len(self._lower), len(rows)
        if n > len(self._flags):  # grow the per-token arrays (at least doubled)
            more = max(n, len(self._flags))
            self._flags = np.concatenate([self._flags, np.zeros(more, dtype=np.int32)])
            self._valence = np.concatenate([self._valence, np.zeros(more)])
            self._booster = np.concatenate([self._booster, np.zeros(more)])
            self._idiom_code = np.concatenate([self._idiom_code, np.zeros(more, dtype=np.int64)])
        columns = list(zip(*rows, strict=True))  # flags, valences, boosters, idiom codes
        self._flags[n - added : n] = columns[0]
        self._valence[n - added : n] = columns[1]
        self._booster[n - added : n] = columns[2]
        self._idiom_code[n - added : n] = columns[3]

    def compounds(self, texts: list[str]) -> list[float]:
        """Compound scores of texts whose emoji are already described (see ``VaderCore``)."""
        if not texts:
            return []
        joined = _JOIN.join(texts)
        if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds one
            return [self.core.compound(text, emoji_described=True) for text in texts]
        if len(self._lower) > _MAX_TOKENS:
            self._reset()
        pad = [_SEPARATOR] * _PAD
        tokens = pad + joined.split() + pad
        ids = np.fromiter(map(self._ids.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
        missing = np.flatnonzero(ids < 0).tolist()  # tokens seen for the first time
        if missing:
            new = [tokens[k] for k in missing]
            self._add_tokens(list(dict.fromkeys(new)))
            ids[missing] = list(map(self._ids.__getitem__, new))
        totals = np.array(self._totals(ids, len(texts)))
        # VaderCore.compound_from for every text at once: "!"/"?" emphasis, then normalize
        # (the same float operations, in the same order, as the per-text functions)
        exclamations, questions = _counts(joined, len(texts), b"!?")
        exclamations = np.minimum(exclamations, 4)
        question_amp = np.where(questions > 3, 0.96, np.where(questions > 1, questions * 0.18, 0.0))
        emphasis = exclamations * 0.292 + question_amp
        total = np.where(totals > 0, totals + emphasis, totals - emphasis)
        score = np.clip(total / np.sqrt(total * total + 15), -1.0, 1.0)
        # no tokens, or valences summing to 0: normalize(0) is 0 (rounded by Python's round)
        return list(map(round, np.where(totals != 0, score, 0.0).tolist(), repeat(4)))

    def _totals(self, ids: np.ndarray, n_texts: int) -> list[float]:
        """Per text: the summed valences (0.0 for a text without sentiment words)."""
        flags = self._flags[ids]
        sep = np.flatnonzero(flags & _SEP)
        # texts lie between consecutive separators (the padding holds _PAD of them each side)
        bounds = sep[_PAD - 1 : _PAD + n_texts]
        first, after = bounds[:-1] + 1, bounds[1:]
        length = after - first
        text_of = np.cumsum(flags & _SEP != 0) - _PAD  # token -> its text (separators: left)
        start_of = first[np.clip(text_of, 0, n_texts - 1)]
        pos = np.arange(len(ids)) - start_of
        upper = (flags & _UPPER) != 0
        upper_count = np.concatenate([[0], np.cumsum(upper)])
        n_upper = upper_count[after] - upper_count[first]
        cap_diff = (n_upper > 0) & (n_upper < length)
        idiom_count = np.concatenate([[0], np.cumsum((flags & _IDIOM) != 0)])
        idioms_possible = (idiom_count[after] - idiom_count[first]) > 0
        # the first contrast word of each text that has one: the "but" rule's pivot
        contrasts = np.flatnonzero(flags & _CONTRAST)
        with_contrast, first_contrast = np.unique(text_of[contrasts], return_index=True)
        pivots = dict(
            zip(
                with_contrast.tolist(),
                pos[contrasts[first_contrast]].tolist(),
                strict=True,
            )
        )

        hits = np.flatnonzero((flags & _LEX) != 0)
        t = text_of[hits]
        p = pos[hits]
        n = length[t]

        # the flags of the words around each sentiment word, gathered once per offset
        around = {offset: flags[hits + offset] for offset in range(-3, 3)}

        def flag(offset: int, bit: int) -> np.ndarray:
            return (around[offset] & bit) != 0

        # boosters and "kind" before "of" score nothing themselves
        skip = flag(0, _BOOST) | (flag(0, _KIND) & (p < n - 1) & flag(1, _OF))
        base = self._valence[ids[hits]]
        valence = base.copy()
        valence[flag(0, _NO) & (p != n - 1) & flag(1, _LEX)] = 0.0
        no_before = (
            ((p > 0) & flag(-1, _NO))
            | ((p > 1) & flag(-2, _NO))
            | ((p > 2) & flag(-3, _NO) & flag(-1, _OR_NOR))
        )
        valence = np.where(no_before, base * N_SCALAR, valence)
        caps = cap_diff[t]
        shout = caps & flag(0, _UPPER)
        valence = np.where(
            shout, np.where(valence > 0, valence + C_INCR, valence - C_INCR), valence
        )
        idiom_hits = np.zeros(0, dtype=np.int64)
        for distance in (1, 2, 3):
            active = (p >= distance) & ~flag(-distance, _LEX)
            j = hits - distance
            boost = active & flag(-distance, _BOOST)
            scalar = self._booster[ids[j]]
            scalar = np.where(valence < 0, scalar * -1, scalar)
            caps_j = caps & flag(-distance, _UPPER)
            scalar = np.where(
                caps_j, np.where(valence > 0, scalar + C_INCR, scalar - C_INCR), scalar
            )
            if distance == 2:
                scalar = np.where(scalar != 0, scalar * 0.95, scalar)
            elif distance == 3:
                scalar = np.where(scalar != 0, scalar * 0.9, scalar)
            valence = np.where(boost, valence + scalar, valence)
            negated = active & flag(-distance, _NEG)
            if distance == 1:
                valence = np.where(negated, valence * N_SCALAR, valence)
            elif distance == 2:
                never_so = active & flag(-2, _NEVER) & flag(-1, _SO)
                without_doubt = active & flag(-2, _WITHOUT) & flag(-1, _DOUBT)
                valence = np.where(never_so, valence * 1.25, valence)
                valence = np.where(
                    ~never_so & ~without_doubt & negated, valence * N_SCALAR, valence
                )
            else:
                never_so = active & ((flag(-3, _NEVER) & flag(-2, _SO)) | flag(-1, _SO))
                without_doubt = active & flag(-3, _WITHOUT) & (flag(-2, _DOUBT) | flag(-1, _DOUBT))
                valence = np.where(never_so, valence * 1.25, valence)
                valence = np.where(
                    ~never_so & ~without_doubt & negated, valence * N_SCALAR, valence
                )
                near = flag(-3, _IDIOM) | flag(-2, _IDIOM) | flag(-1, _IDIOM) | flag(0, _IDIOM)
                near |= ((p + 1 < n) & flag(1, _IDIOM)) | ((p + 2 < n) & flag(2, _IDIOM))
                idiom_hits = np.flatnonzero(active & idioms_possible[t] & near & ~skip)
        if len(idiom_hits):
            valence[idiom_hits] = self._idioms(
                valence[idiom_hits], ids, hits[idiom_hits], p[idiom_hits], n[idiom_hits]
            )
        if "least" not in self.core.lexicon:
            least = (p > 0) & flag(-1, _LEAST) & ~((p > 1) & flag(-2, _AT_VERY))
            valence = np.where(least, valence * N_SCALAR, valence)
        valence[skip] = 0.0
        return self._sums(valence, t, p, n_texts, pivots)

    def _sums(
        self,
        valence: np.ndarray,
        text_of: np.ndarray,
        position: np.ndarray,
        n_texts: int,
        pivots: dict[int, int],
    ) -> list[float]:
        """Python's own sum per text, over the same values in the same order as VaderCore."""
        # hits are in text order: text k's values are valence[bounds[k]:bounds[k + 1]]
        bounds = np.searchsorted(text_of, np.arange(n_texts + 1))
        starts, counts = bounds[:-1], np.diff(bounds)
        if _LEFT_TO_RIGHT_SUM:
            # sum() adds the floats one by one from 0: so does adding every text's first
            # value, then every text's second value, ... (one numpy step per place)
            sums = np.zeros(n_texts)
            texts = np.flatnonzero((counts > 0) & (counts <= _SUM_PLACES))
            place = 0
            while len(texts):
                sums[texts] += valence[starts[texts] + place]
                place += 1
                texts = texts[counts[texts] > place]
            totals = sums.tolist()
            by_python = np.flatnonzero(counts > _SUM_PLACES).tolist()
        else:
            totals = [0.0] * n_texts
            by_python = np.flatnonzero(counts).tolist()
        bounds_ = bounds.tolist()
        for k in by_python:
            totals[k] = float(sum(valence[bounds_[k] : bounds_[k + 1]].tolist()))
        for k, pivot in pivots.items():
            a, b = bounds_[k], bounds_[k + 1]
            if a < b:  # the "but" rule, VaderCore's own (with its by-value quirk)
                values = valence[a:b].tolist()
                totals[k] = float(sum(contrast(pivot, position[a:b].tolist(), values)))
        return totals
