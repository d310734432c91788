"""Which parts a read opens, and the filters it pushes into the Parquet scan.

A report asks for one brand and one period of a store that holds many brands and years.
Cost must follow the question, not the store:

* the manifest says each part's brand and, for mentions, its first and last
  ``published_at``: parts of other brands or wholly outside the period are never opened;
* inside an opened part the period filter goes into the Parquet scan, where row-group
  statistics (parts are written in time order) skip the row groups outside it;
* scores are joined only for the mentions read (a semi-join on the period's keys), so the
  sentiment table of a brand with years of history is not resolved whole for one week.

Pure functions over the manifest and lazy frames; the ``Store`` does the I/O.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from analytics.errors import InputDataError
from analytics.store.disk import TIME_COLUMN


@dataclass(frozen=True)
class Period:
    """A half-open UTC time range ``[start, end)``; either end may be open (None)."""

    start: datetime | None = None
    end: datetime | None = None

    @classmethod
    def of(cls, start: datetime | None, end: datetime | None) -> Period:
        """A period from tz-aware datetimes (any zone); naive ones are refused."""
        return cls(_utc(start, "start"), _utc(end, "end"))

    @property
    def bounded(self) -> bool:
        """True when the period cuts anything at all."""
        return self.start is not None or self.end is not None

    def expr(self) -> pl.Expr | None:
        """The filter on ``published_at``, or None for an unbounded period."""
        conditions = []
        if self.start is not None:
            conditions.append(pl.col(TIME_COLUMN) >= self.start)
        if self.end is not None:
            conditions.append(pl.col(TIME_COLUMN) < self.end)
        return pl.all_horizontal(conditions) if conditions else None

    def overlaps(self, part: dict[str, Any]) -> bool:
        """Whether a part (its manifest entry) may hold rows of this period.

        A part without a recorded range (written before ranges were recorded) may hold any.
        """
        first, last = part.get("first"), part.get("last")
        if first is None or last is None:
            return True
        if self.start is not None and datetime.fromisoformat(last) < self.start:
            return False
        return not (self.end is not None and datetime.fromisoformat(first) >= self.end)


def _utc(moment: datetime | None, name: str) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise InputDataError(f"{name} {moment} has no time zone; expected a tz-aware datetime")
    return moment.astimezone(UTC)


Brands = str | Collection[str] | None  # one brand, several, or all (None)


def select_parts(
    root: Path,
    manifest: dict[str, Any],
    table: str,
    brand: Brands = None,
    period: Period | None = None,
) -> list[Path]:
    """Part files of ``table`` that may hold rows of ``brand`` (all: None) in ``period``.

    Decided from the manifest alone: the files skipped are never opened. Order is the
    manifest's (the order parts were written: later scores win).
    """
    wanted = None if brand is None else {brand} if isinstance(brand, str) else set(brand)
    return [
        root / part["path"]
        for part in manifest["parts"]
        if part["table"] == table
        and (wanted is None or part["brand"] in wanted)
        and (period is None or period.overlaps(part))
    ]


def in_period(frame: pl.LazyFrame, period: Period | None) -> pl.LazyFrame:
    """``frame`` filtered to ``period`` (polars pushes the filter into the Parquet scan)."""
    condition = period.expr() if period is not None else None
    return frame if condition is None else frame.filter(condition)


def scores_for(scores: pl.LazyFrame, mentions: pl.LazyFrame, key: list[str]) -> pl.LazyFrame:
    """Only the scores of ``mentions`` (a semi-join on the key, built on the mentions side)."""
    return scores.join(mentions.select(key), on=key, how="semi", maintain_order="left")
