"""GeoParquet (geopandas' writer: WKB geometry, GeoParquet metadata, EPSG:4326).

The table has the columns of :meth:`Incident.to_dict` with ``event_date`` as ISO text,
like the GeoPackage ``incidents`` layer.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError
from ..incidents import Incident
from ._records import CheckedTable

__all__ = ["read_parquet", "write_parquet"]


def write_parquet(incidents: Sequence[Incident], path: str | Path) -> Path:
    """Write incidents as GeoParquet, atomically.

    Examples
    --------
    >>> import datetime, pathlib, tempfile, geopandas
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.1, longitude=46.5)
    >>> p = write_parquet([i], pathlib.Path(tempfile.mkdtemp()) / "a.parquet")
    >>> geopandas.read_parquet(p).geometry.iloc[0].wkt
    'POINT (46.5 39.1)'
    """
    from ._outputs import atomic_write
    from ._gpkg import incidents_frame

    buf = io.BytesIO()
    incidents_frame(list(incidents)).to_parquet(buf, index=False)
    return atomic_write(path, buf.getvalue())


def read_parquet(path: str | Path, *, gazetteer: Any = None, check_swapped: bool = True) -> CheckedTable:
    """Read incidents from GeoParquet (ours, or a table with our column names).

    Raises
    ------
    InputError
        For a file that is not (Geo)Parquet.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.parquet"
    >>> _ = p.write_bytes(b"PAR1 no")
    >>> read_parquet(p)
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: ...bad.parquet: not a GeoParquet file: ...
    """
    import geopandas
    import pyarrow

    from ._gpkg import read_geodataframe

    p = Path(path)
    try:
        gdf = geopandas.read_parquet(p)
    except (pyarrow.ArrowException, ValueError, OSError) as exc:
        raise InputError(f"{p}: not a GeoParquet file: {exc}") from exc
    return read_geodataframe(gdf, source=p.stem, gazetteer=gazetteer, check_swapped=check_swapped)
