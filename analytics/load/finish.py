"""The steps every loader shares after mapping vendor columns to canonical ones.

A tool module turns its raw strings into a :class:`Mapped` frame (canonical columns, one row
per raw record, same order). Here rows without a usable time or without text and url are set
aside with a reason, surrogate ids are made, engagement is derived, brand posts are marked
and the result is conformed to ``MENTION_SCHEMA``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import polars as pl

from analytics.defaults import DEFAULT_TZ
from analytics.errors import ExportFormatError, InputDataError
from analytics.load import clean, vocab
from analytics.load.read import EXTRA, ROW, RawTable
from analytics.load.times import NONEXISTENT_LOCAL_TIME
from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    MENTION_SCHEMA,
    REJECTED_SCHEMA,
    conform,
    empty,
)

if TYPE_CHECKING:
    from analytics.load.infer import Inference

NOTES = "__notes"
EXCEL_DATES_HINT = (
    "; if Excel re-saved the file, give its date layout in a [time] file "
    "(docs/loading.md, 'A vendor file whose dates Excel rewrote')"
)
TIME_RAW = "__time_raw"
PARENT_ROW = "__parent_row"
BRAND = "__brand"


def _row_brands(raw: RawTable, name: str) -> tuple[pl.Series, pl.Series, str]:
    """(brand per row, empty-brand mask, the column's name as in the file)."""
    column = clean.pick(raw.columns, name)
    if column is None:
        raise ExportFormatError(
            f"{raw.file}: --brand-column {name!r} is not a column of the file; its columns "
            f"are: {', '.join(raw.columns[:20])}"
        )
    brands = raw.frame.select(clean.raw(column).alias(BRAND)).to_series()
    return brands, brands.is_null(), column


@dataclass
class Context:
    """What a loader needs besides the file: the user's parameters."""

    brand: str
    default_tz: str = DEFAULT_TZ
    brand_handles: Sequence[str] = ()
    source_tool: str = ""
    notes: list[str] = field(default_factory=list)  # file-level notes, added by loaders
    # the user's own time layout and zone for a vendor file (e.g. a CSV Excel re-saved with
    # day-first dates): they replace the tool's documented ones
    time_formats: list[str] | None = None
    time_zone: str | None = None
    # a file holding several brands: each row's brand is read from this column (``brand``
    # is then empty); a row whose brand cell is empty is rejected with the reason
    brand_column: str | None = None

    def formats(self, documented: list[str]) -> list[str]:
        """The time layouts to try: the user's override, else the tool's documented ones."""
        return self.time_formats or documented

    def zone(self, documented: str | None = None) -> str:
        """The zone of naive times: the override, else the tool's documented zone (Sprout
        inbox: Pacific), else ``default_tz``."""
        return self.time_zone or documented or self.default_tz

    def layout(self, documented: str) -> str:
        """The expected layout, as rejection reasons name it."""
        return " or ".join(self.time_formats) if self.time_formats else documented


@dataclass
class LoadResult:
    """What one export (or one batch of it) gave."""

    mentions: pl.DataFrame  # exactly MENTION_SCHEMA
    daily_metrics: pl.DataFrame  # exactly DAILY_METRICS_SCHEMA
    rejected: pl.DataFrame  # exactly REJECTED_SCHEMA
    format: str
    detection_reason: str
    notes: list[str] = field(default_factory=list)
    inference: Inference | None = None  # the inferred mapping, when columns were inferred
    # when the tool captured the export's counts (its own "exported at"), where it says so;
    # the store lets the newest capture's likes/shares/reach win (else the later ingest)
    captured_at: datetime | None = None


@dataclass
class Mapped:
    """A tool's canonical columns, one row per raw record (same order as the raw frame)."""

    frame: pl.DataFrame
    time_column: str  # the column(s) the time came from, for rejection reasons
    time_expected: str  # the layout expected, e.g. "YYYY-MM-DD HH:MM:SS"
    text_columns: str  # where text/url were looked for, for rejection reasons
    owned: bool = False  # owned-channel export: every row is a brand post
    # rows the source holds inside another row's record, e.g. the developer's reply stored
    # with a Play Store review: canonical columns like ``frame`` (same ROW as the record);
    # kept when they have a time and a text, else simply absent (no reply). A PARENT_ROW
    # column links each to the record it answers when that record has no native id.
    extra: pl.DataFrame | None = None


def notes_expr(notes: list[pl.Expr]) -> pl.Expr:
    """All repair codes of a row joined by ``;`` (null when there are none)."""
    return clean.join_notes(notes).alias(NOTES)


def normalised_text(text: pl.Expr) -> pl.Expr:
    """Text as compared for identity: one line-end convention (LF) and Unicode NFC."""
    return text.str.replace_all(r"\r\n?", "\n").str.normalize("NFC")


def surrogate_ids(frame: pl.DataFrame) -> pl.Series:
    """``h:<sha1>`` of platform|url|author|published_at|text: stable across runs and machines.

    The text is hashed normalised (CRLF and CR line ends as LF, Unicode NFC): the same
    export re-saved on another system must give the same ids, or every multi-line text
    would be stored twice. A per-row hashlib call: polars' own hash is not stable between
    versions, and a store deduplicates on these ids for years.
    """
    key = frame.select(
        pl.concat_str(
            [
                pl.col("platform").fill_null(""),
                pl.col("url").fill_null(""),
                pl.col("author").fill_null(""),
                pl.col("published_at").dt.strftime("%Y-%m-%dT%H:%M:%S%.6fZ").fill_null(""),
                normalised_text(pl.col("text")).fill_null(""),
            ],
            separator="|",
        )
    ).to_series()
    sha1 = hashlib.sha1
    return pl.Series(
        "mention_id", ["h:" + sha1(k.encode("utf-8")).hexdigest() for k in key], dtype=pl.Utf8
    )


def with_broken_records(
    raw: RawTable, bad: pl.Series, reasons: pl.Series
) -> tuple[pl.Series, pl.Series]:
    """Add records with more cells than the header to the rejects (their columns shifted)."""
    if EXTRA not in raw.frame.columns:
        return bad, reasons
    extra = raw.frame.get_column(EXTRA)
    broken = extra.is_not_null()
    message = pl.concat_str(
        pl.lit(f"the record has more cells than the header's {len(raw.columns)}: extra "),
        pl.lit(extra),
        pl.lit(" (an unquoted delimiter inside a text?)"),
    )
    reasons = pl.select(pl.when(pl.lit(broken)).then(message).otherwise(pl.lit(reasons)))
    return bad | broken, reasons.to_series()


def rejected_rows(raw: RawTable, mask: pl.Series, reasons: pl.Series) -> pl.DataFrame:
    """Rows of ``raw`` under ``mask`` as REJECTED_SCHEMA, the whole record kept as JSON."""
    if not mask.any():
        return empty(REJECTED_SCHEMA)
    cells = raw.columns
    picked = raw.frame.filter(mask)
    record = picked.select(pl.struct(cells).struct.json_encode().alias("raw")).to_series()
    return conform(
        pl.DataFrame(
            {
                "source_file": [raw.file] * picked.height,
                "source_row": picked.get_column(ROW),
                "reason": reasons.filter(mask),
                "raw": record,
            }
        ),
        REJECTED_SCHEMA,
    )


def finish_mentions(
    raw: RawTable, mapped: Mapped, ctx: Context
) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """(mentions, rejected, notes) from a tool's mapped frame."""
    frame = mapped.frame
    for name in ("text", "url", "published_at", "mention_id", TIME_RAW, NOTES):
        if name not in frame.columns:
            frame = frame.with_columns(pl.lit(None, MENTION_SCHEMA.get(name, pl.Utf8)).alias(name))
    flags = frame.select(
        pl.col("published_at").is_null().alias("no_time"),
        (pl.col("text").is_null() & pl.col("url").is_null()).alias("no_content"),
        pl.col(TIME_RAW).alias("time_raw"),
        pl.col(NOTES).str.extract(f"{NONEXISTENT_LOCAL_TIME}:([^;]+)", 1).alias("gap_zone"),
        pl.col(NOTES).str.contains("excel_formula_uncomputed", literal=True).alias("formula"),
    )
    no_time, no_content = flags.get_column("no_time"), flags.get_column("no_content")
    reasons = flags.select(
        pl.when(pl.col("no_time") & pl.col("time_raw").is_null())
        .then(pl.lit(f"column {mapped.time_column} is empty: a mention needs a publication time"))
        .when(pl.col("no_time") & pl.col("gap_zone").is_not_null())
        .then(
            pl.concat_str(
                pl.lit(f'column {mapped.time_column}: value "'),
                pl.col("time_raw"),
                pl.lit('" is a non-existent local time in '),
                pl.col("gap_zone"),
                pl.lit(
                    " (the clocks skip it when daylight saving time starts); check the time "
                    "zone the export was written in (--tz, or [time] timezone in a mapping)"
                ),
            )
        )
        .when(pl.col("no_time"))
        .then(
            pl.concat_str(
                pl.lit(f'column {mapped.time_column}: value "'),
                pl.col("time_raw"),
                pl.lit(f'" is not a time in the expected layout ({mapped.time_expected})'),
                # a slashed date where none is expected: most likely Excel re-saved the file
                pl.when(
                    pl.lit("/" not in mapped.time_expected)
                    & pl.col("time_raw").str.contains(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
                )
                .then(pl.lit(EXCEL_DATES_HINT))
                .otherwise(pl.lit("")),
            )
        )
        .when(pl.col("formula"))
        .then(
            pl.lit(
                f"no text and no url: columns {mapped.text_columns} hold Excel formulas saved "
                "without their computed value (open the file in Excel and save it to compute them)"
            )
        )
        .otherwise(pl.lit(f"no text and no url (columns {mapped.text_columns} are all empty)"))
    ).to_series()
    bad = no_time | no_content
    if ctx.brand_column is not None:
        brands, no_brand, column = _row_brands(raw, ctx.brand_column)
        why = f'column "{column}" (--brand-column) is empty: every row needs its brand'
        reasons = pl.select(
            pl.when(pl.lit(no_brand) & ~pl.lit(bad)).then(pl.lit(why)).otherwise(pl.lit(reasons))
        ).to_series()
        bad = bad | no_brand
        frame = frame.with_columns(brands.alias(BRAND))
        if mapped.extra is not None:
            mapped.extra = mapped.extra.with_columns(brands.alias(BRAND))
    bad, reasons = with_broken_records(raw, bad, reasons)
    rejected = rejected_rows(raw, bad, reasons)
    kept = frame.filter(~bad)
    mentions = complete_mentions(kept, mapped, ctx, raw.file)
    notes = summarize_notes(mentions, rejected)
    if mapped.extra is not None:
        extra = _extra_rows(mapped.extra, mentions, ~bad)
        if extra.height:
            notes.append(
                f"{extra.height} replies by the brand stored with their records "
                "(is_brand_post, parent_id = the record they answer)"
            )
            mentions = pl.concat([mentions, complete_mentions(extra, mapped, ctx, raw.file)])
    return mentions, rejected, notes


def _extra_rows(extra: pl.DataFrame, parents: pl.DataFrame, kept: pl.Series) -> pl.DataFrame:
    """The extra rows whose record was kept and that have a time and a text."""
    extra = extra.filter(kept)
    extra = extra.filter(pl.col("published_at").is_not_null() & pl.col("text").is_not_null())
    if PARENT_ROW in extra.columns:  # the parent's id is known only now (maybe a surrogate)
        ids = parents.select(
            pl.col("source_row").alias(PARENT_ROW), pl.col("mention_id").alias("__pid")
        )
        extra = extra.join(ids, on=PARENT_ROW, how="left", maintain_order="left")
        extra = extra.with_columns(pl.coalesce("parent_id", "__pid").alias("parent_id"))
        extra = extra.with_columns(
            pl.coalesce("mention_id", pl.col("parent_id") + ":reply").alias("mention_id")
        ).drop("__pid", PARENT_ROW)
    return extra


def complete_mentions(frame: pl.DataFrame, mapped: Mapped, ctx: Context, file: str) -> pl.DataFrame:
    """Fill the shared columns: ids, engagement, brand posts, lineage; conform the schema."""
    for name, dtype in MENTION_SCHEMA.items():
        if name not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype).alias(name))
    need_surrogate = frame.get_column("mention_id").is_null()
    if need_surrogate.any():
        surrogates = surrogate_ids(frame)
        frame = frame.with_columns(
            pl.when(need_surrogate)
            .then(surrogates)
            .otherwise(pl.col("mention_id"))
            .alias("mention_id")
        )
    check_ids_distinguish(frame.filter(~need_surrogate), file)
    handles = [h.strip().lstrip("@").lower() for h in ctx.brand_handles if h.strip()]
    by_handle = (
        pl.col("author").str.to_lowercase().is_in(handles).fill_null(False)
        if handles
        else pl.lit(False)
    )
    frame = frame.with_columns(
        pl.Series("id_is_surrogate", need_surrogate),
        pl.coalesce(
            pl.col("engagement"),
            clean.add_counts(pl.col("likes"), pl.col("comments"), pl.col("shares")),
        ).alias("engagement"),
        # owned-channel export, or a row the tool marks as sent by the brand, or a brand handle
        (pl.lit(mapped.owned) | pl.col("is_brand_post").fill_null(False) | by_handle).alias(
            "is_brand_post"
        ),
        # a quote's or repost's parent is the post it quotes or reposts
        pl.coalesce(
            "quoted_id", pl.when(pl.col("content_type") == "quote").then(pl.col("parent_id"))
        ).alias("quoted_id"),
        pl.coalesce(
            "reposted_id", pl.when(pl.col("content_type") == "repost").then(pl.col("parent_id"))
        ).alias("reposted_id"),
        (pl.col(BRAND) if BRAND in frame.columns else pl.lit(ctx.brand)).alias("brand"),
        vocab.language(pl.col("language")).alias("language"),  # one rule for every loader
        pl.lit(ctx.source_tool).alias("source_tool"),
        pl.lit(file).alias("source_file"),
        pl.col(ROW).alias("source_row"),
        pl.col(NOTES).alias("load_notes"),
    )
    return conform(frame, MENTION_SCHEMA)


