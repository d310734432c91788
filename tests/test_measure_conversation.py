"""Top negative posts, amplifiers with stance, share of voice (values worked out by hand)."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from analytics.errors import AnalysisError
from analytics.measure.conversation import share_of_voice, top_amplifiers, top_negative_posts
from analytics.schema import MENTION_SCHEMA, conform

T = datetime(2024, 3, 5, 3, tzinfo=UTC)  # 10:00 in Jakarta


def frame(rows: list[dict]) -> pl.DataFrame:
    filled = [{"platform": "x", "published_at": T, "is_brand_post": False, **r} for r in rows]
    base = conform(pl.DataFrame(filled), MENTION_SCHEMA)
    return base.with_columns(
        pl.Series("sentiment_label", [r.get("sentiment_label") for r in filled], dtype=pl.Utf8)
    )


def test_top_negative_posts_by_reach_nulls_last_brand_left_out():
    mentions = frame(
        [
            {"mention_id": "1", "reach": 100, "sentiment_label": "negative"},
            {"mention_id": "2", "reach": 500, "sentiment_label": "negative"},
            {"mention_id": "3", "reach": None, "sentiment_label": "negative"},
            {"mention_id": "4", "reach": 1000, "sentiment_label": "positive"},
            {
                "mention_id": "5",
                "reach": 9999,
                "sentiment_label": "negative",
                "is_brand_post": True,
            },
        ]
    )
    assert top_negative_posts(mentions).get_column("mention_id").to_list() == ["2", "1", "3"]
    assert top_negative_posts(mentions, n=1).get_column("mention_id").to_list() == ["2"]


def test_amplifiers_reach_is_max_not_sum_and_stance():
    mentions = frame(
        [
            {"mention_id": "a1", "author": "a", "reach": 100, "sentiment_label": "negative"},
            {"mention_id": "a2", "author": "a", "reach": 300, "sentiment_label": "negative"},
            {"mention_id": "a3", "author": "a", "reach": 200, "sentiment_label": "positive"},
            {
                "mention_id": "b1",
                "author": "b",
                "reach": 1000,
                "sentiment_label": "positive",
                "author_followers": 5000,
            },
            {"mention_id": "c1", "author": "c", "reach": 50},
            {"mention_id": "c2", "author": "c", "reach": 50},
        ]
    )
    by_reach = top_amplifiers(mentions)
    assert by_reach.get_column("author").to_list() == ["b", "a", "c"]
    a = by_reach.row(1, named=True)
    # a: reach max 300 (not 600), potential reach 600, 2 of 3 negative -> stance negative
    assert (a["reach"], a["potential_reach"], a["posts"]) == (300, 600, 3)
    assert a["negative_share"] == pytest.approx(2 / 3) and a["stance"] == "negative"
    assert by_reach.row(0, named=True)["stance"] == "positive"
    assert by_reach.row(2, named=True)["stance"] == "unscored"
    assert top_amplifiers(mentions, by="posts").get_column("author").to_list() == ["a", "c", "b"]
    with pytest.raises(AnalysisError, match="cannot rank amplifiers by 'likes'"):
        top_amplifiers(mentions, by="likes")


def test_share_of_voice_per_jakarta_day_with_zero_rows():
    late = datetime(2024, 3, 5, 18, tzinfo=UTC)  # 01:00 on 6 March in Jakarta
    mentions = frame(
        [
            {"mention_id": "1", "brand": "A", "sentiment_label": "negative"},
            {"mention_id": "2", "brand": "A", "sentiment_label": "negative"},
            {"mention_id": "3", "brand": "A", "sentiment_label": "positive"},
            {"mention_id": "4", "brand": "B", "sentiment_label": "negative"},
            {"mention_id": "5", "brand": "B", "sentiment_label": "neutral", "published_at": late},
            {"mention_id": "6", "brand": "B", "sentiment_label": None, "published_at": late},
        ]
    )
    sov = share_of_voice(mentions)
    day1 = {r["brand"]: r for r in sov.to_dicts() if r["period_start"].day == 5}
    day2 = {r["brand"]: r for r in sov.to_dicts() if r["period_start"].day == 6}
    # 5 March: A 3 of 4 mentions, 2 of the 3 negatives; B 1 of 4, 1 of 3 negatives
    assert day1["A"]["share"] == pytest.approx(0.75) and day1["B"]["share"] == pytest.approx(0.25)
    assert day1["A"]["negative_share_of_voice"] == pytest.approx(2 / 3)
    assert day1["A"]["negative_share"] == pytest.approx(2 / 3)
    # 6 March (Jakarta): only B, 2 mentions, 1 scored neutral; A is there with 0
    assert day2["A"]["mentions"] == 0 and day2["B"]["share"] == 1.0
    assert day2["B"]["negative_share"] == 0.0 and day2["B"]["negative_share_of_voice"] is None


def test_share_of_voice_needs_a_competitor():
    mentions = frame([{"mention_id": "1", "brand": "A", "sentiment_label": "negative"}])
    with pytest.raises(AnalysisError, match="at least two brands; found only 'A'"):
        share_of_voice(mentions)


def test_lazy_frames_from_the_store_are_accepted():
    mentions = frame(
        [
            {"mention_id": "1", "reach": 100, "sentiment_label": "negative", "author": "a"},
            {"mention_id": "2", "reach": 500, "sentiment_label": "negative", "author": "b"},
        ]
    )
    lazy = mentions.lazy()
    assert top_negative_posts(lazy).get_column("mention_id").to_list() == ["2", "1"]
    assert top_amplifiers(lazy).get_column("author").to_list() == ["b", "a"]


def test_near_duplicate_headlines_collapse_with_a_count_and_one_author_is_capped():
    headline = "NusaPay down again: users cannot log in"
    mentions = frame([
        {"mention_id": "1", "author": "news", "reach": 900, "sentiment_label": "negative",
         "text": headline + " https://news.example/a"},
        {"mention_id": "2", "author": "news", "reach": 800, "sentiment_label": "negative",
         "text": headline.upper() + "! - News Site https://news.example/b"},
        {"mention_id": "3", "author": "other", "reach": 700, "sentiment_label": "negative",
         "text": "  " + headline.lower() + "..."},
        {"mention_id": "4", "author": "news", "reach": 600, "sentiment_label": "negative",
         "text": "Refunds are late"},
        {"mention_id": "5", "author": "news", "reach": 500, "sentiment_label": "negative",
         "text": "Support does not answer"},
        {"mention_id": "6", "author": "news", "reach": 400, "sentiment_label": "negative",
         "text": "Fees went up"},
        {"mention_id": "7", "author": "news", "reach": 300, "sentiment_label": "negative",
         "text": "App crashed"},
    ])  # fmt: skip
    top = top_negative_posts(mentions)
    # 1, 2, 3 share a headline: shown once (the widest) with 3 copies; then "news" is capped
    # at 3 rows (1, 4, 5), so 6 and 7 are left out
    assert top.get_column("mention_id").to_list() == ["1", "4", "5"]
    assert top.get_column("copies").to_list() == [3, 1, 1]
    uncapped = top_negative_posts(mentions, per_author=None)
    assert uncapped.get_column("mention_id").to_list() == ["1", "4", "5", "6", "7"]
