"""The planted story of the sample crisis: when things happen and how loud they are.

Everything here is pure: times (in Asia/Jakarta, the brand's zone) and expected hourly
volumes of each stream of mentions. The generator draws Poisson counts from these curves,
so the *planted* times below are the ground truth that ``truth.json`` records and the
crisis-analytics tests look for.

The curves are anchored, log-linear ramps (``ramp``) rather than a fitted model, so a reader
can see at a glance what happens when: volume grows exponentially between anchors, which is
how a complaint spreads and how it fades.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

# the brand's zone: a fact of the story, named once for every sample module
TIMEZONE = "Asia/Jakarta"
JAKARTA = ZoneInfo(TIMEZONE)
UTC = ZoneInfo("UTC")

BRAND = "NusaPay"
COMPETITOR = "KiraPay"
# official accounts of the brand; the care handle answers customers
BRAND_HANDLES = ("NusaPay", "NusaPayCare", "nusapay.id")
CARE_HANDLE = "NusaPayCare"
MAIN_HANDLE = "NusaPay"
INSTAGRAM_HANDLE = "nusapay.id"


def wib(text: str) -> datetime:
    """A time written as 'YYYY-MM-DD HH:MM' in Jakarta time (WIB), tz-aware."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=JAKARTA)


@dataclass(frozen=True)
class Response:
    """One official response: a brand post on several channels at (almost) the same time."""

    key: str  # short id used by texts.py to pick the statement
    type: str  # events.csv type (holding statement, apology, ...)
    time: datetime  # first channel's publication time (WIB)
    channels: tuple[str, ...]  # first one is the events.csv channel
    description: str