def check_ids_distinguish(frame: pl.DataFrame, file: str) -> None:
    """Refuse ids that merge most rows: one id on different mentions is a mapping error.

    A repeated id on the same mention (an export listing a post twice) is a duplicate and
    fine; the same id on different texts or times (``[constants] mention_id = "same"``, or
    the wrong column mapped as the id) would store one row and call the rest duplicates.
    """
    if frame.height < 3:
        return
    # only an id on two or more rows can merge anything: the rest (nearly every row of a
    # sound export) need not be grouped, and when the repeated ids hold at most half the
    # rows they cannot merge more than half
    repeated = frame.filter(pl.col("mention_id").is_duplicated())
    if repeated.height * 2 <= frame.height:
        return
    per_id = repeated.group_by("mention_id").agg(
        pl.len().alias("rows"),
        pl.concat_str(
            normalised_text(pl.col("text")).fill_null(""),
            pl.col("published_at").cast(pl.Utf8).fill_null(""),
            separator="|",
        )
        .n_unique()
        .alias("variants"),
    )
    merged = per_id.filter(pl.col("variants") > 1)
    collapsed = int(merged.get_column("rows").sum())
    if collapsed * 2 > frame.height:
        example = merged.sort("rows", descending=True).get_column("mention_id")[0]
        raise InputDataError(
            f"{file}: the mention ids merge {collapsed:,} of {frame.height:,} rows that differ "
            f'in text or time into {merged.height:,} id(s) (e.g. "{example}"), so all but one '
            "of each would be dropped as duplicates; map the column that identifies each "
            "mention, or leave the id out (and [constants] mention_id) to have ids made from "
            "the content"
        )


