"""Every English sentence of the findings and of the crisis notes, in one table keyed by code.

``measure/`` hands over codes and numbers (``Finding.code`` + ``Finding.values``,
``Note.code`` + ``Note.values``); this module turns them into words. The templates are plain
``str.format`` strings, so a translation is another table with the same keys. The format
specs name how a value is written, never its language:

* ``{x:dur}``   hours as "3.5 h" / "2.1 days";
* ``{x:pct}``   a share as "27%" (small shares keep a decimal: "0.4%");
* ``{x:pct0}``  a share as a whole percentage;
* ``{x:pts}``   a change of a share as "+5 points"; ``{x:apts}`` its size without sign;
* ``{x:when}``  a UTC time in the report's zone ("5 Oct 14:00 WIB");
* ``{x:kind}``  a response type as written in a sentence ("CEO video");
* ``{x:kinds}`` a response type as a plural subject ("Apology statements");
* ``{x:platform}`` a platform name ("X", "TikTok");
* any other spec is Python's (``{x:.2f}``).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from types import ModuleType
from typing import Any

from analytics.defaults import DEFAULT_TZ
from analytics.measure.crisis.notes import Note, NoteCode
from analytics.measure.lessons import Finding, FindingCode
from analytics.report import words
from analytics.report.lang import Lang, current_lang

FINDING_TEXT: dict[FindingCode, str] = {
    FindingCode.CRISIS_DURATION: "The crisis lasted {recovery_hours:dur} from onset to recovery.",
    FindingCode.SENTIMENT_BACK: "Net sentiment after the crisis was back at its pre-crisis level.",
    FindingCode.SENTIMENT_BELOW: (
        "Net sentiment after the crisis was {size:.2f} below its pre-crisis level."
    ),
    FindingCode.SENTIMENT_ABOVE: (
        "Net sentiment after the crisis was {size:.2f} above its pre-crisis level."
    ),
    FindingCode.NO_RESPONSE: (
        "No response of the brand was found in the data during the crisis window, although "
        "{brand_posts} post(s) of its accounts are in the data. If it answered on channels "
        "not exported, add them (an owned-channel export or an events file)."
    ),
    FindingCode.NO_RESPONSE_FOUND: (
        "No response of the brand was found in the data during the crisis window. If it "
        "answered on channels that were not exported, add them (an owned-channel export or "
        "an events file)."
    ),
    FindingCode.RESPONSE_NOT_MEASURED: "Time to first response was not measured: {message}.",
    FindingCode.FIRST_RESPONSE: (
        "The first response in the data came {hours:dur} after onset ({type} on {channel}) "
        "(target: within {target_hours:dur})."
    ),
    FindingCode.FIRST_RESPONSE_UNTYPED: (
        "The first response in the data came {hours:dur} after onset "
        "(target: within {target_hours:dur})."
    ),
    FindingCode.CADENCE: (
        "The longest silence between responses was {max_gap_hours:dur} "
        "(target: an update at least every {target_hours:dur})."
    ),
    FindingCode.REPLIES: (
        "The brand replied to {reply_rate:pct0} of negative customer mentions ({replied} of "
        "{negative_mentions}; target {target_rate:pct0})."
    ),
    FindingCode.REPLIES_TIMED: (
        "The brand replied to {reply_rate:pct0} of negative customer mentions ({replied} of "
        "{negative_mentions}; target {target_rate:pct0}); median reply time "
        "{median_reply_hours:dur}."
    ),
    FindingCode.EFFECT_NOT_ESTIMATED: "The effect of {label} could not be estimated: {reason}.",
    FindingCode.EFFECT_LEVEL_FELL: (
        "Negative share fell by {change:apts} at {label} (level change net of the trend, "
        "{interval}); averages over {window_hours:dur}: {before:pct0} before, "
        "{after:pct0} after."
    ),
    FindingCode.EFFECT_LEVEL_ROSE: (
        "Negative share rose by {change:apts} at {label} (level change net of the trend, "
        "{interval}); averages over {window_hours:dur}: {before:pct0} before, "
        "{after:pct0} after."
    ),
    FindingCode.EFFECT_FELL: (
        "Negative share fell from {before:pct0} to {after:pct0} within {window_hours:dur} of "
        "{label} ({interval})."
    ),
    FindingCode.EFFECT_ROSE: (
        "Negative share rose from {before:pct0} to {after:pct0} within {window_hours:dur} of "
        "{label} ({interval})."
    ),
    FindingCode.EFFECT_SMALL: (
        "Negative share barely moved after {label}: {before:pct0} before, {after:pct0} after, "
        "a change under {min_effect:apts} ({interval})."
    ),
    FindingCode.EFFECT_NONE: (
        "No clear change in negative share after {label}: {before:pct0} before, "
        "{after:pct0} after ({interval})."
    ),
    FindingCode.EFFECT_OVERLAPS: (
        " Other responses fall in the same windows, so the change is theirs too."
    ),
    FindingCode.CONSISTENT: (
        "{type:kinds} were consistent across channels (mean similarity "
        "{mean_similarity:.2f} of 1 over {pairs} pairs)."
    ),
    FindingCode.INCONSISTENT: (
        "{type:kinds} were inconsistent across channels (mean similarity "
        "{mean_similarity:.2f} of 1 over {pairs} pairs)."
    ),
    FindingCode.CLAIM_FIRST_SEEN: (
        "The claim '{claim}' first appeared {published_at:when} on {platform} by @{author}."
    ),
    FindingCode.CLAIM_KEPT_GROWING: (
        "The claim '{claim}' kept growing for {kept_growing_hours:dur} after the "
        "clarification of {clarification_time:when}."
    ),
    FindingCode.CLAIM_SLOWED: (
        "The claim '{claim}' slowed after the clarification of {clarification_time:when} "
        "(hourly growth {growth_per_hour_before:+.0%} before, {growth_per_hour_after:+.0%} after)."
    ),
    FindingCode.CLAIM_UNCLEAR: (
        "No clear change in the spread of the claim '{claim}' after the clarification of "
        "{clarification_time:when}."
    ),
    FindingCode.COORDINATION: (
        "{share:pct} of negative mentions came with coordination signals (copy-paste "
        "clusters or bursts of new or tiny accounts)."
    ),
    FindingCode.COORDINATION_SIGNAL: (
        "Signal of coordination: {signal} from {start:when}, {accounts} accounts, "
        "{mentions} mentions ({share_of_negative:pct} of negative mentions): {detail}."
    ),
    FindingCode.COORDINATION_SIGNAL_UNSHARED: (
        "Signal of coordination: {signal} from {start:when}, {accounts} accounts, "
        "{mentions} mentions (no share): {detail}."
    ),
    FindingCode.PLATFORM_OPEN: "{platform:platform} had not recovered by the end of the data.",
    FindingCode.PLATFORM_LAG: (
        "{platform:platform} recovered {lag_hours:dur} later than {reference:platform}."
    ),
    FindingCode.STRATEGIES: "Responses used the SCCT postures {used}.",
    FindingCode.FIRST_REBUILD: (
        " The first rebuild response ({type}) came {first_rebuild_hours:dur} after onset."
    ),
    FindingCode.BRAND_POSTS_MISSING: (
        "The data holds no post of the brand's own accounts{handles}, so whether and how it "
        "responded cannot be judged from it (an absence in the data is not an absence in "
        "the world). Add its posts: name its accounts with --handle (brand_handles), ingest "
        "an owned-channel export (X analytics, Meta Business Suite, Sprout Social), or list "
        "its statements in an events file (--events)."
    ),
}

NOTE_TEXT: dict[NoteCode, str] = {
    NoteCode.NO_CRISIS: (
        "No crisis detected: no sustained rise above the normal range for this time."
    ),
    NoteCode.OPEN_END: (
        "The conversation had not settled back into its normal range by the end of the "
        "data ({data_end}), so the crisis end and recovery time are unknown."
    ),
    NoteCode.NO_SENTIMENT_GAP: (
        "The sentiment gap could not be measured: no positive or negative mentions in the "
        "{gap_days:g} days before the onset or after the end."
    ),
    NoteCode.MANUAL_SHORT_HISTORY: (
        "Too little history for alert levels; the window itself is still measured."
    ),
    NoteCode.WINDOW_PAST_DATA: (
        "The window ends after the data does ({data_end}); "
        "the post-crisis phase and the sentiment gap cannot be measured."
    ),
    NoteCode.PLATFORM_NO_CRISIS: "no crisis detected on this platform",
    NoteCode.TOO_SHORT: "{reason}",
    NoteCode.ONSET_AT_DATA_START: (
        "Onset at or before the start of the data ({data_start}): the data begins inside an "
        "elevated period, so the crisis may have started earlier; its first days were "
        "compared with the days that follow them."
    ),
    NoteCode.SHORT_BASELINE: (
        "Only {hours} hours of data precede the onset (the minimum baseline is "
        "{minimum_days} days), so the hours before it were compared with the same hours on "
        "the following days."
    ),
}

# the same notes in a table cell (per-platform windows): short, no values
NOTE_SHORT: dict[NoteCode, str] = {
    NoteCode.NO_CRISIS: "no crisis detected",
    NoteCode.OPEN_END: "not back to normal by the end of the data",
    NoteCode.NO_SENTIMENT_GAP: "sentiment gap not measurable",
    NoteCode.MANUAL_SHORT_HISTORY: "too little history for alert levels",
    NoteCode.WINDOW_PAST_DATA: "window ends after the data",
    NoteCode.PLATFORM_NO_CRISIS: "no crisis detected on this platform",
    NoteCode.TOO_SHORT: "too little data",
    NoteCode.ONSET_AT_DATA_START: "onset at or before the start of the data",
    NoteCode.SHORT_BASELINE: "short baseline before the onset",
}

# findings that can stand in a history row
HISTORY_SHORT: dict[FindingCode, str] = {
    FindingCode.NO_RESPONSE_FOUND: "no response of the brand found in the data",
}

# sentences of report sections that lack their input (one sentence each, no empty chart)
SECTION_TEXT: dict[str, str] = {
    "no_competitor": (
        "No competitor brand in the store: share of voice needs exports for at least one "
        "other brand."
    ),
    "competitors_absent": (
        "Share of voice needs mentions of at least two brands in the period; {absent} "
        "{verb} none in it (brands with mentions: {present}). Ingest their exports for the "
        "period, or name other brands (competitors)."
    ),
    "baseline_full": "Baseline: the {days} days before the period ({first:date} to {last:date}).",
    "baseline_short": (
        "Baseline: the data before the period covers only {first:date} to {last:date} "
        "({held:.1f} of the {days} days asked for)."
    ),
    "baseline_none": (
        "Baseline: there is no data before the period; the detector compared the first days "
        "with the days that follow them."
    ),
    "no_reach": (
        "The exports carry no reach figure for this period, so potential reach is not shown "
        "(unknown, not zero)."
    ),
}


# a report parameter in words, for the provenance footer (the notebook's name in the key)
PARAMETER_TEXT: dict[str, str] = {
    "brand": "Brand",
    "week": "Week",
    "start": "First day",
    "end": "Last day",
    "store": "Store folder",
    "tz": "Time zone",
    "compare_weeks": "Weeks compared",
    "brand_handles": "Official accounts",
    "events": "Events file",
    "notes": "Team notes file",
    "claims": "Hoax claims and their keywords",
    "survey": "Survey file",
    "labels": "Analyst labels file",
    "competitors": "Competitors",
    "episode": "Crisis episode",
    "detect": "Crisis window found by the detector",
    "every": "Time step of the timeline",
    "effect_window_hours": "Hours before and after each response",
    "baseline_days": "Days of baseline",
    "top_n": "Rows in the top lists",
    "lang": "Language",
    "platforms": "Platforms kept",
    "languages": "Languages kept",
    "sentiments": "Sentiment labels kept",
    "spike": "Start of the drill-down",
    "rows": "Mentions in the drill-down",
    # the crisis detector's rule and thresholds (measure.crisis.params, method appendix)
    "rule": "Rule",
    "description": "How it works",
    "weeks": "Weeks of the same hour compared",
    "min_weekly_refs": "Fewest weeks for the weekly comparison",
    "days": "Days compared when there are fewer weeks",
    "min_daily_refs": "Fewest days of history before an hour",
    "watch_z": "Watch level (robust z)",
    "warning_z": "Warning level (robust z)",
    "critical_z": "Critical level (robust z)",
    "min_mentions": "Fewest mentions in an hour for an alert",
    "merge_gap_hours": "Quiet hours that still join two alerts",
    "min_alert_hours": "Fewest elevated hours in a crisis",
    "crisis_level": "Alert level a crisis must reach",
    "end_hours": "Calm hours that end a crisis",
    "end_tolerance_hours": "Isolated watch hours allowed while calm",
    "end_z": "Calm total within (standard errors)",
    "peak_fraction": "Share of the busiest hour that counts as the peak",
    "gap_days": "Days either side for the sentiment gap",
    "min_lead_hours": "Hours of data needed before an onset",
    "yes": "yes",
    "no": "no",
}


def parameter_text(key: str) -> str:
    """A parameter's name in words; an unknown one as its name with spaces."""
    return _table("PARAMETER_TEXT").get(key, key.replace("_", " "))


