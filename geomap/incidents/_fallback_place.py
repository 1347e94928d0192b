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

from ._place_cues import part_of_name

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

__all__ = ["landmark_name", "locative_places", "object_name", "object_place", "unknown_name", "unread_name",
           "village_names"]

_NAME = (r"(?:(?:al|el|ad|as|ash|an|ar|at|az|ez)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
         r"(?:\s+(?:(?:al|el|ad|as|ash|an|ar|at|az|ez|de|du|la|da)-?\s?)?[A-Z][\w'’]*(?:-[\w'’]+)*){0,3}")
_CUE = re.compile(
    r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round|[Ii]nside|of|including|such as|towards?|from)\s+"
    r"(?:the\s+)?(?:(?:[a-z]+\s+)?(?:village|town|city|area|locality|district|countryside|outskirts|vicinity|port|"
    r"province|governorate)\s+of\s+(?:the\s+)?)?(?P<owner>[A-Z][\w-]*['’]s\s+)?(?P<name>" + _NAME + r")")
_NOT_NAMES = frozenset("""christmas easter ramadan eid english french arabic spanish russian
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december the a an this that its their his her they he she it we i
parliament congress government police army ministry islamic state""".split())
_KINDS = ("populated_place", "admin2", "admin1")
_OBJECT = re.compile(r"\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?(?P<name>" + _NAME + r")")
_VILLAGE = re.compile(r"\b(?:village|town|hamlet|locality|settlement|neighbou?rhood|district|suburb)s?\s+of\s+"
                      r"(?P<name>" + _NAME + r")")
# "the Radhwaniyah area in ...", "Rawiya village near ...", "the Jumla and Diwan villages", "the Thantho district of
# Yala"; read apart from _VILLAGE so that both readings of "the Baghdad neighbourhood of Al-Bayaa" are tried.
_VILLAGE_BEFORE = re.compile(r"(?<![\w'’-])(?P<name>" + _NAME + r")(?:\s+and\s+" + _NAME + r")?\s+"
                             r"(?:village|town|hamlet|locality|settlement|neighbou?rhood|district|quarter|suburb|area|"
                             r"camp)s?\b(?!\s+(?:court|council|police|administration|authorities|governor|official|"
                             r"chief|office|hospital|headquarters)\b)")
# A known place given only as a bearing for another: "X, 30 km from Y", "X, south of Y", "X near Y".
_RELATIVE = re.compile(r"(?:\d[\d,.]*\s*(?:km|kms|kilometers|kilometres|miles)\b[^,;]{0,30}?\b(?:of|from)|"
                       r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)|\bnear|\boutside|"
                       # "in Kollupitiya, central Colombo": a quarter named before its city
                       r",\s+(?:central|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)|,\s+in)\s+"
                       r"(?:the\s+)?(?:(?:city|town|capital) of\s+)?$", re.IGNORECASE)


def unread_name(text: str, start: int, end: int, best: tuple[int, int],
                covered: Sequence[tuple[int, int]], *, trigger_end: int = -1) -> tuple[str, int, int] | None:
    """A place name of ``text[start:end]`` that the gazetteer did not give but the event happened at.

    Either "the village (town, neighbourhood...) of X" or "the X area (village, district...)", or,
    when the known place at ``best`` is only a bearing ("X, 30 km from Y", "in X, south of Y", "in
    X, central Y", "X, in Y"), a name in a locative phrase before it or the event's object (the
    name right after the event word, which ends at ``trigger_end``). ``covered`` are the spans of
    the places that were read. Returns ``(name, start, end)``.

    Examples
    --------
    >>> t = "Jets bombed Qqpooneryn, just 30 km from Kilinochchi."
    >>> unread_name(t, 0, len(t), (t.index("Kil"), len(t) - 1), [(t.index("Kil"), len(t) - 1)], trigger_end=11)
    ('Qqpooneryn', 12, 22)
    >>> t = "Gunmen killed a man in Qqamara, south of Baghdad."
    >>> unread_name(t, 0, len(t), (t.index("Bag"), len(t) - 1), [(t.index("Bag"), len(t) - 1)])
    ('Qqamara', 23, 30)
    >>> t = "Gunmen killed a man in Qqamara, and police chased them to Baghdad."
    >>> unread_name(t, 0, len(t), (t.index("Bag"), len(t) - 1), [(t.index("Bag"), len(t) - 1)]) is None
    True
    """
    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in covered)

    for name, at in village_names(text, start, end):
        if free(at, at + len(name)) and not best[0] <= at < best[1]:
            return name, at, at + len(name)
    if not _RELATIVE.search(text[max(start, best[0] - 60):best[0]]):
        return None
    found = [m for m in _CUE.finditer(text, start, best[0])]
    if start <= trigger_end < best[0] and (obj := _OBJECT.match(text, trigger_end, best[0])):
        found.append(obj)
    for m in sorted(found, key=lambda m: m.start("name")):
        words = m.group("name").split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        name = " ".join(words)
        if words and words[0].lower() not in _NOT_NAMES and free(m.start("name"), m.end("name")) and \
                not part_of_name(text, m.start("name"), m.start("name") + len(name)):
            return name, m.start("name"), m.start("name") + len(name)
    return None


