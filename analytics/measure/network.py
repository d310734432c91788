"""Who amplifies whom: the interaction network of the accounts in a conversation.

Nodes are accounts (handles, lower case); a directed, typed, weighted edge goes from the
account that acts to the account it acts on:

* ``repost``: a repost/retweet (``reposted_id``, a repost's ``parent_id``, or an
  ``RT @x:`` prefix) points at the reposted post's author;
* ``quote``: ``quoted_id`` points at the quoted post's author;
* ``reply``: ``reply_to_account``, or a reply's ``parent_id`` -> that post's author;
* ``mention``: every other ``@handle`` in the text (not in reposts: their text, and its
  handles, are the original author's).

A reference to a post that is not in the data counts only when the export names the
account (``reply_to_account``, ``RT @x:``). Weight = how many times. Self-loops are dropped.

Communities: igraph's Leiden (C, modularity, seeded, run until stable, on the undirected
weighted graph): clusters that amplify each other. (The ``leidenalg`` package took about
ten times longer on the benchmark's graph, networkx's Louvain 17 times the CPU time for the
same modularity on 1M mentions: ``benchmarks/bench_network.py``; neither is used.) PageRank on
the directed graph ranks accounts by the attention that flows to them. Bridges: betweenness
on the undirected graph; above ``EXACT_BETWEENNESS`` accounts it is computed on the induced
graph of that many accounts with the most interactions (an approximation, said in
``Network.notes``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from analytics.measure.audience import brand_post

EDGE_TYPES = ("repost", "quote", "reply", "mention")
EXACT_BETWEENNESS = 5_000
TOP_ACCOUNTS = 5
TOP_TERMS = 5
_HANDLE = r"(?:^|[^\w@/])@\w{1,30}"
_RT = r"^RT @(\w{1,30}):?"
REPOST_TYPES = ("repost",)


@dataclass
class Network:
    """The interaction network: accounts, typed edges, communities and bridges."""

    accounts: pl.DataFrame  # account, community, pagerank, betweenness, posts, negative_share,
    # coordinated, interactions
    edges: pl.DataFrame  # source, target, type, weight
    communities: pl.DataFrame  # community, size, top_accounts, negative_share, top_terms,
    # top_hashtags, coordinated_share
    bridges: pl.DataFrame  # account, betweenness, community, neighbour_communities
    notes: list[str] = field(default_factory=list)


def _lower_author() -> pl.Expr:
    return pl.col("author").str.to_lowercase().str.strip_prefix("@")


def interaction_edges(mentions: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Typed, weighted edges (source, target, type, weight) from the reference fields."""
    lazy = mentions.lazy()
    names = lazy.collect_schema().names()
    for column in ("reply_to_account", "quoted_id", "reposted_id", "parent_id", "content_type"):
        if column not in names:
            lazy = lazy.with_columns(pl.lit(None, pl.Utf8).alias(column))
    base = lazy.filter(pl.col("author").is_not_null()).select(
        _lower_author().alias("source"),
        "platform",
        "mention_id",
        pl.col("text").fill_null(""),
        pl.col("content_type").fill_null("").str.to_lowercase().alias("kind"),
        "reply_to_account",
        "quoted_id",
        "reposted_id",
        "parent_id",
    )
    authors = lazy.filter(pl.col("author").is_not_null()).select(
        "platform", pl.col("mention_id").alias("ref"), _lower_author().alias("target")
    ).unique(["platform", "ref"])  # fmt: skip
    repost_ref = pl.coalesce(
        "reposted_id", pl.when(pl.col("kind").is_in(REPOST_TYPES)).then(pl.col("parent_id"))
    )
    reply_ref = pl.when(~pl.col("kind").is_in([*REPOST_TYPES, "quote"])).then(pl.col("parent_id"))
    rt_handle = pl.col("text").str.extract(_RT, 1).str.to_lowercase()

    def by_reference(ref: pl.Expr, kind: str) -> pl.LazyFrame:
        refs = base.select("source", "platform", "mention_id", ref.alias("ref")).drop_nulls("ref")
        return refs.join(authors, on=["platform", "ref"]).select(
            "source", "mention_id", "target", pl.lit(kind).alias("type")
        )

    rt_edges = base.select(
        "source", "mention_id", rt_handle.alias("target"), pl.lit("repost").alias("type")
    )
    reposts = pl.concat([by_reference(repost_ref, "repost"), rt_edges])
    replies = pl.concat(
        [
            base.select(
                "source", "mention_id",
                pl.col("reply_to_account").str.to_lowercase().str.strip_prefix("@").alias("target"),
                pl.lit("reply").alias("type"),
            ),
            by_reference(reply_ref, "reply"),
        ]
    )  # fmt: skip
    quotes = by_reference(pl.col("quoted_id"), "quote")
    # one edge per post and kind: a reply named twice (field and parent) counts once
    typed = (
        pl.concat([reposts, quotes, replies])
        .drop_nulls("target")
        .unique(["mention_id", "source", "type"], keep="first", maintain_order=True)
    )
    # a repost's text is the original's: its @handles are the original author's mentions
    handles = (
        base.filter(~pl.col("kind").is_in(REPOST_TYPES) & rt_handle.is_null())
        .select(
            "source",
            "mention_id",
            pl.col("text").str.extract_all(_HANDLE).alias("target"),
            rt_handle.alias("rt"),
        )
        .explode("target")
        .drop_nulls("target")
        .with_columns(pl.col("target").str.replace(r"^[^@]*@", "").str.to_lowercase())
    )
    # @handles that are not already the post's repost/reply/quote target are mentions
    mentions_only = handles.join(
        typed.select("mention_id", "target"), on=["mention_id", "target"], how="anti"
    ).select("source", "mention_id", "target", pl.lit("mention").alias("type"))
    return (
        pl.concat([typed, mentions_only])
        .filter(pl.col("source") != pl.col("target"))
        .group_by("source", "target", "type")
        .agg(pl.len().alias("weight"))
        .sort(["source", "target", "type"])
        .collect()
    )


