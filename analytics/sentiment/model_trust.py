"""Whether a model folder may be loaded: a signed hash manifest, checked before unpickling.

A trained model is a pickle (``model.joblib``), and loading a pickle runs whatever code it
names. So a model folder carries ``manifest.json``: the SHA-256 of each of its files and an
HMAC of those hashes under a key kept in this user's configuration folder (made on the first
training, readable only by the user). Loading checks both first:

* a file changed since training (damage or tampering) is refused, naming the file;
* a folder without a manifest, or signed under another key (trained on another machine or
  by another user, or downloaded), is refused unless the caller vouches for it with
  ``--trust``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from analytics.errors import InputDataError

MANIFEST_FILE = "manifest.json"
KEY_ENV = "CRISIS_ANALYTICS_MODEL_KEY"  # path of the signing key, overriding the default
_TRUSTED: set[Path] = set()  # folders the user vouched for in this process (--trust)


def key_path() -> Path:
    """Where this user's model-signing key lives."""
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV])
    import platformdirs

    return Path(platformdirs.user_config_dir("crisis-analytics")) / "model-signing.key"


def _key(create: bool) -> bytes | None:
    path = key_path()
    if path.is_file():
        return path.read_bytes()
    if not create:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _signature(key: bytes, files: dict[str, str]) -> str:
    payload = json.dumps(files, sort_keys=True).encode("utf-8")
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def write_manifest(folder: Path, names: list[str]) -> None:
    """Hash ``names`` in ``folder`` and sign the hashes (called when a model is saved)."""
    files = {name: _sha256(folder / name) for name in names}
    key = _key(create=True) or b""
    manifest = {"files": files, "signature": _signature(key, files), "algorithm": "sha256"}
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def trust(folder: Path | str) -> None:
    """Vouch for a model folder made elsewhere (``--trust``): it loads without the checks."""
    _TRUSTED.add(Path(folder).resolve())


def check_folder(folder: Path, names: list[str], *, trusted: bool = False) -> None:
    """Raise a clear error unless ``folder``'s files are the ones signed at training."""
    if trusted or folder.resolve() in _TRUSTED:
        return
    hint = "retrain it with `crisis-analytics sentiment train`, or pass --trust if you trust it"
    manifest_path = folder / MANIFEST_FILE
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files, signature = manifest["files"], manifest["signature"]
        if not isinstance(files, dict) or not isinstance(signature, str):
            raise TypeError("files must be an object and signature a string")
    except FileNotFoundError:
        raise InputDataError(
            f"{folder}: the model has no {MANIFEST_FILE}, so nothing shows it was trained "
            f"here or left unchanged (a model file can run code when loaded); {hint}"
        ) from None
    except (ValueError, KeyError, TypeError):
        raise InputDataError(f"{manifest_path}: not a model manifest; {hint}") from None
    for name in names:
        expected = files.get(name)
        if expected is None or _sha256(folder / name) != expected:
            raise InputDataError(
                f"{folder / name}: changed since the model was trained (its SHA-256 is not "
                f"the one in {MANIFEST_FILE}): damaged or tampered with; {hint}"
            )
    key = _key(create=False)
    if key is None or not hmac.compare_digest(_signature(key, files), signature):
        raise InputDataError(
            f"{folder}: the model was not trained by this user on this machine (its "
            f"{MANIFEST_FILE} is signed with another key); {hint}"
        )
