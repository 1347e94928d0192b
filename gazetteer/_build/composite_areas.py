"""Areas that news names and GeoNames splits: unions of GeoNames admin-2 areas.

England's ceremonial and metropolitan counties ("West Yorkshire", "Merseyside",
"Berkshire") and historic ones ("Yorkshire", "Sussex") are no admin areas in
GeoNames, which lists their unitary authorities and boroughs instead; yet police
forces, sports and weather reports name them every day. ``composite_areas.csv``
lists each as the GeoNames admin-2 codes it covers. The build places it at the
middle of its towns' footprint (the convex hull of its GeoNames towns, widened by
about 5 km) and stores it as a county (admin-2) of its country and first-level
area, without a code of its own: a town lies in it when it lies within its reach
(see ``geomap._containment.inside``), so "Croft, Yorkshire" is read as written.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from . import shared_sources as src
from .records import PlaceRecord
from .shapes import middle, simplify

__all__ = ["COMPOSITE_AREAS", "add_composite_areas"]

COMPOSITE_AREAS = Path(__file__).resolve().parents[1] / "data" / "composite_areas.csv"
# The footprint is the towns' hull widened by this much (degrees, about 5 km).
_WIDEN_DEG = 0.05
# An area needs this many towns for its hull to say where it is.
_MIN_TOWNS = 3


def _shared_admin1(codes: list[str]) -> str:
    """The first-level area all member codes lie in ("GB.ENG"), or "" when they span several."""
    firsts = {".".join(c.split(".")[:2]) for c in codes}
    return firsts.pop() if len(firsts) == 1 else ""


def add_composite_areas(w: Any, cities: dict[int, dict[str, Any]], log, path: Path = COMPOSITE_AREAS) -> None:
    """Write one region per row of ``path``; a row whose members hold too few towns is an error."""
    import shapely

    _, by2 = src.cities_by_admin(cities)
    n = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            codes = [c for c in row["members"].split("|") if c]
            towns = [t for code in codes for t in by2.get(code, [])]
            if len(towns) < _MIN_TOWNS:
                raise ValueError(f"{path.name}: {row['name']!r} has {len(towns)} GeoNames towns in {codes}")
            hull = shapely.MultiPoint([(t["longitude"], t["latitude"]) for t in towns]).convex_hull.buffer(_WIDEN_DEG)
            lat, lon = middle(hull)
            slug = "-".join(row["name"].lower().split())
            w.add(PlaceRecord(
                place_id=f"composite:{row['country'].lower()}:{slug}", name=row["name"], kind="admin2",
                country=row["country"], lat=lat, lon=lon, population=sum(int(t.get("population") or 0) for t in towns),
                fclass="A", admin1_code=_shared_admin1(codes),
                source=(f"Derived: {row['note']}. Union of GeoNames admin-2 areas {', '.join(codes)}; footprint: "
                        f"the convex hull of their {len(towns)} GeoNames towns, widened by about 5 km"),
                geometry=simplify(hull, 0.01), names={row["name"], *(a for a in row["aliases"].split("|") if a)}))
            n += 1
    log(f"composite areas: {n}")
