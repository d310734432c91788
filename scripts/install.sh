#!/usr/bin/env bash
# Install the workbench into ./.venv on a fresh machine (Python 3.11+ required).
#   scripts/install.sh         runtime only (enough for `crisis-analytics demo`)
#   scripts/install.sh --dev   also test tools and Debian's chromium for the browser tests
# Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

python_bin="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$python_bin" -m venv .venv
fi
quiet=-q
.venv/bin/python -m pip install $quiet --upgrade pip >/dev/null
if [ "$dev" = 1 ]; then
    .venv/bin/python -m pip install $quiet -e '.[dev]'
else
    .venv/bin/python -m pip install $quiet -e .
fi
# a named kernel inside the venv, so papermill (and cron) run notebooks with this interpreter
.venv/bin/python -m ipykernel install --sys-prefix --name crisis-analytics \
    --display-name "Python (crisis-analytics)" >/dev/null

if [ "$dev" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
    # the HTML reports are checked in a real headless browser; Debian's package, never a download
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
fi
echo "installed into .venv"
