"""Weekly report on a store of 1,000,000 mentions: time, peak memory and where time goes.

Builds a seeded synthetic store (``analytics.report.synthetic``: 6 weeks, a crisis spike in
ISO week 2026-W43, a 50,000-mention competitor) through the store API, then runs
``report weekly`` for 2026-W43 exactly as the CLI does (papermill + kernel + nbconvert).
The baseline is the same report on a 10,000-mention store built the same way, in the same
run, so the ratio says how the report scales on this (noisy, 2-core) machine.

    .venv/bin/python benchmarks/bench_weekly_report.py [--mentions 1000000]

Prints: build time, report total, its split into kernel start-up (plus papermill
overhead), analytics (notebook cells) and HTML export, the slowest cells, peak RSS of the
kernel and of this process, and the HTML size. Target: total < 60 s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import nbformat  # noqa: E402

from analytics.report.jobs import run_weekly  # noqa: E402
from analytics.report.synthetic import build_store, sample_start, synthetic_mentions  # noqa: E402

WEEK = "2026-W43"
SPIKE = datetime(2026, 10, 21, 3, 0, tzinfo=UTC)


def build(root: Path, mentions: int) -> float:
    started = time.perf_counter()
    brand = synthetic_mentions(
        mentions,
        brand="NusaPay",
        start=sample_start(),
        days=42,
        spike_at=SPIKE,
        spike_share=0.08,
        plant_script=True,
    )
    rival = synthetic_mentions(max(mentions // 20, 500), brand="KiraPay",
                               start=sample_start(), days=42, seed=11)  # fmt: skip
    build_store(root, [brand, rival])
    return time.perf_counter() - started


def slowest_cells(notebook: Path, n: int = 3) -> list[tuple[float, str]]:
    nb = nbformat.read(notebook, as_version=4)
    cells = [(c.metadata.get("papermill", {}).get("duration") or 0.0,
              c.source.strip().splitlines()[0][:60] if c.source.strip() else "")
             for c in nb.cells if c.cell_type == "code"]  # fmt: skip
    return sorted(cells, reverse=True)[:n]


def report(root: Path, label: str, mentions: int) -> dict:
    store, out = root / f"store-{label}", root / f"reports-{label}"
    build_s = build(store, mentions)
    result = run_weekly(brand="NusaPay", week=WEEK, store=store, out=out, progress=False)
    t = result.timings
    print(f"\n[{label}] {mentions:,} mentions (+ competitor): store built in {build_s:.1f} s")
    print(f"  report total      {t['total']:7.1f} s")
    print(
        f"  kernel start-up   {t['kernel_and_overhead']:7.1f} s "
        f"({t['kernel_and_overhead'] / t['total']:.0%}, incl. papermill overhead)"
    )
    print(f"  analytics (cells) {t['cells']:7.1f} s ({t['cells'] / t['total']:.0%})")
    print(f"  HTML export       {t['html_export']:7.1f} s ({t['html_export'] / t['total']:.0%})")
    for seconds, first_line in slowest_cells(result.notebook_path):
        print(f"    cell {seconds:6.1f} s  {first_line}")
    print(f"  HTML size         {result.size_bytes / 1e6:7.2f} MB, {result.chart_count} charts")
    return {"total": t["total"], "cells": t["cells"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--baseline", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-weekly-") as tmp:
        root = Path(tmp)
        base = report(root, "baseline", args.baseline)
        kernel_peak_small = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        big = report(root, "large", args.mentions)
    kernel_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\nsummary")
    print(
        f"  weekly report on {args.mentions:,} mentions: {big['total']:.1f} s "
        f"(target < 60 s: {'met' if big['total'] < 60 else 'NOT met'})"
    )
    print(
        f"  ratio vs {args.baseline:,}-mention baseline: total x{big['total'] / base['total']:.2f}"
        f", analytics cells x{big['cells'] / base['cells']:.2f}"
    )
    print(
        f"  peak RSS: kernel {kernel_peak:.0f} MB (baseline run {kernel_peak_small:.0f} MB); "
        f"this process (store build + nbconvert) {own_peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
