"""The Indonesian sentiment lexicon: InSet as packaged, plus our documented corrections.

Sources, all read as data (no heavy imports):

* **InSet** (Koto & Rahmaningtyas, 2017), the positive/negative word lists with weights -5..+5
  that the MIT-licensed ``asronlp`` package ships as ``asro_nlp/data/kamus_*.xlsx``. We read
  the two spreadsheets through ``importlib.metadata`` so ``asro_nlp``'s own modules (which
  pull in large dependencies) are never imported. A word on both lists gets the sum of its
  two weights, as in InSet's own scoring (a word listed twice in one list counts once).
* **Stopwords** from ``asronlp`` (``stopwords.txt``) and ``indoNLP``: function words carry no
  sentiment, whatever InSet says (``yang`` is -5 there).
* **Slang** from ``indoNLP.preprocessing.slang_data`` (MIT; built on the Kamus Alay lexicon
  of Salsabila et al.).
* Our own files in ``analytics/sentiment/data/`` (``id_*``), documented in
  ``docs/sentiment_indonesian.md``: neutral words, valence corrections and additions, the
  crisis lexicon, slang additions and refusals, emoji valences.

Valences are returned on VADER's scale (about -4..+4) so the scorer can reuse VADER's
constants and its compound normalisation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from analytics.errors import InputDataError

# InSet weights run -5..+5 and VADER's lexicon about -4..+4. InSet's long tail is noisy
# (see docs/sentiment_indonesian.md): on the SmSA and NusaX *train* splits, every InSet
# entry we let in below net weight 5 lowered macro-F1, mostly by making neutral sentences
# polar ("mengumumkan" +3, "cek" -4). So only the entries InSet is surest about count, at
# 0.4 x 5 = 2.0, the valence of a clear word such as "bagus" in our own table.
INSET_MIN_WEIGHT = 5
INSET_SCALE = 0.4

_PACKAGE = "analytics.sentiment"
_PAREN = re.compile(r"\([^)]*\)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")
_REDUP_HYPHEN = re.compile(r"^([a-z]+)-\1(nya|lah|kah|an)?$")
_REDUP_DIGIT = re.compile(r"^([a-z]{2,})2(nya|lah|an)?$")
_STRETCH = re.compile(r"([a-z])\1{2,}")
_DOUBLE = re.compile(r"([a-z])\1+")
_SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Lexicon:
    """Everything the Indonesian scorer looks up, already merged and normalised."""

    valence: dict[str, float]  # single words, lower case, VADER scale
    phrases: dict[tuple[str, ...], float]  # multi-word entries (2-4 words)
    slang: dict[str, str]  # slang / abbreviation -> standard form (may be several words)
    emoji: dict[str, float]  # one emoji character -> valence
    sources: dict[str, str]  # word or phrase -> where its valence came from (for docs/debugging)
    own_slang: frozenset[str] = frozenset()  # keys of our slang table: applied before all else


def _data_lines(name: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, tab-separated fields) of one of our data files, skipping comments."""
    text = resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    return parse_lines(text)


def parse_lines(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated fields) of a data file's text; comments and blanks skipped."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield number, [field.strip() for field in line.split("\t")]


def parse_valences(name: str, text: str) -> list[tuple[str, float]]:
    """The (entry, valence) rows of a ``word<TAB>valence[<TAB>note]`` file's text.

    A malformed row raises ``InputDataError`` naming the file, the row and what was expected.
    """
    rows = []
    for number, fields in parse_lines(text):
        if len(fields) < 2:
            raise InputDataError(
                f"{name}, row {number}: expected 'word<TAB>valence[<TAB>note]', found {fields!r}"
            )
        rows.append((_clean_entry(fields[0]), _float(fields[1], name, number)))
    return rows


def _float(value: str, name: str, number: int) -> float:
    try:
        return float(value)
    except ValueError:
        raise InputDataError(
            f"{name}, row {number}: valence {value!r} is not a number (expected e.g. -2.5 or 1.0)"
        ) from None


def _clean_entry(word: str) -> str:
    """Lower-case a lexicon entry and drop InSet's parenthesised glosses ("(barang) bekas")."""
    return _SPACES.sub(" ", _PAREN.sub(" ", str(word).lower())).strip()


def _package_file(dist_name: str, relative: str) -> Path:
    try:
        dist = distribution(dist_name)
    except PackageNotFoundError:
        raise _missing(dist_name) from None
    path = Path(str(dist.locate_file(relative)))
    if not path.exists():
        raise InputDataError(
            f"{dist_name}: data file {relative!r} not found at {path} "
            "(expected the package's shipped word lists; reinstall the package)"
        )
    return path


