"""The whole report as one PDF: the finished HTML printed by Chromium (A4, print CSS).

Why print the HTML rather than build a second document: the PDF then says exactly what the
page says, in the same order and words. Each chart is first replaced by a static PNG of
itself (``Plotly.toImage``, drawn at print width) so nothing interactive is left and a chart
is one image that the print CSS keeps on one page (``break-inside: avoid``); every section
starts on a new page. The browser runs offline like ``report check``: any request that is
not the file itself is blocked. Needs playwright and Debian's ``chromium`` (the ``pdf``
extra); playwright never downloads a browser here.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from analytics.errors import ReportError

# A4 less the print CSS margins (12 mm each side) is ~718 CSS px: charts are drawn that wide
PRINT_WIDTH = 718
CHART_HEIGHT = 380

_FREEZE_CHARTS = """
async ([width, height]) => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });  // folded sections
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  for (const plot of plots) {
    const url = await Plotly.toImage(plot, {format: 'png', width: width, height: height,
                                            scale: 2});
    const image = document.createElement('img');
    image.src = url;
    image.className = 'chart-image';
    image.style.width = '100%';
    image.alt = (plot.layout && plot.layout.title && plot.layout.title.text) || 'chart';
    plot.replaceWith(image);
  }
  return plots.length;
}
"""


def print_pdf(page: Path | str, target: Path | str) -> int:
    """Print ``page`` (a report.html) to ``target`` as an A4 PDF; returns the charts frozen."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ReportError("--pdf needs playwright: pip install '.[pdf]' (and apt-get install "
                          "chromium)") from None  # fmt: skip
    from analytics.report.browser import LAUNCH_ARGS, find_chromium, offline_guard

    chromium = find_chromium()
    if chromium is None:
        raise ReportError("--pdf needs chromium: apt-get install chromium")
    page_path = Path(page).resolve()
    profile = tempfile.mkdtemp(prefix="crisis-pdf-")
    blocked: list[str] = []
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=chromium, headless=True, args=list(LAUNCH_ARGS),
                viewport={"width": PRINT_WIDTH, "height": 1000},
            )  # fmt: skip
            try:
                context.route("**/*", offline_guard(blocked))
                tab = context.new_page()
                tab.goto(page_path.as_uri(), wait_until="load")
                frozen = tab.evaluate(_FREEZE_CHARTS, [PRINT_WIDTH, CHART_HEIGHT])
                tab.emulate_media(media="print")
                tab.pdf(path=str(target), format="A4", print_background=True,
                        prefer_css_page_size=True)  # fmt: skip
            finally:
                context.close()
    except ReportError:
        raise
    except Exception as error:  # playwright's own errors: a crashed or missing browser
        raise ReportError(f"{page_path}: printing to PDF failed: {type(error).__name__}: "
                          f"{str(error).splitlines()[0]}") from None  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if blocked:
        raise ReportError(f"{page_path}: the page asked for {blocked[0]} while printing; "
                          "reports must work offline")  # fmt: skip
    return int(frozen)
