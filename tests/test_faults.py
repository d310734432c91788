"""Fault injection: kill -9 at seeded random moments, a full disk, damaged store files.

Each test runs the real command line in its own process, as cron would, and breaks it the
way the world does: ``kill -9`` (no clean-up can run), a disk that fills up (a small tmpfs;
mounting needs root, as in CI, so elsewhere those tests are skipped and say why), a manifest
overwritten with garbage. What must hold afterwards: the store answers, every file is either
wholly in or not at all, a re-run completes the work with nothing twice, helper processes
are gone, and every failure is one line on stderr naming the path.

The seeds are fixed so a failure can be replayed; the moments are spread over the run
(start-up, loading, writing).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).parent / "data" / "hostile"
ROWS_PER_FILE = 2000


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "analytics", *args]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(*args), capture_output=True, text=True, cwd=REPO, check=False)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def children(pid: int) -> set[int]:
    """Every descendant of ``pid`` (Linux /proc), found before the parent is killed."""
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == parent and int(entry.name) not in found:
                found.add(int(entry.name))
                frontier.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status waits to be collected


def wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = {p for p in pids if alive(p)}
        if not left:
            return set()
        time.sleep(0.2)
    return {p for p in pids if alive(p)}


def exports(folder: Path, files: int = 3) -> list[Path]:
    """``files`` generic CSVs of ROWS_PER_FILE distinct mentions each (ids unique overall)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in range(files):
        path = folder / f"export_{f}.csv"
        lines = ["id,time,text,likes"]
        for i in range(ROWS_PER_FILE):
            n = f * ROWS_PER_FILE + i
            lines.append(f'{n},2026-09-{1 + i % 28:02d} {i % 24:02d}:00:00,"kopi {n}\nbaris",{i}')
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_args(store: Path, files: list[Path]) -> list[str]:
    return ["ingest", *map(str, files), "--brand", "Kopi Senja", "--format", "generic",
            "--mapping", str(HOSTILE / "mapping.toml"), "--store", str(store)]  # fmt: skip


