"""Crisis detection and window on hand-built hourly series.

The series are flat (the same count every hour) so the expected values can be worked out
by hand: with a constant baseline of 10 mentions an hour the median is 10, the MAD is 0,
so the scale is the Poisson floor sqrt(10) = 3.1623 and
    watch    needs  10 + 3 x 3.1623 = 19.49  -> 20 mentions or more
    warning  needs  10 + 5 x 3.1623 = 25.81  -> 26 or more
    critical needs  10 + 8 x 3.1623 = 35.30  -> 36 or more
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.errors import AnalysisError, InputDataError
from analytics.measure.crisis import (
    PHASES,
    NoteCode,
    detect_crises,
    detect_crisis,
    episode_terms,
    headline,
    manual_window,
    platform_windows,
)
from analytics.measure.crisis.topics import associated_terms, naming_pattern
from analytics.report.messages import notes_text  # noqa: E402  (the notes in words)

START = datetime(2026, 10, 1, tzinfo=UTC)  # 07:00 WIB; hour i starts at START + i hours


def hour(i: int) -> datetime:
    return START + timedelta(hours=i)


def series(
    counts: list[int],
    *,
    labels: list[tuple[int, int]] | None = None,
    platform: str = "x",
    offset: int = 0,
) -> pl.DataFrame:
    """One row per mention; hour i gets counts[i] mentions at half past the hour.

    ``labels[i] = (positive, negative)``: that many of hour i's mentions carry a label,
    the rest are unscored.
    """
    rows = []
    for i, count in enumerate(counts):
        pos, neg = labels[i] if labels else (0, 0)
        names = ["positive"] * pos + ["negative"] * neg + [None] * (count - pos - neg)
        at = hour(i + offset) + timedelta(minutes=30)
        rows += [{"published_at": at, "sentiment_label": n, "platform": platform} for n in names]
    return pl.DataFrame(
        rows,
        schema={
            "published_at": pl.Datetime("us", "UTC"),
            "sentiment_label": pl.Utf8,
            "platform": pl.Utf8,
        },
    )


def volume_level(window, i: int) -> str:
    alerts = window.alerts.filter(pl.col("metric") == "volume")
    at = pl.col("period_start").dt.convert_time_zone("UTC") == hour(i)
    return alerts.filter(at).get_column("level").item()


def test_a_planted_spike_is_found_at_its_hour_with_its_level():
    counts = [10] * 120
    counts[90] = 21  # z = 11 / 3.1623 = 3.48 -> watch
    counts[100] = 28  # z = 18 / 3.1623 = 5.69 -> warning
    counts[110] = 40  # z = 30 / 3.1623 = 9.49 -> critical
    window = detect_crisis(series(counts))
    assert volume_level(window, 90) == "watch"
    assert volume_level(window, 100) == "warning"
    assert volume_level(window, 110) == "critical"
    # every other scored hour is calm
    volume = window.alerts.filter(pl.col("metric") == "volume")
    assert volume.filter(pl.col("level") != "none").height == 3
    # three lone one-hour blips, 10 hours apart: not a crisis
    assert window.detected is False
    assert window.onset is None and window.end is None


def test_baseline_follows_the_hour_of_day():
    # nights (WIB 00-05) are quiet (2 an hour), days busy (30 an hour), for 10 days
    counts = []
    for i in range(240):
        local_hour = (i + 7) % 24  # START is 07:00 WIB
        counts.append(2 if local_hour < 6 else 30)
    night = 24 * 9 + 20  # 03:00 WIB on day 10
    day = 24 * 9 + 5  # 12:00 WIB on day 10
    counts[night] = 30  # busy for a day hour, abnormal at 3 a.m.
    window = detect_crisis(series(counts))
    # at night the median is 2, scale sqrt(2) = 1.41: z = 28 / 1.41 = 19.8 -> critical
    assert volume_level(window, night) == "critical"
    # the same 30 at noon is exactly the median: calm
    assert volume_level(window, day) == "none"


def crisis_counts() -> list[int]:
    # 10 calm days, a 6-hour crisis, then 2 calm days
    return [10] * 240 + [30, 50, 100, 60, 30, 22] + [10] * 48


def test_onset_peak_end_on_a_hand_built_series():
    window = detect_crisis(series(crisis_counts()), brand="NusaPay")
    # levels of hours 240..245: warning, critical, critical, critical, warning, watch (22)
    assert window.detected is True
    assert window.brand == "NusaPay"
    assert window.onset == hour(240)
    assert window.peak == hour(242)
    assert window.peak_mentions == 100
    # hour 246 is the first of 24+ calm hours
    assert window.end == hour(246)
    assert window.recovery_hours == 4.0  # 242 -> 246


def test_phases_are_ordered_and_contiguous():
    window = detect_crisis(series(crisis_counts()))
    phases = window.phases
    assert phases.get_column("phase").to_list() == list(PHASES)
    starts, ends = phases.get_column("start").to_list(), phases.get_column("end").to_list()
    for i in range(len(PHASES) - 1):
        assert ends[i] == starts[i + 1]
    # peak phase: hours at or above 50% of 100, i.e. 241 (exactly 50), 242, 243
    assert starts == [hour(0), hour(240), hour(241), hour(244), hour(246)]
    assert ends[-1] == hour(294)  # the data's last hour is 293
    assert phases.get_column("hours").to_list() == [240, 1, 3, 2, 48]


def test_sentiment_gap_post_minus_pre():
    counts = crisis_counts()
    # before the crisis 6 positive / 4 negative an hour: net (6 - 4) / 10 = 0.2
    # after it 3 positive / 7 negative: net (3 - 7) / 10 = -0.4; gap -0.4 - 0.2 = -0.6
    labels = [(6, 4)] * 240 + [(6, 4)] * 6 + [(3, 7)] * 48
    window = detect_crisis(series(counts, labels=labels))
    assert window.end == hour(246)
    assert window.sentiment_gap == pytest.approx(-0.6)


def test_end_is_unknown_while_the_crisis_goes_on():
    counts = [10] * 240 + [30, 60, 100, 60, 40, 40, 40]
    window = detect_crisis(series(counts))
    assert window.onset == hour(240)
    assert window.end is None and window.recovery_hours is None
    assert window.has_note(NoteCode.OPEN_END)
    assert "had not settled" in notes_text(window.notes)[0]
    # the open crisis has no post-crisis phase: phases are never 0 hours long
    assert window.phases.get_column("phase").to_list()[-1] == "recovery"
    assert window.phases.get_column("end").max() == hour(247)
    assert window.phases.get_column("hours").min() > 0


def test_two_crises_are_both_listed():
    counts = [10] * 240 + [40, 40, 40] + [10] * 60 + [50, 90, 50] + [10] * 30
    windows = detect_crises(series(counts))
    assert [w.onset for w in windows] == [hour(240), hour(303)]
    # detect_crisis picks the one with the busiest peak hour (90 > 40)
    assert detect_crisis(series(counts)).peak == hour(304)


def test_thresholds_are_parameters():
    counts = [10] * 240 + [24, 24, 24] + [10] * 30
    # 24 is watch only (z = 4.43 < 5): no crisis at the default crisis level "warning"
    assert detect_crisis(series(counts)).detected is False
    # with crisis_level="watch" the three hours are a crisis
    assert detect_crisis(series(counts), crisis_level="watch").onset == hour(240)
    with pytest.raises(InputDataError, match="crisis level"):
        detect_crisis(series(counts), crisis_level="panic")


def test_manual_window_measures_inside_the_given_times():
    counts = crisis_counts()
    window = manual_window(series(counts), start=hour(238), end=hour(250), tz="Asia/Jakarta")
    assert window.manual is True and window.detected is True
    assert (window.onset, window.end) == (hour(238), hour(250))
    assert window.peak == hour(242)
    assert window.recovery_hours == 8.0  # 242 -> 250
    assert window.method["rule"] == "manual"
    assert window.phases.get_column("start").to_list()[1] == hour(238)


def test_manual_window_naive_times_are_local():
    counts = crisis_counts()
    # hour 240 is 2026-10-11 00:00 UTC = 07:00 WIB
    window = manual_window(
        series(counts), start=datetime(2026, 10, 11, 7), end=datetime(2026, 10, 11, 13)
    )
    assert window.onset == hour(240)
    assert window.end == hour(246)


def test_manual_window_without_mentions_says_so():
    with pytest.raises(AnalysisError, match="no customer mentions between"):
        manual_window(series([10] * 100), start=hour(500), end=hour(520))
    with pytest.raises(InputDataError, match="must be before its end"):
        manual_window(series([10] * 100), start=hour(50), end=hour(40))


def test_a_single_day_is_too_short_to_detect():
    with pytest.raises(AnalysisError, match="only 1 day of mentions"):
        # 17 hours from 07:00 WIB: all on 1 October, local time
        detect_crisis(series([10] * 17))


def test_no_mentions_is_a_clear_error():
    with pytest.raises(AnalysisError, match="no customer mentions to look for a crisis"):
        detect_crisis(series([]))


def test_to_dict_is_json_with_utc_times_and_daily_alerts():
    window = detect_crisis(series(crisis_counts()))
    data = json.loads(json.dumps(window.to_dict()))
    assert data["onset"] == "2026-10-11T00:00:00Z"  # hour 240
    assert data["peak"] == "2026-10-11T02:00:00Z"
    assert data["end"] == "2026-10-11T06:00:00Z"
    levels = {day["date"]: day["level"] for day in data["alerts"]}
    # the crisis hours are on 11 Oct WIB; the day before was calm
    assert levels["2026-10-11"] == "critical"
    assert levels["2026-10-10"] == "none"


def test_platform_windows_compare_recovery():
    # X: crisis at hour 240, calm again from 246; Instagram: same onset, calm from 252
    x = series(crisis_counts(), platform="x")
    ig_counts = [10] * 240 + [30, 60, 100, 60, 30, 30, 30, 30, 30, 30, 30, 22] + [10] * 42
    ig = series(ig_counts, platform="instagram")
    # news: two articles in the whole period, nothing to detect
    news = series([1] + [0] * 150 + [1], platform="news")
    table = platform_windows(pl.concat([x, ig, news]))
    quiet = table.filter(pl.col("platform") == "news").row(0, named=True)
    assert quiet["detected"] is False and quiet["note_codes"] == ["platform_no_crisis"]
    ends = dict(zip(table["platform"], table["end"], strict=True))
    assert ends["x"] == hour(246)
    assert ends["instagram"] == hour(252)
    # Instagram recovered 6 hours later than X
    assert (ends["instagram"] - ends["x"]) == timedelta(hours=6)


def test_a_long_tail_keeps_the_crisis_open_until_the_day_is_normal():
    # baseline 4 an hour (scale sqrt(4) = 2); after the crisis a tail of 7 an hour for 30 h
    # (hours 246-275): z = 3 / 2 = 1.5 per hour, calm hour by hour. Over a 24-hour run the
    # tail adds 3 per tail hour against a standard error of sqrt(24 x 4) = 9.8: the run is
    # back to normal (excess < 2 x 9.8 = 19.6) only when it holds at most 6 tail hours
    # (6 x 3 = 18), i.e. from hour 276 - 6 = 270.
    counts = [4] * 240 + [30, 50, 100, 60, 30, 22] + [7] * 30 + [4] * 48
    window = detect_crisis(series(counts))
    assert window.onset == hour(240)
    assert window.end == hour(270)
    # judged hour by hour only, it would have ended at hour 246
    assert detect_crisis(series(counts), end_z=1e9).end == hour(246)


def test_manual_window_past_the_data_says_so():
    counts = crisis_counts()  # 294 hours: the data ends at hour 294
    window = manual_window(series(counts), start=hour(238), end=hour(400))
    assert window.end == hour(400)
    assert window.sentiment_gap is None
    assert window.has_note(NoteCode.WINDOW_PAST_DATA)
    assert not window.has_note(NoteCode.OPEN_END)
    assert any("ends after the data does" in note for note in notes_text(window.notes))


def test_an_unknown_parameter_is_named():
    with pytest.raises(InputDataError, match="unknown detection parameter.*warn_z"):
        detect_crisis(series(crisis_counts()), warn_z=4)


def test_a_brand_with_only_its_own_posts_has_no_customer_mentions():
    own = series([10] * 100).with_columns(is_brand_post=pl.lit(True))
    with pytest.raises(AnalysisError, match="no customer mentions to look for a crisis"):
        detect_crisis(own)


# --- episodes: ranking, data starting inside a crisis, short baselines, phases ------------
# Two episodes: A = 3 hours at 90 (peak 90; excess 3 x 80 = 240), B = 12 hours at 40
# (peak 40; excess 12 x 30 = 360). The baseline is 10 an hour throughout.
TWO_EPISODES = [10] * 240 + [90] * 3 + [10] * 60 + [40] * 12 + [10] * 60


def test_every_episode_is_listed_with_its_excess_and_number():
    windows = detect_crises(series(TWO_EPISODES))
    assert [w.number for w in windows] == [1, 2]
    assert [w.onset for w in windows] == [hour(240), hour(303)]
    assert [w.mentions for w in windows] == [270, 480]
    assert [w.excess_mentions for w in windows] == [240, 360]


def test_the_headline_episode_has_the_most_excess_mentions_not_the_busiest_hour():
    window = detect_crisis(series(TWO_EPISODES))
    assert window.number == 2 and window.peak_mentions == 40


def test_episode_n_overrides_the_headline():
    assert detect_crisis(series(TWO_EPISODES), episode=1).onset == hour(240)
    with pytest.raises(InputDataError, match="there is no episode 3: the data holds 2"):
        detect_crisis(series(TWO_EPISODES), episode=3)


def test_data_that_starts_inside_a_crisis_has_its_onset_at_the_data_start():
    # 30 hours at 30 from the first hour, then 10 days at 10: the following days show the
    # normal level (10), so the first hours are elevated
    counts = [30] * 30 + [10] * 240
    window = detect_crisis(series(counts))
    assert window.detected
    assert window.onset_at_data_start and window.onset == hour(0)
    assert window.has_note(NoteCode.ONSET_AT_DATA_START)
    assert "at or before the start of the data" in notes_text(window.notes)[0]
    assert "pre-crisis" not in window.phases.get_column("phase").to_list()
    assert window.end == hour(30)


def test_a_short_baseline_is_filled_from_the_following_days_and_said():
    # onset at hour 40: less than the 3-day minimum baseline before it, more than a day
    counts = [10] * 40 + [40] * 6 + [10] * 200
    window = detect_crisis(series(counts))
    assert window.onset == hour(40) and not window.onset_at_data_start
    assert window.has_note(NoteCode.SHORT_BASELINE)
    assert "Only 40 hours of data precede the onset" in notes_text(window.notes)[0]
    early = window.alerts.filter((pl.col("metric") == "volume") & (pl.col("observed") == 40))
    assert set(early.get_column("baseline")) == {"hour-of-day, following days"}
    assert set(early.get_column("expected")) == {10.0}


def test_phases_are_never_zero_hours_long():
    # the first crisis hour is already the peak: no escalation phase
    counts = [10] * 240 + [100, 100, 60, 30] + [10] * 60
    window = detect_crisis(series(counts))
    phases = window.phases.get_column("phase").to_list()
    assert phases == ["pre-crisis", "peak", "recovery", "post-crisis"]
    assert window.phases.get_column("hours").min() > 0


def test_episode_terms_say_what_each_episode_was_about():
    frame = series(TWO_EPISODES)
    texts = ["promo cashback hari ini"] * frame.height
    onset_a, onset_b = hour(240), hour(303)
    times = frame.get_column("published_at").to_list()
    for i, t in enumerate(times):
        if onset_a <= t < onset_a + timedelta(hours=3):
            texts[i] = "aplikasi error saldo hilang"
        elif onset_b <= t < onset_b + timedelta(hours=12):
            texts[i] = "boris resigns foreign secretary"
    frame = frame.with_columns(text=pl.Series(texts))
    windows = detect_crises(frame)
    episode_terms(frame, windows, n=3)
    assert set(windows[0].top_terms) <= {"aplikasi", "error", "saldo", "hilang"}
    assert len(windows[0].top_terms) == 3
    assert set(windows[1].top_terms) <= {"boris", "resigns", "foreign", "secretary"}
    assert "promo" not in windows[0].vocabulary


def test_an_episode_that_does_not_name_the_brand_is_not_its_crisis_nor_the_headline():
    # A (excess 240) names the brand like the days around it; B (excess 360) is a namesake's
    # news that the collection's keyword caught: it never names "Acme Bank"
    frame = series(TWO_EPISODES)
    onset_b = hour(303)
    texts = [
        "boris johnson resigns as foreign secretary"
        if onset_b <= t < onset_b + timedelta(hours=12)
        else "acme bank app error saldo hilang"
        if hour(240) <= t < hour(243)
        else "promo cashback Acme  and  Bank hari ini"
        for t in frame.get_column("published_at").to_list()
    ]
    frame = frame.with_columns(text=pl.Series(texts))
    windows = detect_crises(frame)
    episode_terms(frame, windows, names=["Acme & Bank"])
    assert [w.about_brand for w in windows] == [True, False]
    assert headline(windows).number == 1
    # detect_crisis reads the topics itself when the brand is known
    assert detect_crisis(frame, brand="Acme & Bank").number == 1
    assert detect_crisis(frame).number == 2  # brand unknown: cannot be judged
    # without the brand's names it cannot be judged: the most excess wins, as before
    episode_terms(frame, windows)
    assert [w.about_brand for w in windows] == [None, None]
    assert headline(windows).number == 2


def test_associated_terms_are_used_with_the_crisis_vocabulary_in_two_mentions_and_half_their_uses():
    texts = pl.Series(
        [
            "saldo hilang kata ceo",  # ceo twice with the vocabulary: associated
            "ceo minta saldo kembali",
            "saldo dan kopi pagi",  # kopi once only: chance
            "promo saldo",  # promo twice with it but in 5 mentions: less than half its uses
            "promo saldo lagi",
            "promo weekend",
            "promo cashback",
            "promo gratis ongkir",
        ]
    )
    assert associated_terms(texts, ["saldo"]) == ["ceo"]
    # in data that is mostly the crisis every word sits next to it by chance: "ramai" is
    # with "saldo" in 2 of its 3 mentions, less than the 4 in 5 of all mentions
    mostly = pl.Series(
        ["saldo ramai", "saldo ramai sekali", "saldo hilang", "saldo raib", "ramai promo"]
    )
    assert associated_terms(mostly, ["saldo"]) == []
    assert associated_terms(mostly[:4], ["saldo"], known=["saldo"]) == []


def test_a_mention_names_the_brand_by_its_name_a_handle_or_a_hashtag_holding_the_name():
    pattern = naming_pattern(["Johnson & Johnson", "jnjnews"])
    texts = pl.Series(
        [
            "Johnson &amp; Johnson ordered to pay",  # the API's HTML entity
            "johnson and johnson baby powder",
            "#BoycottJohnsonJohnson",
            "via @JNJNews",
            "Boris Johnson resigns",  # a namesake
            "Dewayne Johnson wins against Monsanto",
        ]
    )
    assert texts.str.contains(pattern).to_list() == [True, True, True, True, False, False]
    assert naming_pattern([]) is None
