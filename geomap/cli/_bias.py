"""``--near`` and ``--country``: the locality bias that ``places``, ``incidents`` and ``map`` share."""

from __future__ import annotations

import re
from typing import Annotated, Any, Optional

import typer

NearOption = Annotated[Optional[str], typer.Option(
    "--near", help="The stories' home: a place (\"Nashville, Tennessee\") or LAT,LON[,KM]; "
                   "namesakes there are preferred, unless the text says otherwise.")]
CountryOption = Annotated[Optional[list[str]], typer.Option(
    "--country", help="ISO-2 code of a country the stories are likely in (repeatable).")]

# "36.16,-86.78" or "36.16, -86.78, 50": a point with an optional radius; anything else is a place name.
_POINT = re.compile(r"^\s*([-+]?\d+(?:\.\d*)?)\s*,\s*([-+]?\d+(?:\.\d*)?)\s*(?:,\s*(\d+(?:\.\d*)?)\s*)?$")


def bias(near: str | None, countries: list[str] | None) -> dict[str, Any]:
    """The ``near`` and ``countries`` keywords for the library, checked once (``NearError`` if bad).

    Examples
    --------
    >>> bias("36.16,-86.78,50", ["us"])
    {'near': (36.16, -86.78, 50.0), 'countries': ['us']}
    >>> bias(None, None)
    {}
    """
    from ..geoparse import geoparse

    out: dict[str, Any] = {}
    if near is not None:
        point = _POINT.match(near)
        out["near"] = tuple(float(v) for v in point.groups() if v is not None) if point else near
    if countries:
        out["countries"] = countries
    if out:
        geoparse("", **out)  # checks the bias: a bad one fails before any file is read
    return out
