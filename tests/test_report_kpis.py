"""KPI figures, breakdowns and top posts on tiny frames worked out by hand."""

from datetime import UTC, datetime

import polars as pl
import pytest

from analytics.report import kpis


def _frame() -> pl.DataFrame:
    t = lambda day, hour=12: datetime(2026, 10, day, hour, tzinfo=UTC)  # noqa: E731
    return pl.DataFrame(
        {
            "published_at": [t(19), t(20), t(20), t(21), t(22), t(23), t(12)],
            "brand": ["A"] * 6 + ["A"],
            "platform": ["x", "x", "instagram", "x", None, "x", "x"],
            "language": ["id", "id", "en", None, "id", "id", "id"],
            "author": ["u1", "u1", "u2", "u3", "u4", "brand", "u5"],
            "sentiment_label": ["negative", "negative", "positive", None, "neutral",
                                "positive", "negative"],
            "reach": [100, 200, None, 50, 10, 999, 5],
            "likes": [1, 2, 3, None, 0, 9, 0],
            "comments": [0, 1, None, None, 0, 9, 0],
            "shares": [0, 0, None, None, 0, 9, 0],
            "engagement": [None, None, 10, None, None, None, None],
            "is_brand_post": [False, False, False, False, False, True, False],
            "text": ["a", "b", "c", "d", "e", "f", "g"],
        }
    )  # fmt: skip


def test_period_figures_by_hand():
    # 19-24 Oct: 6 rows, one is the brand's own post -> 5 customer mentions
    # labels: negative, negative, positive, unscored, neutral -> scored 4, negative 2
    # negative share 2/4 = 0.5; net sentiment (1 - 2) / (1 + 2) = -1/3
    # reach 100 + 200 + 50 + 10 = 360 (null skipped); engagement: 1+0+0, 2+1+0, 10 (export's),
    # none, 0 -> 1 + 3 + 10 + 0 = 14; authors u1, u2, u3, u4 = 4
    figures = kpis.period_figures(
        _frame(), datetime(2026, 10, 19, tzinfo=UTC), datetime(2026, 10, 24, tzinfo=UTC)
    )
    assert figures["mentions"] == 5 and figures["brand_posts"] == 1
    assert figures["scored"] == 4 and figures["negative"] == 2
    assert figures["negative_share"] == 0.5
    assert figures["net_sentiment"] == pytest.approx(-1 / 3)
    assert figures["potential_reach"] == 360
    assert figures["engagement"] == 14
    assert figures["authors"] == 4


def test_empty_period_has_no_shares():
    figures = kpis.period_figures(_frame().clear())
    assert figures["mentions"] == 0
    assert figures["negative_share"] is None and figures["net_sentiment"] is None
    assert figures["potential_reach"] is None


def test_weekly_kpis_deltas_against_previous_week():
    now = kpis.period_figures(_frame(), datetime(2026, 10, 19, tzinfo=UTC))
    before = kpis.period_figures(_frame(), None, datetime(2026, 10, 19, tzinfo=UTC))
    cards = {card.label: card for card in kpis.weekly_kpis(now, before, alerts=2)}
    # previous week: one customer mention (u5, negative): share 1.0 -> now 0.5: -0.5
    assert cards["Mentions"].delta == 5 - 1
    assert cards["Negative share"].delta == pytest.approx(-0.5)
    assert cards["Days with alerts"].value == 2


def test_breakdown_by_platform_counts_unknown():
    rows = {r["platform"]: r for r in kpis.breakdown(_frame(), "platform").to_dicts()}
    # customers: x has 19th (neg), 20th (neg), 21st (unscored), 12th (neg) -> 4 mentions,
    # 3 scored, all negative; instagram 1 positive; unknown (None) 1 neutral
    assert rows["x"]["mentions"] == 4 and rows["x"]["negative_share"] == 1.0
    assert rows["unknown"]["mentions"] == 1 and rows["unknown"]["negative_share"] == 0.0
    assert list(rows)[0] == "x"  # largest first


def test_top_posts_by_engagement_without_brand_posts():
    top = kpis.top_posts(_frame(), n=2)
    # engagement: c=10 (export's), b=3, a=1; the brand's f=27 is not a customer post
    assert top.get_column("text").to_list() == ["c", "b"]


def test_share_of_voice_table():
    frame = pl.concat([_frame(), _frame().with_columns(brand=pl.lit("B")).head(2)])
    rows = {r["brand"]: r for r in kpis.share_of_voice_table(frame).to_dicts()}
    # customers: A 6, B 2 -> 0.75 / 0.25; B's two are negative -> negative share 1.0
    assert rows["A"]["share"] == 0.75 and rows["B"]["share"] == 0.25
    assert rows["B"]["negative_share"] == 1.0
