"""The values readers return: :class:`RowError`, :class:`ReadResult` and :class:`FrameResult`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..incidents import Incident

__all__ = ["FrameResult", "ReadResult", "RowError"]


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem with one cell (or one whole row) of an input table.

    Not an exception: readers collect these and go on with the other rows.

    Attributes
    ----------
    row : int
        1-based record number: in a CSV the header is record 1, so the first data row is 2;
        in GeoJSON and KML the feature's position; in GeoPackage and GeoParquet the table row.
    column : str
        The input's column (or property) name; ``""`` for the whole row.
    value : str
        The offending value as text (cut to 200 characters).
    reason : str
        What is wrong, and what was done about it.

    Examples
    --------
    >>> str(RowError(7, "latitude", "abc", "not a number; row dropped"))
    "row 7, latitude='abc': not a number; row dropped"
    """

    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {self.column}={self.value!r}" if self.column else "")
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """``{"row", "column", "value", "reason"}``, for reports."""
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader found: the good incidents and the problems with the other rows.

    Attributes
    ----------
    incidents : list of Incident
        In input order.
    errors : list of RowError
        Sorted by row.

    Examples
    --------
    >>> ReadResult([], []).errors
    []
    """

    incidents: list[Incident]
    errors: list[RowError]


@dataclass(frozen=True, slots=True)
class FrameResult:
    """What a reader found, as a table: the good rows as a GeoDataFrame, and the problems.

    Attributes
    ----------
    frame : geopandas.GeoDataFrame
        The columns of :func:`geomap.to_geodataframe`, in input order, EPSG:4326.
    errors : list of RowError
        Sorted by row.
    """

    frame: Any
    errors: list[RowError]