def section_text(key: str, **values: Any) -> str:
    """One sentence of ``SECTION_TEXT``."""
    return render(_table("SECTION_TEXT")[key], values)


def baseline_sentence(data_start: datetime, period_start: datetime, days: int) -> str:
    """What the baseline before a report period really holds (``data_start``: the first
    mention read, ``period_start``: the period's first instant; both aware)."""
    if data_start >= period_start:
        return section_text("baseline_none")
    wanted = period_start - timedelta(days=days)
    first = max(data_start, wanted)
    values = {"days": days, "first": first.date(), "last": period_start.date()}
    if data_start <= wanted + timedelta(days=1):
        return section_text("baseline_full", **values)
    held = (period_start - data_start).total_seconds() / 86400
    return section_text("baseline_short", held=held, **values)


def competitors_absent(wanted: list[str], present: list[str]) -> str:
    """The share-of-voice sentence when brands asked for have no mention in the period."""
    absent = [b for b in wanted if b not in present]
    return section_text(
        "competitors_absent",
        absent=", ".join(absent) or words.t("none"),
        verb=words.t("verb.has" if len(absent) == 1 else "verb.have"),
        present=", ".join(present) or words.t("none"),
    )


def duration(hours: float) -> str:
    """3.5 -> "3.5 h", 50 -> "2.1 days": hours under two days, days above (in the language
    in use)."""
    return words.duration(hours)


