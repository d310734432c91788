"""Post-crisis social-media analytics workbench.

The package follows the data: ``load`` (read vendor exports) -> ``store`` (canonical local
store) -> ``sentiment`` (score mentions) -> ``measure`` (timelines, crisis window, responses,
conversation, lessons) -> ``report`` (papermill notebooks to offline HTML). See
docs/architecture.md.

In a notebook::

    import analytics as ca
    ws = ca.open_store()          # finds data/store from any folder of the project
    ws.brands()
    ca.label_batch("labels/batch1.csv")   # label a `sentiment sample` batch, one at a time

The names below are imported on first use, so the command line and the scoring worker
processes start without polars.
"""

from analytics.fronts import lazy_front

__version__ = "0.1.0"

_EXPORTS = {
    "open_store": "analytics.workspace:open_store",
    "find_store": "analytics.workspace:find_store",
    "Workspace": "analytics.workspace:Workspace",
    "label_batch": "analytics.workspace.labelling:label_batch",
}

__all__ = ["Workspace", "__version__", "find_store", "label_batch", "open_store"]
__getattr__ = lazy_front(__name__, _EXPORTS)
