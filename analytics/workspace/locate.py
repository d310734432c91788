"""Finding the project's store from wherever a notebook or a script runs.

A notebook's kernel starts in the notebook's folder (``notebooks/``), a script anywhere, so a
relative ``data/store`` is not enough. The store is looked for, in order: the path given,
the folder named by the ``CRISIS_ANALYTICS_STORE`` environment variable, then
``data/store`` in the current folder and in each folder above it (the project root).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from analytics.defaults import DEFAULT_STORE, STORE_ENV
from analytics.errors import StoreError

__all__ = ["find_store"]

MANIFEST = "manifest.json"


def _is_store(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


def find_store(
    path: str | Path | None = None,
    *,
    cwd: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """The store folder (absolute), or a ``StoreError`` saying everywhere it looked.

    ``cwd`` and ``environ`` default to the process's own (tests pass their own).
    """
    environ = os.environ if environ is None else environ
    here = Path.cwd() if cwd is None else Path(cwd)
    if path is not None and str(path) != "":
        folder = (here / Path(path).expanduser()).resolve()
        if _is_store(folder):
            return folder
        raise StoreError(
            f"{folder}: not a store (no {MANIFEST} there); give the folder that "
            "`crisis-analytics ingest --store DIR` wrote, or leave the path out to search"
        )
    named = environ.get(STORE_ENV, "")
    if named:
        folder = (here / Path(named).expanduser()).resolve()
        if _is_store(folder):
            return folder
        raise StoreError(
            f"{STORE_ENV}={named}: not a store (no {MANIFEST} in {folder}); point it at "
            "the folder `crisis-analytics ingest` wrote (data/store in the project)"
        )
    looked = []
    for folder in (here.resolve(), *here.resolve().parents):
        candidate = folder / DEFAULT_STORE
        if _is_store(candidate):
            return candidate
        looked.append(str(candidate))
    raise StoreError(
        f"no store found: {STORE_ENV} is not set, and none of {', '.join(looked)} holds a "
        f"{MANIFEST}. Run `crisis-analytics demo` (or `ingest`) in the project folder, set "
        f"{STORE_ENV}=/path/to/store, or pass the path: ca.open_store('path/to/store')"
    )
