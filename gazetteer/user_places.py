"""The user's own places: a database layered over the shipped gazetteer.

``geomap gazetteer add FILE.csv`` merges a CSV of places into the user layer
(:func:`add_places`); ``geomap gazetteer remove`` takes them out again
(:func:`remove_places`). The layer is a gazetteer database of the shipped
schema whose ids start at :data:`~gazetteer.store.USER_ID_BASE`, kept at
:func:`~gazetteer.store.default_user_db_path`; :class:`~gazetteer.Gazetteer`
reads it over the shipped database, so lookups, reverse geocoding and
geoparsing see the places at once.

The CSV has a header row with the columns ``name`` (required),
``alternate_names`` (separated by ``|`` or ``;``), ``lat``, ``lon`` (required),
``kind`` (``populated_place`` by default), ``country`` (ISO alpha-2 or alpha-3),
``admin1`` and ``admin2`` (a name or GeoNames code inside that country) and
``geometry`` (optional WKT, lon/lat). A bad row is reported with its line
number and the others are added. Adding a name that the layer already holds
in the same country and kind replaces that entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import GazetteerDataError, InvalidQuery
from .models import Kind, parse_kinds
from .normalize import normalize_name
from .store import (COORD_SCALE, INDEXES, KIND_CODE, SCHEMA, SCHEMA_VERSION, USER_ID_BASE, Store, cell_of,
                    default_user_db_path)

__all__ = ["AddReport", "add_places", "remove_places"]

_COLUMNS = ("name", "alternate_names", "lat", "lon", "kind", "country", "admin1", "admin2", "geometry")
_HEADER_ALIASES = {"alternatenames": "alternate_names", "alternate names": "alternate_names", "latitude": "lat",
                   "longitude": "lon", "lng": "lon", "wkt": "geometry", "alternate_name": "alternate_names"}
#: A user CSV larger than this is refused rather than read into memory.
MAX_ROWS = 1_000_000


@dataclass
class AddReport:
    """What :func:`add_places` did: places added, replaced, and the rejected rows by line."""

    path: Path
    added: int = 0
    replaced: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def add_places(csv_path: str | Path, *, db: str | Path | None = None, base: Store | None = None) -> AddReport:
    """Merge the places of a CSV file into the user layer.

    Parameters
    ----------
    csv_path : str or Path
        The CSV (UTF-8, header row; columns in the module docstring).
    db : str or Path, optional
        The user layer; :func:`~gazetteer.store.default_user_db_path` by default.
    base : Store, optional
        The gazetteer whose countries and admin areas the rows are checked
        against; the shipped one by default.

    Returns
    -------
    AddReport
        Counts and the rejected rows, ``(line, problem)``.

    Raises
    ------
    GazetteerDataError
        The CSV cannot be read or has no ``name``/``lat``/``lon`` columns.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = Path(d) / "mine.csv"
    ...     _ = f.write_text("name,lat,lon,country\\nNameless Hills,40.32,46.93,AZ\\nNowhere,95,0,AZ\\n")
    ...     report = add_places(f, db=Path(d) / "user.sqlite")
    >>> report.added, report.errors
    (1, [(3, 'lat 95.0 is outside -90..90')])
    """
    target = Path(db) if db is not None else default_user_db_path()
    own_base = base is None
    base = base if base is not None else Store(user_db=False)
    try:
        rows = _read_csv(Path(csv_path))
        checker = _RowChecker(base)
        report = AddReport(path=target)
        good = []
        for line, row in rows:
            try:
                good.append(checker.check(row))
            except ValueError as exc:
                report.errors.append((line, str(exc)))
        if good:
            with _Edit(target) as con:
                next_id = max(USER_ID_BASE, con.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
                for rec in good:
                    report.replaced += _delete_same(con, rec)
                    _insert(con, rec, checker.admin_names, next_id)
                    next_id += 1
                    report.added += 1
                report.added -= report.replaced
        return report
    finally:
        if own_base:
            base.close()


def remove_places(names: Iterable[str], *, db: str | Path | None = None, everything: bool = False) -> int:
    """Take places out of the user layer by name (any of their names) or by id (``user:N``); return how many.

    Raises
    ------
    GazetteerDataError
        There is no user layer at ``db``.
    """
    target = Path(db) if db is not None else default_user_db_path()
    if not target.is_file():
        raise GazetteerDataError(f"no user places at {target} (add some with `geomap gazetteer add FILE.csv`)")
    with _Edit(target) as con:
        if everything:
            ids = [i for (i,) in con.execute("SELECT id FROM places")]
        else:
            ids = []
            for name in names:
                if name.startswith("user:"):
                    ids += [i for (i,) in con.execute("SELECT id FROM ids WHERE place_id = ?", (name,))]
                else:
                    ids += [i for (i,) in con.execute("SELECT DISTINCT id FROM names WHERE key = ? AND flag < 3",
                                                      (normalize_name(name),))]
        for i in set(ids):
            _delete_id(con, i)
    return len(set(ids))


# --------------------------------------------------------------------------- reading and checking rows


def _read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise GazetteerDataError(f"{path} is empty; it needs a header row with name, lat and lon")
            cols = [_HEADER_ALIASES.get(h.strip().lower(), h.strip().lower().replace(" ", "_")) for h in header]
            missing = {"name", "lat", "lon"} - set(cols)
            if missing:
                raise GazetteerDataError(f"{path}: the header lacks {sorted(missing)} (columns: {', '.join(_COLUMNS)})")
            out: list[tuple[int, dict[str, str]]] = []
            for values in reader:
                if not any(v.strip() for v in values):
                    continue
                if len(out) >= MAX_ROWS:
                    raise GazetteerDataError(f"{path}: more than {MAX_ROWS:,} rows; split the file")
                out.append((reader.line_num, dict(zip(cols, (v.strip() for v in values)))))
            return out
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerDataError(f"cannot read {path}: {exc}") from exc


@dataclass
class _Row:
    name: str
    names: set[str]
    lat: float
    lon: float
    kind: Kind
    country: str
    admin1_code: str
    admin2_code: str
    geometry: Any


class _RowChecker:
    """Checks rows against the base gazetteer's countries and admin areas."""

    def __init__(self, base: Store) -> None:
        self.base = base
        self.countries: dict[str, str] = {}
        self.admin_names: dict[str, str] = {}

    def _country(self, text: str) -> str | None:
        """The alpha-2 code of a country given by its alpha-2 or alpha-3 code; ``None`` when there is none."""
        if text not in self.countries:
            found = text if len(text) == 2 and self.base.has_country(text) else None
            for row in ([] if found else self.base.places_by_key(text.lower())):
                # row: flag, id, place_id, name, kind, country...; the code is one of the country's names
                if row[4] == KIND_CODE["country"] and row[0] == 2:
                    found = row[5]
                    break
            self.countries[text] = found or ""
        return self.countries[text] or None

    def check(self, row: dict[str, str]) -> _Row:
        name = row.get("name", "")
        if not name:
            raise ValueError("missing name")
        if not normalize_name(name):
            raise ValueError(f"name {name!r} has no letters or digits")
        lat, lon = _number(row.get("lat", ""), "lat"), _number(row.get("lon", ""), "lon")
        if not -90 <= lat <= 90:
            raise ValueError(f"lat {lat} is outside -90..90")
        if not -180 <= lon <= 180:
            raise ValueError(f"lon {lon} is outside -180..180")
        try:
            kinds = parse_kinds(row.get("kind") or "populated_place")
        except InvalidQuery as exc:
            raise ValueError(str(exc)) from None
        if kinds is None or len(kinds) != 1:
            raise ValueError(f"kind {row.get('kind')!r} names more than one kind")
        [kind] = kinds
        cc = row.get("country", "").upper()
        if cc:
            code = self._country(cc) if cc.isalpha() and len(cc) in (2, 3) else None
            if code is None:
                raise ValueError(f"unknown country {row.get('country')!r} (give an ISO alpha-2 or alpha-3 code)")
            cc = code
        a1 = self._admin(row.get("admin1", ""), cc, Kind.ADMIN1, "") if row.get("admin1") else ""
        a2 = self._admin(row.get("admin2", ""), cc, Kind.ADMIN2, a1) if row.get("admin2") else ""
        geom = _geometry(row.get("geometry", ""))
        alternates = {n.strip() for part in row.get("alternate_names", "").split("|") for n in part.split(";")}
        return _Row(name, {n for n in alternates if n} | {name}, lat, lon, kind, cc, a1, a2, geom)

    def _admin(self, text: str, cc: str, kind: Kind, parent: str) -> str:
        if not cc:
            raise ValueError(f"{kind.value} {text!r} needs a country")
        code = text if text.upper().startswith(cc + ".") else ""
        if not code:
            for row in self.base.places_by_key(normalize_name(text)):
                # row: flag, id, place_id, name, kind, country, ..., admin1_code, admin2_code
                if KIND_CODE[kind.value] == row[4] and row[5] == cc and (not parent or row[12] == parent):
                    code = row[13 if kind is Kind.ADMIN2 else 12]
                    self.admin_names[code] = row[3]
                    break
        elif code not in self.admin_names:
            found = self.base._con.execute("SELECT name FROM admins WHERE code = ?", (code,)).fetchone()
            if found:
                self.admin_names[code] = found[0]
        if not code or code not in self.admin_names:
            raise ValueError(f"unknown {kind.value} {text!r} in {cc}")
        return code


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} {text!r} is not a finite number")
    return value


