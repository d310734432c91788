"""Interaction network on 1,000,000 mentions: build + communities time, and the page weight
of the crisis review with the network view.

Synthetic conversation (seeded): 100,000 accounts in 40 planted communities; each mention
reposts (by reposted_id or an "RT @x:" prefix), quotes, replies (reply_to_account or
parent_id) or mentions an account, 85% of the time inside its own community. Timed:
``interaction_edges`` (polars), graph + Leiden communities + PageRank, betweenness (exact
on the 5,000 most connected accounts), and the whole ``interaction_network`` (with the
per-community terms). Baseline in the same run: networkx's Louvain on the same undirected
weighted graph (networkx is a dev dependency for this comparison). Every step prints wall
and CPU (process) seconds and the load average: the machine may be shared. Target: build +
communities under 20 s on 2 cores.

Usage: .venv/bin/python benchmarks/bench_network.py [N_MENTIONS] [REVIEW_HTML]
(REVIEW_HTML: a review made by `crisis-analytics demo`, to print its total page weight)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

ACCOUNTS = 100_000
COMMUNITIES = 40


def synthetic(n: int, seed: int = 0) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    author = rng.integers(0, ACCOUNTS, n)
    community = author % COMMUNITIES
    # targets: mostly within the author's community, a few "hub" accounts get most attention
    inside = rng.random(n) < 0.85
    hub_rank = np.minimum(rng.zipf(1.6, n), ACCOUNTS // COMMUNITIES) - 1
    target_comm = np.where(inside, community, rng.integers(0, COMMUNITIES, n))
    target = target_comm + COMMUNITIES * hub_rank
    ids = np.arange(n)
    # the referenced post: an earlier post of the target account when there is one
    first_post = pl.DataFrame({"a": author, "i": ids}).group_by("a").agg(pl.col("i").min())
    post_of = dict(zip(first_post["a"].to_list(), first_post["i"].to_list(), strict=True))
    ref = np.array([post_of.get(int(t), -1) for t in target])
    kind = rng.choice(["repost_id", "rt", "quote", "reply_acc", "reply_parent", "mention", "post"],
                      n, p=[0.2, 0.15, 0.05, 0.15, 0.1, 0.15, 0.2])  # fmt: skip
    handles = np.char.add("u", target.astype(str))
    text = np.where(kind == "rt", np.char.add(np.char.add("RT @", handles), ": saldo hilang #down"),
                    np.where(kind == "mention", np.char.add(np.char.add("@", handles), " parah"),
                             "transfer gagal lagi #down"))  # fmt: skip
    frame = pl.DataFrame(
        {
            "mention_id": ids.astype(str),
            "author": np.char.add("u", author.astype(str)),
            "text": text,
            "kind": kind,
            "ref": ref,
            "handle": handles,
            "sentiment_label": rng.choice(["negative", "neutral", "positive"], n),
        }
    )
    ref_text = pl.when(pl.col("ref") >= 0).then(pl.col("ref").cast(pl.Utf8))
    return frame.select(
        "mention_id",
        pl.lit("x").alias("platform"),
        "author",
        "text",
        pl.col("kind")
        .replace_strict({"repost_id": "repost", "quote": "quote"}, default="post")
        .alias("content_type"),
        pl.when(pl.col("kind") == "repost_id").then(ref_text).alias("reposted_id"),
        pl.when(pl.col("kind") == "quote").then(ref_text).alias("quoted_id"),
        pl.when(pl.col("kind") == "reply_parent").then(ref_text).alias("parent_id"),
        pl.when(pl.col("kind") == "reply_acc").then(pl.col("handle")).alias("reply_to_account"),
        "sentiment_label",
        pl.lit(False).alias("is_brand_post"),
    )


class Clock:
    """Wall and CPU (process) seconds of one step: on a shared machine the wall time grows
    with the other processes' load, the CPU time does not."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        spent = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return spent


def _row(name: str, spent: tuple[float, float], extra: str = "") -> None:
    print(f"  {name:<38} {spent[0]:7.1f} / {spent[1]:7.1f}  {extra}")


def _load() -> str:
    return (
        "load average "
        + " ".join(f"{v:.1f}" for v in os.getloadavg())
        + f" on {os.cpu_count()} cores"
    )


