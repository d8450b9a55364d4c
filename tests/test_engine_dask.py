"""The Dask engine on a small LocalCluster: the same tables as the local engine, byte for byte.
Skipped when Dask is not installed (it is an optional extra: pip install '.[dask]')."""
from __future__ import annotations


import pytest

from extractor.batch import run
from extractor.rows import TABLES

from .conftest import copy_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return copy_corpus(tmp_path_factory, 5)


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.WARNING) as c:
        yield c


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_dask_engine_gives_the_local_tables(corpus, cluster, tmp_path, fmt):
    local = run([corpus], tmp_path / "local", fmt=fmt, batch_size=2)
    remote = run([corpus], tmp_path / "dask", fmt=fmt, batch_size=2, engine="dask",
                 scheduler=cluster.scheduler_address)
    assert remote.articles == local.articles == 5 and remote.rows == local.rows
    for t in TABLES:
        assert (tmp_path / "dask" / f"{t}.{fmt}").read_bytes() == (tmp_path / "local" / f"{t}.{fmt}").read_bytes(), t


def test_dask_workers_load_the_pipeline_once(cluster, corpus, tmp_path):
    from extractor.engines.dask_engine import PLUGIN_NAME

    run([corpus], tmp_path / "o", batch_size=1, engine="dask", scheduler=cluster.scheduler_address)
    with distributed.Client(cluster.scheduler_address) as client:
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
        loaded = client.run(lambda: __import__("extractor.engines.annotate", fromlist=["x"])._batch_pipeline.cache_info().currsize)
    assert all(PLUGIN_NAME in p for p in plugins.values())
    assert all(n == 1 for n in loaded.values())


def test_dask_resume_continues_a_local_run(corpus, cluster, tmp_path):
    """The engines share the manifest: a run started locally can be finished on the cluster."""
    run([corpus], tmp_path / "o", limit=2, batch_size=2)
    done = run([corpus], tmp_path / "o", resume=True, batch_size=2, engine="dask",
               scheduler=cluster.scheduler_address)
    assert done.resumed_articles == 2 and done.articles == 5
    run([corpus], tmp_path / "ref", batch_size=2)
    for t in TABLES:
        assert (tmp_path / "o" / f"{t}.csv").read_bytes() == (tmp_path / "ref" / f"{t}.csv").read_bytes(), t


def test_scheduler_needs_the_dask_engine(corpus, tmp_path):
    from extractor.errors import InputError

    with pytest.raises(InputError, match="--engine dask"):
        run([corpus], tmp_path / "o", scheduler="tcp://127.0.0.1:1")
