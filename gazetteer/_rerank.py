"""Adjustments among the candidates of one query: which of two places that share a name comes first.

Each rule weighs one candidate against the others found for the same name ("Lachin" the
town before the district, Cancún before Changchun's alternate name, today's country
before a former one); :meth:`gazetteer.Gazetteer.lookup` applies them in turn.
"""

from __future__ import annotations

from . import _ranking
from .models import Candidate, Kind, MatchType, Place
from .store import Store

__all__ = [
    "FUZZY_ALIAS_REASON",
    "Scored",
    "drop_borrowed_near_spellings",
    "prefer_area_abbreviations",
    "prefer_areas_over_city_named_seats",
    "prefer_current_over_historical",
    "prefer_owners_of_the_name",
    "prefer_towns_over_their_areas",
]

#: A candidate being scored: score, place, how it matched, reasons.
Scored = tuple[float, Place, MatchType, list[str]]
_ADMIN = (Kind.ADMIN1, Kind.ADMIN2)
# "Pa.", "Calif.", "Ont.": the areas whose names the press shortens to a word and a dot.
_WORD_ABBREVIATED_KINDS = frozenset({Kind.ADMIN1, Kind.ADMIN2})
#: A town this big that owns a name is what the name means, before a larger place that has it only
#: as an alternate name in some language ("Cancun" is Cancún, not Changchun).
NOTABLE_OWNER_POPULATION = 100_000


def _main_town_of(town: Place, area: Place, seat_code: str) -> bool:
    """Whether a town is the area's seat or its main settlement (area populations sum their towns)."""
    return (town.feature_code in (seat_code, "PPLC") or town.population >= 1_000_000
            or (area.population > 0 and town.population >= 0.2 * area.population))


def prefer_area_abbreviations(scored: list[Scored]) -> None:
    """A word and a dot that abbreviates a state or province is not also a code.

    "Pa." and "Ind." are Pennsylvania and Indiana, never Panama (PA) or India and
    Indianapolis's airport (IND), which capitals write; "Mex." abbreviates no state,
    so it stays Mexico's.
    """
    def abbreviation(reasons: list[str]) -> bool:
        return bool(reasons) and reasons[0].startswith("abbreviation")

    if any(abbreviation(r) and p.kind in _WORD_ABBREVIATED_KINDS for _, p, _, r in scored):
        scored[:] = [row for row in scored if not abbreviation(row[3]) or row[1].kind in _WORD_ABBREVIATED_KINDS]


def prefer_owners_of_the_name(scored: list[Scored], key: str) -> None:
    """A smaller place that has a name only as an alternate ranks lower than the name's owner.

    "Manchester" is an old name of a part of Richmond, Virginia, "Pittsburgh" a
    misspelling recorded for Pittsburg, California; each word is first the own name
    of a larger town. A town of ``NOTABLE_OWNER_POPULATION`` or more that owns the
    name also ranks before a larger place that has it only as an alternate name which
    is no form of its own ("Cancun" is Cancún, not Changchun; but "St. Petersburg",
    a form of Saint Petersburg's name, is still Russia's city before Florida's).
    (Only towns are weighed here: an area's name is weighed by the kind priors.)
    """
    owners = [p.population for _, p, m, _ in scored if m is MatchType.EXACT and p.kind is Kind.POPULATED_PLACE]
    if not owners:
        return
    biggest = max(owners)
    notable = biggest >= NOTABLE_OWNER_POPULATION
    alias_reason = f"alias {_ranking.MATCH_BASE[MatchType.ALIAS]:.2f}"
    for i, (s, p, m, r) in enumerate(scored):
        if (m is MatchType.ALIAS and r and r[0] == alias_reason and p.kind is Kind.POPULATED_PLACE
                and (p.population < biggest or (notable and not _ranking.shares_a_word(key, p.name)))):
            scored[i] = (s - _ranking.OTHERS_NAME_PENALTY, p, m, r + [_ranking.OTHERS_NAME_REASON])


