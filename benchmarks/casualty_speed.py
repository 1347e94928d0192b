"""Casualty reading on hostile sentences stays fast and linear: no regex or number reader backtracks.

Each hostile sentence repeats a short unit that number words, figures or death
words are made of ("1,", "from 1 to ", "three soldiers and ") to 10,000
characters and to 40,000. ``find_casualties`` and ``parse_number`` read each, and
the script prints the CPU time of both lengths and the ratio of their times per
character. Targets: every 10,000-character sentence in under 1 s of CPU, and no
ratio over 2 (linear in the length; a quadratic reader shows 4). Times are CPU
seconds of this process (``time.process_time``), so other work on the machine
does not inflate them; the first call, which loads the lexicons, is made before.

Run from the repository root: ``python benchmarks/casualty_speed.py``. Exits 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: Units repeated into hostile sentences: figures, ranges, number words, death and negation words.
UNITS = (
    "1,", "1 ", "111 ", "9", "killed ", "no ", "twenty-", "a ", "one hundred and ", "at least ", "5 killed, ",
    ", including", "between 1 and ", "1.1", "from 1 to ", "1-2 ", "three soldiers and ", "no one was hurt ",
)
_SHORT, _LONG = 10_000, 40_000
_MAX_SECONDS = 1.0
_MAX_RATIO = 2.0


def _cpu_seconds(text: str, repeat: int) -> float:
    """The best CPU time of ``repeat`` readings of ``text`` by both readers."""
    from geomap.incidents._casualties import find_casualties, parse_number

    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        find_casualties(text)
        parse_number(text)
        best = min(best, time.process_time() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="readings of each sentence; the best is reported")
    args = parser.parse_args()

    from geomap.incidents._casualties import find_casualties

    find_casualties("Two soldiers were killed.")  # loads the lexicons outside the timing
    missed = 0
    print(f"{'unit':<22} {_SHORT:>8,} chars {_LONG:>8,} chars  ratio per char")
    for unit in UNITS:
        short = _cpu_seconds((unit * (_SHORT // len(unit) + 1))[:_SHORT], args.repeat)
        long = _cpu_seconds((unit * (_LONG // len(unit) + 1))[:_LONG], args.repeat)
        ratio = (long / _LONG) / max(short / _SHORT, 1e-9)
        # Below a few milliseconds the clock's grain decides the ratio: only a slow reading can be quadratic.
        bad = short > _MAX_SECONDS or (ratio > _MAX_RATIO and long > 0.05)
        missed += bad
        print(f"{unit!r:<22} {short:12.3f} s {long:12.3f} s  {ratio:6.2f}{'   MISSED' if bad else ''}")
    print(f"targets: < {_MAX_SECONDS:.0f} s CPU at {_SHORT:,} chars, ratio <= {_MAX_RATIO:.0f}; missed: {missed}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
