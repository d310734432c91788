"""HTML that carries its own styles, for results shown outside the HTML report.

The report's stylesheet only exists inside an exported report; a card or a table shown in
JupyterLab by an object's ``_repr_html_`` (or by ``display(HTML(...))``) would otherwise be
unstyled. :func:`styled` wraps a fragment with the notebook stylesheet, scoped to it.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

__all__ = ["notebook_css", "styled"]


@cache
def notebook_css() -> str:
    """The stylesheet shipped with every styled fragment (``notebook.css``)."""
    return resources.files("analytics.report").joinpath("notebook.css").read_text("utf-8")


def styled(body: str, *, title: str = "") -> str:
    """``body`` (trusted HTML built by ``blocks``) in a ``.ca-result`` box with its styles."""
    heading = f'<div class="ca-title">{html.escape(title)}</div>' if title else ""
    return f'<div class="ca-result"><style>{notebook_css()}</style>{heading}{body}</div>'
