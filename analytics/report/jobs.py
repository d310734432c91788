"""The two report jobs: a weekly reputation report and a post-crisis review.

Each resolves its period, checks its inputs before a kernel starts (``checks``), turns the
options into typed notebook parameters (paths made absolute, lists kept lists) and hands them
to :func:`analytics.report.runner.run_report`. The CLI (``analytics.commands.report``), the
demo and the benchmarks call these; none of them calls papermill directly.
"""

from __future__ import annotations

from pathlib import Path

from analytics.defaults import DEFAULT_TZ
from analytics.errors import InputDataError, ReportError
from analytics.report.checks import (
    check_brand,
    check_events,
    check_has_mentions,
    check_out,
    check_scored,
    check_survey_and_labels,
)
from analytics.report.lang import DEFAULT_LANG, parse_lang

__all__ = ["NOTEBOOKS", "notebook_path", "run_review", "run_weekly"]

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _static_formats(value: str | None) -> tuple[str, ...]:
    # imported here: it pulls in plotly, which `--help` and argument errors should not wait for
    from analytics.report.static import parse_formats

    return parse_formats(value)


def _title(lang: str, code: str, **values: object) -> str:
    """A report's title (index, meta.json) in the report's language."""
    from analytics.report.lang import language
    from analytics.report.words import t

    with language(lang):
        return t(code, **values)


def _folder_period(period: str, lang: str) -> str:
    """The period part of a report's folder: the period, plus the language when it is not
    the default (``2026-W47.id``), so a report in each language of the same brand and
    period is kept: neither run replaces the other, and the index lists both."""
    return period if parse_lang(lang) is DEFAULT_LANG else f"{period}.{lang}"


def notebook_path(name: str) -> Path:
    """Path of a bundled notebook, or a clear error when the notebooks folder is missing."""
    path = NOTEBOOKS / name
    if not path.is_file():
        raise ReportError(
            f"{path}: bundled notebook missing; run from a checkout of the project "
            "(the notebooks/ folder sits next to analytics/) or pass --notebook"
        )
    return path


def _absolute(path: Path | None, what: str, must_exist: bool = True) -> str:
    if path is None:
        return ""
    if must_exist and not path.exists():
        raise InputDataError(f"{what} {path}: no such file or folder")
    return str(path.resolve())


def run_weekly(
    *, brand: str, week: str, store: Path, out: Path, tz: str = DEFAULT_TZ,
    handles: list[str] | None = None, events: Path | None = None, compare_weeks: int = 4,
    extra: dict | None = None, notebook: Path | None = None, cell_timeout: int = 1800,
    progress: bool | None = None, static: str | None = None, pdf: bool = False,
    lang: str = DEFAULT_LANG,
):  # fmt: skip
    """Resolve the ISO week and run the weekly reputation notebook (written in ``lang``)."""
    from analytics.report.periods import iso_week
    from analytics.report.runner import ReportRequest, run_report

    lang = parse_lang(lang).value  # an unknown language fails before anything is read
    period = iso_week(week, tz=tz)
    check_out(out)
    check_brand(store, brand)
    check_has_mentions(store, brand, period.start, period.end, f"in {period.name}", tz)
    check_scored(store, brand, period.start, period.end)
    check_events(events, tz)
    parameters = {
        "brand": brand, "week": period.name, "store": _absolute(store, "--store"), "tz": tz,
        "brand_handles": list(handles or []), "events": _absolute(events, "--events"),
        "compare_weeks": compare_weeks, "lang": lang, **(extra or {}),
    }  # fmt: skip
    request = ReportRequest(
        notebook=notebook or notebook_path("weekly_reputation.ipynb"), brand=brand,
        kind="weekly", period=_folder_period(period.name, lang), parameters=parameters,
        title=_title(lang, "weekly.title_full", brand=brand, week=period.name),
    )  # fmt: skip
    return run_report(request, out=out, cell_timeout=cell_timeout, progress=progress,
                      static_formats=_static_formats(static), pdf=pdf)  # fmt: skip


def run_review(
    *, brand: str, start: str, end: str, store: Path, out: Path, tz: str = DEFAULT_TZ,
    handles: list[str] | None = None, events: Path | None = None, notes: Path | None = None,
    claims: dict | None = None, labels: Path | None = None, survey: Path | None = None,
    extra: dict | None = None,
    notebook: Path | None = None, cell_timeout: int = 1800, progress: bool | None = None,
    static: str | None = None, pdf: bool = False, episode: int | None = None,
    lang: str = DEFAULT_LANG,
):  # fmt: skip
    """Resolve the date range and run the post-crisis review notebook (written in ``lang``).

    ``episode``: review detected episode N (1 = the oldest, as ``crisis window`` lists
    them) instead of the headline one; the notebook parameter ``episode``.
    """
    from analytics.report.periods import date_range
    from analytics.report.runner import ReportRequest, run_report

    lang = parse_lang(lang).value  # an unknown language fails before anything is read
    extra = _with_episode(extra, episode)
    period = date_range(start, end, tz=tz)
    check_out(out)
    check_brand(store, brand)
    check_has_mentions(store, brand, period.start, period.end, "in the review period", tz)
    check_scored(store, brand, period.start, period.end)
    check_events(events, tz)
    check_survey_and_labels(survey, labels)
    if notes is not None and Path(notes).exists():
        from analytics.report.blocks import markdown_file

        markdown_file(notes)  # a folder or a non-UTF-8 file fails here, not in the notebook
    parameters = {
        "brand": brand, "start": period.first_day.isoformat(),
        "end": period.last_day.isoformat(), "store": _absolute(store, "--store"), "tz": tz,
        "brand_handles": list(handles or []), "events": _absolute(events, "--events"),
        "notes": _absolute(notes, "--notes"), "claims": claims or {},
        "labels": _absolute(labels, "--labels"), "survey": _absolute(survey, "--survey"),
        "lang": lang, **(extra or {}),
    }  # fmt: skip
    request = ReportRequest(
        notebook=notebook or notebook_path("crisis_review.ipynb"), brand=brand, kind="review",
        period=_folder_period(period.name, lang), parameters=parameters,
        title=_title(lang, "review.title_full", brand=brand, first=period.first_day,
                     last=period.last_day),
    )  # fmt: skip
    return run_report(request, out=out, cell_timeout=cell_timeout, progress=progress,
                      static_formats=_static_formats(static), pdf=pdf)  # fmt: skip


def _with_episode(extra: dict | None, episode: int | None) -> dict:
    """The extra notebook parameters with ``--episode`` in them (given once)."""
    extra = dict(extra or {})
    if episode is None:
        return extra
    if episode < 1:
        raise InputDataError(f"--episode {episode}: episodes are numbered from 1 (the oldest)")
    if extra.get("episode") not in (None, episode):
        raise InputDataError(
            f"--episode {episode} and --params episode: {extra['episode']}: give the episode once"
        )
    extra["episode"] = episode
    return extra
