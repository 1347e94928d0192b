"""The gazetteer's readings of one mention, filtered by how the name was written.

:func:`candidates` asks the gazetteer for a mention's readings (a demonym's country,
an abbreviation's area, a name's namesakes) and drops the readings the writing rules
out ("In" is no abbreviation, "Brands Hatch" names no place called "Brands");
:func:`read_shared_country_names` re-reads a country's other name as the named
country whose full name it starts ("the Islamic Republic" of Pakistan).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from gazetteer import Kind, MatchType
from gazetteer._ranking import (
    capital_codes,
    penalize_admin_misfits,
    written_as_abbreviation,
)

from ._context_rules import (
    COMMON_WORDS,
    FEATURE_WORDS,
    MODIFIERS,
    ORG_WORDS,
    press_abbreviations,
)
from ._support import AREA_KINDS as _AREA_KINDS
from ._support import WEAK_MATCHES

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Candidate, Gazetteer, Place

    from ._mention import Mention

__all__ = ["candidates", "read_shared_country_names"]

_DEMONYM_KINDS = ("country", "region", "continent", "admin1", "disputed_area")
# How many of the gazetteer's readings of a name are weighed. A name many towns share ("Newport",
# "Washington", "Monroe County": 30 or more places) ranks a small one 13th or later, where its
# neighbours in the text can no longer speak for it; 25 costs about 4% of throughput over 12.
_LIMIT = 25
def candidates(gaz: Gazetteer, m: Mention) -> list[Candidate]:
    """The gazetteer's candidates for one mention, filtered by how the name was written."""
    if m.kind == "demonym":
        cands = gaz.lookup(m.key, country=m.country or None, kinds=_DEMONYM_KINDS, limit=1, fuzzy=False)
        return cands or gaz.lookup(m.key, limit=1, fuzzy=False)
    # "N.B.", "Calif.": written with its dots, the word is the press's abbreviation of a province or state.
    # "U.S." and "US Federal Reserve": written as they stand, dots and capitals tell a code.
    codes = capital_codes(m.surface) if " " in m.key else frozenset()
    query = m.surface if codes or written_as_abbreviation(m.surface) else m.key
    # Looked up by its key, without the "Province" of "Western Province", which still speaks against regions.
    cands = penalize_admin_misfits(gaz.lookup(query, limit=_LIMIT, fuzzy=False), m.surface)
    if m.kind == "abbreviation":
        # "US", "UK", "EU": an abbreviation in capitals names a country or a big area or city, and
        # a country only by a code the press writes for it ("SA" is South Africa, not Saudi Arabia).
        press = press_abbreviations().get(m.key.replace(" ", ""), frozenset())
        return [c for c in cands if (c.place.kind in _AREA_KINDS or c.place.kind is Kind.HISTORICAL  # "USSR"
                                     or (c.place.population >= 1_000_000
                                                                     and c.reasons[0].startswith("abbreviation")))
                and not (c.place.kind is Kind.COUNTRY and c.reasons[0].startswith("abbreviation") and press
                         and c.place.country not in press)]
    # "In", "Us": a name written in lower case is no abbreviation. "Soviet Union", "Brands Hatch": a
    # longer name the gazetteer lacks does not name a place called by one of its common words.
    return [c for c in cands if not (c.reasons and c.reasons[0].startswith("abbreviation"))
            and not (c.match is MatchType.PARTIAL and c.matched_name not in codes
                     and _generic_part(c.matched_name, c.place))]


# A short word inside a longer name ("Tokyo" in "British Embassy Tokyo") places it only as a city this big.
_BIG_PART_POPULATION = 1_000_000


def _generic_part(part: str, place: Place) -> bool:
    """Whether a part of a longer name is too common a word to place it ("World", "Rock", "Mesa").

    A short word does place it when it is a city of millions or a country ("Tokyo" in
    "British Embassy Tokyo", "Dubai" in "Dubai World Cup").
    """
    words = part.split()
    if all(w in COMMON_WORDS or w in ORG_WORDS or w in FEATURE_WORDS or w in MODIFIERS for w in words):
        return True
    return len(words) == 1 and len(part) < 6 and not (
        place.kind is Kind.COUNTRY or place.kind is Kind.POPULATED_PLACE and place.population >= _BIG_PART_POPULATION)


def read_shared_country_names(mentions: Sequence[Mention], cands: list[list[Candidate]], gazetteer: Gazetteer) -> None:
    """Re-read a country's other name as the named country whose full name it starts.

    "The Islamic Republic" is Iran's other name, but in a story that names
    Pakistan it is the Islamic Republic of Pakistan. ``cands`` is updated in place.
    """
    firm = [(m, cs[0]) for m, cs in zip(mentions, cands)
            if cs and (cs[0].match is MatchType.EXACT or m.kind == "demonym")]
    named = {c.place.country: c.place for _, c in firm if c.place.kind is Kind.COUNTRY}
    if not named:
        return
    # Iran named through Tehran keeps "the Islamic Republic" as Iran.
    present = {c.place.country for _, c in firm}
    reread: dict[str, list[Candidate] | None] = {}  # once per surface: a long list may repeat one name
    for i, (m, cs) in enumerate(zip(mentions, cands)):
        if not cs or m.kind != "name" or cs[0].place.kind is not Kind.COUNTRY or cs[0].match is not MatchType.ALIAS:
            continue
        if cs[0].place.country in present:
            continue  # the document names the country this other name is first read as, or its places
        if m.surface not in reread:
            reread[m.surface] = _full_name_reading(m.surface, named, gazetteer)
        if reread[m.surface] is not None:
            cands[i] = reread[m.surface]  # type: ignore[assignment]


def _full_name_reading(surface: str, named: dict[str, Place], gazetteer: Gazetteer) -> list[Candidate] | None:
    for cc, place in named.items():
        full = gazetteer.lookup(f"{surface} of {place.name}", limit=1, kinds=Kind.COUNTRY, fuzzy=False)
        if full and full[0].place.country == cc and full[0].match not in WEAK_MATCHES:
            why = f"the start of {place.name}'s full name, which the document names"
            return [replace(full[0], reasons=(*full[0].reasons, why))]
    return None
