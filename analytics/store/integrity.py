"""Are the store's parts the bytes that were written? SHA-256 and size per part.

Every part's size and SHA-256 are recorded in the manifest when the part is written
(``digest``). Reads check them cheaply (``checked_paths``): the size every time (a truncated
part is caught before polars reads it), the hash the first time a part is read in a process
(parts never change once written, so once is enough). ``verify`` checks every part in full
for ``crisis-analytics store verify``. Manifests written before hashes existed are migrated
by the next write or verify (``missing_digests``).

``newer_unlisted`` finds parts on disk that the manifest does not list and that a later
manifest must have written: the sign of an older ``manifest.json`` restored over a newer
store, which a writer must not "clean up" without ``--force``.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analytics.errors import StoreError

# parts hashed (and found intact) by this process: path -> sha256 recorded for it
_VERIFIED: dict[Path, str] = {}
_PART_NAME = re.compile(r"^part-(\d+)-[0-9a-f]+\.parquet$")


class PartState(enum.Enum):
    """What ``verify`` found for one part."""

    OK = "ok"
    RECORDED = "recorded"  # no hash in the manifest yet (older store): computed and recorded now
    MISSING = "missing"
    TRUNCATED = "truncated"  # fewer bytes on disk than were written
    RESIZED = "resized"  # more bytes on disk than were written
    DAMAGED = "damaged"  # same size, different bytes
    NOT_LISTED = "not in manifest"  # on disk, written by a newer manifest than the one here

    @property
    def is_damage(self) -> bool:
        """True when the store is not what its manifest says."""
        return self not in (PartState.OK, PartState.RECORDED)


@dataclass(frozen=True)
class PartCheck:
    """One part's state, for ``store verify``."""

    path: str  # relative to the store root, e.g. "mentions/part-000003-....parquet"
    table: str
    brand: str | None
    state: PartState
    detail: str  # a few words for people: "1,024 bytes on disk, 4,096 written"


def digest(data: bytes | memoryview) -> str:
    """SHA-256 (hex) of a part's bytes."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (exports and parts can be gigabytes)."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


def remember(path: Path, sha256: str) -> None:
    """Note a part this process wrote (or hashed) itself: no need to hash it again."""
    _VERIFIED[path] = sha256


def check(root: Path, part: dict[str, Any], *, full: bool) -> tuple[PartState, str]:
    """The state of one listed part: size always, hash when ``full`` or first seen here."""
    path = root / part["path"]
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return PartState.MISSING, "the file is gone"
    written = part.get("bytes")
    if written is not None and size != written:
        state = PartState.TRUNCATED if size < written else PartState.RESIZED
        return state, f"{size:,} bytes on disk, {written:,} written"
    recorded = part.get("sha256")
    if recorded is None:
        return PartState.RECORDED, "no checksum recorded yet"
    if not full and _VERIFIED.get(path) == recorded:
        return PartState.OK, "checked earlier in this process"
    if file_digest(path) != recorded:
        _VERIFIED.pop(path, None)
        return PartState.DAMAGED, "its bytes differ from those written (SHA-256 mismatch)"
    remember(path, recorded)
    return PartState.OK, "size and SHA-256 as written"


def _origin(manifest: dict[str, Any], part: dict[str, Any]) -> str:
    """What to do about a damaged part: name the ingested file its rows came from."""
    files = [f["file"] for f in manifest["files"] if f.get("ingest_id") == part.get("ingest_id")]
    if part.get("ingest_id") and files:
        return (
            f"restore the store from a backup, or remove that file's rows "
            f"(`crisis-analytics store remove --file {files[0]}`) and ingest it again"
        )
    return "restore the store from a backup, or delete it and ingest the exports again"


def checked_paths(
    root: Path, manifest: dict[str, Any], parts: Sequence[dict[str, Any]]
) -> list[Path]:
    """The paths of ``parts`` after the cheap read check; a one-line error for a bad one."""
    for part in parts:
        state, detail = check(root, part, full=False)
        if state.is_damage:
            raise StoreError(
                f"{root}: part {part['path']} is {state.value} ({detail}); run "
                f"`crisis-analytics store verify --store {root}` to check every part, then "
                f"{_origin(manifest, part)}"
            )
    return [root / part["path"] for part in parts]


def missing_digests(root: Path, parts: Iterable[dict[str, Any]]) -> int:
    """Record size and SHA-256 of parts an older version listed without them; how many."""
    added = 0
    for part in parts:
        path = root / part["path"]
        if part.get("sha256") is None and path.is_file():
            part["bytes"] = path.stat().st_size
            part["sha256"] = file_digest(path)
            remember(path, part["sha256"])
            added += 1
    return added


def part_generation(path: Path) -> int | None:
    """The manifest generation that wrote a part, from its name (``part-000012-....``)."""
    match = _PART_NAME.match(path.name)
    return int(match.group(1)) if match else None


def newer_unlisted(root: Path, manifest: dict[str, Any], tables: Iterable[str]) -> list[Path]:
    """Parts on disk that this manifest does not list and that a later manifest wrote.

    A writer that crashed leaves unlisted parts of generation ``generation + 1`` (the one it
    was about to commit); anything later, or any part at all when the generation marker says
    a later manifest was committed, belongs to a newer store than this manifest describes.
    """
    listed = {root / p["path"] for p in [*manifest["parts"], *manifest["retired"]]}
    generation = manifest.get("generation", 0)
    committed = committed_generation(root)
    newer = []
    for table in tables:
        for path in sorted((root / table).glob("part-*.parquet")):
            written_by = part_generation(path)
            if path in listed or written_by is None:
                continue
            if written_by > generation + 1 or (committed or 0) > generation:
                newer.append(path)
    return newer


GENERATION_MARK = "generation"


def committed_generation(root: Path) -> int | None:
    """The generation of the last manifest committed here (None for older stores)."""
    try:
        return int((root / GENERATION_MARK).read_text(encoding="ascii").strip())
    except (FileNotFoundError, ValueError):
        return None


def verify(root: Path, manifest: dict[str, Any], tables: Iterable[str]) -> list[PartCheck]:
    """Every listed part hashed in full, plus the unlisted parts a newer manifest wrote."""
    checks = []
    for part in manifest["parts"]:
        state, detail = check(root, part, full=True)
        checks.append(PartCheck(part["path"], part["table"], part.get("brand"), state, detail))
    for path in newer_unlisted(root, manifest, tables):
        checks.append(
            PartCheck(
                str(path.relative_to(root)),
                path.parent.name,
                None,
                PartState.NOT_LISTED,
                f"written by manifest generation {part_generation(path)}; this manifest is "
                f"generation {manifest.get('generation', 0)} (an older manifest restored?)",
            )
        )
    return checks
