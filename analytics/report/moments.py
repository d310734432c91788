"""The moments marked on every chart of time: first post, media pickup and each response.

Rules (stated in the report's method appendix):

* **First post**: an event of type "first post"/"trigger" in the events file when there is
  one; otherwise the most engaged customer mention published between ``lookback_hours``
  before the onset and the onset hour's end (the post that set the crisis off is usually
  the most shared one just before the volume left its band).
* **Media pickup**: an event of type "media pickup" when given; otherwise the first news
  mention at or after the onset (before the end when known).
* **Responses**: every row of the responses frame (brand posts + events file) whose type
  is a response type of the SCCT coding (holding statement, apology, fix, clarification,
  CEO video, ...), labelled by its type, channels merged when the same statement went out
  within an hour. Ordinary brand posts (type "post") are not marked.
* **Other events** of the events file (e.g. "hoax first seen") are marked with their type.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from analytics.measure.audience import brand_post
from analytics.schema import engagement_total

MOMENT_SCHEMA = {"time": pl.Datetime("us", "UTC"), "label": pl.Utf8, "kind": pl.Utf8}
_FIRST_POST_TYPES = ("first post", "trigger", "first_post")
_MEDIA_TYPES = ("media pickup", "media", "media_pickup", "press pickup")
_NOT_RESPONSES = ("post", "other", "")


def first_post(
    mentions: pl.DataFrame, onset: datetime | None, *, lookback_hours: float = 6
) -> datetime | None:
    """Time of the most engaged customer mention in ``[onset - lookback, onset + 1 h)``."""
    if onset is None or mentions.height == 0:
        return None
    candidates = mentions.filter(
        ~brand_post()
        & (pl.col("published_at") >= onset - timedelta(hours=lookback_hours))
        & (pl.col("published_at") < onset + timedelta(hours=1))
    ).with_columns(engagement_total().fill_null(0).alias("_engagement"))
    if candidates.height == 0:
        return None
    best = candidates.sort(["_engagement", "published_at"], descending=[True, False]).row(
        0, named=True
    )
    return best["published_at"]


def media_pickup(
    mentions: pl.DataFrame, onset: datetime | None, end: datetime | None = None
) -> datetime | None:
    """Time of the first news mention at or after the onset (and before the end)."""
    if onset is None:
        return None
    news = mentions.filter((pl.col("platform") == "news") & (pl.col("published_at") >= onset))
    if end is not None:
        news = news.filter(pl.col("published_at") < end)
    if news.height == 0:
        return None
    return news.get_column("published_at").min()


def _merge_responses(responses: pl.DataFrame, within: timedelta) -> list[dict]:
    """One mark per statement: rows of the same type within ``within`` are merged."""
    merged: list[dict] = []
    for row in responses.sort("time").iter_rows(named=True):
        kind = (row.get("type") or "response").strip()
        last = merged[-1] if merged else None
        if last and last["type"] == kind and row["time"] - last["time"] <= within:
            if row.get("channel") and row["channel"] not in last["channels"]:
                last["channels"].append(row["channel"])
            continue
        merged.append({"time": row["time"], "type": kind,
                       "channels": [row["channel"]] if row.get("channel") else []})  # fmt: skip
    return merged


def _response_types() -> list[str]:
    from analytics.measure.strategy import SCCT_BY_TYPE

    return [kind for kind in SCCT_BY_TYPE if kind not in _NOT_RESPONSES]


def public_responses(responses: pl.DataFrame) -> pl.DataFrame:
    """The responses that are statements (holding statement, apology, fix, ...), without
    ordinary brand posts and without other events (first post, media pickup, hoax seen)."""
    types = responses.get_column("type").fill_null("").str.to_lowercase()
    # the same post can reach the store through two exports (e.g. Sprout and Meta): one
    # statement per channel, time and text
    return responses.filter(types.is_in(_response_types())).unique(
        ["time", "channel", "type", "description"], maintain_order=True
    )


def key_moments(
    mentions: pl.DataFrame,
    *,
    onset: datetime | None,
    end: datetime | None = None,
    responses: pl.DataFrame | None = None,
    lookback_hours: float = 6,
    max_marks: int = 30,
) -> pl.DataFrame:
    """Frame of ``time`` (UTC), ``label``, ``kind`` (first_post / media / response / event).

    At most ``max_marks`` marks: a chart with hundreds of dotted lines says nothing, so when
    the brand posted more statements than that, only the first of each type per (UTC) day is
    kept, and then the earliest ``max_marks``.
    """
    rows: list[dict] = []
    given = responses if responses is not None else pl.DataFrame(schema={"time": pl.Datetime(
        "us", "UTC"), "type": pl.Utf8, "channel": pl.Utf8})  # fmt: skip
    types = given.get_column("type").fill_null("").str.to_lowercase()
    given_first = given.filter(types.is_in(_FIRST_POST_TYPES))
    given_media = given.filter(types.is_in(_MEDIA_TYPES))
    real = given.filter(types.is_in(_response_types()))
    other = given.filter(
        ~types.is_in([*_response_types(), *_FIRST_POST_TYPES, *_MEDIA_TYPES, *_NOT_RESPONSES])
    )

    first = (
        given_first.get_column("time").min()
        if given_first.height
        else first_post(mentions, onset, lookback_hours=lookback_hours)
    )
    if first is not None:
        rows.append({"time": first, "label": "first post", "kind": "first_post"})
    media = (
        given_media.get_column("time").min() if given_media.height else media_pickup(
            mentions, onset, end)
    )  # fmt: skip
    if media is not None:
        rows.append({"time": media, "label": "media pickup", "kind": "media"})
    for item in _merge_responses(real, timedelta(hours=1)):
        rows.append({"time": item["time"], "label": item["type"], "kind": "response"})
    for item in _merge_responses(other, timedelta(hours=1)):
        rows.append({"time": item["time"], "label": item["type"], "kind": "event"})
    if not rows:
        return pl.DataFrame(schema=MOMENT_SCHEMA)
    marks = (
        pl.DataFrame(rows)
        .with_columns(pl.col("time").dt.convert_time_zone("UTC").dt.cast_time_unit("us"))
        .select(list(MOMENT_SCHEMA))
        .sort("time")
    )
    if marks.height > max_marks:
        marks = (
            marks.with_columns(_day=pl.col("time").dt.date())
            .unique(["_day", "label"], keep="first", maintain_order=True)
            .drop("_day")
        )
    return marks.head(max_marks)


def in_range(moments: pl.DataFrame, start: datetime, end: datetime) -> pl.DataFrame:
    """The moments inside ``[start, end)`` (to mark a weekly chart)."""
    return moments.filter(
        (pl.col("time") >= start.astimezone(UTC)) & (pl.col("time") < end.astimezone(UTC))
    )
