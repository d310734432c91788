"""What the store keeps when rows meet: pure functions over polars frames, no I/O.

* Mentions: key (brand, platform, mention_id); the first stored copy wins, later copies only
  fill its empty fields (``fills_for`` / ``apply_fills``).
* Counts of a mention (likes, shares, reach, ...): the newest capture wins, count by count
  (``count_updates`` / ``apply_counts``); they grow between weekly exports.
* Daily metrics: per (brand, platform, account, date) the newest value of each figure.
* Sentiment: the latest score per mention key.
* Rows the store cannot key are rejected with a reason (``split_unusable``).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    MENTION_SCHEMA,
    REJECTED_SCHEMA,
    UTC_DATETIME,
    conform,
)

MENTION_KEY = ["brand", "platform", "mention_id"]
DAILY_KEY = ["brand", "platform", "account", "date"]
QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    **REJECTED_SCHEMA,
    "brand": pl.Utf8(),
    "ingested_at": UTC_DATETIME,
}
SENTIMENT_COLUMNS = ["sentiment_compound", "sentiment_label", "sentiment_method"]
# the figures a platform keeps counting after a mention is published: a later capture of the
# mention has newer values, so these follow the newest capture instead of the first copy
COUNT_COLUMNS = ["reach", "impressions", "likes", "comments", "shares", "engagement"]
# one row per capture that changed a stored mention's counts (only the changed counts set)
COUNTS_SCHEMA: dict[str, pl.DataType] = {
    **{c: MENTION_SCHEMA[c] for c in MENTION_KEY},
    **{c: MENTION_SCHEMA[c] for c in COUNT_COLUMNS},
    "captured_at": UTC_DATETIME,
    "source_file": pl.Utf8(),
}
# what a later copy of a stored mention may fill in where the stored copy has nothing (the
# key and the provenance columns describe the stored copy and stay as they are; the counts
# have their own rule)
_PROVENANCE = ("id_is_surrogate", "source_tool", "source_file", "source_row", "load_notes")
FILLABLE = [c for c in MENTION_SCHEMA if c not in (*MENTION_KEY, *_PROVENANCE, *COUNT_COLUMNS)]


def merge_notes(notes: list[str], more: Iterable[str]) -> list[str]:
    """Add a batch's loader notes to a file's: "12 ids rounded" + "3 ids rounded" = "15 ...".

    Big files come in batches and each batch reports its own counts; the analyst wants one
    line per kind of repair for the file. Notes without a leading count are kept once.
    """
    merged = list(notes)
    for note in more:
        count, _, rest = note.partition(" ")
        for i, seen in enumerate(merged):
            seen_count, _, seen_rest = seen.partition(" ")
            if count.isdigit() and seen_count.isdigit() and rest == seen_rest:
                merged[i] = f"{int(seen_count) + int(count)} {rest}"
                break
            if seen == note:
                break
        else:
            merged.append(note)
    return merged


def split_unusable(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split mentions into (usable, rejected) by what the store itself needs.

    A mention without platform, mention_id or published_at cannot be deduplicated or placed
    on a timeline; loaders should never emit one, but if they do it is quarantined with a
    reason instead of vanishing.
    """
    key = ["platform", "mention_id", "published_at"]
    problems = [pl.when(pl.col(name).is_null()).then(pl.lit(f"{name} is empty")) for name in key]
    is_bad = pl.any_horizontal(pl.col(key).is_null())
    usable = mentions.filter(~is_bad)
    bad = mentions.filter(is_bad).with_columns(
        _why=pl.concat_str(problems, separator="; ", ignore_nulls=True)
    )
    rejected = bad.select(
        pl.col("source_file"),
        pl.col("source_row"),
        pl.format(
            "{}: the store needs platform, mention_id and published_at to keep a mention",
            pl.col("_why"),
        ).alias("reason"),
        pl.struct(pl.all().exclude("_why").cast(pl.Utf8)).struct.json_encode().alias("raw"),
    )
    return usable, conform(rejected, REJECTED_SCHEMA)