def percent(share: float) -> str:
    """0.27 -> "27%", 0.004 -> "0.4%": small shares keep a decimal instead of showing 0%."""
    return words.percent(share)


# parts shared by the effect findings, filled in before the sentence
PARTS: dict[str, str] = {
    "label": "the {type:kind} ({channel}, {time:when})",
    "interval": "95% interval {ci_low:pts} to {ci_high:pts}",
}


def tables(lang: Lang | None = None) -> ModuleType:
    """The module holding the finding and note tables of ``lang`` (this one for English)."""
    if (lang or current_lang()) is Lang.ID:
        from analytics.report import messages_id

        return messages_id
    return sys.modules[__name__]


def _table(name: str) -> dict:
    """One table (``FINDING_TEXT``, ``NOTE_TEXT``, ...) in the language in use, English
    entries standing in for any it lacks (the catalogue test fails on those)."""
    english = globals()[name]
    return {**english, **getattr(tables(), name)}


def render(template: str, values: dict[str, Any], tz: str = DEFAULT_TZ) -> str:
    """Fill a template of this module with its values (and the ``PARTS`` it uses)."""
    parts = {
        name: words.fill(part, values, tz)
        for name, part in _table("PARTS").items()
        if "{" + name + "}" in template
    }
    return words.fill(template, {**values, **parts}, tz)


