"""Incidents as a GeoDataFrame (EPSG:4326), and back.

geopandas is imported here, inside the functions, so that modules which only
geocode or geoparse never pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from ._model import Incident

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = ["to_geodataframe"]


def to_geodataframe(incidents: Iterable[Incident]) -> geopandas.GeoDataFrame:
    """A GeoDataFrame with one row per incident, in WGS84 (EPSG:4326).

    Columns are the incident's fields (ACLED names, see :meth:`Incident.to_dict`);
    the geometry is the corridor's line or the region's polygon where the
    incident has one, else its point, else empty (no coordinates known).

    Parameters
    ----------
    incidents : iterable of Incident

    Returns
    -------
    geopandas.GeoDataFrame

    Examples
    --------
    >>> import datetime
    >>> from geomap.incidents._model import Incident
    >>> i = Incident("d:0", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              location="Zangilan", latitude=39.08, longitude=46.66)
    >>> gdf = to_geodataframe([i])
    >>> gdf.crs.to_epsg(), gdf.geometry.iloc[0].geom_type, gdf.loc[0, "location"]
    (4326, 'Point', 'Zangilan')
    """
    import geopandas
    import pandas as pd

    rows: list[dict[str, Any]] = []
    geoms: list[Any] = []
    for inc in incidents:
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
        rows.append(inc.to_dict())
        geoms.append(inc.shape())
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else _columns())
    if "event_date" in frame:
        frame["event_date"] = pd.to_datetime(frame["event_date"], errors="coerce").dt.date
    return geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")


def _columns() -> list[str]:
    import datetime

    sample = Incident("x", datetime.date(2000, 1, 1), 1, "Political violence", "Battles", "Armed clash")
    return list(sample.to_dict())
