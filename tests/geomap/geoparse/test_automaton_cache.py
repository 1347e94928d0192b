"""The name automaton's cache: built once per gazetteer version, under a lock, by one process only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from geomap.geoparse._automaton import _prune_cache

_CHILD = """
import sys
from gazetteer import Gazetteer
from geomap.geoparse import _automaton
automaton = _automaton._automaton(Gazetteer())
assert automaton.get(" baku ", 0)
print(_automaton.LAST_SOURCE)
"""


def _run_two(cache: Path) -> list[str]:
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", _CHILD], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outs]
    return sorted(out.strip() for out, _ in outs)


def test_two_processes_build_the_automaton_once(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _run_two(cache) == ["built", "cache"]
    pickles = list(cache.glob("names-*.pickle"))
    assert len(pickles) == 1 and pickles[0].stat().st_size > 1_000_000
    assert not [p for p in cache.iterdir() if ".tmp" in p.name]
    # A later pair of processes (another checkout of the same gazetteer) builds nothing.
    assert _run_two(cache) == ["cache", "cache"]


def test_pruning_removes_old_automata_with_their_locks(tmp_path: Path) -> None:
    for i in range(4):
        for name in (f"names-{i}.pickle", f"names-{i}.pickle.lock"):
            (tmp_path / name).write_bytes(b"x")
            os.utime(tmp_path / name, (i, i))
    _prune_cache(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names-2.pickle", "names-2.pickle.lock", "names-3.pickle",
                                                          "names-3.pickle.lock"]
