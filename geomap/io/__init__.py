"""Export and import incidents: GeoJSON, GeoPackage, CSV, GeoParquet and KML; reverse-geocoding enrichment.

Writers choose the format by extension (or ``format=``); readers read back every
format they write, and also ACLED and UCDP GED CSV exports and generic CSVs with
coordinates or place names. Readers never stop at a bad row: they return the good
incidents and a :class:`RowError` for each problem (see :func:`read_incidents` for
what happens to which row); a file that cannot be read at all raises
:class:`~geomap.errors.InputError`. Every write is atomic: a temporary file in the
target's folder, renamed over the target when complete.

Examples
--------
>>> import datetime, pathlib, tempfile
>>> from geomap.incidents._model import Incident
>>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
...              location="Lachin", latitude=39.64, longitude=46.55)
>>> path = write_incidents([i], pathlib.Path(tempfile.mkdtemp()) / "incidents.geojson")
>>> read_incidents(path).incidents == [i]
True
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import InputError
from ..incidents import Incident
from ._enrich import enrich
from ._outputs import atomic_path, atomic_write, atomic_writer, resolve_output_path
from ._records import CheckedTable, FrameResult, ReadResult, RowError

__all__ = [
    "FORMATS",
    "FrameResult",
    "ReadResult",
    "RowError",
    "atomic_path",
    "atomic_write",
    "atomic_writer",
    "dumps_incidents",
    "enrich",
    "format_for",
    "read_frame",
    "read_incidents",
    "resolve_output_path",
    "write_errors",
    "write_incidents",
]

#: Format name → the file extensions that select it.
FORMATS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "geojson": (".geojson", ".json"),
    "gpkg": (".gpkg",),
    "kml": (".kml",),
    "parquet": (".parquet", ".geoparquet"),
}


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format to use for ``path``: ``format`` if given, else the one its extension names.

    Raises
    ------
    ValueError
        (an :class:`~geomap.errors.InputError`) for an unknown format or extension; the
        message lists the valid ones.

    Examples
    --------
    >>> format_for("out/incidents.GeoJSON"), format_for("x.dat", "csv")
    ('geojson', 'csv')
    >>> format_for("incidents.shp")
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: incidents.shp: unknown extension '.shp'; valid: .csv, .geojson, .geoparquet, .gpkg, .json, .kml, .parquet
    """
    if format is not None:
        if format not in FORMATS:
            raise InputError(f"unknown format {format!r}; valid: {', '.join(sorted(FORMATS))}")
        return format
    suffix = Path(path).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    valid = sorted(s for ss in FORMATS.values() for s in ss)
    raise InputError(f"{path}: unknown extension {suffix!r}; valid: {', '.join(valid)}")


def write_incidents(incidents: Iterable[Incident], path: str | os.PathLike[str], *, format: str | None = None,
                    gazetteer: Any = None) -> Path:
    """Write incidents to a file in the format its extension names, atomically.

    Parameters
    ----------
    incidents : iterable of Incident
    path : str or os.PathLike
        Written as given (callers that take paths from users check them with
        :func:`geomap.io._outputs.resolve_output_path`).
    format : {"csv", "geojson", "gpkg", "kml", "parquet"}, optional
        Overrides the extension.
    gazetteer : gazetteer.Gazetteer, optional
        For the GeoPackage ``places`` layer; the shipped one by default.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import pathlib, tempfile
    >>> write_incidents([], pathlib.Path(tempfile.mkdtemp()) / "empty.csv").read_text().startswith("event_id_cnty")
    True
    """
    fmt = format_for(path, format)
    path = Path(path)
    items = list(incidents)
    if fmt == "geojson":
        from ._geojson import write_geojson

        return write_geojson(items, path)
    if fmt == "csv":
        from ._csv import write_csv

        return write_csv(items, path)
    if fmt == "gpkg":
        from ._gpkg import write_gpkg

        return write_gpkg(items, path, gazetteer=gazetteer)
    if fmt == "parquet":
        from ._parquet import write_parquet

        return write_parquet(items, path)
    from ._kml import write_kml

    return write_kml(items, path)


def read_incidents(path: str | os.PathLike[str], *, format: str | None = None, lat_column: str | None = None,
                   lon_column: str | None = None, place_column: str | None = None, gazetteer: Any = None,
                   check_swapped: bool = True) -> ReadResult:
    """Read incidents from a file, with a report of the rows that could not be read as they are.

    CSV files are read as ACLED exports (and our own CSV, ACLED's columns plus ours), UCDP GED
    exports or generic tables, told apart by their header (see :mod:`geomap.io._csv`).

    What happens to a row with a problem: a row with text, NaN or infinity in a
    numeric column, coordinates out of range (or only one of them), a malformed
    date, an event type outside ACLED's, or an id seen before (the first is kept)
    is dropped and reported; a row whose coordinates look swapped (outside the
    stated country, inside it once swapped) is kept as given and reported; invalid
    UTF-8 is replaced with U+FFFD and invalid geometries are repaired with
    ``shapely.make_valid``, the row kept and reported; a ragged CSV row is dropped
    and reported.

    Parameters
    ----------
    path : str or os.PathLike
    format : {"csv", "geojson", "gpkg", "kml", "parquet"}, optional
        Overrides the extension.
    lat_column, lon_column, place_column : str, optional
        For generic CSV tables: the coordinate columns, and a column of place names
        geocoded with the gazetteer for rows without coordinates.
    gazetteer : gazetteer.Gazetteer, optional
        For geocoding and the swapped-coordinates check; the shipped one by default.
    check_swapped : bool
        Check coordinates against the stated country.

    Returns
    -------
    ReadResult
        ``incidents`` and ``errors``.

    Raises
    ------
    InputError
        For a missing file, an unknown extension, or a file that cannot be read at all
        (not JSON, not a FeatureCollection, no coordinate or place columns...).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("event_id,latitude,longitude\\na,40.1,46.5\\na,40.2,46.6\\n")
    >>> res = read_incidents(p, check_swapped=False)
    >>> len(res.incidents), res.errors[0].reason
    (1, 'duplicate id (first at row 2); row dropped')
    """
    return _read(path, format=format, lat_column=lat_column, lon_column=lon_column, place_column=place_column,
                 gazetteer=gazetteer, check_swapped=check_swapped).result()


