"""The places, admin names and countries of a build from GeoNames' own dump files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .countries import country_record
from .geonames_dump import country_dumps, iter_alternate_names, read_admin_codes, read_country_info, records_from_dump
from .writer import GazetteerWriter

__all__ = ["add_country_dumps", "build_from_dump"]


def build_from_dump(w: GazetteerWriter, dump: Path, shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
                     log) -> dict[str, dict[str, Any]]:
    main = next((dump / n for n in ("allCountries.txt", "allCountries.zip", "cities500.txt", "cities1000.txt",
                                    "cities5000.txt", "cities15000.txt") if (dump / n).exists()), None)
    mains = [main] if main is not None else country_dumps(dump)
    if not mains:
        raise FileNotFoundError(f"{dump}: need allCountries.txt or .zip, citiesN.txt, or per-country XX.txt/XX.zip")
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
        rec = country_record(iso, c["name"], c["iso3"], gid, int(c["population"] or 0), None, {c["name"]},
                              shapes, ne_info, own=point)
        if rec is not None:
            w.add(rec)
            written.add(iso)

    n = 0
    for rec in (r for m in mains for r in records_from_dump(m, skip_countries=False)):
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
    log(f"{', '.join(m.name for m in mains)}: {n} places, {len(written)} countries")
    alt = dump / "alternateNamesV2.txt"
    if not alt.exists():
        alt = dump / "alternateNames.txt"
    if alt.exists():
        log(f"{alt.name}: {w.add_alternate_names(iter_alternate_names(alt))} alternate names")
    return countries




def add_country_dumps(w: GazetteerWriter, files: list[Path], log) -> int:
    """Merge GeoNames per-country dumps (``XX.txt``/``XX.zip``) into a build; return the places added.

    A place the build already holds (same GeoNames id, or an admin area of the
    same code) only gains the dump's names; countries are left to countryInfo
    and Natural Earth. This is the way to village-level coverage of the
    countries a user works on.
    """
    added = merged = 0
    for path in files:
        for rec in records_from_dump(path):
            own = rec.admin2_code if rec.kind == "admin2" else rec.admin1_code if rec.kind == "admin1" else ""
            if rec.place_id in w.seen or (own and w.has_admin_area(own)):
                if rec.place_id in w.seen and rec.internal_id is not None:
                    w.add_names(rec.internal_id, None, rec.names)
                merged += 1
                continue
            w.add(rec)
            added += 1
    log(f"GeoNames per-country dumps ({', '.join(p.name for p in files)}): {added} places added, "
        f"{merged} already there")
    return added
