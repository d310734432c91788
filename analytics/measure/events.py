"""The brand's responses: an analyst's events file and the brand's own posts.

An events CSV is written by hand (or exported from a PR calendar): one row per dated
response or event with ``time, channel, type, description`` and an optional SCCT
``strategy``. Indonesian headers (waktu, kanal, jenis, keterangan, strategi) are accepted.
Times may carry an offset (``2024-03-05T14:00+07:00``), an Indonesian zone name
(``2024-03-05 14:00 WIB``) or be naive, in which case they are read in ``tz``.

``brand_responses`` adds the brand's own posts from the mentions (``is_brand_post`` or an
official handle), leaving out its replies to customers (those are customer care, measured
by the reply rate), and reads what each post is (``analytics.measure.response_kinds``:
its speech act and, given the crisis vocabulary, whether it is about the crisis at all) so
it can be SCCT-coded.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import InputDataError, where
from analytics.load.read import csv_reader
from analytics.load.side_files import read_csv_text
from analytics.measure.audience import brand_post
from analytics.measure.response_kinds import CrisisTopic, read_post
from analytics.measure.speech_acts import ResponseKind
from analytics.measure.strategy import STRATEGIES, code_strategies
from analytics.schema import EVENT_SCHEMA, REJECTED_SCHEMA, conform, empty

_HEADER_ALIASES = {
    "time": ("time", "waktu", "datetime", "date", "tanggal", "published_at", "timestamp"),
    "channel": ("channel", "kanal", "platform", "saluran", "media"),
    "type": ("type", "jenis", "tipe", "kind", "response type"),
    "description": ("description", "keterangan", "deskripsi", "text", "teks", "isi"),
    "strategy": ("strategy", "strategi", "scct", "scct strategy"),
}

# Types the analyst may write in Indonesian or loosely; normalised so SCCT coding finds them.
_TYPE_ALIASES = {
    "holding": "holding statement",
    "pernyataan awal": "holding statement",
    "holding statement": "holding statement",
    "permintaan maaf": "apology",
    "maaf": "apology",
    "klarifikasi": "clarification",
    "kompensasi": "compensation",
    "ganti rugi": "compensation",
    "perbaikan": "fix",
    "corrective action": "fix",
    "video ceo": "ceo video",
    "ceo statement": "ceo video",
    "influencer": "influencer post",
    "konferensi pers": "press conference",
}

_ZONE_NAMES = {"WIB": 7, "WITA": 8, "WIT": 9, "UTC": 0, "GMT": 0, "Z": 0}
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y")

# how a kind read from a brand post is written in the events vocabulary (one word per type)
_KIND_AS_TYPE = {"corrective action": "fix"}


# Rows of an events file that date the story rather than the brand's answer to it ("first
# post", "media pickup", "hoax first seen"): kept for the timeline, never counted as responses.
_CONTEXT_TYPES = re.compile(
    r"first (post|seen|complaint|mention)|pickup|pick-up|trending|incident|outage|"
    r"news article|competitor|^trigger$|^context$|^milestone$"
)


def is_response_type(kind: str | None) -> bool:
    """False for context rows of an events file (first post, media pickup, hoax first seen)."""
    return not _CONTEXT_TYPES.search(normalise_type(kind))


def context_events(events: pl.DataFrame) -> pl.DataFrame:
    """The rows of an events file that are context (the story), not the brand's responses."""
    mask = [not is_response_type(kind) for kind in events.get_column("type").to_list()]
    return events.filter(pl.Series(mask, dtype=pl.Boolean))


def normalise_type(value: str | None) -> str:
    """Lower-case a response type and map Indonesian/loose names to the canonical ones."""
    kind = re.sub(r"\s+", " ", (value or "").strip().lower())
    return _TYPE_ALIASES.get(kind, kind)


def infer_post_type(
    text: str | None, crisis_terms: Sequence[str] | CrisisTopic | None = None
) -> str:
    """Type a brand post from what it does (``response_kinds.read_post``).

    With the crisis vocabulary (``crisis_terms``: a ``CrisisTopic``, e.g.
    ``CrisisWindow.topic``, or just the vocabulary), an off-topic post is ``routine`` and an
    on-topic one with no recognised act a ``statement``; without it, a post that performs no
    recognised act is ``post`` (untyped: the analyst decides).
    """
    reading = read_post(text, crisis_terms)
    if reading.kind is None:
        return "post"
    if reading.kind is ResponseKind.CLARIFICATION and not reading.evidence:
        # on topic but no act recognised: a statement whose SCCT posture depends on what it
        # says (coded from its words), not a clarification of a false claim (deny)
        return "statement"
    return _KIND_AS_TYPE.get(str(reading.kind), str(reading.kind))


