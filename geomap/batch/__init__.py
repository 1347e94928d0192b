"""Batch: a corpus to incidents, places, a GeoParquet dataset, an errors report, a summary and a map.

The same per-document function (:func:`process_document`) runs over fixed-size
chunks of the corpus, on local processes or on a Dask cluster; each chunk's
results are written atomically and recorded in a manifest, so an interrupted
run resumes where it stopped and processes each document exactly once. See
:mod:`geomap.batch._store` for the output layout.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from collections.abc import Sequence
from typing import Any, Callable, Union

from ._corpus import CORPUS_KINDS, corpus_kind, count_items, iter_chunks, iter_corpus, iter_items
from ._budget import TimeBudgetExceeded
from ._report import BatchSummary, summarise, write_map, write_summary
from ._store import Manifest, merge_errors, read_incidents, run_lock
from ._worker import ChunkJob, ChunkReport, DocResult, process_document

__all__ = [
    "BatchSummary",
    "CORPUS_KINDS",
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_DOC_SECONDS",
    "DEFAULT_MAP_LIMIT",
    "DEFAULT_MAX_DOC_BYTES",
    "DocResult",
    "TimeBudgetExceeded",
    "iter_corpus",
    "process_document",
    "read_incidents",
    "run_batch",
]

#: Documents per chunk: a chunk is the unit of scheduling, writing and resuming.
DEFAULT_CHUNK_SIZE = 500
#: A document larger than this is reported as an error rather than read (5 MiB; news articles are far smaller).
DEFAULT_MAX_DOC_BYTES = 5 * 1024 * 1024
#: Seconds a document may take (reading, geoparsing, extraction) before it is stopped and reported.
#: A news article takes well under a second; a minute leaves room for a slow machine.
DEFAULT_DOC_SECONDS = 60.0
#: The map shows at most this many incidents (the most confident); the GeoParquet has all of them.
DEFAULT_MAP_LIMIT = 20_000
_DASK_MODES = ("local",)

_PathLike = Union[str, "os.PathLike[str]"]


def _positive(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, not {value!r}")
    return value


def run_batch(
    corpus: _PathLike,
    outdir: _PathLike,
    *,
    workers: int | None = None,
    resume: bool = False,
    chunk_size: int | None = None,
    dask: str | None = None,
    scheduler: str | None = None,
    progress: bool = True,
    max_doc_bytes: int | None = DEFAULT_MAX_DOC_BYTES,
    gazetteer_db: str | None = None,
    map_limit: int | None = DEFAULT_MAP_LIMIT,
    on_client: Callable[[Any], None] | None = None,
    doc_seconds: float | None = DEFAULT_DOC_SECONDS,
    near: str | tuple[float, ...] | None = None,
    countries: Sequence[str] | None = None,
) -> BatchSummary:
    """Process a corpus into ``outdir``: GeoParquet incidents and places, errors, summary and map.

    Parameters
    ----------
    corpus : str or os.PathLike
        A folder of .txt/.html/.json files, a JSON Lines file or a CSV file with
        a ``text`` column (see :data:`CORPUS_KINDS`).
    outdir : str or os.PathLike
        A new or empty folder, or, with ``resume``, the folder of a previous run.
    workers : int, optional
        Worker processes; the usable cores by default. With ``scheduler``, ignored
        (the cluster has its workers).
    resume : bool
        Continue a previous run in ``outdir``: its completed chunks are kept and
        skipped. Starting fresh when there is none is not an error.
    chunk_size : int, optional
        Documents per chunk, :data:`DEFAULT_CHUNK_SIZE` by default (a resumed run
        keeps the size it started with).
    dask : {"local"}, optional
        Run on a new Dask LocalCluster of ``workers`` workers.
    scheduler : str, optional
        Run on an existing Dask cluster (``tcp://host:8786``).
    progress : bool
        Show a progress bar on stderr (documents/s, ETA).
    max_doc_bytes : int or None
        Larger documents are reported as errors, not read; ``None`` for no limit.
    gazetteer_db : str, optional
        A gazetteer database other than the shipped one.
    map_limit : int or None
        Incidents drawn on ``map.html`` (the most confident); ``None`` writes no map.
    on_client : callable, optional
        Called with the Dask client once connected (for tests and benchmarks).
    doc_seconds : float or None
        Each document's time budget; a document over it is interrupted and goes to
        ``errors.csv`` (``TimeBudgetExceeded``), and the run goes on. ``None`` for none.
    near, countries : optional
        The corpus's locality bias, as for :func:`geomap.geoparse` (a newsroom's town
        or point, a country team's countries); checked before any work, and a resumed
        run must keep it.

    Returns
    -------
    BatchSummary

    Raises
    ------
    InputError
        An unreadable corpus, or resuming with another corpus or options.
    OutputError
        ``outdir`` holds something else, a previous run without ``resume``, or another
        run is using it right now (a lock on the folder: two ``--resume`` runs cannot both run).
    ValueError
        A bad option value; the message lists the valid ones.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> lines = [{"id": "a", "text": "Troops shelled Zangilan, killing two soldiers.", "published": "2023-03-20"},
    ...          {"id": "b", "text": ""}]
    >>> _ = (tmp / "news.jsonl").write_text("".join(json.dumps(x) + "\\n" for x in lines))
    >>> summary = run_batch(tmp / "news.jsonl", tmp / "out", workers=1, progress=False)
    >>> summary.documents, summary.incidents, summary.errors, summary.by_country
    (2, 1, 1, {'Azerbaijan': 1})
    >>> sorted(p.name for p in (tmp / "out").iterdir())
    ['.geomap-batch.lock', 'errors', 'errors.csv', 'incidents', 'manifest.jsonl', 'map.html', 'places', 'summary.json']
    """
    started = time.perf_counter()
    if dask is not None and dask not in _DASK_MODES:
        raise ValueError(f"dask must be one of {', '.join(_DASK_MODES)} or None, not {dask!r}")
    if dask is not None and scheduler is not None:
        raise ValueError("give dask='local' or a scheduler address, not both")
    if scheduler is not None and not isinstance(scheduler, str):
        raise ValueError(f"scheduler must be an address such as 'tcp://host:8786', not {scheduler!r}")
    workers = _positive("workers", workers) if workers is not None else None
    if max_doc_bytes is not None:
        _positive("max_doc_bytes", max_doc_bytes)
    if doc_seconds is not None and (isinstance(doc_seconds, bool) or not isinstance(doc_seconds, (int, float))
                                    or not 0 < doc_seconds < 1e6):
        raise ValueError(f"doc_seconds must be a positive number of seconds or None, not {doc_seconds!r}")
    from ..geoparse import geoparse

    bias = (countries,) if isinstance(countries, str) else tuple(countries) if countries is not None else None
    geoparse("", near=near, countries=bias)  # a bad bias fails here, before any chunk (NearError, TypeError)
    corpus_path = Path(corpus).resolve()
    out = Path(outdir).resolve()
    kind = corpus_kind(corpus_path)
    with run_lock(out):
        return _run(corpus_path, out, kind, chunk_size=chunk_size, resume=resume, workers=workers, dask=dask,
                    scheduler=scheduler, progress=progress, max_doc_bytes=max_doc_bytes, gazetteer_db=gazetteer_db,
                    map_limit=map_limit, on_client=on_client, doc_seconds=doc_seconds, started=started,
                    near=near, bias=bias)


def _run(corpus_path: Path, out: Path, kind: str, *, chunk_size: int | None, resume: bool, workers: int | None,
         dask: str | None, scheduler: str | None, progress: bool, max_doc_bytes: int | None,
         gazetteer_db: str | None, map_limit: int | None, on_client: Callable[[Any], None] | None,
         doc_seconds: float | None, started: float, near: str | tuple[float, ...] | None,
         bias: tuple[str, ...] | None) -> BatchSummary:
    if chunk_size is None and resume and (out / "manifest.jsonl").exists():
        chunk_size = Manifest.stored_chunk_size(out)
    size = _positive("chunk_size", chunk_size if chunk_size is not None else DEFAULT_CHUNK_SIZE)
    from .. import __version__

    # The version too: a resumed run must not mix two extractors' output in one dataset.
    header = {"corpus": str(corpus_path), "kind": kind, "chunk_size": size, "max_doc_bytes": max_doc_bytes,
              "geomap": __version__, "near": list(near) if isinstance(near, (tuple, list)) else near,
              "countries": sorted(bias) if bias else None}
    manifest = Manifest(out, header, resume=resume)
    job = ChunkJob(str(out), max_doc_bytes, gazetteer_db, doc_seconds,
                   tuple(near) if isinstance(near, list) else near, bias)

    skipped: list[str] = []
    processed_docs = 0
    peaks: dict[int, int] = {}
    done_docs = sum(r["docs"] for r in manifest.done.values())
    total = max(0, count_items(corpus_path) - done_docs) if progress else None

    from ._local import default_workers, progress_bar

    with progress_bar(total, enabled=progress) as bar:
        def todo() -> Any:
            for chunk in iter_chunks(iter_items(corpus_path, max_doc_bytes=max_doc_bytes), size):
                if chunk.chunk_id in manifest.done:
                    manifest.check(chunk.chunk_id, chunk.items[0].ref, len(chunk.items))
                    skipped.append(chunk.chunk_id)
                    continue
                yield chunk

        def on_report(report: ChunkReport) -> None:
            nonlocal processed_docs
            manifest.append(report.to_dict())
            processed_docs += report.docs
            peaks[report.pid] = max(peaks.get(report.pid, 0), report.peak_rss)
            bar.advance(report.docs)

        if dask is None and scheduler is None:
            from ._local import run_local

            run_local(todo(), job, workers=workers or default_workers(), on_report=on_report)
        else:
            from ._dask import run_dask

            run_dask(todo(), job, workers=workers or default_workers(), scheduler=scheduler,
                     on_report=on_report, on_client=on_client)

    chunk_ids = sorted(manifest.done)
    merge_errors(out, chunk_ids)
    map_path = write_map(out, limit=map_limit) if map_limit is not None else None
    seconds = time.perf_counter() - started
    summary = summarise(out, (manifest.done[c] for c in chunk_ids), chunks_skipped=len(skipped), seconds=seconds,
                        docs_per_second=processed_docs / seconds if seconds else 0.0, peak_rss_per_worker=peaks,
                        map_path=str(map_path) if map_path else "")
    write_summary(out, summary)
    return summary

