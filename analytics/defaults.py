"""The workbench's defaults, written once.

Every command option, function keyword and notebook parameter that has a default time zone,
store folder or reports folder takes it from here, so changing a default is one edit.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_OUT", "DEFAULT_STORE", "DEFAULT_TZ", "STORE_ENV"]

# the audience of the first deployments is Indonesian; exports without an offset are local time
DEFAULT_TZ = "Asia/Jakarta"
# relative to the working folder for the CLI; the notebook API also looks above it
DEFAULT_STORE = Path("data/store")
DEFAULT_OUT = Path("reports")
# names a store for the notebook API from any working folder
STORE_ENV = "CRISIS_ANALYTICS_STORE"
