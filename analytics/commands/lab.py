"""``crisis-analytics lab``: JupyterLab on the notebooks, with the project's kernel."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from analytics.errors import ReportError


def lab(
    folder: Path = typer.Option(
        None, "--folder", help="Folder to open (default: the project's notebooks/)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
) -> None:  # fmt: skip
    """Open JupyterLab on the notebooks (start with explore.ipynb); templates stay clean."""
    from analytics.report.jobs import NOTEBOOKS
    from analytics.report.lab import lab_arguments

    root = (folder or NOTEBOOKS).resolve()
    if not root.is_dir():
        raise ReportError(f"{root}: no such folder; run from a checkout of the project")
    args = lab_arguments(root)
    if no_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--ServerApp.allow_root=True")  # containers often run as root
    os.execv(args[0], args)  # JupyterLab takes over this process (Ctrl+C stops it)


def register(app: typer.Typer) -> None:
    """Add ``lab`` to the root app."""
    app.command("lab")(lab)
