"""The bundled notebooks: their form (fast checks) and real runs on a small synthetic store
exported to HTML and opened in headless Chromium with the network cut off (slow).

The store (``analytics.report.synthetic.small_store``): 6 weeks of "Kopi Nusantara" with a
negative spike on 2026-10-21 (ISO week 43), a competitor "Kopi Lain", and one planted
mention whose text starts with ``<script>alert("planted")</script>``: it is the most engaged
and widest-reaching post, so the weekly top posts and the review's top negative posts show
it, and the browser must display it as text without an alert.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

from analytics.report.html import count_charts

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ARTIFACTS = Path(__file__).parent / "artifacts"
_LINE = re.compile(
    r"^(\w+): (str|int|float|bool|list|dict) = (.+?)  # \1: .+ \((default .+|required)\)$"
)


def test_the_three_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == [
        "crisis_review.ipynb", "explore.ipynb", "weekly_reputation.ipynb"]  # fmt: skip


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_is_documented_and_papermill_reads_every_line(path):
    from papermill.translators import PythonTranslator

    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    lines = [line for line in tagged[0].source.splitlines() if line.strip()]
    for line in lines:
        # one plain annotated assignment, and a comment "name: meaning (default ...)"
        assert _LINE.match(line), line
        assert line.count("=") == 1, f"papermill cannot parse a second '=': {line}"
        ast.parse(line)
    parsed = PythonTranslator.inspect(tagged[0])
    assert [p.name for p in parsed] == [line.split(":")[0] for line in lines]
    assert "render" in [p.name for p in parsed]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs_and_without_function_definitions(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [] and cell.execution_count is None
        tree = ast.parse(cell.source)
        defined = [n for n in ast.walk(tree)
                   if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.Lambda)]  # fmt: skip
        assert not defined, f"logic belongs in analytics/report/, not in {path.name}"


# ------------------------------------------------------------------ real runs (slow)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Run the three notebooks through the CLI's runners on the small store."""
    from analytics.report.jobs import run_review, run_weekly
    from analytics.report.runner import ReportRequest, run_report
    from analytics.report.synthetic import small_store

    root = tmp_path_factory.mktemp("notebooks")
    store, out = root / "store", root / "reports"
    planted = small_store(store, plant_script=True)
    notes = root / "notes.md"
    notes.write_text("# Catatan tim\n\nRespons pertama *terlambat*. <script>alert(2)</script>\n")
    weekly = run_weekly(brand=planted["brand"], week="2026-W43", store=store, out=out,
                        progress=False)  # fmt: skip
    review = run_review(
        brand=planted["brand"],
        start="2026-10-15",
        end="2026-11-01",
        store=store,
        out=out,
        notes=notes,
        claims={"hoax bangkrut": ["bangkrut", "pailit"]},
        progress=False,
        pdf=True,
    )
    explore = run_report(ReportRequest(
        notebook=ROOT / "notebooks" / "explore.ipynb", brand=planted["brand"], kind="explore",
        period="all", title="Explore", parameters={"brand": planted["brand"],
        "store": str(store), "platforms": ["x", "instagram"], "every": "1d"}),
        out=out, progress=False)  # fmt: skip
    return {"weekly": weekly, "review": review, "explore": explore}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["weekly", "review", "explore"])
def test_report_charts_are_in_the_notebook_and_the_html(reports, name):
    result = reports[name]
    executed = nbformat.read(result.notebook_path, as_version=4)
    # the plotly-6 trap: figures must be text/html outputs nbconvert keeps, not a plotly
    # mimetype it drops
    mimetypes = {m for c in executed.cells for o in c.get("outputs", [])
                 for m in o.get("data", {})}  # fmt: skip
    assert "application/vnd.plotly.v1+json" not in mimetypes
    charts = count_charts(executed)
    assert charts >= 2
    page = result.html_path.read_text(encoding="utf-8")
    assert page.count('class="crisis-chart"') == charts == result.chart_count
    assert result.size_bytes <= 2_500_000


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", ["weekly", "review", "explore"])
def test_report_renders_offline_in_chromium(reports, name):
    from analytics.report.browser import check_report, find_chromium

    if find_chromium() is None:
        pytest.fail("chromium is missing: scripts/install.sh --dev installs Debian's package")
    result = reports[name]
    check = check_report(result.html_path, screenshot=ARTIFACTS / f"report_{name}.png")
    assert check.blocked_requests == []  # nothing but the file itself was requested
    assert check.js_errors == [] and check.dialogs == []
    assert check.plotly_scripts == 1
    assert check.expected_charts == result.chart_count
    assert check.rendered_charts == result.chart_count
    assert check.screenshot.stat().st_size > 10_000
    assert check.size_bytes == result.size_bytes <= 2_500_000 and check.size_ok


