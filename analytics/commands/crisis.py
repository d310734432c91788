"""``crisis-analytics crisis window`` and ``crisis history``: the crisis window from the store.

``crisis window`` is made for monitoring as well as for reviews: it prints the detected
onset, peak and end (or "no crisis detected"), the phases and the alert level of each day,
and with ``--json`` exactly one JSON object a cron job can test. Finding no crisis is a
normal answer (exit code 0); unusable input is an error (stderr, exit code 1).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import polars as pl
import typer

from analytics.defaults import DEFAULT_STORE, DEFAULT_TZ
from analytics.errors import AnalysisError, InputDataError
from analytics.zones import zone

if TYPE_CHECKING:
    from analytics.measure.crisis import CrisisWindow

# The measure modules (scipy, scikit-learn) are imported inside the commands: every
# `crisis-analytics` call builds this module, and `--help` should not wait for them.

crisis_app = typer.Typer(
    help="Crisis window (onset, peak, end, phases, daily alert level) and crisis history.",
    no_args_is_help=True,
)


def _zone(tz: str) -> str:
    zone(tz, what="--tz")
    return tz


def parse_moment(value: str, option: str, *, end_of_day: bool = False) -> datetime:
    """A --start/--end value: a date (local) or a date and time, optionally with an offset.

    A bare date given as the end means the end of that day, so ``--end 2026-10-27`` covers
    27 October. Naive values are read in the report's time zone by the caller.
    """
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time())
            return moment + timedelta(days=1) if end_of_day else moment
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputDataError(
            f'{option} "{value}" is not a date: expected YYYY-MM-DD or "YYYY-MM-DD HH:MM" '
            "(local time, or with an offset such as +07:00)"
        ) from None


def _load(store_dir: Path, brand: str):
    from analytics.store import Store

    store = Store(store_dir)
    store.require_brand(brand)
    return store.mentions(brand)


def _local(moment: datetime | None, tz: str) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M %Z")


def _completeness(mentions: pl.LazyFrame, window: CrisisWindow, tz: str) -> list[str]:
    """Coverage warnings, plus one about gaps inside the recovery (they fake a recovery)."""
    from analytics.measure.completeness import coverage, coverage_warnings, gaps_between

    try:
        cov = coverage(mentions, tz=tz)
    except AnalysisError:
        return []
    warnings = coverage_warnings(cov)
    if window.peak is not None:
        last = (window.end or window.peak).astimezone(ZoneInfo(tz)).date() + timedelta(days=1)
        inside = gaps_between(cov, window.peak.astimezone(ZoneInfo(tz)).date(), last)
        if inside.height:
            days = ", ".join(sorted({d.isoformat() for d in inside["date"].to_list()}))
            warnings.insert(
                0,
                f"data gaps during the recovery ({days}): part of the fall may be missing "
                "data, not recovery; check the exports before quoting the end or recovery time",
            )
    return warnings


@crisis_app.command("window")
def window_command(
    brand: str = typer.Option(..., "--brand", help="Brand to look at (as ingested)."),
    start: str | None = typer.Option(
        None, "--start", help="Manual window start: YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (local)."
    ),
    end: str | None = typer.Option(
        None, "--end", help="Manual window end (a bare date includes that whole day)."
    ),
    days: int | None = typer.Option(
        None, "--days", min=1, help="List the alert level of the last N days only."
    ),
    by_platform: bool = typer.Option(
        False, "--by-platform", help="Also detect the window on each platform apart."
    ),
    episode: int | None = typer.Option(
        None,
        "--episode",
        min=1,
        help="Show episode N (1 = the oldest) instead of the headline episode "
        "(the one with the most excess mentions over the baseline).",
    ),
    handle: list[str] = typer.Option(
        [], "--handle", help="The brand's official account (its posts are not customer talk)."
    ),
    tz: str = typer.Option(DEFAULT_TZ, "--tz", help="Time zone of days and hours."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Detected (or given) crisis window: onset, peak, end, phases and alert level per day."""
    from analytics.measure.crisis import (
        detect_crises,
        episode_terms,
        manual_window,
        pick_episode,
        platform_windows,
    )
    from analytics.measure.crisis.detect import no_crisis
    from analytics.report.messages import notes_text, platform_notes

    tz = _zone(tz)
    if (start is None) != (end is None):
        raise InputDataError("give both --start and --end for a manual window, or neither")
    if episode is not None and start is not None:
        raise InputDataError("--episode picks a detected episode: leave out --start/--end")
    handles = [h.removeprefix("@") for h in handle]
    mentions = _load(store, brand)
    episodes: list[CrisisWindow] = []
    if start is not None and end is not None:
        window = manual_window(
            mentions,
            start=parse_moment(start, "--start"),
            end=parse_moment(end, "--end", end_of_day=True),
            tz=tz,
            brand=brand,
        )
    else:
        episodes = detect_crises(mentions, tz=tz, brand=brand)
        episode_terms(
            mentions,
            episodes,
            exclude=[brand, *brand.split(), *handles],
            brand_handles=handles,
            names=[brand],
        )
        window = (
            pick_episode(episodes, episode) if episodes else no_crisis(mentions, tz=tz, brand=brand)
        )
        if episode is not None and not episodes:
            raise InputDataError(f"there is no episode {episode}: no crisis was detected")
    warnings = _completeness(mentions, window, tz)
    platforms = platform_windows(mentions, tz=tz) if by_platform else None
    if platforms is not None:
        platforms = platform_notes(platforms)
    if as_json:
        data = {
            **window.to_dict(),
            "notes": notes_text(window.notes),
            "note_codes": [str(n.code) for n in window.notes],
            "episodes": [_episode_summary(e) for e in episodes],
            "completeness": warnings,
        }
        if days is not None:
            data["alerts"] = data["alerts"][-days:]
        if platforms is not None:
            data["platforms"] = _json_rows(platforms)
        print(json.dumps(data, ensure_ascii=False))
        return
    _print_episodes(episodes, window, tz)
    _print_window(window, warnings, tz, days)
    if platforms is not None:
        _print_platforms(platforms, tz)


