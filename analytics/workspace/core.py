"""The analyst's workspace: one store, questions answered as polars frames in local time.

Every count here is of *customer mentions* (``analytics.measure.audience.brand_post``: the
brand's own posts and care replies are left out) unless ``brand_posts="include"`` or
``"only"`` is asked for, so the mentions, the timeline, the crisis peak and a drill-down
into the peak hour all agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import AnalysisError
from analytics.measure import (
    brand_responses,
    detect_crises,
    detect_crisis,
    lessons_learned,
    read_events,
    response_summary,
    timeline,
)
from analytics.measure.audience import brand_post
from analytics.report import blocks
from analytics.report.kpis import period_figures, weekly_kpis
from analytics.report.styles import styled
from analytics.store import Store
from analytics.workspace.locate import find_store
from analytics.workspace.query import BrandPosts, Query, When, local_moment, to_local
from analytics.workspace.results import Crisis, Drill, Episodes, Findings, Summary
from analytics.zones import zone

__all__ = ["Workspace", "open_store"]

_LENGTHS = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "1w": timedelta(weeks=1)}


def open_store(path: str | Path | None = None, *, tz: str = DEFAULT_TZ) -> Workspace:
    """The workspace on the project's store, found from any working folder.

    Looks at ``path``, then ``$CRISIS_ANALYTICS_STORE``, then ``data/store`` in the current
    folder and every folder above it; the error says where it looked when none is found.
    Answers are in the time zone ``tz``.
    """
    return Workspace(find_store(path), tz=tz)


class Workspace:
    """Questions about the brands in one store (see the module docstring)."""

    def __init__(self, root: str | Path, *, tz: str = DEFAULT_TZ) -> None:
        zone(tz, what="tz")
        self.root = Path(root)
        self.tz = tz
        self.store = Store(self.root)

    def __repr__(self) -> str:
        brands = ", ".join(self.store.brands())
        return f"Workspace({str(self.root)!r}, tz={self.tz!r}): brands {brands}"

    def _repr_html_(self) -> str:
        return styled(blocks.table(self.brands(), tz=self.tz), title=f"Store {self.root}")

    # ----------------------------------------------------------------------- reading
    def _query(self, brand: str, **filters: object) -> Query:
        self.store.require_brand(brand)
        return Query.build(brand, self.tz, **filters)  # type: ignore[arg-type]

    def _utc(self, query: Query) -> pl.DataFrame:
        """The mentions answering ``query``, times still in UTC (what measure/ expects)."""
        return query.apply(self.store.mentions(query.brand)).collect()

    def brands(self) -> pl.DataFrame:
        """Each brand: customer mentions, brand posts, first and last mention (local time)."""
        customer = ~brand_post()
        frame = (
            self.store.mentions(None)
            .group_by("brand")
            .agg(
                customer.sum().alias("customer_mentions"),
                (~customer).sum().alias("brand_posts"),
                pl.col("published_at").min().alias("first"),
                pl.col("published_at").max().alias("last"),
            )
            .sort("brand")
            .collect()
        )
        return to_local(frame, self.tz, ("first", "last"))

    def main_brand(self) -> str:
        """The brand with the most customer mentions: what a template shows when no brand is
        named (the demo's NusaPay)."""
        table = self.brands()
        if table.height == 0:
            raise AnalysisError(f"{self.root}: the store holds no mentions; ingest exports first")
        return str(table.sort(["customer_mentions", "brand"], descending=[True, False])["brand"][0])

    def crisis_days(self, brand: str) -> tuple[str, str]:
        """First and last local day of the headline crisis, with a day either side; without
        a crisis, the last 28 days the store holds. The review's default period."""
        crisis = self.crisis(brand)
        if crisis.detected and crisis.onset is not None:
            last = crisis.end or self.brands().filter(pl.col("brand") == brand)["last"][0]
            first_day = crisis.onset.date() - timedelta(days=1)
            return first_day.isoformat(), (last.date() + timedelta(days=1)).isoformat()
        last = self.brands().filter(pl.col("brand") == brand)["last"][0].date()
        return (last - timedelta(days=27)).isoformat(), last.isoformat()

    def latest_week(self, brand: str) -> str:
        """The ISO week (``2026-W46``) of the brand's last stored mention, in local time: the
        weekly report's default week."""
        self.store.require_brand(brand)
        last = self.brands().filter(pl.col("brand") == brand)["last"][0]
        year, week, _ = last.isocalendar()
        return f"{year}-W{week:02d}"

    def mentions(
        self,
        brand: str,
        *,
        start: When = None,
        end: When = None,
        platforms: str | Sequence[str] = (),
        languages: str | Sequence[str] = (),
        sentiments: str | Sequence[str] = (),
        brand_posts: str | BrandPosts = "exclude",
    ) -> pl.DataFrame:
        """The mentions of ``brand`` matching every filter, oldest first, in local time.

        ``start``/``end``: a day (``"2026-10-20"``, ``end`` inclusive) or a local time
        (``"2026-10-20 14:00"``); either may be left out. ``sentiments`` may include
        ``"unscored"``. ``brand_posts``: ``"exclude"`` (customer mentions, the default),
        ``"include"`` or ``"only"``.
        """
        query = self._query(
            brand, start=start, end=end, platforms=platforms, languages=languages,
            sentiments=sentiments, brand_posts=brand_posts,
        )  # fmt: skip
        return to_local(self._utc(query), self.tz)

    def search(
        self,
        brand: str,
        text: str,
        *,
        start: When = None,
        end: When = None,
        brand_posts: str | BrandPosts = "exclude",
    ) -> pl.DataFrame:
        """Mentions whose text or title contains ``text`` (any case, taken literally)."""
        needle = text.lower()
        found = self.mentions(brand, start=start, end=end, brand_posts=brand_posts)
        return found.filter(
            pl.col("text").fill_null("").str.to_lowercase().str.contains(needle, literal=True)
            | pl.col("title").fill_null("").str.to_lowercase().str.contains(needle, literal=True)
        )

    # ----------------------------------------------------------------------- measuring
    def timeline(
        self,
        brand: str,
        *,
        every: str = "1d",
        start: When = None,
        end: When = None,
        platforms: str | Sequence[str] = (),
        languages: str | Sequence[str] = (),
        by: str | None = None,
    ) -> pl.DataFrame:
        """Customer mentions per hour/day/week (``every``), sentiment, reach, engagement and
        the baseline band; ``period_start`` in local time; empty periods are zero rows."""
        query = self._query(brand, start=start, end=end, platforms=platforms, languages=languages)
        return timeline(
            self._utc(query), every=every, tz=self.tz, by=by, start=query.start, end=query.end
        )

    def episodes(self, brand: str, *, start: When = None, end: When = None) -> Episodes:
        """Every crisis episode of ``brand`` in the period, oldest first."""
        query = self._query(brand, start=start, end=end)
        try:
            windows = detect_crises(self._utc(query), tz=self.tz, brand=brand)
        except AnalysisError as error:  # too little data: said, not raised, in a notebook
            return Episodes([], self.tz, message=str(error))
        return Episodes([Crisis(w, self.tz, brand) for w in windows], self.tz)

    def crisis(self, brand: str, *, start: When = None, end: When = None) -> Crisis:
        """The headline crisis: the episode with the busiest peak hour; when there is none,
        or too little data to tell, ``detected`` is False and the answer says why."""
        query = self._query(brand, start=start, end=end)
        try:
            window = detect_crisis(self._utc(query), tz=self.tz, brand=brand)
        except AnalysisError as error:
            return Crisis(None, self.tz, brand, message=str(error))
        return Crisis(window, self.tz, brand)

    def responses(
        self,
        brand: str,
        *,
        start: When = None,
        end: When = None,
        events: str | Path | None = None,
    ) -> pl.DataFrame:
        """The brand's public responses (its own non-reply posts, plus an events CSV when
        given), with ``time`` in local time."""
        query = self._query(brand, start=start, end=end, brand_posts="only")
        found = brand_responses(
            self._utc(query), events=read_events(events, tz=self.tz) if events else None
        )
        if query.start is not None:
            found = found.filter(pl.col("time") >= query.start)
        if query.end is not None:
            found = found.filter(pl.col("time") < query.end)
        return to_local(found, self.tz, ("time",))

    def drill(
        self,
        brand: str,
        start: str | datetime,
        *,
        length: str = "1h",
        end: str | datetime | None = None,
        rows: int = 20,
    ) -> Drill:
        """The customer mentions from ``start`` for ``length`` (``1h``, ``1d``, ``1w``), or up
        to ``end``: the mentions behind a spike, newest layout first in the table."""
        if length not in _LENGTHS:
            raise AnalysisError(f"length {length!r}: expected one of {', '.join(_LENGTHS)}")
        first = local_moment(start, self.tz, what="start", end=False)
        last = (
            local_moment(end, self.tz, what="end", end=False)
            if end is not None
            else first + _LENGTHS[length]
        )
        query = self._query(brand, start=first, end=last)
        local = zone(self.tz)
        return Drill(
            first.astimezone(local), last.astimezone(local),
            to_local(self._utc(query), self.tz), rows=rows,
        )  # fmt: skip

    def summary(self, brand: str, *, start: When = None, end: When = None) -> Summary:
        """KPI cards of the period against the period of the same length just before it,
        when the store holds mentions then; otherwise the cards say there is nothing to
        compare with (never a change against nothing)."""
        query = self._query(brand, start=start, end=end, brand_posts="include")
        current = self._utc(query)
        if current.height == 0:
            raise AnalysisError(f"{brand}: no mention in the period asked for")
        times = current.get_column("published_at")
        first = query.start or cast(datetime, times.min())
        last = query.end or cast(datetime, times.max()) + timedelta(microseconds=1)
        length = last - first
        before = Query(brand, start=first - length, end=first, brand_posts=BrandPosts.INCLUDE)
        previous = self._utc(before)
        local = zone(self.tz)
        shown = (
            f"{first.astimezone(local):%Y-%m-%d %H:%M} to "
            f"{last.astimezone(local):%Y-%m-%d %H:%M %Z}"
        )
        if previous.filter(~brand_post()).height:
            p0, p1 = (first - length).astimezone(local), first.astimezone(local)
            note = f"vs {p0:%Y-%m-%d %H:%M} to {p1:%Y-%m-%d %H:%M}"
            comparison = f"Changes are against the previous period of the same length ({note[3:]})."
            held = cast(datetime, previous.get_column("published_at").min())
            if held - (first - length) > timedelta(days=1):
                # an absence in the store is not an absence in the world: say how much is there
                comparison += (
                    f" The store holds mentions of it only from {held.astimezone(local):%Y-%m-%d}, "
                    "so its figures are partial."
                )
            cards = weekly_kpis(period_figures(current), period_figures(previous), note=note)
        else:
            comparison = "No mentions in the store for the period before: nothing to compare with."
            cards = weekly_kpis(period_figures(current), None)
        return Summary(f"{brand}: {shown}", cards, comparison, period_figures(current))

    def findings(self, brand: str, *, start: When = None, end: When = None) -> Findings:
        """Findings on the headline crisis and the brand's responses to it."""
        query = self._query(brand, start=start, end=end, brand_posts="include")
        everything = self._utc(query)
        try:
            window = detect_crisis(everything, tz=self.tz, brand=brand)
        except AnalysisError as error:
            return Findings([], message=str(error))
        responses = brand_responses(everything)
        summary = response_summary(everything, responses, window)
        found = lessons_learned(
            window=window, summary=summary, responses=responses,
            brand_posts=everything.filter(brand_post()).height,
        )  # fmt: skip
        return Findings(found, tz=self.tz)
