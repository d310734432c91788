"""Charts: moments and phases on every chart of time, local times, offline output."""

from datetime import UTC, datetime

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
    labels = [a.text for a in fig.layout.annotations]
    assert "first post" in labels and "apology" in labels and "peak" in labels
    first = next(a for a in fig.layout.annotations if a.text == "first post")
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