def _geometry(wkt: str) -> Any:
    if not wkt:
        return None
    import shapely

    try:
        geom = shapely.from_wkt(wkt)
    except shapely.errors.ShapelyError as exc:
        raise ValueError(f"unparsable WKT geometry: {exc}") from None
    if geom is None or geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise ValueError(f"geometry out of range (WKT is lon lat): bounds {geom.bounds}")
    return geom if geom.is_valid else shapely.make_valid(geom)


# --------------------------------------------------------------------------- writing the layer


class _Edit:
    """Edit a copy of the layer and move it into place on success: readers never see half a change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + f".{os.getpid()}.tmp")

    def __enter__(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            shutil.copyfile(self.path, self.tmp)
            self.con = sqlite3.connect(self.tmp)
            version = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if not version or version[0] != SCHEMA_VERSION:
                self.con.close()
                self.tmp.unlink(missing_ok=True)
                raise GazetteerDataError(f"{self.path} is not a user layer of schema {SCHEMA_VERSION}")
        else:
            self.con = sqlite3.connect(self.tmp)
            self.con.executescript(SCHEMA + INDEXES)
            self.con.executemany("INSERT INTO meta VALUES (?,?)", [
                ("schema_version", SCHEMA_VERSION), ("sources", "the user's own places (geomap gazetteer add)")])
        return self.con

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('updated', ?)",
                             (dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),))
            self.con.commit()
            self.con.close()
            os.replace(self.tmp, self.path)
        else:
            self.con.close()
            self.tmp.unlink(missing_ok=True)


def _delete_same(con: sqlite3.Connection, rec: _Row) -> int:
    ids = [i for (i,) in con.execute(
        "SELECT p.id FROM names n JOIN places p ON p.id = n.id WHERE n.key = ? AND n.flag = 0 AND p.country = ? "
        "AND p.kind = ?", (normalize_name(rec.name), rec.country, KIND_CODE[rec.kind.value]))]
    for i in ids:
        _delete_id(con, i)
    return len(ids)


def _delete_id(con: sqlite3.Connection, internal_id: int) -> None:
    for table in ("places", "ids", "bbox"):
        con.execute(f"DELETE FROM {table} WHERE id = ?", (internal_id,))
    con.execute("DELETE FROM names WHERE id = ?", (internal_id,))


def _insert(con: sqlite3.Connection, rec: _Row, admin_names: dict[str, str], new_id: int) -> None:
    con.execute("INSERT OR IGNORE INTO sources VALUES (1, 'your places (geomap gazetteer add)')")
    wkb, area = None, 0
    if rec.geometry is not None and rec.geometry.geom_type != "Point":
        import shapely

        from ._build.writer import area_km2

        wkb = shapely.to_wkb(shapely.set_precision(rec.geometry, 1e-5), output_dimension=2)
        area = area_km2(rec.geometry)
        minx, miny, maxx, maxy = rec.geometry.bounds
        con.execute("INSERT INTO bbox VALUES (?,?,?,?,?)", (new_id, minx, maxx, miny, maxy))
    from ._build.writer import name_flags

    names = name_flags(rec.name, rec.names - {rec.name}, ())
    con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (new_id, rec.name, KIND_CODE[rec.kind.value], rec.country, round(rec.lat * COORD_SCALE),
                 round(rec.lon * COORD_SCALE), 0, area, "", "", rec.admin1_code, rec.admin2_code, 1,
                 cell_of(rec.lat, rec.lon), wkb, sum(1 for f in names.values() if f < 2)))
    con.execute("INSERT INTO ids VALUES (?,?)", (new_id, f"user:{new_id - USER_ID_BASE}"))
    con.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?)", [(k, new_id, f) for k, f in names.items()])
    for code in (rec.admin1_code, rec.admin2_code):
        if code:
            con.execute("INSERT OR IGNORE INTO admins VALUES (?,?)", (code, admin_names[code]))
