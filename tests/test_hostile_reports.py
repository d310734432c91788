"""Both reports on hostile labels, opened in headless Chromium: markup stays text.

The store is the tests' small store (analytics.report.synthetic) whose competitor is named
with a link, and the runs get an events file and a claim whose names are HTML. plotly reads
a subset of HTML in every label, ``<a href>`` included, so without escaping these became
live, clickable links in the charts (issue 12: 10 in the weekly report, 14 in the review).
"""

from __future__ import annotations

from pathlib import Path

import pytest

LINK = '<a href="https://evil.example/{}">{}</a>'


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    from analytics.commands.report import run_review, run_weekly
    from analytics.report.synthetic import build_store, sample_start, synthetic_mentions

    root = tmp_path_factory.mktemp("hostile_reports")
    store, out = root / "store", root / "reports"
    start = sample_start()
    brand = "Kopi Nusantara"
    build_store(
        store,
        [
            synthetic_mentions(1500, brand=brand, start=start, days=42, plant_script=True),
            synthetic_mentions(
                400, brand=LINK.format("rival", "Kopi Lain"), start=start, days=42, seed=11
            ),
        ],
    )
    events = root / "events.csv"
    events.write_text(
        "time,channel,type,description\n"
        f'2026-10-21 12:00,x,"{LINK.format("type", "apology").replace(chr(34), 2 * chr(34))}",'
        "<b>maaf</b>\n"
        '2026-10-22 09:00,instagram,"<img src=x onerror=alert(1)>statement",'
        f'"{LINK.format("desc", "klik").replace(chr(34), 2 * chr(34))}"\n',
        encoding="utf-8",
    )
    claims = {LINK.format("claim", "hoax bangkrut"): ["bangkrut", "pailit", "kopi"]}
    weekly = run_weekly(brand=brand, week="2026-W43", store=store, out=out, events=events,
                        progress=False)  # fmt: skip
    review = run_review(brand=brand, start="2026-10-12", end="2026-11-01", store=store, out=out,
                        events=events, claims=claims, progress=False)  # fmt: skip
    return {"weekly": weekly, "review": review}


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", ["weekly", "review"])
def test_markup_in_labels_is_never_a_live_link(hostile_reports, name):
    from analytics.report.browser import check_report, find_chromium

    if find_chromium() is None:
        pytest.fail("chromium is missing: scripts/install.sh --dev installs Debian's package")
    result = hostile_reports[name]
    page = Path(result.html_path).read_text(encoding="utf-8")
    assert "evil.example" in page  # the hostile labels did reach the report
    check = check_report(result.html_path)
    assert check.chart_links == []
    assert check.dialogs == [] and check.js_errors == []
    assert check.rendered_charts == check.expected_charts