def main() -> None:
    import igraph as ig

    from analytics.measure.network import interaction_edges, interaction_network

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    mentions = synthetic(n)
    print(f"before: {_load()}")
    clock = Clock()
    edges = interaction_edges(mentions)
    built = clock.lap()
    accounts = sorted(set(edges["source"]) | set(edges["target"]))
    index = {a: i for i, a in enumerate(accounts)}
    pairs = zip(edges["source"], edges["target"], strict=True)
    graph = ig.Graph(n=len(accounts), edges=[(index[s], index[t]) for s, t in pairs], directed=True)
    graph.es["weight"] = edges["weight"].to_list()
    undirected = graph.as_undirected(mode="collapse", combine_edges="sum")
    graph_built = clock.lap()
    partition = undirected.community_leiden(
        objective_function="modularity", weights="weight", n_iterations=-1
    )
    leiden = clock.lap()
    graph.pagerank(weights="weight")
    pagerank = clock.lap()
    whole_clock = Clock()
    net = interaction_network(mentions)
    whole = whole_clock.lap()
    total = tuple(sum(x) for x in zip(built, graph_built, leiden, pagerank, strict=True))
    print(f"{n:,} mentions -> {len(accounts):,} accounts, {edges.height:,} typed edges "
          f"({undirected.ecount():,} undirected pairs)")  # fmt: skip
    print(f"  {'step':<38} {'wall s':>7} / {'CPU s':>7}")
    _row("edges (polars)", built)
    _row("igraph graph (directed + undirected)", graph_built)
    _row("Leiden communities (igraph)", leiden,
         f"{len(set(partition.membership))} communities, modularity "
         f"{partition.modularity:.3f}; planted {COMMUNITIES}")  # fmt: skip
    _row("PageRank", pagerank)
    _row("build + communities (+ PageRank)", total, "(target < 20 s on 2 cores)")  # type: ignore[arg-type]
    _row("whole interaction_network", whole, "(+ betweenness, terms, tables)")
    print(f"  notes: {' '.join(net.notes) or '-'}")
    import plotly.io as pio

    from analytics.measure.network import layout
    from analytics.report.network_view import network_chart

    view_clock = Clock()
    shown, shown_edges = layout(net)
    chart = pio.to_html(network_chart(shown, shown_edges, title="network"), full_html=False,
                        include_plotlyjs=False)  # fmt: skip
    _row("review view: layout + chart", view_clock.lap(),
         f"adds {len(chart.encode()) / 1e6:.2f} MB to the page ({shown.height:,} accounts, "
         f"{shown_edges.height:,} edges drawn)")  # fmt: skip
    if len(sys.argv) > 2:  # a review report.html made with the network view
        size = Path(sys.argv[2]).stat().st_size / 1e6
        print(f"  review page weight with the network: {size:.2f} MB ({sys.argv[2]})")
    print(f"after igraph: {_load()}")
    _networkx_baseline(undirected, leiden)
    print(f"after networkx: {_load()}")


def _networkx_baseline(undirected, leiden: tuple[float, float]) -> None:  # noqa: ANN001
    """networkx's Louvain on the same undirected weighted graph, same run: the issue asked
    for it "if it is fast enough: measure"."""
    try:
        import networkx as nx
    except ImportError:
        print("  baseline networkx Louvain: networkx not installed (scripts/install.sh --dev)")
        return
    clock = Clock()
    g = nx.Graph()
    g.add_nodes_from(range(undirected.vcount()))
    g.add_weighted_edges_from(
        (e.source, e.target, w) for e, w in zip(undirected.es, undirected.es["weight"], strict=True)
    )
    made = clock.lap()
    found = nx.community.louvain_communities(g, weight="weight", seed=0)
    louvain = clock.lap()
    membership = [0] * undirected.vcount()
    for number, community in enumerate(found):
        for node in community:
            membership[node] = number
    quality = undirected.modularity(membership, weights="weight")
    _row(f"networkx {nx.__version__} graph", made)
    _row("networkx Louvain communities", louvain,
         f"{len(found)} communities, modularity {quality:.3f}")  # fmt: skip
    print(f"  networkx Louvain / igraph Leiden: {louvain[0] / leiden[0]:.0f}x wall, "
          f"{louvain[1] / max(leiden[1], 1e-9):.0f}x CPU")  # fmt: skip


if __name__ == "__main__":
    main()
