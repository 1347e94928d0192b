"""The area an incident stands for, when it is placed at a region, an admin area or a country.

An incident placed at "Syria" has one point (the country's centre), but the place it names is
the whole country: the map's location-uncertainty overlay draws that area, not a circle of a
fixed radius around the point. :class:`AreaFinder` finds it in the gazetteer, in this order:

1. the incident's own line or polygon (corridors, borders, regions: set by the extractor);
2. the polygon of its gazetteer place (``place_id``) when that place is an area;
3. for an admin-2 area (the gazetteer has no polygons for them), an extent derived from it:
   the convex hull of the area's towns, when it has three or more;
4. for a town given with precision 3 ("larger region"), the polygon of its admin-1 area;
5. for an incident without a place id (read from a table), the admin-1 area named in
   ``admin1`` (precision 3), else the country of ``iso``.

Town-level incidents (precision 1) and anything not found keep the small circle drawn around
their point by the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._basemap import country_rows

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

    from ..incidents import Incident

__all__ = ["AreaFinder"]

_CELLS = 2  # admin-2 towns are looked for within this many one-degree cells of the area's point
_MIN_TOWNS = 3
_HULL_MARGIN = 0.03  # degrees around the towns' hull: the towns are inside the area, not on its edge
_MAX_MEMO = 100_000
_MEMOS: dict[str, dict[tuple[Any, ...], tuple[str, bytes] | None]] = {}


class AreaFinder:
    """Find the area (key, WKB geometry) of incidents; each distinct place is looked up once.

    Parameters
    ----------
    gazetteer : Gazetteer

    Examples
    --------
    >>> import datetime
    >>> from gazetteer import Gazetteer
    >>> from geomap.incidents import Incident
    >>> syria = Incident("d:0", datetime.date(2023, 2, 20), 1, "Political violence", "Battles", "Armed clash",
    ...                  country="Syria", iso="SY", location="Syria", latitude=35.0, longitude=38.5,
    ...                  geo_precision=3)
    >>> key, wkb = AreaFinder(Gazetteer())(syria)
    >>> import shapely; round(shapely.from_wkb(wkb).area)  # square degrees: the country, not a dot
    18
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        path = str(gazetteer.store.path)
        # Shared by every finder of one gazetteer file (read-only): a batch renders many maps.
        self._memo = _MEMOS.setdefault(path, {})
        if len(self._memo) > _MAX_MEMO:
            self._memo.clear()
        _, _, wkbs, isos = country_rows(path)
        self._countries = {iso: wkb for iso, wkb in zip(isos, wkbs) if iso}

    def __call__(self, incident: Incident) -> tuple[str, bytes] | None:
        """``(key, WKB)`` of the incident's area (equal keys: the same area), or ``None``."""
        if incident.geometry_wkb is not None:
            return (incident.place_id or "wkb:" + incident.geometry_wkb.hex()[:40]), incident.geometry_wkb
        key = (incident.place_id, incident.admin1, incident.iso, incident.geo_precision)
        if key not in self._memo:
            self._memo[key] = self._find(*key) if incident.geo_precision > 1 else None
        return self._memo[key]

    def _find(self, place_id: str, admin1: str, iso: str, precision: int) -> tuple[str, bytes] | None:
        from gazetteer import GazetteerError

        try:
            place = self._gazetteer.get(place_id) if place_id else None
        except GazetteerError:
            place = None  # an id from another gazetteer build: fall back on the names
        if place is not None:
            kind = place.kind.value
            if kind != "populated_place" and place.geometry_wkb is not None:
                return place.place_id, place.geometry_wkb
            if kind == "admin2":
                return self._towns_extent(place)
            if kind == "populated_place" and precision == 3 and place.admin1:
                return self._admin1(place.admin1, place.country)
            return None
        if precision == 3 and admin1:
            found = self._admin1(admin1, iso)
            if found is not None:
                return found
        wkb = self._countries.get(iso.upper()) if precision == 3 and iso else None
        return ("country:" + iso.upper(), wkb) if wkb is not None else None

    def _admin1(self, name: str, iso: str) -> tuple[str, bytes] | None:
        from gazetteer import GazetteerError

        try:
            found = self._gazetteer.lookup(name, country=iso or None, kinds=["admin1"], limit=1, fuzzy=False)
        except GazetteerError:
            return None
        if found and found[0].place.geometry_wkb is not None:
            return found[0].place.place_id, found[0].place.geometry_wkb
        return None

    def _towns_extent(self, area: Place) -> tuple[str, bytes] | None:
        import shapely
        from gazetteer.store import cell_of, row_to_place

        cells = [cell_of(area.latitude + dy, area.longitude + dx)
                 for dy in range(-_CELLS, _CELLS + 1) for dx in range(-_CELLS, _CELLS + 1)
                 if -90 <= area.latitude + dy <= 90 and -180 <= area.longitude + dx <= 180]
        towns = [row_to_place(r) for r in self._gazetteer.store.towns_in_cells(sorted(set(cells)))]
        points = [(t.longitude, t.latitude) for t in towns
                  if t.country == area.country and t.admin2_code and t.admin2_code == area.admin2_code]
        if len(points) < _MIN_TOWNS:
            return None
        hull = shapely.convex_hull(shapely.multipoints(points + [(area.longitude, area.latitude)]))
        return "extent:" + area.place_id, shapely.to_wkb(shapely.buffer(hull, _HULL_MARGIN, quad_segs=2))
