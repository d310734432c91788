"""Emotions of mentions: anger, fear, sadness, joy, love, or none.

Why a model and not a word list: the emotion word lists are English (the NRC lexicon's
licence forbids commercial use, so it is not used), and Indonesian crisis talk is
slang-heavy. The shipped Indonesian model is trained on EmoT (IndoNLU's 4,000 labelled
emotion tweets, Apache-2.0; see ``data/NOTICE-emotion.txt``): TF-IDF word (1-2) and
character (2-5) n-grams of the text after the project's Indonesian normalisation (slang,
stretched letters, reduplication, clitics: ``lexicon_id.WordForms``), with a linear
one-vs-rest support vector machine.

The model is stored as plain arrays (vocabularies, idf weights, coefficients) in a NumPy
``.npz`` file read with ``allow_pickle=False``: no pickle, so a model file cannot run code.
Scoring re-implements the TF-IDF transform from those arrays (sklearn's analyzers tokenise,
the arithmetic is a few lines), and gives the same numbers as the fitted sklearn pipeline.

``none``: EmoT has no emotionless tweets, so "none" is where even the best emotion's
one-vs-rest score is below ``NONE_BELOW`` (about the lowest-scoring tenth of EmoT's
emotional validation tweets fall there). It is a weak separation, not validated on labelled
emotionless text: read "none" as "no clear emotion". English has no emotion
method (no openly licensed English emotion data could be found: ``NOT_SCORED_REASON`` and
docs/sentiment.md list what was checked): English mentions get no emotion (null), never a
guess.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from analytics.errors import InputDataError

EMOTIONS = ("anger", "fear", "sadness", "joy", "love")
NONE = "none"
EMOTION_LABELS = (*EMOTIONS, NONE)
METHOD = "emotion-id-emot"  # the emotion_method of the shipped model's labels
MODEL_PATH = Path(__file__).parent / "data" / "emotion_id.npz"
FORMAT_VERSION = 1

# vendor and Indonesian words for our labels (Brandwatch writes "joy", EmoT "happy")
_ALIASES = {
    "happy": "joy",
    "happiness": "joy",
    "senang": "joy",
    "gembira": "joy",
    "bahagia": "joy",
    "marah": "anger",
    "angry": "anger",
    "takut": "fear",
    "sad": "sadness",
    "sedih": "sadness",
    "cinta": "love",
    "netral": NONE,
    "neutral": NONE,
    "no emotion": NONE,
    "tidak ada": NONE,
}

# the TF-IDF blocks: (name, sklearn TfidfVectorizer parameters); training and scoring share it
BLOCKS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("words", {"ngram_range": (1, 2), "sublinear_tf": True, "min_df": 2}),
    ("chars", {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "min_df": 2}),
)
NONE_BELOW = -0.3  # 10% of EmoT valid tweets (all emotional) score below this
SVM_C = 0.3  # measured on emot_valid.csv (benchmarks/bench_emotion.py)

_PLACEHOLDERS = re.compile(r"\[(?:USERNAME|URL|SENSITIVE-NO)\]")  # EmoT's anonymisation
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_HANDLE = re.compile(r"@\w+")
_WORD = re.compile(r"[^\W_]+")
EMPHASIS_TOKEN = "_emph"  # a stretched or reduplicated word ("sedihhh", "takut2") was here


def normalize_emotion(value: object) -> str | None:
    """Our emotion label for a vendor's or analyst's word ("Happy" -> "joy"); None if unknown."""
    if value is None:
        return None
    word = str(value).strip().lower()
    word = _ALIASES.get(word, word)
    return word if word in EMOTION_LABELS else None


@lru_cache(maxsize=1)
def _word_forms() -> Any:
    from analytics.sentiment.indonesian import RULE_WORDS
    from analytics.sentiment.lexicon_id import WordForms, load_lexicon

    return WordForms(load_lexicon(), frozenset(RULE_WORDS))


def feature_text(text: str | None) -> str:
    """The text the n-grams are taken from: lower case, handles/links/placeholders out,
    each word in its standard Indonesian form ("gk" -> "tidak", "sedihhh" -> "sedih" plus
    an emphasis token)."""
    if not text:
        return ""
    forms = _word_forms()
    text = _HANDLE.sub(" ", _URL.sub(" ", _PLACEHOLDERS.sub(" ", text)))
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        normal, emphasis = forms.normalise(word)
        out.extend(normal)
        if emphasis:
            out.append(EMPHASIS_TOKEN)
    return " ".join(out)


@dataclass(frozen=True)
class _Block:
    """One TF-IDF block: its parameters, its n-gram -> column index and its idf weights."""

    name: str
    params: dict[str, Any]
    vocabulary: dict[str, int]
    idf: np.ndarray

    def transform(self, texts: Sequence[str]) -> Any:
        """Rows of sublinear tf x idf, L2-normalised: sklearn's TfidfVectorizer.transform."""
        from scipy.sparse import csr_matrix
        from sklearn.feature_extraction.text import TfidfVectorizer

        analyze = TfidfVectorizer(**self.params).build_analyzer()
        indptr, indices, values = [0], [], []
        for text in texts:
            counts = Counter(g for g in analyze(text) if g in self.vocabulary)
            row = [(self.vocabulary[g], n) for g, n in counts.items()]
            weights = [(1.0 + math.log(n)) * self.idf[i] for i, n in row]
            norm = math.sqrt(sum(w * w for w in weights)) or 1.0
            indices.extend(i for i, _ in row)
            values.extend(w / norm for w in weights)
            indptr.append(len(indices))
        shape = (len(texts), len(self.idf))
        return csr_matrix((values, indices, indptr), shape=shape, dtype=np.float64)


