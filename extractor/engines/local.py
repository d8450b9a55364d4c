"""The local engine: batches annotated in this process, or in worker processes forked from it that
each hold the pipeline once; results come back in input order (ordered(), which the Dask engine
shares)."""
from __future__ import annotations

import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..rows import Article
from .annotate import EncodedResults, Result, annotate_in_worker, init_worker, process_batch, warm_dateparser


def ordered(submit: Callable[[list[Article]], Any], get: Callable[[Any], list[Result]],
            work: Iterable[list[Article]], window: int) -> Iterator[tuple[list[Article], list[Result]]]:
    """(batch, results) in input order, with at most WINDOW batches in flight: the input is read
    only as fast as workers finish, so memory does not grow with the corpus."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for batch in work:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            b, handle = pending.popleft()
            yield b, get(handle)
    while pending:
        b, handle = pending.popleft()
        yield b, get(handle)


def local_results(work: Iterable[list[Article]], n_workers: int, model: str | None, max_chars: int,
                  encoding: tuple[str, bool] | None = None, signatures: bool = False
                  ) -> Iterator[tuple[list[Article], list[Result] | EncodedResults]]:
    """The local engine: in this process, or in N forked worker processes that each load the
    pipeline once. With ENCODING (format, excel) the workers return their mention rows encoded for
    the tables (EncodedResults): that work is then spread over the workers, not done by the parent;
    with SIGNATURES too, the near-duplicate signature of each article (EncodedResults.signatures)."""
    if n_workers <= 1:
        for batch in work:
            yield batch, process_batch(batch, model, max_chars)
        return
    from concurrent.futures import ProcessPoolExecutor

    warm_dateparser()  # once here, shared by the forked workers

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # An executor rather than mp.Pool: a worker that dies (killed, out of memory) fails the run
    # with BrokenProcessPool instead of hanging it; what was committed stays for --resume.
    pool = ProcessPoolExecutor(n_workers, mp_context=ctx, initializer=init_worker,
                               initargs=(model, max_chars, encoding, signatures))
    try:
        yield from ordered(lambda b: pool.submit(annotate_in_worker, b), lambda f: f.result(), work,
                           window=2 * n_workers + 1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