_NOTE_TEXT = {
    "id_rounded_by_excel": "ids rounded by Excel (unrecoverable): surrogate ids used",
    "id_recovered_from_url": "ids rounded by Excel recovered from the status URL",
    "date_from_excel_serial": "times read from Excel serial day numbers",
    "formula_prefix_stripped": 'cells written as ="..." formulas unwrapped',
    "hyperlink_formula_recovered": "=HYPERLINK(...) cells replaced by their link or label",
    "time_from_post_id": "times recovered from the X post id (the export gives only a date)",
    "date_only": "times unknown (date only): set to midnight in the export's time zone",
    "stars_as_sentiment": "star ratings read as sentiment: 1-2 negative, 3 neutral, 4-5 positive",
}


def summarize_notes(mentions: pl.DataFrame, rejected: pl.DataFrame) -> list[str]:
    """Human sentences counting each repair code, e.g. '3 ids rounded by Excel: ...'."""
    counts: Counter[str] = Counter()
    for value, n in mentions.get_column("load_notes").drop_nulls().value_counts().iter_rows():
        for code in value.split(";"):
            counts[code] += n
    out = []
    for code, n in sorted(counts.items()):
        base, _, column = code.partition(":")
        if base == "excel_formula_error":
            out.append(
                f'{n} cells of column "{column}" hold an Excel formula error '
                "(the original text is lost): left empty"
            )
        elif base == "platform_other":
            out.append(
                f'{n} rows name the platform "{column}", which is not known: stored as other'
            )
        elif base == "excel_formula_uncomputed":
            out.append(
                f'{n} cells of column "{column}" are formulas saved without their computed '
                "value: left empty (open the file in Excel and save it to compute them)"
            )
        elif base == "unparsed_number":
            out.append(f'{n} values of column "{column}" are not numbers: left empty')
        else:
            out.append(f"{n} {_NOTE_TEXT.get(code, code)}")
    if rejected.height:
        out.append(f"{rejected.height} rows rejected (see rejected for the reasons)")
    return out


