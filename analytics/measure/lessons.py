"""Lessons learned: the measurements turned into plain sentences with their evidence.

Each ``Finding`` is one sentence a PR lead can read aloud ("First response came 14 h after
onset (target: within 1 h)"), a severity (good / info / warning / critical) and the figures
behind it. Every input is optional: pass what was measured and get the findings it
supports. The targets are parameters (``LessonThresholds``); their defaults and where each
comes from are listed in docs/measure_responses.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl

SEVERITIES = ("good", "info", "warning", "critical")


@dataclass
class Finding:
    """One lesson: a plain sentence with its evidence figure."""

    topic: str
    severity: str  # "good" | "info" | "warning" | "critical"
    text: str
    evidence: dict[str, Any] = field(default_factory=dict)


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


def duration(hours: float) -> str:
    """3.5 -> "3.5 h", 50 -> "2.1 days": hours under two days, days above."""
    if hours < 48:
        return f"{hours:.1f} h".replace(".0 h", " h")
    return f"{hours / 24:.1f} days".replace(".0 days", " days")


def _when(moment: datetime | None, tz: str) -> str:
    if moment is None:
        return "an unknown time"
    return moment.astimezone(ZoneInfo(tz)).strftime("%-d %b %H:%M %Z")


def _kind(response_type: str | None) -> str:
    """A response type as written in a sentence ("ceo video" -> "CEO video")."""
    return str(response_type or "response").replace("ceo", "CEO")


def _statements(response_type: str | None) -> str:
    """ "Apology statements", "Holding statements" (not "holding statement statements")."""
    kind = _kind(response_type)
    plural = f"{kind}s" if kind.endswith("statement") else f"{kind} statements"
    return plural[0].upper() + plural[1:]


def _percent(share: float) -> str:
    """0.27 -> "27%", 0.004 -> "0.4%": small shares keep a decimal instead of showing 0%."""
    return f"{share:.1%}" if 0 < share < 0.01 else f"{share:.0%}"


def _points(change: float) -> str:
    return f"{change * 100:+.0f} points"


def timing_findings(summary: dict, t: LessonThresholds, tz: str) -> list[Finding]:
    """Time to first response and the longest silence between responses."""
    hours = summary.get("time_to_first_response_hours")
    found = []
    if hours is None:
        message = summary.get("message") or "no response in the crisis window"
        severity = "critical" if message.startswith("no response") else "info"
        text = (
            "The brand posted no response during the crisis window."
            if severity == "critical"
            else f"Time to first response was not measured: {message}."
        )
        return [Finding("response time", severity, text, {"message": message})]
    first = summary.get("first_response") or {}
    target = t.first_response_target_hours
    severity = (
        "good"
        if hours <= target
        else "critical"
        if hours > t.first_response_critical_hours
        else "warning"
    )
    what = f" ({first.get('type')} on {first.get('channel')})" if first else ""
    found.append(
        Finding(
            "response time",
            severity,
            f"First response came {duration(hours)} after onset{what} "
            f"(target: within {duration(target)}).",
            {"hours": hours, "target_hours": target, "first_response": first},
        )
    )
    gap = summary.get("max_gap_hours")
    if gap is not None:
        late = gap > t.max_silence_hours
        found.append(
            Finding(
                "cadence",
                "warning" if late else "good",
                f"The longest silence between responses was {duration(gap)} "
                f"(target: an update at least every {duration(t.max_silence_hours)}).",
                {"max_gap_hours": gap, "median_gap_hours": summary.get("median_gap_hours")},
            )
        )
    return found


def reply_findings(summary: dict, t: LessonThresholds) -> list[Finding]:
    """Share of negative customer mentions answered, and how fast."""
    rate = summary.get("reply_rate")
    if rate is None:
        return []
    replied, total = summary.get("replied"), summary.get("negative_mentions")
    median = summary.get("median_reply_hours")
    speed = f"; median reply time {duration(median)}" if median is not None else ""
    good = rate >= t.reply_rate_target and (median is None or median <= t.median_reply_target_hours)
    return [
        Finding(
            "replies",
            "good" if good else "warning",
            f"The brand replied to {rate:.0%} of negative customer mentions ({replied} of "
            f"{total}; target {t.reply_rate_target:.0%}){speed}.",
            {
                "reply_rate": rate,
                "replied": replied,
                "negative_mentions": total,
                "median_reply_hours": median,
            },
        )
    ]


def effect_findings(
    effects: pl.DataFrame, t: LessonThresholds, tz: str, window_hours: float
) -> list[Finding]:
    """One finding per response: did negative share move, and how surely."""
    found = []
    for row in effects.iter_rows(named=True):
        label = f"the {_kind(row['type'])} ({row['channel']}, {_when(row['time'], tz)})"
        evidence = {
            k: row[k]
            for k in (
                "negative_share_before",
                "negative_share_after",
                "change",
                "ci_low",
                "ci_high",
                "p_value",
                "method",
            )
        }
        if row["change"] is None:
            found.append(
                Finding(
                    "response effect",
                    "info",
                    f"The effect of {label} could not be estimated: "
                    f"{row['method'].removeprefix('not estimated: ')}.",
                    evidence,
                )
            )
            continue
        before, after = row["negative_share_before"], row["negative_share_after"]
        interval = f"95% interval {_points(row['ci_low'])} to {_points(row['ci_high'])}"
        sure_drop = row["ci_high"] < 0 and row["change"] <= -t.min_effect
        sure_rise = row["ci_low"] > 0 and row["change"] >= t.min_effect
        if sure_drop:
            severity, verb = "good", "fell"
        elif sure_rise:
            severity, verb = "warning", "rose"
        else:
            severity, verb = "info", None
        if verb and str(row["method"]).startswith("segmented"):
            # a level change at the response, net of the trend: the raw averages can even
            # move the other way, so they are given apart
            text = (
                f"Negative share {verb} by {abs(row['change']) * 100:.0f} points at {label} "
                f"(level change net of the trend, {interval}); averages over "
                f"{duration(window_hours)}: {before:.0%} before, {after:.0%} after."
            )
        elif verb:
            text = (
                f"Negative share {verb} from {before:.0%} to {after:.0%} within "
                f"{duration(window_hours)} of {label} ({interval})."
            )
        elif row["ci_high"] < 0 or row["ci_low"] > 0:
            text = (
                f"Negative share barely moved after {label}: {before:.0%} before, "
                f"{after:.0%} after, a change under {t.min_effect * 100:.0f} points "
                f"({interval})."
            )
        else:
            text = (
                f"No clear change in negative share after {label}: {before:.0%} before, "
                f"{after:.0%} after ({interval})."
            )
        if row.get("overlaps"):
            text += " Other responses fall in the same windows, so the change is theirs too."
        found.append(Finding("response effect", severity, text, evidence))
    return found


def consistency_findings(summary: dict, t: LessonThresholds) -> list[Finding]:
    """Were statements of one type worded alike across channels?"""
    found = []
    for item in summary.get("consistency") or []:
        ok = item["mean_similarity"] >= t.consistency_min
        found.append(
            Finding(
                "consistency",
                "good" if ok else "warning",
                f"{_statements(item['type'])} were "
                f"{'consistent' if ok else 'inconsistent'} across channels (mean similarity "
                f"{item['mean_similarity']:.2f} of 1 over {item['pairs']} pairs).",
                dict(item),
            )
        )
    return found


def claim_findings(claims: Any, t: LessonThresholds, tz: str) -> list[Finding]:
    """First appearance of each claim and whether its clarification slowed it."""
    found = []
    for row in claims.first_seen.iter_rows(named=True):
        found.append(
            Finding(
                "hoax",
                "info",
                f"The claim '{row['claim']}' first appeared {_when(row['published_at'], tz)} "
                f"on {row['platform']} by @{row['author']}.",
                dict(row),
            )
        )
    for row in claims.clarifications.iter_rows(named=True):
        kept = row["kept_growing_hours"]
        if kept >= t.hoax_growth_hours:
            text = (
                f"The claim '{row['claim']}' kept growing for {duration(kept)} after the "
                f"clarification of {_when(row['clarification_time'], tz)}."
            )
            severity = "warning"
        elif row["verdict"] == "slowed":
            text = (
                f"The claim '{row['claim']}' slowed after the clarification of "
                f"{_when(row['clarification_time'], tz)} (hourly growth "
                f"{row['growth_per_hour_before']:+.0%} before, "
                f"{row['growth_per_hour_after']:+.0%} after)."
            )
            severity = "good"
        else:
            text = (
                f"No clear change in the spread of the claim '{row['claim']}' after the "
                f"clarification of {_when(row['clarification_time'], tz)}."
            )
            severity = "info"
        found.append(Finding("hoax", severity, text, dict(row)))
    return found


def coordination_findings(share: float, t: LessonThresholds) -> list[Finding]:
    """How much of the negativity coordination signals could account for."""
    severity = (
        "critical"
        if share >= t.coordination_critical_share
        else "warning"
        if share >= t.coordination_warning_share
        else "info"
    )
    return [
        Finding(
            "coordination",
            severity,
            f"{_percent(share)} of negative mentions came with coordination signals (copy-paste "
            "clusters or bursts of new or tiny accounts).",
            {"share": share},
        )
    ]


def signal_findings(signals: pl.DataFrame, tz: str, top: int = 3) -> list[Finding]:
    """The largest coordination signals, each as a sentence an analyst can check."""
    found = []
    biggest = signals.sort(["accounts", "start"], descending=[True, False]).head(top)
    for row in biggest.iter_rows(named=True):
        share = row["share_of_negative"]
        of_negative = f"{_percent(share)} of negative mentions" if share is not None else "no share"
        found.append(
            Finding(
                "coordination",
                "info",
                f"Signal of coordination: {row['signal']} from {_when(row['start'], tz)}, "
                f"{row['accounts']} accounts, {row['mentions']} mentions ({of_negative}): "
                f"{row['detail']}.",
                {k: v for k, v in row.items() if k != "mention_ids"},
            )
        )
    return found


def platform_findings(platforms: pl.DataFrame, t: LessonThresholds) -> list[Finding]:
    """Which platform recovered last, against the first to recover."""
    detected = platforms.filter(pl.col("detected"))
    ended = detected.filter(pl.col("end").is_not_null()).sort("end")
    found = [
        Finding(
            "platforms",
            "warning",
            f"{_name(p)} had not recovered by the end of the data.",
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
            found.append(
                Finding(
                    "platforms",
                    "info",
                    f"{_name(row['platform'])} recovered {duration(lag)} later than "
                    f"{_name(first['platform'])}.",
                    {"platform": row["platform"], "reference": first["platform"], "lag_hours": lag},
                )
            )
    return found


def _name(platform: str) -> str:
    return {"x": "X", "tiktok": "TikTok", "youtube": "YouTube", "linkedin": "LinkedIn"}.get(
        platform, platform.capitalize()
    )


def window_findings(window: Any, t: LessonThresholds) -> list[Finding]:
    """Duration of the crisis and the sentiment gap it left."""
    found = []
    if getattr(window, "recovery_hours", None) is not None:
        found.append(
            Finding(
                "crisis",
                "info",
                f"The crisis lasted {duration(window.recovery_hours)} from onset to recovery.",
                {"recovery_hours": window.recovery_hours},
            )
        )
    gap = getattr(window, "sentiment_gap", None)
    if gap is not None:
        severity = "warning" if gap <= t.sentiment_gap_warning else "info" if gap < 0 else "good"
        found.append(
            Finding(
                "crisis",
                severity,
                "Net sentiment after the crisis was back at its pre-crisis level."
                if abs(gap) < 0.005
                else f"Net sentiment after the crisis was {abs(gap):.2f} "
                f"{'below' if gap < 0 else 'above'} its pre-crisis level.",
                {"sentiment_gap": gap},
            )
        )
    return found


def strategy_findings(responses: pl.DataFrame, window: Any) -> list[Finding]:
    """Which SCCT postures the responses used, and when the first rebuild response came."""
    onset = getattr(window, "onset", None)
    coded = responses.filter(pl.col("strategy").is_not_null())
    if onset is not None:
        coded = coded.filter(pl.col("time") >= onset)
    if coded.is_empty():
        return []
    counts = coded.group_by("strategy").len().sort("len", descending=True)
    used = ", ".join(f"{s} ({n})" for s, n in counts.iter_rows())
    text = f"Responses used the SCCT postures {used}."
    evidence: dict[str, Any] = {"strategies": dict(counts.iter_rows())}
    rebuild = coded.filter(pl.col("strategy") == "rebuild").sort("time")
    if onset is not None and not rebuild.is_empty():
        first = rebuild.row(0, named=True)
        hours = (first["time"] - onset).total_seconds() / 3600
        text += f" The first rebuild response ({first['type']}) came {duration(hours)} after onset."
        evidence["first_rebuild_hours"] = hours
    return [Finding("strategy", "info", text, evidence)]


def lessons_learned(
    *,
    window: Any = None,
    summary: dict | None = None,
    effects: pl.DataFrame | None = None,
    claims: Any = None,
    coordination_share: float | None = None,
    platforms: pl.DataFrame | None = None,
    responses: pl.DataFrame | None = None,
    signals: pl.DataFrame | None = None,
    thresholds: LessonThresholds | None = None,
    window_hours: float = 24,
    tz: str = "Asia/Jakarta",
) -> list[Finding]:
    """Findings from whatever was measured: window (CrisisWindow), summary
    (``response_summary``), effects (``response_effects``), claims (``track_claims``),
    coordination_share (``coordinated_negative_share``), platforms (``platform_windows``),
    responses (``brand_responses``, for the SCCT postures used), signals
    (``coordination_signals``: the three largest are described).
    """
    t = thresholds or LessonThresholds()
    found: list[Finding] = []
    if window is not None:
        found += window_findings(window, t)
    if summary is not None:
        found += timing_findings(summary, t, tz)
        found += reply_findings(summary, t)
        found += consistency_findings(summary, t)
    if responses is not None:
        found += strategy_findings(responses, window)
    if effects is not None:
        found += effect_findings(effects, t, tz, window_hours)
    if claims is not None:
        found += claim_findings(claims, t, tz)
    if coordination_share is not None:
        found += coordination_findings(coordination_share, t)
    if signals is not None and not signals.is_empty():
        found += signal_findings(signals, tz)
    if platforms is not None and not platforms.is_empty():
        found += platform_findings(platforms, t)
    return found
