"""The store stays readable by the engines users outgrow polars with: DuckDB (embedded here;
Spark reads the same files the same way, see docs/store.md).

The rule an outside engine must follow is the manifest's: read the live parts it lists,
never a folder glob, and for sentiment keep the score of the latest part per mention. The
store below holds two brands from the Brandwatch fixtures (tests/data/store/, see
tests/test_cli_ingest.py), scores saved twice (the second run must win) and a stray part
file a crashed writer could have left, which only a glob would count.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from analytics.sentiment.bulk import score_store
from analytics.store import Store

duckdb = pytest.importorskip("duckdb")

DATA = Path(__file__).parent / "data" / "store"

# The query of docs/store.md: mentions per brand and UTC day with their latest labels.
PER_BRAND_DAY = """
WITH mentions AS (
    SELECT * FROM read_parquet($mention_parts, union_by_name = true)
),
scores AS (
    SELECT s.*, parts.position
    FROM read_parquet($sentiment_parts, union_by_name = true, filename = true) AS s
    JOIN (SELECT unnest($sentiment_parts) AS filename,
                 generate_subscripts($sentiment_parts, 1) AS position) AS parts
    USING (filename)
    QUALIFY row_number() OVER (
        PARTITION BY brand, platform, mention_id ORDER BY position DESC) = 1
)
SELECT m.brand, CAST(m.published_at AS DATE) AS day, count(*) AS mentions,
       count(*) FILTER (WHERE s.sentiment_label = 'negative') AS negative,
       count(*) FILTER (WHERE s.sentiment_label = 'positive') AS positive,
       count(*) FILTER (WHERE s.sentiment_label IS NULL) AS unscored
FROM mentions AS m
LEFT JOIN scores AS s USING (brand, platform, mention_id)
GROUP BY ALL
ORDER BY brand, day
"""


def per_brand_day_polars(store: Store) -> pl.DataFrame:
    label = pl.col("sentiment_label")
    return (
        store.mentions()
        .group_by("brand", pl.col("published_at").dt.date().alias("day"))
        .agg(
            pl.len().alias("mentions"),
            (label == "negative").sum().alias("negative"),
            (label == "positive").sum().alias("positive"),
            label.is_null().sum().alias("unscored"),
        )
        .sort("brand", "day")
        .collect()
    )


def test_duckdb_reads_the_same_rows_per_brand_and_day(tmp_path):
    store = Store(tmp_path / "store")
    store.ingest([DATA / "bw_week1.csv", DATA / "bw_week2.csv"], brand="Kopi", progress=False)
    store.ingest([DATA / "bw_week2.csv"], brand="Teh", progress=False)
    assert score_store(store, brand="Kopi", workers=1, progress=False) == 6
    # Teh scored twice: the second save (an analyst's labels, all negative) is the live one
    assert score_store(store, brand="Teh", workers=1, progress=False) == 4
    relabelled = (
        store.mentions("Teh")
        .select("brand", "platform", "mention_id", "language", "sentiment_compound")
        .with_columns(sentiment_label=pl.lit("negative"), sentiment_method=pl.lit("analyst"))
        .collect()
    )
    store.save_sentiment(relabelled)
    assert len(store.live_parts("sentiment", "Teh")) == 2
    # a part file no manifest lists (what a killed writer leaves): not in the store
    stray = store.live_parts("mentions", "Kopi")[0]
    shutil.copy(stray, stray.with_name("part-999999-leftover.parquet"))

    ours = per_brand_day_polars(store)
    # hand-checked: Kopi has ids 1001-1006 (week 1's four, week 2's two new), Teh week 2's four
    totals = ours.group_by("brand").agg(pl.col("mentions").sum()).sort("brand")
    assert totals.rows() == [("Kopi", 6), ("Teh", 4)]
    assert ours.filter(pl.col("brand") == "Teh").get_column("negative").sum() == 4

    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    theirs = connection.execute(
        PER_BRAND_DAY,
        {
            "mention_parts": [str(p) for p in store.live_parts("mentions")],
            "sentiment_parts": [str(p) for p in store.live_parts("sentiment")],
        },
    ).fetchall()
    assert theirs == ours.rows()
    # and the folder glob would have been wrong: it counts the stray part twice over
    globbed = connection.execute(
        "SELECT count(*) FROM read_parquet($glob, union_by_name = true)",
        {"glob": str(store.root / "mentions" / "*.parquet")},
    ).fetchone()
    assert globbed is not None and globbed[0] > int(ours.get_column("mentions").sum())
