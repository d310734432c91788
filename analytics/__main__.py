"""``python -m analytics`` is the same as the ``crisis-analytics`` command."""

from analytics.cli import app

app(prog_name="crisis-analytics")
