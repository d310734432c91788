"""Cross-crisis history on a hand-built brand with two crises and a few brand posts.

Hourly customer volume is 10 (so, as in test_measure_crisis.py, the scale is
sqrt(10) and 26+ mentions is a warning, 36+ critical).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.measure.history import crisis_history, store_history

START = datetime(2026, 10, 1, tzinfo=UTC)
SCHEMA = {
    "mention_id": pl.Utf8,
    "brand": pl.Utf8,
    "published_at": pl.Datetime("us", "UTC"),
    "platform": pl.Utf8,
    "author": pl.Utf8,
    "text": pl.Utf8,
    "parent_id": pl.Utf8,
    "content_type": pl.Utf8,
    "is_brand_post": pl.Boolean,
    "sentiment_label": pl.Utf8,
}


def hour(i: float) -> datetime:
    return START + timedelta(hours=i)


def brand_frame(brand: str = "NusaPay") -> pl.DataFrame:
    # crisis A: hours 240-242 at 40 (peak 240, ends 243);
    # crisis B: hours 303-305 at 50, 90, 50 (peak 304, ends 306)
    counts = [10] * 240 + [40, 40, 40] + [10] * 60 + [50, 90, 50] + [10] * 30
    rows = []
    for i, count in enumerate(counts):
        for k in range(count):
            # in crisis hours, the mentions above the usual 10 are negative
            label = "negative" if k >= 10 else "positive"
            rows.append(
                {
                    "mention_id": f"{brand}-{i}-{k}",
                    "brand": brand,
                    "published_at": hour(i) + timedelta(seconds=k * 3600 // count),
                    "platform": "x",
                    "author": f"user{k}",
                    "text": "ok",
                    "content_type": "post",
                    "is_brand_post": False,
                    "sentiment_label": label,
                }
            )
    brand_posts = [
        # before crisis B: not a response to it
        ("b1", 290, "Promo akhir pekan!", None, "post"),
        # a reply to a customer: customer care, not a public response
        ("b2", 303.25, "Halo kak, mohon DM ya", "NusaPay-303-1", "reply"),
        # first public response, 1.5 h after B's onset: an apology -> rebuild
        ("b3", 304.5, "Kami mohon maaf atas gangguan transaksi hari ini.", None, "post"),
        # then a clarification of a hoax -> deny
        ("b4", 305.5, "Klarifikasi: kabar saldo hilang itu hoaks.", None, "post"),
    ]
    for mention_id, at, text, parent, kind in brand_posts:
        rows.append(
            {
                "mention_id": mention_id,
                "brand": brand,
                "published_at": hour(at),
                "platform": "x",
                "author": "NusaPay",
                "text": text,
                "parent_id": parent,
                "content_type": kind,
                "is_brand_post": True,
            }
        )
    return pl.DataFrame(rows, schema=SCHEMA)


def test_one_row_per_crisis_with_hand_worked_figures():
    table = crisis_history(brand_frame(), brand="NusaPay")
    assert table.height == 2
    a, b = table.row(0, named=True), table.row(1, named=True)
    # crisis A: onset = peak = hour 240 (first of three equal hours), end 243
    assert (a["onset"], a["peak"], a["end"]) == (hour(240), hour(240), hour(243))
    assert a["hours_to_peak"] == 0 and a["duration_hours"] == 3 and a["recovery_hours"] == 3
    # no brand post between hours 240 and 243
    assert a["hours_to_first_response"] is None and a["responses"] == 0
    assert a["note_codes"] == ["no_response_found"]
    # 120 mentions in A, 90 of them negative (30 a hour above the usual 10); all scored
    assert a["mentions"] == 120
    assert a["negative_share"] == pytest.approx(0.75)
    # crisis B: onset 303, peak 304 (90 mentions), end 306
    assert (b["onset"], b["peak"], b["end"]) == (hour(303), hour(304), hour(306))
    assert b["peak_mentions"] == 90 and b["hours_to_peak"] == 1
    # first public response at 304:30 = 1.5 h after onset; the 303:15 reply is care
    assert b["first_response_at"] == hour(304.5)
    assert b["hours_to_first_response"] == pytest.approx(1.5)
    assert b["responses"] == 2
    assert b["strategies"] == "rebuild, deny"
    # no mention names "NusaPay": whether an episode is about the brand cannot be judged
    assert a["about_brand"] is None and b["about_brand"] is None


def test_events_file_adds_responses_and_strategies():
    events = pl.DataFrame(
        {
            "time": [hour(303.5)],
            "channel": ["press"],
            "type": ["holding statement"],
            "description": ["Press statement: we are investigating"],
            "strategy": [None],
        },
        schema={
            "time": pl.Datetime("us", "UTC"),
            "channel": pl.Utf8,
            "type": pl.Utf8,
            "description": pl.Utf8,
            "strategy": pl.Utf8,
        },
    )
    b = crisis_history(brand_frame(), events=events).row(1, named=True)
    # the press statement at 303:30 is now the first response: 0.5 h after onset;
    # a holding statement has no SCCT posture, so the strategies stay the same
    assert b["hours_to_first_response"] == pytest.approx(0.5)
    assert b["responses"] == 3
    assert b["strategies"] == "rebuild, deny"


def test_a_brand_without_a_crisis_gets_a_row_saying_so():
    calm = brand_frame().filter(pl.col("published_at") < hour(240))
    table = crisis_history(calm, brand="Calm")
    assert table.height == 1
    row = table.row(0, named=True)
    assert row["detected"] is False and row["onset"] is None
    assert row["note_codes"] == ["no_crisis"] and row["detail"] is None


def test_too_little_data_is_a_note_not_a_crash():
    short = brand_frame().filter(pl.col("published_at") < hour(20))
    row = crisis_history(short, brand="Short").row(0, named=True)
    assert row["detected"] is False
    assert row["note_codes"] == ["too_short"]
    assert "crisis detection needs" in row["detail"]


class FakeStore:
    """The two Store methods history uses, over in-memory frames."""

    def __init__(self, frames: dict[str, pl.DataFrame]) -> None:
        self.frames = frames

    def brands(self) -> list[str]:
        return sorted(self.frames)

    def mentions(self, brand: str | None = None) -> pl.LazyFrame:
        return self.frames[brand].lazy()


def test_store_history_covers_every_brand():
    store = FakeStore({"NusaPay": brand_frame("NusaPay"), "KiraPay": brand_frame("KiraPay")})
    table = store_history(store)
    # two crises each, sorted by brand then onset
    assert table["brand"].to_list() == ["KiraPay", "KiraPay", "NusaPay", "NusaPay"]
    assert store_history(store, brand="NusaPay").height == 2
