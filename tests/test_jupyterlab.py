"""The templates in a real JupyterLab, as an analyst opens them: a server on a free local port,
driven by Playwright in Debian's headless chromium. Each notebook is opened from the project's
``notebooks/`` folder (a copy, with the store at ``data/store`` above it), run with Run All,
and checked: no error output, every plotly chart drawn, the summary cards styled (computed
styles), free text left-aligned; saving leaves the template without outputs.
Screenshots go to tests/artifacts/."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from analytics.report.lab import TEMPLATES, lab_arguments

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RUN_TIMEOUT_S = int(os.environ.get("LAB_TEST_TIMEOUT", "600"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A project folder (notebooks/ + data/store) served by JupyterLab; yields (url, project)."""
    from analytics.report.synthetic import small_store

    project = tmp_path_factory.mktemp("lab-project")
    small_store(project / "data" / "store", plant_script=False)
    (project / "notebooks").mkdir()
    for name in TEMPLATES:
        shutil.copy(ROOT / "notebooks" / name, project / "notebooks" / name)
    settings = tmp_path_factory.mktemp("lab-settings")
    # every cell stays in the page (no virtual scrolling), so all outputs can be inspected
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    port, token = _free_port(), secrets.token_hex(16)
    args = [
        *lab_arguments(project / "notebooks", port=port, token=token),
        "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={tmp_path_factory.mktemp('lab-workspaces')}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly", "--ServerApp.allow_root=True",
    ]  # fmt: skip
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("lab-runtime"))}
    log = (tmp_path_factory.mktemp("lab-log") / "server.log").open("w")
    server = subprocess.Popen(args, cwd=project / "notebooks", stdout=log, stderr=log, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start; see {log.name}")
                time.sleep(0.5)
        yield url, token, project
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from analytics.report.browser import find_chromium

    chromium = find_chromium()
    if chromium is None:
        pytest.fail("chromium is missing: scripts/install.sh --dev installs Debian's package")
    profile = Path(__import__("tempfile").mkdtemp(prefix="lab-chromium-"))
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=chromium, headless=True, args=BROWSER_ARGS,
            viewport={"width": 1400, "height": 1000},
        )  # fmt: skip
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


_STATE = """() => {
  const cells = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell'));
  const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
  return {cells: cells.length, done: prompts.filter(p => /\\[\\d+\\]/.test(p)).length,
          busy: prompts.filter(p => p.includes('*')).length};
}"""

_SCROLL_PLOTS = """async () => {
  for (const plot of document.querySelectorAll('.jp-OutputArea-output')) {
    plot.scrollIntoView();
    await new Promise(done => setTimeout(done, 300));
  }
  await new Promise(done => setTimeout(done, 1500));
}"""

_CHECKS = """() => {
  const q = s => Array.from(document.querySelectorAll(s));
  const style = (el, p) => el ? getComputedStyle(el).getPropertyValue(p) : null;
  const card = document.querySelector('.ca-result .kpi-card');
  const cell = q('.ca-result table.report-table td').find(td => td.textContent.length > 20);
  return {
    errors: q('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
      .map(e => e.textContent.slice(0, 400)),
    plots: q('.js-plotly-plot').length,
    drawn: q('.js-plotly-plot')
      .filter(p => p.querySelector('svg.main-svg g.cartesianlayer')).length,
    cardsDisplay: style(document.querySelector('.ca-result .kpi-cards'), 'display'),
    cardBorder: style(card, 'border-top-width'),
    cardRadius: style(card, 'border-top-left-radius'),
    textAlign: style(cell, 'text-align'),
  };
}"""


def _shot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"jupyterlab_{name.removesuffix('.ipynb')}.png"),
                   full_page=True)  # fmt: skip


