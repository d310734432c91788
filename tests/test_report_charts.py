"""Charts: moments and phases on every chart of time, local times, offline output."""

from datetime import UTC, datetime, timedelta

import plotly.io as pio
import polars as pl

from analytics.report import charts


def _timeline() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period_start": [datetime(2026, 10, 20, h, tzinfo=UTC) for h in (11, 12, 13)],
            "mentions": [3, 9, 4],
            "baseline_low": [1, 1, 1],
            "baseline_high": [5, 5, 5],
            "positive": [1, 1, 1], "neutral": [1, 2, 1], "negative": [1, 6, 2],
            "net_sentiment": [0.0, -5 / 7, -1 / 3],
        }
    )  # fmt: skip


def _moments() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "time": [datetime(2026, 10, 20, 12, 42, tzinfo=UTC),
                     datetime(2026, 10, 20, 13, 30, tzinfo=UTC)],
            "label": ["first post", "apology"],
            "kind": ["first_post", "response"],
        }
    )  # fmt: skip


def _phases() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "phase": ["pre-crisis", "peak"],
            "start": [datetime(2026, 10, 20, h, tzinfo=UTC) for h in (11, 12)],
            "end": [datetime(2026, 10, 20, h, tzinfo=UTC) for h in (12, 13)],
        }
    )  # fmt: skip


def test_time_chart_marks_moments_in_local_time():
    fig = charts.time_chart(_timeline(), y="mentions", title="t", band=("baseline_low",
                            "baseline_high"), moments=_moments(), phases=_phases())  # fmt: skip
    # numbers on the chart, words in the key under it (words collide on a phone)
    assert [a.text for a in fig.layout.annotations] == ["1", "2"]
    key = charts.chart_key(fig.to_dict())
    assert '<b style="background:#455a64">1</b> first post' in key
    assert '<b style="background:#00695c">2</b> apology' in key  # a response: its colour
    assert ">peak</span>" in key and "pre-crisis" not in key  # only shaded phases
    first = fig.layout.annotations[0]
    # 12:42 UTC is 19:42 in Jakarta; plotly has no zones so the chart gets local clock time
    assert str(first.x).startswith("2026-10-20 19:42") or str(first.x).startswith(
        "2026-10-20T19:42"
    )
    # one dotted line per moment + one shaded rectangle for the peak (pre-crisis unshaded)
    kinds = [shape.type for shape in fig.layout.shapes]
    assert kinds.count("line") == 2 and kinds.count("rect") == 1
    assert str(fig.data[-1].x[0]).startswith("2026-10-20 18:00")  # 11:00 UTC -> 18:00 WIB


def test_sentiment_chart_stacks_labels_and_marks_moments():
    fig = charts.sentiment_chart(_timeline(), title="s", moments=_moments())
    assert [t.name for t in fig.data] == ["negative", "neutral", "positive", "net sentiment"]
    assert fig.layout.barmode == "stack"
    # net sentiment on its own fixed -1..1 axis with round ticks
    assert list(fig.layout.yaxis2.tickvals) == [-1, -0.5, 0, 0.5, 1]
    assert fig.layout.yaxis2.tickmode == "array"
    assert len(fig.layout.annotations) == 2


def test_offline_renderer_writes_a_div_without_remote_scripts():
    charts.use_offline_renderer()
    assert pio.renderers.default == charts.RENDERER_NAME
    bundle = charts.OfflineRenderer().to_mimebundle(charts.time_chart(
        _timeline(), y="mentions", title="t").to_dict())  # fmt: skip
    # HTML that nbconvert keeps (+ our JSON for static export), no plotly mimetype that
    # nbconvert would silently drop
    assert set(bundle) == {"text/html", charts.CHART_JSON_MIME}
    html = bundle["text/html"]
    assert html.startswith('<div class="crisis-chart">')
    assert "<script src" not in html and "cdn" not in html.lower()
    assert "Plotly.newPlot" in html


def test_effect_chart_error_bars_from_the_interval():
    effects = pl.DataFrame(
        {"label": ["apology"], "before": [0.6], "after": [0.4], "ci_low": [-0.3],
         "ci_high": [-0.1]}
    )  # fmt: skip
    fig = charts.effect_chart(effects, title="e")
    # change = -0.2; interval -0.3..-0.1 -> 0.1 above and 0.1 below the "after" bar
    error = fig.data[1].error_y
    assert round(error.array[0], 6) == 0.1 and round(error.arrayminus[0], 6) == 0.1


def test_moments_close_in_time_share_a_label_and_touching_labels_take_another_row():
    # a 48-hour axis: 7% of it is 3.36 h. 12:00 and 12:10 share the label "1–2" (centred
    # 12:05, ~5.7 h wide on a phone: 9:14-14:56); 15:40 is 3.5 h after 12:10, so it gets
    # its own label "3" (~3 h wide: 14:09-17:11), which would touch "1–2": second row;
    # 22:00 is clear of both: back to the first row
    timeline = pl.DataFrame({
        "period_start": [datetime(2026, 10, 20, tzinfo=UTC), datetime(2026, 10, 22, tzinfo=UTC)],
        "mentions": [1, 2]})  # fmt: skip
    day = datetime(2026, 10, 20, tzinfo=UTC)
    times = [day.replace(hour=12), day.replace(hour=12, minute=10),
             day.replace(hour=15, minute=40), day.replace(hour=22)]  # fmt: skip
    moments = pl.DataFrame({"time": times, "label": ["a", "b", "c", "d"], "kind": ["x"] * 4})
    fig = charts.time_chart(timeline, y="mentions", title="t", moments=moments, tz="UTC")
    notes = fig.layout.annotations
    assert [a.text for a in notes] == ["1–2", "3", "4"]
    assert [round((1 - a.y) / charts.ROW_STEP) for a in notes] == [0, 1, 0]
    assert str(notes[0].x).startswith("2026-10-20 12:05")
    assert all(a.yanchor == "top" for a in notes)
    # every moment keeps its own line and its own entry in the key
    assert [s.type for s in fig.layout.shapes].count("line") == 4
    assert "<b" in charts.chart_key(fig.to_dict()) and " d</span>" in charts.chart_key(
        fig.to_dict()
    )


