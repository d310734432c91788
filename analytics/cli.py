"""The ``crisis-analytics`` command line.

Each stage of the pipeline owns its commands in ``analytics/commands/<stage>.py`` and adds
them here through a ``register(app)`` function, so this file stays a table of contents.
Errors raised on purpose (``AnalyticsError``) are printed to stderr without a traceback and
exit with code 1.
"""

from __future__ import annotations

import sys

import typer

from analytics.commands import crisis, emotion, ingest, lab, report, sample, sentiment, store
from analytics.errors import AnalyticsError, disk_error, os_failure

_cli = typer.Typer(
    name="crisis-analytics",
    help="Post-crisis social-media analytics: ingest exports, score sentiment, measure, report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _stage in (ingest, store, sample, sentiment, emotion, crisis, report, lab):
    _stage.register(_cli)


@_cli.command("version")
def version() -> None:
    """Print the workbench version."""
    from analytics import __version__

    print(__version__)


@_cli.callback()
def _root() -> None:
    """Post-crisis social-media analytics: ingest exports, score sentiment, measure, report."""


def app(prog_name: str | None = None) -> None:
    """Entry point: run the CLI, turning workbench errors into a message and exit code 1."""
    try:
        _cli(prog_name=prog_name or "crisis-analytics")
    except AnalyticsError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    except Exception as error:
        # the operating system said no (disk full, permissions, a name too long) somewhere
        # no writer wrapped it: still one line naming the path, never a traceback
        if not os_failure(error):
            raise
        print(f"error: {disk_error(getattr(error, 'filename', None) or 'a file', error)}",
              file=sys.stderr)  # fmt: skip
        raise SystemExit(1) from None
