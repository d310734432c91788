"""Response timing, replies, effects and consistency on tiny hand-built frames."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import polars as pl
import pytest

from analytics.errors import AnalysisError
from analytics.measure.responses import (
    ResponseSummary,
    TimingStatus,
    reply_stats,
    response_effects,
    response_summary,
    response_timing,
    statement_consistency,
)
from analytics.schema import EVENT_SCHEMA, MENTION_SCHEMA, conform

T0 = datetime(2024, 3, 5, 12, tzinfo=UTC)


def mention(i: str, at: datetime, label: str | None, **extra) -> dict:
    return {
        "mention_id": i,
        "platform": "x",
        "published_at": at,
        "author": f"user{i}",
        "is_brand_post": False,
        "sentiment_label": label,
        **extra,
    }


def frame(rows: list[dict]) -> pl.DataFrame:
    base = conform(pl.DataFrame(rows), MENTION_SCHEMA)
    return base.with_columns(
        pl.Series("sentiment_label", [r.get("sentiment_label") for r in rows], dtype=pl.Utf8)
    )


def events(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"time": t, "channel": c, "type": k, "description": d, "strategy": s}
            for t, c, k, d, s in rows
        ],
        schema=EVENT_SCHEMA,
    )


def halving_mentions() -> pl.DataFrame:
    """4 hours before T0 at 6 negative / 2 positive / 2 neutral of 10, then 4 hours at 3/5/2."""
    rows = []
    for hour in range(-4, 4):
        neg, pos = (6, 2) if hour < 0 else (3, 5)
        labels = ["negative"] * neg + ["positive"] * pos + ["neutral"] * (10 - neg - pos)
        for k, label in enumerate(labels):
            rows.append(mention(f"{hour}-{k}", T0 + timedelta(hours=hour, minutes=k), label))
    # noise that must not count: unscored, the brand's own post, far outside the window
    rows.append(mention("u", T0 - timedelta(minutes=30), None))
    rows.append({**mention("b", T0 + timedelta(minutes=1), "positive"), "is_brand_post": True})
    rows.append(mention("far", T0 - timedelta(hours=30), "positive"))
    return frame(rows)


def test_halving_negative_share_is_a_drop_with_interval():
    apology = events([(T0, "x", "apology", "Kami mohon maaf", "rebuild")])
    effect = response_effects(halving_mentions(), apology, window_hours=24).row(0, named=True)
    # before: 24 negative of 40 = 0.6, net (8 - 24) / 32 = -0.5
    # after: 12 negative of 40 = 0.3, net (20 - 12) / 32 = 0.25
    assert effect["mentions_before"] == 40 and effect["mentions_after"] == 40
    assert effect["negative_share_before"] == pytest.approx(0.6)
    assert effect["negative_share_after"] == pytest.approx(0.3)
    assert effect["net_sentiment_before"] == pytest.approx(-0.5)
    assert effect["net_sentiment_after"] == pytest.approx(0.25)
    assert effect["change"] == pytest.approx(-0.3)
    # every hour on one side is identical, so every bootstrap resample gives -0.3
    assert effect["ci_low"] == pytest.approx(-0.3) and effect["ci_high"] == pytest.approx(-0.3)
    # exact permutation p: only 2 of the C(8,4) = 70 labellings reach |0.3|
    assert effect["p_value"] == pytest.approx(2 / 70, abs=0.015)
    assert effect["method"].startswith("bootstrap") and effect["overlaps"] is None


def test_segmented_regression_finds_the_level_drop():
    apology = events([(T0, "x", "apology", "Kami mohon maaf", "rebuild")])
    effect = response_effects(halving_mentions(), apology, method="segmented").row(0, named=True)
    # flat at 0.6 then flat at 0.3: level change -0.3, no trend, no residual
    assert effect["change"] == pytest.approx(-0.3)
    assert effect["ci_low"] == pytest.approx(-0.3) and effect["p_value"] < 1e-6
    assert effect["method"].startswith("segmented")


def test_effect_without_mentions_is_not_estimated_and_overlaps_are_named():
    two = events(
        [
            (T0, "x", "holding statement", "We are looking into it", None),
            (T0 + timedelta(hours=2), "x", "apology", "Sorry", "rebuild"),
        ]
    )
    empty_window = frame([mention("far", T0 - timedelta(days=5), "negative")])
    result = response_effects(empty_window, two, window_hours=24)
    first = result.row(0, named=True)
    assert first["change"] is None and first["negative_share_before"] is None
    assert "no scored customer mentions" in first["method"]
    assert "apology on x at 2024-03-05 14:00 UTC" in first["overlaps"]


def test_too_few_hours_is_said_not_guessed():
    rows = [
        mention("a", T0 - timedelta(minutes=10), "negative"),
        mention("b", T0 + timedelta(minutes=10), "positive"),
    ]
    one = events([(T0, "x", "apology", "Sorry", "rebuild")])
    effect = response_effects(frame(rows), one).row(0, named=True)
    assert effect["negative_share_before"] == 1.0 and effect["negative_share_after"] == 0.0
    assert effect["change"] is None
    assert "needs at least 3 hours" in effect["method"]


def test_reply_rate_two_of_four_and_median_reply_time():
    rows = [mention(f"n{i}", T0 + timedelta(hours=i), "negative") for i in range(4)]
    rows.append(mention("p", T0, "positive"))
    rows += [
        # replies to n0 after 1 h and to n2 after 3 h (and a second, later reply to n0)
        {**mention("r1", T0 + timedelta(hours=1), None), "is_brand_post": True, "parent_id": "n0"},
        {**mention("r1b", T0 + timedelta(hours=5), None), "is_brand_post": True, "parent_id": "n0"},
        {**mention("r2", T0 + timedelta(hours=5), None), "is_brand_post": True, "parent_id": "n2"},
        # same id on another platform is not a reply to n1
        {
            **mention("r3", T0 + timedelta(hours=2), None),
            "is_brand_post": True,
            "parent_id": "n1",
            "platform": "facebook",
        },
    ]
    stats = reply_stats(frame(rows))
    # 2 of the 4 negative mentions got a reply; reply times 1 h and 3 h -> median 2 h
    assert stats["negative_mentions"] == 4 and stats["replied"] == 2
    assert stats["reply_rate"] == 0.5
    assert stats["median_reply_hours"] == pytest.approx(2.0)


def test_reply_rate_is_unknown_when_the_data_holds_no_replies():
    # original posts only (as in engagement-ranked research samples): 3 negative mentions,
    # a brand post that answers nobody -> the rate cannot be measured, it is not 0%
    rows = [mention(f"n{i}", T0 + timedelta(hours=i), "negative") for i in range(3)]
    rows.append({**mention("b", T0 + timedelta(hours=4), None), "is_brand_post": True})
    stats = reply_stats(frame(rows))
    assert stats["reply_rate"] is None and stats["replied"] is None
    assert stats["message"].startswith("unknown: the data holds no replies")


def test_reply_rate_is_zero_when_replies_exist_but_none_is_the_brands():
    # a customer replies to another customer: the data does carry replies, the brand's are absent
    rows = [mention(f"n{i}", T0 + timedelta(hours=i), "negative") for i in range(3)]
    rows.append({**mention("c", T0 + timedelta(hours=4), "negative"), "parent_id": "n0"})
    stats = reply_stats(frame(rows))
    assert stats["negative_mentions"] == 4 and stats["replied"] == 0
    assert stats["reply_rate"] == 0.0


def test_timing_and_cadence():
    window = SimpleNamespace(onset=T0, end=T0 + timedelta(days=3))
    responses = events(
        [
            (T0 - timedelta(hours=5), "x", "post", "before the crisis", None),
            (T0 + timedelta(hours=2), "x", "holding statement", "looking into it", None),
            (T0 + timedelta(hours=5), "x", "apology", "sorry", "rebuild"),
            (T0 + timedelta(hours=11), "x", "fix", "fixed", "rebuild"),
        ]
    )
    timing = response_timing(responses, window)
    # first response after onset at +2 h; gaps 3 h and 6 h -> median 4.5, max 6
    assert timing["time_to_first_response_hours"] == pytest.approx(2.0)
    assert timing["first_response"]["type"] == "holding statement"
    assert timing["gaps_hours"] == pytest.approx([3.0, 6.0])
    assert timing["median_gap_hours"] == pytest.approx(4.5)
    assert timing["max_gap_hours"] == pytest.approx(6.0)


def test_no_response_is_reported_not_crashed():
    window = SimpleNamespace(onset=T0, end=T0 + timedelta(days=1))
    summary = response_summary(halving_mentions(), pl.DataFrame(schema=EVENT_SCHEMA), window)
    assert isinstance(summary, ResponseSummary) and summary.status is TimingStatus.NO_RESPONSE
    assert summary.time_to_first_response_hours is None and summary.first_response is None
    assert summary.message.startswith("no response")
    assert response_effects(halving_mentions(), pl.DataFrame(schema=EVENT_SCHEMA)).is_empty()
    no_onset = response_timing(pl.DataFrame(schema=EVENT_SCHEMA), SimpleNamespace(onset=None))
    assert "no crisis onset" in no_onset["message"]


def test_consistency_same_wording_scores_one_different_scores_low():
    text = "Kami mohon maaf atas gangguan layanan pembayaran hari ini"
    responses = events(
        [
            (T0, "x", "apology", text, "rebuild"),
            (T0 + timedelta(hours=1), "instagram", "apology", text, "rebuild"),
            (
                T0 + timedelta(hours=2),
                "facebook",
                "apology",
                "Promo spesial minggu depan untuk semua",
                "rebuild",
            ),
            (T0 + timedelta(hours=3), "x", "apology", text, "rebuild"),  # same channel as first
        ]
    )
    pairs = statement_consistency(responses)
    # 4 statements, pairs on different channels: x-ig, x-fb, ig-fb, ig-x(2nd), fb-x(2nd) = 5
    assert pairs.height == 5
    same = pairs.filter((pl.col("channel_a") == "x") & (pl.col("channel_b") == "instagram"))
    assert same.get_column("similarity").item() == pytest.approx(1.0)
    assert pairs.filter(pl.col("channel_b") == "facebook").get_column("similarity").max() < 0.3


def test_unscored_mentions_give_a_clear_message():
    unscored = conform(pl.DataFrame([{"mention_id": "a"}]), MENTION_SCHEMA)
    with pytest.raises(AnalysisError, match="sentiment_label.*sentiment score"):
        reply_stats(unscored)


def test_same_statement_on_three_channels_is_one_response_and_promos_are_not_responses():
    responses = events(
        [
            (T0 + timedelta(hours=1), "x", "post", "Promo cashback 20%", None),
            (T0 + timedelta(hours=3), "x", "apology", "Mohon maaf", "rebuild"),
            (T0 + timedelta(hours=3, minutes=7), "instagram", "apology", "Mohon maaf", "rebuild"),
            (T0 + timedelta(hours=3, minutes=14), "facebook", "apology", "Mohon maaf", "rebuild"),
            (T0 + timedelta(hours=9), "x", "apology", "Sekali lagi mohon maaf", "rebuild"),
        ]
    )
    window = SimpleNamespace(onset=T0, end=T0 + timedelta(days=1))
    timing = response_timing(responses, window)
    # the promo at +1 h is not a response: first response is the apology at +3 h; the
    # three-channel apology counts once, the next apology 6 h later (> 60 min) is new
    assert timing["time_to_first_response_hours"] == pytest.approx(3.0)
    assert timing["responses_in_window"] == 2 and timing["gaps_hours"] == pytest.approx([6.0])
    assert timing["first_response"]["channel"] == "x, instagram, facebook"
    everything = response_timing(responses, window, include_untyped=True, merge_minutes=0)
    assert everything["time_to_first_response_hours"] == pytest.approx(1.0)
    assert everything["responses_in_window"] == 5
    effects = response_effects(halving_mentions(), responses.filter(pl.col("type") == "apology"))
    assert effects.height == 2


def test_untyped_posts_have_no_effect_row_unless_asked():
    promo = events([(T0, "x", "post", "Promo cashback", None)])
    assert response_effects(halving_mentions(), promo).is_empty()
    asked = response_effects(halving_mentions(), promo, include_untyped=True)
    assert asked.height == 1 and asked.row(0, named=True)["change"] == pytest.approx(-0.3)


def test_summary_with_a_real_crisis_window():
    from analytics.measure.crisis import CrisisWindow

    window = CrisisWindow(
        brand="NusaPay",
        onset=T0 - timedelta(hours=4),
        peak=T0,
        end=T0 + timedelta(hours=4),
        phases=pl.DataFrame(),
        alerts=pl.DataFrame(),
        recovery_hours=8.0,
        sentiment_gap=None,
        method={},
        detected=True,
    )
    rows = [
        mention("n1", T0 - timedelta(hours=3), "negative"),
        mention("n2", T0 + timedelta(hours=5), "negative"),  # after the window's end
        {**mention("r", T0 - timedelta(hours=2), None), "is_brand_post": True, "parent_id": "n1"},
    ]
    responses = events([(T0 - timedelta(hours=1), "x", "apology", "Mohon maaf", "rebuild")])
    summary = response_summary(frame(rows), responses, window)
    # apology 3 h after onset; only n1 is inside the window and got a reply after 1 h
    assert summary.status is TimingStatus.MEASURED
    assert summary.time_to_first_response_hours == pytest.approx(3.0)
    assert summary.first_response.type == "apology" and summary.first_response.channel == "x"
    assert (summary.negative_mentions, summary.replied) == (1, 1)
    assert summary.reply_rate == 1.0 and summary.median_reply_hours == pytest.approx(1.0)
