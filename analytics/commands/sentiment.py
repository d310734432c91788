"""``crisis-analytics sentiment``: score files and the store, train and evaluate models,
compare with the listening tools' own labels. The work happens in ``analytics.sentiment``;
these functions read arguments, call it and print.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from analytics.commands import labelling
from analytics.defaults import DEFAULT_STORE
from analytics.errors import InputDataError

LANG_HELP = "auto (detect per mention), id (Indonesian rules) or en (English VADER)."
TRUST_HELP = (
    "Load a --model made elsewhere (another machine or user, or changed since training): "
    "a model file can run code when loaded, so only for models whose source you trust."
)
WORKERS_HELP = "Processes for scoring (this machine's cores by default: 2)."


def _print_json(payload: dict[str, Any]) -> None:
    print(json.dumps(payload, ensure_ascii=False, default=str))


def score(
    file: Path = typer.Argument(..., help="CSV, TSV or Parquet file with a text column."),
    text_column: str = typer.Option(..., "--text-column", help="Column holding the text."),
    out: Path = typer.Option(..., "--out", help="Output Parquet file (written atomically)."),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
    brand: list[str] = typer.Option(
        [], "--brand", help="Brand name that carries no sentiment (repeat for several)."
    ),
    language_column: str | None = typer.Option(
        None, "--language-column", help="Column with the export's language, respected if set."
    ),
    model: Path | None = typer.Option(None, "--model", help="Model directory from `train`."),
    trust: bool = typer.Option(False, "--trust", help=TRUST_HELP),
    workers: int = typer.Option(2, "--workers", help=WORKERS_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Score a file: input columns + language, sentiment_compound/_label/_method."""
    import polars as pl

    if Path(out).is_dir():
        raise InputDataError(f"--out {out}: is a folder; expected the Parquet file to write")

    from analytics.atomic import atomic_path
    from analytics.sentiment.bulk import SCORE_COLUMNS, score_texts
    from analytics.sentiment.labelled import read_table, require_column

    table = read_table(file, keep_types=True)
    frame = table.frame
    require_column(frame.columns, text_column, file)
    if language_column is not None:
        require_column(frame.columns, language_column, file)
    texts = frame.get_column(text_column).cast(pl.Utf8).to_list()
    languages = (
        frame.get_column(language_column).cast(pl.Utf8).to_list() if language_column else None
    )
    _vouch(model, trust)
    scores = score_texts(
        texts, languages=languages, brand_names=brand, lang=lang, model_dir=model, workers=workers
    )
    replaced = [c for c in SCORE_COLUMNS if c in frame.columns]
    result = pl.concat([frame.drop(replaced), scores], how="horizontal")
    with atomic_path(out, suffix=".parquet") as tmp:
        result.write_parquet(tmp)
    summary = {
        "file": str(file),
        "out": str(out),
        "rows": result.height,
        "distinct_texts": len(set(texts)),
        "labels": _counts(scores.get_column("sentiment_label").to_list()),
        "methods": _counts(scores.get_column("sentiment_method").to_list()),
        "languages": _counts(scores.get_column("language").to_list()),
        "replaced_columns": replaced,
    }
    if as_json:
        _print_json(summary)
        return
    print(f"{file}: {result.height:,} rows scored ({summary['distinct_texts']:,} distinct texts)")
    print(f"  labels:    {_format_counts(summary['labels'])}")
    print(f"  methods:   {_format_counts(summary['methods'])}")
    print(f"  languages: {_format_counts(summary['languages'])}")
    if replaced:
        print(f"  note: existing column(s) {', '.join(replaced)} replaced by new scores")
    print(f"written to {out}")


