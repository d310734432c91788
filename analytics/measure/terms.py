"""Terms, hashtags and emoji that rose in the crisis: "fightin' words" log-odds.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation
for Identifying the Content of Political Conflict", *Political Analysis* 16(4), 372-403,
section 3.5: the log-odds ratio of a term between two corpora, smoothed with an
*informative Dirichlet prior* (here: the term's frequency in both periods pooled), divided by
its approximate standard deviation. The resulting z-score ranks a term by how surely it rose,
so a word seen once in the crisis cannot outrank one seen fifty times (a plain ratio of
frequencies would put the rare word first).

Counts are *mentions that use the term* (a post repeating an emoji five times counts once),
so a single spammy post does not dominate. Stopwords: scikit-learn's English list, the
Indonesian list shipped with the asronlp package and informal Indonesian function words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import datetime
from importlib.metadata import PackageNotFoundError, distribution

import numpy as np
import polars as pl

from analytics.errors import AnalysisError
from analytics.measure.responses import customer_mentions

# Informal function words common on Indonesian social media (abbreviations and particles)
# that the formal stopword list does not have.
_SLANG_TEXT = """yg yang gak ga gk nggak ngga enggak engga tdk aja ajah sih dong deh kok nih tuh tu
    udah udh sdh dah dgn dg utk krn karna jg juga lg lagi trs terus emang emg gue gw gua lo
    lu loe elo aku ak km kamu kita kami mereka ya yah yaa kan lah pun dll dst nya si sama
    ama sm tp tapi tpi kalo klo kl bgt banget aj bkn bukan blm belum mau mo pd pada dr
    dari ke di ini itu tsb skrg sekarang gmn gimana knp kenapa org orang wkwk wkwkwk haha
    hehe amp rt via"""
SLANG_STOPWORDS = frozenset(_SLANG_TEXT.split())

TERM_PATTERN = r"#[\p{L}\p{N}_]+|\p{Extended_Pictographic}|[\p{L}\p{N}_]+"


@functools.cache
def stopwords() -> frozenset[str]:
    """English + Indonesian + informal Indonesian stopwords, lower-case."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS) | SLANG_STOPWORDS
    try:
        # read the data file without importing asro_nlp (its import pulls in heavy modules)
        path = distribution("asronlp").locate_file("asro_nlp/data/stopwords.txt")
        words |= set(open(path, encoding="utf-8").read().split())  # noqa: SIM115
    except (PackageNotFoundError, FileNotFoundError):  # pragma: no cover - dependency missing
        pass
    return frozenset(w.lower() for w in words)


def term_uses(texts: pl.Series, *, exclude: Iterable[str] = ()) -> pl.DataFrame:
    """One row per (text index, distinct term) with the term's kind (word/hashtag/emoji)."""
    skip = stopwords() | {w.lower().lstrip("#@") for w in exclude}
    frame = pl.DataFrame({"text": texts.cast(pl.Utf8)}).with_row_index("doc")
    cleaned = (
        pl.col("text")
        .fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"https?://\S+|www\.\S+", " ")
        .str.replace_all(r"@[\p{L}\p{N}_.]+", " ")
    )
    uses = (
        frame.select("doc", cleaned.str.extract_all(TERM_PATTERN).alias("term"))
        .explode("term")
        .drop_nulls("term")
        .unique(["doc", "term"])
        .with_columns(
            pl.when(pl.col("term").str.starts_with("#"))
            .then(pl.lit("hashtag"))
            .when(pl.col("term").str.contains(r"^\p{Extended_Pictographic}$"))
            .then(pl.lit("emoji"))
            .otherwise(pl.lit("word"))
            .alias("kind")
        )
    )
    keep = (pl.col("kind") != "word") | (
        (pl.col("term").str.len_chars() >= 2)
        & ~pl.col("term").str.contains(r"^[\p{N}_]+$")
        & ~pl.col("term").is_in(list(skip))
    )
    return uses.filter(keep & ~pl.col("term").str.strip_prefix("#").is_in(list(skip)))


def count_terms(texts: pl.Series, *, exclude: Iterable[str] = ()) -> pl.DataFrame:
    """term, kind, count (number of texts using the term), most used first."""
    return (
        term_uses(texts, exclude=exclude)
        .group_by("term", "kind")
        .agg(pl.len().alias("count"))
        .sort(["count", "term"], descending=[True, False])
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
    customers = customer_mentions(mentions, brand_handles)
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
