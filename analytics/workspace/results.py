"""Answers that are more than a frame: each shows itself in JupyterLab (``_repr_html_``,
styles included) and in a terminal (``repr``), and keeps its numbers as attributes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.measure import CrisisWindow, Finding
from analytics.report import blocks
from analytics.report.blocks import Kpi, format_delta, format_value
from analytics.report.messages import finding_text, notes_text
from analytics.report.styles import styled

__all__ = ["Crisis", "Drill", "Episodes", "Findings", "Summary"]

_TIME = "%Y-%m-%d %H:%M %Z"


def _card_lines(cards: Sequence[Kpi]) -> list[str]:
    lines = []
    for card in cards:
        text = f"  {card.label}: {format_value(card.value, card.unit)}"
        delta = format_delta(card.delta, card.unit)
        if delta:
            text += f" ({delta} {card.note})".rstrip()
        lines.append(text)
    return lines


@dataclass
class Summary:
    """KPI cards of a period, compared with the period of the same length before it."""

    title: str
    cards: list[Kpi]
    comparison: str  # what the deltas compare against, or why there are none
    figures: dict

    def _repr_html_(self) -> str:
        return styled(
            blocks.kpi_cards(self.cards) + blocks.callout(self.comparison), title=self.title
        )

    def __repr__(self) -> str:
        return "\n".join([self.title, *_card_lines(self.cards), f"  ({self.comparison})"])


@dataclass
class Crisis:
    """One crisis episode (or the absence of one), times in the workspace's zone."""

    window: CrisisWindow | None  # None when no detection could be made (see ``message``)
    tz: str
    brand: str = ""
    message: str = ""  # why there is no window (e.g. too little data for a baseline)

    @property
    def detected(self) -> bool:
        return self.window is not None and self.window.detected

    @property
    def phases(self) -> pl.DataFrame | None:
        """The crisis phases (UTC), for the charts; None without a window."""
        return None if self.window is None else self.window.phases

    def _local(self, moment: datetime | None) -> datetime | None:
        return None if moment is None else pl.Series([moment]).dt.convert_time_zone(self.tz)[0]

    @property
    def onset(self) -> datetime | None:
        return None if self.window is None else self._local(self.window.onset)

    @property
    def peak(self) -> datetime | None:
        return None if self.window is None else self._local(self.window.peak)

    @property
    def end(self) -> datetime | None:
        return None if self.window is None else self._local(self.window.end)

    @property
    def peak_mentions(self) -> int | None:
        return None if self.window is None else self.window.peak_mentions

    def cards(self) -> list[Kpi]:
        w = self.window
        if w is None:
            return []
        show = lambda m: m.strftime(_TIME) if m is not None else "not yet"  # noqa: E731
        return [
            Kpi("Onset", None, note=show(self.onset)),
            Kpi("Peak hour", w.peak_mentions, note=f"mentions, {show(self.peak)}"),
            Kpi("End", None, note=show(self.end)),
            Kpi("Recovery", w.recovery_hours, unit="h", note="peak to end"),
            Kpi(
                "Sentiment gap", w.sentiment_gap, unit="%", note="negative share, crisis vs before"
            ),
        ]

    def _text(self) -> str:
        if not self.detected:
            return f"No crisis detected for {self.brand}. {self.message}".strip()
        return (
            f"Crisis of {self.brand}: onset {self.onset:{_TIME}}, peak {self.peak:{_TIME}} "
            f"({self.peak_mentions:,} customer mentions in that hour), end "
            + (f"{self.end:{_TIME}}" if self.end else "not yet (still elevated)")
        )

    def _repr_html_(self) -> str:
        if not self.detected:
            notes = "; ".join(notes_text(self.window.notes)) if self.window else ""
            return styled(blocks.callout(f"{self._text()} {notes}".strip()))
        return styled(blocks.kpi_cards(self.cards()), title=self._text())

    def __repr__(self) -> str:
        return self._text()


