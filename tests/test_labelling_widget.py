"""The JupyterLab labelling widget, driven as an analyst would: its buttons are clicked in
Python and the batch CSV is read back with the standard library after every step.

tests/data/sentiment/widget_batch.csv (the layout `sentiment sample` writes), 7 mentions;
3002 arrives labelled "positive", the others empty. 3003 holds markup, 3004 two lines.
The analyst's clicks and where the widget must be after each (worked by hand):

| step | click    | row shown before | label written        | row shown after          |
| 0    | (open)   |                  |                      | 3001 (first unlabelled)  |
| 1    | negative | 3001             | 3001 negative        | 3003 (3002 is labelled)  |
| 2    | skip     | 3003             |                      | 3004                     |
| 3    | negative | 3004             | 3004 negative        | 3005                     |
| 4    | neutral  | 3005             | 3005 neutral         | 3006                     |
| 5    | positive | 3006             | 3006 positive        | 3007                     |
| 6    | positive | 3007             | 3007 positive        | 3003 (the skipped one)   |
| 7    | back     | 3003             |                      | 3002 (shows "positive")  |
| 8    | neutral  | 3002             | 3002 neutral (fixed) | 3003                     |
| 9    | neutral  | 3003             | 3003 neutral         | 3003, "All 7 labelled"   |
"""

from __future__ import annotations

import csv
import errno
import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "sentiment"
IDS = ["3001", "3002", "3003", "3004", "3005", "3006", "3007"]


def _labels(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [row["label"] for row in csv.DictReader(handle)]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    target = tmp_path / "labels" / "batch1.csv"
    target.parent.mkdir()
    shutil.copy(DATA / "widget_batch.csv", target)
    return target


def test_clicks_write_the_batch_and_sentiment_train_reads_it(batch: Path) -> None:
    import analytics as ca

    widget = ca.label_batch(batch)
    shown = lambda: widget.batch.mention_id(widget.row)  # noqa: E731
    assert shown() == "3001" and widget.counter.value == "1 of 7 labelled"
    steps = [
        (widget.buttons["negative"], "3003", ["negative", "positive", "", "", "", "", ""]),
        (widget.skip, "3004", ["negative", "positive", "", "", "", "", ""]),
        (widget.buttons["negative"], "3005", ["negative", "positive", "", "negative", "", "", ""]),
        (widget.buttons["neutral"], "3006",
         ["negative", "positive", "", "negative", "neutral", "", ""]),
        (widget.buttons["positive"], "3007",
         ["negative", "positive", "", "negative", "neutral", "positive", ""]),
        (widget.buttons["positive"], "3003",
         ["negative", "positive", "", "negative", "neutral", "positive", "positive"]),
        (widget.back, "3002",
         ["negative", "positive", "", "negative", "neutral", "positive", "positive"]),
        (widget.buttons["neutral"], "3003",
         ["negative", "neutral", "", "negative", "neutral", "positive", "positive"]),
        (widget.buttons["neutral"], "3003",
         ["negative", "neutral", "neutral", "negative", "neutral", "positive", "positive"]),
    ]  # fmt: skip
    for number, (button, after, labels) in enumerate(steps, 1):
        if number == 8:
            assert "label now: positive" in widget.where.value  # the label being corrected
        button.click()
        assert shown() == after, f"step {number}"
        assert _labels(batch) == labels, f"step {number}"
    assert widget.counter.value == "7 of 7 labelled" and widget.progress.value == 7
    assert widget.status.value.startswith("All 7 labelled. Next: crisis-analytics sentiment train")
    # columns, order and the two-line text kept; nothing left beside the file
    with batch.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["mention_id", "text", "label"]
    assert [r["mention_id"] for r in rows] == IDS
    assert rows[3]["text"] == "transfer gagal lagi\nsudah dua kali"
    assert [p.name for p in batch.parent.iterdir()] == ["batch1.csv"]

    from typer.testing import CliRunner

    from analytics.cli import _cli

    out = batch.parent.parent / "model"
    result = CliRunner().invoke(
        _cli, ["sentiment", "train", str(batch), "--out", str(out), "--folds", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 7


def test_markup_in_a_mention_is_shown_as_text(batch: Path) -> None:
    from analytics.workspace.labelling import label_batch

    widget = label_batch(batch)
    widget.skip.click()
    widget.skip.click()  # 3001 -> 3002 -> 3003
    assert widget.batch.mention_id(widget.row) == "3003"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in widget.text.value
    assert "<script>" not in widget.text.value and "<b>" not in widget.text.value


def test_indonesian_words_and_english_labels_in_the_file(batch: Path) -> None:
    from analytics.workspace.labelling import label_batch

    widget = label_batch(batch, lang="id")
    assert [b.description for b in widget.buttons.values()] == ["negatif", "netral", "positif"]
    assert widget.counter.value == "1 dari 7 sudah dilabeli"
    widget.buttons["negative"].click()
    assert _labels(batch)[0] == "negative"  # what `sentiment train` reads, in any language
    assert widget.status.value == "tersimpan di batch1.csv"


def test_a_failed_write_leaves_the_file_and_says_so(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import polars as pl

    from analytics.workspace.labelling import label_batch

    before = batch.read_bytes()
    widget = label_batch(batch)

    def full_disk(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_csv", full_disk)
    widget.buttons["negative"].click()  # no exception escapes into the notebook
    assert batch.read_bytes() == before
    assert [p.name for p in batch.parent.iterdir()] == ["batch1.csv"]
    assert widget.status.value.startswith("Not saved: ")
    assert "No space left on device" in widget.status.value
    assert widget.batch.label(0) is None and widget.batch.mention_id(widget.row) == "3001"


def test_semicolon_batch_from_excel_keeps_its_separator(tmp_path: Path) -> None:
    from analytics.workspace.labelling import label_batch

    path = tmp_path / "excel.csv"
    path.write_text("mention_id;text;label;note\n1;kecewa, parah;;a\n2;oke;;b\n", encoding="utf-8")
    widget = label_batch(path)
    widget.buttons["negative"].click()
    assert path.read_text(encoding="utf-8") == (
        "mention_id;text;label;note\n1;kecewa, parah;negative;a\n2;oke;;b\n"
    )


def test_excel_utf8_byte_order_mark_is_kept(tmp_path: Path) -> None:
    from analytics.workspace.labelling import label_batch

    path = tmp_path / "excel-utf8.csv"
    path.write_bytes(b"\xef\xbb\xbfmention_id,text,label\n1,caf\xc3\xa9 tutup,\n")
    label_batch(path).buttons["neutral"].click()
    assert path.read_bytes() == b"\xef\xbb\xbfmention_id,text,label\n1,caf\xc3\xa9 tutup,neutral\n"


def test_a_file_that_is_not_a_batch_is_named(tmp_path: Path) -> None:
    from analytics.errors import InputDataError
    from analytics.workspace.labelling import label_batch

    path = tmp_path / "wrong.csv"
    path.write_text("id,tweet\n1,halo\n", encoding="utf-8")
    with pytest.raises(InputDataError, match=r'wrong\.csv, column "mention_id": no such column'):
        label_batch(path)
    with pytest.raises(InputDataError, match=r"lang 'fr': expected one of en, id"):
        label_batch(DATA / "widget_batch.csv", lang="fr")
