"""Store reads follow the question: a brand and a period open only the parts that hold them.

The proof that a part is never opened: its file is overwritten with garbage (or deleted),
and the read still succeeds, while a read that does need it fails. Mentions are built
inline (hour ``i`` of a given day) so every expected row can be checked by hand.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from analytics.errors import InputDataError, StoreError
from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA, REJECTED_SCHEMA, conform
from analytics.store import Store
from analytics.store.reads import Period, select_parts

MARCH = datetime(2024, 3, 1, tzinfo=UTC)
APRIL = datetime(2024, 4, 1, tzinfo=UTC)


def batch(ids: list[str], day: datetime, *, reverse: bool = False) -> SimpleNamespace:
    """A loader batch of mentions ``ids`` at ``day`` + 0 h, 1 h, ... (or counting down)."""
    hours = range(len(ids) - 1, -1, -1) if reverse else range(len(ids))
    found = conform(
        pl.DataFrame(
            {
                "mention_id": ids,
                "platform": ["x"] * len(ids),
                "published_at": [day + timedelta(hours=h) for h in hours],
                "text": [f"teks {i}" for i in ids],
                "source_file": ["a.csv"] * len(ids),
                "source_row": list(range(2, len(ids) + 2)),
            }
        ),
        MENTION_SCHEMA,
    )
    return SimpleNamespace(
        mentions=found,
        rejected=conform(pl.DataFrame(), REJECTED_SCHEMA),
        daily_metrics=conform(pl.DataFrame(), DAILY_METRICS_SCHEMA),
        format="generic",
        detection_reason="test",
        notes=[],
    )


def ingest(store: Store, brand: str, ids: list[str], day: datetime, **kw) -> None:
    store.ingest_batches([batch(ids, day, **kw)], brand=brand, source=f"{brand}-{ids[0]}.csv")


def part_of(store: Store, table: str, brand: str, first_id: str) -> dict:
    """The manifest entry of the part of ``brand`` that holds ``first_id``."""
    manifest = json.loads((store.root / "manifest.json").read_text())
    for part in manifest["parts"]:
        if part["table"] == table and part["brand"] == brand:
            ids = pl.read_parquet(store.root / part["path"]).get_column("mention_id")
            if first_id in ids.to_list():
                return part
    raise AssertionError(f"no {table} part of {brand} holds {first_id}")


def corrupt(store: Store, part: dict) -> None:
    (store.root / part["path"]).write_bytes(b"not a parquet file at all")


def test_manifest_records_first_and_last_time_of_a_mentions_part(tmp_path):
    store = Store(tmp_path)
    # written newest first: the range is still min..max, and the rows are stored in time order
    ingest(store, "Kopi", ["a", "b", "c"], MARCH, reverse=True)
    part = part_of(store, "mentions", "Kopi", "a")
    assert part["first"] == "2024-03-01T00:00:00Z"
    assert part["last"] == "2024-03-01T02:00:00Z"
    stored = pl.read_parquet(store.root / part["path"]).get_column("mention_id").to_list()
    assert stored == ["c", "b", "a"]  # a was at 02:00, c at 00:00


def test_brand_read_never_opens_another_brands_part(tmp_path):
    store = Store(tmp_path)
    ingest(store, "Kopi", ["k1", "k2"], MARCH)
    ingest(store, "Teh", ["t1", "t2"], MARCH)
    store.save_sentiment(
        pl.DataFrame(
            {
                "brand": ["Kopi", "Teh"],
                "platform": ["x", "x"],
                "mention_id": ["k1", "t1"],
                "language": ["id", "id"],
                "sentiment_compound": [0.5, -0.5],
                "sentiment_label": ["positive", "negative"],
                "sentiment_method": ["id-rules", "id-rules"],
            }
        )
    )
    damaged = part_of(store, "mentions", "Teh", "t1")
    corrupt(store, damaged)
    for table in ("sentiment",):
        manifest = json.loads((store.root / "manifest.json").read_text())
        for part in manifest["parts"]:
            if part["table"] == table and part["brand"] == "Teh":
                corrupt(store, part)
    got = store.mentions("Kopi").select("mention_id", "sentiment_label").collect()
    assert got.rows() == [("k1", "positive"), ("k2", None)]
    # the damage is real: a read that needs it fails, naming the part (its size is checked)
    with pytest.raises(StoreError, match=rf"part {damaged['path']} is truncated"):
        store.mentions("Teh").collect()


def test_period_read_never_opens_parts_wholly_outside_it(tmp_path):
    store = Store(tmp_path)
    ingest(store, "Kopi", ["m1", "m2"], MARCH)  # 1 March 00:00 and 01:00
    ingest(store, "Kopi", ["a1", "a2", "a3"], APRIL)  # 1 April 00:00 .. 02:00
    damaged = part_of(store, "mentions", "Kopi", "m1")
    corrupt(store, damaged)
    april = store.mentions("Kopi", start=APRIL, end=APRIL + timedelta(hours=2))
    assert april.select("mention_id").collect().to_series().to_list() == ["a1", "a2"]
    with pytest.raises(StoreError, match=rf"part {damaged['path']} is truncated"):
        store.mentions("Kopi", start=MARCH, end=APRIL).collect()


def test_period_edges_are_half_open_and_cut_inside_a_part(tmp_path):
    store = Store(tmp_path)
    ingest(store, "Kopi", ["h0", "h1", "h2", "h3"], MARCH)
    one = store.mentions(
        "Kopi", start=MARCH + timedelta(hours=1), end=MARCH + timedelta(hours=3)
    ).collect()
    assert one.get_column("mention_id").to_list() == ["h1", "h2"]
    # a zone other than UTC means the same instant: 09:00 in Jakarta is 02:00 UTC
    jakarta = datetime(2024, 3, 1, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    late = store.mentions("Kopi", start=jakarta).collect()
    assert late.get_column("mention_id").to_list() == ["h2", "h3"]
    with pytest.raises(InputDataError, match="no time zone"):
        store.mentions("Kopi", start=datetime(2024, 3, 1, 1))


def test_part_selection_from_the_manifest_alone(tmp_path):
    manifest = {
        "parts": [
            {"table": "mentions", "path": "mentions/p1", "brand": "Kopi",
             "first": "2024-03-01T00:00:00Z", "last": "2024-03-31T23:00:00Z"},
            {"table": "mentions", "path": "mentions/p2", "brand": "Kopi",
             "first": "2024-04-01T00:00:00Z", "last": "2024-04-30T23:00:00Z"},
            {"table": "mentions", "path": "mentions/p3", "brand": "Teh",
             "first": "2024-04-01T00:00:00Z", "last": "2024-04-30T23:00:00Z"},
            # written before ranges were recorded: may hold any time
            {"table": "mentions", "path": "mentions/p4", "brand": "Kopi"},
            {"table": "sentiment", "path": "sentiment/p5", "brand": "Kopi"},
        ]
    }  # fmt: skip
    names = [
        p.name
        for p in select_parts(
            tmp_path, manifest, "mentions", "Kopi", Period.of(APRIL, APRIL + timedelta(days=7))
        )
    ]
    assert names == ["p2", "p4"]
    # the end is exclusive: a part starting exactly at the end is not read
    before = Period.of(MARCH, APRIL)
    assert [p.name for p in select_parts(tmp_path, manifest, "mentions", None, before)] == [
        "p1",
        "p4",
    ]
    both = select_parts(tmp_path, manifest, "mentions", ["Kopi", "Teh"], Period.of(APRIL, None))
    assert [p.name for p in both] == ["p2", "p3", "p4"]


def test_an_older_store_gains_time_ranges_at_the_next_write(tmp_path):
    store = Store(tmp_path)
    ingest(store, "Kopi", ["m1", "m2"], MARCH)
    path = store.root / "manifest.json"
    manifest = json.loads(path.read_text())
    for part in manifest["parts"]:
        part.pop("first", None)
        part.pop("last", None)
    path.write_text(json.dumps(manifest))
    # read as "may hold any time" until then
    assert store.mentions("Kopi", start=APRIL).collect().height == 0
    assert store.mentions("Kopi", end=APRIL).collect().height == 2
    ingest(store, "Teh", ["t1"], APRIL)
    part = part_of(store, "mentions", "Kopi", "m1")
    assert (part["first"], part["last"]) == ("2024-03-01T00:00:00Z", "2024-03-01T01:00:00Z")


def test_period_read_joins_the_same_scores_as_a_whole_read(tmp_path):
    store = Store(tmp_path)
    ingest(store, "Kopi", ["m1", "m2"], MARCH)
    ingest(store, "Kopi", ["a1", "a2"], APRIL)
    scores = {"m1": 0.4, "a1": -0.6, "a2": 0.0}
    for rescored in (False, True):  # a second saving run: the later score must win
        store.save_sentiment(
            pl.DataFrame(
                {
                    "brand": "Kopi",
                    "platform": "x",
                    "mention_id": list(scores),
                    "language": "id",
                    "sentiment_compound": [v + (0.1 if rescored else 0) for v in scores.values()],
                    "sentiment_label": "neutral",
                    "sentiment_method": "id-rules",
                }
            )
        )
    april = store.mentions("Kopi", start=APRIL).select("mention_id", "sentiment_compound")
    assert april.collect().rows() == [("a1", pytest.approx(-0.5)), ("a2", pytest.approx(0.1))]
