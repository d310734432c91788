"""Run one report: papermill executes the notebook, nbconvert exports offline HTML.

This module is the only place that touches papermill and nbconvert. A run writes
``<out>/<brand>/<kind>/<period>/`` with ``report.ipynb`` (executed), ``report.html`` and
``meta.json``, then refreshes ``<out>/index.html``.

Guarantees, because the weekly report runs unattended from cron:

* **Atomic**: the new report is built in a temporary directory beside the old one and
  swapped in whole; readers see the old report or the new one, never a mix.
* **Failure leaves evidence, not damage**: if a cell raises, the error names the cell and
  the exception, the executed notebook is kept as ``report.failed.ipynb`` for debugging,
  no ``report.html`` is written and the previous report (if any) stays as it was.
* **Locked**: a file lock per report, so two runs for the same brand/kind/period wait for
  each other instead of interleaving.
* **Typed parameters**: papermill gets real Python values (lists stay lists); the CLI parses
  YAML, never ``-p`` strings.
* **Named kernel, explicit working directory and a generous cell timeout**, so runs behave
  the same under cron as in a terminal.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat

from analytics.atomic import (
    atomic_directory,
    sweep_leftovers,
    write_bytes_atomic,
    write_text_atomic,
)
from analytics.errors import ReportError
from analytics.progress import interactive
from analytics.report.lang import DEFAULT_LANG, parse_lang

log = logging.getLogger("analytics.report")

KERNEL_NAME = "crisis-analytics"
DEFAULT_CELL_TIMEOUT = 1800  # seconds per cell; a 1M-mention store needs far less
DEFAULT_LOCK_TIMEOUT = 600  # seconds to wait for another run of the same report


@dataclass
class ReportRequest:
    """What to run: a notebook, its parameters and where the report belongs."""

    notebook: Path
    brand: str
    kind: str  # "weekly", "review", ... (a folder name)
    period: str  # "2026-W47" or "2026-10-01_2026-10-31" (a folder name)
    title: str
    parameters: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportResult:
    """Where the report went and how long each stage took (seconds)."""

    html_path: Path
    notebook_path: Path
    size_bytes: int
    chart_count: int
    timings: dict[str, float]
    pdf_path: Path | None = None  # the whole report printed to A4, with pdf=True


FOLDER_NAME_MAX = 60  # characters of a slug; a file name may have 255 bytes at most


def safe_name(value: str, what: str) -> str:
    """A folder name from a kind/period: letters, digits, '.', '_' and '-' only, length-limited."""
    slug = re.sub(r"[^\w.-]+", "-", value.strip()).strip("-.")[:FOLDER_NAME_MAX].strip("-.")
    if not slug:
        raise ReportError(f"{what} {value!r} gives an empty folder name; use letters or digits")
    return slug


def brand_folder(brand: str) -> str:
    """The brand's folder: its slug, plus a short hash of the name when the slug changed it.

    "Kopi Senja", "Kopi-Senja" and "Kopi/Senja" must not share a folder (each report would
    replace the other's): a name that is its own slug is used as it is, any other gets
    ``-<8 hex of its SHA-256>``, stable across runs and machines. A very long name is cut.
    """
    slug = safe_name(brand, "brand")
    if slug == brand.strip():
        return slug
    digest = hashlib.sha256(brand.strip().encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"


def report_dir(out: Path, brand: str, kind: str, period: str) -> Path:
    """``<out>/<brand>/<kind>/<period>``, each part a safe folder name (brands unique)."""
    return Path(out) / brand_folder(brand) / safe_name(kind, "kind") / safe_name(period, "period")


def _kernel_manager_class():
    """A kernel manager that talks to the kernel over local IPC sockets, not TCP.

    Local sockets are private to the user (no open ports on a shared server) and the kernel
    then has no reason to print its "running over TCP without encryption" warning, which
    would break the rule that cron runs are quiet.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum

    class IpcKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    return IpcKernelManager


def pick_kernel(preferred: str = KERNEL_NAME) -> str:
    """The named project kernel if registered, else ``python3`` (with a warning)."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if preferred in specs:
        return preferred
    if "python3" in specs:
        log.warning(
            "kernel %r is not registered (scripts/install.sh registers it); using python3",
            preferred,
        )
        return "python3"
    raise ReportError(
        f"no Jupyter kernel named {preferred!r} or 'python3' is installed; run "
        "scripts/install.sh (it registers the crisis-analytics kernel)"
    )


def _execution_timings(nb: nbformat.NotebookNode, started: float, finished: float) -> dict:
    """Split papermill's run into kernel start-up and cell execution using its metadata."""
    cells = 0.0
    for cell in nb.cells:
        duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
        if isinstance(duration, int | float):
            cells += duration
    total = finished - started
    return {"execute_total": total, "cells": cells, "kernel_and_overhead": max(total - cells, 0)}


def _make_readable(folder: Path) -> None:
    """Temporary files are created private (0600); a report is meant to be shared/served."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _failure_message(error: Exception, nb_path: Path, notebook: Path) -> str:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        first_line = str(error.source).strip().splitlines()[0] if error.source else ""
        return (
            f"{notebook.name}: cell {error.cell_index} of the executed notebook "
            f"(execution count {error.exec_count}, "
            f"starting {first_line!r}) raised {error.ename}: {error.evalue}. "
            f"The executed notebook is kept at {nb_path}"
        )
    return (
        f"{notebook.name}: run failed: {type(error).__name__}: {error}. "
        f"Partial notebook (if any): {nb_path}"
    )


def run_report(
    request: ReportRequest,
    *,
    out: Path | str = "reports",
    cwd: Path | str | None = None,
    kernel: str | None = None,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    progress: bool | None = None,
    static_formats: Sequence[str] = (),
    pdf: bool = False,
) -> ReportResult:
    """Execute ``request.notebook`` and write its report; raise ``ReportError`` on failure.

    ``static_formats`` (png, pdf, svg) also writes each chart to ``charts/`` in the report
    folder (needs the optional kaleido and the system chromium); ``pdf`` prints the whole
    finished page to ``report.pdf`` beside ``report.html`` (A4, needs playwright and the
    system chromium).
    """
    import papermill
    from filelock import FileLock, Timeout

    from analytics.report.html import export_html
    from analytics.report.index import write_index

    out = Path(out).resolve()
    notebook = Path(request.notebook).resolve()
    if not notebook.is_file():
        raise ReportError(f"{notebook}: notebook not found")
    target = report_dir(out, request.brand, request.kind, request.period)
    target.parent.mkdir(parents=True, exist_ok=True)
    kernel_name = kernel or pick_kernel()
    show = interactive() if progress is None else progress
    parameters = {**request.parameters, "render": "report"}

    lock = FileLock(str(target.parent / f".{target.name}.lock"))
    try:
        lock.acquire(timeout=lock_timeout)
    except Timeout:
        raise ReportError(
            f"{target}: another run has been writing this report for over {lock_timeout:.0f}"
            " s (lock held); try again later"
        ) from None
    try:
        swept = sweep_leftovers(target)  # a run killed earlier left its temporary folder
        if swept:
            log.info("removed %d leftover(s) of killed runs beside %s", len(swept), target)
        t0 = time.perf_counter()
        with atomic_directory(target) as work:
            executed = work / "report.ipynb"
            log.info("executing %s with kernel %s into %s", notebook.name, kernel_name, target)
            started = time.perf_counter()
            try:
                papermill.execute_notebook(
                    str(notebook),
                    str(executed),
                    parameters=parameters,
                    kernel_name=kernel_name,
                    cwd=str(Path(cwd or Path.cwd()).resolve()),
                    progress_bar=show,
                    log_output=False,
                    execution_timeout=cell_timeout,
                    start_timeout=120,
                    kernel_manager_class=_kernel_manager_class(),
                )
            except Exception as error:
                kept = target / "report.failed.ipynb"
                if executed.exists():
                    write_bytes_atomic(kept, executed.read_bytes())
                raise ReportError(_failure_message(error, kept, notebook)) from None
            finished = time.perf_counter()
            nb = nbformat.read(executed, as_version=4)
            timings = _execution_timings(nb, started, finished)
            export_started = time.perf_counter()
            page = export_html(
                nb,
                kind=request.kind,
                title=request.title,
                lang=parse_lang(parameters.get("lang", DEFAULT_LANG)),
            )
            write_text_atomic(work / "report.html", page)
            timings["html_export"] = time.perf_counter() - export_started
            if static_formats:
                from analytics.report.static import export_static

                static_started = time.perf_counter()
                export_static(nb, work / "charts", static_formats)
                timings["static_export"] = time.perf_counter() - static_started
            if pdf:
                from analytics.report.pdf import print_pdf

                pdf_started = time.perf_counter()
                print_pdf(work / "report.html", work / "report.pdf")
                timings["pdf"] = time.perf_counter() - pdf_started
            size = (work / "report.html").stat().st_size
            from analytics.report.html import count_charts

            meta = {
                "brand": request.brand,
                "kind": request.kind,
                "period": request.period,
                "title": request.title,
                "lang": str(parameters.get("lang", DEFAULT_LANG)),
                "notebook": notebook.name,
                "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "size_bytes": size,
                "chart_count": count_charts(nb),
                "parameters": request.parameters,
            }
            write_text_atomic(work / "meta.json", json.dumps(meta, indent=2, default=str))
            _make_readable(work)
        timings["total"] = time.perf_counter() - t0
    finally:
        lock.release()
    shutil.rmtree(target / ".ipynb_checkpoints", ignore_errors=True)
    write_index(out, parse_lang(parameters.get("lang", DEFAULT_LANG)))
    log.info("wrote %s (%d bytes)", target / "report.html", size)
    return ReportResult(
        html_path=target / "report.html",
        notebook_path=target / "report.ipynb",
        size_bytes=size,
        chart_count=meta["chart_count"],
        timings=timings,
        pdf_path=target / "report.pdf" if pdf else None,
    )
