"""Generic loader: TOML mapping, other containers, streaming and a round-trip property."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.errors import ExportFormatError
from analytics.load import clean, iter_load_export, load_export

DATA = Path(__file__).parent / "data" / "load" / "generic"
UTC = dt.UTC

SIMPLE_MAPPING = """
[columns]
mention_id = "id"
published_at = "time"
text = "text"
url = "link"
likes = ["likes", "suka"]

[time]
timezone = "UTC"

[constants]
platform = "twitter"
"""


def _mapping(tmp_path: Path, text: str = SIMPLE_MAPPING) -> Path:
    path = tmp_path / "mapping.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_semicolon_file_with_every_quirk() -> None:
    result = load_export(
        DATA / "mentions.csv",
        brand="Kopi Senja",
        mapping=DATA / "mapping.toml",
        brand_handles=["kopisenjaid"],
    )
    m = result.mentions
    assert result.format == "generic"
    assert m["source_row"].to_list() == [2, 4, 5, 7]  # record 1 spans lines 2-3

    one = m.row(0, named=True)
    # 02/09/2026 08:15 read as day/month (the mapping says so) in Jakarta = 01:15 UTC
    assert one["published_at"] == dt.datetime(2026, 9, 2, 1, 15, tzinfo=UTC)
    assert one["text"] == 'Kopi "Senja" basi;\nparah'
    # 1.2K, 3,4 rb, 10.000 and 2 jt
    assert (one["likes"], one["comments"], one["shares"], one["reach"]) == (
        1200,
        3400,
        10000,
        2_000_000,
    )
    assert one["engagement"] == 1200 + 3400 + 10000
    assert one["platform"] == "x"  # "Twitter"
    assert one["language"] == "id"  # constant from the mapping
    assert one["source_sentiment"] == "negatif"

    two = m.row(1, named=True)
    # Excel serial 42059.48 = 2015-02-24 11:31:12 Jakarta = 04:31:12 UTC
    assert two["published_at"] == dt.datetime(2015, 2, 24, 4, 31, 12, tzinfo=UTC)
    assert two["url"] == "https://fb.com/p/1"  # =HYPERLINK(url, label): the link
    assert two["text"] == "lihat"  # ... and the label for text
    assert two["likes"] is None  # "-"
    assert two["shares"] == 0  # "0" is a real zero
    assert two["reach"] is None  # "15%" is not a count
    assert "date_from_excel_serial" in two["load_notes"]
    assert "unparsed_number:Jangkauan" in two["load_notes"]

    three = m.row(2, named=True)
    assert three["text"] is None  # "#NAME?": Excel destroyed the text
    assert three["load_notes"] == "excel_formula_error:Isi"

    five = m.row(3, named=True)
    assert five["text"] == "0012"  # ="0012"
    assert five["is_brand_post"] is True  # author KopiSenjaID in brand_handles

    assert result.rejected["source_row"].to_list() == [6]
    assert result.rejected["reason"][0] == (
        'column "Tanggal": value "2026-09-03" is not a time in the expected layout (%d/%m/%Y %H:%M)'
    )
    assert '1 cells of column "Isi" hold an Excel formula error' in result.notes[1]


def test_json_jsonl_parquet_and_xlsx_give_the_same_rows(tmp_path: Path) -> None:
    mapping = _mapping(tmp_path)
    records = [
        {
            "id": "1",
            "time": "2026-09-02T08:00:00Z",
            "text": "halo",
            "link": "https://e/1",
            "likes": 3,
        },
        {"id": "2", "time": "2026-09-02 09:00:00", "text": "kopi", "link": None, "likes": None},
    ]
    (tmp_path / "m.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "m.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    pl.DataFrame(records).write_parquet(tmp_path / "m.parquet")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(records[0]))
    for r in records:
        sheet.append(list(r.values()))
    book.save(tmp_path / "m.xlsx")
    for name in ("m.json", "m.jsonl", "m.parquet", "m.xlsx"):
        m = load_export(tmp_path / name, brand="B", mapping=mapping).mentions
        assert m["mention_id"].to_list() == ["1", "2"], name
        # ISO with Z is UTC; the naive one is read in the mapping's zone (UTC)
        assert m["published_at"].to_list() == [
            dt.datetime(2026, 9, 2, 8, 0, tzinfo=UTC),
            dt.datetime(2026, 9, 2, 9, 0, tzinfo=UTC),
        ], name
        assert m["likes"].to_list() == [3, None], name
        assert m["platform"].to_list() == ["x", "x"], name  # constant "twitter"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("[columns]\ntext = 'a'\n", r"published_at is required"),
        ("[columns]\npublished_at = 'a'\n", r"needs text or url"),
        ("[columns]\npublished_at = 'a'\nbody = 'b'\n", r"'body' is not a canonical field"),
        ("[colums]\n", r"unknown section\(s\) \['colums'\]"),
        (
            "[columns]\npublished_at='t'\ntext='x'\n[time]\ntimezon='UTC'\n",
            r"\[time\] unknown key\(s\) \['timezon'\]",
        ),
        (
            "[columns]\npublished_at='t'\ntext='x'\n[constants]\npublished_at='2026'\n",
            r"'published_at' cannot be a constant",
        ),
        ("[columns\n", r"not valid TOML"),
        (
            "[columns]\npublished_at='t'\ntext='x'\n[time]\ntimezone='WIB'\n",
            r"\[time\] timezone 'WIB' is not a time zone name; expected an IANA name",
        ),
        (  # a number instead of a layout string was a TypeError traceback
            "[columns]\npublished_at='t'\ntext='x'\n[time]\nformat=12\n",
            r"\[time\] format must be a layout string or a list of them",
        ),
        (
            "[columns]\npublished_at='t'\ntext='x'\n[time]\ntimezone=7\n",
            r"\[time\] timezone 7 is not a time zone name",
        ),
        # the next three were AttributeError, LookupError and TypeError tracebacks
        ("columns = 'x'\n", r"columns must be a \[columns\] section of key = value lines"),
        (
            "[columns]\npublished_at='t'\ntext='x'\n[file]\nencoding='klingon'\n",
            r"\[file\] encoding 'klingon' is not known",
        ),
        (
            "[columns]\npublished_at='t'\ntext='x'\n[file]\ndelimiter='abc'\n",
            r"\[file\] delimiter must be one character such as ';', got 'abc'",
        ),
    ],
)
def test_mapping_errors_name_the_key(tmp_path: Path, mapping: str, message: str) -> None:
    path = tmp_path / "data.csv"
    path.write_text("t,x\n2026-09-02 08:00:00,a\n", encoding="utf-8")
    with pytest.raises(ExportFormatError, match=message):
        load_export(path, brand="B", mapping=_mapping(tmp_path, mapping))


def test_missing_source_column_lists_what_the_file_has(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("id,time,isi\n1,2026-09-02 08:00:00,a\n", encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"data\.csv: no header line .* lacks: text"):
        load_export(path, brand="B", mapping=_mapping(tmp_path))


def test_generic_without_mapping_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"data\.csv: the generic format needs a mapping"):
        load_export(path, brand="B", format="generic")


def test_iter_load_export_streams_batches_equal_to_one_load(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "time", "text", "link", "likes"])
        for i in range(20_000):
            text = f"baris {i}\nkedua" if i % 11 == 0 else f"baris {i}"
            writer.writerow([i, "2026-09-02 08:00:00", text, f"https://e/{i}", i % 5])
        writer.writerow(["bad", "kemarin", "x", "https://e/bad", 1])
    mapping = _mapping(tmp_path)
    batches = list(iter_load_export(path, brand="B", mapping=mapping, batch_rows=2_000))
    assert len(batches) >= 5
    streamed = pl.concat([b.mentions for b in batches])
    whole = load_export(path, brand="B", mapping=mapping)
    assert streamed.equals(whole.mentions)
    assert streamed.height == 20_000
    # 20,000 records, 1,819 of them (i % 11 == 0) on two lines: the bad row is on line
    # 1 + 20,000 + 1,819 + 1 = 21,821
    rejected = pl.concat([b.rejected for b in batches])
    assert rejected["source_row"].to_list() == [21_821]


ROUND_TRIP_MAPPING = """
[columns]
mention_id = "id"
published_at = "time"
text = "text"
url = "link"
"""

# quotes, newlines, delimiters, apostrophes, emoji and any other printable character; texts
# that are Excel formula artefacts (a leading "=", "#NAME?") are repaired on purpose and are
# tested with fixtures instead
_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\n\",;\t'😀🙏"
    ),
    max_size=40,
).filter(lambda t: not t.startswith("=") and t not in clean.FORMULA_ERRORS)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_TEXT, min_size=1, max_size=8), delimiter=st.sampled_from([",", ";", "\t"]))
def test_round_trip_of_arbitrary_texts(tmp_path: Path, texts: list[str], delimiter: str) -> None:
    path = tmp_path / "round.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["id", "time", "text", "link"])
        for i, text in enumerate(texts):
            writer.writerow([i, "2026-09-02 08:00:00", text, f"https://e/{i}"])
    mapping = _mapping(tmp_path, ROUND_TRIP_MAPPING)
    m = load_export(path, brand="B", mapping=mapping).mentions
    # texts survive exactly; only a text of nothing but blanks becomes null (no text)
    expected = [t if t.strip() else None for t in texts]
    assert m["text"].to_list() == expected
    # and every record starts on the line the csv module put it
    lines, line = [], 2
    for text in texts:
        lines.append(line)
        line += text.count("\n") + 1
    assert m["source_row"].to_list() == lines


def test_surrogate_id_is_sha1_of_the_documented_key(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "noid.csv"
    path.write_text(
        "time,text,link,author\n2026-09-02 08:15:00,halo,https://x.com/budi/status/1,@budi\n",
        encoding="utf-8",
    )
    mapping = _mapping(
        tmp_path,
        '[columns]\npublished_at="time"\ntext="text"\nurl="link"\nauthor="author"\n'
        '[time]\ntimezone="Asia/Jakarta"\n',
    )
    m = load_export(path, brand="B", mapping=mapping).mentions
    # platform from the url (x.com -> x), 08:15 Jakarta = 01:15 UTC, author without "@"
    key = "x|https://x.com/budi/status/1|budi|2026-09-02T01:15:00.000000Z|halo"
    assert m["mention_id"][0] == "h:" + hashlib.sha1(key.encode()).hexdigest()
    assert m["id_is_surrogate"][0] is True


def test_header_found_under_a_preamble_or_given_by_line(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    preamble = "".join(f"Catatan {i}\n" for i in range(1, 15))  # 14 lines of notes
    path.write_text(
        preamble + "id,time,text,link,likes\n1,2026-09-02 08:00:00,halo,https://e/1,2\n",
        encoding="utf-8",
    )
    # the header is on line 15, beyond the 12 scanned by default: header_line says where
    with pytest.raises(ExportFormatError, match=r"no header line in the first 12 lines"):
        load_export(path, brand="B", mapping=_mapping(tmp_path))
    mapping = _mapping(tmp_path, SIMPLE_MAPPING + "\n[file]\nheader_line = 15\n")
    result = load_export(path, brand="B", mapping=mapping)
    assert result.mentions["source_row"].to_list() == [16]
    assert result.detection_reason.endswith("header on line 15")


def test_old_excel_format_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ExportFormatError, match=r"old\.xls: the old binary Excel format"):
        load_export(path, brand="B")


def test_mapping_column_names_match_without_case(tmp_path: Path) -> None:
    path = tmp_path / "caps.csv"
    path.write_text("ID,TIME,TEXT,LINK\n7,2026-09-02 08:00:00,halo,https://e/7\n", encoding="utf-8")
    mapping = _mapping(
        tmp_path, '[columns]\nmention_id="id"\npublished_at="time"\ntext="text"\nurl="link"\n'
    )
    m = load_export(path, brand="B", mapping=mapping).mentions
    assert m["mention_id"].to_list() == ["7"]
    assert m["text"].to_list() == ["halo"]


def test_excel_cell_under_no_header_rejects_the_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "time", "text", "link", "likes"])
    sheet.append(["1", "2026-09-02 08:00:00", "halo", "https://e/1", 1])
    sheet.append(["2", "2026-09-02 08:00:00", "geser", "https://e/2", 1, "sisa"])  # 6th cell
    book.save(tmp_path / "wide.xlsx")
    result = load_export(tmp_path / "wide.xlsx", brand="B", mapping=_mapping(tmp_path))
    assert result.mentions["source_row"].to_list() == [2]
    assert result.rejected["source_row"].to_list() == [3]  # sheet row 3
    assert '["sisa"]' in result.rejected["reason"][0]


def test_json_object_with_records_under_a_key(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(
        json.dumps(
            {
                "meta": {"n": 1},
                "data": {
                    "items": [
                        {
                            "id": "9",
                            "time": "2026-09-02T08:00:00Z",
                            "text": "halo",
                            "link": "https://e/9",
                            "likes": "1,5 rb",
                        }
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    plain = _mapping(tmp_path)
    with pytest.raises(
        ExportFormatError, match=r"api\.json: a JSON object.*keys found: meta, data"
    ):
        load_export(path, brand="B", mapping=plain)
    keyed = _mapping(tmp_path, SIMPLE_MAPPING + '\n[file]\nrecords = "data.items"\n')
    m = load_export(path, brand="B", mapping=keyed).mentions
    assert m["mention_id"].to_list() == ["9"]
    assert m["likes"].to_list() == [1500]  # "1,5 rb" = 1.5 thousand


def test_json_records_that_are_not_objects_are_named(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text('[{"id": "1"}, "oops"]', encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"a\.json: record 2 is str, not an object"):
        load_export(array, brand="B", mapping=_mapping(tmp_path))
    lines = tmp_path / "b.jsonl"
    lines.write_text('{"id": "1"}\n\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"b\.jsonl: line 3 is list, not an object"):
        load_export(lines, brand="B", mapping=_mapping(tmp_path))


def test_platform_words_stars_and_language_codes_normalised(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text(
        "id,time,text,store,stars,lang\n"
        "1,2026-01-05 10:00:00,app mati,google play,1,in\n"
        "2,2026-01-05 11:00:00,ok,Google Play Store,3,en-US\n"
        "3,2026-01-05 12:00:00,bagus,gogle pley,5,und\n",
        encoding="utf-8",
    )
    mapping = _mapping(
        tmp_path,
        '[columns]\nmention_id = "id"\npublished_at = "time"\ntext = "text"\n'
        'platform = "store"\nsource_sentiment = "stars"\nlanguage = "lang"\n',
    )
    result = load_export(path, brand="B", mapping=mapping)
    m = result.mentions.sort("mention_id")
    assert m["platform"].to_list() == ["google_play", "google_play", "other"]
    # stars by the documented rule, never all read as positive labels
    assert m["source_sentiment"].to_list() == ["negative", "neutral", "positive"]
    assert m["language"].to_list() == ["id", "en", None]
    assert '1 rows name the platform "gogle pley", which is not known: stored as other' in (
        result.notes
    )
    assert any("star ratings read as sentiment" in n for n in result.notes)


def test_unknown_platform_constant_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("time,text\n2026-01-05 10:00:00,halo\n", encoding="utf-8")
    mapping = _mapping(
        tmp_path,
        '[columns]\npublished_at = "time"\ntext = "text"\n[constants]\nplatform = "friendster"\n',
    )
    result = load_export(path, brand="B", mapping=mapping)
    assert result.mentions["platform"].to_list() == ["other"]
    assert any('platform "friendster" (from the mapping) is not known' in n for n in result.notes)