def _top(values: Iterable[tuple[str, float]], n: int) -> str:
    ranked = sorted(values, key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(name for name, _ in ranked)


def interaction_network(
    mentions: pl.DataFrame,
    *,
    brand_handles: Sequence[str] = (),
    coordinated_accounts: Iterable[str] = (),
    seed: int = 0,
) -> Network:
    """The network of ``mentions`` with communities, PageRank and bridges (see module doc).

    ``coordinated_accounts``: handles with coordination signals (e.g. the authors of
    ``coordination.copy_paste_clusters``); each community reports their share.
    """
    import igraph as ig

    notes: list[str] = []
    edges = interaction_edges(mentions)
    accounts = sorted(set(edges["source"]) | set(edges["target"]))
    if not accounts:
        empty_accounts = pl.DataFrame(schema={"account": pl.Utf8, "community": pl.Int64})
        note = "No interactions (replies, reposts, quotes, @mentions) in these mentions."
        return Network(empty_accounts, edges, pl.DataFrame(), pl.DataFrame(), [note])
    index = {a: i for i, a in enumerate(accounts)}
    pairs = list(zip(edges["source"].to_list(), edges["target"].to_list(), strict=True))
    weights = edges["weight"].to_list()
    directed = ig.Graph(
        n=len(accounts), edges=[(index[s], index[t]) for s, t in pairs], directed=True
    )
    directed.es["weight"] = weights
    undirected = directed.as_undirected(mode="collapse", combine_edges="sum")
    with _seeded(seed):
        partition = undirected.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1
        )
    membership = np.asarray(partition.membership)
    # communities numbered by size (1 = largest), ties by their best-ranked account's name
    pagerank = np.asarray(directed.pagerank(weights="weight", directed=True))
    betweenness = _betweenness(undirected, notes)
    strength = np.asarray(undirected.strength(weights="weight"))
    frame = pl.DataFrame(
        {
            "account": accounts,
            "raw_community": membership,
            "pagerank": pagerank,
            "betweenness": betweenness,
            "interactions": strength.astype(np.int64),
        }
    )
    order = (
        frame.group_by("raw_community")
        .agg(pl.len().alias("n"), pl.col("account").sort().first().alias("first"))
        .sort(["n", "first"], descending=[True, False])
        .with_row_index("community", offset=1)
        .select("raw_community", pl.col("community").cast(pl.Int64))
    )
    frame = frame.join(order, on="raw_community").drop("raw_community")
    per_account = _account_stance(mentions, brand_handles)
    coordinated = {a.lower().lstrip("@") for a in coordinated_accounts}
    frame = (
        frame.join(per_account, on="account", how="left")
        .with_columns(pl.col("account").is_in(list(coordinated)).alias("coordinated"))
        .sort(["community", "pagerank", "account"], descending=[False, True, False])
    )
    return Network(
        frame,
        edges,
        _communities(frame, mentions),
        _bridges(frame, undirected, index),
        notes,
    )


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """igraph's random choices (Leiden's node order, layouts) from a seeded generator."""
    import igraph as ig

    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def _betweenness(graph, notes: list[str]) -> np.ndarray:  # noqa: ANN001 - igraph.Graph
    n = graph.vcount()
    if n <= EXACT_BETWEENNESS:
        return np.asarray(graph.betweenness(directed=False), dtype=float)
    keep = np.argsort(-np.asarray(graph.strength(weights="weight")), kind="stable")
    keep = np.sort(keep[:EXACT_BETWEENNESS])
    values = np.zeros(n)
    values[keep] = graph.induced_subgraph(keep.tolist()).betweenness(directed=False)
    notes.append(
        f"Bridges (betweenness) were measured among the {EXACT_BETWEENNESS:,} accounts with the "
        f"most interactions out of {n:,}, an approximation for a network this large."
    )
    return values


