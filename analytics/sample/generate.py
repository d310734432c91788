"""``generate_sample``: write the whole synthetic crisis as vendor exports plus side files.

The directory is written as a whole (``atomic_directory``): readers see the previous sample
or the new one, never half of each. Every random choice comes from generators seeded with
``seed`` and the file's name, so the same seed gives the same bytes, and changing one file's
writer does not reshuffle the others.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl

from analytics.atomic import atomic_directory
from analytics.errors import InputDataError
from analytics.sample import exports, extras, owned, texts
from analytics.sample.mentions import draw_mentions
from analytics.sample.story import (
    BRAND,
    BRAND_HANDLES,
    COMPETITOR,
    JAKARTA,
    TIMEZONE,
    Story,
)
from analytics.sample.truth import build_truth

FIRST, LAST = "2026-10-05", "2026-11-15"
SPLIT = datetime(2026, 10, 18, tzinfo=JAKARTA)  # second Brandwatch download starts here
OVERLAP_END = datetime(2026, 10, 20, tzinfo=JAKARTA)  # first download ends (exclusive)

FILES = {
    "brandwatch_early": f"brandwatch_{BRAND}_{FIRST}_2026-10-19.csv",
    "brandwatch_late": f"brandwatch_{BRAND}_2026-10-18_{LAST}.csv",
    "brandwatch_competitor": f"brandwatch_{COMPETITOR}_{FIRST}_{LAST}.csv",
    "meltwater": f"meltwater_{BRAND}_social_{FIRST}_{LAST}.csv",
    "sprout_posts": f"sprout_post_performance_{FIRST}_{LAST}.csv",
    "sprout_profiles": f"sprout_profile_performance_{FIRST}_{LAST}.csv",
    "x_analytics": "tweet_activity_metrics_NusaPay_20261005_20261115_en.csv",
}
META_FILE = "meta_{platform}_NusaPay_{metric}_{first}_{last}.csv"


def _rng(seed: int, name: str) -> random.Random:
    return random.Random(f"{seed}:{name}")


def _local(column: str = "published_at") -> pl.Expr:
    return pl.col(column).dt.convert_time_zone(TIMEZONE)


def _pick_rows(records: list[dict], rng: random.Random, count: int, after: datetime) -> list[int]:
    """Indexes of ordinary customer X posts after ``after`` (safe places for warts)."""
    candidates = [
        i
        for i, r in enumerate(records)
        if r["platform"] == "x"
        and r["stream"] == "baseline"
        and r["content_type"] == "post"
        and r["published_at"] >= after
    ]
    return rng.sample(candidates, count)


def _brandwatch_warts(records: list[dict], rows: list[list[str]], rng: random.Random) -> list[dict]:
    """Two unparseable dates, three ids rounded by Excel, one Excel serial date."""
    columns = exports.BRANDWATCH_COLUMNS
    date_col, id_col = columns.index("Date"), columns.index("Mention Id")
    picked = _pick_rows(records, rng, 6, datetime(2026, 10, 28, tzinfo=JAKARTA))
    warts = []
    for index, value in zip(picked[:2], ["#VALUE!", "0000-00-00 00:00:00"], strict=True):
        warts.append(
            {
                "index": index,
                "column": "Date",
                "value": value,
                "original": rows[index][date_col],
                "expected": "rejected",
                "mention_id": records[index]["mention_id"],
                "why": "unparseable date: the row cannot be placed in time",
            }
        )
        rows[index][date_col] = value
    for index in picked[2:5]:
        value = exports.excel_rounded(rows[index][id_col])
        warts.append(
            {
                "index": index,
                "column": "Mention Id",
                "value": value,
                "original": rows[index][id_col],
                "expected": "repaired",
                "mention_id": records[index]["mention_id"],
                "why": "id rounded by Excel: recoverable from the status URL, else a surrogate id",
            }
        )
        rows[index][id_col] = value
    index = picked[5]
    local = records[index]["published_at"].astimezone(JAKARTA).replace(tzinfo=None)
    serial = (local - datetime(1899, 12, 30)).total_seconds() / 86400
    value = f"{serial:.6f}"
    warts.append(
        {
            "index": index,
            "column": "Date",
            "value": value,
            "original": rows[index][date_col],
            "expected": "repaired",
            "mention_id": records[index]["mention_id"],
            "why": "Excel serial date: recoverable to the minute",
        }
    )
    rows[index][date_col] = value
    return warts


def _meltwater_warts(records: list[dict], rows: list[list[str]], rng: random.Random) -> list[dict]:
    """One impossible date (31 September)."""
    candidates = [
        i
        for i, r in enumerate(records)
        if r["stream"] == "baseline" and r["published_at"].month == 11
    ]
    index = rng.choice(candidates)
    column = exports.MELTWATER_COLUMNS.index("Date")
    wart = {
        "index": index,
        "column": "Date",
        "value": "31-Sep-26",
        "original": rows[index][column],
        "expected": "rejected",
        "mention_id": records[index]["mention_id"],
        "why": "impossible date (September has 30 days)",
    }
    rows[index][column] = "31-Sep-26"
    return [wart]


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputDataError(f"{out_dir}: expected a directory for the sample, found a file")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / "sample.json").exists():
        raise InputDataError(
            f"{out_dir}: the directory is not empty and holds no previous sample "
            "(no sample.json); the generator replaces the whole directory, so give it an "
            "empty or new directory"
        )


def generate_sample(out_dir: Path | str, *, seed: int = 7, scale: float = 1.0) -> dict:
    """Write the synthetic NusaPay crisis into ``out_dir`` and return its ``truth.json``.

    ``scale`` multiplies every volume (0.5 = half the mentions); the planted times do not
    change with it. The same ``seed`` and ``scale`` give byte-identical files.
    """
    out_dir = Path(out_dir)
    # the whole sample is built in memory (about 130 MB per 10,000 mentions): cap it
    if not 0.05 <= scale <= 10:
        raise InputDataError(
            f"scale: expected a number between 0.05 and 10 (scale 1 is about 18,000 mentions), "
            f"found {scale}"
        )
    _check_out_dir(out_dir)
    story = Story()
    mentions, planted = draw_mentions(story, seed=seed, scale=scale)
    nusapay = mentions.filter(pl.col("brand") == BRAND)
    listening_bw = nusapay.filter(pl.col("platform").is_in(["x", "news", "forum"]))
    early = listening_bw.filter(_local() < OVERLAP_END)
    late = listening_bw.filter(_local() >= SPLIT)
    social = nusapay.filter(
        pl.col("platform").is_in(["instagram", "tiktok", "facebook"]) & ~pl.col("is_brand_post")
    )
    own_posts = nusapay.filter(pl.col("is_brand_post"))
    main_tweets = own_posts.filter((pl.col("platform") == "x") & (pl.col("author") == "NusaPay"))

    files: dict[str, bytes] = {}
    warts: list[dict] = []
    query = ("2001874512", "NusaPay - brand mentions")
    files[FILES["brandwatch_early"]], _ = exports.brandwatch_file(
        early,
        brand=BRAND,
        query=query,
        first_day=FIRST,
        last_day="2026-10-19",
        rng=_rng(seed, "bw-early"),
    )
    files[FILES["brandwatch_late"]], planted_bw = exports.brandwatch_file(
        late,
        brand=BRAND,
        query=query,
        first_day="2026-10-18",
        last_day=LAST,
        rng=_rng(seed, "bw-late"),
        warts=_brandwatch_warts,
    )
    files[FILES["brandwatch_competitor"]], _ = exports.brandwatch_file(
        mentions.filter(pl.col("brand") == COMPETITOR),
        brand=COMPETITOR,
        query=("2001874513", "KiraPay - competitor"),
        first_day=FIRST,
        last_day=LAST,
        rng=_rng(seed, "bw-competitor"),
    )
    files[FILES["meltwater"]], planted_mw = exports.meltwater_file(
        social, rng=_rng(seed, "meltwater"), warts=_meltwater_warts
    )
    warts += [dict(w, file=FILES["brandwatch_late"], format="brandwatch") for w in planted_bw]
    warts += [dict(w, file=FILES["meltwater"], format="meltwater") for w in planted_mw]
    files[FILES["sprout_posts"]] = owned.sprout_posts_file(own_posts)
    files[FILES["x_analytics"]] = owned.x_activity_file(main_tweets)
    daily = owned.daily_profiles(mentions, story, _rng(seed, "daily"))
    files[FILES["sprout_profiles"]] = owned.sprout_profiles_file(daily)
    meta_names = []
    for platform in ("facebook", "instagram"):
        for metric, data in owned.meta_daily_files(daily, platform).items():
            name = META_FILE.format(platform=platform, metric=metric, first=FIRST, last=LAST)
            files[name] = data
            meta_names.append(name)
    files["events.csv"] = extras.events_file(story)
    files["notes.md"] = extras.NOTES.encode("utf-8")
    files["survey.csv"] = extras.survey_file(story, _rng(seed, "survey"))
    files["labels.csv"] = extras.labels_file(mentions, _rng(seed, "labels"))

    manifest = _manifest(meta_names, story)
    truth = build_truth(
        story,
        mentions,
        planted,
        warts,
        seed=seed,
        scale=scale,
        duplicates=early.filter(_local() >= SPLIT).height,
        files=FILES,
    )
    files["sample.json"] = _json(manifest)
    files["truth.json"] = _json(truth)
    try:
        with atomic_directory(out_dir) as tmp:
            for name, data in files.items():
                (tmp / name).write_bytes(data)
    except OSError as error:
        raise InputDataError(
            f"{out_dir}: cannot write the sample there ({error.strerror or error}); "
            "choose a folder you can write to"
        ) from None
    return truth


def _json(value: dict) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _manifest(meta_names: list[str], story: Story) -> dict:
    """sample.json: everything needed to ingest and analyse the sample."""
    listing = [
        {"path": FILES["brandwatch_early"], "brand": BRAND, "format": "brandwatch"},
        {"path": FILES["brandwatch_late"], "brand": BRAND, "format": "brandwatch"},
        {"path": FILES["meltwater"], "brand": BRAND, "format": "meltwater"},
        {"path": FILES["sprout_posts"], "brand": BRAND, "format": "sprout"},
        {"path": FILES["x_analytics"], "brand": BRAND, "format": "x_analytics"},
        {"path": FILES["sprout_profiles"], "brand": BRAND, "format": "sprout"},
        *({"path": name, "brand": BRAND, "format": "meta"} for name in meta_names),
        {"path": FILES["brandwatch_competitor"], "brand": COMPETITOR, "format": "brandwatch"},
    ]
    review_start = (story.first_post - timedelta(days=7)).date().isoformat()
    return {
        "description": "Synthetic crisis of the fictional Indonesian e-wallet NusaPay "
        "(failed transactions and double debits, a bankruptcy hoax, apology and recovery), "
        "with the fictional competitor KiraPay. All people, accounts and outlets are invented.",
        "brand": BRAND,
        "competitors": [COMPETITOR],
        "official_handles": list(BRAND_HANDLES),
        "timezone": TIMEZONE,
        "files": listing,
        "events": "events.csv",
        "notes": "notes.md",
        "survey": "survey.csv",
        "labels": "labels.csv",
        "truth": "truth.json",
        "hoax_claims": texts.HOAX_CLAIMS,
        "review_period": {"start": review_start, "end": "2026-11-08"},
        "weekly_report_week": "2026-W43",
    }