@dataclass
class DailyMapped:
    """A tool's daily-metrics columns, one row per raw record (same order as the raw frame)."""

    frame: pl.DataFrame  # date (pl.Date), platform, account, metric columns, TIME_RAW
    date_column: str
    date_expected: str


def finish_daily(
    raw: RawTable, mapped: DailyMapped, ctx: Context
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(daily metrics, rejected): rows without a readable date are set aside with a reason."""
    frame = mapped.frame
    if ctx.brand_column is not None:
        raise ExportFormatError(
            f"{raw.file}: --brand-column is for files of mentions; this file holds daily "
            "account metrics of one brand (use --brand)"
        )
    bad = frame.get_column("date").is_null()
    reasons = frame.select(
        pl.concat_str(
            pl.lit(f'column {mapped.date_column}: value "'),
            pl.col(TIME_RAW).fill_null(""),
            pl.lit(f'" is not a date in the expected layout ({mapped.date_expected})'),
        )
    ).to_series()
    bad, reasons = with_broken_records(raw, bad, reasons)
    rejected = rejected_rows(raw, bad, reasons)
    frame = frame.filter(~bad).with_columns(
        pl.lit(ctx.brand).alias("brand"),
        pl.lit(ctx.source_tool).alias("source_tool"),
        pl.lit(raw.file).alias("source_file"),
        pl.col(ROW).alias("source_row"),
    )
    return conform(frame, DAILY_METRICS_SCHEMA), rejected


def map_frame(
    raw: RawTable, values: dict[str, pl.Expr], notes: list[pl.Expr], time_raw: pl.Expr
) -> pl.DataFrame:
    """Evaluate a tool's canonical expressions over the raw strings, keeping the line numbers.

    The repair notes are evaluated as columns of their own and only the ones that noted
    something are joined: most are empty, and joining empty columns row by row is slow.
    """
    note_names = [f"__note_{i}" for i in range(len(notes))]
    frame = raw.frame.select(
        *(expr.alias(name) for name, expr in values.items()),
        *(note.alias(name) for note, name in zip(notes, note_names, strict=True)),
        time_raw.alias(TIME_RAW),
        pl.col(ROW),
    )
    used = [n for n in note_names if frame.get_column(n).null_count() < frame.height]
    return frame.with_columns(notes_expr([pl.col(n) for n in used])).drop(note_names)
