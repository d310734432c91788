"""Notebook -> one self-contained, offline HTML page for managers.

nbconvert's stock templates reference require.js, MathJax, mermaid and the widgets manager
on CDNs; our ``crisis_report`` template (in ``templates/``) empties those blocks, embeds
plotly.js exactly once in the head and adds our CSS. Code cells and prompts are hidden.
After export the page gets a table of contents built from its ``<h2>`` headings, and
:func:`remote_references` is checked so a report that would fetch anything from the
network is refused rather than written.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from analytics.errors import ReportError
from analytics.report.charts import CHART_CLASS, CHART_JSON_MIME
from analytics.report.lang import DEFAULT_LANG, Lang

if TYPE_CHECKING:  # nbformat is slow to import (jsonschema); the kernel never needs it
    import nbformat

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_NAME = "crisis_report"
TOC_PLACEHOLDER = '<nav class="toc" id="toc"></nav>'
# cells tagged so stay in the notebook (help for analysts in JupyterLab) but not in the HTML
SKIP_TAG = "report-skip"


VENDOR = Path(__file__).parent / "vendor"
# plotly.js's own partial bundle (npm plotly.js-cartesian-dist-min, MIT; vendor/README.md):
# 1.5 MB instead of the full 4.8 MB, and it holds every trace type the reports draw
PARTIAL_BUNDLE = VENDOR / "plotly-cartesian.min.js"
PARTIAL_VERSION = "4.1.1"
PARTIAL_TRACES = frozenset({
    "bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour",
    "image", "pie", "scatter", "scatterternary", "violin",
})  # fmt: skip


@cache
def plotly_js() -> str:
    """The full minified plotly.js bundle shipped inside the plotly package (no download)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


@cache
def _partial_fits_plotly() -> bool:
    """Figures are written by the plotly package for its own plotly.js: the partial bundle
    is used only when it has the same major version."""
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version().split(".")[0] == PARTIAL_VERSION.split(".")[0]


# the texts plotly.js itself shows (modebar tooltips, a hint), translated through the word
# tables under "plotly.<English text>"
PLOTLY_PHRASES = (
    "Autoscale", "Box Select", "Compare data on hover", "Double-click to zoom back out",
    "Download plot", "Download plot as a PNG", "Lasso Select", "Pan", "Reset axes",
    "Reset view", "Show closest data on hover", "Toggle Spike Lines", "Zoom", "Zoom in",
    "Zoom out",
)  # fmt: skip


def plotly_locale(lang: Lang) -> str:
    """JavaScript registering ``lang`` with plotly.js (month and day names, separators and
    plotly's own texts from CLDR via Babel and the word tables); empty for English, which
    plotly.js carries."""
    if lang is Lang.EN:
        return ""
    import json

    from babel import Locale
    from babel.dates import get_day_names, get_month_names
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from analytics.report.lang import language
    from analytics.report.words import t

    with language(lang):
        dictionary = {phrase: t(f"plotly.{phrase}") for phrase in PLOTLY_PHRASES}
    sunday_first = (6, 0, 1, 2, 3, 4, 5)  # CLDR counts from Monday, plotly from Sunday
    days = get_day_names("wide", locale=lang.value)
    short_days = get_day_names("abbreviated", locale=lang.value)
    months = get_month_names("wide", locale=lang.value)
    short_months = get_month_names("abbreviated", locale=lang.value)
    skeletons = Locale(lang.value).datetime_skeletons
    locale = {
        "moduleType": "locale",
        "name": lang.value,
        "dictionary": dictionary,
        "format": {
            "days": [days[i] for i in sunday_first],
            "shortDays": [short_days[i] for i in sunday_first],
            "months": [months[i] for i in range(1, 13)],
            "shortMonths": [short_months[i] for i in range(1, 13)],
            "decimal": get_decimal_symbol(lang.value),
            "thousands": get_group_symbol(lang.value),
            "date": "%d/%m/%Y",
            # the axis' day and month labels in the language's order ("21 Okt", not "Okt 21")
            "dayMonth": _strftime(skeletons["MMMd"]),
            "dayMonthYear": _strftime(skeletons["yMMMd"]),
            "month": _strftime(skeletons["yMMM"]),
            "year": "%Y",
        },
    }
    # json.dumps leaves "</" as is: a translation holding "</script>" must not end the tag
    return "Plotly.register(" + json.dumps(locale, ensure_ascii=False).replace("</", "<\\/") + ");"


def _strftime(cldr: object) -> str:
    """A CLDR date pattern of days, months and years ("d MMM y") as plotly's d3 format."""
    pattern = str(getattr(cldr, "pattern", cldr))
    return pattern.replace("MMM", "%b").replace("d", "%-d").replace("y", "%Y")


def trace_types(nb: nbformat.NotebookNode) -> set[str]:
    """Every plotly trace type the charts of an executed notebook use."""
    found = set()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get(CHART_JSON_MIME) or {}
            found.update(trace.get("type", "scatter") for trace in figure.get("data", []))
    return found


def plotly_bundle(types: set[str]) -> str:
    """The smallest plotly.js that draws ``types`` offline: the partial cartesian bundle
    when it holds them all, else the full bundle (a map or 3-D chart still renders)."""
    if types <= PARTIAL_TRACES and PARTIAL_BUNDLE.is_file() and _partial_fits_plotly():
        return _read_partial()
    return plotly_js()


@cache
def _read_partial() -> str:
    return PARTIAL_BUNDLE.read_text(encoding="utf-8")


def count_charts(nb: nbformat.NotebookNode) -> int:
    """Number of chart outputs our renderer produced in an executed notebook."""
    marker = f'class="{CHART_CLASS}"'
    count = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/html", "")
            if isinstance(text, list):
                text = "".join(text)
            count += text.count(marker)
    return count


