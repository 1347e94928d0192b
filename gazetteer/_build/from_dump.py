"""The places, admin names and countries of a build from GeoNames' own dump files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .countries import country_record
from .geonames_dump import iter_alternate_names, read_admin_codes, read_country_info, records_from_dump
from .writer import GazetteerWriter

__all__ = ["build_from_dump"]


def build_from_dump(w: GazetteerWriter, dump: Path, shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
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
        rec = country_record(iso, c["name"], c["iso3"], gid, int(c["population"] or 0), None, {c["name"]},
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


