"""Who is the customer: the one definition of the brand's own posts.

The brand's own posts (announcements, replies to customers) are scored like any mention,
but every customer figure (sentiment shares, negative counts, alerts, amplifiers, KPIs)
leaves them out: a brand apologising 200 times must not move "customer sentiment". Every
module filters with ``brand_post`` so the rule is written once.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl


def brand_post(brand_handles: Sequence[str] = ()) -> pl.Expr:
    """True for the brand's own posts: flagged by the export (``is_brand_post``), or written
    by one of its handles (case and "@" ignored)."""
    own = pl.col("is_brand_post").fill_null(False)
    if brand_handles:
        handles = [h.lower().lstrip("@") for h in brand_handles]
        own = own | pl.col("author").str.to_lowercase().is_in(handles).fill_null(False)
    return own
