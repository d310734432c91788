"""VADER's rules over many texts at once: token ids and numpy arrays instead of a loop per word.

Why: bulk scoring spends most of its time in ``VaderCore.valences``, a Python loop over every
sentiment word and the three words before it. Here a chunk of texts becomes one array of
token ids (each distinct token is looked up in the lexicon and word lists once, then
cached), and each rule is one numpy operation over every sentiment word of the chunk, in
the same order as ``VaderCore.valences`` applies them. The rare idioms ("the bomb",
"kind of") and the "but" rule (whose by-value quirk ``VaderCore`` keeps) are handed to
``VaderCore``'s own methods for the words and texts that need them, and the sums are
Python's ``sum`` over the same values in the same order, so every compound score is
*identical* to ``VaderCore.compound`` (``tests/test_sentiment_vader_batch.py``).
"""

from __future__ import annotations

import numpy as np

from analytics.sentiment.vader_core import (
    _PUNCTUATION_SET,
    _SO_THIS,
    C_INCR,
    N_SCALAR,
    VaderCore,
    _strip_punctuation,
    normalize,
    punctuation_emphasis,
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


class VaderBatch:
    """``compounds(texts)`` equals ``[core.compound(t, emoji_described=True) for t in texts]``."""

    def __init__(self, core: VaderCore) -> None:
        self.core = core
        self._reset()

    def _reset(self) -> None:
        self._ids: dict[str, int] = {}
        self._lower: list[str] = []
        self._flags = np.zeros(1024, dtype=np.int32)
        self._valence = np.zeros(1024)
        self._booster = np.zeros(1024)
        self._token_id(_SEPARATOR)

    def _token_id(self, token: str) -> int:
        """The id of a whitespace token, its VADER word, lexicon value and flags cached."""
        core = self.core
        word = (
            token
            if token[0] not in _PUNCTUATION_SET and token[-1] not in _PUNCTUATION_SET
            else _strip_punctuation(token)
        )
        lower = word.lower()
        flags = 0
        for flag, test in (
            (_LEX, lower in core.lexicon),
            (_BOOST, lower in core.boosters),
            (_UPPER, word.isupper()),
            (_NEG, lower in core.negations or "n't" in lower),
            (_NO, lower == "no"),
            (_OR_NOR, lower in ("or", "nor")),
            (_NEVER, lower == "never"),
            (_SO, lower in _SO_THIS),
            (_WITHOUT, lower == "without"),
            (_DOUBT, lower == "doubt"),
            (_LEAST, lower == "least"),
            (_AT_VERY, lower in ("at", "very")),
            (_KIND, lower == "kind"),
            (_OF, lower == "of"),
            (_CONTRAST, lower in core.contrast_words),
            (_IDIOM, lower in core._idiom_words),
            (_SEP, token == _SEPARATOR),
        ):
            if test:
                flags |= flag
        n = len(self._lower)
        if n == len(self._flags):  # grow the per-token arrays
            self._flags = np.concatenate([self._flags, np.zeros(n, dtype=np.int32)])
            self._valence = np.concatenate([self._valence, np.zeros(n)])
            self._booster = np.concatenate([self._booster, np.zeros(n)])
        self._flags[n] = flags
        self._valence[n] = core.lexicon.get(lower, 0.0)
        self._booster[n] = core.boosters.get(lower, 0.0)
        self._lower.append(lower)
        self._ids[token] = n
        return n

    def compounds(self, texts: list[str]) -> list[float]:
        """Compound scores of texts whose emoji are already described (see ``VaderCore``)."""
        if not texts:
            return []
        if any(_SEPARATOR in text for text in texts):
            return [self.core.compound(text, emoji_described=True) for text in texts]
        if len(self._lower) > _MAX_TOKENS:
            self._reset()
        pad = [_SEPARATOR] * _PAD
        tokens = pad + _JOIN.join(texts).split() + pad
        get = self._ids.get
        ids = [get(token) for token in tokens]
        if None in ids:
            ids = [
                i if i is not None else self._token_id(t) for i, t in zip(ids, tokens, strict=True)
            ]
        totals = self._totals(np.array(ids, dtype=np.int64), len(texts))
        out: list[float] = []
        for text, total in zip(texts, totals, strict=True):
            if total:
                emphasis = punctuation_emphasis(text)
                total = total + emphasis if total > 0 else total - emphasis
                out.append(round(normalize(total), 4))
            else:  # no tokens, or valences summing to 0: normalize(0) is 0
                out.append(0.0)
        return out

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
        contrast_count = np.concatenate([[0], np.cumsum((flags & _CONTRAST) != 0)])
        has_contrast = (contrast_count[after] - contrast_count[first]) > 0

        hits = np.flatnonzero((flags & _LEX) != 0)
        t = text_of[hits]
        p = pos[hits]
        n = length[t]

        def flag(offset: int, bit: int) -> np.ndarray:
            return (flags[hits + offset] & bit) != 0

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
        idiom_hits: list[int] = []
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
                idiom_hits = np.flatnonzero(active & idioms_possible[t] & near & ~skip).tolist()
        if idiom_hits:  # rare: VADER's own idiom look-up, on the words of that text
            lower = self._lower
            for k in idiom_hits:
                start = int(hits[k] - p[k])
                words = [lower[i] for i in ids[start : start + int(n[k])].tolist()]
                valence[k] = self.core._idioms(float(valence[k]), words, int(p[k]))
        if "least" not in self.core.lexicon:
            least = (p > 0) & flag(-1, _LEAST) & ~((p > 1) & flag(-2, _AT_VERY))
            valence = np.where(least, valence * N_SCALAR, valence)
        valence[skip] = 0.0
        return self._sums(
            valence.tolist(), t, p.tolist(), n_texts, length, has_contrast, ids, first
        )

    def _sums(
        self,
        valence: list[float],
        text_of: np.ndarray,
        position: list[int],
        n_texts: int,
        length: np.ndarray,
        has_contrast: np.ndarray,
        ids: np.ndarray,
        first: np.ndarray,
    ) -> list[float]:
        """Python's own sum per text, over the same values in the same order as VaderCore."""
        # hits are in text order: text k's values are valence[bounds[k]:bounds[k + 1]]
        bounds = np.searchsorted(text_of, np.arange(n_texts + 1)).tolist()
        totals = [
            float(sum(valence[a:b])) if b > a else 0.0
            for a, b in zip(bounds[:-1], bounds[1:], strict=True)
        ]
        lower = self._lower
        for k in np.flatnonzero(has_contrast).tolist():
            a, b = bounds[k], bounds[k + 1]
            if a == b:
                continue
            # the "but" rule needs every position (by-value quirk): VaderCore's own method
            sentiments: list[float] = [0] * int(length[k])
            for place, value in zip(position[a:b], valence[a:b], strict=True):
                sentiments[place] = value
            start = int(first[k])
            words = [lower[i] for i in ids[start : start + int(length[k])].tolist()]
            totals[k] = float(sum(self.core._contrast(words, sentiments)))
        return totals
