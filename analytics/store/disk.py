"""How the store sits on disk: Parquet parts, the JSON manifest listing them, a writer lock.

A part that the manifest does not list is not part of the store. A writer (``writing``)
takes the lock, writes its new parts, then replaces the manifest in one atomic rename, so a
crash at any point leaves the previous store intact; the parts of a failed writer are
deleted on the way out, and what a killed one left behind is deleted by the next writer.
Readers take no lock: they read the manifest once and scan the parts it lists.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import sys
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import filelock
import polars as pl

from analytics.atomic import atomic_path, write_text_atomic
from analytics.errors import StoreError
from analytics.store import integrity

MANIFEST = "manifest.json"
STORE_FORMAT = "crisis-analytics-store"
STORE_VERSION = 1
TABLES = (
    "mentions", "mention_fills", "mention_counts", "daily_metrics", "quarantine", "sentiment",
    "emotion",
)  # fmt: skip
# merged-away parts stay on disk this long, for readers still scanning an older manifest
RETIRED_PARTS_KEPT_SECONDS = 3600
# parts of these tables record their first and last published_at in the manifest, so a read
# of one period skips whole parts without opening them (see ``analytics.store.reads``)
TIME_COLUMN = "published_at"
TIMED_TABLES = ("mentions",)
# small enough that a week inside a part of months skips most of it, large enough that the
# per-row-group overhead stays negligible
ROW_GROUP_ROWS = 64_000


def now() -> datetime:
    """The current time in UTC, to the second (what the manifest records)."""
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime | None) -> str | None:
    """ISO-8601 in UTC with a ``Z``, the one way the store writes times for people."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def scan_parts(
    parts: Sequence[Path], schema: dict[str, pl.DataType], *, file_paths: str | None = None
) -> pl.LazyFrame:
    """Scan Parquet parts as ``schema`` (an empty frame when there are none).

    A column added to the schema after a part was written reads as null there and a column
    dropped since is ignored, so old stores stay readable when the canonical tables grow.
    ``file_paths`` names a column to add with each row's part path.
    """
    if not parts:
        extra = {file_paths: pl.Utf8()} if file_paths else {}
        return pl.LazyFrame(schema={**schema, **extra})
    return pl.scan_parquet(
        list(parts), schema=schema, missing_columns="insert", extra_columns="ignore",
        include_file_paths=file_paths,
    )  # fmt: skip


def part_entries(
    manifest: dict[str, Any], table: str, brand: str | None = None
) -> list[dict[str, Any]]:
    """The manifest entries of ``table``'s parts (of one brand, or all), in order."""
    return [
        part
        for part in manifest["parts"]
        if part["table"] == table and (brand is None or part["brand"] == brand)
    ]


def time_range(times: pl.Series) -> dict[str, str | None]:
    """A part's ``first``/``last`` published_at for its manifest entry (ISO-8601 UTC)."""
    return {"first": iso(times.min()), "last": iso(times.max())}  # type: ignore[arg-type]


def add_time_ranges(root: Path, manifest: dict[str, Any]) -> int:
    """Record first/last times of parts written before the manifest had them; how many.

    Run by every writer, so an older store gains them at its next ingest or scoring run;
    until then its parts are simply never skipped by time (readers treat a missing range
    as "may hold any time").
    """
    added = 0
    for part in manifest["parts"]:
        if part["table"] in TIMED_TABLES and "first" not in part:
            path = root / part["path"]
            if not path.is_file():
                continue  # the reader names missing parts; a writer does not repair them
            times = pl.scan_parquet(path).select(TIME_COLUMN).collect().get_column(TIME_COLUMN)
            part.update(time_range(times))
            added += 1
    return added


def part_paths(
    root: Path, manifest: dict[str, Any], table: str, brand: str | None = None
) -> list[Path]:
    """The part files of ``table`` (of one brand, or all) that ``manifest`` lists, in order."""
    return [root / part["path"] for part in part_entries(manifest, table, brand)]


def check_paths(root: Path, manifest: dict[str, Any], paths: Sequence[Path]) -> list[Path]:
    """``paths`` (parts ``manifest`` lists) after each part's size and, the first time in
    this process, its SHA-256 are checked against the manifest."""
    entries = {root / part["path"]: part for part in manifest["parts"]}
    return integrity.checked_paths(root, manifest, [entries[path] for path in paths])


