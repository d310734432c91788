"""Tests of the synthetic crisis generator (analytics.sample).

The planted structure is checked by reading the files the generator wrote, with the csv
module and hand-written parsers of each vendor's layout (not with the generator's own code),
so a bug in how a file is written shows up here. The expected times are the story's planted
times, written by hand below from docs/sample.md.
"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analytics.errors import InputDataError
from analytics.sample import generate_sample

REPO = Path(__file__).resolve().parents[1]
WIB = timezone(timedelta(hours=7))  # Asia/Jakarta has no daylight saving time

# the planted story (docs/sample.md), Jakarta time
FIRST_POST = datetime(2026, 10, 20, 19, 42, tzinfo=WIB)
PEAK_HOUR = datetime(2026, 10, 21, 20, 0, tzinfo=WIB)
HOAX_START = datetime(2026, 10, 22, 9, 5, tzinfo=WIB)
CLARIFICATION = datetime(2026, 10, 23, 10, 0, tzinfo=WIB)
APOLOGY = datetime(2026, 10, 23, 19, 0, tzinfo=WIB)
BURST = (datetime(2026, 10, 22, 12, 10, tzinfo=WIB), datetime(2026, 10, 22, 12, 50, tzinfo=WIB))
HOAX_WORDS = ("bangkrut", "pailit", "gulung tikar", "dikuras", "saldo hilang semua", "kuras saldo")
SCALE = 0.3


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "nusapay"
    generate_sample(out, seed=11, scale=SCALE)
    return out


def manifest(folder: Path) -> dict:
    return json.loads((folder / "sample.json").read_text(encoding="utf-8"))


def file_of(folder: Path, fmt: str, brand: str = "NusaPay", contains: str = "") -> list[Path]:
    return [
        folder / f["path"]
        for f in manifest(folder)["files"]
        if f["format"] == fmt and f["brand"] == brand and contains in f["path"]
    ]


# --- hand-written readers of the vendor layouts -----------------------------------------
def read_brandwatch(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: Brandwatch CSVs are UTF-8 with BOM"
    text = raw[3:].decode("utf-8")
    lines = text.split("\r\n", 6)
    assert lines[0] == "Report:,Bulk Mentions Download"
    assert [line.split(",")[0] for line in lines[1:5]] == ["Brand:", "From:", "To:", "Label:"]
    assert lines[5] == "", "line 6 of a Brandwatch download is blank"
    rows = list(csv.DictReader(io.StringIO(lines[6], newline="")))
    for row in rows:
        row["_time"] = bw_time(row["Date"])
    return rows


def bw_time(value: str) -> datetime | None:
    try:  # Brandwatch: naive 'YYYY-MM-DD HH:MM:SS.f', here in the project's zone (WIB)
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=WIB)
    except ValueError:
        return None


def read_meltwater(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xff\xfe"), f"{path.name}: Meltwater files are UTF-16 LE with BOM"
    text = raw[2:].decode("utf-16-le")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"))
    for row in rows:
        try:  # Meltwater: Date dd-Mon-yy, Time hh:mm AM/PM
            moment = datetime.strptime(f"{row['Date']} {row['Time']}", "%d-%b-%y %I:%M %p")
            row["_time"] = moment.replace(tzinfo=WIB)
        except ValueError:
            row["_time"] = None
    return rows


def read_plain(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def listening(folder: Path) -> list[dict]:
    """(time, text, sentiment, author) of every NusaPay listening mention, both tools."""
    rows = []
    for path in file_of(folder, "brandwatch"):
        for r in read_brandwatch(path):
            rows.append(
                {
                    "time": r["_time"],
                    "text": r["Full Text"],
                    "id": r["Mention Id"],
                    "sentiment": r["Sentiment"].lower(),
                    "author": r["Author"],
                }
            )
    for path in file_of(folder, "meltwater"):
        for r in read_meltwater(path):
            rows.append(
                {
                    "time": r["_time"],
                    "text": r["Hit Sentence"],
                    "id": r["Document ID"],
                    "sentiment": r["Sentiment"].lower(),
                    "author": r["Author Handle"],
                }
            )
    # the two Brandwatch downloads overlap (18-19 Oct): count each mention once
    unique = {}
    for r in rows:
        unique.setdefault(r["id"], r)
    return [r for r in unique.values() if r["time"] is not None]


def customers(rows: list[dict]) -> list[dict]:
    official = {"nusapay", "nusapaycare", "nusapay.id"}
    return [r for r in rows if r["author"].lower() not in official]


# --- determinism ---------------------------------------------------------------------
def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_identical_bytes_and_another_seed_differs(tmp_path):
    generate_sample(tmp_path / "a", seed=5, scale=0.1)
    generate_sample(tmp_path / "b", seed=5, scale=0.1)
    generate_sample(tmp_path / "c", seed=6, scale=0.1)
    a, b, c = (folder_bytes(tmp_path / n) for n in "abc")
    assert a == b
    assert a.keys() == c.keys()
    changed = {name for name in a if a[name] != c[name]}
    # the mentions change with the seed; the team's log of planted events does not
    assert {"labels.csv", "survey.csv"} <= changed
    assert any(name.startswith("brandwatch_NusaPay") for name in changed)
    assert "events.csv" not in changed and "notes.md" not in changed


def test_committed_copy_is_what_the_generator_writes(tmp_path):
    committed = REPO / "data" / "sample"
    truth = json.loads((committed / "truth.json").read_text(encoding="utf-8"))
    generate_sample(tmp_path / "again", seed=truth["seed"], scale=truth["scale"])
    assert folder_bytes(tmp_path / "again") == folder_bytes(committed), (
        "data/sample is stale: regenerate it with the command in docs/sample.md"
    )
    total = sum(len(data) for data in folder_bytes(committed).values())
    assert total < 6_000_000, f"data/sample is {total} bytes; keep it a few MB"


# --- vendor layouts --------------------------------------------------------------------
def test_meltwater_is_utf16_tab_with_dd_mon_yy_dates(sample):
    (path,) = file_of(sample, "meltwater")
    rows = read_meltwater(path)
    header = list(rows[0])
    for column in ("Date", "Time", "Document ID", "URL", "Hit Sentence", "Source Type"):
        assert column in header
    assert re.fullmatch(r"\d\d-[A-Z][a-z]{2}-\d\d", rows[0]["Date"])
    assert re.fullmatch(r"(0\d|1[0-2]):[0-5]\d (AM|PM)", rows[0]["Time"])
    assert {r["Source Type"] for r in rows} == {"Instagram", "TikTok", "Facebook"}


def test_meta_daily_files_have_sep_line_title_and_iso_dates(sample):
    paths = file_of(sample, "meta")
    assert len(paths) == 10  # 5 metrics x (facebook, instagram)
    for path in paths:
        raw = path.read_bytes()
        assert raw.startswith(b"\xff\xfe")
        lines = raw[2:].decode("utf-16-le").split("\r\n")
        assert lines[0] == "sep=,"
        assert re.fullmatch(r'"[A-Z][a-z ]+"', lines[1])
        assert lines[2] == '"Date","Primary"'
        # 6 weeks: Monday 5 October to Sunday 15 November 2026 = 42 days
        days = [line for line in lines[3:] if line]
        assert len(days) == 42
        assert days[0].startswith('"2026-10-05T00:00:00","')
        assert days[-1].startswith('"2026-11-15T00:00:00","')


def test_x_analytics_has_legacy_header_utc_times_and_float_counts(sample):
    (path,) = file_of(sample, "x_analytics")
    rows = read_plain(path)
    assert list(rows[0])[:4] == ["Tweet id", "Tweet permalink", "Tweet text", "time"]
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \+0000", r["time"])
        assert re.fullmatch(r"\d+\.0", r["impressions"])
        assert r["promoted impressions"] == "-"
        # snowflake ids carry their time: (id >> 22) + 1288834974657 = ms since epoch
        ms = (int(r["Tweet id"]) >> 22) + 1288834974657
        moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
        assert moment.strftime("%Y-%m-%d %H:%M +0000") == r["time"]


def test_sprout_posts_use_us_dates_and_guard_replies_with_an_apostrophe(sample):
    (path,) = [p for p in file_of(sample, "sprout") if "post_performance" in p.name]
    rows = read_plain(path)
    assert all(re.fullmatch(r"\d\d/\d\d/2026 \d{1,2}:\d\d (am|pm)", r["Date"]) for r in rows)
    replies = [r for r in rows if r["Post Type"] == "'@Reply"]
    assert replies and all(r["Post"].startswith("'@") for r in replies)
    # captions on Instagram break into paragraphs: quoted multi-line cells
    assert any("\n" in r["Post"] for r in rows if r["Network"] == "Instagram")


# --- the planted story, found in the files -----------------------------------------------
def test_peak_hour_is_many_times_the_baseline_of_that_hour(sample):
    rows = customers(listening(sample))
    hourly = Counter(r["time"].replace(minute=0, second=0, microsecond=0) for r in rows)
    busiest = max(hourly, key=hourly.get)
    assert busiest == PEAK_HOUR
    # the same hour (20:00-21:00 WIB) on the 15 days before the first post, zeros included
    before = [hourly.get(datetime(2026, 10, 5 + d, 20, tzinfo=WIB), 0) for d in range(15)]
    assert hourly[PEAK_HOUR] > 10 * max(1, statistics.median(before))


def test_nothing_about_the_crisis_before_the_first_post(sample):
    rows = listening(sample)
    complaint = re.compile(r"kepotong|double|#NusaPayError|charged me twice", re.IGNORECASE)
    early = [r for r in rows if r["time"] < FIRST_POST and complaint.search(r["text"])]
    assert early == []
    first = [r for r in rows if r["time"] == FIRST_POST]
    assert len(first) == 1 and first[0]["author"] == "rizkyfauzan_"


def test_every_listening_mention_names_the_brand_it_was_collected_for(sample):
    # a listening query finds customers' posts only when they name the brand (typos never hit
    # the name); the brand's own accounts are collected by author
    for brand, pattern in (("NusaPay", r"nusa ?pay"), ("KiraPay", r"kira ?pay")):
        rows = []
        for path in file_of(sample, "brandwatch", brand=brand):
            rows += [
                (r["Author"], r["Title"] + " " + r["Full Text"]) for r in read_brandwatch(path)
            ]
        for path in file_of(sample, "meltwater", brand=brand):
            rows += [(r["Author Handle"], r["Hit Sentence"]) for r in read_meltwater(path)]
        assert rows
        unnamed = [
            text
            for author, text in rows
            if author not in ("NusaPay", "NusaPayCare")
            and not re.search(pattern, text, re.IGNORECASE)
        ]
        assert unnamed == []


def test_negative_share_drops_after_the_apology(sample):
    # truth: 82% of crisis talk is negative before, about 40-50% after; the tools' labels
    # are right 72-78% of the time and say "neutral" when wrong, so by hand the labelled
    # share is about 0.82*0.76 = 0.62 before and 0.48*0.76 = 0.37 after.
    rows = customers(listening(sample))
    day = timedelta(hours=24)

    def share(start, end):
        window = [r for r in rows if start <= r["time"] < end]
        return sum(r["sentiment"] == "negative" for r in window) / len(window)

    before, after = share(APOLOGY - day, APOLOGY), share(APOLOGY, APOLOGY + day)
    assert before > 0.5
    assert after < 0.45
    assert before - after > 0.15


def test_hoax_keywords_absent_before_the_hoax_and_slowed_after_clarification(sample):
    mention_files = [
        p
        for p in sample.iterdir()
        if p.suffix == ".csv"
        and not p.name.startswith(("meta_", "sprout_profile", "events", "survey", "labels"))
    ]
    assert len(mention_files) == 6
    rows = listening(sample)
    for path in file_of(sample, "brandwatch", brand="KiraPay"):
        rows += [{"time": r["_time"], "text": r["Full Text"]} for r in read_brandwatch(path)]
    for path in file_of(sample, "sprout", contains="post_performance"):
        for r in read_plain(path):
            local = datetime.strptime(r["Date"], "%m/%d/%Y %I:%M %p").replace(tzinfo=WIB)
            rows.append({"time": local, "text": r["Post"]})
    hoax = sorted(
        (r for r in rows if r["time"] and any(w in r["text"].lower() for w in HOAX_WORDS)),
        key=lambda r: r["time"],
    )
    assert hoax, "the hoax wave is missing"
    assert hoax[0]["time"] == HOAX_START  # the planted first hoax post, and nothing earlier
    day = timedelta(hours=24)
    before = sum(CLARIFICATION - day <= r["time"] < CLARIFICATION for r in hoax)
    after = sum(CLARIFICATION <= r["time"] < CLARIFICATION + day for r in hoax)
    assert after < 0.6 * before


def test_coordinated_burst_is_one_text_from_many_tiny_accounts(sample):
    (path,) = [p for p in file_of(sample, "brandwatch") if "2026-10-18" in p.name]
    rows = [r for r in read_brandwatch(path) if r["_time"] and BURST[0] <= r["_time"] < BURST[1]]

    def core(text):  # what is left when the little edits are removed
        return re.sub(r"[^a-z ]", "", text.lower()).replace("parahhh", "parah").strip()

    groups = defaultdict(set)
    for r in rows:
        if int(r["X Followers"] or 10**9) < 40:
            groups[core(r["Full Text"])].add(r["Author"])
    biggest = max(groups.values(), key=len)
    # 90 buzzer accounts at scale 1 -> round(90 * 0.3) = 27 here, each posting once
    assert len(biggest) == 27


def test_every_response_in_events_csv_is_a_brand_post(sample):
    events = read_plain(sample / "events.csv")
    types = {e["type"] for e in events}
    assert {"holding statement", "apology", "fix", "CEO video", "clarification"} <= types
    (path,) = file_of(sample, "sprout", contains="post_performance")
    posts = read_plain(path)
    times = [
        datetime.strptime(p["Date"], "%m/%d/%Y %I:%M %p").replace(tzinfo=WIB)
        for p in posts
        if p["Post Type"] != "'@Reply"
    ]
    for event in events:
        moment = datetime.fromisoformat(event["time"])
        assert moment.utcoffset() == timedelta(hours=7), event["time"]
        if event["type"] in ("first post", "media pickup", "hoax first seen"):
            continue
        assert any(abs(t - moment) < timedelta(minutes=1) for t in times), event


def test_care_replies_point_at_customer_posts(sample):
    rows = []
    for path in file_of(sample, "brandwatch"):
        rows += read_brandwatch(path)
    # ids from the permalinks: a few Mention Id cells were rounded by Excel on purpose
    ids = {r["Url"].rsplit("/", 1)[-1] for r in rows}
    replies = [r for r in rows if r["Author"] == "NusaPayCare"]
    assert len(replies) > 20
    for r in replies:
        assert r["Thread Entry Type"] == "reply"
        assert r["Parent Post Id"] in ids
        assert r["X Reply to"].endswith("/status/" + r["Parent Post Id"])


def test_competitor_talk_all_period_with_a_bump_during_the_crisis(sample):
    (path,) = file_of(sample, "brandwatch", brand="KiraPay")
    daily = Counter(r["_time"].date() for r in read_brandwatch(path))
    assert len(daily) == 42  # every day of the six weeks
    before = [daily[datetime(2026, 10, d).date()] for d in range(6, 20)]
    during = [daily[datetime(2026, 10, d).date()] for d in range(21, 26)]
    assert statistics.mean(during) > 1.2 * statistics.mean(before)


def test_sample_json_lists_existing_files_with_known_formats(sample):
    from analytics.load import FORMATS

    info = manifest(sample)
    assert info["brand"] == "NusaPay" and info["competitors"] == ["KiraPay"]
    assert info["timezone"] == "Asia/Jakarta"
    for f in info["files"]:
        assert (sample / f["path"]).is_file() and f["format"] in FORMATS
    # the first stored copy wins: Brandwatch's copy of a care reply has its parent id
    order = [f["format"] for f in info["files"] if f["brand"] == "NusaPay"]
    assert max(i for i, f in enumerate(order) if f == "brandwatch") < order.index("sprout")
    for key in ("events", "notes", "survey", "labels"):
        assert (sample / info[key]).is_file()
    assert set(info["hoax_claims"]) == {"NusaPay bangkrut", "saldo dikuras"}
    labels = read_plain(sample / "labels.csv")
    assert len(labels) == 400 and {r["label"] for r in labels} == {
        "positive",
        "neutral",
        "negative",
    }


def test_warts_in_truth_json_are_where_it_says(sample):
    truth = json.loads((sample / "truth.json").read_text(encoding="utf-8"))
    assert len(truth["warts"]) == 7
    for wart in truth["warts"]:
        path = sample / wart["file"]
        raw = path.read_bytes()
        text = raw.decode("utf-16") if raw.startswith(b"\xff\xfe") else raw.decode("utf-8-sig")
        # rows count physical lines: a quoted cell with line breaks spans several
        line = text.split("\n")[wart["row"] - 1].rstrip("\r")
        delimiter = "\t" if wart["format"] == "meltwater" else ","
        assert wart["value"] in next(csv.reader([line], delimiter=delimiter))


# --- the loaders read every file, rejecting only the planted warts -----------------------
def test_every_file_loads_and_only_planted_warts_are_rejected(sample):
    from analytics.load import load_export

    info = manifest(sample)
    truth = json.loads((sample / "truth.json").read_text(encoding="utf-8"))
    rejected, keys, daily = set(), set(), 0
    for f in info["files"]:
        result = load_export(
            sample / f["path"],
            brand=f["brand"],
            default_tz=info["timezone"],
            brand_handles=info["official_handles"],
        )
        assert result.format == f["format"], result.detection_reason
        rejected |= {(row["source_file"], row["source_row"]) for row in result.rejected.to_dicts()}
        keys |= set(result.mentions.select("brand", "platform", "mention_id").iter_rows())
        daily += result.daily_metrics.height
    planted = {(w["file"], w["row"]) for w in truth["warts"] if w["expected"] == "rejected"}
    assert rejected == planted
    assert daily == 4 * 42 + 10 * 42  # Sprout: 4 profiles x 42 days; Meta: 10 files x 42
    # the overlap of the two Brandwatch downloads and the brand's posts found both by
    # listening and in Sprout / X analytics are the same mentions: one key each
    stored = Counter(brand for brand, _, _ in keys)
    assert stored == truth["counts"]["expected_stored"]


# --- command line ------------------------------------------------------------------------
def test_cli_writes_sample_and_reports_json(tmp_path):
    import typer

    from analytics.commands import sample as sample_command

    app = typer.Typer()  # only this command: the root app imports every stage
    sample_command.register(app)
    app.command("version")(lambda: None)  # a second command keeps "sample" a sub-command
    out = tmp_path / "s"
    args = ["sample", "--out", str(out), "--seed", "2", "--scale", "0.1", "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["peak_hour"] == "2026-10-21T20:00:00+07:00"
    assert (out / "sample.json").is_file() and "sample.json" in summary["files"]


def test_refuses_to_replace_a_folder_that_is_not_a_sample(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(InputDataError, match=r"not empty and holds no previous sample"):
        generate_sample(tmp_path, scale=0.1)
    assert (tmp_path / "precious.txt").read_text() == "keep me"
    with pytest.raises(InputDataError, match=r"scale: expected a number between"):
        generate_sample(tmp_path / "new", scale=0)


def test_unwritable_place_is_a_clear_error(tmp_path):
    (tmp_path / "file.txt").write_text("a file, not a folder")
    with pytest.raises(InputDataError, match=r"file.txt/sample: cannot write the sample there"):
        generate_sample(tmp_path / "file.txt" / "sample", scale=0.05)
