"""What each episode was about: the terms that set its mentions apart from the rest.

An episode's terms are ranked with the "fightin' words" log-odds z-score
(``analytics.measure.terms.fightin_words``): the episode's customer mentions against every
customer mention outside all episodes. The top few show an analyst what a spike was about,
so a false alarm (a keyword collection that also caught a namesake) is told from a second
wave of the crisis.

The episode's crisis *vocabulary*, which the brand's posts are compared with to find its
responses, is wider: the rising terms (z >= ``min_z``) plus the terms used by at least
``min_share`` (2%) of the episode's mentions that are not more typical of the rest of the
data (z >= 0). The second part matters when the data is mostly the crisis itself (an
export of the crisis weeks): its central words ("haiti", "asbestos") are then everywhere and
do not *rise*, yet a brand post using them is about the crisis.

Two more readings serve the brand's responses:

* **associated terms**: the terms the public puts *next to* the episode's rising terms (what
  sets the crisis apart, not its merely common words) while the brand can still answer
  (from the onset to ``answer_until``): in at least ``MIN_COOCCURRENCE`` mentions that also
  use a rising term, in at least half of the mentions that use them at all, and more often
  than a mention of that span does on average (a lift above 1: in data that is mostly the
  crisis, every word sits next to it by chance). A crisis moves on (the CEO's TV
  interview, a culture review), and the public says so in the same breath as the crisis
  ("CEO Gorsky denies asbestos claims"), so the brand's post about that development is
  tied to the crisis through the public's own words even when it names none of the first
  days' terms;
* **about the brand** (``about_brand``): a keyword collection also catches namesakes (a
  politician, a plaintiff who shares the brand's name). An episode whose mentions name the
  brand (its name as a phrase or one of its handles) at less than ``OFF_TOPIC_RATIO`` (half)
  the rate of the rest of the data is about something else: it is listed (an analyst sees
  it) but it is not the headline, and the brand's posts during it answer no crisis of the
  brand. A crisis of the brand keeps or raises that rate; with no outside data, or no
  mention naming the brand outside, it cannot be judged (None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import polars as pl

from analytics.measure.crisis.window import CrisisWindow
from analytics.measure.responses import customer_mentions
from analytics.measure.terms import count_terms, fightin_words, term_uses
from analytics.measure.timeline import mentions_frame

# enough texts for stable term ranks; a store of millions is sampled, not read whole
MAX_TEXTS = 50_000
VOCABULARY_SIZE = 100
# a term is associated with the crisis when the public uses it together with the crisis
# vocabulary in at least two mentions (one could be chance) and in at least half of its uses
MIN_COOCCURRENCE = 2
MIN_COOCCURRENCE_SHARE = 0.5
# an episode naming the brand at less than half the rate of the rest of the data is about a
# namesake; the rates are only compared when both sides have this many mentions
OFF_TOPIC_RATIO = 0.5
MIN_MENTIONS_FOR_TOPIC = 20


def episode_terms(
    mentions: pl.DataFrame | pl.LazyFrame,
    windows: Sequence[CrisisWindow],
    *,
    n: int = 8,
    min_z: float = 1.96,
    min_share: float = 0.02,
    exclude: Sequence[str] = (),
    brand_handles: Sequence[str] = (),
    names: Sequence[str] = (),
) -> None:
    """Set ``top_terms`` (the ``n`` surest risers), ``vocabulary`` (see the module
    docstring; at most 100 terms), ``associated`` and ``about_brand`` on each window.
    Put the brand's own name in ``exclude``; ``names`` (the brand's full names, e.g.
    "Johnson & Johnson") and ``brand_handles`` tell a mention that names the brand.

    Mentions without a ``text`` column leave them empty.
    """
    lazy = mentions.lazy() if isinstance(mentions, pl.DataFrame) else mentions
    if "text" not in lazy.collect_schema().names() or not windows:
        return
    lazy = mentions_frame(lazy, include_brand_posts=True)
    if "author" not in lazy.collect_schema().names():
        lazy = lazy.with_columns(author=pl.lit(None, dtype=pl.Utf8))
    frame = customer_mentions(
        lazy.select("published_at", "text", "author", "is_brand_post").collect(), brand_handles
    )
    data_end = frame.get_column("published_at").max()
    spans = [(w.onset, w.end or data_end) for w in windows if w.onset is not None]
    outside = frame
    for start, stop in spans:
        outside = outside.filter(~_inside(start, stop))
    base = _counts(outside, exclude)
    anchors: dict[int, list[str]] = {}
    for window, (start, stop) in zip(windows, spans, strict=False):
        inside = frame.filter(_inside(start, stop))
        focus = _counts(inside, exclude)
        if focus.is_empty():
            continue
        common = pl.col("count_focus") >= max(2.0, min_share * min(inside.height, MAX_TEXTS))
        if base.is_empty():
            ranked = focus.rename({"count": "count_focus"}).sort(
                ["count_focus", "term"], descending=[True, False]
            )
            window.top_terms = ranked.get_column("term").head(n).to_list()
            window.vocabulary = ranked.filter(common).get_column("term").head(VOCABULARY_SIZE)
            window.vocabulary = window.vocabulary.to_list()
            anchors[id(window)] = window.vocabulary
            continue
        with np.errstate(divide="ignore", invalid="ignore"):  # tiny corpora: NaN z, left out
            scores = fightin_words(focus, base)
        scores = scores.filter(pl.col("z").is_not_nan())  # polars orders NaN above every z
        rising = scores.filter((pl.col("z") >= min_z) & (pl.col("count_focus") >= 2))
        window.top_terms = rising.get_column("term").head(n).to_list()
        risen = rising.get_column("term").implode()
        central = scores.filter(common & (pl.col("z") >= 0) & ~pl.col("term").is_in(risen))
        central = central.sort("count_focus", descending=True).get_column("term").to_list()
        window.vocabulary = (rising.get_column("term").to_list() + central)[:VOCABULARY_SIZE]
        anchors[id(window)] = rising.get_column("term").to_list()
    for window, (start, stop) in zip(windows, spans, strict=False):
        span = frame.filter(_inside(start, window.answer_until or data_end + _SECOND))
        window.associated = associated_terms(
            span.get_column("text"),
            anchors.get(id(window), []),
            exclude,
            known=window.vocabulary,
        )
        window.about_brand = _about_brand(frame, _inside(start, stop), [*names, *brand_handles])


_SECOND = timedelta(seconds=1)


def associated_terms(
    texts: pl.Series,
    vocabulary: Sequence[str],
    exclude: Sequence[str] = (),
    known: Sequence[str] = (),
) -> list[str]:
    """Terms of ``texts`` (the public's mentions while the brand can answer) that are used
    together with a term of ``vocabulary`` (the anchors: the episode's rising terms) in at
    least ``MIN_COOCCURRENCE`` mentions, in at least ``MIN_COOCCURRENCE_SHARE`` of the
    mentions using them and in a larger share of them than of all ``texts``; most used
    first. Terms of ``known`` (the whole vocabulary) are not listed again."""
    if not vocabulary or texts.is_empty():
        return []
    if texts.len() > MAX_TEXTS:
        texts = texts.sample(MAX_TEXTS, seed=0)
    uses = term_uses(texts, exclude=exclude)
    anchored = uses.filter(pl.col("term").is_in(list(vocabulary))).get_column("doc").unique()
    known = set(vocabulary) | set(known)
    # more often with the crisis than a mention of the span is on average (lift above 1)
    base_share = anchored.len() / texts.len()
    # flag the anchored uses before grouping: the test inside the group-by held about
    # 2.8 GB for a crisis of 1M mentions (50,000 texts sampled)
    counts = (
        uses.filter(~pl.col("term").is_in(list(known)))
        .with_columns(pl.col("doc").is_in(anchored.implode()).alias("anchored"))
        .group_by("term")
        .agg(pl.len().alias("uses"), pl.col("anchored").sum().alias("together"))
        .filter(
            (pl.col("together") >= MIN_COOCCURRENCE)
            & (pl.col("together") >= MIN_COOCCURRENCE_SHARE * pl.col("uses"))
            & (pl.col("together") > base_share * pl.col("uses"))
        )
        .sort(["together", "term"], descending=[True, False])
    )
    return counts.get_column("term").to_list()


def naming_pattern(names: Sequence[str]) -> str | None:
    """A regular expression for a mention that names the brand: a name as a phrase ("&",
    "&amp;" and "and" alike, any spacing), a handle as a word (with or without @/#), or
    a hashtag that holds the name written together ("#BoycottNike", "#HandM")."""
    forms, joined = [], []
    for name in names:
        words = [w for w in re.split(r"\s*&\s*|\s+and\s+|\s+", name.lower()) if w]
        if words:
            forms.append(r"\s*(?:&amp;|&|and|\s)\s*".join(re.escape(w) for w in words))
            joined.append(re.escape("".join(words)))
    if not forms:
        return None
    named = r"(?:^|[^\w])[@#]?(?:" + "|".join(forms) + r")(?:$|[^\w])"
    return r"(?i)" + named + r"|#\w*(?:" + "|".join(joined) + r")\w*"


def _about_brand(frame: pl.DataFrame, inside: pl.Expr, names: Sequence[str]) -> bool | None:
    """False when the episode names the brand at less than ``OFF_TOPIC_RATIO`` of the rate
    of the rest of the data; None when that cannot be judged."""
    pattern = naming_pattern(names)
    if pattern is None:
        return None
    named = frame.select(inside.alias("inside"), pl.col("text").str.contains(pattern).alias("n"))
    rates = named.group_by("inside").agg(pl.len().alias("mentions"), pl.col("n").mean())
    by_side = {row["inside"]: row for row in rates.iter_rows(named=True)}
    episode, rest = by_side.get(True), by_side.get(False)
    if episode is None or rest is None:
        return None
    if min(episode["mentions"], rest["mentions"]) < MIN_MENTIONS_FOR_TOPIC or not rest["n"]:
        return None
    return bool(episode["n"] >= OFF_TOPIC_RATIO * rest["n"])


def _inside(start: datetime, stop: datetime) -> pl.Expr:
    return (pl.col("published_at") >= start) & (pl.col("published_at") < stop)


def _counts(part: pl.DataFrame, exclude: Sequence[str]) -> pl.DataFrame:
    if part.height > MAX_TEXTS:
        part = part.sample(MAX_TEXTS, seed=0)
    return count_terms(part.get_column("text"), exclude=exclude)
