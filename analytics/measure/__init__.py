"""Measure stage: every number a report or a notebook shows, computed from polars frames.

The public front of the stage: timelines, crisis window, completeness and history (see
docs/measure_window.md); responses, conversation, hoaxes, coordination, SCCT, lessons and
survey (see docs/measure_responses.md). Whole modules are offered where a notebook uses
several of their functions.
"""

from __future__ import annotations

from analytics.measure import (
    completeness,
    conversation,
    coordination,
    emotions,
    lessons,
    narratives,
    responses,
    survey,
    terms,
)
from analytics.measure.completeness import coverage, coverage_warnings
from analytics.measure.conversation import share_of_voice, top_amplifiers, top_negative_posts
from analytics.measure.coordination import (
    account_bursts,
    coordinated_negative_share,
    coordination_signals,
    copy_paste_clusters,
)
from analytics.measure.crisis import (
    CrisisWindow,
    DetectionParams,
    detect_crises,
    detect_crisis,
    episode_terms,
    manual_window,
    platform_windows,
)
from analytics.measure.events import (
    brand_posts,
    brand_responses,
    context_events,
    group_responses,
    read_events,
)
from analytics.measure.history import crisis_history, store_history
from analytics.measure.lessons import Finding, LessonThresholds, lessons_learned
from analytics.measure.narratives import ClaimTracking, track_claims
from analytics.measure.network import interaction_network, layout
from analytics.measure.responses import (
    ResponseSummary,
    reply_stats,
    response_effects,
    response_summary,
    response_timing,
    statement_consistency,
)
from analytics.measure.strategy import scct_table, strategy_for
from analytics.measure.survey import SurveySummary, summarize_survey
from analytics.measure.terms import count_terms, fightin_words, rising_terms
from analytics.measure.timeline import net_sentiment, timeline

__all__ = [
    "ClaimTracking",
    "CrisisWindow",
    "DetectionParams",
    "Finding",
    "LessonThresholds",
    "SurveySummary",
    "account_bursts",
    "brand_posts",
    "brand_responses",
    "completeness",
    "context_events",
    "conversation",
    "coordinated_negative_share",
    "coordination",
    "coordination_signals",
    "copy_paste_clusters",
    "count_terms",
    "coverage",
    "coverage_warnings",
    "crisis_history",
    "detect_crises",
    "detect_crisis",
    "emotions",
    "episode_terms",
    "fightin_words",
    "group_responses",
    "interaction_network",
    "layout",
    "lessons",
    "lessons_learned",
    "manual_window",
    "narratives",
    "net_sentiment",
    "platform_windows",
    "read_events",
    "reply_stats",
    "response_effects",
    "ResponseSummary",
    "response_summary",
    "response_timing",
    "responses",
    "rising_terms",
    "scct_table",
    "share_of_voice",
    "statement_consistency",
    "store_history",
    "strategy_for",
    "summarize_survey",
    "survey",
    "terms",
    "top_amplifiers",
    "top_negative_posts",
    "track_claims",
    "timeline",
]
