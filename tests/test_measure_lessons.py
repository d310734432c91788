"""Lessons learned from a hand-made set of measurements: the exact sentences expected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import polars as pl

from analytics.measure.lessons import LessonThresholds, duration, lessons_learned

T0 = datetime(2024, 3, 5, 7, tzinfo=UTC)  # 14:00 WIB


def texts(findings) -> list[tuple[str, str]]:
    return [(f.severity, f.text) for f in findings]


def test_durations_read_naturally():
    assert duration(14) == "14 h"
    assert duration(0.5) == "0.5 h"
    assert duration(72) == "3 days"


def test_late_first_response_long_silence_and_few_replies():
    summary = {
        "time_to_first_response_hours": 14.0,
        "first_response": {"type": "holding statement", "channel": "x"},
        "max_gap_hours": 30.0,
        "median_gap_hours": 10.0,
        "reply_rate": 0.12,
        "replied": 12,
        "negative_mentions": 100,
        "median_reply_hours": 5.5,
        "consistency": [{"type": "apology", "mean_similarity": 0.32, "pairs": 3}],
    }
    assert texts(lessons_learned(summary=summary)) == [
        (
            "warning",
            "First response came 14 h after onset (holding statement on x) (target: within 1 h).",
        ),
        (
            "warning",
            "The longest silence between responses was 30 h "
            "(target: an update at least every 24 h).",
        ),
        (
            "warning",
            "The brand replied to 12% of negative customer mentions (12 of 100; "
            "target 50%); median reply time 5.5 h.",
        ),
        (
            "warning",
            "Apology statements were inconsistent across channels "
            "(mean similarity 0.32 of 1 over 3 pairs).",
        ),
    ]
    # 30 h is also past the "critical" mark of 24 h for a first response
    late = lessons_learned(summary={**summary, "time_to_first_response_hours": 30.0})
    assert late[0].severity == "critical"
    # the thresholds are parameters
    lenient = LessonThresholds(first_response_target_hours=24)
    assert lessons_learned(summary=summary, thresholds=lenient)[0].severity == "good"


def test_no_response_is_critical():
    summary = {
        "time_to_first_response_hours": None,
        "message": "no response: the brand posted no response in the crisis window",
    }
    assert texts(lessons_learned(summary=summary)) == [
        ("critical", "The brand posted no response during the crisis window.")
    ]


def effects_frame(rows: list[dict]) -> pl.DataFrame:
    base = {"channel": "instagram", "overlaps": None, "method": "bootstrap", "p_value": 0.01}
    return pl.DataFrame([{**base, **r} for r in rows])


def test_apology_effect_sentences():
    effects = effects_frame(
        [
            {
                "time": T0,
                "type": "apology video",
                "negative_share_before": 0.62,
                "negative_share_after": 0.35,
                "change": -0.27,
                "ci_low": -0.35,
                "ci_high": -0.19,
            },
            {
                "time": T0 + timedelta(days=1),
                "type": "fix",
                "negative_share_before": 0.35,
                "negative_share_after": 0.33,
                "change": -0.02,
                "ci_low": -0.08,
                "ci_high": 0.04,
                "overlaps": "windows overlap with ...",
            },
            {
                "time": T0 + timedelta(days=2),
                "type": "promo",
                "negative_share_before": None,
                "negative_share_after": None,
                "change": None,
                "ci_low": None,
                "ci_high": None,
                "method": "not estimated: no scored customer mentions before or after the response",
            },
        ]
    )
    assert texts(lessons_learned(effects=effects)) == [
        (
            "good",
            "Negative share fell from 62% to 35% within 24 h of the apology video "
            "(instagram, 5 Mar 14:00 WIB) (95% interval -35 points to -19 points).",
        ),
        (
            "info",
            "No clear change in negative share after the fix (instagram, 6 Mar 14:00 WIB): "
            "35% before, 33% after (95% interval -8 points to +4 points). Other responses "
            "fall in the same windows, so the change is theirs too.",
        ),
        (
            "info",
            "The effect of the promo (instagram, 7 Mar 14:00 WIB) could not be estimated: "
            "no scored customer mentions before or after the response.",
        ),
    ]


def test_hoax_coordination_platforms_and_window():
    claims = SimpleNamespace(
        first_seen=pl.DataFrame(
            [{"claim": "pork oil", "published_at": T0, "platform": "tiktok", "author": "akun1"}]
        ),
        clarifications=pl.DataFrame(
            [
                {
                    "claim": "pork oil",
                    "clarification_time": T0 + timedelta(hours=3),
                    "kept_growing_hours": 50.0,
                    "verdict": "no clear change",
                    "growth_per_hour_before": 0.2,
                    "growth_per_hour_after": 0.1,
                },
            ]
        ),
    )
    platforms = pl.DataFrame(
        {
            "platform": ["x", "instagram", "tiktok"],
            "detected": [True, True, True],
            "end": [T0 + timedelta(days=2), T0 + timedelta(days=5), None],
        }
    )
    window = SimpleNamespace(recovery_hours=96.0, sentiment_gap=-0.15)
    findings = lessons_learned(
        window=window, claims=claims, coordination_share=0.18, platforms=platforms
    )
    assert texts(findings) == [
        ("info", "The crisis lasted 4 days from onset to recovery."),
        ("warning", "Net sentiment after the crisis was 0.15 below its pre-crisis level."),
        ("info", "The claim 'pork oil' first appeared 5 Mar 14:00 WIB on tiktok by @akun1."),
        (
            "warning",
            "The claim 'pork oil' kept growing for 2.1 days after the clarification "
            "of 5 Mar 17:00 WIB.",
        ),
        (
            "warning",
            "18% of negative mentions came with coordination signals (copy-paste "
            "clusters or bursts of new or tiny accounts).",
        ),
        ("warning", "TikTok had not recovered by the end of the data."),
        ("info", "Instagram recovered 3 days later than X."),
    ]
    assert findings[3].evidence["kept_growing_hours"] == 50.0
