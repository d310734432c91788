import subprocess
import sys

import analytics


def test_module_entry_point_prints_version():
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == analytics.__version__


def test_unknown_command_fails_with_usage_on_stderr():
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "no-such-command"], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "No such command" in done.stderr
