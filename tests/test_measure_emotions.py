"""Emotion mix per crisis phase: customer mentions with a label only, shares per phase."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from analytics.measure.emotions import (
    EMOTION_ORDER,
    emotion_mix,
    not_emotion_scored,
    with_emotions,
)


def _t(hour: int) -> datetime:
    return datetime(2026, 10, 13, hour, tzinfo=UTC)


def test_with_emotions_and_mix_per_phase() -> None:
    mentions = pl.DataFrame(
        {
            "brand": ["B"] * 6,
            "platform": ["x"] * 6,
            "mention_id": ["1", "2", "3", "4", "5", "6"],
            "published_at": [_t(1), _t(2), _t(3), _t(5), _t(6), _t(7)],
            "is_brand_post": [False, False, False, False, True, False],
            "author": ["a", "b", "c", "d", "brand", "e"],
        }
    )
    labels = pl.DataFrame(
        {
            "brand": ["B"] * 5,
            "platform": ["x"] * 5,
            "mention_id": ["1", "2", "3", "4", "5"],  # 6 has none (English)
            "emotion": ["anger", "anger", "fear", "joy", "anger"],
        }
    )
    joined = with_emotions(mentions, labels)
    assert joined["emotion"].to_list() == ["anger", "anger", "fear", "joy", "anger", None]
    phases = pl.DataFrame(
        {"phase": ["escalation", "recovery"], "start": [_t(0), _t(4)], "end": [_t(4), _t(8)]}
    )
    mix = emotion_mix(joined, phases)
    first, second = mix.row(0, named=True), mix.row(1, named=True)
    # escalation: 1, 2 (anger), 3 (fear): 2/3 anger, 1/3 fear
    assert first["labelled"] == 3
    assert first["anger"] == pytest.approx(2 / 3) and first["fear"] == pytest.approx(1 / 3)
    # recovery: 4 (joy); 5 is the brand's own post, 6 has no label
    assert second["labelled"] == 1 and second["joy"] == 1.0 and second["anger"] == 0.0
    assert mix.columns == ["phase", "start", "end", "labelled", *EMOTION_ORDER]


def test_emotion_timeline_counts_customer_labels_per_local_day() -> None:
    from analytics.measure.emotions import emotion_timeline

    frame = pl.DataFrame(
        {
            "published_at": [_t(1), _t(2), _t(18), _t(19)],  # 18:00 UTC = 01:00 next day WIB
            "emotion": ["anger", "anger", "anger", None],
            "is_brand_post": [False, True, False, False],
            "author": ["a", "b", "c", "d"],
        }
    )
    days = emotion_timeline(frame, tz="Asia/Jakarta")
    assert days["mentions"].to_list() == [1, 1]  # the brand's own post and the unlabelled out
    assert [d.day for d in days["period_start"]] == [13, 14]


def test_customer_mentions_left_without_an_emotion_are_counted() -> None:
    mentions = pl.DataFrame(
        {
            "brand": ["B"] * 5,
            "platform": ["x"] * 5,
            "mention_id": ["1", "2", "3", "4", "5"],
            "is_brand_post": [False, False, False, True, False],
            "author": ["a", "b", "c", "brand", "e"],
        }
    )
    stored = pl.DataFrame(
        {
            "brand": ["B"] * 4,
            "platform": ["x"] * 4,
            "mention_id": ["1", "2", "3", "4"],  # 5 not labelled yet: not counted as skipped
            "emotion": ["anger", None, None, None],
            "emotion_method": ["emotion-id-emot", "no-emotion-method", "no-emotion-method",
                               "no-emotion-method"],
        }
    )  # fmt: skip
    # customers: 1, 2, 3, 5 (4 is the brand's); English/other left without: 2, 3
    assert not_emotion_scored(mentions, stored) == (2, 4)
