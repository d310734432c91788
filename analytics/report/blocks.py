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

from analytics.defaults import DEFAULT_TZ
from analytics.errors import InputDataError
from analytics.report import lang as L
from analytics.report.lang import is_missing
from analytics.report.words import t
from analytics.report.words import value as word


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
    """Format a KPI value for a manager in the report's language: thousands separators,
    shares as percent, large figures in words ("1.33 billion" / "1,33 miliar"), n/a."""
    if is_missing(value):
        return t("na")
    assert value is not None  # for mypy: is_missing is the check
    if unit == "%":
        return L.percent(value, 1)
    if unit == "h":
        return t("unit.h", n=L.fixed(value, 1))
    if unit == "score":
        return L.number(value, 2, sign=True)
    if abs(value) >= 1_000_000:
        return L.compact(value)
    if isinstance(value, int) or float(value).is_integer():
        return L.number(int(value))
    return L.fixed(value, 2)


def format_delta(delta: float | None, unit: str = "") -> str:
    """Format a change with its sign; shares change in percentage points (pp)."""
    if is_missing(delta):
        return ""
    assert delta is not None
    if unit == "%":
        return t("unit.pp", n=L.number(delta * 100, 1, sign=True))
    if unit == "score":
        return L.number(delta, 2, sign=True)
    if unit == "h":
        return t("unit.h", n=L.number(delta, 1, sign=True))
    if abs(delta) >= 1_000_000:
        return L.compact(delta, sign=True)
    if float(delta).is_integer():
        return L.number(int(delta), 0, sign=True)
    return L.number(delta, 2, sign=True)


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


def _text(value: object, *, percent: bool = False, tz: str | None = None) -> str:
    """A cell value as the text a reader sees in the report's language (numbers with its
    separators, shares as percent, yes/no and category values in words); data is as is."""
    if isinstance(value, bool):
        return word(value)
    if percent and isinstance(value, int | float):
        return "–" if math.isnan(value) else L.percent(value, 1)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return L.significant(value) if abs(value) < 1 else L.fixed(value, 1)
    if isinstance(value, int):
        return L.number(value)
    if isinstance(value, datetime):
        # in the report's language (Babel: "21 Okt 2026 14.05"); with ``tz`` the zone is in
        # the column's heading (see _zone_heading), not in every cell
        if tz is not None:
            return L.moment(value, tz, zone=False)
        return L.moment(value, getattr(value.tzinfo, "key", "UTC"))
    if isinstance(value, date):
        return L.day(value)
    return str(value)


# cells that must stay on one line: a number broken as "15,500,00 / 0" misreads
_ONE_LINE = (int, float, datetime, date)
CLAMP_CHARS = 90  # longer texts are clamped to three lines with a "more" control


# columns whose text values are the project's own categories (alert levels, stances, phases,
# response types, ...): written in words in the report's language. Other text is data (a
# post, an author, a file) and is marked translate="no" (the HTML attribute for content
# that is not to be translated), which the language test also reads.
CATEGORY_COLUMNS = frozenset({
    "level", "metric", "stance", "kind", "phase", "sentiment_label", "signal", "verdict",
    "type", "strategy", "emotion", "reference", "platform", "language", "severity", "format",
    "channel", "overlaps", "detail", "note",
})  # fmt: skip


def _cell(
    value: object, max_chars: int, *, percent: bool = False, tz: str | None = None,
    category: bool = False,
) -> str:  # fmt: skip
    if value is None:
        return '<td class="num"><span class="na">–</span></td>'
    if category and isinstance(value, str):
        value = word(value)
    text = _text(value, percent=percent, tz=tz)
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    if isinstance(value, _ONE_LINE) and not isinstance(value, bool):
        return f'<td class="num">{html.escape(text)}</td>'
    data = "" if category or isinstance(value, bool) else ' translate="no"'
    if len(text) > CLAMP_CHARS:
        return f'<td class="long"{data}><div class="clamp">{html.escape(text)}</div></td>'
    return f'<td class="word"{data}>{html.escape(text)}</td>'


def _zone_heading(label: str, series: pl.Series, tz: str | None) -> str:
    """'time' -> 'time (WIB)': a time column's heading names the zone its values are in."""
    if not isinstance(series.dtype, pl.Datetime) or series.dtype.time_zone is None:
        return label
    first = series.drop_nulls().head(1).to_list()
    if not first:
        return label
    zone = first[0].astimezone(ZoneInfo(tz)) if tz else first[0]
    return f"{label} ({zone.strftime('%Z')})"


