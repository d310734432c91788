"""Reading layer: encodings, delimiters, preambles, multi-line records and their line numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from analytics.errors import ExportFormatError
from analytics.load import iter_load_export, load_export, read, sheets

DATA = Path(__file__).parent / "data" / "load"
ENCODED_MAPPING = DATA / "encodings" / "mapping.toml"


@pytest.mark.parametrize(
    "name",
    [
        "encodings/utf8.csv",
        "encodings/utf8_bom.csv",
        "encodings/utf16le.csv",
        "encodings/utf16be.csv",
        "encodings/cp1252.csv",
        "delimiters/comma.csv",
        "delimiters/semicolon.csv",
        "delimiters/tab.tsv",
    ],
)
def test_every_encoding_and_delimiter_gives_the_same_mentions(name: str) -> None:
    # make_fixtures.py writes the same two records in each encoding/delimiter:
    # id 1, 2026-09-02 08:00:00 (UTC per the mapping), “Kopi” di café ini enak
    result = load_export(DATA / name, brand="Kopi Senja", mapping=ENCODED_MAPPING)
    m = result.mentions
    assert m["mention_id"].to_list() == ["1", "2"]
    assert m["text"].to_list() == ["“Kopi” di café ini enak", "Harga naik 10%"]
    assert m["published_at"].to_list() == [
        dt.datetime(2026, 9, 2, 8, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 9, 2, 9, 30, tzinfo=dt.UTC),
    ]
    assert m["source_row"].to_list() == [2, 3]
    # the BOM never leaks into the first column name (the id would be missing otherwise)
    assert result.rejected.height == 0


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xef\xbb\xbfa,b", "utf-8-sig"),
        (b"\xff\xfea\x00,\x00", "utf-16"),
        (b"\xfe\xff\x00a\x00,", "utf-16"),
        (b"a\x00,\x00b\x00\n\x00", "utf-16-le"),  # no BOM: NULs after each ASCII byte
        (b"\x00a\x00,\x00b\x00\n", "utf-16-be"),
        ("caf\u00e9".encode("cp1252") + b",x\n", "cp1252"),
        ("café".encode() + b",x\n", "utf-8"),
    ],
)
def test_sniff_encoding(head: bytes, expected: str) -> None:
    assert read.sniff_encoding(head) == expected


def test_record_start_lines_count_quoted_newlines() -> None:
    # line 2: a record whose quoted field spans lines 2-4 ("x\n""y""\nz"), line 5 next record
    buf = b'1,"x\n""y""\nz"\n2,plain\n'
    starts, complete = read.record_start_lines(buf, first_line=2)
    assert starts.tolist()[:2] == [2, 5]
    assert complete == len(buf)


def test_multiline_records_blank_lines_and_crlf_keep_true_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    # line 1 header; 2-3 one record (CRLF inside quotes kept as written); 4 blank; 5 record;
    # 6-8 one record with two embedded newlines
    path.write_bytes(
        b"id,waktu,isi,tautan\r\n"
        b'1,2026-09-02 08:00:00,"a\r\nb",u1\r\n'
        b"\r\n"
        b"2,2026-09-02 08:00:00,c,u2\r\n"
        b'3,2026-09-02 08:00:00,"d\ne\nf",u3\r\n'
    )
    m = load_export(path, brand="B", mapping=ENCODED_MAPPING).mentions
    assert m["source_row"].to_list() == [2, 5, 6]
    assert m["text"].to_list() == ["a\r\nb", "c", "d\ne\nf"]


def test_stray_quote_falls_back_to_exact_parsing(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    # a bare quote inside an unquoted field (5" layar) breaks quote parity; the loader must
    # still read 2 records on lines 2 and 3 with the text unchanged
    path.write_text(
        'id,waktu,isi,tautan\n1,2026-09-02 08:00:00,layar 5" retak,u1\n'
        "2,2026-09-02 08:00:00,ok,u2\n",
        encoding="utf-8",
    )
    m = load_export(path, brand="B", mapping=ENCODED_MAPPING).mentions
    assert m["text"].to_list() == ['layar 5" retak', "ok"]
    assert m["source_row"].to_list() == [2, 3]


def test_streamed_batches_equal_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["id,waktu,isi,tautan"]
    for i in range(1, 3001):
        body = f'"baris {i}\nlanjut"' if i % 7 == 0 else f"baris {i}"
        lines.append(f"{i},2026-09-02 08:00:00,{body},https://e.com/{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frames = list(
        read.iter_text_batches(
            path,
            read.header_candidates(path.read_text(encoding="utf-8"))[0],
            "utf-8",
            batch_bytes=4096,
        )
    )
    assert len(frames) > 5  # really batched
    streamed = pl.concat(frames)
    text, enc = read.decode_file(path)
    whole = read.text_table(path, read.header_candidates(text)[0], text, enc).frame
    assert streamed.equals(whole)
    # record i starts on line 2 + (i - 1) + (multi-line records before it); 3000 records,
    # 428 of them (every 7th) take two lines: the last starts at 2 + 2999 + 428 = 3429
    assert streamed[read.ROW].to_list()[-1] == 3429


def _streamed(path: Path, encoding: str, batch_bytes: int) -> pl.DataFrame:
    text, _ = read.decode_file(path)
    header = read.header_candidates(text)[0]
    return pl.concat(read.iter_text_batches(path, header, encoding, batch_bytes=batch_bytes))


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_streamed_utf8_characters_cut_by_a_read_stay_whole(tmp_path: Path, bom: bytes) -> None:
    # 2-, 3- and 4-byte characters everywhere: reads of 4096 bytes cut many of them in two
    path = tmp_path / "multibyte.csv"
    texts = [f'"kopi {"é€😡" * (i % 5)}\nbaris {i}"' for i in range(900)]
    rows = [f"{i},2026-09-02 08:00:00,{text},ü{i}" for i, text in enumerate(texts)]
    path.write_bytes(bom + ("id,waktu,isi,tautan\n" + "\n".join(rows) + "\n").encode("utf-8"))
    streamed = _streamed(path, "utf-8-sig" if bom else "utf-8", 4096)
    assert streamed.height == 900
    assert streamed["isi"][7] == "kopi é€😡é€😡\nbaris 7"
    assert streamed["tautan"][899] == "ü899"
    assert streamed[read.ROW][899] == 2 + 2 * 899  # every record takes two lines
    assert streamed["id"].to_list() == [str(i) for i in range(900)]


def test_streamed_utf8_character_cut_by_the_header_read_stays_whole(tmp_path: Path) -> None:
    # the header is found in the first 64 KiB read; here that read ends inside "😡"
    path = tmp_path / "cut.csv"
    head = b"id,waktu,isi,tautan\n1,2026-09-02 08:00:00,"
    pad = b"x" * (65536 - 2 - len(head))
    path.write_bytes(head + pad + "😡 ok,u\n2,2026-09-02 09:00:00,b,v\n".encode())
    streamed = _streamed(path, "utf-8", 1 << 16)
    assert streamed["isi"].to_list() == [pad.decode() + "😡 ok", "b"]


def test_streamed_bytes_that_are_not_utf8_name_the_line(tmp_path: Path) -> None:
    # valid UTF-8 for the first 64 KiB (so the file is read as UTF-8), then a cp1252 "é"
    path = tmp_path / "mixed.csv"
    good = [f"{i},2026-09-02 08:00:00,baris {i} {'x' * 80},u" for i in range(1, 1001)]
    body = "id,waktu,isi,tautan\n" + "\n".join(good) + "\n"
    path.write_bytes(body.encode("utf-8") + b"1001,2026-09-02 08:00:00,caf\xe9,u\n")
    with pytest.raises(ExportFormatError, match=r"mixed\.csv: near line 1002 the bytes are not"):
        list(iter_load_export(path, brand="B", mapping=ENCODED_MAPPING))


def test_excel_cell_text_marks_rounded_numbers() -> None:
    # a 18-digit id stored as an Excel number keeps only 15 significant digits
    assert sheets.excel_cell(570306123456789012.0) == "5.70306123456789E+17"
    assert sheets.excel_cell(42.0) == "42"
    assert sheets.excel_cell(dt.datetime(2026, 9, 2, 8, 15)) == "2026-09-02 08:15:00"
    assert sheets.excel_cell(None) == ""


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\xff\xfe" + "id,waktu".encode("utf-16-le") + b"\x00")  # odd length
    with pytest.raises(ExportFormatError, match=r"broken\.csv"):
        load_export(path, brand="B", mapping=ENCODED_MAPPING)


def test_record_with_more_cells_than_the_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "shifted.csv"
    # line 3: an unquoted comma splits the text, so the url lands in a fifth cell
    path.write_text(
        "id,waktu,isi,tautan\n"
        "1,2026-09-02 08:00:00,baik,u1\n"
        "2,2026-09-02 08:00:00,mahal, banget,u2\n"
        '3,2026-09-02 08:00:00,"ok\nlanjut",u3\n',
        encoding="utf-8",
    )
    result = load_export(path, brand="B", mapping=ENCODED_MAPPING)
    assert result.mentions["source_row"].to_list() == [2, 4]
    assert result.rejected["source_row"].to_list() == [3]
    assert result.rejected["reason"][0] == (
        'the record has more cells than the header\'s 4: extra ["u2"] '
        "(an unquoted delimiter inside a text?)"
    )
