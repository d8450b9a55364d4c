"""The Dask engine: the same per-batch function as the local engine, on a Dask distributed cluster.

Each Dask worker loads the pipeline once (a worker plugin, at start-up, or at its first batch for
a worker that joins later); batches of articles (partitions) go out, their rows come back and are
written here in input order, with the same committed chunks and manifest as a local run, so the
tables are identical to the local engine's and --resume works the same. Needs `pip install
'extractor[dask]'`; nothing here is imported by a plain run."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from .annotate import init_worker, process_batch
from .local import ordered

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # Dask is an optional extra: this module still imports without it
    WorkerPlugin = object

PLUGIN_NAME = "extractor-pipeline"


def check_dask() -> None:
    """InputError (a usage mistake, before any article is read) when Dask is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError("--engine dask needs Dask: pip install 'extractor[dask]' "
                         "(or pip install 'dask[distributed]')") from None


class LoadPipeline(WorkerPlugin):
    """Loads the pipeline once per worker: when it starts, or when the plugin is registered."""
    name = PLUGIN_NAME

    def __init__(self, model: str | None, max_chars: int) -> None:
        self.model, self.max_chars = model, max_chars

    def setup(self, worker=None) -> None:
        init_worker(self.model, self.max_chars)


def annotate_partition(batch: list, model: str | None, max_chars: int) -> list:
    """What a Dask worker runs for one partition: the local engine's process_batch."""
    return process_batch(batch, model, max_chars)


def dask_results(work: Iterable[list], n_workers: int, model: str | None, max_chars: int, *,
                 scheduler: str | None = None, client: Any = None,
                 window: int | None = None) -> Iterator[tuple[list, list]]:
    """(batch, results) in input order from a Dask cluster: SCHEDULER's address, or CLIENT, or a
    LocalCluster of N_WORKERS single-threaded worker processes. At most WINDOW partitions are in
    flight (default: twice the cluster's threads, plus one), so memory stays bounded."""
    from distributed import Client, LocalCluster

    cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            # Processes, one thread each: spaCy pipelines are not shared between threads.
            cluster = LocalCluster(n_workers=max(1, n_workers), threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.WARNING)
            client = own_client = Client(cluster)
    try:
        client.register_plugin(LoadPipeline(model, max_chars), name=PLUGIN_NAME)
        if window is None:
            threads = sum(client.nthreads().values()) or 1
            window = 2 * threads + 1
        # pure=False: two identical partitions (the same texts twice) are still two tasks.
        yield from ordered(lambda b: client.submit(annotate_partition, b, model, max_chars, pure=False),
                           lambda f: f.result(), work, window=window)
    finally:
        if own_client is not None:
            own_client.close()
        if cluster is not None:
            cluster.close()
