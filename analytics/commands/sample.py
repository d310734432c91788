"""``crisis-analytics sample``: write the synthetic NusaPay crisis as vendor exports."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add the ``sample`` command to the root app."""

    @app.command("sample")
    def sample(
        out: Path = typer.Option(..., "--out", help="Directory to write (replaced as a whole)."),
        seed: int = typer.Option(7, "--seed", help="Random seed; same seed, same bytes."),
        scale: float = typer.Option(
            1.0, "--scale", help="Volume multiplier (0.5 = half the mentions); times stay."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print truth.json's summary as JSON."),
    ) -> None:
        """Write a synthetic crisis (Brandwatch, Meltwater, Sprout, X, Meta files) to --out."""
        from analytics.sample import generate_sample

        truth = generate_sample(out, seed=seed, scale=scale)
        summary = {
            "out": str(out),
            "seed": seed,
            "scale": scale,
            "files": sorted(p.name for p in Path(out).iterdir()),
            "mentions": truth["counts"]["mentions"],
            "first_post": truth["first_post"]["time"],
            "peak_hour": truth["peak_hour"],
            "end": truth["end"],
        }
        if as_json:
            print(json.dumps(summary))
            return
        print(f"wrote {len(summary['files'])} files to {out}")
        for brand, count in summary["mentions"].items():
            print(f"  {brand}: {count} mentions")
        print(
            f"  first post {summary['first_post']}, peak hour {summary['peak_hour']}, "
            f"end {summary['end']}"
        )
        print(f"  ingest with: see {Path(out) / 'sample.json'} (files, brands, time zone)")
