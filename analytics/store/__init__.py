"""The local store: every ingested export accumulates here, once.

Layout under the store root (``data/store/`` by default)::

    manifest.json            the source of truth: ingested files and the Parquet parts
    mentions/part-*.parquet  MENTION_SCHEMA rows, one brand per part
    mention_fills/...        empty fields of stored mentions completed by later copies
    mention_counts/...       newer counts (likes, shares, reach, ...) of stored mentions
    daily_metrics/...        DAILY_METRICS_SCHEMA rows (newest figure wins per account-day)
    quarantine/...           rejected rows with their reason, brand and ingested_at
    sentiment/...            SENTIMENT_SCHEMA rows (latest score wins per mention)
    emotion/...              EMOTION_SCHEMA rows (latest label wins per mention)
    .lock                    cross-process lock held by writers

``disk`` keeps the store crash-safe (parts + manifest + lock), ``rules`` decides what is kept
when rows meet; this module is the ``Store`` the rest of the workbench uses. See
docs/store.md for the reasoning.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from analytics.defaults import DEFAULT_STORE, DEFAULT_TZ
from analytics.errors import AnalyticsError, InputDataError, StoreError
from analytics.progress import progress as progress_bar
from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    EMOTION_SCHEMA,
    MENTION_SCHEMA,
    REJECTED_SCHEMA,
    SENTIMENT_SCHEMA,
    UTC_DATETIME,
    conform,
)
from analytics.store import integrity
from analytics.store.ahead import ReadAhead
from analytics.store.disk import (
    TABLES,
    Transaction,
    check_paths,
    iso,
    now,
    part_entries,
    read_manifest,
    scan_parts,
    writing,
)
from analytics.store.integrity import PartCheck, PartState, file_digest
from analytics.store.reads import Brands, Period, in_period, scores_for, select_parts
from analytics.store.rules import (
    COUNT_COLUMNS,
    COUNTS_SCHEMA,
    DAILY_KEY,
    MENTION_KEY,
    QUARANTINE_SCHEMA,
    SENTIMENT_COLUMNS,
    apply_counts,
    apply_fills,
    attach_sentiment,
    changed_daily,
    count_updates,
    fills_for,
    first_copies,
    may_fill,
    merge_notes,
    resolve_counts,
    resolve_daily,
    resolve_sentiment,
    split_unusable,
)
from analytics.store.upkeep import file_brands, live_files, remove_brand, remove_files

__all__ = [
    "QUARANTINE_SCHEMA",
    "SENTIMENT_COLUMNS",
    "IngestReport",
    "PartCheck",
    "PartState",
    "Store",
]

COUNTS = ("read", "stored", "duplicates", "rejected")
REJECTED_EXAMPLES = 3  # per file, in the manifest and on screen; the rest are in the quarantine
# sentiment parts accumulate one per scoring run; past this many they are merged into one
SENTIMENT_PARTS_BEFORE_COMPACTION = 16
_BRAND_TABLES = ("mentions", "daily_metrics")


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


class Store:
    """A directory of Parquet parts plus a JSON manifest; see the module docstring."""

    def __init__(
        self, root: Path | str = DEFAULT_STORE, *, lock_timeout: float = 600.0, force: bool = False
    ) -> None:
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        # write even over a manifest older than the parts on disk (dropping those parts)
        self.force = force
        self.leftovers_removed = 0  # files of a crashed writer cleaned by the last write

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Transaction]:
        with writing(self.root, self.lock_timeout, force=self.force) as txn:
            self.leftovers_removed = txn.leftovers_removed
            yield txn

    def _scan(
        self,
        table: str,
        schema: dict,
        brand: Brands,
        manifest: dict | None = None,
        period: Period | None = None,
    ) -> pl.LazyFrame:
        manifest = read_manifest(self.root) if manifest is None else manifest
        parts = select_parts(self.root, manifest, table, brand, period)
        return in_period(scan_parts(check_paths(self.root, manifest, parts), schema), period)

    # ---------------------------------------------------------------------------- readers
    def manifest(self) -> list[dict[str, Any]]:
        """One entry per ingested file, oldest first (sha256, format, counts, notes, ...)."""
        return read_manifest(self.root)["files"]

    def mentions(
        self,
        brand: Brands = None,
        *,
        with_sentiment: bool = True,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> pl.LazyFrame:
        """Stored mentions (of one brand, a list of brands, or all) published in
        ``[start, end)``, lazily: collect only the columns you need.

        Parts of other brands, and parts wholly outside the period, are never opened; the
        period filter is pushed into the Parquet scan. ``start``/``end`` are tz-aware.
        ``with_sentiment`` adds sentiment_compound, sentiment_label and sentiment_method (null
        when the mention is not scored yet) and fills ``language`` with the detected language
        where the export gave none.
        """
        period = Period.of(start, end)
        manifest = read_manifest(self.root)  # one snapshot for every table read below
        mentions = self._scan("mentions", MENTION_SCHEMA, brand, manifest, period)
        if select_parts(self.root, manifest, "mention_fills", brand):
            # fills carry no time of their own (the stored copy always has one): the
            # period's mentions are found first, then completed
            fills = self._scan("mention_fills", MENTION_SCHEMA, brand, manifest)
            mentions = apply_fills(mentions, fills)
        if select_parts(self.root, manifest, "mention_counts", brand):
            counts = self._scan("mention_counts", COUNTS_SCHEMA, brand, manifest)
            mentions = apply_counts(mentions, counts)
        if not with_sentiment:
            return mentions
        scores = self._scan("sentiment", SENTIMENT_SCHEMA, brand, manifest)
        if period.bounded:
            scores = scores_for(scores, mentions, MENTION_KEY)
        return attach_sentiment(mentions, scores)

    def live_parts(self, table: str = "mentions", brand: Brands = None) -> list[Path]:
        """The Parquet files that make up ``table`` now, in the order they were written.

        For other engines (DuckDB, Spark): read exactly these, never a folder glob, which
        would also see parts merged away or left by a crashed writer. See docs/store.md.
        """
        return select_parts(self.root, read_manifest(self.root), table, brand)

    def daily_metrics(self, brand: str | None = None) -> pl.LazyFrame:
        """Page/account analytics per day; the newest figure wins per account-day."""
        daily = resolve_daily(self._scan("daily_metrics", DAILY_METRICS_SCHEMA, brand))
        return daily.sort(DAILY_KEY)

    def quarantine(self) -> pl.LazyFrame:
        """Rows that could not be used, with the reason, the brand and when they came in."""
        return self._scan("quarantine", QUARANTINE_SCHEMA, None)

    def unscored(self, brand: str | None = None) -> pl.LazyFrame:
        """Mentions that have no sentiment score yet (what incremental scoring works on)."""
        scored = self._scan("sentiment", SENTIMENT_SCHEMA, brand).select(MENTION_KEY)
        mentions = self.mentions(brand, with_sentiment=False)
        return mentions.join(scored.unique(), on=MENTION_KEY, how="anti", maintain_order="left")

    def brands(self) -> list[str]:
        """Brands with stored mentions or daily metrics, sorted."""
        parts = read_manifest(self.root)["parts"]
        return sorted({p["brand"] for p in parts if p["table"] in _BRAND_TABLES})

    def require_brand(self, brand: str) -> None:
        """Fail naming the brands the store holds when ``brand`` is not one of them.

        A brand the store does not hold is a typo or a missing ingest, never "0 mentions";
        every command, report and the notebook API check it here, with this one message.
        """
        brands = self.brands()
        if brand not in brands:
            known = ", ".join(brands) if brands else "none: run `crisis-analytics ingest` first"
            raise StoreError(f"{self.root}: no brand {brand!r} in the store (brands: {known})")

    def info(self) -> dict[str, Any]:
        """A summary of what the store holds (the ``info`` command prints it)."""
        manifest = read_manifest(self.root)  # one snapshot for every figure below
        mentions = self._scan("mentions", MENTION_SCHEMA, None, manifest)
        quarantine = self._scan("quarantine", QUARANTINE_SCHEMA, None, manifest)
        summary = mentions.select(
            pl.len().alias("rows"),
            pl.col("published_at").min().alias("first"),
            pl.col("published_at").max().alias("last"),
        ).collect()

        def per(frame: pl.LazyFrame, column: str) -> dict[str, int]:
            counted = frame.group_by(column).len().sort(column).collect()
            return dict(zip(counted[column].to_list(), counted["len"].to_list(), strict=True))

        daily = resolve_daily(self._scan("daily_metrics", DAILY_METRICS_SCHEMA, None, manifest))
        scored = resolve_sentiment(self._scan("sentiment", SENTIMENT_SCHEMA, None, manifest))
        live = live_files(manifest)
        by_brand = (
            mentions.group_by("brand")
            .agg(
                pl.len().alias("rows"),
                pl.col("published_at").min().alias("first"),
                pl.col("published_at").max().alias("last"),
            )
            .sort("brand")
            .collect()
        )
        per_brand = {
            row["brand"]: {
                "rows": row["rows"],
                "first_published_at": iso(row["first"]),
                "last_published_at": iso(row["last"]),
                "files": sorted({f["file"] for f in live if row["brand"] in file_brands(f)}),
            }
            for row in by_brand.iter_rows(named=True)
        }
        return {
            "store": str(self.root),
            "rows": summary["rows"][0],
            "quarantined": quarantine.select(pl.len()).collect().item(),
            "brands": sorted(
                {p["brand"] for p in manifest["parts"] if p["table"] in _BRAND_TABLES}
            ),
            "first_published_at": iso(summary["first"][0]),
            "last_published_at": iso(summary["last"][0]),
            "rows_per_brand": per(mentions, "brand"),
            "rows_per_platform": per(mentions, "platform"),
            "rows_per_source_file": per(mentions, "source_file"),
            "quarantined_per_source_file": per(quarantine, "source_file"),
            "daily_metrics_rows": daily.select(pl.len()).collect().item(),
            "scored": scored.select(pl.len()).collect().item(),
            "files_ingested": len(live),
            "per_brand": per_brand,
        }

    def verify(self) -> list[PartCheck]:
        """Every part's state (size and SHA-256 against the manifest; unlisted newer parts).

        Parts listed without a checksum (a store written by an older version) get one
        recorded now, unless something is damaged: a checksum must not bless damage.
        """
        checks = integrity.verify(self.root, read_manifest(self.root), TABLES)
        damaged = any(c.state.is_damage for c in checks)
        if not damaged and any(c.state is PartState.RECORDED for c in checks):
            with self._writing():
                pass  # the writer records the missing checksums
        return checks

    # ---------------------------------------------------------------------------- writers
    def remove(self, *, file: str | None = None, brand: str | None = None) -> dict[str, Any]:
        """Take one ingested file's rows (``file``: its name or path; with ``brand`` only
        under that brand) or a whole brand out of the store, atomically; what was removed."""
        if file is None and brand is None:
            raise InputDataError("store remove: name a --file or a --brand to remove")
        with self._writing() as txn:
            live = live_files(txn.manifest)
            if file is None:
                if brand not in {p["brand"] for p in txn.manifest["parts"]}:
                    known = ", ".join(self.brands()) or "none"
                    raise InputDataError(f"--brand {brand}: not in the store (brands: {known})")
                return remove_brand(txn, brand, iso(now()))
            files = [
                f for f in live
                if file in (f["file"], f["path"]) and (brand is None or brand in file_brands(f))
            ]  # fmt: skip
            if not files:
                known = ", ".join(sorted({f["file"] for f in live})) or "none"
                under = f" under brand {brand}" if brand else ""
                raise InputDataError(
                    f"--file {file}: no ingested file of that name{under} in the store "
                    f"(files: {known})"
                )
            return remove_files(txn, files, iso(now()), brand=brand)

    def ingest(
        self,
        paths: Iterable[Path | str],
        *,
        brand: str | None,
        format: str | None = None,
        default_tz: str = DEFAULT_TZ,
        mapping: Path | str | None = None,
        brand_handles: Sequence[str] = (),
        progress: bool | None = None,
        brand_column: str | None = None,
    ) -> IngestReport:
        """Load each export and add its new rows; one file = one atomic step.

        ``brand_column`` (instead of ``brand``): a file of several brands, each row stored
        under the brand its cell names (rows with an empty cell are quarantined).
        A file that cannot be read (missing, unreadable, unrecognised) gets an entry with an
        ``error`` and the other files are still ingested; check ``report.failed``.
        """
        # imported here: the loaders are heavy and only ingest needs them
        from analytics import load

        if brand_column is not None:
            if brand:
                raise InputDataError("give --brand or --brand-column, not both")
            brand = None
        elif not brand or not brand.strip():
            raise InputDataError("--brand is empty: name the brand the exports were collected for")
        else:
            brand = brand.strip()
        if isinstance(paths, str | Path):  # one file given as such, not as a list
            paths = [paths]
        options = {"format": format, "default_tz": default_tz,
                   "mapping": str(mapping) if mapping else None,
                   "brand_handles": list(brand_handles),
                   "brand_column": brand_column}  # fmt: skip
        report = IngestReport()
        for raw_path in paths:
            path = Path(raw_path)
            try:
                if path.is_dir():
                    raise InputDataError(f"{path}: is a folder; pass the export files in it")
                if not path.is_file():
                    raise InputDataError(f"{path}: no such file")
                batches = load.iter_load_export(
                    path, brand=brand, format=format, default_tz=default_tz,
                    mapping=Path(mapping) if mapping else None, brand_handles=brand_handles,
                    brand_column=brand_column,
                )  # fmt: skip
                # the loader works a batch ahead in a thread (see ahead.py); the file is
                # hashed meanwhile
                with ReadAhead(batches) as ahead:
                    sha256 = file_digest(path)
                    shown = progress_bar(
                        ahead, description=f"ingesting {path.name}", enabled=progress
                    )
                    entry = self.ingest_batches(
                        shown, brand=brand, source=path, sha256=sha256, options=options
                    )
            except StoreError:
                raise  # the store itself is at fault: every other file would fail the same way
            except (AnalyticsError, OSError, UnicodeError, pl.exceptions.PolarsError) as error:
                # a file the loader could not read fails alone; the next files still go in
                message = str(error) if isinstance(error, AnalyticsError) else f"{path}: {error}"
                entry = {"file": path.name, "path": str(path), "error": message}
                entry.update(dict.fromkeys(COUNTS, 0))
            report.files.append(entry)
        return report

    def ingest_batches(
        self,
        batches: Iterable[LoadedBatch],
        *,
        brand: str | None,
        source: Path | str,
        sha256: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Add loader results of one file (``source``) in one atomic step; return its entry.

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
        with self._writing() as txn:
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
                    new, fills, counts = self._new_mentions(
                        txn, rows, name, captured_at=None if identical else captured_at
                    )
                    txn.write_part("mentions", new, name)
                    txn.write_part("mention_fills", fills, name)
                    txn.write_part("mention_counts", counts, name)
                    stored, filled = stored + new.height, filled + fills.height
                    entry["counts_updated"] += counts.height
                    if name not in entry.setdefault("brands", []):
                        entry["brands"].append(name)
                self._quarantine(txn, rejected, brand, ingested_at)
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
                new_daily = self._changed_daily(txn, daily, brand)
                txn.write_part("daily_metrics", new_daily, brand)
                entry["read"] += daily.height
                entry["stored"] += new_daily.height
                entry["duplicates"] += daily.height - new_daily.height
                entry["daily_rows"] = new_daily.height
            txn.manifest["files"].append(entry)
        return entry

    def _new_mentions(
        self, txn: Transaction, usable: pl.DataFrame, brand: str, captured_at: datetime | None
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
            counts = self._count_updates(txn, later, seen, brand, captured_at)
        copies = may_fill(batch.join(seen.select(compared), on=MENTION_KEY, suffix="_stored"))
        if copies.height == 0:
            return new, no_fills, counts
        wanted = pl.col("mention_id").is_in(copies.get_column("mention_id").implode())
        stored = scan_parts(parts, MENTION_SCHEMA).filter(wanted)
        fill_parts = txn.parts("mention_fills", brand)
        if fill_parts:
            stored = apply_fills(stored, scan_parts(fill_parts, MENTION_SCHEMA).filter(wanted))
        stored = stored.collect(engine="streaming").unique(MENTION_KEY)
        return new, fills_for(copies.select(*MENTION_SCHEMA), stored), counts

    def _count_updates(
        self,
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
            {"_part": [str(self.root / p["path"]) for p in entries],
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
        self, txn: Transaction, rejected: pl.DataFrame, brand: str | None, ingested_at: datetime
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

    def _changed_daily(self, txn: Transaction, daily: pl.DataFrame, brand: str) -> pl.DataFrame:
        """The account-days of ``daily`` that add or change a figure in the store (daily
        tables are small, days x accounts, so the stored one is read whole)."""
        daily = daily.with_columns(brand=pl.lit(brand, dtype=pl.Utf8))
        daily = resolve_daily(daily.lazy()).collect()
        parts = txn.parts("daily_metrics", brand)
        if not parts or daily.height == 0:
            return daily
        stored = resolve_daily(scan_parts(parts, DAILY_METRICS_SCHEMA)).collect()
        return changed_daily(daily, stored)

    def save_sentiment(self, scores: pl.DataFrame) -> int:
        """Store scores (SENTIMENT_SCHEMA rows); a later score replaces an earlier one.

        Returns the number of rows saved. Rows with an empty key are refused with an error.
        """
        missing = [c for c in SENTIMENT_SCHEMA if c not in scores.columns]
        if missing:
            raise InputDataError(
                f"sentiment scores: missing column(s) {', '.join(missing)}; expected "
                f"{', '.join(SENTIMENT_SCHEMA)}"
            )
        try:
            scores = conform(scores, SENTIMENT_SCHEMA)
        except pl.exceptions.PolarsError as error:
            raise InputDataError(f"sentiment scores: wrong column type ({error})") from None
        empty_key = scores.filter(pl.any_horizontal(pl.col(MENTION_KEY).is_null()))
        if empty_key.height:
            raise InputDataError(
                f"sentiment scores: {empty_key.height} row(s) have an empty brand, platform or"
                " mention_id; every score must name the mention it belongs to"
            )
        scores = scores.unique(subset=MENTION_KEY, keep="last", maintain_order=True)
        if scores.height == 0:
            return 0
        with self._writing() as txn:
            for brand in scores.get_column("brand").unique(maintain_order=True).to_list():
                txn.write_part("sentiment", scores.filter(pl.col("brand") == brand), brand)
            self._compact_sentiment(txn)
        return scores.height

    def emotions(self, brand: str | None = None) -> pl.LazyFrame:
        """Stored emotion labels (EMOTION_SCHEMA), the latest per mention."""
        scores = self._scan("emotion", EMOTION_SCHEMA, brand)
        return scores.unique(subset=MENTION_KEY, keep="last", maintain_order=True)

    def save_emotions(self, labels: pl.DataFrame) -> int:
        """Store emotion labels (EMOTION_SCHEMA rows); a later label replaces an earlier one."""
        try:
            labels = conform(labels, EMOTION_SCHEMA)
        except pl.exceptions.PolarsError as error:
            raise InputDataError(f"emotion labels: wrong column type ({error})") from None
        if labels.filter(pl.any_horizontal(pl.col(MENTION_KEY).is_null())).height:
            raise InputDataError(
                "emotion labels: rows with an empty brand, platform or mention_id; every "
                "label must name the mention it belongs to"
            )
        labels = labels.unique(subset=MENTION_KEY, keep="last", maintain_order=True)
        if labels.height == 0:
            return 0
        with self._writing() as txn:
            for brand in labels.get_column("brand").unique(maintain_order=True).to_list():
                parts = txn.parts("emotion", brand)
                frame = labels.filter(pl.col("brand") == brand)
                if parts:  # one part per brand: emotion is re-scored as a whole or added to
                    old = scan_parts(parts, EMOTION_SCHEMA).collect()
                    frame = pl.concat([old, frame]).unique(
                        subset=MENTION_KEY, keep="last", maintain_order=True
                    )
                    txn.retire(parts)
                txn.write_part("emotion", frame, brand)
        return labels.height

    def _compact_sentiment(self, txn: Transaction) -> None:
        """Merge a brand's sentiment parts into one once there are many (reads stay fast)."""
        for brand in {p["brand"] for p in txn.manifest["parts"] if p["table"] == "sentiment"}:
            parts = txn.parts("sentiment", brand)
            if len(parts) <= SENTIMENT_PARTS_BEFORE_COMPACTION:
                continue
            merged = resolve_sentiment(scan_parts(parts, SENTIMENT_SCHEMA))
            merged = merged.collect(engine="streaming")
            txn.retire(parts)
            txn.write_part("sentiment", merged, brand)
