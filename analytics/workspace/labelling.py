"""Label a batch from ``crisis-analytics sentiment sample`` in JupyterLab, one mention at a time.

In a notebook::

    import analytics as ca
    ca.label_batch("labels/batch1.csv")            # lang="id" for Indonesian buttons

The widget (ipywidgets 8, drawn by JupyterLab's bundled widget manager) shows one mention,
a button per label (negative / neutral / positive), back and skip, and how many are done.
Every click writes the whole batch back to its CSV at once (beside it, then renamed over it:
a crash or a full disk leaves the previous file, never half a file), with the same columns,
order and separator, so ``sentiment train`` reads it unchanged. The file is the only state:
close the notebook at any time and open the batch again to go on where the labels stop.

Mention texts are shown as text (escaped), never as markup.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import polars as pl

from analytics.atomic import atomic_path
from analytics.errors import DiskError, InputDataError
from analytics.load.read import sniff_delimiter
from analytics.schema import SENTIMENT_LABELS
from analytics.sentiment.labelled import read_table, require_column
from analytics.sentiment.labels import normalize_label

__all__ = ["BUTTON_LABELS", "BatchFile", "LabellingWidget", "label_batch"]

# the labels `sentiment train` reads, left to right as on a scale: negative, neutral, positive
BUTTON_LABELS = tuple(reversed(SENTIMENT_LABELS))
_COLOURS = {"negative": "danger", "neutral": "", "positive": "success"}

# every word the widget shows, per language (the labels written to the file stay English,
# the values `sentiment train` reads)
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "negative": "negative",
        "neutral": "neutral",
        "positive": "positive",
        "back": "◀ back",
        "skip": "skip ▶",
        "progress": "{done} of {total} labelled",
        "position": "mention {row} of {total} (id {mention_id})",
        "current": "label now: {label}",
        "unlabelled": "not labelled yet",
        "saved": "saved to {path}",
        "done": "All {total} labelled. Next: crisis-analytics sentiment train {path} "
        "[earlier batches ...] --out models/NAME",
        "empty": "{path} holds no mentions to label.",
        "failed": "Not saved: {error}",
    },
    "id": {
        "negative": "negatif",
        "neutral": "netral",
        "positive": "positif",
        "back": "◀ kembali",
        "skip": "lewati ▶",
        "progress": "{done} dari {total} sudah dilabeli",
        "position": "mention {row} dari {total} (id {mention_id})",
        "current": "label saat ini: {label}",
        "unlabelled": "belum dilabeli",
        "saved": "tersimpan di {path}",
        "done": "Semua {total} sudah dilabeli. Berikutnya: crisis-analytics sentiment train "
        "{path} [batch sebelumnya ...] --out models/NAMA",
        "empty": "{path} tidak berisi mention untuk dilabeli.",
        "failed": "Tidak tersimpan: {error}",
    },
}


class BatchFile:
    """A batch CSV (``mention_id, text, label``, other columns kept) and its labels."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.suffix.lower() not in (".csv", ".tsv", ".txt"):
            raise InputDataError(
                f"{self.path}: a batch is a CSV file from `crisis-analytics sentiment sample`; "
                f"got {self.path.suffix or 'no extension'!r}"
            )
        table = read_table(self.path)
        frame = table.frame
        for column in ("mention_id", "text"):
            require_column(frame.columns if table.header else [], column, self.path)
        if "label" not in frame.columns:
            frame = frame.with_columns(label=pl.lit(None, pl.Utf8))
        self.frame = frame
        with self.path.open(encoding="utf-8-sig", errors="replace") as handle:
            first = handle.readline()
        # Excel's "CSV UTF-8" starts with a byte-order mark and needs it to read accents back
        self.bom = self.path.read_bytes()[:3] == b"\xef\xbb\xbf"
        self.separator = "\t" if self.path.suffix.lower() == ".tsv" else sniff_delimiter(first)

    def __len__(self) -> int:
        return self.frame.height

    def text(self, row: int) -> str:
        return self.frame["text"][row] or ""

    def mention_id(self, row: int) -> str:
        return self.frame["mention_id"][row] or ""

    def label(self, row: int) -> str | None:
        """The row's label as ``sentiment train`` reads it (None: missing or not a label)."""
        return normalize_label(self.frame["label"][row] or "")

    def labelled(self) -> int:
        return sum(self.label(row) is not None for row in range(len(self)))

    def next_unlabelled(self, after: int) -> int | None:
        """The first row without a label after ``after``, wrapping round; None when done."""
        for step in range(1, len(self) + 1):
            row = (after + step) % len(self)
            if self.label(row) is None:
                return row
        return None

    def set_label(self, row: int, label: str) -> None:
        """Set the row's label and write the whole file atomically."""
        if label not in BUTTON_LABELS:
            raise InputDataError(f"label {label!r}: expected one of {', '.join(BUTTON_LABELS)}")
        labels = self.frame["label"].to_list()
        previous = labels[row]
        labels[row] = label
        self.frame = self.frame.with_columns(label=pl.Series(labels, dtype=pl.Utf8))
        try:
            with atomic_path(self.path, suffix=self.path.suffix) as tmp:
                self.frame.write_csv(tmp, separator=self.separator, include_bom=self.bom)
        except BaseException:
            labels[row] = previous  # the file was not changed: neither is the widget's copy
            self.frame = self.frame.with_columns(label=pl.Series(labels, dtype=pl.Utf8))
            raise


