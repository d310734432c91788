"""reports/index.html lists what is on disk, escaped, newest period first."""

import json

from analytics.report.index import list_reports, render_index, write_index


def _report(root, brand, kind, period, title, html_bytes=b"x" * 1500):
    folder = root / brand / kind / period
    folder.mkdir(parents=True)
    (folder / "report.html").write_bytes(html_bytes)
    meta = {"brand": brand, "kind": kind, "period": period, "title": title,
            "generated_at": "2026-11-23T01:00:00+00:00"}  # fmt: skip
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


def test_index_shows_readable_times_and_lets_a_long_period_break_on_a_phone(tmp_path):
    _report(tmp_path, "NusaPay", "review", "2026-10-13_2026-11-08", "review")
    page = render_index(list_reports(tmp_path))
    assert "<td>2026-11-23 01:00</td>" in page and "Generated (UTC)" in page
    assert "T01:00:00+00:00" not in page
    assert ">2026-10-13_<wbr>2026-11-08</a>" in page
    # the title column (brand, kind and period again) is left out on a narrow screen
    assert '<td class="title">review</td>' in page and "td.title,th.title{display:none}" in page