def _account_stance(mentions: pl.DataFrame, brand_handles: Sequence[str]) -> pl.DataFrame:
    """Per account: customer posts and the negative share of its scored posts."""
    label = pl.col("sentiment_label") if "sentiment_label" in mentions.columns else pl.lit(None)
    return (
        mentions.filter(pl.col("author").is_not_null() & ~brand_post(brand_handles))
        .group_by(_lower_author().alias("account"))
        .agg(
            pl.len().alias("posts"),
            (label == "negative").sum().alias("negative"),
            label.is_not_null().sum().alias("scored"),
        )
        .with_columns(
            pl.when(pl.col("scored") > 0)
            .then(pl.col("negative") / pl.col("scored"))
            .alias("negative_share")
        )
    )


def _communities(accounts: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per community: size, top accounts (PageRank), negative share of its scored
    posts, top terms and hashtags of its posts, share of accounts with coordination signals."""
    from analytics.measure.terms import term_uses

    posts = mentions.filter(pl.col("author").is_not_null()).select(
        _lower_author().alias("account"), pl.col("text")
    ).join(accounts.select("account", "community"), on="account")  # fmt: skip
    uses = term_uses(posts.get_column("text")).join(
        posts.with_row_index("doc").select(pl.col("doc").cast(pl.UInt32), "community"), on="doc"
    )
    rows = []
    for community, members in accounts.group_by("community", maintain_order=True):
        key = community[0]
        scored = members.get_column("scored").fill_null(0).sum()
        negative = members.get_column("negative").fill_null(0).sum()
        used = uses.filter(pl.col("community") == key).group_by("term", "kind").len()
        words = used.filter(pl.col("kind") == "word").iter_rows()
        tags = used.filter(pl.col("kind") == "hashtag").iter_rows()
        rows.append(
            {
                "community": key,
                "size": members.height,
                "top_accounts": _top(
                    zip(members["account"], members["pagerank"], strict=True), TOP_ACCOUNTS
                ),
                "negative_share": negative / scored if scored else None,
                "top_terms": _top(((t, n) for t, _, n in words), TOP_TERMS),
                "top_hashtags": _top(((t, n) for t, _, n in tags), TOP_TERMS),
                "coordinated_share": float(members.get_column("coordinated").mean()),
            }
        )
    return pl.DataFrame(rows).sort("community")


def _bridges(accounts: pl.DataFrame, graph, index: dict[str, int]) -> pl.DataFrame:  # noqa: ANN001
    """Accounts with the highest betweenness, with the communities they connect."""
    community = dict(zip(accounts["account"], accounts["community"], strict=True))
    names = list(index)
    rows = []
    top = accounts.filter(pl.col("betweenness") > 0).sort(
        ["betweenness", "account"], descending=[True, False]
    ).head(10)  # fmt: skip
    for account, value in zip(top["account"], top["betweenness"], strict=True):
        neighbours = {community[names[v]] for v in graph.neighbors(index[account])}
        others = sorted(neighbours - {community[account]})
        rows.append({"account": account, "betweenness": value, "community": community[account],
                     "neighbour_communities": ", ".join(map(str, others))})  # fmt: skip
    schema = {"account": pl.Utf8, "betweenness": pl.Float64, "community": pl.Int64,
              "neighbour_communities": pl.Utf8}  # fmt: skip
    return pl.DataFrame(rows, schema=schema)


def layout(
    net: Network, *, max_nodes: int = 1_000, seed: int = 0
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Positions for a drawing: (accounts with ``x``, ``y``; edges among them).

    The ``max_nodes`` accounts with the highest PageRank are laid out (Fruchterman-Reingold,
    seeded, so the picture is the same on every run); the rest would be noise at this size.
    """
    import igraph as ig

    shown = net.accounts.sort(["pagerank", "account"], descending=[True, False]).head(max_nodes)
    names = shown.get_column("account").to_list()
    index = {a: i for i, a in enumerate(names)}
    edges = net.edges.filter(pl.col("source").is_in(names) & pl.col("target").is_in(names))
    graph = ig.Graph(
        n=len(names),
        edges=[(index[s], index[t]) for s, t in zip(edges["source"], edges["target"], strict=True)],
    )
    with _seeded(seed):
        coords = np.asarray(graph.layout_fruchterman_reingold(niter=500).coords, dtype=float)
    coords = np.round(coords.reshape(len(names), 2), 2)  # 2 decimals: a lighter page
    return shown.with_columns(pl.Series("x", coords[:, 0]), pl.Series("y", coords[:, 1])), edges