def export_html(
    nb: nbformat.NotebookNode, *, kind: str, title: str, lang: Lang = DEFAULT_LANG
) -> str:
    """Render an executed notebook to offline HTML (code hidden, plotly.js embedded once),
    its page furniture (``lang`` attribute, "more"/"less" controls, contents) in ``lang``."""
    import nbformat
    from nbconvert import HTMLExporter

    from analytics.report.lang import language
    from analytics.report.words import t

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        language_code=lang.value,
    )
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={SKIP_TAG}, enabled=True), enabled=True
    )
    nb = nbformat.from_dict(nb)
    nb.metadata["title"] = title
    with language(lang):
        more, less, contents = t("more"), t("less"), t("contents")
    resources = {
        "crisis": {
            "plotly_locale": plotly_locale(lang),
            "more": more,
            "less": less,
            "plotly_js": plotly_bundle(trace_types(nb)),
            "css": (TEMPLATES / TEMPLATE_NAME / "report.css").read_text(encoding="utf-8"),
            "chart_count": count_charts(nb),
            "kind": kind,
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = fold_sections(add_table_of_contents(body, heading=contents))
    remote = remote_references(body)
    if remote:
        raise ReportError(
            f"the exported HTML would load {len(remote)} resource(s) from the network "
            f"(first: {remote[0]!r}); reports must work offline"
        )
    return body


_H2 = re.compile(r"<h2(\s[^>]*)?>(.*?)</h2>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def _slug(label: str) -> str:
    return re.sub(r"[^\w]+", "-", label.lower()).strip("-") or "section"


def add_table_of_contents(page: str, heading: str = "Contents") -> str:
    """Give every ``<h2>`` an id and fill the TOC placeholder (or the top of ``<main>``)
    with links to them, in page order."""
    entries: list[str] = []
    used: set[str] = set()

    def number(match: re.Match) -> str:
        attributes, inner = match.group(1) or "", match.group(2)
        label = html_lib.unescape(_TAG.sub("", inner)).strip()
        if not label:
            return match.group(0)
        found = _ID.search(attributes)
        anchor = found.group(1) if found else _slug(label)
        while anchor in used:
            anchor += "-2"
        used.add(anchor)
        if not found:
            attributes = f'{attributes} id="{html_lib.escape(anchor)}"'
        entries.append(
            f'<li><a href="#{html_lib.escape(anchor)}">{html_lib.escape(label)}</a></li>'
        )
        return f"<h2{attributes}>{inner}</h2>"

    page = _H2.sub(number, page)
    if not entries:
        return page
    toc = (
        f'<nav class="toc" id="toc"><strong>{html_lib.escape(heading)}</strong>'
        f"<ol>{''.join(entries)}</ol></nav>"
    )
    if TOC_PLACEHOLDER in page:
        return page.replace(TOC_PLACEHOLDER, toc, 1)
    return page.replace("<main>", "<main>" + toc, 1)


DETAILS_TAG = "details"  # a section heading cell with this tag folds the rest of its section
_CELL = re.compile(r'<div class="jp-Cell[ "]')
_H3 = re.compile(r"<h3[^>]*>(.*?)</h3>", re.DOTALL)


def fold_sections(page: str) -> str:
    """Fold each section whose heading cell is tagged ``details`` (the method appendix):
    the heading and its first paragraph stay, the rest of the section (up to the next
    ``<h2>``) goes into a closed ``<details>`` whose summary line lists the section's own
    sub-headings ("Crisis window · Sentiment · Provenance"), so a phone reader sees what is
    there in one line. Printing (and the PDF) opens every ``<details>``.

    Cells are siblings in the page and data never holds a raw ``<div class="jp-Cell``
    (every value is escaped), so a run of whole cells is wrapped: the markup stays valid.
    """
    starts = [m.start() for m in _CELL.finditer(page)]
    ends = [*starts[1:], page.find("</main>") if "</main>" in page else len(page)]
    cells = [page[a:b] for a, b in zip(starts, ends, strict=True)]
    if not cells:
        return page
    out, fold = [page[: starts[0]]], None
    for cell in cells:
        if fold is not None and "<h2" in cell:  # the next section: close the fold
            out.append(_details(fold))
            fold = None
        if fold is not None:
            fold.append(cell)
            continue
        out.append(cell)
        if f"celltag_{DETAILS_TAG}" in cell:
            fold = []
    if fold is not None:
        out.append(_details(fold))
    out.append(page[ends[-1] :])
    return "".join(out)


def _details(cells: list[str]) -> str:
    """Whole cells in a closed ``<details>``, summed up by their ``<h3>`` headings."""
    if not cells:
        return ""
    inner = "".join(cells)
    titles = [html_lib.unescape(_TAG.sub("", t)).strip() for t in _H3.findall(inner)]
    summary = html_lib.escape(" · ".join(t for t in titles if t) or "…")
    return f'<details class="section-details"><summary>{summary}</summary>{inner}</details>'


_REMOTE = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*?\ssrc\s*=\s*["']?((?:https?:)?//[^"'\s>]+)"""
    r"""|<link\b[^>]*?\shref\s*=\s*["']?((?:https?:)?//[^"'\s>]+)"""
    r"""|@import\s+(?:url\()?["']?((?:https?:)?//[^"')\s]+)""",
    re.IGNORECASE,
)


def remote_references(page: str) -> list[str]:
    """URLs the page would fetch by itself (script/img/iframe src, stylesheet links, CSS
    imports). Plain ``<a href>`` links are fine: nothing is fetched until a reader clicks."""
    return [next(g for g in match if g) for match in _REMOTE.findall(page)]