def _episode_summary(window: CrisisWindow) -> dict[str, Any]:
    """One episode of the list: number, times, size and what it was about."""
    full = window.to_dict()
    keys = (
        "episode",
        "onset",
        "onset_at_data_start",
        "peak",
        "end",
        "peak_mentions",
        "mentions",
        "expected_mentions",
        "excess_mentions",
        "top_terms",
        "about_brand",
    )
    return {key: full[key] for key in keys}


def _print_episodes(episodes: list[CrisisWindow], shown: CrisisWindow, tz: str) -> None:
    if not episodes:
        return
    print(
        f"episodes ({len(episodes)}; the headline is the one about the brand with the most "
        "excess mentions):"
    )
    for e in episodes:
        mark = "*" if e is shown else " "
        onset = _local(e.onset, tz)
        if e.onset_at_data_start:
            onset = f"at or before {onset} (data start)"
        end = _local(e.end, tz) if e.end else "not yet"
        excess = "unknown" if e.excess_mentions is None else f"{e.excess_mentions:,.0f}"
        about = ", ".join(e.top_terms) or "-"
        print(f" {mark}{e.number}  onset {onset}  peak {_local(e.peak, tz)}  end {end}")
        print(f"     {e.mentions:,} mentions, {excess} above the baseline; about: {about}")
        if e.about_brand is False:
            print("     not about the brand: its mentions name it far less than the rest do")


