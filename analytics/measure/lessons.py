"""Lessons learned: the measurements turned into findings, each with its evidence and limits.

Each ``Finding`` is a code (``FindingCode``), a ``Severity`` (good / info / warning /
critical), the values its sentence quotes and the evidence behind it; the sentence itself is
written by the report (``analytics.report.messages``), so it can be translated. Every input
is optional: pass what was measured and get the findings it supports. A finding about the
brand's behaviour (response time, strategies) is only drawn when the brand's own posts are
in the data (``brand_posts``) or an events file lists its responses; otherwise the finding
``BRAND_POSTS_MISSING`` says what is missing and how to add it. The targets are parameters
(``LessonThresholds``); their defaults and where each comes from are in
docs/measure_responses.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

import polars as pl

from analytics.measure.responses import ResponseSummary, TimingStatus


class Severity(StrEnum):
    """How a finding reads for the brand, worst last."""

    GOOD = "good"
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


SEVERITIES = tuple(s.value for s in Severity)


class FindingCode(StrEnum):
    """What a finding says (the sentence is ``report.messages.FINDING_TEXT[code]``)."""

    CRISIS_DURATION = "crisis_duration"
    SENTIMENT_BACK = "sentiment_back"
    SENTIMENT_BELOW = "sentiment_below"
    SENTIMENT_ABOVE = "sentiment_above"
    NO_RESPONSE = "no_response"
    NO_RESPONSE_FOUND = "no_response_found"
    RESPONSE_NOT_MEASURED = "response_not_measured"
    FIRST_RESPONSE = "first_response"
    FIRST_RESPONSE_UNTYPED = "first_response_untyped"
    CADENCE = "cadence"
    REPLIES = "replies"
    REPLIES_TIMED = "replies_timed"
    EFFECT_NOT_ESTIMATED = "effect_not_estimated"
    EFFECT_LEVEL_FELL = "effect_level_fell"
    EFFECT_LEVEL_ROSE = "effect_level_rose"
    EFFECT_FELL = "effect_fell"
    EFFECT_ROSE = "effect_rose"
    EFFECT_SMALL = "effect_small"
    EFFECT_NONE = "effect_none"
    EFFECT_OVERLAPS = "effect_overlaps"
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    CLAIM_FIRST_SEEN = "claim_first_seen"
    CLAIM_KEPT_GROWING = "claim_kept_growing"
    CLAIM_SLOWED = "claim_slowed"
    CLAIM_UNCLEAR = "claim_unclear"
    COORDINATION = "coordination"
    COORDINATION_SIGNAL = "coordination_signal"
    COORDINATION_SIGNAL_UNSHARED = "coordination_signal_unshared"
    PLATFORM_OPEN = "platform_open"
    PLATFORM_LAG = "platform_lag"
    STRATEGIES = "strategies"
    FIRST_REBUILD = "first_rebuild"
    BRAND_POSTS_MISSING = "brand_posts_missing"


@dataclass
class Finding:
    """One lesson: what it says (code + values), how it reads (severity), what supports it.

    ``values``: the figures its sentence quotes; ``evidence``: the measurements behind it;
    ``addenda``: further codes whose sentences follow the main one.
    """

    topic: str
    severity: Severity
    code: FindingCode
    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    addenda: tuple[FindingCode, ...] = ()


@dataclass(frozen=True)
class LessonThresholds:
    """Targets a crisis response is judged against (see docs/measure_responses.md)."""

    first_response_target_hours: float = 1.0
    first_response_critical_hours: float = 24.0
    max_silence_hours: float = 24.0
    reply_rate_target: float = 0.5
    median_reply_target_hours: float = 1.0
    min_effect: float = 0.05
    consistency_min: float = 0.5
    hoax_growth_hours: float = 6.0
    coordination_warning_share: float = 0.10
    coordination_critical_share: float = 0.25
    platform_lag_hours: float = 24.0
    sentiment_gap_warning: float = -0.10


def timing_findings(
    summary: ResponseSummary, t: LessonThresholds, brand_posts: int | None = None
) -> list[Finding]:
    """Time to first response and the longest silence between responses.

    ``brand_posts``: how many posts of the brand's own accounts the data holds (None: not
    known). With none, no response in the data says nothing about the brand.
    """
    hours = summary.time_to_first_response_hours
    if hours is None:
        message = summary.message or "no response in the crisis window"
        if summary.status is not TimingStatus.NO_RESPONSE:
            values: dict[str, Any] = {"message": message}
            return [
                Finding("response time", Severity.INFO, FindingCode.RESPONSE_NOT_MEASURED, values)
            ]
        if brand_posts == 0:
            return []  # the brand's posts are not in the data: see brand_data_findings
        return [
            Finding(
                "response time",
                Severity.WARNING,
                FindingCode.NO_RESPONSE if brand_posts else FindingCode.NO_RESPONSE_FOUND,
                {"brand_posts": brand_posts},
                {"message": message, "brand_posts_in_data": brand_posts},
            )
        ]
    first: dict[str, Any] = summary.first_response.as_dict() if summary.first_response else {}
    target = t.first_response_target_hours
    severity = (
        Severity.GOOD
        if hours <= target
        else Severity.CRITICAL
        if hours > t.first_response_critical_hours
        else Severity.WARNING
    )
    values = {"hours": hours, "target_hours": target, **first}
    code = FindingCode.FIRST_RESPONSE if first else FindingCode.FIRST_RESPONSE_UNTYPED
    found = [
        Finding(
            "response time",
            severity,
            code,
            values,
            {"hours": hours, "target_hours": target, "first_response": first},
        )
    ]
    gap = summary.max_gap_hours
    if gap is not None:
        late = gap > t.max_silence_hours
        found.append(
            Finding(
                "cadence",
                Severity.WARNING if late else Severity.GOOD,
                FindingCode.CADENCE,
                {"max_gap_hours": gap, "target_hours": t.max_silence_hours},
                {"max_gap_hours": gap, "median_gap_hours": summary.median_gap_hours},
            )
        )
    return found


def reply_findings(summary: ResponseSummary, t: LessonThresholds) -> list[Finding]:
    """Share of negative customer mentions answered, and how fast."""
    rate = summary.reply_rate
    if rate is None:
        return []
    median = summary.median_reply_hours
    good = rate >= t.reply_rate_target and (median is None or median <= t.median_reply_target_hours)
    evidence = {
        "reply_rate": rate,
        "replied": summary.replied,
        "negative_mentions": summary.negative_mentions,
        "median_reply_hours": median,
    }
    return [
        Finding(
            "replies",
            Severity.GOOD if good else Severity.WARNING,
            FindingCode.REPLIES if median is None else FindingCode.REPLIES_TIMED,
            {**evidence, "target_rate": t.reply_rate_target},
            evidence,
        )
    ]


_EFFECT_KEYS = (
    "negative_share_before",
    "negative_share_after",
    "change",
    "ci_low",
    "ci_high",
    "p_value",
    "method",
)


def effect_findings(
    effects: pl.DataFrame, t: LessonThresholds, window_hours: float
) -> list[Finding]:
    """One finding per response: did negative share move, and how surely."""
    found = []
    for row in effects.iter_rows(named=True):
        evidence = {k: row[k] for k in _EFFECT_KEYS}
        values = {
            "type": row["type"],
            "channel": row["channel"],
            "time": row["time"],
            "before": row["negative_share_before"],
            "after": row["negative_share_after"],
            "change": row["change"],
            "ci_low": row["ci_low"],
            "ci_high": row["ci_high"],
            "window_hours": window_hours,
            "min_effect": t.min_effect,
        }
        if row["change"] is None:
            values["reason"] = str(row["method"]).removeprefix("not estimated: ")
            found.append(
                Finding(
                    "response effect",
                    Severity.INFO,
                    FindingCode.EFFECT_NOT_ESTIMATED,
                    values,
                    evidence,
                )
            )
            continue
        sure_drop = row["ci_high"] < 0 and row["change"] <= -t.min_effect
        sure_rise = row["ci_low"] > 0 and row["change"] >= t.min_effect
        # a level change at the response, net of the trend: the raw averages can even move
        # the other way, so they are given apart
        segmented = str(row["method"]).startswith("segmented")
        if sure_drop:
            severity = Severity.GOOD
            code = FindingCode.EFFECT_LEVEL_FELL if segmented else FindingCode.EFFECT_FELL
        elif sure_rise:
            severity = Severity.WARNING
            code = FindingCode.EFFECT_LEVEL_ROSE if segmented else FindingCode.EFFECT_ROSE
        elif row["ci_high"] < 0 or row["ci_low"] > 0:
            severity, code = Severity.INFO, FindingCode.EFFECT_SMALL
        else:
            severity, code = Severity.INFO, FindingCode.EFFECT_NONE
        addenda = (FindingCode.EFFECT_OVERLAPS,) if row.get("overlaps") else ()
        found.append(Finding("response effect", severity, code, values, evidence, addenda))
    return found


def consistency_findings(summary: ResponseSummary, t: LessonThresholds) -> list[Finding]:
    """Were statements of one type worded alike across channels?"""
    found = []
    for consistency in summary.consistency:
        item = asdict(consistency)
        ok = consistency.mean_similarity >= t.consistency_min
        found.append(
            Finding(
                "consistency",
                Severity.GOOD if ok else Severity.WARNING,
                FindingCode.CONSISTENT if ok else FindingCode.INCONSISTENT,
                dict(item),
                dict(item),
            )
        )
    return found


def claim_findings(claims: Any, t: LessonThresholds) -> list[Finding]:
    """First appearance of each claim and whether its clarification slowed it."""
    found = []
    for row in claims.first_seen.iter_rows(named=True):
        found.append(
            Finding("hoax", Severity.INFO, FindingCode.CLAIM_FIRST_SEEN, dict(row), dict(row))
        )
    for row in claims.clarifications.iter_rows(named=True):
        if row["kept_growing_hours"] >= t.hoax_growth_hours:
            severity, code = Severity.WARNING, FindingCode.CLAIM_KEPT_GROWING
        elif row["verdict"] == "slowed":
            severity, code = Severity.GOOD, FindingCode.CLAIM_SLOWED
        else:
            severity, code = Severity.INFO, FindingCode.CLAIM_UNCLEAR
        found.append(Finding("hoax", severity, code, dict(row), dict(row)))
    return found


def coordination_findings(share: float, t: LessonThresholds) -> list[Finding]:
    """How much of the negativity coordination signals could account for."""
    severity = (
        Severity.CRITICAL
        if share >= t.coordination_critical_share
        else Severity.WARNING
        if share >= t.coordination_warning_share
        else Severity.INFO
    )
    values = {"share": share}
    return [Finding("coordination", severity, FindingCode.COORDINATION, values, values)]


def signal_findings(signals: pl.DataFrame, top: int = 3) -> list[Finding]:
    """The largest coordination signals, each as a sentence an analyst can check."""
    found = []
    biggest = signals.sort(["accounts", "start"], descending=[True, False]).head(top)
    for row in biggest.iter_rows(named=True):
        values = {k: v for k, v in row.items() if k != "mention_ids"}
        code = (
            FindingCode.COORDINATION_SIGNAL
            if row["share_of_negative"] is not None
            else FindingCode.COORDINATION_SIGNAL_UNSHARED
        )
        found.append(Finding("coordination", Severity.INFO, code, values, values))
    return found


def platform_findings(platforms: pl.DataFrame, t: LessonThresholds) -> list[Finding]:
    """Which platform recovered last, against the first to recover."""
    detected = platforms.filter(pl.col("detected"))
    ended = detected.filter(pl.col("end").is_not_null()).sort("end")
    found = [
        Finding(
            "platforms",
            Severity.WARNING,
            FindingCode.PLATFORM_OPEN,
            {"platform": p},
            {"platform": p},
        )
        for p in detected.filter(pl.col("end").is_null()).get_column("platform").to_list()
    ]
    if ended.height < 2:
        return found
    first = ended.row(0, named=True)
    for row in ended.slice(1).iter_rows(named=True):
        lag = (row["end"] - first["end"]).total_seconds() / 3600
        if lag >= t.platform_lag_hours:
            values = {"platform": row["platform"], "reference": first["platform"], "lag_hours": lag}
            found.append(
                Finding("platforms", Severity.INFO, FindingCode.PLATFORM_LAG, values, values)
            )
    return found


def window_findings(window: Any, t: LessonThresholds) -> list[Finding]:
    """Duration of the crisis and the sentiment gap it left."""
    found = []
    if getattr(window, "recovery_hours", None) is not None:
        values = {"recovery_hours": window.recovery_hours}
        found.append(Finding("crisis", Severity.INFO, FindingCode.CRISIS_DURATION, values, values))
    gap = getattr(window, "sentiment_gap", None)
    if gap is not None:
        severity = (
            Severity.WARNING
            if gap <= t.sentiment_gap_warning
            else Severity.INFO
            if gap < 0
            else Severity.GOOD
        )
        code = (
            FindingCode.SENTIMENT_BACK
            if abs(gap) < 0.005
            else FindingCode.SENTIMENT_BELOW
            if gap < 0
            else FindingCode.SENTIMENT_ABOVE
        )
        found.append(Finding("crisis", severity, code, {"size": abs(gap)}, {"sentiment_gap": gap}))
    return found


def strategy_findings(responses: pl.DataFrame, window: Any) -> list[Finding]:
    """Which SCCT postures the responses used, and when the first rebuild response came."""
    onset = getattr(window, "onset", None)
    until = getattr(window, "answer_until", None) or getattr(window, "end", None)
    coded = responses.filter(
        pl.col("strategy").is_not_null() & ~pl.col("type").is_in(["routine", "post"])
    )
    if onset is not None:
        coded = coded.filter(pl.col("time") >= onset)
    if until is not None:
        coded = coded.filter(pl.col("time") < until)
    if coded.is_empty():
        return []
    counts = coded.group_by("strategy").len().sort(["len", "strategy"], descending=[True, False])
    values: dict[str, Any] = {
        "used": ", ".join(f"{s} ({n})" for s, n in counts.iter_rows()),
        "strategies": dict(counts.iter_rows()),
    }
    addenda: tuple[FindingCode, ...] = ()
    rebuild = coded.filter(pl.col("strategy") == "rebuild").sort("time")
    if onset is not None and not rebuild.is_empty():
        first = rebuild.row(0, named=True)
        values["first_rebuild_hours"] = (first["time"] - onset).total_seconds() / 3600
        values["type"] = first["type"]
        addenda = (FindingCode.FIRST_REBUILD,)
    return [
        Finding("strategy", Severity.INFO, FindingCode.STRATEGIES, values, dict(values), addenda)
    ]


def brand_data_findings(
    brand_posts: int | None, handles: list[str] | tuple[str, ...], has_events: bool
) -> list[Finding]:
    """What is missing to judge the brand's behaviour, and how to add it (nothing when the
    brand's posts or an events file are in)."""
    if brand_posts is None or brand_posts > 0 or has_events:
        return []
    shown = ", ".join(f"@{h.lstrip('@')}" for h in handles)
    values = {"handles": f" ({shown})" if shown else "", "handles_given": bool(handles)}
    return [Finding("responses", Severity.WARNING, FindingCode.BRAND_POSTS_MISSING, values, values)]


