"""Every word of the reports outside the findings, one table per language keyed by code.

``TEXT`` (here) is English; :mod:`analytics.report.words_id` holds the same codes in Bahasa
Indonesia. :func:`t` picks the table of the language in use (:mod:`analytics.report.lang`)
and fills the template; a code missing from the Indonesian table falls back to English and
``tests/test_report_lang.py`` fails, so a new sentence lands with its translation.

Templates are ``str.format`` strings. Their format specs name how a value is written, never
its language (:func:`fill`):

* ``{x:dur}``   hours as "3.5 h" / "2.1 days" ("3,5 jam" / "2,1 hari");
* ``{x:pct}``   a share as "27%" (small shares keep a decimal: "0.4%"); ``{x:pct1}`` one
  decimal always ("27.0%"); ``{x:pct0}`` a whole percentage;
* ``{x:pts}``   a change of a share as "+5 points"; ``{x:apts}`` its size without sign;
* ``{x:when}``  a UTC time in the report's zone ("5 Oct 14:00 WIB");
* ``{x:date}``  a day ("21 Oct 2026" / "21 Okt 2026");
* ``{x:kind}``  a response type as written in a sentence ("CEO video");
* ``{x:kinds}`` a response type as a plural subject ("Apology statements");
* ``{x:value}`` a category value in words ("warning" / "peringatan");
* ``{x:platform}`` a platform name ("X", "TikTok");
* ``{x:list}``  a list of category values with counts ("rebuild (10), deny (4)");
* ``{x:big}``   a large count in words ("1.3 billion" / "1,3 miliar");
* ``.2f``, ``+.0%``, ``,`` and an empty spec on a number: Python's meaning, written with the
  language's separators ("0,25", "1.234").
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from typing import Any

from analytics.defaults import DEFAULT_TZ
from analytics.report import lang as L
from analytics.report.lang import Lang, current_lang

TEXT: dict[str, str] = {
    # units and small words
    "na": "n/a",
    "none": "none",
    "unit.h": "{n} h",
    "unit.days": "{n} days",
    "unit.pp": "{n} pp",
    "unit.points": "{n} points",
    "more": "more",
    "less": "less",
    "unknown_time": "an unknown time",
    "verb.has": "has",
    "verb.have": "have",
    "kinds": "{kind} statements",
    "kinds.statement": "{kind}s",
    # blocks
    "table.no_rows": "No rows.",
    "table.first_rows": "{caption} (first {shown} of {total:,})",
    "table.first_rows_bare": "(first {shown} of {total:,})",
    "col.post": "post",
    "link.open": "open",
    "findings.none": "No findings.",
    "contents": "Contents",
    # KPI cards
    "kpi.mentions": "Mentions",
    "kpi.negative_share": "Negative share",
    "kpi.positive_share": "Positive share",
    "kpi.net_sentiment": "Net sentiment",
    "kpi.potential_reach": "Potential reach",
    "kpi.engagement": "Engagement",
    "kpi.authors": "Authors",
    "kpi.brand_posts": "Brand posts",
    "kpi.alert_days": "Days with alerts",
    "kpi.warning_or_critical": "warning or critical",
    "kpi.vs_previous_week": "vs previous week",
    "kpi.vs_before_crisis": "vs before the crisis",
    "kpi.crisis_mentions": "Mentions in the crisis",
    "kpi.peak_hour": "Peak hour",
    "kpi.peak_hour_note": "mentions in the busiest hour",
    "kpi.first_response": "First response after",
    "kpi.from_onset": "from the onset",
    "kpi.responses": "Responses",
    "kpi.in_crisis_window": "in the crisis window",
    "kpi.replied": "Negative mentions replied to",
    "kpi.replied_note": "share replied by the brand",
    "kpi.recovery_time": "Recovery time",
    "kpi.peak_to_end": "peak to end",
    "kpi.sentiment_gap": "Sentiment gap",
    "kpi.gap_note": "net sentiment after minus before",
    "kpi.answers": "Answers",
    "kpi.blank_answers": "{n} blank, kept aside",
    # the executive summaries
    "summary.span": "From {onset} to {end}, {brand} went through a crisis.",
    "summary.span_open": "From {onset} to the end of the period, {brand} went through a crisis.",
    "summary.no_crisis": (
        "The detector found no crisis starting in the period; the figures below cover the "
        "whole period for {brand}."
    ),
    "summary.size": "Customers mentioned the brand {mentions} times",
    "summary.size_peak": ", at most {peak} in one hour",
    "summary.size_negative": "; {share} of scored mentions were negative",
    "summary.size_before": " (before the crisis: {share})",
    "summary.speed": "The first response came {hours} after the onset",
    "summary.speed_responses": ", with {n} responses in the crisis window",
    "summary.speed_replies": "; the brand replied to {share} of negative customer mentions",
    "summary.no_response": "The data hold no response by the brand inside the crisis window.",
    "summary.no_clear_fall": (
        "No single response was followed by a clear fall in the negative share (each 95% "
        "interval includes no change)."
    ),
    "summary.on_channel": " on {channel}",
    "summary.best": (
        "What worked best: after the {type}{channel} the negative share fell from {before} "
        "to {after} (95% interval of the change {low} to {high} points)."
    ),
    "summary.recovered": "Volume was back in its usual range {hours} after the peak.",
    "summary.not_recovered": ("The data show no return to the usual range before the period ends."),
    "summary.first_to_improve": "First to improve ({topic}): {text}",
    "summary.key_findings": "Key findings",
    "weekly.volume": (
        "In {week}, customers mentioned {brand} {now} times (previous week: {before})."
    ),
    "weekly.mood": "{share} of scored mentions were negative",
    "weekly.mood_before": " (previous week: {share})",
    "weekly.mood_net": "; net sentiment {net}",
    "weekly.alerts_one": (
        "The crisis detector reached warning or critical level on {n} day: see Alerts this week."
    ),
    "weekly.alerts_many": (
        "The crisis detector reached warning or critical level on {n} days: see Alerts this week."
    ),
    "weekly.no_alerts": "The crisis detector raised no warning this week.",
    # table headings used by several tables
    "col.time": "time",
    "col.platform": "platform",
    "col.author": "author",
    "col.sentiment": "sentiment",
    "col.reach": "reach",
    "col.engagement": "engagement",
    "col.text": "text",
    "weekly.title": "{brand}: weekly reputation report",
    "weekly.period": "{week}, {first:date} to {last:date}",
    "weekly.no_mentions": (
        "No customer mentions this week: check that this week's exports were ingested (see "
        "Data completeness below)."
    ),
    "weekly.timelines_intro": (
        "Daily figures for this week and the previous weeks. The shaded band is the usual "
        "range, summed over each day: the expected volume ± 3 robust deviations (the alert "
        "threshold), learned from the same hours on earlier quiet days (outside crisis "
        "episodes and alerts); dotted lines mark the first post, media pickup and each brand "
        "response."
    ),
    "weekly.alerts_intro": (
        "Highest alert level per day from the crisis detector (hourly volume and negative "
        "volume against the same hour in previous weeks; see the method appendix)."
    ),
    "weekly.hours_at_warning": "Hours at warning or critical",
    "weekly.no_warning_hour": "No hour reached warning level.",
    "weekly.most_engaged": "Most engaged customer posts",
    "weekly.no_negative_posts": "No negative posts this week.",
    "weekly.top_authors": "Authors with the largest reach",
    "weekly.no_authors": "No authors this week.",
    "weekly.terms_intro": (
        "Words, hashtags and emoji used more this week than in the previous weeks (log-odds "
        "with an informative Dirichlet prior; only terms with z ≥ 1.96 are listed)."
    ),
    "weekly.no_rising_terms": "No term rose significantly this week.",
    "weekly.terms_unavailable": "Emerging terms not available: {error}",
    "weekly.complete": "Every platform has data on every day of the week.",
    "weekly.method_intro": (
        "Customer figures exclude the brand's own posts. Shares are of scored mentions. "
        "Reach is summed per mention (potential reach: authors' audiences overlap). Crisis "
        "detector:"
    ),
    "h.key_figures": "Key figures",
    "h.timelines": "Timelines",
    "h.alerts_this_week": "Alerts this week",
    "h.top_posts": "Top posts and authors",
    "h.emerging_terms": "Emerging terms",
    "h.share_of_voice": "Share of voice",
    "h.data_completeness": "Data completeness",
    "h.method": "Method",
    "chart.mentions": "mentions",
    "chart.mentions_per_day": "Mentions per day",
    "chart.mentions_per_hour": "Mentions per hour",
    "chart.sentiment_per_day": "Sentiment per day",
    "chart.potential_reach": "potential reach",
    "chart.reach_per_day": "Potential reach per day",
    "chart.engagement": "engagement",
    "chart.engagement_per_day": "Engagement per day",
    "chart.engagement_per_day_sum": "Engagement per day (likes + comments + shares)",
    "chart.sov_per_day": "Share of voice per day",
    "chart.share_of_mentions": "share of mentions",
    "col.day": "day",
    "col.highest_alert": "highest alert",
    "col.mentions": "mentions",
    "col.negative": "negative",
    "col.highest_score": "highest score",
    "col.hour": "hour",
    "col.metric": "metric",
    "col.observed": "observed",
    "col.expected": "expected",
    "col.score": "score",
    "col.level": "level",
    "col.copies": "copies",
    "col.posts": "posts",
    "col.stance": "stance",
    "col.negative_share": "negative share",
    "col.kind": "kind",
    "col.term": "term",
    "col.this_week": "this week",
    "col.before": "before",
    "col.brand": "brand",
    "col.share_of_voice": "share of voice",
    "caption.negative_posts": (
        "Negative posts with the largest reach (near-duplicates counted once, at most 3 per author)"
    ),
    "accuracy.nothing": "{name}: nothing to compare with.",
    "accuracy.ci": " (95% CI {low:.0%}-{high:.0%})",
    "accuracy.labels": "{name} (n={n:,}): accuracy {accuracy:.0%}{ci}, macro-F1 {f1:.2f}.",
    "accuracy.kappa": ", Cohen's kappa {kappa:.2f}",
    "accuracy.agreement": (
        "{name} (n={n:,} rated by both, {unrated:,} unrated by the tool): agreement "
        "{agreement:.0%}{kappa}."
    ),
    "chart.after": "after",
    "chart.before": "before",
    "chart.claims": "Hoax claims: mentions over time",
    "chart.effects": "Negative share before and after each response",
    "chart.mentions_by_emotion": "Mentions per day by emotion",
    "chart.mentions_by_platform": "Mentions per day by platform",
    "chart.negative_by_platform": "Negative share by platform (crisis window)",
    "chart.negative_share": "negative share",
    "chart.net_sentiment": "net sentiment",
    "chart.network": "Interaction network",
    "chart.our_label": "our label",
    "chart.reference_label": "reference label",
    "chart.usual_range": "usual range (baseline)",
    "chart.no_usual_range": (
        "No usual range is shaded for {count} of the chart's {total} points (between "
        "{first:date} and {last:date}): the usual range is learned only from quiet hours "
        "(outside crisis episodes and alerts), and fewer than {days} quiet days come before "
        "them."
    ),
    "chart.vs_analyst": "Our labels vs analyst labels",
    "chart.vs_export": "Our labels vs the export's own labels",
    "col.account": "account",
    "col.accounts": "accounts",
    "col.after": "after",
    "col.betweenness": "betweenness",
    "col.change": "change",
    "col.channel": "channel",
    "col.ci_high": "95% high",
    "col.ci_low": "95% low",
    "col.claim": "claim",
    "col.community": "community",
    "col.coordinated_accounts": "coordinated accounts",
    "col.crisis": "crisis",
    "col.detail": "detail",
    "col.end": "end",
    "col.file": "file",
    "col.first_post": "first post",
    "col.first_seen": "first seen",
    "col.format": "format",
    "col.hours": "hours",
    "col.in_crisis": "in the crisis",
    "col.in_negative_answers": "in negative answers",
    "col.in_other_answers": "in the other answers",
    "col.ingested": "ingested",
    "col.kept_growing_h": "kept growing (h)",
    "col.labelled": "labelled",
    "col.language": "language",
    "col.negative_before": "negative share before",
    "col.note": "note",
    "col.onset": "onset",
    "col.overlaps": "overlaps",
    "col.peak": "peak",
    "col.phase": "phase",
    "col.potential_reach": "potential reach",
    "col.reaches": "reaches communities",
    "col.recovery_h": "recovery (h)",
    "col.rows_rejected": "rows rejected",
    "col.rows_stored": "rows stored",
    "col.share_of_negative": "share of negative",
    "col.signal": "signal",
    "col.start": "start",
    "col.statement": "statement",
    "col.strategy": "strategy",
    "col.top_accounts": "top accounts (PageRank)",
    "col.top_hashtags": "top hashtags",
    "col.top_terms": "top terms",
    "col.type": "type",
    "col.verdict": "did the clarification slow it?",
    "h.amplifiers": "Amplifiers",
    "h.crisis_timeline": "Crisis timeline",
    "h.emotions": "Emotions",
    "h.executive_summary": "Executive summary",
    "h.feedback": "Audience feedback",
    "h.lessons": "Lessons learned",
    "h.method_appendix": "Method appendix",
    "h.narratives": "Narratives and hoaxes",
    "h.network": "Interaction network",
    "h.platforms": "Platforms and languages",
    "h.responses": "Responses and their effect",
    "h.team_notes": "Team notes",
    "header.brand": "Brand",
    "header.files": "{n} files (listed under Provenance)",
    "header.generated": "Generated",
    "header.period": "Period",
    "header.scorer": "Sentiment scorer",
    "header.sources": "Data sources",
    "index.brand": "Brand",
    "index.generated": "Generated",
    "index.kind": "Kind",
    "index.period": "Period",
    "index.size": "Size",
    "index.title_col": "Title",
    "index.weekly": "weekly",
    "index.review": "review",
    "index.empty": "No reports yet.",
    "index.heading": "Reports",
    "index.page_title": "Crisis analytics reports",
    "method.rule": "rule",
    "method.manual": "Window given by the analyst; peak = busiest hour inside it.",
    "method.description": (
        "Hourly mention and negative-mention counts are compared with the median of the same "
        "hour in the previous {weeks} weeks (or, with less history, the previous {days} "
        "days); the minimum baseline is {min_daily_refs} days, and hours with less history "
        "before them (the first {min_daily_refs} days of the data) are compared with the "
        "same hour on the following days instead. Score = (observed - median) / max(1.4826 x "
        "MAD, sqrt(max(median, 1))). Alert levels: watch >= {watch_z}, warning >= "
        "{warning_z}, critical >= {critical_z} (hours with at least {min_mentions} "
        "mentions). A crisis is an episode of at least {min_alert_hours} elevated hours "
        "(gaps up to {merge_gap_hours} h merged) reaching {crisis_level:value}; it ends when "
        "counts stay inside the band for {end_hours} h (up to {end_tolerance_hours} isolated "
        "watch hours allowed) and their total is within {end_z} standard errors of the "
        "expected total. An onset with less than {min_lead_hours} h of data before it is at "
        "or before the start of the data. The headline episode is the one with the most "
        "mentions above the baseline. The peak phase holds the hours at or above "
        "{peak_fraction:.0%} of the peak hour's volume; a phase of 0 hours is left out."
    ),
    "network.accounts": "accounts",
    "network.by_community": "by community",
    "network.by_stance": "by stance (red: mostly negative)",
    "network.hover": "@{account} · community {community} · negative {negative}",
    "network.interactions": "interactions",
    "plotly.Autoscale": "Autoscale",
    "plotly.Box Select": "Box Select",
    "plotly.Compare data on hover": "Compare data on hover",
    "plotly.Double-click to zoom back out": "Double-click to zoom back out",
    "plotly.Download plot": "Download plot",
    "plotly.Download plot as a PNG": "Download plot as a PNG",
    "plotly.Lasso Select": "Lasso Select",
    "plotly.Pan": "Pan",
    "plotly.Reset axes": "Reset axes",
    "plotly.Reset view": "Reset view",
    "plotly.Show closest data on hover": "Show closest data on hover",
    "plotly.Toggle Spike Lines": "Toggle Spike Lines",
    "plotly.Zoom": "Zoom",
    "plotly.Zoom in": "Zoom in",
    "plotly.Zoom out": "Zoom out",
    "prov.title": "Provenance",
    "prov.files": (
        "Input files (every file in the store manifest: competitors' exports feed share of voice):"
    ),
    "prov.parameters": "Parameters:",
    "prov.packages": "Package versions:",
    "prov.run": "Run started {started}, notebook cells took {seconds:.1f} s.",
    "review.title": "{brand}: post-crisis review",
    "review.no_mentions": "{brand}: no mentions between {first} and {last}",
    # the explore notebook (an analyst's starting point in JupyterLab)
    "explore.matching": "{brand}: {count:,} customer mentions match the filters (store {root})",
    "explore.customer_mentions": "customer mentions",
    "explore.mentions_per": "Customer mentions per {every}",
    "review.title_full": "{brand}: post-crisis review, {first} to {last}",
    "weekly.title_full": "{brand}: weekly reputation report, {week}",
    "review.period": "{first:date} to {last:date}",
    "review.no_crisis_window": (
        "The detector found no crisis starting inside the period; the whole period is used "
        "as the crisis window."
    ),
    "review.about": "What the crisis was about (its most distinctive terms):",
    "review.timeline_intro": (
        "Volume, sentiment, reach and engagement through the crisis. Shaded: escalation "
        "(orange), peak (red) and recovery (green); dotted lines: first post, media pickup "
        "and each response."
    ),
    "review.phases": "Crisis phases",
    "review.emotions_intro": (
        "Anger, fear, sadness, joy and love in the customers' Indonesian mentions, per day "
        "and per crisis phase; `crisis-analytics emotion store` labels them. English mentions "
        "are not emotion-scored: no openly licensed English emotion data could be found to "
        "build a method and measure it."
    ),
    "review.emotions_not_scored": (
        "{n:,} of the {total:,} customer mentions ({share:pct}) are in English or another "
        "language and have no emotion: the charts below show the Indonesian conversation only."
    ),
    "review.no_emotions": (
        "No emotion labels in the store for these mentions: run `crisis-analytics emotion "
        "store` to add them."
    ),
    "review.emotion_mix": "Emotion mix per crisis phase (share of labelled customer mentions)",
    "review.responses_intro": (
        "Each response's effect compares the negative share of customer mentions in the "
        "hours before and after it (the interval is a 95% interval of the change; "
        "overlapping responses are flagged, since their effects cannot be told apart)."
    ),
    "review.responses_caption": "The brand's responses",
    "review.no_responses": "No response of the brand was found in the data for this crisis.",
    "review.time_to_first": "Time to first response: {hours} ({note})",
    "review.from_crisis_onset": "from the crisis onset",
    "review.replied": "Negative mentions replied to: {share}, median reply time {hours}",
    "review.no_effects": "No response inside the crisis window to measure.",
    "review.by_platform": "Crisis window by platform",
    "review.by_language": "Crisis window by language",
    "review.window_per_platform": "Crisis window per platform",
    "review.top_authors": "Authors with the largest reach in the crisis window",
    "review.network_intro": (
        "Who amplifies whom in the crisis window: accounts joined by their reposts, quotes, "
        "replies and @mentions, grouped into communities (Leiden); dot size is PageRank "
        "(attention received). Switch the colouring between community and stance (red: "
        "mostly negative posts)."
    ),
    "review.network_drawn": (
        "{accounts:,} accounts; the {shown:,} with the most attention are drawn."
    ),
    "review.communities": "Communities (largest first)",
    "review.bridges": "Bridging accounts (on the most shortest paths between others)",
    "review.narratives_intro": (
        "Terms that rose in the crisis against the weeks before it, the tracked hoax claims "
        "and signs of coordinated posting (copy-paste clusters, bursts of new or tiny "
        "accounts)."
    ),
    "review.rising_terms": "Rising terms, hashtags and emoji",
    "review.terms_unavailable": "Rising terms not available: {error}",
    "review.no_claims": "No hoax claims were given (parameter claims).",
    "review.claims_first_seen": "First appearance of each claim",
    "review.spreaders": "Top spreaders",
    "review.clarifications": "Clarifications",
    "review.signals": "Coordination signals",
    "review.no_signals": "No sign of coordinated posting.",
    "review.coordinated": "Negative crisis mentions that belong to a coordination signal: {share}",
    "review.feedback_intro": (
        "Free-text answers of the audience survey, scored with the same sentiment tools as "
        "the mentions; the terms are those that set negative answers apart."
    ),
    "review.no_survey": "No survey file was given (parameter survey).",
    "review.negative_answer_terms": "Terms of the negative answers",
    "review.no_negative_answer_terms": "No term sets the negative answers apart.",
    "review.most_negative": "Most negative answers",
    "review.most_positive": "Most positive answers",
    "review.no_notes": "No notes file was given (parameter notes).",
    "review.h.crisis_window": "Crisis window",
    "review.manual_window": "Window given by the analyst.",
    "review.h.sentiment": "Sentiment",
    "review.scored_by": "Scored by: {scorers}.",
    "review.against_labels": "Against analyst labels ({file})",
    "review.no_labels": "No analyst labels were given (parameter labels).",
    "review.against_export": "Against the export's own labels",
    "scorer.id-rules": "Indonesian lexicon rules (InSet-based)",
    "scorer.mixed": "code-mixed Indonesian/English combination",
    "scorer.vader-social": "VADER with social-media additions (English)",
    "measure.overlap": "windows overlap with {items}: the change mixes their effects",
    "measure.overlap_item": "{kind} on {channel} at {when} UTC",
    "measure.burst_detail": (
        "{count} of {negative} negative mentions that hour (expected {expected}; z = {z})"
    ),
    "measure.cluster_detail": '{accounts} accounts within the span; e.g. "{example}"',
    "measure.claim_unclarified": "claim '{claim}': no clarification among the responses",
    "measure.bridges_sampled": (
        "Bridges (betweenness) were measured among the {k} accounts with the most "
        "interactions out of {n}, an approximation for a network this large."
    ),
    "measure.coverage_range": "{key} {first} to {last} ({count} days): {reason}",
    "measure.coverage_day": "{key} {first} (1 day): {reason}",
    "measure.ends_early": (
        "coverage ends early: the last {key} mention is on {last} while other sources "
        "continue to {end} (a usual day has {usual:g}); the export probably stopped, so a "
        "fall here is not recovery"
    ),
    "measure.starts_late": (
        "coverage starts late: the first {key} mention is on {first} while other sources "
        "start on {start} (a usual day has {usual:g})"
    ),
    "measure.no_mentions_day": (
        "no {key} mentions on {day} where a typical day has {typical:g}: a platform missing "
        "for a day"
    ),
    "measure.drop": (
        "drop: {count} {key} mentions on {day} against a typical {typical:g} (below "
        "{fraction}%); check the export"
    ),
}

# category values that come from the data's own vocabulary (levels, stances, kinds, phases,
# response types): written in words through ``value``; an unknown value is shown as it is
VALUES: dict[str, str] = {
    "True": "yes",
    "False": "no",
    "normal": "normal",
    "watch": "watch",
    "warning": "warning",
    "critical": "critical",
    "info": "info",
    "good": "good",
    "volume": "volume",
    "negative": "negative",
    "positive": "positive",
    "neutral": "neutral",
    "mixed": "mixed",
    "unscored": "unscored",
    "word": "word",
    "hashtag": "hashtag",
    "emoji": "emoji",
    "mention": "mention",
    "pre-crisis": "pre-crisis",
    "escalation": "escalation",
    "peak": "peak",
    "recovery": "recovery",
    "post-crisis": "post-crisis",
    "anger": "anger",
    "fear": "fear",
    "sadness": "sadness",
    "joy": "joy",
    "love": "love",
    "near-identical copy-paste cluster": "near-identical copy-paste cluster",
    "identical copy-paste cluster": "identical copy-paste cluster",
    "copy-paste cluster": "copy-paste cluster",
    "new accounts burst": "new accounts burst",
    "tiny accounts burst": "tiny accounts burst",
    "slowed": "slowed",
    "accelerated": "accelerated",
    "not estimable": "not estimable",
    "no clear change": "no clear change",
    "response": "response",
    "holding statement": "holding statement",
    "apology": "apology",
    "compensation": "compensation",
    "fix": "fix",
    "corrective action": "corrective action",
    "recall": "recall",
    "clarification": "clarification",
    "denial": "denial",
    "attack the accuser": "attack the accuser",
    "scapegoat": "scapegoat",
    "excuse": "excuse",
    "justification": "justification",
    "influencer post": "influencer post",
    "reminder": "reminder",
    "ingratiation": "ingratiation",
    "victimage": "victimage",
    "ceo video": "ceo video",
    "press conference": "press conference",
    "statement": "statement",
    "post": "post",
    "routine": "routine",
    "deny": "deny",
    "diminish": "diminish",
    "rebuild": "rebuild",
    "bolster": "bolster",
    "first post": "first post",
    "media pickup": "media pickup",
    "hoax first seen": "hoax first seen",
    "cadence": "cadence",
    "consistency": "consistency",
    "coordination": "coordination",
    "crisis": "crisis",
    "hoax": "hoax",
    "platforms": "platforms",
    "replies": "replies",
    "response effect": "response effect",
    "response time": "response time",
    "responses": "responses",
    "size": "size",
    "strategy": "strategy",
    "news": "news",
    "blog": "blog",
    "forum": "forum",
    "review": "review",
    "google_play": "google_play",
    "app_store": "app_store",
    "other": "other",
    "unknown": "unknown",
    "none": "none",
    "no scored customer mentions before or after the response": (
        "no scored customer mentions before or after the response"
    ),
    "seasonal robust z-score": "seasonal robust z-score",
    "manual": "manual",
    "no crisis onset: time to first response not measured": (
        "no crisis onset: time to first response not measured"
    ),
    "no response: the brand posted no response in the crisis window": (
        "no response: the brand posted no response in the crisis window"
    ),
    "no negative customer mentions in the period": "no negative customer mentions in the period",
    "unknown: the data holds no replies (original posts only); add an export that includes replies, such as the brand's owned-channel inbox": (  # noqa: E501 (measure's sentence, as the key)
        "unknown: the data holds no replies (original posts only); add an export that includes replies, such as the brand's owned-channel inbox"  # noqa: E501 (measure's sentence, as the key)
    ),
}


def table_for(lang: Lang) -> dict[str, str]:
    """The UI words of ``lang`` (codes -> templates)."""
    if lang is Lang.ID:
        from analytics.report.words_id import TEXT as ID_TEXT

        return ID_TEXT
    return TEXT


def values_for(lang: Lang) -> dict[str, str]:
    """The category values of ``lang`` in words (value as stored -> words)."""
    if lang is Lang.ID:
        from analytics.report.words_id import VALUES as ID_VALUES

        return ID_VALUES
    return VALUES


def t(code: str, /, **values: Any) -> str:
    """The words of ``code`` in the language in use, with ``values`` filled in.

    An unknown code is an error (a typo must not reach a report as a code); a code the
    language's table lacks falls back to English (and fails the catalogue test)."""
    template = table_for(current_lang()).get(code)
    if template is None:
        template = TEXT[code]
    return fill(template, values) if values or "{" in template else template


