"""Plotly charts for the reports, and the one way they are put into a notebook.

Why a renderer of our own: plotly's ``notebook`` renderer embeds a MathJax ``<script src>``
from a CDN in every figure, ``notebook_connected`` loads plotly.js from a CDN, and with
plotly 6+ the default ``plotly_mimetype`` output is dropped by nbconvert's HTML export (the
chart silently disappears). Our ``crisis_offline`` renderer writes a plain ``text/html``
div that calls ``Plotly.newPlot``; plotly.js itself is embedded once in the page head by
:mod:`analytics.report.html`. Each chart div carries the class ``crisis-chart`` so the
runner and the browser tests can count the charts that should appear.

Every chart of time takes ``moments`` (a frame of ``time``, ``label``, ``kind``) and marks
them as vertical lines with a label, and optional ``phases`` (``phase``, ``start``, ``end``)
shaded in the background, so a reader sees responses against the curve.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import polars as pl
from plotly.io._base_renderers import MimetypeRenderer

from analytics.defaults import DEFAULT_TZ
from analytics.report.lang import current_lang
from analytics.report.words import t
from analytics.report.words import value as word

RENDERER_NAME = "crisis_offline"
CHART_CLASS = "crisis-chart"
# the figure's JSON travels beside its HTML in the executed notebook (nbconvert's HTML
# export ignores this mimetype) so PNG/PDF copies can be made later without re-running
CHART_JSON_MIME = "application/vnd.crisis-analytics.chart+json"

# colours: one meaning each, everywhere in a report
COLOURS = {
    "positive": "#2e7d32",
    "neutral": "#9e9e9e",
    "negative": "#c62828",
    "volume": "#1f4e79",
    "reach": "#6a1b9a",
    "engagement": "#ef6c00",
    "baseline": "rgba(31, 78, 121, 0.15)",
    "response": "#00695c",
    "moment": "#455a64",
}
PHASE_COLOURS = {
    "pre-crisis": "rgba(0,0,0,0)",
    "escalation": "rgba(239, 108, 0, 0.10)",
    "peak": "rgba(198, 40, 40, 0.12)",
    "recovery": "rgba(46, 125, 50, 0.10)",
    "post-crisis": "rgba(0,0,0,0)",
}
_PLOT_CONFIG = {"responsive": True, "displaylogo": False, "scrollZoom": False}


class OfflineRenderer(MimetypeRenderer):
    """Render a figure as a ``text/html`` div without plotly.js or MathJax references."""

    def __init__(self, height: int = 420) -> None:
        self.height = height

    def to_mimebundle(self, fig_dict: dict) -> dict:
        # the key and the title are HTML we escape ourselves (from the figure as given);
        # every label plotly draws goes through plain_figure
        key = chart_key(fig_dict)
        # the title goes above the chart as HTML: SVG text cannot wrap, and a long title
        # reached past a phone's screen; the JSON for static copies keeps it
        title = (fig_dict.get("layout") or {}).get("title") or {}
        text = title.get("text") if isinstance(title, dict) else str(title)
        heading = f'<p class="chart-title">{html.escape(str(text))}</p>' if text else ""
        fig_dict = plain_figure(fig_dict)
        layout = dict(fig_dict.get("layout") or {})
        if text:
            margin = dict(layout.get("margin") or {})
            # the title is gone from the SVG: the top margin only holds a legend or buttons
            # drawn above the plot (moment numbers sit inside it), else a little air
            above = (layout.get("legend") or {}).get("y", 0) >= 1 or layout.get("updatemenus")
            layout.update(title={"text": ""}, margin={**margin, "t": 30 if above else 14})
        html_div = pio.to_html(
            {**fig_dict, "layout": layout},
            include_plotlyjs=False,
            include_mathjax=False,
            full_html=False,
            config={**_PLOT_CONFIG, "locale": current_lang().value},
            default_width="100%",
            default_height=self.height,
            validate=False,
        )
        import json

        extra = ' data-legend="below"' if legend_below(fig_dict) else ""
        return {
            "text/html": f'<div class="{CHART_CLASS}"{extra}>{heading}{html_div}{key}</div>',
            CHART_JSON_MIME: json.loads(pio.to_json(fig_dict, validate=False)),
        }


def legend_below(figure: dict) -> bool:
    """Whether plotly draws a legend under the plot (it may wrap to rows on a phone and
    hang below the chart's box: the page leaves room for it only then)."""
    layout = figure.get("layout") or {}
    legend = layout.get("legend") or {}
    if layout.get("showlegend") is False or legend.get("y", 1) >= 0:
        return False
    named = [t for t in figure.get("data") or [] if t.get("showlegend") is not False]
    return layout.get("showlegend") is True or len(named) > 1


_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plain_text(value: str) -> str:
    """A label as plain text for plotly: ``&``, ``<`` and ``>`` as entities.

    plotly.js reads a subset of HTML in every text it draws (titles, legend names, tick
    labels, hover labels, annotations), ``<a href>`` included: a brand, claim or event
    type written as markup would become a live link in the report. Entities are drawn as
    the characters themselves, so the reader sees exactly what was written.
    """
    return value.translate(_MARKUP)


def plain_figure(value: object) -> object:
    """Every string of a figure (dict) through :func:`plain_text`: the one gate for labels.

    The charts draw no markup of their own, so escaping every string (names, categories,
    annotations, titles) leaves nothing of ours changed and no user label live.
    """
    if isinstance(value, str):
        return plain_text(value) if ("<" in value or ">" in value or "&" in value) else value
    if isinstance(value, dict):
        return {k: plain_figure(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_figure(v) for v in value]
    if isinstance(value, np.ndarray) and value.dtype.kind in "OUS":
        return np.array([plain_figure(v) for v in value.tolist()], dtype=object)
    return value


def use_offline_renderer() -> None:
    """Make ``fig.show()`` produce offline HTML divs (for papermill runs exported to HTML)."""
    pio.renderers[RENDERER_NAME] = OfflineRenderer()
    pio.renderers.default = RENDERER_NAME


def local_times(series: pl.Series, tz: str) -> list:
    """Times as naive local datetimes for plotly.

    plotly.js has no time zones: a tz-aware value would be drawn at its UTC clock time (or
    mis-parsed), so every time on a chart is converted to the report's zone first and the
    axis says which zone it is.
    """
    if isinstance(series.dtype, pl.Datetime) and series.dtype.time_zone is not None:
        series = series.dt.convert_time_zone(tz).dt.replace_time_zone(None)
    return series.to_list()


def _base_layout(fig: go.Figure, title: str, y_title: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        template="plotly_white",
        margin={"l": 50, "r": 20, "t": 60, "b": 40},
        legend={"orientation": "h", "y": -0.15},
        hovermode="x unified",
        yaxis_title=y_title,
    )
    return fig


# moment labels are numbers above their line, the words are listed under the chart (a
# chart key): words collide on a phone, where a day is a few pixels wide. Moments closer
# than MIN_GAP of the time axis share one label ("3–5"); labels that would still touch go on
# another row. Widths are estimated for a phone's plot area (~260 px): the tightest case.
MIN_GAP = 0.07
CHAR_WIDTH = 0.028  # of the axis per character of a label, on a phone
LABEL_PAD = 0.035  # of the axis: the label's box padding and a little air
ROW_STEP = 0.09  # of the plot height per row of labels
KEY_META = "crisis_key"  # layout.meta entry the renderer turns into the HTML chart key


def _clusters(stamps: Sequence[float], span: float) -> list[list[int]]:
    """Runs of moments each closer than MIN_GAP to the one before (indexes, in order)."""
    runs: list[list[int]] = []
    for i, stamp in enumerate(stamps):
        if runs and stamp - stamps[runs[-1][-1]] < MIN_GAP * span:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _rows(centres: Sequence[float], widths: Sequence[float]) -> list[int]:
    """Greedy rows: each label takes the first row whose last label ends left of it."""
    ends: list[float] = []
    rows = []
    for centre, width in zip(centres, widths, strict=True):
        left = centre - width / 2
        for row, end in enumerate(ends):
            if end <= left:
                ends[row] = centre + width / 2
                rows.append(row)
                break
        else:
            ends.append(centre + width / 2)
            rows.append(len(ends) - 1)
    return rows


def _x_span(fig: go.Figure, extra: Sequence[datetime]) -> tuple[float, float]:
    """The time axis' extent in epoch seconds (traces and moments)."""
    values = [*extra]
    for trace in fig.data:
        values.extend(v for v in (getattr(trace, "x", None) or ()) if isinstance(v, datetime))
    stamps = [v.timestamp() if v.tzinfo else v.replace(tzinfo=UTC).timestamp() for v in values]
    return (min(stamps), max(stamps)) if stamps else (0.0, 1.0)


def _key(fig: go.Figure) -> dict:
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    return {"moments": [], "phases": [], **meta.get(KEY_META, {})}


def _set_key(fig: go.Figure, key: dict) -> None:
    meta = dict(fig.layout.meta) if isinstance(fig.layout.meta, dict) else {}
    fig.update_layout(meta={**meta, KEY_META: key})


def mark_moments(fig: go.Figure, moments: pl.DataFrame | None, tz: str = DEFAULT_TZ) -> go.Figure:
    """Draw each moment (first post, media pickup, responses) as a numbered vertical line.

    ``moments`` has ``time`` (datetime), ``label`` (short text) and ``kind``
    (``"response"`` or anything else). The numbers sit at the top, on as many rows as
    needed so no two overlap; the words go into the chart key under the chart. The lines
    are added in one layout update: ``add_shape`` in a loop copies the layout each time,
    which is quadratic and took minutes for a few thousand marks.
    """
    if moments is None or moments.height == 0:
        return fig
    moments = moments.sort("time")
    times = local_times(moments.get_column("time"), tz)
    low, high = _x_span(fig, [t for t in times if t is not None])
    span = max(high - low, 1.0)
    stamps = [t.replace(tzinfo=UTC).timestamp() for t in times]
    runs = _clusters(stamps, span)
    texts = [str(run[0] + 1) if len(run) == 1 else f"{run[0] + 1}–{run[-1] + 1}" for run in runs]
    centres = [(stamps[run[0]] + stamps[run[-1]]) / 2 for run in runs]
    rows = _rows(centres, [(LABEL_PAD + CHAR_WIDTH * len(text)) * span for text in texts])
    shapes, notes = list(fig.layout.shapes), list(fig.layout.annotations)
    key = _key(fig)
    colours = [
        COLOURS["response"] if row.get("kind") == "response" else COLOURS["moment"]
        for row in moments.iter_rows(named=True)
    ]
    for n, (row, x, colour) in enumerate(
        zip(moments.iter_rows(named=True), times, colours, strict=True), start=1
    ):
        shapes.append(
            {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
             "line": {"color": colour, "width": 1, "dash": "dot"}}
        )  # fmt: skip
        key["moments"].append({"n": n, "label": word(row["label"]), "colour": colour})
    for run, text, centre, level in zip(runs, texts, centres, rows, strict=True):
        colour = colours[run[0]] if len({colours[i] for i in run}) == 1 else COLOURS["moment"]
        notes.append(
            {"x": datetime.fromtimestamp(centre, UTC).replace(tzinfo=None), "xref": "x",
             "yref": "paper", "y": 1.0 - ROW_STEP * level, "yanchor": "top", "text": text,
             "showarrow": False, "xanchor": "center", "font": {"size": 10, "color": "#fff"},
             "bgcolor": colour, "borderpad": 2}
        )  # fmt: skip
    fig.update_layout(shapes=shapes, annotations=notes)
    _set_key(fig, key)
    return fig


def shade_phases(fig: go.Figure, phases: pl.DataFrame | None, tz: str = DEFAULT_TZ) -> go.Figure:
    """Shade escalation / peak / recovery behind a time chart (pre/post stay unshaded).

    The phase names go into the chart key, not onto the chart: a 4-hour peak beside a
    day-long escalation leaves no room for two words under the curve."""
    if phases is None or phases.height == 0:
        return fig
    starts = local_times(phases.get_column("start"), tz)
    ends = local_times(phases.get_column("end"), tz)
    shapes = list(fig.layout.shapes)
    key = _key(fig)
    for row, x0, x1 in zip(phases.iter_rows(named=True), starts, ends, strict=True):
        colour = PHASE_COLOURS.get(row["phase"], "rgba(0,0,0,0)")
        if colour.endswith(",0)") or x0 is None or x1 is None:
            continue
        shapes.append(
            {"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
             "fillcolor": colour, "line": {"width": 0}, "layer": "below"}
        )  # fmt: skip
        if word(row["phase"]) not in [p["phase"] for p in key["phases"]]:
            key["phases"].append({"phase": word(row["phase"]), "colour": colour})
    fig.update_layout(shapes=shapes)
    _set_key(fig, key)
    return fig


def _numbers(ns: Sequence[int]) -> str:
    """[1, 2, 3, 5, 7, 8] -> '1–3, 5, 7–8': runs of numbers as ranges."""
    runs: list[list[int]] = []
    for n in ns:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def chart_key(figure: dict) -> str:
    """The HTML key under a chart: phase swatches and the numbered moments' words.

    Moments with the same words and colour share one entry ("1–6, 9 routine"): thirty
    brand posts would otherwise list thirty entries under every time chart (147 px of key
    per chart on a phone)."""
    key = (figure.get("layout", {}).get("meta") or {}).get(KEY_META) or {}
    groups: dict[tuple[str, str], list[int]] = {}
    for m in key.get("moments", []):
        groups.setdefault((str(m["label"]), str(m["colour"])), []).append(int(m["n"]))
    parts = [
        f'<span class="phase" style="background:{html.escape(p["colour"])}">'
        f"{html.escape(p['phase'])}</span>"
        for p in key.get("phases", [])
    ] + [
        f'<span class="moment"><b style="background:{html.escape(colour)}">{_numbers(ns)}</b> '
        f"{html.escape(label)}</span>"
        for (label, colour), ns in groups.items()
    ]
    # a space between items: a line may break there (print has no other break point)
    return f'<p class="chart-key">{" ".join(parts)}</p>' if parts else ""


def time_chart(
    timeline: pl.DataFrame,
    *,
    y: str,
    title: str,
    y_title: str = "",
    colour: str = COLOURS["volume"],
    band: tuple[str, str] | None = None,
    moments: pl.DataFrame | None = None,
    phases: pl.DataFrame | None = None,
    kind: str = "line",
    tz: str = DEFAULT_TZ,
) -> go.Figure:
    """One metric over time, with an optional baseline band, moments and phases.

    ``timeline`` needs ``period_start`` and the ``y`` column (and the two ``band`` columns).
    """
    x = local_times(timeline.get_column("period_start"), tz)
    fig = go.Figure()
    if band is not None:
        low, high = band
        fig.add_trace(
            go.Scatter(
                x=x,
                y=timeline.get_column(high).to_list(),
                mode="lines",
                line={"width": 0},
                showlegend=False,
                hoverinfo="skip",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=timeline.get_column(low).to_list(),
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor=COLOURS["baseline"],
                name=t("chart.usual_range"),
                hoverinfo="skip",
            )
        )
    values = timeline.get_column(y).to_list()
    if kind == "bar":
        fig.add_trace(go.Bar(x=x, y=values, name=y_title or y, marker_color=colour))
    else:
        fig.add_trace(
            go.Scatter(
                x=x, y=values, mode="lines", name=y_title or y, line={"color": colour, "width": 2}
            )
        )
    _base_layout(fig, title, y_title)
    shade_phases(fig, phases, tz)
    return mark_moments(fig, moments, tz)


def band_gaps(line: pl.DataFrame, band: pl.DataFrame, *, days: int, tz: str = DEFAULT_TZ) -> str:
    """The sentence saying where a time chart (``line``) has no usual range: the periods of
    the data (``band``, from ``CrisisWindow.band``) whose ``baseline_median`` is null; ""
    when the band covers the chart. A missing band must read as "not learned", not as
    "nothing unusual"; periods outside the data have no band and are not counted."""
    shown = line.get_column("period_start")
    missing = band.filter(
        pl.col("baseline_median").is_null()
        & pl.col("period_start").is_between(shown.min(), shown.max())
    ).get_column("period_start")
    if missing.len() == 0:
        return ""
    times = local_times(missing, tz)
    return t(
        "chart.no_usual_range",
        count=missing.len(),
        total=line.height,
        first=times[0].date(),
        last=times[-1].date(),
        days=days,
    )


def sentiment_chart(
    timeline: pl.DataFrame,
    *,
    title: str,
    moments: pl.DataFrame | None = None,
    phases: pl.DataFrame | None = None,
    tz: str = DEFAULT_TZ,
) -> go.Figure:
    """Stacked positive / neutral / negative counts per period, with net sentiment on a
    second axis (scale -1..1) so the mood and the volume read from one chart."""
    x = local_times(timeline.get_column("period_start"), tz)
    fig = go.Figure()
    for label in ("negative", "neutral", "positive"):
        fig.add_trace(
            go.Bar(
                x=x,
                y=timeline.get_column(label).to_list(),
                name=word(label),
                marker_color=COLOURS[label],
            )
        )
    if "net_sentiment" in timeline.columns:
        fig.add_trace(
            go.Scatter(
                x=x,
                y=timeline.get_column("net_sentiment").to_list(),
                yaxis="y2",
                name=t("chart.net_sentiment"),
                mode="lines",
                line={"color": "#000", "width": 2},
            )
        )
        fig.update_layout(
            yaxis2={
                "overlaying": "y",
                "side": "right",
                # fixed -1..1 with its own ticks: synced to the count axis they read 0.558
                "range": [-1.05, 1.05],
                "autorange": False,
                "tickmode": "array",
                "tickvals": [-1, -0.5, 0, 0.5, 1],
                "title": t("chart.net_sentiment"),
                "showgrid": False,
                "zeroline": False,
            }
        )
    fig.update_layout(barmode="stack")
    _base_layout(fig, title, t("chart.mentions"))
    shade_phases(fig, phases, tz)
    return mark_moments(fig, moments, tz)


def multi_line_chart(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    group: str,
    title: str,
    y_title: str = "",
    moments: pl.DataFrame | None = None,
    phases: pl.DataFrame | None = None,
    stacked: bool = False,
    tz: str = DEFAULT_TZ,
) -> go.Figure:
    """One line (or stacked area) per group over time: share of voice, claims, platforms."""
    fig = go.Figure()
    for (name,), part in frame.sort(x).group_by([group], maintain_order=True):
        fig.add_trace(
            go.Scatter(
                x=part.get_column(x).to_list(),
                y=part.get_column(y).to_list(),
                mode="lines",
                name=word(name),
                stackgroup="one" if stacked else None,
            )
        )
    _base_layout(fig, title, y_title)
    shade_phases(fig, phases, tz)
    return mark_moments(fig, moments, tz)


def bar_chart(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str | Sequence[str],
    title: str,
    y_title: str = "",
    horizontal: bool = False,
    colours: Sequence[str] | None = None,
) -> go.Figure:
    """Grouped bars of one or more columns by a category (platform, language, author)."""
    fig = go.Figure()
    columns = [y] if isinstance(y, str) else list(y)
    for i, column in enumerate(columns):
        colour = (colours[i] if colours else COLOURS.get(column)) or None
        values = frame.get_column(column).to_list()
        labels = [str(v) for v in frame.get_column(x).to_list()]
        if horizontal:
            fig.add_trace(
                go.Bar(y=labels, x=values, name=column, orientation="h", marker_color=colour)
            )
        else:
            fig.add_trace(go.Bar(x=labels, y=values, name=column, marker_color=colour))
    _base_layout(fig, title, y_title)
    fig.update_layout(hovermode="closest", barmode="group")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    return fig


def effect_chart(effects: pl.DataFrame, *, title: str) -> go.Figure:
    """Negative share before and after each response, with the change's interval as error bars.

    ``effects`` rows need ``label``, ``before``, ``after`` and optionally ``ci_low`` /
    ``ci_high`` (interval of after - before, same units). The responses are numbered on the
    axis and named in the key under the chart: their names ("holding statement (x,
    instagram, facebook)") turned sideways left a phone a plot a few pixels high.
    """
    names = [str(v) for v in effects.get_column("label").to_list()]
    labels = [str(n) for n in range(1, len(names) + 1)]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=effects.get_column("before").to_list(),
            name=t("chart.before"),
            marker_color=COLOURS["neutral"],
            hovertext=names,
        )
    )
    after = go.Bar(
        x=labels,
        y=effects.get_column("after").to_list(),
        name=t("chart.after"),
        marker_color=COLOURS["response"],
        hovertext=names,
    )
    if {"ci_low", "ci_high"} <= set(effects.columns):
        rows = effects.select("after", "before", "ci_low", "ci_high").to_dicts()
        plus, minus = [], []
        for r in rows:
            if None in (r["after"], r["before"], r["ci_low"], r["ci_high"]):
                plus.append(0)
                minus.append(0)
                continue
            change = r["after"] - r["before"]
            plus.append(max(r["ci_high"] - change, 0))
            minus.append(max(change - r["ci_low"], 0))
        after.error_y = {"type": "data", "array": plus, "arrayminus": minus, "visible": True}
    fig.add_trace(after)
    _base_layout(fig, title, t("chart.negative_share"))
    fig.update_layout(
        barmode="group",
        hovermode="closest",
        yaxis_tickformat=".0%",
        xaxis_type="category",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
    )
    key = _key(fig)
    key["moments"] = [
        {"n": n, "label": name, "colour": COLOURS["response"]}
        for n, name in enumerate(names, start=1)
    ]
    _set_key(fig, key)
    return fig


def confusion_chart(matrix: pl.DataFrame, *, title: str) -> go.Figure:
    """Heat map of a confusion matrix (rows: reference label, columns: our label)."""
    labels = [c for c in matrix.columns if c != "reference"]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.select(labels).to_numpy().tolist(),
            x=[word(label) for label in labels],
            y=[word(label) for label in matrix.get_column("reference").to_list()],
            colorscale="Blues",
            text=matrix.select(labels).to_numpy().tolist(),
            texttemplate="%{text}",
            showscale=False,
        )
    )
    _base_layout(fig, title)
    fig.update_layout(
        xaxis_title=t("chart.our_label"),
        yaxis_title=t("chart.reference_label"),
        hovermode="closest",
        yaxis_autorange="reversed",
    )
    return fig
