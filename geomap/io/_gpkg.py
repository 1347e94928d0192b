"""GeoPackage with three layers (``incidents``, ``places``, ``borders``), and reading tables of incidents back.

* ``incidents``: one row per incident, the columns of :meth:`Incident.to_dict`
  (``event_date`` as ISO text); the geometry is the corridor's line or the region's
  polygon where the incident has one, else its point.
* ``places``: the distinct gazetteer places of the incidents (by ``place_id``), with
  their attributes and their point, line or polygon; ids the gazetteer lacks are left out.
* ``borders``: the distinct lines and polygons (corridors, borders, regions) that
  incidents refer to, with ``place_id``, ``name`` and ``kind``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import InputError
from ..incidents import Incident
from ._records import CheckedTable, RowError, check_table

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = ["LAYERS", "incidents_frame", "read_geodataframe", "read_gpkg", "write_gpkg"]

#: The layers of a written GeoPackage, in order.
LAYERS = ("incidents", "places", "borders")


def incidents_frame(incidents: Sequence[Incident]) -> geopandas.GeoDataFrame:
    """:func:`geomap.to_geodataframe` with ``event_date`` as ISO text (portable across drivers).

    Examples
    --------
    >>> incidents_frame([]).crs.to_epsg()
    4326
    """
    from ..incidents import to_geodataframe

    gdf = to_geodataframe(incidents)
    gdf["event_date"] = gdf["event_date"].map(lambda d: d.isoformat() if d is not None and d == d else None)
    return gdf


def _places(incidents: Sequence[Incident], gazetteer: Any) -> geopandas.GeoDataFrame:
    import geopandas
    from gazetteer import PlaceNotFound

    rows, geoms, seen = [], [], set()
    for inc in incidents:
        if not inc.place_id or inc.place_id in seen:
            continue
        seen.add(inc.place_id)
        if gazetteer is None:
            from gazetteer import Gazetteer

            gazetteer = Gazetteer()
        try:
            place = gazetteer.get(inc.place_id)
        except PlaceNotFound:
            continue  # an id from another gazetteer build: the incident layer still carries it
        rows.append(place.to_dict())
        geoms.append(place.geometry)
    columns = ["place_id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "population",
               "feature_code", "geometry_type", "source"]
    return geopandas.GeoDataFrame(rows, columns=columns, geometry=geopandas.GeoSeries(geoms, crs="EPSG:4326"),
                                  crs="EPSG:4326")


def _borders(incidents: Sequence[Incident], gazetteer: Any) -> geopandas.GeoDataFrame:
    import geopandas
    import shapely
    from gazetteer import PlaceNotFound

    rows, geoms, seen = [], [], set()
    for inc in incidents:
        if inc.geometry_wkb is None:
            continue
        key = inc.place_id or inc.geometry_wkb
        if key in seen:
            continue
        seen.add(key)
        kind = ""
        if inc.place_id and gazetteer is not None:
            try:
                kind = gazetteer.get(inc.place_id).kind.value
            except PlaceNotFound:  # an id from another gazetteer build: the kind stays empty
                kind = ""
        rows.append({"place_id": inc.place_id, "name": inc.location, "kind": kind})
        geoms.append(shapely.from_wkb(inc.geometry_wkb))
    return geopandas.GeoDataFrame(rows, columns=["place_id", "name", "kind"],
                                  geometry=geopandas.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")


def write_gpkg(incidents: Sequence[Incident], path: str | Path, *, gazetteer: Any = None) -> Path:
    """Write a GeoPackage with the layers :data:`LAYERS`, atomically.

    Parameters
    ----------
    incidents : sequence of Incident
    path : str or Path
    gazetteer : gazetteer.Gazetteer, optional
        Where the ``places`` layer comes from; the shipped one by default.

    Examples
    --------
    >>> import datetime, pathlib, tempfile, pyogrio
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.64, longitude=46.55, place_id="geonames:147625")
    >>> p = write_gpkg([i], pathlib.Path(tempfile.mkdtemp()) / "a.gpkg")
    >>> [name for name, _ in pyogrio.list_layers(p)]
    ['incidents', 'places', 'borders']
    """
    import pyogrio

    from ._outputs import atomic_path

    incidents = list(incidents)
    for inc in incidents:
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
    if gazetteer is None and any(i.place_id for i in incidents):
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    frames = {"incidents": incidents_frame(incidents), "places": _places(incidents, gazetteer),
              "borders": _borders(incidents, gazetteer)}
    with atomic_path(path) as tmp:
        for layer in LAYERS:
            gdf = frames[layer]
            pyogrio.write_dataframe(gdf, tmp, layer=layer, driver="GPKG", geometry_type="Unknown",
                                    promote_to_multi=False)
    return Path(path)


def read_geodataframe(gdf: Any, *, source: str, gazetteer: Any = None, check_swapped: bool = True) -> CheckedTable:
    """Incidents from a GeoDataFrame with our columns (a layer or table we wrote, or a similar one).

    Points give ``latitude``/``longitude`` where those columns are empty; lines and
    polygons become ``geometry_wkb``; invalid shapes are repaired with ``make_valid``
    and reported.

    Examples
    --------
    >>> import geopandas, shapely
    >>> gdf = geopandas.GeoDataFrame({"event_id": ["a"]}, geometry=[shapely.Point(46.5, 39.6)], crs=4326)
    >>> read_geodataframe(gdf, source="t").to_incidents()[0].latitude
    39.6
    """
    import numpy as np
    import pandas as pd
    import shapely

    errors: list[RowError] = []
    n = len(gdf)
    rows = np.arange(1, n + 1)
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    name = getattr(gdf, "_geometry_column_name", None)
    has_geometry = name is not None and name in gdf.columns
    geoms = list(gdf.geometry.values) if has_geometry else [None] * n
    frame = pd.DataFrame(gdf.drop(columns=[name]) if has_geometry else gdf)
    frame = frame.astype({c: object for c in ("latitude", "longitude") if c in frame.columns})
    wkbs: list[bytes | None] = [None] * n
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            continue
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            geom = shapely.make_valid(geom)
            errors.append(RowError(i + 1, "geometry", reason, f"invalid geometry ({reason}); repaired with make_valid"))
        if geom.geom_type == "Point":
            for col, value in (("latitude", geom.y), ("longitude", geom.x)):
                if col not in frame.columns:
                    frame[col] = None
                cur = frame.iat[i, frame.columns.get_loc(col)]
                if cur is None or cur != cur or (isinstance(cur, str) and not cur.strip()):
                    frame.iat[i, frame.columns.get_loc(col)] = value
        else:
            wkbs[i] = shapely.to_wkb(geom)
    return check_table(frame.reset_index(drop=True), rows=rows, geometries=wkbs, id_prefix=source,
                          gazetteer=gazetteer, check_swapped=check_swapped).add_errors(errors)


def read_gpkg(path: str | Path, *, layer: str | None = None, gazetteer: Any = None,
              check_swapped: bool = True) -> CheckedTable:
    """Read the incidents of a GeoPackage: its ``incidents`` layer, or the only or named layer.

    Raises
    ------
    InputError
        For a file GDAL cannot open, or one with several layers and none named ``incidents``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.gpkg"
    >>> _ = p.write_bytes(b"not a database")
    >>> read_gpkg(p)
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: ...bad.gpkg: not a GeoPackage GDAL can open: ...
    """
    import pyogrio

    p = Path(path)
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(p)]
    except (pyogrio.errors.DataSourceError, OSError) as exc:
        raise InputError(f"{p}: not a GeoPackage GDAL can open: {exc}") from exc
    if layer is None:
        layer = "incidents" if "incidents" in layers else layers[0] if len(layers) == 1 else None
        if layer is None:
            raise InputError(f"{p}: no 'incidents' layer; layers: {', '.join(layers)}")
    gdf = pyogrio.read_dataframe(p, layer=layer)
    return read_geodataframe(gdf, source=p.stem, gazetteer=gazetteer, check_swapped=check_swapped)