@dataclass(frozen=True)
class EmotionModel:
    """A linear emotion classifier stored as arrays (no pickle)."""

    classes: tuple[str, ...]
    blocks: tuple[_Block, ...]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return str(self.metadata.get("method", METHOD))

    def decision(self, texts: Sequence[str | None]) -> np.ndarray:
        """One-vs-rest scores, texts x classes (positive: "this emotion")."""
        from scipy.sparse import hstack

        prepared = [feature_text(t) for t in texts]
        matrix = hstack([b.transform(prepared) for b in self.blocks]).tocsr()
        return np.asarray(matrix @ self.coef.T) + self.intercept

    def predict(self, texts: Sequence[str | None], *, forced: bool = False) -> list[str]:
        """The emotion per text; ``none`` where the best score is below ``NONE_BELOW``,
        unless ``forced`` (always the best emotion, for label sets without "none")."""
        if not texts:
            return []
        scores = self.decision(texts)
        best = scores.argmax(axis=1)
        labels = [self.classes[i] for i in best]
        if forced:
            return labels
        empty = [not feature_text(t) for t in texts]
        return [
            NONE if (s[i] < NONE_BELOW or blank) else label
            for s, i, label, blank in zip(scores, best, labels, empty, strict=True)
        ]

    def save(self, path: Path | str) -> Path:
        """Write the model as one ``.npz`` of plain arrays, atomically."""
        import json

        from analytics.atomic import atomic_path

        arrays: dict[str, np.ndarray] = {
            "classes": np.array(self.classes),
            "coef": self.coef.astype(np.float32),
            "intercept": self.intercept.astype(np.float64),
            "metadata": np.array(json.dumps(self.metadata, ensure_ascii=False)),
        }
        for block in self.blocks:
            terms = sorted(block.vocabulary, key=block.vocabulary.__getitem__)
            arrays[f"{block.name}_terms"] = np.array(terms)
            arrays[f"{block.name}_idf"] = block.idf.astype(np.float32)
        path = Path(path)
        with atomic_path(path, suffix=".npz") as tmp, open(tmp, "wb") as handle:
            np.savez_compressed(handle, **arrays)
        return path


def load_emotion_model(path: Path | str | None = None) -> EmotionModel:
    """Load an emotion model (the shipped Indonesian one by default)."""
    path = Path(path) if path is not None else MODEL_PATH
    if path == MODEL_PATH:
        return _shipped()
    return _load(path)


@lru_cache(maxsize=1)
def _shipped() -> EmotionModel:
    return _load(MODEL_PATH)


def _load(path: Path) -> EmotionModel:
    import json

    try:
        with np.load(path, allow_pickle=False) as data:
            metadata = json.loads(str(data["metadata"]))
            if metadata.get("format_version") != FORMAT_VERSION:
                raise InputDataError(
                    f"{path}: emotion model format {metadata.get('format_version')!r}; "
                    f"expected {FORMAT_VERSION}"
                )
            blocks = tuple(
                _Block(
                    name,
                    params,
                    {str(t): i for i, t in enumerate(data[f"{name}_terms"])},
                    data[f"{name}_idf"].astype(np.float64),
                )
                for name, params in BLOCKS
            )
            return EmotionModel(
                tuple(str(c) for c in data["classes"]),
                blocks,
                data["coef"].astype(np.float64),
                data["intercept"].astype(np.float64),
                metadata,
            )
    except (OSError, ValueError, KeyError) as error:
        raise InputDataError(
            f"{path}: not an emotion model (.npz written by EmotionModel.save): {error}"
        ) from None