def inset_weights() -> dict[str, int]:
    """InSet's raw weights (-5..+5) as ``asronlp`` ships them; both lists summed per entry."""
    import polars as pl  # local: only needed when the lexicon is first built

    weights: dict[str, int] = {}
    for name in ("kamus_positive", "kamus_negative"):
        # a few entries are listed twice in one list ("iri" -5 and -4): count each once,
        # at its strongest weight in that list, then add the other list's weight
        in_list: dict[str, int] = {}
        path = _package_file("asronlp", f"asro_nlp/data/{name}.xlsx")
        frame = pl.read_excel(path)
        if not {"word", "weight"} <= set(frame.columns):
            raise InputDataError(
                f"{path}: columns {frame.columns} found, expected 'word' and 'weight'"
            )
        for word, weight in zip(frame["word"], frame["weight"], strict=True):
            if word is None or weight is None:
                continue
            entry = _clean_entry(word)
            if entry and abs(int(weight)) > abs(in_list.get(entry, 0)):
                in_list[entry] = int(weight)
        for entry, weight in in_list.items():
            weights[entry] = weights.get(entry, 0) + weight
    return weights


def stopwords() -> set[str]:
    """Function words from asronlp's and indoNLP's stopword lists."""
    path = _package_file("asronlp", "asro_nlp/data/stopwords.txt")
    words = {w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip()}
    try:
        from indoNLP.preprocessing.stopwords_data import STOPWORDS
    except ImportError:
        raise _missing("indoNLP") from None
    return words | {w.lower() for w in STOPWORDS}


def _indonlp_slang() -> dict[str, str]:
    try:
        from indoNLP.preprocessing.slang_data import SLANG_DATA
    except ImportError:
        raise _missing("indoNLP") from None
    return {k.lower(): v.lower() for k, v in SLANG_DATA.items()}


def _missing(dist_name: str) -> InputDataError:
    return InputDataError(
        f"the Indonesian lexicon needs the {dist_name!r} package "
        f"(expected it installed; run: pip install {dist_name})"
    )


