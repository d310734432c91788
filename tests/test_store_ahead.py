"""Read ahead (store/ahead.py): the loader a batch ahead in a thread, nothing else changed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from analytics.load import read
from analytics.store import Store
from analytics.store.ahead import ReadAhead
from analytics.store.disk import Transaction

MAPPING = Path(__file__).parent / "data" / "load" / "encodings" / "mapping.toml"


class Source:
    """A generator of 0..n-1 that records how far it got and whether it was closed."""

    def __init__(self, n: int, fail_at: int | None = None) -> None:
        self.n, self.fail_at = n, fail_at
        self.produced = 0
        self.closed = threading.Event()

    def items(self) -> Iterator[int]:
        try:
            for i in range(self.n):
                if i == self.fail_at:
                    raise ValueError(f"bad batch {i}")
                self.produced += 1
                yield i
        finally:
            self.closed.set()


def test_items_arrive_in_order_then_the_end():
    source = Source(50)
    with ReadAhead(source.items()) as ahead:
        assert list(ahead) == list(range(50))
        assert list(ahead) == []  # ended stays ended
    assert source.closed.is_set()


def test_an_error_of_the_reader_is_raised_where_its_batch_would_have_been():
    source = Source(10, fail_at=3)
    got = []
    with ReadAhead(source.items()) as ahead, pytest.raises(ValueError, match="bad batch 3"):
        for item in ahead:
            got.append(item)
    assert got == [0, 1, 2]


def test_the_reader_stays_at_most_one_batch_ahead():
    source = Source(100)
    with ReadAhead(source.items(), depth=1) as ahead:
        for consumed, _ in enumerate(ahead, start=1):
            time.sleep(0.01)  # a slow store: the reader waits for room
            # one batch waiting in the queue and one made while it waits, no more
            assert source.produced <= consumed + 2
            if consumed == 20:
                break
    assert source.produced <= 22


def test_leaving_early_stops_the_reader_and_closes_the_source():
    source = Source(1_000_000)
    with pytest.raises(RuntimeError), ReadAhead(source.items()) as ahead:
        next(ahead)
        raise RuntimeError("the store failed")
    assert source.closed.wait(5)
    assert source.produced < 10
    assert not any(t.name == "ingest-read-ahead" for t in threading.enumerate())


def test_a_file_failing_in_a_later_batch_stores_nothing_of_it(tmp_path, monkeypatch):
    # 3,000 good records (in 64 KiB batches), then a byte that is not UTF-8: the batches
    # before it were read ahead and written as parts, but the file is one atomic step
    monkeypatch.setattr(read, "BATCH_BYTES_MAX", 1 << 16)
    written = []
    write_part = Transaction.write_part

    def counted(self, table, frame, brand):
        written.append((table, frame.height))
        write_part(self, table, frame, brand)

    monkeypatch.setattr(Transaction, "write_part", counted)
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    rows = [f"{i},2026-09-02 08:00:00,baris {i} {'x' * 60},u{i}" for i in range(1, 3001)]
    body = "id,waktu,isi,tautan\n" + "\n".join(rows) + "\n"
    bad.write_bytes(body.encode() + b"3001,2026-09-02 08:00:00,caf\xe9,u\n")
    good.write_text(body, encoding="utf-8")
    store = Store(tmp_path / "store")
    report = store.ingest([bad, good], brand="B", mapping=MAPPING, progress=False)
    (failed,) = report.failed
    assert (
        failed["file"] == "bad.csv"
        and "near line 3002 the bytes are not utf-8" in (failed["error"])
    )
    # bad.csv's first batches were written before its last one failed, then dropped
    assert sum(1 for table, rows in written if table == "mentions" and rows) >= 2 + 2
    mentions = store.mentions(with_sentiment=False).collect()
    assert mentions.height == 3000
    assert set(mentions["source_file"]) == {"good.csv"}
    # and their files are gone: the parts on disk are exactly those the manifest lists
    on_disk = sorted((tmp_path / "store" / "mentions").glob("*.parquet"))
    assert on_disk == sorted(store.live_parts())