# "shelled Qqfleifel in the southern countryside of Idleb": what lies between an object and its area.
_IN_AREA = re.compile(r",?\s+(?:in|inside|near)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?:of\s+(?:the\s+)?)?$")


def object_name(text: str, trigger_end: int, area_start: int) -> tuple[str, int, int] | None:
    """The unread name right after an event word when the clause then places it in a known area.

    Examples
    --------
    >>> t = "Troops shelled Qqfleifel in the southern countryside of Idlib."
    >>> object_name(t, 14, t.index("Idlib"))
    ('Qqfleifel', 15, 24)
    >>> t = "Troops shelled positions in the southern countryside of Idlib."
    >>> object_name(t, 14, t.index("Idlib")) is None
    True
    """
    m = _OBJECT.match(text, trigger_end, area_start)
    if m is None or not _IN_AREA.fullmatch(text, m.end("name"), area_start):
        return None
    name = m.group("name")
    if name.split()[0].lower() in _NOT_NAMES or (name.isupper() and len(name) <= 4) or \
            part_of_name(text, m.start("name"), m.end("name")):
        return None
    return name, m.start("name"), m.end("name")


_STRONG_CUE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Ii]nside|[Aa]round|from)\s+(?:the\s+)?"
                         r"(?:[A-Z][\w-]*['’]s\s+)?(?P<name>" + _NAME + r")")   # "in DPRK's North Phyongan"


