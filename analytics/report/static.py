"""Static PNG/PDF copies of a report's charts (optional extra ``static``: kaleido 1.x).

kaleido 1.x drives a headless Chrome/Chromium (the system ``chromium`` package here) and
renders each figure with the plotly.js shipped in the plotly package. Left to its defaults
it would load MathJax from a CDN, so MathJax is switched off: nothing leaves the machine.
The figures come from the executed notebook: our renderer stores each chart's JSON beside
its HTML (mimetype :data:`analytics.report.charts.CHART_JSON_MIME`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analytics.errors import ReportError
from analytics.report.charts import CHART_JSON_MIME

if TYPE_CHECKING:
    import nbformat

FORMATS = ("png", "pdf", "svg")


def parse_formats(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"png,pdf"`` -> ("png", "pdf"); unknown formats are an error naming the option."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    formats = tuple(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ReportError(f"--static {value!r}: {unknown} not supported; use {', '.join(FORMATS)}")
    return formats


def figures(nb: nbformat.NotebookNode) -> list[dict]:
    """The figures (plotly JSON) of an executed notebook, in order."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get(CHART_JSON_MIME)
            if figure:
                found.append(dict(figure))
    return found


def export_static(
    nb: nbformat.NotebookNode, folder: Path, formats: Sequence[str], *, width: int = 1100,
    height: int = 500,
) -> list[Path]:  # fmt: skip
    """Write ``chart-01.png`` ... into ``folder`` for every figure and format."""
    try:
        import kaleido
    except ImportError:
        raise ReportError(
            "static export needs kaleido: pip install '.[static]' (it uses the system chromium)"
        ) from None
    from analytics.report.browser import find_chromium

    if find_chromium() is None:
        raise ReportError("static export needs chromium: apt-get install chromium")
    folder.mkdir(parents=True, exist_ok=True)
    jobs, paths = [], []
    for number, figure in enumerate(figures(nb), start=1):
        for fmt in formats:
            path = folder / f"chart-{number:02d}.{fmt}"
            jobs.append({"fig": figure, "path": str(path),
                         "opts": {"format": fmt, "width": width, "height": height}})  # fmt: skip
            paths.append(path)
    if not jobs:
        return []
    try:
        kaleido.write_fig_from_object_sync(jobs, kopts={"mathjax": False})
    except Exception as error:  # kaleido raises its own types for a missing/crashed browser
        raise ReportError(f"static export failed: {type(error).__name__}: {error}") from None
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise ReportError(f"static export wrote {len(paths) - len(missing)} of {len(paths)} files "
                          f"(first missing: {missing[0].name})")  # fmt: skip
    return paths
