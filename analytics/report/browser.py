"""Open a report in headless Chromium with the network cut off and say what rendered.

Used by the tests and by ``crisis-analytics report check``: a report only counts as good if
a real browser, with every non-``file://`` request blocked, draws every chart and raises no
JavaScript error. Needs the optional ``playwright`` package and Debian's ``chromium``
(``scripts/install.sh --dev`` installs both); playwright never downloads a browser here.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analytics.errors import ReportError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# a report travels by e-mail and chat: above this it is too heavy (plotly.js is most of it)
MAX_REPORT_BYTES = 2_500_000


@dataclass
class BrowserCheck:
    """What the browser saw."""

    expected_charts: int  # from the page's crisis-chart-count meta tag
    rendered_charts: int  # plotly roots that produced an SVG
    plotly_scripts: int  # <script> elements that define plotly.js
    blocked_requests: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    title: str = ""
    screenshot: Path | None = None
    dialogs: list[str] = field(default_factory=list)  # alert()/confirm() a script opened
    page_width: int = 0  # the page's scroll width: wider than the viewport = sideways scroll
    text: str = ""  # the page's visible text
    # the visible text that is the report's own words: without what is marked
    # translate="no" (posts, authors, file names, the team's notes: data), charts included
    words_text: str = ""
    page_height: int = 0  # the page's scroll height in CSS px
    wrapped_numbers: list[str] = field(default_factory=list)  # numeric cells on 2+ lines
    overlapping_labels: list[str] = field(default_factory=list)  # chart annotation pairs
    too_wide: list[str] = field(default_factory=list)  # elements past the viewport's edge
    size_bytes: int = 0  # the HTML file's size: what an e-mail or a chat has to carry
    max_bytes: int = MAX_REPORT_BYTES
    # links drawn inside charts (plotly turns <a href> in a label into one): always a label
    # from the data, since the charts draw no links of their own
    chart_links: list[str] = field(default_factory=list)

    @property
    def size_ok(self) -> bool:
        return self.size_bytes <= self.max_bytes

    @property
    def ok(self) -> bool:
        return (
            self.rendered_charts == self.expected_charts
            and self.plotly_scripts == 1
            and not self.blocked_requests
            and not self.js_errors
            and not self.dialogs
            and self.size_ok
            and not self.chart_links
        )


def find_chromium() -> str | None:
    """Path of the system Chromium, or None."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


# Every text node a reader can see (HTML and the charts' SVG), except inside an element
# marked translate="no" (data) and plotly's off-screen text ruler; one node per line.
_WORDS_TEXT = """
() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const lines = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim()) { continue; }
    if (el.closest('[translate="no"], script, style, noscript, #js-plotly-tester')) { continue; }
    if (!el.getClientRects().length) { continue; }  // not drawn (display: none)
    lines.push(node.textContent.trim());
  }
  return lines.join("\\n");
}
"""

LAUNCH_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")


def offline_guard(blocked: list[str]) -> Callable[[Any], None]:
    """A Playwright route handler that lets the page load only itself (``file://``, ``data:``).

    Every other request is aborted and its URL appended to ``blocked``: a report must open
    offline, so any request to the network is a fault to report, not to wait for.
    """

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    return guard


# What a reader would see go wrong, measured from the DOM: a number broken over two lines,
# two chart labels on top of each other, an element reaching past the screen's edge (only
# a table's own scroll box may hold wider content: the page itself never scrolls sideways).
_LAYOUT_AUDIT = """
() => {
  const width = document.documentElement.clientWidth;
  const wrapped = [];
  for (const cell of document.querySelectorAll('td.num')) {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const style = getComputedStyle(cell);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
    const box = range.getBoundingClientRect();
    if (box.height > line * 1.4) { wrapped.push(cell.textContent.trim()); }
  }
  const overlaps = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, n) => {
    const boxes = Array.from(plot.querySelectorAll('g.annotation'))
      .map(g => [g.textContent, g.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i][1], b = boxes[j][1];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5
            && b.top < a.bottom - 0.5) {
          overlaps.push(`chart ${n + 1}: ${boxes[i][0]} / ${boxes[j][0]}`);
        }
      }
    }
  });
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.parentElement && el.parentElement.closest('.table-wrap')) { continue; }
    if (el.closest('#js-plotly-tester')) { continue; }  // plotly's off-screen text ruler
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className && el.className.baseVal === undefined
        ? el.className : ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return {wrapped: wrapped, overlaps: overlaps, wide: wide.slice(0, 20),
          height: document.documentElement.scrollHeight};
}
"""

