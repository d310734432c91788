"""Scoring one text (or a chunk of them) inside a worker process.

Kept apart from ``bulk`` so a worker process imports only the scorers, not polars: worker
start-up time counts against every bulk run. Scorers are built once per process and brand
set; the Indonesian and code-mixed scorers only when a text needs them.
"""

from __future__ import annotations

from operator import itemgetter

from analytics.sentiment.crisis_talk import scan
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


def score_item(item: Item) -> Result:
    """Pick the language and scorer for one text and score it (see ``bulk.score_texts``)."""
    return score_chunk([item])[0]


def score_chunk(items: list[Item]) -> list[Result]:
    """Score a chunk of items (the unit of work sent to a worker process).

    Each item's language and scorer come from ``_route``. Texts for the English scorer are
    scored together (``EnglishScorer.polarities``, the same scores as one at a time); every
    scorer's score then goes through the crisis-talk rule, whose cues are found for the
    whole chunk at once (``crisis_talk.scan``).
    """
    n = len(items)
    routes = list(map(_route, items))
    if routes.count(_ENGLISH) == n and n:
        brand_sets = set(map(itemgetter(1), items))
        if len(brand_sets) == 1 and not any(map(itemgetter(4), items)):
            return _english_chunk([item[0] for item in items], *brand_sets)
    raw = [0.0] * n  # each item's score from the scorer its route names
    english_raw = [0.0] * n  # a model's rule features: what each scorer says of the text
    indonesian_raw = [0.0] * n
    # texts per scorer and brand-name set, each scored (and prepared) together
    english: dict[tuple[str, ...], list[int]] = {}
    indonesian: dict[tuple[str, ...], list[int]] = {}
    mixed: dict[tuple[str, ...], list[int]] = {}
    for k, (item, (_, scorer)) in enumerate(zip(items, routes, strict=True)):
        brand_names, features = item[1], item[4]
        if scorer == "en" or features:
            english.setdefault(brand_names, []).append(k)
        if scorer == "id" or features:
            indonesian.setdefault(brand_names, []).append(k)
        if scorer == "mixed":
            mixed.setdefault(brand_names, []).append(k)
    for brand_names, chosen in mixed.items():
        compounds = _scorers(brand_names).mixed.polarities([items[k][0] for k in chosen])
        for k, compound in zip(chosen, compounds, strict=True):
            raw[k] = float(compound)
    for brand_names, chosen in indonesian.items():
        scorers = _scorers(brand_names)
        # brand names, links and handles go before the Indonesian scorer
        texts = scorers.english.prepare_for_indonesian_many([items[k][0] for k in chosen])
        for k, text in zip(chosen, texts, strict=True):
            indonesian_raw[k] = float(scorers.indonesian.polarity(text))
            if routes[k][1] == "id":
                raw[k] = indonesian_raw[k]
    for brand_names, chosen in english.items():
        compounds = _scorers(brand_names).english.polarities([items[k][0] for k in chosen])
        for k, compound in zip(chosen, compounds, strict=True):
            english_raw[k] = float(compound)
            if routes[k][1] == "en":
                raw[k] = english_raw[k]
    # every scorer's score goes through the crisis-talk rule (complaints beat praise)
    talk = scan([item[0] for item in items])
    compounds = [round(c, 4) for c in talk.adjust(raw)]
    if not any(item[4] for item in items):
        return [
            (language, compound, _METHODS[scorer], 0.0, 0.0)
            for (language, scorer), compound in zip(routes, compounds, strict=True)
        ]
    english_rule = [round(c, 4) for c in talk.adjust(english_raw)]
    indonesian_rule = [round(c, 4) for c in talk.adjust(indonesian_raw)]
    return [
        (language, compound, _METHODS[scorer], en, idn) if item[4]
        else (language, compound, _METHODS[scorer], 0.0, 0.0)
        for item, (language, scorer), compound, en, idn in zip(
            items, routes, compounds, english_rule, indonesian_rule, strict=True
        )
    ]  # fmt: skip


_METHODS = {"en": METHOD, "id": "id-rules", "mixed": "mixed"}  # scorer -> recorded method
_ENGLISH = ("en", "en")  # the route of a text read as English by the English scorer


def _english_chunk(texts: list[str], brand_names: tuple[str, ...]) -> list[Result]:
    """``score_chunk`` of English texts, one brand-name set, no model features: the common
    bulk case, without the per-item bookkeeping of the general path.

    The English scores are already rounded to 4 places, and the crisis-talk rule only
    flips signs or sets +-0.3, so rounding again would change nothing and is skipped.
    """
    compounds = scan(texts).adjust(_scorers(brand_names).english.polarities(texts))
    return [("en", compound, METHOD, 0.0, 0.0) for compound in compounds]


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
