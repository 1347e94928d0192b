"""Words around a place name that say whether it is where an event happened, and how exactly.

:mod:`geomap.incidents._extract` picks an incident's place among the places named in its
clause; these cues decide among them:

* :func:`is_locative`: a place after "in", "near", "the village of", "in the area of",
  "the countryside of", or listed after one ("towns inside Armenia, including Jermuk")
  says where; a place after the event word with no preposition is its object ("shelled
  Idlib"), which also says where; a place before the event word with neither is its
  subject ("Baku accused ..."), which says who.
* :func:`names_something_else`: a place inside the name of an organisation or landmark
  ("the Donetsk regional military administration", "the Kenya Red Cross", "the Republic
  square") is not the event's town.
* :func:`near_cue`: "near X", "the area of X", "X countryside": the event happened around
  X, not in it (ACLED's geo precision 2).
* :func:`unknown_place_before`: ACLED's note form "Zibane (Anzourou, Tillaberi)": a place the
  gazetteer does not know, written with the areas that contain it; the event goes to the
  most specific area and keeps the place's own name.

Examples
--------
>>> t = "Russian forces shelled Kostiantynivka, the Donetsk regional military administration said."
>>> names_something_else(t, t.index("Donetsk"), t.index("Donetsk") + 7)
True
>>> t = "Militants killed two herders near Zibane (Anzourou, Tillaberi)."
>>> unknown_place_before(t, t.index("Anzourou"))
'Zibane'
"""

from __future__ import annotations

import re

__all__ = ["is_locative", "names_something_else", "near_cue", "unknown_place_before"]

_LOCATIVE = re.compile(r"\b(?:in|at|near|of|on|along|across|outside|around|into|inside|through|towards?|"
                       r"within|from|outskirts of|close to)\s+(?:the\s+)?$",
                       re.IGNORECASE)
# "towns inside Armenia, including Jermuk": a place listed after a locative phrase is locative too.
_LISTED = re.compile(r"\b(?:in|inside|near|across|at|of|around)\b[^.;]*?(?:,\s*|\s+)(?:including|such as|notably|"
                     r"especially|among them)\s+(?:the\s+)?$", re.IGNORECASE)
_THING = re.compile(
    r"^(?:['’]s)?\s+(?:(?:regional|oblast|city|provincial|district|state|county|municipal|military|civil|civilian|"
    r"central|national|main|local)\s+){0,3}(?:square|street|avenue|boulevard|road|bridge|stadium|university|"
    r"hospital|ministry|administration|council|authorities|government|governor|governorate council|police|"
    r"prosecutors?|prosecutor['’]s office|court|airport|station|mosque|church|cathedral|museum|hotel|"
    r"Red Cross|Red Crescent|Times|Post|News|Herald|Tribune|company|bank|embassy|consulate)\b", re.IGNORECASE)
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|around|close to|km (?:from|of|outside)|"
                   r"(?:the )?(?:area|vicinity|environs|surroundings|countryside|suburbs?|periphery) of|"
                   r"(?:the )?(?:\w+ern |\w+ )?countryside of)\s+(?:the )?$", re.IGNORECASE)
_NEAR_AFTER = re.compile(r"^\s+(?:countryside|area|environs|outskirts|vicinity|suburbs)\b", re.IGNORECASE)
_PLACE_WORD = r"[A-Z][\w'’-]*(?:\s+(?:al-|el-|ad-|as-|ash-|an-|ar-|at-|az-|de |du |la |da )?[A-Z][\w'’-]*){0,3}"
_BEFORE_PAREN = re.compile(rf"\b({_PLACE_WORD})\s+\(\s*(?:[^()]{{0,40}},\s*)?$")


def is_locative(text: str, start: int, end: int, trigger_start: int, trigger_end: int) -> bool:
    """Whether the place at ``text[start:end]`` says where the event happened (see the module docstring).

    Examples
    --------
    >>> t = "Azerbaijani drones struck towns inside Armenia, including Jermuk."
    >>> is_locative(t, t.index("Jermuk"), t.index("Jermuk") + 6, t.index("struck"), t.index("struck") + 6)
    True
    >>> t = "Baku accused Yerevan of shelling the border."
    >>> is_locative(t, 0, 4, t.index("shelling"), t.index("shelling") + 8)
    False
    """
    before = text[max(0, start - 40):start]
    if _LOCATIVE.search(before) or _LISTED.search(text[max(0, start - 80):start]):
        return True
    return start >= trigger_end and not re.search(r"\b(?:by|said|says|accused|blamed)\s+$", before)


def names_something_else(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` opens the name of an organisation or landmark."""
    return bool(_THING.match(text[end:end + 60]))


def near_cue(text: str, start: int, end: int) -> bool:
    """Whether the text places the event around the place rather than in it."""
    return bool(_NEAR.search(text[max(0, start - 40):start]) or _NEAR_AFTER.match(text[end:end + 20]))


def unknown_place_before(text: str, start: int) -> str:
    """The name written before a parenthesis that holds the place at ``start`` ("Zibane
    (Anzourou, Tillaberi)"), or ``""``.

    Examples
    --------
    >>> t = "in Zibane (Anzourou, Tillaberi)"
    >>> unknown_place_before(t, t.index("Tillaberi")), unknown_place_before("in Tillaberi", 3)
    ('Zibane', '')
    """
    m = _BEFORE_PAREN.search(text[max(0, start - 60):start])
    return m.group(1) if m else ""
