"""Scale: does the cost follow the period asked, or the size of the store?

For each store size (default 1M, 3M and 10M mentions) this builds, in one run:

* seeded generic CSVs for four brands over 12 weeks (shares 40/30/20/10%); the first
  brand, "NusaPay", has one crisis (a negative spike in ISO week 2024-W11);
* a store with all four brands: ``ingest`` (one file per brand), ``sentiment store``
  (bulk scoring), ``report weekly`` (NusaPay, 2024-W11) and ``report review`` (NusaPay,
  the crisis fortnight), each through the real CLI in its own process;
* a second store holding only NusaPay (ingest + scoring), and the same weekly report on it.

Per step it prints wall time, CPU time and peak memory of the step's whole process tree (the CLI
plus its notebook kernel or scoring helpers, sampled every 50 ms with psutil). The last lines
state each target of issue 11 with the value measured and "met" or "NOT MET": the weekly
peak on the full store / on the one-brand store <= 1.5 at every size; at 10M "ingest +
scoring + weekly + review = N s wall (target < 300 s)" and the largest step's peak against
4 GB; with ``--week 1000000``, the weekly report of a 1M-mention brand-week under 2 GB.

Texts repeat as real crisis data does (12 templates x 20,000 hashtag variants per brand:
retweets and copy-paste), so scoring sees at most 240,000 distinct texts per brand: about
one per 1.7 mentions at 1M, one per 10 at 10M.

    .venv/bin/python benchmarks/bench_scale.py                 # 1M, 3M, 10M
    .venv/bin/python benchmarks/bench_scale.py 200000 1000000  # smaller sizes
    .venv/bin/python benchmarks/bench_scale.py --keep DIR      # keep stores and CSVs in DIR

The machine is shared: the load average is printed with each size, read figures with it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import psutil

REPO = Path(__file__).resolve().parents[1]
BRANDS = {"NusaPay": 0.4, "KiraPay": 0.3, "Lintas Bank": 0.2, "Dompetku": 0.1}
CRISIS_BRAND = "NusaPay"
DAYS = 84  # 12 weeks from Monday 2024-01-01 (ISO 2024-W01)
WEEK = "2024-W11"  # 11-17 March 2024: the crisis week
CRISIS_DAY = 71  # 12 March 2024, 10:00 Jakarta
REVIEW = ("2024-03-11", "2024-03-24")
GB = 1024**3

TEMPLATES = [
    "Pelayanan {b} lambat banget, sudah 2 jam nunggu 😡",
    "Why is nobody at {b} answering? third time, seriously. fix it please 🙏",
    "Aplikasinya enak dipakai, tapi biaya admin naik terus... worth it sih 👍",
    "{b} bilang minta maaf, tapi refund belum masuk, gimana nih",
    "HOAX: katanya data nasabah {b} bocor, itu editan! cek fakta dulu",
    "Great response from the {b} team, they fixed it in a day. Respect 👏",
    "Gue udah uninstall app {b}, too many bugs, nggak lagi deh 🙄",
    "Berita: {b} gangguan sistem, transaksi gagal sejak pagi",
    "lol the apology video is so awkward 😂 but at least they said sorry",
    "Promo cashback 50% hari ini!!! tag temanmu",
    "Netral aja sih, belum coba. Ada yang udah?",
    "saldo kepotong dua kali, {b} tolong dicek!!! ini sudah keterlaluan",
]
CRISIS_TEMPLATES = [0, 1, 3, 4, 6, 7, 11]  # what the spike says
MAPPING = """\
[columns]
mention_id = "id"
published_at = "created"
platform = "channel"
author = "user"
text = "message"
likes = "likes"
comments = "comments"
shares = "shares"
reach = "reach"
language = "lang"

