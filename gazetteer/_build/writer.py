"""Writes :class:`PlaceRecord` objects into a new gazetteer database, atomically."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import sqlite3
from pathlib import Path
from typing import Iterable

from ..normalize import index_keys, normalize_name
from ..store import COORD_SCALE, INDEXES, KIND_CODE, LOCAL_ID_BASE, SCHEMA, SCHEMA_VERSION, cell_of
from .records import PlaceRecord

# Ids for places that have no GeoNames id start above every GeoNames id.
_FIRST_LOCAL_ID = LOCAL_ID_BASE
# Codes in alternate-name lists (IATA "ZZE", ICAO "UBBL") are abbreviations, not names.
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")


def area_km2(geom) -> int:
    """Area of a lon/lat polygon in km², on an equal-area (Lambert cylindrical) projection."""
    import math

    import numpy as np
    import shapely

    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        return 0
    r = 6371.0088
    projected = shapely.transform(geom, lambda xy: np.column_stack(
        [np.radians(xy[:, 0]) * r, np.sin(np.radians(np.clip(xy[:, 1], -90, 90))) * r]))
    return int(math.fabs(projected.area))


def name_flags(main: str | None, names: Iterable[str], abbreviations: Iterable[str] = ()) -> dict[str, int]:
    """The index keys of a place's names with their flags: 0 the main name, 1 alternates, 2 codes."""
    flags: dict[str, int] = {}
    for flag, group in ((0, [main] if main else []), (2, abbreviations), (1, names)):
        for name in group:
            if not name:
                continue
            f = 2 if flag == 1 and _CODE_LIKE.match(name) else flag
            for key in index_keys(name):
                if len(key) > 1 and (key not in flags or f < flags[key]):
                    flags[key] = f
    return flags


