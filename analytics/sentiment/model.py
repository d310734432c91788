"""A light domain model trained on the analyst's own labels.

Why: rule-based scorers do not know a brand's domain ("delay" at an airline, "pedas" at a
food chain), and analysts usually have a few hundred labelled mentions. A linear model on
TF-IDF word (1-2) and character (2-5) n-grams learns the domain words; with only 100-300
labels it cannot learn general sentiment words, so the rule-based scorers' outputs (English
and Indonesian compound scores, and their positive/negative cut-off flags) are added as
features: the model then learns when to trust the rules and when the domain overrides them.

A saved model is a directory: ``model.joblib`` (the scikit-learn pipeline) and
``metadata.json`` (name, labels, n, per-label counts, cross-validated macro-F1, features,
created_at, versions), with ``manifest.json`` (their SHA-256, signed with this user's key),
written atomically. A model is a pickle: loading checks the manifest first and refuses a
changed file, or a model made elsewhere unless the user passes ``--trust``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from analytics.atomic import atomic_directory
from analytics.errors import InputDataError
from analytics.schema import SENTIMENT_LABELS
from analytics.sentiment.model_trust import check_folder, write_manifest

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
FORMAT_VERSION = 1
RULE_WEIGHT = 2.0  # rule features against TF-IDF blocks whose rows have unit length
MIN_PER_LABEL = 2  # stratified cross-validation needs at least two examples of a label


def _rule_matrix(features: Sequence[Sequence[float]]) -> np.ndarray:
    # per text: English and Indonesian compound scores, and each one's +-0.05 flags
    scores = np.asarray(features, dtype=float).reshape(len(features), -1)
    flags = [np.stack([scores[:, k] >= 0.05, scores[:, k] <= -0.05], axis=1) for k in (0, 1)]
    return RULE_WEIGHT * np.hstack([scores, *flags]).astype(float)


MODEL_METHOD = "model:"  # sentiment_method of a trained model's scores: "model:<name>"


def build_pipeline(*, rules: bool, seed: int = 0) -> Any:
    """TF-IDF word 1-2 + char 2-5 n-grams (+ rule features) -> logistic regression."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    blocks: list[tuple[str, Any, Any]] = [
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1), "text"),
        (
            "chars",
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1),
            "text",
        ),
    ]
    if rules:
        blocks.append(("rules", FunctionTransformer(_rule_matrix), ["english", "indonesian"]))
    return Pipeline(
        [
            ("features", ColumnTransformer(blocks)),
            ("classifier", LogisticRegression(C=10.0, max_iter=2000, random_state=seed)),
        ]
    )


def _inputs(texts: Sequence[str], features: Sequence[Sequence[float]] | None) -> Any:
    import pandas as pd

    columns: dict[str, Any] = {"text": list(texts)}
    if features is not None:
        array = np.asarray(features, dtype=float).reshape(len(texts), 2)
        columns["english"], columns["indonesian"] = array[:, 0], array[:, 1]
    return pd.DataFrame(columns)


@dataclass
class TrainedModel:
    """A fitted pipeline plus what the report's method appendix needs to know about it."""

    pipeline: Any
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.metadata["name"])

    @property
    def method(self) -> str:
        """The ``sentiment_method`` value of scores this model produced."""
        return f"{MODEL_METHOD}{self.name}"

    @property
    def uses_rules(self) -> bool:
        return bool(self.metadata.get("rule_features", True))

    def probabilities(
        self, texts: Sequence[str], features: Sequence[Sequence[float]] | None = None
    ) -> np.ndarray:
        """Class probabilities per text (columns in ``pipeline.classes_`` order)."""
        if self.uses_rules and features is None:
            from analytics.sentiment.features import rule_features

            features = rule_features(texts)
        return self.pipeline.predict_proba(_inputs(texts, features if self.uses_rules else None))

    def predict(
        self, texts: Sequence[str], features: Sequence[Sequence[float]] | None = None
    ) -> tuple[list[str], list[float]]:
        """Labels (most probable class) and compound = P(positive) - P(negative)."""
        probabilities = self.probabilities(texts, features)
        classes = [str(label) for label in self.pipeline.classes_]
        labels = [classes[i] for i in probabilities.argmax(axis=1)]
        positive = probabilities[:, classes.index("positive")] if "positive" in classes else 0
        negative = probabilities[:, classes.index("negative")] if "negative" in classes else 0
        compound = np.round(np.asarray(positive - negative, dtype=float), 4)
        return labels, compound.reshape(len(texts)).tolist()

    def save(self, directory: Path | str) -> Path:
        """Write ``model.joblib``, ``metadata.json`` and their signed hash manifest atomically."""
        import joblib

        directory = Path(directory)
        with atomic_directory(directory) as tmp:
            joblib.dump(self.pipeline, tmp / MODEL_FILE)
            (tmp / METADATA_FILE).write_text(
                json.dumps(self.metadata, indent=2, ensure_ascii=False), encoding="utf-8"
            )
            write_manifest(tmp, [MODEL_FILE, METADATA_FILE])
        return directory


