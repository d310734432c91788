"""Store hand-built mention rows as if a loader had read them (shared by measure/report tests)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import polars as pl

from analytics.schema import DAILY_METRICS_SCHEMA, MENTION_SCHEMA, REJECTED_SCHEMA, conform
from analytics.store import Store


def store_rows(root: Path, brand: str, rows: list[dict], *, source: str) -> Store:
    """Ingest ``rows`` (canonical mention fields) under ``brand`` as the file ``source``."""
    batch = SimpleNamespace(
        mentions=conform(pl.DataFrame(rows), MENTION_SCHEMA),
        rejected=conform(pl.DataFrame(), REJECTED_SCHEMA),
        daily_metrics=conform(pl.DataFrame(), DAILY_METRICS_SCHEMA),
        format="generic",
        detection_reason="built by the test",
        notes=[],
    )
    store = Store(root)
    store.ingest_batches([batch], brand=brand, source=source)
    return store
