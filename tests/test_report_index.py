"""reports/index.html lists what is on disk, escaped, newest period first."""

import json
from pathlib import Path

import pytest

from analytics.report.index import list_reports, render_index, write_index

ARTIFACTS = Path(__file__).parent / "artifacts"


def _report(root, brand, kind, period, title, html_bytes=b"x" * 1500, tz=None):
    folder = root / brand / kind / period
    folder.mkdir(parents=True)
    (folder / "report.html").write_bytes(html_bytes)
    meta = {"brand": brand, "kind": kind, "period": period, "title": title,
            "generated_at": "2026-11-23T01:00:00+00:00"}  # fmt: skip
    if tz:
        meta["parameters"] = {"tz": tz}
    (folder / "meta.json").write_text(json.dumps(meta))
    return folder


def test_index_lists_reports_by_brand_kind_newest_first(tmp_path):
    _report(tmp_path, "NusaPay", "weekly", "2026-W42", "w42")
    _report(tmp_path, "NusaPay", "weekly", "2026-W43", "w43")
    _report(tmp_path, "NusaPay", "review", "2026-10-13_2026-11-08", "review")
    failed = _report(tmp_path, "NusaPay", "weekly", "2026-W44", "w44")
    (failed / "report.html").unlink()  # only a failed run's notebook: not listed
    entries = list_reports(tmp_path)
    assert [(e.kind, e.period) for e in entries] == [
        ("review", "2026-10-13_2026-11-08"),
        ("weekly", "2026-W43"),
        ("weekly", "2026-W42"),
    ]
    assert entries[1].href == "NusaPay/weekly/2026-W43/report.html"
    assert entries[1].size_bytes == 1500


def test_index_page_escapes_titles_and_shows_sizes(tmp_path):
    _report(tmp_path, "Kopi", "weekly", "2026-W43", "<b>Kopi</b> & teh", b"x" * 2_500_000)
    page = render_index(list_reports(tmp_path))
    assert "&lt;b&gt;Kopi&lt;/b&gt; &amp; teh" in page
    assert "2.5 MB" in page
    assert "<script" not in page


def test_write_index_replaces_the_page(tmp_path):
    write_index(tmp_path)
    assert "No reports yet." in (tmp_path / "index.html").read_text()
    _report(tmp_path, "Kopi", "weekly", "2026-W43", "t")
    write_index(tmp_path)
    assert "2026-W43" in (tmp_path / "index.html").read_text()


def test_index_shows_times_in_each_reports_zone_and_lets_a_long_period_break(tmp_path):
    _report(tmp_path, "NusaPay", "review", "2026-10-13_2026-11-08", "review", tz="Asia/Jakarta")
    _report(tmp_path, "Kopi", "weekly", "2026-W43", "w43", tz="Asia/Makassar")
    _report(tmp_path, "Teh", "weekly", "2026-W43", "w43")  # an older meta.json: no zone
    page = render_index(list_reports(tmp_path))
    # 01:00 UTC is 08:00 in Jakarta (WIB), 09:00 in Makassar (WITA); no zone given: WIB
    assert page.count('<span class="nb">08:00 <span class="zone">WIB</span></span>') == 2
    assert '<span class="nb">09:00 <span class="zone">WITA</span></span>' in page
    assert '<span class="nb">2026-11-23</span>' in page
    assert "T01:00:00+00:00" not in page and "01:00" not in page and "UTC" not in page
    assert '><span class="nb">2026-10-13</span>_<wbr><span class="nb">2026-11-08</span></a>' in page
    # the title column (brand, kind and period again) is left out on a narrow screen
    assert '<td class="title">review</td>' in page and "td.title,th.title{display:none}" in page


def test_a_zone_without_letters_is_named_by_its_identifier(tmp_path):
    _report(tmp_path, "B", "weekly", "2026-W43", "t", tz="Asia/Dubai")  # %Z gives '+04'
    assert '05:00 <span class="zone">Asia/Dubai</span>' in render_index(list_reports(tmp_path))


@pytest.mark.browser
def test_index_fits_a_phone(tmp_path):
    """Long brand names and both kinds at 390 px: nothing past the screen's edge."""
    from analytics.report.browser import check_report

    for brand in ("NusaPay Digital Indonesia", "Kopi"):
        _report(tmp_path, brand, "review", "2026-10-13_2026-11-08", "review", tz="Asia/Jakarta")
        _report(tmp_path, brand, "weekly", "2026-W43", "weekly", tz="Asia/Jakarta")
    write_index(tmp_path)
    check = check_report(tmp_path / "index.html", width=390, height=844,
                         screenshot=ARTIFACTS / "index_390.png")  # fmt: skip
    assert check.page_width <= 390 and check.too_wide == [], check.too_wide
    assert "2026-11-23" in check.text and "08:00 WIB" in check.text