class LabellingWidget(widgets.VBox):
    """One mention at a time with label buttons, back, skip and progress (see module)."""

    def __init__(self, path: str | Path, *, lang: str = "en") -> None:
        if lang not in WORDS:
            raise InputDataError(f"lang {lang!r}: expected one of {', '.join(sorted(WORDS))}")
        self.words = WORDS[lang]
        self.batch = BatchFile(path)
        self.row = 0
        self.message = ""
        self.text = widgets.HTML()
        self.where = widgets.HTML()
        self.progress = widgets.IntProgress(min=0, max=max(len(self.batch), 1))
        self.counter = widgets.Label()
        self.status = widgets.HTML()
        self.buttons = {
            label: widgets.Button(description=self.words[label], button_style=_COLOURS[label])
            for label in BUTTON_LABELS
        }
        for label, button in self.buttons.items():
            button.on_click(lambda _button, label=label: self.choose(label))
        self.back = widgets.Button(description=self.words["back"])
        self.skip = widgets.Button(description=self.words["skip"])
        self.back.on_click(lambda _button: self.go(self.row - 1))
        self.skip.on_click(lambda _button: self.go(self.row + 1))
        super().__init__(
            [
                widgets.HBox([self.progress, self.counter]),
                self.where,
                self.text,
                widgets.HBox([*self.buttons.values()]),
                widgets.HBox([self.back, self.skip]),
                self.status,
            ]
        )
        if len(self.batch):
            first = self.batch.next_unlabelled(len(self.batch) - 1)
            self.row = 0 if first is None else first
        self._draw()

    def choose(self, label: str) -> None:
        """Label the mention shown, save, and show the next one without a label."""
        if not len(self.batch):
            return
        try:
            self.batch.set_label(self.row, label)
        except (DiskError, OSError) as error:
            self.message = self.words["failed"].format(error=error)
            self._draw()
            return
        following = self.batch.next_unlabelled(self.row)
        self.message = self.words["saved"].format(path=self.batch.path.name)
        if following is None:
            self.message = self.words["done"].format(total=len(self.batch), path=self.batch.path)
        else:
            self.row = following
        self._draw()

    def go(self, row: int) -> None:
        """Show another row (back and skip); stays inside the batch."""
        if len(self.batch):
            self.row = min(max(row, 0), len(self.batch) - 1)
            self.message = ""
            self._draw()

    def _draw(self) -> None:
        total = len(self.batch)
        done = self.batch.labelled()
        self.progress.value = done
        self.counter.value = self.words["progress"].format(done=done, total=total)
        self.status.value = html.escape(self.message)
        if not total:
            self.where.value = ""
            self.text.value = html.escape(self.words["empty"].format(path=self.batch.path))
            return
        label = self.batch.label(self.row)
        self.where.value = html.escape(
            self.words["position"].format(
                row=self.row + 1, total=total, mention_id=self.batch.mention_id(self.row)
            )
            + " · "
            + (
                self.words["current"].format(label=self.words[label])
                if label
                else self.words["unlabelled"]
            )
        )
        self.text.value = (
            '<div style="font-size:1.15em;white-space:pre-wrap;max-width:48em">'
            f"{html.escape(self.batch.text(self.row))}</div>"
        )
        for name, button in self.buttons.items():
            button.icon = "check" if name == label else ""
        self.back.disabled = self.row == 0
        self.skip.disabled = self.row == total - 1


def label_batch(path: str | Path, *, lang: str = "en") -> LabellingWidget:
    """The labelling widget on a batch CSV from ``sentiment sample`` (see the module)."""
    return LabellingWidget(path, lang=lang)
