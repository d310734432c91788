"""The store: dedup, quarantine, crash safety, sentiment upsert, daily metrics, the lock.

Loader results are built inline from tiny frames (``result(...)``) so every count below can be
checked by hand; tests/test_cli_ingest.py goes through real files and the real loaders.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics import store as store_module
from analytics.errors import InputDataError, StoreError
from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA, REJECTED_SCHEMA, conform
from analytics.store import Store, disk, rules

REPO = Path(__file__).resolve().parents[1]


def mentions(ids: list[str], *, platform: str = "x", text: str = "teks", file: str = "a.csv"):
    """Mentions with the given ids, published at hour = position (2024-03-01 00:00 UTC + i h)."""
    n = len(ids)
    return conform(
        pl.DataFrame(
            {
                "mention_id": ids,
                "platform": [platform] * n,
                "published_at": [datetime(2024, 3, 1, i, tzinfo=UTC) for i in range(n)],
                "text": [f"{text} {i}" for i in ids],
                "source_file": [file] * n,
                "source_row": list(range(2, n + 2)),
            }
        ),
        MENTION_SCHEMA,
    )


def rejected(rows: list[int], reason: str = 'column "date": "kemarin" is not a date'):
    raw = [json.dumps({"date": "kemarin", "row": r}) for r in rows]
    frame = pl.DataFrame({"source_file": ["a.csv"] * len(rows), "source_row": rows})
    frame = frame.with_columns(reason=pl.lit(reason), raw=pl.Series(raw, dtype=pl.Utf8))
    return conform(frame, REJECTED_SCHEMA)


def daily(rows: list[tuple[date, str, int | None]], figure: str = "followers"):
    """Daily metrics rows (date, account, value of ``figure``) for Facebook."""
    frame = pl.DataFrame(
        {
            "date": [r[0] for r in rows],
            "platform": ["facebook"] * len(rows),
            "account": [r[1] for r in rows],
            figure: pl.Series([r[2] for r in rows], dtype=pl.Int64),
        }
    )
    return conform(frame, DAILY_METRICS_SCHEMA)


def result(found=None, bad=None, days=None, notes=()):
    """A LoadResult-like batch, as analytics.load yields them."""
    return SimpleNamespace(
        mentions=found if found is not None else conform(pl.DataFrame(), MENTION_SCHEMA),
        rejected=bad if bad is not None else conform(pl.DataFrame(), REJECTED_SCHEMA),
        daily_metrics=days if days is not None else conform(pl.DataFrame(), DAILY_METRICS_SCHEMA),
        format="generic",
        detection_reason="mapping file given",
        notes=list(notes),
    )


def ids_in(store: Store, brand: str | None = None) -> list[str]:
    frame = store.mentions(brand, with_sentiment=False).collect()
    return sorted(frame.get_column("mention_id").to_list())


def forget_digests(root: Path) -> None:
    """Make the manifest look like one written before parts had a size and SHA-256."""
    manifest = json.loads((root / "manifest.json").read_text())
    for part in manifest["parts"]:
        part.pop("bytes"), part.pop("sha256")
    (root / "manifest.json").write_text(json.dumps(manifest))


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the store with its bytes (the lock file is empty and not data)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_same_export_twice_adds_nothing(tmp_path):
    store = Store(tmp_path)
    first = store.ingest_batches([result(mentions(["1", "2", "3"]))], brand="Acme", source="a.csv")
    again = store.ingest_batches([result(mentions(["1", "2", "3"]))], brand="Acme", source="a.csv")
    assert (first["stored"], first["duplicates"]) == (3, 0)
    assert (again["read"], again["stored"], again["duplicates"]) == (3, 0, 3)
    assert ids_in(store) == ["1", "2", "3"]
    assert len(store.manifest()) == 2  # both runs are recorded


def test_half_overlapping_exports_store_the_union_once(tmp_path):
    store = Store(tmp_path)
    # export A: ids 1-4, export B: ids 3-6 -> union 1..6 (6 rows); B adds 5, 6 and skips 3, 4
    store.ingest_batches([result(mentions(["1", "2", "3", "4"]))], brand="Acme", source="a.csv")
    second = store.ingest_batches(
        [result(mentions(["3", "4", "5", "6"], file="b.csv"))], brand="Acme", source="b.csv"
    )
    assert (second["stored"], second["duplicates"]) == (2, 2)
    assert ids_in(store) == ["1", "2", "3", "4", "5", "6"]
    assert store.info()["rows_per_source_file"] == {"a.csv": 4, "b.csv": 2}


def test_first_stored_copy_wins(tmp_path):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1"], text="lama"))], brand="Acme", source="a.csv")
    store.ingest_batches([result(mentions(["1"], text="baru"))], brand="Acme", source="b.csv")
    assert store.mentions().collect().get_column("text").to_list() == ["lama 1"]


def test_key_is_brand_platform_and_id(tmp_path):
    store = Store(tmp_path)
    # same id "7" on x and on facebook, and for a second brand: three different mentions
    store.ingest_batches([result(mentions(["7"]))], brand="Acme", source="a.csv")
    store.ingest_batches([result(mentions(["7"], platform="facebook"))], brand="Acme", source="b")
    store.ingest_batches([result(mentions(["7"]))], brand="Rival", source="c.csv")
    assert store.mentions().collect().height == 3
    assert ids_in(store, "Rival") == ["7"]
    assert store.brands() == ["Acme", "Rival"]


def test_duplicates_inside_one_file_and_across_its_batches(tmp_path):
    store = Store(tmp_path)
    # batch 1 has "1" twice; batch 2 repeats "2": 5 read, 3 stored (1, 2, 3), 2 duplicates
    entry = store.ingest_batches(
        [result(mentions(["1", "1", "2"])), result(mentions(["2", "3"]))],
        brand="Acme",
        source="a.csv",
    )
    assert {k: entry[k] for k in ("read", "stored", "duplicates", "rejected")} == {
        "read": 5,
        "stored": 3,
        "duplicates": 2,
        "rejected": 0,
    }
    assert ids_in(store) == ["1", "2", "3"]


def test_rejected_rows_go_to_quarantine_with_reason(tmp_path):
    store = Store(tmp_path)
    found = mentions(["1", "2", "3"])
    # a mention without an id: the store cannot deduplicate it, so it is quarantined
    found = found.with_columns(
        mention_id=pl.when(pl.col("mention_id") == "2").then(None).otherwise("mention_id")
    )
    entry = store.ingest_batches([result(found, rejected([9, 12]))], brand="Acme", source="a.csv")
    # read 3 mentions + 2 loader rejects = 5; stored 1 and 3; rejected 2 + the id-less one
    assert (entry["read"], entry["stored"], entry["rejected"]) == (5, 2, 3)
    quarantine = store.quarantine().collect().sort("source_row")
    assert quarantine.get_column("source_row").to_list() == [3, 9, 12]
    assert quarantine.get_column("reason")[0].startswith("mention_id is empty")
    assert quarantine.get_column("reason")[1] == 'column "date": "kemarin" is not a date'
    assert set(quarantine.get_column("brand")) == {"Acme"}
    assert quarantine.get_column("ingested_at").null_count() == 0
    assert json.loads(quarantine.get_column("raw")[1]) == {"date": "kemarin", "row": 9}
    # the same rejects again are counted but not quarantined twice
    again = store.ingest_batches([result(found, rejected([9, 12]))], brand="Acme", source="a.csv")
    assert again["rejected"] == 3
    assert store.info()["quarantined"] == 3


def test_crash_while_writing_a_part_leaves_store_byte_identical(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1", "2"]))], brand="Acme", source="a.csv")
    before = snapshot(tmp_path)
    real_write = pl.DataFrame.write_parquet
    calls = []

    def write_then_fail(frame, path, **kwargs):
        calls.append(path)
        if len(calls) == 2:  # the second part of this ingest: the first one is already written
            raise OSError("disk full")
        real_write(frame, path, **kwargs)

    monkeypatch.setattr(pl.DataFrame, "write_parquet", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        store.ingest_batches(
            [result(mentions(["3"])), result(mentions(["4"]))], brand="Acme", source="b.csv"
        )
    monkeypatch.undo()
    assert len(calls) == 2
    assert snapshot(tmp_path) == before
    assert ids_in(store) == ["1", "2"]
    assert len(store.manifest()) == 1


def test_crash_while_replacing_the_manifest_keeps_old_store(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1", "2"]))], brand="Acme", source="a.csv")
    before = snapshot(tmp_path)

    def fail(*args, **kwargs):
        raise KeyboardInterrupt  # e.g. Ctrl-C between the parts and the manifest

    monkeypatch.setattr(disk, "write_manifest", fail)
    with pytest.raises(KeyboardInterrupt):
        store.ingest_batches([result(mentions(["3"]))], brand="Acme", source="b.csv")
    assert snapshot(tmp_path) == before
    assert Store(tmp_path).info()["rows"] == 2


def test_leftovers_of_a_killed_writer_are_ignored_then_removed(tmp_path):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1"]))], brand="Acme", source="a.csv")
    # what kill -9 leaves: a finished part the manifest never listed (named by the generation
    # the killed writer was about to commit: the manifest's + 1), a temp file
    mentions(["99"]).write_parquet(tmp_path / "mentions" / "part-000002-deadbeef.parquet")
    (tmp_path / "mentions" / ".part-000002-x.parquet.abc.tmp").write_bytes(b"half")
    assert ids_in(store) == ["1"]
    store.ingest_batches([result(mentions(["2"]))], brand="Acme", source="b.csv")
    assert store.leftovers_removed == 2
    assert ids_in(store) == ["1", "2"]
    assert sorted(p.name for p in (tmp_path / "mentions").iterdir()) == sorted(
        Path(p["path"]).name
        for p in json.loads((tmp_path / "manifest.json").read_text())["parts"]
        if p["table"] == "mentions"
    )


def test_missing_store_and_damaged_manifest_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="no store at .*nowhere.*crisis-analytics ingest"):
        Store(tmp_path / "nowhere").mentions()
    Store(tmp_path).ingest_batches([result(mentions(["1"]))], brand="Acme", source="a.csv")
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(StoreError, match="manifest.json: cannot read the store manifest"):
        Store(tmp_path).info()
    (tmp_path / "manifest.json").unlink()
    with pytest.raises(StoreError, match="manifest.json is missing"):
        Store(tmp_path).mentions()


def test_sentiment_upsert_latest_wins_and_unscored(tmp_path):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1", "2", "3"]))], brand="Acme", source="a.csv")
    assert ids_in_frame(store.unscored()) == ["1", "2", "3"]

    def scores(ids, compound, label):
        n = len(ids)
        return pl.DataFrame(
            {
                "brand": ["Acme"] * n,
                "platform": ["x"] * n,
                "mention_id": ids,
                "language": ["id"] * n,
                "sentiment_compound": [compound] * n,
                "sentiment_label": [label] * n,
                "sentiment_method": ["id-rules"] * n,
            }
        )

    assert store.save_sentiment(scores(["1", "2"], -0.6, "negative")) == 2
    assert ids_in_frame(store.unscored()) == ["3"]
    store.save_sentiment(scores(["2"], 0.4, "positive"))  # re-scored: latest wins
    frame = store.mentions().collect().sort("mention_id")
    assert frame.get_column("sentiment_label").to_list() == ["negative", "positive", None]
    assert frame.get_column("sentiment_compound").to_list() == [-0.6, 0.4, None]
    # the export gave no language; the detected one fills it where scored
    assert frame.get_column("language").to_list() == ["id", "id", None]
    assert store.mentions(with_sentiment=False).collect().get_column("language").null_count() == 3
    assert store.info()["scored"] == 2


def ids_in_frame(frame: pl.LazyFrame) -> list[str]:
    return sorted(frame.collect().get_column("mention_id").to_list())


def test_many_scoring_runs_are_compacted_and_latest_still_wins(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1"]))], brand="Acme", source="a.csv")

    def save(compound: float) -> None:
        store.save_sentiment(
            pl.DataFrame(
                {"brand": ["Acme"], "platform": ["x"], "mention_id": ["1"], "language": ["en"],
                 "sentiment_compound": [compound], "sentiment_label": ["positive"],
                 "sentiment_method": ["vader-social"]}
            )
        )  # fmt: skip

    limit = store_module.SENTIMENT_PARTS_BEFORE_COMPACTION
    for run in range(limit):
        save(run / 100)
    older_reader = store.mentions()  # built on the manifest before the merge
    save(limit / 100)  # one run more than the limit: the parts are merged into one
    listed = [p for p in json.loads((tmp_path / "manifest.json").read_text())["parts"]]
    assert [p["table"] for p in listed].count("sentiment") == 1
    # the last run (run = limit) wins: compound = limit / 100
    assert store.mentions().collect().get_column("sentiment_compound").to_list() == [limit / 100]
    # the merged-away parts stay on disk for a while, so a reader still on the old manifest
    # can finish: it sees the score of run limit - 1
    assert older_reader.collect().get_column("sentiment_compound").to_list() == [(limit - 1) / 100]
    assert len(list((tmp_path / "sentiment").glob("part-*.parquet"))) == limit + 2
    monkeypatch.setattr(disk, "RETIRED_PARTS_KEPT_SECONDS", 0)
    store.ingest_batches([result(mentions(["2"]))], brand="Acme", source="b.csv")
    assert len(list((tmp_path / "sentiment").glob("part-*.parquet"))) == 1  # expired, deleted


def test_save_sentiment_refuses_rows_without_a_key(tmp_path):
    store = Store(tmp_path)
    bad = pl.DataFrame({"brand": ["Acme"], "platform": ["x"], "mention_id": [None]})
    with pytest.raises(InputDataError, match="missing column.*sentiment_compound"):
        store.save_sentiment(bad)
    bad = bad.with_columns(
        language=pl.lit("en"), sentiment_compound=pl.lit(0.1), sentiment_label=pl.lit("neutral"),
        sentiment_method=pl.lit("vader-social"),
    )  # fmt: skip
    with pytest.raises(InputDataError, match="1 row.*empty brand, platform or mention_id"):
        store.save_sentiment(bad)


def test_daily_metrics_newest_export_wins(tmp_path):
    store = Store(tmp_path)
    d1, d2, d3 = date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)
    first = store.ingest_batches(
        [result(days=daily([(d1, "acme.id", 100), (d2, "acme.id", 110)]))],
        brand="Acme", source="week1.csv",
    )  # fmt: skip
    # the later export restates 2 March (now 111) and repeats 1 March unchanged, adds 3 March
    second = store.ingest_batches(
        [result(days=daily([(d1, "acme.id", 100), (d2, "acme.id", 111), (d3, "acme.id", 120)]))],
        brand="Acme", source="week2.csv",
    )  # fmt: skip
    assert (first["read"], first["stored"], first["daily_rows"]) == (2, 2, 2)
    assert (second["read"], second["stored"], second["duplicates"]) == (3, 2, 1)
    frame = store.daily_metrics("Acme").collect()
    assert frame.get_column("date").to_list() == [d1, d2, d3]
    assert frame.get_column("followers").to_list() == [100, 111, 120]
    assert store.info()["daily_metrics_rows"] == 3


def test_daily_metrics_one_metric_per_file_are_merged(tmp_path):
    """Meta writes one metric per file: a Follows file must not wipe the Views figures."""
    store = Store(tmp_path)
    d1, d2 = date(2024, 3, 1), date(2024, 3, 2)
    views = daily([(d1, "Acme", 1000), (d2, "Acme", 1500)], "impressions")
    follows = daily([(d1, "Acme", 5), (d2, "Acme", 7), (d2, "Acme", 7)], "followers_change")
    store.ingest_batches([result(days=views)], brand="Acme", source="views.csv")
    entry = store.ingest_batches([result(days=follows)], brand="Acme", source="follows.csv")
    # 3 read: 2 account-days gain a figure, the repeated 2 March row is a duplicate
    assert (entry["read"], entry["stored"], entry["duplicates"]) == (3, 2, 1)
    revised = daily([(d2, "Acme", 1600)], "impressions")  # Meta revised 2 March's views
    store.ingest_batches([result(days=revised)], brand="Acme", source="views2.csv")
    frame = store.daily_metrics().collect()
    assert frame.select("date", "impressions", "followers_change").rows() == [
        (d1, 1000, 5),
        (d2, 1600, 7),
    ]
    again = store.ingest_batches([result(days=follows)], brand="Acme", source="follows.csv")
    assert (again["stored"], again["duplicates"]) == (0, 3)


def test_info_summarises_by_hand(tmp_path):
    store = Store(tmp_path)
    store.ingest_batches(
        [result(mentions(["1", "2", "3"]), rejected([8]))], brand="Acme", source="a"
    )
    store.ingest_batches(
        [result(mentions(["1", "2"], platform="instagram", file="b.csv"))],
        brand="Rival",
        source="b",
    )
    info = store.info()
    # Acme: x ids 1-3 at 00:00, 01:00, 02:00; Rival: instagram ids 1-2 at 00:00, 01:00
    assert info["rows"] == 5
    assert info["quarantined"] == 1
    assert info["brands"] == ["Acme", "Rival"]
    assert info["first_published_at"] == "2024-03-01T00:00:00Z"
    assert info["last_published_at"] == "2024-03-01T02:00:00Z"
    assert info["rows_per_platform"] == {"instagram": 2, "x": 3}
    assert info["rows_per_source_file"] == {"a.csv": 3, "b.csv": 2}
    assert info["quarantined_per_source_file"] == {"a.csv": 1}  # rejected([8]) is from a.csv
    assert info["files_ingested"] == 2


def test_empty_store_reads_as_empty_frames_with_the_schema(tmp_path):
    store = Store(tmp_path)
    frame = store.mentions().collect()
    assert frame.height == 0
    assert list(frame.columns) == [*MENTION_SCHEMA, *store_module.SENTIMENT_COLUMNS]
    assert store.info()["first_published_at"] is None


_WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_store import mentions, result
    from analytics.store import Store

    def slow(ids_per_batch):
        for ids in ids_per_batch:
            print("batch", flush=True)
            yield result(mentions(ids))
            time.sleep(0.6)

    batches = {batches!r}
    entry = Store({root!r}).ingest_batches(slow(batches), brand="Acme", source="x.csv")
    print("stored", entry["stored"], flush=True)
    """
)


