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
when rows meet, ``ingest`` adds one export file; this module is the ``Store`` the rest of the
workbench uses. See
docs/store.md for the reasoning.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from analytics.defaults import DEFAULT_STORE, DEFAULT_TZ
from analytics.errors import AnalyticsError, InputDataError, StoreError
from analytics.progress import progress as progress_bar
from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    EMOTION_SCHEMA,
    MENTION_SCHEMA,
    SENTIMENT_SCHEMA,
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
    read_manifest,
    scan_parts,
    writing,
)
from analytics.store.ingest import COUNTS, IngestReport, LoadedBatch, add_file
from analytics.store.integrity import PartCheck, PartState, file_digest
from analytics.store.reads import Brands, Period, in_period, scores_for, select_parts
from analytics.store.rules import (
    COUNTS_SCHEMA,
    DAILY_KEY,
    MENTION_KEY,
    QUARANTINE_SCHEMA,
    SENTIMENT_COLUMNS,
    apply_counts,
    apply_fills,
    attach_sentiment,
    resolve_daily,
    resolve_sentiment,
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

SENTIMENT_PARTS_BEFORE_COMPACTION = 16
_BRAND_TABLES = ("mentions", "daily_metrics")


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
        first stored copy wins); rejected rows go to the quarantine (see ``ingest.add_file``).
        """
        with self._writing() as txn:
            return add_file(
                txn, batches, brand=brand, source=source, sha256=sha256, options=options
            )

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
