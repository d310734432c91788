"""Crisis talk: a reported failure outweighs praise and politeness; a reported fix outweighs
the problem words it names.

Why: customers in a crisis are sarcastic and polite at once. "Hebat ya @NusaPay, transfer
gagal tapi saldo tetep ilang. Luar biasa 👏" or "mantap, saldo kepotong dua kali. makasih
banyak lho" carry more praise words than complaint words, so any word-summing scorer reads
them as positive; "Terima kasih, mohon bantuannya saldo saya hilang" is a complaint said
politely. The other way round, a brand's "gangguan sistem sudah teratasi" names the problem
("gangguan") while announcing its end.

The rule, applied to every scorer's compound score (English, Indonesian, code-mixed, and
the rule features a trained model sees), on the cues in ``data/crisis_talk.tsv``:

* a **complaint** cue (a failure: "gagal", "saldo kepotong", "never arrived", "still no
  refund"; or a negated fix: "belum teratasi", "not fixed") and no fix, in a post of at
  most ``SHORT_WORDS`` words, or of at most ``MAX_WORDS`` words that also holds a praise or
  politeness cue ("mantap", "hebat", "luar biasa", "makasih", "thanks"): the mention is not
  positive: a positive score flips sign (the praise is sarcasm or politeness), and the
  result is at most ``COMPLAINT_SCORE``.
* a **resolution** cue ("sudah teratasi", "kembali normal", "fixed") and no complaint: the
  mention is not negative (a negative score flips sign; at least ``RESOLUTION_SCORE``).
* both, or neither: the scorer's own score stands.

A cue does not count when a negator stands in the two words before it ("sudah tidak
error", "never failed"); a fix asked for or promised ("should be fixed", "akan
diperbaiki") is a complaint. Texts longer than ``MAX_WORDS`` words (reviews, articles) keep
their score: there praise and complaint are usually about different things, and so are
complaints and plain positive words ("enak", "nyaman") in a post of 20-40 words. Cues are
matched on lower-case words (apostrophes kept: "can't").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat

import numpy as np

from analytics.errors import InputDataError

COMPLAINT_SCORE = -0.3  # a neutral-scored complaint: clearly negative, not extreme
RESOLUTION_SCORE = 0.3
NEGATION_WINDOW = 2  # words before a cue that may negate it
NEGATORS = frozenset(
    str.split("""
    tidak tak gak ga gk nggak ngga enggak engga tdk bukan belum blm jangan
    not no never isn't wasn't hasn't haven't didn't doesn't don't can't cannot won't without
    """)
)
# a fix that is asked for or promised is not a fix yet: "should be fixed", "akan diperbaiki"
NOT_YET = frozenset(
    str.split("""
    harus perlu tolong mohon segera akan bakal semoga harap should must need needs will
    please hope hopefully to
    """)
)
# in a long text (a review) praise and a complaint are each about something; the rule is for
# social posts, where they are about the same thing. Up to SHORT_WORDS words a complaint
# decides alone; up to MAX_WORDS only against praise or politeness words (sarcasm, courtesy)
SHORT_WORDS = 20
MAX_WORDS = 40
_KINDS = ("complaint", "resolution", "praise")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_ASCII_NOT_WORD = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "'")}
)


@dataclass(frozen=True)
class Cues:
    """The cue phrases (tuples of words) per kind."""

    complaint: frozenset[tuple[str, ...]]
    resolution: frozenset[tuple[str, ...]]
    praise: frozenset[tuple[str, ...]]
    longest: int


@cache
def cues() -> Cues:
    """The cues of ``data/crisis_talk.tsv`` (read once per process)."""
    source = resources.files("analytics.sentiment").joinpath("data/crisis_talk.tsv")
    found: dict[str, set[tuple[str, ...]]] = {kind: set() for kind in _KINDS}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, cue, *_ = [*line.split("\t"), ""]
        if kind not in found or not cue.strip():
            raise InputDataError(
                f"{source}, line {number}: expected <{'|'.join(_KINDS)}><TAB><cue>, found "
                f"{line[:60]!r}"
            )
        found[kind].add(tuple(cue.lower().split()))
    phrases = found["complaint"] | found["resolution"] | found["praise"]
    return Cues(
        frozenset(found["complaint"]),
        frozenset(found["resolution"]),
        frozenset(found["praise"]),
        max(len(p) for p in phrases),
    )


def words_of(text: str) -> list[str]:
    """Lower-case words, apostrophes kept ("can't"); a curly apostrophe counts as one."""
    lowered = text.lower().replace("\u2019", "'")
    if lowered.isascii():
        # the same words without the regex engine (3-4x faster): in ASCII a word character
        # of _WORD is a letter or digit, so with every other character made a space the
        # words are what split() returns, unless an apostrophe may join two of them
        spaced = lowered.translate(_ASCII_NOT_WORD)
        if "'" not in spaced:
            return spaced.split()
    return _WORD.findall(lowered)


@dataclass(frozen=True)
class Signals:
    """What a text holds: a reported failure, a reported fix, praise/politeness words."""

    complaint: bool
    resolution: bool
    praise: bool
    words: int


@dataclass(frozen=True)
class Talk:
    """The cues of many texts at once (one entry per text, see ``scan``)."""

    complaint: np.ndarray
    resolution: np.ndarray
    praise: np.ndarray
    words: np.ndarray

    def adjust(self, compounds: Sequence[float]) -> list[float]:
        """Each text's compound score after the crisis-talk rule (see the module docstring)."""
        scores = np.array(compounds, dtype=np.float64)
        short = self.words <= MAX_WORDS
        complaint = short & self.complaint & ~self.resolution
        complaint &= self.praise | (self.words <= SHORT_WORDS)
        resolution = short & self.resolution & ~self.complaint
        scores = np.where(complaint, np.minimum(-np.abs(scores), COMPLAINT_SCORE), scores)
        scores = np.where(resolution, np.maximum(np.abs(scores), RESOLUTION_SCORE), scores)
        return scores.tolist()


