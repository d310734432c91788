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
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import polars as pl

from analytics.measure.crisis.window import CrisisWindow
from analytics.measure.responses import customer_mentions
from analytics.measure.terms import count_terms, fightin_words
from analytics.measure.timeline import mentions_frame

# enough texts for stable term ranks; a store of millions is sampled, not read whole
MAX_TEXTS = 50_000
VOCABULARY_SIZE = 100


def episode_terms(
    mentions: pl.DataFrame | pl.LazyFrame,
    windows: Sequence[CrisisWindow],
    *,
    n: int = 8,
    min_z: float = 1.96,
    min_share: float = 0.02,
    exclude: Sequence[str] = (),
    brand_handles: Sequence[str] = (),
) -> None:
    """Set ``top_terms`` (the ``n`` surest risers) and ``vocabulary`` (see the module
    docstring; at most 100 terms) on each window. Put the brand's own name in ``exclude``.

    Mentions without a ``text`` column leave both empty.
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


def _inside(start: datetime, stop: datetime) -> pl.Expr:
    return (pl.col("published_at") >= start) & (pl.col("published_at") < stop)


def _counts(part: pl.DataFrame, exclude: Sequence[str]) -> pl.DataFrame:
    if part.height > MAX_TEXTS:
        part = part.sample(MAX_TEXTS, seed=0)
    return count_terms(part.get_column("text"), exclude=exclude)