def prefer_areas_over_city_named_seats(scored: list[Scored], key: str,
                                        store: Store) -> None:
    """A province's seat that is called "<name> City" ranks below the province.

    English calls the capital of Quebec "Quebec City" because a bare "Quebec" is the
    province; so with Chihuahua, Oaxaca, Jeju or Oklahoma (whose seat is read by the
    short form of its name). A seat of a million people or more is
    what its bare name means whatever else it is called (Shanghai, Puebla); one under
    100,000 calls itself "City" as a town's style (Nelson City, Karak City); and a seat
    that is the area's name only as an alias (Yuma, once "Arizona") is not weighed.
    """
    low, high = _ranking.CITY_NAMED_SEAT_POPULATION
    areas = {p.admin1_code: (s, i) for i, (s, p, _, _) in enumerate(scored) if p.kind is Kind.ADMIN1}
    seats = [i for i, (_, p, m, r) in enumerate(scored)
             if (m is MatchType.EXACT or r[0].startswith(_ranking.SHORT_FORM_REASON))
             and p.kind is Kind.POPULATED_PLACE and p.feature_code == "PPLA"
             and p.admin1_code in areas and low <= p.population < high]
    if not seats:
        return
    city_named = {row[2] for row in store.places_by_key(f"{key} city")}  # (flag, id, place_id, ...)
    for i in seats:
        s, p, m, r = scored[i]
        if p.place_id in city_named:
            area_score, a = areas[p.admin1_code]
            _, ap, am, ar = scored[a]
            top = max(area_score, s)
            scored[a] = (top, ap, am, [x for x in ar if x != _ranking.SEAT_FIRST_REASON]
                         + [_ranking.CITY_NAMED_SEAT_REASON])
            scored[i] = (top - 0.01, p, m, r)


def prefer_towns_over_their_areas(scored: list[Scored]) -> None:
    """An admin area named like its seat (or a city of a million) ranks just below that town.

    "Lachin" is both a town and the district it is the seat of; a text that
    names it means the town as often as the district, and the town's point lies
    inside the district either way, so the town (the more precise answer) goes
    first. Likewise "New York" the city before the state, and Khankendi before
    the city municipality around it. A small town that merely carries the
    area's name (Yuma, alias "Arizona") does not demote the area.
    """
    for i, (s, p, m, r) in enumerate(scored):
        if p.kind not in _ADMIN:
            continue
        seat_code = "PPLA" if p.kind is Kind.ADMIN1 else "PPLA2"
        inside = [ts for ts, t, tm, _ in scored
                  if t.kind is Kind.POPULATED_PLACE and t.admin1_code and
                  (t.admin1_code == p.admin1_code if p.kind is Kind.ADMIN1
                   else t.admin2_code == p.admin2_code != "") and
                  _main_town_of(t, p, seat_code)]
        if inside:
            scored[i] = (min(s, max(inside) - 0.01), p, m, r + [_ranking.SEAT_FIRST_REASON])


def prefer_current_over_historical(scored: list[Scored]) -> None:
    """A former country or territory ranks after a place of today that owns its name, before one that borrows it.

    "Georgia" is today's country and state first; "Soviet Union", the own name of a
    historical entry, means that entry before Russia, which has the name only as an
    alternate (its main successor's).
    """
    historical = [i for i, row in enumerate(scored) if row[1].kind is Kind.HISTORICAL]
    if not historical:
        return
    current = [row for row in scored if row[1].kind is not Kind.HISTORICAL]
    owners = [s for s, _, m, _ in current if m is MatchType.EXACT]
    borrowers = [s for s, _, m, _ in current if m is MatchType.ALIAS]
    for i in historical:
        s, p, m, r = scored[i]
        if owners:
            if s >= max(owners):
                scored[i] = (max(owners) - 0.01, p, m, r + [HISTORICAL_AFTER_REASON])
        elif m is MatchType.EXACT and borrowers and s <= max(borrowers):
            scored[i] = (max(borrowers) + 0.01, p, m, r + [HISTORICAL_OWN_NAME_REASON])


#: Why a historical place ranks after a place of today that owns the name.
HISTORICAL_AFTER_REASON = "a former place: today's place of this name ranks first"
#: Why a historical place ranks before places of today that have its name only as an alternate.
HISTORICAL_OWN_NAME_REASON = "the own name of this former place, an alternate name of today's"


#: The reason a near spelling gives when it is near another name of the place, not its own.
FUZZY_ALIAS_REASON = "near an alternate name"


def drop_borrowed_near_spellings(hits: list[tuple[float, Candidate]]) -> list[Candidate]:
    """Near spellings ``(ratio, candidate)`` without towns that are near only through a borrowed name.

    A near spelling of a town's own name is that town's: "Cancunn" is near Cancún and,
    as near or less, near "Cancun" and "Cancuna", alternate names of Changchun, which
    is then no answer (a fuzzy match never crosses to a place whose own name differs
    by more than a typo).
    """
    own = max((r for r, c in hits if c.place.kind is Kind.POPULATED_PLACE and FUZZY_ALIAS_REASON not in c.reasons),
              default=None)
    return [c for r, c in hits if own is None or c.place.kind is not Kind.POPULATED_PLACE
            or FUZZY_ALIAS_REASON not in c.reasons or r > own]
