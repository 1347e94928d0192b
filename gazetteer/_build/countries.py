"""Countries: Natural Earth polygons and names joined to GeoNames' country facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .points import country_point
from .records import PlaceRecord
from .shapes import simplify

__all__ = ["ABBREVIATIONS", "country_record", "country_shapes", "read_extra_names", "sovereigns"]

HERE = Path(__file__).resolve().parents[1]
# Short names and abbreviations that the sources lack: countries ("UK", "Holland"),
# US states and Canadian and Australian provinces as news writes them ("Calif.", "B.C.").
ABBREVIATIONS = HERE / "data" / "abbreviations.csv"


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



def country_shapes(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """NE country polygons by ISO alpha-2 (from :func:`~.shared_sources.read_ne_countries` rows), names and labels."""
    shapes: dict[str, Any] = {}
    info: dict[str, dict[str, Any]] = {}
    for row in rows:
        iso = row["ISO_A2"] if row["ISO_A2"] not in ("-99", None) else row.get("ISO_A2_EH")
        if not iso or iso == "-99":
            continue
        names = {v for k, v in row.items() if (k.startswith("NAME_") and len(k) <= 8 or k in {"NAME", "NAME_LONG", "FORMAL_EN", "ADMIN"}) and isinstance(v, str) and v}
        if iso in shapes:  # several NE units of one ISO code (e.g. Norway's Svalbard): union them
            shapes[iso] = shapes[iso].union(row["geometry"])
            info[iso]["names"] |= names
        else:
            shapes[iso] = row["geometry"]
            info[iso] = {"names": names, "label": None, "size": -1.0}
        # The label of an ISO code of several NE units is that of the largest (Norway's, not Svalbard's).
        size = row["geometry"].area if row["geometry"] is not None else 0.0
        if size > info[iso]["size"]:
            info[iso].update(label=(row.get("LABEL_Y"), row.get("LABEL_X")), size=size)
    return shapes, info


def sovereigns(rows: list[dict[str, Any]]) -> dict[str, str]:
    """ISO alpha-2 code of each NE territory that another country governs -> that country's code.

    Natural Earth's ``SOVEREIGNT`` names the governing state: Hong Kong and Macao
    (China), Puerto Rico (the United States), Greenland (Denmark). Rows NE marks
    as disputed, indeterminate or leased are left out.
    """
    def iso_of(row: dict[str, Any]) -> str:
        code = row["ISO_A2"] if row["ISO_A2"] not in ("-99", None) else row.get("ISO_A2_EH")
        return "" if not code or code == "-99" else str(code)

    by_admin = {row.get("ADMIN"): iso_of(row) for row in rows if iso_of(row)}
    out: dict[str, str] = {}
    for row in rows:
        iso, sov = iso_of(row), by_admin.get(row.get("SOVEREIGNT"), "")
        if iso and sov and sov != iso and row.get("TYPE") in ("Country", "Dependency"):
            out.setdefault(iso, sov)
    return out


def country_record(iso: str, name: str, iso3: str, gid: int, population: int, capital: tuple[float, float] | None,
                    names: set[str], shapes: dict[str, Any], ne_info: dict[str, dict[str, Any]],
                    own: tuple[float, float] | None = None) -> PlaceRecord | None:
    """A country's record, at the point :func:`~.points.country_point` gives (``own``: a GeoNames dump's point)."""
    geom = shapes.get(iso)
    info = ne_info.get(iso, {})
    point = country_point(iso, own=own, label=info.get("label"), geom=geom, capital=capital)
    if point is None:
        return None
    lat, lon = point
    extra_names, abbrevs = read_extra_names().get(iso, (set(), set()))
    return PlaceRecord(
        place_id=f"geonames:{gid}" if gid else f"iso:{iso}", internal_id=gid or None, name=name, kind="country",
        country=iso, lat=lat, lon=lon, population=population, fclass="A", fcode="PCLI",
        source="GeoNames countryInfo; polygon Natural Earth 10m" if geom is not None else "GeoNames countryInfo",
        geometry=simplify(geom), names=names | info.get("names", set()) | extra_names,
        abbreviations={iso, iso3, *abbrevs} - {""},
    )


