"""Geometry the map draws besides the incidents, all from the gazetteer (Natural Earth, curated file).

* :func:`basemap` — the basemap, always drawn: land from the Natural Earth country polygons,
  coarse for the world and detailed inside the map's box.
* :func:`border_groups` — the "Borders" overlays: country borders, curated border lines
  (Armenia–Azerbaijan...), disputed and breakaway areas (Nagorno-Karabakh...), the admin areas
  of the places involved, and corridors (Lachin...).

Simplified geometries are cached per gazetteer file for the life of the process: the gazetteer
is read-only, and a batch renders many maps.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

    from ..incidents import Incident

__all__ = ["Box", "basemap", "border_groups", "country_rows", "view_box"]

Box = tuple[float, float, float, float]  # minx (west), miny (south), maxx (east), maxy (north)

# Tolerances in degrees: ~10 km for the world outside the view, ~500 m inside it.
_COARSE, _FINE = 0.15, 0.005
# Islands smaller than this (square degrees) vanish from the coarse world: invisible at that scale.
_MIN_PART = 0.05
_MAX_ADMIN_AREAS = 200


def view_box(points: Iterable[tuple[float, float]]) -> Box | None:
    """The box (west, south, east, north) around ``(lat, lon)`` points with a margin, or ``None`` if none.

    Examples
    --------
    >>> view_box([(39.8, 46.7), (40.2, 44.5)])
    (42.5, 37.8, 48.7, 42.2)
    >>> view_box([]) is None
    True
    """
    lats, lons = [], []
    for lat, lon in points:
        lats.append(lat)
        lons.append(lon)
    if not lats:
        return None
    pad = max(2.0, 0.5 * max(max(lats) - min(lats), max(lons) - min(lons)))
    return (round(max(-180.0, min(lons) - pad), 6), round(max(-90.0, min(lats) - pad), 6),
            round(min(180.0, max(lons) + pad), 6), round(min(90.0, max(lats) + pad), 6))


def basemap(gazetteer: Gazetteer, box: Box | None) -> list[dict[str, Any]]:
    """The offline basemap's land: GeoJSON geometries, drawn as fill only.

    Coarse for the world, detailed inside ``box``. Place names are
    :mod:`geomap.render._labels`.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> land = basemap(Gazetteer(), (44.0, 38.0, 47.0, 41.0))
    >>> land[0]["type"] in ("Polygon", "MultiPolygon"), len(land) > len(basemap(Gazetteer(), None))
    (True, True)
    """
    import shapely

    path = str(gazetteer.store.path)
    land = _to_geojson(_coarse_world(path), 0.01)
    if box is not None:
        rect = shapely.box(*box)
        _, fine = _fine_countries(path)
        # Drawn over the coarse world with the same fill and no outline, so the seam is invisible;
        # the borders themselves are the "Country borders" overlay.
        land += _to_geojson([shapely.clip_by_rect(g, *box) for g in fine if g.intersects(rect)], 0.001)
    return land


def border_groups(gazetteer: Gazetteer, box: Box | None, incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    """The border overlays for a map of ``incidents`` whose view is ``box``.

    Returns
    -------
    list of dict
        ``{"key", "label", "features": [{"name", "kind", "geometry"}]}`` per group, groups
        without features left out. ``label`` is plain text (escaped later for its context).

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> groups = border_groups(Gazetteer(), (44.0, 38.0, 48.0, 41.5), [])
    >>> [g["key"] for g in groups]
    ['countries', 'borders', 'disputed', 'corridors']
    >>> "Lachin corridor" in [f["name"] for f in groups[-1]["features"]]
    True
    """
    if box is None:
        return []
    import shapely

    rect = shapely.box(*box)
    path = str(gazetteer.store.path)
    ids, fine = _fine_countries(path)
    names = _country_names(path)
    # A view inside one country (a single town's incidents) meets its polygon but not its border: no line.
    countries = [{"name": names[i], "kind": "country", "geometry": line[0]}
                 for i, g in zip(ids, fine) if g.intersects(rect)
                 for line in [_to_geojson([shapely.clip_by_rect(g.boundary, *box)], 0.0001)] if line]
    groups = [{"key": "countries", "label": "Country borders", "features": countries}]
    for key, label, kind in (("borders", "Border lines", "border"), ("disputed", "Disputed and breakaway areas",
                                                                     "disputed_area")):
        groups.append({"key": key, "label": label, "features": _curated(gazetteer, box, kind)})
    groups.append({"key": "admin", "label": "Admin areas of the places", "features": _admin_areas(gazetteer,
                                                                                                 incidents)})
    groups.append({"key": "corridors", "label": "Corridors", "features": _curated(gazetteer, box, "corridor")})
    return [g for g in groups if g["features"]]


def _curated(gazetteer: Gazetteer, box: Box, kind: str) -> list[dict[str, Any]]:
    from gazetteer.store import row_to_place

    out = []
    for row in gazetteer.store.rows_in_box(box[0], box[2], box[1], box[3], kinds=[kind]):
        place = row_to_place(row)
        if place.geometry_wkb is not None:
            out.append({"name": place.name, "kind": kind, "place_id": place.place_id,
                        "geometry": _simplified(place.place_id, place.geometry_wkb)})
    return out


def _admin_areas(gazetteer: Gazetteer, incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    """The admin-1 (or admin-2) polygons of the incidents' places, each once."""
    from gazetteer import GazetteerError

    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for key in dict.fromkeys((i.place_id, i.admin1, i.iso) for i in incidents if i.place_id or i.admin1):
        if len(out) >= _MAX_ADMIN_AREAS:
            break
        place_id, admin1, iso = key
        area = None
        try:
            place = gazetteer.get(place_id) if place_id else None
            if place is not None and place.kind.value in ("admin1", "admin2") and place.geometry_wkb:
                area = place
            elif admin1:
                found = gazetteer.lookup(admin1, country=iso or None, kinds=["admin1"], limit=1, fuzzy=False)
                area = found[0].place if found and found[0].place.geometry_wkb else None
        except GazetteerError:
            continue  # an id from another gazetteer build: no area, the marker still shows
        if area is not None and area.place_id not in seen and area.geometry_wkb is not None:
            seen.add(area.place_id)
            out.append({"name": area.name, "kind": area.kind.value, "place_id": area.place_id,
                        "geometry": _simplified(area.place_id, area.geometry_wkb)})
    return out


