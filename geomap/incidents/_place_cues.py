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

__all__ = ["SPEECH", "bearing_cue", "is_locative", "is_modifier", "names_a_site",
           "names_something_else", "near_cue", "part_of_name", "unknown_place_before"]

#: A name followed by one of these speaks ("Azerbaijan said ...", "Kyiv on Monday condemned ...").
SPEECH = re.compile(r"^\s*(?:(?:on|last|this) \w+\s+)?(?:also\s+)?(?:said|says|condemned|accused|claimed|denied|"
                    r"reported|announced|stated|blamed(?! on)|warned|alleged|insisted|told|confirmed)\b", re.IGNORECASE)

_LOCATIVE = re.compile(r"\b(?:in|at|near|of|on|along|across|outside|around|into|inside|through|towards?|"
                       r"within|from|outskirts of|close to)\s+(?:the\s+|an?\s+)?"
                       # "in western Afghanistan", "in the far north-east of"
                       r"(?:(?:far\s+)?(?:central|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+)?$",
                       re.IGNORECASE)
# Before the event word, "of X" after a person, a body or a name says who, not where ("employees of a firm
# of North Carolina", "the governor of Kandahar"); after anything else ("a blockade of the X corridor") where.
_OF_NOUN = re.compile(r"(?:\b[A-Z][\w'’-]*|\b(?:employees?|staff|members?|governor|mayor|president|leader|head|chief|"
                      r"officials?|ministers?|ministry|firm|company|commander|citizens?|natives?|nationals?|envoy|"
                      r"ambassador|spokes(?:man|woman|person))s?)\s+of\s+(?:the\s+|an?\s+)?$")
# "towns inside Armenia, including Jermuk": a place listed after a locative phrase is locative too.
_LISTED = re.compile(r"\b(?:in|inside|near|across|at|of|around)\b[^.;]*?(?:,\s*|\s+)(?:including|such as|notably|"
                     r"especially|among them)\s+(?:the\s+)?$", re.IGNORECASE)
_QUALIFIERS = (r"^(?:['’]s)?\s+(?:(?:regional|oblast|city|provincial|district|state|county|municipal|military|civil|"
               r"civilian|central|national|main|local|international|old|new|main)\s+){0,3}")
# Sites: the name is the town the site is in ("at the Nicosia airport") unless the clause names another.
_SITES = (r"square|street|avenue|boulevard|road|bridge|stadium|university|hospital|airport|station|mosque|church|"
          r"cathedral|museum|hotel|market|bazaar|camp|base|prison|jail|school|port|harbou?r")
_THING = re.compile(_QUALIFIERS + r"(?:" + _SITES + r"|ministry|administration|council|authorities|government|"
                    r"governor|governorate council|police|prosecutors?|prosecutor['’]s office|court|Red Cross|"
                    r"Red Crescent|Times|Post|News|Herald|Tribune|company|bank|embassy|consulate)\b", re.IGNORECASE)
_SITE = re.compile(_QUALIFIERS + r"(?:" + _SITES + r")\b", re.IGNORECASE)
# "the Committee of the Red Cross", "Bank of Kigali": a name that continues an organisation's.
_ORG_BEFORE = re.compile(r"\b(?:Committee|Commission|Council|Union|Bank|University|Party|Front|Movement|Army|"
                         r"Organi[sz]ation|Federation|Association|Society|Institute|Ministry|Bureau|Agency|League|"
                         r"Brigades?|Mission|Fund|Foundation|Church|Republic|Kingdom|Emirate|Court)\s+(?:of|for)\s+"
                         r"(?:the\s+)?$")
# "Ahrar al-Sham", "Deir ez-Zor": the article glues the name to the capitalised word before it.
_GLUED = re.compile(r"\b[A-Z][\w'’]*\s+[a-z]{1,3}-$")
# "the Popular Protection Units", "the Border Security Force": a name whose own last word is an organisation's.
_ORG_HEAD = re.compile(r"\b(?:Units?|Forces?|Army|Front|Brigades?|Party|Council|Committee|Movement|Militia|Guards?|"
                       r"Corps|Battalions?|Police|Group|Organi[sz]ation|Cross|Crescent)$")