def train_emotion_model(
    texts: Sequence[str], labels: Sequence[str], *, source: str = "", c: float = SVM_C
) -> EmotionModel:
    """Fit the n-gram SVM on labelled texts (labels normalised: "happy" -> "joy")."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    normal = [normalize_emotion(label) for label in labels]
    unknown = sorted({str(raw) for raw, n in zip(labels, normal, strict=True) if n is None})
    if unknown:
        raise InputDataError(
            f"{source or 'labels'}: unknown emotion label(s) {unknown[:5]}; expected one of "
            f"{', '.join(EMOTION_LABELS)} (or happy, marah, takut, sedih, cinta, senang)"
        )
    prepared = [feature_text(t) for t in texts]
    vectorizers = [TfidfVectorizer(**params) for _, params in BLOCKS]
    matrix = hstack([v.fit_transform(prepared) for v in vectorizers]).tocsr()
    svm = LinearSVC(C=c, random_state=0)
    svm.fit(matrix, normal)
    blocks = tuple(
        _Block(name, params, {str(k): int(i) for k, i in v.vocabulary_.items()}, v.idf_)
        for (name, params), v in zip(BLOCKS, vectorizers, strict=True)
    )
    classes = tuple(str(label) for label in svm.classes_)
    coef = svm.coef_ if len(classes) > 2 else np.vstack([-svm.coef_, svm.coef_])
    intercept = svm.intercept_ if len(classes) > 2 else np.hstack([-svm.intercept_, svm.intercept_])
    metadata = {
        "format_version": FORMAT_VERSION,
        "method": METHOD,
        "n": len(texts),
        "label_counts": dict(Counter(normal)),
        "features": "tf-idf word 1-2 + char_wb 2-5 n-grams (min_df 2) of normalised text",
        "classifier": f"linear SVM one-vs-rest, C={c}",
        "source": source,
    }
    return EmotionModel(classes, blocks, np.asarray(coef), np.asarray(intercept), metadata)


def classify_emotions(
    texts: Sequence[str | None],
    languages: Sequence[str | None] | None = None,
    *,
    model: EmotionModel | None = None,
) -> list[str | None]:
    """Emotion per text; null for English and other non-Indonesian texts (no method yet).

    ``languages`` are the detected languages (``id``/``en``/``other``, as sentiment scoring
    stores them); a missing one is detected here. Code-mixed text that is mostly
    Indonesian counts as Indonesian.
    """
    from analytics.sentiment.language import detect_language

    model = model or load_emotion_model()
    given = languages if languages is not None else [None] * len(texts)
    if len(given) != len(texts):
        raise InputDataError(f"{len(given)} languages for {len(texts)} texts; expected one each")
    wanted = [
        i
        for i, (text, language) in enumerate(zip(texts, given, strict=True))
        if (language or detect_language(text).language) == "id"
    ]
    out: list[str | None] = [None] * len(texts)
    for i, label in zip(wanted, model.predict([texts[i] for i in wanted]), strict=True):
        out[i] = label
    return out


NOT_SCORED_METHOD = "no-emotion-method"  # English/other text: recorded so it is not re-tried
# why English mentions carry no emotion, said once for the commands (docs/sentiment.md)
NOT_SCORED_REASON = (
    "English and other non-Indonesian mentions are not emotion-scored: no openly licensed "
    "English emotion data could be found to build a method and measure it (docs/sentiment.md, "
    "Emotions); their emotion stays empty rather than a guess"
)


@dataclass(frozen=True)
class EmotionLabelling:
    """What ``emotion_store`` did: mentions given an emotion, mentions left without one."""

    labelled: int  # Indonesian mentions labelled (an emotion or "none")
    not_scored: int  # English/other mentions recorded with a null emotion


def emotion_store(
    store: Any, *, brand: str | None = None, rescore: bool = False, model: Path | None = None
) -> EmotionLabelling:
    """Label the store's mentions that have no emotion yet (all with ``rescore``).

    Languages are the sentiment scores' detected ones where the store has them.
    Non-Indonesian mentions are recorded with a null emotion (``NOT_SCORED_METHOD``) and
    counted apart.
    """
    import polars as pl

    from analytics.schema import EMOTION_SCHEMA

    key = ["brand", "platform", "mention_id"]
    mentions = store.mentions(brand).select(*key, "text", "language")
    if not rescore:
        done = store.emotions(brand).select(key)
        mentions = mentions.join(done, on=key, how="anti", maintain_order="left")
    frame = mentions.collect()
    if frame.height == 0:
        return EmotionLabelling(0, 0)
    emotion_model = load_emotion_model(model)
    labels = classify_emotions(
        frame.get_column("text").to_list(),
        frame.get_column("language").to_list(),
        model=emotion_model,
    )
    methods = [emotion_model.method if v is not None else NOT_SCORED_METHOD for v in labels]
    out = frame.select(key).with_columns(
        pl.Series("emotion", labels, dtype=pl.Utf8),
        pl.Series("emotion_method", methods, dtype=pl.Utf8),
    )
    store.save_emotions(out.select(list(EMOTION_SCHEMA)))
    not_scored = sum(v is None for v in labels)
    return EmotionLabelling(len(labels) - not_scored, not_scored)
