"""Executive summary: templates filled with measured figures, nothing the data lack."""

from dataclasses import dataclass
from datetime import UTC, datetime

import polars as pl

from analytics.report import summary


@dataclass
class _Finding:
    topic: str
    severity: str
    text: str


FACTS = summary.CrisisFacts(
    brand="NusaPay", tz="Asia/Jakarta", detected=True,
    onset=datetime(2026, 10, 20, 13, tzinfo=UTC), end=datetime(2026, 10, 25, 14, tzinfo=UTC),
    mentions=5586, peak_mentions=288, negative_share=0.724, negative_share_before=0.252,
    first_response_hours=14.5, responses=6, reply_rate=0.089, recovery_hours=97.0,
)  # fmt: skip
LESSONS = [
    _Finding("cadence", "warning", "The longest silence was 31.5 h."),
    _Finding("tone", "good", "Statements were consistent."),
    _Finding("response time", "critical", "First response came 14.5 h after onset."),
]


def _effects(ci_high: list[float]) -> pl.DataFrame:
    n = len(ci_high)
    return pl.DataFrame({
        "type": ["apology", "fix", "ceo video"][:n], "channel": ["x", None, "instagram"][:n],
        "negative_share_before": [0.75] * n, "negative_share_after": [0.54, 0.70, 0.46][:n],
        "change": [-0.21, -0.05, -0.29][:n], "ci_low": [-0.27, -0.10, -0.35][:n],
        "ci_high": ci_high,
    })  # fmt: skip


def test_crisis_paragraph_states_the_measured_figures():
    text = summary.crisis_paragraph(FACTS, _effects([-0.15, 0.01]), LESSONS)
    # 13:00 UTC is 20:00 in Jakarta
    assert text.startswith("From 20 Oct 2026 20:00 WIB to 25 Oct 2026 21:00 WIB, NusaPay")
    assert "5,586 times, at most 288 in one hour; 72.4% of scored mentions were negative " \
           "(before the crisis: 25.2%)." in text  # fmt: skip
    assert "The first response came 14.5 h after the onset, with 6 responses" in text
    assert "replied to 8.9% of negative customer mentions." in text
    # only the apology's interval is wholly below zero: it is the one named
    assert "after the apology on x the negative share fell from 75.0% to 54.0% " \
           "(95% interval of the change -27.0 to -15.0 points)." in text  # fmt: skip
    assert "back in its usual range 97.0 h after the peak." in text
    # the worst finding (critical before warning) is the thing to improve first
    assert "First to improve (cadence)" not in text
    assert "First to improve (response time): First response came 14.5 h after onset." in text


def test_nothing_is_claimed_that_the_figures_do_not_show():
    onset = datetime(2026, 1, 1, tzinfo=UTC)
    open_ended = summary.CrisisFacts(brand="B", tz="UTC", detected=True, onset=onset, mentions=10)
    text = summary.crisis_paragraph(open_ended, _effects([0.02, 0.01]), [])
    assert "to the end of the period" in text
    assert "no response by the brand" in text
    assert "No single response was followed by a clear fall" in text
    assert "no return to the usual range" in text
    assert "What worked best" not in text and "First to improve" not in text
    assert "negative" not in text.split("times")[1].split(".")[0]  # no share measured
    quiet = summary.CrisisFacts(brand="B", tz="UTC", detected=False, mentions=3)
    assert summary.crisis_paragraph(quiet, None, []).startswith("The detector found no crisis")


def test_key_findings_are_the_worst_five_at_most():
    many = [_Finding(f"t{i}", "warning", "w") for i in range(7)] + LESSONS
    key = summary.key_findings(many)
    assert len(key) == summary.KEY_FINDINGS == 5
    assert key[0].topic == "response time" and all(f.severity != "good" for f in key)
    block = summary.summary_block("<b>x</b>", LESSONS)
    assert '<p class="summary">&lt;b&gt;x&lt;/b&gt;</p><h3>Key findings</h3>' in block
    assert block.count("<li") == 2


def test_weekly_paragraph():
    text = summary.weekly_paragraph(
        brand="NusaPay", week="2026-W43", alert_days=2,
        current={"mentions": 6801, "negative_share": 0.643, "net_sentiment": -0.52},
        previous={"mentions": 1200, "negative_share": 0.21})  # fmt: skip
    assert text == (
        "In 2026-W43, customers mentioned NusaPay 6,801 times (previous week: 1,200). "
        "64.3% of scored mentions were negative (previous week: 21.0%); net sentiment -0.52. "
        "The crisis detector reached warning or critical level on 2 days: see Alerts this week."
    )


def test_first_to_improve_is_not_repeated_in_the_key_findings():
    lessons = [
        _Finding("response time", "critical", "First response came 14.5 h after onset."),
        *(_Finding(f"topic {i}", "warning", f"Warning number {i}.") for i in range(1, 6)),
        _Finding("tone", "good", "Statements were consistent."),
    ]
    paragraph = summary.crisis_paragraph(FACTS, None, lessons)
    assert "First to improve (response time): First response came 14.5 h after onset." \
        in paragraph  # fmt: skip
    block = summary.summary_block(paragraph, lessons)
    # said once, in the paragraph; the list goes on with the next five (warnings 1..5)
    assert block.count("First response came 14.5 h after onset.") == 1
    assert block.count('<li class="finding') == summary.KEY_FINDINGS
    assert "response time</strong>" not in block
    assert all(f"Warning number {i}." in block for i in range(1, 6))
    # a paragraph that does not name it (no urgent finding stated) keeps it in the list
    plain = summary.summary_block("A short paragraph.", lessons)
    assert "response time</strong>" in plain and "Warning number 5." not in plain