# A country as a modifier: "a US soldier", "U.S.-led", "DPRK's ...", "the EU delegation".
_MODIFIER = re.compile(r"^(?:-\w|['’]s\b|\s+(?!(?:and|or|in|on|at|of|to|for|from|with|by|as|is|was|were|has|have|"
                       r"had|said|says|on|since|after|before|during|while|when|where|which|who|that|this|the|a|an|"
                       r"but|near|into|over|under|about|across|against|along|amid|around|between|through|"
                       r"toward|towards|until|via|will|would|could|should|may|might|must|can|also|itself)\b)"
                       r"[a-z])")
# A bearing for another place: "30 km from Y", "south of Y", "northwest of the capital Y".
_BEARING = re.compile(r"(?:\d[\d,.]*\s*(?:km|kms|kilometers|kilometres|miles)\b[^,;]{0,30}?\b(?:of|from)|"
                      r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+"
                      r"(?:the\s+)?(?:(?:city|town|capital|province|provincial capital) of\s+)?$", re.IGNORECASE)
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
    if _LISTED.search(text[max(0, start - 80):start]):
        return True
    if (m := _LOCATIVE.search(before)) and not (start < trigger_start and _OF_NOUN.search(before, 0, m.end())):
        return True
    return start >= trigger_end and not re.search(r"\b(?:by|said|says|accused|blamed)\s+$", before)


def names_something_else(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` opens the name of an organisation or landmark."""
    return bool(_THING.match(text[end:end + 60]))


def names_a_site(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` names a site in it ("the Nicosia airport", "a Hong Kong hotel").

    Examples
    --------
    >>> t = "Bombers struck the Qqa airport and the Qqb police."
    >>> names_a_site(t, t.index("Qqa"), t.index("Qqa") + 3), names_a_site(t, t.index("Qqb"), t.index("Qqb") + 3)
    (True, False)
    """
    return bool(_SITE.match(text[end:end + 60]))


def part_of_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only a piece of a longer name: of an organisation ("the Committee of
    the Red Cross", "the Border Security Force") or of a longer word ("Ahrar al-Sham", "Deir ez-Zor").

    Examples
    --------
    >>> t = "Fighters of Ahrar al-Sham and the Popular Protection Units clashed in Qqa."
    >>> [part_of_name(t, t.index(n), t.index(n) + len(n)) for n in ("Sham", "Popular Protection Units", "Qqa")]
    [True, True, False]
    """
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()) or \
            _GLUED.search(text[max(0, start - 30):start]):
        return True
    return bool(_ORG_BEFORE.search(text[max(0, start - 40):start]) or _ORG_HEAD.search(text[start:end]))


def is_modifier(text: str, start: int, end: int) -> bool:
    """Whether the country (or region) at ``text[start:end]`` modifies a noun rather than naming where:
    "a US soldier", "U.S.-led forces", "DPRK's missile"; never after a locative word ("in Iraq's north").

    Examples
    --------
    >>> t = "A US soldier was killed in Qqa, in Iraq's west, north of the US base."
    >>> last = t.rindex("US")
    >>> is_modifier(t, 2, 4), is_modifier(t, t.index("Iraq"), t.index("Iraq") + 4), is_modifier(t, last, last + 2)
    (True, False, True)
    """
    m = _LOCATIVE.search(text[max(0, start - 40):start])
    if m and not m.group().lower().startswith("of"):   # "of the US military base" is still a modifier
        return False
    return bool(_MODIFIER.match(text[end:end + 30]))


def bearing_cue(text: str, start: int) -> bool:
    """Whether the place at ``start`` is given as a bearing for another ("south of Baghdad", "30 km from Kabul").

    Examples
    --------
    >>> t = "Gunmen struck Qqa, 40 km northwest of Kabul."
    >>> bearing_cue(t, t.index("Kabul")), bearing_cue(t, t.index("Qqa"))
    (True, False)
    """
    return bool(_BEARING.search(text[max(0, start - 60):start]))


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
