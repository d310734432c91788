"""mypy on analytics/ (configured in pyproject.toml) is part of the test suite, so `.ci/run`
runs it through the README's one test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_passes_on_the_package() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy"],  # files and options come from pyproject.toml
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout


@pytest.mark.slow
def test_mypy_would_catch_a_type_error(tmp_path: Path) -> None:
    # the configuration is not so loose that nothing can fail
    bad = tmp_path / "bad.py"
    bad.write_text("from analytics.defaults import DEFAULT_TZ\n\nzone: int = DEFAULT_TZ\n")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), str(bad)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Incompatible types in assignment" in done.stdout