@functools.lru_cache(maxsize=4096)
def _simplified(place_id: str, wkb: bytes) -> dict[str, Any]:
    import shapely

    geom = shapely.simplify(shapely.from_wkb(wkb), _FINE / 2, preserve_topology=True)
    return _to_geojson([geom], 0.0001)[0]


@functools.lru_cache(maxsize=4)
def country_rows(path: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[bytes, ...], tuple[str, ...]]:
    """``(place ids, names, WKB geometries, ISO alpha-2 codes)`` of the countries of a gazetteer file."""
    from gazetteer.store import Store

    store = Store(path)
    try:
        # rows_in_box returns place rows: public id at 1, name at 2, country code at 4, geometry last.
        rows = [r for r in store.rows_in_box(-180.0, 180.0, -90.0, 90.0, kinds=["country"]) if r[-1]]
    finally:
        store.close()
    return tuple(r[1] for r in rows), tuple(r[2] for r in rows), tuple(r[-1] for r in rows), tuple(r[4] for r in rows)


def _country_names(path: str) -> dict[str, str]:
    ids, names, _, _ = country_rows(path)
    return dict(zip(ids, names))


@functools.lru_cache(maxsize=4)
def _fine_countries(path: str) -> tuple[tuple[str, ...], Any]:
    import shapely

    ids, _, wkbs, _ = country_rows(path)
    return ids, shapely.simplify(shapely.from_wkb(list(wkbs)), _FINE, preserve_topology=True)


@functools.lru_cache(maxsize=4)
def _coarse_world(path: str) -> tuple[Any, ...]:
    import shapely

    _, _, wkbs, _ = country_rows(path)
    geoms = shapely.simplify(shapely.from_wkb(list(wkbs)), _COARSE, preserve_topology=False)
    out = []
    for g in geoms:
        parts = [p for p in shapely.get_parts(g) if p.area >= _MIN_PART]
        if parts:
            out.append(shapely.multipolygons(parts) if len(parts) > 1 else parts[0])
    return tuple(out)


def _to_geojson(geoms: Iterable[Any], grid: float) -> list[dict[str, Any]]:
    """GeoJSON geometries with coordinates on a ``grid`` (short numbers, smaller page)."""
    import shapely

    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return []
    snapped = shapely.set_precision(geoms, grid, mode="pointwise")
    return [json.loads(s) for s in shapely.to_geojson(snapped) if s]