def _open_with_kernel(tab, address: str, *, kernel: str | None = None) -> None:
    """Open a notebook, accept the kernel JupyterLab offers (the one named in the notebook;
    ``kernel``: a name its dialog must show) and wait until that kernel is idle."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    tab.goto(address, wait_until="domcontentloaded")
    tab.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=120_000)
    accept = tab.locator(".jp-Dialog .jp-mod-accept")
    try:
        accept.wait_for(timeout=30_000)
        if kernel is not None:
            assert kernel in tab.locator(".jp-Dialog").inner_text()
        accept.click()
    except PlaywrightTimeout:
        pass  # started the kernel without asking
    tab.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                          timeout=120_000)  # fmt: skip


def _run_all(tab) -> None:
    tab.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    tab.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", TEMPLATES)
def test_template_runs_all_cells_in_jupyterlab(lab, browser, name: str) -> None:
    url, token, project = lab
    blocked: list[str] = []

    def guard(route) -> None:  # nothing but the local server
        if route.request.url.startswith(url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    tab = browser.new_page()
    tab.route("**/*", guard)
    try:
        _open_with_kernel(tab, f"{url}/lab/tree/{name}?token={token}&reset",
                          kernel="crisis-analytics")  # fmt: skip
        _run_all(tab)
        deadline = time.monotonic() + RUN_TIMEOUT_S
        state = tab.evaluate(_STATE)
        while state["done"] < state["cells"] or state["busy"]:
            errors = tab.evaluate(_CHECKS)["errors"]
            assert not errors, f"{name}: error output: {errors}"
            if time.monotonic() > deadline:
                _shot(tab, name)
                pytest.fail(f"{name}: not finished after {RUN_TIMEOUT_S}s: {state}")
            tab.wait_for_timeout(1000)
            state = tab.evaluate(_STATE)
        # plotly draws a chart when it is shown: bring each into view, as a reader scrolls
        tab.evaluate(_SCROLL_PLOTS)
        checks = tab.evaluate(_CHECKS)
        _shot(tab, name)
        assert checks["errors"] == [], f"{name}: error output: {checks['errors']}"
        assert checks["plots"] >= 2, f"{name}: expected charts, found {checks['plots']}"
        assert checks["drawn"] == checks["plots"], f"{name}: charts not drawn: {checks}"
        if name == "explore.ipynb":
            # the workspace's result objects carry their own styles into JupyterLab
            assert checks["cardsDisplay"] == "grid", checks
            assert checks["cardBorder"] == "1px" and checks["cardRadius"] == "8px", checks
            assert checks["textAlign"] == "left", checks
        assert blocked == [], f"{name}: requests left the machine: {blocked[:5]}"
        # saving keeps the template free of outputs (the server's save hook)
        path = project / "notebooks" / name
        before = path.stat().st_mtime_ns
        tab.locator(".jp-Notebook").first.click()
        tab.keyboard.press("Control+s")
        deadline = time.monotonic() + 30
        saved = None
        while saved is None:  # saved, and completely written (the server writes in place)
            assert time.monotonic() < deadline, f"{name}: Ctrl+S did not save the notebook"
            tab.wait_for_timeout(250)
            if path.stat().st_mtime_ns != before:
                try:
                    saved = json.loads(path.read_text(encoding="utf-8"))
                except ValueError:
                    saved = None
        code = [c for c in saved["cells"] if c["cell_type"] == "code"]
        assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    finally:
        tab.close()


@pytest.mark.slow
@pytest.mark.browser
def test_labelling_widget_draws_and_saves_in_jupyterlab(lab, browser) -> None:
    """ipywidgets 8 drawn by the widget manager JupyterLab loads (jupyterlab_widgets): the
    analyst's click in the browser reaches the kernel and the batch CSV is rewritten."""
    import csv

    import nbformat

    url, token, project = lab
    folder = project / "notebooks"
    batch = folder / "batch1.csv"
    shutil.copy(ROOT / "tests" / "data" / "sentiment" / "widget_batch.csv", batch)
    template = nbformat.read(ROOT / "notebooks" / TEMPLATES[0], as_version=4)
    nb = nbformat.v4.new_notebook(metadata=template.metadata)
    nb.cells = [nbformat.v4.new_code_cell('import analytics as ca\nca.label_batch("batch1.csv")')]
    nbformat.write(nb, folder / "label.ipynb")
    tab = browser.new_page()
    try:
        _open_with_kernel(tab, f"{url}/lab/tree/label.ipynb?token={token}&reset")
        _run_all(tab)
        negative = tab.locator("button.jupyter-button", has_text="negative")
        negative.wait_for(timeout=120_000)
        widget = tab.locator(".jp-OutputArea-output .widget-vbox").first
        assert "1 of 7 labelled" in widget.inner_text()
        negative.click()
        deadline = time.monotonic() + 60
        while True:
            with batch.open(newline="", encoding="utf-8") as handle:
                labels = [row["label"] for row in csv.DictReader(handle)]
            if labels[0] == "negative":
                break
            assert time.monotonic() < deadline, f"the click did not reach the file: {labels}"
            tab.wait_for_timeout(250)
        assert labels == ["negative", "positive", "", "", "", "", ""]
        tab.wait_for_function(
            "() => document.querySelector('.widget-vbox').innerText.includes('2 of 7 labelled')",
            timeout=30_000,
        )
        # the next mention (3003) holds markup: shown as text, never run
        shown = widget.inner_text()
        assert "<b>biasa</b> aja <script>alert(1)</script>" in shown
        _shot(tab, "labelling_widget")
    finally:
        tab.close()
