"""Errors a user can act on.

Every message names the file, the row or column, the value found, what was expected and,
where it helps, what to do. The CLI prints them to stderr and exits non-zero.
"""

from __future__ import annotations


class AnalyticsError(Exception):
    """Base class of all errors the workbench raises on purpose."""


class ExportFormatError(AnalyticsError):
    """A file could not be read as any supported export, or not as the format asked for."""


class InputDataError(AnalyticsError):
    """A file or frame has the right shape but unusable content (a column, a value)."""


class StoreError(AnalyticsError):
    """The local store is missing, locked or inconsistent."""


class AnalysisError(AnalyticsError):
    """A measurement cannot be made from the data given (empty window, no baseline, ...)."""


class ReportError(AnalyticsError):
    """A report run failed; the message names the notebook cell and keeps the evidence path."""


def where(file: object = None, row: int | None = None, column: str | None = None) -> str:
    """Format a location as ``file, row N, column "C"`` for error messages."""
    parts = []
    if file is not None:
        parts.append(str(file))
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f'column "{column}"')
    return ", ".join(parts) if parts else "input"
