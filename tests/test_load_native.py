"""Native layouts of collectors analysts use: tweet-harvest, twarc2, google-play-scraper,
app-store-scraper, youtube-comment-downloader, 4CAT. Fixtures are hand-written from the
tools' documented fields (tests/data/load/native/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from analytics.load import detect_format, load_export
from analytics.measure.responses import reply_stats

DATA = Path(__file__).parent / "data" / "load" / "native"
UTC = dt.UTC


def _row(frame: pl.DataFrame, mention_id: str) -> dict:
    return frame.filter(pl.col("mention_id") == mention_id).row(0, named=True)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("tweet_harvest.csv", "tweet_harvest"),
        ("twarc2.csv", "twarc"),
        ("twarc2_flat.jsonl", "twarc"),
        ("twarc2_raw.jsonl", "twarc"),
        ("google_play.csv", "google_play"),
        ("app_store.json", "app_store"),
        ("youtube_comments.jsonl", "youtube_comments"),
        ("fourcat.csv", "fourcat"),
    ],
)
def test_detected_without_a_mapping(name: str, fmt: str) -> None:
    assert detect_format(DATA / name)[0] == fmt


def test_tweet_harvest_times_language_counts_and_brand_reply() -> None:
    result = load_export(
        DATA / "tweet_harvest.csv", brand="Kopi Senja", brand_handles=["kopisenja"]
    )
    m = result.mentions
    assert result.rejected.height == 0 and m.height == 3
    first = _row(m, "1712345678901234567")
    # "Thu Oct 12 03:23:53 +0000 2023" is already UTC
    assert first["published_at"] == dt.datetime(2023, 10, 12, 3, 23, 53, tzinfo=UTC)
    assert first["language"] == "id"  # X writes "in"
    assert (first["likes"], first["comments"], first["shares"]) == (15, 2, 4)
    assert first["platform"] == "x" and first["author"] == "rina_w"
    reply = _row(m, "1712349999901234500")
    assert reply["content_type"] == "reply" and reply["is_brand_post"] is True
    assert _row(m, "1712350000000000001")["published_at"] == dt.datetime(
        2023, 10, 13, 23, 57, 6, tzinfo=UTC
    )


@pytest.mark.parametrize("name", ["twarc2.csv", "twarc2_flat.jsonl", "twarc2_raw.jsonl"])
def test_twarc_csv_flat_and_raw_jsonl_agree(name: str) -> None:
    m = load_export(DATA / name, brand="NusaPay").mentions
    post = _row(m, "1500000000000000001")
    assert post["published_at"] == dt.datetime(2022, 3, 5, 10, 0, tzinfo=UTC)
    assert (post["likes"], post["comments"], post["shares"], post["impressions"]) == (
        25,
        3,
        7,
        1200,
    )
    assert post["author"] == "andi_p" and post["author_followers"] == 5400
    assert post["language"] == "id"
    assert post["url"] == "https://x.com/andi_p/status/1500000000000000001"
    reply = _row(m, "1500000000000000002")
    assert reply["parent_id"] == "1500000000000000001" and reply["content_type"] == "reply"
    assert reply["published_at"] == dt.datetime(2022, 3, 5, 10, 30, 15, tzinfo=UTC)


def test_twarc_retweet_is_a_repost_with_no_language() -> None:
    m = load_export(DATA / "twarc2.csv", brand="NusaPay").mentions
    rt = _row(m, "1500000000000000003")
    assert rt["content_type"] == "repost" and rt["parent_id"] == "1500000000000000001"
    assert rt["language"] is None  # "und": X could not tell


def test_google_play_stars_and_developer_reply_counted_by_reply_rate() -> None:
    result = load_export(DATA / "google_play.csv", brand="NusaPay", default_tz="Asia/Jakarta")
    m = result.mentions
    assert m.height == 4  # three reviews + one developer reply
    one = _row(m, "gp:AOqpTOE1")
    assert one["published_at"] == dt.datetime(2024, 3, 1, 1, 15, tzinfo=UTC)  # 08:15 WIB
    assert one["source_sentiment"] == "negative" and one["likes"] == 12
    assert one["platform"] == "google_play"
    assert _row(m, "gp:AOqpTOE2")["source_sentiment"] == "neutral"
    assert _row(m, "gp:AOqpTOE3")["source_sentiment"] == "positive"
    reply = _row(m, "gp:AOqpTOE1:reply")
    assert reply["parent_id"] == "gp:AOqpTOE1" and reply["is_brand_post"] is True
    assert reply["published_at"] == dt.datetime(2024, 3, 1, 3, 45, tzinfo=UTC)
    scored = m.with_columns(
        pl.when(pl.col("source_sentiment") == "negative")
        .then(pl.lit("negative"))
        .otherwise(pl.lit("positive"))
        .alias("sentiment_label")
    )
    stats = reply_stats(scored)
    assert (stats["negative_mentions"], stats["replied"]) == (1, 1)
    assert stats["median_reply_hours"] == pytest.approx(2.5)


def test_app_store_reply_linked_to_surrogate_id_of_its_review() -> None:
    m = load_export(DATA / "app_store.json", brand="NusaPay").mentions
    assert m.height == 3
    review = m.filter(pl.col("text") == "Crashes every time I open it").row(0, named=True)
    assert review["source_sentiment"] == "negative"
    assert review["published_at"] == dt.datetime(2024, 3, 4, 1, 2, 3, tzinfo=UTC)
    reply = m.filter(pl.col("content_type") == "reply").row(0, named=True)
    assert reply["parent_id"] == review["mention_id"]
    assert reply["text"] == "Sorry Tom, a fix is out in 5.2.1."
    assert reply["published_at"] == dt.datetime(2024, 3, 4, 5, 0, tzinfo=UTC)
    assert m.filter(pl.col("text") == "Love the new design")["source_sentiment"].item() == (
        "positive"
    )


def test_app_store_csv_with_python_dict_response() -> None:
    path = DATA / "app_store_pandas.csv"
    m = load_export(path, brand="NusaPay").mentions
    reply = m.filter(pl.col("content_type") == "reply").row(0, named=True)
    assert reply["text"] == "Thanks, fixed in 5.2.1"
    assert reply["published_at"] == dt.datetime(2024, 3, 6, 9, 0, tzinfo=UTC)


def test_youtube_comments_times_likes_and_reply_parent() -> None:
    result = load_export(DATA / "youtube_comments.jsonl", brand="Kopi Senja")
    m = result.mentions
    top = _row(m, "UgzAAA111")
    assert top["published_at"] == dt.datetime(2024, 3, 1, tzinfo=UTC)  # 1709251200.0
    assert top["likes"] == 1200 and top["author"] == "warga62" and top["platform"] == "youtube"
    reply = _row(m, "UgzAAA111.9xYz")
    assert reply["parent_id"] == "UgzAAA111" and reply["content_type"] == "reply"
    assert any("approximation" in n for n in result.notes)


def test_fourcat_unix_time_platform_from_url() -> None:
    m = load_export(DATA / "fourcat.csv", brand="Kopi Senja").mentions
    first = _row(m, "7301")
    assert first["published_at"] == dt.datetime(2024, 2, 10, 14, 5, tzinfo=UTC)
    assert first["platform"] == "tiktok" and first["likes"] == 120 and first["language"] == "id"
    assert _row(m, "7302")["content_type"] == "reply"


def test_reference_fields_filled_where_the_source_has_them() -> None:
    harvest = load_export(DATA / "tweet_harvest.csv", brand="Kopi Senja").mentions
    assert _row(harvest, "1712349999901234500")["reply_to_account"] == "rina_w"
    twarc = load_export(DATA / "twarc2.csv", brand="NusaPay").mentions
    assert _row(twarc, "1500000000000000002")["reply_to_account"] == "andi_p"
    assert _row(twarc, "1500000000000000003")["reposted_id"] == "1500000000000000001"


def test_nolimit_social_guard_removed_link_repaired_reply_parent() -> None:
    result = load_export(DATA / "nolimit_social.csv", brand="Kopi Senja", default_tz="Asia/Jakarta")
    assert result.format == "nolimit"
    m = result.mentions
    post = _row(m, "1790000000000000001")
    assert post["text"] == "Kopi Senja basi, kecewa"  # the ' guard is gone
    assert post["url"] == "https://twitter.com/rina/status/1790000000000000001"  # https:/
    assert post["platform"] == "x" and post["source_sentiment"] == "negative"
    assert post["published_at"] == dt.datetime(2024, 5, 13, 12, 5, tzinfo=UTC)  # 19:05 WIB
    assert _row(m, "1790000000000000002")["parent_id"] == "1790000000000000001"


def test_nolimit_news_file() -> None:
    m = load_export(DATA / "nolimit_news.csv", brand="Kopi Senja").mentions
    row = m.row(0, named=True)
    assert (row["platform"], row["content_type"]) == ("news", "article")
    assert row["url"] == "https://news.example.id/a/1"
    assert row["title"] == "Kopi Senja tarik produk"


def test_hootsuite_posts_sheet_gmt_owned_platform_from_id_column() -> None:
    result = load_export(DATA / "hootsuite_posts.xlsx", brand="Kopi Senja")
    assert result.format == "hootsuite"
    first = _row(result.mentions, "18012345678901234")
    assert first["published_at"] == dt.datetime(2024, 5, 14, 2, 30, tzinfo=UTC)  # GMT
    assert first["platform"] == "instagram" and first["is_brand_post"] is True
    assert (first["likes"], first["comments"], first["impressions"], first["reach"]) == (
        1520,
        340,
        12400,
        9800,
    )


def test_tweet_harvest_resaved_by_indonesian_excel_id_recovered_from_url() -> None:
    # Excel (Indonesian settings) wrote ";" and the ids as 1,71235E+18
    result = load_export(DATA / "tweet_harvest_excel_semicolon.csv", brand="Kopi Senja")
    row = result.mentions.row(0, named=True)
    assert row["mention_id"] == "1712345678901234567"
    assert row["published_at"] == dt.datetime(2023, 10, 12, 3, 23, 53, tzinfo=UTC)
    assert "1 ids rounded by Excel recovered from the status URL" in result.notes


def test_tiktok_comment_scrapper_document_with_nested_replies() -> None:
    result = load_export(
        DATA / "tiktok_comments.json", brand="Kopi Senja", brand_handles=["kopisenja"]
    )
    assert result.format == "tiktok_comments"
    m = result.mentions
    assert m.height == 3  # two comments + one nested reply
    top = _row(m, "7360000000000000101")
    assert top["published_at"] == dt.datetime(2024, 5, 15, 13, 5, tzinfo=UTC)  # 20:05 WIB
    assert top["platform"] == "tiktok" and top["comments"] == 1
    assert top["url"] == "https://www.tiktok.com/@kopisenja/video/7360000000000000001"
    reply = _row(m, "7360000000000000102")
    assert reply["parent_id"] == "7360000000000000101" and reply["content_type"] == "reply"
    assert reply["is_brand_post"] is True  # the brand's handle


def test_every_registered_layout_has_its_loader_module() -> None:
    import importlib

    from analytics.load import FORMATS

    for name in FORMATS[:-1]:
        assert callable(importlib.import_module(f"analytics.load.{name}").load), name