def _print_platforms(platforms: pl.DataFrame, tz: str) -> None:
    print("per platform:")
    for row in platforms.iter_rows(named=True):
        if not row["detected"]:
            print(f"  {row['platform']:<10} no crisis detected ({row['note'] or 'calm'})")
            continue
        end = _local(row["end"], tz) if row["end"] else "not yet"
        print(
            f"  {row['platform']:<10} onset {_local(row['onset'], tz)}  "
            f"peak {_local(row['peak'], tz)}  end {end}"
        )


def _print_window(
    window: CrisisWindow, warnings: list[str], tz: str, days: int | None = None
) -> None:
    if not window.detected:
        print(f"{window.brand}: no crisis detected")
    else:
        how = "manual window" if window.manual else "crisis detected"
        which = f", episode {window.number}" if window.number else ""
        print(f"{window.brand}: {how}{which} (times in {tz})")
        onset = _local(window.onset, tz)
        if window.onset_at_data_start:
            onset = f"at or before the start of the data ({onset})"
        print(f"  onset  {onset}")
        print(f"  peak   {_local(window.peak, tz)}  ({window.peak_mentions} mentions that hour)")
        print(f"  end    {_local(window.end, tz) if window.end else 'not yet (still elevated)'}")
        if window.recovery_hours is not None:
            hours = window.recovery_hours
            print(f"  recovery time {hours:.0f} h ({hours / 24:.1f} days) from peak to end")
        if window.sentiment_gap is not None:
            print(
                f"  sentiment gap {window.sentiment_gap:+.2f} "
                "(net sentiment after the crisis minus before)"
            )
        print("phases:")
        for row in window.phases.iter_rows(named=True):
            print(
                f"  {row['phase']:<12} {_local(row['start'], tz)} -> {_local(row['end'], tz)}"
                f"  ({row['hours']:.0f} h)"
            )
    print("alert level per day:")
    daily = window.daily_alerts()
    for row in (daily.tail(days) if days else daily).iter_rows(named=True):
        print(
            f"  {row['date']}  {row['level']:<8}  {row['mentions']:>7,} mentions"
            f"  {row['negative']:>6,} negative"
        )
    from analytics.report.messages import notes_text

    for title, lines in (("data completeness", warnings), ("notes", notes_text(window.notes))):
        if lines:
            print(f"{title}:")
            for line in lines:
                print(f"  {line}")


