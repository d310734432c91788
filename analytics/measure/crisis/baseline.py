"""The normal range of an hourly count: the one baseline of crisis detection.

Each hour is compared with what is normal *for that hour of the week*: the median of the same
hour (and the hours either side of it) in the previous ``weeks`` weeks, at least
``min_weekly_refs`` of them. With less history the same hour on the previous ``days`` days is
used (hour-of-day pattern; at least ``min_daily_refs`` days). That is the minimum baseline:
``min_daily_refs`` days before the hour. The first days of the data have less, so they are
compared with the same hour on the *following* days instead (up to ``weeks`` x 7 of them;
their median is the normal level as long as the crisis covers fewer than half of them): a
file that starts inside a crisis is then judged against the calm that follows it, instead of
taking the crisis as its normal level. Brand conversation has strong
daily and weekly rhythms (quiet nights, busy weekday lunchtimes), so a flat baseline would
raise an alarm every evening and miss a spike at 3 a.m.

The spread is robust: scale = max(1.4826 x MAD of the references, sqrt(max(median, 1))).
Median and MAD ignore an odd outlier among the references (a previous spike) where mean and
sd would not; the sqrt floor is the Poisson standard deviation, which keeps small counts from
producing huge scores when the MAD is 0. Hours above the band's top are clipped to it before
they serve as references, so a crisis does not raise the baseline it is measured against.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from analytics.measure.crisis.params import HOURS_PER_WEEK, DetectionParams
from analytics.measure.timeline import MAD_TO_SD

WEEKLY = "hour-of-week"
DAILY = "hour-of-day"
FOLLOWING = "hour-of-day, following days"


@dataclass(frozen=True)
class Baseline:
    """Per hour: the expected count, its scale and which pattern it came from.

    ``expected``/``scale``/``band_high`` are NaN where the history is too short;
    ``basis`` holds WEEKLY, DAILY, FOLLOWING or "" (no baseline).
    """

    expected: np.ndarray
    scale: np.ndarray
    band_high: np.ndarray
    basis: np.ndarray


def seasonal_baseline(values: np.ndarray, params: DetectionParams) -> Baseline:
    """The seasonal baseline of an hourly count series (consecutive hours, no holes)."""
    y = np.asarray(values, dtype=float)
    n = len(y)
    clean = y.copy()
    expected = np.full(n, np.nan)
    scale = np.full(n, np.nan)
    basis = np.full(n, "", dtype=object)
    # the first days first: cleaned, they serve as references for the days after them
    short = min(n, params.min_history_hours)
    for t in range(short):
        refs = _references(y, t, -24, params.weeks * 7)
        if len(refs) >= 3 * params.min_daily_refs:
            _fill(t, refs, FOLLOWING, y, clean, expected, scale, basis, params)
    for t in range(short, n):
        refs = _references(clean, t, HOURS_PER_WEEK, params.weeks)
        kind = WEEKLY
        if len(refs) < 3 * params.min_weekly_refs:
            refs = _references(clean, t, 24, params.days)
            kind = DAILY
            if len(refs) < 3 * params.min_daily_refs:
                continue
        _fill(t, refs, kind, y, clean, expected, scale, basis, params)
    return Baseline(expected, scale, expected + params.watch_z * scale, basis)


def _fill(
    t: int,
    refs: list[float],
    kind: str,
    y: np.ndarray,
    clean: np.ndarray,
    expected: np.ndarray,
    scale: np.ndarray,
    basis: np.ndarray,
    params: DetectionParams,
) -> None:
    """Set hour t's expected value and scale from its references; clip it if above the band."""
    refs.sort()
    median = _median_sorted(refs)
    mad = _median_sorted(sorted(abs(r - median) for r in refs))
    expected[t] = median
    scale[t] = max(MAD_TO_SD * mad, math.sqrt(max(median, 1.0)))
    basis[t] = kind
    top = median + params.watch_z * scale[t]
    if y[t] > top:
        clean[t] = top


def _references(clean: np.ndarray, t: int, cycle: int, cycles: int) -> list[float]:
    """The same hour (and the hours either side of it) in each of the previous cycles
    (the following ones when ``cycle`` is negative).

    Pooling the neighbouring hours triples the reference sample, which steadies the median
    of short histories (two weeks give 6 values, not 2) while the daily shape is kept:
    adjacent hours of a day are alike, 3 p.m. and 3 a.m. are not.
    """
    refs = []
    for k in range(1, cycles + 1):
        centre = t - cycle * k
        if centre < 0 or centre >= len(clean):
            break
        refs.extend(clean[max(centre - 1, 0) : centre + 2].tolist())
    return refs


def _median_sorted(items: list[float]) -> float:
    middle = len(items) // 2
    if len(items) % 2:
        return items[middle]
    return (items[middle - 1] + items[middle]) / 2
