"""Checked columns → a GeoDataFrame, without making an :class:`Incident` per row (the fast import path)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["frame_from_columns"]

_TYPES = {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
          6: "MultiPolygon", 7: "GeometryCollection"}


def frame_from_columns(cols: dict[str, Any], keep: np.ndarray, defaults: dict[str, Any]) -> Any:
    """A GeoDataFrame (EPSG:4326) with the columns of :func:`geomap.to_geodataframe`.

    The frame takes the kept rows' arrays as they are, without copying them again.

    Parameters
    ----------
    cols : dict
        The checked columns of :func:`~geomap.io._records.check_table`, one entry per row each.
    keep : numpy.ndarray of bool
        The rows to keep.
    defaults : dict
        Field → the value of a row whose table has no such column.

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

    from ._columns import gc_paused
    from ._records import FIELDS

    rows = _Rows(cols, keep, defaults)
    data: dict[str, Any] = {}
    for name in FIELDS:
        if name in ("latitude", "longitude"):  # floats with NaN for missing, as to_geodataframe has them
            data[name] = rows.floats("_" + name)
        elif name != "geometry_wkb":
            data[name] = rows.take(name)
    data["year"] = rows.take("_year") if "_year" in cols else _years(data["event_date"])
    with gc_paused():  # 100,000 new geometries would start full collections for nothing
        geoms, data["geometry_type"] = _geometries(data["latitude"], data["longitude"],
                                                   rows.take("geometry_wkb") if "geometry_wkb" in cols else None)
    data["geometry"] = geopandas.array.from_shapely(geoms, crs="EPSG:4326")
    return geopandas.GeoDataFrame(data, geometry="geometry", crs="EPSG:4326", copy=False)


class _Rows:
    """The kept rows of the checked columns."""

    def __init__(self, cols: dict[str, Any], keep: np.ndarray, defaults: dict[str, Any]) -> None:
        self.cols = cols
        self.keep = keep
        self.defaults = defaults
        self.m = int(keep.sum())
        self.every = self.m == len(keep)

    def take(self, name: str) -> Any:
        """The column's kept rows; the field's default value in every row for an absent column."""
        import numpy as np
        import pandas as pd

        from ._columns import text_series

        col = self.cols.get(name)
        if col is None:
            value = self.defaults[name]
            if isinstance(value, str):  # text without a Python string per row
                return text_series([value], np.zeros(self.m, dtype=np.int64))
            return pd.Series(np.full(self.m, value, dtype=object if value is None else None))
        if isinstance(col, np.ndarray):
            return col if self.every else col[self.keep]
        return col if self.every else col[self.keep].reset_index(drop=True)

    def floats(self, name: str) -> np.ndarray:
        """A float column's kept rows, all NaN for an absent column."""
        import numpy as np

        col = self.cols.get(name)
        if col is None:
            return np.full(self.m, np.nan)
        return col if self.every else col[self.keep]


def _years(dates: Any) -> np.ndarray:
    """The year of each date (an int, or ``None`` for no date), worked out once per distinct date."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(np.asarray(dates, dtype=object), dtype=object))
    return np.array([d.year for d in uniques] + [None], dtype=object)[codes]


def _geometries(lat: np.ndarray, lon: np.ndarray, wkb: Any) -> tuple[np.ndarray, Any]:
    """Each row's shape (its line or polygon, else its point, else ``None``) and the name of its type.

    The names are text (missing where there is no shape), or all ``None`` when no row has a shape.
    """
    import numpy as np
    import shapely

    from ._columns import text_series

    has_point = np.isfinite(lat) & np.isfinite(lon)
    geoms = shapely.points(np.where(has_point, lon, 0.0), np.where(has_point, lat, 0.0))
    geoms[~has_point] = None
    names = ["Point", None, *_TYPES.values()]
    codes = np.where(has_point, 0, 1)
    if wkb is not None:
        wkb = np.asarray(wkb, dtype=object)
        shaped = np.array([w is not None for w in wkb], dtype=bool)
        if shaped.any():
            shapes = shapely.from_wkb(wkb[shaped])
            geoms[shaped] = shapes
            codes[shaped] = 2 + shapely.get_type_id(shapes)
    if (codes == 1).all():  # as pandas has a column of nothing but None: objects
        return geoms, np.full(len(codes), None, dtype=object)
    return geoms, text_series(names, codes)