@dataclass(frozen=True)
class _Matcher:
    """The cues as numbers: a code per word, and each phrase as one integer per kind."""

    codes: dict[str, int]  # word -> its phrase-word number | _NEGATOR | _NOT_YET
    base: int  # phrase (w1, w2, w3) -> ((c1 * base) + c2) * base + c3
    longest: int
    phrases: tuple[tuple[int, tuple[np.ndarray, ...]], ...]  # (length, one array per kind)


# bits of a word's code above its phrase-word number
_NEGATOR, _NOT_YET, _END = 1 << 20, 1 << 21, 1 << 22
_PHRASE_WORD = _NEGATOR - 1
_END_TOKEN = "\x00"  # ends each text in the word stream of ``scan``; never a word
_JOIN = f" {_END_TOKEN} "
# ASCII bytes that are not part of a word become spaces (the end token stays)
_BYTES_NOT_WORD = bytes.maketrans(
    bytes(c for c in range(1, 128) if not (chr(c).isalnum() or chr(c) == "'")),
    b" " * sum(1 for c in range(1, 128) if not (chr(c).isalnum() or chr(c) == "'")),
)
_PLACEHOLDER, _SPACE, _APOSTROPHE, _CURLY_APOSTROPHE = ord("0"), ord(" "), ord("'"), 0x2019


