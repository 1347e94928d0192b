"""The gazetteer's name automaton: built once, kept per process and in a cache folder.

Every name and alias of a gazetteer goes into one Aho-Corasick automaton
(:mod:`ahocorasick`) over space-framed name keys (``" rio de janeiro "``), so
every hit lies on word boundaries. A hit's value carries the name's flags
(:data:`_FLAG_MAIN`, :data:`_FLAG_ALIAS`, :data:`_FLAG_ABBR`) in its low three
bits and the framed key's length above them, so a hit's start is known without
the key. Building takes about four seconds; the automaton is pickled to
``$GEOMAP_CACHE_DIR`` (else ``$XDG_CACHE_HOME/geomap`` or ``~/.cache/geomap``),
where a later process loads it in about half a second, and only the newest
:data:`_CACHE_KEEP` files are kept. :mod:`geomap.geoparse._recognize` matches text with it.
"""

from __future__ import annotations

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
            automaton = _load_or_build(store, ident)
            _AUTOMATA[ident] = automaton
    return automaton


def _load_or_build(store: Any, ident: tuple[str, str]) -> Any:
    import ahocorasick

    stat = Path(ident[0]).stat()
    digest = hashlib.sha1(f"{_CACHE_FORMAT}|{ident[0]}|{ident[1]}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    path = _cache_dir() / f"names-{digest.hexdigest()[:16]}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # no cache yet, or an unreadable one: build afresh
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(automaton, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune_cache(path.parent, keep=_CACHE_KEEP)
    except OSError:
        pass  # a read-only home is no reason to fail: the next process builds again
    return automaton


# Each database file (each checkout, each rebuild) has its own ~170 MB automaton: keep the newest few.
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
        try:
            old.unlink()
        except OSError:
            pass  # in use elsewhere or already gone
