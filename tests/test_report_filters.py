"""Explore filters and the drill-down into a spike."""

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.report import filters


def _frame() -> pl.DataFrame:
    t0 = datetime(2026, 10, 21, 3, tzinfo=UTC)
    return pl.DataFrame(
        {
            "published_at": [t0, t0 + timedelta(minutes=30), t0 + timedelta(hours=2)],
            "platform": ["x", "instagram", "x"],
            "language": ["id", "en", "id"],
            "sentiment_label": ["negative", None, "positive"],
            "is_brand_post": [False, False, True],
        }
    )


def test_filters_combine_and_empty_means_all():
    frame = _frame()
    assert filters.filter_mentions(frame).height == 3
    assert filters.filter_mentions(frame, platforms=["x"], languages=["id"]).height == 2
    assert filters.filter_mentions(frame, sentiments=["unscored"]).height == 1
    assert filters.filter_mentions(frame, include_brand_posts=False).height == 2


def test_unknown_filter_values_are_errors():
    with pytest.raises(InputDataError, match=r"platforms \['twiter'\] are not known"):
        filters.filter_mentions(_frame(), platforms=["twiter"])
    with pytest.raises(InputDataError, match=r"sentiments \['angry'\] are not known"):
        filters.filter_mentions(_frame(), sentiments=["angry"])


def test_busiest_period_and_mentions_behind_it():
    line = pl.DataFrame(
        {"period_start": [datetime(2026, 10, 21, h, tzinfo=UTC) for h in (2, 3, 4)],
         "mentions": [1, 5, 5]}
    )  # fmt: skip
    # 5 mentions at 03:00 and 04:00: the earlier one wins
    moment = filters.busiest_period(line)
    assert moment == datetime(2026, 10, 21, 3, tzinfo=UTC)
    behind = filters.mentions_in(_frame(), moment, timedelta(hours=1))
    assert behind.get_column("platform").to_list() == ["x", "instagram"]
    assert filters.busiest_period(line.clear()) is None
