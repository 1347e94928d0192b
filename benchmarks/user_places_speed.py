"""How long `geomap gazetteer add` takes for a user CSV of 1,000 places (target: under 5 s).

Writes 1,000 invented places (every tenth with an admin-1 name, every twentieth with a WKT polygon)
to a temporary CSV, adds them to a fresh user layer through the CLI in a new process (start-up
included), then checks one resolves and times `gazetteer remove` of it.

On a shared machine the wall time includes waiting for a core; the CPU time does not.

Run from the repository root: ``python benchmarks/user_places_speed.py``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N = 1_000


def _csv(path: Path) -> None:
    rng = random.Random(17)
    lines = ["name,alternate_names,lat,lon,kind,country,admin1,admin2,geometry"]
    for i in range(N):
        lat, lon = rng.uniform(38.5, 41.5), rng.uniform(44.5, 49.5)
        admin1 = "Lachin" if i % 10 == 0 else ""
        wkt = (f'"POLYGON (({lon} {lat}, {lon + .01} {lat}, {lon + .01} {lat + .01}, {lon} {lat + .01}, {lon} {lat}))"'
               if i % 20 == 0 else "")
        lines.append(f"Benchpoint {i:04d} Qx,Bench Alias {i:04d},{lat:.5f},{lon:.5f},,AZ,{admin1},,{wkt}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    geomap = [sys.executable, "-m", "geomap"]
    with tempfile.TemporaryDirectory() as d:
        env = {**os.environ, "GEOMAP_USER_DB": str(Path(d) / "user.sqlite")}
        src = Path(d) / "places.csv"
        _csv(src)
        t, c = time.perf_counter(), os.times()
        out = subprocess.run([*geomap, "gazetteer", "add", str(src)], env=env, capture_output=True, text=True)
        add_s = time.perf_counter() - t
        c2 = os.times()
        add_cpu = (c2.children_user - c.children_user) + (c2.children_system - c.children_system)
        print(out.stdout.strip(), out.stderr.strip()[:300])
        found = subprocess.run([*geomap, "geocode", "Benchpoint 0500 Qx", "--json", "-n", "1"], env=env,
                               capture_output=True, text=True).stdout
        t = time.perf_counter()
        subprocess.run([*geomap, "gazetteer", "remove", "Benchpoint 0500 Qx"], env=env, check=True,
                       capture_output=True)
        remove_s = time.perf_counter() - t
    print(f"add {N:,} places: {add_s:.2f} s wall, {add_cpu:.2f} s CPU, process start-up included (target < 5 s); resolves: {'Benchpoint 0500 Qx' in found}; "
          f"remove one: {remove_s:.2f} s")
    return 0 if add_s < 5 and "Benchpoint 0500 Qx" in found else 1


if __name__ == "__main__":
    sys.exit(main())
