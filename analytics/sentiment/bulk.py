"""Scoring many mentions: language per mention, the right scorer, duplicates once, two cores.

Crisis data is full of repeats (retweets, copy-paste campaigns, bot waves), so identical
(text, brand, given language) triples are scored once and the result is fanned back out.
The work is spread over worker processes by ``pool``; each worker builds its scorers once
per brand. A progress bar shows on a terminal only.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path

import polars as pl

from analytics.errors import InputDataError
from analytics.progress import progress as progress_bar
from analytics.schema import SENTIMENT_SCHEMA
from analytics.sentiment.labels import label_expression
from analytics.sentiment.language import normalize_language
from analytics.sentiment.pool import run_items
from analytics.sentiment.worker import Item, Result

LANG_MODES = ("auto", "id", "en")
NO_TEXT_METHOD = "no-text"  # recorded so an image-only post is not re-scored forever
SCORE_COLUMNS = ("language", "sentiment_compound", "sentiment_label", "sentiment_method")
# store scoring: mentions read and scored at a time (bounds memory), scores saved per part
STORE_CHUNK_MENTIONS = 500_000
STORE_SAVE_ROWS = 1_000_000
# store scoring: distinct texts whose results are kept from one chunk to the next. Retweets
# and copy-paste campaigns repeat a text across the whole crisis, not only within one chunk;
# bounded so memory does not grow with the store (about 0.5 KB per entry)
STORE_MEMO_TEXTS = 400_000
_SCORING_INPUT = ("brand", "platform", "mention_id", "text", "title", "language")


def score_texts(
    texts: Sequence[str | None],
    *,
    brands: Sequence[str | None] | None = None,
    languages: Sequence[str | None] | None = None,
    brand_names: Sequence[str] = (),
    lang: str = "auto",
    model_dir: Path | str | None = None,
    workers: int = 2,
    progress: bool | None = None,
    memo: dict[Item, Result] | None = None,
) -> pl.DataFrame:
    """Score texts; one output row per input text (language, compound, label, method).

    ``brands`` (per text) and ``brand_names`` (for all) are names that carry no sentiment.
    ``languages`` are the export's own language fields: respected when present in ``auto``
    mode. ``lang="id"``/``"en"`` forces one scorer. ``model_dir`` scores with an
    analyst-trained model instead (method ``model:<name>``). Empty texts get no score and
    method ``no-text``. ``memo``: results of earlier calls, reused and extended (the store
    scorer keeps one across its chunks).
    """
    if lang not in LANG_MODES:
        raise InputDataError(f"--lang: expected one of {', '.join(LANG_MODES)}, found {lang!r}")
    n = len(texts)
    for name, values in (("brands", brands), ("languages", languages)):
        if values is not None and len(values) != n:
            raise InputDataError(f"{name}: {len(values)} values for {n} texts; expected one each")
    model = None
    if model_dir is not None:
        from analytics.sentiment.model import load_model

        model = load_model(model_dir)
    base_names = tuple(sorted({name for name in brand_names if name}))
    items, row_item = _items(texts, brands, languages, base_names, lang, model is not None)
    results = _results(items, workers, progress, memo)
    # per distinct item, then fanned out to the rows (the last entry: a row without text,
    # recorded as such, so it is not picked up again as unscored)
    languages_out = [r[0] for r in results] + [None]
    compounds: list[float | None] = [r[1] for r in results] + [None]
    methods = [r[2] for r in results] + [NO_TEXT_METHOD]
    # the label rule over the whole column at once, not a Python call per text
    label: pl.Expr | pl.Series = label_expression(pl.col("sentiment_compound"))
    if model is not None and items:
        predicted, scores = model.predict([i[0] for i in items], [(r[3], r[4]) for r in results])
        compounds, label = [*scores, None], pl.Series([*predicted, None], dtype=pl.Utf8)
        methods = [model.method] * len(items) + [NO_TEXT_METHOD]
    computed = ("language", "sentiment_compound", "sentiment_method")
    frame = (
        pl.DataFrame(
            dict(zip(computed, (languages_out, compounds, methods), strict=True)),
            schema={name: SENTIMENT_SCHEMA[name] for name in computed},
        )
        .with_columns(sentiment_label=label)
        .select(SCORE_COLUMNS)
    )
    if row_item is None:  # every row its own text, in order
        return frame.head(len(items))
    return frame[[len(items) if k < 0 else k for k in row_item]]


def _items(
    texts: Sequence[str | None],
    brands: Sequence[str | None] | None,
    languages: Sequence[str | None] | None,
    base_names: tuple[str, ...],
    lang: str,
    features: bool,
) -> tuple[list[Item], list[int] | None]:
    """The distinct items to score, and for each row its item's index (-1: no text).

    The index is None when every row is its own item, in order (all texts distinct).
    """
    with_brand: dict[str, tuple[str, ...]] = {}  # names per mention brand, built once each
    given_of: dict[str, str | None] = {}  # export language -> id/en/other, once each
    unique: dict[Item, int] = {}
    row_item: list[int] = []
    brand_column = repeat(None) if brands is None else brands
    language_column = repeat(None) if languages is None else languages
    # (lengths checked by the caller; a missing column repeats None)
    for text, brand, language in zip(texts, brand_column, language_column, strict=False):
        if text is not None and type(text) is not str:
            text = str(text)
        # (the same texts as "not text.strip()": whitespace only, or empty)
        if text is None or not text or text.isspace():
            row_item.append(-1)
            continue
        names = base_names
        if brand:
            names = with_brand.get(brand) or with_brand.setdefault(
                brand, tuple(sorted({*base_names, brand}))
            )
        given = None
        if language is not None:
            given = given_of.get(language, _UNSEEN)
            if given is _UNSEEN:
                given = given_of[language] = normalize_language(language)
        row_item.append(unique.setdefault((text, names, given, lang, features), len(unique)))
    items = list(unique)
    return items, None if len(items) == len(row_item) else row_item


_UNSEEN = "\x00unseen"  # not a language: marks an export language not normalised yet


def _results(
    items: list[Item], workers: int, progress: bool | None, memo: dict[Item, Result] | None
) -> list[Result]:
    """Each item's result: from ``memo`` when it holds one, else scored (and added to it)."""
    if memo is None:
        return run_items(items, workers, progress)
    todo = [item for item in items if item not in memo]
    memo.update(zip(todo, run_items(todo, workers, progress), strict=True))
    return [memo[item] for item in items]


