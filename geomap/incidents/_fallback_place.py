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

__all__ = ["locative_places", "object_place", "unread_name", "village_name"]

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
_VILLAGE = re.compile(r"\b(?:village|town|hamlet|locality|settlement|neighbou?rhood|district|suburb)\s+of\s+"
                      r"(?P<name>" + _NAME + r")")
# A known place given only as a bearing for another: "X, 30 km from Y", "X, south of Y", "X near Y".
_RELATIVE = re.compile(r"(?:\d[\d,.]*\s*(?:km|kms|kilometers|kilometres|miles)\b[^,;]{0,30}?\b(?:of|from)|"
                       r"\b(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of)|\bnear|\boutside)\s+"
                       r"(?:the\s+)?(?:(?:city|town|capital) of\s+)?$", re.IGNORECASE)


def unread_name(text: str, start: int, end: int, best: tuple[int, int],
                covered: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    """A place name of ``text[start:end]`` that the gazetteer did not give but the event happened at.

    Either "the village (town, neighbourhood...) of X", or, when the known place at ``best`` is
    only a bearing ("X, 30 km from Y", "in X, south of Y"), a name in a locative phrase before
    it. ``covered`` are the spans of the places that were read. Returns ``(name, start, end)``.

    Examples
    --------
    >>> t = "Jets bombed Qqpooneryn, just 30 km from Kilinochchi."
    >>> unread_name(t, 0, len(t), (t.index("Kil"), len(t) - 1), [(t.index("Kil"), len(t) - 1)]) is None
    True
    >>> t = "Gunmen killed a man in Qqamara, south of Baghdad."
    >>> unread_name(t, 0, len(t), (t.index("Bag"), len(t) - 1), [(t.index("Bag"), len(t) - 1)])
    ('Qqamara', 23, 30)
    """
    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in covered)

    village = village_name(text, start, end)
    if village is not None and free(village[1], village[1] + len(village[0])) and not (
            best[0] <= village[1] < best[1]):
        return village[0], village[1], village[1] + len(village[0])
    if _RELATIVE.search(text[max(start, best[0] - 60):best[0]]):
        for m in _CUE.finditer(text, start, best[0]):
            words = m.group("name").split()
            while words and words[-1].lower() in _NOT_NAMES:
                words.pop()
            if words and words[0].lower() not in _NOT_NAMES and free(m.start("name"), m.end("name")):
                name = " ".join(words)
                return name, m.start("name"), m.start("name") + len(name)
    return None


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
