"""Offline HTML export: plotly.js once, nothing from a CDN, code hidden, TOC, UTF-8.

The notebook is built by hand with the outputs our renderer produces, so no kernel runs.
"""

import re

import nbformat
import plotly.graph_objects as go
import pytest

from analytics.errors import ReportError
from analytics.report import html as report_html
from analytics.report.charts import OfflineRenderer


def _chart_output() -> nbformat.NotebookNode:
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2]))
    bundle = OfflineRenderer().to_mimebundle(fig.to_dict())
    return nbformat.v4.new_output("display_data", data=bundle)


def _notebook() -> nbformat.NotebookNode:
    skip = nbformat.v4.new_markdown_cell("# Help for analysts only")
    skip.metadata["tags"] = ["report-skip"]
    code = nbformat.v4.new_code_cell("SECRET_CODE = 1\nfig.show()")
    code.outputs = [_chart_output(), _chart_output()]
    return nbformat.v4.new_notebook(
        cells=[
            skip,
            nbformat.v4.new_markdown_cell("## Ringkasan eksekutif – ünï"),
            code,
            nbformat.v4.new_markdown_cell("## Method"),
        ]
    )


@pytest.fixture(scope="module")
def page() -> str:
    return report_html.export_html(_notebook(), kind="weekly", title="Kopi: minggu 43")


def test_plotly_js_is_embedded_exactly_once(page):
    # the bundle starts with its licence header "plotly.js (cartesian - minified) vX.Y.Z";
    # two charts, one copy
    assert len(re.findall(r"\* plotly\.js (\([^)]*\) )?v\d", page)) == 1
    assert page.count('class="crisis-chart"') == 2
    assert re.search(r'<meta content="2" name="crisis-chart-count"/?>', page)


def test_nothing_is_loaded_from_the_network(page):
    assert re.search(r"<script[^>]*\bsrc=", page) is None  # no external scripts at all
    assert report_html.remote_references(page) == []
    # apart from plotly.js's own code (map icons it would fetch only for map charts), the
    # page names no CDN, no require.js and no MathJax
    outside = page.replace(report_html.plotly_bundle({"scatter"}), "").lower()
    assert "cdn" not in outside and "require" not in outside and "mathjax" not in outside


def test_code_is_hidden_and_skip_cells_removed(page):
    assert "SECRET_CODE" not in page
    assert "Help for analysts only" not in page
    assert 'class="jp-InputPrompt' not in page and "hl-ipython3" not in page  # no code shown


def test_utf8_title_and_table_of_contents(page):
    assert '<meta charset="utf-8"' in page
    assert "<title>Kopi: minggu 43</title>" in page
    toc = page.split('<nav class="toc" id="toc">')[1].split("</nav>")[0]
    assert toc.count("<li>") == 2
    assert "Ringkasan eksekutif – ünï" in toc


def test_count_charts_reads_executed_outputs():
    assert report_html.count_charts(_notebook()) == 2


def test_remote_references_finds_scripts_styles_and_imports():
    page = (
        '<script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/a.css">'
        "<style>@import url(https://fonts.example/b.css);</style>"
        '<a href="https://example.org/article">a link is fine</a>'
        '<img src="data:image/png;base64,AAAA">'
    )
    assert report_html.remote_references(page) == [
        "https://cdn.example/x.js",
        "//fonts.example/a.css",
        "https://fonts.example/b.css",
    ]


def test_export_refuses_a_page_that_would_fetch_something():
    nb = _notebook()
    nb.cells[2].outputs.append(
        nbformat.v4.new_output(
            "display_data", data={"text/html": '<script src="https://cdn.example/x.js"></script>'}
        )
    )
    with pytest.raises(ReportError, match="would load 1 resource"):
        report_html.export_html(nb, kind="weekly", title="t")