def score_mentions(
    mentions: pl.DataFrame,
    *,
    brand_names: Sequence[str] = (),
    lang: str = "auto",
    model_dir: Path | str | None = None,
    workers: int = 2,
    progress: bool | None = None,
    memo: dict[Item, Result] | None = None,
) -> pl.DataFrame:
    """SENTIMENT_SCHEMA rows for mentions (MENTION_SCHEMA columns; ``text`` required).

    The mention's own ``brand`` is always treated as a name without sentiment, plus any
    ``brand_names``. News articles without body text are scored on their ``title``.
    """
    if "text" not in mentions.columns:
        raise InputDataError(
            f'mentions: no column "text" (found {", ".join(mentions.columns) or "none"}); '
            "score_mentions needs the canonical mention table"
        )
    text = pl.col("text")
    if "title" in mentions.columns:
        text = pl.when(text.str.strip_chars().fill_null("") == "").then("title").otherwise(text)
    # Only distinct (text, brand, language) rows reach Python; polars fans the scores back
    # out. Retweets and copy-paste make a store's mentions far more than its texts, and a
    # Python loop over every mention cost more than scoring the distinct texts (issue 11).
    # Nulls become a marker no field holds, so that they join like any value.
    inputs = [text.alias("_text")] + [
        pl.col(name).cast(pl.Utf8).alias(f"_{name}")
        for name in ("brand", "language")
        if name in mentions.columns
    ]
    rows = mentions.select(inputs).with_columns(pl.all().fill_null(_NULL)).with_row_index(_ROW)
    keys = [name for name in rows.columns if name != _ROW]
    distinct = rows.unique(subset=keys, maintain_order=True).drop(_ROW)
    scores = score_texts(
        _column(distinct, "_text") or [],
        brands=_column(distinct, "_brand"),
        languages=_column(distinct, "_language"),
        brand_names=brand_names,
        lang=lang,
        model_dir=model_dir,
        workers=workers,
        progress=progress,
        memo=memo,
    )
    fanned = (
        rows.join(pl.concat([distinct, scores], how="horizontal"), on=keys, how="left")
        .sort(_ROW)
        .select(SCORE_COLUMNS)
    )
    ids = [
        pl.col(k).cast(pl.Utf8) if k in mentions.columns else pl.lit(None, pl.Utf8).alias(k)
        for k in ("brand", "platform", "mention_id")
    ]
    return pl.concat([mentions.select(ids), fanned], how="horizontal").select(
        list(SENTIMENT_SCHEMA)
    )


