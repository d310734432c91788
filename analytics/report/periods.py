"""Report periods: ISO weeks for the weekly report, date ranges for the crisis review.

Periods are *local* (the report's time zone, default Asia/Jakarta): a manager's "week 47"
runs from Monday 00:00 to Sunday 24:00 in Jakarta, which is Sunday 17:00 UTC to Sunday
17:00 UTC. Bounds are returned as tz-aware datetimes, half-open ``[start, end)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from analytics.defaults import DEFAULT_TZ
from analytics.errors import InputDataError
from analytics.zones import zone as _zone

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A half-open local period ``[start, end)`` with the name used for its report folder."""

    name: str
    start: datetime  # tz-aware, local
    end: datetime  # tz-aware, local, exclusive

    @property
    def start_utc(self) -> datetime:
        """``start`` in UTC (stored times are UTC; polars will not compare across zones)."""
        return self.start.astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        """``end`` in UTC."""
        return self.end.astimezone(UTC)

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()


def zone(tz: str) -> ZoneInfo:
    """The time zone ``tz``, or a clear error naming it."""
    return _zone(tz)


def iso_week(text: str, *, tz: str = DEFAULT_TZ, today: date | None = None) -> Period:
    """``"2026-W47"`` (or ``"last"``: the previous full week before ``today``) as a Period."""
    zi = zone(tz)
    text = text.strip()
    if text.lower() == "last":
        today = today or datetime.now(zi).date()
        monday = today - timedelta(days=today.weekday() + 7)
        year, week, _ = monday.isocalendar()
    else:
        match = _WEEK.match(text)
        if not match:
            raise InputDataError(f"--week {text!r}: expected an ISO week like 2026-W47, or 'last'")
        year, week = int(match.group(1)), int(match.group(2))
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise InputDataError(
                f"--week {text!r}: {year} has no ISO week {week} (weeks run 1 to 52 or 53)"
            ) from None
    start = datetime(monday.year, monday.month, monday.day, tzinfo=zi)
    end = start + timedelta(days=7)
    # DST-free zones make +7 days exact; for others rebuild the local midnight
    end = datetime(end.year, end.month, end.day, tzinfo=zi)
    return Period(name=f"{year}-W{week:02d}", start=start, end=end)


def previous_weeks(period: Period, count: int) -> list[Period]:
    """The ``count`` ISO weeks before ``period``, oldest first."""
    weeks = []
    monday = period.first_day
    for back in range(count, 0, -1):
        day = monday - timedelta(days=7 * back)
        year, week, _ = day.isocalendar()
        weeks.append(iso_week(f"{year}-W{week:02d}", tz=str(period.start.tzinfo)))
    return weeks


def parse_day(text: str | date, what: str) -> date:
    """A ``YYYY-MM-DD`` date (or a date object) with an error naming the option."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise InputDataError(f"{what} {text!r}: expected a date like 2026-10-20") from None


def date_range(start: str | date, end: str | date, *, tz: str = DEFAULT_TZ) -> Period:
    """The local days ``start`` .. ``end`` (both inclusive) as a Period named
    ``<start>_<end>``."""
    first = parse_day(start, "--start")
    last = parse_day(end, "--end")
    if last < first:
        raise InputDataError(f"--end {last} is before --start {first}")
    zi = zone(tz)
    begin = datetime(first.year, first.month, first.day, tzinfo=zi)
    after = last + timedelta(days=1)
    finish = datetime(after.year, after.month, after.day, tzinfo=zi)
    return Period(name=f"{first.isoformat()}_{last.isoformat()}", start=begin, end=finish)
