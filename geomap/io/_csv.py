"""CSV: our ACLED-order writer; readers for our files, ACLED exports, UCDP GED exports and generic tables.

The written file has ACLED's columns in ACLED's order (:data:`~geomap.incidents._model.ACLED_COLUMNS`),
then ours (:data:`EXTRA_COLUMNS`). ACLED columns we have no value for (``assoc_actor_1``,
``region``, ``admin3``, ``source_scale``, ``tags``, ``timestamp``, ``interaction``) are empty;
``inter1``/``inter2`` are ACLED's numeric codes; ``civilian_targeting`` is
``"Civilian targeting"`` or empty as in ACLED; ``iso`` is ISO 3166-1 alpha-2 (ACLED uses numeric).
The ``geometry`` column holds the WKT of a corridor's line or a region's polygon, empty for points.

The layout of a file to read is told by its header: ``where_prec``, ``date_start`` and ``best``
make it UCDP GED; ``event_id_cnty``, ``event_date``, ``latitude`` and ``longitude`` make it
ACLED (our own CSV is ACLED plus columns); anything else is a generic table (see
:func:`read_csv_incidents`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import InputError
from ..incidents import ACLED_COLUMNS, Incident
from ._columns import distinct, per_distinct, per_value, text_series
from ._records import FIELDS, CheckedTable, RowError, check_table

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["EXTRA_COLUMNS", "UCDP_DATE_PRECISION", "UCDP_WHERE_PRECISION", "read_csv_incidents", "write_csv"]

#: Our columns after ACLED's, in this order.
#: ``confidence`` comes last because it is never empty: a row whose last cell is empty may be a
#: short (ragged) row, which costs the reader a slower check of the whole file.
EXTRA_COLUMNS = ("fatalities_low", "fatalities_best", "fatalities_high", "injuries", "source_url", "evidence_start",
                 "evidence_end", "place_id", "trigger", "trigger_start", "trigger_end", "place_start", "place_end",
                 "geometry", "confidence")

#: UCDP GED ``where_prec`` → our (ACLED) ``geo_precision``.
#: 1 exact location → 1 town; 2 within 25 km → 2; 3 second-order admin area → 2 part of a region;
#: 4 first-order admin area, 5 linear feature (road, river, border), 6 country,
#: 7 international waters or airspace → 3 larger region or border area.
UCDP_WHERE_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
#: UCDP GED ``date_prec`` → our ``time_precision``: 1 the day → 1; 2 two to six days, 3 the week → 2;
#: 4 the month, 5 the year or longer → 3.
UCDP_DATE_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
#: UCDP GED ``type_of_violence`` → ACLED (disorder type, event type, sub-event type, civilian targeting).
UCDP_VIOLENCE = {1: ("Political violence", "Battles", "Armed clash", False),
                 2: ("Political violence", "Battles", "Armed clash", False),
                 3: ("Political violence", "Violence against civilians", "Attack", True)}
#: ACLED's actor-type labels (exports since 2024) → the numeric codes of older exports.
ACLED_INTER = {"state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4, "rioters": 5,
               "protesters": 6, "civilians": 7, "external/other forces": 8, "": 0}
_LAT_NAMES = ("latitude", "lat", "y")
_LOOSE_MATCHES = frozenset({"partial", "fuzzy"})
_LON_NAMES = ("longitude", "lon", "lng", "long", "x")


# -- writing -------------------------------------------------------------------------------------------------------
def _acled_row(d: dict[str, Any], wkt: str) -> list[Any]:
    extra = {"event_id_cnty": d["event_id"], "civilian_targeting": "Civilian targeting" if d["civilian_targeting"]
             else ""}
    out = []
    for c in ACLED_COLUMNS:
        v = extra[c] if c in extra else d.get(c, "")
        out.append("" if v is None else v)
    for c in EXTRA_COLUMNS:
        v = wkt if c == "geometry" else d.get(c)
        out.append("" if v is None else v)
    return out


def write_csv_rows(incidents: Sequence[Incident], f: Any) -> None:
    """Write the header and one row per incident to an open text file (ACLED's column order, ours after)."""
    import shapely

    w = csv.writer(f)
    w.writerow(ACLED_COLUMNS + EXTRA_COLUMNS)
    for inc in incidents:
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
        wkt = shapely.to_wkt(shapely.from_wkb(inc.geometry_wkb), rounding_precision=-1) \
            if inc.geometry_wkb is not None else ""
        w.writerow(_acled_row(inc.to_dict(), wkt))


def write_csv(incidents: Sequence[Incident], path: str | Path) -> Path:
    """Write incidents as CSV in ACLED's column order, ours after, atomically.

    Examples
    --------
    >>> import datetime, pathlib, tempfile
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.1, longitude=46.5)
    >>> p = write_csv([i], pathlib.Path(tempfile.mkdtemp()) / "a.csv")
    >>> p.read_text().splitlines()[0][:39]
    'event_id_cnty,event_date,year,time_prec'
    """
    from ._outputs import atomic_writer

    with atomic_writer(path, "w") as f:
        write_csv_rows(incidents, f)
    return Path(path)


# -- reading the file ----------------------------------------------------------------------------------------------
def _ragged(data: bytes) -> bool:
    """Whether any record has another number of fields than the header (quote-aware, vectorised).

    A quick screen on the raw bytes; when it says yes, the csv module has the last word.
    """
    import numpy as np

    buf = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(buf == ord('"'))
    newlines = np.flatnonzero(buf == ord("\n"))
    if len(quotes):  # a newline ends a record when an even number of quotes precede it
        newlines = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    ends = newlines if len(newlines) and newlines[-1] == len(buf) - 1 else np.append(newlines, len(buf))
    starts = np.concatenate(([0], ends[:-1] + 1))
    commas = np.flatnonzero(buf == ord(","))
    per = np.searchsorted(commas, ends) - np.searchsorted(commas, starts)
    if len(quotes) > 1:
        # Commas between a quote and the next one ("" in a field makes two such spans) are data.
        opens, closes = quotes[0:-1:2], quotes[1::2]
        inside = np.searchsorted(commas, closes) - np.searchsorted(commas, opens)
        per -= np.bincount(np.searchsorted(ends, opens), weights=inside, minlength=len(ends)).astype(per.dtype)
    length = ends - starts
    cr = (length == 1) & (buf[np.minimum(starts, len(buf) - 1)] == ord("\r"))
    per = per[(length > 0) & ~cr]
    return bool(len(per) and (per != per[0]).any())


def _read_table(path: Path) -> tuple[pd.DataFrame, np.ndarray, list[RowError], bool]:
    """The CSV as a DataFrame of text and typed columns, its record numbers, ragged rows, and whether UTF-8 was bad."""
    import numpy as np
    import pandas as pd

    # pandas reads the file itself (faster than from a copy in memory); the whole file is read
    # into memory only for the slower checks that need its bytes.
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not head.lstrip(b"\xef\xbb\xbf").strip() and path.stat().st_size <= len(head):
        raise InputError(f"{path}: empty file, expected a CSV header row")
    if b"\x00" in head:
        raise InputError(f"{path}: binary data, not a CSV file")

    def whole() -> bytes:
        data = path.read_bytes()
        return data[3:] if data.startswith(b"\xef\xbb\xbf") else data

    errors: list[RowError] = []
    bad_utf8 = False
    frame: pd.DataFrame | None
    try:
        try:
            frame = pd.read_csv(path, na_filter=False, encoding="utf-8-sig", on_bad_lines="error")
        except UnicodeDecodeError:
            # Slower (pandas decodes in Python then): only for files that need it.
            bad_utf8 = True
            frame = pd.read_csv(path, na_filter=False, encoding="utf-8-sig", encoding_errors="replace",
                                on_bad_lines="error")
    except pd.errors.EmptyDataError as exc:
        raise InputError(f"{path}: no header row") from exc
    except pd.errors.ParserError:
        frame = None  # a row with too many fields: the csv module below finds them all
        try:
            whole().decode("utf-8")
        except UnicodeDecodeError:
            bad_utf8 = True
    if frame is not None:
        # pandas pads a short row with empty cells; a short row's last cell is empty, so only
        # files with empty last cells need the (slower) screen of every record's field count.
        last = frame.iloc[:, -1] if len(frame.columns) else None
        if last is None or last.dtype.kind in "biuf" or not last.eq("").any() or not _ragged(whole()):
            return frame, np.arange(2, len(frame) + 2), errors, bad_utf8
    data = whole()
    text = data.decode("utf-8", errors="replace")
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    except csv.Error as exc:  # a field over the csv module's size limit, say
        raise InputError(f"{path}: not a CSV file the reader can parse: {exc}") from exc
    header = records[0]
    good: list[list[str]] = []
    rows: list[int] = []
    for n, rec in enumerate(records[1:], start=2):
        if len(rec) != len(header):
            errors.append(RowError(n, "", ",".join(rec)[:200],
                                   f"ragged row: {len(rec)} fields, the header has {len(header)}; row dropped"))
            continue
        good.append(rec)
        rows.append(n)
    frame = pd.DataFrame(good, columns=header, dtype=object) if good else pd.DataFrame(columns=header, dtype=object)
    return frame, np.asarray(rows, dtype=np.int64), errors, bad_utf8


def _bad_utf8_errors(frame: pd.DataFrame, rows: np.ndarray) -> list[RowError]:
    import numpy as np

    out = []
    for col in frame.columns:
        s = frame[col]
        if s.dtype.kind in "biufcmM":
            continue
        hit = s.astype(str).str.contains("\ufffd", regex=False).to_numpy(dtype=bool)
        for i in np.flatnonzero(hit):
            out.append(RowError(int(rows[i]), str(col), str(s.iloc[i])[:200],
                                "invalid UTF-8 bytes, replaced with U+FFFD; row kept"))
    return out


def _layout(columns: set[str]) -> str:
    if {"where_prec", "date_start", "best"} <= columns:
        return "ucdp"
    if {"event_id_cnty", "event_date", "latitude", "longitude"} <= columns:
        return "acled"
    return "generic"


def _geometry_column(s: pd.Series, rows: np.ndarray, errors: list[RowError]) -> tuple[list[bytes | None], Any]:
    """WKB per row from a WKT column, invalid shapes repaired; and the mask of unreadable rows."""
    import numpy as np
    import shapely

    text = s.astype(object).to_numpy()
    out: list[bytes | None] = [None] * len(text)
    bad = np.zeros(len(text), dtype=bool)
    for i in np.flatnonzero(np.array([isinstance(t, str) and bool(t.strip()) for t in text], dtype=bool)):
        try:
            geom = shapely.from_wkt(text[i])
        except shapely.errors.GEOSException as exc:
            errors.append(RowError(int(rows[i]), "geometry", str(text[i])[:200], f"not WKT ({exc}); row dropped"))
            bad[i] = True
            continue
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            geom = shapely.make_valid(geom)
            errors.append(RowError(int(rows[i]), "geometry", reason, f"invalid geometry ({reason}); repaired with make_valid"))
        if geom.geom_type != "Point" and not geom.is_empty:
            out[i] = shapely.to_wkb(geom)
    return out, bad


# -- layouts -------------------------------------------------------------------------------------------------------
def _acled(frame: pd.DataFrame, gazetteer: Any) -> tuple[dict[str, Any], dict[str, str]]:
    names = {"event_id": "event_id_cnty"}
    out: dict[str, Any] = {c: frame[c] for c in FIELDS if c in frame.columns and c != "event_id"}
    out["event_id"] = frame["event_id_cnty"]
    for c in ("inter1", "inter2"):
        if c in frame.columns and frame[c].dtype.kind not in "iuf":
            out[c] = _inter_codes(frame[c])
    if "iso" in frame.columns and "country" in frame.columns:
        iso = _alpha2_iso(frame["iso"], frame["country"], gazetteer)
        if iso is not None:
            out["iso"] = iso
    return out, names


def _inter_codes(s: pd.Series) -> pd.Series:
    """ACLED's actor-type labels as their numeric codes; the column as labels if one is unknown (the checks report it).

    Each distinct label is mapped and converted once.
    """
    import pandas as pd

    codes, table = per_distinct(s, lambda v: ACLED_INTER.get(v.strip().lower(), v) if isinstance(v, str) else v)
    used = table if (codes < 0).any() else table[:-1]  # the entry for missing values only if there are any
    numbers = pd.to_numeric(pd.Series(used), errors="coerce")
    if numbers.notna().all():
        return pd.Series(numbers.array.take(codes), index=s.index)
    return pd.Series(table[codes], index=s.index)


def _alpha2_iso(iso: pd.Series, country: pd.Series, gazetteer: Any) -> pd.Series | None:
    """ACLED's numeric ISO codes → alpha-2, through the country's name; ``None`` when no code is numeric.

    A numeric code whose country the gazetteer does not know stays as it is; other codes are
    stripped of spaces. Each distinct code and each distinct country name is looked at once.
    """
    import numpy as np

    from ._swap import country_place

    ci, isos = distinct(iso)
    text = isos.astype(str).str.strip()
    numeric = np.ones(len(text), dtype=bool) if iso.dtype.kind in "iu" else \
        text.str.fullmatch(r"\d+").fillna(False).to_numpy(dtype=bool)
    if not numeric[ci].any():
        return None
    gaz = _gazetteer(gazetteer)
    cache: dict[str, Any] = {}

    def code(name: Any) -> str:
        place = country_place(gaz, str(name), cache) if name else None
        return place.country if place is not None else ""

    cc, alpha2 = per_distinct(country, code)
    found = numeric[ci] & (alpha2 != "").astype(bool)[cc]
    # One table of texts: the codes as given, then the alpha-2 codes found; each row points into it.
    at = np.where(found, len(text) + cc % len(alpha2), ci % len(text))
    return text_series([*text.tolist(), *alpha2.tolist()], at, iso.index)


def _ucdp(frame: pd.DataFrame, gazetteer: Any) -> tuple[pd.DataFrame, dict[str, str]]:
    import numpy as np
    import pandas as pd

    def num(col: str) -> pd.Series:
        return pd.to_numeric(frame[col], errors="coerce") if col in frame.columns else pd.Series(
            np.nan, index=frame.index)

    def get(col: str) -> Any:
        return frame[col] if col in frame.columns else ""

    out = pd.DataFrame(index=frame.index)
    names: dict[str, str] = {}
    out["event_id"] = get("id")
    names["event_id"] = "id"
    out["event_date"] = get("date_start")
    names["event_date"] = "date_start"
    tp = num("date_prec").map(UCDP_DATE_PRECISION)
    out["time_precision"] = frame["date_prec"].where(tp.isna(), tp) if "date_prec" in frame.columns else ""
    names["time_precision"] = "date_prec"
    gp = num("where_prec").map(UCDP_WHERE_PRECISION)
    out["geo_precision"] = frame["where_prec"].where(gp.isna(), gp)
    names["geo_precision"] = "where_prec"
    tov = num("type_of_violence")
    for k, field in enumerate(("disorder_type", "event_type", "sub_event_type", "civilian_targeting")):
        out[field] = tov.map({t: v[k] for t, v in UCDP_VIOLENCE.items()})
        if field != "civilian_targeting":
            out[field] = out[field].fillna("")
    out["civilian_targeting"] = out["civilian_targeting"].fillna(False).astype(bool)
    for src, dst in (("side_a", "actor1"), ("side_b", "actor2"), ("country", "country"), ("adm_1", "admin1"),
                     ("adm_2", "admin2"), ("where_coordinates", "location"), ("latitude", "latitude"),
                     ("longitude", "longitude"), ("source_office", "source"), ("source_headline", "notes"),
                     ("low", "fatalities_low"), ("best", "fatalities_best"), ("high", "fatalities_high")):
        if src in frame.columns:
            out[dst] = frame[src]
            names[dst] = src
    if "low" in frame.columns:  # ACLED's rule: the lowest reported figure
        out["fatalities"] = frame["low"]
        names["fatalities"] = "low"
    if "country" in frame.columns:  # UCDP codes countries by Gleditsch-Ward number; ISO from the name
        from ._swap import country_place

        gaz = _gazetteer(gazetteer)
        cache: dict[str, Any] = {}

        def code(name: Any) -> str:
            place = country_place(gaz, str(name), cache) if isinstance(name, str) and name.strip() else None
            return place.country if place is not None else ""

        out["iso"] = per_value(frame["country"], code)
    return out, names


def _gazetteer(gazetteer: Any) -> Any:
    if gazetteer is not None:
        return gazetteer
    from gazetteer import Gazetteer

    return Gazetteer()


def _pick(columns: Sequence[str], asked: str | None, candidates: tuple[str, ...], what: str, path: Path) -> str | None:
    if asked is not None:
        if asked not in columns:
            raise InputError(f"{path}: no {what} column {asked!r}; columns: {', '.join(map(str, columns))}")
        return asked
    lower = {str(c).strip().lower(): c for c in columns}
    return next((lower[c] for c in candidates if c in lower), None)


def _generic(frame: pd.DataFrame, rows: np.ndarray, path: Path, lat_column: str | None, lon_column: str | None,
             place_column: str | None, gazetteer: Any,
             errors: list[RowError]) -> tuple[pd.DataFrame, np.ndarray, dict[str, str]]:
    import numpy as np
    import pandas as pd
    from gazetteer import GazetteerError

    cols = list(frame.columns)
    lat = _pick(cols, lat_column, _LAT_NAMES, "latitude", path)
    lon = _pick(cols, lon_column, _LON_NAMES, "longitude", path)
    place = _pick(cols, place_column, (), "place", path)
    if (lat is None or lon is None) and place is None:
        raise InputError(f"{path}: no coordinate columns (latitude/longitude, lat/lon) and no place column; "
                         f"name them with --lat-column/--lon-column or --place-column; columns: "
                         f"{', '.join(map(str, cols))}")
    names: dict[str, str] = {}
    out = pd.DataFrame({c: frame[c] for c in FIELDS if c in frame.columns}, index=frame.index)
    ident = _pick(cols, None, ("event_id", "event_id_cnty", "id"), "id", path)
    if ident is not None and "event_id" not in out.columns:
        out["event_id"] = frame[ident]
        names["event_id"] = str(ident)
    if lat is not None and lon is not None:
        out["latitude"], out["longitude"] = frame[lat], frame[lon]
        names.update(latitude=str(lat), longitude=str(lon))
    if place is None:
        return out, rows, names
    out = out.astype({c: object for c in out.columns})
    names["location"] = str(place)
    gaz = _gazetteer(gazetteer)

    def blank_column() -> pd.Series:
        return pd.Series([""] * len(out), index=out.index, dtype=object)

    if "latitude" not in out.columns:
        out["latitude"] = blank_column()
        out["longitude"] = blank_column()
    need = np.array([not str(a).strip() and not str(b).strip() for a, b in
                     zip(out["latitude"].tolist(), out["longitude"].tolist())], dtype=bool)
    if "location" not in out.columns:  # rows with coordinates keep the table's own place name
        out["location"] = frame[place].astype(object).where(~need, "").fillna("")
    drop = np.zeros(len(out), dtype=bool)
    cache: dict[tuple[str, str], Any] = {}
    isos = out["iso"].astype(str).tolist() if "iso" in out.columns else [""] * len(out)
    for i in np.flatnonzero(need):
        name = str(frame[place].iloc[i]).strip()
        if not name:
            errors.append(RowError(int(rows[i]), str(place), "", "no coordinates and no place name; row dropped"))
            drop[i] = True
            continue
        key = (name, isos[i].strip())
        if key not in cache:
            try:
                found = gaz.lookup(name, country=key[1] or None, limit=1)
            except GazetteerError:  # an unknown country code, a name that is all punctuation...
                found = []
            cache[key] = found[0] if found else None
        cand = cache[key]
        if cand is None or cand.match.value in _LOOSE_MATCHES:
            # A near spelling or a part of the name is a guess; a wrong place would look like an answer.
            closest = f" (closest: {cand.place.name}, a {cand.match.value} match)" if cand is not None else ""
            errors.append(RowError(int(rows[i]), str(place), name[:200],
                                   f"no place of this name in the gazetteer{closest}; row dropped"))
            drop[i] = True
            continue
        p = cand.place
        idx = out.index[i]
        out.at[idx, "latitude"], out.at[idx, "longitude"] = p.latitude, p.longitude
        for field, value in (("location", p.name), ("place_id", p.place_id), ("country", _country_name(gaz, p.country)),
                             ("iso", p.country), ("admin1", p.admin1), ("admin2", p.admin2),
                             ("geo_precision", {"populated_place": 1, "admin2": 2}.get(p.kind.value, 3))):
            if field not in out.columns:
                out[field] = blank_column()
            current = out.at[idx, field]
            if current is None or not str(current).strip() or current != current:
                out.at[idx, field] = value
    return out[~drop], rows[~drop], names


def _country_name(gaz: Any, iso: str) -> str:
    from ._swap import country_place

    place = country_place(gaz, iso, {}) if iso else None
    return place.name if place is not None else ""


def read_csv_incidents(path: str | Path, *, lat_column: str | None = None, lon_column: str | None = None,
                       place_column: str | None = None, gazetteer: Any = None,
                       check_swapped: bool = True) -> CheckedTable:
    """Read incidents from a CSV file: ours, an ACLED export, a UCDP GED export or a generic table.

    Parameters
    ----------
    path : str or Path
    lat_column, lon_column : str, optional
        Coordinate columns of a generic table (``latitude``/``lat``/``y`` and
        ``longitude``/``lon``/``lng``/``long``/``x`` are found on their own).
    place_column : str, optional
        A column of place names, geocoded with the gazetteer for rows without coordinates.
    gazetteer : gazetteer.Gazetteer, optional
        For geocoding, ACLED's numeric ISO codes and the swapped-coordinates check.
    check_swapped : bool
        Report rows whose coordinates look swapped (see :mod:`geomap.io`).

    Returns
    -------
    CheckedTable

    Raises
    ------
    InputError
        For an empty or binary file, or a table with neither coordinates nor a place column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,lat,lon,notes\\n1,40.1,46.5,ok\\n2,north,46.5,bad\\n")
    >>> res = read_csv_incidents(p, check_swapped=False)
    >>> [(i.event_id, i.latitude) for i in res.to_incidents()], [str(e) for e in res.errors]
    ([('1', 40.1)], ["row 3, lat='north': not a finite number; row dropped"])
    """
    p = Path(path)
    frame, rows, errors, bad_utf8 = _read_table(p)
    frame.columns = [str(c) for c in frame.columns]
    if bad_utf8:
        errors.extend(_bad_utf8_errors(frame, rows))
    layout = _layout(set(frame.columns)) if lat_column is None and lon_column is None and place_column is None \
        else "generic"
    geometries = None
    if layout == "acled":
        table, names = _acled(frame, gazetteer)
        if "geometry" in frame.columns:
            geometries, bad = _geometry_column(frame["geometry"], rows, errors)
            if bad.any():
                table, rows = {k: v[~bad] for k, v in table.items()}, rows[~bad]
                geometries = [g for g, b in zip(geometries, bad) if not b]
    elif layout == "ucdp":
        table, names = _ucdp(frame, gazetteer)
    else:
        table, rows, names = _generic(frame, rows, p, lat_column, lon_column, place_column, gazetteer, errors)
    if isinstance(table, dict):
        table = {k: v.reset_index(drop=True) for k, v in table.items()}
    else:
        table = table.reset_index(drop=True)
    return check_table(table, rows=rows, geometries=geometries, id_prefix=p.stem,
                          column_names=names, gazetteer=gazetteer, check_swapped=check_swapped).add_errors(errors)
