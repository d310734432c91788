"""Fightin' words (Monroe et al. 2008) and tokenising Indonesian/English social text."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from analytics.errors import AnalysisError
from analytics.measure.terms import count_terms, fightin_words, rising_terms
from analytics.schema import MENTION_SCHEMA, conform

BASE = datetime(2024, 3, 1, tzinfo=UTC)
CRISIS = datetime(2024, 3, 5, tzinfo=UTC)


def counts(pairs: dict[str, int]) -> pl.DataFrame:
    return pl.DataFrame(
        {"term": list(pairs), "kind": ["word"] * len(pairs), "count": list(pairs.values())}
    )


def test_log_odds_with_informative_prior_by_hand():
    scores = fightin_words(counts({"a": 3, "b": 1}), counts({"a": 1, "b": 3}), prior_weight=0.5)
    # n_f = n_b = 4 -> alpha_0 = 0.5 * 4 = 2; pooled a = b = 4 of 8 -> alpha_a = alpha_b = 1
    # delta_a = ln((3+1)/(4+2-3-1)) - ln((1+1)/(4+2-1-1)) = ln(4/2) - ln(2/4) = 2 ln 2
    # var_a = 1/4 + 1/2 -> z_a = 2 ln 2 / sqrt(3/4) = 1.6008; b is the mirror image
    z = dict(zip(scores.get_column("term"), scores.get_column("z"), strict=True))
    assert z["a"] == pytest.approx(2 * math.log(2) / math.sqrt(3 / 4))
    assert z["b"] == pytest.approx(-z["a"])


def test_tokens_kinds_stopwords_urls_and_handles():
    texts = pl.Series(
        ["Yang gak rusak, the product TUMPAH!! #BoikotMinyak 😡😡 https://t.co/x @brandid 2024"]
    )
    found = {(r["term"], r["kind"], r["count"]) for r in count_terms(texts).to_dicts()}
    # stopwords (yang, gak, the), the URL, the @handle and the bare number are gone;
    # the doubled emoji counts once because counts are texts using the term
    assert found == {
        ("rusak", "word", 1),
        ("product", "word", 1),
        ("tumpah", "word", 1),
        ("#boikotminyak", "hashtag", 1),
        ("😡", "emoji", 1),
    }


def test_repeated_texts_count_once_per_copy_and_order_by_count_then_term():
    # distinct texts are split once and weighted by their copies: a text posted three
    # times counts three times, a missing text counts nowhere
    texts = pl.Series(["saldo hilang", None, "Saldo HILANG", "saldo aman", "saldo hilang"])
    found = count_terms(texts)
    assert found.to_dicts() == [
        {"term": "saldo", "kind": "word", "count": 4},
        {"term": "hilang", "kind": "word", "count": 3},
        {"term": "aman", "kind": "word", "count": 1},
    ]
    assert found.schema["count"] == pl.DataFrame({"a": [1]}).select(pl.len()).schema["len"]


def mentions_for_rising() -> pl.DataFrame:
    baseline = ["promo harga murah hari ini"] * 10 + ["kemasan bocor"]
    crisis = (
        ["minyak tumpah kemasan bocor #boikot 😡"] * 8
        + ["tumpah lagi parah"] * 4
        + ["promo harga murah"] * 2
        + ["zebra lucu"]
    )
    rows = [
        {
            "mention_id": f"b{i}",
            "platform": "x",
            "text": t,
            "published_at": BASE + timedelta(minutes=i),
            "is_brand_post": False,
        }
        for i, t in enumerate(baseline)
    ] + [
        {
            "mention_id": f"c{i}",
            "platform": "x",
            "text": t,
            "published_at": CRISIS + timedelta(minutes=i),
            "is_brand_post": False,
        }
        for i, t in enumerate(crisis)
    ]
    # the brand's own post full of "tumpah" must not count
    rows.append(
        {
            "mention_id": "own",
            "platform": "x",
            "text": "tumpah " * 5,
            "published_at": CRISIS,
            "is_brand_post": True,
        }
    )
    return conform(pl.DataFrame(rows), MENTION_SCHEMA)


def test_planted_crisis_term_first_and_rare_word_not_above_frequent_riser():
    result = rising_terms(
        mentions_for_rising(),
        focus=(CRISIS, CRISIS + timedelta(days=1)),
        baseline=(BASE, BASE + timedelta(days=1)),
        min_z=-10,
    )
    words = result.filter(pl.col("kind") == "word").get_column("term").to_list()
    # tumpah: 12 crisis / 0 baseline, the most frequent new word -> first
    assert words[0] == "tumpah"
    # zebra (1 / 0) must rank below bocor (8 / 1): n_f = 64, n_b = 32, alpha_0 = 16,
    # alpha = 16 * pooled / 96; by hand z_zebra = 0.55, z_bocor = 1.26, z_tumpah = 2.10
    assert words.index("bocor") < words.index("zebra")
    # tumpah: pooled 12 -> alpha = 2; delta = ln(14 / (64 + 16 - 14)) - ln(2 / (32 + 16 - 2))
    tumpah = result.filter(pl.col("term") == "tumpah").row(0, named=True)
    by_hand = (math.log(14 / 66) - math.log(2 / 46)) / math.sqrt(1 / 14 + 1 / 2)
    assert tumpah["z"] == pytest.approx(by_hand)
    # promo fell (2 vs 10) -> negative z, listed last among the words
    assert words[-1] in {"promo", "harga", "murah"}
    assert result.filter(pl.col("kind") == "hashtag").get_column("term").to_list() == ["#boikot"]
    assert result.filter(pl.col("kind") == "emoji").get_column("term").to_list() == ["😡"]


def test_default_threshold_keeps_only_sure_risers():
    result = rising_terms(
        mentions_for_rising(),
        focus=(CRISIS, CRISIS + timedelta(days=1)),
        baseline=(BASE, BASE + timedelta(days=1)),
    )
    # n_f = 64, n_b = 32, alpha_w = pooled / 6. A term new in the crisis with c mentions:
    # z = [ln((7c/6) / (80 - 7c/6)) - ln((c/6) / (48 - c/6))] / sqrt(6/(7c) + 6/c), which
    # grows with c: c = 12 (tumpah) 2.10; c = 8 (minyak, #boikot, 😡) 1.65; c = 4 (parah)
    # 1.13; bocor and kemasan (8 vs 1) 1.26. Only tumpah clears 1.96 (an empty result or a
    # threshold that is not applied fails here)
    assert result.select("kind", "term").rows() == [("word", "tumpah")]
    assert (result.get_column("z") >= 1.96).all()


def test_empty_period_is_a_clear_message():
    with pytest.raises(AnalysisError, match="no customer mentions in the baseline period"):
        rising_terms(
            mentions_for_rising(),
            focus=(CRISIS, CRISIS + timedelta(days=1)),
            baseline=(BASE - timedelta(days=30), BASE - timedelta(days=29)),
        )