@cache
def _matcher() -> _Matcher:
    table = cues()
    words = sorted({word for phrase in table.complaint | table.resolution | table.praise
                    for word in phrase})  # fmt: skip
    codes = {word: number for number, word in enumerate(words, start=1)}
    for word in NEGATORS:
        codes[word] = codes.get(word, 0) | _NEGATOR
    for word in NOT_YET:
        codes[word] = codes.get(word, 0) | _NOT_YET
    codes[_END_TOKEN] = _END
    # _word_stream keeps only ASCII words exact (others become placeholders)
    if any(not word.isascii() or chr(_PLACEHOLDER) in word for word in codes):
        raise InputDataError(
            f"crisis_talk.tsv: cue words must be ASCII without {chr(_PLACEHOLDER)!r}"
        )
    base = len(words) + 1
    if base**table.longest >= 2**62:  # a phrase must fit one int64
        raise InputDataError(f"crisis_talk.tsv: {len(words)} cue words in phrases of up to "
                             f"{table.longest} words are too many to match at once")  # fmt: skip

    def key(phrase: tuple[str, ...]) -> int:
        number = 0
        for word in phrase:
            number = number * base + (codes[word] & _PHRASE_WORD)
        return number

    phrases = []
    for length in range(table.longest, 0, -1):
        kinds = tuple(
            np.array(sorted(key(p) for p in kind if len(p) == length), dtype=np.int64)
            for kind in (table.complaint, table.praise, table.resolution)
        )
        phrases.append((length, kinds))
    return _Matcher(codes, base, table.longest, tuple(phrases))


def _word_stream(texts: list[str]) -> list[str]:
    """Each text's words, each text followed by ``_END_TOKEN``, found for all texts at once.

    A word stands for what it can match: cue words are ASCII, so a word holding a letter
    beyond ASCII ("café") only has to stay one word, and its letters become "0". The texts
    are joined (spaces around each end token, so ``lower()`` sees the same context at each
    text's edges) and lowered; every character that is not part of a word becomes a space
    (Python's own ``isalnum``, asked once per distinct character); ``split()`` then returns
    ``words_of``' words, except around an apostrophe, where ``_WORD`` itself splits the few
    tokens that hold one.
    """
    joined = _JOIN.join(texts)
    if joined.count(_END_TOKEN) != len(texts) - 1:  # a text holds one: one at a time
        stream: list[str] = []
        for text in texts:
            stream += words_of(text)
            stream.append(_END_TOKEN)
        return stream
    lowered = joined.lower()
    if lowered.isascii():
        ascii_ = lowered.encode()
    else:
        points = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        wide = np.flatnonzero(points >= 128)
        chars, where = np.unique(points[wide], return_inverse=True)
        word = np.array([_is_word(chr(c)) for c in chars.tolist()], dtype=bool)
        points = points.copy()
        points[wide] = np.where(word[where], _PLACEHOLDER, _SPACE)
        points[wide[chars[where] == _CURLY_APOSTROPHE]] = _APOSTROPHE
        ascii_ = points.astype(np.uint8).tobytes()
    spaced = ascii_.translate(_BYTES_NOT_WORD).decode()
    if "'" in spaced:
        spaced = _split_apostrophes(spaced)
    stream = spaced.split()
    stream.append(_END_TOKEN)
    return stream


# characters beyond ASCII: part of a word or not (at most one entry per Unicode character)
_WORD_CHARS: dict[str, bool] = {}


def _is_word(char: str) -> bool:
    known = _WORD_CHARS.get(char)
    if known is None:
        known = _WORD_CHARS[char] = char.isalnum()
    return known


def _split_apostrophes(spaced: str) -> str:
    """``spaced`` (lower-case ASCII letters and digits, apostrophes, spaces and end tokens)
    with each token that holds an apostrophe replaced by ``_WORD``'s words in it
    ("rock'n'roll" -> "rock'n roll").

    Only tokens with an odd apostrophe are visited: one at a token's edge, next to another
    or after a word joined by one ("rock'n'"). Every other token holding one is a word, an
    apostrophe and a word ("can't"), which ``_WORD`` returns whole.
    """
    pieces: list[str] = []
    done = 0
    for odd in _ODD_APOSTROPHE.finditer(spaced):
        at = odd.start()
        if at < done:  # in the token just replaced
            continue
        start = spaced.rfind(" ", 0, at) + 1
        end = spaced.find(" ", at)
        end = len(spaced) if end < 0 else end
        pieces += (spaced[done:start], " ".join(_WORD.findall(spaced[start:end])))
        done = end
    pieces.append(spaced[done:])
    return "".join(pieces)


