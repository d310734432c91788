"""Rule features of a trained model: what the English and Indonesian rules say of a text.

A model trained on a few hundred labels learns the domain's words; the two rule scores carry
the general sentiment it has not seen (see docs/sentiment.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from analytics.sentiment.pool import run_items
from analytics.sentiment.worker import Item

__all__ = ["rule_features"]


def rule_features(
    texts: Sequence[str],
    *,
    brand_names: Sequence[str] = (),
    workers: int = 2,
    progress: bool | None = None,
) -> list[tuple[float, float]]:
    """(English compound, Indonesian compound) per text: the domain model's rule features."""
    names = tuple(sorted({name for name in brand_names if name}))
    unique: dict[Item, int] = {}
    index = [
        unique.setdefault((str(t or ""), names, None, "auto", True), len(unique)) for t in texts
    ]
    results = run_items(list(unique), workers, progress)
    return [(results[k][3], results[k][4]) for k in index]