@crisis_app.command("history")
def history_command(
    brand: str | None = typer.Option(None, "--brand", help="One brand (default: every brand)."),
    events: Path | None = typer.Option(
        None, "--events", help="Events CSV of the brand's responses (needs --brand)."
    ),
    handle: list[str] = typer.Option(
        [], "--handle", help="The brand's official account (repeat for several)."
    ),
    tz: str = typer.Option(DEFAULT_TZ, "--tz", help="Time zone of days and hours."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """One row per crisis in the store: peak, time to peak and to first response, recovery."""
    from analytics.measure.history import store_history
    from analytics.report.messages import history_notes
    from analytics.store import Store

    tz = _zone(tz)
    if events is not None and brand is None:
        raise InputDataError("--events belongs to one brand: give --brand too")
    event_rows = None
    if events is not None:
        from analytics.measure.events import read_events

        event_rows = read_events(events, tz=tz)
    the_store = Store(store)
    if brand is not None:
        the_store.require_brand(brand)
    table = store_history(
        the_store,
        brand=brand,
        tz=tz,
        events=event_rows,
        brand_handles=[h.removeprefix("@") for h in handle],
    )
    table = history_notes(table)
    if as_json:
        print(json.dumps({"crises": _json_rows(table)}, ensure_ascii=False))
        return
    for row in table.iter_rows(named=True):
        if not row["detected"]:
            print(f"{row['brand']}: {row['note']}")
            continue
        first = row["hours_to_first_response"]
        print(
            f"{row['brand']}: {_local(row['onset'], tz)} -> "
            f"{_local(row['end'], tz) if row['end'] else 'ongoing'}\n"
            f"  peak {row['peak_mentions']} mentions/h after {row['hours_to_peak']:.0f} h; "
            f"first response {'none' if first is None else f'after {first:.1f} h'}; "
            f"duration {_hours(row['duration_hours'])}; "
            f"recovery {_hours(row['recovery_hours'])}; "
            f"strategies {row['strategies'] or '-'}"
            + ("\n  not about the brand (a namesake's spike?)" * (row["about_brand"] is False))
        )


@crisis_app.command("network")
def network_command(
    brand: str = typer.Option(..., "--brand", help="Brand as given to `ingest --brand`."),
    start: str | None = typer.Option(None, "--start", help="First day (local), YYYY-MM-DD."),
    end: str | None = typer.Option(None, "--end", help="Last day (local), YYYY-MM-DD."),
    tz: str = typer.Option("Asia/Jakarta", "--tz", help="Time zone of --start/--end."),
    handle: list[str] = typer.Option([], "--handle", help="The brand's own handle (repeat)."),
    store: Path = typer.Option(Path("data/store"), "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Who amplifies whom: communities (size, top accounts, negative share, terms, hashtags,
    coordinated share) and bridging accounts of the reply/repost/quote/@mention network."""
    from analytics.measure.coordination import copy_paste_clusters
    from analytics.measure.network import interaction_network

    zone = ZoneInfo(_zone(tz))
    lazy = _load(store, brand)
    if start:
        lazy = lazy.filter(pl.col("published_at") >= parse_moment(start, "--start").replace(
            tzinfo=zone))  # fmt: skip
    if end:
        lazy = lazy.filter(pl.col("published_at") < parse_moment(end, "--end", end_of_day=True)
                           .replace(tzinfo=zone))  # fmt: skip
    mentions = lazy.collect()
    clusters = copy_paste_clusters(mentions, brand_handles=handle)
    ids = {i for group in clusters.get_column("mention_ids").to_list() for i in group}
    coordinated = mentions.filter(pl.col("mention_id").is_in(list(ids))).get_column("author")
    net = interaction_network(
        mentions, brand_handles=handle, coordinated_accounts=coordinated.drop_nulls().to_list()
    )
    if as_json:
        print(json.dumps({
            "brand": brand, "accounts": net.accounts.height, "edges": net.edges.height,
            "edge_types": dict(net.edges.group_by("type").agg(pl.col("weight").sum()).iter_rows()),
            "communities": _json_rows(net.communities), "bridges": _json_rows(net.bridges),
            "notes": net.notes}, ensure_ascii=False, default=str))  # fmt: skip
        return
    print(f"{brand}: {net.accounts.height:,} accounts, {net.edges.height:,} interaction edges")
    for note in net.notes:
        print(f"note: {note}")
    for row in net.communities.head(15).iter_rows(named=True):
        share = row["negative_share"]
        print(
            f"community {row['community']}: {row['size']:,} accounts, negative "
            f"{'n/a' if share is None else f'{share:.0%}'}, coordinated "
            f"{row['coordinated_share']:.0%}\n  top: {row['top_accounts']}\n"
            f"  terms: {row['top_terms'] or '-'}  hashtags: {row['top_hashtags'] or '-'}"
        )
    if net.bridges.height:
        print("bridging accounts (betweenness; communities they reach):")
        for row in net.bridges.iter_rows(named=True):
            print(f"  {row['account']} ({row['betweenness']:.0f}; community {row['community']}"
                  f" -> {row['neighbour_communities'] or '-'})")  # fmt: skip


def _hours(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.0f} h"


def _json_rows(table: pl.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for row in table.iter_rows(named=True):
        rows.append(
            {
                k: (v.isoformat().replace("+00:00", "Z") if isinstance(v, datetime) else v)
                for k, v in row.items()
            }
        )
    return rows


def register(app: typer.Typer) -> None:
    """Add the ``crisis`` sub-app (``window``, ``history``, ``network``) to the root app."""
    app.add_typer(crisis_app, name="crisis")
