"""The usual range of the hourly volume that a chart shades: learned from quiet hours only.

The detector's own baseline (``baseline.py``) is built to score hours as they come; inside a
long crisis its references fill with crisis hours (clipped to the band's top, but a week of
them still lifts the median), and a file that starts inside a crisis has no calm before it
at all. A band drawn from that baseline shows the crisis as "usual". The usual range shown
to a reader is therefore learned only from *quiet* hours: hours outside every crisis
episode and below the detector's watch level. Each hour gets the median of the same hour
(and the hours either side of it) on the quiet hours of the previous ``weeks`` weeks (at
least ``min_weekly_refs`` weeks), else of the previous ``days`` days (at least
``min_daily_refs`` days): the detector's reference pattern, with the crisis left out. An
hour with fewer quiet references before it has no usual range (NaN): where the data holds
no calm to learn it from, the chart says so instead of drawing one.
"""

from __future__ import annotations

import math

import numpy as np

from analytics.measure.crisis.params import HOURS_PER_WEEK, DetectionParams
from analytics.measure.timeline import MAD_TO_SD


def quiet_hours(elevated: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    """True for the hours outside every episode span [start, stop) and not ``elevated``."""
    quiet = ~np.asarray(elevated, dtype=bool)
    for start, stop in spans:
        quiet[max(start, 0) : max(stop, 0)] = False
    return quiet


def usual_range(
    values: np.ndarray, quiet: np.ndarray, params: DetectionParams
) -> tuple[np.ndarray, np.ndarray]:
    """Per hour: the usual count (median of quiet references before it) and its robust
    scale (max(1.4826 x MAD, sqrt(max(median, 1))), as the detector's); NaN without enough
    quiet history."""
    y = np.where(quiet, np.asarray(values, dtype=float), np.nan)
    n = len(y)
    expected = np.full(n, np.nan)
    scale = np.full(n, np.nan)
    for t in range(n):
        refs = _quiet_references(y, t, HOURS_PER_WEEK, params.weeks)
        if len(refs) < 3 * params.min_weekly_refs:
            refs = _quiet_references(y, t, 24, params.days)
            if len(refs) < 3 * params.min_daily_refs:
                continue
        median = float(np.median(refs))
        mad = float(np.median(np.abs(refs - median)))
        expected[t] = median
        scale[t] = max(MAD_TO_SD * mad, math.sqrt(max(median, 1.0)))
    return expected, scale


def _quiet_references(y: np.ndarray, t: int, cycle: int, cycles: int) -> np.ndarray:
    """The quiet values of the same hour (and the hours either side) in previous cycles."""
    parts = [
        y[max(t - cycle * k - 1, 0) : t - cycle * k + 2]
        for k in range(1, cycles + 1)
        if t - cycle * k >= 0
    ]
    if not parts:
        return np.empty(0)
    refs = np.concatenate(parts)
    return refs[~np.isnan(refs)]
