"""Adding one export file to the store: new mentions, fills and newer counts of stored ones,
rejected rows to the quarantine, daily metrics; all inside one writer's transaction.

``Store.ingest`` (loading, the file loop, errors per file) calls ``add_file`` once per file;
what is kept when rows meet is decided in ``rules``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    MENTION_SCHEMA,
    REJECTED_SCHEMA,
    UTC_DATETIME,
    conform,
)
from analytics.store.disk import Transaction, iso, part_entries, scan_parts
from analytics.store.rules import (
    COUNT_COLUMNS,
    COUNTS_SCHEMA,
    MENTION_KEY,
    QUARANTINE_SCHEMA,
    apply_fills,
    changed_daily,
    count_updates,
    fills_for,
    first_copies,
    may_fill,
    merge_notes,
    resolve_counts,
    resolve_daily,
    split_unusable,
)
from analytics.store.upkeep import live_files, remove_files

__all__ = ["COUNTS", "IngestReport", "LoadedBatch", "add_file"]

COUNTS = ("read", "stored", "duplicates", "rejected")
REJECTED_EXAMPLES = 3  # per file, in the manifest and on screen; the rest are in the quarantine


class LoadedBatch(Protocol):
    """What the store needs from a loader result (``analytics.load.LoadResult``)."""

    mentions: pl.DataFrame
    daily_metrics: pl.DataFrame
    rejected: pl.DataFrame
    format: str
    detection_reason: str
    notes: list[str]


@dataclass
class IngestReport:
    """What one ``Store.ingest`` call did, file by file (a manifest entry per file)."""

    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        """read / stored / duplicates / rejected summed over the files."""
        return {name: sum(entry.get(name, 0) for entry in self.files) for name in COUNTS}

    @property
    def failed(self) -> list[dict[str, Any]]:
        """The files that could not be ingested at all (their entry has an ``error``)."""
        return [entry for entry in self.files if entry.get("error")]


def add_file(
    txn: Transaction,
    batches: Iterable[LoadedBatch],
    *,
    brand: str | None,
    source: Path | str,
    sha256: str | None = None,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Add loader results of one file (``source``) inside ``txn``; return its manifest entry.

    Mentions already stored, or seen earlier in the same file, count as duplicates (the
    first stored copy wins); rejected rows go to the quarantine.
    """
    # brand None: the rows carry their own brands (--brand-column); one part per brand
    source, brand = Path(source), brand.strip() if brand else None
    # to the microsecond: the capture time of exports that do not say when they were taken
    moment = datetime.now(UTC)
    ingested_at = moment.replace(microsecond=0)
    entry: dict[str, Any] = {
        "file": source.name, "path": str(source), "brand": brand, "sha256": sha256,
        "format": None, "detection_reason": None, **dict.fromkeys(COUNTS, 0),
        "daily_rows": 0, "filled": 0, "counts_updated": 0, "notes": [],
        "rejected_examples": [], "ingested_at": iso(ingested_at), "options": options or {},
        "ingest_id": uuid.uuid4().hex[:12],
    }  # fmt: skip
    # the same file again: with the same options it adds nothing new (not even
    # counts); with other options (a fixed mapping) its rows are replaced
    earlier = [
        f for f in live_files(txn.manifest)
        if sha256 and f.get("sha256") == sha256 and f.get("brand") == brand
    ]  # fmt: skip
    identical = any(f.get("options", {}) == entry["options"] for f in earlier)
    if earlier:  # tells the analyst why everything below is a duplicate
        entry["same_file_ingested_at"] = earlier[0]["ingested_at"]
    if earlier and not identical:
        entry["replaced"] = remove_files(txn, earlier, entry["ingested_at"], replaced=True)
    daily_batches = []
    for batch in batches:
        entry["format"] = batch.format
        entry["detection_reason"] = batch.detection_reason
        entry["notes"] = merge_notes(entry["notes"], batch.notes)
        captured_at = getattr(batch, "captured_at", None) or moment
        txn.part_tags = {
            "ingest_id": entry["ingest_id"],
            "captured_at": captured_at.isoformat(),
        }
        # --brand names the collection these rows belong to, whatever the file says
        mentions = batch.mentions
        if brand is not None:
            mentions = mentions.with_columns(brand=pl.lit(brand, dtype=pl.Utf8))
        usable, unusable = split_unusable(mentions)
        rejected = pl.concat([conform(batch.rejected, REJECTED_SCHEMA), unusable])
        stored = filled = 0
        for name in usable.get_column("brand").unique(maintain_order=True).to_list():
            rows = usable.filter(pl.col("brand") == name)
            new, fills, counts = _new_mentions(
                txn, rows, name, captured_at=None if identical else captured_at
            )
            txn.write_part("mentions", new, name)
            txn.write_part("mention_fills", fills, name)
            txn.write_part("mention_counts", counts, name)
            stored, filled = stored + new.height, filled + fills.height
            entry["counts_updated"] += counts.height
            if name not in entry.setdefault("brands", []):
                entry["brands"].append(name)
        _quarantine(txn, rejected, brand, ingested_at)
        daily_batches.append(batch.daily_metrics)
        entry["read"] += batch.mentions.height + batch.rejected.height
        entry["stored"] += stored
        entry["duplicates"] += usable.height - stored
        entry["rejected"] += rejected.height
        entry["filled"] += filled
        room = REJECTED_EXAMPLES - len(entry["rejected_examples"])
        entry["rejected_examples"] += [
            f"row {row['source_row']}: {row['reason']}"
            for row in rejected.head(room).iter_rows(named=True)
        ]
    if daily_batches:
        daily = pl.concat([conform(d, DAILY_METRICS_SCHEMA) for d in daily_batches])
        new_daily = _changed_daily(txn, daily, brand)
        txn.write_part("daily_metrics", new_daily, brand)
        entry["read"] += daily.height
        entry["stored"] += new_daily.height
        entry["duplicates"] += daily.height - new_daily.height
        entry["daily_rows"] = new_daily.height
    txn.manifest["files"].append(entry)
    return entry


