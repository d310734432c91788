"""Read ahead: the loader reads and cleans a file's next batch while the store writes this one.

Ingest is two halves that take turns: the loader (parse, clean, map a batch) and the store
(find its new mentions, write the part). Run one after the other, they keep one core busy;
with the loader a batch ahead in a thread, a second core works too. Both halves spend their
time in polars, which releases the GIL, so the threads really run at once.

What the store receives is unchanged: the same batches, in the same order, then the same end
or the same error (raised where the batch would have been). At most ``depth`` batches wait,
so memory stays bounded by the batch size, not the file. The transaction stays in the
caller's thread: a batch is only data, and nothing reaches the store from the thread.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_ITEM, _END, _ERROR = "item", "end", "error"
_POLL_SECONDS = 0.1  # how soon a stopped reader notices (it waits for room in the queue)


class ReadAhead(Generic[T]):
    """Iterate over ``items`` produced by a thread, at most ``depth`` ahead of the consumer.

    Use it as a context manager: leaving the block (normally or by an error in the consumer)
    stops the thread and closes ``items``.
    """

    def __init__(self, items: Iterable[T], depth: int = 1) -> None:
        self._items = items
        self._queue: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="ingest-read-ahead", daemon=True)
        self._done = False
        self._thread.start()

    def _put(self, message: tuple[str, object]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(message, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def _read(self) -> None:
        iterator = iter(self._items)
        try:
            for item in iterator:
                # stopped while waiting for room: read no further batch
                if not self._put((_ITEM, item)) or self._stop.is_set():
                    return
            self._put((_END, None))
        except BaseException as error:  # handed to the consumer, raised in its thread
            self._put((_ERROR, error))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:  # a generator's open file is closed in the thread using it
                with contextlib.suppress(Exception):
                    close()

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        kind, value = self._queue.get()
        if kind == _ITEM:
            return value  # type: ignore[return-value]
        self._done = True
        if kind == _ERROR:
            raise value  # type: ignore[misc]
        raise StopIteration

    def close(self) -> None:
        """Stop the thread (it may be mid-batch: wait for it) and drop what it read ahead."""
        self._stop.set()
        self._done = True
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get_nowait()
            self._thread.join(_POLL_SECONDS)
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()

    def __enter__(self) -> ReadAhead[T]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
