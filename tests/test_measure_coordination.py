"""Copy-paste clusters and account bursts on a planted buzzer campaign."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.measure.coordination import (
    account_bursts,
    coordinated_negative_share,
    coordination_signals,
    copy_paste_clusters,
    near_duplicate_groups,
)
from analytics.schema import MENTION_SCHEMA, conform

T0 = datetime(2024, 3, 5, 12, tzinfo=UTC)
SCRIPT = "Jangan beli minyak goreng merek ini lagi, bikin sakit perut sekeluarga"


def frame(rows: list[dict]) -> pl.DataFrame:
    filled = [
        {"platform": "x", "is_brand_post": False, "author_followers": 1000, **r} for r in rows
    ]
    return conform(pl.DataFrame(filled), MENTION_SCHEMA).with_columns(
        pl.Series("sentiment_label", [r.get("sentiment_label") for r in filled], dtype=pl.Utf8)
    )


def campaign() -> pl.DataFrame:
    rows = []
    # planted: 5 accounts within 10 minutes, same script with small edits
    variants = [
        SCRIPT,
        SCRIPT + " https://t.co/abc",
        "@brandid " + SCRIPT.upper() + "!!!",
        SCRIPT.replace("sekeluarga", "sekeluarga."),
        SCRIPT.replace("lagi", "lagi,"),
    ]
    for k, text in enumerate(variants):
        rows.append(
            {
                "mention_id": f"buzz{k}",
                "author": f"buzzer{k}",
                "text": text,
                "published_at": T0 + timedelta(minutes=2 * k),
                "sentiment_label": "negative",
                "author_followers": 3,
            }
        )
    # a slogan repeated by 5 accounts, one per day: not a burst within an hour
    for k in range(5):
        rows.append(
            {
                "mention_id": f"slow{k}",
                "author": f"fan{k}",
                "text": "Semoga cepat pulih dan makin baik ke depannya",
                "published_at": T0 + timedelta(days=k),
                "sentiment_label": "positive",
            }
        )
    # six reposts of one post: sharing, not copy-paste
    for k in range(6):
        rows.append(
            {
                "mention_id": f"rt{k}",
                "author": f"rt{k}",
                "content_type": "repost",
                "text": "Minyak ini bikin sakit perut, hati hati semua ya",
                "published_at": T0 + timedelta(minutes=k),
                "sentiment_label": "negative",
            }
        )
    # ordinary complaints, all different
    for k in range(15):
        rows.append(
            {
                "mention_id": f"c{k}",
                "author": f"user{k}",
                "text": f"Pesanan nomor {k} saya belum datang juga sudah {k + 2} hari",
                "published_at": T0 - timedelta(hours=30 - k),
                "sentiment_label": "negative",
            }
        )
    return frame(rows)


def test_near_duplicates_group_and_different_texts_do_not():
    texts = pl.Series(
        [
            "jangan beli minyak goreng merek ini lagi bikin sakit perut sekeluarga",
            "jangan beli minyak goreng merek ini lagi bikin sakit perut sekeluarga kami",
            "pesanan saya belum datang juga sudah tiga hari",
        ]
    )
    groups = near_duplicate_groups(texts, similarity=0.8)
    # the first two share almost every 5-shingle (estimated Jaccard ~0.9); the third none
    assert groups[0] == groups[1] != groups[2]


def test_planted_cluster_of_five_accounts_in_ten_minutes_is_found():
    clusters = copy_paste_clusters(campaign(), min_accounts=5, within=timedelta(minutes=10))
    assert clusters.height == 1
    found = clusters.row(0, named=True)
    assert sorted(found["mention_ids"]) == [f"buzz{k}" for k in range(5)]
    assert found["peak_accounts"] == 5 and found["peak_start"] == T0
    # the edits only differ in case, links, handles and punctuation -> one normalised text
    assert found["kind"] == "identical"
    # 5 of the 26 negative mentions (5 buzz + 6 reposts + 15 complaints)
    assert found["share_of_negative"] == pytest.approx(5 / 26)


def test_slow_repetition_is_not_a_burst_but_is_with_a_long_span():
    long_span = copy_paste_clusters(campaign(), within=timedelta(days=5))
    assert long_span.height == 2
    ids = [sorted(ids) for ids in long_span.get_column("mention_ids").to_list()]
    assert [f"slow{k}" for k in range(5)] in ids


def test_tiny_account_burst_and_overall_share():
    mentions = campaign()
    bursts = account_bursts(mentions, tiny_followers=100, min_mentions=5)
    tiny = bursts.filter(pl.col("kind") == "tiny accounts")
    # only the buzzers (3 followers) are tiny: 5 of the 11 negatives in the 12:00 hour while
    # tiny accounts write 5/26 of all negatives -> expected 11 * 5/26 = 2.115,
    # z = (5 - 2.115) / max(sqrt(2.115 * 21/26), 1) = 2.885 / 1.307 = 2.21 -> below 3
    assert tiny.is_empty()
    lenient = account_bursts(mentions, tiny_followers=100, min_mentions=5, z_threshold=2.0)
    row = lenient.filter(pl.col("kind") == "tiny accounts").row(0, named=True)
    assert row["period_start"] == T0 and row["from_accounts"] == 5
    assert row["z"] == pytest.approx((5 - 11 * 5 / 26) / (11 * 5 / 26 * 21 / 26) ** 0.5)
    # "new" is judged after 24 h of data (from T0 - 6 h): the 5 buzzers and 6 reposters first
    # post at 12:00, so 11 of 11 negatives that hour are new while new accounts write 11/26
    # overall: expected 11 * 11/26 = 4.654, z = (11 - 4.654) / sqrt(4.654 * 15/26) = 3.87
    signals = coordination_signals(mentions, within=timedelta(minutes=10))
    assert set(signals.get_column("signal")) == {
        "identical copy-paste cluster",
        "new accounts burst",
    }
    burst = signals.filter(pl.col("signal") == "new accounts burst").row(0, named=True)
    assert burst["mentions"] == 11
    # union of both signals: the 11 new-account mentions (the 5 buzzers are among them)
    assert coordinated_negative_share(mentions, signals) == pytest.approx(11 / 26)
