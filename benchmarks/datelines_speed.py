"""Date finding in a file of many datelined stories stays linear in the file's length.

A wire feed or a batch file may hold thousands of stories, each opening with its own
dateline ("KYIV, March 3, 2022 (Reuters) -"); ``find_dates`` reads each story against
its dateline's date. The script times ``find_dates`` on such a file of 500 and of
4,000 stories and prints the CPU time per character of each: the larger must be within
2x of the smaller (each story used to rescan the whole file: 4,000 stories,
372 KB, took 144 s). CPU seconds of this process (``time.process_time``).

Run from the repository root: ``python benchmarks/datelines_speed.py``. Exits 1 when
the ratio is over 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: One story of the file: its dateline, a relative date and an absolute one.
STORY = "KYIV, March 3, 2022 (Reuters) - Shelling hit the city on Monday, officials said on 2 March.\n\n"
_MAX_RATIO = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, nargs=2, default=(500, 4000), metavar=("FEW", "MANY"))
    args = parser.parse_args()

    from geomap.text import find_dates

    per_char = []
    for n in args.stories:
        text = STORY * n
        t0 = time.process_time()
        found = find_dates(text, dt.date(2023, 1, 1))
        spent = time.process_time() - t0
        per_char.append(spent / len(text))
        print(f"{n:>6,} stories, {len(text):>9,} chars: {spent:7.2f} s CPU, {per_char[-1] * 1e6:6.2f} us/char, "
              f"{len(found):,} dates")
    ratio = per_char[1] / max(per_char[0], 1e-12)
    print(f"time per character, many / few: {ratio:.2f}   target: <= {_MAX_RATIO:.0f} (linear in length)")
    return 0 if ratio <= _MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
