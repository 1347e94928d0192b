"""The gazetteer's name automaton: built once per gazetteer version, kept per process and in a cache folder.

Every name and alias of a gazetteer goes into one Aho-Corasick automaton
(:mod:`ahocorasick`) over space-framed name keys (``" rio de janeiro "``), so
every hit lies on word boundaries. A hit's value carries the name's flags
(:data:`_FLAG_MAIN`, :data:`_FLAG_ALIAS`, :data:`_FLAG_ABBR`) in its low three
bits and the framed key's length above them, so a hit's start is known without
the key.

Building takes about four seconds (half of it reading a million names from
SQLite); a pickled automaton loads in about half a second, so the first run
pickles it to ``$GEOMAP_CACHE_DIR`` (else ``$XDG_CACHE_HOME/geomap`` or
``~/.cache/geomap``), about 170 MB. The file is named after the gazetteer's
version (its build metadata and size), not its path, so every checkout and
virtual environment with the same gazetteer shares one file. It is built under a
file lock (:mod:`filelock`): a second process that starts meanwhile waits and
loads it rather than building its own. Only the newest :data:`_CACHE_KEEP`
files are kept. :mod:`geomap.geoparse._recognize` matches text with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

# Bump when the automaton's content or value layout changes, so old cache files are ignored.
_CACHE_FORMAT = 1
_FLAG_MAIN, _FLAG_ALIAS, _FLAG_ABBR = 1, 2, 4

_BUILD_LOCK = threading.Lock()
_AUTOMATA: dict[tuple[str, str], Any] = {}
#: How long a process waits for another one's build before building its own (seconds).
_LOCK_WAIT = 300.0
#: Where this process's last automaton came from: "cache" or "built" (for tests and benchmarks).
LAST_SOURCE = ""


def _cache_dir() -> Path:
    env = os.environ.get("GEOMAP_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geomap"


def _automaton(gaz: Gazetteer) -> Any:
    """The name automaton of a gazetteer: from this process, the cache folder, or built."""
    store = gaz.store
    build = store.cache_key()  # the build date, and the user layer's version (geomap gazetteer add)
    ident = (str(Path(store.path).resolve()), build)
    automaton = _AUTOMATA.get(ident)
    if automaton is not None:
        return automaton
    with _BUILD_LOCK:
        automaton = _AUTOMATA.get(ident)
        if automaton is None:
            automaton = _load_or_build(store)
            _AUTOMATA[ident] = automaton
    return automaton


def cache_path(store: Any) -> Path:
    """The cache file of a gazetteer store's automaton, named after the gazetteer's version."""
    meta = store.meta()
    size = Path(store.path).stat().st_size
    version = "|".join(f"{k}={meta[k]}" for k in sorted(meta))
    # The user's own places (geomap gazetteer add) are names of the automaton too: their version counts.
    digest = hashlib.sha1(f"{_CACHE_FORMAT}|{size}|{version}|{store.cache_key()}".encode())
    return _cache_dir() / f"names-{digest.hexdigest()[:16]}.pickle"


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None  # no cache yet, or an unreadable one: build afresh


def _load_or_build(store: Any) -> Any:
    from filelock import FileLock, Timeout

    global LAST_SOURCE
    path = cache_path(store)
    automaton = _load(path)
    if automaton is not None:
        LAST_SOURCE = "cache"
        return automaton
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock: Any = FileLock(str(path) + ".lock", timeout=_LOCK_WAIT)
        lock.acquire()
    except (OSError, Timeout):
        lock = None  # a read-only cache folder, or a build that never ends: build here, keep nothing
    try:
        if lock is not None:
            automaton = _load(path)  # another process may have built it while we waited
            if automaton is not None:
                LAST_SOURCE = "cache"
                return automaton
        automaton = _build(store)
        LAST_SOURCE = "built"
        if lock is not None:
            _save(automaton, path)
        return automaton
    finally:
        if lock is not None:
            lock.release()


def _build(store: Any) -> Any:
    import ahocorasick

    flags: dict[str, int] = {}
    for key, _id, flag in store.iter_names():
        if flag > 2:
            continue  # demonyms (flag 3) are found by their own table, as cues rather than names
        flags[key] = flags.get(key, 0) | (1 << flag)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for key, mask in flags.items():
        # The value carries the framed length, so a hit's start is known without the key.
        automaton.add_word(f" {key} ", mask | ((len(key) + 2) << 3))
    automaton.make_automaton()
    return automaton


def _save(automaton: Any, path: Path) -> None:
    """Write the automaton beside ``path`` and rename it into place; call with the build lock held."""
    # Only the lock's holder writes this path's temporaries, so any found now are a killed build's.
    for stale in path.parent.glob(f"{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            pickle.dump(automaton, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune_cache(path.parent, keep=_CACHE_KEEP)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full or read-only disk is no reason to fail: the next process builds again


# Each gazetteer version (each rebuild) has its own ~170 MB automaton: keep the newest few.
_CACHE_KEEP = 3


def _prune_cache(folder: Path, *, keep: int) -> None:
    """Delete all but the ``keep`` most recently written automata in ``folder``; never raise.

    Examples
    --------
    >>> import tempfile, time
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for i in range(5):
    ...         _ = (Path(d) / f"names-{i}.pickle").write_bytes(b"x")
    ...         os.utime(Path(d) / f"names-{i}.pickle", (i, i))
    ...     _prune_cache(Path(d), keep=2)
    ...     sorted(p.name for p in Path(d).iterdir())
    ['names-3.pickle', 'names-4.pickle']
    """
    try:
        found = sorted(folder.glob("names-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in found[keep:]:
        for path in (old, old.with_name(old.name + ".lock")):
            try:
                path.unlink()
            except OSError:
                pass  # in use elsewhere or already gone
