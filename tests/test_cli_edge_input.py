"""Bad and edge input on the command line: a plain message on stderr, exit code non-zero.

Each case was found by running the CLI as an analyst would with a wrong file or option;
before the fix it either passed silently (exit 0 with "0 mentions") or failed deep inside a
notebook run.
"""

import subprocess
import sys

import pytest

from analytics.errors import InputDataError
from analytics.report.jobs import run_review, run_weekly
from analytics.report.synthetic import small_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("edge") / "store"
    small_store(root, plant_script=False)  # brands "Kopi Lain" and "Kopi Nusantara"
    return root


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", *args], capture_output=True, text=True, timeout=120
    )


def test_a_bad_events_file_fails_before_the_notebook_runs(store, tmp_path):
    wrong_header = tmp_path / "events.csv"
    wrong_header.write_text("when,what\n2026-10-20 10:00,apology\n", encoding="utf-8")
    with pytest.raises(InputDataError, match=r"events.csv, row 1: the events file has no column"):
        run_weekly(brand="Kopi Nusantara", week="2026-W43", store=store, out=tmp_path / "r",
                   events=wrong_header)  # fmt: skip
    # header line 1, a good event on line 2, a time no parser can read on line 3
    bad_time = tmp_path / "events2.csv"
    bad_time.write_text(
        "time,channel,type,description\n2026-10-21 10:00,x,apology,Maaf\n"
        "yesterday,x,statement,Update\n",
        encoding="utf-8",
    )
    with pytest.raises(InputDataError, match=r"row 3, column \"time\": 'yesterday'"):
        run_review(brand="Kopi Nusantara", start="2026-10-15", end="2026-10-30", store=store,
                   out=tmp_path / "r", events=bad_time)  # fmt: skip
    assert not (tmp_path / "r").exists()  # no kernel started, no half-written report folder


def test_negative_compare_weeks_is_a_usage_error(store, tmp_path):
    out = str(tmp_path / "r")
    done = cli("report", "weekly", "--brand", "Kopi Nusantara", "--week", "2026-W43",
               "--store", str(store), "--out", out, "--compare-weeks", "-1")  # fmt: skip
    assert done.returncode == 2
    assert "--compare-weeks" in done.stderr
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("command", [["sentiment", "store"], ["sentiment", "agreement"]])
def test_unknown_brand_in_sentiment_commands_names_the_brands(store, command):
    done = cli(*command, "--brand", "Kopi", "--store", str(store))
    assert done.returncode == 1
    assert "no brand 'Kopi' in the store (brands: Kopi Lain, Kopi Nusantara)" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_file_given_as_store_is_refused_and_left_alone(tmp_path):
    not_a_store = tmp_path / "mentions.csv"
    not_a_store.write_text("a,b\n1,2\n", encoding="utf-8")
    done = cli("info", "--store", str(not_a_store))
    assert done.returncode == 1
    assert "mentions.csv: is a file, not a store folder" in done.stderr
    export = tmp_path / "export.csv"
    export.write_text("a,b\n1,2\n", encoding="utf-8")
    done = cli("ingest", str(export), "--brand", "Kopi", "--store", str(not_a_store))
    assert done.returncode == 1
    assert "mentions.csv: cannot write to the store: it is a file, not a store" in done.stderr
    assert not_a_store.read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_a_labelled_file_with_only_a_header_says_so(tmp_path):
    header_only = tmp_path / "labels.csv"
    header_only.write_text("text,label\n", encoding="utf-8")
    done = cli("sentiment", "eval", str(header_only))
    assert done.returncode == 1
    assert 'labels.csv: no labelled rows (only a header); expected one row per mention with its ' \
        'text in "text" and its label in "label"' in done.stderr  # fmt: skip
    assert "Traceback" not in done.stderr


def test_sentiment_outputs_never_replace_a_folder_or_a_file_they_did_not_write(tmp_path):
    labels = tmp_path / "labels.csv"
    labels.write_text("text,label\nbagus,positive\njelek,negative\n", encoding="utf-8")
    folder = tmp_path / "results"
    folder.mkdir()
    done = cli("sentiment", "score", str(labels), "--text-column", "text", "--out", str(folder))
    assert done.returncode == 1
    assert "results: is a folder; expected the Parquet file to write" in done.stderr
    assert "Traceback" not in done.stderr  # was an IsADirectoryError stack
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.csv", "results"]  # no temp left
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    done = cli("sentiment", "train", str(labels), "--out", str(notes))
    assert done.returncode == 1
    assert "notes.txt: is a file; the model folder is replaced as a whole" in done.stderr
    assert notes.read_text(encoding="utf-8") == "keep me"  # was replaced by a model folder
    (folder / "draft.md").write_text("mine", encoding="utf-8")
    done = cli("sentiment", "train", str(labels), "--out", str(folder))
    assert done.returncode == 1
    assert "results: is a folder that holds no model (no metadata.json)" in done.stderr
    assert [p.name for p in folder.iterdir()] == ["draft.md"]