def unknown_name(text: str, start: int, end: int, covered: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The name of a place the gazetteer lacks, where ``text[start:end]`` says the event happened ("in the
    town of Sheykler", "in Ballymurphy", "the Minutka district"); ``covered`` are the names already read.

    Examples
    --------
    >>> t = "A man was shot in Qqballyx after two men walked up to his car."
    >>> unknown_name(t, 0, len(t), [])
    ('Qqballyx', 18, 26)
    >>> t = "A man was shot in January by the Islamic State."
    >>> unknown_name(t, 0, len(t), []) is None
    True
    """
    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in covered)

    found = [(at, name) for name, at in village_names(text, start, end)]
    for m in _STRONG_CUE.finditer(text, start, end):
        words = m.group("name").split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        if words and words[0].lower() not in _NOT_NAMES:
            found.append((m.start("name"), " ".join(words)))
    for at, name in sorted(found):
        if free(at, at + len(name)) and not (name.isupper() and len(name) <= 4) and \
                not part_of_name(text, at, at + len(name)):
            return name, at, at + len(name)
    return None


# "at the Bardo Museum", "near al-Shaab Stadium", "in al-Zahawi school": a site named for itself.
_LANDMARK = re.compile(r"(?<![\w'’-])(?P<name>" + _NAME
                       + r"\s+(?i:school|stadium|museum|palace|hospital|mosque|church|"
                       r"cathedral|hotel|university|airport|bridge|square|market|bazaar|prison|camp)s?)\b")


def landmark_name(text: str, start: int, end: int, covered: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    """A site the gazetteer lacks, named for itself in ``text[start:end]`` ("the Bardo Museum in Tunis"),
    unless its name is one of the ``covered`` places ("the Kabul airport").

    Examples
    --------
    >>> t = "Gunmen killed 21 tourists at the Qqardo Museum in Tunis."
    >>> landmark_name(t, 0, len(t), [(t.index("Tunis"), len(t) - 1)])
    ('Qqardo Museum', 33, 46)
    >>> landmark_name("A bomb hit the Kabul airport.", 0, 29, [(15, 20)]) is None
    True
    """
    for m in _LANDMARK.finditer(text, start, end):
        a, b = m.span("name")
        first = m.group("name").split()[0]
        if first.lower() not in _NOT_NAMES and not any(x < b and a < y for x, y in covered):
            return m.group("name"), a, b
    return None


def village_names(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The names in "the village of X" or "the X area" inside ``text[start:end]``, with their offsets.

    Examples
    --------
    >>> village_names("Troops shelled the village of Fleifel in Idlib.", 0, 47)
    [('Fleifel', 30)]
    >>> t = "A bomb went off in the Qqrad area in southern Baghdad."
    >>> village_names(t, 0, len(t))
    [('Qqrad', 23)]
    >>> t = "in the south Baghdad neighbourhood of Qqbayaa"
    >>> village_names(t, 0, len(t))
    [('Baghdad', 13), ('Qqbayaa', 38)]
    >>> village_names("The Qqdon district court jailed him.", 0, 36)
    []
    """
    out = []
    matches = [*_VILLAGE.finditer(text, start, end), *_VILLAGE_BEFORE.finditer(text, start, end)]
    for m in sorted(matches, key=lambda m: m.start("name")):
        words = m.group("name").split()
        offset = m.start("name")
        while words and words[0].lower() in _NOT_NAMES:
            offset = text.index(words[1], offset + len(words[0])) if len(words) > 1 else offset
            words.pop(0)
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        if words:
            out.append((" ".join(words), offset))
    return out


def object_place(text: str, trigger_end: int, end: int, gazetteer: Gazetteer,
                 countries: Sequence[str], *, anywhere: bool = False) -> tuple[Place, int, int] | None:
    """The place named right after an event verb ("shelled Kostiantynivka"), looked up directly."""
    m = _OBJECT.match(text, trigger_end, end)
    if m is None or m.group("name").split()[0].lower() in _NOT_NAMES:
        return None
    place = _lookup(gazetteer, m.group("name"), countries, anywhere)
    return None if place is None else (place, m.start("name"), m.end("name"))
_MIN_POPULATION = 1000


def locative_places(text: str, start: int, end: int, gazetteer: Gazetteer,
                    countries: Sequence[str], *, anywhere: bool = False) -> list[tuple[Place, int, int]]:
    """Places named in locative phrases of ``text[start:end]``: ``(place, start, end)`` in text order.

    A name is taken in one of ``countries``; with ``anywhere`` (the countries were named only as
    modifiers, "a US soldier"), or with no countries, also a known area or a town of some size elsewhere.
    """
    out = []
    for m in _CUE.finditer(text, start, end):
        name = m.group("name")
        words = name.split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        if not words or words[0].lower() in _NOT_NAMES or (
                len(words) == 1 and words[0].isupper() and len(words[0]) <= 4):
            continue  # "US", "IS": an acronym is no village
        name = " ".join(words)
        s = m.start("name")
        # "near Cox's Bazar": the possessive may be part of the name
        place = _lookup(gazetteer, m.group("owner") + name, countries, anywhere) if m.group("owner") else None
        if place is not None and m.group("owner")[:-3].strip() in place.name:
            s = m.start("owner")
            name = m.group("owner") + name
        else:
            place = _lookup(gazetteer, name, countries, anywhere)
        if place is not None:
            out.append((place, s, s + len(name)))
    return out


def _lookup(gazetteer: Gazetteer, name: str, countries: Sequence[str], anywhere: bool = False) -> Place | None:
    try:
        hits = gazetteer.lookup(name, kinds=_KINDS, limit=5, fuzzy=False)
    except (ValueError, LookupError):
        return None
    for c in hits:
        if c.place.country in countries:
            return c.place
    if (anywhere or not countries) and hits:
        p = hits[0].place
        if p.kind.value != "populated_place" or (p.population or 0) >= _MIN_POPULATION:
            return p
    return None
