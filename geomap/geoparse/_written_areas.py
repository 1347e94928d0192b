"""A name read outside the area the text writes right after it, placed in that area instead.

"Rockingham, Northamptonshire" names a village the embedded gazetteer lacks; the
resolver, which only favours readings inside a written container, read the
Rockinghams it has (Western Australia, North Carolina). "A man was shot on
Broadway in Oakland" is not on Manhattan's Broadway. This pass looks again
inside the written county, state or town and otherwise answers with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from gazetteer import Kind
from gazetteer._ranking import haversine_km

from ._containment import inside, reach_km, written_as_container
from ._support import PROMINENT_POPULATION, WEAK_MATCHES
from ._resolve import W_CONTAINER
from ._resolved import ResolvedMention

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place

__all__ = ["place_in_written_areas"]

_COUNTY_OR_STATE = (Kind.ADMIN1, Kind.ADMIN2)
# A town this near a written county's point is taken to be in it: "Romford, Essex" and "Croydon,
# Surrey" are postal counties, not GeoNames' (Greater London). A state's code is no such quirk.
_COUNTY_SLACK_KM = 100.0
# "Refugees from Aleppo in Ontario": where a person comes from, not where the place is.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_LINE_KM = 50.0
# How many readings of a name are searched again inside the written area.
_RELOOK_LIMIT = 200


def place_in_written_areas(text: str, resolved: Sequence[ResolvedMention],
                           gazetteer: Gazetteer) -> list[ResolvedMention]:
    """``resolved`` (in text order), with each name read outside the area written after it placed inside it.

    The area written after a town is a county or state ("X, Y", "X in Y"); after a
    landmark, also a town. A reading outside a state, more than ``_COUNTY_SLACK_KM``
    from a county or in another country is looked up again among the gazetteer's
    places inside the area ("Washington County, Oregon" ranks its Oregon reading
    29th; "Perth, Tasmania"), else answered with the area, unless it is a town
    just over a state's line ("Lloydminster, Saskatchewan"; see
    :func:`_over_the_line`). In "X in Y", a city of 100,000 or more stays, as
    does a place after "from" ("refugees from Aleppo in Ontario"). Another
    country's area must be one the document's other places are in ("Wilberforce
    in North-Western Sydney" has no Zambian province), and a list is no container.

    Examples
    --------
    >>> from geomap import geoparse
    >>> text = "23 June: Croft, Yorkshire. 11 August: Rockingham, Northamptonshire."
    >>> [(r.surface, r.place.name) for r in geoparse(text) if r.surface == "Rockingham"]
    [('Rockingham', 'Northamptonshire')]
    """
    out = list(resolved)
    for i, (r, held) in enumerate(pairwise(resolved)):
        if not (r.kind == "name" and held.match not in WEAK_MATCHES and written_as_container(text, r.end, held.start)):
            continue
        if _listed(text, resolved, i) or not _outside(r, held, resolved):
            continue
        if text[r.end:held.start].strip().lower() == "in" and (
                _FROM_BEFORE.search(text, max(0, r.start - 10), r.start)
                or r.place.kind is Kind.POPULATED_PLACE and r.place.population >= PROMINENT_POPULATION):
            continue  # "refugees from Aleppo in Ontario": where people are, not where the city is
        found = _relooked(r, held, gazetteer)
        if found is not None:
            out[i] = found
        elif not _over_the_line(r.place, held.place):
            out[i] = _answered_by(r, held)
    return out


def _over_the_line(p: Place, box: Place) -> bool:
    """Whether a town outside the state written after it lies just over the state's line.

    "Lloydminster, Saskatchewan" (which GeoNames puts in Alberta) and "Lake Tahoe,
    Calif." (Stateline, Nevada) keep their reading; Orlando, Florida is no
    reading of "Orlando, Oklahoma". Near means within half again the state's
    reach from its point, plus ``_LINE_KM``.
    """
    if box.kind is not Kind.ADMIN1 or p.country != box.country:
        return False
    return haversine_km(p.latitude, p.longitude, box.latitude, box.longitude) <= 1.5 * reach_km(box) + _LINE_KM


def _listed(text: str, resolved: Sequence[ResolvedMention], i: int) -> bool:
    """Whether the pair at ``i`` stands in a list ("Kent, Sussex, Surrey and Essex").

    A comma joins it to the name before or to a third name after it. "Washington
    County, Oregon and Portland" is a county and its state, then another place;
    "Croft, Yorkshire and Rockingham, Northamptonshire" two towns with their counties.
    """
    before = text[resolved[i - 1].end:resolved[i].start].strip() if i else None
    if before == ",":
        return True
    if i + 2 >= len(resolved) or text[resolved[i + 1].end:resolved[i + 2].start].strip() != ",":
        return False
    # "Rockingham, Northamptonshire, England": the third name holds the second.
    return not inside(resolved[i + 1].place, resolved[i + 2].place)


def _outside(r: ResolvedMention, held: ResolvedMention, resolved: Sequence[ResolvedMention]) -> bool:
    p, box = r.place, held.place
    if p.kind is Kind.LANDMARK:
        fits = box.kind in _COUNTY_OR_STATE or box.kind is Kind.POPULATED_PLACE
    else:
        # A wider kind only: "Allamakee County, Dallas County" is a list of counties.
        fits = box.kind in _COUNTY_OR_STATE and (p.kind is Kind.POPULATED_PLACE
                                                 or p.kind is Kind.ADMIN2 and box.kind is Kind.ADMIN1)
    if not fits or inside(p, box):
        return False
    if p.country == box.country:
        # Outside a state by its code; a county's or a town's point far off ("Times Square in New York" stays).
        return box.kind is Kind.ADMIN1 or haversine_km(p.latitude, p.longitude, box.latitude,
                                                        box.longitude) > _COUNTY_SLACK_KM
    # Another country's area must be one the document's other places are in.
    return any(x is not held and x is not r and x.place.country == box.country for x in resolved)


def _relooked(r: ResolvedMention, held: ResolvedMention, gazetteer: Gazetteer) -> ResolvedMention | None:
    """The best reading of the name inside the written area, if the gazetteer has one."""
    box = held.place
    if box.kind is Kind.POPULATED_PLACE:
        return None
    found = next((c for c in gazetteer.lookup(r.surface, country=box.country, limit=_RELOOK_LIMIT, fuzzy=False)
                  if c.place.kind in (Kind.POPULATED_PLACE, Kind.ADMIN2) and c.match not in WEAK_MATCHES
                  and inside(c.place, box)), None)
    if found is None:
        return None
    return ResolvedMention(r.surface, r.start, r.end, found.place, round(found.score + W_CONTAINER, 4),
                           (*found.reasons, f"in {box.name} (written next to it) +{W_CONTAINER:.2f}"),
                           r.kind, found.match, W_CONTAINER)


def _answered_by(r: ResolvedMention, held: ResolvedMention) -> ResolvedMention:
    name = held.place.name
    why = f"{r.reasons[0]}, but not in {name}, written after it: placed in {name}"
    return ResolvedMention(r.surface, r.start, r.end, held.place, 0.0, (why,), r.kind)
