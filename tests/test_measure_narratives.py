"""Claim (hoax) tracking: matching, first appearance, spreaders, clarification effect."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.errors import AnalysisError
from analytics.measure.narratives import track_claims
from analytics.schema import EVENT_SCHEMA, MENTION_SCHEMA, conform

T0 = datetime(2024, 3, 5, 12, tzinfo=UTC)  # the clarification
CLAIMS = {"pork oil": ["minyak babi", "oplosan babi"]}


def frame(rows: list[dict]) -> pl.DataFrame:
    filled = [{"platform": "x", "is_brand_post": False, **r} for r in rows]
    return conform(pl.DataFrame(filled), MENTION_SCHEMA).with_columns(
        pl.Series("sentiment_label", [r.get("sentiment_label") for r in filled], dtype=pl.Utf8)
    )


def clarification(text: str = "Klarifikasi: isu minyak babi itu hoaks") -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "time": T0,
                "channel": "x",
                "type": "clarification",
                "description": text,
                "strategy": "deny",
            }
        ],
        schema=EVENT_SCHEMA,
    )


def hoax_mentions(after_counts: list[int]) -> pl.DataFrame:
    """Claim mentions 1, 2, 4, 8, 16, 32 in the six hours before T0, then ``after_counts``."""
    rows = []
    before_counts = [1, 2, 4, 8, 16, 32]
    for offset, count in zip(range(-6, 0), before_counts, strict=True):
        for k in range(count):
            rows.append(
                {
                    "mention_id": f"{offset}-{k}",
                    "author": f"acc{k % 3}",
                    "published_at": T0 + timedelta(hours=offset, minutes=k),
                    "text": "Ternyata MINYAK BABI dicampur!",
                    "sentiment_label": "negative",
                    "url": f"https://x.com/acc/{offset}-{k}",
                    "reach": k,
                }
            )
    for offset, count in enumerate(after_counts):
        for k in range(count):
            rows.append(
                {
                    "mention_id": f"+{offset}-{k}",
                    "author": f"acc{k % 3}",
                    "published_at": T0 + timedelta(hours=offset, minutes=k),
                    "text": "katanya oplosan babi",
                    "sentiment_label": "negative",
                }
            )
    # does not carry the claim: "babi" alone is not one of the phrases
    rows.append({"mention_id": "n1", "author": "z", "published_at": T0, "text": "babi hutan"})
    # carries it inside a hashtag (counted: 63 + 63 + this one = 127)
    rows.append(
        {
            "mention_id": "h1",
            "author": "acc0",
            "published_at": T0 + timedelta(hours=30),
            "text": "cek #OplosanBabi",
        }
    )
    # the brand's own clarification quotes the hoax and must not count
    rows.append(
        {
            "mention_id": "own",
            "author": "brand",
            "published_at": T0,
            "text": "isu minyak babi itu hoaks",
            "is_brand_post": True,
        }
    )
    return frame(rows)


def test_first_appearance_volume_and_spreaders():
    result = track_claims(
        hoax_mentions([32, 16, 8, 4, 2, 1]), CLAIMS, responses=clarification(), window_hours=6
    )
    first = result.first_seen.row(0, named=True)
    # the earliest hit is the single mention 6 hours before T0, by acc0
    assert first["published_at"] == T0 - timedelta(hours=6)
    assert (first["author"], first["url"]) == ("acc0", "https://x.com/acc/-6-0")
    # 63 before + 63 after + the hashtag = 127; the brand post and "babi hutan" excluded
    assert result.matches.height == 127
    assert result.volume.get_column("mentions").sum() == 127
    # the hour before T0 (18:00 in Jakarta) holds the 32 mentions
    last_hour = pl.col("period_start").dt.convert_time_zone("UTC") == T0 - timedelta(hours=1)
    assert result.volume.filter(last_hour).get_column("mentions").item() == 32
    assert str(result.volume.schema["period_start"].time_zone) == "Asia/Jakarta"
    # acc0 posted k = 0, 3, 6, ... in every hour: the most posts
    assert result.spreaders.row(0, named=True)["author"] == "acc0"


def test_clarification_that_slowed_the_claim():
    result = track_claims(
        hoax_mentions([32, 16, 8, 4, 2, 1]), CLAIMS, responses=clarification(), window_hours=6
    )
    row = result.clarifications.row(0, named=True)
    # rising before (doubling each hour), halving after: slope turns from + to -
    assert row["mentions_before"] == 63 and row["mentions_after"] == 63
    assert row["growth_per_hour_before"] > 0 > row["growth_per_hour_after"]
    assert row["change"] < 0 and row["ci_high"] < 0
    assert row["verdict"] == "slowed"
    assert row["kept_growing_hours"] <= 1


def test_claim_that_kept_growing_after_the_clarification():
    after = [2 * (h + 1) for h in range(48)]  # keeps rising for two days
    result = track_claims(hoax_mentions(after), CLAIMS, responses=clarification(), window_hours=6)
    row = result.clarifications.row(0, named=True)
    # the centred 5-hour average peaks near the last hour (hour 47 after T0)
    assert 44 <= row["kept_growing_hours"] <= 48
    # its growth rate did fall (doubling per hour before, +2 per hour after) but it still grew
    assert row["growth_per_hour_after"] > 0


def test_missing_claims_and_missing_clarifications_are_messages():
    result = track_claims(hoax_mentions([1, 1, 1]), {**CLAIMS, "recall": ["ditarik"]})
    assert "claim 'recall': no customer mention contains 'ditarik'" in result.messages
    assert "claim 'pork oil': no clarification among the responses" in result.messages
    assert result.clarifications.is_empty()
    with pytest.raises(AnalysisError, match="claim 'x' needs a list"):
        track_claims(hoax_mentions([1]), {"x": "minyak"})
