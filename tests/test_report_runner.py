"""The report runner with a real kernel on two toy notebooks (tests/data/report/).

typed_params.ipynb asserts its list/dict parameters arrived as a list and a dict, writes
``ran-here.txt`` relative to the working directory and draws one chart. fails.ipynb raises
``ValueError("planted failure")`` in its cell 3 (0-based: markdown, parameters, x = 1, raise),
which is cell 4 of the executed notebook (papermill inserts the injected-parameters cell).
"""

import hashlib
import json
import stat
from pathlib import Path

import nbformat
import pytest
from filelock import FileLock

from analytics.errors import ReportError
from analytics.report.runner import ReportRequest, report_dir, run_report, safe_name

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data" / "report"


def _request(notebook: str, period: str = "2026-W43", **parameters) -> ReportRequest:
    return ReportRequest(notebook=DATA / notebook, brand="Kopi Nusantara", kind="weekly",
                         period=period, title="Toy", parameters=parameters)  # fmt: skip


@pytest.fixture(scope="module")
def good_run(tmp_path_factory):
    """One successful run shared by the tests below (each kernel start costs seconds)."""
    root = tmp_path_factory.mktemp("runner")
    out, work = root / "reports", root / "work"
    work.mkdir()
    result = run_report(_request("typed_params.ipynb", items=[1, 2, 3], limits={"a": 1}),
                        out=out, cwd=work, progress=False)  # fmt: skip
    return out, work, result


def test_typed_parameters_cwd_chart_and_files(good_run):
    out, work, result = good_run
    folder = report_dir(out, "Kopi Nusantara", "weekly", "2026-W43")
    assert folder.relative_to(out).parts[0].startswith("Kopi-Nusantara-")
    assert result.html_path == folder / "report.html"
    assert (work / "ran-here.txt").read_text() == "6"  # 1 + 2 + 3, written in cwd
    assert result.chart_count == 1
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["parameters"] == {"items": [1, 2, 3], "limits": {"a": 1}}
    assert stat.S_IMODE((folder / "report.html").stat().st_mode) == 0o644
    executed = nbformat.read(folder / "report.ipynb", as_version=4)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)
    assert "2026-W43" in (out / "index.html").read_text()


def test_failing_cell_is_named_notebook_kept_previous_report_intact(good_run):
    out, work, good = good_run
    before = good.html_path.read_bytes()
    failing = ReportRequest(notebook=DATA / "fails.ipynb", brand="Kopi Nusantara",
                            kind="weekly", period="2026-W43", title="x")  # fmt: skip
    expected = r"fails\.ipynb: cell 4 of the executed notebook .*ValueError: planted failure"
    with pytest.raises(ReportError, match=expected):
        run_report(failing, out=out, cwd=work, progress=False)
    folder = good.html_path.parent
    assert good.html_path.read_bytes() == before  # previous report untouched
    kept = nbformat.read(folder / "report.failed.ipynb", as_version=4)
    errors = [o for c in kept.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors and errors[0].evalue == "planted failure"


def test_rerun_replaces_the_report_and_leaves_no_temporary_folders(good_run):
    out, work, _ = good_run
    run_report(_request("typed_params.ipynb", items=[5, 5]), out=out, cwd=work,
               progress=False)  # fmt: skip
    folder = report_dir(out, "Kopi Nusantara", "weekly", "2026-W43")
    assert json.loads((folder / "meta.json").read_text())["parameters"]["items"] == [5, 5]
    assert not (folder / "report.failed.ipynb").exists()  # the new folder replaced the old
    siblings = sorted(p.name for p in folder.parent.iterdir())
    assert siblings == [".2026-W43.lock", "2026-W43"]


def test_failing_first_run_writes_no_html(tmp_path):
    out = tmp_path / "reports"
    failing = ReportRequest(notebook=DATA / "fails.ipynb", brand="B", kind="review",
                            period="2026-10-01_2026-10-31", title="x")  # fmt: skip
    with pytest.raises(ReportError, match="planted failure"):
        run_report(failing, out=out, cwd=tmp_path, progress=False)
    folder = report_dir(out, "B", "review", "2026-10-01_2026-10-31")
    assert (folder / "report.failed.ipynb").exists()
    assert not (folder / "report.html").exists()
    assert list(out.rglob("report.html")) == []


def test_a_held_lock_makes_the_second_run_wait_then_fail(tmp_path):
    out = tmp_path / "reports"
    folder = report_dir(out, "Kopi Nusantara", "weekly", "2026-W43")
    folder.parent.mkdir(parents=True)
    with (
        FileLock(str(folder.parent / ".2026-W43.lock")),
        pytest.raises(ReportError, match="another run has been writing this report"),
    ):
        run_report(_request("typed_params.ipynb"), out=out, lock_timeout=0.5, progress=False)
    assert not folder.exists()


def test_missing_notebook_and_unsafe_names():
    with pytest.raises(ReportError, match="notebook not found"):
        run_report(_request("nope.ipynb"), progress=False)
    assert safe_name("Kopi Nusantara / ID", "brand") == "Kopi-Nusantara-ID"
    with pytest.raises(ReportError, match="gives an empty folder name"):
        safe_name("../..", "brand")


def test_brands_that_slug_alike_get_their_own_folders():
    out = Path("reports")
    names = ["Kopi Senja", "Kopi-Senja", "Kopi/Senja", "kopi senja"]
    folders = {report_dir(out, name, "weekly", "2026-W43") for name in names}
    assert len(folders) == 4
    assert report_dir(out, "Kopi-Senja", "weekly", "W").parts[1] == "Kopi-Senja"  # own slug
    # stable: the same name gives the same folder in every run (sha256 of the name)
    digest = hashlib.sha256(b"Kopi Senja").hexdigest()[:8]
    assert report_dir(out, "Kopi Senja", "weekly", "W").parts[1] == f"Kopi-Senja-{digest}"
    long = report_dir(out, "K" * 300, "weekly", "2026-W43").parts[1]
    assert len(long.encode()) < 100 and long.startswith("K" * 60 + "-")