def test_chart_key_is_under_the_chart_in_the_html_and_escaped():
    moments = pl.DataFrame({"time": [datetime(2026, 10, 20, 12, tzinfo=UTC)],
                            "label": ["<b>x</b>"], "kind": ["response"]})  # fmt: skip
    fig = charts.time_chart(_timeline(), y="mentions", title="t", moments=moments)
    html = charts.OfflineRenderer().to_mimebundle(fig.to_dict())["text/html"]
    assert '<p class="chart-key">' in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert html.index("chart-key") > html.index("Plotly.newPlot")


def test_chart_key_lists_each_kind_of_moment_once_with_its_numbers():
    day = datetime(2026, 10, 20, tzinfo=UTC)
    labels = ["routine"] * 3 + ["apology", "routine", "apology", "routine", "routine"]
    moments = pl.DataFrame({"time": [day.replace(hour=h) for h in range(8)], "label": labels,
                            "kind": ["response"] * 8})  # fmt: skip
    key = charts.chart_key(charts.time_chart(_timeline(), y="mentions", title="t",
                                             moments=moments).to_dict())  # fmt: skip
    assert key.count('class="moment"') == 2
    assert '<b style="background:#00695c">1–3, 5, 7–8</b> routine' in key
    assert '<b style="background:#00695c">4, 6</b> apology' in key
    assert key.index("routine") < key.index("apology")  # in the order they first happen


def test_only_a_chart_with_a_legend_under_it_asks_for_room_below():
    renderer = charts.OfflineRenderer()
    one = charts.time_chart(_timeline(), y="mentions", title="t")  # one line: no legend
    several = charts.sentiment_chart(_timeline(), title="s")  # four traces, legend below
    assert "data-legend" not in renderer.to_mimebundle(one.to_dict())["text/html"]
    assert '<div class="crisis-chart" data-legend="below">' in renderer.to_mimebundle(
        several.to_dict())["text/html"]  # fmt: skip
    several.update_layout(showlegend=False)
    assert not charts.legend_below(several.to_dict())


def test_effect_chart_numbers_the_responses_and_names_them_in_the_key():
    effects = pl.DataFrame({
        "label": ["holding statement (x, instagram, facebook)", "fix (x)", "fix (x)"],
        "before": [0.8, 0.85, 0.7], "after": [0.75, 0.8, 0.6]})  # fmt: skip
    fig = charts.effect_chart(effects, title="e")
    assert [list(trace.x) for trace in fig.data] == [["1", "2", "3"]] * 2
    assert fig.layout.xaxis.type == "category"
    assert list(fig.data[0].hovertext) == effects.get_column("label").to_list()
    key = charts.chart_key(fig.to_dict())
    assert '<b style="background:#00695c">1</b> holding statement (x, instagram, facebook)' in key
    assert '<b style="background:#00695c">2–3</b> fix (x)' in key


def _band_rows(medians: list[float | None]) -> pl.DataFrame:
    """Hourly band rows from 2026-10-19 22:00 UTC (05:00 WIB on 20 Oct), one per median."""
    start = datetime(2026, 10, 19, 22, tzinfo=UTC)
    return pl.DataFrame(
        {
            "period_start": [start + timedelta(hours=i) for i in range(len(medians))],
            "baseline_median": medians,
        },
        schema={"period_start": pl.Datetime("us", "UTC"), "baseline_median": pl.Float64},
    )


def test_band_gaps_names_the_hours_without_a_usual_range_in_both_languages():
    from analytics.report.lang import language

    # the chart shows 6 hours, the data covers its last 5; 3 of those have no usual range
    band = _band_rows([None, None, None, 4.0, 4.0])
    line = _band_rows([None] * 6).with_columns(
        pl.col("period_start") - timedelta(hours=1), mentions=pl.lit(1)
    )
    with language("en"):
        assert charts.band_gaps(line, band, days=3, tz="Asia/Jakarta") == (
            "No usual range is shaded for 3 of the chart's 6 points (between 20 Oct 2026 and "
            "20 Oct 2026): the usual range is learned only from quiet hours (outside crisis "
            "episodes and alerts), and fewer than 3 quiet days come before them."
        )
    with language("id"):
        assert charts.band_gaps(line, band, days=3, tz="Asia/Jakarta").startswith(
            "Rentang biasa tidak diarsir untuk 3 dari 6 titik grafik (antara 20 Okt 2026 dan "
            "20 Okt 2026)"
        )
    # a band over every hour of the data: nothing to say
    assert charts.band_gaps(line, _band_rows([4.0] * 5), days=3) == ""
