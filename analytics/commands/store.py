"""``crisis-analytics store ...``: upkeep of the store (remove, quarantine, verify)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polars as pl
import typer

from analytics.defaults import DEFAULT_STORE
from analytics.store import PartState, Store

store_app = typer.Typer(
    name="store",
    help="Look after the store: remove a file or a brand, list the quarantine, verify parts.",
    no_args_is_help=True,
)

_STORE = typer.Option(DEFAULT_STORE, "--store", help="Store directory.")
_JSON = typer.Option(False, "--json", help="Print one JSON object, nothing else.")


@store_app.command("remove")
def remove(
    file: str | None = typer.Option(
        None, "--file", help="An ingested file's name (or path as ingested): remove its rows."
    ),
    brand: str | None = typer.Option(
        None, "--brand", help="Remove this brand's rows (with --file: that file's, for it)."
    ),
    store: Path = _STORE,
    force: bool = typer.Option(
        False, "--force", help="Write even over a manifest older than the parts on disk."
    ),
    as_json: bool = _JSON,
) -> None:
    """Take one ingested file or one brand out of the store, in one atomic step."""
    removal = Store(store, force=force).remove(file=file, brand=brand)
    if as_json:
        print(json.dumps(removal, ensure_ascii=False))
        return
    rows = removal["rows"]
    what = f"file {removal['name']}" if removal["what"] == "file" else f"brand {removal['name']}"
    print(
        f"removed {what}: {rows.get('mentions', 0):,} mentions, "
        f"{rows.get('quarantine', 0):,} quarantined rows, "
        f"{rows.get('daily_metrics', 0):,} daily-metric rows, "
        f"{rows.get('sentiment', 0):,} scores"
    )


@store_app.command("quarantine")
def quarantine(
    brand: str | None = typer.Option(None, "--brand", help="Only this brand's rejected rows."),
    store: Path = _STORE,
    as_json: bool = _JSON,
) -> None:
    """List the rejected rows with their file, line and reason."""
    rows = Store(store).quarantine()
    if brand is not None:
        rows = rows.filter(pl.col("brand") == brand)
    frame = rows.sort("ingested_at", "source_file", "source_row", maintain_order=True).collect()
    if as_json:
        records = frame.with_columns(
            pl.col("ingested_at").dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        ).to_dicts()
        print(json.dumps({"rows": frame.height, "quarantine": records}, ensure_ascii=False))
        return
    for row in frame.iter_rows(named=True):
        print(f"{row['brand']}\t{row['source_file']}, row {row['source_row']}: {row['reason']}")
    print(f"{frame.height:,} rejected row(s)")


@store_app.command("verify")
def verify(store: Path = _STORE, as_json: bool = _JSON) -> None:
    """Check every part against the size and SHA-256 recorded when it was written."""
    checks = Store(store).verify()
    damaged = [c for c in checks if c.state.is_damage]
    if as_json:
        parts = [
            {"path": c.path, "table": c.table, "brand": c.brand, "state": c.state.value,
             "detail": c.detail}
            for c in checks
        ]  # fmt: skip
        print(json.dumps({"parts": parts, "damaged": len(damaged)}, ensure_ascii=False))
    else:
        for check in checks:
            print(f"{check.state.value:>15}  {check.path}  ({check.detail})")
        recorded = sum(c.state is PartState.RECORDED for c in checks)
        print(f"{len(checks):,} part(s): {len(damaged):,} damaged", end="")
        print(f", {recorded:,} checksum(s) recorded now" if recorded and not damaged else "")
    if damaged:
        first = damaged[0]
        todo = (
            "an older manifest.json was restored over a newer store: put back the newest one "
            "(writers refuse to run until then, unless given --force)"
            if first.state is PartState.NOT_LISTED
            else "restore the store from a backup, or remove the files they hold "
            "(`crisis-analytics store remove --file NAME`) and ingest them again"
        )
        print(
            f"error: {store}: {len(damaged)} part(s) are not as written, e.g. {first.path} "
            f"({first.state.value}); {todo}",
            file=sys.stderr,
        )
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``store`` command group to the root app."""
    app.add_typer(store_app)
