"""``crisis-analytics report weekly|review|check`` and ``crisis-analytics demo``.

Each report command parses its options and hands them to the report job in
:mod:`analytics.report.jobs`.
Quiet when not on a terminal (cron); ``--log-file`` writes a log; ``--json`` prints one
JSON object describing the written report.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import typer

from analytics.defaults import DEFAULT_OUT, DEFAULT_STORE, DEFAULT_TZ
from analytics.errors import InputDataError, ReportError
from analytics.report.jobs import run_review, run_weekly

report_app = typer.Typer(
    help="Write offline HTML reports (papermill executes a notebook, nbconvert exports it).",
    no_args_is_help=True,
)


def setup_logging(log_file: Path | None) -> None:
    """Log the runner's steps to ``log_file`` (append); nothing is logged to the terminal."""
    if log_file is None:
        return
    try:
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError as error:
        raise InputDataError(
            f"--log-file {log_file}: cannot be opened for appending ({error.strerror}); "
            "give a file in an existing, writable folder"
        ) from None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("analytics", "papermill"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)


def parse_yaml_option(value: str | None, what: str) -> Any:
    """A YAML value given inline or as a path to a YAML file (``--claims``, ``--params``)."""
    import yaml

    if value is None or value == "":
        return None
    path = Path(value)
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else value
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InputDataError(f"{what} {value!r}: not valid YAML ({error})") from None


def parse_claims(value: str | None) -> dict[str, list[str]]:
    """Hoax claims: a mapping claim -> list of keywords (YAML inline or a YAML file)."""
    claims = parse_yaml_option(value, "--claims")
    if claims is None:
        return {}
    if not isinstance(claims, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
        for k, v in claims.items()
    ):
        raise InputDataError(
            f"--claims {value!r}: expected a mapping of claim name to a list of keywords, "
            'e.g. {"bankrupt": ["bangkrut", "pailit"]}'
        )
    return claims


def _finish(result: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps({
            "html": str(result.html_path), "notebook": str(result.notebook_path),
            "size_bytes": result.size_bytes, "charts": result.chart_count,
            "pdf": str(result.pdf_path) if result.pdf_path else None,
            "timings_s": {k: round(v, 2) for k, v in result.timings.items()},
        }))  # fmt: skip
    elif sys.stdout.isatty():
        print(f"wrote {result.html_path} ({result.size_bytes / 1e6:.1f} MB, "
              f"{result.chart_count} charts)")  # fmt: skip


_STORE = typer.Option(DEFAULT_STORE, "--store", help="Store directory.")
_OUT = typer.Option(DEFAULT_OUT, "--out", help="Reports folder (index.html is refreshed).")
_TZ = typer.Option(DEFAULT_TZ, "--tz", help="Time zone of the report's days and hours.")
_HANDLE = typer.Option([], "--handle", help="Official account of the brand (repeatable).")
_PARAMS = typer.Option(None, "--params", help="Extra notebook parameters: YAML mapping or file.")
_TIMEOUT = typer.Option(1800, "--cell-timeout", min=1, help="Seconds a notebook cell may run.")
_LOG = typer.Option(None, "--log-file", help="Append a log of the run to this file.")
_JSON = typer.Option(False, "--json", help="Print one JSON object about the written report.")
_NOTEBOOK = typer.Option(None, "--notebook", help="Run this notebook instead of the bundled one.")
_STATIC = typer.Option(
    None, "--static", help="Also write each chart as png/pdf/svg (comma list; needs kaleido)."
)
_PDF = typer.Option(
    False, "--pdf", help="Also print the whole report to report.pdf (A4) beside report.html."
)


_LANG = typer.Option(
    "en", "--lang", help="Language of the report's words, numbers and dates: en or id."
)


def _extra(params: str | None) -> dict:
    value = parse_yaml_option(params, "--params")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputDataError(f"--params {params!r}: expected a YAML mapping name: value")
    return value


@report_app.command("weekly")
def weekly(
    brand: str = typer.Option(..., "--brand", help="Brand to report on."),
    week: str = typer.Option("last", "--week", help="ISO week like 2026-W47, or 'last'."),
    store: Path = _STORE, out: Path = _OUT, tz: str = _TZ, handle: list[str] = _HANDLE,
    events: Path | None = typer.Option(None, "--events", help="Events/responses CSV."),
    compare_weeks: int = typer.Option(
        4, "--compare-weeks", min=0, help="Previous weeks shown."),
    params: str | None = _PARAMS, cell_timeout: int = _TIMEOUT, log_file: Path | None = _LOG,
    as_json: bool = _JSON, notebook: Path | None = _NOTEBOOK, static: str | None = _STATIC,
    pdf: bool = _PDF, lang: str = _LANG,
) -> None:  # fmt: skip
    """Weekly reputation report: one ISO week against the previous weeks."""
    setup_logging(log_file)
    result = run_weekly(
        brand=brand, week=week, store=store, out=out, tz=tz, handles=handle, events=events,
        compare_weeks=compare_weeks, extra=_extra(params), notebook=notebook,
        cell_timeout=cell_timeout, static=static, pdf=pdf, lang=lang,
    )  # fmt: skip
    _finish(result, as_json)


