"""Ingest speed and memory: a 1,000,000-row generic CSV into a fresh store.

Prints rows/second and peak RSS of ``Store.ingest`` next to a plain ``pandas.read_csv`` of the
same file, both measured in this run, each in its own fresh process (peak RSS is per
process, so one measurement cannot inflate the other). Also measures re-ingesting the same
file into the now full store (every row a duplicate: the dedup path), the same file with no
mapping (columns inferred from a bounded sample: the cost of inference), a quarter-size file
(peak RSS must not grow with the file: batches stream through the store), and the memory of
a process that only imports the libraries (the floor under all). Each ingest's time is split
into the loader's part (reading and parsing) and the store's part (dedup, Parquet, manifest).

    .venv/bin/python benchmarks/bench_ingest.py              # 1,000,000 rows
    .venv/bin/python benchmarks/bench_ingest.py --rows 200000

The CSV is seeded and realistic: Indonesian/English/code-mixed texts with quotes, commas,
newlines inside quoted fields and emoji, ids, authors, URLs, counts, naive local times.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

TEXTS = [
    'Pelayanan @KopiNusantara lambat banget, sudah 2 jam nunggu 😡 "katanya" sebentar',
    "Why is nobody answering? This is the third time, seriously.\nFix it please 🙏",
    "Kopinya enak, tapi harganya naik terus... worth it sih 👍",
    'CEO-nya bilang "kami minta maaf", tapi refund belum masuk, gimana nih',
    "HOAX: katanya ada kecoa di cup, itu editan! cek fakta dulu guys 🧐",
    "Great response from the team, they fixed it in a day. Respect 👏👏",
    "Gue udah uninstall app-nya, too many bugs, nggak lagi deh 🙄",
    'Berita: "Kopi Nusantara tarik produk", saham turun 3,4%; analis: dampak sementara',
    "lol the apology video is so awkward 😂, but at least they said sorry",
    "Promo 50% hari ini!!! tag temanmu, ☕️ gratis untuk 100 orang pertama",
    "Netral aja sih, belum coba. Ada yang udah?",
    "Thread 🧵:\n1) kronologi\n2) tanggapan resmi\n3) apa yang belum dijawab",
]
PLATFORMS = ["x", "instagram", "facebook", "tiktok", "news", "youtube"]

MAPPING = """\
# generic mapping for the benchmark CSV (see docs/loading.md)
[columns]
mention_id = "id"
published_at = "created"
platform = "channel"
author = "user"
text = "message"
url = "link"
likes = "likes"
comments = "comments"
shares = "shares"
reach = "reach"
language = "lang"

[time]
format = "%Y-%m-%d %H:%M:%S"
timezone = "Asia/Jakarta"

[file]
delimiter = ","
encoding = "utf-8"
"""


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    """Write the seeded benchmark CSV (vectorised: a million rows in a few seconds)."""
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    seconds = np.sort(rng.integers(0, 42 * 86400, rows))
    texts = np.array(TEXTS, dtype=object)[rng.integers(0, len(TEXTS), rows)]
    suffix = rng.integers(0, 10_000, rows).astype(str)
    frame = pl.DataFrame(
        {
            "id": (np.arange(rows, dtype=np.int64) + 1_700_000_000_000_000_000).astype(str),
            "created": seconds,
            "channel": np.array(PLATFORMS, dtype=object)[rng.integers(0, len(PLATFORMS), rows)],
            "user": np.char.add("user_", rng.integers(0, 50_000, rows).astype(str)),
            "message": [f"{t} #{s}" for t, s in zip(texts, suffix, strict=True)],
            "link": np.char.add("https://example.com/p/", np.arange(rows).astype(str)),
            "likes": rng.poisson(12, rows),
            "comments": rng.poisson(3, rows),
            "shares": rng.poisson(2, rows),
            "reach": rng.integers(100, 2_000_000, rows),
            "lang": np.array(["id", "en", "id"], dtype=object)[rng.integers(0, 3, rows)],
        }
    )
    start = pl.lit(datetime(2024, 3, 1))
    frame = frame.with_columns(
        (start + pl.duration(seconds=pl.col("created")))
        .dt.strftime("%Y-%m-%d %H:%M:%S")
        .alias("created")
    )
    frame.write_csv(path)


PEAK = """
def peak_rss_mb():
    # VmHWM is the peak of this process's own memory map; ru_maxrss would also carry the
    # parent's peak across fork+exec on Linux
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

INGEST = (
    PEAK
    + """
import json, resource, sys, time
import analytics.load  # imported before the clock starts
from analytics.store import Store

# time spent inside the loader (reading and parsing the CSV), apart from the store's work
real_iter, in_loader = analytics.load.iter_load_export, [0.0]

def timed_iter(*args, **kwargs):
    batches = real_iter(*args, **kwargs)
    while True:
        began = time.perf_counter()
        try:
            batch = next(batches)
        except StopIteration:
            in_loader[0] += time.perf_counter() - began
            return
        in_loader[0] += time.perf_counter() - began
        yield batch

analytics.load.iter_load_export = timed_iter
csv, mapping, root = sys.argv[1:4]
start = time.perf_counter()
if mapping == "-":  # no mapping: the columns are inferred from names and sampled values
    report = Store(root).ingest([csv], brand="Kopi Nusantara", progress=False)
else:
    report = Store(root).ingest([csv], brand="Kopi Nusantara", format="generic",
                                mapping=mapping, progress=False)
elapsed = time.perf_counter() - start
failed = report.failed
print(json.dumps({"seconds": elapsed, "loader_seconds": in_loader[0], **report.totals,
                  "errors": [f["error"] for f in failed], "peak_rss_mb": peak_rss_mb()}))
"""
)

