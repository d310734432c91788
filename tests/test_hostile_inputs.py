"""Hostile and careless inputs through the loaders and the CLI: one-line errors, nothing lost.

Fixtures are in tests/data/hostile/ (see its README); the big, binary and XLSX cases are
generated here at test time. Each test names the finding of issue 12 it guards.
"""

from __future__ import annotations

import io
import json
import random
import re
import tracemalloc
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from in_process_cli import cli

from analytics.errors import ExportFormatError, InputDataError
from analytics.load import iter_load_export, load_export
from analytics.load.sheets import excel_sheets
from analytics.measure.events import read_events, read_events_with_rejects

DATA = Path(__file__).parent / "data" / "hostile"


def one_line_error(result: SimpleNamespace) -> str:
    """The error a failed command printed: exactly one line, no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def ingest(tmp_path: Path, file: Path, mapping: str = "mapping.toml") -> SimpleNamespace:
    return cli(
        "ingest", str(file), "--brand", "Kopi Senja", "--format", "generic",
        "--mapping", str(DATA / mapping), "--store", str(tmp_path / "store"), "--json",
    )  # fmt: skip


# ---------------------------------------------------------------- XLSX


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _set_dimension(path: Path, ref: str) -> None:
    """Rewrite the sheet's <dimension> tag, as a careless export tool writes it."""
    src = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data)
            zout.writestr(item, data)


ROWS = [["id", "time", "text", "likes"]] + [
    [str(i), f"2026-09-02 0{i}:00:00", f"teks {i}", i] for i in range(1, 6)
]


def test_xlsx_whose_dimension_understates_its_rows_is_read_whole(tmp_path):
    path = _workbook(tmp_path / "under.xlsx", ROWS)
    _set_dimension(path, "A1:D3")  # says 2 data rows; the sheet holds 5
    m = load_export(path, brand="B", mapping=DATA / "mapping.toml").mentions
    assert m["mention_id"].to_list() == ["1", "2", "3", "4", "5"]


def test_xlsx_declaring_the_whole_grid_with_one_far_cell_stays_small(tmp_path):
    path = tmp_path / "far.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ROWS[:3]:
        sheet.append(row)
    sheet["XFD1048576"] = "far"  # openpyxl then writes <dimension ref="A1:XFD1048576">
    book.save(path)
    assert path.stat().st_size < 10_000
    tracemalloc.start()
    try:
        rows = excel_sheets(path)["Sheet"]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 2**20  # a reader trusting the tag asks for gigabytes
    assert len(rows) == 1_048_576 and rows[-1][-1] == "far"
    result = load_export(path, brand="B", mapping=DATA / "mapping.toml")
    # the far cell is kept: its row is set aside with the reason, not dropped
    assert result.mentions["mention_id"].to_list() == ["1", "2"]
    assert result.rejected["source_row"].to_list() == [1_048_576]


def test_xlsx_past_the_cell_budget_is_a_clear_error(tmp_path):
    path = _workbook(tmp_path / "wide.xlsx", ROWS)
    with pytest.raises(ExportFormatError, match=r"wide.xlsx: sheet \"Sheet\" holds more cells"):
        excel_sheets(path, cell_budget=10)


def test_xlsx_formulas_without_cached_values_are_noted_not_silently_empty(tmp_path):
    rows = [row[:] for row in ROWS]
    rows[2][2] = '=CONCAT("teks ", A3)'  # openpyxl saves formulas without a computed value
    rows[3][3] = "=D3*2"
    path = _workbook(tmp_path / "formulas.xlsx", rows)
    result = load_export(path, brand="B", mapping=DATA / "mapping.toml")
    m = result.mentions
    # no row lost: the one whose only text is an uncomputed formula is set aside saying so
    assert m["mention_id"].to_list() == ["1", "3", "4", "5"]
    (reason,) = result.rejected["reason"].to_list()
    assert "hold Excel formulas saved without their computed value" in reason
    assert m["likes"].to_list() == [1, None, 4, 5]
    notes = " ".join(result.notes)
    assert '1 cells of column "likes" are formulas saved without their computed value' in notes
    assert "excel_formula_uncomputed:likes" in m["load_notes"][1]


# ---------------------------------------------------------------- ids


