"""Copy-paste clusters and account bursts on a planted buzzer campaign."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.measure.coordination import (
    _minhash,
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
    # five regular customers complain every hour from T0 - 30 h to T0 (each in their own
    # words): 31 posts each, negative, never new after their first post, never tiny
    own_words = [
        "Pesanan {} belum datang juga, kurirnya ke mana",
        "Refund {} belum masuk, CS tidak membalas sama sekali",
        "Aplikasi error terus waktu bayar tagihan ke {}",
        "Saldo terpotong {} kali tapi transaksi gagal",
        "Sudah telepon call center {} kali tidak diangkat",
    ]
    for u, words in enumerate(own_words):
        for hour in range(-30, 1):
            rows.append(
                {
                    "mention_id": f"r{u}_{hour}",
                    "author": f"regular{u}",
                    "text": words.format(hour + 40),
                    "published_at": T0 + timedelta(hours=hour, minutes=12 * u + 1),
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


def test_candidate_pairs_compared_in_slices_join_the_same_texts(monkeypatch):
    import analytics.measure.coordination as coordination

    texts = pl.Series(
        [
            "jangan beli minyak goreng merek ini lagi bikin sakit perut sekeluarga",
            "pesanan saya belum datang juga sudah tiga hari padahal sudah bayar lunas",
            "jangan beli minyak goreng merek ini lagi bikin sakit perut sekeluarga kami",
            "pesanan saya belum datang juga sudah tiga hari padahal sudah bayar lunas ya",
            "refund belum masuk dan cs tidak membalas sama sekali",
        ]
    )
    # one candidate pair at a time: the slices must join exactly the pairs one pass joins
    monkeypatch.setattr(coordination, "_PAIRS_AT_ONCE", 1)
    groups = near_duplicate_groups(texts, similarity=0.8)
    assert groups[0] == groups[2] and groups[1] == groups[3]
    assert len({groups[0], groups[1], groups[4]}) == 3


def test_planted_cluster_of_five_accounts_in_ten_minutes_is_found():
    clusters = copy_paste_clusters(campaign(), min_accounts=5, within=timedelta(minutes=10))
    assert clusters.height == 1
    found = clusters.row(0, named=True)
    assert sorted(found["mention_ids"]) == [f"buzz{k}" for k in range(5)]
    assert found["peak_accounts"] == 5 and found["peak_start"] == T0
    # the edits only differ in case, links, handles and punctuation -> one normalised text
    assert found["kind"] == "identical"
    # 5 of the 166 negative mentions (5 buzz + 6 reposts + 5 regulars x 31 hours)
    assert found["share_of_negative"] == pytest.approx(5 / 166)


def test_repeated_and_missing_texts_are_normalised_once_and_keep_their_rows():
    rows = [
        {
            "mention_id": f"copy{k}",
            "author": f"buzzer{k}",
            "text": SCRIPT,
            "published_at": T0 + timedelta(minutes=k),
            "sentiment_label": "negative",
        }
        for k in range(5)
    ]
    rows += [
        {"mention_id": f"blank{k}", "author": f"quiet{k}", "text": None, "published_at": T0}
        for k in range(5)
    ]
    clusters = copy_paste_clusters(frame(rows))
    # the five copies of one text form the cluster; texts that are missing join nothing
    assert clusters.height == 1
    found = clusters.row(0, named=True)
    assert found["mention_ids"] == [f"copy{k}" for k in range(5)]
    assert (found["mentions"], found["accounts"], found["negative"]) == (5, 5, 5)
    assert found["example_text"] == SCRIPT


def test_signals_take_the_clusters_already_found():
    mentions = campaign()
    within = timedelta(minutes=10)
    clusters = copy_paste_clusters(mentions, within=within)
    given = coordination_signals(mentions, within=within, clusters=clusters)
    assert given.equals(coordination_signals(mentions, within=within))
    # the given table is the one used: an empty one leaves only the bursts
    none = coordination_signals(mentions, within=within, clusters=clusters.clear())
    assert not none.get_column("signal").str.contains("copy-paste").any()
    assert given.get_column("signal").str.contains("copy-paste").sum() == 1


def test_slow_repetition_is_not_a_burst_but_is_with_a_long_span():
    long_span = copy_paste_clusters(campaign(), within=timedelta(days=5))
    assert long_span.height == 2
    ids = [sorted(ids) for ids in long_span.get_column("mention_ids").to_list()]
    assert [f"slow{k}" for k in range(5)] in ids


def test_new_and_tiny_account_bursts_against_the_previous_day():
    mentions = campaign()
    bursts = account_bursts(mentions, tiny_followers=100, min_mentions=5)
    # hour T0 holds 16 negatives: 5 buzzers (tiny, new), 6 reposters (new), 5 regulars.
    # tiny: the previous 24 h hold 120 negatives, none tiny -> expected 0, z = 5 / 1 = 5
    tiny = bursts.filter(pl.col("kind") == "tiny accounts").row(0, named=True)
    assert (tiny["period_start"], tiny["from_accounts"], tiny["negative"]) == (T0, 5, 16)
    assert tiny["expected"] == 0.0 and tiny["z"] == pytest.approx(5.0)
    # new: judged after the 24 h warm-up (from T0 - 6 h): 30 earlier negatives, none new ->
    # expected 0, z = 11
    new = bursts.filter(pl.col("kind") == "new accounts").row(0, named=True)
    assert (new["from_accounts"], new["z"]) == (11, pytest.approx(11.0))
    assert new["share_of_negative"] == pytest.approx(11 / 166)
    # with a stricter threshold neither is a burst
    assert account_bursts(mentions, z_threshold=12).is_empty()
    signals = coordination_signals(mentions, within=timedelta(minutes=10))
    assert sorted(signals.get_column("signal")) == [
        "identical copy-paste cluster",
        "new accounts burst",
        "tiny accounts burst",
    ]
    # union of the signals: the 11 new-account mentions (the 5 buzzers are among them)
    assert coordinated_negative_share(mentions, signals) == pytest.approx(11 / 166)


def test_authors_seen_in_history_are_not_new():
    mentions = campaign()
    history = frame(
        [
            {
                "mention_id": f"old{k}",
                "author": f"rt{k}",
                "text": "lama",
                "published_at": T0 - timedelta(days=40),
            }
            for k in range(6)
        ]
    )
    new = account_bursts(mentions, history=history).filter(pl.col("kind") == "new accounts")
    # the reposters were seen before: only the 5 buzzers are new in hour T0 (warm-up off,
    # so the regulars' first hour T0 - 30 h is judged too: 5 new of 5, no earlier hours)
    assert new.filter(pl.col("period_start") == T0).get_column("from_accounts").to_list() == [5]


def test_batches_give_the_same_signatures_as_one_pass():
    texts = pl.Series([SCRIPT, "pesanan belum datang", "", "x", SCRIPT.upper()] * 3)
    one_pass = _minhash(texts, num_perm=16, shingle=5, seed=1)
    in_batches = _minhash(texts, num_perm=16, shingle=5, seed=1, batch=4)
    assert (one_pass == in_batches).all()
    # identical normalised texts get identical signatures, different ones do not
    assert (one_pass[0] == one_pass[5]).all() and not (one_pass[0] == one_pass[1]).all()


def test_no_negative_mentions_gives_empty_tables_with_columns():
    calm = frame(
        [
            {
                "mention_id": "1",
                "author": "a",
                "text": "semua lancar hari ini terima kasih",
                "published_at": T0,
                "sentiment_label": "positive",
            }
        ]
    )
    bursts = account_bursts(calm)
    assert bursts.is_empty() and "share_of_negative" in bursts.columns
    assert coordination_signals(calm).is_empty()
    assert coordinated_negative_share(calm, coordination_signals(calm)) is None


def test_signals_use_history_and_quote_long_examples_shortened():
    mentions = campaign()
    history = frame(
        [
            {
                "mention_id": f"old{k}",
                "author": f"rt{k}",
                "text": "lama",
                "published_at": T0 - timedelta(days=40),
            }
            for k in range(6)
        ]
    )
    signals = coordination_signals(mentions, within=timedelta(minutes=10), history=history)
    new = signals.filter(pl.col("signal") == "new accounts burst")
    # with history the reposters are known: the T0 burst holds only the 5 buzzers
    assert new.filter(pl.col("start") == T0).get_column("mentions").to_list() == [5]
    cluster = signals.filter(pl.col("signal") == "identical copy-paste cluster").row(0, named=True)
    # SCRIPT is 70 characters: quoted whole, no ellipsis
    assert cluster["detail"] == f'5 accounts within the span; e.g. "{SCRIPT}"'


def test_candidate_pairs_are_deduplicated_in_order():
    import numpy as np

    from analytics.measure.coordination import _sorted_unique

    pairs = np.array([5, 1, 5, 3, 1, 9], dtype=np.int64)
    assert _sorted_unique(pairs).tolist() == [1, 3, 5, 9]
    assert _sorted_unique(np.array([7], dtype=np.int64)).tolist() == [7]
