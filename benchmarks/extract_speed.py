"""Incident extraction throughput over the GeoWebNews texts, on one core.

Prints characters/s and documents/s of ``geomap.extract_incidents`` (geoparsing
included) beside the geoparser alone in the same run, so the cost of the event
layer is visible, per CPU second of this process (``time.process_time``), the
best of ``--repeat`` passes, and once over texts the process has not seen (the goal,
>= 500,000 characters/s end to end, is checked on that one).

Then times one long document, an event sentence repeated to 50 KB and to 5 MB
(the batch's size limit), and prints the time per character of each: extraction
must stay linear in a document's length, so the 5 MB figure must be within 2x of
the 50 KB one. Times are CPU seconds of this process (``time.process_time``), so
other work on the machine does not inflate them. ``--no-long`` skips this part.

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
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (the first warms caches)")
    ap.add_argument("--no-long", action="store_true", help="skip the 50 KB / 5 MB single-document timing")
    args = ap.parse_args()

    from geomap.evaluate import read_corpus
    from geomap.incidents import extract_incidents
    from geomap.geoparse import default_gazetteer, geoparse

    texts = [d.text for d in read_corpus(args.corpus, "gwn")]
    chars = sum(map(len, texts))
    gaz = default_gazetteer()
    geoparse("Warm up in Baku.", gazetteer=gaz)  # loads the automaton once

    def timed(fn) -> float:
        # CPU seconds of this process: on a shared machine the wall clock measures the others' load.
        best = float("inf")
        for _ in range(args.repeat):
            t = time.process_time()
            for text in texts:
                fn(text)
            best = min(best, time.process_time() - t)
        return best

    # Text the process has not seen: warm on the first half, time the second half once. The
    # recogniser remembers runs it has read, so repeat passes over the same texts read faster.
    half = len(texts) // 2
    for text in texts[:half]:
        extract_incidents(text, published="2018-01-01", gazetteer=gaz)
    t = time.process_time()
    for text in texts[half:]:
        extract_incidents(text, published="2018-01-01", gazetteer=gaz)
    t_unseen, unseen_chars = time.process_time() - t, sum(map(len, texts[half:]))
    t_geo = timed(lambda text: geoparse(text, gazetteer=gaz))
    n_inc = 0

    def run(text: str) -> None:
        nonlocal n_inc
        n_inc += len(extract_incidents(text, published="2018-01-01", gazetteer=gaz))

    t_ext = timed(run)
    print(f"corpus: {len(texts)} documents, {chars:,} characters ({args.corpus.name}); best of {args.repeat}")
    for name, t in (("geoparse only", t_geo), ("extract_incidents", t_ext)):
        print(f"{name:18} {chars / t:12,.0f} chars/s  {len(texts) / t:8,.0f} docs/s  ({t:.2f} s CPU)")
    print(f"{'extract, unseen':18} {unseen_chars / t_unseen:12,.0f} chars/s  "
          f"{(len(texts) - half) / t_unseen:8,.0f} docs/s  (second half, never seen before: the corpus figure)")
    print(f"incidents found: {n_inc // args.repeat}   target: extract, unseen >= 500,000 chars/s end to end")
    if not args.no_long:
        long_documents(gaz)


_SENTENCE = ("On 9 March 2023, Armenian forces shelled positions near Zangilan, killing two soldiers, "
             "the defence ministry said. ")


def long_documents(gaz) -> None:
    """Time per character of one document of 50 KB and one of 5 MB (must be within 2x)."""
    from geomap.incidents import extract_incidents

    per_char = {}
    for size in (50_000, 5_000_000):
        text = (_SENTENCE * (size // len(_SENTENCE) + 1))[:size]
        t = time.process_time()
        n = len(extract_incidents(text, published="2023-03-20", gazetteer=gaz))
        spent = time.process_time() - t
        per_char[size] = spent / size
        print(f"one document of {size:>9,} chars: {spent:7.2f} s CPU, {per_char[size] * 1e6:6.2f} us/char, "
              f"{n} incident(s) after merging repeats")
    ratio = per_char[5_000_000] / per_char[50_000]
    print(f"time per character, 5 MB / 50 KB: {ratio:.2f}   target: <= 2 (linear in length)")


if __name__ == "__main__":
    main()
