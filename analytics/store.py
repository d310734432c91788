"""The local store: every ingested export accumulates here, once.

Layout under the store root (``data/store/`` by default)::

    manifest.json            the source of truth: ingested files and the Parquet parts
    mentions/part-*.parquet  MENTION_SCHEMA rows, one brand per part
    daily_metrics/...        DAILY_METRICS_SCHEMA rows (newest export wins per account-day)
    quarantine/...           rejected rows with their reason, brand and ingested_at
    sentiment/...            SENTIMENT_SCHEMA rows (latest score wins per mention)
    .lock                    cross-process lock held by writers

A part that the manifest does not list is not part of the store. A writer first writes its
new parts, then replaces the manifest in one atomic rename, so a crash at any point leaves
the previous store intact; leftovers of a crashed writer are deleted by the next writer.
Readers take no lock: they read the manifest once and scan the parts it lists.
See docs/store.md for the reasoning.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import sys
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import filelock
import polars as pl

from analytics.atomic import atomic_path, write_text_atomic
from analytics.errors import AnalyticsError, InputDataError, StoreError
from analytics.progress import progress as progress_bar
from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    MENTION_SCHEMA,
    REJECTED_SCHEMA,
    SENTIMENT_SCHEMA,
    UTC_DATETIME,
    conform,
)

MANIFEST = "manifest.json"
STORE_FORMAT = "crisis-analytics-store"
STORE_VERSION = 1
TABLES = ("mentions", "mention_fills", "daily_metrics", "quarantine", "sentiment")
MENTION_KEY = ["brand", "platform", "mention_id"]
DAILY_KEY = ["brand", "platform", "account", "date"]
QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    **REJECTED_SCHEMA,
    "brand": pl.Utf8(),
    "ingested_at": UTC_DATETIME,
}
SENTIMENT_COLUMNS = ["sentiment_compound", "sentiment_label", "sentiment_method"]
# what a later copy of a stored mention may fill in where the stored copy has nothing (the
# key and the provenance columns describe the stored copy and stay as they are)
_PROVENANCE = ("id_is_surrogate", "source_tool", "source_file", "source_row", "load_notes")
FILLABLE = [c for c in MENTION_SCHEMA if c not in (*MENTION_KEY, *_PROVENANCE)]
# sentiment parts accumulate one per scoring run; past this many they are merged into one
SENTIMENT_PARTS_BEFORE_COMPACTION = 16
# merged-away parts stay on disk this long, for readers still scanning an older manifest
RETIRED_PARTS_KEPT_SECONDS = 3600
COUNTS = ("read", "stored", "duplicates", "rejected")
_BRAND_TABLES = ("mentions", "daily_metrics")
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


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (exports can be gigabytes)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(moment: datetime | None) -> str | None:
    """ISO-8601 in UTC with a ``Z``, the one way the store writes times for people."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def merge_notes(notes: list[str], more: Iterable[str]) -> list[str]:
    """Add a batch's loader notes to a file's: "12 ids rounded" + "3 ids rounded" = "15 ...".

    Big files come in batches and each batch reports its own counts; the analyst wants one
    line per kind of repair for the file. Notes without a leading count are kept once.
    """
    merged = list(notes)
    for note in more:
        count, _, rest = note.partition(" ")
        for i, seen in enumerate(merged):
            seen_count, _, seen_rest = seen.partition(" ")
            if count.isdigit() and seen_count.isdigit() and rest == seen_rest:
                merged[i] = f"{int(seen_count) + int(count)} {rest}"
                break
            if seen == note:
                break
        else:
            merged.append(note)
    return merged


