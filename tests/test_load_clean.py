"""Cell cleaners: numbers, times, Excel damage, ids, formulas (expected values by hand)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from analytics.load import clean, times

UTC = dt.UTC


def _numbers(values: list[str | None]) -> list[float | None]:
    return (
        pl.DataFrame({"v": values}, schema={"v": pl.Utf8})
        .select(clean.number(pl.col("v")))
        .to_series()
        .to_list()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10,000", 10000.0),  # English thousands
        ("10.000", 10000.0),  # Indonesian thousands
        ("1.234.567", 1234567.0),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),  # Indonesian decimal comma
        ("424.0", 424.0),  # X legacy float counts
        ("0.007", 0.007),  # a leading 0 group is never a thousands group
        ("1.2K", 1200.0),
        ("3,4 rb", 3400.0),  # 3,4 ribu = 3.4 thousand
        ("2 jt", 2_000_000.0),  # 2 juta = 2 million
        ("2.5M", 2_500_000.0),
        ("3.45%", 0.0345),
        ("5.70306E+17", 5.70306e17),
        ("-12", -12.0),
        (" 7 ", 7.0),
    ],
)
def test_number_formats(text: str, expected: float) -> None:
    assert _numbers([text])[0] == pytest.approx(expected)


@pytest.mark.parametrize("text", ["-", "", "  ", "n/a", "N/A", None, "—"])
def test_placeholders_are_null_not_zero(text: str | None) -> None:
    assert _numbers([text]) == [None]


def test_garbage_number_is_null() -> None:
    assert _numbers(["abc", "12abc34", "1,2,3"]) == [None, None, None]


def test_count_keeps_percent_out_and_notes_unreadable_values() -> None:
    frame = pl.DataFrame({"Likes": ["15%", "abc", "1.2K", "-"]})
    value, note = clean.count("Likes")
    out = frame.select(value.alias("v"), note.alias("n"))
    # 15% is a rate, not a count -> null; abc -> null with a note; 1.2K -> 1200; "-" -> null
    assert out["v"].to_list() == [None, None, 1200, None]
    assert out["n"].to_list() == [
        "unparsed_number:Likes",
        "unparsed_number:Likes",
        None,
        None,
    ]


def test_count_reads_padded_integers_and_placeholders_without_a_note() -> None:
    # blanks around a number and placeholder words are not "unreadable": no note for them
    frame = pl.DataFrame({"Likes": ["12", " 7 ", "n/a", "N/A", "", "  ", None, "#N/A"]})
    value, note = clean.count("Likes")
    out = frame.select(value.alias("v"), note.alias("n"))
    assert out["v"].to_list() == [12, 7, None, None, None, None, None, None]
    assert out["n"].to_list() == [None] * 8


def _times(values: list[str], formats: list[str], tz: str) -> tuple[list, list]:
    frame = pl.DataFrame({"t": values})
    value, note = times.local_time(pl.col("t"), formats, tz)
    out = frame.select(value.alias("v"), note.alias("n"))
    return out["v"].to_list(), out["n"].to_list()


def test_local_time_jakarta_to_utc_and_excel_serial() -> None:
    values, notes = _times(
        ["2026-09-02 08:15:00", "42059.48", "02/09/2026 08:15"],
        ["%Y-%m-%d %H:%M:%S"],
        "Asia/Jakarta",
    )
    # 08:15 WIB (UTC+7) = 01:15 UTC; serial 42059 = 2015-02-24, .48 day = 41472 s = 11:31:12
    # local -> 04:31:12 UTC; the slashed date does not match the format: never guessed
    assert values == [
        dt.datetime(2026, 9, 2, 1, 15, tzinfo=UTC),
        dt.datetime(2015, 2, 24, 4, 31, 12, tzinfo=UTC),
        None,
    ]
    assert notes == [None, "date_from_excel_serial", None]


def test_local_time_dst_gap_and_overlap_in_pacific_time() -> None:
    values, _ = _times(
        ["2026-03-08 02:30", "2026-11-01 01:30", "2026-09-02 03:15"],
        ["%Y-%m-%d %H:%M"],
        "America/Los_Angeles",
    )
    # 02:30 does not exist on 8 March 2026 (clocks jump 02:00 -> 03:00): null, not shifted;
    # 01:30 on 1 November happens twice: the earlier (PDT, UTC-7) = 08:30 UTC;
    # September is PDT: 03:15 + 7 h = 10:15 UTC
    assert values == [
        None,
        dt.datetime(2026, 11, 1, 8, 30, tzinfo=UTC),
        dt.datetime(2026, 9, 2, 10, 15, tzinfo=UTC),
    ]


def test_two_digit_year_is_not_read_as_year_25() -> None:
    values, _ = _times(["07-Jul-25 05:12 PM"], ["%d-%b-%Y %I:%M %p"], "UTC")
    # %Y would read "25" as the year 25 AD: rejected as implausible instead
    assert values == [None]


def test_aware_time_legacy_x() -> None:
    out = pl.DataFrame({"t": ["2015-09-30 18:42 +0000", "2015-09-30 18:42 +0700"]}).select(
        times.aware_time(pl.col("t"), ["%Y-%m-%d %H:%M %z"])
    )
    # +0700 means 7 hours ahead of UTC: 18:42 - 7 h = 11:42 UTC
    assert out.to_series().to_list() == [
        dt.datetime(2015, 9, 30, 18, 42, tzinfo=UTC),
        dt.datetime(2015, 9, 30, 11, 42, tzinfo=UTC),
    ]


def test_native_id_excel_rounding() -> None:
    frame = pl.DataFrame(
        {
            "id": ["5.70306E+17", "5.70306E+17", "1800000000000000001", "424.0"],
            "url": [
                "https://twitter.com/a/status/570306123456789012",
                "https://www.facebook.com/a/posts/1",
                None,
                None,
            ],
        }
    )
    value, note = clean.native_id(pl.col("id"), pl.col("url"))
    out = frame.select(value.alias("v"), note.alias("n"))
    # rounded + status URL -> the URL's id; rounded without one -> null (surrogate later);
    # a plain id is kept; a float-looking id loses its ".0"
    assert out["v"].to_list() == ["570306123456789012", None, "1800000000000000001", "424"]
    assert out["n"].to_list() == ["id_recovered_from_url", "id_rounded_by_excel", None, None]


def test_text_repairs_excel_damage() -> None:
    frame = pl.DataFrame(
        {
            "c": [
                '=HYPERLINK("https://x.com/a/status/1","lihat")',
                '="00123"',
                "#NAME?",
                "'@Reply",
                "'90s kopi",
                "biasa",
            ]
        }
    )
    text, note = clean.text("c", unguard=True)
    kept, _ = clean.text("c")
    url, _ = clean.text("c", want_url=True)
    out = frame.select(text.alias("t"), note.alias("n"), url.alias("u"), kept.alias("k"))
    assert out["t"].to_list() == ["lihat", "00123", None, "@Reply", "'90s kopi", "biasa"]
    # without unguard (tools not known to add the guard) the apostrophe is the author's
    assert out["k"][3] == "'@Reply"
    assert out["u"][0] == "https://x.com/a/status/1"
    assert out["n"].to_list() == [
        "hyperlink_formula_recovered",
        "formula_prefix_stripped",
        "excel_formula_error:c",
        None,
        None,
        None,
    ]


def test_free_text_is_kept_exactly_but_blank_is_empty() -> None:
    frame = pl.DataFrame({"c": ["  dua spasi \n", "   ", "-", ""]})
    text, _ = clean.text("c")
    url, _ = clean.text("c", want_url=True)
    out = frame.select(text.alias("t"), url.alias("u"))
    # a text "-" is what the author wrote; a url "-" is the tool's "not available"
    assert out["t"].to_list() == ["  dua spasi \n", None, "-", None]
    assert out["u"].to_list() == ["dua spasi", None, None, None]


def test_add_counts_null_only_when_nothing_present() -> None:
    frame = pl.DataFrame(
        {"a": [1, None, None], "b": [2, 5, None], "c": [None, None, None]},
        schema={"a": pl.Int64, "b": pl.Int64, "c": pl.Int64},
    )
    out = frame.select(clean.add_counts(pl.col("a"), pl.col("b"), pl.col("c")))
    assert out.to_series().to_list() == [3, 5, None]


def test_half_hour_dst_shift_lord_howe() -> None:
    values, _ = _times(
        ["2026-10-04 01:45", "2026-10-04 02:15", "2026-10-04 02:45"],
        ["%Y-%m-%d %H:%M"],
        "Australia/Lord_Howe",
    )
    # Lord Howe moves from +10:30 to +11:00 at 02:00 on 4 October 2026 (clocks jump to 02:30):
    # 01:45 - 10:30 = 15:15 UTC on the 3rd; 02:15 does not exist; 02:45 - 11:00 = 15:45 UTC
    assert values == [
        dt.datetime(2026, 10, 3, 15, 15, tzinfo=UTC),
        None,
        dt.datetime(2026, 10, 3, 15, 45, tzinfo=UTC),
    ]


def test_source_sentiment_is_kept_exactly() -> None:
    frame = pl.DataFrame({"s": ["Not Rated", "-", " ", None, "-2", "Unknown"]})
    out = frame.select(clean.sentiment("s")).to_series().to_list()
    # the tool's own word, even "-": only an empty cell means "no label"
    assert out == ["Not Rated", "-", None, None, "-2", "Unknown"]
