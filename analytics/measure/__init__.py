"""measure stage."""

# timelines, crisis window, completeness, history (see docs/measure_window.md)
from analytics.measure.completeness import coverage, coverage_warnings  # noqa: F401
from analytics.measure.crisis import (  # noqa: F401
    CrisisWindow,
    DetectionParams,
    detect_crises,
    detect_crisis,
    manual_window,
    platform_windows,
)
from analytics.measure.history import crisis_history, store_history  # noqa: F401
from analytics.measure.timeline import net_sentiment, timeline  # noqa: F401

# isort: split
# responses, conversation, hoaxes, coordination, SCCT, lessons, survey
# (see docs/measure_responses.md)
from analytics.measure.conversation import (  # noqa: F401
    share_of_voice,
    top_amplifiers,
    top_negative_posts,
)
from analytics.measure.coordination import (  # noqa: F401
    account_bursts,
    coordinated_negative_share,
    coordination_signals,
    copy_paste_clusters,
)
from analytics.measure.events import (  # noqa: F401
    brand_responses,
    context_events,
    group_responses,
    read_events,
)
from analytics.measure.lessons import Finding, LessonThresholds, lessons_learned  # noqa: F401
from analytics.measure.narratives import ClaimTracking, track_claims  # noqa: F401
from analytics.measure.responses import (  # noqa: F401
    reply_stats,
    response_effects,
    response_summary,
    response_timing,
    statement_consistency,
)
from analytics.measure.strategy import scct_table, strategy_for  # noqa: F401
from analytics.measure.survey import SurveySummary, summarize_survey  # noqa: F401
from analytics.measure.terms import count_terms, fightin_words, rising_terms  # noqa: F401
