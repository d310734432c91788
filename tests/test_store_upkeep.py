"""Store upkeep through the real CLI and loaders: a file ingested again with a fixed mapping
replaces its rows, ``store remove --file/--brand``, ``info`` per brand, ``store quarantine``,
and counts that grow between weekly exports.

Fixtures (tests/data/store/):
* bw_week1.csv / bw_week2.csv: see tests/test_cli_ingest.py (week 1: ids 1001-1004 stored,
  line 13 "kemarin sore" rejected; week 2: 1003, 1004 again, new 1005, 1006).
* kn_generic.csv + kn_generic.toml: a1 (07:00 Jakarta), a2 (08:30, twice), a3 ("kemarin").
* counts_week1.csv / counts_week2.csv + counts.toml: the same posts c1, c2 captured a week
  apart; c1's likes 3 -> 8 and shares 1 -> 4 (and its text edited), c2's likes 10 -> 12 and
  shares empty -> 2; c3 only in week 2.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from test_cli_ingest import WEEK1, WEEK2, cli
from test_store import mentions, result

from analytics.store import Store, disk

DATA = Path(__file__).parent / "data" / "store"
KN, KN_MAPPING = str(DATA / "kn_generic.csv"), str(DATA / "kn_generic.toml")
COUNTS1, COUNTS2 = str(DATA / "counts_week1.csv"), str(DATA / "counts_week2.csv")
COUNTS_MAPPING = str(DATA / "counts.toml")


def ingest(store: Path, *args: str) -> dict:
    run = cli("ingest", *args, "--store", str(store), "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)["files"][0]


def info(store: Path) -> dict:
    run = cli("info", "--store", str(store), "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_a_file_ingested_again_with_a_fixed_mapping_leaves_one_copy_of_each_row(tmp_path):
    # the first mapping forgot the id column: the loader made surrogate ids for a1, a2
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(Path(KN_MAPPING).read_text().replace('mention_id = "id"\n', ""))
    first = ingest(tmp_path, KN, "--brand", "KN", "--format", "generic", "--mapping", str(wrong))
    assert (first["stored"], first["rejected"]) == (2, 1)
    fixed = ingest(tmp_path, KN, "--brand", "KN", "--format", "generic", "--mapping", KN_MAPPING)
    assert fixed["replaced"]["rows"] == {"mentions": 2, "quarantine": 1}
    assert (fixed["stored"], fixed["duplicates"], fixed["rejected"]) == (2, 1, 1)
    frame = Store(tmp_path).mentions(with_sentiment=False).collect()
    assert sorted(frame.get_column("mention_id").to_list()) == ["a1", "a2"]
    assert Store(tmp_path).quarantine().collect().height == 1
    summary = info(tmp_path)
    assert (summary["rows"], summary["quarantined"], summary["files_ingested"]) == (2, 1, 1)
    said = cli("ingest", KN, "--brand", "KN", "--format", "generic", "--mapping", str(wrong),
               "--store", str(tmp_path))  # fmt: skip
    assert "with other options: its 2 mentions and 1 quarantined rows were replaced" in said.stdout


def test_the_same_file_with_the_same_options_still_adds_nothing(tmp_path):
    ingest(tmp_path, WEEK1, "--brand", "KN")
    again = ingest(tmp_path, WEEK1, "--brand", "KN")
    assert "replaced" not in again
    assert (again["stored"], again["duplicates"], again["rejected"]) == (0, 4, 1)
    assert info(tmp_path)["rows"] == 4


def test_info_per_brand_and_remove_a_file_agree_with_a_full_read(tmp_path):
    ingest(tmp_path, WEEK1, "--brand", "KN")
    ingest(tmp_path, WEEK2, "--brand", "KN")
    ingest(tmp_path, KN, "--brand", "Other", "--format", "generic", "--mapping", KN_MAPPING)
    per_brand = info(tmp_path)["per_brand"]
    assert per_brand == {
        "KN": {"rows": 6, "first_published_at": "2024-03-01T01:00:00Z",
               "last_published_at": "2024-03-04T13:15:00Z",
               "files": ["bw_week1.csv", "bw_week2.csv"]},
        "Other": {"rows": 2, "first_published_at": "2024-03-05T00:00:00Z",
                  "last_published_at": "2024-03-05T01:30:00Z", "files": ["kn_generic.csv"]},
    }  # fmt: skip
    run = cli("store", "remove", "--file", "bw_week1.csv", "--store", str(tmp_path), "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["rows"] == {"mentions": 4, "quarantine": 1}
    # week 2's copies of 1003 and 1004 were duplicates of week 1's: they went with it
    frame = Store(tmp_path).mentions("KN", with_sentiment=False).collect()
    assert sorted(frame.get_column("mention_id").to_list()) == ["1005", "1006"]
    summary = info(tmp_path)
    assert summary["per_brand"]["KN"]["rows"] == frame.height == 2
    assert summary["per_brand"]["KN"]["files"] == ["bw_week2.csv"]
    assert summary["rows"] == Store(tmp_path).mentions().collect().height == 4
    assert summary["quarantined"] == 1  # kn_generic.csv's "kemarin"
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert [(r["what"], r["name"]) for r in manifest["removals"]] == [("file", "bw_week1.csv")]
    # ingesting week 2 again brings its copies of 1003 and 1004 back
    again = ingest(tmp_path, WEEK2, "--brand", "KN")
    assert again["stored"] == 2
    assert info(tmp_path)["per_brand"]["KN"]["rows"] == 4


def test_remove_a_brand_takes_all_its_rows_and_scores(tmp_path):
    ingest(tmp_path, WEEK1, "--brand", "KN")
    ingest(tmp_path, KN, "--brand", "Other", "--format", "generic", "--mapping", KN_MAPPING)
    store = Store(tmp_path)
    scores = store.mentions("KN", with_sentiment=False).select(
        "brand", "platform", "mention_id", language=pl.lit("id"),
        sentiment_compound=pl.lit(-0.5), sentiment_label=pl.lit("negative"),
        sentiment_method=pl.lit("test"),
    ).collect()  # fmt: skip
    assert store.save_sentiment(scores) == 4
    run = cli("store", "remove", "--brand", "KN", "--store", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "removed brand KN: 4 mentions, 1 quarantined rows, 0 daily-metric rows, 4 scores"
    )
    summary = info(tmp_path)
    assert (summary["brands"], summary["rows"], summary["quarantined"]) == (["Other"], 2, 1)
    assert summary["scored"] == 0
    assert list(summary["per_brand"]) == ["Other"]
    unknown = cli("store", "remove", "--brand", "KN", "--store", str(tmp_path))
    assert unknown.returncode == 1
    assert unknown.stderr == "error: --brand KN: not in the store (brands: Other)\n"
    nothing = cli("store", "remove", "--file", "nope.csv", "--store", str(tmp_path))
    assert nothing.stderr == (
        "error: --file nope.csv: no ingested file of that name in the store "
        "(files: kn_generic.csv)\n"
    )


def test_store_quarantine_lists_rejected_rows_with_their_reasons(tmp_path):
    ingest(tmp_path, WEEK1, "--brand", "KN")
    ingest(tmp_path, KN, "--brand", "Other", "--format", "generic", "--mapping", KN_MAPPING)
    run = cli("store", "quarantine", "--store", str(tmp_path), "--json")
    assert run.returncode == 0, run.stderr
    payload = json.loads(run.stdout)
    assert payload["rows"] == 2
    rows = [(r["brand"], r["source_file"], r["source_row"]) for r in payload["quarantine"]]
    assert rows == [("KN", "bw_week1.csv", 13), ("Other", "kn_generic.csv", 5)]
    assert "kemarin sore" in payload["quarantine"][0]["reason"]
    assert "kemarin" in payload["quarantine"][1]["reason"]
    text = cli("store", "quarantine", "--brand", "Other", "--store", str(tmp_path)).stdout
    lines = text.splitlines()
    assert lines[0].startswith("Other\tkn_generic.csv, row 5: ")
    assert lines[1:] == ["1 rejected row(s)"]


def test_a_later_export_with_higher_counts_updates_them_and_nothing_else(tmp_path):
    options = ("--brand", "KN", "--format", "generic", "--mapping", COUNTS_MAPPING)
    ingest(tmp_path, COUNTS1, *options)
    week2 = ingest(tmp_path, COUNTS2, *options)
    assert (week2["stored"], week2["duplicates"], week2["counts_updated"]) == (1, 2, 2)
    said = cli("ingest", COUNTS2, *options, "--store", str(tmp_path), "--format", "generic")
    assert "mentions had their counts updated" not in said.stdout  # the same file again
    frame = Store(tmp_path).mentions(with_sentiment=False).collect().sort("mention_id")
    columns = ["mention_id", "likes", "shares", "text", "source_file", "published_at"]
    assert frame.select(columns).rows() == [
        ("c1", 8, 4, "Kopi pahit", "counts_week1.csv", datetime(2024, 3, 5, 0, tzinfo=UTC)),
        ("c2", 12, 2, "Antri lama", "counts_week1.csv", datetime(2024, 3, 5, 1, 30, tzinfo=UTC)),
        ("c3", 1, 0, "Enak", "counts_week2.csv", datetime(2024, 3, 6, 2, tzinfo=UTC)),
    ]
    # the older export ingested again with the same options is not a newer capture
    again = ingest(tmp_path, COUNTS1, *options)
    assert (again["stored"], again["counts_updated"]) == (0, 0)
    assert Store(tmp_path).mentions().collect().sort("mention_id")["likes"].to_list() == [8, 12, 1]
    text = cli("ingest", COUNTS2, "--brand", "KN2", "--format", "generic", "--mapping",
               COUNTS_MAPPING, "--store", str(tmp_path)).stdout  # fmt: skip
    assert "counts updated" not in text  # another brand: new mentions, not captures
    # every folder the store wrote is one its writers clean after a crash and check for
    # parts a newer manifest wrote
    folders = {p.name for p in tmp_path.iterdir() if p.is_dir()}
    assert folders == {"mentions", "mention_counts"} and folders <= set(disk.TABLES)


def test_counts_follow_the_exports_own_capture_time_where_it_has_one(tmp_path):
    store = Store(tmp_path)

    def capture(likes: int | None, reach: int | None, day: int, file: str):
        frame = mentions(["1"], file=file).with_columns(
            likes=pl.lit(likes, dtype=pl.Int64), reach=pl.lit(reach, dtype=pl.Int64)
        )
        batch = result(frame)
        batch.captured_at = datetime(2024, 3, day, tzinfo=UTC)
        return store.ingest_batches([batch], brand="Acme", source=file)

    assert capture(50, None, 8, "week2.csv")["stored"] == 1
    # week 1's export, captured a week earlier, ingested after week 2: its likes are older,
    # but the reach week 2 lacked is taken
    assert capture(20, 900, 1, "week1.csv")["counts_updated"] == 1
    assert store.mentions().collect().select("likes", "reach").row(0) == (50, 900)
    # week 3 (captured latest): both counts move on
    assert capture(70, 1200, 15, "week3.csv")["counts_updated"] == 1
    # a copy with the same counts changes nothing; one without counts keeps them
    assert capture(70, 1200, 16, "week3b.csv")["counts_updated"] == 0
    assert capture(None, None, 17, "week4.csv")["counts_updated"] == 0
    frame = store.mentions().collect()
    assert frame.select("likes", "reach", "source_file").row(0) == (70, 1200, "week2.csv")


def test_removing_one_brand_of_a_multi_brand_file_keeps_the_others(tmp_path):
    path = tmp_path / "airlines.csv"
    path.write_text(
        "airline,tweet_created,text,tweet_id\n"
        "Virgin America,2015-02-24 11:35:52 -0800,what @dhepburn said,570306133677760513\n"
        "United,2015-02-24 11:15:59 -0800,thanks,570301130888122368\n"
        "United,2015-02-24 11:14:45 -0800,late again,570300817074462722\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    done = cli("ingest", str(path), "--brand-column", "airline", "--store", str(store))
    assert done.returncode == 0, done.stderr
    run = cli("store", "remove", "--file", "airlines.csv", "--brand", "United",
              "--store", str(store), "--json")  # fmt: skip
    assert json.loads(run.stdout)["rows"] == {"mentions": 2}
    per_brand = info(store)["per_brand"]
    assert list(per_brand) == ["Virgin America"]
    assert (per_brand["Virgin America"]["rows"], per_brand["Virgin America"]["files"]) == (
        1,
        ["airlines.csv"],
    )
    assert Store(store).mentions().collect().get_column("brand").to_list() == ["Virgin America"]
    # the last brand of the file goes with --brand: the file is gone from the store
    assert (
        cli("store", "remove", "--brand", "Virgin America", "--store", str(store)).returncode == 0
    )
    assert info(store)["files_ingested"] == 0
