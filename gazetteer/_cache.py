"""A persistent cache of online geocoder answers: SQLite, with expiry, shared by processes.

The file holds answers of any number of services. Both found and not-found answers
are kept (a name the service does not know is asked once, not once per run); errors
never are, so a failure is retried on the next call. Several processes may use one
file at once: it is opened in WAL mode with a busy timeout.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable

from .errors import GazetteerDataError, InvalidQuery

__all__ = ["DEFAULT_TTL", "GeocodeCache", "default_cache_path", "normalize_query"]

#: Thirty days: places rarely move, and OSM's usage policy asks that answers be cached.
DEFAULT_TTL = 30 * 24 * 3600.0
_BUSY_TIMEOUT_S = 10.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    provider TEXT NOT NULL,
    method TEXT NOT NULL,
    query TEXT NOT NULL,
    params TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL,
    expires REAL NOT NULL,
    PRIMARY KEY (provider, method, query, params)
);
"""


def default_cache_path() -> Path:
    """Where ``geomap`` keeps its geocoder cache unless told otherwise.

    ``$GEOMAP_CACHE_DIR/geocode.sqlite``, else ``$XDG_CACHE_HOME/geomap/geocode.sqlite``,
    else ``~/.cache/geomap/geocode.sqlite``.

    Examples
    --------
    >>> default_cache_path().name
    'geocode.sqlite'
    """
    base = os.environ.get("GEOMAP_CACHE_DIR")
    if base:
        return Path(base).expanduser() / "geocode.sqlite"
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return root / "geomap" / "geocode.sqlite"


def normalize_query(text: str) -> str:
    """The cache key of a query: NFKC, case-folded, whitespace collapsed.

    Lighter than :func:`gazetteer.normalize_name` on purpose: an online service may
    answer "Лачин" and "Lachin" differently, so scripts are not transliterated.

    Examples
    --------
    >>> normalize_query("  Lachin   CORRIDOR ")
    'lachin corridor'
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class GeocodeCache:
    """Answers of online geocoders, kept on disk until they expire.

    Parameters
    ----------
    path : str or Path
        The SQLite file; created, with its folder, when missing.
    ttl : float
        Seconds an answer stays fresh (30 days by default).
    clock : callable
        Returns the current time in seconds since the epoch (injected in tests).

    Raises
    ------
    GazetteerDataError
        When the file cannot be created or is not a cache database.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> cache = GeocodeCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite")
    >>> cache.get("nominatim", "geocode", "Lachin") is None
    True
    >>> cache.put("nominatim", "geocode", "Lachin", [{"lat": 39.6, "lon": 46.5}])
    >>> cache.get("nominatim", "geocode", " lachin ")
    [{'lat': 39.6, 'lon': 46.5}]
    >>> cache.put("nominatim", "geocode", "Qqqxx", [])  # not found is an answer too
    >>> cache.get("nominatim", "geocode", "qqqxx")
    []
    >>> cache.close()
    """

    def __init__(self, path: str | Path, *, ttl: float = DEFAULT_TTL, clock: Callable[[], float] = time.time) -> None:
        if not isinstance(ttl, (int, float)) or not ttl > 0:
            raise InvalidQuery(f"ttl must be a positive number of seconds, got {ttl!r}")
        self.path = Path(path)
        self.ttl = float(ttl)
        self._clock = clock
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One connection, guarded by a lock, serves every thread of this process;
            # other processes are kept in step by SQLite's own file locks.
            self._conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, check_same_thread=False,
                                         isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise GazetteerDataError(f"cannot open the geocoder cache {self.path}: {exc}") from exc

    def get(self, provider: str, method: str, query: str,
            params: dict[str, Any] | None = None) -> list[dict[str, Any]] | None:
        """The stored answer, or ``None`` when there is none or it expired.

        ``None`` means only "not in the cache"; a stored not-found answer is ``[]``.
        """
        key = _key(provider, method, query, params)
        with self._lock:
            row = self._execute("SELECT value, expires FROM answers "
                                "WHERE provider=? AND method=? AND query=? AND params=?", key).fetchone()
        if row is None or row[1] <= self._clock():
            return None
        value: list[dict[str, Any]] = json.loads(row[0])
        return value

    def put(self, provider: str, method: str, query: str, records: list[dict[str, Any]],
            params: dict[str, Any] | None = None) -> None:
        """Store an answer (a possibly empty list of JSON-ready records)."""
        now = self._clock()
        value = json.dumps(records, ensure_ascii=False, allow_nan=False, sort_keys=True)
        with self._lock:
            self._execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                          (*_key(provider, method, query, params), value, now, now + self.ttl))

    def purge_expired(self) -> int:
        """Delete expired answers; return how many."""
        with self._lock:
            return self._execute("DELETE FROM answers WHERE expires <= ?", (self._clock(),)).rowcount

    def __len__(self) -> int:
        with self._lock:
            n: int = self._execute("SELECT count(*) FROM answers", ()).fetchone()[0]
        return n

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _execute(self, sql: str, args: tuple[Any, ...]) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, args)
        except sqlite3.Error as exc:
            raise GazetteerDataError(f"geocoder cache {self.path}: {exc}") from exc


def _key(provider: str, method: str, query: str, params: dict[str, Any] | None) -> tuple[str, str, str, str]:
    return (provider, method, normalize_query(query),
            json.dumps(params or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
