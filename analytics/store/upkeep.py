"""Taking rows out of the store: one ingested file, or one brand, inside a writer's transaction.

Every part an ingest writes carries that ingest's id (``ingest_id``) in the manifest, so a
file's rows are its parts: they are retired as a whole (kept on disk an hour for readers
still scanning, like merged-away parts) and the change is one manifest rename, so it is
atomic. Parts written before ingest ids existed are rewritten without the rows whose
``source_file`` is that file's name. Each removal is recorded in the manifest
(``removals``) and the file entries are marked, so ``info`` and a full read agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA
from analytics.store.disk import Transaction, part_entries, scan_parts
from analytics.store.rules import COUNTS_SCHEMA, QUARANTINE_SCHEMA

# the tables an ingest writes, with the schema their parts are read as
FILE_TABLES: dict[str, dict[str, pl.DataType]] = {
    "mentions": MENTION_SCHEMA,
    "mention_fills": MENTION_SCHEMA,
    "mention_counts": COUNTS_SCHEMA,
    "daily_metrics": DAILY_METRICS_SCHEMA,
    "quarantine": QUARANTINE_SCHEMA,
}
_GONE = ("removed_at", "replaced_at")


def live_files(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Ingested files whose rows are in the store (not failed, removed or replaced)."""
    return [f for f in manifest["files"] if not f.get("error") and not any(f.get(k) for k in _GONE)]


def file_brands(file: dict[str, Any]) -> list[str]:
    """The brands an ingested file's rows are stored under (several with --brand-column),
    less those removed since."""
    brands = file.get("brands") or ([file["brand"]] if file.get("brand") else [])
    return [b for b in brands if b not in file.get("removed_brands", [])]


def _drop_brand(file: dict[str, Any], brand: str, at: str) -> None:
    """Mark ``brand``'s rows of ``file`` removed; the whole file once no brand is left."""
    if file_brands(file) == [brand]:
        file["removed_at"] = at
    else:
        file.setdefault("removed_brands", []).append(brand)


def _record(
    txn: Transaction, what: str, name: str, at: str, rows: dict[str, int]
) -> dict[str, Any]:
    removal = {"what": what, "name": name, "at": at, "rows": rows}
    txn.manifest.setdefault("removals", []).append(removal)
    return removal


def _rewrite_without(txn: Transaction, brand: str | None, file: str) -> dict[str, int]:
    """Drop ``file``'s rows from parts written before ingest ids (they mix files)."""
    removed: dict[str, int] = {}
    tags, txn.part_tags = txn.part_tags, {}
    for table, schema in FILE_TABLES.items():
        for part in part_entries(txn.manifest, table, brand):
            if part.get("ingest_id") or table == "mention_counts":
                continue
            (path,) = txn.checked([part])
            frame = scan_parts([path], schema).collect()
            kept = frame.filter(pl.col("source_file").ne_missing(pl.lit(file)))
            if kept.height == frame.height:
                continue
            removed[table] = removed.get(table, 0) + frame.height - kept.height
            txn.retire([path])
            txn.write_part(table, kept, part["brand"])
    txn.part_tags = tags
    return removed


def remove_files(
    txn: Transaction,
    files: Sequence[dict[str, Any]],
    at: str,
    *,
    brand: str | None = None,
    replaced: bool = False,
) -> dict[str, Any]:
    """Take the rows of these ingested ``files`` (manifest entries) out of the store.

    ``brand``: only their rows stored under that brand (a file of several brands).
    ``replaced``: the same file is being ingested again with other options. Returns what
    was removed: rows per table, and the files' names and ingest times.
    """
    ids = {f["ingest_id"] for f in files if f.get("ingest_id")}
    parts = [
        p for p in txn.manifest["parts"]
        if p.get("ingest_id") in ids and brand in (None, p.get("brand"))
    ]  # fmt: skip
    rows: dict[str, int] = {}
    for part in parts:
        rows[part["table"]] = rows.get(part["table"], 0) + part["rows"]
    txn.retire([txn.root / p["path"] for p in parts])
    for file in files:
        if not file.get("ingest_id"):
            for table, n in _rewrite_without(txn, brand or file.get("brand"), file["file"]).items():
                rows[table] = rows.get(table, 0) + n
        if replaced:
            file["replaced_at"] = at
        elif brand is not None:
            _drop_brand(file, brand, at)
        else:
            file["removed_at"] = at
    names = sorted({f["file"] for f in files})
    removal = _record(txn, "replaced" if replaced else "file", ", ".join(names), at, rows)
    return {**removal, "ingested_at": [f["ingested_at"] for f in files]}


def remove_brand(txn: Transaction, brand: str, at: str) -> dict[str, Any]:
    """Take every row of ``brand`` out of the store (its mentions, scores, quarantine, ...)."""
    parts = [p for p in txn.manifest["parts"] if p.get("brand") == brand]
    rows: dict[str, int] = {}
    for part in parts:
        rows[part["table"]] = rows.get(part["table"], 0) + part["rows"]
    txn.retire([txn.root / p["path"] for p in parts])
    for file in live_files(txn.manifest):
        if brand in file_brands(file):
            _drop_brand(file, brand, at)
    return _record(txn, "brand", brand, at, rows)