def _link(url: object) -> str:
    """A link to the original post; only http(s) addresses (a javascript: or file: URL in
    an export is shown as nothing rather than made clickable)."""
    if not isinstance(url, str) or not re.match(r"https?://[^\s]+$", url.strip(), re.IGNORECASE):
        return '<td class="num"><span class="na">–</span></td>'
    return (
        f'<td class="num"><a href="{html.escape(url.strip(), quote=True)}" target="_blank" '
        f'rel="noopener noreferrer">{html.escape(t("link.open"))}</a></td>'
    )


def table(
    frame: pl.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    max_rows: int = 20,
    max_chars: int = 280,
    caption: str = "",
    empty_text: str = "",
    percent: Sequence[str] = (),
    tz: str | None = None,
    link: str | None = "url",
) -> str:
    """An HTML table of ``frame`` with every cell escaped.

    ``columns`` maps column names to headings (and picks and orders them); long texts are
    cut to ``max_chars`` and clamped to three lines on screen; at most ``max_rows`` rows
    are shown and the caption says so. Columns in ``percent`` hold shares (0..1) shown as
    percentages; with ``tz`` every time is shown in that zone, named in its heading (e.g.
    "time (WIB)"). When the frame has a ``link`` column of post addresses, a last column
    links each row to its original post (http/https only).
    """
    if columns is None:
        columns = {name: name for name in frame.columns}
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise InputDataError(f"table: column(s) {missing} not in the frame (has {frame.columns})")
    if frame.height == 0:
        return f'<p class="empty">{html.escape(empty_text or t("table.no_rows"))}</p>'
    shown = frame.head(max_rows)
    linked = link is not None and link in frame.columns and link not in columns
    headings = [_zone_heading(label, frame.get_column(name), tz) for name, label in columns.items()]
    if linked:
        headings.append(t("col.post"))
    head = "".join(f"<th>{html.escape(label)}</th>" for label in headings)
    rows = []
    shares = [name in percent for name in columns]
    categories = [name in CATEGORY_COLUMNS for name in columns]
    urls = shown.get_column(link).to_list() if linked else [None] * shown.height
    for record, url in zip(shown.select(list(columns)).iter_rows(), urls, strict=True):
        cells = "".join(
            _cell(v, max_chars, percent=p, tz=tz, category=c)
            for v, p, c in zip(record, shares, categories, strict=True)
        )
        rows.append(f"<tr>{cells}{_link(url) if linked else ''}</tr>")
    note = caption
    if frame.height > max_rows:
        note = t("table.first_rows", caption=caption, shown=max_rows, total=frame.height).strip()
    caption_html = f"<caption>{html.escape(note)}</caption>" if note else ""
    return (
        f'<div class="table-wrap"><table class="report-table">{caption_html}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


SEVERITY_ORDER = ("critical", "warning", "info", "good")


def findings(items: Iterable[object], tz: str = DEFAULT_TZ) -> str:
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
        return f'<p class="empty">{html.escape(t("findings.none"))}</p>'
    lines = [
        f'<li class="finding {html.escape(f.severity)}"><span class="badge">'
        f"{html.escape(word(f.severity))}</span> <strong>{html.escape(word(f.topic))}</strong>: "
        f"{html.escape(words(f))}</li>"
        for f in ordered
    ]
    return f'<ul class="findings">{"".join(lines)}</ul>'


def section(title: str, *paragraphs: str) -> str:
    """A report section's heading (``<h2>``, listed in the contents) and its introduction;
    written by the notebook in the report's language instead of a Markdown cell."""
    intro = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<h2>{html.escape(title)}</h2>{intro}"


def callout(text: str, level: str = "info", *, data: bool = False, quoted: str = "") -> str:
    """A boxed sentence (info / warning), e.g. 'no crisis detected in this period'; a long
    text (a survey answer) is clamped to three lines with a "more" control. ``data``: the
    text is data (a survey answer), marked not to be translated; ``quoted``: data after
    the sentence (terms from the posts), marked so."""
    inner = html.escape(text)
    if quoted:
        inner += f' <span translate="no">{html.escape(quoted)}</span>'
    if len(text) > CLAMP_CHARS * 2:
        inner = f'<div class="clamp">{inner}</div>'
    mark = ' translate="no"' if data else ""
    return f'<div class="callout {html.escape(level)}"{mark}>{inner}</div>'


def answers(
    negative_title: str, negative: Sequence[str], positive_title: str, positive: Sequence[str]
) -> str:
    """The most negative and most positive survey answers (data), folded when long."""
    return (
        f'<div class="fold"><h3>{html.escape(negative_title)}</h3>'
        + "".join(callout(text, "warning", data=True) for text in negative)
        + f"<h3>{html.escape(positive_title)}</h3>"
        + "".join(callout(text, data=True) for text in positive)
        + "</div>"
    )


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
    # the team's own words: shown as written, in whatever language they wrote them
    return f'<div class="team-notes" translate="no">{body}</div>'
