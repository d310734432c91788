"""The interaction network on a hand-built 12-account conversation.

Two obvious communities and one bridge, every edge source used once or more:

* community A around ``ahub`` (its post p1): a1 reposts p1 (``reposted_id``), a2 reposts it
  (a repost's ``parent_id``), a3 writes "RT @ahub: ..." (prefix only), a4 quotes p1
  (``quoted_id``), a5 replies (``reply_to_account``) and mentions a4 (@handle);
* community B around ``bhub`` (post p2): b1 replies (``reply_to_account``), b2 replies by
  ``parent_id``, b3 "RT @bhub: ...", b4 mentions bhub and b1;
* ``bridge`` mentions ahub twice and bhub once: it belongs to A and links it to B.

Betweenness by hand (undirected, each pair once): bridge lies on every path between A's 6
accounts and B's 5: 30. ahub: the 9 non-adjacent pairs of a1..a5 (a4-a5 are linked) plus
a1..a5 to the 6 accounts beyond it: 39. bhub: 5 pairs of b1..b4 (b1-b4 linked) plus b1..b4
to the 7 beyond it: 33. Every other account: 0.
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from analytics.measure.network import interaction_edges, interaction_network

ROWS = [
    # mention_id, author, content_type, text, parent_id, reply_to_account, quoted_id,
    # reposted_id, sentiment_label
    ("p1", "ahub", "post", "Promo baru #NusaPay", None, None, None, None, "positive"),
    ("p2", "bhub", "post", "Gangguan lagi #NusaPayDown", None, None, None, None, "negative"),
    ("m1", "a1", "repost", "Promo baru #NusaPay", None, None, None, "p1", "positive"),
    ("m2", "a2", "repost", "Promo baru", "p1", None, None, None, "positive"),
    ("m3", "a3", "post", "RT @ahub: Promo baru #NusaPay", None, None, None, None, "positive"),
    ("m4", "a4", "quote", "mantap", "p1", None, "p1", None, "positive"),
    ("m5", "a5", "reply", "@ahub @a4 setuju", None, "ahub", None, None, "neutral"),
    ("m6", "b1", "reply", "@bhub saldo hilang", None, "bhub", None, None, "negative"),
    ("m7", "b2", "reply", "parah", "p2", None, None, None, "negative"),
    ("m8", "b3", "post", "RT @bhub: Gangguan lagi #NusaPayDown", None, None, None, None,
     "negative"),
    ("m9", "b4", "post", "@bhub @b1 parah banget #NusaPayDown", None, None, None, None,
     "negative"),
    ("m10", "bridge", "post", "@ahub @bhub kapan beres?", None, None, None, None, "neutral"),
    ("m11", "bridge", "post", "@ahub ditunggu", None, None, None, None, "neutral"),
]  # fmt: skip
COLUMNS = ["mention_id", "author", "content_type", "text", "parent_id", "reply_to_account",
           "quoted_id", "reposted_id", "sentiment_label"]  # fmt: skip
A = {"ahub", "a1", "a2", "a3", "a4", "a5", "bridge"}
B = {"bhub", "b1", "b2", "b3", "b4"}


@pytest.fixture
def mentions() -> pl.DataFrame:
    frame = pl.DataFrame(ROWS, schema=COLUMNS, orient="row")
    return frame.with_columns(
        platform=pl.lit("x"),
        brand=pl.lit("NusaPay"),
        is_brand_post=pl.lit(False),
        published_at=pl.lit(datetime(2026, 10, 13, tzinfo=UTC)),
    )


def test_edges_from_every_source_field(mentions: pl.DataFrame) -> None:
    edges = {tuple(r) for r in interaction_edges(mentions).iter_rows()}
    assert edges == {
        ("a1", "ahub", "repost", 1),  # reposted_id
        ("a2", "ahub", "repost", 1),  # a repost's parent_id
        ("a3", "ahub", "repost", 1),  # "RT @ahub:" (the handle is not also a mention)
        ("a4", "ahub", "quote", 1),  # quoted_id
        ("a5", "ahub", "reply", 1),  # reply_to_account (its @ahub is the reply, not a mention)
        ("a5", "a4", "mention", 1),
        ("b1", "bhub", "reply", 1),
        ("b2", "bhub", "reply", 1),  # a reply's parent_id
        ("b3", "bhub", "repost", 1),
        ("b4", "bhub", "mention", 1),
        ("b4", "b1", "mention", 1),
        ("bridge", "ahub", "mention", 2),  # weighted: two posts
        ("bridge", "bhub", "mention", 1),
    }


def test_communities_ranks_and_bridge(mentions: pl.DataFrame) -> None:
    net = interaction_network(mentions, coordinated_accounts=["b3", "@B4"])
    accounts = net.accounts
    groups = {c: set(accounts.filter(pl.col("community") == c)["account"]) for c in (1, 2)}
    assert groups == {1: A, 2: B}  # numbered by size
    rank = dict(zip(accounts["account"], accounts["pagerank"], strict=True))
    assert max(A, key=rank.__getitem__) == "ahub"
    assert max(B, key=rank.__getitem__) == "bhub"
    between = dict(zip(accounts["account"], accounts["betweenness"], strict=True))
    assert (between["ahub"], between["bhub"], between["bridge"]) == (39, 33, 30)
    assert all(between[a] == 0 for a in accounts["account"] if a not in {"ahub", "bhub", "bridge"})
    table = net.communities
    first, second = table.row(0, named=True), table.row(1, named=True)
    assert (first["size"], second["size"]) == (7, 5)
    assert first["top_accounts"].split(", ")[0] == "ahub"
    assert second["top_accounts"].split(", ")[0] == "bhub"
    # stance: A's 8 scored posts hold no negative one; all 5 of B's are negative
    assert (first["negative_share"], second["negative_share"]) == (0.0, 1.0)
    assert first["top_hashtags"] == "#nusapay" and second["top_hashtags"] == "#nusapaydown"
    assert (first["coordinated_share"], second["coordinated_share"]) == (0.0, 0.4)
    bridge = net.bridges.filter(pl.col("account") == "bridge").row(0, named=True)
    assert (bridge["community"], bridge["neighbour_communities"]) == (1, "2")
    assert net.notes == []  # small: betweenness exact


def test_network_command_json(tmp_path) -> None:
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from analytics.cli import _cli
    from analytics.store import Store

    # tests/data/load/brandwatch/references.csv: budi replies to KopiSenjaID (X Reply to),
    # ani reposts budi's post (X Repost of), citra quotes it (Parent Post Id of a quote)
    data = Path(__file__).parent / "data" / "load" / "brandwatch" / "references.csv"
    Store(tmp_path / "s").ingest([data], brand="Kopi Senja")
    args = ["crisis", "network", "--brand", "Kopi Senja", "--store", str(tmp_path / "s"), "--json"]
    result = CliRunner().invoke(_cli, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    # edges: budi->kopisenjaid reply (+ its @KopiSenjaID is that reply), ani->budi repost
    # (X Repost of, and its "RT @budi:" names the same post), citra->budi quote
    assert out["edge_types"] == {"reply": 1, "repost": 1, "quote": 1}
    assert out["accounts"] == 4
