"""Atomic file writes: write beside the target, then rename over it.

A crash (or a second process) never sees a half-written file: readers get either the old
content or the new. ``os.replace`` is atomic on POSIX when both paths are on one file system,
which is why the temporary file lives in the target's own directory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from analytics.errors import DiskError, disk_error, os_failure


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success rename it over ``target``.

    Use it for writers that want a path (``DataFrame.write_parquet``, nbconvert, ...).
    On an exception the temporary file is removed and ``target`` is left untouched.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=suffix + ".tmp", dir=target.parent
        )
    except OSError as error:
        raise disk_error(target, error) from error
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException as error:
        tmp.unlink(missing_ok=True)
        if isinstance(error, DiskError):  # a nested write already named its path
            raise
        if os_failure(error):  # disk full, no permission...: one line naming the file
            raise disk_error(_culprit(error, tmp, target), error) from error
        if isinstance(error, Exception) and disk_full(target.parent):
            # a writer that lost the OS error (polars: "Invalid thrift: transport error")
            raise disk_error(target, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) from error
        raise


def disk_full(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has (next to) no space left for us."""
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # gone, or not POSIX
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def _culprit(error: BaseException, tmp: Path, target: Path) -> object:
    """The path to name: the one the OS named, unless that is our temporary stand-in."""
    named = getattr(error, "filename", None)
    return target if named is None or Path(named) == tmp else named


def write_text_atomic(target: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding=encoding)


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


@contextlib.contextmanager
def atomic_directory(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh temporary directory; on success it replaces ``target`` as a whole.

    The old directory (if any) is moved aside first and deleted only after the new one is
    in place, so a crash leaves either the old or the new directory, never a mix.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as error:
        raise disk_error(target, error) from error
    try:
        yield tmp
    except BaseException as error:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(error, DiskError):  # a nested write already named its path
            raise
        if os_failure(error):
            raise disk_error(_culprit(error, tmp, target), error) from error
        if isinstance(error, Exception) and disk_full(target.parent):
            raise disk_error(target, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) from error
        raise
    old = None
    try:
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
    except OSError as error:
        shutil.rmtree(tmp, ignore_errors=True)
        raise disk_error(target, error) from error
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sweep_leftovers(target: str | os.PathLike[str]) -> list[Path]:
    """Remove what killed writers of ``target`` left beside it; return what was removed.

    ``kill -9`` during :func:`atomic_directory` or :func:`atomic_path` leaves a hidden
    ``.<name>.*.tmp`` (and, in a narrow window, ``.<name>.old-<pid>``) that nothing else
    would ever delete. Call it only while holding the lock that serialises writers of
    ``target``: then no leftover can belong to a live writer.
    """
    target = Path(target)
    removed = []
    for pattern in (f".{target.name}.*.tmp", f".{target.name}.old-*"):
        for path in target.parent.glob(pattern):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed
