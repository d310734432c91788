"""Prepare social-media text for a lexicon scorer.

Lexicon scorers count words; on social text several kinds of token carry no opinion and
must not be counted: links, @handles, and the brand's own name (a brand called "Trust",
"United" or "Kopi Senang" is not praise). Others hide an opinion VADER cannot see: hashtags
written as one word (``#worstairlineever``, ``#boycottAcme``), emoji written with variation
selectors or skin tones, and stretched words ("sooo baaad"). ``SocialText.prepare`` turns a
raw mention into plain words; the scorers do the rest.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources

# Joins many texts for the regex passes that cannot reach across it: not a word character, not
# white space, not a brand name's character, and html.unescape never yields it
SEPARATOR = "\x00"
# Replaces the brand's own names: a word in no lexicon of either language, so it keeps
# its place in the sentence (negation and booster distances stay right) but scores 0.
BRAND_PLACEHOLDER = "brandref"

URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|id|co|net|org|ly|io|me|gl)/\S*",
    re.IGNORECASE,
)
# "@"/"#" not preceded by a word character (or "@"/"&"). Written with the literal first and
# the look-behind after it, so the regex engine jumps from one "@" to the next instead of
# trying the look-behind at every character (3-5x faster, same matches)
# what every link of URL_RE holds (the same case folding as URL_RE)
_URL_HINT_RE = re.compile(r"/|www\.", re.IGNORECASE)
HANDLE_RE = re.compile(r"@(?<![\w@]@)\w+")
HASHTAG_RE = re.compile(r"#(?<![\w&]#)(\w+)")
# emoji modifiers that VADER would glue onto the described word ("heart\ufe0f"):
# variation selectors and the five skin tones
EMOJI_MODIFIERS = "\ufe0e\ufe0f" + "".join(map(chr, range(0x1F3FB, 0x1F400)))
EMOJI_MODIFIERS_RE = re.compile(f"[{EMOJI_MODIFIERS}]")
ZERO_WIDTH_JOINER = "\u200d"
STRETCHED_RE = re.compile(r"\b\w*?(\w)\1{2,}\w*\b")
CAMEL_PARTS_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_SEGMENT_VOCABULARY = 40_000  # most frequent English words trusted for hashtag splitting
# two-letter parts are where nonsense splits hide ("gagalpaham" -> "gag al pa ham"), so only
# real English two-letter words are accepted as parts
_SHORT_WORDS = frozenset(
    str.split("a i am an as at be by do go he if in is it me my no of oh ok on or so to up us we")
)


def split_joined(joined: str, n_texts: int) -> list[str]:
    """The ``n_texts`` texts that ``SEPARATOR.join`` made ``joined`` (one text may hold it)."""
    if n_texts == 0:
        return []
    return [joined] if n_texts == 1 else joined.split(SEPARATOR)


def remove_links(text: str) -> str:
    """``URL_RE.sub(" ", text)``, with the regex run only from the first possible link on.

    Every link ``URL_RE`` matches holds a "/" or a "www." and is one run of non-space
    characters, so none starts before the space that precedes the first of those; the
    regex scans only the rest (from a space, so ``\b`` sees what it sees in the whole).
    """
    at = text.find("/")
    if "www." in text.lower():  # (rarer) a "www." in any case may come first: ask the regex
        hint = _URL_HINT_RE.search(text)
        at = -1 if hint is None else hint.start()
    if at < 0:
        return text
    start = text.rfind(" ", 0, at) + 1
    return text[:start] + URL_RE.sub(" ", text[start:])


def squash(name: str) -> str:
    """Lower-case letters and digits only: how a name looks inside a hashtag or handle."""
    return re.sub(r"[\W_]+", "", name.lower())


@cache
def _english_unigrams() -> tuple[dict[str, float], float]:
    # wordsegment ships Google web unigram counts sorted by frequency; reading only the top
    # of the file is ~30x faster than wordsegment.load() and is all hashtag splitting needs
    counts: dict[str, float] = {}
    path = resources.files("wordsegment").joinpath("unigrams.txt")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= _SEGMENT_VOCABULARY:
                break
            word, count = line.split("\t")
            counts[word] = float(count)
    total = 1024908267229.0  # the corpus size wordsegment uses for the same counts
    return counts, total


@cache
def _log_probabilities() -> tuple[dict[str, float], list[float]]:
    """Each vocabulary word's log probability, and an unknown word's by its length (up to
    20 letters): the same numbers ``split_hashtag_words`` computed per look-up before."""
    counts, total = _english_unigrams()
    log_p = {word: math.log(count / total) for word, count in counts.items() if count}
    unknown = [math.log(10.0 / (total * 10**length)) for length in range(21)]
    return log_p, unknown


@lru_cache(maxsize=65_536)
def split_hashtag_words(body: str) -> tuple[str, ...] | None:
    """Split a lower-case run of letters into English words, or None when not confident.

    Viterbi over unigram probabilities (Norvig's method). The split is accepted only when
    every part is a frequent English word of two or more letters (or "a"/"i"), so an
    Indonesian hashtag such as ``#kopisenang`` is left whole instead of becoming nonsense
    English that could carry a score.
    """
    counts, _ = _english_unigrams()
    log_p_of, unknown = _log_probabilities()
    n = len(body)
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        best_end, back_end = -math.inf, 0
        for start in range(max(0, end - 20), end):
            log_p = log_p_of.get(body[start:end])
            if log_p is None:
                log_p = unknown[end - start]
            if best[start] + log_p > best_end:
                best_end, back_end = best[start] + log_p, start
        best[end], back[end] = best_end, back_end
    parts: list[str] = []
    end = n
    while end > 0:
        parts.append(body[back[end] : end])
        end = back[end]
    parts.reverse()
    # many tiny parts mean the text was not English ("gag alp a ham"): mean length >= 3.5
    if n >= 3.5 * len(parts) and all(
        part in counts and (len(part) > 2 or part in _SHORT_WORDS) for part in parts
    ):
        return tuple(parts)
    return None


class SocialText:
    """Turns raw mentions into scorer-ready text for one set of brand names."""

    def __init__(self, brand_names: Iterable[str] = ()) -> None:
        names = sorted({name.strip() for name in brand_names if name and name.strip()}, key=len)
        names.reverse()  # longest first, so "Kopi Senang Express" wins over "Kopi Senang"
        self.brand_names = tuple(names)
        self._hashtags: dict[str, str] = {}
        self._hashtags_brand_only: dict[str, str] = {}
        self._squashed = tuple(s for s in dict.fromkeys(squash(n) for n in names) if len(s) > 2)
        if names:
            words = [r"\s+".join(map(re.escape, name.split())) for name in names]
            self._brand_re: re.Pattern[str] | None = re.compile(
                r"(?<!\w)(?:" + "|".join(words) + r")(?:'s)?(?!\w)", re.IGNORECASE
            )
        else:
            self._brand_re = None
        # where a name can start: its first word, lower-case (ASCII names only, see
        # _replace_brands); None: the regex scans every position
        ascii_names = all(name.isascii() for name in names)
        self._brand_starts = (
            tuple(dict.fromkeys(name.split()[0].lower() for name in names)) if ascii_names else None
        )

    def prepare(self, text: str, *, split_hashtags: bool = True, clean_emoji: bool = True) -> str:
        """Links and handles removed, hashtags split, brand names neutralised, emoji cleaned.

        ``split_hashtags=False`` leaves hashtags to a scorer that splits them itself (the
        Indonesian one), only cutting the brand's name out of them. ``clean_emoji=False``
        keeps skin tones and variation selectors for a caller that removes them itself.
        """
        return self.prepare_many([text], split_hashtags=split_hashtags, clean_emoji=clean_emoji)[0]

    def prepare_many(
        self, texts: Sequence[str], *, split_hashtags: bool = True, clean_emoji: bool = True
    ) -> list[str]:
        """``prepare`` of each text. The passes that cannot reach across a ``SEPARATOR``
        (handles, hashtags, brand names, emoji modifiers) run once over all texts joined."""
        prepared = list(texts)
        raw = SEPARATOR.join(prepared)  # one C-level check per trigger instead of one per text
        if "&" in raw:
            for k in [k for k, text in enumerate(prepared) if "&" in text]:
                prepared[k] = html.unescape(prepared[k])
        # cheap substring checks first: most posts have no link
        if "/" in raw or "www" in raw or "&" in raw:
            for k in [k for k, text in enumerate(prepared) if "/" in text or "www" in text]:
                prepared[k] = remove_links(prepared[k])
        text = SEPARATOR.join(prepared)
        if len(prepared) > 1 and (
            text.count(SEPARATOR) != len(prepared) - 1
            or any(SEPARATOR in name for name in self.brand_names)
        ):
            return [self.prepare_many([text], split_hashtags=split_hashtags,
                                      clean_emoji=clean_emoji)[0] for text in texts]  # fmt: skip
        if "@" in text:
            text = HANDLE_RE.sub(" ", text)
        if "#" in text:
            text = self._split_hashtags(text, split_hashtags)
        if self._brand_re is not None:
            text = self._replace_brands(text, self._brand_re)
        if clean_emoji and not text.isascii():
            text = EMOJI_MODIFIERS_RE.sub("", text).replace(ZERO_WIDTH_JOINER, " ")
        return split_joined(text, len(prepared))

    def _replace_brands(self, text: str, brand_re: re.Pattern[str]) -> str:
        """``brand_re.sub(BRAND_PLACEHOLDER, text)``, the regex tried only where a name starts.

        The case-insensitive regex with a look-behind first cannot skip ahead, so on its own
        it tries every position of the chunk. A match starts with a name's first word in
        some case: in ``text.lower()`` that is the word itself, but for the characters the
        regex's case folding also matches to ASCII letters: dotted "İ" (which ``lower()``
        would make two characters), dotless "ı" and long "ſ", replaced here by "i" and "s".
        Names beyond ASCII: the regex scans.
        """
        starts = self._brand_starts
        if starts is None:
            return brand_re.sub(BRAND_PLACEHOLDER, text)
        if text.isascii():
            lowered = text.lower()
        else:  # (each replacement keeps every character at its place)
            lowered = text.replace("\u0130", "i").lower()
            lowered = lowered.replace("\u0131", "i").replace("\u017f", "s")
        candidates: list[int] = []
        for word in starts:
            at = lowered.find(word)
            while at >= 0:
                candidates.append(at)
                at = lowered.find(word, at + 1)
        candidates.sort()
        pieces: list[str] = []
        done = 0
        for at in candidates:
            # match() at a position sees the characters before it (the look-behind)
            found = brand_re.match(text, at) if at >= done else None
            if found is not None:
                pieces += (text[done:at], BRAND_PLACEHOLDER)
                done = found.end()
        if not pieces:
            return text
        pieces.append(text[done:])
        return "".join(pieces)

    def _split_hashtags(self, text: str, split_hashtags: bool) -> str:
        """``text`` with each hashtag replaced by its words (or only its brand part cut out).

        ``re.split`` with the body as its one group, then a dict look-up per hashtag, instead
        of a Python callback per match (the same result as ``re.sub`` with one): campaigns
        repeat the same few hashtags thousands of times, so each body is split once.
        """
        cache = self._hashtags if split_hashtags else self._hashtags_brand_only
        parts = HASHTAG_RE.split(text)  # text, body, text, body, ..., text
        bodies = parts[1::2]
        if not bodies:
            return text
        new = set(bodies).difference(cache)
        if new:
            split = self._hashtag if split_hashtags else self._hashtag_brand_only
            for body in new:
                cache[body] = " " + split(body) + " "
        parts[1::2] = map(cache.__getitem__, bodies)
        return "".join(parts)

    def _hashtag(self, body: str) -> str:
        lowered = body.lower()
        for brand in self._squashed:
            if brand in lowered:
                # "#boycottacme" -> "boycott brandref": the brand part scores nothing
                pieces = [self._hashtag_words(piece) for piece in lowered.split(brand)]
                return f" {BRAND_PLACEHOLDER} ".join(pieces)
        return self._hashtag_words(body)

    def _hashtag_brand_only(self, body: str) -> str:
        lowered = body.lower()
        for brand in self._squashed:
            if brand in lowered:
                pieces = ["#" + piece if piece else "" for piece in lowered.split(brand)]
                return f" {BRAND_PLACEHOLDER} ".join(pieces)
        return "#" + body

    @staticmethod
    def _hashtag_words(body: str) -> str:
        if not body:
            return ""
        if not body.islower() and not body.isupper():
            # camelCase / PascalCase: the writer already marked the word boundaries
            return " ".join(CAMEL_PARTS_RE.findall(body)) or body
        lowered = body.lower()
        if len(lowered) < 6 or not lowered.isalpha():
            return body
        parts = split_hashtag_words(lowered)
        return " ".join(parts) if parts else body


def destretch(text: str, known: set[str] | dict[str, float]) -> str:
    """Shorten letters repeated 3+ times ("baaad" -> "bad") when that makes a known word."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if word.lower() in known:
            return word
        double = re.sub(r"(\w)\1{2,}", r"\1\1", word)
        if double.lower() in known:
            return double
        single = re.sub(r"(\w)\1+", r"\1", word)
        return single if single.lower() in known else double

    return STRETCHED_RE.sub(fix, text)
