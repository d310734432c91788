"""The method of the crisis window, written once.

``method(params, rule)`` is what ``CrisisWindow.method`` holds and what the report's method
appendix and ``crisis window --json`` quote; the numbers come from ``DetectionParams``.
"""

from __future__ import annotations

from typing import Any

from analytics.measure.crisis.params import RULE_MANUAL, DetectionParams


def method(params: DetectionParams, rule: str) -> dict[str, Any]:
    """The rule used, its description with the thresholds filled in, and the parameters."""
    description = (
        "Hourly mention and negative-mention counts are compared with the median of the same "
        f"hour in the previous {params.weeks} weeks (or, with less history, the previous "
        f"{params.days} days); the minimum baseline is {params.min_daily_refs} days, and "
        f"hours with less history before them (the first {params.min_daily_refs} days of the "
        "data) are compared with the same hour on the following days instead. "
        "Score = (observed - median) / max(1.4826 x MAD, sqrt(max(median, 1))). "
        f"Alert levels: watch >= {params.watch_z}, warning >= {params.warning_z}, critical >= "
        f"{params.critical_z} (hours with at least {params.min_mentions} mentions). A crisis "
        f"is an episode of at least {params.min_alert_hours} elevated hours (gaps up to "
        f"{params.merge_gap_hours} h merged) reaching {params.crisis_level}; it ends when "
        f"counts stay inside the band for {params.end_hours} h (up to "
        f"{params.end_tolerance_hours} isolated watch hours allowed) and their total is within "
        f"{params.end_z} standard errors of the expected total. An onset with less than "
        f"{params.min_lead_hours} h of data before it is at or before the start of the data. "
        "The headline episode is the one with the most mentions above the baseline. The peak "
        f"phase holds the hours at or above {params.peak_fraction:.0%} of the peak hour's "
        "volume; a phase of 0 hours is left out."
    )
    if rule == RULE_MANUAL:
        description = "Window given by the analyst; peak = busiest hour inside it. " + description
    return {"rule": rule, "description": description, **params.as_dict()}
