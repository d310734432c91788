"""The executive summary: one paragraph a manager reads first, written from the figures.

Every sentence is a fixed template with measured numbers filled in; a sentence whose figure
is missing is left out rather than guessed, and wording follows what the measure says, not
more: "no clear fall" when every interval of a response's effect includes no change, "the
data show no return to the usual range" when the window has no end (an absence in the data
is not an absence in the world). The key findings under it are the worst lessons, at most
:data:`KEY_FINDINGS`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from analytics.measure.responses import ResponseSummary
from analytics.report import lang as L
from analytics.report.blocks import findings as findings_list
from analytics.report.blocks import format_value
from analytics.report.words import kind_name, t
from analytics.report.words import value as word

KEY_FINDINGS = 5  # the rest stays in the lessons section
_URGENT = ("critical", "warning")


@dataclass(frozen=True)
class CrisisFacts:
    """The figures the review's summary is written from (all optional but the brand)."""

    brand: str
    tz: str
    detected: bool
    onset: datetime | None = None
    end: datetime | None = None
    mentions: int | None = None
    peak_mentions: int | None = None
    negative_share: float | None = None
    negative_share_before: float | None = None
    first_response_hours: float | None = None
    responses: int | None = None
    reply_rate: float | None = None
    recovery_hours: float | None = None


def _when(moment: datetime | None, tz: str) -> str:
    return "" if moment is None else L.moment(moment, tz)


def _best_response(effects: pl.DataFrame | None) -> str:
    """The response followed by the largest clear fall in the negative share, or a plain
    statement that none was clear (every 95% interval reaches zero or above)."""
    if effects is None or effects.height == 0 or "ci_high" not in effects.columns:
        return ""
    clear = effects.filter(pl.col("ci_high").is_not_null() & (pl.col("ci_high") < 0))
    if clear.height == 0:
        return t("summary.no_clear_fall")
    best = clear.sort("change").row(0, named=True)
    channel = t("summary.on_channel", channel=best["channel"]) if best.get("channel") else ""
    return t(
        "summary.best",
        type=kind_name(best["type"]),
        channel=channel,
        before=format_value(best["negative_share_before"], "%"),
        after=format_value(best["negative_share_after"], "%"),
        low=L.number(best["ci_low"] * 100, 1, sign=True),
        high=L.number(best["ci_high"] * 100, 1, sign=True),
    )


def crisis_paragraph(facts: CrisisFacts, effects: pl.DataFrame | None, lessons: Sequence) -> str:
    """The review's summary as plain sentences (templates, measured numbers)."""
    sentences = []
    if facts.detected and facts.onset is not None:
        onset, brand = _when(facts.onset, facts.tz), facts.brand
        if facts.end:
            sentences.append(
                t("summary.span", onset=onset, end=_when(facts.end, facts.tz), brand=brand)
            )
        else:
            sentences.append(t("summary.span_open", onset=onset, brand=brand))
    else:
        sentences.append(t("summary.no_crisis", brand=facts.brand))
    if facts.mentions is not None:
        size = t("summary.size", mentions=format_value(facts.mentions))
        if facts.peak_mentions:
            size += t("summary.size_peak", peak=format_value(facts.peak_mentions))
        if facts.negative_share is not None:
            size += t("summary.size_negative", share=format_value(facts.negative_share, "%"))
            if facts.negative_share_before is not None:
                before = format_value(facts.negative_share_before, "%")
                size += t("summary.size_before", share=before)
        sentences.append(size + ".")
    if facts.first_response_hours is not None:
        speed = t("summary.speed", hours=format_value(facts.first_response_hours, "h"))
        if facts.responses is not None:
            speed += t("summary.speed_responses", n=format_value(facts.responses))
        if facts.reply_rate is not None:
            speed += t("summary.speed_replies", share=format_value(facts.reply_rate, "%"))
        sentences.append(speed + ".")
    elif facts.detected:
        sentences.append(t("summary.no_response"))
    best = _best_response(effects)
    if best:
        sentences.append(best)
    if facts.detected and facts.recovery_hours is not None:
        sentences.append(t("summary.recovered", hours=format_value(facts.recovery_hours, "h")))
    elif facts.detected and facts.end is None:
        sentences.append(t("summary.not_recovered"))
    urgent = key_findings(lessons)
    if urgent:
        first = urgent[0]
        sentences.append(
            t("summary.first_to_improve", topic=word(first.topic), text=_words(first, facts.tz))
        )
    return " ".join(sentences)


