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
    # slope of log(1 + n) on hour midpoints x = -2.5..2.5 (sum x^2 = 17.5), before:
    # y = ln 2, ln 3, ln 5, ln 9, ln 17, ln 33 -> sum x*y = 9.9042 -> slope 0.56596 per hour,
    # growth = e^0.56596 - 1 = 0.7611; after is the mirror image: e^-0.56596 - 1 = -0.4322,
    # so the slope change is -2 * 0.56596 = -1.1319
    assert row["growth_per_hour_before"] == pytest.approx(0.7611, abs=1e-4)
    assert row["growth_per_hour_after"] == pytest.approx(-0.4322, abs=1e-4)
    assert row["change"] == pytest.approx(-1.1319, abs=1e-4) and row["ci_high"] < 0
    assert row["verdict"] == "slowed"
    # 5-hour centred averages: hour -1 (8+16+32+32+16)/5 = 20.8 ties hour 0; the first
    # (before the clarification) is the peak, so it did not keep growing at all
    assert row["kept_growing_hours"] == 0.0


def test_claim_that_kept_growing_after_the_clarification():
    after = [2 * (h + 1) for h in range(48)]  # keeps rising for two days
    result = track_claims(hoax_mentions(after), CLAIMS, responses=clarification(), window_hours=6)
    row = result.clarifications.row(0, named=True)
    # hour h after T0 holds 2(h+1) posts at minutes 0..2h+1, so past 60 they spill into
    # hour h+1: from hour 30 on each hour holds 60 + (2h - 60) = 2h (hour 30: 60, +1 hashtag),
    # hour 47 holds 94 and hour 48 the 36 spilled. Centred 5-hour averages: hour 44 = 88,
    # hour 45 = (86+88+90+92+94)/5 = 90, hour 46 = (88+90+92+94+36)/5 = 80 -> peak at 45 h
    assert row["kept_growing_hours"] == 45.0
    # its growth rate did fall (doubling per hour before, +2 per hour after) but it still grew:
    # after: y = ln 3, ln 5, ln 7, ln 9, ln 11, ln 13 -> sum x*y = 4.9742 -> slope 0.28424,
    # growth e^0.28424 - 1 = 0.3288 per hour (before: 0.7611, as above)
    assert row["mentions_after"] == 2 + 4 + 6 + 8 + 10 + 12
    assert row["growth_per_hour_before"] == pytest.approx(0.7611, abs=1e-4)
    assert row["growth_per_hour_after"] == pytest.approx(0.3288, abs=1e-4)


def test_missing_claims_and_missing_clarifications_are_messages():
    result = track_claims(hoax_mentions([1, 1, 1]), {**CLAIMS, "recall": ["ditarik"]})
    assert "claim 'recall': no customer mention contains 'ditarik'" in result.messages
    assert "claim 'pork oil': no clarification among the responses" in result.messages
    assert result.clarifications.is_empty()
    with pytest.raises(AnalysisError, match="claim 'x' needs a list"):
        track_claims(hoax_mentions([1]), {"x": "minyak"})
