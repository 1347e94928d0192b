"""Whether one place lies inside another, and how a text writes a container after a name.

Used by the resolver for "Moscow, Idaho" and "the Zangilan region of Karabakh",
and by the list reader to tell "Richmond, Virginia" from an enumeration.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gazetteer import Kind
from gazetteer._ranking import haversine_km

if TYPE_CHECKING:
    from gazetteer import Candidate, Place

__all__ = ["CONTAINER_GAP", "holds", "inside", "reach_km", "written_as_container"]

# "X, Y", "the X region of Y" and "the X and Y provinces of Z": how a container may follow a name.
CONTAINER_GAP = re.compile(
    r"^(?:,\s*|\s+(?:(?:region|district|province|oblast|governorate|state)s?|count(?:y|ies)|city|town|village)\s+of\s+(?:the\s+)?"
    r"|\s+in\s+)$", re.IGNORECASE)
# A container is written right after its name: no farther than this.
_CONTAINER_REACH = 40


def written_as_container(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]``, between a name and the next, writes the next as its container.

    Examples
    --------
    >>> text = "Moscow, Idaho and the Zangilan region of Karabakh"
    >>> written_as_container(text, 6, 8), written_as_container(text, 30, 41), written_as_container(text, 13, 18)
    (True, True, False)
    """
    return start - end <= _CONTAINER_REACH and CONTAINER_GAP.match(text[end:start]) is not None


def reach_km(p: Place) -> float:
    """About how far an area reaches from its point: the radius of a disc of its area (0 for a town).

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> round(reach_km(Gazetteer().lookup("Texas", kinds="admin1")[0].place), -1) > 400
    True
    """
    return math.sqrt(p.area_km2 / math.pi) if p.area_km2 > 0 else 0.0


# Regions have no codes: a place this close to a region's point counts as inside it.
_REGION_REACH_KM = 150.0


def inside(p: Place, box: Place) -> bool:
    """Whether place ``p`` lies in ``box`` (a country, admin area or region), by codes where they exist.

    A town holds no other place: Fort Worth does not hold Dallas, however near. A county
    made of several GeoNames areas holds the towns of each (its code lists theirs). A box
    without codes (a region, corridor, landmark or physical feature) holds what lies
    within 150 km of its point.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> gaz = Gazetteer()
    >>> moscow_id = gaz.lookup("Moscow", country="US", kinds="populated_place")[0].place
    >>> idaho = gaz.lookup("Idaho", kinds="admin1")[0].place
    >>> inside(moscow_id, idaho), inside(idaho, moscow_id)
    (True, False)
    """
    if p.place_id == box.place_id or box.kind is Kind.POPULATED_PLACE:
        return False
    if box.kind is Kind.COUNTRY:
        return p.country == box.country
    if box.kind is Kind.ADMIN1:
        return p.admin1_code == box.admin1_code and p.kind is not Kind.ADMIN1
    if box.kind is Kind.ADMIN2:
        # A county GeoNames splits ("West Yorkshire") lists its member areas' codes, joined by "|".
        return p.kind is Kind.POPULATED_PLACE and bool(p.admin2_code) and p.admin2_code in box.admin2_code.split("|")
    return haversine_km(p.latitude, p.longitude, box.latitude, box.longitude) <= _REGION_REACH_KM


def holds(cands: Sequence[Sequence[Candidate]], a: int, b: int) -> bool:
    """Whether a reading of mention ``b`` holds the best reading of mention ``a`` ("Richmond, Virginia")."""
    top = cands[a][0].place
    return any(inside(top, c.place) for c in cands[b])
