"""Header and provenance footer: what a reader needs to trace a number back."""

from datetime import UTC, datetime

import polars as pl

from analytics.report import provenance


def _sources() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "brand": ["NusaPay", "NusaPay", "KiraPay"],
            "file": ["bw.csv", "<b>x</b>.csv", "kira.csv"],
            "sha256": ["a" * 64, "b" * 64, "c" * 64],
            "format": ["brandwatch", "meltwater", "brandwatch"],
            "stored": [10, 5, 7],
            "rejected": [1, 0, 0],
            "ingested_at": ["2026-11-22T01:00:00Z"] * 3,
        }
    )


def test_header_names_the_brands_files_tools_and_scorers():
    scorers = pl.DataFrame({"sentiment_method": ["id-rules", "vader-social"],
                            "mentions": [1200, 34]})  # fmt: skip
    page = provenance.header(title="NusaPay: weekly", brand="NusaPay", period="2026-W43",
                             tz="Asia/Jakarta", sources=_sources(), scorers=scorers)  # fmt: skip
    assert "bw.csv" in page and "kira.csv" not in page  # the competitor's file is not ours
    assert "&lt;b&gt;x&lt;/b&gt;.csv" in page
    assert "brandwatch, meltwater" in page
    assert "Indonesian lexicon rules (InSet-based): 1,200" in page
    assert '<nav class="toc" id="toc"></nav>' in page  # the TOC is filled in after export


def test_footer_lists_every_file_with_its_hash_parameters_and_versions():
    page = provenance.footer(sources=_sources(), parameters={"brand": "NusaPay",
                             "render": "report", "claims": {"hoaks": ["bangkrut"]}},
                             started_at=datetime(2026, 11, 22, 1, 0, tzinfo=UTC))  # fmt: skip
    for sha in ("a" * 64, "b" * 64, "c" * 64):
        assert sha in page
    # the parameters as JSON, escaped for HTML
    assert "&quot;claims&quot;: {" in page and "&quot;bangkrut&quot;" in page
    assert "render" not in page  # set by the runner, not a choice of the analyst
    assert "polars " in page and "papermill " in page and "python " in page
    assert "Run started 2026-11-22 01:00:00 UTC" in page
