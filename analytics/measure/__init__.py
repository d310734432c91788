"""measure stage."""

# timelines, crisis window, completeness, history (see docs/measure_window.md)
from analytics.measure.completeness import coverage, coverage_warnings  # noqa: F401
from analytics.measure.crisis_window import (  # noqa: F401
    CrisisWindow,
    DetectionParams,
    detect_crises,
    detect_crisis,
    manual_window,
    platform_windows,
)
from analytics.measure.history import crisis_history, store_history  # noqa: F401
from analytics.measure.timeline import net_sentiment, timeline  # noqa: F401
