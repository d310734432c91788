"""Static PNG/PDF copies of the charts (kaleido 1.x + the system chromium, MathJax off)."""

import nbformat
import plotly.graph_objects as go
import pytest

from analytics.errors import ReportError
from analytics.report.charts import CHART_JSON_MIME, OfflineRenderer
from analytics.report.static import export_static, figures, parse_formats


def _notebook(count: int) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("fig.show()")
    for i in range(count):
        bundle = OfflineRenderer().to_mimebundle(go.Figure(go.Bar(y=[i, 2])).to_dict())
        cell.outputs.append(nbformat.v4.new_output("display_data", data=bundle))
    return nbformat.v4.new_notebook(cells=[cell])


def test_parse_formats():
    assert parse_formats("png, PDF,png") == ("png", "pdf")
    assert parse_formats(None) == ()
    with pytest.raises(ReportError, match=r"\['jpg'\] not supported"):
        parse_formats("png,jpg")


def test_figures_come_from_the_renderers_json_beside_the_html():
    nb = _notebook(2)
    assert CHART_JSON_MIME in nb.cells[0].outputs[0].data
    found = figures(nb)
    assert [f["data"][0]["y"] for f in found] == [[0, 2], [1, 2]]


@pytest.mark.slow
@pytest.mark.browser
def test_export_writes_png_and_pdf(tmp_path):
    paths = export_static(_notebook(1), tmp_path / "charts", ("png", "pdf"))
    assert [p.name for p in paths] == ["chart-01.png", "chart-01.pdf"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths[1].read_bytes()[:4] == b"%PDF"