@dataclass
class Episodes:
    """Every crisis episode found, oldest first."""

    crises: list[Crisis]
    tz: str
    message: str = ""  # why none could be looked for, when so
    frame: pl.DataFrame = field(init=False)

    def __post_init__(self) -> None:
        local = pl.Datetime("us", self.tz)
        schema: dict[str, Any] = {
            "onset": local, "peak": local, "end": local,
            "peak_mentions": pl.Int64, "recovery_hours": pl.Float64,
        }  # fmt: skip
        self.frame = pl.DataFrame(
            [(c.onset, c.peak, c.end, c.peak_mentions,
              c.window.recovery_hours if c.window else None) for c in self.crises],
            schema=schema, orient="row",
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.crises)

    def __iter__(self) -> Iterator[Crisis]:
        return iter(self.crises)

    def __getitem__(self, index: int) -> Crisis:
        return self.crises[index]

    def _repr_html_(self) -> str:
        if not self.crises:
            return styled(blocks.callout(self.message or "No crisis episode found."))
        columns = {
            "onset": "onset", "peak": "peak", "end": "end",
            "peak_mentions": "peak-hour mentions", "recovery_hours": "recovery (h)",
        }  # fmt: skip
        return styled(blocks.table(self.frame, columns, tz=self.tz),
                      title=f"{len(self.crises)} crisis episode(s)")  # fmt: skip

    def __repr__(self) -> str:
        return f"{len(self.crises)} crisis episode(s)\n{self.frame}"


@dataclass
class Drill:
    """The customer mentions of one period (a spike), times in the workspace's zone."""

    start: datetime
    end: datetime
    mentions: pl.DataFrame
    rows: int = 20

    @property
    def height(self) -> int:
        return self.mentions.height

    def __len__(self) -> int:
        return self.mentions.height

    def _title(self) -> str:
        return (
            f"{self.height:,} customer mentions from {self.start:%Y-%m-%d %H:%M} "
            f"to {self.end:%Y-%m-%d %H:%M %Z}"
        )

    def cards(self) -> list[Kpi]:
        labels = self.mentions.get_column("sentiment_label")
        scored = int(labels.is_in(["positive", "neutral", "negative"]).sum())
        negative = int((labels == "negative").sum())
        authors = self.mentions.get_column("author").drop_nulls().n_unique()
        return [
            Kpi("Mentions", self.height),
            Kpi("Negative share", negative / scored if scored else None, unit="%",
                note=f"of {scored:,} scored"),
            Kpi("Authors", authors),
        ]  # fmt: skip

    def _repr_html_(self) -> str:
        columns = {"published_at": "time", "platform": "platform", "author": "author",
                   "sentiment_label": "sentiment", "reach": "reach", "text": "text"}  # fmt: skip
        body = blocks.kpi_cards(self.cards()) + blocks.table(
            self.mentions, columns, max_rows=self.rows
        )
        return styled(body, title=self._title())

    def __repr__(self) -> str:
        return "\n".join([self._title(), *_card_lines(self.cards())])


@dataclass
class Findings:
    """What the data says about the crisis and the brand's responses, worst first."""

    items: list[Finding]
    message: str = ""  # why there are none, when there are none
    tz: str = DEFAULT_TZ

    def text(self, finding: Finding) -> str:
        """The finding's sentence (``report.messages``), times in the workspace's zone."""
        return finding_text(finding, self.tz)

    @property
    def frame(self) -> pl.DataFrame:
        return pl.DataFrame(
            [(f.topic, str(f.severity), self.text(f)) for f in self.items],
            schema={"topic": pl.Utf8, "severity": pl.Utf8, "text": pl.Utf8}, orient="row",
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.items)

    def _repr_html_(self) -> str:
        if not self.items:
            return styled(blocks.callout(self.message or "No findings."))
        return styled(blocks.findings(self.items, self.tz), title="Findings")

    def __repr__(self) -> str:
        if not self.items:
            return self.message or "No findings."
        return "\n".join(f"[{f.severity}] {f.topic}: {self.text(f)}" for f in self.items)
