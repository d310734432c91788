"""``crisis-analytics ingest`` and ``crisis-analytics info``: fill the store, see what it holds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from analytics.errors import InputDataError
from analytics.store import Store


def _count(value: int) -> str:
    return f"{value:,}"


def _print_file(entry: dict[str, Any]) -> None:
    """Human summary of one file: format and why, the four counts, the loader's notes."""
    if entry.get("error"):
        print(f"{entry['file']}: not ingested (see error below)")
        return
    print(f"{entry['file']}: {entry['format']} ({entry['detection_reason']})")
    counts = "  ".join(f"{name} {_count(entry[name])}" for name in _COUNTS)
    print(f"  {counts}")
    if entry.get("same_file_ingested_at"):
        print(f"  the same file (same sha256) was ingested on {entry['same_file_ingested_at']}")
    if entry.get("filled"):
        print(
            f"  {_count(entry['filled'])} stored mentions completed from their copies in this"
            " file (brand-post flag, figures the stored copy lacked)"
        )
    for note in entry.get("notes", []):
        print(f"  note: {note}")
    for example in entry.get("rejected_examples", []):
        print(f"  rejected {example}")
    if entry["rejected"] > len(entry.get("rejected_examples", [])):
        print("  (every rejected row is in the quarantine with its reason)")


_COUNTS = ("read", "stored", "duplicates", "rejected")


def ingest(
    files: list[Path] = typer.Argument(..., help="Export files to load (any supported format)."),
    brand: str = typer.Option(..., "--brand", help="Brand the exports were collected for."),
    format: str | None = typer.Option(
        None, "--format", help="Skip auto-detection: brandwatch, talkwalker, ..., generic."
    ),
    tz: str = typer.Option(
        "Asia/Jakarta", "--tz", help="Time zone of export times that carry none."
    ),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="TOML mapping for the generic loader (column names, date format)."
    ),
    handle: list[str] = typer.Option(
        [], "--handle", help="The brand's official account (repeat for several)."
    ),
    store: Path = typer.Option(Path("data/store"), "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Add exports to the store: new mentions once, duplicates skipped, bad rows quarantined."""
    if mapping is not None and not mapping.is_file():
        raise InputDataError(f"--mapping {mapping}: no such file")
    report = Store(store).ingest(
        files,
        brand=brand,
        format=format,
        default_tz=tz,
        mapping=mapping,
        brand_handles=[h.removeprefix("@") for h in handle],
    )
    if as_json:
        print(json.dumps({**report.totals, "files": report.files}, ensure_ascii=False))
    else:
        for entry in report.files:
            _print_file(entry)
        totals = "  ".join(f"{name} {_count(report.totals[name])}" for name in _COUNTS)
        print(f"total ({len(report.files)} files): {totals}")
        if report.totals["rejected"]:
            hint = f"crisis-analytics info --store {store}"
            print(f"rejected rows are kept in the quarantine with their reason ({hint})")
    for entry in report.failed:
        print(f"error: {entry['error']}", file=sys.stderr)
    if report.failed:
        raise typer.Exit(1)


def info(
    store: Path = typer.Option(Path("data/store"), "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Show what the store holds: brands, date range, rows per platform and file, quarantine."""
    summary = Store(store).info()
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    print(
        f"store {summary['store']}: {_count(summary['rows'])} mentions from "
        f"{summary['files_ingested']} ingested files; {_count(summary['quarantined'])} row(s) "
        "quarantined"
    )
    brands = ", ".join(f"{b} ({_count(n)})" for b, n in summary["rows_per_brand"].items())
    print(f"brands: {brands or ', '.join(summary['brands']) or 'none'}")
    if summary["rows"]:
        print(f"published: {summary['first_published_at']} .. {summary['last_published_at']}")
    print("per platform:")
    for name, rows in summary["rows_per_platform"].items():
        print(f"  {name}: {_count(rows)}")
    print("per file (mentions stored / rows quarantined):")
    quarantined = summary["quarantined_per_source_file"]
    for name in sorted({*summary["rows_per_source_file"], *quarantined}):
        stored = summary["rows_per_source_file"].get(name, 0)
        print(f"  {name}: {_count(stored)} / {_count(quarantined.get(name, 0))}")
    print(
        f"daily metrics: {_count(summary['daily_metrics_rows'])} account-days; "
        f"sentiment scored: {_count(summary['scored'])} mentions"
    )


def register(app: typer.Typer) -> None:
    """Add ``ingest`` and ``info`` to the root app."""
    app.command("ingest")(ingest)
    app.command("info")(info)
