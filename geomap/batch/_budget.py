"""A time budget per document: a runaway document is interrupted and reported, and the batch goes on.

:func:`time_budget` interrupts the block it guards when the time is up, by raising
:class:`TimeBudgetExceeded` in the thread that runs it:

* in a process's main thread (the local process pool), with ``SIGALRM``
  (``setitimer``), which also wakes a blocking system call;
* in any other thread (a Dask worker's task threads), with
  ``PyThreadState_SetAsyncExc`` from a timer thread.

Either way the exception arrives between two Python bytecodes: a single C call
that never returns (one regular expression over megabytes) finishes first.
:class:`TimeBudgetExceeded` derives from ``BaseException`` on purpose, so that an
``except Exception`` inside the extractor cannot swallow it and carry on.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["TimeBudgetExceeded", "time_budget"]


class TimeBudgetExceeded(BaseException):  # noqa: N818 (the name says what happened; it is no error class)
    """A document took longer than its time budget; raised inside the guarded block."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeBudgetExceeded` in the guarded block once it has run ``seconds``.

    ``None`` (or 0) means no budget. Budgets do not nest.

    Examples
    --------
    >>> import time
    >>> try:
    ...     with time_budget(0.05):
    ...         while True:
    ...             time.sleep(0.01)
    ... except TimeBudgetExceeded as exc:
    ...     print(exc)
    over the time budget of 0.05 s
    """
    if not seconds:
        yield
        return
    message = f"over the time budget of {seconds:g} s"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, message):
            yield
    else:
        with _async_raise(seconds, message):
            yield


@contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise TimeBudgetExceeded(message)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_raise(seconds: float, message: str) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True}

    class _Fired(TimeBudgetExceeded):  # the C API raises a class, not an instance: the message goes in here
        def __init__(self, *args: object) -> None:
            super().__init__(message)

    def fire() -> None:
        with lock:
            if state["active"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Fired))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
        timer.cancel()
