"""Errors a user can act on.

Every message names the file, the row or column, the value found, what was expected and,
where it helps, what to do. The CLI prints them to stderr and exits non-zero.
"""

from __future__ import annotations

import errno
import re

# polars: "... underlying IO error: No space left on device (os error 28)"
_POLARS_OS_ERROR = re.compile(r"([A-Za-z][^:()]*) \(os error (\d+)\)")

__all__ = [
    "AnalysisError",
    "AnalyticsError",
    "DiskError",
    "ExportFormatError",
    "InputDataError",
    "ReportError",
    "StoreError",
    "disk_error",
    "os_failure",
    "where",
]


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


class DiskError(AnalyticsError, OSError):
    """The operating system refused a read or write (disk full, permissions, name too long).

    Also an ``OSError`` (with the original ``errno``), so code that handles OS failures
    itself still sees one.
    """


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


def os_failure(error: BaseException) -> tuple[int | None, str] | None:
    """(errno, reason) when ``error`` is the operating system refusing I/O, else None.

    polars reports an OS failure inside a write as a ``ComputeError`` ending in
    ``(os error 28)``; Python as an ``OSError``.
    """
    if isinstance(error, DiskError):  # already one line naming the path
        return None
    if isinstance(error, OSError) and not isinstance(error, TimeoutError):
        return error.errno, error.strerror or str(error)
    from_polars = type(error).__module__.startswith("polars")
    match = _POLARS_OS_ERROR.search(str(error)) if from_polars else None
    if match:
        return int(match.group(2)), match.group(1).strip()
    return None


def disk_error(path: object, error: BaseException) -> DiskError:
    """One line naming ``path`` and the reason; for a full disk, what to do about it."""
    failure = os_failure(error)
    number, reason = failure if failure else (None, str(error))
    hint = ""
    if number == errno.ENOSPC:
        hint = "; the disk is full: free some space and run again (nothing was half-written)"
    elif number == errno.ENAMETOOLONG:
        hint = "; the name is too long for the file system"
    elif number in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "; check that you may write there"
    failure_error = DiskError(f"{path}: {reason}{hint}")
    failure_error.errno = number
    return failure_error
