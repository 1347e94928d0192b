"""A place the geoparser left unread, looked up where the event's clause says it happened.

The geoparser drops a name it cannot support from the document ("Jermuk" beside
"Armenia", one of five villages called Kostiantynivka, a spelling such as "Idleb"). When
an incident's clause then has no place more specific than a country, the name written in
its locative phrase ("in X", "near X", "the village of X", "including X", "the
countryside of X") is looked up in the gazetteer directly, and taken when it lies in one
of the document's countries (or, in a document that names none, when it is a known area
or a town of some size).

Examples
--------
>>> from geomap.geoparse import default_gazetteer
>>> t = "Drones struck towns inside Armenia, including Jermuk."
>>> [(p.name, p.country, t[s:e]) for p, s, e in locative_places(t, 0, len(t), default_gazetteer(), ("AM",))]
[('Jermuk', 'AM', 'Jermuk')]
>>> t = "Forces advanced in Nigeria's Borno state."
>>> [(p.name, t[s:e]) for p, s, e in locative_places(t, 0, len(t), default_gazetteer(), ("NG",))]
[('Borno State', 'Borno')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

__all__ = ["locative_places", "object_place", "village_name"]

_NAME = r"[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+(?:(?:al|el|ad|as|ash|an|ar|at|az|ez|de|du|la|da)-?\s?)?[A-Z][\w'’]*(?:-[\w'’]+)*){0,3}"
_CUE = re.compile(
    r"\b(?:in|near|at|outside|around|inside|of|including|such as|towards?|from)\s+"
    r"(?:the\s+)?(?:(?:\w+ern\s+)?(?:village|town|city|area|locality|district|countryside|outskirts|vicinity)\s+of\s+"
    r"(?:the\s+)?)?(?:[A-Z][\w-]*['’]s\s+)?(?P<name>" + _NAME + r")")
_NOT_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december the a an this that its their his her they he she it we i
parliament congress government police army ministry islamic state""".split())
_KINDS = ("populated_place", "admin2", "admin1")
_OBJECT = re.compile(r"\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?(?P<name>" + _NAME + r")")
_VILLAGE = re.compile(r"\b(?:village|town|hamlet|locality|settlement)\s+of\s+(?P<name>" + _NAME + r")")


def village_name(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The name in "the village of X" inside ``text[start:end]``, with its offset.

    Examples
    --------
    >>> village_name("Troops shelled the village of Fleifel in Idlib.", 0, 47)
    ('Fleifel', 30)
    """
    m = _VILLAGE.search(text, start, end)
    if m is None:
        return None
    words = m.group("name").split()
    while words and words[-1].lower() in _NOT_NAMES:
        words.pop()
    return (" ".join(words), m.start("name")) if words else None


def object_place(text: str, trigger_end: int, end: int, gazetteer: Gazetteer,
                 countries: Sequence[str]) -> tuple[Place, int, int] | None:
    """The place named right after an event verb ("shelled Kostiantynivka"), looked up directly."""
    m = _OBJECT.match(text, trigger_end, end)
    if m is None or m.group("name").split()[0].lower() in _NOT_NAMES:
        return None
    place = _lookup(gazetteer, m.group("name"), countries)
    return None if place is None else (place, m.start("name"), m.end("name"))
_MIN_POPULATION = 1000


def locative_places(text: str, start: int, end: int, gazetteer: Gazetteer,
                    countries: Sequence[str]) -> list[tuple[Place, int, int]]:
    """Places named in locative phrases of ``text[start:end]``: ``(place, start, end)`` in text order."""
    out = []
    for m in _CUE.finditer(text, start, end):
        name = m.group("name")
        words = name.split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        if not words or words[0].lower() in _NOT_NAMES:
            continue
        name = " ".join(words)
        place = _lookup(gazetteer, name, countries)
        if place is not None:
            s = m.start("name")
            out.append((place, s, s + len(name)))
    return out


def _lookup(gazetteer: Gazetteer, name: str, countries: Sequence[str]) -> Place | None:
    try:
        hits = gazetteer.lookup(name, kinds=_KINDS, limit=5, fuzzy=False)
    except (ValueError, LookupError):
        return None
    for c in hits:
        if c.place.country in countries:
            return c.place
    if not countries and hits:
        p = hits[0].place
        if p.kind.value != "populated_place" or (p.population or 0) >= _MIN_POPULATION:
            return p
    return None
