"""How many GeoWebNews gold toponyms can the gazetteer find at all?

For every gold toponym of GeoWebNews that has a GeoNames id, look its surface form
up with ``Gazetteer().lookup(surface, limit=N)`` and count it covered when any
candidate is the gold place: the same GeoNames id, or a point within 161 km of the
gold coordinates (the acc@161 tolerance, so a differently-sourced entry for the
same place still counts). Coverage is the ceiling of any resolver built on the
gazetteer: a toponym it does not cover cannot be resolved correctly.

The misses are grouped by cause, with the most frequent surface forms of each:

* no candidate: the name is not in the gazetteer at all;
* query rejected: the gazetteer refused the string (no letters, too long...);
* fuzzy candidates only: nothing matched exactly or as an alias, and no near
  spelling was the right place;
* wrong candidates, nearest within 1000 km: probably the right area at another
  level (a city for its region, a country for its capital), or a point far from
  the gold one for a large feature;
* wrong candidates, all over 1000 km: another place of the same name, the right
  one missing.

Usage, from the repository root::

    python benchmarks/gazetteer_coverage.py [--corpus PATH] [--limit 10] [--top 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script, from anywhere
    sys.path.insert(0, str(REPO))

from geomap.evaluate import ACC_KM, GoldDocument, great_circle_km, read_gwn  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "geowebnews" / "GWN.xml"

NO_CANDIDATE = "no candidate"
REJECTED = "query rejected by the gazetteer"
FUZZY_ONLY = "fuzzy candidates only, none right"
WRONG_NEAR = "wrong candidates, nearest within 1000 km"
WRONG_FAR = "wrong candidates, all over 1000 km"
CAUSES = (NO_CANDIDATE, REJECTED, FUZZY_ONLY, WRONG_NEAR, WRONG_FAR)

Lookup = Callable[[str, int], Sequence[Any]]


@dataclass
class Coverage:
    """Counts of one run; ``misses[cause]`` counts surface forms."""

    limit: int
    total: int = 0
    covered: int = 0
    covered_top1: int = 0
    misses: dict[str, Counter[str]] = field(default_factory=lambda: {cause: Counter() for cause in CAUSES})
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [covered, total]

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 0.0

    def to_dict(self, top: int) -> dict[str, Any]:
        return {
            "limit": self.limit,
            "total": self.total,
            "covered": self.covered,
            "coverage_percent": round(self.percent, 2),
            "covered_top1": self.covered_top1,
            "by_type": {k: {"covered": c, "total": t} for k, (c, t) in sorted(self.by_type.items())},
            "misses": {
                cause: {"count": sum(c.values()), "top": c.most_common(top)} for cause, c in self.misses.items() if c
            },
        }


def _is_gold(candidate: Any, geonameid: int, lat: float, lon: float) -> bool:
    place = candidate.place
    if place.geonameid == geonameid:
        return True
    return great_circle_km(lat, lon, place.latitude, place.longitude) <= ACC_KM


def _cause(candidates: Sequence[Any], lat: float, lon: float) -> str:
    if not candidates:
        return NO_CANDIDATE
    # The match type is an enum whose value is "fuzzy"; compare by value so that a fake
    # gazetteer in tests need not import it.
    if all(str(getattr(c, "match", "")) == "fuzzy" for c in candidates):
        return FUZZY_ONLY
    nearest = min(great_circle_km(lat, lon, c.place.latitude, c.place.longitude) for c in candidates)
    return WRONG_NEAR if nearest <= 1000.0 else WRONG_FAR


def measure_coverage(docs: Iterable[GoldDocument], lookup: Lookup, *, limit: int = 10) -> Coverage:
    """Look up every gold toponym with a GeoNames id and count how many are covered.

    ``lookup(surface, limit)`` returns candidates with ``.place.geonameid``,
    ``.place.latitude`` and ``.place.longitude``; a ``ValueError`` from it (the
    gazetteer's ``InvalidQuery``) counts as a rejected query, anything else
    propagates. Lookups are cached by surface form.
    """
    result = Coverage(limit=limit)
    cache: dict[str, Sequence[Any] | None] = {}
    for doc in docs:
        for t in doc.toponyms:
            if t.geonameid is None or t.latitude is None or t.longitude is None:
                continue
            result.total += 1
            type_counts = result.by_type.setdefault(t.type or "-", [0, 0])
            type_counts[1] += 1
            if t.name not in cache:
                try:
                    cache[t.name] = list(lookup(t.name, limit))
                except ValueError:
                    cache[t.name] = None
            candidates = cache[t.name]
            if candidates is None:
                result.misses[REJECTED][t.name] += 1
                continue
            hits = [_is_gold(c, t.geonameid, t.latitude, t.longitude) for c in candidates]
            if any(hits):
                result.covered += 1
                type_counts[0] += 1
                result.covered_top1 += hits[0]
            else:
                result.misses[_cause(candidates, t.latitude, t.longitude)][t.name] += 1
    return result


def format_coverage(result: Coverage, *, top: int = 20) -> str:
    """The run as text for people."""
    lines = [
        f"gazetteer coverage of GeoWebNews gold toponyms with a GeoNames id (limit={result.limit})",
        f"covered: {result.covered} / {result.total} = {result.percent:.1f}%"
        f"   (right place ranked first: {result.covered_top1}, "
        f"{100.0 * result.covered_top1 / result.total if result.total else 0.0:.1f}%)",
        "",
        f"{'type':<22} {'covered':>8} {'total':>6} {'%':>6}",
    ]
    for name, (covered, total) in sorted(result.by_type.items()):
        lines.append(f"{name:<22} {covered:>8} {total:>6} {100.0 * covered / total:>6.1f}")
    for cause in CAUSES:
        counter = result.misses[cause]
        if not counter:
            continue
        lines.append("")
        lines.append(f"{cause}: {sum(counter.values())} toponyms, {len(counter)} surface forms; top {top}:")
        lines.extend(f"  {count:>4}  {surface}" for surface, count in counter.most_common(top))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="GWN.xml (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=10, help="candidates per lookup (default: %(default)s)")
    parser.add_argument("--top", type=int, default=20, help="surface forms shown per cause (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    if not 1 <= args.limit <= 1000:
        parser.error("--limit must be from 1 to 1000")

    from geomap.errors import EvaluationError

    try:
        from gazetteer import Gazetteer, GazetteerError
    except ImportError as exc:
        print(f"error: cannot import the gazetteer ({exc})", file=sys.stderr)
        return 2
    try:
        docs = read_gwn(args.corpus)
        gazetteer = Gazetteer()
        started = time.perf_counter()
        result = measure_coverage(docs, lambda name, n: gazetteer.lookup(name, limit=n), limit=args.limit)
        elapsed = time.perf_counter() - started
    except (EvaluationError, GazetteerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_dict(args.top), ensure_ascii=False, indent=2))
    else:
        print(format_coverage(result, top=args.top))
        print(f"\n{elapsed:.1f} s for {result.total} lookups ({len(docs)} articles, {args.corpus})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
