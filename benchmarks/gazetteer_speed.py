"""Gazetteer speed and memory: start-up of `geomap geocode`, lookups per second, resident memory.

Prints each figure beside its baseline, measured in the same run:
- start-up: `geomap geocode Lachin` in a fresh process vs `python -c pass` (target: at most +0.25 s);
- lookups: warm exact lookups/s (names already asked once; target >= 200,000/s) and cold lookups/s
  (every name asked for the first time, straight from SQLite);
- composite lookups ("Paris, TX", "Springfield, Illinois, USA", "Germany, Aachen": a town with its state
  and country, in the forms people write): warm (target >= 20,000/s) and cold;
- memory: resident memory added by opening the gazetteer and answering 20,000 lookups (target <= 250 MB).

Run from the repository root: ``python benchmarks/gazetteer_speed.py``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

RUNS = 15


def _wall(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure_in_process() -> dict[str, float]:
    rss0 = _rss_mb()
    from gazetteer import Gazetteer

    gaz = Gazetteer()
    import sqlite3

    con = sqlite3.connect(gaz.store.path)
    names = [r[0] for r in con.execute(
        "SELECT name FROM places WHERE kind = 0 ORDER BY population DESC LIMIT 20000")]
    con.close()
    # Cold: each name for the first time (SQLite query, scoring, ranking).
    t = time.perf_counter()
    for n in names:
        gaz.lookup(n, fuzzy=False)
    cold = len(names) / (time.perf_counter() - t)
    # Warm: the same names again.
    t = time.perf_counter()
    for _ in range(3):
        for n in names:
            gaz.lookup(n, fuzzy=False)
    warm = 3 * len(names) / (time.perf_counter() - t)
    composite = _composite_queries(gaz)
    t = time.perf_counter()
    for q in composite:
        gaz.lookup(q)
    composite_cold = len(composite) / (time.perf_counter() - t)
    t = time.perf_counter()
    for _ in range(3):
        for q in composite:
            gaz.lookup(q)
    composite_warm = 3 * len(composite) / (time.perf_counter() - t)
    rss1 = _rss_mb()
    return {"cold_per_s": cold, "warm_per_s": warm, "composite_cold_per_s": composite_cold,
            "composite_warm_per_s": composite_warm, "composite_n": len(composite),
            "rss_added_mb": rss1 - rss0, "rss_total_mb": rss1}


def _composite_queries(gaz, n: int = 5000) -> list[str]:
    """Towns written with their containers, in four forms: "Town, ST", "Town, State, Country",
    "Country, Town" and "Town ST CC" (state codes where the database has them)."""
    con = gaz.store._con
    codes = dict(con.execute("SELECT p.admin1_code, n.key FROM names n JOIN places p ON p.id = n.id "
                             "WHERE p.kind = 1 AND n.flag = 2 AND length(n.key) = 2"))
    countries = dict(con.execute("SELECT country, name FROM places WHERE kind = 3"))
    rows = [(town, state, countries[cc], cc, codes.get(a1)) for town, state, cc, a1 in con.execute(
        "SELECT p.name, a.name, p.country, p.admin1_code FROM places p JOIN admins a ON a.code = p.admin1_code "
        "WHERE p.kind = 0 AND p.population > 20000 ORDER BY p.population DESC LIMIT ?", (n,)) if cc in countries]
    out = []
    for i, (town, state, country, cc, code) in enumerate(rows):
        form = i % 4
        if form == 0 and code:
            out.append(f"{town}, {code.upper()}")
        elif form == 1 or (form == 0 and not code):
            out.append(f"{town}, {state}, {country}")
        elif form == 2:
            out.append(f"{country}, {town}")
        else:
            out.append(f"{town} {code.upper() if code else state} {cc}")
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(measure_in_process()))
        return
    base = _wall([sys.executable, "-c", "pass"])
    geocode = _wall([sys.executable, "-m", "geomap", "geocode", "Lachin"])
    out = subprocess.run([sys.executable, __file__, "--child"], check=True, capture_output=True, text=True).stdout
    m = json.loads(out)
    print(f"start-up  python -c pass {base * 1000:7.0f} ms   geomap geocode Lachin {geocode * 1000:7.0f} ms   "
          f"added {1000 * (geocode - base):5.0f} ms  (target <= 250 ms)  median of {RUNS}")
    print(f"lookups   cold {m['cold_per_s']:10,.0f}/s   warm {m['warm_per_s']:10,.0f}/s  (target warm >= 200,000/s)")
    print(f"composite cold {m['composite_cold_per_s']:10,.0f}/s   warm {m['composite_warm_per_s']:10,.0f}/s  "
          f"(target warm >= 20,000/s; {m['composite_n']:,} queries such as 'Paris, TX', 'Germany, Aachen')")
    print(f"memory    gazetteer + 20,000 lookups add {m['rss_added_mb']:6.1f} MB resident "
          f"(process total {m['rss_total_mb']:.0f} MB; target <= 250 MB)")


if __name__ == "__main__":
    main()