def parse_event_time(value: str, tz: str) -> datetime:
    """Parse one events-file time to UTC; raises ``ValueError`` with what was expected."""
    text = value.strip()
    offset = None
    zone = re.search(r"\s*\b(WIB|WITA|WIT|UTC|GMT)$", text, flags=re.IGNORECASE)
    if zone:
        offset = timezone(timedelta(hours=_ZONE_NAMES[zone.group(1).upper()]))
        text = text[: zone.start()]
    try:
        parsed = datetime.fromisoformat(text.replace(" T", "T"))
    except ValueError:
        parsed = None
        for fmt in _TIME_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError(
            f"'{value}' is not a date-time; expected e.g. 2024-03-05 14:00, "
            "2024-03-05T14:00+07:00, 2024-03-05 14:00 WIB or 05/03/2024 14:00 (day first)"
        )
    if parsed.tzinfo is None:
        zone = offset or ZoneInfo(tz)
        parsed = parsed.replace(tzinfo=zone)
        # a wall time the clocks skip (DST starts) would silently move by an hour
        if parsed.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != parsed.replace(
            tzinfo=None
        ):
            raise ValueError(
                f"'{value}' is a non-existent local time in {tz} (the clocks skip it when "
                "daylight saving time starts); check the time or give it with its offset"
            )
    return parsed.astimezone(UTC)


def _column_map(header: list[str], path: Path) -> dict[str, int]:
    lowered = [h.strip().lower().lstrip("\ufeff") for h in header]
    found: dict[str, int] = {}
    for name, aliases in _HEADER_ALIASES.items():
        for alias in aliases:
            if alias in lowered:
                found[name] = lowered.index(alias)
                break
    missing = [name for name in ("time", "channel", "type") if name not in found]
    if missing:
        raise InputDataError(
            f"{where(path, 1)}: the events file has no column {', '.join(map(repr, missing))}; "
            f"found {header}. Expected a header with time, channel, type, description "
            "and optionally strategy (Indonesian: waktu, kanal, jenis, keterangan, strategi)."
        )
    return found


