"""Scoring one text (or a chunk of them) inside a worker process.

Kept apart from ``bulk`` so a worker process imports only the scorers, not polars: worker
start-up time counts against every bulk run. Scorers are built once per process and brand
set; the Indonesian and code-mixed scorers only when a text needs them.
"""

from __future__ import annotations

from analytics.sentiment.crisis_talk import adjust
from analytics.sentiment.english import METHOD, EnglishScorer
from analytics.sentiment.language import detect_language, is_code_mixed

# (text, brand names, language given by the export or forced, mode, want model features)
Item = tuple[str, tuple[str, ...], str | None, str, bool]
# (language, compound, method, english compound, indonesian compound)
Result = tuple[str, float | None, str, float, float]


class _Scorers:
    """The scorers for one set of brand names; Indonesian and mixed built on first use."""

    def __init__(self, brand_names: tuple[str, ...]) -> None:
        self.english = EnglishScorer(brand_names)
        self._indonesian: object | None = None
        self._mixed: object | None = None

    @property
    def indonesian(self):  # noqa: ANN201 - IndonesianScorer, imported lazily
        if self._indonesian is None:
            from analytics.sentiment.indonesian import IndonesianScorer

            self._indonesian = IndonesianScorer()
        return self._indonesian

    @property
    def mixed(self):  # noqa: ANN201 - MixedScorer, imported lazily
        if self._mixed is None:
            from analytics.sentiment.mixed import MixedScorer

            self._mixed = MixedScorer(self.english, self.indonesian)
        return self._mixed


_SCORERS: dict[tuple[str, ...], _Scorers] = {}  # per process, per brand-name set


def _scorers(brand_names: tuple[str, ...]) -> _Scorers:
    scorers = _SCORERS.get(brand_names)
    if scorers is None:
        scorers = _SCORERS[brand_names] = _Scorers(brand_names)
    return scorers


def _route(item: Item) -> tuple[str, str]:
    """The item's language and which scorer reads it: "mixed", "id" or "en"."""
    text, _, given, mode, _ = item
    if mode != "auto":
        return mode, mode
    if given:  # the export's language stands; only whether the text is code-mixed is asked
        language, mixed = given, given in ("id", "en") and is_code_mixed(text)
    else:
        guess = detect_language(text)
        language, mixed = guess.language, guess.mixed and guess.language in ("id", "en")
    if mixed:
        return language, "mixed"
    # English, and "other": VADER still reads emoji and emoticons in any language
    return language, "id" if language == "id" else "en"


def score_item(item: Item, route: tuple[str, str] | None = None) -> Result:
    """Pick the language and scorer for one text and score it (see ``bulk.score_texts``)."""
    text, brand_names, _, _, features = item
    scorers = _scorers(brand_names)
    language, scorer = route or _route(item)
    # brand names, links and handles go before either scorer
    for_indonesian = scorers.english.prepare_for_indonesian
    if scorer == "mixed":
        compound, method = scorers.mixed.polarity(text), "mixed"
    elif scorer == "id":
        compound, method = scorers.indonesian.polarity(for_indonesian(text)), "id-rules"
    else:
        compound, method = scorers.english.polarity(text), METHOD
    # every scorer's score goes through the crisis-talk rule (complaints beat praise)
    compound = round(adjust(text, float(compound)), 4)
    if not features:
        return language, compound, method, 0.0, 0.0
    en = compound if method == METHOD else adjust(text, scorers.english.polarity(text))
    idn = (
        compound
        if method == "id-rules"
        else adjust(text, scorers.indonesian.polarity(for_indonesian(text)))
    )
    return language, compound, method, round(float(en), 4), round(float(idn), 4)


def score_chunk(items: list[Item]) -> list[Result]:
    """Score a chunk of items (the unit of work sent to a worker process).

    Texts for the English scorer are scored together (``EnglishScorer.polarities``, the
    same scores as one at a time), then go through the same crisis-talk rule as the rest.
    """
    out: list[Result | None] = [None] * len(items)
    english: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for k, item in enumerate(items):
        route = _route(item)
        if route[1] == "en" and not item[4]:
            english.setdefault(item[1], []).append((k, route[0]))
        else:
            out[k] = score_item(item, route)
    for brand_names, chosen in english.items():
        texts = [items[k][0] for k, _ in chosen]
        compounds = _scorers(brand_names).english.polarities(texts)
        for (k, language), text, compound in zip(chosen, texts, compounds, strict=True):
            out[k] = (language, round(adjust(text, float(compound)), 4), METHOD, 0.0, 0.0)
    return out  # type: ignore[return-value]  # every slot is filled above


def warm_up() -> bool:
    """Build all scorers and load the hashtag vocabulary (before forking helpers).

    The Indonesian lexicon is read (with polars) and cached here, so a forked helper
    never has to read a file or touch polars.
    """
    from analytics.sentiment.lexicon_id import load_lexicon
    from analytics.sentiment.social_text import split_hashtag_words

    _scorers(())
    load_lexicon()  # cached per process: a forked helper inherits it
    split_hashtag_words("warmup")
    return True