def cross_validated_macro_f1(
    texts: Sequence[str],
    labels: Sequence[str],
    features: Sequence[Sequence[float]] | None,
    *,
    folds: int = 5,
    seed: int = 0,
    progress: bool | None = None,
) -> tuple[float, float, int]:
    """Mean and standard deviation of macro-F1 over stratified folds, and the folds used.

    Each fold is one full fit (minutes for ~10,000 labels), so a terminal shows progress.
    """
    from sklearn.model_selection import StratifiedKFold

    from analytics.sentiment.metrics import classification_report

    smallest = min(labels.count(label) for label in set(labels))
    folds = max(2, min(folds, smallest))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    frame = _inputs(texts, features)
    target = np.asarray(labels)
    scores = []
    from analytics.progress import progress as progress_bar

    splits = list(splitter.split(frame, target))
    for train, test in progress_bar(
        splits, total=len(splits), description="cross-validation", enabled=progress
    ):
        pipeline = build_pipeline(rules=features is not None, seed=seed)
        pipeline.fit(frame.iloc[train], target[train])
        predicted = pipeline.predict(frame.iloc[test])
        scores.append(classification_report(list(target[test]), list(predicted))["macro_f1"])
    return float(np.mean(scores)), float(np.std(scores)), folds


def train_model(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    name: str = "domain",
    rules: bool = True,
    folds: int = 5,
    seed: int = 0,
    brand_names: Sequence[str] = (),
    source: str = "",
    workers: int = 2,
    progress: bool | None = None,
) -> TrainedModel:
    """Fit the model on all labels and measure it by stratified cross-validation.

    ``labels`` must already be positive/neutral/negative (see ``labelled.py``). Raises an
    error naming the label when a label has fewer than two examples.
    """
    if len(texts) != len(labels):
        raise InputDataError(f"{len(texts)} texts but {len(labels)} labels; expected one each")
    unknown = sorted(set(labels) - set(SENTIMENT_LABELS))
    if unknown:
        raise InputDataError(f"labels {unknown}: expected positive, neutral or negative")
    counts = {label: list(labels).count(label) for label in SENTIMENT_LABELS}
    present = {label: n for label, n in counts.items() if n}
    if len(present) < 2:
        raise InputDataError(
            f"{source or 'labels'}: only {', '.join(present) or 'no'} label(s) found; a model "
            "needs examples of at least two of positive, neutral, negative"
        )
    thin = [label for label, n in present.items() if n < MIN_PER_LABEL]
    if thin:
        raise InputDataError(
            f"{source or 'labels'}: label(s) {', '.join(thin)} have fewer than {MIN_PER_LABEL} "
            "examples; label more mentions or drop that label"
        )
    if not re.fullmatch(r"[\w.-]+", name):
        raise InputDataError(f"model name {name!r}: use letters, digits, '.', '-' or '_' only")
    features = None
    if rules:
        from analytics.sentiment.features import rule_features

        features = rule_features(texts, brand_names=brand_names, workers=workers, progress=progress)
    cv_mean, cv_std, used_folds = cross_validated_macro_f1(
        texts, list(labels), features, folds=folds, seed=seed, progress=progress
    )
    pipeline = build_pipeline(rules=rules, seed=seed)
    pipeline.fit(_inputs(texts, features), np.asarray(labels))
    import sklearn

    from analytics import __version__

    metadata = {
        "name": name,
        "format_version": FORMAT_VERSION,
        "version": __version__,
        "sklearn_version": sklearn.__version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "labels": sorted(present),
        "n": len(texts),
        "label_counts": counts,
        "cv_macro_f1": round(cv_mean, 4),
        "cv_macro_f1_std": round(cv_std, 4),
        "cv_folds": used_folds,
        "rule_features": rules,
        "brand_names": list(brand_names),
        "features": "tf-idf word 1-2 + char_wb 2-5 n-grams"
        + (" + English/Indonesian rule scores" if rules else ""),
        "source": source,
    }
    return TrainedModel(pipeline, metadata)


def load_model(directory: Path | str, *, trusted: bool = False) -> TrainedModel:
    """Load a model directory written by ``TrainedModel.save``.

    Its hash manifest is checked before anything is unpickled (see
    :mod:`analytics.sentiment.model_trust`); ``trusted`` (``--trust``) skips the check for
    a model made elsewhere.
    """
    import joblib

    directory = Path(directory)
    metadata_path = directory / METADATA_FILE
    model_path = directory / MODEL_FILE
    if not metadata_path.is_file() or not model_path.is_file():
        raise InputDataError(
            f"{directory}: not a sentiment model directory; expected {METADATA_FILE} and "
            f"{MODEL_FILE} (made by `crisis-analytics sentiment train ... --out DIR`)"
        )
    check_folder(directory, [MODEL_FILE, METADATA_FILE], trusted=trusted)
    try:
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputDataError(f"{metadata_path}: not valid JSON ({error})") from None
    if metadata.get("format_version") != FORMAT_VERSION:
        raise InputDataError(
            f"{metadata_path}: model format {metadata.get('format_version')!r}; this version "
            f"reads format {FORMAT_VERSION}: retrain with `crisis-analytics sentiment train`"
        )
    return TrainedModel(joblib.load(model_path), metadata)
