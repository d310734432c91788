"""``crisis-analytics crisis window`` / ``crisis history`` against a real (temporary) store.

The store holds a hand-built brand: 10 customer mentions an hour (6 positive, 4 negative)
for 10 days from 2026-10-01 00:00 UTC, a 6-hour crisis at hours 240-245 (30, 50, 100, 60,
30, 22 mentions; the extra ones negative), then 48 calm hours at 3 positive / 7 negative.
As worked out in test_measure_crisis.py: onset hour 240 = 2026-10-11 00:00 UTC, peak
hour 242 (100 mentions), end hour 246, recovery 4 h, sentiment gap -0.4 - 0.2 = -0.6.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from hand_store import store_rows
from typer.testing import CliRunner

from analytics.cli import _cli
from analytics.errors import InputDataError
from analytics.store import Store

START = datetime(2026, 10, 1, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[1]


def build_store(root: Path, counts: list[int], brand: str = "NusaPay") -> None:
    rows, scores = [], []
    for i, count in enumerate(counts):
        positive = 6 if i < 246 else 3
        for k in range(count):
            mention_id = f"{i}-{k}"
            rows.append(
                {
                    "mention_id": mention_id,
                    "platform": "x",
                    "published_at": START + timedelta(hours=i, seconds=k * 3600 // count),
                    "text": "teks",
                    "is_brand_post": False,
                    "source_file": "hand.csv",
                    "source_row": len(rows) + 2,
                }
            )
            label = "positive" if k < positive else "negative"
            scores.append((brand, "x", mention_id, "id", 0.5 if k < positive else -0.5, label))
    store = store_rows(root, brand, rows, source="hand.csv")
    store.save_sentiment(
        pl.DataFrame(
            scores,
            schema=[
                "brand",
                "platform",
                "mention_id",
                "language",
                "sentiment_compound",
                "sentiment_label",
            ],
            orient="row",
        ).with_columns(sentiment_method=pl.lit("test"))
    )


CRISIS = [10] * 240 + [30, 50, 100, 60, 30, 22] + [10] * 48


@pytest.fixture(scope="module")
def crisis_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    build_store(root, CRISIS)
    return root


def run(*args: str):
    return CliRunner().invoke(_cli, ["crisis", *args])


def test_window_json_is_one_object_with_the_hand_worked_times(crisis_store):
    done = run("window", "--brand", "NusaPay", "--store", str(crisis_store), "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)  # fails if anything else is printed
    assert data["detected"] is True
    assert data["onset"] == "2026-10-11T00:00:00Z"
    assert data["peak"] == "2026-10-11T02:00:00Z"
    assert data["end"] == "2026-10-11T06:00:00Z"
    assert data["recovery_hours"] == 4
    assert data["sentiment_gap"] == pytest.approx(-0.6)
    assert [p["phase"] for p in data["phases"]] == [
        "pre-crisis",
        "escalation",
        "peak",
        "recovery",
        "post-crisis",
    ]
    levels = {day["date"]: day["level"] for day in data["alerts"]}
    # hours 240-245 are 07:00-12:00 WIB on 11 Oct
    assert levels["2026-10-11"] == "critical"
    assert levels["2026-10-10"] == "none"


def test_window_text_names_onset_peak_end_and_days(crisis_store):
    done = run("window", "--brand", "NusaPay", "--store", str(crisis_store))
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert "crisis detected" in out
    # onset 00:00 UTC = 07:00 WIB
    assert "onset  2026-10-11 07:00 WIB" in out
    assert "peak   2026-10-11 09:00 WIB  (100 mentions that hour)" in out
    assert "end    2026-10-11 13:00 WIB" in out
    assert "2026-10-11  critical" in out


def test_manual_window_with_local_dates(crisis_store):
    done = run(
        "window", "--brand", "NusaPay", "--store", str(crisis_store), "--json",
        "--start", "2026-10-11", "--end", "2026-10-11",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    # the whole of 11 Oct WIB: 10 Oct 17:00 UTC to 11 Oct 17:00 UTC
    assert data["manual"] is True
    assert data["onset"] == "2026-10-10T17:00:00Z"
    assert data["end"] == "2026-10-11T17:00:00Z"
    assert data["peak"] == "2026-10-11T02:00:00Z"


def test_no_crisis_exits_zero(tmp_path):
    build_store(tmp_path, [10] * 200)
    done = run("window", "--brand", "NusaPay", "--store", str(tmp_path), "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["detected"] is False
    assert data["onset"] is None and data["peak"] is None and data["end"] is None
    assert {day["level"] for day in data["alerts"]} == {"none"}
    text = run("window", "--brand", "NusaPay", "--store", str(tmp_path))
    assert text.exit_code == 0 and "NusaPay: no crisis detected" in text.stdout


def test_history_lists_the_crisis(crisis_store):
    done = run("history", "--store", str(crisis_store), "--json")
    assert done.exit_code == 0, done.output
    crises = json.loads(done.stdout)["crises"]
    assert len(crises) == 1
    assert crises[0]["onset"] == "2026-10-11T00:00:00Z"
    assert crises[0]["hours_to_peak"] == 2  # hour 240 -> 242
    assert crises[0]["hours_to_first_response"] is None  # the brand never posted


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", "crisis", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_errors_are_one_clear_line_on_stderr(crisis_store):
    # through the real entry point: message on stderr, nothing on stdout, exit code 1
    unknown = cli("window", "--brand", "Nope", "--store", str(crisis_store), "--json")
    assert unknown.returncode == 1
    assert unknown.stdout == ""
    assert "no brand 'Nope' in the store (brands: NusaPay)" in unknown.stderr


def test_bad_options_raise_workbench_errors(crisis_store):
    # in-process (the entry point turns these into stderr + exit 1, as checked above)
    store = str(crisis_store)
    half = run("window", "--brand", "NusaPay", "--store", store, "--start", "2026-10-11")
    assert isinstance(half.exception, InputDataError)
    assert "give both --start and --end" in str(half.exception)
    bad = run(
        "window", "--brand", "NusaPay", "--store", str(crisis_store),
        "--start", "kemarin", "--end", "2026-10-11",
    )  # fmt: skip
    assert isinstance(bad.exception, InputDataError)
    assert '--start "kemarin" is not a date' in str(bad.exception)
    zone = run("window", "--brand", "NusaPay", "--store", str(crisis_store), "--tz", "Jakarta")
    assert isinstance(zone.exception, InputDataError)
    assert "--tz 'Jakarta' is not a time zone name" in str(zone.exception)


# --- the bundled synthetic crisis ------------------------------------------------------
# The sample's exports (data/sample/, from the sample generator) are ingested into a
# temporary store as a user would, and `crisis window --json` is read back; the planted
# times come from data/sample/truth.json, not from this code. Tolerances: onset and peak
# within 3 hours, the end within 6 (truth.json's end_definition: the first hour after the
# peak from which the planted extra volume stays below half the expected baseline for 24 h;
# at the sample's 2-3 mentions an hour at night, hourly noise blurs where a fading tail
# drops below that line by a few hours, whatever the method).
SAMPLE = REPO / "data" / "sample"
NOT_EXPORTS = ("events.csv", "labels.csv", "survey.csv")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> tuple[Path, dict]:
    truth = json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))
    files = [
        path
        for path in sorted(SAMPLE.glob("*.csv"))
        if path.name not in NOT_EXPORTS and not any(c in path.name for c in truth["competitors"])
    ]
    root = tmp_path_factory.mktemp("sample_store")
    report = Store(root).ingest(
        files, brand=truth["brand"], brand_handles=truth["official_handles"]
    )
    assert report.failed == [], report.failed
    return root, truth


def hours_apart(found: str, planted: str) -> float:
    a = datetime.fromisoformat(found.replace("Z", "+00:00"))
    b = datetime.fromisoformat(planted)
    return abs((a - b).total_seconds()) / 3600


def test_sample_crisis_window_matches_the_planted_one(sample_store):
    root, truth = sample_store
    done = run("window", "--brand", truth["brand"], "--store", str(root), "--json")
    assert done.exit_code == 0, done.output
    window = json.loads(done.stdout)
    assert window["detected"] is True
    assert hours_apart(window["onset"], truth["onset"]) <= 3
    assert hours_apart(window["peak"], truth["peak_hour"]) <= 3
    assert window["end"] is not None
    assert hours_apart(window["end"], truth["end"]) <= 6


def test_by_platform_adds_one_entry_per_platform(crisis_store):
    done = run(
        "window", "--brand", "NusaPay", "--store", str(crisis_store), "--json", "--by-platform"
    )
    assert done.exit_code == 0, done.output
    platforms = json.loads(done.stdout)["platforms"]
    # the store has only X, so its window is the brand's window
    assert [p["platform"] for p in platforms] == ["x"]
    assert platforms[0]["onset"] == "2026-10-11T00:00:00Z"
    assert platforms[0]["end"] == "2026-10-11T06:00:00Z"


def test_days_limits_the_alert_list_to_the_last_days(crisis_store):
    store = str(crisis_store)
    done = run("window", "--brand", "NusaPay", "--store", store, "--json", "--days", "2")
    assert done.exit_code == 0, done.output
    alerts = json.loads(done.stdout)["alerts"]
    # the data ends at hour 293 = 2026-10-13 05:00 UTC = 12:00 WIB: the last days are 12-13 Oct
    assert [day["date"] for day in alerts] == ["2026-10-12", "2026-10-13"]
    text = run("window", "--brand", "NusaPay", "--store", store, "--days", "1").stdout
    assert "2026-10-13  none" in text and "2026-10-12  " not in text


TWO_EPISODES = [10] * 240 + [90] * 3 + [10] * 60 + [40] * 12 + [10] * 60


def test_window_lists_every_episode_and_headlines_the_largest(tmp_path):
    build_store(tmp_path, TWO_EPISODES)
    done = run("window", "--brand", "NusaPay", "--store", str(tmp_path), "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    # episode 2 has fewer mentions in its busiest hour (40 < 90) but more above the baseline
    assert [e["excess_mentions"] for e in data["episodes"]] == [240, 360]
    assert data["episode"] == 2 and data["onset"] == "2026-10-13T15:00:00Z"
    done = run("window", "--brand", "NusaPay", "--store", str(tmp_path), "--episode", "1")
    assert done.exit_code == 0, done.output
    assert "crisis detected, episode 1" in done.stdout
    assert " *1  onset 2026-10-11 07:00 WIB" in done.stdout
    done = run("window", "--brand", "NusaPay", "--store", str(tmp_path), "--episode", "5")
    assert isinstance(done.exception, InputDataError)
    assert "there is no episode 5: the data holds 2" in str(done.exception)
