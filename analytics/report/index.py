"""``reports/index.html``: one page listing every report written under the reports folder.

The list is rebuilt from the ``meta.json`` each report folder holds, so it is always what is
on disk (a report deleted by hand disappears from the index at the next run).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from analytics.atomic import write_text_atomic
from analytics.defaults import DEFAULT_TZ
from analytics.report import lang as L
from analytics.report.lang import DEFAULT_LANG, Lang, language
from analytics.report.words import t


@dataclass(frozen=True)
class ReportEntry:
    """One report as listed in the index."""

    brand: str
    kind: str
    period: str
    title: str
    generated_at: str
    size_bytes: int
    href: str  # relative to the index page
    tz: str = DEFAULT_TZ  # the report's own zone: its generation time is shown in it


def list_reports(out: Path | str) -> list[ReportEntry]:
    """Every ``<out>/<brand>/<kind>/<period>/`` holding both ``report.html`` and ``meta.json``,
    by brand and kind, newest period first."""
    out = Path(out)
    entries = []
    for meta_path in out.glob("*/*/*/meta.json"):
        folder = meta_path.parent
        page = folder / "report.html"
        if not page.is_file():
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue  # a folder being swapped right now; the next refresh will see it
        entries.append(
            ReportEntry(
                brand=str(meta.get("brand", folder.parent.parent.name)),
                kind=str(meta.get("kind", folder.parent.name)),
                period=str(meta.get("period", folder.name)),
                title=str(meta.get("title", "")),
                generated_at=str(meta.get("generated_at", "")),
                size_bytes=page.stat().st_size,
                href=page.relative_to(out).as_posix(),
                tz=str((meta.get("parameters") or {}).get("tz") or DEFAULT_TZ),
            )
        )
    entries.sort(key=lambda e: e.period, reverse=True)
    entries.sort(key=lambda e: (e.brand.lower(), e.kind))
    return entries


def _size(n: int) -> str:
    return f"{L.fixed(n / 1_000_000, 1)} MB" if n >= 100_000 else f"{L.fixed(n / 1000, 0)} kB"


def _generated(value: str, tz: str) -> str:
    """'2026-12-03T19:53:00+00:00' in Asia/Jakarta -> '2026-12-04 02:53 WIB': the time in
    the report's own zone, named (a bare UTC timestamp is a sum for the reader to do)."""
    try:
        moment = datetime.fromisoformat(value)
        zone = ZoneInfo(tz)
    except (ValueError, ZoneInfoNotFoundError):
        return html.escape(value)
    local = moment.astimezone(zone)
    # a zone without a letter abbreviation (%Z gives '+07') is named by its identifier
    name = local.strftime("%Z")
    name = name if name[:1].isalpha() else tz
    # date and time each stay whole; on a phone the cell may break between them
    return (
        f'<span class="nb">{local:%Y-%m-%d}</span> '
        f'<span class="nb">{local:%H:%M} <span class="zone">{html.escape(name)}</span></span>'
    )


def _breakable(text: str) -> str:
    """Escaped text that may break after '_' only (a period '2026-10-13_2026-11-08' on a
    phone breaks between its two days, never inside a day at its hyphens)."""
    return "_<wbr>".join(f'<span class="nb">{html.escape(p)}</span>' for p in text.split("_"))


def _kind(kind: str) -> str:
    """'weekly' -> 'mingguan': a report kind in words (a kind of our own: as it is)."""
    return t(f"index.{kind}") if kind in ("weekly", "review") else kind


_TITLE_CLASS = ' class="title"'


def render_index(entries: list[ReportEntry], lang: Lang = DEFAULT_LANG) -> str:
    """The index page (plain HTML, no scripts) in ``lang``, every value escaped."""
    with language(lang):
        return _render_index(entries, lang)


def _render_index(entries: list[ReportEntry], lang: Lang) -> str:
    rows = "".join(
        "<tr>"
        f'<td translate="no">{html.escape(e.brand)}</td><td>{html.escape(_kind(e.kind))}</td>'
        f'<td><a href="{html.escape(e.href)}">{_breakable(e.period)}</a></td>'
        f'<td class="title">{html.escape(e.title)}</td>'
        f"<td>{_generated(e.generated_at, e.tz)}</td>"
        f'<td class="size">{_size(e.size_bytes)}</td>'
        "</tr>"
        for e in entries
    )
    head = "".join(
        f"<th{_TITLE_CLASS if code == 'index.title_col' else ''}>{html.escape(t(code))}</th>"
        for code in ("index.brand", "index.kind", "index.period", "index.title_col",
                     "index.generated", "index.size")
    )  # fmt: skip
    body = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        if entries
        else f"<p>{html.escape(t('index.empty'))}</p>"
    )
    return (
        f'<!DOCTYPE html><html lang="{lang.value}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(t('index.page_title'))}</title><style>"
        "body{font-family:system-ui,sans-serif;margin:16px;color:#1d2733}"
        "table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;text-align:left;"
        "border-bottom:1px solid #e3e7ec}th{background:#f1f4f8}"
        "td.size,.nb{white-space:nowrap}.zone{color:#4b5866;font-size:.9em}"
        # a phone: the title repeats brand, kind and period, so it goes; cells get tighter
        "@media(max-width:600px){body{margin:8px}td.title,th.title{display:none}"
        "th,td{padding:4px 3px;font-size:13px}}"
        f"</style></head><body><h1>{html.escape(t('index.heading'))}</h1>{body}</body></html>"
    )


def write_index(out: Path | str, lang: Lang = DEFAULT_LANG) -> Path:
    """Rebuild ``<out>/index.html`` atomically (in ``lang``, the language of the run that
    rebuilds it), under a lock shared by all runs."""
    from filelock import FileLock

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out / ".index.lock"), timeout=120):
        target = out / "index.html"
        write_text_atomic(target, render_index(list_reports(out), lang))
        target.chmod(0o644)
    return target