def _counts(values: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        key = "none" if value is None else str(value)
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _format_counts(counts: dict[str, int]) -> str:
    return "  ".join(f"{key} {value:,}" for key, value in counts.items())


def evaluate(
    file: Path = typer.Argument(..., help="Labelled CSV/TSV/Parquet (TSV without header ok)."),
    text_column: str = typer.Option("text", "--text-column", help="Column holding the text."),
    label_column: str = typer.Option("label", "--label-column", help="Column holding labels."),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
    model: Path | None = typer.Option(None, "--model", help="Model directory from `train`."),
    trust: bool = typer.Option(False, "--trust", help=TRUST_HELP),
    brand: list[str] = typer.Option([], "--brand", help="Brand name without sentiment."),
    workers: int = typer.Option(2, "--workers", help=WORKERS_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Compare our labels with a labelled file: n, accuracy, macro-F1, per class, confusion."""
    from analytics.sentiment.bulk import score_texts
    from analytics.sentiment.labelled import read_labelled
    from analytics.sentiment.metrics import classification_report, format_report

    labelled = read_labelled(file, text_column=text_column, label_column=label_column)
    _vouch(model, trust)
    scores = score_texts(
        labelled.texts, brand_names=brand, lang=lang, model_dir=model, workers=workers
    )
    report = classification_report(labelled.labels, scores.get_column("sentiment_label").to_list())
    report |= {
        "file": str(file),
        "lang": lang,
        "model": str(model) if model else None,
        "methods": _counts(scores.get_column("sentiment_method").to_list()),
        "rejected": labelled.rejected.height,
        "rejected_reasons": labelled.rejected.get_column("reason").head(5).to_list(),
    }
    if labelled.note:
        report["note"] = labelled.note
    if as_json:
        _print_json(report)
        return
    print(
        format_report(
            report, title=f"{file} (lang {lang}{', model ' + str(model) if model else ''})"
        )
    )
    print(f"\nscorers used: {_format_counts(report['methods'])}")
    if labelled.note:
        print(f"note: {labelled.note}")
    if labelled.rejected.height:
        print(f"{labelled.rejected.height} row(s) set aside, e.g.:")
        for row in labelled.rejected.head(5).iter_rows(named=True):
            print(f"  data row {row['source_row']}: {row['reason']}")


def train(
    files: list[Path] = typer.Argument(
        ..., help="Labelled CSV/TSV/Parquet files, e.g. every batch from `sample` so far."
    ),
    text_column: str = typer.Option("text", "--text-column", help="Column holding the text."),
    label_column: str = typer.Option("label", "--label-column", help="Column holding labels."),
    out: Path = typer.Option(..., "--out", help="Model directory to write (atomically)."),
    name: str | None = typer.Option(None, "--name", help="Model name (default: --out's name)."),
    brand: list[str] = typer.Option([], "--brand", help="Brand name without sentiment."),
    rules: bool = typer.Option(
        True, "--rules/--no-rules", help="Add the rule-based scores as features."
    ),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds."),
    held_back: float = typer.Option(
        0.0,
        "--hold-back",
        help="Share of labels kept out of training and written to held_back.csv in --out "
        "(the review appendix measures accuracy on it; e.g. 0.2).",
    ),
    workers: int = typer.Option(2, "--workers", help=WORKERS_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Fit a domain model on analyst labels (all files together; a mention labelled in
    several batches counts once, with its latest label); report cross-validated macro-F1."""
    import polars as pl

    from analytics.atomic import atomic_path
    from analytics.commands.labelling import hold_back, read_batches
    from analytics.sentiment.model import train_model

    _check_model_out(out)
    labelled, ids = read_batches(files, text_column, label_column)
    if not labelled.texts:
        raise InputDataError(
            f"{labelled.source}: no labelled rows yet; fill the {label_column!r} column "
            "(positive, neutral or negative) first"
        )
    rows, held = hold_back(labelled.labels, held_back)
    model = train_model(
        [labelled.texts[i] for i in rows],
        [labelled.labels[i] for i in rows],
        name=name or out.name,
        rules=rules,
        folds=folds,
        brand_names=brand,
        source=labelled.source,
        workers=workers,
    )
    model.metadata["rejected_rows"] = labelled.rejected.height
    model.metadata["held_back"] = len(held)
    model.save(out)
    if held:
        frame = pl.DataFrame(
            {
                "mention_id": [ids[i] for i in held],
                "text": [labelled.texts[i] for i in held],
                "label": [labelled.labels[i] for i in held],
            },
            schema={"mention_id": pl.Utf8, "text": pl.Utf8, "label": pl.Utf8},
        )
        with atomic_path(Path(out) / "held_back.csv", suffix=".csv") as tmp:
            frame.write_csv(tmp)
    meta = model.metadata
    if as_json:
        _print_json({**meta, "out": str(out)})
        return
    counts = "  ".join(f"{k} {v}" for k, v in meta["label_counts"].items())
    print(f"trained {model.method} on {meta['n']} labelled mentions ({counts})")
    print(
        f"cross-validated macro-F1 {meta['cv_macro_f1']:.3f} "
        f"(+- {meta['cv_macro_f1_std']:.3f}, {meta['cv_folds']} folds)"
    )
    if held:
        print(f"{len(held)} label(s) held back in {Path(out) / 'held_back.csv'}")
    if labelled.rejected.height:
        print(f"{labelled.rejected.height} row(s) set aside (not labelled yet or unusable), e.g.:")
        for row in labelled.rejected.head(5).iter_rows(named=True):
            print(f"  {row['source_file']} data row {row['source_row']}: {row['reason']}")
    print(f"saved to {out}")


def store_command(
    brand: str | None = typer.Option(None, "--brand", help="Only this brand's mentions."),
    model: Path | None = typer.Option(None, "--model", help="Model directory from `train`."),
    trust: bool = typer.Option(False, "--trust", help=TRUST_HELP),
    alias: list[str] = typer.Option(
        [], "--alias", help="Another name of the brand that carries no sentiment (repeat)."
    ),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
    workers: int = typer.Option(2, "--workers", help=WORKERS_HELP),
    rescore: bool = typer.Option(
        False, "--rescore", help="Score all mentions again (e.g. with a newly trained --model)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Score the store's new mentions (those without a score yet), or all with --rescore.

    Each mention's own brand name is neutral; add other spellings with --alias. Reports
    read the stored scores and name the scorer that produced them.
    """
    from analytics.sentiment.bulk import score_store
    from analytics.store import Store

    if not Path(store).exists():
        raise InputDataError(f"--store {store}: no store there; run `crisis-analytics ingest`")
    _check_brand(Store(store), brand)
    _vouch(model, trust)
    scored = score_store(
        Store(store),
        brand=brand,
        model_dir=model,
        brand_names=alias,
        workers=workers,
        rescore=rescore,
    )
    if as_json:
        _print_json({"scored": scored, "brand": brand, "store": str(store)})
    else:
        what = "mention(s) re-scored" if rescore else "new mention(s) scored"
        print(f"{scored:,} {what}" + (f" for {brand}" if brand else ""))


def _vouch(model: Path | None, trust: bool) -> None:
    """--trust: the user vouches for this model folder, so it loads without the checks."""
    if model is not None and trust:
        from analytics.sentiment.model_trust import trust as vouch_for

        vouch_for(model)


def _check_model_out(out: Path) -> None:
    """--out replaces a model folder as a whole: never let it replace anything else."""
    out = Path(out)
    if not out.exists():
        return
    if out.is_dir() and ((out / "metadata.json").is_file() or not any(out.iterdir())):
        return  # an earlier model (retrained in place) or an empty folder
    what = "a file" if not out.is_dir() else "a folder that holds no model (no metadata.json)"
    raise InputDataError(
        f"--out {out}: is {what}; the model folder is replaced as a whole, so give a new "
        "folder or an earlier model's folder"
    )


def _check_brand(store, brand: str | None) -> None:
    """A --brand the store does not hold is a typo, not "0 mentions": say which it holds."""
    if brand is None:
        return
    store.require_brand(brand)


def agreement(
    brand: str | None = typer.Option(None, "--brand", help="Only this brand's mentions."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Agreement of our labels with the tools' own (source_sentiment): rate, kappa, matrix."""
    from analytics.sentiment.agreement import source_agreement
    from analytics.store import Store

    if not Path(store).exists():
        raise InputDataError(f"--store {store}: no store there; run `crisis-analytics ingest`")
    _check_brand(Store(store), brand)
    # only the three columns compared are read (Parquet projection), not the texts
    columns = ("source_sentiment", "sentiment_label", "source_tool")
    mentions = Store(store).mentions(brand).select(columns).collect()
    result = source_agreement(mentions)
    if as_json:
        _print_json(result)
        return
    print(
        f"mentions compared: {result['n_compared']:,} (tool unrated: "
        f"{result['n_tool_unrated']:,}, not scored by us: {result['n_unscored']:,})"
    )
    if not result["n_compared"]:
        print("nothing to compare: no mention has both the tool's label and ours")
        return
    kappa = "n/a" if result["kappa"] is None else f"{result['kappa']:.3f}"
    print(f"agreement {result['agreement']:.1%}   Cohen's kappa {kappa}")
    labels = result["labels"]
    print("confusion (rows = tool's label, columns = ours)")
    print(" " * 10 + "".join(f"{label:>10}" for label in labels))
    for label, row in zip(labels, result["confusion"], strict=True):
        print(f"{label:<10}" + "".join(f"{count:>10}" for count in row))
    for tool, figures in result.get("groups", {}).items():
        rate = figures["agreement"]
        print(
            f"  {tool}: {figures['n_compared']:,} compared, agreement "
            f"{'n/a' if rate is None else f'{rate:.1%}'}"
        )


def register(app: typer.Typer) -> None:
    """Add the ``sentiment`` sub-app (score, store, train, eval, agreement)."""
    sentiment = typer.Typer(
        help="Sentiment: score files and the store, train and evaluate models, tool agreement.",
        no_args_is_help=True,
    )
    sentiment.command("score")(score)
    sentiment.command("store")(store_command)
    sentiment.command("train")(train)
    sentiment.command("sample")(labelling.sample)
    sentiment.command("eval")(evaluate)
    sentiment.command("agreement")(agreement)
    app.add_typer(sentiment, name="sentiment")
