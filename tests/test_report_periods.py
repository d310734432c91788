"""ISO weeks and date ranges of the reports, worked out on a calendar by hand."""

from datetime import UTC, date, datetime

import pytest

from analytics.errors import InputDataError
from analytics.report.periods import date_range, iso_week, previous_weeks


def test_iso_week_is_monday_to_monday_in_jakarta():
    # 2026-W47: Monday 16 Nov 2026 .. Monday 23 Nov 00:00 WIB; WIB = UTC+7, so the week
    # starts Sunday 15 Nov 17:00 UTC
    week = iso_week("2026-W47")
    assert week.name == "2026-W47"
    assert week.first_day == date(2026, 11, 16)
    assert week.last_day == date(2026, 11, 22)
    assert week.start_utc == datetime(2026, 11, 15, 17, 0, tzinfo=UTC)
    assert week.end_utc == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)


def test_iso_week_accepts_short_forms():
    assert iso_week("2026W7").name == "2026-W07"
    assert iso_week("2026-w07").first_day == date(2026, 2, 9)  # Monday of week 7


def test_last_week_on_a_monday_is_the_week_just_finished():
    # cron on Monday 23 Nov 2026 reports the week of 16-22 Nov (W47)
    assert iso_week("last", today=date(2026, 11, 23)).name == "2026-W47"
    # on Sunday 22 Nov that week is not over yet: the last full one is W46
    assert iso_week("last", today=date(2026, 11, 22)).name == "2026-W46"
    # across the new year: Monday 4 Jan 2027 -> 28 Dec 2026 .. 3 Jan 2027 is 2026-W53
    assert iso_week("last", today=date(2027, 1, 4)).name == "2026-W53"


@pytest.mark.parametrize(
    ("text", "message"),
    [("2026-47", "expected an ISO week like 2026-W47"), ("2025-W53", "2025 has no ISO week 53")],
)
def test_bad_weeks_are_named(text, message):
    with pytest.raises(InputDataError, match=message):
        iso_week(text)


def test_previous_weeks_are_oldest_first():
    weeks = previous_weeks(iso_week("2026-W02"), 3)
    assert [w.name for w in weeks] == ["2025-W51", "2025-W52", "2026-W01"]


def test_date_range_includes_the_last_day():
    period = date_range("2026-10-13", "2026-11-08")
    assert period.name == "2026-10-13_2026-11-08"
    # 9 Nov 00:00 WIB is 8 Nov 17:00 UTC
    assert period.end_utc == datetime(2026, 11, 8, 17, 0, tzinfo=UTC)


def test_date_range_errors_name_the_option():
    with pytest.raises(InputDataError, match="--end 2026-10-01 is before --start 2026-10-13"):
        date_range("2026-10-13", "2026-10-01")
    with pytest.raises(InputDataError, match="--start '13/10/2026'"):
        date_range("13/10/2026", "2026-10-20")
    with pytest.raises(InputDataError, match="time zone 'Mars/Olympus' is not a time zone name"):
        date_range("2026-10-13", "2026-10-20", tz="Mars/Olympus")
