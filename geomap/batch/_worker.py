"""The per-document function and the per-chunk task, the same for processes and Dask.

Each worker process opens the gazetteer and builds the recogniser's automaton
once (:func:`init_worker`: a ``ProcessPoolExecutor`` initializer, or a Dask
``WorkerPlugin``); every task on that worker then reuses them. Nothing heavy is
ever pickled per task: a task carries the chunk's items and a few options.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text import Document
from ..errors import InputError
from ._budget import TimeBudgetExceeded, time_budget
from ._corpus import Chunk, load_document, source_location

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

    from ..incidents import Incident
    from ..geoparse import ResolvedMention

__all__ = ["ChunkJob", "ChunkReport", "DocResult", "init_pool_worker", "init_worker", "process_document", "run_chunk", "worker_loads"]


class _State:
    gazetteer: Gazetteer | None = None
    db: str | None = None
    loads = 0  # how many times this process opened the gazetteer: 1 once initialised


_STATE = _State()


def init_worker(gazetteer_db: str | None = None, *, watch_parent: bool = False) -> None:
    """Open the gazetteer and build the recogniser once in this process.

    Parameters
    ----------
    gazetteer_db : str, optional
        A gazetteer database other than the shipped one.
    watch_parent : bool
        For pool processes: ignore Ctrl-C (the parent coordinates the stop) and
        exit when the parent dies (``kill -9``), rather than live on as an orphan.

    Examples
    --------
    >>> init_worker()
    >>> worker_loads()
    1
    """
    if _STATE.gazetteer is not None and _STATE.db == gazetteer_db:
        return
    from ..geoparse import default_gazetteer, geoparse

    if gazetteer_db is None:
        gaz = default_gazetteer()
    else:
        from gazetteer import Gazetteer

        gaz = Gazetteer(gazetteer_db)
    geoparse("Lachin", gazetteer=gaz)  # builds the automaton now, not in the first task
    _STATE.gazetteer, _STATE.db = gaz, gazetteer_db
    _STATE.loads += 1
    if watch_parent:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        parent = os.getppid()
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="geomap-watch-parent").start()


def init_pool_worker(gazetteer_db: str | None) -> None:
    """:func:`init_worker` for a ``ProcessPoolExecutor`` initializer (which passes arguments by position)."""
    init_worker(gazetteer_db, watch_parent=True)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def worker_loads() -> int:
    """How many times this process has loaded the gazetteer (1 after :func:`init_worker`)."""
    return _STATE.loads


@dataclass(frozen=True, slots=True)
class DocResult:
    """What one document gave: its incidents and places, or why it failed.

    Attributes
    ----------
    doc_id : str
    incidents : tuple of Incident
    places : tuple of ResolvedMention
        The places the document names (demonyms excluded).
    error : str
        ``""`` on success, else ``"ErrorType: reason"``; incidents and places are then empty.
    """

    doc_id: str
    incidents: tuple[Incident, ...] = ()
    places: tuple[ResolvedMention, ...] = ()
    error: str = ""


def process_document(doc: Document, *, near: str | tuple[float, ...] | None = None,
                     countries: tuple[str, ...] | None = None) -> DocResult:
    """Places and incidents of one document; an exception becomes the result's ``error``.

    Uses this process's gazetteer (:func:`init_worker`), opened on first use.
    ``near`` and ``countries`` are the locality bias of :func:`geomap.geoparse`.

    Examples
    --------
    >>> from geomap.text._readers import Document
    >>> import datetime
    >>> r = process_document(Document("Armenian forces shelled Zangilan, killing two soldiers.",
    ...                               published=datetime.date(2023, 3, 20), id="d1"))
    >>> [(i.event_id, i.location) for i in r.incidents], [p.surface for p in r.places], r.error
    ([('d1:0-55:16', 'Zangilan')], ['Zangilan'], '')
    """
    from ..incidents import extract_incidents
    from ..geoparse import geoparse

    if _STATE.gazetteer is None:
        init_worker()
    try:
        # extract_incidents geoparses too; it takes no mentions, so places cost one more geoparse (~20%).
        places = tuple(geoparse(doc, gazetteer=_STATE.gazetteer, near=near, countries=countries))
        incidents = tuple(extract_incidents(doc, gazetteer=_STATE.gazetteer, near=near, countries=countries))
    except Exception as exc:  # noqa: BLE001 - one bad document must not end the batch
        return DocResult(doc.id, error=_describe(exc))
    return DocResult(doc.id, incidents, places)


def _describe(exc: BaseException) -> str:
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


@dataclass(frozen=True, slots=True)
class ChunkJob:
    """The options every chunk task needs (small, pickled with each task)."""

    outdir: str
    max_doc_bytes: int | None
    gazetteer_db: str | None = None
    doc_seconds: float | None = None  # each document's time budget (reading and processing); None: none
    near: str | tuple[float, ...] | None = None
    countries: tuple[str, ...] | None = None


@dataclass(slots=True)
class ChunkReport:
    """What a chunk task returns to the coordinator: counts, never the data itself."""

    chunk_id: str
    docs: int = 0
    first: str = ""
    last: str = ""
    incidents: int = 0
    places: int = 0
    errors: int = 0
    event_types: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    pid: int = 0
    peak_rss: int = 0  # bytes, this worker process's peak so far
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The manifest record of the chunk (no pid, rss or timing: they are not results)."""
        return {"chunk": self.chunk_id, "docs": self.docs, "first": self.first, "last": self.last,
                "incidents": self.incidents, "places": self.places, "errors": self.errors,
                "event_types": self.event_types, "countries": self.countries, "months": self.months}


