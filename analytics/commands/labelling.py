"""``crisis-analytics sentiment sample`` and ``sentiment train`` on labelled batches: the
labelling loop (see docs/sentiment.md, "The labelling loop"). The choice of mentions
happens in ``analytics.sentiment.sampling``; training in ``analytics.sentiment.model``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import typer

from analytics.errors import InputDataError

BATCH_COLUMNS = ("mention_id", "text", "label")


def _labelled(files: list[Path]) -> tuple[set[str], list[str]]:
    """Mention ids and texts of earlier batches (files with mention_id and text columns)."""
    import polars as pl

    from analytics.sentiment.labelled import read_table, require_column

    ids: set[str] = set()
    texts: list[str] = []
    for file in files:
        frame = read_table(file).frame
        require_column(frame.columns, "mention_id", file)
        ids.update(v for v in frame.get_column("mention_id").cast(pl.Utf8).to_list() if v)
        if "text" in frame.columns:
            texts += [v for v in frame.get_column("text").cast(pl.Utf8).to_list() if v]
    return ids, texts


def sample(
    brand: str = typer.Option(..., "--brand", help="The brand whose mentions to label."),
    n: int = typer.Option(100, "--n", help="How many mentions to put in the batch."),
    strategy: str = typer.Option(
        "uncertain", "--strategy", help="uncertain (what the scorer is least sure of) or random."
    ),
    model: Path | None = typer.Option(
        None, "--model", help="Model directory from `train` (default: the stored scores)."
    ),
    labelled: list[Path] = typer.Option(
        [], "--labelled", help="An earlier batch; its mentions are not asked again (repeat)."
    ),
    out: Path = typer.Option(..., "--out", help="The batch CSV to write (mention_id,text,label)."),
    store: Path = typer.Option(Path("data/store"), "--store", help="Store directory."),
    seed: int = typer.Option(0, "--seed", help="Random seed (ties and --strategy random)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Write a batch of customer mentions to label: columns mention_id, text, label (empty).

    Near-duplicates (retweets, copy-paste) are asked about once; mentions in --labelled
    batches never again. Fill the label column (positive/neutral/negative) and pass all
    batches to `sentiment train`.
    """
    import polars as pl

    from analytics.atomic import atomic_path
    from analytics.measure.audience import brand_post
    from analytics.sentiment.model import MODEL_METHOD
    from analytics.sentiment.sampling import STRATEGIES, cutoff_uncertainty, pick
    from analytics.store import Store

    if strategy not in STRATEGIES:
        raise InputDataError(f"--strategy {strategy!r}: expected one of {', '.join(STRATEGIES)}")
    if n < 1:
        raise InputDataError(f"--n {n}: expected a positive number of mentions")
    if Path(out).is_dir():
        raise InputDataError(f"--out {out}: is a folder; expected the CSV file to write")
    if not Path(store).exists():
        raise InputDataError(f"--store {store}: no store there; run `crisis-analytics ingest`")
    st = Store(store)
    if brand is not None:
        st.require_brand(brand)  # a typo is not "0 mentions": the brands held are named
    done, done_texts = _labelled(labelled)
    mentions = (
        st.mentions(brand)
        .filter(~brand_post() & pl.col("text").is_not_null())
        .filter(~pl.col("mention_id").is_in(list(done)))
        .select("mention_id", "text", "sentiment_compound", "sentiment_method")
        .collect()
    )
    texts = mentions.get_column("text").to_list()
    uncertainty = None
    source = "random"
    if strategy == "uncertain" and model is not None:
        from analytics.sentiment.model import load_model
        from analytics.sentiment.sampling import margin_uncertainty

        trained = load_model(model)
        uncertainty = margin_uncertainty(trained.probabilities(texts)) if texts else []
        source = trained.method
    elif strategy == "uncertain":
        methods = mentions.get_column("sentiment_method").drop_nulls().unique().to_list()
        if any(m.startswith(MODEL_METHOD) for m in methods):
            uncertainty = cutoff_uncertainty(mentions.get_column("sentiment_compound").to_list())
            source = "stored scores (" + ", ".join(sorted(methods)) + ")"
        else:
            # the rule scorer's doubt picked worse first batches than chance (docs/sentiment.md)
            source = "no trained model yet: a diverse first batch"
    chosen = pick(
        texts, n, uncertainty=uncertainty, diverse=strategy == "uncertain", seed=seed,
        avoid=done_texts,
    )  # fmt: skip
    batch = mentions[chosen].select("mention_id", "text").with_columns(label=pl.lit(""))
    with atomic_path(out, suffix=".csv") as tmp:
        batch.write_csv(tmp)
    summary = {
        "out": str(out),
        "rows": batch.height,
        "strategy": strategy,
        "uncertainty_from": source if strategy == "uncertain" else None,
        "candidates": mentions.height,
        "excluded_labelled": len(done),
    }
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    how = strategy if strategy == "random" else f"{strategy}; {source}"
    if uncertainty is not None:
        how = f"{strategy}, uncertainty from {source}"
    print(f"{batch.height} mention(s) to label written to {out} ({how})")
    print(f"  chosen from {mentions.height:,} customer mentions; {len(done):,} already labelled")
    print("  fill the label column (positive / neutral / negative), then: crisis-analytics "
          "sentiment train BATCH.csv [MORE.csv ...] --out models/NAME")  # fmt: skip
    print(f"  or label it with buttons in JupyterLab: import analytics as ca; "
          f"ca.label_batch({str(out)!r})")  # fmt: skip


