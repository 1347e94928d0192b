"""Areas that news names and GeoNames splits: unions of GeoNames admin-2 areas.

England's ceremonial and metropolitan counties ("West Yorkshire", "Merseyside",
"Berkshire") and historic ones ("Yorkshire", "Sussex") are no admin areas in
GeoNames, which lists their unitary authorities and boroughs instead; yet police
forces, sports and weather reports name them every day. ``composite_areas.csv``
lists each as the GeoNames admin-2 codes it covers. The build stores it as a
county (admin-2) of its country and first-level area whose code lists its members'
codes joined by "|", so that a town of a member lies in it ("Croft, Yorkshire",
see ``geomap.geoparse._containment.inside``). It is a point at the middle of its towns'
footprint (their convex hull). Without a drawn shape it stays out of reverse
geocoding, whose areas for a British point are then the country and its M49
region; incident enrichment takes the admin-2 area of the nearest town.
"""

from __future__ import annotations

import csv
from pathlib import Path
from collections.abc import Callable
from typing import Any

from . import shared_sources as src
from .records import PlaceRecord
from .writer import GazetteerWriter
from .shapes import middle

__all__ = ["COMPOSITE_AREAS", "add_composite_areas"]

COMPOSITE_AREAS = Path(__file__).resolve().parents[1] / "data" / "composite_areas.csv"
_COLUMNS = frozenset({"name", "country", "aliases", "members", "note"})
# An area needs this many towns for its hull to say where it is.
_MIN_TOWNS = 3


def _shared_admin1(codes: list[str]) -> str:
    """The first-level area all member codes lie in ("GB.ENG"), or "" when they span several."""
    firsts = {".".join(c.split(".")[:2]) for c in codes}
    return firsts.pop() if len(firsts) == 1 else ""


def add_composite_areas(w: GazetteerWriter, cities: dict[int, dict[str, Any]], log: Callable[[str], None],
                        path: Path = COMPOSITE_AREAS) -> None:
    """Write one county per row of ``path``.

    Raises
    ------
    ValueError
        For a file without the columns name, country, aliases, members and note, a short
        row, or a row whose member areas hold fewer than three GeoNames towns (its point
        would say little about where it is).
    """
    import shapely

    _, by2 = src.cities_by_admin(cities)
    n = 0
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = _COLUMNS - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
        for row in reader:
            if any(row.get(c) is None for c in _COLUMNS):
                raise ValueError(f"{path.name}: line {reader.line_num} has too few fields")
            codes = [c for c in row["members"].split("|") if c]
            towns = [t for code in codes for t in by2.get(code, [])]
            if len(towns) < _MIN_TOWNS:
                raise ValueError(f"{path.name}: {row['name']!r} has {len(towns)} GeoNames towns in {codes}")
            hull = shapely.MultiPoint([(t["longitude"], t["latitude"]) for t in towns]).convex_hull
            lat, lon = middle(hull)
            slug = "-".join(row["name"].lower().split())
            w.add(PlaceRecord(
                place_id=f"composite:{row['country'].lower()}:{slug}", name=row["name"], kind="admin2",
                country=row["country"], lat=lat, lon=lon, population=sum(int(t.get("population") or 0) for t in towns),
                fclass="A", admin1_code=_shared_admin1(codes), admin2_code="|".join(codes),
                source=(f"Derived: {row['note']}. Union of GeoNames admin-2 areas {', '.join(codes)}; point: "
                        f"the middle of the convex hull of their {len(towns)} GeoNames towns"),
                names={row["name"], *(a for a in row["aliases"].split("|") if a)}))
            n += 1
    log(f"composite areas: {n}")