_NULL = "\x00\x01null\x01\x00"  # stands for a missing text, brand or language while joining
_ROW = "__row"


def _column(frame: pl.DataFrame, name: str) -> list | None:
    """A column as Python strings, with the null marker back to None."""
    if name not in frame.columns:
        return None
    values = frame.get_column(name)
    return values.cast(pl.Utf8).replace(_NULL, None).to_list()


def score_store(
    store: object,
    *,
    brand: str | None = None,
    model_dir: Path | str | None = None,
    brand_names: Sequence[str] = (),
    workers: int = 2,
    progress: bool | None = None,
    rescore: bool = False,
    chunk_mentions: int = STORE_CHUNK_MENTIONS,
) -> int:
    """Score the store's mentions that have no score yet; returns how many were scored.

    ``rescore=True`` scores every mention (of ``brand``) again and replaces the stored
    scores: the way to switch the store, and so the reports, to a newly trained model.

    Memory stays bounded by ``chunk_mentions``, not by the store: the mentions to score
    (only the columns scoring reads) are streamed to a temporary Parquet file, then read,
    scored and saved ``chunk_mentions`` at a time.
    """
    # (a fake store in the tests has the same two methods)
    everything = store.mentions  # type: ignore[attr-defined]
    todo = everything(brand, with_sentiment=False) if rescore else store.unscored(brand)  # type: ignore[attr-defined]
    names = todo.collect_schema().names()
    todo = todo.select(c for c in _SCORING_INPUT if c in names)
    with tempfile.TemporaryDirectory(prefix="crisis-analytics-scoring-") as folder:
        path = Path(folder) / "todo.parquet"
        todo.sink_parquet(path, engine="streaming")
        total = pl.scan_parquet(path).select(pl.len()).collect().item()
        if total == 0:
            return 0
        starts = range(0, total, max(1, chunk_mentions))
        scored, pending = 0, []
        memo: dict[Item, Result] = {}
        for start in progress_bar(starts, description="sentiment", enabled=progress):
            chunk = pl.scan_parquet(path).slice(start, chunk_mentions).collect()
            pending.append(
                score_mentions(
                    chunk,
                    brand_names=brand_names,
                    model_dir=model_dir,
                    workers=workers,
                    progress=False,
                    memo=memo,
                )
            )
            if len(memo) > STORE_MEMO_TEXTS:  # the oldest texts go first
                for item in list(itertools.islice(memo, len(memo) - STORE_MEMO_TEXTS)):
                    del memo[item]
            scored += chunk.height
            # saved in a few large parts, not one per chunk: each save is a store write
            if sum(frame.height for frame in pending) >= STORE_SAVE_ROWS:
                store.save_sentiment(pl.concat(pending))  # type: ignore[attr-defined]
                pending = []
        if pending:
            store.save_sentiment(pl.concat(pending))  # type: ignore[attr-defined]
    return scored
