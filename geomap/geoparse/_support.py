"""Doubt and support: whether a recognised name is meant as a place at all.

A word that is also a first name, a common word or only some place's alternate
name must name a prominent place ("Paul" is no district of Cape Verde); in
running text a small place needs support from the document (a container, its
region, a locative phrase) or it is mostly a surname ("Kock", "Bains").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gazetteer import Kind, MatchType
from gazetteer._ranking import SHORT_FORM_REASON

from ._containment import inside, written_as_container
from ._context_rules import COMMON_WORDS, PLACE_WORDS

if TYPE_CHECKING:
    from gazetteer import Candidate, Place

    from ._mention import Mention

__all__ = ["ALIAS_POPULATION", "AREA_KINDS", "LOCATIVE_BEFORE", "PROMINENT_POPULATION", "SUPPORT_CONTEXT",
           "SUPPORT_POPULATION", "WEAK_MATCHES", "distinctive_name", "named_area_holds", "prominent", "unsupported",
           "written_with_container"]

AREA_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.CONTINENT, Kind.REGION, Kind.DISPUTED_AREA})
# A place inside a longer name ("France" in "Frenchmen Street") or a near spelling: too unsure a
# reading to speak for other names or to hold them.
WEAK_MATCHES = frozenset({MatchType.PARTIAL, MatchType.FUZZY})
# A name written like a common word must name a prominent place to count.
PROMINENT_POPULATION = 100_000
# In running text, a one-word name of a place smaller than this needs this much support from the context.
SUPPORT_POPULATION = 15_000
SUPPORT_CONTEXT = 0.1
# ... and a word that is only an alternate name ("Chen" of Chenzhou), a city's of this size.
ALIAS_POPULATION = 1_000_000

# "near Zangilan", "the village of Sotk": a locative phrase is support enough for a small place.
# So is the object of a verb of war ("shelled Zangilan", "troops entered Bakhmut") or of its noun
# ("an attack on Falam", "the fall of Avdiivka").
LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|into|towards?|across|through|village of|town of|"
                             r"city of|district of|outskirts of|(?:north|south|east|west)(?:east|west)? of|"
                             r"shelled|struck|hit|attacked|bombed|bombarded|captured|seized|entered|stormed|"
                             r"raided|besieged|targeted|liberated|recaptured|retook|overran|encircled|"
                             r"(?:attacks?|assaults?|raids?|strikes?|offensive|advance|push) (?:on|against|into)|"
                             r"(?:shelling|siege|fall|capture|bombing|liberation|battle|encirclement) (?:of|for))\s+"
                             r"(?:the\s+)?$", re.IGNORECASE)


def written_with_container(text: str, mentions: Sequence[Mention], cands: Sequence[Sequence[Candidate]], i: int,
                           readings: Sequence[Candidate]) -> bool:
    """Whether mention ``i`` is followed by a state or county that holds one of its ``readings`` ("Victoria, Texas").

    A country is no such cue: "Maria, Spain's ambassador" and "Anna, Italy; Laura, France" name people.
    """
    if i + 1 >= len(mentions) or not cands[i + 1] or mentions[i].kind != "name":
        return False
    return (written_as_container(text, mentions[i].end, mentions[i + 1].start)
            and any(inside(c.place, b.place) for c in readings for b in cands[i + 1]
                    if b.place.kind in (Kind.ADMIN1, Kind.ADMIN2)))


# Areas below a country whose naming in a story vouches for the places inside them.
_HOLDING_KINDS = frozenset({Kind.ADMIN1, Kind.ADMIN2, Kind.REGION, Kind.DISPUTED_AREA})


def named_area_holds(p: Place, cands: Sequence[Sequence[Candidate]], i: int) -> bool:
    """Whether another name of the document reads as an area below a country that holds ``p``.

    "Stepanakert" is only an alternate name of Khankendi, and such a word is more often
    something else ("Mike", "Chen"); in a story that names Nagorno-Karabakh it is the town.
    A country is no such cue: every alternate name of every town would count in a story
    about that country.
    """
    return any(j != i and cs and cs[0].match not in WEAK_MATCHES and cs[0].place.kind in _HOLDING_KINDS
               and inside(p, cs[0].place) for j, cs in enumerate(cands))


def prominent(c: Candidate, caution: str) -> bool:
    """Whether a doubtful mention's best reading is a place well known enough to be meant."""
    if c.place.kind in AREA_KINDS:
        # "Paul" is a first name before it is a district of Cape Verde.
        return c.place.kind is not Kind.ADMIN1 or c.place.population >= PROMINENT_POPULATION
    if caution == "alternate name only":
        # "Ludwigshafen" for Ludwigshafen am Rhein: the main name without its qualifier is the name.
        return c.place.population >= ALIAS_POPULATION or c.reasons[0].startswith(SHORT_FORM_REASON)
    return c.place.population >= PROMINENT_POPULATION


def unsupported(c: Candidate, context: float, by_country: float = 0.0, doubted: bool = False) -> bool:
    """Whether a reading is a small place that nothing in the document points to ("Kock", "Bains").

    A surname or a common word that some hamlet is named after reads as that
    hamlet only for want of a better one; a real mention of a small place comes
    with its region, its neighbours, a container ("Zangilan, Azerbaijan") or a
    locative phrase ("near Kock").
    """
    p = c.place
    # The document's country is no support: in a US story every surname ("Floyd", "Johnson") would
    # be some US town. A county read off one word ("Morgan" for Morgan County), a small one, one
    # the recogniser doubts ("Dorset said") and a small admin-1 area need the same support as a
    # small town; a county of 100,000 people named by its own name ("Leicestershire") does not.
    small = (p.kind is Kind.POPULATED_PLACE and p.population < SUPPORT_POPULATION
             or p.kind is Kind.ADMIN2 and (c.match is not MatchType.EXACT or p.population < PROMINENT_POPULATION
                                          or doubted)
             or p.kind is Kind.ADMIN1 and p.population < PROMINENT_POPULATION)
    return small and context - by_country < SUPPORT_CONTEXT and not distinctive_name(c.matched_name)


def distinctive_name(key: str) -> bool:
    """Whether a name key of several words says a place by itself, so a small place needs no support.

    A name of two or more words is rarely anything but its place, unless it is a phrase of
    common English words none of which names a kind of place or a direction: "Red Cross"
    and "White House" name an organisation and a residence before a hamlet, and the tail
    of an organisation's name ("the Kenya Red Cross", "the International Committee of the
    Red Cross") is such a phrase. Those need the support a one-word name needs; "Peace
    River", "Park City" and "South Side" do not.

    Examples
    --------
    >>> distinctive_name("red cross"), distinctive_name("white house"), distinctive_name("fleifel")
    (False, False, False)
    >>> distinctive_name("palm beach"), distinctive_name("peace river"), distinctive_name("west point")
    (True, True, True)
    """
    words = key.split()
    return len(words) > 1 and not all(w in COMMON_WORDS and w not in PLACE_WORDS for w in words)