def lessons_learned(
    *,
    window: Any = None,
    summary: ResponseSummary | None = None,
    effects: pl.DataFrame | None = None,
    claims: Any = None,
    coordination_share: float | None = None,
    platforms: pl.DataFrame | None = None,
    responses: pl.DataFrame | None = None,
    signals: pl.DataFrame | None = None,
    thresholds: LessonThresholds | None = None,
    window_hours: float = 24,
    brand_posts: int | None = None,
    brand_handles: list[str] | tuple[str, ...] = (),
    has_events: bool = False,
) -> list[Finding]:
    """Findings from whatever was measured: window (CrisisWindow), summary
    (``response_summary``), effects (``response_effects``), claims (``track_claims``),
    coordination_share (``coordinated_negative_share``), platforms (``platform_windows``),
    responses (``brand_responses``, for the SCCT postures used), signals
    (``coordination_signals``: the three largest are described).

    ``brand_posts``: posts of the brand's own accounts in the data (``None``: unknown, the
    behaviour findings are drawn as before); with 0 and no events file (``has_events``),
    findings about the brand's behaviour are replaced by one saying what is missing.
    """
    t = thresholds or LessonThresholds()
    found: list[Finding] = []
    if window is not None:
        found += window_findings(window, t)
    found += brand_data_findings(brand_posts, brand_handles, has_events)
    if summary is not None:
        found += timing_findings(summary, t, None if has_events else brand_posts)
        found += reply_findings(summary, t)
        found += consistency_findings(summary, t)
    if responses is not None:
        found += strategy_findings(responses, window)
    if effects is not None:
        found += effect_findings(effects, t, window_hours)
    if claims is not None:
        found += claim_findings(claims, t)
    if coordination_share is not None:
        found += coordination_findings(coordination_share, t)
    if signals is not None and not signals.is_empty():
        found += signal_findings(signals)
    if platforms is not None and not platforms.is_empty():
        found += platform_findings(platforms, t)
    return found
