"""Terms, hashtags and emoji that rose in the crisis: "fightin' words" log-odds.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation
for Identifying the Content of Political Conflict", *Political Analysis* 16(4), 372-403,
section 3.5: the log-odds ratio of a term between two corpora, smoothed with an
*informative Dirichlet prior* (here: the term's frequency in both periods pooled), divided by
its approximate standard deviation. The resulting z-score ranks a term by how surely it rose,
so a word seen once in the crisis cannot outrank one seen fifty times (a plain ratio of
frequencies would put the rare word first).

Counts are *mentions that use the term* (a post repeating an emoji five times counts once),
so a single spammy post does not dominate. The tokenizer and stopwords are in ``tokens``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import polars as pl

from analytics.errors import AnalysisError
from analytics.measure.responses import customer_mentions
from analytics.measure.tokens import (  # noqa: F401  (re-exported: the term measures' tokenizer)
    SLANG_STOPWORDS,
    TERM_PATTERN,
    count_terms,
    stopwords,
    term_uses,
)


def fightin_words(
    focus: pl.DataFrame, baseline: pl.DataFrame, *, prior_weight: float = 0.5
) -> pl.DataFrame:
    """Log-odds ratio with informative Dirichlet prior for each term, focus vs baseline.

    ``focus`` and ``baseline`` have columns term, kind, count. The prior is the pooled term
    frequency ``pi_w = (focus_w + baseline_w) / N`` with total weight
    ``alpha_0 = prior_weight * min(n_f, n_b)``, ``alpha_w = alpha_0 * pi_w``: scaled to the
    *smaller* corpus, because a crisis has many times the baseline's volume and a prior
    sized on the pooled total would swamp the baseline and shrink every z towards zero.
    ``delta_w = log((y_f + a_w) / (n_f + a_0 - y_f - a_w)) - log((y_b + a_w) / (n_b + a_0 -
    y_b - a_w))``, ``var = 1 / (y_f + a_w) + 1 / (y_b + a_w)``, ``z = delta / sqrt(var)``
    (Monroe et al. 2008, eq. 16 and 19). Positive z: the term rose in the focus period.
    """
    if prior_weight <= 0:
        raise AnalysisError(f"prior_weight must be > 0, got {prior_weight}")
    both = (
        focus.rename({"count": "count_focus"})
        .join(
            baseline.rename({"count": "count_baseline"}),
            on=["term", "kind"],
            how="full",
            coalesce=True,
        )
        .with_columns(pl.col("count_focus", "count_baseline").fill_null(0))
    )
    y_f = both.get_column("count_focus").to_numpy().astype(float)
    y_b = both.get_column("count_baseline").to_numpy().astype(float)
    n_f, n_b = y_f.sum(), y_b.sum()
    if n_f == 0 or n_b == 0:
        raise AnalysisError("fightin' words needs terms in both periods; one of them has none")
    alpha0 = prior_weight * min(n_f, n_b)
    alpha = alpha0 * (y_f + y_b) / (n_f + n_b)
    delta = np.log((y_f + alpha) / (n_f + alpha0 - y_f - alpha)) - np.log(
        (y_b + alpha) / (n_b + alpha0 - y_b - alpha)
    )
    z = delta / np.sqrt(1 / (y_f + alpha) + 1 / (y_b + alpha))
    return both.with_columns(
        (pl.col("count_focus") / n_f).alias("rate_focus"),
        (pl.col("count_baseline") / n_b).alias("rate_baseline"),
        pl.Series("log_odds", delta),
        pl.Series("z", z),
    ).sort("z", descending=True)


def _between(mentions: pl.DataFrame, period: tuple[datetime, datetime]) -> pl.DataFrame:
    start, end = period
    return mentions.filter((pl.col("published_at") >= start) & (pl.col("published_at") < end))


def rising_terms(
    mentions: pl.DataFrame,
    *,
    focus: tuple[datetime, datetime],
    baseline: tuple[datetime, datetime],
    n: int = 20,
    exclude: Sequence[str] = (),
    prior_weight: float = 0.5,
    min_z: float = 1.96,
    brand_handles: Sequence[str] = (),
) -> pl.DataFrame:
    """Terms (words, hashtags, emoji) that rose in ``focus`` vs ``baseline``, strongest first.

    Ranked across kinds by ``z`` with at most ``n`` of each kind, so a burst of emoji cannot
    crowd out the words. Only terms with ``z >= min_z`` (default 1.96, about 95% confidence)
    are listed. Put the brand's own name in ``exclude``: it is everywhere and says nothing
    new.
    """
    # only the columns read here: a filter of the whole frame would copy every column
    used = ["published_at", "text", "is_brand_post", "author"]
    customers = customer_mentions(mentions.select(c for c in used if c in mentions.columns),
                                  brand_handles)  # fmt: skip
    in_focus, in_base = _between(customers, focus), _between(customers, baseline)
    for name, part, period in (("crisis", in_focus, focus), ("baseline", in_base, baseline)):
        if part.is_empty():
            raise AnalysisError(
                f"no customer mentions in the {name} period {period[0]:%Y-%m-%d %H:%M} to "
                f"{period[1]:%Y-%m-%d %H:%M} UTC; rising terms need both periods"
            )
    scores = fightin_words(
        count_terms(in_focus.get_column("text"), exclude=exclude),
        count_terms(in_base.get_column("text"), exclude=exclude),
        prior_weight=prior_weight,
    )
    return (
        scores.filter(pl.col("z") >= min_z)
        .sort(["z", "kind", "term"], descending=[True, False, False])
        .filter(pl.int_range(pl.len()).over("kind") < n)
    )