PANDAS = (
    PEAK
    + """
import json, resource, sys, time
import pandas
start = time.perf_counter()
frame = pandas.read_csv(sys.argv[1])
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "read": len(frame),
                  "peak_rss_mb": peak_rss_mb()}))
"""
)

INFER_ONLY = """
import json, sys, time
from analytics.load import infer_columns
start = time.perf_counter()
inference = infer_columns(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - start, "columns": inference.columns,
                  "sampled": inference.sampled}))
"""

IMPORTS_ONLY = (
    PEAK
    + """
import json, resource
import pandas, polars, pyarrow
import analytics.store, analytics.load
print(json.dumps({"peak_rss_mb": peak_rss_mb()}))
"""
)


GENERATE = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from pathlib import Path
from bench_ingest import write_csv
write_csv(Path(sys.argv[1]), int(sys.argv[2]))
print(json.dumps({{}}))
"""


def run(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter and return the JSON it prints."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(name: str, result: dict) -> str:
    """One row of the results table (for an ingest: how the time splits, loader vs store)."""
    text = (
        f"{name:<26} {result['read'] / result['seconds']:>9,.0f} rows/s"
        f" {result['seconds']:6.1f} s   peak RSS {result['peak_rss_mb']:5.0f} MB"
    )
    if "loader_seconds" in result:
        store = result["seconds"] - result["loader_seconds"]
        text += (
            f"   (loader {result['loader_seconds']:.1f} s, store {store:.1f} s ="
            f" {result['read'] / store:,.0f} rows/s)"
        )
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    quarter = args.rows // 4
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        tmp_path = Path(tmp)
        csv, small, mapping = tmp_path / "all.csv", tmp_path / "quarter.csv", tmp_path / "m.toml"
        began = time.perf_counter()
        # in child processes: this one stays small, so nothing of it leaks into the figures
        run(GENERATE, str(csv), str(args.rows))
        run(GENERATE, str(small), str(quarter))
        mapping.write_text(MAPPING, encoding="utf-8")
        size_mb = csv.stat().st_size / 1e6
        took = time.perf_counter() - began
        print(f"generated {args.rows:,} rows ({size_mb:.0f} MB) and {quarter:,} in {took:.1f} s")

        floor = run(IMPORTS_ONLY)
        pandas = run(PANDAS, str(csv))
        first = run(INGEST, str(csv), str(mapping), str(tmp_path / "store"))
        again = run(INGEST, str(csv), str(mapping), str(tmp_path / "store"))
        part = run(INGEST, str(small), str(mapping), str(tmp_path / "small-store"))
        # the same file with no mapping (columns inferred), strictly alternated with the
        # explicit mapping on fresh stores; best of three each, as the machine is shared
        explicit, inferred = [], []
        for i in range(3):
            explicit.append(run(INGEST, str(csv), str(mapping), str(tmp_path / f"explicit-{i}")))
            inferred.append(run(INGEST, str(csv), "-", str(tmp_path / f"inferred-{i}")))
        infer_only = run(INFER_ONLY, str(csv))

    checked = [("first ingest", first), ("re-ingest", again), ("quarter", part)]
    for name, result in [*checked, *(("inferred ingest", r) for r in inferred)]:
        if result["errors"]:
            raise SystemExit(f"{name} failed: {result['errors']}")
    print(f"{'imports only':<26} {'':>16} {'':>8}   peak RSS {floor['peak_rss_mb']:5.0f} MB")
    print(line("pandas.read_csv (baseline)", pandas))
    print(line("ingest, fresh store", first))
    print(line("re-ingest, all duplicates", again))
    print(line(f"ingest {quarter:,} rows", part))
    print(
        f"ratio ingest/pandas.read_csv: speed {pandas['seconds'] / first['seconds']:.2f}x,"
        f" peak RSS {first['peak_rss_mb'] / pandas['peak_rss_mb']:.2f}x"
    )
    store_share = 1 - first["loader_seconds"] / first["seconds"]
    print(f"store's share of the fresh ingest time: {store_share:.0%} (the rest is the loader)")
    print(
        f"memory bound: peak RSS for {args.rows:,} rows / for {quarter:,} rows = "
        f"{first['peak_rss_mb'] / part['peak_rss_mb']:.2f} (pandas grows with the file)"
    )
    best_explicit = min(r["seconds"] for r in explicit)
    best_inferred = min(r["seconds"] for r in inferred)
    print(line("ingest, explicit mapping", min(explicit, key=lambda r: r["seconds"])))
    print(line("ingest, inferred columns", min(inferred, key=lambda r: r["seconds"])))
    print(
        f"inference cost: best of {len(explicit)} with the explicit mapping "
        f"{best_explicit:.1f} s, best of {len(inferred)} with inferred columns "
        f"{best_inferred:.1f} s: ratio {best_inferred / best_explicit:.3f} (target < 1.05)"
    )
    print(
        f"the inference step alone: {infer_only['seconds']:.2f} s on "
        f"{infer_only['sampled']:,} sampled rows = {infer_only['seconds'] / best_explicit:.1%}"
        f" of the explicit ingest; inferred columns {infer_only['columns']}"
    )
    if any(r["stored"] != args.rows for r in inferred):
        raise SystemExit("inferred ingest stored a different number of rows")
    if (first["stored"], again["duplicates"]) != (args.rows, args.rows):
        raise SystemExit(
            f"wrong counts: expected {args.rows:,} read, stored, then {args.rows:,} duplicates"
        )


if __name__ == "__main__":
    main()
