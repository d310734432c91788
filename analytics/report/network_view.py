"""The interaction network drawn for a report: accounts as dots (laid out in Python by
``measure.network.layout``), interactions as thin lines, coloured by community or by stance.

Drawn with plotly's SVG ``scatter`` (one trace for all lines, one for the dots per
community): the reports embed plotly.js's cartesian bundle only (the WebGL ``scattergl``
would pull the full 4.8 MB bundle into every page), so the view keeps at most
``layout(max_nodes=...)`` accounts, which SVG draws smoothly. Buttons switch the colouring.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from analytics.report import lang as L
from analytics.report.charts import COLOURS
from analytics.report.words import t

COMMUNITY_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                     "#17becf", "#bcbd22")  # fmt: skip
OTHER = "#b0b0b0"


def _stance_colour(share: float | None) -> str:
    if share is None:
        return COLOURS["neutral"]
    return COLOURS["negative"] if share >= 0.5 else COLOURS["positive"]


def network_chart(accounts: pl.DataFrame, edges: pl.DataFrame, *, title: str) -> go.Figure:
    """Accounts (``account``, ``community``, ``pagerank``, ``negative_share``, ``x``, ``y``)
    and their ``edges`` (``source``, ``target``) as an interactive picture."""
    position = {a: (x, y) for a, x, y in accounts.select("account", "x", "y").iter_rows()}
    line_x: list[float | None] = []
    line_y: list[float | None] = []
    for source, target in edges.select("source", "target").iter_rows():
        (x0, y0), (x1, y1) = position[source], position[target]
        line_x += [x0, x1, None]
        line_y += [y0, y1, None]
    communities = accounts.get_column("community").to_list()
    by_community = [
        COMMUNITY_COLOURS[c - 1] if 0 < c <= len(COMMUNITY_COLOURS) else OTHER for c in communities
    ]
    by_stance = [_stance_colour(s) for s in accounts.get_column("negative_share").to_list()]
    rank = accounts.get_column("pagerank")
    top = rank.max() or 1.0
    sizes = [5 + 20 * (r / top) ** 0.5 for r in rank.to_list()]
    labels = [
        t("network.hover", account=a, community=c,
          negative=t("na") if s is None else L.percent(s, 0))
        for a, c, s in accounts.select("account", "community", "negative_share").iter_rows()
    ]  # fmt: skip
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=line_x, y=line_y, mode="lines", hoverinfo="skip",
                             line={"width": 0.5, "color": "rgba(120,120,120,0.35)"},
                             name=t("network.interactions")))  # fmt: skip
    fig.add_trace(go.Scatter(x=accounts["x"].to_list(), y=accounts["y"].to_list(),
                             mode="markers", text=labels, hoverinfo="text",
                             name=t("network.accounts"),
                             marker={"size": sizes, "color": by_community,
                                     "line": {"width": 0.5, "color": "#ffffff"}}))  # fmt: skip
    fig.update_layout(
        title=title,
        showlegend=False,
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        updatemenus=[{
            "type": "buttons", "direction": "right", "x": 0, "y": 1.08, "xanchor": "left",
            "buttons": [
                {"label": t("network.by_community"), "method": "restyle",
                 "args": [{"marker.color": [by_community]}, [1]]},
                {"label": t("network.by_stance"), "method": "restyle",
                 "args": [{"marker.color": [by_stance]}, [1]]},
            ],
        }],
    )  # fmt: skip
    return fig
