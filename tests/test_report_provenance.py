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
    # the parameters as a readable list: the name in words, then the value
    claims = "<li><strong>Hoax claims and their keywords</strong>: "
    assert claims + '<span translate="no">hoaks: bangkrut</span></li>' in page
    assert '<li><strong>Brand</strong>: <span translate="no">NusaPay</span></li>' in page
    assert "&quot;" not in page and "{" not in page  # no JSON left
    assert "render" not in page  # set by the runner, not a choice of the analyst
    assert "polars " in page and "papermill " in page and "python " in page
    assert "Run started 2026-11-22 01:00:00 UTC" in page


def test_parameters_and_the_detector_method_read_as_words():
    listed = provenance.parameter_list({
        "brand_handles": ["NusaPay", "NusaPayCare"], "detect": False, "events": "",
        "claims": {"<b>hoaks</b>": ["bangkrut", "pailit"], "dikuras": ["kuras saldo"]},
        "effect_window_hours": 12, "some_new_option": None})  # fmt: skip
    assert listed == (
        '<ul class="parameters">'
        "<li><strong>Official accounts</strong>: "
        '<span translate="no">NusaPay, NusaPayCare</span></li>'
        "<li><strong>Crisis window found by the detector</strong>: no</li>"
        "<li><strong>Events file</strong>: –</li>"
        '<li><strong>Hoax claims and their keywords</strong>: <span translate="no">'
        "&lt;b&gt;hoaks&lt;/b&gt;: bangkrut, pailit; dikuras: kuras saldo</span></li>"
        "<li><strong>Hours before and after each response</strong>: 12</li>"
        "<li><strong>some new option</strong>: –</li></ul>"
    )
    method = provenance.method_list({"rule": "seasonal robust z-score", "warning_z": 5.0,
                                     "min_lead_hours": 24})  # fmt: skip
    assert "<li><strong>Warning level (robust z)</strong>: 5</li>" in method
    assert "<li><strong>Hours of data needed before an onset</strong>: 24</li>" in method
    assert "warning_z" not in method and "min_lead_hours" not in method


def test_every_notebook_parameter_and_detector_threshold_has_words():
    import re
    from dataclasses import fields
    from pathlib import Path

    import nbformat

    from analytics.measure.crisis.params import DetectionParams
    from analytics.report.messages import PARAMETER_TEXT

    names = {f.name for f in fields(DetectionParams)}
    for path in Path(__file__).parents[1].glob("notebooks/*.ipynb"):
        cell = next(c for c in nbformat.read(path, as_version=4).cells
                    if "parameters" in c.metadata.get("tags", []))  # fmt: skip
        names |= set(re.findall(r"^(\w+)\s*:", cell.source, re.MULTILINE))
    names -= {"render"}  # set by the runner, never shown
    assert sorted(names - set(PARAMETER_TEXT)) == []
