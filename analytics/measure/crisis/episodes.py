"""Episode search: which runs of unusual hours are a crisis, and where each one starts.

A crisis is an *episode*: elevated hours (volume or negative volume at ``watch`` or above),
merged across quiet gaps of up to ``merge_gap_hours``, with at least ``min_alert_hours``
elevated hours and at least one hour at ``crisis_level``. A lone blip is not a crisis.
Onset = the first hour of the episode, except that a lone watch hour a few hours before the
rise is noise, not the onset. Where an episode ends is decided in ``end.py``.
"""

from __future__ import annotations

import numpy as np

from analytics.measure.crisis.params import LEVELS, DetectionParams


def find_episodes(
    elevated: np.ndarray, level: np.ndarray, params: DetectionParams
) -> list[tuple[int, int]]:
    """(first, last) hour index of each run of elevated hours that qualifies as a crisis."""
    needed = LEVELS.index(params.crisis_level)
    found, start, last, count = [], None, None, 0
    for t in np.flatnonzero(elevated):
        if start is not None and t - last - 1 <= params.merge_gap_hours:
            last, count = t, count + 1
            continue
        if start is not None:
            found.append((start, last, count))
        start, last, count = t, t, 1
    if start is not None:
        found.append((start, last, count))
    kept = []
    for a, b, c in found:
        if c < params.min_alert_hours or level[a : b + 1].max() < needed:
            continue
        # a lone watch hour a few hours before the rise is noise, not the onset
        while a < b and level[a] == 1 and not elevated[a + 1 : a + 3].any():
            a = a + 1 + int(np.argmax(elevated[a + 1 : b + 1]))
        kept.append((int(a), int(b)))
    return kept
