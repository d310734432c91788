"""How a package exposes its public names: one table, imported on first use.

Every stage package (``analytics.load``, ``store``, ``sentiment``, ``measure``, ``report``)
and the package top (``import analytics as ca``) has one front: its ``__init__`` lists the
public names in ``__all__``; notebooks and other stages import only those. The fronts of
stages with heavy dependencies (scikit-learn, plotly, papermill) and the package top resolve
names through :func:`lazy_front`, so ``crisis-analytics --help`` and the scoring worker
processes start without them.

A table maps each public name to ``"module:attribute"`` (a function, class or constant) or to
``"module"`` (a submodule offered whole, such as ``analytics.report.charts``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_front"]


def lazy_front(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``exports[name]`` the first time it is asked for."""

    def __getattr__(name: str) -> Any:
        target = exports.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, _, attribute = target.partition(":")
        module = import_module(module_name)
        return getattr(module, attribute) if attribute else module

    return __getattr__
