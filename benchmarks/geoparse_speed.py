"""Geoparsing throughput on one core: geomap beside geotext, on the same GeoWebNews texts, in one run.

Run from the repository root::

    python benchmarks/geoparse_speed.py [path/to/GWN.xml] [--repeat N]

Prints characters and documents per second for each. Start-up (loading the
gazetteer's name automaton) is timed apart from the throughput, and each
parser sees every text once before the timed passes, so both are measured warm.
geotext only finds city and country names from a fixed list and resolves
nothing, so it is a floor for speed, not a rival in accuracy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_GWN = REPO.parent / "shared" / "eval" / "geowebnews" / "GWN.xml"


def _time(fn, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_GWN))
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported")
    args = parser.parse_args()

    from geomap.evaluate import read_corpus

    texts = [d.text for d in read_corpus(args.corpus, "gwn")]
    chars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    from geomap.geoparse import geoparse

    geoparse("Warm-up in Paris.")
    startup = time.perf_counter() - t0
    for text in texts:  # fill the lookup caches, as a long-running process would have them
        geoparse(text)
    geomap_s = _time(geoparse, texts, args.repeat)

    from geotext import GeoText

    geotext_s = _time(GeoText, texts, args.repeat)

    print(f"{len(texts)} documents, {chars:,} characters; start-up {startup:.2f} s")
    for name, seconds in (("geomap.geoparse", geomap_s), ("geotext.GeoText", geotext_s)):
        print(f"{name:<16} {chars / seconds:>12,.0f} chars/s {len(texts) / seconds:>8,.0f} docs/s")


if __name__ == "__main__":
    main()
