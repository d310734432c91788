"""Format detection by header signatures: the choice, the reason, overrides and failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.errors import ExportFormatError
from analytics.load import FORMATS, detect_format, load_export

DATA = Path(__file__).parent / "data" / "load"


@pytest.mark.parametrize(
    ("name", "format", "reason"),
    [
        # header under the 6-line preamble: 13 signature columns, all present
        ("brandwatch/mentions.csv", "brandwatch", "header on line 7 has 13 of 13 Brandwatch"),
        # the xlsx copy has 10 of them (no Full Text, Resource Id, Domain)
        ("brandwatch/mentions.xlsx", "brandwatch", 'line 7 of sheet "Sheet1" has 10 of 13'),
        ("talkwalker/results.csv", "talkwalker", "header on line 1 has 12 of 14 Talkwalker"),
        ("talkwalker/results_creator.csv", "talkwalker", "has 10 of 14 Talkwalker"),
        ("brand24/mentions.csv", "brand24", "header on line 1 has 10 of 10 Brand24"),
        # the Summary sheet comes first; the Mentions sheet has the header on row 2
        ("brand24/mentions.xlsx", "brand24", 'line 2 of sheet "Mentions" has 10 of 10'),
        # UTF-16 LE, tab, one junk line above the header
        ("meltwater/legacy.csv", "meltwater", "header on line 2 has 14 of 14 Meltwater (legacy)"),
        ("meltwater/explore.csv", "meltwater", "has 15 of 15 Meltwater (Explore)"),
        ("sprout/post_performance.csv", "sprout", "Sprout Social Post Performance"),
        ("sprout/inbox.csv", "sprout", "Sprout Social Inbox"),
        ("sprout/profile_performance.csv", "sprout", "Sprout Social Profile Performance"),
        (
            "x_analytics/tweet_activity_metrics_KopiSenjaID_20150901_20150930_en.csv",
            "x_analytics",
            "10 of 10 X analytics tweet activity",
        ),
        (
            "x_analytics/account_analytics_content_2026-09-01_2026-09-30.csv",
            "x_analytics",
            "X analytics content",
        ),
        ("x_analytics/account_overview_analytics.csv", "x_analytics", "account overview"),
        ("meta/facebook_posts.csv", "meta", "Facebook posts"),
        ("meta/instagram_posts.csv", "meta", "Instagram posts"),
        # sep=, on line 1, the title "Views" on line 2, the header on line 3
        ("meta/daily_views.csv", "meta", "header on line 3 has 2 of 2 Meta Business Suite daily"),
    ],
)
def test_detects_each_fixture(name: str, format: str, reason: str) -> None:
    found, why = detect_format(DATA / name)
    assert found == format
    assert reason in why


def test_formats_list_matches_the_contract() -> None:
    assert FORMATS == (
        "brandwatch",
        "talkwalker",
        "brand24",
        "meltwater",
        "sprout",
        "x_analytics",
        "meta",
        "tweet_harvest",
        "twarc",
        "google_play",
        "app_store",
        "youtube_comments",
        "fourcat",
        "hootsuite",
        "nolimit",
        "tiktok_comments",
        "generic",
    )


def test_unknown_file_names_file_closest_format_and_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "mystery.csv"
    # Query Id + Date + Title: Brandwatch-like, but only 3 of its 13 columns (it needs 4)
    path.write_text("Query Id,Date,Title\n1,2026-09-02 08:00:00,x\n", encoding="utf-8")
    with pytest.raises(ExportFormatError) as err:
        detect_format(path)
    message = str(err.value)
    assert "mystery.csv" in message
    assert "Closest is Brandwatch" in message
    assert "Query Name" in message and "Snippet" in message  # columns it lacked


def test_format_override_is_reported(tmp_path: Path) -> None:
    result = load_export(DATA / "brand24" / "mentions.csv", brand="K", format="brand24")
    assert result.format == "brand24"
    assert result.detection_reason.startswith("format 'brand24' chosen by the caller")


def test_override_with_a_format_whose_columns_are_absent_fails() -> None:
    with pytest.raises(ExportFormatError, match=r"mentions\.csv: format 'meta' was asked for"):
        load_export(DATA / "brand24" / "mentions.csv", brand="K", format="meta")


def test_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(ExportFormatError, match=r"unknown format 'mention_com'.*brandwatch"):
        load_export(DATA / "brand24" / "mentions.csv", brand="K", format="mention_com")


def test_json_without_mapping_asks_for_one(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('[{"a": 1}]', encoding="utf-8")
    with pytest.raises(
        ExportFormatError, match=r"m\.json: not a known export layout: its fields \(a\) match no"
    ):
        detect_format(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportFormatError, match=r"nope\.csv: file not found"):
        detect_format(tmp_path / "nope.csv")


def test_bad_time_zone_is_rejected_before_reading() -> None:
    with pytest.raises(ExportFormatError, match=r"default_tz 'Jakarta' is not a time zone"):
        load_export(DATA / "brand24" / "mentions.csv", brand="K", default_tz="Jakarta")


def test_header_only_export_yields_one_empty_result(tmp_path: Path) -> None:
    from analytics.load import iter_load_export

    path = tmp_path / "empty_bw.csv"
    lines = (DATA / "brandwatch" / "mentions.csv").read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join(lines[:7]) + "\n", encoding="utf-8")  # preamble + header only
    batches = list(iter_load_export(path, brand="K"))
    assert [b.format for b in batches] == ["brandwatch"]
    assert batches[0].mentions.height == 0
    assert batches[0].rejected.height == 0
    assert load_export(path, brand="K").mentions.height == 0


def test_a_file_like_no_tool_gets_the_generic_hint(tmp_path: Path) -> None:
    path = tmp_path / "own_tool.csv"
    path.write_text("ID;Tanggal;Isi\n1;02/09/2026;halo\n", encoding="utf-8")
    # only "ID" is shared (with Brand24): not worth calling it the closest format
    with pytest.raises(
        ExportFormatError,
        match=r"own_tool\.csv: not a known export layout: .*nearest, .*, shares only: (ID|id)\)"
        r".*--format generic --mapping FILE",
    ):
        detect_format(path)


def test_empty_file_and_folder_are_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ExportFormatError, match=r"empty\.csv: the file is empty"):
        load_export(empty, brand="K")
    with pytest.raises(ExportFormatError, match=r"is a folder"):
        load_export(tmp_path, brand="K")
