"""The brand's responses in a crisis, read from its own posts: what each one is, and why.

Every post of the brand's accounts from an episode's onset until the next episode's onset
(or the end of the data) is a candidate: statements often come after the volume has settled,
so the end of the spike does not end the brand's answer to it. Replies to customers are
customer care (measured by the reply rate), not candidates.

Each candidate is read on two axes (no fixed list of crisis words decides it alone):

1. **relation to the crisis** (``CrisisTopic``, from ``crisis/topics.py``): the post's terms
   that are in the episode's crisis vocabulary (the terms that set the episode's customer
   mentions apart from the rest of the data), or at least ``MIN_ASSOCIATED`` (two) of the
   terms the public uses *together with* that vocabulary while the brand can answer (the
   CEO's interview about the crisis, the culture review that followed it: one shared word
   could be chance, two are a relation). A post with neither is off-topic: **routine** (a
   campaign, a CEO's trip), however it is worded; so is every post during an episode that is
   not about the brand (a namesake's spike); the exceptions are an apology and a holding
   statement, which answer the crisis without naming it ("We are so sorry", "we are looking
   into it"), and a post admitting a wrong;
2. **what it does** (``speech_acts``): apology, compensation, corrective action,
   justification, clarification, denial, holding statement, from the construction that
   performs the act, plus two structural denial tests: a first-person-plural subject
   followed by a negation ("we have not and would not ..."), and a negated verb right before
   a term of the crisis ("does not contain asbestos"). When several acts are present the
   first of ``PRIORITY`` is the kind (an apology that also announces a fix is an apology);
   an on-topic post with no act is a **clarification** (the brand states its position).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from analytics.measure.speech_acts import (
    NEGATED_VERB,
    PLURAL_NEGATION,
    ResponseKind,
    admits_wrong,
    speech_acts,
)
from analytics.measure.tokens import term_uses

PRIORITY = (
    ResponseKind.APOLOGY,
    ResponseKind.COMPENSATION,
    ResponseKind.CORRECTIVE,
    ResponseKind.JUSTIFICATION,
    ResponseKind.CLARIFICATION,
    ResponseKind.DENIAL,
    ResponseKind.HOLDING,
)
# acts that answer a crisis without naming it
STANDALONE = frozenset({ResponseKind.APOLOGY, ResponseKind.HOLDING})
# words after a negated verb searched for a crisis term
_NEGATION_REACH = 4
# associated terms a post must share to be on the crisis's topic without a vocabulary term
MIN_ASSOCIATED = 2
# A word among the few hundred most frequent of general language (Zipf frequency >= 5.5,
# i.e. >= 316 per million words, in any of the languages read: "know", "people", "today")
# is in every conversation: sharing it says nothing about which crisis a post is about.
GENERIC_ZIPF = 5.5
TOPIC_LANGUAGES = ("en", "id", "es")

CANDIDATE_SCHEMA = {
    "episode": pl.Int64,
    "time": pl.Datetime("us", "UTC"),
    "author": pl.Utf8,
    "channel": pl.Utf8,
    "text": pl.Utf8,
    "kind": pl.Utf8,
    "is_response": pl.Boolean,
    "after_end": pl.Boolean,
    "crisis_terms": pl.Utf8,
    "evidence": pl.Utf8,
}


@dataclass(frozen=True)
class CrisisTopic:
    """What an episode was about, as the brand's posts are compared with it: its crisis
    vocabulary, the terms the public associated with it, and whether it is about the brand
    (False for a namesake's spike: no post answers it by topic)."""

    vocabulary: tuple[str, ...]
    associated: tuple[str, ...] = ()
    about_brand: bool = True


@dataclass(frozen=True)
class PostReading:
    """What one brand post is: its kind, the crisis terms it shares, the words that did it."""

    kind: ResponseKind | None  # None: no act and no crisis vocabulary to judge the topic by
    crisis_terms: tuple[str, ...]
    evidence: tuple[str, ...]


def read_post(
    text: str | None,
    vocabulary: Collection[str] | CrisisTopic | None,
    terms: Collection[str] | None = None,
) -> PostReading:
    """Read one post. ``vocabulary``: the episode's ``CrisisTopic`` or just its crisis
    vocabulary (None or empty when unknown: then a post with no speech act gets no kind
    rather than "routine"). ``terms``: the post's own terms (``term_uses``), when already
    computed."""
    topic = vocabulary if isinstance(vocabulary, CrisisTopic) else None
    words = topic.vocabulary if topic is not None else vocabulary
    judged = bool(words) or (topic is not None and not topic.about_brand)
    acts = speech_acts(text or "")
    vocab = set(words or ())
    shared: tuple[str, ...] = ()
    if judged:
        if terms is None:
            terms = term_uses(pl.Series([text or ""])).get_column("term").to_list()
        # the words that perform an act ("our statement", "sorry") say what the post does,
        # not what it is about: every crisis conversation has them
        performing = {w for found in acts.values() for hit in found for w in hit.split()}
        terms = [t for t in terms if not is_generic(t) and t not in performing]
        shared = tuple(sorted(t for t in terms if t in vocab))
        linked = tuple(sorted(t for t in terms if topic and t in set(topic.associated)))
        if len(linked) >= MIN_ASSOCIATED:
            shared = shared + linked
        if topic is not None and not topic.about_brand:
            shared = ()  # a namesake's spike: nothing the brand says is on its topic
    denial = _structural_denial((text or "").lower().replace("’", "'"), vocab)
    if denial:
        acts.setdefault(ResponseKind.DENIAL, []).append(denial)
    admission = admits_wrong(text or "")
    on_topic = bool(shared) or not judged or admission is not None
    if not on_topic and not STANDALONE & set(acts):
        return PostReading(ResponseKind.ROUTINE, shared, ())
    extra = (admission,) if admission else ()
    for kind in PRIORITY:
        if kind in acts:
            return PostReading(kind, shared, tuple(acts[kind]) + extra)
    if not judged:
        return PostReading(None, shared, ())
    return PostReading(ResponseKind.CLARIFICATION, shared, extra)


@functools.cache
def is_generic(term: str) -> bool:
    """True for a word of general language too common to tie a post to a crisis
    (``GENERIC_ZIPF``; word frequencies from the ``wordfreq`` package)."""
    from wordfreq import zipf_frequency  # noqa: PLC0415  (loads its tables on first use)

    if term.startswith("#") or not term.isalpha():
        return False
    return max(zipf_frequency(term, lang) for lang in TOPIC_LANGUAGES) >= GENERIC_ZIPF


def _structural_denial(lowered: str, vocabulary: set[str]) -> str | None:
    """ "we have not", or a negated verb with a crisis term within a few words after it."""
    plural = PLURAL_NEGATION.search(lowered)
    if plural:
        return plural.group(0)
    for match in NEGATED_VERB.finditer(lowered):
        after = re.findall(r"[\w#]+", lowered[match.end() :])[:_NEGATION_REACH]
        hit = next((w for w in after if w in vocabulary), None)
        if hit:
            return f"{match.group(0)} ... {hit}"
    return None


def crisis_responses(
    posts: pl.DataFrame,
    windows: Sequence,
    *,
    data_end: datetime,
    exclude: Sequence[str] = (),
) -> pl.DataFrame:
    """Every brand post of each episode, read (columns: ``CANDIDATE_SCHEMA``).

    ``posts``: the brand's public posts (``published_at``, ``text``, optional ``author``,
    ``platform``), e.g. ``events.public_brand_posts``. ``windows``: the episodes
    (``CrisisWindow`` with its ``topic`` set by ``episode_terms``), oldest first.
    ``exclude``: the brand's own names, never counted as crisis terms.
    """
    ordered = sorted((w for w in windows if w.onset is not None), key=lambda w: w.onset)
    if posts.is_empty() or not ordered:
        return pl.DataFrame(schema=CANDIDATE_SCHEMA)
    for column in ("author", "platform", "text"):
        if column not in posts.columns:
            posts = posts.with_columns(pl.lit(None, dtype=pl.Utf8).alias(column))
    posts = posts.sort("published_at")
    terms_of = _terms(posts.get_column("text"), exclude)
    rows = []
    for k, window in enumerate(ordered):
        stop = ordered[k + 1].onset if k + 1 < len(ordered) else data_end
        own = {e.lower() for e in exclude}
        topic = getattr(window, "topic", None) or CrisisTopic(tuple(window.vocabulary))
        topic = CrisisTopic(
            tuple(t for t in topic.vocabulary if t not in own),
            tuple(t for t in topic.associated if t not in own),
            topic.about_brand,
        )
        for index, post in enumerate(posts.iter_rows(named=True)):
            at = post["published_at"]
            if not window.onset <= at <= stop:
                continue
            reading = read_post(post["text"], topic, terms_of.get(index, []))
            rows.append(
                {
                    "episode": window.number,
                    "time": at,
                    "author": post["author"],
                    "channel": post["platform"],
                    "text": post["text"],
                    "kind": str(reading.kind),
                    "is_response": reading.kind is not ResponseKind.ROUTINE,
                    "after_end": window.end is not None and at >= window.end,
                    "crisis_terms": ", ".join(reading.crisis_terms) or None,
                    "evidence": "; ".join(reading.evidence) or None,
                }
            )
    return pl.DataFrame(rows, schema=CANDIDATE_SCHEMA)


def _terms(texts: pl.Series, exclude: Sequence[str]) -> dict[int, list[str]]:
    """Each text's distinct terms, by row index (the tokenizer of the crisis vocabulary)."""
    uses = term_uses(texts, exclude=exclude)
    grouped = uses.group_by("doc").agg(pl.col("term"))
    return {doc: terms for doc, terms in grouped.iter_rows()}
