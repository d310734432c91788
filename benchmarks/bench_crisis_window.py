"""Crisis window on a big store: time and peak memory of detection from a lazy Parquet scan.

Writes N synthetic mentions (default 2,000,000 over 6 weeks, daily rhythm, a planted crisis)
to a Parquet file, then measures, each in its own fresh process (peak RSS is per process):

* ``detect``     ``detect_crisis(pl.scan_parquet(path))``: hourly timeline, seasonal scores,
                 window, phases (what ``crisis window`` does);
* ``day``        ``timeline(scan, every="1d", by="platform")``;
* ``coverage``   ``coverage(scan)``;
* ``floor``      the least any detector must do: hourly counts of the same scan
                 (``group_by(hour).len()``), the baseline the ratios are against;
* ``imports``    nothing but the imports: the memory floor under every other figure;
* ``eager``      reading the whole file into memory (``pl.read_parquet``): the memory an
                 eager implementation would need at least.

    .venv/bin/python benchmarks/bench_crisis_window.py               # 2,000,000 mentions
    .venv/bin/python benchmarks/bench_crisis_window.py --rows 500000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl

START = datetime(2026, 10, 5, tzinfo=UTC)
HOURS = 24 * 42
CRISIS_HOUR = 24 * 30 + 14  # planted onset
KINDS = ("imports", "floor", "eager", "detect", "day", "coverage")

_MEASURE = r"""
import json, sys, time
import polars as pl
from analytics.measure.completeness import coverage
from analytics.measure.crisis import detect_crisis
from analytics.measure.timeline import timeline
path, what = sys.argv[1], sys.argv[2]
began = time.perf_counter()  # imports done: only the work is timed
if what == "detect":
    window = detect_crisis(pl.scan_parquet(path))
    result = window.onset.isoformat() if window.onset else None
elif what == "day":
    result = timeline(pl.scan_parquet(path), every="1d", by="platform").height
elif what == "coverage":
    result = int(coverage(pl.scan_parquet(path))["gap"].sum())
elif what == "floor":
    hourly = (pl.scan_parquet(path)
              .group_by(pl.col("published_at").dt.truncate("1h")).len().collect())
    result = hourly.height
elif what == "eager":
    result = pl.read_parquet(path).height
else:
    result = None  # "imports": the memory of the libraries alone
seconds = time.perf_counter() - began
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent
with open("/proc/self/status") as status:
    hwm = next(line for line in status if line.startswith("VmHWM:"))
peak_mb = int(hwm.split()[1]) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "result": result}))
"""


def write_mentions(path: Path, rows: int, seed: int = 7) -> None:
    """Seeded mentions: a daily rhythm, and a crisis wave at CRISIS_HOUR, 5 platforms."""
    rng = np.random.default_rng(seed)
    hour = np.arange(HOURS)
    local = (hour + 7) % 24
    rate = 0.3 + np.sin(np.pi * np.clip(local - 5, 0, 19) / 19) ** 2
    after = hour - CRISIS_HOUR
    wave = np.where(after >= 0, 25 * np.exp(-np.maximum(after - 20, 0) / 30), 0)
    wave = np.where((after >= 0) & (after < 20), 25 * (after + 1) / 20, wave)
    weight = rate + wave
    hours = rng.choice(HOURS, size=rows, p=weight / weight.sum())
    seconds = hours.astype("int64") * 3600 + rng.integers(0, 3600, rows)
    crisis = wave[hours] > rate[hours]
    negative = rng.random(rows) < np.where(crisis, 0.7, 0.2)
    frame = pl.DataFrame(
        {
            "mention_id": np.arange(rows).astype(str),
            "published_at": pl.Series(
                np.datetime64(START.replace(tzinfo=None)) + seconds.astype("timedelta64[s]")
            ).dt.replace_time_zone("UTC"),
            "platform": rng.choice(["x", "instagram", "tiktok", "facebook", "news"], rows),
            "text": rng.choice(["teks panjang " * 8, "short text", "kecewa banget"], rows),
            "reach": rng.integers(0, 50_000, rows),
            "likes": rng.integers(0, 300, rows),
            "is_brand_post": rng.random(rows) < 0.001,
            "sentiment_label": np.where(negative, "negative", "positive"),
            "sentiment_compound": np.where(negative, -0.6, 0.5),
        }
    )
    frame.write_parquet(path)


def measure(path: Path, what: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), what],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mentions.parquet"
        write_mentions(path, args.rows)
        size_mb = path.stat().st_size / 1e6
        print(f"{args.rows:,} mentions over {HOURS // 24} days, Parquet {size_mb:.0f} MB")
        figures = {what: measure(path, what) for what in KINDS}
    floor = figures["floor"]
    for what in KINDS:
        f = figures[what]
        print(
            f"{what:<9} {f['seconds']:7.2f} s  ({f['seconds'] / floor['seconds']:5.1f}x floor)  "
            f"peak RSS {f['peak_mb']:7.0f} MB  ({f['peak_mb'] / figures['eager']['peak_mb']:.2f}"
            f"x eager read)  result {f['result']}"
        )
    planted = datetime.fromtimestamp(START.timestamp() + CRISIS_HOUR * 3600, UTC)
    print(f"planted onset {planted.isoformat()}, detected {figures['detect']['result']}")


if __name__ == "__main__":
    main()