def read_frame(path: str | os.PathLike[str], *, format: str | None = None, lat_column: str | None = None,
               lon_column: str | None = None, place_column: str | None = None, gazetteer: Any = None,
               check_swapped: bool = True) -> FrameResult:
    """Read incidents as a GeoDataFrame, with the same checks and errors as :func:`read_incidents`.

    The fast path for large tables: no :class:`~geomap.incidents._model.Incident` is made per row.
    The frame has the columns of :func:`geomap.to_geodataframe` and the same values
    as ``to_geodataframe(read_incidents(path).incidents)``.

    Parameters
    ----------
    path, format, lat_column, lon_column, place_column, gazetteer, check_swapped
        As for :func:`read_incidents`.

    Returns
    -------
    FrameResult
        ``frame`` (a GeoDataFrame in EPSG:4326) and ``errors``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("event_id,latitude,longitude\\na,40.1,46.5\\nb,91,46.6\\n")
    >>> res = read_frame(p, check_swapped=False)
    >>> res.frame["event_id"].tolist(), res.frame.geometry.iloc[0].wkt, str(res.errors[0])
    (['a'], 'POINT (46.5 40.1)', "row 3, latitude='91.0': out of range -90..90; row dropped")
    """
    table = _read(path, format=format, lat_column=lat_column, lon_column=lon_column, place_column=place_column,
                  gazetteer=gazetteer, check_swapped=check_swapped)
    return FrameResult(table.to_frame(), table.errors)


def _read(path: str | os.PathLike[str], *, format: str | None, lat_column: str | None, lon_column: str | None,
          place_column: str | None, gazetteer: Any, check_swapped: bool) -> CheckedTable:
    fmt = format_for(path, format)
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file" if not p.exists() else f"{p}: not a file")
    if fmt != "csv" and (lat_column or lon_column or place_column):
        raise InputError("lat_column, lon_column and place_column apply to CSV input only")
    if fmt == "csv":
        from ._csv import read_csv_incidents

        return read_csv_incidents(p, lat_column=lat_column, lon_column=lon_column, place_column=place_column,
                                  gazetteer=gazetteer, check_swapped=check_swapped)
    if fmt == "geojson":
        from ._geojson import read_geojson

        return read_geojson(p, gazetteer=gazetteer, check_swapped=check_swapped)
    if fmt == "gpkg":
        from ._gpkg import read_gpkg

        return read_gpkg(p, gazetteer=gazetteer, check_swapped=check_swapped)
    if fmt == "parquet":
        from ._parquet import read_parquet

        return read_parquet(p, gazetteer=gazetteer, check_swapped=check_swapped)
    from ._kml import read_kml

    return read_kml(p, gazetteer=gazetteer, check_swapped=check_swapped)


def write_errors(errors: Iterable[RowError], path: str | os.PathLike[str]) -> Path:
    """Write an errors report as CSV (``row,column,value,reason``), atomically.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = write_errors([RowError(3, "latitude", "abc", "not a number")],
    ...                  pathlib.Path(tempfile.mkdtemp()) / "out.csv.errors.csv")
    >>> p.read_text().splitlines()
    ['row,column,value,reason', '3,latitude,abc,not a number']
    """
    from ._outputs import atomic_write

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["row", "column", "value", "reason"])
    for e in errors:
        w.writerow([e.row, e.column, e.value, e.reason])
    return atomic_write(path, buf.getvalue())


def dumps_incidents(incidents: Sequence[Incident], *, format: str) -> str:
    """Incidents as the text of a GeoJSON FeatureCollection (RFC 7946) or an ACLED-order CSV.

    Parameters
    ----------
    incidents : sequence of Incident
    format : {"geojson", "csv"}

    Examples
    --------
    >>> import datetime, json
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.1, longitude=46.5)
    >>> json.loads(dumps_incidents([i], format="geojson"))["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [46.5, 39.1]}
    """
    if format == "geojson":
        from ._geojson import to_geojson_bytes

        return to_geojson_bytes(list(incidents)).decode("utf-8")
    if format == "csv":
        from ._csv import write_csv_rows

        buf = io.StringIO(newline="")
        write_csv_rows(list(incidents), buf)
        return buf.getvalue()
    raise InputError(f"unknown format {format!r}; valid: csv, geojson")
