"""Signals of coordinated ("buzzer") activity: copy-paste clusters and new/tiny-account bursts.

These are *signals* for an analyst to inspect, not proof: fans do copy a viral sentence, and
a crisis brings many first-time posters. Each signal carries its share of the negative volume
so the report can say how much of the negativity it could explain at most.

* **Copy-paste clusters**: texts are normalised (lower case, no links, no @handles, no
  punctuation); identical texts group directly, near-identical ones are joined through
  MinHash signatures of character 5-shingles with banded locality-sensitive hashing
  (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3), and a
  candidate pair is kept when its estimated Jaccard similarity reaches ``similarity``.
  A cluster is a signal when at least ``min_accounts`` distinct accounts posted it within
  ``within`` *and* those are at least ``min_concentration`` of all the accounts that ever
  posted it: a complaint copied by a hundred people over three days is organic "copas";
  forty accounts posting one script in forty minutes is not. Reposts/retweets are left
  out: sharing the same post is not copy-paste.
* **Account bursts**: per hour, negative mentions by accounts first seen in the data in that
  hour ("new") and by accounts with fewer than ``tiny_followers`` followers ("tiny"),
  against the share such accounts had in the previous 24 hours: a binomial z-score, so a
  crisis that simply brings more people does not flag every hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import numpy as np
import polars as pl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from analytics.measure.responses import customer_mentions
from analytics.progress import progress

REPOST_TYPES = ["repost", "retweet", "share", "reshare"]
BURST_SCHEMA: dict[str, pl.DataType] = {
    "kind": pl.Utf8(),
    "period_start": pl.Datetime("us", "UTC"),
    "negative": pl.UInt32(),
    "from_accounts": pl.UInt32(),
    "expected": pl.Float64(),
    "z": pl.Float64(),
    "accounts": pl.UInt32(),
    "share_of_negative": pl.Float64(),
    "mention_ids": pl.List(pl.Utf8()),
}


def normalised_text() -> pl.Expr:
    """Lower-case text without links, @handles, punctuation or repeated spaces."""
    return (
        pl.col("text")
        .fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"https?://\S+|www\.\S+", " ")
        .str.replace_all(r"@[\p{L}\p{N}_.]+", " ")
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )


def _minhash(
    texts: pl.Series, *, num_perm: int, shingle: int, seed: int, batch: int = 20_000
) -> np.ndarray:
    """MinHash signature matrix (texts x num_perm) of character shingles, vectorised.

    Texts go through in batches so memory stays bounded (a batch's shingle hashes, about
    100 per tweet, are the largest array) whatever the number of texts.
    """
    rng = np.random.default_rng(seed)
    # multiply-shift hashing (Dietzfelbinger et al. 1997): odd multiplier, keep the high bits
    mult = rng.integers(1, 2**63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    add = rng.integers(0, 2**63, num_perm, dtype=np.uint64)
    signature = np.empty((len(texts), num_perm), dtype=np.uint64)
    starts = pl.int_ranges(
        0, (pl.col("text").str.len_chars().cast(pl.Int64) - shingle + 1).clip(lower_bound=1)
    )
    offsets = range(0, len(texts), batch)
    for offset in progress(offsets, total=len(offsets), description="near-duplicate texts"):
        pieces = (
            pl.DataFrame({"text": texts.slice(offset, batch)})
            .with_row_index("doc")
            .with_columns(starts.alias("start"))
            .explode("start")
            .select("doc", pl.col("text").str.slice(pl.col("start"), shingle).hash(seed).alias("h"))
        )  # explode keeps the rows of one text together and in order
        docs = pieces.get_column("doc").to_numpy()
        hashes = pieces.get_column("h").to_numpy()
        bounds = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        rows = slice(offset, offset + len(bounds))
        with np.errstate(over="ignore"):
            for i in range(num_perm):
                permuted = (hashes * mult[i] + add[i]) >> np.uint64(32)
                signature[rows, i] = np.minimum.reduceat(permuted, bounds)
    return signature


_PAIRS_AT_ONCE = 100_000


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by one sort: numpy 2.4 hashes integers in ``np.unique``, about
    17 times slower than sorting for the millions of candidate pairs of a large crisis."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]]


def near_duplicate_groups(
    texts: pl.Series,
    *,
    similarity: float = 0.8,
    num_perm: int = 64,
    bands: int = 16,
    shingle: int = 5,
    seed: int = 1,
) -> np.ndarray:
    """Group label per text: texts joined when their estimated Jaccard >= ``similarity``."""
    n = len(texts)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    signature = _minhash(texts, num_perm=num_perm, shingle=shingle, seed=seed)
    rows = num_perm // bands
    mixers = np.random.default_rng(seed + 1).integers(1, 2**63, rows, dtype=np.uint64) | 1
    left, right = [], []
    with np.errstate(over="ignore"):
        for band in range(bands):
            # one 64-bit key per text and band (a chance collision only adds a candidate,
            # which the similarity check below then rejects)
            keys = (signature[:, band * rows : (band + 1) * rows] * mixers).sum(axis=1)
            _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
            anchor = first[inverse]  # link each text to the first text sharing its band key
            candidate = anchor != np.arange(n)
            left.append(np.arange(n)[candidate])
            right.append(anchor[candidate])
    a, b = np.concatenate(left), np.concatenate(right)
    if len(a):
        pairs = _sorted_unique(a.astype(np.int64) * n + b)
        a, b = pairs // n, pairs % n
        # compared a slice of pairs at a time: millions of candidate pairs (a crisis of
        # templated complaints) would need two (pairs x num_perm) copies of the signatures
        similar = np.empty(len(a), dtype=bool)
        for offset in range(0, len(a), _PAIRS_AT_ONCE):
            part = slice(offset, offset + _PAIRS_AT_ONCE)
            similar[part] = (signature[a[part]] == signature[b[part]]).mean(axis=1) >= similarity
        a, b = a[similar], b[similar]
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _peak_accounts(times: np.ndarray, within: timedelta) -> tuple[int, int]:
    """Most distinct accounts (given their first post times) inside any ``within`` span."""
    order = np.sort(times)
    ends = np.searchsorted(order, order + np.timedelta64(int(within.total_seconds()), "s"), "right")
    counts = ends - np.arange(len(order))
    best = int(np.argmax(counts))
    return int(counts[best]), best


def copy_paste_clusters(
    mentions: pl.DataFrame,
    *,
    min_accounts: int = 5,
    within: timedelta = timedelta(hours=1),
    min_words: int = 5,
    similarity: float = 0.8,
    min_concentration: float = 0.5,
    brand_handles: Sequence[str] = (),
) -> pl.DataFrame:
    """Clusters of identical / near-identical texts posted by many accounts in a short time.

    One row per cluster that reaches ``min_accounts`` distinct accounts within ``within``
    (and ``min_concentration`` of its accounts in that span): kind (identical /
    near-identical), example text, mentions, accounts, peak_accounts (in the busiest span),
    concentration, peak_start, first_post, last_post, negative, share_of_negative (of all
    negative customer mentions given), median_followers, mention_ids.
    """
    customers = customer_mentions(_narrow(mentions, _CLUSTER_COLUMNS), brand_handles)
    negative_total = _negative_total(customers)
    usable = customers.filter(
        ~pl.col("content_type").fill_null("").str.to_lowercase().is_in(REPOST_TYPES)
        & ~pl.col("text").fill_null("").str.starts_with("RT @")
    )
    # each distinct text is normalised once (a crisis repeats its texts many times)
    norms = (
        usable.select("text")
        .unique(maintain_order=True)
        .with_columns(normalised_text().alias("norm"))
        .filter(pl.col("norm").str.count_matches(r"\S+") >= min_words)
    )
    usable = usable.join(norms, on="text", nulls_equal=True, maintain_order="left")
    unique = usable.select("norm").unique(maintain_order=True)
    groups = near_duplicate_groups(unique.get_column("norm"), similarity=similarity)
    labelled = usable.join(unique.with_columns(pl.Series("cluster", groups)), on="norm", how="left")
    label = pl.col("sentiment_label") if "sentiment_label" in labelled.columns else pl.lit(None)
    summary = (
        labelled.group_by("cluster")
        .agg(
            pl.len().alias("mentions"),
            pl.col("author").n_unique().alias("accounts"),
            pl.col("norm").n_unique().alias("variants"),
            pl.col("text").first().alias("example_text"),
            pl.col("published_at").min().alias("first_post"),
            pl.col("published_at").max().alias("last_post"),
            (label == "negative").sum().alias("negative"),
            pl.col("author_followers").median().alias("median_followers"),
            pl.col("mention_id").alias("mention_ids"),
        )
        .filter(pl.col("accounts") >= min_accounts)
    )
    peaks = []
    for cluster in summary.get_column("cluster").to_list():
        firsts = (
            labelled.filter(pl.col("cluster") == cluster)
            .group_by("author")
            .agg(pl.col("published_at").min())
            .get_column("published_at")
            .dt.replace_time_zone(None)
            .to_numpy()
        )
        count, best = _peak_accounts(firsts, within)
        peaks.append((cluster, count, np.sort(firsts)[best].astype("datetime64[us]").item()))
    peak_frame = pl.DataFrame(
        peaks,
        schema={
            "cluster": summary.schema["cluster"],
            "peak_accounts": pl.Int64,
            "peak_start": pl.Datetime("us"),
        },
        orient="row",
    ).with_columns(pl.col("peak_start").dt.replace_time_zone("UTC"))
    return (
        summary.join(peak_frame, on="cluster")
        .with_columns((pl.col("peak_accounts") / pl.col("accounts")).alias("concentration"))
        .filter(
            (pl.col("peak_accounts") >= min_accounts)
            & (pl.col("concentration") >= min_concentration)
        )
        .with_columns(
            pl.when(pl.col("variants") == 1)
            .then(pl.lit("identical"))
            .otherwise(pl.lit("near-identical"))
            .alias("kind"),
            (pl.col("negative") / negative_total if negative_total else pl.lit(None))
            .cast(pl.Float64)
            .alias("share_of_negative"),
        )
        .sort(["peak_accounts", "mentions", "first_post"], descending=[True, True, False])
        .with_row_index("cluster_id", offset=1)
        .drop("cluster", "variants")
    )


# the columns each signal reads (and the brand-post flag): a filter or join of the whole
# frame would copy every other column too
_CLUSTER_COLUMNS = ("mention_id", "published_at", "author", "author_followers", "text",
                    "content_type", "sentiment_label", "is_brand_post")  # fmt: skip
_BURST_COLUMNS = ("mention_id", "published_at", "author", "author_followers",
                  "sentiment_label", "is_brand_post")  # fmt: skip


def _narrow(mentions: pl.DataFrame, columns: Sequence[str]) -> pl.DataFrame:
    """``mentions`` with only ``columns`` (those it has: a missing one fails where it is
    read, as before)."""
    return mentions.select(c for c in columns if c in mentions.columns)


def _negative_total(customers: pl.DataFrame) -> int:
    if "sentiment_label" not in customers.columns:
        return 0
    return customers.filter(pl.col("sentiment_label") == "negative").height


def account_bursts(
    mentions: pl.DataFrame,
    *,
    tiny_followers: int = 100,
    min_mentions: int = 5,
    z_threshold: float = 3.0,
    warmup_hours: int = 24,
    baseline_hours: int = 24,
    min_baseline_negative: int = 20,
    history: pl.DataFrame | None = None,
    brand_handles: Sequence[str] = (),
) -> pl.DataFrame:
    """Hours where new or tiny accounts wrote far more of the negative mentions than usual.

    "Usual" is the share such accounts had of the negative mentions in the previous
    ``baseline_hours`` (when those held at least ``min_baseline_negative`` negatives; else the
    share over the whole frame): the share of first-time authors falls naturally as a
    crisis goes on, so a single global share would flag its whole first day.
    Columns: kind (new accounts / tiny accounts), period_start (UTC hour), negative (all
    negative mentions that hour), from_accounts (those by new/tiny accounts), expected,
    z (binomial), accounts, share_of_negative, mention_ids. "New" means first seen in the
    data: give the mentions before the frame as ``history`` to know earlier authors;
    without it, "new" is only judged after the first ``warmup_hours`` of the frame.
    """
    customers = customer_mentions(_narrow(mentions, _BURST_COLUMNS), brand_handles)
    negative_total = _negative_total(customers)
    if negative_total == 0:
        return pl.DataFrame(schema=BURST_SCHEMA)
    start = customers.get_column("published_at").min()
    known: list[str] = []
    if history is not None and not history.is_empty():
        known = history.get_column("author").drop_nulls().unique().to_list()
        warmup_hours = 0
    flagged = customers.with_columns(
        (
            (pl.col("published_at") == pl.col("published_at").min().over("author"))
            & (pl.col("published_at") >= start + timedelta(hours=warmup_hours))
            & ~pl.col("author").is_in(known).fill_null(False)
        ).alias("new accounts"),
        (pl.col("author_followers") < tiny_followers).fill_null(False).alias("tiny accounts"),
        pl.col("published_at").dt.truncate("1h").alias("period_start"),
    ).filter(pl.col("sentiment_label") == "negative")
    judged = {
        # before the warm-up nobody can be "new": those hours would drag the baseline to 0
        "new accounts": flagged.filter(
            pl.col("published_at") >= start + timedelta(hours=warmup_hours)
        ),
        "tiny accounts": flagged,
    }
    results = [
        _bursts_of(judged[kind], kind, baseline_hours, min_baseline_negative)
        .filter((pl.col("z") >= z_threshold) & (pl.col("from_accounts") >= min_mentions))
        .with_columns(
            pl.lit(kind).alias("kind"),
            (pl.col("from_accounts") / negative_total).alias("share_of_negative"),
        )
        for kind in ("new accounts", "tiny accounts")
    ]
    return (
        pl.concat(results)
        .sort("period_start", "kind")
        .select(
            "kind",
            "period_start",
            "negative",
            "from_accounts",
            "expected",
            "z",
            "accounts",
            "share_of_negative",
            "mention_ids",
        )
    )


def _bursts_of(
    flagged: pl.DataFrame, kind: str, baseline_hours: int, min_baseline_negative: int
) -> pl.DataFrame:
    """Hourly counts of one kind with the expected count from the preceding hours."""
    overall = flagged.get_column(kind).mean() or 0.0
    hourly = (
        flagged.group_by("period_start")
        .agg(
            pl.len().alias("negative"),
            pl.col(kind).sum().alias("from_accounts"),
            pl.col("author").filter(pl.col(kind)).n_unique().alias("accounts"),
            pl.col("mention_id").filter(pl.col(kind)).alias("mention_ids"),
        )
        .sort("period_start")
    )
    previous = hourly.rolling(
        index_column="period_start", period=f"{baseline_hours}h", closed="left"
    ).agg(
        pl.col("negative").sum().alias("previous_negative"),
        pl.col("from_accounts").sum().alias("previous_from"),
    )
    share = (
        pl.when(pl.col("previous_negative") >= min_baseline_negative)
        .then(pl.col("previous_from") / pl.col("previous_negative"))
        .otherwise(pl.lit(overall))
    )
    return (
        hourly.join(previous, on="period_start", how="left")
        .with_columns(pl.col("previous_negative", "previous_from").fill_null(0))
        .with_columns(share.alias("p"))
        .with_columns((pl.col("negative") * pl.col("p")).alias("expected"))
        .with_columns(
            (
                (pl.col("from_accounts") - pl.col("expected"))
                / (pl.col("expected") * (1 - pl.col("p"))).sqrt().clip(lower_bound=1.0)
            ).alias("z")
        )
    )


def coordination_signals(
    mentions: pl.DataFrame,
    *,
    min_accounts: int = 5,
    within: timedelta = timedelta(hours=1),
    tiny_followers: int = 100,
    history: pl.DataFrame | None = None,
    brand_handles: Sequence[str] = (),
    clusters: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """All signals in one table: signal, start, accounts, mentions, negative, share_of_negative,
    detail, mention_ids. Give the crisis window's mentions (shares are of their negatives)
    and, as ``history``, the mentions before it, so "new account" means new to the data.
    ``clusters``: ``copy_paste_clusters`` of the same mentions with the same ``min_accounts``,
    ``within`` and ``brand_handles``, when the caller has them already (a report shows them
    twice); computed here otherwise.
    """
    if clusters is None:
        clusters = copy_paste_clusters(
            mentions, min_accounts=min_accounts, within=within, brand_handles=brand_handles
        )
    bursts = account_bursts(
        mentions, tiny_followers=tiny_followers, history=history, brand_handles=brand_handles
    )
    parts = [
        clusters.select(
            (pl.col("kind") + pl.lit(" copy-paste cluster")).alias("signal"),
            pl.col("peak_start").alias("start"),
            "accounts",
            "mentions",
            "negative",
            "share_of_negative",
            (
                pl.col("peak_accounts").cast(pl.Utf8)
                + pl.lit(' accounts within the span; e.g. "')
                + pl.when(pl.col("example_text").str.len_chars() > 80)
                .then(pl.col("example_text").str.slice(0, 80) + pl.lit("…"))
                .otherwise(pl.col("example_text"))
                + pl.lit('"')
            ).alias("detail"),
            "mention_ids",
        )
    ]
    if not bursts.is_empty():
        parts.append(
            bursts.select(
                (pl.col("kind") + pl.lit(" burst")).alias("signal"),
                pl.col("period_start").alias("start"),
                "accounts",
                pl.col("from_accounts").alias("mentions"),
                pl.col("from_accounts").alias("negative"),
                "share_of_negative",
                pl.format(
                    "{} of {} negative mentions that hour (expected {}; z = {})",
                    "from_accounts",
                    "negative",
                    pl.col("expected").round(1),
                    pl.col("z").round(1),
                ).alias("detail"),
                "mention_ids",
            )
        )
    return pl.concat(parts, how="vertical_relaxed").sort("start")


def coordinated_negative_share(mentions: pl.DataFrame, signals: pl.DataFrame) -> float | None:
    """Share of negative customer mentions that belong to at least one signal (no double count)."""
    negative = customer_mentions(mentions).filter(pl.col("sentiment_label") == "negative")
    if negative.is_empty():
        return None
    flagged = signals.select(pl.col("mention_ids").explode()).to_series().drop_nulls().unique()
    return negative.filter(pl.col("mention_id").is_in(flagged.to_list())).height / negative.height
