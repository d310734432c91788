"""Who drove the conversation: top negative posts, amplifiers and share of voice.

All figures are about customer mentions (the brand's own posts are left out). ``reach`` is a
tool estimate per mention and is not additive across one author's posts, so an author's
reach is the *largest* reach among their posts; the sum is reported separately and named
``potential_reach`` to make the double counting explicit.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError
from analytics.measure.audience import brand_post
from analytics.measure.responses import customer_mentions, require_sentiment

AMPLIFIER_SORT = ("reach", "followers", "posts", "engagement")
# the columns of a top negative post, in the order the table shows them (``copies`` follows)
_POST_COLUMNS = (
    "published_at", "platform", "author", "author_followers", "reach", "engagement", "text",
    "url", "mention_id",
)  # fmt: skip


def _non_empty(mentions: pl.DataFrame, what: str) -> None:
    if mentions.is_empty():
        raise AnalysisError(f"no customer mentions to rank for {what}; check the brand and period")


def headline_key(text: pl.Expr, length: int = 60) -> pl.Expr:
    """A key equal for near-duplicate posts: lower case, links, punctuation and spacing
    removed, first ``length`` characters (a headline reposted with another link or a
    "- Site" suffix keeps its key)."""
    return (
        text.fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"https?://\S+|www\.\S+", " ")
        .str.strip_chars()
        .str.replace(r"\s+[-|–—]\s+[^-|–—]{1,40}$", "")  # a " - Site name" suffix
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
        .str.slice(0, length)
    )


def top_negative_posts(
    mentions: pl.DataFrame,
    *,
    n: int = 10,
    brand_handles: Sequence[str] = (),
    per_author: int | None = 3,
) -> pl.DataFrame:
    """The ``n`` negative customer mentions with the largest reach (engagement breaks ties).

    Near-duplicates (same headline, see :func:`headline_key`) collapse into their widest
    post, with ``copies`` counting them; at most ``per_author`` rows per author, so one news
    site cannot fill the table. Mentions without a reach figure come last rather than being
    dropped.
    """
    require_sentiment(mentions)
    negative = customer_mentions(
        mentions.lazy()
        .filter(pl.col("sentiment_label") == "negative")
        .select(*_POST_COLUMNS, "is_brand_post"),
        brand_handles,
    )
    # ranked on a narrow frame (row numbers, sort keys, headline keys): only the rows shown
    # are gathered with their texts, so a week of a million mentions is not copied in full
    ranked = (
        negative.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"),
            "reach",
            "engagement",
            "published_at",
            "author",
            "mention_id",
            _key=headline_key(pl.col("text")),
        )
        .sort(
            ["reach", "engagement", "published_at"], descending=[True, True, False], nulls_last=True
        )
        # a post without words is its own group: only texts can be near-duplicates
        .with_columns(
            _key=pl.when(pl.col("_key") == "")
            .then(pl.lit("id:") + pl.col("mention_id"))
            .otherwise(pl.col("_key"))
        )
        .with_columns(copies=pl.len().over("_key").cast(pl.Int64))
        .unique("_key", keep="first", maintain_order=True)
    )
    if per_author is not None:
        ranked = ranked.filter(pl.int_range(pl.len()).over("author") < per_author)
    ranked = ranked.head(n)
    shown = negative[ranked.get_column("_row")].select(_POST_COLUMNS)
    return shown.with_columns(ranked.get_column("copies"))


def top_amplifiers(
    mentions: pl.DataFrame,
    *,
    n: int = 15,
    by: str = "reach",
    brand_handles: Sequence[str] = (),
) -> pl.DataFrame:
    """Authors ranked by ``by`` (reach, followers, posts or engagement), with their stance.

    ``stance`` is "negative" when at least half of the author's scored posts are negative,
    "positive" when at least half are positive, "mixed" otherwise, and "unscored" when none
    was scored. One row per (platform, author): a handle on X and one on TikTok are not
    known to be the same person.
    """
    if by not in AMPLIFIER_SORT:
        raise AnalysisError(f"cannot rank amplifiers by '{by}'; expected one of {AMPLIFIER_SORT}")
    require_sentiment(mentions)
    # only the columns the table counts are copied, not the whole frame with its texts
    used = ["platform", "author", "reach", "author_followers", "engagement", "sentiment_label",
            "published_at", "is_brand_post"]  # fmt: skip
    customers = customer_mentions(
        mentions.lazy().select(used).filter(pl.col("author").is_not_null()), brand_handles
    )
    _non_empty(customers, "amplifiers")
    label = pl.col("sentiment_label")
    table = (
        customers.group_by("platform", "author")
        .agg(
            pl.len().alias("posts"),
            pl.col("reach").max().alias("reach"),
            pl.col("reach").sum().alias("potential_reach"),
            pl.col("author_followers").max().alias("followers"),
            pl.col("engagement").sum().alias("engagement"),
            label.is_not_null().sum().alias("scored"),
            (label == "negative").sum().alias("negative"),
            (label == "positive").sum().alias("positive"),
            pl.col("published_at").min().alias("first_post"),
        )
        .with_columns(
            (pl.col("negative") / pl.col("scored")).alias("negative_share"),
            (pl.col("positive") / pl.col("scored")).alias("positive_share"),
        )
        .with_columns(
            pl.when(pl.col("scored") == 0)
            .then(pl.lit("unscored"))
            .when(pl.col("negative_share") >= 0.5)
            .then(pl.lit("negative"))
            .when(pl.col("positive_share") >= 0.5)
            .then(pl.lit("positive"))
            .otherwise(pl.lit("mixed"))
            .alias("stance")
        )
    )
    return table.sort(
        [by, "posts", "author"], descending=[True, True, False], nulls_last=True
    ).head(n)


def share_of_voice(
    mentions_all_brands: pl.DataFrame | pl.LazyFrame,
    *,
    every: str = "1d",
    tz: str = DEFAULT_TZ,
    brand_handles: Sequence[str] = (),
) -> pl.DataFrame:
    """Mentions per brand per period and each brand's share, overall and of negative mentions.

    ``share`` = brand's mentions / all brands' mentions in the period;
    ``negative_share_of_voice`` = brand's negative mentions / all brands' negative mentions;
    ``negative_share`` = brand's negative / brand's scored mentions. Periods start at
    midnight (or the hour) in ``tz``.

    Given a lazy store read, only the per-period counts are collected (streaming), so a
    competitor with millions of mentions costs no more memory than a small one.
    """
    require_sentiment(mentions_all_brands)
    counts = (
        mentions_all_brands.lazy()
        .filter(~brand_post(brand_handles) & pl.col("brand").is_not_null())
        .with_columns(
            pl.col("published_at").dt.convert_time_zone(tz).dt.truncate(every).alias("period_start")
        )
        .group_by("period_start", "brand")
        .agg(
            pl.len().alias("mentions"),
            (pl.col("sentiment_label") == "negative").sum().alias("negative"),
            pl.col("sentiment_label").is_not_null().sum().alias("scored"),
        )
        .collect(engine="streaming")
    )
    brands = counts.get_column("brand").unique().sort().to_list()
    if len(brands) < 2:
        found = f"only '{brands[0]}'" if brands else "no brand at all"
        raise AnalysisError(
            f"share of voice needs mentions of at least two brands; found {found}. "
            "Ingest a competitor's export too (crisis-analytics ingest FILE --brand COMPETITOR)"
        )
    # a brand with no mention in a period has 0 there, not a missing row
    grid = counts.select("period_start").unique().join(pl.DataFrame({"brand": brands}), how="cross")
    full = grid.join(counts, on=["period_start", "brand"], how="left").with_columns(
        pl.col("mentions", "negative", "scored").fill_null(0)
    )
    period_total = pl.col("mentions").sum().over("period_start")
    period_negative = pl.col("negative").sum().over("period_start")
    return full.with_columns(
        (pl.col("mentions") / period_total).alias("share"),
        pl.when(period_negative > 0)
        .then(pl.col("negative") / period_negative)
        .alias("negative_share_of_voice"),
        pl.when(pl.col("scored") > 0)
        .then(pl.col("negative") / pl.col("scored"))
        .alias("negative_share"),
    ).sort("period_start", "brand")
