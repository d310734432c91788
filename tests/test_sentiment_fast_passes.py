"""The bulk preparation shortcuts give what the plain regex passes they replace give.

Each shortcut (links, brand names, refund demands, stretched letters, apostrophes in the
crisis-talk word stream) is compared with the straightforward version on texts built from
pieces chosen to hit its edge cases: Unicode case folding, other white space, separators
between joined texts, pieces at the start and end of a text.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from itertools import accumulate

import pytest

from analytics.sentiment import crisis_talk
from analytics.sentiment.english import _REFUND_DEMAND_RE, _STRETCH_RE, _stretched
from analytics.sentiment.social_text import (
    BRAND_PLACEHOLDER,
    SEPARATOR,
    URL_RE,
    SocialText,
    remove_links,
)

# dotted capital I, dotless i, long s and the Kelvin sign: the non-ASCII letters that the
# regex engine's case folding matches to ASCII letters
FOLDING = ["\u0130", "\u0131", "\u017f", "\u212a"]


def _texts(pieces: list[str], n: int, seed: int, longest: int = 9) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_remove_links_is_the_url_regex() -> None:
    pieces = ["http://", "HTTPS://", "www.", "WwW.", "wWW", "a.com/", "x.co.id/p", "t.co/x", "/"]
    pieces += [" ", "\t", "\u3000", "\xa0", "\u00e9", "ab", "-", ".", "_", "www", "com", "ly/"]
    pieces += [SEPARATOR, "\U0001f621", *FOLDING]
    for text in _texts(pieces, 5000, seed=1):
        assert remove_links(text) == URL_RE.sub(" ", text), repr(text)


@pytest.mark.parametrize(
    "names",
    [
        ("Acme",),
        ("Kopi", "Kopi Senang", "Kopi Senang Express"),
        ("Pepsi", "H&M", "Nike", "Johnson & Johnson"),
        ("Caf\u00e9",),  # a name beyond ASCII: the regex alone
    ],
)
def test_brand_names_are_replaced_as_the_brand_regex_does(names: tuple[str, ...]) -> None:
    pieces = ["Acme", "aCmE", "Acme's", "acme_", "1acme", "-acme-", "ACMEACME", "kopi", "KOPI"]
    pieces += ["Senang", "  senang", "\tSENANG", "Express", "H&M", "h&m", "Johnson", " & ", "NI"]
    pieces += ["KE", "nike", "nikes", "pepsi", "caf\u00e9", "CAF\u00c9", " ", "x", "'", "'s"]
    pieces += ["kop\u0131", "\u017fenang", "NI\u212aE", "KOP\u0130", SEPARATOR, *FOLDING]
    social = SocialText(names)
    assert social._brand_re is not None
    for text in _texts(pieces, 4000, seed=2):
        expected = social._brand_re.sub(BRAND_PLACEHOLDER, text)
        assert social._replace_brands(text, social._brand_re) == expected, repr(text)


def test_refund_demand_regex_matches_as_the_plain_alternation() -> None:
    plain = re.compile(
        r"\b(?:my|want|need|demand|demanding|no|still|where|waiting|yet|give\s+me)\b"
        r"(?:\W+\w+){0,2}?\W+refunds?\b|\brefunds?\b(?=\W+(?:now|please|pls|asap|yet)\b)",
        re.IGNORECASE,
    )
    words = ["my", "MY", "want", "demand", "demanding", "no", "still", "where", "yet", "give"]
    words += ["me", "refund", "REFUNDS", "now", "please", "asap", "the", "x", "mmy", "xrefund"]
    words += ["\u017ftill", "\u212a", "_", "1"]
    gaps = [" ", "  ", ", ", "!", "\n", "_", "-", "\U0001f621", SEPARATOR, "'"]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        spans = [match.span() for match in _REFUND_DEMAND_RE.finditer(text)]
        assert spans == [match.span() for match in plain.finditer(text)], repr(text)


def test_stretched_finds_the_texts_the_regex_finds() -> None:
    pieces = ["a", "A", "b", "aa", "!", " ", "\u00e9", "\u0141", "\U0001f621", "z", "Z", "{", "`"]
    texts = _texts(pieces, 3000, seed=4, longest=12)
    for k in range(0, len(texts), 6):
        chunk = texts[k : k + 6]
        joined = SEPARATOR.join(chunk)
        starts = list(accumulate((len(text) + 1 for text in chunk), initial=0))
        expected = {bisect_right(starts, m.start()) - 1 for m in _STRETCH_RE.finditer(joined)}
        assert _stretched(joined) == sorted(expected), chunk


def test_split_apostrophes_gives_the_word_regex_words() -> None:
    def one_token_at_a_time(spaced: str) -> str:
        return " ".join(
            " ".join(crisis_talk._WORD.findall(token)) if "'" in token else token
            for token in spaced.split(" ")
        )

    pieces = ["a", "b", "0", "9", "z", "'", "'", " ", " \x00 "]
    for spaced in _texts(pieces, 5000, seed=5, longest=14):
        expected = one_token_at_a_time(spaced)
        assert crisis_talk._split_apostrophes(spaced) == expected, repr(spaced)
