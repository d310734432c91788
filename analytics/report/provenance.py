"""The report's header (what, when, from which data, scored how), the method appendix and
the provenance footer, so every number in a report can be traced and reproduced."""

from __future__ import annotations

import html
import json
import platform
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import metadata

import polars as pl

from analytics.report.blocks import table
from analytics.report.html import TOC_PLACEHOLDER

PACKAGES = ("crisis-analytics", "polars", "pandas", "plotly", "vaderSentiment", "papermill",
            "nbconvert", "nbclient", "ipykernel", "scipy", "scikit-learn")  # fmt: skip

METHOD_NAMES = {
    "vader-social": "VADER with social-media additions (English)",
    "id-rules": "Indonesian lexicon rules (InSet-based)",
    "mixed": "code-mixed Indonesian/English combination",
}


def package_versions() -> dict[str, str]:
    """Installed versions of the packages a report's numbers depend on."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def describe_scorers(scorers: pl.DataFrame) -> str:
    """'id-rules (1,234), vader-social (567)' with readable names."""
    parts = []
    for method, count in scorers.iter_rows():
        name = METHOD_NAMES.get(method, method)
        parts.append(f"{name}: {count:,}")
    return "; ".join(parts) if parts else "none"


def header(
    *,
    title: str,
    brand: str,
    period: str,
    tz: str,
    sources: pl.DataFrame,
    scorers: pl.DataFrame,
    subtitle: str = "",
) -> str:
    """Title block: brand, period, time zone, data sources and scorers; then the TOC slot."""
    sources = sources.filter(pl.col("brand") == brand) if "brand" in sources.columns else sources
    names = sorted(set(sources.get_column("file").to_list()))
    # a long list of exports belongs in the provenance footer, not in the title block
    files = ", ".join(names) if len(names) <= 3 else f"{len(names)} files (listed under Provenance)"
    files = files or "none"
    tools = ", ".join(sorted({f for f in sources.get_column("format").to_list() if f})) or "?"
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = [
        ("Brand", brand),
        ("Period", f"{period} ({tz})"),
        ("Data sources", f"{tools} — {files}"),
        ("Sentiment scorer", describe_scorers(scorers)),
        ("Generated", generated),
    ]
    meta = "".join(f"<dt>{html.escape(k)}:</dt><dd>{html.escape(v)}</dd>" for k, v in rows)
    sub = f"<p>{html.escape(subtitle)}</p>" if subtitle else ""
    return (
        f'<header class="report-header"><h1>{html.escape(title)}</h1>{sub}'
        f'<dl class="meta">{meta}</dl></header>{TOC_PLACEHOLDER}'
    )


def method_list(method: Mapping[str, object]) -> str:
    """The crisis detector's rule and parameters as a definition list."""
    items = []
    for key, value in method.items():
        shown = json.dumps(value, default=str) if isinstance(value, dict | list) else value
        items.append(f"<li><strong>{html.escape(str(key))}</strong>: "
                     f"{html.escape(str(shown))}</li>")  # fmt: skip
    return f'<ul class="method">{"".join(items)}</ul>'


def footer(
    *,
    sources: pl.DataFrame,
    parameters: Mapping[str, object],
    started_at: datetime,
) -> str:
    """Provenance: input files with their hashes, parameters, package versions, run time."""
    versions = package_versions()
    params = {k: v for k, v in parameters.items() if k != "render"}
    elapsed = (datetime.now(UTC) - started_at).total_seconds()
    files = table(
        sources.select("brand", "file", "format", "sha256", "stored", "rejected", "ingested_at"),
        {"brand": "brand", "file": "file", "format": "format", "sha256": "SHA-256",
         "stored": "rows stored", "rejected": "rows rejected", "ingested_at": "ingested"},
        max_rows=200, max_chars=80,
    )  # fmt: skip
    return (
        '<section class="provenance"><h3>Provenance</h3>'
        "<p>Input files (every file in the store manifest: competitors' exports feed share "
        f"of voice):</p>{files}"
        "<p>Parameters:</p><pre>"
        f"{html.escape(json.dumps(params, indent=1, default=str, ensure_ascii=False))}</pre>"
        "<p>Package versions: "
        f"{html.escape(', '.join(f'{k} {v}' for k, v in versions.items()))}</p>"
        f"<p>Run started {html.escape(started_at.strftime('%Y-%m-%d %H:%M:%S UTC'))}, "
        f"notebook cells took {elapsed:.1f} s.</p></section>"
    )
