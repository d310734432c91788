"""The notebook API: ``import analytics as ca; ws = ca.open_store()``.

``open_store`` finds the project's store from any working folder; the :class:`Workspace`
answers the analyst's questions (brands, mentions, timeline, episodes and the headline
crisis, responses, drill-down, search, summary, findings) as polars frames in local time,
or as result objects that show themselves in JupyterLab and in a terminal.
"""

from analytics.workspace.core import Workspace, open_store
from analytics.workspace.locate import find_store
from analytics.workspace.query import BrandPosts
from analytics.workspace.results import Crisis, Drill, Episodes, Findings, Summary

__all__ = [
    "BrandPosts",
    "Crisis",
    "Drill",
    "Episodes",
    "Findings",
    "Summary",
    "Workspace",
    "find_store",
    "open_store",
]