def read_batches(files: list[Path], text_column: str, label_column: str):  # noqa: ANN201
    """All labelled rows of several files as one ``Labelled`` (a later file's label of the
    same mention_id replaces an earlier one); rows without a label are set aside."""
    import polars as pl

    from analytics.sentiment.labelled import Labelled, read_labelled, read_table

    by_id: dict[str, tuple[str, str]] = {}
    unkeyed: list[tuple[str, str]] = []
    rejected = []
    notes = []
    for file in files:
        part = read_labelled(file, text_column=text_column, label_column=label_column)
        frame = read_table(file).frame
        ids = (
            frame.get_column("mention_id").cast(pl.Utf8).to_list()
            if "mention_id" in frame.columns
            else None
        )
        for text, label, row in zip(part.texts, part.labels, part.rows, strict=True):
            key = ids[row - 1] if ids else None
            if key:
                by_id[key] = (text, label)
            else:
                unkeyed.append((text, label))
        rejected.append(part.rejected)
        if part.note:
            notes.append(f"{Path(file).name}: {part.note}")
    pairs = [*by_id.items()] + [(None, p) for p in unkeyed]
    labelled = Labelled(
        [p[1][0] for p in pairs],
        [p[1][1] for p in pairs],
        list(range(1, len(pairs) + 1)),
        ", ".join(Path(f).name for f in files),
        pl.concat(rejected),
        "; ".join(notes),
    )
    return labelled, [p[0] for p in pairs]


def hold_back(labels: list[str], fraction: float, seed: int = 0) -> tuple[list[int], list[int]]:
    """(train rows, held-back rows): ``fraction`` of each label held back, at least one of
    each label kept for training."""
    if not 0 <= fraction < 1:
        raise InputDataError(f"--hold-back {fraction}: expected a fraction from 0 to below 1")
    rng = random.Random(seed)
    train: list[int] = []
    held: list[int] = []
    for label in sorted(set(labels)):
        rows = [i for i, y in enumerate(labels) if y == label]
        rng.shuffle(rows)
        k = min(int(round(len(rows) * fraction)), max(0, len(rows) - 2))
        held += rows[:k]
        train += rows[k:]
    return sorted(train), sorted(held)