@dataclass(frozen=True)
class Story:
    """All planted times of the sample crisis (tz-aware, Jakarta)."""

    start: datetime = wib("2026-10-05 00:00")  # Monday of ISO week 41
    end: datetime = wib("2026-11-16 00:00")  # exclusive: data ends Sunday 2026-11-15 (W46)
    first_post: datetime = wib("2026-10-20 19:42")
    onset: datetime = wib("2026-10-20 20:00")  # first hour the volume leaves the baseline band
    media_pickup: datetime = wib("2026-10-21 07:15")
    peak_hour: datetime = wib("2026-10-21 20:00")  # the busiest hour, [20:00, 21:00) WIB
    hoax_start: datetime = wib("2026-10-22 09:05")
    burst_start: datetime = wib("2026-10-22 12:10")
    burst_end: datetime = wib("2026-10-22 12:50")
    # the planted extra volume is gone by then; the crisis "ends" a little earlier, when the
    # extra volume falls below half the baseline for good (see ``planted_end``)
    crisis_end: datetime = wib("2026-10-26 06:00")
    responses: tuple[Response, ...] = field(
        default_factory=lambda: (
            Response(
                "holding",
                "holding statement",
                wib("2026-10-21 10:30"),
                ("x", "instagram", "facebook"),
                "Holding statement: transaction disruption acknowledged, team investigating",
            ),
            Response(
                "fix",
                "fix",
                wib("2026-10-22 18:00"),
                ("x", "instagram", "facebook"),
                "Fix: app update 5.2.1 released, failed transactions being reversed",
            ),
            Response(
                "clarification",
                "clarification",
                wib("2026-10-23 10:00"),
                ("x", "instagram", "facebook", "tiktok"),
                "Clarification: balances are safe, the 'NusaPay bangkrut' message is a hoax",
            ),
            Response(
                "apology",
                "apology",
                wib("2026-10-23 19:00"),
                ("x", "instagram", "facebook"),
                "Apology with compensation: refund of every double debit within 3x24 hours "
                "plus Rp25.000 cashback",
            ),
            Response(
                "compensation",
                "compensation",
                wib("2026-10-24 14:00"),
                ("x", "instagram"),
                "Compensation paid: 98% of affected users refunded, cashback credited",
            ),
            Response(
                "ceo_video",
                "CEO video",
                wib("2026-10-25 11:00"),
                ("instagram", "tiktok", "x", "facebook"),
                "CEO video: the CEO explains the cause, apologises and lists safeguards",
            ),
        )
    )

    def response(self, key: str) -> Response:
        """The response with this key."""
        for item in self.responses:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def apology(self) -> datetime:
        return self.response("apology").time

    @property
    def clarification(self) -> datetime:
        return self.response("clarification").time

    def hours(self) -> list[datetime]:
        """Every hour start of the period (Jakarta), in order."""
        count = int((self.end - self.start).total_seconds() // 3600)
        return [self.start + timedelta(hours=i) for i in range(count)]


# ---------------------------------------------------------------------------------------
# rhythm: when Indonesians post (share of a day's mentions per hour of the day, WIB)
# Night lull 01-05, morning commute, lunch, evening peak 19-22: the shape of typical
# Indonesian Twitter activity. Sums to 1.
_HOURLY = [  # fmt: skip
    2.2,
    1.2,
    0.7,
    0.5,
    0.6,
    1.2,
    2.4,
    3.6,
    4.6,
    5.0,
    5.0,
    5.2,
    5.8,
    5.6,
    5.0,
    4.8,
    4.9,
    5.2,
    5.6,
    6.3,
    6.9,
    6.8,
    5.6,
    4.0,
]
HOURLY_SHARE = [value / sum(_HOURLY) for value in _HOURLY]
# Monday..Sunday: weekday chatter about payments is higher than at weekends
WEEKDAY_FACTOR = [1.08, 1.06, 1.04, 1.04, 1.02, 0.90, 0.86]


def rhythm(moment: datetime) -> float:
    """Relative activity at this hour compared with an average hour (mean 1 over a week)."""
    local = moment.astimezone(JAKARTA)
    weekly_mean = sum(WEEKDAY_FACTOR) / 7
    return 24 * HOURLY_SHARE[local.hour] * WEEKDAY_FACTOR[local.weekday()] / weekly_mean


def soft_rhythm(moment: datetime) -> float:
    """A flattened rhythm for crisis streams: outrage keeps going at night, but less."""
    return 0.35 + 0.65 * rhythm(moment)


def ramp(moment: datetime, anchors: list[tuple[datetime, float]]) -> float:
    """Log-linear interpolation between (time, value) anchors; 0 outside them.

    Exponential growth and decay are straight lines in log space, which is how viral
    volume behaves, so a handful of anchors describes a whole wave.
    """
    if not anchors or moment < anchors[0][0] or moment >= anchors[-1][0]:
        return 0.0
    for (t0, v0), (t1, v1) in zip(anchors, anchors[1:], strict=False):
        if t0 <= moment < t1:
            share = (moment - t0) / (t1 - t0)
            return math.exp(math.log(v0) + share * (math.log(v1) - math.log(v0)))
    return 0.0


def complaint_anchors(story: Story) -> list[tuple[datetime, float]]:
    """Expected extra complaint mentions per hour (before the hourly rhythm is applied)."""
    peak = story.peak_hour + timedelta(minutes=30)
    return [
        (story.first_post, 1.0),
        (story.onset, 14.0),
        (wib("2026-10-21 03:00"), 22.0),
        (story.media_pickup, 60.0),
        (peak - timedelta(hours=4), 120.0),
        (peak, 340.0),
        (peak + timedelta(hours=4), 130.0),
        (wib("2026-10-22 12:00"), 110.0),
        (story.apology, 75.0),
        (story.apology + timedelta(hours=24), 24.0),
        (wib("2026-10-25 20:00"), 6.0),
        (story.crisis_end, 0.3),
    ]


def hoax_anchors(story: Story) -> list[tuple[datetime, float]]:
    """Expected hoax mentions per hour: grows until the clarification, then fades fast."""
    return [
        (story.hoax_start, 2.0),
        (story.hoax_start + timedelta(hours=6), 30.0),
        (wib("2026-10-22 21:00"), 55.0),
        (story.clarification, 60.0),
        (story.clarification + timedelta(hours=6), 18.0),
        (story.clarification + timedelta(hours=30), 1.5),
        (story.clarification + timedelta(hours=60), 0.3),
    ]


def post_crisis(moment: datetime, story: Story) -> bool:
    """True once the crisis has ended (the lasting sentiment gap applies from then on)."""
    return moment >= story.crisis_end


def negative_share_of_complaints(moment: datetime, story: Story) -> float:
    """Share of crisis-wave mentions that are negative; the apology visibly lowers it.

    Before the apology most crisis talk is angry; within a few hours after it, thanks and
    wait-and-see posts take over a large part (the apology effect the tests look for).
    """
    if moment < story.apology:
        return 0.82
    hours_after = (moment - story.apology).total_seconds() / 3600
    return 0.40 + 0.42 * math.exp(-hours_after / 2.0)


BASELINE_PER_DAY = 112.0  # brand mentions on an average day before the crisis
COMPETITOR_PER_DAY = 46.0


def baseline_rate(moment: datetime, story: Story) -> float:
    """Expected baseline brand mentions in this hour."""
    return BASELINE_PER_DAY / 24 * rhythm(moment)


def competitor_rate(moment: datetime, story: Story) -> float:
    """Expected competitor mentions this hour; people discuss switching during the crisis."""
    bump = 1.0
    if story.first_post + timedelta(hours=12) <= moment < story.crisis_end:
        bump = 1.45
    return COMPETITOR_PER_DAY / 24 * rhythm(moment) * bump


def complaint_rate(hour: datetime, story: Story) -> float:
    """Expected extra complaint mentions in the hour starting at ``hour`` (mid-hour value)."""
    middle = hour + timedelta(minutes=30)
    return ramp(middle, complaint_anchors(story)) * soft_rhythm(hour)


def hoax_rate(hour: datetime, story: Story) -> float:
    """Expected hoax mentions in the hour starting at ``hour`` (mid-hour value)."""
    middle = hour + timedelta(minutes=30)
    return ramp(middle, hoax_anchors(story)) * soft_rhythm(hour)


def planted_end(story: Story, *, below: float = 0.5, hold_hours: int = 24) -> datetime:
    """The crisis end as planted: the first hour after the peak from which the expected extra
    volume (complaints + hoax) stays below ``below`` x the expected baseline for
    ``hold_hours`` hours. This mirrors "back inside the baseline band for a sustained period".
    """
    hours = story.hours()
    for i, hour in enumerate(hours):
        if hour <= story.peak_hour:
            continue
        window = hours[i : i + hold_hours]
        if all(
            complaint_rate(h, story) + hoax_rate(h, story) < below * baseline_rate(h, story)
            for h in window
        ):
            return hour
    return story.end


def expected_brand_volume(hour: datetime, story: Story) -> float:
    """Expected customer mentions of the brand in the hour starting at ``hour``."""
    return baseline_rate(hour, story) + complaint_rate(hour, story) + hoax_rate(hour, story)
