"""JupyterLab on the report templates: the right kernel, and templates that stay clean.

``crisis-analytics lab`` starts JupyterLab in ``notebooks/`` with the project's kernel as the
default. Running a template there (Run All) saves its outputs on the next save; a save hook
writes the bundled templates back without outputs, so the browser shows the results while
the tracked files never change. Analysts' own notebooks keep their outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from analytics.report.runner import KERNEL_NAME

__all__ = ["TEMPLATES", "lab_arguments", "strip_template_outputs"]

TEMPLATES = ("crisis_review.ipynb", "explore.ipynb", "weekly_reputation.ipynb")
HOOK = "analytics.report.lab.strip_template_outputs"


def strip_template_outputs(model: dict[str, Any], path: str, **_: Any) -> None:
    """Jupyter ``pre_save_hook``: a bundled template is saved without outputs.

    ``model`` is the contents model being saved (changed in place); ``path`` is relative to
    the server's root. Only the three templates are touched, by file name.
    """
    if model.get("type") != "notebook" or Path(path).name not in TEMPLATES:
        return
    content = model.get("content") or {}
    for cell in content.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        # JupyterLab records execution times per cell: keep the template's metadata as it was
        cell.get("metadata", {}).pop("execution", None)


def lab_arguments(root: Path, *, port: int | None = None, token: str | None = None) -> list[str]:
    """The ``python -m jupyter lab`` command line serving ``root`` with the hook and kernel."""
    args = [
        sys.executable, "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={root}",
        f"--ContentsManager.pre_save_hook={HOOK}",
        f"--MappingKernelManager.default_kernel_name={KERNEL_NAME}",
    ]  # fmt: skip
    if port is not None:
        args.append(f"--ServerApp.port={port}")
    if token is not None:
        args.append(f"--IdentityProvider.token={token}")
    return args