def _new_mentions(
    txn: Transaction, usable: pl.DataFrame, brand: str, captured_at: datetime | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Split a batch into mentions new to the store, fills and count updates for stored ones.

    A mention is new when its key is in neither the store nor this file so far. Only the
    key columns (plus source_file, is_brand_post) of stored parts are scanned and only
    rows whose id is in the batch are collected, so memory stays bounded by the batch
    however big the store grows. ``captured_at`` None: the batch cannot have newer counts
    (the very same file ingested again).
    """
    batch = first_copies(conform(usable, MENTION_SCHEMA))
    parts = txn.parts("mentions", brand)
    no_fills, no_counts = batch.clear(), pl.DataFrame(schema=COUNTS_SCHEMA)
    if not parts or batch.height == 0:
        return batch, no_fills, no_counts
    # a batch of a new file usually shares no id with the store: the stored ids alone
    # are read first (one column), the other columns only for the ids found there
    found = (
        scan_parts(parts, MENTION_SCHEMA)
        .select("mention_id")
        .join(batch.select("mention_id").lazy(), on="mention_id", how="semi")
        .unique()
        .collect(engine="streaming")
    )
    if found.height == 0:
        return batch, no_fills, no_counts
    compared = [*MENTION_KEY, "source_file", "is_brand_post"]
    # the stored counts and the part they are in come with the keys: one scan, not two
    with_counts = [*COUNT_COLUMNS, "_part"] if captured_at is not None else []
    seen = (
        scan_parts(parts, MENTION_SCHEMA, file_paths="_part" if with_counts else None)
        .select(*compared, *with_counts)
        .filter(pl.col("mention_id").is_in(found.get_column("mention_id").implode()))
        .collect(engine="streaming")
        .unique(MENTION_KEY)
    )
    if seen.height == 0:
        return batch, no_fills, no_counts
    new = batch.join(seen, on=MENTION_KEY, how="anti", maintain_order="left")
    counts = no_counts
    if captured_at is not None:
        later = batch.join(seen, on=MENTION_KEY, how="semi", maintain_order="left")
        counts = _count_updates(txn, later, seen, brand, captured_at)
    copies = may_fill(batch.join(seen.select(compared), on=MENTION_KEY, suffix="_stored"))
    if copies.height == 0:
        return new, no_fills, counts
    wanted = pl.col("mention_id").is_in(copies.get_column("mention_id").implode())
    stored_copies = scan_parts(parts, MENTION_SCHEMA).filter(wanted)
    fill_parts = txn.parts("mention_fills", brand)
    if fill_parts:
        fills = scan_parts(fill_parts, MENTION_SCHEMA).filter(wanted)
        stored_copies = apply_fills(stored_copies, fills)
    stored = stored_copies.collect(engine="streaming").unique(MENTION_KEY)
    return new, fills_for(copies.select(*MENTION_SCHEMA), stored), counts


def _count_updates(
    txn: Transaction,
    copies: pl.DataFrame,
    stored: pl.DataFrame,
    brand: str,
    captured_at: datetime,
) -> pl.DataFrame:
    """Count rows for the ``copies`` (of stored mentions) captured later than the counts
    stored for them: the ``stored`` copies' counts (captured when their part, ``_part``,
    says) and the count rows written since for the ids in ``copies``."""
    wanted = pl.col("mention_id").is_in(copies.get_column("mention_id").implode())
    entries = part_entries(txn.manifest, "mentions", brand)
    moments = [p.get("captured_at") for p in entries]  # none in parts of older versions
    when = pl.DataFrame(
        {"_part": [str(txn.root / p["path"]) for p in entries],
         "captured_at": [datetime.fromisoformat(m) if m else None for m in moments]},
        schema={"_part": pl.Utf8, "captured_at": UTC_DATETIME},
    )  # fmt: skip
    first = (
        stored.lazy()
        .select(*MENTION_KEY, *COUNT_COLUMNS, "_part")
        .join(when.lazy(), on="_part", how="left")
        .drop("_part")
    )
    written = scan_parts(txn.parts("mention_counts", brand), COUNTS_SCHEMA).filter(wanted)
    captures = pl.concat([first, written.drop("source_file")], how="diagonal_relaxed")
    current = resolve_counts(captures).collect(engine="streaming")
    later = copies.select(*MENTION_KEY, *COUNT_COLUMNS, "source_file").with_columns(
        captured_at=pl.lit(captured_at, dtype=UTC_DATETIME)
    )
    return count_updates(later, current)


def _quarantine(
    txn: Transaction, rejected: pl.DataFrame, brand: str | None, ingested_at: datetime
) -> None:
    """Keep rejected rows with their reason; a row quarantined before is not added again."""
    if rejected.height == 0:
        return
    rows = rejected.with_columns(
        brand=pl.lit(brand), ingested_at=pl.lit(ingested_at, dtype=UTC_DATETIME)
    )
    same_row = ["source_file", "source_row", "raw"]
    rows = conform(rows, QUARANTINE_SCHEMA).unique(same_row, keep="first", maintain_order=True)
    parts = txn.parts("quarantine", brand)
    if parts:
        # only rows at the same file and line can match: memory stays bounded by the batch
        files = rows.get_column("source_file").unique().implode()
        lines = rows.get_column("source_row").unique().implode()
        seen = (
            scan_parts(parts, QUARANTINE_SCHEMA)
            .select(same_row)
            .filter(
                pl.col("source_file").is_in(files, nulls_equal=True)
                & pl.col("source_row").is_in(lines, nulls_equal=True)
            )
            .collect(engine="streaming")
            .unique()
        )
        rows = rows.join(seen, on=same_row, how="anti", nulls_equal=True, maintain_order="left")
    txn.write_part("quarantine", rows, brand)


def _changed_daily(txn: Transaction, daily: pl.DataFrame, brand: str | None) -> pl.DataFrame:
    """The account-days of ``daily`` that add or change a figure in the store (daily
    tables are small, days x accounts, so the stored one is read whole)."""
    daily = daily.with_columns(brand=pl.lit(brand, dtype=pl.Utf8))
    daily = resolve_daily(daily.lazy()).collect()
    parts = txn.parts("daily_metrics", brand)
    if not parts or daily.height == 0:
        return daily
    stored = resolve_daily(scan_parts(parts, DAILY_METRICS_SCHEMA)).collect()
    return changed_daily(daily, stored)
