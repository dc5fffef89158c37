"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Every engine yields the same :class:`Extraction` records in input order, so the graph built
from them is identical whichever engine ran. Only a bounded number of batches is in flight at
once, so memory does not grow with the corpus.
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator

from ..records import DEFAULT_MODEL, Document, Extraction
from .pipeline import extract, load_pipeline

ENGINES = ("local", "dask")


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(itertools.islice(it, size)):
        yield batch


def extract_batch(batch: list[Document], model: str = DEFAULT_MODEL,
                  gazetteer: str | None = None) -> list[Extraction]:
    """Extract one batch with this process's pipeline (loaded once per process, then cached)."""
    return list(extract(batch, nlp=load_pipeline(model, gazetteer)))


def _ordered(submit: Callable[[list[Document]], Any], result: Callable[[Any], list[Extraction]],
             documents: Iterable[Document], batch_size: int, in_flight: int) -> Iterator[Extraction]:
    """Keep ``in_flight`` batches submitted and yield their results in input order."""
    pending: deque[Any] = deque()
    for batch in batches(documents, batch_size):
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def extract_stream(documents: Iterable[Document], *, model: str = DEFAULT_MODEL,
                   gazetteer: str | None = None, workers: int = 1, engine: str = "local",
                   scheduler: str | None = None, batch_size: int = 32) -> Iterator[Extraction]:
    """Extractions of ``documents`` in order.

    Args:
        gazetteer: user gazetteer CSV, loaded by every worker's pipeline.
        workers: processes (local) or Dask workers for a LocalCluster; 1 runs in this process.
        engine: ``local`` or ``dask``.
        scheduler: address of a running Dask scheduler; without it a LocalCluster is started.
        batch_size: documents per task; also the spaCy ``nlp.pipe`` batch.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine == "dask":
        yield from _dask(documents, model=model, gazetteer=gazetteer, workers=workers, scheduler=scheduler,
                         batch_size=batch_size)
    elif workers <= 1:
        yield from extract(documents, nlp=load_pipeline(model, gazetteer), batch_size=batch_size)
    else:
        # a forked worker's parent is this process (under forkserver it is the server process)
        parent = os.getpid() if multiprocessing.get_start_method() == "fork" else None
        pool = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(parent,))
        try:
            yield from _ordered(lambda b: pool.submit(extract_batch, b, model, gazetteer), Future.result,
                                documents, batch_size, 2 * workers)
        except BaseException:
            # Interrupted (Ctrl-C, a signal, a failed write downstream): stop the workers now
            # rather than let shutdown wait for the batches they are parsing.
            _stop(pool)
            raise
        pool.shutdown()


#: prctl(2) option: the signal the kernel sends a process when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None) -> None:
    """Worker initializer: have the kernel kill this worker when the process that started it
    dies, even by ``kill -9``, so that no worker is left parsing (and holding memory) for nobody."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public way to end running tasks before Python 3.14
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _dask(documents: Iterable[Document], *, model: str, gazetteer: str | None, workers: int,
          scheduler: str | None, batch_size: int) -> Iterator[Extraction]:
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            # pure=False: two identical batches (a re-sent corpus) must still both be extracted.
            yield from _ordered(lambda b: client.submit(extract_batch, b, model, gazetteer, pure=False),
                                lambda f: f.result(), documents, batch_size,
                                2 * max(1, len(client.scheduler_info()["workers"])))
    finally:
        if cluster is not None:
            cluster.close()
