"""HTML blocks: escaping of data, KPI formatting, the team's notes."""

from datetime import UTC, date, datetime

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.report.blocks import Kpi, findings, format_delta, kpi_cards, markdown_file, table


def test_table_escapes_mention_text():
    frame = pl.DataFrame({"text": ['<script>alert("x")</script> & <b>kecewa</b>']})
    html = table(frame)
    assert "<script>" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;kecewa&lt;/b&gt;" in html
    )


def test_table_picks_columns_cuts_rows_and_long_texts():
    frame = pl.DataFrame({"a": [1, 2, 3], "text": ["x" * 10, "y", "z"]})
    html = table(frame, {"text": "Teks"}, max_rows=2, max_chars=5)
    assert "<th>Teks</th>" in html and "<th>a</th>" not in html
    assert "xxxx…" in html  # 4 characters + ellipsis = 5
    assert "z" not in html.split("<tbody>")[1]  # third row not shown
    assert "(first 2 of 3)" in html


def test_table_percent_columns_and_local_times():
    frame = pl.DataFrame({"share": [0.125], "at": [datetime(2026, 10, 20, 12, 42, tzinfo=UTC)]})
    html = table(frame, percent=["share"], tz="Asia/Jakarta")
    assert "12.5%" in html
    # 12:42 UTC + 7 h; the zone is named once, in the heading, not in every cell
    assert '<td class="num">20 Oct 2026 19:42</td>' in html
    assert "<th>at (WIB)</th>" in html


def test_table_times_and_days_are_written_in_the_reports_language_and_zone():
    from analytics.report.lang import language

    # a top-post row: 23:10 UTC on 31 Oct is 06:10 on 1 Nov in Jakarta (UTC+7)
    row = pl.DataFrame(
        {
            "author": ["@budi"],
            "published_at": [datetime(2026, 10, 31, 23, 10, tzinfo=UTC)],
            "day": [date(2026, 8, 17)],
            "text": ["saldo hilang"],
        }
    )
    with language("en"):
        html = table(row, tz="Asia/Jakarta")
        assert '<td class="num">1 Nov 2026 06:10</td>' in html
        assert '<td class="num">17 Aug 2026</td>' in html
    with language("id"):
        html = table(row, tz="Asia/Jakarta")
        # CLDR Indonesian: abbreviated month "Nov"/"Agu", time with a dot
        assert '<td class="num">1 Nov 2026 06.10</td>' in html
        assert '<td class="num">17 Agu 2026</td>' in html
        assert "<th>published_at (WIB)</th>" in html
    # without a report zone the time keeps its own and names it in the cell
    with language("id"):
        assert '<td class="num">31 Okt 2026 23.10 UTC</td>' in table(row.drop("day"))


def test_table_unknown_column_is_an_error():
    with pytest.raises(InputDataError, match=r"column\(s\) \['nope'\] not in the frame"):
        table(pl.DataFrame({"a": [1]}), {"nope": "x"})


def test_kpi_cards_format_values_and_colour_deltas():
    html = kpi_cards(
        [
            Kpi("Negative share", 0.62, unit="%", delta=-0.27, better="down"),
            Kpi("Mentions", 12345, delta=100, better="none"),
            Kpi("First response after", None, unit="h"),
        ]
    )
    assert "62.0%" in html and "-27.0 pp" in html
    assert 'kpi-delta good">-27.0 pp' in html  # a fall of a bad share is good
    assert "12,345" in html and 'kpi-delta flat">+100' in html
    assert "n/a" in html


def test_big_numbers_are_compact_so_a_card_stays_one_line():
    html = kpi_cards([Kpi("Potential reach", 1_331_939_328, delta=1_262_141_124)])
    assert "1.33 billion" in html and "+1.26 billion" in html
    assert "12.4 million" in kpi_cards([Kpi("Reach", 12_400_000)])
    assert "999,999" in kpi_cards([Kpi("Reach", 999_999)])


def test_format_delta_units():
    assert format_delta(0.5, "score") == "+0.50"
    assert format_delta(-3.25, "h") == "-3.2 h"
    assert format_delta(None) == ""


def test_findings_worst_first_and_escaped():
    class F:
        def __init__(self, severity, text):
            self.topic, self.severity, self.text = "t", severity, text

    html = findings([F("good", "fine"), F("critical", "<i>bad</i>")])
    assert html.index("critical") < html.index("good")
    assert "&lt;i&gt;bad&lt;/i&gt;" in html


def test_notes_escape_raw_html_and_sit_below_the_report_sections(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Catatan\n\n## Apa yang terjadi\n\n<script>x()</script>\n\nRespons *cepat*\n"
    )
    html = markdown_file(notes)
    assert "<h3>Catatan</h3>" in html and "<h4>Apa yang terjadi</h4>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<em>cepat</em>" in html


def test_notes_missing_file_and_no_file(tmp_path):
    with pytest.raises(InputDataError, match="notes file not found"):
        markdown_file(tmp_path / "nope.md")
    assert "No notes" in markdown_file(None, missing_text="No notes")


def test_numbers_and_times_are_marked_to_stay_on_one_line_and_long_texts_clamped():
    frame = pl.DataFrame({"reach": [15_500_000], "platform": ["compensation"],
                          "text": ["kata " * 40]})  # fmt: skip
    html = table(frame)
    assert '<td class="num">15,500,000</td>' in html
    assert '<td class="word">compensation</td>' in html  # a word: never broken inside
    assert '<td class="long" translate="no"><div class="clamp">kata kata' in html  # data


def test_links_to_the_original_post_only_for_http_addresses():
    frame = pl.DataFrame({
        "text": ["a", "b", "c", "d"],
        "url": ["https://x.com/u/status/1", "javascript:alert(1)", None, "HTTP://news.example/a?b=1&c=2"],
    })  # fmt: skip
    html = table(frame, {"text": "text"})
    assert "<th>post</th>" in html
    assert html.count("<a ") == 2
    assert ('<a href="https://x.com/u/status/1" target="_blank" rel="noopener noreferrer">open'
            "</a>") in html  # fmt: skip
    assert 'href="HTTP://news.example/a?b=1&amp;c=2"' in html
    assert "javascript:" not in html
    # a table that already shows the address, or a frame without one, gets no link column
    assert "<a " not in table(frame, {"url": "url"}) and "<a " not in table(frame.drop("url"))
