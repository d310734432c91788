"""``python -m analytics`` is the same as the ``crisis-analytics`` command."""

from analytics.cli import app

# guarded: helper processes started by spawn/forkserver import this module again
if __name__ == "__main__":
    app(prog_name="crisis-analytics")
