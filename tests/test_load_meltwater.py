"""Meltwater exports: UTF-16 + tab "csv", junk line, legacy and Explore column sets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.load import load_export

DATA = Path(__file__).parent / "data" / "load" / "meltwater"
UTC = dt.UTC


def test_legacy_utf16_tab_with_junk_line() -> None:
    # make_fixtures.py: UTF-16 LE with BOM, tab-separated, "Meltwater export" on line 1
    result = load_export(DATA / "legacy.csv", brand="Kopi Senja")
    m = result.mentions
    assert result.format == "meltwater"
    assert m["source_row"].to_list() == [3, 4]
    # Alternate Date Format 07-Jul-25 + Time 05:12 PM = 17:12 Jakarta = 10:12 UTC
    assert m["published_at"].to_list() == [
        dt.datetime(2025, 7, 7, 10, 12, tzinfo=UTC),
        dt.datetime(2025, 7, 8, 2, 0, tzinfo=UTC),  # 08-Jul-25 09:00 AM Jakarta
    ]
    assert m["mention_id"][0] == "1942000000000000001"  # Tweet Id
    assert m["id_is_surrogate"].to_list() == [False, True]  # the news item has no id
    assert m["text"].to_list() == ["Kopi Senja bikin kecewa", "menarik produknya dari pasar"]
    assert m["title"][1] == "Kopi Senja Tarik Produk"
    assert m["author"][0] == "dewi"  # Influencer "@dewi"
    assert m["author_followers"][0] == 1500  # "1,500"
    assert m["reach"].to_list() == [1500, 2_500_000]  # "2.5M"
    assert m["engagement"].to_list() == [12, None]
    assert m["platform"].to_list() == ["x", "news"]  # Source Twitter / "News Example"
    assert m["source_sentiment"].to_list() == ["Negative", "Not Rated"]  # kept as exported


def test_explore_utf16_be() -> None:
    m = load_export(DATA / "explore.csv", brand="Kopi Senja").mentions
    row = m.row(0, named=True)
    assert row["mention_id"] == "doc-1"
    # 09-Sep-25 11:30 PM Jakarta = 16:30 UTC the same day
    assert row["published_at"] == dt.datetime(2025, 9, 9, 16, 30, tzinfo=UTC)
    assert (row["author"], row["author_name"]) == ("eka", "Eka")
    assert (row["likes"], row["comments"], row["shares"]) == (8, 2, 1)
    assert row["engagement"] == 11  # blank Engagement: derived 8 + 2 + 1
    assert row["content_type"] == "reply"
    # row 2 has a short link and no Source Domain: Source Name "Instagram" decides
    assert m["platform"].to_list() == ["x", "instagram"]
    assert m["reach"].to_list() == [900, 1200]  # "1.2K"
    assert m["engagement"].to_list() == [11, None]  # nothing to derive it from


def test_a_big_utf16_export_streams_in_batches(tmp_path: Path) -> None:
    import polars as pl

    from analytics.load import iter_load_export

    header = (
        "Date\tTime\tDocument ID\tURL\tSource Type\tSource Name\tSource Domain\tContent Type\t"
        "Author Name\tAuthor Handle\tTitle\tOpening Text\tHit Sentence\tSentiment\tReach\n"
    )
    rows = [
        f"09-Sep-25\t11:30 PM\tdoc-{i}\thttps://x.com/u/status/{i}\tSocial\tX\tx.com\tPost\t"
        f"U\t@u\t\t\tkalimat {i} “kutipan”\tNeutral\t{i}\n"
        for i in range(4000)
    ]
    path = tmp_path / "big_meltwater.csv"
    path.write_bytes((header + "".join(rows)).encode("utf-16"))  # UTF-16 LE with BOM
    batches = list(iter_load_export(path, brand="K", batch_rows=500))
    assert len(batches) >= 2
    streamed = pl.concat([b.mentions for b in batches])
    assert streamed.equals(load_export(path, brand="K").mentions)
    assert streamed["source_row"].to_list() == list(range(2, 4002))
    assert streamed["text"][3999] == "kalimat 3999 “kutipan”"


def test_a_row_with_an_unreadable_date_is_kept_aside_with_its_reason(tmp_path: Path) -> None:
    # explore.csv with the first record's "09-Sep-25" replaced by "yesterday": that row (line
    # 2) cannot be placed in time, so it goes to `rejected` naming the columns and the value;
    # the other row (line 3) loads as before
    lines = (DATA / "explore.csv").read_text(encoding="utf-16").splitlines()
    path = tmp_path / "explore_bad_date.csv"
    bad = lines[1].replace("09-Sep-25", "yesterday", 1)
    path.write_text("\n".join([lines[0], bad, lines[2]]) + "\n", encoding="utf-16")
    result = load_export(path, brand="Kopi Senja")
    assert result.mentions["source_row"].to_list() == [3]
    assert result.rejected["source_row"].to_list() == [2]
    reason = result.rejected["reason"][0]
    assert '"Date"' in reason and '"yesterday 11:30 PM" is not a time' in reason