def test_a_file_given_as_reports_folder_is_refused(store, tmp_path):
    not_a_folder = tmp_path / "reports.txt"
    not_a_folder.write_text("keep me", encoding="utf-8")
    out = str(not_a_folder)
    done = cli("report", "review", "--brand", "Kopi Nusantara", "--start", "2026-10-15",
               "--end", "2026-10-30", "--store", str(store), "--out", out)  # fmt: skip
    assert done.returncode == 1
    assert "reports.txt: is a file; expected the reports folder" in done.stderr
    assert "Traceback" not in done.stderr  # was a NotADirectoryError stack
    assert not_a_folder.read_text(encoding="utf-8") == "keep me"


def test_a_log_file_in_a_missing_folder_is_a_clear_error(store, tmp_path):
    log = str(tmp_path / "no-such-folder" / "weekly.log")
    out = str(tmp_path / "r")
    done = cli("report", "weekly", "--brand", "Kopi Nusantara", "--week", "2026-W43",
               "--store", str(store), "--out", out, "--log-file", log)  # fmt: skip
    assert done.returncode == 1
    assert "weekly.log: cannot be opened for appending (No such file or directory)" in done.stderr
    assert "Traceback" not in done.stderr  # was a FileNotFoundError stack
    assert not (tmp_path / "r").exists()


def test_events_survey_and_labels_are_read_before_the_notebook_runs(store, tmp_path):
    # "Maaf été" saved as Windows-1252: the header line is 30 bytes and
    # "2026-10-21 10:00,x,apology,Maaf " another 32, so the first 0xE9 is at offset 62
    cp1252 = tmp_path / "events.csv"
    cp1252.write_bytes(
        b"time,channel,type,description\n2026-10-21 10:00,x,apology,Maaf \xe9t\xe9\n"
    )
    common = ["--brand", "Kopi Nusantara", "--store", str(store), "--out", str(tmp_path / "r")]
    done = cli("report", "weekly", "--week", "2026-W43", "--events", str(cp1252), *common)
    assert done.returncode == 1
    assert "events.csv: the events file is not UTF-8 text (byte 62); save it as CSV UTF-8" \
        in done.stderr  # fmt: skip
    assert "Traceback" not in done.stderr
    done = cli("report", "weekly", "--week", "2026-W43", "--events", str(tmp_path), *common)
    assert done.returncode == 1
    assert "is a folder; expected the events CSV file" in done.stderr
    period = ["--start", "2026-10-15", "--end", "2026-10-30"]
    survey = tmp_path / "survey.csv"
    survey.write_bytes(b"answer\nbagus \xe9\n")  # 0xE9 at offset 13 ("answer\n" 7 + "bagus " 6)
    done = cli("report", "review", *period, "--survey", str(survey), *common)
    assert done.returncode == 1
    assert "survey.csv: the survey file is not UTF-8 text (byte 13)" in done.stderr
    labels = tmp_path / "labels.csv"
    labels.write_text("tweet,sentiment\nbagus,positive\n", encoding="utf-8")
    done = cli("report", "review", *period, "--labels", str(labels), *common)
    assert done.returncode == 1
    assert 'labels.csv, column "text": no such column' in done.stderr
    assert "crisis_review.ipynb" not in done.stderr  # failed before the notebook ran
    done = cli("report", "review", *period, "--notes", str(tmp_path), *common)
    assert done.returncode == 1
    assert "notes file not found (expected a Markdown file)" in done.stderr
    assert "crisis_review.ipynb" not in done.stderr
    assert not (tmp_path / "r").exists()


def test_a_semicolon_labelled_csv_is_read(tmp_path):
    # Excel with Indonesian regional settings writes ";" in a .csv; the header was read as
    # one column "text;label". Two rows, both clear-cut: n = 2
    labels = tmp_path / "labels.csv"
    labels.write_text("text;label\nsangat bagus, puas;positive\njelek;negative\n", "utf-8")
    done = cli("sentiment", "eval", str(labels), "--json")
    assert done.returncode == 0, done.stderr
    assert '"n": 2' in done.stdout


def test_a_broken_quote_names_the_field_without_polars_tuning_advice(tmp_path):
    labels = tmp_path / "labels.csv"
    labels.write_text('text,label\n"unterminated,positive\n', encoding="utf-8")
    done = cli("sentiment", "eval", str(labels))
    assert done.returncode == 1
    assert "labels.csv: could not be read as a table (invalid csv file" in done.stderr
    assert "is not properly escaped" in done.stderr
    assert "infer_schema_length" not in done.stderr  # advice for programmers, not analysts
