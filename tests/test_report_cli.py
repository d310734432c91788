"""The report commands fail fast, before any kernel starts, with messages naming the input."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from in_process_cli import cli

from analytics.commands.report import parse_claims
from analytics.errors import AnalysisError, InputDataError, ReportError, StoreError
from analytics.report.checks import check_brand
from analytics.report.jobs import run_review, run_weekly
from analytics.report.runner import report_dir
from analytics.report.synthetic import small_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "store"
    small_store(root, plant_script=False)
    return root


def test_unknown_brand_lists_the_brands_in_the_store(store):
    with pytest.raises(StoreError, match=r"no brand 'Kopi' in the store \(brands: Kopi Lain, "
                                         r"Kopi Nusantara\)"):  # fmt: skip
        check_brand(store, "Kopi")


def test_bad_week_and_dates_fail_before_running(store, tmp_path):
    with pytest.raises(InputDataError, match="2026 has no ISO week 60"):
        run_weekly(brand="Kopi Nusantara", week="2026-W60", store=store, out=tmp_path)
    with pytest.raises(InputDataError, match="--end 2026-10-01 is before --start 2026-10-15"):
        run_review(brand="Kopi Nusantara", start="2026-10-15", end="2026-10-01", store=store,
                   out=tmp_path)  # fmt: skip
    with pytest.raises(InputDataError, match="--notes .*no such file"):
        run_review(brand="Kopi Nusantara", start="2026-10-15", end="2026-10-20", store=store,
                   out=tmp_path, notes=tmp_path / "missing.md")  # fmt: skip
    # nothing was started
    assert not report_dir(tmp_path, "Kopi Nusantara", "weekly", "x").parent.parent.exists()


def test_a_period_without_mentions_fails_before_running(store, tmp_path):
    # the small store holds 3,000 mentions from 2026-10-04 17:00 UTC (Monday 5 Oct 00:00
    # WIB, ISO week 41) to Sunday 2026-11-15 (week 46): the error lists those weeks
    with pytest.raises(AnalysisError, match=r"no mention of 'Kopi Nusantara' in 2027-W10 ") as e:
        run_weekly(brand="Kopi Nusantara", week="2027-W10", store=store, out=tmp_path)
    listed = re.findall(r"(2026-W\d\d) \(([\d,]+)\)", str(e.value))
    assert [week for week, _ in listed] == [f"2026-W{w}" for w in range(41, 47)]
    assert sum(int(n.replace(",", "")) for _, n in listed) == 3000
    with pytest.raises(AnalysisError, match="in the review period"):
        run_review(brand="Kopi Nusantara", start="2025-01-01", end="2025-01-31", store=store,
                   out=tmp_path)  # fmt: skip
    assert not report_dir(tmp_path, "Kopi Nusantara", "weekly", "x").parent.parent.exists()


def test_claims_inline_or_file_must_map_names_to_keyword_lists(tmp_path):
    assert parse_claims('{"bangkrut": [bangkrut, pailit]}') == {"bangkrut": ["bangkrut", "pailit"]}
    path = tmp_path / "claims.yaml"
    path.write_text("saldo dikuras:\n  - dikuras\n  - kuras saldo\n")
    assert parse_claims(str(path)) == {"saldo dikuras": ["dikuras", "kuras saldo"]}
    with pytest.raises(InputDataError, match="expected a mapping of claim name to a list"):
        parse_claims("[bangkrut, pailit]")
    with pytest.raises(InputDataError, match="not valid YAML"):
        parse_claims("{bangkrut: [")


def test_static_format_is_checked(store, tmp_path):
    with pytest.raises(ReportError, match=r"\['gif'\] not supported"):
        run_weekly(brand="Kopi Nusantara", week="2026-W43", store=store, out=tmp_path,
                   static="gif", notebook=tmp_path / "none.ipynb")  # fmt: skip


def test_cli_prints_the_error_on_stderr_and_exits_1(store):
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "report", "weekly", "--brand", "Nope",
         "--store", str(store)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout == ""
    assert "no brand 'Nope' in the store" in done.stderr
    assert "Traceback" not in done.stderr  # the message alone, not a Python stack


@pytest.mark.browser
def test_report_check_lists_the_links_it_found_inside_charts(tmp_path):
    """A chart whose title carries a link (a label from the data): the JSON names the link
    and the check fails; the same chart without it passes with an empty list."""
    import json

    from analytics.report.html import plotly_js
    from tests.in_process_cli import cli

    def page(title: str) -> Path:
        path = tmp_path / f"page{len(list(tmp_path.iterdir()))}.html"
        figure = json.dumps({"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}],
                             "layout": {"title": {"text": title}}})  # fmt: skip
        path.write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            '<meta name="crisis-chart-count" content="1">'
            f"<script>{plotly_js()}</script></head><body>"
            '<div id="c" style="width:300px;height:200px"></div>'
            f"<script>var f = {figure}; Plotly.newPlot('c', f.data, f.layout, "
            "{displaylogo: false})</script>"
            "</body></html>",
            encoding="utf-8",
        )
        return path

    linked = cli("report", "check", str(page('<a href="https://evil.example/x">x</a>')),
                 "--json", "--max-mb", "10")  # fmt: skip
    said = json.loads(linked.stdout)
    assert said["chart_links"] == ["https://evil.example/x"] and said["chart_links_checked"] == 1
    assert linked.returncode == 1 and "links inside its charts" in linked.stderr
    clean = cli("report", "check", str(page("plain title")), "--width", "390", "--max-mb", "10")
    said = json.loads(clean.stdout)
    assert clean.returncode == 0, clean.stdout
    assert said["chart_links"] == [] and said["width"] == 390 and said["page_width"] <= 390


def test_review_episode_option_reaches_the_notebook_and_is_checked(store, tmp_path, monkeypatch):
    # --episode N is the notebook parameter "episode" (here a toy notebook that only takes
    # its parameters; meta.json records what the runner passed). The toy writes a file in
    # the working directory: run it in the test's own folder
    monkeypatch.chdir(tmp_path)
    toy = Path(__file__).parent / "data" / "report" / "typed_params.ipynb"
    done = cli(
        "report", "review", "--brand", "Kopi Nusantara", "--start", "2026-10-10",
        "--end", "2026-10-20", "--store", str(store), "--out", str(tmp_path / "reports"),
        "--episode", "2", "--notebook", str(toy),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    meta = next((tmp_path / "reports").rglob("meta.json"))
    assert json.loads(meta.read_text())["parameters"]["episode"] == 2
    # given twice with different values, or below 1: a one-line error, before any kernel
    with pytest.raises(InputDataError, match="give the episode once"):
        run_review(brand="Kopi Nusantara", start="2026-10-10", end="2026-10-20", store=store,
                   out=tmp_path, episode=2, extra={"episode": 1})  # fmt: skip
    zero = cli("report", "review", "--brand", "Kopi Nusantara", "--start", "2026-10-10",
               "--end", "2026-10-20", "--store", str(store), "--episode", "0")  # fmt: skip
    assert zero.returncode != 0 and "--episode" in zero.stderr


def test_review_help_explains_the_episode_option():
    done = cli("report", "review", "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "--episode" in text and "oldest" in text and "headline" in text


def test_a_review_in_each_language_keeps_both_reports_and_the_index_lists_both(
    store, tmp_path, monkeypatch
):
    # the toy notebook only takes its parameters (and writes a file in the working folder)
    monkeypatch.chdir(tmp_path)
    toy = Path(__file__).parent / "data" / "report" / "typed_params.ipynb"
    out = tmp_path / "reports"
    runs = {
        lang: run_review(
            brand="Kopi Nusantara",
            start="2026-10-10",
            end="2026-10-20",
            store=store,
            out=out,
            notebook=toy,
            lang=lang,
        )  # fmt: skip
        for lang in ("id", "en")
    }
    # English is the default language: its folder is the period; Indonesian's names it
    en, id_ = runs["en"].html_path.parent, runs["id"].html_path.parent
    assert en.parent == id_.parent and en.parent.name == "review"
    assert (en.name, id_.name) == ("2026-10-10_2026-10-20", "2026-10-10_2026-10-20.id")
    for lang, result in runs.items():
        assert result.html_path.is_file()
        meta = json.loads((result.html_path.parent / "meta.json").read_text(encoding="utf-8"))
        assert meta["lang"] == lang
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "2026-10-10_2026-10-20/report.html" in index
    assert "2026-10-10_2026-10-20.id/report.html" in index
