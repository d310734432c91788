"""Brandwatch Bulk Mentions Download, CSV and XLSX (fixtures in tests/data/load/brandwatch)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from analytics.load import load_export
from analytics.schema import MENTION_SCHEMA, REJECTED_SCHEMA

DATA = Path(__file__).parent / "data" / "load" / "brandwatch"
UTC = dt.UTC


def _load(name: str):
    return load_export(DATA / name, brand="Kopi Senja", brand_handles=["@KopiSenjaID"])


def test_csv_mentions_exact_values() -> None:
    result = _load("mentions.csv")
    m = result.mentions
    assert dict(m.schema) == MENTION_SCHEMA
    assert result.format == "brandwatch"
    # lines 8-9 (multi-line Full Text), 10 and 11 are kept; 12 and 13 are rejected
    assert m["source_row"].to_list() == [8, 10, 11]

    first = m.row(0, named=True)
    assert first["mention_id"] == "1800000000000000001"
    assert first["id_is_surrogate"] is False
    assert first["platform"] == "x"  # Page Type "twitter"
    assert first["content_type"] == "reply"
    # 2026-09-02 08:15:00 read in Asia/Jakarta (UTC+7) = 01:15 UTC
    assert first["published_at"] == dt.datetime(2026, 9, 2, 1, 15, tzinfo=UTC)
    assert first["text"] == 'Kopi Senja bikin sakit perut,\n"kecewa" banget'
    assert first["author"] == "budi"  # "@budi" without the @
    assert first["author_followers"] == 10000  # "10,000"
    assert first["reach"] == 12500  # "12.500" Indonesian thousands
    assert (first["likes"], first["shares"], first["comments"]) == (12, 3, 1)
    assert first["engagement"] == 16  # derived: 12 + 3 + 1 (no engagement count exported)
    assert first["parent_id"] == "1799999999999999999"  # from the X Reply to status URL
    assert first["source_sentiment"] == "negative"
    assert first["is_brand_post"] is False
    assert first["source_file"] == "mentions.csv"
    assert first["source_tool"] == "brandwatch"
    assert first["brand"] == "Kopi Senja"

    second = m.row(1, named=True)
    # Resource Id 5.70306E+17 and a Facebook URL without a status id: unrecoverable
    assert second["id_is_surrogate"] is True
    assert second["mention_id"].startswith("h:") and len(second["mention_id"]) == 42
    assert second["load_notes"] == "id_rounded_by_excel"
    assert second["text"] == "Snippet only"  # no Full Text: Snippet
    assert second["likes"] is None  # "-" is not available, not zero
    assert second["comments"] == 4
    assert second["engagement"] == 4
    # 09:00:00.500 Jakarta = 02:00:00.5 UTC
    assert second["published_at"] == dt.datetime(2026, 9, 2, 2, 0, 0, 500000, tzinfo=UTC)

    third = m.row(2, named=True)
    # 5.70306E+17 recovered from https://twitter.com/KopiSenjaID/status/570306123456789012
    assert third["mention_id"] == "570306123456789012"
    assert third["load_notes"] == "id_recovered_from_url"
    assert third["likes"] == 1200  # "1.2K"
    assert third["is_brand_post"] is True  # author KopiSenjaID is a brand handle


def test_csv_rejected_rows_have_reasons() -> None:
    rejected = _load("mentions.csv").rejected
    assert dict(rejected.schema) == REJECTED_SCHEMA
    assert rejected["source_row"].to_list() == [12, 13]
    # line 12: "02/09/2026 11:00" could be 2 Sept or 9 Feb: never guessed
    assert rejected["reason"][0] == (
        'column "Date": value "02/09/2026 11:00" is not a time in the expected layout '
        "(YYYY-MM-DD HH:MM:SS); if Excel re-saved the file, give its date layout in a [time] "
        "file (docs/loading.md, 'A vendor file whose dates Excel rewrote')"
    )
    assert rejected["reason"][1].startswith("no text and no url")
    # the whole record is kept as JSON
    assert '"Mention Id":"1800000000000000005"' in rejected["raw"][1]


def test_notes_count_repairs_and_keep_the_preamble() -> None:
    notes = _load("mentions.csv").notes
    assert "1 ids rounded by Excel (unrecoverable): surrogate ids used" in notes
    assert "1 ids rounded by Excel recovered from the status URL" in notes
    assert "2 rows rejected (see rejected for the reasons)" in notes
    assert any("From: 2026-09-01" in n for n in notes)


def test_xlsx_with_date_cells_and_a_rounded_number_id() -> None:
    m = _load("mentions.xlsx").mentions
    # rows 8 and 9 of the sheet (header on row 7)
    assert m["source_row"].to_list() == [8, 9]
    assert m["mention_id"][0] == "1800000000000000051"  # a text cell: intact
    # a number cell 570306123456789012 keeps 15 digits in Excel: flagged, surrogate id
    assert m["id_is_surrogate"].to_list() == [False, True]
    assert m["load_notes"][1] == "id_rounded_by_excel"
    # date cell 2026-09-02 08:15 Jakarta -> 01:15 UTC
    assert m["published_at"][0] == dt.datetime(2026, 9, 2, 1, 15, tzinfo=UTC)
    assert m["engagement"][0] == 6  # X Likes 5 + X Reposts 1 + X Replies 0


def test_surrogate_ids_are_stable_between_loads() -> None:
    a = _load("mentions.csv").mentions
    b = _load("mentions.csv").mentions
    assert a["mention_id"].to_list() == b["mention_id"].to_list()


def test_default_tz_parameter_changes_the_utc_time() -> None:
    m = load_export(DATA / "mentions.csv", brand="K", default_tz="UTC").mentions
    assert m["published_at"][0] == dt.datetime(2026, 9, 2, 8, 15, tzinfo=UTC)
    assert m.filter(pl.col("is_brand_post")).height == 0  # no handles given


def test_a_big_brandwatch_csv_streams_in_batches(tmp_path: Path) -> None:
    from analytics.load import iter_load_export

    # the fixture's preamble and header, then 5,000 records, every 10th on two lines
    lines = (DATA / "mentions.csv").read_text(encoding="utf-8-sig").splitlines()[:7]
    for i in range(5000):
        text = f'"keluhan {i}\nbaris dua"' if i % 10 == 0 else f"keluhan {i}"
        lines.append(
            f"1001,KopiSenja,{1800000000000000000 + i},,2026-09-02 08:15:00,,,{text},"
            f"https://x.com/u/status/{1800000000000000000 + i},x.com,twitter,post,neutral,"
            "id,,u,,,,,,,,,,,"
        )
    path = tmp_path / "big_bw.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    batches = list(iter_load_export(path, brand="K", batch_rows=500))
    assert len(batches) >= 5
    streamed = pl.concat([b.mentions for b in batches])
    assert streamed.equals(load_export(path, brand="K").mentions)
    # record i starts on line 8 + i + (two-line records before it): the last (i = 4999)
    # has 500 of them before it -> line 8 + 4999 + 500 = 5507
    assert streamed["source_row"].to_list()[-1] == 5507
    assert all(b.format == "brandwatch" for b in batches)


def test_older_twitter_column_family(tmp_path: Path) -> None:
    # exports before the X rename: Twitter Followers / Likes / Retweets / Reply Count
    path = tmp_path / "old_bw.csv"
    path.write_text(
        "Report:,Bulk Mentions Download\nBrand:,K\nFrom:,2022-01-01\nTo:,2022-01-31\n"
        "Label:,x\n\n"
        "Query Id,Query Name,Resource Id,Date,Snippet,Url,Page Type,Author,Twitter Followers,"
        "Twitter Likes,Twitter Retweets,Twitter Reply Count,Twitter Reply to\n"
        "1,K,1480000000000000001,2022-01-05 20:00:00.0,lama,"
        'https://twitter.com/a/status/1480000000000000001,twitter,a,"1,234",7,2,1,'
        "https://twitter.com/b/status/1479999999999999999\n",
        encoding="utf-8",
    )
    m = load_export(path, brand="K").mentions
    row = m.row(0, named=True)
    assert row["mention_id"] == "1480000000000000001"  # Resource Id when no Mention Id
    assert (row["author_followers"], row["likes"], row["shares"], row["comments"]) == (
        1234,
        7,
        2,
        1,
    )
    assert row["parent_id"] == "1479999999999999999"
    # 20:00 Jakarta = 13:00 UTC
    assert row["published_at"] == dt.datetime(2022, 1, 5, 13, 0, tzinfo=UTC)


def test_time_layout_override_for_an_excel_resaved_file() -> None:
    override = DATA.parent / "overrides" / "day_first.toml"
    result = load_export(DATA / "mentions.csv", brand="K", format="brandwatch", mapping=override)
    m = result.mentions
    # with "%d/%m/%Y %H:%M" the ISO rows no longer match (rejected with the new layout named)
    # and line 12's "02/09/2026 11:00" is 2 September, 11:00 Jakarta = 04:00 UTC
    assert m["source_row"].to_list() == [12]
    assert m["published_at"][0] == dt.datetime(2026, 9, 2, 4, 0, tzinfo=UTC)
    assert result.rejected["reason"][0] == (
        'column "Date": value "2026-09-02 08:15:00" is not a time in the expected layout '
        "(%d/%m/%Y %H:%M or %d/%m/%Y %H:%M:%S)"
    )
    assert any("times read as %d/%m/%Y %H:%M" in n for n in result.notes)


def test_a_column_mapping_with_a_vendor_format_is_refused(tmp_path: Path) -> None:
    import pytest

    from analytics.errors import ExportFormatError

    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\npublished_at = "Date"\ntext = "Snippet"\n', encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"with format='brandwatch' only a \[time\]"):
        load_export(DATA / "mentions.csv", brand="K", format="brandwatch", mapping=mapping)


def test_reference_fields_and_emotion() -> None:
    # who each post replies to / reposts / quotes, and Brandwatch's own Emotion column
    m = _load("references.csv").mentions
    assert dict(m.schema) == MENTION_SCHEMA
    rows = {r["author"]: r for r in m.iter_rows(named=True)}
    reply, repost, quote = rows["budi"], rows["ani"], rows["citra"]
    assert reply["reply_to_account"] == "KopiSenjaID"  # from the X Reply to status URL
    assert reply["parent_id"] == "1799999999999999999"
    assert (reply["quoted_id"], reply["reposted_id"]) == (None, None)
    assert repost["reposted_id"] == "1800000000000000011"  # from X Repost of
    assert repost["parent_id"] == "1800000000000000011"
    assert repost["reply_to_account"] is None
    assert quote["quoted_id"] == "1800000000000000011"  # a quote's Parent Post Id
    assert quote["reposted_id"] is None
    assert [r["source_emotion"] for r in rows.values()] == ["anger", None, "fear", "joy", None]
    # an i/web link names no author: no handle, but the parent id is still read
    assert rows["eka"]["reply_to_account"] is None
    assert rows["eka"]["parent_id"] == "1799999999999999990"


def test_unknown_page_type_becomes_other_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "bw.csv"
    path.write_text(
        "Query Id,Query Name,Date,Full Text,Url,Page Type,Domain\n"
        "1,KN,2024-03-01 08:00:00,halo,https://myspace.com/p/1,myspace,myspace.com\n",
        encoding="utf-8",
    )
    result = load_export(path, brand="KN")
    assert result.mentions["platform"].to_list() == ["other"]
    assert '1 rows name the platform "myspace", which is not known: stored as other' in (
        result.notes
    )
