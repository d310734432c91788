"""Report stage: report jobs (weekly, review), the notebook pieces (cards, tables, charts),
the papermill + nbconvert runner and the headless-browser check (see docs/reports.md).

The public front of the stage. Names are imported on first use: plotly and papermill load
only when a report is made, not for ``crisis-analytics --help``.
"""

from __future__ import annotations

from analytics.fronts import lazy_front

_EXPORTS = {
    # jobs and the runner
    "run_weekly": "analytics.report.jobs:run_weekly",
    "run_review": "analytics.report.jobs:run_review",
    "run_report": "analytics.report.runner:run_report",
    "ReportRequest": "analytics.report.runner:ReportRequest",
    "ReportResult": "analytics.report.runner:ReportResult",
    "check_report": "analytics.report.browser:check_report",
    "run_demo": "analytics.report.demo:run_demo",
    # what a report notebook reads
    "ReportInputs": "analytics.report.inputs:ReportInputs",
    "load_inputs": "analytics.report.inputs:load_inputs",
    "scan_mentions": "analytics.report.inputs:scan_mentions",
    "scorer_summary": "analytics.report.inputs:scorer_summary",
    "voice_mentions": "analytics.report.inputs:voice_mentions",
    "Period": "analytics.report.periods:Period",
    "date_range": "analytics.report.periods:date_range",
    "iso_week": "analytics.report.periods:iso_week",
    "previous_weeks": "analytics.report.periods:previous_weeks",
    # the pieces a report notebook shows, offered as whole modules
    "accuracy": "analytics.report.accuracy",
    "blocks": "analytics.report.blocks",
    "charts": "analytics.report.charts",
    "filters": "analytics.report.filters",
    "kpis": "analytics.report.kpis",
    "messages": "analytics.report.messages",
    "moments": "analytics.report.moments",
    "network_chart": "analytics.report.network_view:network_chart",
    "provenance": "analytics.report.provenance",
    "summary": "analytics.report.summary",
    "styled": "analytics.report.styles:styled",
    # the language a report is written in, and its words
    "use_lang": "analytics.report.lang:use_lang",
    "t": "analytics.report.words:t",
    "word": "analytics.report.words:value",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_front(__name__, _EXPORTS)
