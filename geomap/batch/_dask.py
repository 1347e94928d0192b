"""Distributed execution on dask.distributed: a LocalCluster or an existing scheduler.

The unit of work is the same chunk task as locally (:func:`~geomap.batch._worker.run_chunk`).
A :class:`GazetteerPlugin` opens the gazetteer and builds the recogniser once
per worker when the worker joins (and on workers that join later), so tasks
carry only their chunk. Workers write their chunk's GeoParquet parts
themselves, so results never pass through the client: the output folder (and a
folder corpus) must be on storage every worker sees under the same path.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from ._corpus import Chunk
from ._local import drive
from ._worker import ChunkJob, ChunkReport, init_worker, run_chunk, worker_loads

_HINT = "the --dask/--scheduler options need dask.distributed: pip install 'dask[distributed]' dask-geopandas"
try:  # this module is imported only when Dask is asked for (and by doctest collection)
    import distributed

    _PluginBase: type = distributed.WorkerPlugin
except ImportError:  # pragma: no cover - depends on the environment; run_dask says what to install
    distributed = None  # type: ignore[assignment]
    _PluginBase = object

__all__ = ["GazetteerPlugin", "gazetteer_loads", "read_dask", "run_dask"]


class GazetteerPlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Load the gazetteer once per Dask worker, when the worker starts or joins the cluster.

    Parameters
    ----------
    gazetteer_db : str, optional
        A gazetteer database other than the shipped one; the path must exist on every worker.
    """

    name = "geomap-gazetteer"

    def __init__(self, gazetteer_db: str | None = None) -> None:
        self.gazetteer_db = gazetteer_db

    def setup(self, worker: Any) -> None:
        import sys

        # Tasks here are pure Python and hold the GIL; the worker's event loop (heartbeats,
        # transfers) need not take it back every 5 ms, which costs about a tenth of the
        # throughput on a busy core. 50 ms still answers the scheduler promptly.
        sys.setswitchinterval(0.05)
        init_worker(self.gazetteer_db)


def run_dask(chunks: Iterable[Chunk], job: ChunkJob, *, workers: int | None, scheduler: str | None,
             on_report: Callable[[ChunkReport], None], on_client: Callable[[Any], None] | None = None) -> None:
    """Process chunks on a Dask cluster: ``scheduler`` (``tcp://host:8786``) or a new LocalCluster.

    At most two chunks per worker thread are submitted at a time, so that the
    client streams the corpus instead of building a task graph of all of it.
    ``on_client`` is called with the connected client (benchmarks and tests use it).
    """
    if distributed is None:
        raise ImportError(_HINT)
    cluster = None
    if scheduler is not None:
        client = distributed.Client(scheduler)
    else:
        # One thread a worker: the work is pure Python and holds the GIL.
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
    try:
        client.register_plugin(GazetteerPlugin(job.gazetteer_db))
        if on_client is not None:
            on_client(client)
        threads = sum(client.nthreads().values()) or 1
        run = secrets.token_hex(4)  # two runs on one cluster must not share task keys

        def submit(chunk: Chunk) -> Any:
            return client.submit(run_chunk, chunk, job, key=f"geomap-chunk-{chunk.chunk_id}-{run}")

        drive(chunks, submit, lambda pending: distributed.wait(pending, return_when="FIRST_COMPLETED"),
              2 * threads, on_report)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def gazetteer_loads(client: Any) -> dict[str, int]:
    """How many times each worker of ``client`` loaded the gazetteer (1 each after the plugin ran)."""
    return dict(client.run(worker_loads))


def read_dask(outdir: str, table: str = "incidents") -> Any:
    """A batch output table as a lazy dask-geopandas GeoDataFrame (one partition per chunk).

    For analyses too large for one machine's memory: ``read_dask(out).groupby("country").size().compute()``.
    """
    try:
        import dask_geopandas
    except ImportError as exc:
        raise ImportError("read_dask needs dask-geopandas: pip install dask-geopandas") from exc
    from pathlib import Path

    return dask_geopandas.read_parquet(str(Path(outdir) / table))
