"""Moments marked on the charts: first post, media pickup, responses, other events."""

from datetime import UTC, datetime, timedelta

import polars as pl

from analytics.report import moments

ONSET = datetime(2026, 10, 20, 14, 0, tzinfo=UTC)


def _mentions() -> pl.DataFrame:
    h = lambda hours: ONSET + timedelta(hours=hours)  # noqa: E731
    return pl.DataFrame(
        {
            "published_at": [h(-8), h(-2), h(-1), h(0.5), h(3), h(5)],
            "platform": ["x", "x", "x", "news", "x", "news"],
            "is_brand_post": [False, False, True, False, False, False],
            "engagement": [999, 40, 5000, 1, 7, 3],
            "likes": [None] * 6,
            "comments": [None] * 6,
            "shares": [None] * 6,
        },
        schema_overrides={"likes": pl.Int64, "comments": pl.Int64, "shares": pl.Int64},
    )


def _events(rows) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"time": pl.Datetime("us", "UTC"), "channel": pl.Utf8, "type": pl.Utf8},
        orient="row",
    )


def test_first_post_is_most_engaged_customer_post_just_before_onset():
    # window [onset - 6 h, onset + 1 h): -8 h is too early, the brand post (-1 h) is not a
    # customer; candidates: -2 h (40) and +0.5 h news (1) -> -2 h
    assert moments.first_post(_mentions(), ONSET) == ONSET - timedelta(hours=2)
    assert moments.first_post(_mentions(), None) is None


def test_media_pickup_is_first_news_after_onset():
    assert moments.media_pickup(_mentions(), ONSET) == ONSET + timedelta(minutes=30)
    assert moments.media_pickup(_mentions(), ONSET, ONSET + timedelta(minutes=10)) is None


def test_key_moments_prefer_the_events_file_and_merge_channels():
    events = _events(
        [
            (ONSET - timedelta(minutes=30), "x", "first post"),
            (ONSET + timedelta(hours=2), "x", "holding statement"),
            (ONSET + timedelta(hours=2, minutes=10), "instagram", "holding statement"),
            (ONSET + timedelta(hours=4), "x", "hoax first seen"),
            (ONSET + timedelta(hours=6), "x", "post"),  # ordinary brand post: not marked
        ]
    )
    marks = moments.key_moments(_mentions(), onset=ONSET, responses=events)
    assert marks.select("label", "kind").rows() == [
        ("first post", "first_post"),  # from the events file, not the -2 h post
        ("media pickup", "media"),  # +0.5 h news mention
        ("holding statement", "response"),  # x and instagram 10 min apart: one mark
        ("hoax first seen", "event"),
    ]
    assert marks.get_column("time")[0] == ONSET - timedelta(minutes=30)


def test_public_responses_drop_ordinary_posts_and_duplicates():
    events = _events(
        [
            (ONSET, "x", "apology"),
            (ONSET, "x", "apology"),
            (ONSET, "x", "post"),
            (ONSET, "news", "media pickup"),
        ]
    ).with_columns(description=pl.lit("Maaf"))
    assert moments.public_responses(events).get_column("type").to_list() == ["apology"]


def test_in_range_accepts_local_bounds():
    marks = moments.key_moments(_mentions(), onset=ONSET)
    from zoneinfo import ZoneInfo

    wib = ZoneInfo("Asia/Jakarta")
    # 20 Oct 21:00 WIB = onset; [onset, onset + 1 h) keeps only the media pickup (+30 min)
    kept = moments.in_range(marks, datetime(2026, 10, 20, 21, tzinfo=wib),
                            datetime(2026, 10, 20, 22, tzinfo=wib))  # fmt: skip
    assert kept.get_column("label").to_list() == ["media pickup"]


def test_too_many_statements_keep_the_first_of_each_type_per_day():
    # 40 apologies over 2 days (every 72 min) and a clarification: over max_marks=5, so one
    # apology per day (2) + the clarification + first post + media pickup = 5 marks
    many = [(ONSET + timedelta(minutes=72 * i), "x", "apology") for i in range(40)]
    events = _events([*many, (ONSET + timedelta(hours=3), "x", "clarification")])
    marks = moments.key_moments(_mentions(), onset=ONSET, responses=events, max_marks=5)
    assert marks.get_column("label").to_list() == [
        "first post", "apology", "media pickup", "clarification", "apology"]  # fmt: skip