def _vader_emoji() -> dict[str, float]:
    """Emoji valences derived like VADER does: the emoji's English name scored by VADER."""
    import vaderSentiment

    folder = Path(vaderSentiment.__file__).parent
    vader: dict[str, float] = {}
    for line in (folder / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            vader[parts[0]] = float(parts[1])
    result: dict[str, float] = {}
    for line in (folder / "emoji_utf8_lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or len(parts[0]) != 1:
            continue  # multi-character sequences: their first character is looked up instead
        total = sum(vader.get(word, 0.0) for word in parts[1].lower().split())
        if total:
            result[parts[0]] = max(-3.0, min(3.0, total))
    return result


def _add(
    valence: dict[str, float],
    phrases: dict[tuple[str, ...], float],
    sources: dict[str, str],
    entry: str,
    value: float,
    source: str,
) -> None:
    words = tuple(entry.split())
    if not words:
        return
    if len(words) == 1:
        valence[words[0]] = value
    elif len(words) <= 4:
        phrases[words] = value
    else:
        return  # InSet has a few idioms of 5+ words; they never match social text
    sources[entry] = source


@functools.cache
def load_lexicon() -> Lexicon:
    """Build the merged lexicon once per process (under a second: two spreadsheets)."""
    valence: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    sources: dict[str, str] = {}

    # 1. InSet's surest entries (net weight +-5), scaled to VADER's range.
    for entry, weight in inset_weights().items():
        if abs(weight) >= INSET_MIN_WEIGHT:
            _add(valence, phrases, sources, entry, weight * INSET_SCALE, "inset")

    # 2. Function words are neutral, except the few stopwords that really carry sentiment.
    keep = {fields[0].lower() for _, fields in _data_lines("id_stopword_keep.txt")}
    for word in stopwords() - keep:
        if valence.pop(word, None) is not None:
            sources[word] = "stopword"

    # 3. Our neutral list: domain nouns, pronouns, words InSet weights by mistake.
    for _, fields in _data_lines("id_neutral.txt"):
        word = _clean_entry(fields[0])
        valence.pop(word, None)
        phrases.pop(tuple(word.split()), None)
        sources[word] = "neutral"

    # 4. Hand-checked valences (corrections, additions, slang words, crisis lexicon).
    for name in ("id_lexicon.tsv", "id_crisis.tsv"):
        text = resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
        for entry, value in parse_valences(name, text):
            _add(valence, phrases, sources, entry, value, name.removesuffix(".tsv"))

    # 5. Slang: indoNLP's table minus the entries we refuse, plus ours.
    slang = _indonlp_slang()
    for _, fields in _data_lines("id_slang_refused.txt"):
        slang.pop(fields[0].lower(), None)
    # an indoNLP key that is itself a word we score keeps its own meaning ...
    slang = {k: v for k, v in slang.items() if k not in valence}
    # ... but our own slang table always wins
    own_slang = set()
    for number, fields in _data_lines("id_slang.tsv"):
        if len(fields) < 2:
            raise InputDataError(
                f"id_slang.tsv, row {number}: expected 'slang<TAB>standard', found {fields!r}"
            )
        slang[fields[0].lower()] = fields[1].lower()
        own_slang.add(fields[0].lower())
    # indoNLP's expansions use several spellings our table unifies ("ngga" -> "enggak"):
    # pass each expanded word through our table once, so "enggak enak" meets "tidak enak"
    for key, value in slang.items():
        words = value.split()
        if any(w in own_slang for w in words):
            slang[key] = " ".join(slang[w] if w in own_slang else w for w in words)

    # 6. Emoji: VADER-derived, then our overrides.
    emoji = _vader_emoji()
    text = resources.files(_PACKAGE).joinpath("data", "id_emoji.tsv").read_text(encoding="utf-8")
    emoji.update(parse_valences("id_emoji.tsv", text))

    return Lexicon(
        valence=valence,
        phrases=phrases,
        slang=slang,
        emoji=emoji,
        sources=sources,
        own_slang=frozenset(own_slang),
    )


class WordForms:
    """How a raw word is found in the lexicon: slang, stretched letters, reduplication,
    clitics, and run-together hashtags. Results are cached per distinct word.

    ``function_words`` are the scorer's rule words (negators, boosters, ...): they count
    as known words although they carry no valence of their own.
    """

    def __init__(self, lexicon: Lexicon, function_words: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.function_words = function_words
        self.phrase_starts = frozenset(p[0] for p in lexicon.phrases)
        self._words: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._hashtags: dict[str, str] = {}

    def clear(self) -> None:
        """Forget the cached forms (the scorer bounds its memory this way)."""
        self._words.clear()
        self._hashtags.clear()

    def known(self, word: str) -> bool:
        """True when the word is a lexicon entry, a rule word or the start of a phrase."""
        return (
            word in self.lexicon.valence
            or word in self.function_words
            or word in self.phrase_starts
        )

    def normalise(self, word: str) -> tuple[tuple[str, ...], bool]:
        """A lower-case word's standard form(s) and whether its spelling added emphasis:
        "gk" -> ("tidak",), "kecewaaa" -> ("kecewa",) emphasised, "enak2" -> ("enak",)
        emphasised, "enaknya" -> ("enak",), "thx" -> ("terima", "kasih")."""
        cached = self._words.get(word)
        if cached is None:
            cached = self._words[word] = self._normalise(word)
        return cached

    def _normalise(self, word: str) -> tuple[tuple[str, ...], bool]:
        lex = self.lexicon
        if word in lex.own_slang:  # our table first: "gak" -> "tidak" so phrases match
            return tuple(lex.slang[word].split()), False
        if self.known(word):
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
                if self.known(form):
                    return (form,), emphasis
                if form in lex.slang:
                    return tuple(lex.slang[form].split()), emphasis
        return (candidates[-1] if emphasis else word,), emphasis

    def hashtag(self, tag: str) -> str:
        """A hashtag (without "#") as words: "BoikotAcme" -> "Boikot Acme", "tarikproduk"
        -> "tarik produk", so a campaign hashtag carries its words' sentiment."""
        words = self._hashtags.get(tag)
        if words is None:
            parts = _CAMEL.sub(" ", tag).split()
            words = " ".join(w for part in parts for w in self._segment(part.lower()))
            self._hashtags[tag] = words
        return words

    def _segment(self, word: str, depth: int = 0) -> list[str]:
        """Split a run-together word at known words, longest known prefix first."""
        lex = self.lexicon
        if depth > 3 or len(word) < 5 or self.known(word) or word in lex.slang:
            return [word]
        for end in range(len(word) - 1, 2, -1):
            head = word[:end]
            function = head in self.function_words or head in lex.own_slang
            if function:  # "gak", "tdk", "bgt", ...
                head = lex.slang.get(head, head)
            elif end < 4 or not (lex.valence.get(head) or head in self.phrase_starts):
                continue
            tail = self._segment(word[end:], depth + 1)
            words = [*head.split(), *tail]
            if function:
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


def _strip_suffix(word: str) -> list[str]:
    """The word without one clitic/particle ("enaknya" -> "enak"), if one is there."""
    return [word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3]