def value(raw: object) -> str:
    """A category value (alert level, stance, phase, response type, ...) in words: booleans
    as yes/no, known values from the table, a sentence measure wrote (``SENTENCES``) in the
    language's words, anything else (data) as it is."""
    key = str(raw)
    found = values_for(current_lang()).get(key) or VALUES.get(key)
    if found:
        return found
    return sentence(key) if current_lang() is not Lang.EN else key


# Sentences the measure stage writes as text (notes, details, reasons): the pattern each
# follows, matched to the code of its template here, whose named fields are the pattern's
# groups. In English the sentence is shown as measure wrote it; in another language its
# parts are written again with that language's template (numbers re-read and re-written).
SENTENCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern))
    for code, pattern in (
        ("measure.overlap",
         r"^windows overlap with (?P<items>.+): the change mixes their effects$"),
        ("measure.overlap_item",
         r"^(?P<kind>.+?) on (?P<channel>.+?) at (?P<when>\d{4}-\d\d-\d\d \d\d:\d\d) UTC$"),
        ("measure.burst_detail",
         r"^(?P<count>[\d,]+) of (?P<negative>[\d,]+) negative mentions that hour "
         r"\(expected (?P<expected>[\d.,]+); z = (?P<z>-?[\d.,]+)\)$"),
        ("measure.cluster_detail",
         r'^(?P<accounts>[\d,]+) accounts within the span; e\.g\. "(?P<example>.*)"$'),
        ("measure.claim_unclarified",
         r"^claim '(?P<claim>.+)': no clarification among the responses$"),
        ("measure.bridges_sampled",
         r"^Bridges \(betweenness\) were measured among the (?P<k>[\d,]+) accounts with the most "
         r"interactions out of (?P<n>[\d,]+), an approximation for a network this large\.$"),
        ("measure.coverage_range",
         r"^(?P<key>\S+) (?P<first>\d{4}-\d\d-\d\d) to (?P<last>\d{4}-\d\d-\d\d) "
         r"\((?P<count>\d+) days\): (?P<reason>.+)$"),
        ("measure.coverage_day",
         r"^(?P<key>\S+) (?P<first>\d{4}-\d\d-\d\d) \(1 day\): (?P<reason>.+)$"),
        ("measure.ends_early",
         r"^coverage ends early: the last (?P<key>\S+) mention is on (?P<last>\S+) while other "
         r"sources continue to (?P<end>\S+) \(a usual day has (?P<usual>[\d.e+]+)\); the export "
         r"probably stopped, so a fall here is not recovery$"),
        ("measure.starts_late",
         r"^coverage starts late: the first (?P<key>\S+) mention is on (?P<first>\S+) while other "
         r"sources start on (?P<start>\S+) \(a usual day has (?P<usual>[\d.e+]+)\)$"),
        ("measure.no_mentions_day",
         r"^no (?P<key>\S+) mentions on (?P<day>\S+) where a typical day has "
         r"(?P<typical>[\d.e+]+): a platform missing for a day$"),
        ("measure.drop",
         r"^drop: (?P<count>\d+) (?P<key>\S+) mentions on (?P<day>\S+) against a typical "
         r"(?P<typical>[\d.e+]+) \(below (?P<fraction>\d+)%\); check the export$"),
    )
)  # fmt: skip
_NUMBER = re.compile(r"^-?[\d,]*\.?\d+(e[+-]?\d+)?$")
_PART_LISTS = {"items": "; "}  # groups holding a list of sub-sentences, and their separator


