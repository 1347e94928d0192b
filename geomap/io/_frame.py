"""Checked columns → a GeoDataFrame, without making an :class:`Incident` per row (the fast import path)."""

from __future__ import annotations

from typing import Any

__all__ = ["frame_from_columns"]

_TYPES = {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
          6: "MultiPolygon", 7: "GeometryCollection"}


def frame_from_columns(cols: dict[str, Any], keep: Any, defaults: dict[str, Any]) -> Any:
    """A GeoDataFrame (EPSG:4326) with the columns of :func:`geomap.frame.to_geodataframe`.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from geomap.io._records import check_table
    >>> t = check_table(pd.DataFrame({"event_id": ["a"], "latitude": [39.6], "longitude": [46.5]}),
    ...                 check_swapped=False)
    >>> gdf = t.to_frame()
    >>> gdf.loc[0, "event_id"], gdf.geometry.iloc[0].wkt, gdf.crs.to_epsg()
    ('a', 'POINT (46.5 39.6)', 4326)
    """
    import geopandas
    import numpy as np
    import pandas as pd
    import shapely

    from ._records import FIELDS

    m = int(keep.sum())
    every = m == len(keep)

    shared: dict[Any, Any] = {}

    def take(name: str) -> Any:
        col = cols.get(name)
        if col is None:  # one column per default value, shared (pandas copies on write)
            value = defaults[name]
            key = (type(value), value)
            if key not in shared:
                shared[key] = pd.Series(np.full(m, value, dtype=object if value is None else None))
            return shared[key]
        if isinstance(col, np.ndarray):
            return col if every else col[keep]
        return col if every else col[keep].reset_index(drop=True)

    data: dict[str, Any] = {name: take(name) for name in FIELDS if name != "geometry_wkb"}
    nan = np.full(len(keep), np.nan)
    for name in ("latitude", "longitude"):  # floats with NaN for missing, as to_geodataframe has them
        data[name] = cols.get("_" + name, nan) if every else cols.get("_" + name, nan)[keep]
    dates = np.asarray(data["event_date"], dtype=object)
    codes, uniques = pd.factorize(pd.Series(dates, dtype=object))
    years = np.array([d.year for d in uniques] + [None], dtype=object)[codes]
    data["year"] = years
    nan = np.full(len(keep), np.nan)
    lat = cols.get("_latitude", nan)
    lon = cols.get("_longitude", nan)
    lat, lon = (lat, lon) if every else (lat[keep], lon[keep])
    has_point = np.isfinite(lat) & np.isfinite(lon)
    geoms = shapely.points(np.where(has_point, lon, 0.0), np.where(has_point, lat, 0.0))
    geoms[~has_point] = None
    types = np.full(len(has_point), None, dtype=object)
    types[has_point] = "Point"
    wkb = take("geometry_wkb") if "geometry_wkb" in cols else None
    if wkb is not None:
        wkb = np.asarray(wkb, dtype=object)
        shaped = np.array([w is not None for w in wkb], dtype=bool)
        if shaped.any():
            shapes = shapely.from_wkb(wkb[shaped])
            geoms[shaped] = shapes
            types[shaped] = [_TYPES[t] for t in shapely.get_type_id(shapes)]
    data["geometry_type"] = types
    frame = pd.DataFrame(data)
    return geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")
