"""Readers for GeoNames' dump formats (allCountries.txt / cities500.txt / per-country XX.txt or XX.zip,
alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt) and the full-dump build.

Every reader streams: a 12-million-row allCountries.txt is never held in memory.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from pathlib import Path
from typing import IO, Iterator, NamedTuple

from .records import PlaceRecord


class GeonameRow(NamedTuple):
    geonameid: int
    name: str
    asciiname: str
    alternatenames: list[str]
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1: str
    admin2: str
    population: int


#: GeoNames' per-country dumps: ``AZ.txt``, or ``AZ.zip`` holding ``AZ.txt`` and a readme.
COUNTRY_DUMP = re.compile(r"^[A-Z]{2}\.(txt|zip)$")


def _open_text(path: Path) -> IO[str]:
    if path.suffix == ".zip":
        try:
            zf = zipfile.ZipFile(path)
            names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            member = f"{path.stem}.txt" if f"{path.stem}.txt" in names else (names[0] if len(names) == 1 else None)
            if member is None:
                raise ValueError(f"{path}: expected one {path.stem}.txt inside, found {names}")
            raw: IO[bytes] = zf.open(member)
        except zipfile.BadZipFile as exc:
            raise ValueError(f"{path}: not a zip file: {exc}") from exc
    else:
        raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")  # type: ignore[assignment]
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def country_dumps(folder: Path) -> list[Path]:
    """GeoNames' per-country dump files in a folder (``AZ.txt``, ``AM.zip``), sorted; a ``.txt`` wins over its ``.zip``."""
    found: dict[str, Path] = {}
    for p in sorted(folder.iterdir()):
        if COUNTRY_DUMP.match(p.name) and (p.stem not in found or p.suffix == ".txt"):
            found[p.stem] = p
    return [found[k] for k in sorted(found)]


def iter_geonames(path: Path) -> Iterator[GeonameRow]:
    """Rows of a GeoNames main-table file (19 tab-separated columns); bad rows raise ValueError with the line number."""
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 15:
                raise ValueError(f"{path}:{lineno}: expected 19 tab-separated columns, found {len(f)}")
            try:
                yield GeonameRow(int(f[0]), f[1], f[2], [a for a in f[3].split(",") if a], float(f[4]),
                                 float(f[5]), f[6], f[7], f[8], f[10], f[11], int(f[14] or 0))
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from exc


def read_admin_codes(path: Path) -> dict[str, tuple[str, str, int]]:
    """``admin1CodesASCII.txt`` / ``admin2Codes.txt``: code -> (name, ascii name, geonameid)."""
    out = {}
    with _open_text(path) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 4 and f[0]:
                out[f[0]] = (f[1], f[2], int(f[3]) if f[3].isdigit() else 0)
    return out


def read_country_info(path: Path) -> list[dict[str, str]]:
    """``countryInfo.txt`` rows as dicts (comment lines skipped)."""
    cols = ["iso", "iso3", "isonumeric", "fips", "name", "capital", "areakm2", "population", "continent",
            "tld", "currencycode", "currencyname", "phone", "postalformat", "postalregex", "languages",
            "geonameid", "neighbours", "equivalentfips"]
    rows = []
    with _open_text(path) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            rows.append(dict(zip(cols, f + [""] * (len(cols) - len(f)))))
    return rows


# Language codes in alternateNamesV2 that are not names of the place.
_NOT_NAMES = {"link", "wkdt", "post", "unlc", "phon", "piny", "fr_1793"}
_CODES = {"iata", "icao", "faac", "abbr", "tcid"}


def iter_alternate_names(path: Path) -> Iterator[tuple[int, str, bool]]:
    """``(geonameid, name, is_abbreviation)`` from ``alternateNamesV2.txt``; links and postcodes skipped."""
    with _open_text(path) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 4 or not f[1].isdigit():
                continue
            lang = f[2]
            if lang in _NOT_NAMES:
                continue
            yield int(f[1]), f[3], lang in _CODES


def kind_of_feature(fclass: str, fcode: str) -> str:
    """Our :class:`~gazetteer.Kind` value for a GeoNames feature class and code."""
    if fclass == "P":
        return "populated_place"
    if fclass == "A":
        if fcode.startswith("PCL"):
            return "country"
        if fcode.startswith("ADM1"):
            return "admin1"
        if fcode.startswith("ADM2"):
            return "admin2"
        return "region"
    if fclass == "L" and fcode == "CONT":
        return "continent"
    if fclass == "L" and fcode in {"RGN", "RGNE", "AREA", "RGNH"}:
        return "region"
    return "physical_feature"


def records_from_dump(path: Path, *, skip_countries: bool = True) -> Iterator[PlaceRecord]:
    """Place records from a GeoNames main-table file.

    Countries (``PCL*``) are skipped by default because the build makes them
    from ``countryInfo.txt`` and Natural Earth polygons instead.
    """
    for r in iter_geonames(path):
        kind = kind_of_feature(r.fclass, r.fcode)
        if kind == "country" and skip_countries:
            continue
        yield PlaceRecord(
            place_id=f"geonames:{r.geonameid}", internal_id=r.geonameid, name=r.name, kind=kind,
            country=r.country, lat=r.lat, lon=r.lon, population=r.population, fclass=r.fclass, fcode=r.fcode,
            admin1_code=f"{r.country}.{r.admin1}" if r.admin1 else "",
            admin2_code=f"{r.country}.{r.admin1}.{r.admin2}" if r.admin2 else "",
            source="GeoNames",
            names={r.name, r.asciiname, *r.alternatenames},
        )
