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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

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
    """The cue phrases (tuples of words) per kind, and the first words of all of them."""

    complaint: frozenset[tuple[str, ...]]
    resolution: frozenset[tuple[str, ...]]
    praise: frozenset[tuple[str, ...]]
    starts: frozenset[str]
    longest: int
    # per first word, the lengths of the phrases it starts, longest first: only those are
    # looked up (the same matches as trying every length, in the same order, faster)
    lengths: Mapping[str, tuple[int, ...]]


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
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return Cues(
        frozenset(found["complaint"]),
        frozenset(found["resolution"]),
        frozenset(found["praise"]),
        frozenset(p[0] for p in phrases),
        max(len(p) for p in phrases),
        {word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()},
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


def signals(text: str) -> Signals:
    """The crisis-talk cues found in ``text`` (see the module docstring)."""
    table = cues()
    words = words_of(text)
    complaint = resolution = praise = False
    lengths = table.lengths
    n = len(words)
    for i, word in enumerate(words):
        sizes = lengths.get(word)
        if sizes is None:  # starts no cue
            continue
        before = words[max(0, i - NEGATION_WINDOW) : i]
        negated = not NEGATORS.isdisjoint(before)
        for length in sizes:
            if length > n - i:
                continue
            phrase = tuple(words[i : i + length])
            if phrase in table.complaint:
                complaint = complaint or not negated
                break
            if phrase in table.praise:
                praise = True
                break
            if phrase in table.resolution:
                if negated or not NOT_YET.isdisjoint(before):
                    complaint = True  # "belum teratasi", "not fixed"
                else:
                    resolution = True
                break
    return Signals(complaint, resolution, praise, len(words))


def adjust(text: str | None, compound: float) -> float:
    """The compound score after the crisis-talk rule (see the module docstring)."""
    if not text:
        return compound
    found = signals(text)
    if found.words > MAX_WORDS:
        return compound
    if found.complaint and not found.resolution:
        if found.praise or found.words <= SHORT_WORDS:
            return min(-abs(compound), COMPLAINT_SCORE)
    elif found.resolution and not found.complaint:
        return max(abs(compound), RESOLUTION_SCORE)
    return compound
