"""``crisis-analytics ingest`` and ``crisis-analytics info``: fill the store, see what it holds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from analytics.defaults import DEFAULT_STORE, DEFAULT_TZ
from analytics.errors import InputDataError
from analytics.load.vendors import format_help
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
    if entry.get("replaced"):
        rows = entry["replaced"]["rows"]
        print(
            f"  the same file (same sha256) was ingested on {entry['same_file_ingested_at']} "
            f"with other options: its {_count(rows.get('mentions', 0))} mentions and "
            f"{_count(rows.get('quarantine', 0))} quarantined rows were replaced by this run"
        )
    elif entry.get("same_file_ingested_at"):
        print(f"  the same file (same sha256) was ingested on {entry['same_file_ingested_at']}")
    if entry.get("counts_updated"):
        print(
            f"  {_count(entry['counts_updated'])} mentions had their counts updated (likes, "
            "shares, reach, ... from this newer capture)"
        )
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
    brand: str | None = typer.Option(
        None, "--brand", help="Brand the exports were collected for (every row's brand)."
    ),
    brand_column: str | None = typer.Option(
        None,
        "--brand-column",
        help="Column holding each row's brand (a file of several brands; instead of --brand).",
    ),
    format: str | None = typer.Option(None, "--format", help=format_help()),
    tz: str = typer.Option(DEFAULT_TZ, "--tz", help="Time zone of export times that carry none."),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="TOML mapping for the generic loader (column names, date format)."
    ),
    handle: list[str] = typer.Option(
        [], "--handle", help="The brand's official account (repeat for several)."
    ),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
    dry_run: bool = typer.Option(
        False,
        "--dry-run",
        help="Show the format or inferred mapping and the first rows; write nothing.",
    ),
    save_mapping: Path | None = typer.Option(
        None,
        "--save-mapping",
        help="Write the inferred column mapping of the (one) file as an editable TOML file.",
    ),
    force: bool = typer.Option(
        False, "--force", help="Write even over a manifest older than the parts on disk."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Add exports to the store: new mentions once, duplicates skipped, bad rows quarantined.

    Files of known tools are recognised by their header; any other table gets its columns
    inferred from names and values (printed, with the reasons; --dry-run to check first).
    """
    if mapping is not None and not mapping.is_file():
        raise InputDataError(f"--mapping {mapping}: no such file")
    if brand_column is not None and brand is not None:
        raise InputDataError("give --brand (every row's brand) or --brand-column, not both")
    if brand_column is None and not (brand and brand.strip()):
        raise InputDataError(
            "--brand is required: name the brand the exports were collected for "
            "(or --brand-column COLUMN for a file holding several brands)"
        )
    handles = [h.removeprefix("@") for h in handle]
    if save_mapping is not None:
        _save_mapping(files, save_mapping)
    if dry_run:
        for path in files:
            preview(path, brand, brand_column, format, tz, mapping, handles)
        return
    report = Store(store, force=force).ingest(
        files,
        brand=brand,
        format=format,
        default_tz=tz,
        mapping=mapping,
        brand_handles=handles,
        brand_column=brand_column,
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
    refused = [e for e in report.files if not e.get("error") and _all_rejected(e)]
    for entry in refused:
        first = entry["rejected_examples"][0] if entry.get("rejected_examples") else ""
        print(
            f"error: {entry['file']}: all {_count(entry['read'])} rows were rejected, nothing "
            f"was stored (first: {first}); check the format, mapping and time zone",
            file=sys.stderr,
        )
    if report.failed or refused:
        raise typer.Exit(1)


def _save_mapping(files: list[Path], target: Path) -> None:
    """Write the inferred mapping of the one file given; an ambiguous one too (to edit)."""
    from analytics.atomic import write_text_atomic
    from analytics.load import infer_columns

    if len(files) != 1:
        raise InputDataError("--save-mapping takes one file (each file has its own columns)")
    inference = infer_columns(files[0])
    if inference is None:
        raise InputDataError(
            f"{files[0].name}: a known export layout (see --dry-run): it needs no mapping"
        )
    if not inference.choices and inference.refusal:
        raise InputDataError(f"{files[0].name}: {inference.refusal}")
    write_text_atomic(target, inference.to_toml())
    print(f"mapping written to {target} (edit it, then ingest with --mapping {target})")
    if inference.refusal is not None:
        raise InputDataError(f"{files[0].name}: {inference.refusal}")


def preview(
    path: Path,
    brand: str | None,
    brand_column: str | None,
    format: str | None,
    tz: str,
    mapping: Path | None,
    handles: list[str],
) -> None:
    """--dry-run: the format (or inferred mapping) and the first canonical rows of a file."""
    from analytics.load import iter_load_export

    batches = iter_load_export(
        path,
        brand=brand,
        format=format,
        default_tz=tz,
        mapping=mapping,
        brand_handles=handles,
        brand_column=brand_column,
        batch_rows=1000,
    )
    first = next(iter(batches))
    print(f"{path.name}: {first.format} ({first.detection_reason}) -- dry run, nothing written")
    for note in first.notes:
        print(f"  note: {note}")
    shown = [
        c for c in _PREVIEW if first.mentions.get_column(c).null_count() < first.mentions.height
    ]
    rows = first.mentions.head(5).select(shown)
    for row in rows.iter_rows(named=True):
        print("  " + "  ".join(f"{k}={_short(v)}" for k, v in row.items() if v is not None))
    for row in first.rejected.head(3).iter_rows(named=True):
        print(f"  rejected row {row['source_row']}: {row['reason']}")


_PREVIEW = (
    "brand",
    "published_at",
    "platform",
    "author",
    "text",
    "url",
    "likes",
    "comments",
    "shares",
    "language",
    "source_sentiment",
    "parent_id",
)


def _short(value: object) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = text.replace("\n", " ")
    return repr(text[:60] + ("..." if len(text) > 60 else "")) if isinstance(value, str) else text


def _all_rejected(entry: dict[str, Any]) -> bool:
    """A non-empty file of which every row was set aside: a failure, not a success."""
    return entry["read"] > 0 and entry["rejected"] == entry["read"]


def info(
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
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
    if summary["rows"]:
        print(f"published: {summary['first_published_at']} .. {summary['last_published_at']}")
    print("per brand (mentions, first .. last published, files):")
    for name, brand in summary["per_brand"].items():
        print(
            f"  {name}: {_count(brand['rows'])}, {brand['first_published_at']} .. "
            f"{brand['last_published_at']}, {len(brand['files'])} file(s): "
            f"{', '.join(brand['files'])}"
        )
    others = [b for b in summary["brands"] if b not in summary["per_brand"]]
    if others:  # page analytics only
        print(f"  {', '.join(others)}: daily metrics only")
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