def catalogue(lang: Lang) -> dict[str, str]:
    """Every message of the reports in ``lang``, keyed by code: the UI words and the
    finding, note and section tables (for the catalogue tests and translators)."""
    own = tables(lang)
    found = {code: text for code, text in words.table_for(lang).items()}
    found.update({f"value.{raw}": text for raw, text in words.values_for(lang).items()})
    for name in ("FINDING_TEXT", "NOTE_TEXT", "NOTE_SHORT", "HISTORY_SHORT", "SECTION_TEXT",
                 "PARTS", "PARAMETER_TEXT"):  # fmt: skip
        found.update({f"{name}.{code}": text for code, text in getattr(own, name).items()})
    return found


def finding_text(finding: Finding, tz: str = DEFAULT_TZ) -> str:
    """The sentence of one finding (its addenda appended)."""
    parts = [finding.code, *finding.addenda]
    table = _table("FINDING_TEXT")
    return "".join(render(table[code], finding.values, tz) for code in parts)


def note_text(note: Note) -> str:
    """The sentence of one crisis-window note."""
    return render(_table("NOTE_TEXT")[note.code], note.values)


def notes_text(notes: list[Note]) -> list[str]:
    """The sentences of a window's notes."""
    return [note_text(n) for n in notes]


def _code_text(code: str) -> str:
    """A note or finding code in words, for a table row (no values)."""
    if code in NoteCode.__members__.values():
        return _table("NOTE_SHORT")[NoteCode(code)]
    return _table("HISTORY_SHORT")[FindingCode(code)]


def history_notes(history: Any) -> Any:
    """``crisis_history`` with a ``note`` column in words (from note_codes and detail)."""
    import polars as pl

    def words(codes: list[str] | None, detail: str | None) -> str | None:
        return "; ".join([*(detail and [detail] or []), *map(_code_text, codes or [])]) or None

    return history.with_columns(
        note=pl.struct("note_codes", "detail").map_elements(
            lambda r: words(r["note_codes"], r["detail"]), return_dtype=pl.Utf8
        )
    )


def platform_notes(platforms: Any) -> Any:
    """``platform_windows`` with a ``note`` column in words (codes and detail joined)."""
    import polars as pl

    def words(codes: list[str] | None, detail: str | None) -> str | None:
        short = _table("NOTE_SHORT")
        parts = [short[NoteCode(c)] for c in codes or []]
        if detail:
            parts = [detail]
        return "; ".join(parts) or None

    return platforms.with_columns(
        note=pl.struct("note_codes", "detail").map_elements(
            lambda r: words(r["note_codes"], r["detail"]), return_dtype=pl.Utf8
        )
    )
