"""Agreement with the tools' own labels, on a frame worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.sentiment.agreement import source_agreement


def test_agreement_and_kappa_by_hand() -> None:
    frame = pl.DataFrame(
        {
            # Brandwatch words, Meltwater "Not Rated", Talkwalker signed numbers, Brand24 -1/0/1
            "source_sentiment": ["Positive", "negative", "Not Rated", "-3", "2", "0", "-1"],
            "sentiment_label": ["positive", "negative", "negative", "negative", "neutral",
                                "neutral", None],
            "source_tool": ["brandwatch", "brandwatch", "meltwater", "talkwalker", "talkwalker",
                            "brand24", "brand24"],
        }
    )  # fmt: skip
    result = source_agreement(frame)
    # compared (tool, ours): (pos,pos) (neg,neg) (neg,neg) (pos,neu) (neu,neu); "Not Rated"
    # excluded as unrated; the last row is unscored by us.
    assert result["n_compared"] == 5
    assert result["n_tool_unrated"] == 1
    assert result["n_unscored"] == 1
    assert result["agreement"] == pytest.approx(4 / 5)
    # tool marginals pos 2/5 neu 1/5 neg 2/5; ours pos 1/5 neu 2/5 neg 2/5
    # expected = .4*.2 + .2*.4 + .4*.4 = .08 + .08 + .16 = .32; kappa = (.8-.32)/.68 = .7059
    assert result["kappa"] == pytest.approx(0.48 / 0.68)
    assert result["confusion"] == [[1, 1, 0], [0, 1, 0], [0, 0, 2]]
    assert result["groups"]["talkwalker"]["n_compared"] == 2
    assert result["groups"]["talkwalker"]["agreement"] == pytest.approx(0.5)


def test_missing_columns_are_named() -> None:
    with pytest.raises(InputDataError, match='no column "sentiment_label"'):
        source_agreement(pl.DataFrame({"source_sentiment": ["positive"]}))