def split_unusable(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split mentions into (usable, rejected) by what the store itself needs.

    A mention without platform, mention_id or published_at cannot be deduplicated or placed
    on a timeline; loaders should never emit one, but if they do it is quarantined with a
    reason instead of vanishing.
    """
    key = ["platform", "mention_id", "published_at"]
    problems = [pl.when(pl.col(name).is_null()).then(pl.lit(f"{name} is empty")) for name in key]
    is_bad = pl.any_horizontal(pl.col(key).is_null())
    usable = mentions.filter(~is_bad)
    bad = mentions.filter(is_bad).with_columns(
        _why=pl.concat_str(problems, separator="; ", ignore_nulls=True)
    )
    rejected = bad.select(
        pl.col("source_file"),
        pl.col("source_row"),
        pl.format(
            "{}: the store needs platform, mention_id and published_at to keep a mention",
            pl.col("_why"),
        ).alias("reason"),
        pl.struct(pl.all().exclude("_why").cast(pl.Utf8)).struct.json_encode().alias("raw"),
    )
    return usable, conform(rejected, REJECTED_SCHEMA)


def scan_parts(parts: Sequence[Path], schema: dict[str, pl.DataType]) -> pl.LazyFrame:
    """Scan Parquet parts as ``schema``: a column added to the schema after a part was
    written reads as null there, a column dropped since is ignored, so old stores stay
    readable when the canonical tables grow."""
    return pl.scan_parquet(
        list(parts), schema=schema, missing_columns="insert", extra_columns="ignore"
    )


def apply_fills(mentions: pl.LazyFrame, fills: pl.LazyFrame) -> pl.LazyFrame:
    """Fill the gaps of stored mentions from later copies of them (``mention_fills``).

    A value the stored copy has is never changed (the first copy wins); an empty one takes
    the first later copy's value, and ``is_brand_post`` becomes true if any copy came from
    the brand's own channel (an X analytics or Sprout export of a post Brandwatch also had).
    """
    columns = [c for c in FILLABLE if c in mentions.collect_schema().names()]
    firsts = fills.group_by(MENTION_KEY, maintain_order=True).agg(
        pl.col(c).drop_nulls().first() for c in columns
    )
    joined = mentions.join(
        firsts, on=MENTION_KEY, how="left", suffix="_fill", maintain_order="left"
    )
    filled = [
        pl.when(pl.col("is_brand_post_fill")).then(True).otherwise(pl.col(c)).alias(c)
        if c == "is_brand_post"
        else pl.coalesce(c, f"{c}_fill").alias(c)
        for c in columns
    ]
    return joined.with_columns(filled).drop(f"{c}_fill" for c in columns)


def fills_for(copies: pl.DataFrame, stored: pl.DataFrame) -> pl.DataFrame:
    """Fill rows for the stored mentions that later ``copies`` (same key) can complete.

    ``stored`` holds the stored copies with their fills applied, so a fill is written once.
    A fill row has the key, the values it fills (others null) and the copy's provenance.
    """
    columns = [c for c in FILLABLE if c in stored.columns]
    both = copies.join(stored.select(*MENTION_KEY, *columns), on=MENTION_KEY, suffix="_stored")
    values = [
        pl.when(pl.col(c) & ~pl.col(f"{c}_stored").fill_null(False)).then(True).alias(c)
        if c == "is_brand_post"
        else pl.when(pl.col(f"{c}_stored").is_null()).then(pl.col(c)).alias(c)
        for c in columns
    ]
    fills = both.with_columns(values).select(*MENTION_SCHEMA)
    return fills.filter(pl.any_horizontal(pl.col(columns).is_not_null()))


def resolve_daily(daily: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (brand, platform, account, date); per figure the newest value given.

    Rows are in ingest order, so a revised export replaces the figures it restates, while a
    figure it does not carry (Meta writes one metric per file) keeps the older value.
    """
    return (
        daily.group_by(DAILY_KEY, maintain_order=True)
        .agg(pl.col(c).drop_nulls().last() for c in DAILY_METRICS_SCHEMA if c not in DAILY_KEY)
        .select(list(DAILY_METRICS_SCHEMA))
    )


def resolve_sentiment(scores: pl.LazyFrame) -> pl.LazyFrame:
    """Keep the latest score per mention key: parts are in the order they were saved."""
    return scores.unique(subset=MENTION_KEY, keep="last", maintain_order=True)


class _Transaction:
    """New parts written by one writer; they join the store only when the manifest does."""

    def __init__(self, store: Store, manifest: dict[str, Any]) -> None:
        self.store = store
        self.manifest = copy.deepcopy(manifest)
        self.written: list[Path] = []

    def retire(self, parts: Sequence[Path]) -> None:
        """Take parts out of the store but keep their files a while: a reader that read the
        previous manifest may still be scanning them."""
        paths = {str(p.relative_to(self.store.root)) for p in parts}
        self.manifest["parts"] = [p for p in self.manifest["parts"] if p["path"] not in paths]
        now = _iso(_now())
        self.manifest["retired"] += [{"path": path, "retired_at": now} for path in sorted(paths)]

    def expire_retired(self) -> list[Path]:
        """Drop retired parts older than RETIRED_PARTS_KEPT_SECONDS; return their files."""
        now, keep, expired = _now(), [], []
        for part in self.manifest["retired"]:
            age = (now - datetime.fromisoformat(part["retired_at"])).total_seconds()
            if age >= RETIRED_PARTS_KEPT_SECONDS:
                expired.append(self.store.root / part["path"])
            else:
                keep.append(part)
        self.manifest["retired"] = keep
        return expired

    def parts(self, table: str, brand: str | None = None) -> list[Path]:
        """Committed and pending part files of ``table`` (optionally of one brand), in order."""
        return [
            self.store.root / part["path"]
            for part in self.manifest["parts"]
            if part["table"] == table and (brand is None or part["brand"] == brand)
        ]

    def write_part(self, table: str, frame: pl.DataFrame, brand: str | None) -> None:
        """Write ``frame`` as a new part of ``table`` (a no-op for an empty frame)."""
        if frame.height == 0:
            return
        name = f"part-{self.manifest['generation'] + 1:06d}-{uuid.uuid4().hex[:12]}.parquet"
        target = self.store.root / table / name
        with atomic_path(target) as tmp:
            frame.write_parquet(tmp, statistics=True)
        self.written.append(target)
        self.manifest["parts"].append(
            {"table": table, "path": f"{table}/{name}", "brand": brand, "rows": frame.height}
        )


class Store:
    """A directory of Parquet parts plus a JSON manifest; see the module docstring."""

    def __init__(self, root: Path | str = "data/store", *, lock_timeout: float = 600.0) -> None:
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        self.leftovers_removed = 0  # files of a crashed writer cleaned by the last write

    # ---------------------------------------------------------------- manifest and locking
    def manifest(self) -> list[dict[str, Any]]:
        """One entry per ingested file, oldest first (sha256, format, counts, notes, ...)."""
        return self._read_manifest()["files"]

    def _read_manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.exists():
            if not self.root.exists():
                raise StoreError(
                    f"no store at {self.root}: run `crisis-analytics ingest FILE --brand NAME`"
                    " first, or pass --store DIR"
                )
            if any(self.root.glob("*/part-*.parquet")):
                raise StoreError(
                    f"{self.root}: Parquet parts found but {MANIFEST} is missing; the store "
                    "is inconsistent (restore the manifest from a backup)"
                )
            return {
                "format": STORE_FORMAT,
                "version": STORE_VERSION,
                "generation": 0,
                "files": [],
                "parts": [],
                "retired": [],
            }
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise StoreError(f"{path}: cannot read the store manifest ({error})") from None
        if manifest.get("format") != STORE_FORMAT or manifest.get("version") != STORE_VERSION:
            raise StoreError(
                f"{path}: not a version-{STORE_VERSION} {STORE_FORMAT} manifest "
                f"(found format={manifest.get('format')!r}, version={manifest.get('version')!r})"
            )
        manifest.setdefault("retired", [])
        return manifest

    @contextlib.contextmanager
    def _writing(self) -> Iterator[_Transaction]:
        """Hold the lock, clean a crashed writer's leftovers, commit or undo the new parts."""
        lock = filelock.FileLock(str(self.root / ".lock"))
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            lock.acquire(timeout=0)
        except filelock.Timeout:  # (a TimeoutError, so an OSError: it must come first)
            if sys.stderr.isatty():
                print(f"waiting for another process writing to {self.root} ...", file=sys.stderr)
            try:
                lock.acquire(timeout=self.lock_timeout)
            except filelock.Timeout:
                raise StoreError(
                    f"{self.root}: another process has been writing to the store for over "
                    f"{self.lock_timeout:.0f} s (lock file {self.root / '.lock'}); try again "
                    "when it has finished"
                ) from None
        except OSError as error:
            raise StoreError(f"{self.root}: cannot write to the store ({error})") from None
        try:
            manifest = self._read_manifest()
            self.leftovers_removed = self._remove_leftovers(manifest)
            txn = _Transaction(self, manifest)
            expired = txn.expire_retired()
            try:
                yield txn
                txn.manifest["generation"] += 1
                write_text_atomic(
                    self.root / MANIFEST, json.dumps(txn.manifest, indent=1, ensure_ascii=False)
                )
            except BaseException:
                for path in txn.written:  # not listed by any manifest: nobody can miss them
                    path.unlink(missing_ok=True)
                raise
            for path in expired:  # only after the new manifest no longer lists them
                path.unlink(missing_ok=True)
        finally:
            lock.release()

    def _remove_leftovers(self, manifest: dict[str, Any]) -> int:
        """Delete parts no manifest lists and temporary files: what a crashed writer left."""
        listed = {self.root / p["path"] for p in [*manifest["parts"], *manifest["retired"]]}
        leftovers = [p for p in self.root.glob(".*.tmp") if p.is_file()]
        for table in TABLES:
            folder = self.root / table
            leftovers += [p for p in folder.glob(".*.tmp") if p.is_file()]
            leftovers += [p for p in folder.glob("part-*.parquet") if p not in listed]
        for path in leftovers:
            path.unlink(missing_ok=True)
        return len(leftovers)

    def _scan(
        self,
        table: str,
        schema: dict[str, pl.DataType],
        brand: str | None,
        manifest: dict[str, Any] | None = None,
    ) -> pl.LazyFrame:
        manifest = manifest or self._read_manifest()
        parts = [
            self.root / part["path"]
            for part in manifest["parts"]
            if part["table"] == table and (brand is None or part["brand"] == brand)
        ]
        if not parts:
            return pl.LazyFrame(schema=schema)
        return scan_parts(parts, schema)

    # ---------------------------------------------------------------------------- readers
    def mentions(self, brand: str | None = None, *, with_sentiment: bool = True) -> pl.LazyFrame:
        """All stored mentions (of one brand), lazily: collect only the columns you need.

        ``with_sentiment`` adds sentiment_compound, sentiment_label and sentiment_method (null
        when the mention is not scored yet) and fills ``language`` with the detected language
        where the export gave none.
        """
        manifest = self._read_manifest()
        mentions = self._scan("mentions", MENTION_SCHEMA, brand, manifest)
        if any(p["table"] == "mention_fills" for p in manifest["parts"]):
            fills = self._scan("mention_fills", MENTION_SCHEMA, brand, manifest)
            mentions = apply_fills(mentions, fills)
        if not with_sentiment:
            return mentions
        scores = resolve_sentiment(self._scan("sentiment", SENTIMENT_SCHEMA, brand, manifest))
        joined = mentions.join(
            scores.rename({"language": "_detected_language"}),
            on=MENTION_KEY,
            how="left",
            maintain_order="left",
        )
        return joined.with_columns(
            pl.coalesce("language", "_detected_language").alias("language")
        ).select([*MENTION_SCHEMA, *SENTIMENT_COLUMNS])

    def daily_metrics(self, brand: str | None = None) -> pl.LazyFrame:
        """Page/account analytics per day; the newest export wins per account-day."""
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
        parts = self._read_manifest()["parts"]
        return sorted({p["brand"] for p in parts if p["table"] in _BRAND_TABLES})

    def info(self) -> dict[str, Any]:
        """A summary of what the store holds (the ``info`` command prints it)."""
        manifest = self._read_manifest()  # one snapshot for every figure below
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
        return {
            "store": str(self.root),
            "rows": summary["rows"][0],
            "quarantined": quarantine.select(pl.len()).collect().item(),
            "brands": sorted(
                {p["brand"] for p in manifest["parts"] if p["table"] in _BRAND_TABLES}
            ),
            "first_published_at": _iso(summary["first"][0]),
            "last_published_at": _iso(summary["last"][0]),
            "rows_per_brand": per(mentions, "brand"),
            "rows_per_platform": per(mentions, "platform"),
            "rows_per_source_file": per(mentions, "source_file"),
            "quarantined_per_source_file": per(quarantine, "source_file"),
            "daily_metrics_rows": daily.select(pl.len()).collect().item(),
            "scored": scored.select(pl.len()).collect().item(),
            "files_ingested": len(manifest["files"]),
        }

    # ---------------------------------------------------------------------------- writers
    def ingest(
        self,
        paths: Iterable[Path | str],
        *,
        brand: str,
        format: str | None = None,
        default_tz: str = "Asia/Jakarta",
        mapping: Path | str | None = None,
        brand_handles: Sequence[str] = (),
        progress: bool | None = None,
    ) -> IngestReport:
        """Load each export and add its new rows; one file = one atomic step.

        A file that cannot be read (missing, unreadable, unrecognised) gets an entry with an
        ``error`` and the other files are still ingested; check ``report.failed``.
        """
        # imported here: the loaders are heavy and only ingest needs them
        from analytics import load

        if not brand or not brand.strip():
            raise InputDataError("--brand is empty: name the brand the exports were collected for")
        brand = brand.strip()
        if isinstance(paths, str | Path):  # one file given as such, not as a list
            paths = [paths]
        report = IngestReport()
        for raw_path in paths:
            path = Path(raw_path)
            try:
                if path.is_dir():
                    raise InputDataError(f"{path}: is a folder; pass the export files in it")
                if not path.is_file():
                    raise InputDataError(f"{path}: no such file")
                sha256 = file_sha256(path)
                batches = load.iter_load_export(
                    path,
                    brand=brand,
                    format=format,
                    default_tz=default_tz,
                    mapping=Path(mapping) if mapping else None,
                    brand_handles=brand_handles,
                )
                batches = progress_bar(
                    batches, description=f"ingesting {path.name}", enabled=progress
                )
                entry = self.ingest_batches(
                    batches, brand=brand, source=path, sha256=sha256,
                    options={"format": format, "default_tz": default_tz,
                             "mapping": str(mapping) if mapping else None,
                             "brand_handles": list(brand_handles)},
                )  # fmt: skip
            except StoreError:
                raise  # the store itself is at fault: every other file would fail the same way
            except (AnalyticsError, OSError, UnicodeError) as error:
                message = str(error) if isinstance(error, AnalyticsError) else f"{path}: {error}"
                entry = {"file": path.name, "path": str(path), "error": message}
                entry.update(dict.fromkeys(COUNTS, 0))
            report.files.append(entry)
        return report

    def ingest_batches(
        self,
        batches: Iterable[LoadedBatch],
        *,
        brand: str,
        source: Path | str,
        sha256: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Add loader results of one file (``source``) in one atomic step; return its entry.

        Mentions already stored, or seen earlier in the same file, count as duplicates (the
        first stored copy wins); rejected rows go to the quarantine.
        """
        source, brand = Path(source), brand.strip()
        ingested_at = _now()
        entry: dict[str, Any] = {
            "file": source.name, "path": str(source), "brand": brand, "sha256": sha256,
            "format": None, "detection_reason": None, **dict.fromkeys(COUNTS, 0),
            "daily_rows": 0, "filled": 0, "notes": [], "rejected_examples": [],
            "ingested_at": _iso(ingested_at),
            "options": options or {},
        }  # fmt: skip
        with self._writing() as txn:
            daily_batches = []
            for batch in batches:
                entry["format"] = batch.format
                entry["detection_reason"] = batch.detection_reason
                entry["notes"] = merge_notes(entry["notes"], batch.notes)
                # --brand names the collection these rows belong to, whatever the file says
                mentions = batch.mentions.with_columns(brand=pl.lit(brand, dtype=pl.Utf8))
                usable, unusable = split_unusable(mentions)
                rejected = pl.concat([conform(batch.rejected, REJECTED_SCHEMA), unusable])
                new, fills = self._new_mentions(txn, usable, brand)
                txn.write_part("mentions", new, brand)
                txn.write_part("mention_fills", fills, brand)
                entry["filled"] += fills.height
                self._quarantine(txn, rejected, brand, ingested_at)
                daily_batches.append(batch.daily_metrics)
                entry["read"] += batch.mentions.height + batch.rejected.height
                entry["stored"] += new.height
                entry["duplicates"] += usable.height - new.height
                entry["rejected"] += rejected.height
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
        self, txn: _Transaction, usable: pl.DataFrame, brand: str
    ) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Split a batch into mentions new to the store and fills for stored ones.

        A mention is new when its key is in neither the store nor this file so far. Only the
        key columns (plus source_file, is_brand_post) of stored parts are scanned and only
        rows whose id is in the batch are collected, so memory stays bounded by the batch
        however big the store grows. Duplicates from another file, or that say "brand post"
        where the stored copy does not, may fill gaps of the stored copy (``apply_fills``).
        """
        batch = conform(usable, MENTION_SCHEMA)
        # first copy of each key in the batch (on the key columns only: cheaper than unique())
        batch = batch.filter(pl.struct(MENTION_KEY).is_first_distinct())
        parts = txn.parts("mentions", brand)
        no_fills = batch.clear()
        if not parts or batch.height == 0:
            return batch, no_fills
        ids = batch.get_column("mention_id").unique().implode()
        seen = (
            scan_parts(parts, MENTION_SCHEMA)
            .select(*MENTION_KEY, "source_file", "is_brand_post")
            .filter(pl.col("mention_id").is_in(ids))
            .collect(engine="streaming")
            .unique(MENTION_KEY)
        )
        if seen.height == 0:
            return batch, no_fills
        new = batch.join(seen, on=MENTION_KEY, how="anti", maintain_order="left")
        # re-ingesting the same file can fill nothing, unless it now flags brand posts
        copies = batch.join(seen, on=MENTION_KEY, suffix="_stored").filter(
            (pl.col("source_file") != pl.col("source_file_stored")).fill_null(True)
            | (pl.col("is_brand_post") & ~pl.col("is_brand_post_stored").fill_null(False))
        )
        if copies.height == 0:
            return new, no_fills
        wanted = pl.col("mention_id").is_in(copies.get_column("mention_id").implode())
        stored = scan_parts(parts, MENTION_SCHEMA).filter(wanted)
        fill_parts = txn.parts("mention_fills", brand)
        if fill_parts:
            stored = apply_fills(stored, scan_parts(fill_parts, MENTION_SCHEMA).filter(wanted))
        stored = stored.collect(engine="streaming").unique(MENTION_KEY)
        return new, fills_for(copies.select(*MENTION_SCHEMA), stored)

    def _quarantine(
        self, txn: _Transaction, rejected: pl.DataFrame, brand: str, ingested_at: datetime
    ) -> None:
        """Keep rejected rows with their reason; a row quarantined before is not added again."""
        if rejected.height == 0:
            return
        rows = rejected.with_columns(
            brand=pl.lit(brand), ingested_at=pl.lit(ingested_at, dtype=UTC_DATETIME)
        )
        rows = conform(rows, QUARANTINE_SCHEMA)
        same_row = ["source_file", "source_row", "raw"]
        rows = rows.unique(subset=same_row, keep="first", maintain_order=True)
        parts = txn.parts("quarantine", brand)
        if parts:
            files = rows.get_column("source_file").unique()
            seen = (
                scan_parts(parts, QUARANTINE_SCHEMA)
                .select(same_row)
                .filter(pl.col("source_file").is_in(files.implode()))
                .collect(engine="streaming")
            )
            rows = rows.join(
                seen.unique(), on=same_row, how="anti", nulls_equal=True, maintain_order="left"
            )
        txn.write_part("quarantine", rows, brand)

    def _changed_daily(self, txn: _Transaction, daily: pl.DataFrame, brand: str) -> pl.DataFrame:
        """The account-days of ``daily`` that add or change a figure in the store.

        The rest (same figures again, or repeated in the file) are duplicates. Daily tables
        are small (days x accounts), so the stored one is read whole.
        """
        daily = daily.with_columns(brand=pl.lit(brand, dtype=pl.Utf8))
        daily = resolve_daily(daily.lazy()).collect()
        parts = txn.parts("daily_metrics", brand)
        if not parts or daily.height == 0:
            return daily
        stored = resolve_daily(scan_parts(parts, DAILY_METRICS_SCHEMA))
        stored = stored.collect().with_columns(_stored=pl.lit(True))
        not_figures = (*DAILY_KEY, "source_tool", "source_file", "source_row")
        figures = [c for c in DAILY_METRICS_SCHEMA if c not in not_figures]
        both = daily.join(
            stored, on=DAILY_KEY, how="left", suffix="_stored", nulls_equal=True,
            maintain_order="left",
        )  # fmt: skip
        same = pl.col("_stored").is_not_null() & pl.all_horizontal(
            pl.col(c).is_null() | pl.col(c).eq_missing(pl.col(f"{c}_stored")) for c in figures
        )
        return daily.filter(~both.select(same).to_series())

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

    def _compact_sentiment(self, txn: _Transaction) -> None:
        """Merge a brand's sentiment parts into one once there are many (reads stay fast)."""
        for brand in {p["brand"] for p in txn.manifest["parts"] if p["table"] == "sentiment"}:
            parts = txn.parts("sentiment", brand)
            if len(parts) <= SENTIMENT_PARTS_BEFORE_COMPACTION:
                continue
            merged = resolve_sentiment(scan_parts(parts, SENTIMENT_SCHEMA))
            merged = merged.collect(engine="streaming")
            txn.retire(parts)
            txn.write_part("sentiment", merged, brand)