def info(store: Path) -> dict:
    result = run("info", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# ---------------------------------------------------------------- kill -9


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_during_ingest_leaves_whole_files_and_a_rerun_completes(tmp_path, seed):
    files = exports(tmp_path / "exports")
    store = tmp_path / "store"
    moment = random.Random(seed).uniform(0.5, 6.0)
    proc = subprocess.Popen(command(*ingest_args(store, files)), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        proc.wait(timeout=moment)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    if store.exists() and (store / "manifest.json").exists():
        per_file = info(store)["rows_per_source_file"]
        # one file = one atomic step: each is wholly in the store or not at all
        assert set(per_file.values()) <= {ROWS_PER_FILE}, per_file
        # and every part the manifest names is whole (sizes and SHA-256 as recorded)
        verified = run("store", "verify", "--store", str(store))
        assert verified.returncode == 0, verified.stdout + verified.stderr
    rerun = run(*ingest_args(store, files), "--json")
    assert rerun.returncode == 0, rerun.stderr
    after = info(store)
    assert after["rows"] == 3 * ROWS_PER_FILE  # nothing lost, nothing twice
    assert after["rows_per_source_file"] == {p.name: ROWS_PER_FILE for p in files}


@pytest.mark.slow
def test_kill_9_of_sentiment_store_takes_its_helpers_with_it(tmp_path):
    files = exports(tmp_path / "exports", files=4)
    store = tmp_path / "store"
    assert run(*ingest_args(store, files)).returncode == 0
    proc = subprocess.Popen(
        command("sentiment", "store", "--store", str(store), "--workers", "2"),
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    helpers: set[int] = set()
    deadline = time.monotonic() + 120
    while not helpers and proc.poll() is None and time.monotonic() < deadline:
        helpers = children(proc.pid)
        time.sleep(0.1)
    if proc.poll() is not None:
        pytest.fail("sentiment store finished before a helper process started; give it more")
    time.sleep(random.Random(7).uniform(0.2, 1.5))
    helpers |= children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert wait_gone(helpers, 10) == set(), "scoring helpers outlived their parent"
    # the store is consistent and the next run scores what is left
    rerun = run("sentiment", "store", "--store", str(store), "--workers", "1", "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert info(store)["scored"] == 4 * ROWS_PER_FILE


@pytest.fixture(scope="module")
def report_store(tmp_path_factory):
    from analytics.report.synthetic import small_store

    root = tmp_path_factory.mktemp("fault_reports")
    small_store(root / "store", plant_script=False)
    return root / "store"


def weekly_args(store: Path, out: Path) -> list[str]:
    return ["report", "weekly", "--brand", "Kopi Nusantara", "--week", "2026-W43",
            "--store", str(store), "--out", str(out)]  # fmt: skip


@pytest.mark.slow
def test_kill_9_of_a_report_kills_its_kernel_and_the_next_run_sweeps_its_folder(
    report_store, tmp_path
):
    from analytics.report.runner import report_dir

    out = tmp_path / "reports"
    proc = subprocess.Popen(command(*weekly_args(report_store, out)), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    folder = report_dir(out, "Kopi Nusantara", "weekly", "2026-W43")
    kernels: set[int] = set()
    deadline = time.monotonic() + 180
    while not kernels and proc.poll() is None and time.monotonic() < deadline:
        kernels = {p for p in children(proc.pid)
                   if b"ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes()}  # fmt: skip
        time.sleep(0.2)
    assert kernels, "the report's kernel never started"
    time.sleep(random.Random(11).uniform(0.5, 3.0))  # somewhere inside the notebook
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    leftovers = list(folder.parent.glob(f".{folder.name}.*.tmp"))
    assert leftovers, "the killed run should have been writing in a hidden temp folder"
    assert wait_gone(kernels, 15) == set(), "the kernel outlived its report run"
    done = run(*weekly_args(report_store, out))
    assert done.returncode == 0, done.stderr
    assert (folder / "report.html").is_file()
    assert list(folder.parent.glob(f".{folder.name}.*")) == [
        folder.parent / f".{folder.name}.lock"
    ]  # only the lock file remains beside the report


# ---------------------------------------------------------------- a full disk


@pytest.fixture
def tiny_disk(tmp_path):
    """A 2 MB tmpfs; skipped (saying why) when this user cannot mount one."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root (CI is root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    """Fill the disk holding ``folder`` to the last byte."""
    with (folder / "filler").open("wb") as handle:
        try:
            while True:
                handle.write(os.urandom(1 << 16))
                handle.flush()
        except OSError:
            pass


@pytest.mark.slow
def test_a_full_disk_during_ingest_and_scoring_is_one_line_and_the_store_survives(
    tiny_disk, tmp_path
):
    files = exports(tmp_path / "exports", files=1)
    store = tiny_disk / "store"
    assert run(*ingest_args(store, files)).returncode == 0
    before = info(store)
    fill(tiny_disk)
    more = exports(tmp_path / "more", files=1)
    more[0] = more[0].rename(more[0].with_name("later.csv"))
    text = more[0].read_text().replace("\n0,", "\n90000,", 1)
    more[0].write_text(text.replace(",kopi ", ",kopi lagi "))  # new mentions, not duplicates
    line = one_line_error(run(*ingest_args(store, more)))
    assert str(store) in line and "No space left on device" in line
    line = one_line_error(run("sentiment", "store", "--store", str(store), "--workers", "1"))
    assert str(store) in line and "the disk is full" in line
    (tiny_disk / "filler").unlink()
    assert info(store)["rows"] == before["rows"]  # nothing half-written, nothing lost


@pytest.mark.slow
def test_a_full_disk_for_the_report_is_one_line_naming_the_folder(report_store, tiny_disk):
    out = tiny_disk / "reports"
    out.mkdir()
    fill(tiny_disk)
    line = one_line_error(run(*weekly_args(report_store, out)))
    assert str(out) in line and "No space left on device" in line


# ---------------------------------------------------------------- damaged store files


def test_a_manifest_overwritten_with_garbage_is_one_line(tmp_path):
    files = exports(tmp_path / "exports", files=1)
    store = tmp_path / "store"
    assert run(*ingest_args(store, files)).returncode == 0
    (store / "manifest.json").write_bytes(b"\x00\xff garbage {")
    line = one_line_error(run("info", "--store", str(store)))
    assert "manifest.json" in line
