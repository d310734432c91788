"""Reports degrade instead of failing or misleading: hand-built stores and frames.

Each rule: a section that lacks its input says so in one sentence; share of voice uses the
brands with mentions in the period; a period without data is an error listing the weeks
that have data; unscored mentions stop the report with the command to run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from hand_store import store_rows

from analytics.errors import AnalysisError
from analytics.report import kpis, messages
from analytics.report.checks import check_has_mentions, check_scored
from analytics.store import Store

T0 = datetime(2026, 10, 5, 3, tzinfo=UTC)  # Monday 5 Oct 2026, 10:00 WIB (ISO week 41)


def build(root: Path, brand: str, days: list[int], *, scored: bool) -> None:
    """Three customer mentions on each given day after T0; scored or not."""
    rows = [
        {
            "mention_id": f"{brand}-{d}-{k}",
            "platform": "x",
            "published_at": T0 + timedelta(days=d, hours=k),
            "text": "teks",
            "is_brand_post": False,
            "source_file": "hand.csv",
            "source_row": 2 + 3 * i + k,
        }
        for i, d in enumerate(days)
        for k in range(3)
    ]
    store = store_rows(root, brand, rows, source=f"{brand}.csv")
    if scored:
        store.save_sentiment(
            pl.DataFrame(
                [(brand, "x", r["mention_id"], "id", 0.0, "neutral") for r in rows],
                schema=["brand", "platform", "mention_id", "language", "sentiment_compound",
                        "sentiment_label"],
                orient="row",
            ).with_columns(sentiment_method=pl.lit("test"))
        )  # fmt: skip


def test_a_period_without_data_is_an_error_listing_the_weeks_that_have_data(tmp_path):
    build(tmp_path, "NusaPay", [0, 1, 8], scored=True)  # weeks 41 and 42
    start = datetime(2026, 10, 26, tzinfo=UTC) - timedelta(hours=7)  # W44, Monday 00:00 WIB
    with pytest.raises(AnalysisError) as caught:
        check_has_mentions(tmp_path, "NusaPay", start, start + timedelta(days=7), "in 2026-W44")
    message = str(caught.value)
    assert "no mention of 'NusaPay' in 2026-W44" in message
    assert "weeks with mentions: 2026-W41 (6), 2026-W42 (3)" in message
    # a week with data passes
    check_has_mentions(tmp_path, "NusaPay", T0, T0 + timedelta(days=2), "in 2026-W41")


def test_unscored_mentions_stop_the_report_with_the_command_to_run(tmp_path):
    build(tmp_path, "NusaPay", [0, 1], scored=False)
    with pytest.raises(AnalysisError, match=r"6 mention\(s\) of 'NusaPay'.*no sentiment") as e:
        check_scored(tmp_path, "NusaPay", T0, T0 + timedelta(days=7))
    assert f"crisis-analytics sentiment store --store {tmp_path}" in str(e.value)


def test_scored_mentions_pass(tmp_path):
    build(tmp_path, "NusaPay", [0, 1], scored=True)
    check_scored(tmp_path, "NusaPay", T0, T0 + timedelta(days=7))


def test_share_of_voice_uses_the_brands_with_mentions_in_the_period(tmp_path):
    build(tmp_path, "NusaPay", [0, 1], scored=True)
    build(tmp_path, "KiraPay", [20], scored=True)  # in the store, not in the week
    week = (
        Store(tmp_path)
        .mentions(["NusaPay", "KiraPay"])
        .filter(pl.col("published_at") < T0 + timedelta(days=7))
    )
    assert kpis.brands_present(week) == ["NusaPay"]
    sentence = messages.competitors_absent(["NusaPay", "KiraPay"], ["NusaPay"])
    assert sentence.startswith("Share of voice needs mentions of at least two brands")
    assert "KiraPay has none in it (brands with mentions: NusaPay)" in sentence


def test_unknown_reach_is_unknown_not_zero():
    frame = pl.DataFrame(
        {
            "platform": ["x", "x", "instagram"],
            "is_brand_post": [False, False, False],
            "sentiment_label": ["negative", "neutral", "positive"],
            "reach": [None, None, 120],
        },
        schema={"platform": pl.Utf8, "is_brand_post": pl.Boolean, "sentiment_label": pl.Utf8,
                "reach": pl.Int64},
    )  # fmt: skip
    table = kpis.breakdown(frame, "platform")
    reach = dict(zip(table["platform"], table["potential_reach"], strict=True))
    assert reach == {"x": None, "instagram": 120}
    assert not kpis.has_figure(frame.filter(pl.col("platform") == "x"), "reach")
    assert kpis.has_figure(frame, "reach")
    assert "unknown, not zero" in messages.section_text("no_reach")


def test_a_read_without_sentiment_has_the_same_mentions_and_no_score_columns(tmp_path):
    from analytics.report import scan_mentions

    build(tmp_path, "NusaPay", [0, 1, 8], scored=True)
    end = T0 + timedelta(days=2)
    scored = scan_mentions(tmp_path, "NusaPay", start=T0, end=end).collect()
    plain = scan_mentions(tmp_path, "NusaPay", start=T0, end=end, with_sentiment=False).collect()
    assert scored.get_column("sentiment_label").to_list() == ["neutral"] * 6
    assert "sentiment_label" not in plain.columns
    # the scored read also fills a missing language with the detected one
    same = [c for c in plain.columns if c != "language"]
    assert plain.select(same).equals(scored.select(same))
    # the period check counts without the scores: unscored mentions still count as present
    build(tmp_path / "unscored", "NusaPay", [0], scored=False)
    check_has_mentions(tmp_path / "unscored", "NusaPay", T0, end, "in 2026-W41")


def test_voice_mentions_are_the_store_read_with_this_brand_from_memory(tmp_path):
    from analytics.report import load_inputs, scan_mentions, voice_mentions
    from analytics.report.inputs import VOICE_COLUMNS

    build(tmp_path, "NusaPay", [0, 1, 2, 5], scored=True)
    build(tmp_path, "KiraPay", [1, 2, 6], scored=True)
    data = load_inputs(tmp_path, "NusaPay", start=T0, end=T0 + timedelta(days=4))
    start, end = T0 + timedelta(days=1), T0 + timedelta(days=3)
    key = ["brand", "published_at"]
    read = scan_mentions(tmp_path, ["NusaPay", "KiraPay"], start=start, end=end).collect()
    # the same rows as one store read of both brands (a brand named twice counts once)
    voice = voice_mentions(data, ["NusaPay", "KiraPay", "NusaPay"], start=start, end=end)
    assert voice.columns == VOICE_COLUMNS
    assert voice.sort(key).equals(read.select(VOICE_COLUMNS).sort(key))
    assert voice.get_column("brand").to_list() == ["NusaPay"] * 6 + ["KiraPay"] * 6
    # this brand's rows come from the mentions already read when they cover the span ...
    data.mentions = data.mentions.with_columns(author=pl.lit("in memory"))
    voice = voice_mentions(data, ["NusaPay", "KiraPay"], start=start, end=end)
    assert voice.filter(pl.col("brand") == "NusaPay").get_column("author").unique().to_list() == [
        "in memory"
    ]
    assert voice.filter(pl.col("author") == "in memory").height == 6
    # ... and from the store when the span reaches past them (day 5 was not read)
    later = voice_mentions(data, ["NusaPay"], start=start, end=T0 + timedelta(days=6))
    assert later.height == 9 and later.get_column("author").null_count() == 9