def read_manifest(root: Path) -> dict[str, Any]:
    """The store's manifest; an empty one for a new (empty or missing-but-creatable) store."""
    path = root / MANIFEST
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: is a file, not a store folder; pass --store DIR")
    if not path.exists():
        if not root.exists():
            raise StoreError(
                f"no store at {root}: run `crisis-analytics ingest FILE --brand NAME` first, "
                "or pass --store DIR"
            )
        if any(root.glob("*/part-*.parquet")):
            raise StoreError(
                f"{root}: Parquet parts found but {MANIFEST} is missing; the store is "
                "inconsistent (restore the manifest from a backup)"
            )
        return {"format": STORE_FORMAT, "version": STORE_VERSION, "generation": 0,
                "files": [], "parts": [], "retired": []}  # fmt: skip
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


class Transaction:
    """New parts written by one writer; they join the store only when the manifest does."""

    def __init__(self, root: Path, manifest: dict[str, Any]) -> None:
        self.root = root
        self.manifest = copy.deepcopy(manifest)
        self.written: list[Path] = []
        self.leftovers_removed = 0
        # recorded on every part this writer writes (e.g. the ingest it belongs to)
        self.part_tags: dict[str, Any] = {}

    def parts(self, table: str, brand: str | None = None) -> list[Path]:
        """Committed and pending part files of ``table`` (optionally of one brand), in order,
        checked like a reader checks them (a writer must not build on a damaged part)."""
        return check_paths(
            self.root, self.manifest, part_paths(self.root, self.manifest, table, brand)
        )

    def checked(self, parts: Sequence[dict[str, Any]]) -> list[Path]:
        """The paths of these manifest part entries, checked like a reader checks them."""
        return integrity.checked_paths(self.root, self.manifest, parts)

    def write_part(self, table: str, frame: pl.DataFrame, brand: str | None) -> None:
        """Write ``frame`` as a new part of ``table`` (a no-op for an empty frame)."""
        if frame.height == 0:
            return
        name = f"part-{self.manifest['generation'] + 1:06d}-{uuid.uuid4().hex[:12]}.parquet"
        target = self.root / table / name
        timed = TIME_COLUMN in frame.columns and table in TIMED_TABLES
        if timed:
            # rows in time order: each row group's min/max time then lets a scan filtered on
            # a period skip the row groups outside it (Parquet statistics)
            frame = frame.sort(TIME_COLUMN, maintain_order=True, nulls_last=True)
        buffer = io.BytesIO()  # hashed in memory: no second read of the part from disk
        # zstd level 1: a third faster to write than the default level, files ~6% larger
        frame.write_parquet(
            buffer, compression="zstd", compression_level=1, statistics=True,
            row_group_size=ROW_GROUP_ROWS,
        )  # fmt: skip
        data = buffer.getbuffer()
        sha256 = integrity.digest(data)
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)
            fsync(tmp)
        self.written.append(target)
        integrity.remember(target, sha256)
        entry = {"table": table, "path": f"{table}/{name}", "brand": brand, "rows": frame.height,
                 "bytes": len(data), "sha256": sha256, **self.part_tags}  # fmt: skip
        if timed:
            entry.update(time_range(frame.get_column(TIME_COLUMN)))
        self.manifest["parts"].append(entry)

    def retire(self, parts: Sequence[Path]) -> None:
        """Take parts out of the store but keep their files a while: a reader that read the
        previous manifest may still be scanning them."""
        paths = {str(p.relative_to(self.root)) for p in parts}
        self.manifest["parts"] = [p for p in self.manifest["parts"] if p["path"] not in paths]
        retired_at = iso(now())
        self.manifest["retired"] += [{"path": p, "retired_at": retired_at} for p in sorted(paths)]

    def expire_retired(self) -> list[Path]:
        """Drop retired parts older than RETIRED_PARTS_KEPT_SECONDS; return their files."""
        moment, keep, expired = now(), [], []
        for part in self.manifest["retired"]:
            age = (moment - datetime.fromisoformat(part["retired_at"])).total_seconds()
            if age >= RETIRED_PARTS_KEPT_SECONDS:
                expired.append(self.root / part["path"])
            else:
                keep.append(part)
        self.manifest["retired"] = keep
        return expired