@pytest.mark.slow
@pytest.mark.browser
def test_review_fits_a_phone_screen(reports):
    from analytics.report.browser import check_report

    check = check_report(reports["review"].html_path, width=390, height=844,
                         screenshot=ARTIFACTS / "report_review_phone.png")  # fmt: skip
    assert check.ok
    # nothing makes the page scroll sideways: wide tables scroll inside their own box
    assert check.page_width <= 390


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", ["weekly", "review"])
def test_planted_script_mention_is_shown_as_text(reports, name):
    from analytics.report.browser import check_report
    from analytics.report.synthetic import PLANTED_SCRIPT

    page = reports[name].html_path.read_text(encoding="utf-8")
    # escaped by us; nbconvert re-serialises the page, which may write &quot; back as "
    assert re.search(r"&lt;script&gt;alert\((&quot;|\")planted(&quot;|\")\)&lt;/script&gt;", page)
    assert '<script>alert("planted")' not in page
    check = check_report(reports[name].html_path)
    assert PLANTED_SCRIPT[:40] in check.text  # displayed literally
    assert check.dialogs == []  # and never run


@pytest.mark.slow
def test_review_sections_and_team_notes(reports):
    page = reports["review"].html_path.read_text(encoding="utf-8")
    toc = page.split('<nav class="toc" id="toc">')[1].split("</nav>")[0]
    for section in (
        "Executive summary",
        "Crisis timeline",
        "Responses and their effect",
        "Platforms and languages",
        "Amplifiers",
        "Narratives and hoaxes",
        "Share of voice",
        "Lessons learned",
        "Team notes",
        "Method appendix",
    ):
        assert section in toc
    assert "Catatan tim" not in toc  # the notes' own heading stays out of the TOC
    assert "<em>terlambat</em>" in page and "&lt;script&gt;alert(2)" in page
    assert "Provenance" in page and "SHA-256" in page and "polars" in page


@pytest.mark.slow
@pytest.mark.browser
def test_report_check_command_reports_the_size_and_refuses_a_heavy_page(reports):
    import json
    import subprocess
    import sys

    page = reports["weekly"].html_path
    done = subprocess.run([sys.executable, "-m", "analytics", "report", "check", str(page)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    assert said["size_bytes"] == page.stat().st_size and said["size_ok"] is True
    assert said["charts_rendered"] == said["charts_expected"] == reports["weekly"].chart_count
    tight = subprocess.run(
        [sys.executable, "-m", "analytics", "report", "check", str(page), "--max-mb", "0.5"],
        capture_output=True, text=True)  # fmt: skip
    assert tight.returncode == 1 and json.loads(tight.stdout)["size_ok"] is False
    assert "too heavy" in tight.stderr and "Traceback" not in tight.stderr


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("name", ["weekly", "review"])
def test_layout_numbers_labels_and_width_on_a_laptop_and_a_phone(reports, name, width):
    from analytics.report.browser import check_report

    check = check_report(reports[name].html_path, width=width, height=900,
                         screenshot=ARTIFACTS / f"layout_{name}_{width}.png")  # fmt: skip
    assert check.ok
    assert check.wrapped_numbers == []  # every numeric cell is one line high
    assert check.overlapping_labels == []  # no two chart labels' boxes intersect
    assert check.too_wide == [] and check.page_width <= width  # nothing past the screen
    # the moment labels are there to be checked: numbers at the top of the time charts
    page = reports[name].html_path.read_text(encoding="utf-8")
    assert page.count('class="chart-key"') >= 2 and "first post" in check.text


@pytest.mark.slow
@pytest.mark.browser
def test_review_pdf_is_a4_with_every_chart_whole_on_one_page(reports):
    from pypdf import PdfReader

    result = reports["review"]
    assert result.pdf_path == result.html_path.parent / "report.pdf"
    reader = PdfReader(result.pdf_path)
    # A4 sheets: 210 x 297 mm = 595 x 842 pt
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}  # fmt: skip
    assert sizes == {(595, 842)}
    # every section starts a page: at least one page per section of the table of contents
    sections = result.html_path.read_text(encoding="utf-8").count('<li><a href="#')
    assert len(reader.pages) >= sections >= 8
    # each chart is one static image; a chart cut across a page break would be placed on
    # two pages, so the placements must equal the charts exactly
    placed = [len(page.images) for page in reader.pages]
    assert sum(placed) == result.chart_count
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Crisis timeline" in text and "Lessons learned" in text
    # the method appendix is folded (a closed <details>) on screen, printed whole
    html = result.html_path.read_text(encoding="utf-8")
    assert '<details class="section-details">' in html
    folded = html.split('<details class="section-details">')[1]
    assert "SHA-256" in folded and "SHA-256" in text and "Package versions" in text
