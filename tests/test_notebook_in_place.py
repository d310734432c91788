"""A template run where it sits: papermill from the project's ``notebooks/`` folder with only
``brand`` set finds ``data/store`` above it and leaves the template untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_explore_runs_from_notebooks_with_only_brand_set(tmp_path: Path) -> None:
    from analytics.report.synthetic import small_store

    project = tmp_path / "project"
    planted = small_store(project / "data" / "store", plant_script=False)
    (project / "notebooks").mkdir()
    template = project / "notebooks" / "explore.ipynb"
    shutil.copy(ROOT / "notebooks" / "explore.ipynb", template)
    before = template.read_bytes()
    out = tmp_path / "elsewhere" / "explore.ipynb"  # the run's copy goes outside the tree
    out.parent.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "papermill", "explore.ipynb", str(out), "-p", "brand",
         planted["brand"], "-k", "crisis-analytics", "--no-progress-bar"],
        cwd=project / "notebooks", capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert template.read_bytes() == before  # the template is not rewritten
    executed = nbformat.read(out, as_version=4)
    printed = "".join(
        o.get("text", "") for c in executed.cells for o in c.get("outputs", [])
        if o.get("output_type") == "stream"
    )  # fmt: skip
    assert f"{planted['brand']}: " in printed and "customer mentions match" in printed
    assert str((project / "data" / "store").resolve()) in printed  # found above notebooks/