_PLOTLY_HEADER = re.compile(r"plotly\.js (\([^)]*\) )?v\d")


def check_report(
    page: Path | str,
    *,
    screenshot: Path | str | None = None,
    width: int = 1280,
    height: int = 900,
    settle_ms: int = 500,
    max_bytes: int = MAX_REPORT_BYTES,
    open_details: bool = False,
) -> BrowserCheck:
    """Load ``page`` offline in headless Chromium and count rendered charts and errors;
    with ``open_details`` every folded section is opened first, as a reader would."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ReportError(
            "checking a report in a browser needs playwright (pip install '.[dev]')"
        ) from None
    chromium = find_chromium()
    if chromium is None:
        raise ReportError("no chromium found; install Debian's package: apt-get install chromium")
    page_path = Path(page).resolve()
    if not page_path.is_file():
        raise ReportError(f"{page_path}: report not found")
    blocked: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    profile = tempfile.mkdtemp(prefix="crisis-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile,
                executable_path=chromium,
                headless=True,
                args=list(LAUNCH_ARGS),
                viewport={"width": width, "height": height},
            )
            try:
                context.route("**/*", offline_guard(blocked))
                tab = context.new_page()
                tab.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
                tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                tab.on(
                    "console",
                    lambda msg: (
                        errors.append(f"console.{msg.type}: {msg.text}")
                        if msg.type == "error"
                        else None
                    ),
                )
                tab.goto(page_path.as_uri(), wait_until="load")
                tab.wait_for_timeout(settle_ms)
                if open_details:
                    tab.evaluate("() => document.querySelectorAll('details')"
                                 ".forEach(d => { d.open = true; })")  # fmt: skip
                    tab.wait_for_timeout(settle_ms)
                expected = tab.evaluate(
                    "() => Number((document.querySelector('meta[name=crisis-chart-count]')"
                    " || {content: '-1'}).content)"
                )
                rendered = tab.evaluate(
                    "() => Array.from(document.querySelectorAll('.js-plotly-plot'))"
                    ".filter(el => el.querySelector('.main-svg')).length"
                )
                scripts = tab.evaluate(
                    "() => Array.from(document.scripts).map(s => s.text.slice(0, 200))"
                )
                links = tab.evaluate(
                    "() => Array.from(document.querySelectorAll('.js-plotly-plot a'))"
                    ".map(a => a.getAttribute('href') || a.getAttribute('xlink:href')"
                    " || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))"
                    ".filter(h => h)"
                )
                title = tab.title()
                page_width = tab.evaluate("() => document.documentElement.scrollWidth")
                text = tab.inner_text("body")
                words = tab.evaluate(_WORDS_TEXT)
                layout = tab.evaluate(_LAYOUT_AUDIT)
                shot = None
                if screenshot is not None:
                    shot = Path(screenshot)
                    shot.parent.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=str(shot), full_page=True)
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return BrowserCheck(
        expected_charts=int(expected),
        rendered_charts=int(rendered),
        plotly_scripts=sum(1 for s in scripts if _PLOTLY_HEADER.search(s)),
        blocked_requests=blocked,
        js_errors=errors,
        title=title,
        screenshot=shot,
        dialogs=dialogs,
        text=text,
        words_text=str(words),
        page_width=int(page_width),
        page_height=int(layout["height"]),
        wrapped_numbers=list(layout["wrapped"]),
        overlapping_labels=list(layout["overlaps"]),
        too_wide=list(layout["wide"]),
        size_bytes=page_path.stat().st_size,
        max_bytes=max_bytes,
        chart_links=list(links),
    )
