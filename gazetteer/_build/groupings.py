"""Continents and UN M49 / CLDR macro-regions, shaped as the union of their countries."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from . import shared_sources as src
from .points import grouping_point
from .records import PlaceRecord
from .shapes import simplify
from .writer import GazetteerWriter

__all__ = ["GROUPING_NAMES", "add_groupings"]

# The English names news gives the UN M49 subregions besides CLDR's ("East Africa" for Eastern Africa).
GROUPING_NAMES = {"011": {"West Africa"}, "014": {"East Africa"}, "017": {"Central Africa"},
                  "030": {"East Asia"}, "034": {"South Asia"}, "145": {"West Asia"},
                  "035": {"South-East Asia", "South East Asia", "South-eastern Asia", "Southeastern Asia"}}

def add_groupings(w: GazetteerWriter, data: Path, countries: dict[str, dict[str, Any]], shapes: dict[str, Any], log) -> None:
    """Continents and CLDR macro-regions, shaped as the union of their countries."""
    from shapely import unary_union

    by_cont: dict[str, list[Any]] = defaultdict(list)
    for iso, c in countries.items():
        if iso in shapes:
            by_cont[c.get("continentcode", "")].append(shapes[iso])
    continent_names = set()
    for cont in src.read_continents(data):
        continent_names.add(cont["name"].lower())
        geom = unary_union(by_cont[cont["code"]]) if by_cont.get(cont["code"]) else None
        w.add(PlaceRecord(place_id=f"geonames:{cont['geonameid']}", internal_id=cont["geonameid"], name=cont["name"],
                          kind="continent", country="", lat=cont["lat"], lon=cont["lon"], population=cont["population"],
                          fclass="L", fcode="CONT", source="GeoNames continents; shape: union of Natural Earth countries",
                          geometry=simplify(geom, 0.05), names=cont["names"] | {cont["name"]}))
    members: dict[int, list[str]] = defaultdict(list)
    for iso, c in countries.items():
        for g in c.get("groups", []):
            members[g].append(iso)
    n = 0
    for m in src.read_macroregions(data):
        if m["type"] == "region" or m["code"] in {"UN", "QO"}:
            continue  # continents come from GeoNames; the UN is no place
        if m["name"].lower() in continent_names:
            continue  # M49's "South America" and "North America" are GeoNames' continents of those names
        isos = [i for i in members.get(m["index"], []) if i in shapes]
        if not isos:
            continue
        geom = simplify(unary_union([shapes[i] for i in isos]), 0.05)
        lat, lon, gid = grouping_point(m["code"], geom)
        abbrevs = {m["code"]} if m["code"].isalpha() else set()
        w.add(PlaceRecord(place_id=f"geonames:{gid}" if gid else f"m49:{m['code']}", internal_id=gid or None,
                          name=m["name"], kind="region", country="", lat=lat, lon=lon,
                          population=sum(int(countries[i].get("population") or 0) for i in isos),
                          source=f"Unicode CLDR / UN M49 grouping {m['code']}: " + ",".join(sorted(isos)),
                          geometry=geom, names={m["name"]} | GROUPING_NAMES.get(m["code"], set()),
                          abbreviations=abbrevs))
        n += 1
    log(f"macro-regions: {n}")


