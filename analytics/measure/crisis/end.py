"""The end rule: when a crisis is over.

The end is the first hour after the episode's last elevated hour that starts
``end_hours`` calm hours:

* calm hour by hour: no hour at ``warning`` or above, and at most ``end_tolerance_hours``
  isolated hours at ``watch`` (a z >= 3 hour turns up about every other day in pure noise and
  should not keep a crisis open); the first hour itself inside the band;
* calm as a whole: the run's total volume within ``end_z`` standard errors of its expected
  total. This sees the long tail a single hour cannot: at 2-3 mentions an hour, twice the
  usual volume is not significant in any one hour but is over a day.

No such hour before the data ends: the end is unknown (the conversation has not settled).
This file is the whole rule; its parameters are in ``params.DetectionParams``.
"""

from __future__ import annotations

import math

import numpy as np

from analytics.measure.crisis.params import DetectionParams


def end_after(
    level: np.ndarray, volume: dict[str, np.ndarray], last: int, params: DetectionParams
) -> int | None:
    """Index of the end hour after ``last`` (the episode's last elevated hour), or None.

    ``level``: alert level index per hour (the higher of volume and negative);
    ``volume``: ``observed``, ``expected`` and ``scale`` arrays of the hourly volume.
    """
    span = params.end_hours
    observed, expected = volume["observed"], volume["expected"]
    variance = volume["scale"] ** 2
    for t in range(last + 1, len(level) - span + 1):
        run = level[t : t + span]
        if level[t] != 0 or run.max() >= 2 or (run == 1).sum() > params.end_tolerance_hours:
            continue
        excess = observed[t : t + span].sum() - np.nansum(expected[t : t + span])
        spread = math.sqrt(np.nansum(variance[t : t + span]))
        if spread == 0 or excess / spread < params.end_z:
            return t
    return None
