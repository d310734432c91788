"""Crisis detector accuracy on Poisson draws of the sample story, against a naive detector.

The sample generator's planted curves (``analytics.sample.story``: Indonesian posting rhythm,
a complaint wave, a hoax) are drawn as Poisson counts many times; for each draw the seasonal
detector (``detect_crisis``) and a naive detector measured in the same run find onset, peak
and end, compared with the planted onset, peak hour and ``planted_end``. A second set of
draws holds the baseline only (no crisis) and counts false crises.

The naive detector is what a spreadsheet alert does: a flat trailing median of the last
7 days of hours with a 3 x 1.4826 x MAD band (no hour-of-day pattern); onset = first hour of
the above-band run around the busiest hour (gaps up to 6 h merged), end = first hour after
it of 24 hours inside the band; a crisis needs 3 hours above the band.

    .venv/bin/python benchmarks/bench_crisis_accuracy.py            # 20 draws per scale
    .venv/bin/python benchmarks/bench_crisis_accuracy.py --draws 5
"""

from __future__ import annotations

import argparse
from datetime import UTC

import numpy as np
import polars as pl

from analytics.measure.crisis import detect_crises
from analytics.sample import story as st


def draw(
    rates: np.ndarray, times: list, rng: np.random.Generator
) -> tuple[pl.DataFrame, np.ndarray]:
    """One Poisson draw: mentions at the start of their hour, and the hourly counts."""
    counts = rng.poisson(rates)
    index = np.repeat(np.arange(len(times)), counts)
    return pl.DataFrame({"published_at": [times[i] for i in index]}), counts


def naive(counts: np.ndarray) -> list[tuple[int, int, int | None]]:
    """(onset, peak, end) hour indices of every naive episode."""
    n = len(counts)
    above = np.zeros(n, dtype=bool)
    for t in range(72, n):
        refs = counts[max(0, t - 168) : t]
        median = np.median(refs)
        mad = np.median(np.abs(refs - median))
        above[t] = counts[t] > median + 3 * max(1.4826 * mad, np.sqrt(max(median, 1)))
    episodes, t = [], 0
    hits = np.flatnonzero(above)
    while t < len(hits):
        start = last = hits[t]
        while t + 1 < len(hits) and hits[t + 1] - last <= 7:
            t += 1
            last = hits[t]
        t += 1
        if above[start : last + 1].sum() < 3:
            continue
        peak = start + int(np.argmax(counts[start : last + 1]))
        end = next((u for u in range(last + 1, n - 23) if not above[u : u + 24].any()), None)
        episodes.append((start, peak, end))
    return episodes


def errors(found, planted) -> tuple:
    """Absolute errors in hours of (onset, peak, end); None where nothing was found."""
    return tuple(None if f is None else abs(f - p) for f, p in zip(found, planted, strict=True))


def summary(name: str, rows: list) -> None:
    found = [r for r in rows if r is not None]
    print(f"  {name:<9} crisis found in {len(found)}/{len(rows)} draws", end="")
    if not found:
        print()
        return
    parts = []
    for i, label in enumerate(("onset", "peak", "end")):
        values = [r[i] for r in found if r[i] is not None]
        if values:
            parts.append(f"{label} median {np.median(values):.1f} h, max {max(values):.0f} h")
        else:
            parts.append(f"{label} never found")
    print("; abs. error " + "; ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=20)
    args = parser.parse_args()
    story = st.Story()
    hours = story.hours()
    times = [h.astimezone(UTC) for h in hours]
    base = np.array([st.baseline_rate(h, story) for h in hours])
    extra = np.array([st.complaint_rate(h, story) + st.hoax_rate(h, story) for h in hours])
    planted = (
        hours.index(story.onset),
        hours.index(story.peak_hour),
        hours.index(st.planted_end(story)),
    )
    print(f"planted onset {story.onset}, peak {story.peak_hour}, end {st.planted_end(story)}")
    for scale in (0.5, 1.0, 2.0):
        rng = np.random.default_rng(7)
        seasonal_rows, naive_rows, seasonal_false, naive_false = [], [], 0, 0
        for _ in range(args.draws):
            frame, counts = draw(scale * (base + extra), times, rng)
            windows = detect_crises(frame)
            if windows:
                top = max(windows, key=lambda w: w.peak_mentions)
                found = [
                    None if t is None else times.index(t) for t in (top.onset, top.peak, top.end)
                ]
                seasonal_rows.append(errors(found, planted))
            else:
                seasonal_rows.append(None)
            episodes = naive(counts)
            biggest = max(episodes, key=lambda e: counts[e[1]]) if episodes else None
            naive_rows.append(errors(biggest, planted) if biggest else None)
            quiet, quiet_counts = draw(scale * base, times, rng)
            seasonal_false += len(detect_crises(quiet))
            naive_false += len(naive(quiet_counts))
        print(f"scale {scale} ({scale * 112:.0f} baseline mentions a day), {args.draws} draws:")
        summary("seasonal", seasonal_rows)
        summary("naive", naive_rows)
        print(
            f"  false crises in {args.draws} crisis-free 6-week draws: seasonal {seasonal_false}, "
            f"naive {naive_false}"
        )


if __name__ == "__main__":
    main()
