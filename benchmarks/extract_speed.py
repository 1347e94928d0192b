"""Incident extraction throughput over the GeoWebNews texts, on one core.

Prints characters/s and documents/s of ``geomap.extract_incidents`` (geoparsing
included) beside the geoparser alone in the same run, so the cost of the event
layer is visible. Goal: >= 500,000 characters/s end to end.

Run from the repository root: ``python benchmarks/extract_speed.py [--corpus PATH]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval" / "geowebnews" / "GWN.xml")
    ap.add_argument("--repeat", type=int, default=2, help="passes over the corpus (the first warms caches)")
    args = ap.parse_args()

    from geomap.evaluate import read_corpus
    from geomap.incidents import extract_incidents
    from geomap.geoparse import default_gazetteer, geoparse

    texts = [d.text for d in read_corpus(args.corpus, "gwn")]
    chars = sum(map(len, texts))
    gaz = default_gazetteer()
    geoparse("Warm up in Baku.", gazetteer=gaz)  # loads the automaton once

    def timed(fn) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            for text in texts:
                fn(text)
            best = min(best, time.perf_counter() - t)
        return best

    t_geo = timed(lambda text: geoparse(text, gazetteer=gaz))
    n_inc = 0

    def run(text: str) -> None:
        nonlocal n_inc
        n_inc += len(extract_incidents(text, published="2018-01-01", gazetteer=gaz))

    t_ext = timed(run)
    print(f"corpus: {len(texts)} documents, {chars:,} characters ({args.corpus.name}); best of {args.repeat}")
    for name, t in (("geoparse only", t_geo), ("extract_incidents", t_ext)):
        print(f"{name:18} {chars / t:12,.0f} chars/s  {len(texts) / t:8,.0f} docs/s  ({t:.2f} s)")
    print(f"incidents found: {n_inc // args.repeat}   target: >= 500,000 chars/s end to end")


if __name__ == "__main__":
    main()
