"""What store integrity and growing counts cost: checksummed reads and a weekly re-capture.

Builds a store of N mentions (default 1,000,000, in batches of 100,000 as the loaders give
them) through ``Store.ingest_batches``, then, each in a fresh process (a new process hashes
every part it reads once):

* a full read of the mentions through ``Store.mentions`` (size checked, SHA-256 of every part
  computed on this first read) next to a plain ``polars.scan_parquet`` of the same parts
  (the baseline: no checks), same run;
* ``store verify`` (every part hashed in full);
* ingesting a second capture of the same posts with other likes (every row a duplicate
  whose counts are compared, half of them updated) next to ingesting the very same batches
  again (duplicates, no count comparison).

    .venv/bin/python benchmarks/bench_store_integrity.py
    .venv/bin/python benchmarks/bench_store_integrity.py --rows 200000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BATCH = 100_000

CHILD = r"""
import json, resource, sys, time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
import polars as pl
from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA, REJECTED_SCHEMA, conform
from analytics.store import Store

task, root, rows, batch, week = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])

def batches():
    for start in range(0, rows, batch):
        n = min(batch, rows - start)
        ids = pl.int_range(start, start + n, eager=True)
        frame = pl.DataFrame({
            "mention_id": ids.cast(pl.Utf8), "platform": ["x"] * n,
            "published_at": [datetime(2024, 3, 1, tzinfo=UTC)] * n,
            "text": ["teks contoh sebuah mention"] * n, "source_file": [f"week{week}.csv"] * n,
            "source_row": ids + 2,
            # week 2: every other post gained likes
            "likes": ids % 100 + (ids % 2) * (week - 1) * 7,
        })
        yield SimpleNamespace(
            mentions=conform(frame, MENTION_SCHEMA), format="generic",
            rejected=conform(pl.DataFrame(), REJECTED_SCHEMA), detection_reason="bench",
            daily_metrics=conform(pl.DataFrame(), DAILY_METRICS_SCHEMA), notes=[])

store = Store(root)
start = time.perf_counter()
result = {}
if task == "ingest":
    entry = store.ingest_batches(batches(), brand="B", source=f"week{week}.csv",
                                 sha256=f"sha-week{week}", options={})
    result = {k: entry[k] for k in ("stored", "duplicates", "counts_updated")}
elif task == "read":
    result["rows"] = store.mentions(with_sentiment=False).collect().height
elif task == "baseline":
    manifest = json.loads((store.root / "manifest.json").read_text())
    parts = [str(store.root / p["path"]) for p in manifest["parts"] if p["table"] == "mentions"]
    result["rows"] = pl.scan_parquet(parts).collect().height
elif task == "verify":
    result["parts"] = len(store.verify())
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({**result, "seconds": seconds, "peak_mb": peak}))
"""


def run(task: str, root: Path, rows: int, week: int = 1) -> dict:
    """Run one task in a fresh process and return what it printed."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, task, str(root), str(rows), str(BATCH), str(week)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    """Build the store, time each task, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        started = time.perf_counter()
        first = run("ingest", root, rows, week=1)
        print(f"store of {rows:,} mentions built in {time.perf_counter() - started:.1f} s")
        baseline, read = run("baseline", root, rows), run("read", root, rows)
        verify = run("verify", root, rows)
        same = run("ingest", root, rows, week=1)
        later = run("ingest", root, rows, week=2)
    assert read["rows"] == baseline["rows"] == rows
    print(f"{'task':<46} {'time':>8} {'peak RSS':>9}")
    figures = [
        ("first ingest (fresh store)", first),
        ("polars.scan_parquet of the parts (baseline)", baseline),
        ("Store.mentions, first read (sizes + SHA-256)", read),
        ("store verify (every part hashed)", verify),
        ("same batches again (no count comparison)", same),
        (f"second capture ({later['counts_updated']:,} counts updated)", later),
    ]
    for name, figure in figures:
        print(f"{name:<46} {figure['seconds']:>7.2f}s {figure['peak_mb']:>7.0f}MB")
    print(
        f"checked first read / unchecked scan: {read['seconds'] / baseline['seconds']:.2f}x "
        f"time, {read['peak_mb'] / baseline['peak_mb']:.2f}x memory"
    )
    print(
        f"second capture / same batches again: {later['seconds'] / same['seconds']:.2f}x time, "
        f"{later['peak_mb'] / same['peak_mb']:.2f}x memory"
    )


if __name__ == "__main__":
    main()
