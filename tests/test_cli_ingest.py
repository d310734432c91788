"""``crisis-analytics ingest`` / ``info`` end to end, through real files and the real loaders.

Fixtures (tests/data/store/):
* bw_week1.csv: Brandwatch layout, 5 records: ids 1001-1004 fine (1003's text spans two
  lines), one row with Date "kemarin sore" that the loader rejects.
* bw_week2.csv: 5 records: 1003 and 1004 again (overlap with week 1), new 1005 and 1006, and
  1006 repeated inside the file.
* notes.txt: not an export.
Times are naive Jakarta time (UTC+7): 2024-03-01 08:00 -> 01:00Z ... 2024-03-04 20:15 -> 13:15Z.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from in_process_cli import cli

from analytics.store import Store

DATA = Path(__file__).parent / "data" / "store"
REPO = Path(__file__).resolve().parents[1]
WEEK1, WEEK2 = str(DATA / "bw_week1.csv"), str(DATA / "bw_week2.csv")


def real_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line in its own process, as a shell would."""
    return subprocess.run(
        [sys.executable, "-m", "analytics", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def counts(payload: dict) -> tuple[int, int, int, int]:
    return payload["read"], payload["stored"], payload["duplicates"], payload["rejected"]


def test_ingest_json_counts_overlap_and_reingest(tmp_path):
    store = str(tmp_path / "store")
    first = cli("ingest", WEEK1, "--brand", "Kopi Nusantara", "--store", store, "--json")
    assert first.returncode == 0, first.stderr
    payload = json.loads(first.stdout)  # exactly one JSON object, nothing else
    # week 1: 5 records read, 4 stored, 1 rejected (the "kemarin sore" date)
    assert counts(payload) == (5, 4, 0, 1)
    (entry,) = payload["files"]
    assert entry["format"] == "brandwatch"
    assert "Brandwatch" in entry["detection_reason"]
    assert len(entry["sha256"]) == 64

    assert "same_file_ingested_at" not in entry  # first time this file is seen
    second = cli("ingest", WEEK2, "--brand", "Kopi Nusantara", "--store", store, "--json")
    # week 2: 5 read; 1005 and 1006 new; 1003, 1004 stored already, 1006 repeated -> 3 dup.
    assert counts(json.loads(second.stdout)) == (5, 2, 3, 0)

    again = cli("ingest", WEEK1, WEEK2, "--brand", "Kopi Nusantara", "--store", store, "--json")
    # everything again: 10 read, nothing stored; duplicates = week 1's 4 good rows + all 5 of
    # week 2 = 9; the bad row is rejected again (and counted) = 1
    assert counts(json.loads(again.stdout)) == (10, 0, 9, 1)
    # both files were seen before: the entries say when (week 1 first, in the first run)
    week1_again = json.loads(again.stdout)["files"][0]
    assert week1_again["same_file_ingested_at"] == entry["ingested_at"]

    info = cli("info", "--store", store, "--json")
    assert info.returncode == 0, info.stderr
    summary = json.loads(info.stdout)
    assert summary["rows"] == 6  # ids 1001-1006, each once
    assert summary["quarantined"] == 1  # the rejected row is kept once
    assert summary["brands"] == ["Kopi Nusantara"]
    assert summary["first_published_at"] == "2024-03-01T01:00:00Z"  # 08:00 Jakarta
    assert summary["last_published_at"] == "2024-03-04T13:15:00Z"  # 20:15 Jakarta
    assert summary["rows_per_source_file"] == {"bw_week1.csv": 4, "bw_week2.csv": 2}
    assert summary["rows_per_platform"] == {"x": 6}


def test_bad_files_fail_the_run_but_the_good_one_is_ingested(tmp_path):
    store = str(tmp_path / "store")
    missing = str(DATA / "no-such-export.csv")
    notes = str(DATA / "notes.txt")
    done = cli("ingest", missing, notes, WEEK1, "--brand", "Kopi Nusantara", "--store", store)
    assert done.returncode == 1
    assert "no-such-export.csv: no such file" in done.stderr
    assert "notes.txt: not a known export layout, and inference refused" in done.stderr
    assert "bw_week1.csv: brandwatch" in done.stdout
    assert "read 5  stored 4  duplicates 0  rejected 1" in done.stdout
    summary = json.loads(cli("info", "--store", store, "--json").stdout)
    assert summary["rows"] == 4


def test_json_output_stays_one_object_when_a_file_fails(tmp_path):
    store = str(tmp_path / "store")
    done = cli(
        "ingest", WEEK1, str(DATA / "notes.txt"), "--brand", "KN", "--store", store, "--json"
    )
    assert done.returncode == 1
    payload = json.loads(done.stdout)
    assert counts(payload) == (5, 4, 0, 1)  # the failed file adds zeros
    assert [bool(f.get("error")) for f in payload["files"]] == [False, True]
    assert "notes.txt" in done.stderr


def test_real_process_human_output_and_no_progress_bar_off_a_terminal(tmp_path):
    store = str(tmp_path / "store")
    done = real_cli("ingest", WEEK1, "--brand", "Kopi Nusantara", "--store", store)
    assert done.returncode == 0
    assert done.stderr == ""  # not a TTY: no progress bar, no noise for cron
    assert "header on line 7" in done.stdout  # why this format was chosen
    assert "total (1 files): read 5  stored 4  duplicates 0  rejected 1" in done.stdout
    # the rejected row is shown with its line (13) and the column at fault
    assert 'rejected row 13: column "Date"' in done.stdout
    info = cli("info", "--store", store)
    assert "4 mentions" in info.stdout
    assert "2024-03-01T01:00:00Z .. 2024-03-02T04:00:00Z" in info.stdout
    assert "1 row(s) quarantined" in info.stdout
    assert "bw_week1.csv: 4 / 1" in info.stdout  # 4 mentions stored, 1 row quarantined


def test_info_on_a_missing_store_is_an_error(tmp_path):
    done = cli("info", "--store", str(tmp_path / "nothing-here"))
    assert done.returncode == 1
    assert "no store at" in done.stderr and done.stdout == ""


def test_unknown_format_is_refused(tmp_path):
    done = cli("ingest", WEEK1, "--brand", "KN", "--format", "excelsior", "--store", str(tmp_path))
    assert done.returncode == 1
    assert "unknown format 'excelsior'" in done.stderr


def test_generic_csv_with_mapping_tz_and_handle(tmp_path):
    """kn_generic.csv: a1 (x, budi), a2 (instagram, the brand's own account, two-line text),
    a3 with the date "kemarin", then a2 repeated. Mapping has no time zone, so --tz applies:
    Asia/Makassar is UTC+8, so 2024-03-05 07:00 -> 2024-03-04 23:00Z, 08:30 -> 00:30Z."""
    from datetime import UTC, datetime

    from analytics.store import Store

    store = tmp_path / "store"
    done = cli(
        "ingest", str(DATA / "kn_generic.csv"), "--mapping", str(DATA / "kn_generic.toml"),
        "--brand", "Kopi Nusantara", "--handle", "@KopiNusantara", "--tz", "Asia/Makassar",
        "--store", str(store), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert counts(payload) == (4, 2, 1, 1)  # a1, a2 stored; a2 again duplicate; a3 rejected
    assert payload["files"][0]["format"] == "generic"
    (example,) = payload["files"][0]["rejected_examples"]
    assert example.startswith('row 5: column "waktu"')
    frame = Store(store).mentions().collect().sort("mention_id")
    assert frame.get_column("published_at").to_list() == [
        datetime(2024, 3, 4, 23, 0, tzinfo=UTC),
        datetime(2024, 3, 5, 0, 30, tzinfo=UTC),
    ]
    assert frame.get_column("text").to_list() == [
        'Kopi "spesial" kok pahit 😖, kecewa',
        "Mohon maaf atas ketidaknyamanannya.\nTim kami sedang menindaklanjuti 🙏",
    ]
    assert frame.get_column("is_brand_post").to_list() == [False, True]  # --handle, "@" dropped
    assert frame.get_column("brand").to_list() == ["Kopi Nusantara"] * 2
    (rejected,) = Store(store).quarantine().collect().iter_rows(named=True)
    assert rejected["source_row"] == 5  # line 5: a2's text spans lines 3-4
    assert '"waktu"' in rejected["reason"] and "kemarin" in rejected["reason"]


def test_reingesting_a_file_says_so(tmp_path):
    store = str(tmp_path / "store")
    cli("ingest", WEEK1, "--brand", "Kopi Nusantara", "--store", store)
    again = cli("ingest", WEEK1, "--brand", "Kopi Nusantara", "--store", store)
    assert again.returncode == 0
    assert "read 5  stored 0  duplicates 4  rejected 1" in again.stdout
    assert "the same file (same sha256) was ingested on 20" in again.stdout


INFER = Path(__file__).parent / "data" / "load" / "infer"


def test_dry_run_prints_the_inferred_mapping_and_rows_and_writes_nothing(tmp_path):
    store = tmp_path / "store"
    done = cli(
        "ingest", str(INFER / "dayfirst_semicolon.csv"), "--brand", "Kopi", "--dry-run",
        "--store", str(store),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "dry run, nothing written" in done.stdout
    assert 'inferred published_at <- "Tanggal"' in done.stdout
    assert "published_at=2025-02-13T01:15:00+00:00" in done.stdout  # 08:15 Jakarta
    assert "likes=1200" in done.stdout
    assert not store.exists()


def test_save_mapping_then_ingest_with_it_gives_the_same_rows(tmp_path):
    saved = tmp_path / "m.toml"
    done = cli(
        "ingest", str(INFER / "academic_extract.csv"), "--brand", "NusaPay", "--dry-run",
        "--save-mapping", str(saved),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert 'published_at = "created_at"' in saved.read_text(encoding="utf-8")
    store = str(tmp_path / "store")
    args = ("--brand", "NusaPay", "--store", store, "--json")
    with_mapping = cli(
        "ingest", str(INFER / "academic_extract.csv"), *args, "--mapping", str(saved)
    )
    assert json.loads(with_mapping.stdout)["stored"] == 2
    saved_rows = Store(store).mentions(with_sentiment=False).collect()
    # the same file with other options (no mapping: inferred) replaces its rows
    again = cli("ingest", str(INFER / "academic_extract.csv"), *args)
    assert json.loads(again.stdout)["files"][0]["replaced"]["rows"]["mentions"] == 2
    inferred_rows = Store(store).mentions(with_sentiment=False).collect()
    assert inferred_rows.drop("source_row").equals(saved_rows.drop("source_row"))  # same rows


def test_ambiguous_file_save_mapping_writes_it_and_fails(tmp_path):
    saved = tmp_path / "m.toml"
    done = cli(
        "ingest", str(INFER / "ambiguous.csv"), "--brand", "K", "--save-mapping", str(saved),
        "--store", str(tmp_path / "store"),
    )  # fmt: skip
    assert done.returncode == 1
    assert "day/month order unknown" in done.stderr
    assert "# AMBIGUOUS:" in saved.read_text(encoding="utf-8")


def test_brand_column_stores_each_row_under_its_brand(tmp_path):
    path = tmp_path / "airlines.csv"
    path.write_text(
        "airline,tweet_created,text,tweet_id\n"
        "Virgin America,2015-02-24 11:35:52 -0800,what @dhepburn said,570306133677760513\n"
        "United,2015-02-24 11:15:59 -0800,thanks,570301130888122368\n"
        ",2015-02-24 11:14:45 -0800,no brand here,570300817074462722\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "store")
    done = cli("ingest", str(path), "--brand-column", "airline", "--store", store, "--json")
    report = json.loads(done.stdout)
    assert (report["stored"], report["rejected"]) == (2, 1)
    assert report["files"][0]["rejected_examples"] == [
        'row 4: column "airline" (--brand-column) is empty: every row needs its brand'
    ]
    from analytics.store import Store

    rows = Store(store).mentions().select("brand", "mention_id").collect().sort("mention_id")
    assert rows.rows() == [
        ("United", "570301130888122368"),
        ("Virgin America", "570306133677760513"),
    ]
    assert Store(store).brands() == ["United", "Virgin America"]


def test_brand_and_brand_column_together_refused(tmp_path):
    done = cli("ingest", WEEK1, "--brand", "A", "--brand-column", "x", "--store", str(tmp_path))
    assert done.returncode != 0
    assert "give --brand (every row's brand) or --brand-column, not both" in done.stderr
