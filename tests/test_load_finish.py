"""The shared finishing steps of every loader (ids, refusals): expected values by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from analytics.errors import InputDataError
from analytics.load.finish import check_ids_distinguish

T = dt.datetime(2026, 9, 2, 8, tzinfo=dt.UTC)


def _rows(ids: list[str], texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"mention_id": ids, "text": texts, "published_at": [T] * len(ids)},
        schema={"mention_id": pl.Utf8, "text": pl.Utf8, "published_at": pl.Datetime("us", "UTC")},
    )


def test_ids_merging_more_than_half_the_rows_are_refused():
    # "a" on 4 different texts: 4 of 7 rows would collapse into one id
    frame = _rows(["a", "a", "a", "a", "b", "c", "d"], ["t1", "t2", "t3", "t4", "u", "v", "w"])
    with pytest.raises(InputDataError, match=r"f.csv: the mention ids merge 4 of 7 rows .* 1 id"):
        check_ids_distinguish(frame, "f.csv")


def test_ids_merging_rows_across_several_ids_are_counted_together():
    # "a" and "b" each on 2 different texts: 4 of 7 rows, 2 ids
    frame = _rows(["a", "a", "b", "b", "c", "d", "e"], ["t1", "t2", "t3", "t4", "u", "v", "w"])
    with pytest.raises(InputDataError, match=r"merge 4 of 7 rows .* into 2 id\(s\)"):
        check_ids_distinguish(frame, "f.csv")


def test_ids_merging_half_the_rows_or_fewer_are_accepted():
    # 3 of 6 rows share "a" with different texts: exactly half, not more
    frame = _rows(["a", "a", "a", "b", "c", "d"], ["t1", "t2", "t3", "u", "v", "w"])
    check_ids_distinguish(frame, "f.csv")


def test_one_mention_listed_many_times_is_not_a_merge():
    # 4 of 7 rows repeat "a" with the same text and time: a duplicate listing, not a mapping error
    frame = _rows(["a", "a", "a", "a", "b", "c", "d"], ["t", "t", "t", "t", "u", "v", "w"])
    check_ids_distinguish(frame, "f.csv")


def test_a_line_end_difference_is_the_same_text():
    # CRLF and LF copies of one multi-line text are one mention (the text is compared normalised)
    texts = ["x\r\ny", "x\ny", "x\ry", "x\ny", "u", "v", "w"]
    check_ids_distinguish(_rows(["a", "a", "a", "a", "b", "c", "d"], texts), "f.csv")