def first_copies(batch: pl.DataFrame) -> pl.DataFrame:
    """The first row of each mention key (on the key columns only: cheaper than unique())."""
    return batch.filter(pl.struct(MENTION_KEY).is_first_distinct())


def may_fill(copies: pl.DataFrame) -> pl.DataFrame:
    """Duplicates worth comparing with their stored copy (``*_stored`` columns joined in).

    A copy from the same file as the stored one has nothing new to say, unless it now flags
    a brand post (the analyst re-ingested with ``--handle``); this skips reading the stored
    rows when a file is simply ingested again.
    """
    return copies.filter(
        (pl.col("source_file") != pl.col("source_file_stored")).fill_null(True)
        | (pl.col("is_brand_post") & ~pl.col("is_brand_post_stored").fill_null(False))
    )


def apply_fills(mentions: pl.LazyFrame, fills: pl.LazyFrame) -> pl.LazyFrame:
    """Fill the gaps of stored mentions from later copies of them (``mention_fills``).

    A value the stored copy has is never changed (the first copy wins); an empty one takes
    the first later copy's value, and ``is_brand_post`` becomes true if any copy came from
    the brand's own channel (an X analytics or Sprout export of a post Brandwatch also had).
    """
    columns = [c for c in FILLABLE if c in mentions.collect_schema().names()]
    firsts = fills.group_by(MENTION_KEY, maintain_order=True).agg(
        pl.col(c).drop_nulls().first() for c in columns
    )
    joined = mentions.join(
        firsts, on=MENTION_KEY, how="left", suffix="_fill", maintain_order="left"
    )
    filled = [
        pl.when(pl.col("is_brand_post_fill")).then(True).otherwise(pl.col(c)).alias(c)
        if c == "is_brand_post"
        else pl.coalesce(c, f"{c}_fill").alias(c)
        for c in columns
    ]
    return joined.with_columns(filled).drop(f"{c}_fill" for c in columns)


def fills_for(copies: pl.DataFrame, stored: pl.DataFrame) -> pl.DataFrame:
    """Fill rows for the stored mentions that later ``copies`` (same key) can complete.

    ``stored`` holds the stored copies with their fills applied, so a fill is written once.
    A fill row has the key, the values it fills (others null) and the copy's provenance.
    """
    columns = [c for c in FILLABLE if c in stored.columns]
    both = copies.join(stored.select(*MENTION_KEY, *columns), on=MENTION_KEY, suffix="_stored")
    values = [
        pl.when(pl.col(c) & ~pl.col(f"{c}_stored").fill_null(False)).then(True).alias(c)
        if c == "is_brand_post"
        else pl.when(pl.col(f"{c}_stored").is_null()).then(pl.col(c)).alias(c)
        for c in columns
    ]
    fills = both.with_columns(values).select(*MENTION_SCHEMA)
    return fills.filter(pl.any_horizontal(pl.col(columns).is_not_null()))


def resolve_counts(captures: pl.LazyFrame) -> pl.LazyFrame:
    """Per mention key and count: the newest non-null value and when it was captured.

    ``captures`` has the key, the counts and ``captured_at``; ties keep the later row (rows
    are in the order they were stored).
    """
    ordered = captures.sort("captured_at", nulls_last=False, maintain_order=True)
    return ordered.group_by(MENTION_KEY, maintain_order=True).agg(
        *(pl.col(c).drop_nulls().last() for c in COUNT_COLUMNS),
        *(
            pl.col("captured_at").filter(pl.col(c).is_not_null()).last().alias(f"{c}_at")
            for c in COUNT_COLUMNS
        ),
    )