def test_toc_ids_are_unique_and_existing_ids_kept():
    page = report_html.add_table_of_contents(
        '<main><h2>A &amp; B</h2><h2 id="kept">C</h2><h2>A &amp; B</h2></main>'
    )
    assert '<h2 id="a-b">' in page and '<h2 id="a-b-2">' in page and '<h2 id="kept">' in page
    assert page.index('<nav class="toc"') < page.index("<h2")


def test_a_scatter_page_gets_the_partial_bundle_and_stays_small(page):
    # the cartesian bundle (1.5 MB) instead of the full plotly.js (4.8 MB)
    assert "plotly.js (cartesian - minified) v" in page
    assert report_html.plotly_js()[:2000] not in page
    assert len(page.encode("utf-8")) < 2_000_000


def test_trace_types_are_read_from_the_chart_json():
    nb = _notebook()
    assert report_html.trace_types(nb) == {"scatter"}
    bar = go.Figure([go.Bar(x=[1], y=[2]), go.Heatmap(z=[[1]])])
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data=OfflineRenderer().to_mimebundle(bar.to_dict()))]  # fmt: skip
    nb.cells.append(cell)
    assert report_html.trace_types(nb) == {"scatter", "bar", "heatmap"}


def test_a_chart_type_outside_the_partial_bundle_gets_the_full_plotly_js():
    # a map is not in the cartesian bundle: it must still render offline
    assert report_html.plotly_bundle({"scatter", "scattergeo"}) == report_html.plotly_js()
    assert report_html.plotly_bundle({"scatter", "bar", "heatmap"}) != report_html.plotly_js()
    assert "plotly.js (cartesian" in report_html.plotly_bundle({"bar"})[:200]


def _html_cell(source: str, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("display(HTML(...))")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": source})]
    cell.metadata["tags"] = list(tags)
    return cell


def test_a_section_tagged_details_folds_after_its_heading_until_the_next_section():
    method = nbformat.v4.new_markdown_cell("## Method appendix\n\nHow it was measured.")
    method.metadata["tags"] = [report_html.DETAILS_TAG]
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## Summary"),
        _html_cell("<p>FIRST-SECTION</p>"),
        method,
        _html_cell("<h3>Crisis window</h3><p>RULE-TEXT</p>"),
        _html_cell("<h3>Provenance</h3><p>HASHES</p>"),
        # a section written by a code cell (a heading in its output) ends the fold
        _html_cell("<h2>Afterword</h2><p>AFTER-TEXT</p>"),
        nbformat.v4.new_markdown_cell("## Last\n\nLAST-TEXT"),
    ])  # fmt: skip
    page = report_html.export_html(nb, kind="review", title="t")
    assert page.count("<details class=") == 1 and page.count("</details>") == 1
    folded = page.split('<details class="section-details">')[1].split("</details>")[0]
    # the summary line names what is inside; the heading and its intro stay outside
    assert "<summary>Crisis window · Provenance</summary>" in folded
    assert "RULE-TEXT" in folded and "HASHES" in folded
    for outside in ("FIRST-SECTION", "How it was measured.", "AFTER-TEXT", "LAST-TEXT"):
        assert outside in page and outside not in folded
    # whole cells are wrapped: as many cell <div>s open inside as close
    assert folded.count("<div") == folded.count("</div>")
    # the appendix is listed in the contents like any section
    assert 'href="#method-appendix"' in page


def test_a_details_section_at_the_end_of_the_page_folds_to_the_end():
    method = nbformat.v4.new_markdown_cell("## Method")
    method.metadata["tags"] = [report_html.DETAILS_TAG]
    nb = nbformat.v4.new_notebook(cells=[method, _html_cell("<p>TAIL</p>")])
    page = report_html.export_html(nb, kind="weekly", title="t")
    folded = page.split('<details class="section-details">')[1].split("</details>")[0]
    assert "TAIL" in folded and "</main>" not in folded
    assert "<summary>…</summary>" in folded  # no sub-heading to list