class GazetteerWriter:
    """Build a database at ``path`` (written to a temporary file, renamed on :meth:`finish`)."""

    def __init__(self, path: Path, *, simplify: float = 0.0) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".building")
        self.tmp.unlink(missing_ok=True)
        self.con = sqlite3.connect(self.tmp)
        self.con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self._next_id = _FIRST_LOCAL_ID
        self.simplify = simplify
        self.counts: dict[str, int] = {}
        self._seen: set[str] = set()
        self._ids: set[int] = set()
        self._sources: dict[str, int] = {}
        self._admin_areas: set[str] = set()
        self._kept: set[tuple[str, int]] = set()
        # Areas by the key of their main name, so demonyms can find "Kurdistan" or "England".
        self.areas: dict[str, list[tuple[str, str, int]]] = {}

    def add(self, rec: PlaceRecord) -> int:
        """Write one place and its names; return its internal id."""
        if rec.place_id in self._seen:
            raise ValueError(f"duplicate place id {rec.place_id}")
        if not (math.isfinite(rec.lat) and math.isfinite(rec.lon) and -90 <= rec.lat <= 90 and -180 <= rec.lon <= 180):
            raise ValueError(f"{rec.place_id}: coordinates out of range ({rec.lat}, {rec.lon})")
        self._seen.add(rec.place_id)
        if rec.internal_id is None or rec.internal_id in self._ids:
            rec.internal_id = self._next_id
            self._next_id += 1
        self._ids.add(rec.internal_id)
        wkb = None
        area = int(rec.area_km2)
        bounds = (rec.lon, rec.lat, rec.lon, rec.lat)
        if rec.geometry is not None and not rec.geometry.is_empty:
            import shapely

            geom = rec.geometry
            if geom.geom_type != "Point":
                wkb = shapely.to_wkb(shapely.set_precision(geom, 1e-5), output_dimension=2)
                bounds = geom.bounds
                area = area_km2(geom)
        self.con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
            (rec.internal_id, rec.name, KIND_CODE[rec.kind], rec.country, round(rec.lat * COORD_SCALE), round(rec.lon * COORD_SCALE),
             int(rec.population or 0), area, rec.fclass, rec.fcode, rec.admin1_code, rec.admin2_code,
             self._source_id(rec.source), cell_of(rec.lat, rec.lon), wkb),
        )
        if rec.place_id != f"geonames:{rec.internal_id}":
            self.con.execute("INSERT INTO ids VALUES (?,?)", (rec.internal_id, rec.place_id))
        own_code = rec.admin2_code if rec.kind == "admin2" else rec.admin1_code if rec.kind == "admin1" else ""
        if own_code and "|" not in own_code:  # a county of several areas names none of them
            self.con.execute("INSERT OR IGNORE INTO admins VALUES (?,?)", (own_code, rec.name))
            self._admin_areas.add(own_code)
        if wkb is not None:
            self.con.execute("INSERT INTO bbox VALUES (?,?,?,?,?)", (rec.internal_id, bounds[0], bounds[2], bounds[1], bounds[3]))
        self.add_names(rec.internal_id, rec.name, rec.names, rec.abbreviations)
        if rec.kind != "populated_place":
            self.areas.setdefault(normalize_name(rec.name), []).append((rec.kind, rec.country, rec.internal_id))
        self.counts[rec.kind] = self.counts.get(rec.kind, 0) + 1
        return rec.internal_id

    @property
    def seen(self) -> set[str]:
        """The public ids written so far."""
        return self._seen

    def has_admin_area(self, code: str) -> bool:
        """Whether an admin area with this GeoNames code has been written."""
        return code in self._admin_areas

    def _source_id(self, text: str) -> int:
        sid = self._sources.get(text)
        if sid is None:
            sid = self._sources[text] = len(self._sources) + 1
            self.con.execute("INSERT INTO sources VALUES (?,?)", (sid, text))
        return sid

    def add_admin_name(self, code: str, name: str) -> None:
        """Record the name of an admin code that has no place of its own (names from a dump's code files)."""
        self.con.execute("INSERT OR IGNORE INTO admins VALUES (?,?)", (code, name))

    def add_names(self, internal_id: int, main: str | None, names: Iterable[str], abbreviations: Iterable[str] = ()) -> None:
        """Index names of a place: flag 0 the main name, 1 alternates, 2 codes and abbreviations."""
        flags = name_flags(main, names, abbreviations)
        self.con.executemany(
            "INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, id) DO UPDATE SET flag = min(flag, excluded.flag)",
            [(k, internal_id, f) for k, f in flags.items()],
        )

    def add_alternate_names(self, rows: Iterable[tuple[int, str, bool]], *, batch: int = 100_000) -> int:
        """Stream ``(internal id, name, is_abbreviation)`` rows (a GeoNames alternateNames dump) into the index."""
        buf: list[tuple[str, int, int]] = []
        n = 0
        sql = "INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, id) DO UPDATE SET flag = min(flag, excluded.flag)"
        for internal_id, name, is_abbr in rows:
            flag = 2 if is_abbr or _CODE_LIKE.match(name) else 1
            buf.extend((k, internal_id, flag) for k in index_keys(name) if len(k) > 1)
            n += 1
            if len(buf) >= batch:
                self.con.executemany(sql, buf)
                buf.clear()
        self.con.executemany(sql, buf)
        return n

    def add_demonym(self, internal_id: int, word: str) -> None:
        """Index a demonym or adjective ("Armenian") as a name of its place, with flag 3."""
        self.con.executemany(
            "INSERT INTO names VALUES (?,?,3) ON CONFLICT(key, id) DO NOTHING",
            [(k, internal_id) for k in index_keys(word) if len(k) > 1])

    def keep_names(self, internal_id: int, names: Iterable[str]) -> None:
        """Mark curated names of a place that :meth:`finish` must not drop (the territory "Macau")."""
        self._kept.update((k, internal_id) for n in names for k in index_keys(n) if len(k) > 1)

    def _drop_city_names_of_countries(self) -> None:
        """Drop a country's alternate name that is the main name of a large city of that country.

        Some languages name a country after its capital ("Tunis" is Tunisia in Arabic and
        Turkish), and GeoNames keeps such names as the country's alternates; in a text, the
        word is the city. Names curated in ``abbreviations.csv`` (:meth:`keep_names`) stay.
        """
        self.con.execute("CREATE TEMP TABLE kept(key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY(key, id))")
        self.con.executemany("INSERT OR IGNORE INTO kept VALUES (?,?)", sorted(self._kept))
        self.con.execute(
            "DELETE FROM names WHERE flag = 1 AND (key, id) NOT IN (SELECT key, id FROM kept) AND (key, id) IN ("
            " SELECT n.key, n.id FROM names n JOIN places c ON c.id = n.id AND c.kind = ?"
            " JOIN names m ON m.key = n.key AND m.flag = 0"
            " JOIN places t ON t.id = m.id AND t.kind = ? AND t.country = c.country AND t.population >= ?"
            " WHERE n.flag = 1)",
            (KIND_CODE["country"], KIND_CODE["populated_place"], 100_000))
        self.con.execute("DROP TABLE kept")

    def _count_names(self) -> None:
        """Store how many names and alternate names each place has: how widely it is known.

        Venice, Italy is written in 49 ways, its Californian namesake in 11; a city the
        world writes about is named in many languages.
        """
        self.con.execute("CREATE TEMP TABLE name_counts(id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        self.con.execute("INSERT INTO name_counts SELECT id, count(*) FROM names WHERE flag IN (0, 1) GROUP BY id")
        self.con.execute("UPDATE places SET name_count = COALESCE((SELECT n FROM name_counts c WHERE c.id = places.id), 0)")
        self.con.execute("DROP TABLE name_counts")

    def finish(self, meta: dict[str, str]) -> Path:
        """Drop dangling names, write metadata, compact and move the file into place."""
        self.con.execute("DELETE FROM names WHERE id NOT IN (SELECT id FROM places)")
        self._drop_city_names_of_countries()
        self._count_names()
        self.con.executescript(INDEXES)
        meta = {**meta, "schema_version": SCHEMA_VERSION,
                "build_date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "counts": " ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))}
        self.con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
        self.con.commit()
        self.con.execute("VACUUM")
        self.con.close()
        os.replace(self.tmp, self.path)
        return self.path
