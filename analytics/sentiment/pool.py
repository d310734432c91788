"""Scoring work spread over two cores: chunks, helper processes, a progress bar.

``bulk`` (scores) and ``features`` (a trained model's rule features) both hand their distinct
texts here; results come back in the order of the items.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from analytics.lifetime import die_with_parent
from analytics.progress import progress as progress_bar
from analytics.sentiment.worker import Item, Result, score_chunk, warm_up

__all__ = ["run_items"]

# below this many distinct texts, starting worker processes costs more than it saves
PARALLEL_MIN_TEXTS = 4_000
CHUNK_TEXTS = 2_500


# The chunks of the run in progress, for helpers forked from this process: they already hold
# them in their copy of its memory, so a chunk is sent as its number, not pickled (about a
# tenth of the wall time of two cores). None outside a run and with "spawn".
_FORKED_CHUNKS: list[list[Item]] | None = None


def _score_forked(n: int) -> list[Result]:
    assert _FORKED_CHUNKS is not None  # set before the helpers were forked
    return score_chunk(_FORKED_CHUNKS[n])


def _chunks(items: list[Item], size: int) -> Iterator[list[Item]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run_items(items: list[Item], workers: int, show: bool | None) -> list[Result]:
    """Score ``items`` in chunks with ``workers`` processes; results in the items' order."""
    chunks = list(_chunks(items, CHUNK_TEXTS))
    out: list[list[Result]] = [[] for _ in chunks]
    if workers <= 1 or len(items) < PARALLEL_MIN_TEXTS:
        steps: Iterator[int] = _serial(chunks, out)
    else:
        steps = _parallel(chunks, out, workers)
    for _ in progress_bar(steps, total=len(chunks), description="sentiment", enabled=show):
        pass
    return [result for chunk in out for result in chunk]


def _serial(chunks: list[list[Item]], out: list[list[Result]]) -> Iterator[int]:
    for n, chunk in enumerate(chunks):
        out[n] = score_chunk(chunk)
        yield n


def _parallel(chunks: list[list[Item]], out: list[list[Result]], workers: int) -> Iterator[int]:
    """``workers`` helper processes score the chunks; this process hands them out.

    This process scores chunks itself only until the first helper has started (starting a
    process can take a second or more on a busy machine, or with "spawn"), then it only
    dispatches. A process that scores in pure Python holds the GIL, so the pool's own
    threads here (sending chunks, reading results) waited for it: helpers sat idle and
    two cores gave 1.4x one core. Dispatching alone, this process mostly waits, which
    releases the GIL at once (measured: 80 chunks of 2,500 texts, 1.6 -> 1.25 s wall).
    """
    pending = deque(enumerate(chunks))
    in_flight: dict[Future[list[Result]], int] = {}
    # Build every scorer here first: a forked helper then starts warm instead of spending a
    # second re-reading lexicons, and, above all, never runs polars itself. The lexicon
    # files are read with polars, and polars used in a child forked after this process
    # ran polars queries waits forever on its thread pool's lock (seen in demo: ingest,
    # then score in one process). Helpers only run pure-Python scoring.
    warm_up()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # a forked helper's garbage collector would otherwise walk (and so copy) every page of
    # this process's heap; frozen objects are skipped
    gc.freeze()
    global _FORKED_CHUNKS
    forked = context.get_start_method() == "fork"
    _FORKED_CHUNKS = chunks if forked else None
    # helpers exit when this process dies, even by kill -9 (no orphan keeps scoring)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        # helpers get chunks only once started, so a slow start never leaves this process
        # waiting at the end for chunks it could have scored itself
        ready = [pool.submit(warm_up) for _ in range(workers)]
        while pending or in_flight:
            started = sum(future.done() for future in ready)
            # two chunks queued per helper: it never idles while its next chunk is sent
            while pending and len(in_flight) < 2 * started:
                n, chunk = pending.popleft()
                job = pool.submit(_score_forked, n) if forked else pool.submit(score_chunk, chunk)
                in_flight[job] = n
            for future in [f for f in in_flight if f.done()]:
                n = in_flight.pop(future)
                out[n] = future.result()
                yield n
            if pending and not started:
                n, chunk = pending.pop()  # from the far end: helpers work from the front
                out[n] = score_chunk(chunk)
                yield n
            elif in_flight or pending:
                # a chunk's result, or a helper that has started
                waiting: list[Future[Any]] = [*in_flight, *(f for f in ready if not f.done())]
                wait(waiting, return_when=FIRST_COMPLETED)
    finally:
        # a helper still starting up when the work is done is not waited for
        pool.shutdown(wait=False, cancel_futures=True)
        _FORKED_CHUNKS = None
        gc.unfreeze()