def test_a_constant_id_that_collapses_most_rows_is_an_error(tmp_path):
    result = ingest(tmp_path, DATA / "plain.csv", "mapping_same_id.toml")
    line = one_line_error(result)
    assert "the mention ids merge 5 of 5 rows" in line and '"same"' in line
    with pytest.raises(InputDataError, match=r"plain.csv: the mention ids merge 5 of 5 rows"):
        load_export(DATA / "plain.csv", brand="B", mapping=DATA / "mapping_same_id.toml")


def test_a_file_listing_the_same_mention_twice_is_not_refused(tmp_path):
    lines = (DATA / "plain.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("".join(lines + lines[1:]), encoding="utf-8")
    assert load_export(doubled, brand="B", mapping=DATA / "mapping.toml").mentions.height == 10


def test_the_same_file_resaved_with_crlf_line_ends_adds_nothing(tmp_path):
    lf = DATA / "plain.csv"
    crlf = tmp_path / "plain_windows.csv"
    crlf.write_bytes(lf.read_bytes().replace(b"\n", b"\r\n"))
    first = json.loads(ingest(tmp_path, lf, "mapping_no_id.toml").stdout)
    second = ingest(tmp_path, crlf, "mapping_no_id.toml")
    assert second.returncode == 0
    payload = json.loads(second.stdout)
    assert (first["stored"], payload["stored"], payload["duplicates"]) == (5, 0, 5)


# ---------------------------------------------------------------- exit codes


def test_an_ingest_that_rejects_every_row_exits_non_zero(tmp_path):
    result = cli(
        "ingest", str(DATA / "all_rejected.csv"), "--brand", "B", "--format", "generic",
        "--mapping", str(DATA / "mapping.toml"), "--store", str(tmp_path / "store"),
    )  # fmt: skip
    line = one_line_error(result)
    assert "all_rejected.csv: all 2 rows were rejected, nothing was stored" in line
    assert "kemarin sore" in line


# ---------------------------------------------------------------- memory


def test_a_300_kb_first_record_is_read_in_a_bounded_batch(tmp_path):
    path = tmp_path / "long_first.csv"
    long_text = "kopi basi " * 40_000  # 400 KB, longer than the 256 KiB detection sample
    path.write_text(
        f'id,time,text,likes\n1,2026-09-02 08:00:00,"{long_text}",1\n'
        "2,2026-09-02 09:00:00,pendek,2\n",
        encoding="utf-8",
    )
    tracemalloc.start()
    try:
        batches = list(iter_load_export(path, brand="B", mapping=DATA / "mapping.toml"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    texts = [t for b in batches for t in b.mentions["text"].to_list()]
    assert texts == [long_text, "pendek"]
    assert peak < 500 * 2**20


# ---------------------------------------------------------------- mapping files


@pytest.mark.parametrize(("mapping", "codec"), [("mapping_rot13.toml", "rot13"),
                                                ("mapping_zlib.toml", "zlib_codec")])  # fmt: skip
def test_a_mapping_naming_a_codec_that_is_not_a_text_encoding(tmp_path, mapping, codec):
    line = one_line_error(ingest(tmp_path, DATA / "plain.csv", mapping))
    assert f"mapping file {mapping}: [file] encoding '{codec}' is not known as a text encoding" in (
        line
    )


def test_a_binary_mapping_file_is_blamed_on_the_mapping(tmp_path):
    binary = tmp_path / "mapping.toml"
    binary.write_bytes(bytes(range(256)) * 4)
    line = one_line_error(
        cli("ingest", str(DATA / "plain.csv"), "--brand", "B", "--format", "generic",
            "--mapping", str(binary), "--store", str(tmp_path / "store"))
    )  # fmt: skip
    assert "mapping file mapping.toml: is a binary file" in line
    assert "plain.csv" not in line.split("error:")[-1].split("mapping file")[0]


def test_a_mapping_nested_thousands_deep_is_a_clear_error(tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    line = one_line_error(ingest(tmp_path, DATA / "plain.csv", str(deep)))
    assert "mapping file deep.toml: nested deeper than about" in line


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_json_nested_thousands_deep_is_a_clear_error(tmp_path, suffix):
    deep = tmp_path / f"deep{suffix}"
    nested = '{"text": ' + "[" * 20_000 + "]" * 20_000 + ', "time": "2026-09-02 08:00:00"}'
    deep.write_text(nested + ("\n" + nested if suffix == ".jsonl" else ""), encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"deep\.jsonl?.*nested deeper than about"):
        load_export(deep, brand="B", mapping=DATA / "mapping_no_id.toml")


# ---------------------------------------------------------------- times


def test_a_non_existent_local_time_is_named_as_such(tmp_path):
    result = load_export(DATA / "new_york.csv", brand="B", mapping=DATA / "mapping_new_york.toml")
    assert result.mentions["mention_id"].to_list() == ["1", "3"]
    (reason,) = result.rejected["reason"].to_list()
    assert '"2026-03-08 02:30:00" is a non-existent local time in America/New_York' in reason


def test_a_non_existent_local_time_in_an_events_file_is_not_accepted():
    events, rejects = read_events_with_rejects(DATA / "events_new_york.csv", tz="America/New_York")
    assert events.height == 0
    assert "non-existent local time in America/New_York" in rejects["reason"][0]
    with pytest.raises(InputDataError, match="non-existent local time"):
        read_events(DATA / "events_new_york.csv", tz="America/New_York")


# ---------------------------------------------------------------- side files


def test_an_events_file_with_a_1_2_mb_field_is_read(tmp_path):
    long = "x" * 1_200_000
    path = tmp_path / "events.csv"
    path.write_text(
        f"time,channel,type,description\n2026-09-02 09:00,x,apology,{long}\n", encoding="utf-8"
    )
    events = read_events(path)
    assert events["description"].to_list() == [long]


# ---------------------------------------------------------------- every vendor loader

LOAD = Path(__file__).parent / "data" / "load"
VENDOR_FILES = sorted(
    p for p in LOAD.rglob("*") if p.suffix in (".csv", ".tsv") and p.parent.name != "encodings"
)


def _load_any(path: Path, fixture: Path | None = None):  # noqa: ANN202 - a LoadResult
    mapping = (fixture or path).parent / "mapping.toml"
    return load_export(path, brand="B", mapping=mapping if mapping.exists() else None)


def _original(path: Path):  # noqa: ANN202 - a LoadResult
    try:
        return _load_any(path)
    except ExportFormatError:
        pytest.skip("this fixture is read with options its own tests give (format, mapping)")


@pytest.mark.parametrize("path", VENDOR_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_loader_reads_its_export_resaved_with_crlf_the_same(path, tmp_path):
    from analytics.load.read import decode_file

    text, encoding = decode_file(path)
    if "\r\n" in text:
        pytest.skip("the fixture already has CRLF line ends")
    before = _original(path)
    crlf = tmp_path / path.name
    bom = "\ufeff" if encoding in ("utf-8-sig", "utf-16") else ""
    crlf.write_bytes((bom + text.replace("\n", "\r\n")).encode(encoding.replace("-sig", "")))
    after = _load_any(crlf, path)
    assert after.mentions["mention_id"].to_list() == before.mentions["mention_id"].to_list()
    assert after.rejected.height == before.rejected.height
    assert after.daily_metrics.height == before.daily_metrics.height


@pytest.mark.parametrize("path", VENDOR_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_loader_on_damaged_bytes_loads_or_says_why_in_one_line(path, tmp_path):
    """Seeded damage (bytes overwritten, the file cut short, markup and a 300 KB text
    pasted into a line): the file loads, or fails with an AnalyticsError in one line;
    never another exception (a traceback)."""
    from analytics.errors import AnalyticsError

    data = path.read_bytes()
    rng = random.Random(path.name)
    damaged = bytearray(data)
    for _ in range(5):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    cut = data[: rng.randrange(len(data) // 2, len(data))]
    lines = data.split(b"\n")
    at = rng.randrange(1, max(2, len(lines) - 1))
    lines[at] = lines[at] + b' <a href="https://evil.example/">x</a>' + b"y" * 300_000
    for name, variant in (("bytes", bytes(damaged)), ("cut", cut), ("long", b"\n".join(lines))):
        copy = tmp_path / name / path.name
        copy.parent.mkdir()
        copy.write_bytes(variant)
        try:  # any other exception fails the test: a traceback would reach the user
            _load_any(copy, path)
        except AnalyticsError as error:
            assert "\n" not in str(error).strip(), (name, str(error))