def run_chunk(chunk: Chunk, job: ChunkJob) -> ChunkReport:
    """Read, process and write one chunk; return its counts.

    The chunk's part files are written atomically by this task (on the worker,
    so that results never travel through the coordinator); the coordinator
    records the chunk as done only after this returns.

    Examples
    --------
    >>> import tempfile
    >>> from geomap.batch._corpus import Chunk, SourceItem
    >>> item = SourceItem(0, "line:1", "jsonl", b'{"text": "Troops shelled Zangilan.", "published": "2023-03-20"}')
    >>> report = run_chunk(Chunk("000000", (item,)), ChunkJob(tempfile.mkdtemp(), None))
    >>> report.docs, report.incidents, report.event_types
    (1, 1, {'Explosions/Remote violence': 1})
    """
    from ._store import write_chunk

    started = time.perf_counter()
    init_worker(job.gazetteer_db)
    results: list[DocResult] = []
    errors: list[dict[str, Any]] = []
    for item in chunk.items:
        result = _one(item, job)
        if result.error:
            errors.append({"doc_id": result.doc_id, "ref": item.ref, "position": item.position,
                           "error": result.error})
        results.append(result)
    write_chunk(Path(job.outdir), chunk.chunk_id, results, errors)
    incidents = [i for r in results for i in r.incidents]
    report = ChunkReport(
        chunk.chunk_id, docs=len(chunk.items), first=chunk.items[0].ref if chunk.items else "",
        last=chunk.items[-1].ref if chunk.items else "", incidents=len(incidents),
        places=sum(len(r.places) for r in results), errors=len(errors),
        event_types=dict(Counter(i.event_type for i in incidents)),
        countries=dict(Counter(i.country or "unknown" for i in incidents)),
        months=dict(Counter(i.event_date.strftime("%Y-%m") if i.event_date else "unknown" for i in incidents)),
        pid=os.getpid(), peak_rss=_peak_rss(), seconds=time.perf_counter() - started,
    )
    return report


def _one(item: Any, job: ChunkJob) -> DocResult:
    """Read and process one item within its time budget; every failure becomes the result's error."""
    try:
        with time_budget(job.doc_seconds):
            try:
                doc = load_document(item, max_doc_bytes=job.max_doc_bytes)
                # A document's own source location (its "near" field) before the run's --near.
                near = source_location(item) or job.near
            except InputError as exc:
                return DocResult(item.ref, error=_describe(exc))
            except Exception as exc:  # noqa: BLE001 - an unexpected reader failure is still one document's
                return DocResult(item.ref, error=_describe(exc))
            return process_document(doc, near=near, countries=job.countries)
    except TimeBudgetExceeded as exc:
        return DocResult(item.ref, error=f"{TimeBudgetExceeded.__name__}: {exc}; document not processed")


def _peak_rss() -> int:
    import resource  # Unix only; imported here so the module still imports elsewhere

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB, macOS bytes
