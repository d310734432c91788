"""``crisis-analytics report weekly|review|check`` and ``crisis-analytics demo``.

Each report command resolves its options into typed notebook parameters (paths made
absolute, lists kept lists) and hands them to :func:`analytics.report.runner.run_report`.
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

from analytics.errors import InputDataError, ReportError

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

report_app = typer.Typer(
    help="Write offline HTML reports (papermill executes a notebook, nbconvert exports it).",
    no_args_is_help=True,
)


def _static_formats(value: str | None) -> tuple[str, ...]:
    # imported here: it pulls in plotly, which `--help` and argument errors should not wait for
    from analytics.report.static import parse_formats

    return parse_formats(value)


def notebook_path(name: str) -> Path:
    """Path of a bundled notebook, or a clear error when the notebooks folder is missing."""
    path = NOTEBOOKS / name
    if not path.is_file():
        raise ReportError(
            f"{path}: bundled notebook missing; run from a checkout of the project "
            "(the notebooks/ folder sits next to analytics/) or pass --notebook"
        )
    return path


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


def _absolute(path: Path | None, what: str, must_exist: bool = True) -> str:
    if path is None:
        return ""
    if must_exist and not path.exists():
        raise InputDataError(f"{what} {path}: no such file or folder")
    return str(path.resolve())


def check_brand(store: Path, brand: str) -> None:
    """Fail before starting a kernel when the store is missing or lacks the brand."""
    from analytics.errors import StoreError
    from analytics.store import Store

    brands = Store(store).brands()
    if brand not in brands:
        known = ", ".join(brands) if brands else "none: run `crisis-analytics ingest` first"
        raise StoreError(f"{store}: no brand {brand!r} in the store (brands: {known})")


def check_has_mentions(
    store: Path, brand: str, start: Any, end: Any, what: str, tz: str = "Asia/Jakarta"
) -> None:
    """Fail before starting a kernel when the brand has no mention in ``[start, end)``,
    listing the weeks that have data (a report of an empty period would be all zeros)."""
    import polars as pl

    from analytics.errors import AnalysisError
    from analytics.report.inputs import scan_mentions

    inside = scan_mentions(store, brand, start=start, end=end).select(pl.len()).collect().item()
    if inside:
        return
    local = pl.col("published_at").dt.convert_time_zone(tz)
    weeks = (
        scan_mentions(store, brand)
        .group_by(local.dt.strftime("%G-W%V").alias("week"))
        .agg(pl.len().alias("n"))
        .sort("week")
        .collect()
    )
    if weeks.height:
        shown = [f"{w} ({n:,})" for w, n in weeks.tail(12).iter_rows()]
        more = f" (the last 12 of {weeks.height})" if weeks.height > 12 else ""
        held = f"weeks with mentions{more}: {', '.join(shown)}"
    else:
        held = "it holds none"
    raise AnalysisError(
        f"{store}: no mention of {brand!r} {what} ({start:%Y-%m-%d} to {end:%Y-%m-%d}); "
        f"{held}. Pick a period with data, or ingest the exports for that period first."
    )


def check_scored(store: Path, brand: str, start: Any, end: Any) -> None:
    """Fail before starting a kernel when mentions of the period have no sentiment yet:
    every sentiment figure of the report would read "unscored"."""
    import polars as pl

    from analytics.errors import AnalysisError
    from analytics.measure.audience import brand_post
    from analytics.report.inputs import scan_mentions

    unscored = (
        scan_mentions(store, brand, start=start, end=end)
        .filter(pl.col("sentiment_label").is_null() & ~brand_post())
        .select(pl.len())
        .collect()
        .item()
    )
    if unscored:
        raise AnalysisError(
            f"{unscored:,} mention(s) of {brand!r} in the report period have no sentiment "
            f"score yet: run `crisis-analytics sentiment store --store {store}` first, then "
            "the report again"
        )


def check_out(out: Path) -> None:
    """The reports folder must be a folder (or not exist yet): fail before any work."""
    if Path(out).exists() and not Path(out).is_dir():
        raise InputDataError(f"--out {out}: is a file; expected the reports folder")


def check_events(events: Path | None, tz: str) -> None:
    """Read the events file before a kernel starts, so a bad file fails fast and plainly."""
    if events is not None and Path(events).is_dir():
        raise InputDataError(f"--events {events}: is a folder; expected the events CSV file")
    if events is not None and Path(events).is_file():
        from analytics.measure.events import read_events

        read_events(events, tz=tz)


def check_survey_and_labels(survey: Path | None, labels: Path | None) -> None:
    """Read the survey and the labels the way the review does, before a kernel starts."""
    if survey is not None and Path(survey).is_file():
        from analytics.measure.survey import find_text_column, read_survey

        find_text_column(read_survey(survey), survey)
    if labels is not None and Path(labels).is_file():
        from analytics.sentiment.labelled import read_labelled

        read_labelled(labels)


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


def run_weekly(
    *, brand: str, week: str, store: Path, out: Path, tz: str = "Asia/Jakarta",
    handles: list[str] | None = None, events: Path | None = None, compare_weeks: int = 4,
    extra: dict | None = None, notebook: Path | None = None, cell_timeout: int = 1800,
    progress: bool | None = None, static: str | None = None, pdf: bool = False,
):  # fmt: skip
    """Resolve the ISO week and run the weekly reputation notebook."""
    from analytics.report.periods import iso_week
    from analytics.report.runner import ReportRequest, run_report

    period = iso_week(week, tz=tz)
    check_out(out)
    check_brand(store, brand)
    check_has_mentions(store, brand, period.start, period.end, f"in {period.name}", tz)
    check_scored(store, brand, period.start, period.end)
    check_events(events, tz)
    parameters = {
        "brand": brand, "week": period.name, "store": _absolute(store, "--store"), "tz": tz,
        "brand_handles": list(handles or []), "events": _absolute(events, "--events"),
        "compare_weeks": compare_weeks, **(extra or {}),
    }  # fmt: skip
    request = ReportRequest(
        notebook=notebook or notebook_path("weekly_reputation.ipynb"), brand=brand,
        kind="weekly", period=period.name, parameters=parameters,
        title=f"{brand}: weekly reputation report, {period.name}",
    )  # fmt: skip
    return run_report(request, out=out, cell_timeout=cell_timeout, progress=progress,
                      static_formats=_static_formats(static), pdf=pdf)  # fmt: skip


def run_review(
    *, brand: str, start: str, end: str, store: Path, out: Path, tz: str = "Asia/Jakarta",
    handles: list[str] | None = None, events: Path | None = None, notes: Path | None = None,
    claims: dict | None = None, labels: Path | None = None, survey: Path | None = None,
    extra: dict | None = None,
    notebook: Path | None = None, cell_timeout: int = 1800, progress: bool | None = None,
    static: str | None = None, pdf: bool = False,
):  # fmt: skip
    """Resolve the date range and run the post-crisis review notebook."""
    from analytics.report.periods import date_range
    from analytics.report.runner import ReportRequest, run_report

    period = date_range(start, end, tz=tz)
    check_out(out)
    check_brand(store, brand)
    check_has_mentions(store, brand, period.start, period.end, "in the review period", tz)
    check_scored(store, brand, period.start, period.end)
    check_events(events, tz)
    check_survey_and_labels(survey, labels)
    if notes is not None and Path(notes).exists():
        from analytics.report.blocks import markdown_file

        markdown_file(notes)  # a folder or a non-UTF-8 file fails here, not in the notebook
    parameters = {
        "brand": brand, "start": period.first_day.isoformat(),
        "end": period.last_day.isoformat(), "store": _absolute(store, "--store"), "tz": tz,
        "brand_handles": list(handles or []), "events": _absolute(events, "--events"),
        "notes": _absolute(notes, "--notes"), "claims": claims or {},
        "labels": _absolute(labels, "--labels"), "survey": _absolute(survey, "--survey"),
        **(extra or {}),
    }  # fmt: skip
    request = ReportRequest(
        notebook=notebook or notebook_path("crisis_review.ipynb"), brand=brand, kind="review",
        period=period.name, parameters=parameters,
        title=f"{brand}: post-crisis review, {period.first_day} to {period.last_day}",
    )  # fmt: skip
    return run_report(request, out=out, cell_timeout=cell_timeout, progress=progress,
                      static_formats=_static_formats(static), pdf=pdf)  # fmt: skip


_STORE = typer.Option(Path("data/store"), "--store", help="Store directory.")
_OUT = typer.Option(Path("reports"), "--out", help="Reports folder (index.html is refreshed).")
_TZ = typer.Option("Asia/Jakarta", "--tz", help="Time zone of the report's days and hours.")
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
    pdf: bool = _PDF,
) -> None:  # fmt: skip
    """Weekly reputation report: one ISO week against the previous weeks."""
    setup_logging(log_file)
    result = run_weekly(
        brand=brand, week=week, store=store, out=out, tz=tz, handles=handle, events=events,
        compare_weeks=compare_weeks, extra=_extra(params), notebook=notebook,
        cell_timeout=cell_timeout, static=static, pdf=pdf,
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
    params: str | None = _PARAMS, cell_timeout: int = _TIMEOUT, log_file: Path | None = _LOG,
    as_json: bool = _JSON, notebook: Path | None = _NOTEBOOK, static: str | None = _STATIC,
    pdf: bool = _PDF,
) -> None:  # fmt: skip
    """Post-crisis review: what happened, how fast we reacted, what worked, lessons."""
    setup_logging(log_file)
    result = run_review(
        brand=brand, start=start, end=end, store=store, out=out, tz=tz, handles=handle,
        events=events, notes=notes, claims=parse_claims(claims), labels=labels, survey=survey,
        extra=_extra(params), notebook=notebook, cell_timeout=cell_timeout, static=static,
        pdf=pdf,
    )  # fmt: skip
    _finish(result, as_json)


@report_app.command("check")
def check(
    page: Path = typer.Argument(..., help="A report.html to open in headless Chromium."),
    screenshot: Path | None = typer.Option(None, "--screenshot", help="Save a PNG here."),
    max_mb: float = typer.Option(
        2.5, "--max-mb", min=0.01, help="Largest acceptable HTML size in MB (1 MB = 10^6 bytes)."),
) -> None:  # fmt: skip
    """Open a report offline in headless Chromium: every chart drawn, no JS errors, size."""
    from analytics.report.browser import check_report

    result = check_report(page, screenshot=screenshot, max_bytes=int(max_mb * 1_000_000))
    print(json.dumps({
        "size_bytes": result.size_bytes, "size_mb": round(result.size_bytes / 1e6, 2),
        "size_ok": result.size_ok,
        "ok": result.ok, "charts_expected": result.expected_charts,
        "charts_rendered": result.rendered_charts, "plotly_js_copies": result.plotly_scripts,
        "blocked_requests": result.blocked_requests, "js_errors": result.js_errors,
    }, indent=1))  # fmt: skip
    if not result.ok:
        raise ReportError(
            f"{page}: the report did not render cleanly offline or is too heavy (see above)"
        )


def demo(
    store: Path = typer.Option(Path("data/store"), "--store", help="Store directory to fill."),
    out: Path = _OUT,
    sample: Path = typer.Option(
        Path("data/sample"), "--sample", help="Folder of the bundled sample (sample.json)."),
    log_file: Path | None = _LOG,
) -> None:  # fmt: skip
    """Ingest the bundled sample crisis, score it, write both reports; print where they are."""
    from analytics.report.demo import run_demo

    setup_logging(log_file)
    results = run_demo(sample=sample, store=store, out=out)
    for result in results:
        print(
            f"{result.html_path}  ({result.size_bytes / 1e6:.1f} MB, {result.chart_count} charts)"
        )
    print(f"index of all reports: {Path(out).resolve() / 'index.html'}")


def register(app: typer.Typer) -> None:
    """Add ``report`` (weekly, review, check) and ``demo`` to the root app."""
    app.add_typer(report_app, name="report")
    app.command("demo")(demo)
