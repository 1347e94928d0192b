"""Which of a name's namesakes stands out on its own: world cities, renowned towns, teams' cities, salient areas.

These cues let a reading win or keep its place against namesakes that the story's
country or admin area alone would favour. :func:`geomap.geoparse._resolve.resolve_mentions`
adds them to the context score of each candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gazetteer import Kind, MatchType
from gazetteer._ranking import SEAT_FIRST_REASON

from ._support import AREA_KINDS as _AREA_KINDS
from ._support import PROMINENT_POPULATION

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Candidate, Place

_BIG_KINDS = frozenset({Kind.COUNTRY, Kind.CONTINENT, Kind.REGION})

# A city of millions keeps its name against namesakes this many times smaller (see _world_city).
WORLD_CITY_POPULATION = 2_000_000
WORLD_CITY_RATIO = 50
WORLD_CITY_REASON = "a city of millions before a small namesake the story's country alone favours"
# ... and so does a town named in many languages, against a namesake of under 100k named in few (see _renowned).
RENOWNED_NAMES = 30
RENOWNED_RATIO = 3
RENOWNED_AGAINST_POPULATION = 100_000
RENOWNED_REASON = "named in many languages, before a small namesake the story's country alone favours"
# What other cues a namesake needs to keep its win: its state named (+0.15), a container, or a
# neighbour within about 65 km (Geneva, Illinois beside Chicago); one 90 km off is no reason.
_NO_OTHER_CUE = 0.08
# In a game report, the largest namesake of a bare town's name, a city this big, stands for its team.
TEAM_CITY_POPULATION = 200_000
# A well-known area named like small towns: how close behind the best it may rank (its lead is a ranker feature).
SALIENT_MARGIN = 0.1


def prominent_reading(c: Candidate) -> bool:
    """Whether a name's first reading is a country or a city of 100,000 or more."""
    p = c.place
    return p.kind is Kind.COUNTRY or p.kind is Kind.POPULATED_PLACE and p.population >= PROMINENT_POPULATION


def world_city(best: tuple[float, Candidate, list[Any], float],
               scored: Sequence[tuple[float, Candidate, list[Any], float]]) -> tuple[float, Candidate, list[Any], float]:
    """A city of millions, or a renowned town, before a small namesake that only the story's country favours.

    "Rome" in a story that names the United States is still Italy's capital, and
    "London-based" is London, England: the document's country chooses among
    namesakes of like size, not between Rome and Rome, Georgia. A namesake with a
    cue of its own (a container, its state named, closeness to the story's other
    places) keeps its win.
    """
    won_by, b, _, by_country = best
    if b.place.kind is not Kind.POPULATED_PLACE or by_country <= 0:
        return best
    for score, c, why, own in scored:
        q = c.place
        if q.kind is not Kind.POPULATED_PLACE or score - own < won_by - by_country or c.match is not b.match:
            continue
        if q.population >= WORLD_CITY_POPULATION and q.population >= WORLD_CITY_RATIO * max(b.place.population, 1):
            return (score, c, [*why, WORLD_CITY_REASON], own)
        # ... but only against a namesake nothing else speaks for ("Geneva" beside Chicago is Illinois').
        if renowned(q, b.place) and won_by - b.score - by_country < _NO_OTHER_CUE:
            return (score, c, [*why, RENOWNED_REASON], own)
    return best


def renowned(q: Place, b: Place) -> bool:
    """Whether a town the world names in many languages outranks a smaller namesake of the story's country.

    Venice, Italy has 49 names in the gazetteer, Venice, California 11; Colchester,
    England 36, its namesake in Vermont 6. A namesake that is a city in its own right
    (London, Ontario) keeps the story's country.
    """
    return (b.population < RENOWNED_AGAINST_POPULATION and q.name_count >= RENOWNED_NAMES
            and q.name_count >= RENOWNED_RATIO * max(b.name_count, 1))


def team_city(cands: Sequence[Candidate]) -> Candidate | None:
    """The largest town a name reads as whole, if it is a city big enough to have a team (see :mod:`geomap.geoparse._sports`)."""
    # Read by its own name: not "Oklahoma" for Oklahoma City, nor a part of a longer name.
    towns = [c for c in cands if c.place.kind is Kind.POPULATED_PLACE and c.match is MatchType.EXACT]
    if not towns:
        return None
    big = max(towns, key=lambda c: c.place.population)
    return big if big.place.population >= TEAM_CITY_POPULATION else None


def wide(p: Place) -> bool:
    """A country, a continent or a region across countries: no country cue speaks for or against it.

    A region within one country ("Midlands", GB; "Donbas", UA) is weighed like that
    country's admin areas: the document naming its country counts for it.
    """
    return p.kind in (Kind.COUNTRY, Kind.CONTINENT) or (p.kind is Kind.REGION and not p.country)


def salient(cands: list[Candidate]) -> Candidate | None:
    """The best-known reading of a name (a state, a country, a sea, a city), if it ranks about as high as the best.

    Among readings within ``SALIENT_MARGIN`` of the best, the one of highest
    standing, then population (Montana the state before Montana the Bulgarian
    province), then score.
    """
    top = cands[0].score
    # An area ranked below its own seat ("Zangilan" the district, below the town) is not a
    # well-known area hiding behind small namesakes: the town stands for it.
    near_top = [c for c in cands if c.score >= top - SALIENT_MARGIN and standing(c.place) == 2
                and c.place.kind is not Kind.POPULATED_PLACE and SEAT_FIRST_REASON not in c.reasons]
    if not near_top:
        return None
    return max(near_top, key=lambda c: (c.place.kind in _AREA_KINDS, c.place.population, c.score))


def standing(p: Place) -> int:
    """How well known a place is, coarsely: areas, cities and landmarks (2) above towns (1) above villages (0)."""
    if p.kind in _AREA_KINDS or p.kind is Kind.LANDMARK or (p.kind is Kind.PHYSICAL_FEATURE and p.area_km2 >= 10_000):
        return 2
    if p.kind is Kind.ADMIN2:
        return 1  # its population sums its towns': "Atlantic" is not Atlantic County for its size
    return 2 if p.population >= PROMINENT_POPULATION else 1 if p.population >= 20_000 else 0


def centre(cands: list[Candidate]) -> tuple[float, float] | None:
    """The median point of a document's local places (towns and admin areas)."""
    pts = [(c.place.latitude, c.place.longitude) for c in cands if c.place.kind not in _BIG_KINDS]
    if len(pts) < 3:
        return None  # with fewer, the "centre" is one of the places being decided
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    return lats[len(lats) // 2], lons[len(lons) // 2]
