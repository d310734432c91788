"""Crisis detection and the crisis window: onset, peak, end, phases, recovery, sentiment gap.

One concern per module, in the order the data goes through them:

* ``params``    every default of the detector (``DetectionParams``), levels and phase names;
* ``baseline``  the normal range of each hour (seasonal median and robust scale);
* ``scoring``   hourly counts, robust z-scores and alert levels;
* ``episodes``  which runs of elevated hours are a crisis, and their onset;
* ``end``       when a crisis is over (change the end rule there);
* ``window``    the ``CrisisWindow``: peak, phases, recovery time, sentiment gap;
* ``notes``     notes as codes (``NoteCode``) with their values;
* ``method``    the method text quoted by the reports, written once;
* ``topics``    what each episode was about (its top terms and crisis vocabulary);
* ``detect``    the public entry points below.

The method in full is in docs/measure_window.md.
"""

from analytics.measure.crisis.detect import (
    detect_crises,
    detect_crisis,
    manual_window,
    pick_episode,
    platform_windows,
)
from analytics.measure.crisis.notes import Note, NoteCode
from analytics.measure.crisis.params import LEVELS, PHASES, DetectionParams
from analytics.measure.crisis.scoring import daily_alert_levels, seasonal_scores
from analytics.measure.crisis.topics import episode_terms
from analytics.measure.crisis.window import CrisisWindow, headline

__all__ = [
    "LEVELS",
    "PHASES",
    "CrisisWindow",
    "DetectionParams",
    "Note",
    "NoteCode",
    "daily_alert_levels",
    "detect_crises",
    "detect_crisis",
    "episode_terms",
    "headline",
    "pick_episode",
    "manual_window",
    "platform_windows",
    "seasonal_scores",
]