[time]
format = "%Y-%m-%d %H:%M:%S"
timezone = "Asia/Jakarta"
"""


def write_brand_csv(
    path: Path, brand: str, rows: int, seed: int, first_day: int = 0, days: int = DAYS
) -> None:
    """One brand's export: a daily rhythm over ``days`` days, plus the crisis spike."""
    rng = np.random.default_rng(seed)
    spike = int(rows * 0.15) if brand == CRISIS_BRAND else 0
    base = rows - spike
    day = rng.integers(first_day, first_day + days, base)
    hour = rng.choice(24, base, p=np.array([1] * 7 + [4] * 16 + [1]) / 72)
    seconds = day * 86400 + hour * 3600 + rng.integers(0, 3600, base)
    template = rng.integers(0, len(TEMPLATES), base)
    if spike:
        onset = CRISIS_DAY * 86400 + 10 * 3600
        seconds = np.concatenate([seconds, onset + (rng.beta(1.5, 5, spike) * 5 * 86400)])
        template = np.concatenate([template, rng.choice(CRISIS_TEMPLATES, spike)])
    order = np.argsort(seconds, kind="stable")  # exports come in time order
    seconds, template = seconds[order].astype(np.int64), template[order]
    variant = np.arange(rows) % 20_000  # retweets and copy-paste repeat texts
    english = np.isin(template, [1, 5, 8])  # a text's language goes with the text
    texts = pl.Series(np.array(TEMPLATES, dtype=object)[template]).str.replace_all(
        r"\{b\}", brand, literal=False
    )
    frame = pl.DataFrame(
        {
            "id": np.char.add(f"{brand[:3].lower()}", np.arange(rows).astype(str)),
            "created": seconds,
            "channel": np.array(["x", "instagram", "facebook", "tiktok", "news"], dtype=object)[
                rng.choice(5, rows, p=[0.45, 0.25, 0.15, 0.1, 0.05])
            ],
            "user": np.char.add("user", rng.integers(0, max(rows // 5, 10), rows).astype(str)),
            "message": texts + pl.Series(np.char.add(" #v", variant.astype(str))),
            "likes": rng.poisson(12, rows),
            "comments": rng.poisson(3, rows),
            "shares": rng.poisson(2, rows),
            "reach": rng.integers(100, 2_000_000, rows),
            "lang": np.where(english, "en", "id"),
        }
    )
    start = pl.datetime(2024, 1, 1)
    frame = frame.with_columns(
        (start + pl.duration(seconds=pl.col("created")))
        .dt.strftime("%Y-%m-%d %H:%M:%S")
        .alias("created")
    )
    frame.write_csv(path)


@dataclass
class Step:
    seconds: float
    peak_bytes: int
    cpu_seconds: float  # user + system of the step's processes: what contention cannot inflate
    load: float = 0.0  # highest 1-minute load average seen during the step


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_step(args: list[str], name: str = "") -> Step:
    """Run one CLI command; wall time and the peak summed RSS of its process tree.

    Summed RSS counts pages a forked scoring helper shares with its parent twice: an upper
    bound, never an understatement.
    """
    command = [sys.executable, "-m", "analytics", *args]
    started, cpu = time.perf_counter(), children_cpu()
    child = psutil.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    load = [os.getloadavg()[0]]

    def sample() -> None:
        while child.poll() is None:
            load[0] = max(load[0], os.getloadavg()[0])
            try:
                tree = [child, *child.children(recursive=True)]
                total = 0
                for process in tree:
                    with contextlib.suppress(psutil.Error):  # a helper that just ended
                        total += process.memory_info().rss
                peak[0] = max(peak[0], total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate()
    sampler.join()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"step failed: {' '.join(args)}\n{err.decode()[-3000:]}")
    return shown(Step(seconds, peak[0], children_cpu() - cpu, load[0]), name)


def shown(step: Step, name: str) -> Step:
    """Print a step as it ends: a long run shows progress, a partial run its figures."""
    if name:
        print(f"  {name:<26} {step.seconds:7.1f} s wall  {step.cpu_seconds:7.1f} s CPU"
              f"   peak {step.peak_bytes / GB:5.2f} GB   load <= {step.load:4.1f}",
              flush=True)  # fmt: skip
    return step


def build(folder: Path, rows: int, brands: dict[str, float]) -> dict[str, Path]:
    files = {}
    for n, (brand, share) in enumerate(brands.items()):
        path = folder / f"{brand.replace(' ', '_')}.csv"
        if not path.exists():
            write_brand_csv(path, brand, int(rows * share), seed=n + 1)
        files[brand] = path
    return files


def ingest(store: Path, files: dict[str, Path], mapping: Path, name: str) -> Step:
    steps = [
        run_step(["ingest", str(path), "--brand", brand, "--format", "generic",
                  "--mapping", str(mapping), "--store", str(store), "--json"])
        for brand, path in files.items()
    ]  # fmt: skip
    total = Step(sum(s.seconds for s in steps), max(s.peak_bytes for s in steps),
                 sum(s.cpu_seconds for s in steps), max(s.load for s in steps))  # fmt: skip
    return shown(total, name)


def weekly(store: Path, out: Path, name: str) -> Step:
    return run_step(["report", "weekly", "--brand", CRISIS_BRAND, "--week", WEEK,
                     "--store", str(store), "--out", str(out)], name)  # fmt: skip


def one_week(rows: int, folder: Path) -> dict[str, Step]:
    """A store whose crisis brand-week alone holds ``rows`` mentions; the weekly report on it."""
    folder.mkdir(parents=True, exist_ok=True)
    mapping = folder / "mapping.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    path = folder / f"{CRISIS_BRAND}-week.csv"
    if not path.exists():
        write_brand_csv(path, CRISIS_BRAND, rows, seed=7, first_day=70, days=7)  # 2024-W11
    store = folder / "store-week"
    shutil.rmtree(store, ignore_errors=True)
    print(f"\none brand-week of {rows:,} mentions (load average {os.getloadavg()[0]:.1f})")
    return {
        "ingest": ingest(store, {CRISIS_BRAND: path}, mapping, "ingest"),
        "scoring": run_step(["sentiment", "store", "--store", str(store), "--json"], "scoring"),
        "weekly": weekly(store, folder / "reports", "weekly (the 1 week)"),
    }


def one_size(rows: int, folder: Path, one_brand: bool = True) -> dict[str, Step]:
    folder.mkdir(parents=True, exist_ok=True)
    mapping = folder / "mapping.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    files = build(folder, rows, BRANDS)
    full, alone = folder / "store-all", folder / "store-one-brand"
    for store in (full, alone):
        shutil.rmtree(store, ignore_errors=True)
    print(f"\n{rows:,} mentions (load average {os.getloadavg()[0]:.1f} at the start)", flush=True)
    steps = {
        "ingest": ingest(full, files, mapping, "ingest"),
        "scoring": run_step(["sentiment", "store", "--store", str(full), "--json"], "scoring"),
        "weekly": weekly(full, folder / "reports-all", "weekly"),
        "review": run_step(
            [
                "report",
                "review",
                "--brand",
                CRISIS_BRAND,
                "--start",
                REVIEW[0],
                "--end",
                REVIEW[1],
                "--store",
                str(full),
                "--out",
                str(folder / "reports-all"),
            ],
            "review",
        ),
    }
    if not one_brand:
        return steps
    ingest(alone, {CRISIS_BRAND: files[CRISIS_BRAND]}, mapping, "one-brand store: ingest")
    run_step(["sentiment", "store", "--store", str(alone), "--json"], "one-brand store: scoring")
    steps["weekly, one-brand store"] = weekly(
        alone, folder / "reports-one", "one-brand store: weekly"
    )
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 3_000_000, 10_000_000])
    parser.add_argument("--keep", type=Path, help="keep CSVs and stores in this folder")
    parser.add_argument(
        "--no-one-brand",
        action="store_true",
        help="skip the one-brand store (and so the weekly peak ratio): the four steps only",
    )
    parser.add_argument(
        "--week",
        type=int,
        default=0,
        metavar="N",
        help="also: a weekly report on a store whose one brand-week holds N mentions",
    )
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    print(f"{len(BRANDS)} brands {dict(BRANDS)}; crisis brand {CRISIS_BRAND}, week {WEEK}; "
          f"{os.cpu_count()} cores")  # fmt: skip
    results: dict[int, dict[str, Step]] = {}
    week: dict[str, Step] = {}
    try:
        for rows in options.sizes:
            results[rows] = one_size(rows, work / f"n{rows}", not options.no_one_brand)
            print(f"  (load average {os.getloadavg()[0]:.1f} at the end)", flush=True)
        if options.week:
            week = one_week(options.week, work / f"week{options.week}")
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\nsize        weekly all/one-brand peak   4 steps wall / CPU   max step peak   max load")
    for rows, steps in results.items():
        alone = steps.get("weekly, one-brand store")
        ratio = steps["weekly"].peak_bytes / alone.peak_bytes if alone else float("nan")
        four = sum(steps[k].seconds for k in FOUR_STEPS)
        cpu = sum(steps[k].cpu_seconds for k in FOUR_STEPS)
        top = max(steps[k].peak_bytes for k in FOUR_STEPS)
        load = max(steps[k].load for k in FOUR_STEPS)
        print(f"{rows:>10,}  {ratio:24.2f}x   {four:6.0f} s / {cpu:6.0f} s"
              f"   {top / GB:8.2f} GB   {load:6.1f}")  # fmt: skip
    print("\ntargets (issue 11), measured in this run:")
    for line in verdicts(results, week, options.week):
        print(f"  {line}")


FOUR_STEPS = ("ingest", "scoring", "weekly", "review")
TEN_MILLION = 10_000_000
FOUR_STEPS_SECONDS = 300  # "under 5 minutes on 2 cores"
STEP_PEAK_GB = 4.0  # "no step above 4 GB"
WEEKLY_RATIO = 1.5  # weekly peak on the full store / on a store of that brand alone
WEEK_PEAK_GB = 2.0  # "under 2 GB for a week of 1M mentions"


def met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def verdicts(
    results: dict[int, dict[str, Step]], week: dict[str, Step], week_rows: int
) -> list[str]:
    """One plain line per target: what was measured, the target, met or NOT MET."""
    lines = []
    for rows, steps in results.items():
        alone = steps.get("weekly, one-brand store")
        if alone is None:
            lines.append(
                f"{rows:,}: weekly peak full/one-brand store not measured (--no-one-brand)"
            )
            continue
        ratio = steps["weekly"].peak_bytes / alone.peak_bytes
        verdict = met(ratio <= WEEKLY_RATIO)
        lines.append(
            f"{rows:,}: weekly peak on the full store / on a store of {CRISIS_BRAND} alone = "
            f"{ratio:.2f}x (target <= {WEEKLY_RATIO}x): {verdict}"
        )
    if 1_000_000 in results:
        peak = results[1_000_000]["weekly"].peak_bytes / GB
        lines.append(
            f"1,000,000: weekly report on the 1M-mention store: peak {peak:.2f} GB "
            f"(target < {WEEK_PEAK_GB:.0f} GB): {met(peak < WEEK_PEAK_GB)}"
        )
    if TEN_MILLION in results:
        steps = results[TEN_MILLION]
        wall = sum(steps[k].seconds for k in FOUR_STEPS)
        cpu = sum(steps[k].cpu_seconds for k in FOUR_STEPS)
        parts = " + ".join(f"{k} {steps[k].seconds:.0f}" for k in FOUR_STEPS)
        load = max(steps[k].load for k in FOUR_STEPS)
        lines.append(f"10M: ingest + scoring + weekly + review = {wall:.0f} s wall "
                     f"(target < {FOUR_STEPS_SECONDS} s): {met(wall < FOUR_STEPS_SECONDS)}"
                     f"  [{parts} s; {cpu:.0f} CPU-s; load average <= {load:.1f}]")  # fmt: skip
        name = max(FOUR_STEPS, key=lambda k: steps[k].peak_bytes)
        top = steps[name].peak_bytes / GB
        lines.append(f"10M: largest step peak = {top:.2f} GB ({name}) "
                     f"(target <= {STEP_PEAK_GB:.0f} GB): {met(top <= STEP_PEAK_GB)}")  # fmt: skip
    else:
        lines.append("10M: not measured in this run (give 10000000 as a size)")
    if week:
        peak = week["weekly"].peak_bytes / GB
        lines.append(
            f"weekly report of one brand-week of {week_rows:,} mentions: peak {peak:.2f} GB "
            f"(target < {WEEK_PEAK_GB:.0f} GB for 1,000,000): {met(peak < WEEK_PEAK_GB)}"
        )
    else:
        lines.append("weekly report of a 1M-mention brand-week: not measured (--week 1000000)")
    return lines


if __name__ == "__main__":
    main()
