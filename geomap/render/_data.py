"""Incidents to the compact data object that the page's script reads.

The payload holds a string table (each distinct string once: actor names, places, sub-event
types repeat a lot) and one array per incident in :data:`geomap.render._script.ROW_FIELDS`
order, with dates as day numbers. That keeps a 100,000-incident map smaller than the same
incidents as GeoJSON. Offsets into the evidence sentence are converted to UTF-16 code units,
which is what JavaScript strings count.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import TYPE_CHECKING, Any, Sequence

from ._escape import layer_name, safe_url
from ._legend import type_style

if TYPE_CHECKING:  # pragma: no cover
    from ..incidents import Incident

__all__ = ["ATTRIBUTION", "border_payload", "build_payload", "valid_point"]

_EPOCH = _dt.date(1970, 1, 1)
#: Static attribution HTML (ours, no data in it).
ATTRIBUTION = ('Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) \u00b7 Boundaries: '
               '<a href="https://www.naturalearthdata.com/">Natural Earth</a> \u00b7 geomap')


def valid_point(lat: Any, lon: Any) -> bool:
    """Whether ``(lat, lon)`` is a finite WGS84 point (no NaN, latitude within ±90, longitude ±180).

    Examples
    --------
    >>> valid_point(39.8, 46.7), valid_point(float("nan"), 0), valid_point(91, 0), valid_point(None, 1)
    (True, False, False, False)
    """
    if isinstance(lat, bool) or isinstance(lon, bool) or not isinstance(lat, (int, float)) \
            or not isinstance(lon, (int, float)):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _utf16(text: str, offset: int) -> int:
    return offset if offset < 0 else len(text[:offset].encode("utf-16-le")) // 2


class _StringTable(dict):  # type: ignore[type-arg]
    """Each distinct string's index; a missing string is appended (``__missing__`` keeps hits in C)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


def build_payload(incidents: Sequence[Incident], *, title: str, subtitle: str, offline: bool,
                  cluster: bool, heatmap: bool, uncertainty: bool | None, collapsed: bool) -> dict[str, Any]:
    """The data object of the page (see the module docstring); ``basemap`` and ``borders`` empty.

    Incidents without a valid point are left off the map; the legend's note counts them.

    Examples
    --------
    >>> import datetime
    >>> from geomap.incidents._model import Incident
    >>> i = Incident("d:0", datetime.date(2023, 2, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              location="Zangilan", latitude=39.08, longitude=46.66, notes="Gunfire hit Zangilan.",
    ...              evidence_start=0, evidence_end=21, trigger="Gunfire", trigger_start=0, trigger_end=7)
    >>> p = build_payload([i], title="t", subtitle="", offline=True, cluster=True, heatmap=False,
    ...                   uncertainty=None, collapsed=False)
    >>> p["rows"][0][:5], p["types"][0]["name"], p["bounds"]
    ([39.08, 46.66, 0, 1, 19408], 'Battles', [[39.08, 46.66], [39.08, 46.66]])
    """
    # This loop is the build time of a large map: plain locals, no helper calls on the common path.
    table = _StringTable({"": 0})
    type_index: dict[str, int] = {}
    type_counts: list[int] = []
    geoms: list[Any] = []
    geom_index: dict[Any, int] = {}
    rows: list[list[Any]] = []
    urls: dict[str, str] = {}
    skipped = 0
    undated = False
    lat_min = lon_min = math.inf
    lat_max = lon_max = -math.inf
    epoch = _EPOCH.toordinal()
    for inc in incidents:
        lat, lon = inc.latitude, inc.longitude
        # NaN fails every comparison, so the range test also refuses it (and infinities).
        if lat is None or lon is None or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            skipped += 1
            continue
        lat, lon = round(lat, 5), round(lon, 5)
        if lat < lat_min:
            lat_min = lat
        if lat > lat_max:
            lat_max = lat
        if lon < lon_min:
            lon_min = lon
        if lon > lon_max:
            lon_max = lon
        t = type_index.get(inc.event_type)
        if t is None:
            t = type_index[inc.event_type] = len(type_counts)
            type_counts.append(0)
        type_counts[t] += 1
        notes = inc.notes or ""
        start, n_notes = inc.evidence_start, len(notes)
        ts, te = inc.trigger_start - start, inc.trigger_end - start
        ps, pe = inc.place_start - start, inc.place_end - start
        if start < 0 or not 0 <= ts < te <= n_notes:
            ts = te = -1
        if start < 0 or not 0 <= ps < pe <= n_notes:
            ps = pe = -1
        if not notes.isascii():  # JavaScript counts UTF-16 code units
            ts, te, ps, pe = (_utf16(notes, k) for k in (ts, te, ps, pe))
        g = -1
        if inc.geometry_wkb is not None:
            key = inc.place_id or inc.geometry_wkb
            g = geom_index.get(key, -1)
            if g < 0:
                g = geom_index[key] = len(geoms)
                geoms.append(_geometry(inc.geometry_wkb))
        date = inc.event_date
        if date is None:
            undated = True
        url = inc.source_url
        if url:
            safe = urls.get(url)
            if safe is None:
                safe = urls[url] = safe_url(url)
            url = safe
        rows.append([lat, lon, t, table[inc.sub_event_type], None if date is None else date.toordinal() - epoch,
                     inc.time_precision, inc.geo_precision, inc.fatalities, inc.injuries, table[inc.actor1],
                     table[inc.actor2], table[inc.location], table[inc.admin1], table[inc.country],
                     table[inc.source], table[url], table[notes], ts, te, ps, pe, g, table[inc.event_id]])
    types = []
    for name, k in sorted(type_index.items(), key=lambda kv: kv[1]):
        colour, icon = type_style(name)
        types.append({"name": name, "label": layer_name(name), "color": colour, "icon": icon,
                      "count": type_counts[k]})
    notes_ = []
    if skipped:
        notes_.append(f"{skipped} incident{'s' if skipped != 1 else ''} without valid coordinates not shown")
    if undated:
        notes_.append("Incidents without a date are always shown")
    return {
        "title": title, "subtitle": subtitle, "offline": offline, "cluster": cluster, "heatmap": heatmap,
        "uncertainty": len(rows) <= 1000 if uncertainty is None else uncertainty, "collapsed": collapsed,
        "types": types, "strings": list(table), "rows": rows, "geoms": geoms, "basemap": [], "labels": [],
        "borders": [],
        "bounds": [[lat_min, lon_min], [lat_max, lon_max]] if rows else None,
        "note": "; ".join(notes_), "attribution": ATTRIBUTION,
    }


def border_payload(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The border groups of :func:`geomap.render._basemap.border_groups` as the page reads them."""
    return [{"key": b["key"], "name": b["label"], "label": layer_name(b["label"]),
             "features": [{"name": f["name"], "geometry": f["geometry"]} for f in b["features"]]}
            for b in groups]


def _geometry(wkb: bytes) -> Any:
    import json

    import shapely

    geom = shapely.from_wkb(wkb)
    if geom.geom_type in ("Polygon", "MultiPolygon", "LineString", "MultiLineString"):
        geom = shapely.simplify(geom, 0.002, preserve_topology=True)
    return json.loads(shapely.to_geojson(shapely.set_precision(geom, 0.0001, mode="pointwise")))