def _words(finding: object, tz: str) -> str:
    """A finding's sentence: typed findings are written by ``report.messages``."""
    from analytics.report.messages import finding_text

    return getattr(finding, "text", None) or finding_text(finding, tz)  # type: ignore[arg-type]


def key_findings(lessons: Sequence, most: int = KEY_FINDINGS) -> list:
    """The worst lessons (critical, then warning), at most ``most``."""
    ranked = sorted(
        (f for f in lessons if getattr(f, "severity", "") in _URGENT),
        key=lambda f: _URGENT.index(f.severity),
    )
    return ranked[:most]


def weekly_paragraph(
    *, brand: str, week: str, current: dict, previous: dict, alert_days: int
) -> str:
    """The weekly report's summary: volume, mood and alerts against the week before."""
    sentences = [
        t(
            "weekly.volume",
            week=week,
            brand=brand,
            now=format_value(current["mentions"]),
            before=format_value(previous["mentions"]),
        )  # fmt: skip
    ]
    if current.get("negative_share") is not None:
        mood = t("weekly.mood", share=format_value(current["negative_share"], "%"))
        if previous.get("negative_share") is not None:
            mood += t("weekly.mood_before", share=format_value(previous["negative_share"], "%"))
        if current.get("net_sentiment") is not None:
            mood += t("weekly.mood_net", net=format_value(current["net_sentiment"], "score"))
        sentences.append(mood + ".")
    if alert_days:
        code = "weekly.alerts_one" if alert_days == 1 else "weekly.alerts_many"
        sentences.append(t(code, n=alert_days))
    else:
        sentences.append(t("weekly.no_alerts"))
    return " ".join(sentences)


def summary_block(paragraph: str, lessons: Sequence = (), tz: str = "Asia/Jakarta") -> str:
    """The paragraph, then the key findings (when there are any) as the findings list.

    A finding the paragraph already states (its "first to improve") is not listed again:
    the list goes on with the next worst ones, still at most :data:`KEY_FINDINGS`."""
    body = f'<p class="summary">{html.escape(paragraph)}</p>'
    key = [f for f in key_findings(lessons, KEY_FINDINGS + 1) if _words(f, tz) not in paragraph]
    key = key[:KEY_FINDINGS]
    if key:
        body += f"<h3>{html.escape(t('summary.key_findings'))}</h3>" + findings_list(key, tz=tz)
    return f'<section class="executive-summary">{body}</section>'


def facts_from(
    *,
    brand: str,
    tz: str,
    window,
    before: dict,
    during: dict,
    responses: ResponseSummary,
    detect: bool,
) -> CrisisFacts:
    """The review's figures for :func:`crisis_paragraph`: the crisis window, the period
    figures before and during it and ``response_summary``'s ``ResponseSummary``. A window
    the analyst set (``detect`` False) counts as a crisis; one that replaced a failed
    detection does not."""
    return CrisisFacts(
        brand=brand,
        tz=tz,
        detected=not getattr(window, "manual", False) or not detect,
        onset=window.onset,
        end=window.end,
        mentions=during.get("mentions"),
        peak_mentions=window.peak_mentions,
        negative_share=during.get("negative_share"),
        negative_share_before=before.get("negative_share"),
        first_response_hours=responses.time_to_first_response_hours,
        responses=responses.responses_in_window,
        reply_rate=responses.reply_rate,
        recovery_hours=window.recovery_hours,
    )
