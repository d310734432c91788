"""Progress bars that show on a terminal and stay silent in cron, CI and notebooks' logs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def interactive() -> bool:
    """True when a person is watching stderr (a terminal), false under cron or a pipe."""
    return sys.stderr.isatty()


def progress(
    items: Iterable[T],
    *,
    total: int | None = None,
    description: str = "",
    enabled: bool | None = None,
) -> Iterator[T]:
    """Iterate over ``items``, drawing a rich progress bar on stderr only when interactive."""
    show = interactive() if enabled is None else enabled
    if not show:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description or "working", total=total)
        for item in items:
            yield item
            bar.advance(task)