# in ``_split_apostrophes``' text: an apostrophe without a letter or digit on one side, or
# the second of two with only letters and digits between (each alternative starts with the
# apostrophe, so the regex engine jumps from one apostrophe to the next)
_ODD_APOSTROPHE = re.compile(r"'(?![a-z0-9])|'(?<![a-z0-9]')|'[a-z0-9]+'")


def _in_sorted(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``np.isin(values, keys)`` for sorted, non-empty ``keys`` (a binary search, no sort)."""
    at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
    return keys[at] == values


def scan(texts: Sequence[str | None]) -> Talk:
    """The crisis-talk cues of each text (see the module docstring), all texts at once.

    Each word becomes a number; a phrase of up to ``Cues.longest`` words is one integer
    looked up among the cues of each kind, for all positions of all texts together, so
    the cost per text is a few C-level passes instead of a Python loop over its words.
    """
    m = _matcher()
    n_texts = len(texts)
    if not n_texts:
        empty = np.zeros(0, dtype=bool)
        return Talk(empty, empty, empty, np.zeros(0, dtype=np.int64))
    stream = _word_stream([text or "" for text in texts])
    codes = np.fromiter(map(m.codes.get, stream, repeat(0)), dtype=np.int64, count=len(stream))
    ends = np.flatnonzero(codes & _END)
    starts = np.concatenate([[0], ends[:-1] + 1])
    words = ends - starts
    number = codes & _PHRASE_WORD
    # positions of cue words: a phrase starts only at a word that is part of some phrase
    at = np.flatnonzero(number)
    text_of = np.searchsorted(ends, at)
    position = at - starts[text_of]
    kind = np.zeros(len(at), dtype=np.int8)  # 1 complaint, 2 praise, 3 resolution
    padded = np.concatenate([number, np.zeros(m.longest, dtype=np.int64)])
    for length, kinds in m.phrases:
        # an end token (number 0) inside the window means the phrase runs past its text
        key = np.zeros(len(at), dtype=np.int64)
        for offset in range(length):
            key = key * m.base + padded[at + offset]
        open_ = kind == 0
        for code, keys in enumerate(kinds, start=1):
            if len(keys):
                hit = open_ & _in_sorted(key, keys)
                kind[hit] = code
                open_ &= ~hit
    found = kind != 0
    at, text_of, position, kind = at[found], text_of[found], position[found], kind[found]
    # a negator (or, for a fix, a "not yet" word) among the two words before the cue
    negated = np.zeros(len(at), dtype=bool)
    not_yet = np.zeros(len(at), dtype=bool)
    for back in range(1, NEGATION_WINDOW + 1):
        inside = position >= back
        before = codes[np.where(inside, at - back, 0)]
        negated |= inside & (before & _NEGATOR != 0)
        not_yet |= inside & (before & _NOT_YET != 0)
    complaint = ((kind == 1) & ~negated) | ((kind == 3) & (negated | not_yet))
    resolution = (kind == 3) & ~negated & ~not_yet
    praise = kind == 2

    def per_text(hit: np.ndarray) -> np.ndarray:
        return np.bincount(text_of[hit], minlength=n_texts) > 0

    return Talk(per_text(complaint), per_text(resolution), per_text(praise), words)


def signals(text: str) -> Signals:
    """The crisis-talk cues found in ``text`` (see the module docstring)."""
    found = scan([text])
    return Signals(
        bool(found.complaint[0]), bool(found.resolution[0]), bool(found.praise[0]),
        int(found.words[0]),
    )  # fmt: skip


def adjust(text: str | None, compound: float) -> float:
    """The compound score after the crisis-talk rule (see the module docstring)."""
    return scan([text]).adjust([compound])[0]