def _part(name: str, text: str) -> object:
    """One matched group again as a value: numbers as numbers, dates as dates, a list of
    sub-sentences each in words, platforms and categories in words."""
    if name in _PART_LISTS:
        return _PART_LISTS[name].join(sentence(item) for item in text.split(_PART_LISTS[name]))
    if _NUMBER.match(text) and name not in {"key", "claim", "example"}:
        number = float(text.replace(",", ""))
        return int(number) if number.is_integer() and "." not in text else number
    if re.match(r"^\d{4}-\d\d-\d\d$", text):
        return date.fromisoformat(text)
    if name in {"kind", "key", "reason"}:
        return value(text)
    return text


def sentence(text: str) -> str:
    """A sentence measure wrote, in the language in use (as it is when no pattern fits)."""
    for code, pattern in SENTENCES:
        match = pattern.match(text)
        if match:
            return t(code, **{k: _part(k, v) for k, v in match.groupdict().items()})
    return text


_PLATFORMS = {"x": "X", "tiktok": "TikTok", "youtube": "YouTube", "linkedin": "LinkedIn"}


def duration(hours: float) -> str:
    """3.5 -> "3.5 h", 50 -> "2.1 days": hours under two days, days above."""
    if hours < 48:
        return t("unit.h", n=L.number(round(hours, 1), 1))
    return t("unit.days", n=L.number(round(hours / 24, 1), 1))


