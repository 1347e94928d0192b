"""Import speed: 100,000 ACLED-format rows through ``geomap.io.read_incidents``.

Prints, beside the baseline measured in the same run (``pandas.read_csv`` on the
same file plus ``geopandas.points_from_xy``):

* ``read_frame``: parsing, checking every column, the swapped-coordinates check
  against the country polygon, and the GeoDataFrame (goal: <= 2x the baseline);
* ``read_incidents``: the same checks, then one ``Incident`` value per row.
Best of ``--repeat`` runs each, alternating, so that a busy machine slows both alike.

The rows are synthetic (written here, in ACLED's column layout; no ACLED data).

Run from the repository root: ``python benchmarks/import_speed.py [--rows N] [--repeat K]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

EVENTS = [("Political violence", "Battles", "Armed clash"),
          ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
          ("Political violence", "Violence against civilians", "Attack"),
          ("Demonstrations", "Protests", "Peaceful protest")]


def write_rows(path: Path, n: int, seed: int = 1) -> None:
    """``n`` synthetic ACLED-layout rows (points inside Azerbaijan, a few hundred distinct dates)."""
    from geomap.incidents import ACLED_COLUMNS

    rnd = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(ACLED_COLUMNS)
        for i in range(n):
            disorder, etype, sub = EVENTS[i % len(EVENTS)]
            row = {"event_id_cnty": f"AZE{i}", "event_date": f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}", "year": 2023,
                   "time_precision": 1 + i % 3, "disorder_type": disorder, "event_type": etype,
                   "sub_event_type": sub, "actor1": "Military Forces of Azerbaijan (1993-)", "inter1": "State forces",
                   "actor2": "Military Forces of Armenia (2018-)", "inter2": "State forces",
                   "interaction": "State forces-State forces", "civilian_targeting": "Civilian targeting" if i % 7 == 0
                   else "", "iso": 31, "region": "Caucasus and Central Asia", "country": "Azerbaijan",
                   "admin1": "Synthetic", "location": f"Place {i % 500}",
                   "latitude": round(rnd.uniform(39.2, 41.0), 4), "longitude": round(rnd.uniform(46.0, 48.5), 4),
                   "geo_precision": 1 + i % 3, "source": "Synthetic Wire", "source_scale": "National",
                   "notes": f"On {i % 28 + 1} March 2023, a synthetic clash near place {i % 500}, with a, comma.",
                   "fatalities": i % 5, "tags": "", "timestamp": 1700000000}
            w.writerow([row.get(c, "") for c in ACLED_COLUMNS])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import geopandas
    import pandas as pd

    from gazetteer import Gazetteer
    from geomap.io import read_frame, read_incidents

    gaz = Gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acled.csv"
        write_rows(path, args.rows)
        size = path.stat().st_size
        base, frame, ours = [], [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            df = pd.read_csv(path)
            geopandas.points_from_xy(df["longitude"], df["latitude"], crs="EPSG:4326")
            base.append(time.perf_counter() - t)
            del df
            t = time.perf_counter()
            fres = read_frame(path, gazetteer=gaz)
            frame.append(time.perf_counter() - t)
            assert len(fres.frame) == args.rows, (len(fres.frame), fres.errors[:3])
            del fres
            t = time.perf_counter()
            res = read_incidents(path, gazetteer=gaz)
            ours.append(time.perf_counter() - t)
            assert len(res.incidents) == args.rows, (len(res.incidents), res.errors[:3])
            del res
    b, f, o = min(base), min(frame), min(ours)
    print(f"{args.rows:,} ACLED rows, {size / 1e6:.1f} MB, best of {args.repeat}")
    print(f"  pandas.read_csv + points_from_xy: {b:.3f} s")
    print(f"  geomap.io.read_frame:             {f:.3f} s  ({f / b:.2f}x the baseline; goal <= 2x)")
    print(f"  geomap.io.read_incidents:         {o:.3f} s  ({o / b:.2f}x the baseline)")


if __name__ == "__main__":
    main()
