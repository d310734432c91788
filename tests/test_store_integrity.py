"""Store integrity: every part's size and SHA-256 in the manifest, checked on read and by
``crisis-analytics store verify``; an older manifest restored over a newer store is refused.

Each test damages a real store the way the issue-12 probes did (bytes overwritten inside a
part, a part cut short, an older manifest.json copied back) and expects a one-line error
naming the part, never a silent success or a traceback.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from test_cli_ingest import WEEK1, WEEK2, cli, real_cli
from test_store import forget_digests

from analytics.errors import StoreError
from analytics.store import PartState, Store, integrity


def mention_part(root: Path) -> Path:
    (part,) = (root / "mentions").glob("part-*.parquet")
    return part


def test_every_part_has_its_size_and_sha256_in_the_manifest(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    parts = json.loads((tmp_path / "manifest.json").read_text())["parts"]
    assert sorted(p["table"] for p in parts) == ["mentions", "quarantine"]
    for part in parts:
        data = (tmp_path / part["path"]).read_bytes()
        assert (part["bytes"], part["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
    run = cli("store", "verify", "--store", str(tmp_path), "--json")
    assert run.returncode == 0
    assert [p["state"] for p in json.loads(run.stdout)["parts"]] == ["ok", "ok"]


def test_bytes_overwritten_inside_a_part_fail_verify_and_a_read_naming_it(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    part = mention_part(tmp_path)
    data = bytearray(part.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = bytes(b ^ 0xFF for b in data[middle : middle + 8])
    part.write_bytes(bytes(data))  # same size: only the hash can tell
    name = f"mentions/{part.name}"
    run = cli("store", "verify", "--store", str(tmp_path))
    assert run.returncode == 1
    assert f"damaged  {name}  (its bytes differ from those written" in run.stdout
    assert run.stderr.startswith(f"error: {tmp_path}: 1 part(s) are not as written, e.g. {name}")
    assert run.stderr.count("\n") == 1
    # a new process reading the store checks the hash of each part it reads the first time
    read = real_cli("info", "--store", str(tmp_path))
    assert read.returncode == 1
    assert read.stdout == ""
    assert read.stderr.startswith(f"error: {tmp_path}: part {name} is damaged (")
    assert "store remove --file bw_week1.csv" in read.stderr
    assert read.stderr.count("\n") == 1 and "Traceback" not in read.stderr


def test_a_truncated_part_is_named_on_every_read(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    part = mention_part(tmp_path)
    size = part.stat().st_size
    part.write_bytes(part.read_bytes()[: size // 2])
    # the size is checked on every read, even in the process that wrote the part
    with pytest.raises(StoreError, match=rf"part mentions/{part.name} is truncated \("
                       rf"{size // 2:,} bytes on disk, {size:,} written\)"):  # fmt: skip
        Store(tmp_path).mentions().collect()
    run = cli("crisis", "window", "--brand", "KN", "--store", str(tmp_path))
    assert run.returncode == 1
    assert f"part mentions/{part.name} is truncated" in run.stderr
    verify = cli("store", "verify", "--store", str(tmp_path), "--json")
    assert verify.returncode == 1
    states = {p["path"]: p["state"] for p in json.loads(verify.stdout)["parts"]}
    assert states[f"mentions/{part.name}"] == "truncated"


def test_an_older_manifest_restored_over_a_newer_store_is_refused_without_force(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    shutil.copy(tmp_path / "manifest.json", tmp_path / "backup.json")
    assert cli("ingest", WEEK2, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    newer = {p["path"] for p in json.loads((tmp_path / "manifest.json").read_text())["parts"]}
    shutil.copy(tmp_path / "backup.json", tmp_path / "manifest.json")  # the restore
    newer -= {p["path"] for p in json.loads((tmp_path / "backup.json").read_text())["parts"]}
    assert newer  # week 2's parts: one generation newer than the restored manifest
    run = cli("ingest", WEEK2, "--brand", "KN", "--store", str(tmp_path))
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1
    assert "manifest.json (generation 1) is older than the store" in run.stderr
    assert "re-run ingest or store remove with --force" in run.stderr
    assert all((tmp_path / p).is_file() for p in newer)  # nothing deleted
    verify = cli("store", "verify", "--store", str(tmp_path), "--json")
    assert verify.returncode == 1
    states = {p["path"]: p["state"] for p in json.loads(verify.stdout)["parts"]}
    assert {p for p, s in states.items() if s == "not in manifest"} == newer
    forced = cli("ingest", WEEK2, "--brand", "KN", "--store", str(tmp_path), "--force")
    assert forced.returncode == 0, forced.stderr
    assert not any((tmp_path / p).exists() for p in newer)
    ids = Store(tmp_path).mentions().collect().get_column("mention_id").sort().to_list()
    assert ids == ["1001", "1002", "1003", "1004", "1005", "1006"]
    assert cli("store", "verify", "--store", str(tmp_path)).returncode == 0


def test_a_store_without_checksums_gets_them_on_verify(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    forget_digests(tmp_path)  # as written by the version before checksums
    assert Store(tmp_path).mentions().collect().height == 4  # still reads
    checks = Store(tmp_path).verify()
    assert [c.state for c in checks] == [PartState.RECORDED, PartState.RECORDED]
    parts = json.loads((tmp_path / "manifest.json").read_text())["parts"]
    for part in parts:
        data = (tmp_path / part["path"]).read_bytes()
        assert part["sha256"] == hashlib.sha256(data).hexdigest()
    assert [c.state for c in Store(tmp_path).verify()] == [PartState.OK, PartState.OK]


def test_a_store_without_checksums_gets_them_on_the_next_write(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    forget_digests(tmp_path)
    assert cli("ingest", WEEK2, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    parts = json.loads((tmp_path / "manifest.json").read_text())["parts"]
    assert len(parts) == 3 and all(p.get("sha256") for p in parts)


def test_a_part_is_hashed_once_per_process(tmp_path, monkeypatch):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    integrity._VERIFIED.clear()  # as in a new process
    hashed = []
    real = integrity.file_digest
    monkeypatch.setattr(integrity, "file_digest", lambda p: hashed.append(p.name) or real(p))
    Store(tmp_path).mentions().collect()
    Store(tmp_path).mentions().collect()
    assert hashed == [mention_part(tmp_path).name]


def test_the_advice_for_a_damaged_part_works_remove_its_file_and_ingest_it_again(tmp_path):
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    assert cli("ingest", WEEK2, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    (week1_part, *_) = sorted((tmp_path / "mentions").glob("part-000001-*.parquet"))
    week1_part.write_bytes(week1_part.read_bytes()[:-8] + b"\0" * 8)
    integrity._VERIFIED.clear()  # as in a new process
    blocked = cli("ingest", WEEK2, "--brand", "KN", "--store", str(tmp_path))
    assert blocked.returncode == 1
    assert "store remove --file bw_week1.csv" in blocked.stderr
    removed = cli("store", "remove", "--file", "bw_week1.csv", "--store", str(tmp_path))
    assert removed.returncode == 0, removed.stderr
    assert cli("ingest", WEEK1, "--brand", "KN", "--store", str(tmp_path)).returncode == 0
    assert cli("store", "verify", "--store", str(tmp_path)).returncode == 0
    ids = Store(tmp_path).mentions().collect().get_column("mention_id").sort().to_list()
    assert ids == ["1001", "1002", "1003", "1004", "1005", "1006"]
