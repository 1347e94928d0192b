"""Local execution: a process pool over the machine's cores, with a bounded number of chunks in flight.

The scheduling loop (:func:`drive`) is shared with the Dask backend: it submits
chunks as the stream yields them, never more than ``limit`` at a time, so the
corpus is never held in memory, and hands each finished chunk's report to the
caller, which records it in the manifest.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from ._corpus import Chunk
from ._worker import ChunkJob, ChunkReport, init_pool_worker, run_chunk

__all__ = ["default_workers", "drive", "progress_bar", "run_local"]


def default_workers() -> int:
    """The cores this process may use (the affinity mask, not the machine's count, where known).

    Examples
    --------
    >>> default_workers() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def drive(chunks: Iterable[Chunk], submit: Callable[[Chunk], Any], wait_some: Callable[[set[Any]], Any],
          limit: int, on_report: Callable[[ChunkReport], None]) -> None:
    """Run chunks with at most ``limit`` in flight; call ``on_report`` as each finishes.

    ``submit`` returns a future; ``wait_some(pending)`` returns ``(done, not_done)``
    (``concurrent.futures.wait`` and ``distributed.wait`` both do). A chunk whose
    task raised ends the run with that error, after the chunks already done are
    recorded; pending chunks are cancelled.
    """
    pending: set[Any] = set()

    def collect() -> None:
        nonlocal pending
        done, rest = wait_some(pending)
        pending = set(rest)
        failure: BaseException | None = None
        for future in sorted(done, key=lambda f: str(getattr(f, "key", id(f)))):
            try:
                report = future.result()
            except BaseException as exc:  # noqa: BLE001 - recorded chunks first, then re-raised
                failure = failure or exc
                continue
            on_report(report)
        if failure is not None:
            raise failure

    try:
        for chunk in chunks:
            while len(pending) >= limit:
                collect()
            pending.add(submit(chunk))
        while pending:
            collect()
    except BaseException:
        for future in pending:
            future.cancel()
        raise


class _NullProgress:
    def advance(self, docs: int) -> None:
        pass


class _RichProgress:
    def __init__(self, progress: Any, task: Any) -> None:
        self._progress, self._task = progress, task

    def advance(self, docs: int) -> None:
        self._progress.advance(self._task, docs)


@contextmanager
def progress_bar(total: int | None, *, enabled: bool, description: str = "documents") -> Iterator[Any]:
    """A rich progress bar on stderr with documents/s and ETA; a no-op when disabled."""
    if not enabled:
        yield _NullProgress()
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class _Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("-- docs/s" if speed is None else f"{speed:,.0f} docs/s")

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
               TextColumn("elapsed"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    # speed_estimate_period: chunks finish in bursts; a long window keeps the rate and ETA steady.
    with Progress(*columns, console=Console(stderr=True), speed_estimate_period=120) as progress:
        yield _RichProgress(progress, progress.add_task(description, total=total))


def run_local(chunks: Iterable[Chunk], job: ChunkJob, *, workers: int,
              on_report: Callable[[ChunkReport], None]) -> None:
    """Process chunks on ``workers`` processes, each with its own gazetteer loaded once.

    Processes are spawned, not forked: the parent runs threads (the progress
    bar), and a fork would copy their locks in whatever state they are.
    """
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_pool_worker,
                                   initargs=(job.gazetteer_db,))
    try:
        # Two chunks per worker: one running, one queued, so no worker waits for the reader.
        drive(chunks, lambda c: executor.submit(run_chunk, c, job),
              lambda pending: wait(pending, return_when=FIRST_COMPLETED), 2 * workers, on_report)
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
