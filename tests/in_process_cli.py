"""Run the ``crisis-analytics`` entry point inside the test process (shared by CLI tests).

Much faster than a new Python process per call; stdout and stderr are kept apart in plain
text buffers, not terminals, as under cron.
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from types import SimpleNamespace

from analytics.cli import app


def cli(*args: str) -> SimpleNamespace:
    """Run the CLI with ``args``; returns ``returncode``, ``stdout`` and ``stderr``."""
    out, err, argv = io.StringIO(), io.StringIO(), sys.argv
    sys.argv = ["crisis-analytics", *args]
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                app()
                code = 0
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    finally:
        sys.argv = argv
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())
