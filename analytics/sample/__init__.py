"""Seeded synthetic crisis data: a fictional Indonesian e-wallet's bad week, as real exports.

``generate_sample(out_dir, seed=7, scale=1.0)`` writes Brandwatch, Meltwater, Sprout, X
analytics and Meta files plus events, notes, survey, labels, ``sample.json`` (how to ingest)
and ``truth.json`` (what was planted). See docs/sample.md for the story.
"""

from analytics.sample.generate import generate_sample

__all__ = ["generate_sample"]