def percent(share: float) -> str:
    """0.27 -> "27%", 0.004 -> "0.4%": small shares keep a decimal instead of showing 0%."""
    return L.percent(share, 1 if 0 < share < 0.01 else 0)


def platform_name(raw: object) -> str:
    """'tiktok' -> 'TikTok', 'news' -> 'News' / 'Berita': a platform as its name is written
    (a platform that is a word, in the language's word)."""
    if str(raw) in _PLATFORMS:
        return _PLATFORMS[str(raw)]
    words = value(raw)
    return words[:1].upper() + words[1:]


_COUNTED = re.compile(r"^(?P<item>.+?)(?P<count> \(\d+\))?$")


def counted_list(raw: object) -> str:
    """'rebuild (10), deny (4)' -> each item in words, its count kept."""
    items = []
    for part in str(raw).split(", "):
        match = _COUNTED.match(part)
        items.append(value(match["item"]) + (match["count"] or "") if match else part)
    return ", ".join(items)


def kind_name(response_type: Any) -> str:
    """A response type as written in a sentence ("CEO video" / "video CEO")."""
    words = value(response_type or "response")
    return words.replace("ceo", "CEO")


def kinds_name(response_type: Any) -> str:
    """A response type as a plural subject ("Apology statements")."""
    kind = kind_name(response_type)
    plural = t("kinds.statement" if kind.endswith("statement") else "kinds", kind=kind)
    return plural[0].upper() + plural[1:]