def read_events_with_rejects(
    path: str | Path, *, tz: str = DEFAULT_TZ
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read an events CSV into (EVENT_SCHEMA rows, REJECTED_SCHEMA rows with reasons).

    The delimiter (comma or semicolon, as Indonesian Excel writes) is sniffed. Strategy is
    filled from the type when blank (see ``analytics.measure.strategy``).
    """
    path = Path(path)
    raw, delimiter = read_csv_text(path, what="events", expected="a header row and events")
    reader = csv_reader(io.StringIO(raw, newline=""), delimiter)
    header = next(reader)
    columns = _column_map(header, path)
    good: list[dict] = []
    rejected: list[dict] = []
    start = reader.line_num + 1  # a quoted description may span lines: count real lines
    for row in reader:
        line_no, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank line: nothing to keep
        record = {name: (row[i].strip() if i < len(row) else "") for name, i in columns.items()}
        problem = None
        try:
            when = parse_event_time(record["time"], tz)
        except ValueError as exc:
            problem = f"{where(path.name, line_no, 'time')}: {exc}"
        strategy = record.get("strategy", "").lower() or None
        if problem is None and not record["type"]:
            problem = f"{where(path.name, line_no, 'type')}: empty; expected e.g. apology"
        if problem is None and strategy is not None and strategy not in STRATEGIES:
            problem = (
                f"{where(path.name, line_no, 'strategy')}: '{strategy}' is not an SCCT "
                f"strategy; expected one of {', '.join(STRATEGIES)} or blank"
            )
        if problem:
            rejected.append(
                {
                    "source_file": path.name,
                    "source_row": line_no,
                    "reason": problem,
                    "raw": json.dumps(dict(zip(header, row, strict=False)), ensure_ascii=False),
                }
            )
            continue
        good.append(
            {
                "time": when,
                "channel": record["channel"].lower() or None,
                "type": normalise_type(record["type"]),
                "description": record.get("description") or None,
                "strategy": strategy,
            }
        )
    events = conform(pl.DataFrame(good), EVENT_SCHEMA) if good else empty(EVENT_SCHEMA)
    events = code_strategies(events).sort("time")
    rejects = (
        conform(pl.DataFrame(rejected), REJECTED_SCHEMA) if rejected else empty(REJECTED_SCHEMA)
    )
    return events, rejects


def read_events(path: str | Path, *, tz: str = DEFAULT_TZ) -> pl.DataFrame:
    """Read an events CSV (EVENT_SCHEMA, strategy filled from type); fail on any bad row.

    The file is small and hand-made, so every problem is listed at once for the analyst to
    fix rather than a response silently missing from the review.
    """
    events, rejected = read_events_with_rejects(path, tz=tz)
    if not rejected.is_empty():
        reasons = rejected.get_column("reason").to_list()
        more = f" (and {len(reasons) - 10} more)" if len(reasons) > 10 else ""
        raise InputDataError(
            f"{len(reasons)} row(s) of the events file {path} cannot be used:\n  "
            + "\n  ".join(reasons[:10])
            + more
        )
    return events


def _brand_post_mask(brand_handles: Sequence[str]) -> pl.Expr:
    return brand_post(brand_handles)


def brand_posts(
    mentions: pl.DataFrame | pl.LazyFrame, brand_handles: Sequence[str] = ()
) -> pl.DataFrame:
    """All posts by the brand (own-channel exports or an official handle), replies included."""
    posts = mentions.filter(_brand_post_mask(brand_handles))
    return posts.collect() if isinstance(posts, pl.LazyFrame) else posts


def brand_responses(
    mentions: pl.DataFrame,
    *,
    events: pl.DataFrame | None = None,
    brand_handles: Sequence[str] = (),
    match_minutes: float = 30,
    crisis_terms: Sequence[str] | CrisisTopic | None = None,
) -> pl.DataFrame:
    """The brand's responses as EVENT_SCHEMA rows: its own non-reply posts plus the events.

    ``crisis_terms`` (the crisis episode's ``topic`` or ``vocabulary``) lets off-topic
    posts be typed ``routine`` (see ``infer_post_type``); such rows are kept with that type
    and left out of every response measure (``only_typed``).

    A brand post that replies to a customer (it has a ``parent_id`` that is not one of the
    brand's own posts, or is a reply/comment) is customer care, not a public response.
    A post on the same channel within ``match_minutes`` of an event is taken to *be* that
    event and kept once, with the analyst's type and strategy and the post's own text.
    Context rows of the events file (first post, media pickup, hoax first seen: see
    ``context_events``) are left out.
    """
    own = brand_posts(mentions, brand_handles)
    own_ids = own.get_column("mention_id").to_list()
    is_reply = (pl.col("parent_id").is_not_null() & ~pl.col("parent_id").is_in(own_ids)) | (
        pl.col("content_type").str.to_lowercase().is_in(["reply", "comment"])
        & ~pl.col("parent_id").fill_null("").is_in(own_ids)
    )
    posts = own.filter(~is_reply.fill_null(False)).select(
        pl.col("published_at").alias("time"),
        pl.col("platform").alias("channel"),
        pl.col("text")
        .map_elements(lambda t: infer_post_type(t, crisis_terms), return_dtype=pl.Utf8)
        .alias("type"),
        pl.col("text").alias("description"),
        pl.lit(None, dtype=pl.Utf8).alias("strategy"),
    )
    posts = conform(posts, EVENT_SCHEMA)
    if events is not None and not events.is_empty():
        events = conform(events, EVENT_SCHEMA)
        answers = [is_response_type(kind) for kind in events.get_column("type").to_list()]
        events = events.filter(pl.Series(answers, dtype=pl.Boolean))
        tolerance = timedelta(minutes=match_minutes)
        post_rows = posts.select("time", "channel", "description").rows()
        event_rows = events.select("time", "channel", "description").rows()

        def matching_post(e_time, e_channel):  # noqa: ANN001, ANN202
            for index, (time, channel, _) in enumerate(post_rows):
                if channel == e_channel and abs(time - e_time) <= tolerance:
                    return index
            return None

        matches = [matching_post(e_time, e_channel) for e_time, e_channel, _ in event_rows]
        # the matched post's own words are the statement (consistency compares them across
        # channels); the events file's description is the analyst's summary of it
        statements = [
            post_rows[m][2] if m is not None and post_rows[m][2] else description
            for m, (_, _, description) in zip(matches, event_rows, strict=True)
        ]
        events = events.with_columns(pl.Series("description", statements, dtype=pl.Utf8))
        matched = {m for m in matches if m is not None}
        keep = [index not in matched for index in range(len(post_rows))]
        posts = pl.concat([posts.filter(pl.Series(keep, dtype=pl.Boolean)), events])
    return code_strategies(posts).sort("time")


def group_responses(responses: pl.DataFrame, *, minutes: float = 60) -> pl.DataFrame:
    """One row per response across channels: same type within ``minutes`` of the first.

    A statement posted on X, Instagram and Facebook a few minutes apart is one response;
    measuring it three times would triple-count the same windows. ``channel`` becomes the
    channels joined ("x, instagram, facebook"); time, strategy and description are the first.
    """
    if responses.is_empty():
        return responses
    ordered = responses.sort("time")
    gap = pl.col("time").diff().over("type").dt.total_seconds() / 60
    return (
        ordered.with_columns(
            (gap.fill_null(float("inf")) > minutes).cum_sum().over("type").alias("_group")
        )
        .group_by("type", "_group", maintain_order=True)
        .agg(
            pl.col("time").first(),
            pl.col("channel").unique(maintain_order=True).str.join(", "),
            pl.col("description").first(),
            pl.col("strategy").first(),
        )
        .select(responses.columns)
        .sort("time")
    )


def only_typed(responses: pl.DataFrame) -> pl.DataFrame:
    """Responses with a known type: untyped brand posts ("post") are often scheduled promos,
    and off-topic ones ("routine") are not about the crisis."""
    return responses.filter(~pl.col("type").is_in(["post", "routine"]))
