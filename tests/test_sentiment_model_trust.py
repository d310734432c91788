"""Model folders: a signed hash manifest written at training, checked before unpickling.

A model file is a pickle, and a pickle runs code when loaded: issue 12 found a tampered
folder ran its code with no check. Each test uses its own signing key (``KEY_ENV``) so the
user's real key is never touched.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from pathlib import Path

import pytest

from analytics.errors import InputDataError
from analytics.sentiment.model import load_model, train_model
from analytics.sentiment.model_trust import KEY_ENV, MANIFEST_FILE

TEXTS = ["awful service", "terrible coffee", "great taste", "lovely staff", "open at nine",
         "closed on monday"]  # fmt: skip
LABELS = ["negative", "negative", "positive", "positive", "neutral", "neutral"]


@pytest.fixture
def model_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(KEY_ENV, str(tmp_path / "key" / "model-signing.key"))
    model = train_model(TEXTS, LABELS, name="kopi", rules=False, folds=2, workers=1)
    return model.save(tmp_path / "kopi")


class _Planted:
    """Unpickling this writes a file: the proof that loading ran foreign code."""

    def __reduce__(self):  # noqa: ANN204
        return (Path.write_text, (Path(self.marker), "ran"))

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)


def test_a_trained_model_carries_the_hashes_of_its_files_and_loads(model_dir):
    manifest = json.loads((model_dir / MANIFEST_FILE).read_text())
    for name in ("model.joblib", "metadata.json"):
        assert (
            manifest["files"][name] == hashlib.sha256((model_dir / name).read_bytes()).hexdigest()
        )
    assert load_model(model_dir).method == "model:kopi"


def test_a_tampered_model_file_is_refused_before_it_runs(model_dir, tmp_path):
    marker = tmp_path / "ran.txt"
    (model_dir / "model.joblib").write_bytes(pickle.dumps(_Planted(marker)))
    with pytest.raises(InputDataError, match=r"model\.joblib: changed since the model was trained"):
        load_model(model_dir)
    assert not marker.exists()


def test_a_changed_metadata_file_is_refused(model_dir):
    meta = json.loads((model_dir / "metadata.json").read_text())
    meta["cv_macro_f1"] = 0.99
    (model_dir / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(InputDataError, match=r"metadata\.json: changed since"):
        load_model(model_dir)


def test_a_model_from_elsewhere_needs_trust(model_dir, tmp_path, monkeypatch):
    # another machine: same files and a consistent manifest, but signed with another key
    monkeypatch.setenv(KEY_ENV, str(tmp_path / "other" / "model-signing.key"))
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "model-signing.key").write_bytes(b"k" * 32)
    with pytest.raises(InputDataError, match="not trained by this user on this machine.*--trust"):
        load_model(model_dir)
    assert load_model(model_dir, trusted=True).method == "model:kopi"


def test_a_model_without_a_manifest_needs_trust(model_dir, tmp_path):
    bare = tmp_path / "downloaded"
    shutil.copytree(model_dir, bare)
    (bare / MANIFEST_FILE).unlink()
    with pytest.raises(InputDataError, match=r"has no manifest\.json.*pass --trust"):
        load_model(bare)
    assert load_model(bare, trusted=True).method == "model:kopi"


def test_the_cli_refuses_a_tampered_model_in_one_line_and_trust_overrides(model_dir, tmp_path):
    import subprocess
    import sys

    labels = tmp_path / "labels.csv"
    labels.write_text("text,label\nawful service,negative\ngreat taste,positive\n")
    meta = json.loads((model_dir / "metadata.json").read_text())
    meta["name"] = "changed"
    (model_dir / "metadata.json").write_text(json.dumps(meta))
    env_key = {KEY_ENV: str(tmp_path / "key" / "model-signing.key")}
    base = [sys.executable, "-m", "analytics", "sentiment", "eval", str(labels), "--model",
            str(model_dir), "--workers", "1", "--json"]  # fmt: skip
    import os

    env = {**os.environ, **env_key}
    refused = subprocess.run(base, capture_output=True, text=True, env=env, check=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().count("\n") == 0
    assert "metadata.json: changed since the model was trained" in refused.stderr
    trusted = subprocess.run([*base, "--trust"], capture_output=True, text=True, env=env,
                             check=False)  # fmt: skip
    assert trusted.returncode == 0, trusted.stderr
    assert json.loads(trusted.stdout)["n"] == 2