_PY_SPEC = re.compile(r"^(?P<sign>\+)?(?P<comma>,)?(?:\.(?P<digits>\d+))?(?P<type>[fg%]?)$")


def _python_spec(value: object, spec: str) -> str | None:
    """Python's number specs (``.2f``, ``+.0%``, ``,``, ``g``) with the language's
    separators; None for a spec or value this does not cover."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    match = _PY_SPEC.match(spec)
    if match is None:
        return None
    sign = bool(match["sign"])
    digits = int(match["digits"]) if match["digits"] is not None else None
    kind = match["type"]
    if kind == "%":
        return L.percent(value, digits if digits is not None else 6, sign=sign)
    if kind == "f":
        digits = 6 if digits is None else digits
        return L.number(value, digits, sign=True) if sign else L.fixed(value, digits)
    if kind == "g":
        return L.number(value, 6, sign=sign)
    if isinstance(value, int) or float(value).is_integer():
        return L.number(value, 0, sign=sign)
    return L.number(value, 6 if digits is None else digits, sign=sign)


class _Formatter(string.Formatter):
    def __init__(self, tz: str) -> None:
        self.tz = tz

    def format_field(self, item: Any, format_spec: str) -> str:  # noqa: PLR0911 (a table)
        if format_spec == "dur":
            return duration(item)
        if format_spec == "pct":
            return percent(item)
        if format_spec == "pct0":
            return L.percent(item, 0)
        if format_spec == "pct1":
            return L.percent(item, 1)
        if format_spec == "pts":
            return t("unit.points", n=L.number(round(item * 100), 0, sign=True))
        if format_spec == "apts":
            return t("unit.points", n=L.number(round(abs(item) * 100), 0))
        if format_spec == "when":
            if not isinstance(item, datetime):
                return t("unknown_time")
            return L.moment(item, self.tz, year=False)
        if format_spec == "date":
            return L.day(item) if isinstance(item, date) else str(item)
        if format_spec == "kind":
            return kind_name(item)
        if format_spec == "kinds":
            return kinds_name(item)
        if format_spec == "value":
            return value(item)
        if format_spec == "list":
            return counted_list(item)
        if format_spec == "platform":
            return platform_name(item)
        if format_spec == "big":
            return L.compact(item) if abs(item) >= 1_000_000 else L.number(item, 0)
        written = _python_spec(item, format_spec)
        return written if written is not None else super().format_field(item, format_spec)


def fill(template: str, values: dict[str, Any], tz: str = DEFAULT_TZ) -> str:
    """``template`` with ``values`` written in the language in use."""
    return _Formatter(tz).format(template, **values)
