"""The report's header (what, when, from which data, scored how), the method appendix and
the provenance footer, so every number in a report can be traced and reproduced."""

from __future__ import annotations

import html
import platform
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import metadata

import polars as pl

from analytics.measure.crisis.params import RULE_MANUAL
from analytics.report import lang as L
from analytics.report.blocks import table
from analytics.report.html import TOC_PLACEHOLDER
from analytics.report.words import t
from analytics.report.words import value as word

PACKAGES = ("crisis-analytics", "polars", "pandas", "plotly", "vaderSentiment", "papermill",
            "nbconvert", "nbclient", "ipykernel", "scipy", "scikit-learn")  # fmt: skip

METHOD_NAMES = {
    "vader-social": "scorer.vader-social",
    "id-rules": "scorer.id-rules",
    "mixed": "scorer.mixed",
}  # method -> the code of its name in the word tables


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
        name = t(METHOD_NAMES[method]) if method in METHOD_NAMES else str(method)
        parts.append(f"{name}: {L.number(count)}")
    return "; ".join(parts) if parts else t("none")


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
    files = ", ".join(names) if len(names) <= 3 else t("header.files", n=len(names))
    files = files or t("none")
    tools = ", ".join(sorted({f for f in sources.get_column("format").to_list() if f})) or "?"
    generated = L.moment(datetime.now(UTC), tz)
    rows = [
        (t("header.brand"), html.escape(brand)),
        (t("header.period"), html.escape(f"{period} ({tz})")),
        (t("header.sources"), f'<span translate="no">{html.escape(tools)}</span> — '
         + (f'<span translate="no">{html.escape(files)}</span>' if len(names) <= 3
            else html.escape(files))),
        (t("header.scorer"), html.escape(describe_scorers(scorers))),
        (t("header.generated"), html.escape(generated)),
    ]  # fmt: skip
    meta = "".join(f"<dt>{html.escape(k)}:</dt><dd>{v}</dd>" for k, v in rows)
    sub = f"<p>{html.escape(subtitle)}</p>" if subtitle else ""
    return (
        f'<header class="report-header"><h1>{html.escape(title)}</h1>{sub}'
        f'<dl class="meta">{meta}</dl></header>{TOC_PLACEHOLDER}'
    )


def _method_description(method: Mapping[str, object]) -> str:
    """The detector's description in the report's language, from the word table's template
    and the parameters ``method`` carries (measure's own English text when one is missing)."""
    try:
        text = t("method.description", **method)
    except (KeyError, ValueError, TypeError):
        return str(method.get("description", ""))
    if method.get("rule") == RULE_MANUAL:
        text = t("method.manual") + " " + text
    return text


def method_list(method: Mapping[str, object]) -> str:
    """The crisis detector's rule and parameters, one line each in words (its description
    in the report's language)."""
    shown = dict(method)
    if "description" in shown:
        shown["description"] = _method_description(method)
    return parameter_list(shown, css="method")


def _shown(value: object) -> tuple[str, bool]:
    """A parameter's value as a reader writes it: lists with commas, a mapping as
    'key: a, b; key2: c', yes/no, numbers with the language's separators, '–' for nothing
    given; and whether it is our words (False: data, such as a brand, a path, a claim)."""
    from analytics.report.messages import parameter_text

    if value is None or value == "" or value == [] or value == {}:
        return "–", True
    if isinstance(value, bool):
        return parameter_text("yes" if value else "no"), True
    if isinstance(value, int | float):
        return L.number(value, 6), True
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_shown(v)[0]}" for k, v in value.items()), False
    if isinstance(value, list | tuple | set):
        return ", ".join(_shown(v)[0] for v in value), False
    words = word(value)
    return words, words != str(value)


def parameter_list(parameters: Mapping[str, object], css: str = "parameters") -> str:
    """The parameters a report ran with, one line each: name in words, then the value
    ("Official accounts: NusaPay, NusaPayCare"), every value escaped; a value that is
    data (a brand, a path, a claim) is marked not to be translated."""
    from analytics.report.messages import parameter_text

    lines = []
    for key, value in parameters.items():
        text, ours = _shown(value)
        ours = ours or key == "description"
        shown = html.escape(text) if ours else f'<span translate="no">{html.escape(text)}</span>'
        lines.append(f"<li><strong>{html.escape(parameter_text(key))}</strong>: {shown}</li>")
    return f'<ul class="{css}">{"".join(lines)}</ul>'


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
    run = t("prov.run", started=started_at.strftime("%Y-%m-%d %H:%M:%S UTC"), seconds=elapsed)
    files = table(
        sources.select("brand", "file", "format", "sha256", "stored", "rejected", "ingested_at"),
        {"brand": t("col.brand"), "file": t("col.file"), "format": t("col.format"),
         "sha256": "SHA-256", "stored": t("col.rows_stored"),
         "rejected": t("col.rows_rejected"), "ingested_at": t("col.ingested")},
        max_rows=200, max_chars=80,
    )  # fmt: skip
    return (
        f'<section class="provenance"><h3>{html.escape(t("prov.title"))}</h3>'
        f"<p>{html.escape(t('prov.files'))}</p>{files}"
        f"<p>{html.escape(t('prov.parameters'))}</p>{parameter_list(params)}"
        f'<p>{html.escape(t("prov.packages"))} <span translate="no">'
        f"{html.escape(', '.join(f'{k} {v}' for k, v in versions.items()))}</span></p>"
        f"<p>{html.escape(run)}</p></section>"
    )
