"""One request rate per online service, shared by every caller of the process and of the machine.

Nominatim's usage policy allows one request per second per application, not per
object: two chains, two threads or two ``geomap`` processes must share the budget.
A :class:`RateLimiter` therefore keeps no state of its own. It books the next free
*slot* of its service in a shared table: in memory for the process, or in the SQLite
cache file for every process that uses that file. Booking is atomic and never holds
a lock while sleeping, so callers queue in the order they booked.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

from .errors import GazetteerDataError, InvalidQuery

__all__ = ["RateLimiter"]

_BUSY_TIMEOUT_S = 10.0
_SCHEMA = "CREATE TABLE IF NOT EXISTS rate_limit (service TEXT PRIMARY KEY, next_at REAL NOT NULL)"

# The process-wide slots, keyed by (service, clock): times read from different clocks
# are not comparable, so a test's fake clock never shares slots with the real one.
_MEMORY: dict[tuple[str, Callable[[], float]], float] = {}
_MEMORY_LOCK = threading.Lock()


class RateLimiter:
    """Space requests to one service at least ``min_delay`` seconds apart.

    Parameters
    ----------
    service : str
        The key of the shared budget, e.g. ``"nominatim@nominatim.openstreetmap.org"``.
    min_delay : float
        Seconds between the starts of two requests.
    clock : callable
        Current time in seconds. Wall-clock time by default, because slots stored in a
        file must mean the same to every process.
    sleep : callable
        Waits a number of seconds (injected in tests, which never sleep for real).
    path : str or Path, optional
        A SQLite file (the geocoder cache) whose ``rate_limit`` table shares the budget
        with other processes; without it the budget is shared within this process.

    Examples
    --------
    >>> t = [0.0]
    >>> limiter = RateLimiter("doc", 1.0, clock=lambda: t[0], sleep=lambda s: t.__setitem__(0, t[0] + s))
    >>> limiter.wait(), limiter.wait(), t[0]
    (0.0, 1.0, 1.0)
    >>> limiter.defer(5.0)  # a Retry-After: nobody asks before t = 6
    >>> limiter.wait(), t[0]
    (5.0, 6.0)
    """

    def __init__(self, service: str, min_delay: float = 1.0, *, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep, path: str | Path | None = None) -> None:
        if not isinstance(min_delay, (int, float)) or not min_delay >= 0:
            raise InvalidQuery(f"min_delay must be a number of seconds >= 0, got {min_delay!r}")
        self.service = service
        self.min_delay = float(min_delay)
        self._clock = clock
        self._sleep = sleep
        self._file = _FileSlots(Path(path)) if path is not None else None

    def wait(self) -> float:
        """Book the next free slot, sleep until it comes and return the seconds slept."""
        now = self._clock()
        start = self._book(now, self.min_delay, push=None)
        delay = max(0.0, start - now)
        if delay > 0:
            self._sleep(delay)
        return delay

    def defer(self, seconds: float) -> None:
        """Let no caller start a request in the next ``seconds`` (a ``Retry-After``)."""
        now = self._clock()
        self._book(now, 0.0, push=now + max(0.0, float(seconds)))

    def close(self) -> None:
        """Close the connection to the shared file, if any."""
        if self._file is not None:
            self._file.close()

    def _book(self, now: float, gap: float, push: float | None) -> float:
        if self._file is not None:
            return self._file.book(self.service, now, gap, push)
        key = (self.service, self._clock)
        with _MEMORY_LOCK:
            start = max(now, _MEMORY.get(key, now))
            if push is not None:
                _MEMORY[key] = max(start, push)
            else:
                _MEMORY[key] = start + gap
        return start


class _FileSlots:
    """The slots table inside a SQLite file, booked in ``BEGIN IMMEDIATE`` transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise GazetteerDataError(f"cannot open the rate-limit table in {path}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def book(self, service: str, now: float, gap: float, push: float | None) -> float:
        with self._lock:
            try:
                # IMMEDIATE takes the write lock before reading, so two processes cannot
                # both read the same free slot.
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    row = self._conn.execute("SELECT next_at FROM rate_limit WHERE service = ?", (service,)).fetchone()
                    start = max(now, row[0]) if row else now
                    next_at = max(start, push) if push is not None else start + gap
                    self._conn.execute("INSERT OR REPLACE INTO rate_limit VALUES (?, ?)", (service, next_at))
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise GazetteerDataError(f"rate-limit table in {self.path}: {exc}") from exc
        return start
