"""The notebook API (``import analytics as ca``) on a tiny store whose answers are worked out
by hand below. Times: the store keeps UTC; Asia/Jakarta (WIB) is UTC+7."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

import analytics as ca
from analytics.errors import InputDataError, StoreError
from analytics.schema import (
    DAILY_METRICS_SCHEMA,
    MENTION_SCHEMA,
    REJECTED_SCHEMA,
    SENTIMENT_SCHEMA,
    conform,
    empty,
)
from analytics.store import Store

ROOT = Path(__file__).resolve().parents[1]


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=UTC)


# id, platform, UTC time, author, text, brand post, content type, parent, label; in WIB:
# m1 1 Oct 08:00, m2 1 Oct 23:30, m3 2 Oct 00:30, m4 2 Oct 01:00 (care reply to m1),
# m5 2 Oct 10:10, m6 3 Oct 09:00 (the brand's public statement)
ROWS = [
    ("m1", "x", utc(1, 1), "ani", "Saldo hilang!", False, "post", None, "negative"),
    ("m2", "x", utc(1, 16, 30), "budi", "saldo aman kok", False, "post", None, "positive"),
    ("m3", "instagram", utc(1, 17, 30), "cici", "kopi enak", False, "post", None, "neutral"),
    ("m4", "x", utc(1, 18), "kopi_care", "Maaf, saldo kami cek", True, "reply", "m1", None),
    ("m5", "facebook", utc(2, 3, 10), "dedi", "lambat sekali", False, "comment", None, "negative"),
    ("m6", "x", utc(3, 2), "kopi", "Kami minta maaf atas gangguan", True, "post", None, None),
]


@dataclass
class Batch:
    mentions: pl.DataFrame
    daily_metrics: pl.DataFrame = field(default_factory=lambda: empty(DAILY_METRICS_SCHEMA))
    rejected: pl.DataFrame = field(default_factory=lambda: empty(REJECTED_SCHEMA))
    format: str = "generic"
    detection_reason: str = "written by the test"
    notes: list[str] = field(default_factory=list)


def _mentions(rows: list[tuple], brand: str) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "mention_id": [r[0] for r in rows],
            "platform": [r[1] for r in rows],
            "published_at": [r[2] for r in rows],
            "author": [r[3] for r in rows],
            "text": [r[4] for r in rows],
            "is_brand_post": [r[5] for r in rows],
            "content_type": [r[6] for r in rows],
            "parent_id": [r[7] for r in rows],
            "brand": brand,
            "id_is_surrogate": False,
            "source_tool": "generic",
            "source_file": f"{brand}.csv",
            "source_row": list(range(2, len(rows) + 2)),
            "language": "id",
        }  # fmt: skip
    )
    return conform(frame, MENTION_SCHEMA)


def make_store(root: Path) -> Path:
    store = Store(root)
    for brand, rows in (("Kopi", ROWS), ("Lain", [("l1", "x", utc(2, 5), "eka", "ok", False,
                                                    "post", None, "positive")])):  # fmt: skip
        batch = Batch(_mentions(rows, brand))
        store.ingest_batches([batch], brand=brand, source=root.parent / f"{brand}.csv")
        scores = pl.DataFrame(
            {
                "brand": brand,
                "platform": [r[1] for r in rows],
                "mention_id": [r[0] for r in rows],
                "language": "id",
                "sentiment_compound": None,
                "sentiment_label": [r[8] for r in rows],
                "sentiment_method": "hand",
            }  # fmt: skip
        ).filter(pl.col("sentiment_label").is_not_null())
        store.save_sentiment(conform(scores, SENTIMENT_SCHEMA))
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    make_store(folder / "data" / "store")
    (folder / "notebooks").mkdir()
    return folder


@pytest.fixture(scope="module")
def ws(project: Path) -> ca.Workspace:
    return ca.open_store(project / "data" / "store")


def ids(frame: pl.DataFrame) -> list[str]:
    return frame.get_column("mention_id").to_list()


# ---------------------------------------------------------------------- finding the store
def test_store_found_from_the_project_root_and_from_notebooks(project: Path) -> None:
    store = (project / "data" / "store").resolve()
    assert ca.find_store(cwd=project, environ={}) == store
    assert ca.find_store(cwd=project / "notebooks", environ={}) == store


def test_environment_variable_names_the_store_from_anywhere(project: Path, tmp_path: Path) -> None:
    store = project / "data" / "store"
    found = ca.find_store(cwd=tmp_path, environ={"CRISIS_ANALYTICS_STORE": str(store)})
    assert found == store.resolve()
    with pytest.raises(StoreError, match=r"CRISIS_ANALYTICS_STORE=.*nowhere: not a store"):
        ca.find_store(cwd=tmp_path, environ={"CRISIS_ANALYTICS_STORE": str(tmp_path / "nowhere")})


def test_no_store_says_where_it_looked(tmp_path: Path) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    with pytest.raises(StoreError) as error:
        ca.find_store(cwd=inner, environ={})
    message = str(error.value)
    assert "CRISIS_ANALYTICS_STORE is not set" in message
    for folder in (inner, inner.parent, tmp_path):
        assert str(folder.resolve() / "data" / "store") in message
    with pytest.raises(StoreError, match=r"not a store \(no manifest.json there\)"):
        ca.find_store(tmp_path, cwd=tmp_path, environ={})


@pytest.mark.parametrize("where", ["root", "notebooks", "elsewhere"])
def test_the_one_liner_finds_the_same_store_everywhere(
    project: Path, tmp_path: Path, where: str
) -> None:
    cwd = {"root": project, "notebooks": project / "notebooks", "elsewhere": tmp_path}[where]
    env = {k: v for k, v in os.environ.items() if k != "CRISIS_ANALYTICS_STORE"}
    if where == "elsewhere":
        env["CRISIS_ANALYTICS_STORE"] = str(project / "data" / "store")
    code = "import analytics as ca; ws = ca.open_store(); print(ws.root); print(ws.brands())"
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == str((project / "data" / "store").resolve())
    assert "Kopi" in done.stdout and "Lain" in done.stdout


# ---------------------------------------------------------------------- answers
def test_brands_count_customer_mentions_and_brand_posts(ws: ca.Workspace) -> None:
    brands = ws.brands()
    assert brands.get_column("brand").to_list() == ["Kopi", "Lain"]
    assert brands.get_column("customer_mentions").to_list() == [4, 1]  # m1 m2 m3 m5; l1
    assert brands.get_column("brand_posts").to_list() == [2, 0]  # m4 m6
    first = brands.get_column("first")[0]
    assert (first.hour, first.tzname()) == (8, "WIB")  # m1: 01:00 UTC


def test_mentions_are_customer_mentions_in_local_time(ws: ca.Workspace) -> None:
    found = ws.mentions("Kopi")
    assert ids(found) == ["m1", "m2", "m3", "m5"]
    assert found.get_column("published_at")[2] == datetime(2026, 10, 2, 0, 30, tzinfo=ws_zone())
    assert ids(ws.mentions("Kopi", brand_posts="include")) == ["m1", "m2", "m3", "m4", "m5", "m6"]
    assert ids(ws.mentions("Kopi", brand_posts="only")) == ["m4", "m6"]


def ws_zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Jakarta")


def test_setting_only_start_or_only_end_filters(ws: ca.Workspace) -> None:
    # 2 Oct WIB starts at 1 Oct 17:00 UTC: m3 (17:30) and m5; m4 is a brand post
    assert ids(ws.mentions("Kopi", start="2026-10-02")) == ["m3", "m5"]
    # end is an inclusive day: up to 2 Oct 00:00 WIB
    assert ids(ws.mentions("Kopi", end="2026-10-01")) == ["m1", "m2"]
    assert ids(ws.mentions("Kopi", start="2026-10-01 23:00", end="2026-10-02 01:00")) == [
        "m2", "m3"
    ]  # fmt: skip
    with pytest.raises(InputDataError, match=r"start '13/10/2026': expected a day YYYY-MM-DD"):
        ws.mentions("Kopi", start="13/10/2026")


def test_filters(ws: ca.Workspace) -> None:
    assert ids(ws.mentions("Kopi", platforms="x")) == ["m1", "m2"]
    assert ids(ws.mentions("Kopi", sentiments=["negative"])) == ["m1", "m5"]
    assert ids(ws.mentions("Kopi", sentiments="unscored", brand_posts="include")) == ["m4", "m6"]
    assert ws.mentions("Kopi", languages="en").height == 0
    with pytest.raises(InputDataError, match=r"platforms \['twiter'\] are not known"):
        ws.mentions("Kopi", platforms="twiter")
    with pytest.raises(StoreError, match=r"no brand 'Kopii' in the store \(brands: Kopi, Lain\)"):
        ws.mentions("Kopii")


def test_search(ws: ca.Workspace) -> None:
    assert ids(ws.search("Kopi", "SALDO")) == ["m1", "m2"]
    assert ids(ws.search("Kopi", "saldo", brand_posts="include")) == ["m1", "m2", "m4"]


def test_timeline_per_local_day(ws: ca.Workspace) -> None:
    line = ws.timeline("Kopi", every="1d", start="2026-10-01", end="2026-10-03")
    assert [d.day for d in line.get_column("period_start")] == [1, 2, 3]
    assert line.get_column("mentions").to_list() == [2, 2, 0]  # m6 on the 3rd is a brand post
    assert line.get_column("negative").to_list() == [1, 1, 0]


def test_drill_counts_the_same_customer_mentions(ws: ca.Workspace) -> None:
    hour = ws.drill("Kopi", "2026-10-02 00:00")  # m3 at 00:30; m4 at 01:00 is outside and own
    assert ids(hour.mentions) == ["m3"]
    day = ws.drill("Kopi", "2026-10-02", length="1d")
    assert len(day) == 2
    negative_share = {k.label: k.value for k in day.cards()}["Negative share"]
    assert negative_share == 0.5  # m3 neutral, m5 negative
    assert "2 customer mentions from 2026-10-02 00:00" in repr(day)


def test_responses_are_the_brands_own_non_reply_posts(ws: ca.Workspace) -> None:
    found = ws.responses("Kopi")
    assert found.height == 1  # m4 replies to a customer (care), m6 is the public statement
    assert found.get_column("time")[0] == datetime(2026, 10, 3, 9, 0, tzinfo=ws_zone())
    assert found.get_column("description")[0] == "Kami minta maaf atas gangguan"


def test_summary_compares_with_the_period_before_only_when_there_is_one(
    ws: ca.Workspace,
) -> None:
    day2 = ws.summary("Kopi", start="2026-10-02", end="2026-10-02")
    cards = {k.label: k for k in day2.cards}
    assert cards["Mentions"].value == 2 and cards["Mentions"].delta == 0  # m3 m5 vs m1 m2
    assert cards["Brand posts"].value == 1 and cards["Brand posts"].delta == 1  # m4 vs none
    assert "previous period of the same length" in day2.comparison
    day1 = ws.summary("Kopi", start="2026-10-01", end="2026-10-01")
    assert all(k.delta is None for k in day1.cards)
    assert "nothing to compare with" in day1.comparison
    assert "nothing to compare with" in repr(day1)


def test_crisis_needs_a_baseline_and_says_so(ws: ca.Workspace) -> None:
    # customer mentions span 1 Oct 08:00 to 2 Oct 10:10 WIB: two local days, no baseline
    crisis = ws.crisis("Kopi")
    assert not crisis.detected and crisis.peak is None and crisis.phases is None
    assert "only 2 days of mentions" in crisis.message
    assert "No crisis detected for Kopi. only 2 days" in repr(crisis)
    assert "only 2 days of mentions" in crisis._repr_html_()
    episodes = ws.episodes("Kopi")
    assert len(episodes) == 0 and "only 2 days" in episodes._repr_html_()
    findings = ws.findings("Kopi")
    assert len(findings) == 0 and findings.message
    assert findings.message in findings._repr_html_()


def test_results_carry_their_own_styles(ws: ca.Workspace) -> None:
    html = ws.summary("Kopi", start="2026-10-02", end="2026-10-02")._repr_html_()
    assert html.startswith('<div class="ca-result"><style>')
    assert ".ca-result .kpi-cards" in html and 'class="kpi-card"' in html
    drill = ws.drill("Kopi", "2026-10-02", length="1d")._repr_html_()
    assert "text-align: left" in drill and "lambat sekali" in drill
