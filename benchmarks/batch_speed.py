"""Batch throughput and memory: documents/s with 1 and 2 workers, local processes and Dask LocalCluster.

Generates a synthetic corpus of news-like documents (gazetteer place names composed
with event phrases and filler sentences, fixed seed), runs ``geomap.batch.run_batch``
on it four ways and prints documents/s and the peak resident memory of each worker
process (sampled with psutil every 0.2 s, and the kernel's own peak, ``ru_maxrss``,
which the workers report). The baseline is one local worker, measured in the same run.

    python benchmarks/batch_speed.py                 # 20,000 documents
    python benchmarks/batch_speed.py --docs 2000     # a quick look

Goals: 2 workers >= 1.7x one worker; <= 1 GB peak per worker; Dask <= 15% slower than
local processes at the same worker count. The map is left out of the timed runs (its
cost does not grow with the corpus: it draws at most --map-limit incidents).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import threading
import time
from pathlib import Path

import psutil

_EVENTS = [
    "{actor} shelled positions near {place} on {day}, killing {n} soldiers.",
    "Hundreds of protesters rallied in {place} on {day} against rising prices.",
    "A drone strike hit a convoy outside {place}, wounding {n} people, officials said.",
    "Police arrested {n} activists in {place} after a demonstration on {day}.",
    "Clashes broke out between {actor} and local militias in {place}; {n} fighters died.",
    "An explosion at a market in {place} killed {n} civilians on {day}.",
    "Rioters set fire to cars in {place} and clashed with police.",
]
_ACTORS = ["Government forces", "Rebel fighters", "Unidentified gunmen", "Military forces", "Police",
           "Armed men", "Security forces"]
_FILLER = [
    "Officials gave no further details.", "Residents said the situation remained tense.",
    "The ministry promised an investigation.", "Schools and shops stayed closed for a second day.",
    "Aid groups called for calm and for access to the area.", "Talks between the two sides are due next month.",
    "Prices of bread and fuel have doubled this year.", "Local media carried pictures of the damage.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def place_names(limit: int = 1500) -> list[str]:
    """Names of countries, admin areas and towns from the shipped gazetteer, in a fixed order."""
    from gazetteer import Gazetteer

    gaz = Gazetteer()
    names: list[str] = []
    for a in "ABCDEFGHIJKLMNOPRSTUVWYZ":
        names += [c.place.name for c in gaz.search(a, limit=80) if c.place.name.isascii()]
    return sorted(set(names))[:limit]


def write_corpus(path: Path, n: int, *, seed: int = 2023) -> Path:
    """``n`` news-like articles as JSON Lines (id, title, published, url, text), about 1 KB each."""
    rng = random.Random(seed)
    names = place_names()
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            sentences = []
            for _ in range(rng.randint(2, 5)):
                sentences.append(rng.choice(_EVENTS).format(actor=rng.choice(_ACTORS), place=rng.choice(names),
                                                            day=rng.choice(_DAYS), n=rng.randint(1, 30)))
                sentences += rng.sample(_FILLER, rng.randint(1, 3))
            record = {"id": f"syn-{k:06d}", "title": f"Report {k}",
                      "published": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "url": f"https://news.example/{k}", "text": " ".join(sentences)}
            f.write(json.dumps(record) + "\n")
    return path


class RssSampler:
    """Peak RSS of every descendant process, sampled every ``interval`` seconds."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peaks = interval, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(corpus: Path, workers: int, *, dask: bool, chunk_size: int) -> dict[str, object]:
    from geomap.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp, RssSampler() as sampler:
        summary = run_batch(corpus, Path(tmp) / "out", workers=workers, chunk_size=chunk_size, progress=False,
                            dask="local" if dask else None, map_limit=None)
    pids = summary.peak_rss_per_worker
    return {"mode": "dask" if dask else "local", "workers": workers, "docs": summary.documents,
            "incidents": summary.incidents, "seconds": summary.seconds, "docs_per_s": summary.docs_per_second,
            "psutil_peak_mb": max((sampler.peaks.get(p, 0) for p in pids), default=0) / 2**20,
            "ru_maxrss_mb": max(pids.values(), default=0) / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--no-dask", action="store_true", help="local processes only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.docs, seed=args.seed)
        print(f"corpus: {args.docs:,} documents, {corpus.stat().st_size / 2**20:.1f} MB, "
              f"generated in {time.perf_counter() - started:.1f} s; {psutil.cpu_count()} CPUs")
        results = []
        # Local and Dask runs alternate at each worker count, so that a slow drift of the
        # machine's speed over the minutes of the benchmark does not count against one of them.
        for workers in (1, 2):
            for dask in (False, True)[: 1 if args.no_dask else 2]:
                r = run(corpus, workers, dask=dask, chunk_size=args.chunk_size)
                results.append(r)
                print(f"{r['mode']:>5} {workers} worker(s): {r['docs_per_s']:7.1f} docs/s "
                      f"({r['seconds']:.1f} s, {r['incidents']:,} incidents), peak RSS per worker "
                      f"{r['psutil_peak_mb']:.0f} MB (psutil) / {r['ru_maxrss_mb']:.0f} MB (ru_maxrss)")
    by = {(r["mode"], r["workers"]): r["docs_per_s"] for r in results}
    base = by[("local", 1)]
    print(f"baseline (local, 1 worker): {base:.1f} docs/s")
    print(f"local 2 workers / 1 worker: {by[('local', 2)] / base:.2f}x (goal >= 1.7x)")
    for w in (1, 2):
        if ("dask", w) in by:
            slower = 1 - by[("dask", w)] / by[("local", w)]
            print(f"dask vs local, {w} worker(s): {100 * slower:+.1f}% slower (goal <= 15%)")
    peak = max(max(r["psutil_peak_mb"], r["ru_maxrss_mb"]) for r in results)
    print(f"largest peak per worker: {peak:.0f} MB (goal <= 1024 MB)")


if __name__ == "__main__":
    main()
