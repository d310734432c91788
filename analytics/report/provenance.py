"""The report's header (what, when, from which data, scored how), the method appendix and
the provenance footer, so every number in a report can be traced and reproduced."""

from __future__ import annotations

import html
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
    """The crisis detector's rule and parameters, one line each in words."""
    return parameter_list(method, css="method")


def _shown(value: object) -> str:
    """A parameter's value as a reader writes it: lists with commas, a mapping as
    'key: a, b; key2: c', yes/no, '–' for nothing given."""
    from analytics.report.messages import parameter_text

    if value is None or value == "" or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return parameter_text("yes" if value else "no")
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def parameter_list(parameters: Mapping[str, object], css: str = "parameters") -> str:
    """The parameters a report ran with, one line each: name in words, then the value
    ("Official accounts: NusaPay, NusaPayCare"), every value escaped."""
    from analytics.report.messages import parameter_text

    items = "".join(
        f"<li><strong>{html.escape(parameter_text(key))}</strong>: "
        f"{html.escape(_shown(value))}</li>"
        for key, value in parameters.items()
    )
    return f'<ul class="{css}">{items}</ul>'


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
        f"<p>Parameters:</p>{parameter_list(params)}"
        "<p>Package versions: "
        f"{html.escape(', '.join(f'{k} {v}' for k, v in versions.items()))}</p>"
        f"<p>Run started {html.escape(started_at.strftime('%Y-%m-%d %H:%M:%S UTC'))}, "
        f"notebook cells took {elapsed:.1f} s.</p></section>"
    )
