from datetime import UTC, datetime

import polars as pl
import pytest

from analytics.schema import MENTION_SCHEMA, SENTIMENT_SCHEMA, conform, empty


def test_conform_adds_missing_columns_as_nulls_and_orders_them():
    frame = pl.DataFrame({"text": ["halo"], "mention_id": ["1"], "not_canonical": [1]})
    out = conform(frame, MENTION_SCHEMA)
    assert out.columns == list(MENTION_SCHEMA)
    assert out["mention_id"].to_list() == ["1"]
    assert out["text"].to_list() == ["halo"]
    assert out["likes"].to_list() == [None]  # null = "not provided", never 0
    assert "not_canonical" not in out.columns


def test_conform_casts_and_keeps_utc():
    when = datetime(2026, 10, 1, 18, 30, tzinfo=UTC)
    frame = pl.DataFrame({"published_at": [when], "likes": [3]})
    out = conform(frame, MENTION_SCHEMA)
    assert out.schema["published_at"] == pl.Datetime("us", "UTC")
    assert out.schema["likes"] == pl.Int64
    assert out["published_at"][0] == when


def test_conform_is_strict_about_wrong_types():
    frame = pl.DataFrame({"likes": ["many"]})
    with pytest.raises(pl.exceptions.InvalidOperationError):
        conform(frame, MENTION_SCHEMA)


def test_sentiment_rows_are_keyed_like_mentions():
    assert {"brand", "platform", "mention_id"} <= set(SENTIMENT_SCHEMA)
    assert empty(SENTIMENT_SCHEMA).height == 0