@report_app.command("review")
def review(
    brand: str = typer.Option(..., "--brand", help="Brand to report on."),
    start: str = typer.Option(..., "--start", help="First day of the review (YYYY-MM-DD)."),
    end: str = typer.Option(..., "--end", help="Last day of the review (YYYY-MM-DD)."),
    store: Path = _STORE, out: Path = _OUT, tz: str = _TZ, handle: list[str] = _HANDLE,
    events: Path | None = typer.Option(None, "--events", help="Events/responses CSV."),
    notes: Path | None = typer.Option(None, "--notes", help="The team's notes (Markdown)."),
    claims: str | None = typer.Option(
        None, "--claims", help="Hoax claims: YAML file or inline {claim: [keywords]}."),
    labels: Path | None = typer.Option(
        None, "--labels", help="Analyst-labelled CSV (text,label) to measure accuracy."),
    survey: Path | None = typer.Option(
        None, "--survey", help="Audience feedback CSV with free-text answers."),
    episode: int | None = typer.Option(
        None, "--episode", min=1, help="Review detected episode N (1 = the oldest; "
        "'crisis window' lists them) instead of the headline one, the episode about the "
        "brand with the most excess mentions."),
    params: str | None = _PARAMS, cell_timeout: int = _TIMEOUT, log_file: Path | None = _LOG,
    as_json: bool = _JSON, notebook: Path | None = _NOTEBOOK, static: str | None = _STATIC,
    pdf: bool = _PDF, lang: str = _LANG,
) -> None:  # fmt: skip
    """Post-crisis review: what happened, how fast we reacted, what worked, lessons."""
    setup_logging(log_file)
    result = run_review(
        brand=brand, start=start, end=end, store=store, out=out, tz=tz, handles=handle,
        events=events, notes=notes, claims=parse_claims(claims), labels=labels, survey=survey,
        extra=_extra(params), notebook=notebook, cell_timeout=cell_timeout, static=static,
        pdf=pdf, episode=episode, lang=lang,
    )  # fmt: skip
    _finish(result, as_json)


@report_app.command("check")
def check(
    page: Path = typer.Argument(..., help="A report.html to open in headless Chromium."),
    screenshot: Path | None = typer.Option(None, "--screenshot", help="Save a PNG here."),
    max_mb: float = typer.Option(
        2.5, "--max-mb", min=0.01, help="Largest acceptable HTML size in MB (1 MB = 10^6 bytes)."),
    width: int = typer.Option(
        1280, "--width", min=200, help="Screen width in CSS px (390 for a phone)."),
    as_json: bool = typer.Option(
        False, "--json", help="Accepted like the other report commands: the check always "
        "prints one JSON object."),
) -> None:  # fmt: skip
    """Open a report offline in headless Chromium: every chart drawn, no JS errors, size,
    links inside charts, and the layout at --width (wrapped numbers, overlapping chart
    labels, elements past the screen, page height)."""
    from analytics.report.browser import check_report

    del as_json  # the output is JSON either way
    result = check_report(page, screenshot=screenshot, width=width,
                          max_bytes=int(max_mb * 1_000_000))  # fmt: skip
    print(json.dumps({
        "size_bytes": result.size_bytes, "size_mb": round(result.size_bytes / 1e6, 2),
        "size_ok": result.size_ok,
        "ok": result.ok, "charts_expected": result.expected_charts,
        "charts_rendered": result.rendered_charts, "plotly_js_copies": result.plotly_scripts,
        "blocked_requests": result.blocked_requests, "js_errors": result.js_errors,
        # every link found inside a chart (charts draw none of their own: each is a label
        # from the data made clickable, and makes the check fail)
        "chart_links_checked": result.rendered_charts, "chart_links": result.chart_links,
        "width": width, "page_width": result.page_width, "page_height": result.page_height,
        "wrapped_numbers": result.wrapped_numbers,
        "overlapping_labels": result.overlapping_labels, "too_wide": result.too_wide,
    }, indent=1))  # fmt: skip
    if not result.ok:
        raise ReportError(
            f"{page}: the report did not render cleanly offline, is too heavy or has links "
            "inside its charts (see above)"
        )


def demo(
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory to fill."),
    out: Path = _OUT,
    sample: Path = typer.Option(
        Path("data/sample"), "--sample", help="Folder of the bundled sample (sample.json)."),
    log_file: Path | None = _LOG, lang: str = _LANG,
) -> None:  # fmt: skip
    """Ingest the bundled sample crisis, score it, write both reports; print where they are."""
    from analytics.report.demo import run_demo

    setup_logging(log_file)
    results = run_demo(sample=sample, store=store, out=out, lang=lang)
    for result in results:
        print(
            f"{result.html_path}  ({result.size_bytes / 1e6:.1f} MB, {result.chart_count} charts)"
        )
    print(f"index of all reports: {Path(out).resolve() / 'index.html'}")


def register(app: typer.Typer) -> None:
    """Add ``report`` (weekly, review, check) and ``demo`` to the root app."""
    app.add_typer(report_app, name="report")
    app.command("demo")(demo)