def _lock(root: Path, timeout: float) -> filelock.FileLock:
    if root.exists() and not root.is_dir():
        raise StoreError(
            f"{root}: cannot write to the store: it is a file, not a store folder; pass --store DIR"
        )
    lock = filelock.FileLock(str(root / ".lock"))
    try:
        root.mkdir(parents=True, exist_ok=True)
        lock.acquire(timeout=0)
    except filelock.Timeout:  # (a TimeoutError, so an OSError: it must come first)
        if sys.stderr.isatty():
            print(f"waiting for another process writing to {root} ...", file=sys.stderr)
        try:
            lock.acquire(timeout=timeout)
        except filelock.Timeout:
            raise StoreError(
                f"{root}: another process has been writing to the store for over "
                f"{timeout:.0f} s (lock file {root / '.lock'}); try again when it has finished"
            ) from None
    except OSError as error:
        raise StoreError(f"{root}: cannot write to the store ({error})") from None
    return lock


def refuse_stale(root: Path, manifest: dict[str, Any]) -> None:
    """Stop a writer that would delete parts a newer manifest wrote (see integrity)."""
    newer = integrity.newer_unlisted(root, manifest, TABLES)
    committed = integrity.committed_generation(root) or 0
    generation = manifest.get("generation", 0)
    if not newer and committed <= generation:
        return
    found = (
        f"{len(newer)} part(s) on disk that it does not list were written after it, e.g. "
        f"{newer[0].relative_to(root)}"
        if newer
        else f"generation {committed} was committed here after it"
    )
    raise StoreError(
        f"{root}: {MANIFEST} (generation {generation}) is older than the store: {found}; an "
        "older manifest was probably restored over a newer store, and writing now would delete "
        "the newer parts. Put back the newest manifest.json, or re-run ingest or store remove "
        "with --force to drop what the manifest does not list"
    )


@contextlib.contextmanager
def writing(root: Path, lock_timeout: float, *, force: bool = False) -> Iterator[Transaction]:
    """Hold the lock, clean a crashed writer's leftovers, then commit or undo the new parts.

    Refuses (unless ``force``) when the manifest is older than parts on disk; records the
    size and SHA-256 of parts an older version listed without them.
    """
    lock = _lock(root, lock_timeout)
    try:
        manifest = read_manifest(root)
        if not force:
            refuse_stale(root, manifest)
        txn = Transaction(root, manifest)
        txn.leftovers_removed = remove_leftovers(root, manifest)
        add_time_ranges(root, txn.manifest)
        integrity.missing_digests(root, txn.manifest["parts"])
        expired = txn.expire_retired()
        try:
            yield txn
            txn.manifest["generation"] += 1
            write_manifest(root, txn.manifest)
        except BaseException:
            for path in txn.written:  # not listed by any manifest: nobody can miss them
                path.unlink(missing_ok=True)
            raise
        # after the manifest: a crash in between leaves the mark behind, never ahead
        write_text_atomic(root / integrity.GENERATION_MARK, f"{txn.manifest['generation']}\n")
        for path in expired:  # only after the new manifest no longer lists them
            path.unlink(missing_ok=True)
    finally:
        lock.release()


def fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk, so a power cut cannot undo it."""
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_manifest(root: Path, manifest: dict[str, Any]) -> None:
    """Replace the manifest atomically and durably: the commit point of every writer.

    The new parts were flushed before this; the manifest is flushed before the rename and
    the folder after it, so after a power cut the store is the old one or the new one.
    """
    with atomic_path(root / MANIFEST) as tmp:
        tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        fsync(tmp)
    for folder in {root, *(root / p["path"].split("/")[0] for p in manifest["parts"])}:
        fsync(folder)  # the renames of the new parts and of the manifest


def remove_leftovers(root: Path, manifest: dict[str, Any]) -> int:
    """Delete parts no manifest lists and temporary files: what a crashed writer left."""
    listed = {root / p["path"] for p in [*manifest["parts"], *manifest["retired"]]}
    leftovers = [p for p in root.glob(".*.tmp") if p.is_file()]
    for table in TABLES:
        folder = root / table
        leftovers += [p for p in folder.glob(".*.tmp") if p.is_file()]
        leftovers += [p for p in folder.glob("part-*.parquet") if p not in listed]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return len(leftovers)
