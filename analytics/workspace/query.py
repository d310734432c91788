"""What a workspace question asks for: a brand, a time range in local time, and filters.

Times given by the analyst are local (the workspace's zone): a day ``"2026-10-20"`` means
that whole day, a time ``"2026-10-20 14:00"`` that moment. ``start`` alone means from then
on, ``end`` alone up to then; neither, everything the store holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum

import polars as pl

from analytics.errors import InputDataError
from analytics.measure.audience import brand_post
from analytics.schema import PLATFORMS, SENTIMENT_LABELS
from analytics.zones import zone

__all__ = ["BrandPosts", "Query", "local_moment", "to_local"]

When = str | date | datetime | None


class BrandPosts(Enum):
    """Whether the brand's own posts (``is_brand_post``) are part of the answer."""

    EXCLUDE = "exclude"  # customer mentions only: the default everywhere
    INCLUDE = "include"
    ONLY = "only"


def local_moment(value: str | date | datetime, tz: str, *, what: str, end: bool) -> datetime:
    """A time given by the analyst as a UTC datetime (see the module docstring).

    An ``end`` day is inclusive: ``end="2026-10-20"`` runs to midnight after that day.
    """
    zone_info = zone(tz)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=zone_info)
        return moment.astimezone(UTC)
    if isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        for layout in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"):
            try:
                moment = datetime.strptime(text, layout).replace(tzinfo=zone_info)
            except ValueError:
                continue
            return moment.astimezone(UTC)
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise InputDataError(
                f"{what} {value!r}: expected a day YYYY-MM-DD or a time YYYY-MM-DD HH:MM "
                f"(local time, {tz})"
            ) from None
    if end:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=zone_info).astimezone(UTC)


def _names(values: str | Sequence[str], what: str, allowed: Sequence[str] | None) -> tuple:
    chosen = (values,) if isinstance(values, str) else tuple(values)
    if allowed is not None:
        unknown = sorted(set(chosen) - set(allowed))
        if unknown:
            raise InputDataError(f"{what} {unknown} are not known; use some of {list(allowed)}")
    return chosen


@dataclass(frozen=True)
class Query:
    """One question's brand, UTC bounds ``[start, end)`` and filters."""

    brand: str
    start: datetime | None = None
    end: datetime | None = None
    platforms: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sentiments: tuple[str, ...] = ()
    brand_posts: BrandPosts = BrandPosts.EXCLUDE

    @classmethod
    def build(
        cls,
        brand: str,
        tz: str,
        *,
        start: When = None,
        end: When = None,
        platforms: str | Sequence[str] = (),
        languages: str | Sequence[str] = (),
        sentiments: str | Sequence[str] = (),
        brand_posts: str | BrandPosts = BrandPosts.EXCLUDE,
    ) -> Query:
        """Check the analyst's values and turn local times into UTC bounds."""
        first = None if start in (None, "") else local_moment(start, tz, what="start", end=False)
        last = None if end in (None, "") else local_moment(end, tz, what="end", end=True)
        if first is not None and last is not None and first >= last:
            raise InputDataError(f"start {start!r} is not before end {end!r}")
        try:
            posts = BrandPosts(brand_posts)
        except ValueError:
            raise InputDataError(
                f"brand_posts {brand_posts!r}: expected one of "
                f"{', '.join(repr(p.value) for p in BrandPosts)}"
            ) from None
        return cls(
            brand=brand,
            start=first,
            end=last,
            platforms=_names(platforms, "platforms", PLATFORMS),
            languages=_names(languages, "languages", None),
            sentiments=_names(sentiments, "sentiments", (*SENTIMENT_LABELS, "unscored")),
            brand_posts=posts,
        )

    def apply(self, mentions: pl.LazyFrame) -> pl.LazyFrame:
        """The mentions (UTC) that answer this query."""
        lazy = mentions
        if self.start is not None:
            lazy = lazy.filter(pl.col("published_at") >= self.start)
        if self.end is not None:
            lazy = lazy.filter(pl.col("published_at") < self.end)
        if self.platforms:
            lazy = lazy.filter(pl.col("platform").is_in(list(self.platforms)))
        if self.languages:
            lazy = lazy.filter(pl.col("language").is_in(list(self.languages)))
        if self.sentiments:
            label = pl.col("sentiment_label").fill_null("unscored")
            lazy = lazy.filter(label.is_in(list(self.sentiments)))
        if self.brand_posts is BrandPosts.EXCLUDE:
            lazy = lazy.filter(~brand_post())
        elif self.brand_posts is BrandPosts.ONLY:
            lazy = lazy.filter(brand_post())
        return lazy.sort("published_at")


def to_local(
    frame: pl.DataFrame, tz: str, columns: Sequence[str] = ("published_at",)
) -> pl.DataFrame:
    """``frame`` with its UTC time columns shown in ``tz``."""
    present = [c for c in columns if c in frame.columns]
    return frame.with_columns(pl.col(c).dt.convert_time_zone(tz) for c in present)
