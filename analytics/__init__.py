"""Post-crisis social-media analytics workbench.

The package follows the data: ``load`` (read vendor exports) -> ``store`` (canonical local
store) -> ``sentiment`` (score mentions) -> ``measure`` (timelines, crisis window, responses,
conversation, lessons) -> ``report`` (papermill notebooks to offline HTML).
"""

__version__ = "0.1.0"
