"""SCCT coding (Coombs 2007 postures) from type, description, or by hand."""

from __future__ import annotations

import polars as pl

from analytics.measure.strategy import STRATEGIES, code_strategies, scct_table, strategy_for
from analytics.schema import EVENT_SCHEMA


def test_type_mapping_follows_coombs_2007():
    assert strategy_for("apology") == "rebuild"
    assert strategy_for("Compensation") == "rebuild"
    assert strategy_for("fix") == "rebuild"
    assert strategy_for("clarification") == "deny"
    assert strategy_for("excuse") == "diminish"
    assert strategy_for("influencer post") == "bolster"
    # a holding statement is the base response (adjusting information), not a posture,
    # even when its text happens to say sorry
    assert strategy_for("holding statement", "maaf, kami sedang cek") is None


def test_content_dependent_types_are_coded_from_the_description():
    assert strategy_for("ceo video", "CEO minta maaf secara langsung") == "rebuild"
    assert strategy_for("ceo video", "Kabar itu hoaks dan tidak benar") == "deny"
    assert strategy_for("ceo video", "Terima kasih atas dukungan pelanggan") == "bolster"
    assert strategy_for("ceo video", "Kunjungan ke pabrik") is None
    assert strategy_for("something new", None) is None


def test_hand_set_strategy_wins_and_blank_is_filled():
    events = pl.DataFrame(
        [
            {"time": None, "channel": "x", "type": "apology", "description": "", "strategy": None},
            {
                "time": None,
                "channel": "x",
                "type": "apology",
                "description": "",
                "strategy": "bolster",
            },
        ],
        schema=EVENT_SCHEMA,
    )
    assert code_strategies(events).get_column("strategy").to_list() == ["rebuild", "bolster"]


def test_table_only_uses_the_four_postures():
    used = {s for s in scct_table().get_column("strategy").to_list() if s is not None}
    assert used == set(STRATEGIES)
