"""The embedded SQLite store: schema, opening, and the queries the gazetteer needs.

The database is read-only at run time and opened with ``mode=ro`` and
``immutable=1``, so SQLite neither locks nor writes, and many processes can
share one file (and the operating system's page cache).

A user layer (``geomap gazetteer add``, see :mod:`gazetteer.user_places`) is a
second database of the same schema whose ids start at :data:`USER_ID_BASE`;
:class:`Store` reads it over the shipped one, merging every answer.
"""

from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import GazetteerDataError
from .models import Kind, Place

__all__ = ["COORD_SCALE", "DEFAULT_DB_NAME", "INDEXES", "KIND_CODE", "KIND_CODES", "LOCAL_ID_BASE", "PREFIX_SQL", "SCHEMA",
           "SCHEMA_VERSION", "USER_DB_NAME", "USER_ID_BASE", "Store", "cell_of", "default_db_path",
           "default_user_db_path", "row_to_place"]

SCHEMA_VERSION = "4"
DEFAULT_DB_NAME = "gazetteer.sqlite"

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- id is the GeoNames id for GeoNames places; other places have ids >= LOCAL_ID_BASE and an entry in ids.
CREATE TABLE places(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL,      -- index into KIND_CODES
    country TEXT NOT NULL,
    lat INTEGER NOT NULL,       -- degrees * 1e5 (about 1 m), stored as integers to keep the file small
    lon INTEGER NOT NULL,
    population INTEGER NOT NULL,
    area_km2 INTEGER NOT NULL,  -- of the polygon, 0 for points and lines
    fclass TEXT NOT NULL,
    fcode TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    admin2_code TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    cell INTEGER NOT NULL,
    geometry BLOB,
    name_count INTEGER NOT NULL DEFAULT 0  -- its distinct names and alternate names, set by the build's last step
);
CREATE TABLE ids(id INTEGER PRIMARY KEY, place_id TEXT NOT NULL UNIQUE);
CREATE TABLE admins(code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
-- flag: 0 the place's main name, 1 an alternate name, 2 an abbreviation or code, 3 a demonym
CREATE TABLE names(key TEXT NOT NULL, id INTEGER NOT NULL, flag INTEGER NOT NULL,
                   PRIMARY KEY(key, id)) WITHOUT ROWID;
-- bounding boxes of lines and polygons; points are found through the one-degree cell index
CREATE VIRTUAL TABLE bbox USING rtree(id, minx, maxx, miny, maxy);
"""

INDEXES = """
CREATE INDEX places_cell ON places(cell) WHERE kind = 0;
"""

LOCAL_ID_BASE = 1_000_000_000
#: Ids of the user layer's places start here, above every shipped id.
USER_ID_BASE = 2_000_000_000
USER_DB_NAME = "user_places.sqlite"
COORD_SCALE = 100_000
#: Kinds by their stored integer code; populated places are 0 (the partial point index uses it).
KIND_CODES: tuple[Kind, ...] = (Kind.POPULATED_PLACE, Kind.ADMIN1, Kind.ADMIN2, Kind.COUNTRY, Kind.REGION,
                                Kind.CORRIDOR, Kind.BORDER, Kind.DISPUTED_AREA, Kind.CONTINENT, Kind.PHYSICAL_FEATURE,
                                Kind.LANDMARK, Kind.HISTORICAL)
KIND_CODE: dict[str, int] = {k.value: i for i, k in enumerate(KIND_CODES)}


def cell_of(lat: float, lon: float) -> int:
    """The one-degree grid cell of a point (the point index of the store)."""
    return (min(179, int(lat + 90.0))) * 360 + min(359, int(lon + 180.0))


# The geometry stays last: readers of whole rows take it as row[-1].
_PLACE_FIELDS = (
    "p.id, COALESCE(i.place_id, 'geonames:' || p.id), p.name, p.kind, p.country, p.lat, p.lon, "
    "p.population, p.area_km2, p.fclass, p.fcode, p.admin1_code, p.admin2_code, COALESCE(a1.name, ''), "
    "COALESCE(a2.name, ''), s.text, p.name_count, p.geometry"
)
_PLACE_JOINS = (
    " LEFT JOIN ids i ON i.id = p.id LEFT JOIN admins a1 ON a1.code = p.admin1_code"
    " LEFT JOIN admins a2 ON a2.code = p.admin2_code LEFT JOIN sources s ON s.id = p.source_id"
)
_SELECT_PLACES = "SELECT " + _PLACE_FIELDS + " FROM places p" + _PLACE_JOINS

#: Names starting with a prefix (a range of the name index), ranked on the two tables the order needs;
#: the other tables are joined for the few rows kept.
PREFIX_SQL = ("SELECT t.key, t.flag, " + _PLACE_FIELDS + " FROM (SELECT n.key, n.flag, n.id FROM names n"
              " CROSS JOIN places q ON q.id = n.id WHERE n.key >= ? AND n.key < ?"
              " ORDER BY n.key = ? DESC, q.kind = 3 DESC, max(q.population, q.area_km2 * 100) DESC, n.id LIMIT ?) t"
              " CROSS JOIN places p ON p.id = t.id" + _PLACE_JOINS)


def default_db_path() -> Path:
    """Where the shipped database lies inside the installed package.

    Examples
    --------
    >>> default_db_path().name
    'gazetteer.sqlite'
    """
    return Path(str(resources.files("gazetteer") / "data" / DEFAULT_DB_NAME))


def default_user_db_path() -> Path:
    """Where ``geomap gazetteer add`` keeps the user's own places.

    ``$GEOMAP_USER_DB`` when set; else ``user_places.sqlite`` in
    ``$GEOMAP_CACHE_DIR`` when that is set (so a test or a project keeps its
    own); else in ``$XDG_DATA_HOME/geomap`` (``~/.local/share/geomap``): the
    places are the user's data, not a cache to be thrown away.

    Examples
    --------
    >>> default_user_db_path().name.endswith(".sqlite")
    True
    """
    env = os.environ
    # Asked before every geoparse (Store.is_current): the path is built once per setting of the variables.
    return _user_db_path(env.get("GEOMAP_USER_DB"), env.get("GEOMAP_CACHE_DIR"), env.get("XDG_DATA_HOME"),
                         env.get("HOME"))


@lru_cache(maxsize=16)
def _user_db_path(user_db: str | None, cache_dir: str | None, xdg_data: str | None, home: str | None) -> Path:
    if user_db:
        return Path(user_db)
    if cache_dir:
        return Path(cache_dir) / USER_DB_NAME
    base = xdg_data or str(Path.home() / ".local" / "share")
    return Path(base) / "geomap" / USER_DB_NAME


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return str(path), -1, -1
    return str(path), st.st_mtime_ns, st.st_size


def _connect(path: Path, *, immutable: bool) -> tuple[sqlite3.Connection, dict[str, str]]:
    """A read-only connection to a gazetteer database and its metadata."""
    if not path.is_file():
        raise GazetteerDataError(
            f"gazetteer database not found at {path}; rebuild it with "
            "`python -m gazetteer.build` (see gazetteer/data/README.md)"
        )
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        meta = dict(con.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as exc:
        raise GazetteerDataError(f"{path} is not a gazetteer database: {exc}") from exc
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise GazetteerDataError(
            f"{path} has schema version {meta.get('schema_version')!r}, this code reads {SCHEMA_VERSION!r}; rebuild it"
        )
    return con, meta


class Store:
    """Read-only access to a gazetteer database file and the user's layer over it.

    Parameters
    ----------
    path : str or Path, optional
        The database; the shipped one by default.
    user_db : str, Path or False, optional
        The user layer (``geomap gazetteer add``) read over it. By default the
        one at :func:`default_user_db_path` when the base is the shipped
        database and that file exists; ``False`` for none.

    Raises
    ------
    GazetteerDataError
        When a file is missing, not a gazetteer database, or of another schema version.
    """

    def __init__(self, path: str | Path | None = None, *, user_db: str | Path | bool | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self._con, self._meta = _connect(self.path, immutable=True)
        self._cons = [self._con]
        self.user_path: Path | None = None
        self._user_meta: dict[str, str] = {}
        # A store that follows the default user layer notes its state, so a long-lived process can
        # tell (is_current) when `geomap gazetteer add` or `remove` changed it.
        self._user_stamp = _stamp(default_user_db_path()) if user_db is None and path is None else None
        if user_db is None and path is None and default_user_db_path().is_file():
            user_db = default_user_db_path()
        if user_db not in (None, False, True):
            self.user_path = Path(str(user_db))
            # Not immutable: ``gazetteer add`` may change it while this store is open elsewhere.
            con, self._user_meta = _connect(self.user_path, immutable=False)
            self._cons.append(con)

    def close(self) -> None:
        """Close the database connections."""
        for con in self._cons:
            con.close()

    def meta(self) -> dict[str, str]:
        """The build's metadata (build date, sources, schema version) of the base database."""
        return dict(self._meta)

    def is_current(self) -> bool:
        """False when the default user layer this store follows was added to, removed or replaced since it opened."""
        return self._user_stamp is None or _stamp(default_user_db_path()) == self._user_stamp

    def cache_key(self) -> str:
        """What identifies this store's content: the build date, and the user layer's version when there is one."""
        key = self._meta.get("build_date", "")
        if self.user_path is not None:
            key += f"|user:{self.user_path.resolve()}:{self._user_meta.get('updated', '')}"
        return key

    def layers(self) -> list[dict[str, Any]]:
        """The databases read, base first: path, role, build or update date and places held."""
        out = []
        for i, con in enumerate(self._cons):
            meta = self._meta if i == 0 else self._user_meta
            out.append({"role": "shipped" if i == 0 else "user", "path": str(self.path if i == 0 else self.user_path),
                        "date": meta.get("build_date" if i == 0 else "updated", ""),
                        "places": int(con.execute("SELECT count(*) FROM places").fetchone()[0])})
        return out

    def _all(self, sql: str, args: Any = ()) -> list[tuple[Any, ...]]:
        rows = self._con.execute(sql, args).fetchall()
        for con in self._cons[1:]:
            rows += con.execute(sql, args).fetchall()
        return rows

    def places_by_key(self, key: str) -> list[tuple[Any, ...]]:
        """Rows ``(flag, *place columns)`` of the places indexed under one name key."""
        return self._all(
            # CROSS JOIN makes SQLite start from the name index, not from the places table.
            "SELECT n.flag, " + _PLACE_FIELDS + " FROM names n CROSS JOIN places p ON p.id = n.id"
            + _PLACE_JOINS + " WHERE n.key = ?",
            (key,),
        )

    def rows_by_prefix(self, prefix: str, most: int) -> list[tuple[Any, ...]]:
        """Rows ``(key, flag, *place columns)`` of names starting with ``prefix``, the likeliest ``most``.

        One range scan of the name index of each layer (the shipped database, then the
        user's); within a layer the name that is the prefix itself comes first, then
        countries, then the places with most people (or the largest, for unpeopled areas).
        """
        return self._all(PREFIX_SQL, (prefix, prefix + "\x7f", prefix, most))

    def rows_by_ids(self, ids: list[int]) -> list[tuple[Any, ...]]:
        """Place rows for internal ids."""
        if not ids:
            return []
        return self._all(_SELECT_PLACES + f" WHERE p.id IN ({','.join('?' * len(ids))})", ids)

    def keys_between(self, low: str, high: str) -> list[str]:
        """Distinct name keys in ``[low, high)``, for prefix and fuzzy search."""
        # The primary key orders names by key, so equal keys are adjacent: drop repeats in Python.
        out: list[str] = []
        for (key,) in self._con.execute("SELECT key FROM names WHERE key >= ? AND key < ?", (low, high)):
            if not out or out[-1] != key:
                out.append(key)
        if len(self._cons) > 1:
            extra = {k for con in self._cons[1:]
                     for (k,) in con.execute("SELECT key FROM names WHERE key >= ? AND key < ?", (low, high))}
            out = sorted(set(out) | extra)
        return out

    def place_row(self, place_id: str) -> tuple[Any, ...] | None:
        """The row of one place by its public id."""
        prefix, _, rest = place_id.partition(":")
        if prefix == "geonames" and rest.isascii() and rest.isdigit() and int(rest) < LOCAL_ID_BASE:
            return self._con.execute(_SELECT_PLACES + " WHERE p.id = ?", (int(rest),)).fetchone()
        rows = self._all(_SELECT_PLACES + " WHERE i.place_id = ?", (place_id,))
        return rows[0] if rows else None

    def rows_in_box(self, minx: float, maxx: float, miny: float, maxy: float,
                    kinds: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
        """Rows of places with a line or polygon whose bounding box meets the given box."""
        sql = ("SELECT " + _PLACE_FIELDS + " FROM bbox b CROSS JOIN places p ON p.id = b.id" + _PLACE_JOINS
               + " WHERE b.maxx >= ? AND b.minx <= ? AND b.maxy >= ? AND b.miny <= ?")
        args: list[Any] = [minx, maxx, miny, maxy]
        if kinds is not None:
            kinds = list(kinds)
            sql += f" AND p.kind IN ({','.join('?' * len(kinds))})"
            args += [KIND_CODE[k] for k in kinds]
        return self._all(sql, args)

    def towns_in_cells(self, cells: list[int]) -> list[tuple[Any, ...]]:
        """Rows of populated places in the given one-degree cells."""
        return self._all(_SELECT_PLACES + f" WHERE p.kind = 0 AND p.cell IN ({','.join('?' * len(cells))})", cells)

    def count_by_kind(self) -> dict[str, int]:
        """How many places of each kind the database holds."""
        out: dict[str, int] = {}
        for k, n in self._all("SELECT kind, count(*) FROM places GROUP BY kind"):
            out[KIND_CODES[k].value] = out.get(KIND_CODES[k].value, 0) + n
        return out

    def count_names(self) -> int:
        """How many (name key, place) pairs are indexed."""
        return sum(int(n) for (n,) in self._all("SELECT count(*) FROM names"))

    def country_codes(self) -> dict[str, str]:
        """ISO alpha-2 code of every country, keyed by alpha-2 and alpha-3 (upper case)."""
        out: dict[str, str] = {}
        for key, cc in self._con.execute(
            "SELECT n.key, p.country FROM names n JOIN places p ON p.id = n.id "
            "WHERE p.kind = 3 AND n.flag = 2 AND length(n.key) IN (2, 3)"
        ):
            out[key.upper()] = cc
        for (cc,) in self._con.execute("SELECT country FROM places WHERE kind = 3"):
            out[cc] = cc
        return out

    def has_country(self, code: str) -> bool:
        """Whether a country of this ISO alpha-2 code is in the base database."""
        return self._con.execute("SELECT 1 FROM places WHERE kind = ? AND country = ? LIMIT 1",
                                 (KIND_CODE["country"], code)).fetchone() is not None

    def iter_names(self) -> Iterator[tuple[str, int, int]]:
        """Every ``(key, id, flag)`` triple, for building matchers over all names."""
        for con in self._cons:
            yield from con.execute("SELECT key, id, flag FROM names")


def row_to_place(row: tuple[Any, ...]) -> Place:
    """Make a :class:`Place` from a row in ``_SELECT_PLACES`` order."""
    (_id, place_id, name, kind, country, lat, lon, pop, area, fclass, fcode,
     a1c, a2c, a1, a2, source, name_count, geom) = row
    return Place(place_id=place_id, name=name, kind=KIND_CODES[kind], country=country, latitude=lat / COORD_SCALE,
                 longitude=lon / COORD_SCALE, population=pop, area_km2=area, feature_class=fclass, feature_code=fcode,
                 admin1=a1, admin2=a2, admin1_code=a1c, admin2_code=a2c, geometry_wkb=geom, source=source,
                 name_count=name_count)
