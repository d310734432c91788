"""``crisis-analytics demo``: the README's main job on the bundled sample.

Reads ``sample.json`` (which file to ingest under which brand, the official handles, the
events/notes/labels files, the hoax claims, the review period and the weekly week), ingests
the exports into the store, scores the new mentions and writes both reports. Running it
twice is safe: the store skips mentions it already has and each report is replaced
atomically.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from analytics.defaults import DEFAULT_TZ
from analytics.errors import InputDataError


def read_sample_manifest(sample: Path) -> dict[str, Any]:
    """``sample.json`` with its required keys checked (file, key and what was expected)."""
    path = Path(sample) / "sample.json"
    if not path.is_file():
        raise InputDataError(f"{path}: not found; the bundled sample lives in data/sample/")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputDataError(f"{path}: not valid JSON ({error})") from None
    for key in ("brand", "files", "review_period", "weekly_report_week"):
        if key not in manifest:
            raise InputDataError(f'{path}: key "{key}" missing')
    for number, entry in enumerate(manifest["files"], start=1):
        if not isinstance(entry, dict) or "path" not in entry or "brand" not in entry:
            raise InputDataError(
                f'{path}: files entry {number} needs "path" and "brand" (found {entry!r})'
            )
    return manifest


def _say(text: str) -> None:
    if sys.stderr.isatty():
        print(text, file=sys.stderr)


def run_demo(*, sample: Path | str, store: Path | str, out: Path | str, lang: str = "en") -> list:
    """Ingest + score the sample, then write the weekly and the review report in ``lang``."""
    from analytics.errors import AnalyticsError
    from analytics.report.jobs import run_review, run_weekly
    from analytics.sentiment import score_store
    from analytics.store import Store

    sample = Path(sample).resolve()
    manifest = read_sample_manifest(sample)
    brand = manifest["brand"]
    handles = list(manifest.get("official_handles", []))
    target = Store(store)
    for entry in manifest["files"]:
        report = target.ingest(
            [sample / entry["path"]],
            brand=entry["brand"],
            format=entry.get("format"),
            default_tz=manifest.get("timezone", DEFAULT_TZ),
            brand_handles=handles if entry["brand"] == brand else (),
        )
        if report.failed:
            raise AnalyticsError(f"demo: could not ingest {entry['path']}: "
                                 f"{report.failed[0]['error']}")  # fmt: skip
        totals = report.totals
        _say(
            f"ingested {entry['path']}: {totals['stored']:,} new, "
            f"{totals['duplicates']:,} already stored, {totals['rejected']:,} rejected"
        )
    brands = {entry["brand"] for entry in manifest["files"]}
    scored = score_store(target, brand_names=sorted(brands | set(handles)))
    _say(f"scored {scored:,} new mentions")
    from analytics.sentiment.emotion import emotion_store

    _say(f"labelled {emotion_store(target).labelled:,} new mentions with an emotion")

    def optional(key: str) -> Path | None:
        return sample / manifest[key] if manifest.get(key) else None

    tz = manifest.get("timezone", DEFAULT_TZ)
    _say("writing the weekly report ...")
    weekly = run_weekly(
        brand=brand, week=manifest["weekly_report_week"], store=Path(store), out=Path(out),
        tz=tz, handles=handles, events=optional("events"), lang=lang,
    )  # fmt: skip
    _say("writing the post-crisis review ...")
    period = manifest["review_period"]
    review = run_review(
        brand=brand, start=period["start"], end=period["end"], store=Path(store),
        out=Path(out), tz=tz, handles=handles, events=optional("events"),
        notes=optional("notes"), claims=manifest.get("hoax_claims") or {},
        labels=optional("labels"), survey=optional("survey"), lang=lang,
    )  # fmt: skip
    return [weekly, review]
