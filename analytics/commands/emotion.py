"""``crisis-analytics emotion``: evaluate the emotion model on a labelled file, label the
store's mentions. The work happens in ``analytics.sentiment.emotion``."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from analytics.defaults import DEFAULT_STORE
from analytics.errors import InputDataError


def evaluate(
    file: Path = typer.Argument(..., help="Labelled CSV/TSV/Parquet."),
    text_column: str = typer.Option("text", "--text-column", help="Column holding the text."),
    label_column: str = typer.Option("label", "--label-column", help="Column holding labels."),
    model: Path | None = typer.Option(
        None, "--model", help="Emotion model .npz (default: shipped)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Compare the emotion model with a labelled file: n, accuracy, macro-F1, per class.

    Labels: anger, fear, sadness, joy (or happy), love, none. A file without "none" labels
    (EmoT has none) is scored as a forced choice among the emotions it holds.
    """
    import polars as pl

    from analytics.sentiment.emotion import (
        EMOTION_LABELS,
        NOT_SCORED_REASON,
        load_emotion_model,
        normalize_emotion,
    )
    from analytics.sentiment.labelled import read_table, require_column
    from analytics.sentiment.language import detect_language
    from analytics.sentiment.metrics import classification_report, format_report

    frame = read_table(file).frame
    require_column(frame.columns, text_column, file)
    require_column(frame.columns, label_column, file)
    texts = frame.get_column(text_column).cast(pl.Utf8).to_list()
    raw = frame.get_column(label_column).cast(pl.Utf8).to_list()
    labels = [normalize_emotion(v) for v in raw]
    usable = [i for i, (t, y) in enumerate(zip(texts, labels, strict=True)) if t and y]
    rejected = len(texts) - len(usable)
    if not usable:
        raise InputDataError(
            f"{file}: column {label_column!r} holds no usable emotion label; expected "
            f"{', '.join(EMOTION_LABELS)} (found e.g. {raw[:3]})"
        )
    truth = [labels[i] for i in usable]
    forced = "none" not in truth
    predicted = load_emotion_model(model).predict([texts[i] for i in usable], forced=forced)
    # classes in the truth or the predictions, as sklearn's macro average counts them
    present = [e for e in EMOTION_LABELS if e in {*truth, *predicted}]
    report = classification_report(truth, predicted, labels=present)
    not_indonesian = sum(detect_language(texts[i]).language != "id" for i in usable)
    report |= {
        "file": str(file),
        "model": str(model) if model else "shipped",
        "forced_choice": forced,
        "rejected": rejected,
        "not_indonesian": not_indonesian,
    }
    if as_json:
        print(json.dumps(report, ensure_ascii=False, default=str))
        return
    print(format_report(report, title=f"{file} (emotion)"))
    if forced:
        print('note: no "none" labels in the file: scored as a forced choice among its emotions')
    if report["not_indonesian"]:
        print(f"note: {report['not_indonesian']:,} of {len(usable):,} texts are not Indonesian; "
              f"the model is Indonesian only. {NOT_SCORED_REASON}.")  # fmt: skip
    if rejected:
        print(f"{rejected} row(s) set aside (empty text or a label that is not an emotion)")


def store_command(
    brand: str | None = typer.Option(None, "--brand", help="Only this brand's mentions."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store directory."),
    model: Path | None = typer.Option(
        None, "--model", help="Emotion model .npz (default: shipped)."
    ),
    rescore: bool = typer.Option(False, "--rescore", help="Label all mentions again."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
) -> None:
    """Label the store's Indonesian mentions with an emotion; English and other languages are
    not emotion-scored (no openly licensed English emotion data; see docs/sentiment.md)."""
    from analytics.commands.sentiment import _check_brand
    from analytics.sentiment.emotion import NOT_SCORED_REASON, emotion_store
    from analytics.store import Store

    if not Path(store).exists():
        raise InputDataError(f"--store {store}: no store there; run `crisis-analytics ingest`")
    _check_brand(Store(store), brand)
    done = emotion_store(Store(store), brand=brand, rescore=rescore, model=model)
    if as_json:
        print(json.dumps({"labelled": done.labelled, "not_scored": done.not_scored,
                          "not_scored_reason": NOT_SCORED_REASON if done.not_scored else None,
                          "brand": brand, "store": str(store)}))  # fmt: skip
        return
    print(f"{done.labelled:,} Indonesian mention(s) labelled with an emotion"
          + (f" for {brand}" if brand else ""))  # fmt: skip
    if done.not_scored:
        print(f"{done.not_scored:,} mention(s) left without an emotion. {NOT_SCORED_REASON}.")


def register(app: typer.Typer) -> None:
    """Add the ``emotion`` sub-app (eval, store)."""
    emotion = typer.Typer(
        help="Emotions: evaluate the model, label the store.", no_args_is_help=True
    )
    emotion.command("eval")(evaluate)
    emotion.command("store")(store_command)
    app.add_typer(emotion, name="emotion")
