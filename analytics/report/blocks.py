"""HTML blocks the notebooks display: KPI cards, escaped tables, findings, the team's notes.

Every value that came from data (mention texts, author names, file names) passes through
:func:`html.escape` here, so a mention containing ``<script>`` shows as text in the report
instead of running. Notebooks wrap the returned strings in ``IPython.display.HTML``.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl

from analytics.errors import InputDataError


@dataclass(frozen=True)
class Kpi:
    """One headline figure. ``delta`` is the change against the comparison period, in the
    KPI's own unit; ``better`` says whether a rise is good (``"up"``), bad (``"down"``) or
    neither (``"none"``), which decides the delta's colour."""

    label: str
    value: float | int | None
    unit: str = ""  # "", "%" (value is a share 0..1), "h", "score"
    delta: float | None = None
    better: str = "up"
    note: str = ""


def format_value(value: float | int | None, unit: str = "") -> str:
    """Format a KPI value for a manager: thousands separators, shares as percent, n/a."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit == "%":
        return f"{value * 100:.1f}%"
    if unit == "h":
        return f"{value:.1f} h"
    if unit == "score":
        return f"{value:+.2f}"
    if abs(value) >= 1_000_000:
        return _compact(value)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _compact(value: float) -> str:
    """1,331,939,328 -> '1.33 bn', 12,450,000 -> '12.4 M': a card stays one line wide."""
    for size, suffix in ((1_000_000_000, "bn"), (1_000_000, "M")):
        if abs(value) >= size:
            scaled = value / size
            return f"{scaled:,.2f} {suffix}" if abs(scaled) < 10 else f"{scaled:,.1f} {suffix}"
    return f"{value:,.0f}"


def format_delta(delta: float | None, unit: str = "") -> str:
    """Format a change with its sign; shares change in percentage points (pp)."""
    if delta is None or (isinstance(delta, float) and math.isnan(delta)):
        return ""
    if unit == "%":
        return f"{delta * 100:+.1f} pp"
    if unit == "score":
        return f"{delta:+.2f}"
    if unit == "h":
        return f"{delta:+.1f} h"
    if abs(delta) >= 1_000_000:
        return ("+" if delta > 0 else "") + _compact(delta)
    if float(delta).is_integer():
        return f"{int(delta):+,}"
    return f"{delta:+,.2f}"


def _delta_class(kpi: Kpi) -> str:
    if kpi.delta is None or kpi.delta == 0 or kpi.better == "none":
        return "flat"
    good = (kpi.delta > 0) == (kpi.better == "up")
    return "good" if good else "bad"


def kpi_cards(kpis: Sequence[Kpi]) -> str:
    """A responsive row of KPI cards (wraps to one column on a phone)."""
    cards = []
    for kpi in kpis:
        delta = format_delta(kpi.delta, kpi.unit)
        delta_html = (
            f'<div class="kpi-delta {_delta_class(kpi)}">{html.escape(delta)}</div>'
            if delta
            else ""
        )
        note_html = f'<div class="kpi-note">{html.escape(kpi.note)}</div>' if kpi.note else ""
        cards.append(
            '<div class="kpi-card">'
            f'<div class="kpi-label">{html.escape(kpi.label)}</div>'
            f'<div class="kpi-value">{html.escape(format_value(kpi.value, kpi.unit))}</div>'
            f"{delta_html}{note_html}</div>"
        )
    return f'<div class="kpi-cards">{"".join(cards)}</div>'


def _cell(value: object, max_chars: int, *, percent: bool = False, tz: str | None = None) -> str:
    if value is None:
        return '<span class="na">–</span>'
    if percent and isinstance(value, int | float) and not isinstance(value, bool):
        text = "–" if math.isnan(value) else f"{value * 100:.1f}%"
    elif isinstance(value, float):
        text = "–" if math.isnan(value) else f"{value:,.3g}" if abs(value) < 1 else f"{value:,.1f}"
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}"
    elif isinstance(value, datetime):
        if tz is not None and value.tzinfo is not None:
            value = value.astimezone(ZoneInfo(tz))
        text = value.strftime("%Y-%m-%d %H:%M %Z").strip()
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return html.escape(text)


def table(
    frame: pl.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    max_rows: int = 20,
    max_chars: int = 280,
    caption: str = "",
    empty_text: str = "No rows.",
    percent: Sequence[str] = (),
    tz: str | None = None,
) -> str:
    """An HTML table of ``frame`` with every cell escaped.

    ``columns`` maps column names to headings (and picks and orders them); long texts are
    cut to ``max_chars``; at most ``max_rows`` rows are shown and the caption says so.
    Columns in ``percent`` hold shares (0..1) shown as percentages; with ``tz`` every
    time is shown in that zone (with its abbreviation, e.g. WIB).
    """
    if columns is None:
        columns = {name: name for name in frame.columns}
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise InputDataError(f"table: column(s) {missing} not in the frame (has {frame.columns})")
    if frame.height == 0:
        return f'<p class="empty">{html.escape(empty_text)}</p>'
    shown = frame.head(max_rows)
    head = "".join(f"<th>{html.escape(label)}</th>" for label in columns.values())
    rows = []
    shares = [name in percent for name in columns]
    for record in shown.select(list(columns)).iter_rows():
        cells = "".join(
            f"<td>{_cell(v, max_chars, percent=p, tz=tz)}</td>"
            for v, p in zip(record, shares, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    note = caption
    if frame.height > max_rows:
        note = f"{caption} (first {max_rows} of {frame.height:,})".strip()
    caption_html = f"<caption>{html.escape(note)}</caption>" if note else ""
    return (
        f'<div class="table-wrap"><table class="report-table">{caption_html}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


SEVERITY_ORDER = ("critical", "warning", "info", "good")


def findings(items: Iterable[object], tz: str = "Asia/Jakarta") -> str:
    """Lessons-learned findings as a list, worst first, each with its severity badge.

    Items are ``analytics.measure.lessons.Finding`` (written in words by
    ``report.messages``, times in ``tz``) or anything with ``topic``, ``severity`` and
    ``text`` attributes.
    """
    from analytics.report.messages import finding_text

    def words(f: object) -> str:
        return getattr(f, "text", None) or finding_text(f, tz)  # type: ignore[arg-type]

    ordered = sorted(
        items,
        key=lambda f: SEVERITY_ORDER.index(f.severity) if f.severity in SEVERITY_ORDER else 9,
    )
    if not ordered:
        return '<p class="empty">No findings.</p>'
    lines = [
        f'<li class="finding {html.escape(f.severity)}"><span class="badge">'
        f"{html.escape(f.severity)}</span> <strong>{html.escape(f.topic)}</strong>: "
        f"{html.escape(words(f))}</li>"
        for f in ordered
    ]
    return f'<ul class="findings">{"".join(lines)}</ul>'


def callout(text: str, level: str = "info") -> str:
    """A boxed sentence (info / warning), e.g. 'no crisis detected in this period'."""
    return f'<div class="callout {html.escape(level)}">{html.escape(text)}</div>'


def markdown_file(path: str | Path | None, *, missing_text: str = "") -> str:
    """Render the team's own notes (a Markdown file) to HTML, with raw HTML escaped.

    Raw HTML in the notes is shown as text, never executed, because the notes file is
    typed by people and pasted from chats. No file given -> ``missing_text``.
    """
    import mistune

    if path is None or str(path) == "":
        return f'<p class="empty">{html.escape(missing_text)}</p>' if missing_text else ""
    path = Path(path)
    if not path.is_file():
        raise InputDataError(f"{path}: notes file not found (expected a Markdown file)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputDataError(f"{path}: notes file is not UTF-8 text ({error.reason})") from None
    render = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
    # the notes sit under the report's own "Team notes" heading: shift their headings two
    # levels down so they neither compete with the report's sections nor enter its TOC
    body = re.sub(
        r"<(/?)h([1-6])\b",
        lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 2, 6)}",
        render(text),
    )
    return f'<div class="team-notes">{body}</div>'
