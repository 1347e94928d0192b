"""Who's On First per-country admin data as a build input (``--wof``).

Who's On First publishes each country's admin data (``whosonfirst-data-admin-xx``)
as a folder of GeoJSON files, one feature per place, and as a SQLite
distribution (``whosonfirst-data-admin-xx-latest.db``) whose ``spr`` table
holds each place's name, placetype, country, parent and point, ``geojson`` its
full feature and ``names`` its names in other languages. Either is read here.

Placetypes map to kinds: ``region`` is an admin-1 area, ``county`` and
``localadmin`` admin-2, ``macroregion`` a region, ``locality``, ``borough`` and
``neighbourhood`` populated places; countries, continents and water are left to
the other sources. A place whose ``wof:concordances`` give a GeoNames id the
build already holds only adds its names to that place. Deprecated places and
those WOF marks as not current are skipped. Admin areas keep their polygons;
localities are stored as points. Admin codes are ``XX.wof<id>``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .points import point_ok
from .records import PlaceRecord
from .shapes import simplify
from .writer import GazetteerWriter

__all__ = ["PLACETYPE_KINDS", "add_whosonfirst", "iter_wof_features"]

PLACETYPE_KINDS = {"region": "admin1", "county": "admin2", "localadmin": "admin2", "macroregion": "region",
                   "locality": "populated_place", "borough": "populated_place", "neighbourhood": "populated_place"}
_AREA_KINDS = frozenset({"admin1", "admin2", "region"})


def iter_wof_features(path: Path) -> Iterator[dict[str, Any]]:
    """GeoJSON features of a WOF SQLite distribution (``.db``) or a folder of WOF GeoJSON files.

    Raises
    ------
    ValueError
        A file that is not WOF GeoJSON or a database without WOF's ``geojson`` table (naming it).
    """
    if path.is_dir():
        for f in sorted(path.rglob("*.geojson")):
            try:
                feature = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValueError(f"{f}: not readable GeoJSON: {exc}") from exc
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise ValueError(f"{f}: not a GeoJSON Feature")
            yield feature
        return
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        rows = con.execute("SELECT body FROM geojson WHERE COALESCE(is_alternate, 0) = 0")
        for (body,) in rows:
            yield json.loads(body)
        con.close()
    except (sqlite3.Error, ValueError) as exc:
        raise ValueError(f"{path}: not a Who's On First SQLite distribution (table geojson): {exc}") from exc


def add_whosonfirst(w: GazetteerWriter, path: Path, log) -> int:
    """Add the admin areas and localities of one WOF country distribution; return the places added."""
    features = [f for f in iter_wof_features(path) if _usable(f.get("properties") or {})]
    by_id = {int(f["properties"]["wof:id"]): f["properties"] for f in features}
    added = merged = 0
    for f in features:
        p = f["properties"]
        kind = PLACETYPE_KINDS[p["wof:placetype"]]
        names = _names(p)
        gn = (p.get("wof:concordances") or {}).get("gn:id")
        if isinstance(gn, int) and f"geonames:{gn}" in w.seen:
            w.add_names(gn, None, names)
            merged += 1
            continue
        lat, lon = p.get("lbl:latitude", p.get("geom:latitude")), p.get("lbl:longitude", p.get("geom:longitude"))
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) or not point_ok(lat, lon):
            continue
        cc = str(p.get("wof:country") or "").upper()
        a1, a2 = _containers(int(p["wof:id"]), p, by_id, kind)
        if kind in ("admin1", "admin2"):  # an admin area's own code is its id
            a1, a2 = (int(p["wof:id"]), 0) if kind == "admin1" else (a1, int(p["wof:id"]))
        for code_id in (a1, a2):
            if code_id:
                w.add_admin_name(f"{cc}.wof{code_id}", str(by_id[code_id]["wof:name"]))
        geom = _shape(f) if kind in _AREA_KINDS else None
        w.add(PlaceRecord(
            place_id=f"wof:{p['wof:id']}", name=str(p["wof:name"]), kind=kind, country=cc, lat=float(lat),
            lon=float(lon), population=int(p.get("wof:population") or 0),
            fcode=str(p["wof:placetype"]), admin1_code=f"{cc}.wof{a1}" if a1 else "",
            admin2_code=f"{cc}.wof{a2}" if a2 else "", source=f"Who's On First ({path.name})",
            geometry=simplify(geom, 0.002) if geom is not None else None, names=names))
        added += 1
    log(f"Who's On First {path.name}: {added} places added, {merged} merged into GeoNames places")
    return added


def _usable(p: dict[str, Any]) -> bool:
    if p.get("wof:placetype") not in PLACETYPE_KINDS or not p.get("wof:name") or not p.get("wof:id"):
        return False
    if p.get("mz:is_current") == 0 or str(p.get("edtf:deprecated") or "") not in ("", "uuuu"):
        return False
    return True


def _names(p: dict[str, Any]) -> set[str]:
    out = {str(p["wof:name"])}
    for key, value in p.items():
        if key.startswith("name:") and isinstance(value, list):
            out.update(str(v) for v in value if isinstance(v, str) and v)
    return out


def _containers(wof_id: int, p: dict[str, Any], by_id: dict[int, dict[str, Any]], kind: str) -> tuple[int, int]:
    """The region and county ids a place lies in: its own hierarchy, else up its parents."""
    region = county = 0
    for h in p.get("wof:hierarchy") or []:
        region = region or int(h.get("region_id") or 0)
        county = county or int(h.get("county_id") or 0) or int(h.get("localadmin_id") or 0)
    if not region:
        seen, pid = set(), int(p.get("wof:parent_id") or 0)
        while pid in by_id and pid not in seen:
            seen.add(pid)
            placetype = by_id[pid].get("wof:placetype")
            if placetype == "region":
                region = region or pid
            elif placetype in ("county", "localadmin"):
                county = county or pid
            pid = int(by_id[pid].get("wof:parent_id") or 0)
    region = region if region in by_id and region != wof_id else 0
    county = county if county in by_id and county != wof_id and kind != "admin1" else 0
    return region, county


def _shape(feature: dict[str, Any]) -> Any:
    import shapely

    g = feature.get("geometry")
    if not g or g.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    geom = shapely.geometry.shape(g)
    return geom if geom.is_valid else shapely.make_valid(geom)
