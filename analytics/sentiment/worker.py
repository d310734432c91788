"""Scoring one text (or a chunk of them) inside a worker process.

Kept apart from ``bulk`` so a worker process imports only the scorers, not polars: worker
start-up time counts against every bulk run. Scorers are built once per process and brand
set; the Indonesian and code-mixed scorers only when a text needs them.
"""

from __future__ import annotations

from analytics.sentiment.crisis_talk import adjust
from analytics.sentiment.english import METHOD, EnglishScorer
from analytics.sentiment.language import detect_language

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


def score_item(item: Item) -> Result:
    """Pick the language and scorer for one text and score it (see ``bulk.score_texts``)."""
    text, brand_names, given, mode, features = item
    scorers = _scorers(brand_names)
    if mode != "auto":
        language, mixed = mode, False
    else:
        guess = detect_language(text)
        language = given or guess.language
        mixed = guess.mixed and language in ("id", "en")
    # brand names, links and handles go before either scorer
    for_indonesian = scorers.english.prepare_for_indonesian
    if mixed:
        compound, method = scorers.mixed.polarity(text), "mixed"
    elif language == "id":
        compound, method = scorers.indonesian.polarity(for_indonesian(text)), "id-rules"
    else:
        # English, and "other": VADER still reads emoji and emoticons in any language
        compound, method = scorers.english.polarity(text), "vader-social"
    # every scorer's score goes through the crisis-talk rule (complaints beat praise)
    compound = round(adjust(text, float(compound)), 4)
    if not features:
        return language, compound, method, 0.0, 0.0
    en = compound if method == "vader-social" else adjust(text, scorers.english.polarity(text))
    idn = (
        compound
        if method == "id-rules"
        else adjust(text, scorers.indonesian.polarity(for_indonesian(text)))
    )
    return language, compound, method, round(float(en), 4), round(float(idn), 4)


def score_chunk(items: list[Item]) -> list[Result]:
    """Score a chunk of items (the unit of work sent to a worker process)."""
    out: list[Result] = []
    for item in items:
        text, brand_names, _, mode, features = item
        if mode == "en" and not features:  # the common bulk case, without the detours
            compound = adjust(text, _scorers(brand_names).english.polarity(text))
            out.append(("en", round(compound, 4), METHOD, 0.0, 0.0))
        else:
            out.append(score_item(item))
    return out


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
