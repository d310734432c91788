"""Every default of the crisis detector, in one place.

``DetectionParams`` is the only place a threshold of the detector is written down: the
scoring, the episode search, the end rule, the phases and the method text all read it.
Change a default here and the docs' parameter table (docs/measure_window.md) with it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from analytics.errors import InputDataError

LEVELS = ("none", "watch", "warning", "critical")
PHASES = ("pre-crisis", "escalation", "peak", "recovery", "post-crisis")
HOURS_PER_WEEK = 168
RULE_DETECTED = "seasonal robust z-score"
RULE_MANUAL = "manual"


@dataclass(frozen=True)
class DetectionParams:
    """Thresholds of the detector; every one is a parameter of ``detect_crisis``."""

    weeks: int = 4
    min_weekly_refs: int = 2
    days: int = 7
    min_daily_refs: int = 3
    watch_z: float = 3.0
    warning_z: float = 5.0
    critical_z: float = 8.0
    min_mentions: int = 5
    merge_gap_hours: int = 6
    min_alert_hours: int = 3
    crisis_level: str = "warning"
    end_hours: int = 24
    end_tolerance_hours: int = 2
    end_z: float = 2.0
    peak_fraction: float = 0.5
    gap_days: float = 7.0
    # an onset needs a full day of data before it (one daily cycle) to be told apart from
    # the daily rhythm; with less, it is "at or before the start of the data"
    min_lead_hours: int = 24

    def __post_init__(self) -> None:
        if self.crisis_level not in LEVELS[1:]:
            raise InputDataError(
                f'crisis level "{self.crisis_level}" is not one of watch, warning, critical'
            )
        if not self.watch_z <= self.warning_z <= self.critical_z:
            raise InputDataError(
                "alert thresholds must rise: watch <= warning <= critical, got "
                f"{self.watch_z}, {self.warning_z}, {self.critical_z}"
            )
        if not 0 < self.peak_fraction <= 1:
            raise InputDataError(f"peak fraction must be in (0, 1], got {self.peak_fraction}")

    @property
    def min_history_hours(self) -> int:
        """Hours of data the detector needs before its first hour can be scored."""
        return self.min_daily_refs * 24 + 1

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def merged_params(params: DetectionParams | None, overrides: dict[str, Any]) -> DetectionParams:
    """``params`` (default: the defaults) with keyword overrides; an unknown name is named."""
    params = params or DetectionParams()
    if not overrides:
        return params
    names = [f.name for f in fields(params)]
    unknown = sorted(set(overrides) - set(names))
    if unknown:
        raise InputDataError(
            f"unknown detection parameter(s) {', '.join(unknown)}; the parameters are "
            + ", ".join(names)
        )
    return replace(params, **overrides)
