"""Talkwalker results export: dotted names, author/creator aliases, numeric sentiment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.load import load_export

DATA = Path(__file__).parent / "data" / "load" / "talkwalker"
UTC = dt.UTC


def test_results_exact_values() -> None:
    m = load_export(DATA / "results.csv", brand="Kopi Senja").mentions
    assert m["source_row"].to_list() == [2, 3, 4]
    # url is Talkwalker's unique key
    assert m["mention_id"][0] == "https://x.com/rina/status/1800000000000000011"
    assert m["id_is_surrogate"].to_list() == [False, False, False]
    # "SOCIALMEDIA,SOCIALMEDIA_TWITTER" -> x, ONLINE_NEWS -> news, ..._FACEBOOK -> facebook
    assert m["platform"].to_list() == ["x", "news", "facebook"]
    assert m["published_at"].to_list() == [
        dt.datetime(2026, 9, 2, 1, 15, tzinfo=UTC),  # 08:15+07:00
        dt.datetime(2026, 9, 2, 3, 30, tzinfo=UTC),  # naive 10:30 read in Asia/Jakarta
        dt.datetime(2026, 9, 2, 8, 45, tzinfo=UTC),  # epoch ms 1788338700000
    ]
    assert m["source_sentiment"].to_list() == ["-2", "0", "3"]  # kept exactly
    assert m["author"][0] == "rina_w"
    assert m["author_name"][0] == "Rina"
    assert m["reach"].to_list() == [5400, 1200000, None]  # "1,200,000"; blank -> null
    assert m["author_followers"][0] == 5400
    # row 1: no engagement column value -> derived 7 + 1 + 2; row 2: the tool's own 35
    assert m["engagement"].to_list() == [10, 35, None]
    assert m["content_type"].to_list() == ["reply", "article", "post"]


def test_creator_columns_with_underscores() -> None:
    m = load_export(DATA / "results_creator.csv", brand="Kopi Senja").mentions
    assert m["author"][0] == "joko_p"  # "@joko_p" from extra_creator_attributes_short_name
    assert m["author_name"][0] == "Joko P"
    assert m["published_at"][0] == dt.datetime(2026, 9, 3, 1, 0, tzinfo=UTC)  # ...Z
    assert m["engagement"][0] == 4


def test_duplicate_column_names_are_kept_apart(tmp_path: Path) -> None:
    # one real export repeated extra_author_attributes.name; the load must not fail and the
    # first copy is the one used (the second is renamed "... (2)" and kept in raw records)
    path = tmp_path / "dup.csv"
    path.write_text(
        "url,published,content,lang,source_type,extra_author_attributes.name,"
        "extra_author_attributes.name\n"
        "https://e/1,2026-09-02T08:00:00Z,halo,id,BLOG,Ani,Budi\n"
        "https://e/2,kemarin,x,id,BLOG,Ani,Budi\n",
        encoding="utf-8",
    )
    result = load_export(path, brand="B")
    assert result.format == "talkwalker"
    assert result.mentions["author_name"].to_list() == ["Ani"]
    assert result.mentions["platform"].to_list() == ["blog"]
    assert '"extra_author_attributes.name (2)":"Budi"' in result.rejected["raw"][0]


def test_iter_load_export_yields_a_vendor_file_once() -> None:
    from analytics.load import iter_load_export

    batches = list(iter_load_export(DATA / "results.csv", brand="Kopi Senja"))
    assert len(batches) == 1
    assert batches[0].mentions.equals(
        load_export(DATA / "results.csv", brand="Kopi Senja").mentions
    )