def test_concurrent_ingests_never_interleave(tmp_path):
    """Two processes ingest overlapping exports at once; the lock makes the second wait.

    Without the lock the second would check for duplicates against the store as committed
    before the first finished, and store ids 3 and 4 twice (8 rows instead of 6).
    """

    def start(batches):
        code = _WRITER.format(tests=str(REPO / "tests"), batches=batches, root=str(tmp_path))
        return subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=REPO
        )

    first = start([["1", "2"], ["3", "4"]])
    assert first.stdout.readline().strip() == "batch"  # the first holds the lock now
    second = start([["3", "4"], ["5", "6"]])
    out1, _ = first.communicate(timeout=60)
    out2, _ = second.communicate(timeout=60)
    assert first.returncode == second.returncode == 0
    assert "stored 4" in out1 and "stored 2" in out2
    assert ids_in(Store(tmp_path)) == ["1", "2", "3", "4", "5", "6"]


def test_lock_timeout_is_a_clear_error(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import filelock, time
            lock = filelock.FileLock({str(tmp_path / ".lock")!r}); lock.acquire()
            print("held", flush=True); time.sleep(30)
        """)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="another process has been writing to the store"):
            Store(tmp_path, lock_timeout=0.3).ingest_batches(
                [result(mentions(["1"]))], brand="Acme", source="a.csv"
            )
    finally:
        holder.kill()
        holder.wait()


def test_batch_notes_are_summed_per_kind():
    # two batches of one file: 12 + 3 rounded ids = 15; the repeated preamble note kept once
    merged = rules.merge_notes(
        ["12 ids rounded by Excel", "preamble: Brand X"],
        ["3 ids rounded by Excel", "preamble: Brand X", "2 rows rejected"],
    )
    assert merged == ["15 ids rounded by Excel", "preamble: Brand X", "2 rows rejected"]


def test_parts_written_before_a_schema_column_existed_still_read(tmp_path):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1"]))], brand="Acme", source="a.csv")
    (part,) = (tmp_path / "mentions").glob("part-*.parquet")
    # an older store: its part lacks columns added since (load_notes, the reference fields,
    # source_emotion), and has one the schema no longer has
    added = ["load_notes", "reply_to_account", "quoted_id", "reposted_id", "source_emotion"]
    old = pl.read_parquet(part).drop(added).with_columns(retired=pl.lit("x"))
    old.write_parquet(part)
    forget_digests(tmp_path)  # and a manifest from before parts had checksums
    frame = store.mentions().collect()
    assert list(frame.columns) == [*MENTION_SCHEMA, *store_module.SENTIMENT_COLUMNS]
    for name in added:
        assert frame.get_column(name).to_list() == [None]
    assert frame.get_column("mention_id").to_list() == ["1"]
    store.ingest_batches([result(mentions(["1", "2"]))], brand="Acme", source="b.csv")
    assert ids_in(store) == ["1", "2"]  # dedup reads the old part too


def test_ingest_takes_one_path_strips_the_brand_and_refuses_a_folder(tmp_path):
    data = Path(__file__).parent / "data" / "store"
    store = Store(tmp_path)
    # bw_week1.csv: 4 usable Brandwatch rows and 1 with the date "kemarin sore"
    report = store.ingest(str(data / "bw_week1.csv"), brand=" Kopi Nusantara ")
    assert report.totals == {"read": 5, "stored": 4, "duplicates": 0, "rejected": 1}
    assert store.brands() == ["Kopi Nusantara"]
    report = store.ingest([data], brand="Kopi Nusantara")
    assert report.totals["read"] == 0
    assert report.failed[0]["error"].endswith("is a folder; pass the export files in it")
    with pytest.raises(InputDataError, match="--brand is empty"):
        store.ingest([data / "bw_week1.csv"], brand="  ")


@settings(max_examples=15, deadline=None)
@given(
    exports=st.lists(
        st.lists(st.tuples(st.sampled_from(["x", "tiktok"]), st.integers(0, 12)), max_size=10),
        min_size=1,
        max_size=4,
    )
)
def test_any_sequence_of_exports_stores_each_key_once(tmp_path_factory, exports):
    """Oracle: a Python set of (platform, id) keys; the store must hold exactly that set and
    every file's counts must add up (read = stored + duplicates + rejected)."""
    store = Store(tmp_path_factory.mktemp("store"))
    seen: set[tuple[str, str]] = set()
    for number, export in enumerate(exports):
        frame = pl.concat(
            [mentions([str(i)], platform=platform) for platform, i in export] or [mentions([])]
        )
        entry = store.ingest_batches([result(frame)], brand="Acme", source=f"{number}.csv")
        keys = [(platform, str(i)) for platform, i in export]
        new = {key for key in keys if key not in seen}
        assert entry["stored"] == len(new)
        assert entry["read"] == entry["stored"] + entry["duplicates"] + entry["rejected"]
        seen |= new
    stored = store.mentions(with_sentiment=False).select("platform", "mention_id").collect()
    assert sorted(stored.rows()) == sorted(seen)


def test_a_store_that_cannot_be_written_stops_the_whole_ingest(tmp_path):
    blocker = tmp_path / "store"
    blocker.write_text("a file where the store folder should be")
    with pytest.raises(StoreError, match="store: cannot write to the store"):
        Store(blocker).ingest_batches([result(mentions(["1"]))], brand="Acme", source="a.csv")
    week1 = Path(__file__).parent / "data" / "store" / "bw_week1.csv"
    with pytest.raises(StoreError, match="cannot write to the store"):  # not one error per file
        Store(blocker).ingest([week1, week1], brand="Acme")


def test_later_copies_fill_gaps_but_never_change_stored_values(tmp_path):
    store = Store(tmp_path)
    # Brandwatch had the brand's post "1" (not flagged: no --handle), without impressions
    listening = mentions(["1", "2"], text="dari brandwatch", file="bw.csv").with_columns(
        is_brand_post=pl.lit(False), reach=pl.lit(None, dtype=pl.Int64)
    )
    store.ingest_batches([result(listening)], brand="Acme", source="bw.csv")
    # the brand's own X analytics export has post "1" with its impressions and the flag
    owned = mentions(["1"], text="dari x analytics", file="x.csv").with_columns(
        is_brand_post=pl.lit(True), impressions=pl.lit(5000, dtype=pl.Int64)
    )
    entry = store.ingest_batches([result(owned)], brand="Acme", source="x.csv")
    assert (entry["stored"], entry["duplicates"], entry["filled"]) == (0, 1, 1)
    frame = store.mentions(with_sentiment=False).collect().sort("mention_id")
    assert frame.get_column("is_brand_post").to_list() == [True, False]
    assert frame.get_column("impressions").to_list() == [5000, None]
    # the first copy's values stay: text and provenance are Brandwatch's
    assert frame.get_column("text").to_list() == ["dari brandwatch 1", "dari brandwatch 2"]
    assert frame.get_column("source_file").to_list() == ["bw.csv", "bw.csv"]
    assert frame.height == 2 and store.info()["rows"] == 2
    # the same copy again fills nothing more
    again = store.ingest_batches([result(owned)], brand="Acme", source="x.csv")
    assert again["filled"] == 0


def test_reingesting_with_handles_flags_brand_posts(tmp_path):
    store = Store(tmp_path)
    plain = mentions(["1", "2"]).with_columns(is_brand_post=pl.lit(False))
    store.ingest_batches([result(plain)], brand="Acme", source="a.csv")
    # the analyst forgot --handle; the same file again, now with post "2" flagged
    flagged = plain.with_columns(is_brand_post=pl.col("mention_id") == "2")
    entry = store.ingest_batches([result(flagged)], brand="Acme", source="a.csv")
    assert (entry["stored"], entry["duplicates"], entry["filled"]) == (0, 2, 1)
    frame = store.mentions(with_sentiment=False).collect().sort("mention_id")
    assert frame.get_column("is_brand_post").to_list() == [False, True]


def test_a_file_the_loader_chokes_on_fails_alone(tmp_path, monkeypatch):
    import analytics.load

    data = Path(__file__).parent / "data" / "store"
    real = analytics.load.iter_load_export

    def choke_on_week2(path, **kwargs):
        if Path(path).name == "bw_week2.csv":
            raise pl.exceptions.ComputeError("could not parse column 3")
        return real(path, **kwargs)

    monkeypatch.setattr(analytics.load, "iter_load_export", choke_on_week2)
    report = Store(tmp_path).ingest(
        [data / "bw_week2.csv", data / "bw_week1.csv"], brand="Kopi Nusantara"
    )
    (failed,) = report.failed
    assert failed["file"] == "bw_week2.csv"
    assert "bw_week2.csv: could not parse column 3" in failed["error"]
    assert report.totals["stored"] == 4  # week 1's four good rows went in all the same


def test_rejects_without_a_line_number_are_quarantined_once(tmp_path):
    store = Store(tmp_path)
    # a loader may reject a record it cannot place on a line (source_row null)
    bad = rejected([1]).with_columns(source_row=pl.lit(None, dtype=pl.Int64))
    store.ingest_batches([result(bad=bad)], brand="Acme", source="a.csv")
    again = store.ingest_batches([result(bad=bad)], brand="Acme", source="a.csv")
    assert again["rejected"] == 1  # counted again ...
    assert store.info()["quarantined"] == 1  # ... but kept once


def test_a_deleted_part_is_reported_as_damage(tmp_path):
    store = Store(tmp_path)
    store.ingest_batches([result(mentions(["1"]))], brand="Acme", source="a.csv")
    (part,) = (tmp_path / "mentions").glob("part-*.parquet")
    part.unlink()
    with pytest.raises(StoreError, match=r"part mentions/part-\S+\.parquet is missing"):
        store.mentions()


@settings(max_examples=60, deadline=None)
@given(
    updates=st.lists(
        st.tuples(
            st.integers(1, 3),  # day of March
            st.sampled_from(["followers", "impressions"]),
            st.one_of(st.none(), st.integers(0, 50)),
        ),
        max_size=12,
    )
)
def test_daily_rule_keeps_the_newest_value_of_each_figure(updates):
    """Oracle: replay the updates into a dict, keeping the last non-null value per figure."""
    expected: dict[date, dict[str, int | None]] = {}
    for day, figure, value in updates:
        row = expected.setdefault(date(2024, 3, day), {"followers": None, "impressions": None})
        if value is not None:
            row[figure] = value
    frame = pl.concat(
        [daily([(date(2024, 3, day), "acme", value)], figure) for day, figure, value in updates]
        or [daily([])]
    ).with_columns(brand=pl.lit("Acme"))
    resolved = rules.resolve_daily(frame.lazy()).collect().sort("date")
    got = {
        row["date"]: {"followers": row["followers"], "impressions": row["impressions"]}
        for row in resolved.iter_rows(named=True)
    }
    assert got == expected
