"""A batch with three hostile documents among ordinary ones finishes, and reports exactly those three.

The corpus is ``--docs`` JSON Lines documents (``batch_speed.write_corpus``, fixed seed)
of which three are replaced: a sentence repeated to 5 MB (under the 5 MiB size limit,
but far beyond any article: it exhausts its time budget), a text holding an escaped lone
surrogate (``"\\ud800"``) and a line of binary data. The run must finish, with those
three in ``errors.csv`` and every other document processed.

    python benchmarks/batch_hostile.py                       # 1,000 documents, 2 workers, 10 s budget
    python benchmarks/batch_hostile.py --docs 200 --budget 5
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_speed import write_corpus  # noqa: E402 (the benchmark folder is no package)

#: The sentence the pathological document repeats.
SENTENCE = "Troops shelled Zangilan on Monday, killing two soldiers, officials said. "


def hostile_lines() -> dict[str, bytes]:
    """The three hostile JSON Lines records, by the id each carries."""
    repeat = SENTENCE * (5_000_000 // len(SENTENCE))
    return {
        "huge": json.dumps({"id": "huge", "text": repeat}).encode() + b"\n",
        "surrogate": b'{"id": "surrogate", "text": "Clashes in Lachin \\ud800 left three dead."}\n',
        "binary": b"\x00\x01\x02\xff\xfe binary \x00 data\n",
    }


def write_hostile_corpus(path: Path, n: int) -> Path:
    """``n`` documents, the hostile three at positions 1, n/2 and n-1 (0-based)."""
    write_corpus(path, n - 3)
    lines = path.read_bytes().splitlines(keepends=True)
    bad = hostile_lines()
    lines.insert(1, bad["huge"])
    lines.insert(n // 2, bad["surrogate"])
    lines.insert(n - 1, bad["binary"])
    path.write_bytes(b"".join(lines))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per document")
    args = parser.parse_args()

    from geomap.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_hostile_corpus(Path(tmp) / "news.jsonl", args.docs)
        started = time.perf_counter()
        summary = run_batch(corpus, Path(tmp) / "out", workers=args.workers, progress=False, chunk_size=100,
                            doc_seconds=args.budget, map_limit=None)
        seconds = time.perf_counter() - started
        with open(Path(tmp) / "out" / "errors.csv", newline="", encoding="utf-8") as f:
            errors = list(csv.DictReader(f))
    print(f"{summary.documents} documents in {seconds:.1f} s with {args.workers} workers, "
          f"budget {args.budget:g} s a document; {summary.incidents} incidents")
    for e in errors:
        print(f"  errors.csv: ref={e['ref']} doc_id={e['doc_id']} {e['error_type']}: {e['reason'][:90]}")
    processed = summary.documents - len(errors)
    ok = summary.documents == args.docs and len(errors) == 3 and processed == args.docs - 3
    print(f"processed {processed} of {args.docs}; the three hostile documents in errors.csv: {ok}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