def apply_counts(mentions: pl.LazyFrame, counts: pl.LazyFrame) -> pl.LazyFrame:
    """Stored mentions with the counts of their newest captures (``mention_counts``).

    A count row is only written when its capture is newer than the value it replaces
    (``count_updates``), so the newest row with a value wins over the stored copy.
    """
    newest = resolve_counts(counts).select(*MENTION_KEY, *COUNT_COLUMNS)
    joined = mentions.join(newest, on=MENTION_KEY, how="left", suffix="_new", maintain_order="left")
    return joined.with_columns(pl.coalesce(f"{c}_new", c).alias(c) for c in COUNT_COLUMNS).drop(
        f"{c}_new" for c in COUNT_COLUMNS
    )


def count_updates(copies: pl.DataFrame, current: pl.DataFrame) -> pl.DataFrame:
    """COUNTS_SCHEMA rows for the ``copies`` whose counts replace the ``current`` ones.

    ``copies``: later copies of stored mentions with their ``captured_at``; ``current``: the
    stored mentions' counts as ``resolve_counts`` gives them (value and capture time per
    count, a null time when unknown). A copy's count replaces the current one when it is
    set and either nothing is stored or it was captured later and differs; a count the copy
    lacks (null) keeps its value. Copies that change nothing give no row.
    """
    both = copies.join(current, on=MENTION_KEY, how="left", suffix="_current")
    newer = [
        pl.col(c).is_not_null()
        & (
            pl.col(f"{c}_current").is_null()
            | (
                (pl.col("captured_at") > pl.col(f"{c}_at")).fill_null(True)
                & (pl.col(c) != pl.col(f"{c}_current"))
            )
        )
        for c in COUNT_COLUMNS
    ]
    updates = both.with_columns(
        pl.when(replaces).then(pl.col(c)).alias(c)
        for c, replaces in zip(COUNT_COLUMNS, newer, strict=True)
    )
    updates = updates.filter(pl.any_horizontal(pl.col(COUNT_COLUMNS).is_not_null()))
    return conform(updates, COUNTS_SCHEMA)


def attach_sentiment(mentions: pl.LazyFrame, scores: pl.LazyFrame) -> pl.LazyFrame:
    """Mentions plus their latest scores (null when unscored); the detected language fills
    ``language`` where the export gave none."""
    joined = mentions.join(
        resolve_sentiment(scores).rename({"language": "_detected_language"}),
        on=MENTION_KEY,
        how="left",
        maintain_order="left",
    )
    return joined.with_columns(
        pl.coalesce("language", "_detected_language").alias("language")
    ).select([*MENTION_SCHEMA, *SENTIMENT_COLUMNS])


def resolve_daily(daily: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (brand, platform, account, date); per figure the newest value given.

    Rows are in ingest order, so a revised export replaces the figures it restates, while a
    figure it does not carry (Meta writes one metric per file) keeps the older value.
    """
    return (
        daily.group_by(DAILY_KEY, maintain_order=True)
        .agg(pl.col(c).drop_nulls().last() for c in DAILY_METRICS_SCHEMA if c not in DAILY_KEY)
        .select(list(DAILY_METRICS_SCHEMA))
    )


def changed_daily(daily: pl.DataFrame, stored: pl.DataFrame) -> pl.DataFrame:
    """The account-days of ``daily`` that add or change a figure of ``stored`` (both resolved).

    The others (the same figures again) are duplicates.
    """
    not_figures = (*DAILY_KEY, "source_tool", "source_file", "source_row")
    figures = [c for c in DAILY_METRICS_SCHEMA if c not in not_figures]
    both = daily.join(
        stored.with_columns(_stored=pl.lit(True)), on=DAILY_KEY, how="left", suffix="_stored",
        nulls_equal=True, maintain_order="left",
    )  # fmt: skip
    same = pl.col("_stored").is_not_null() & pl.all_horizontal(
        pl.col(c).is_null() | pl.col(c).eq_missing(pl.col(f"{c}_stored")) for c in figures
    )
    return daily.filter(~both.select(same).to_series())


def resolve_sentiment(scores: pl.LazyFrame) -> pl.LazyFrame:
    """Keep the latest score per mention key: parts are in the order they were saved."""
    return scores.unique(subset=MENTION_KEY, keep="last", maintain_order=True)
