"""The actor lexicon: the words, names and countries an actor mention is made of.

:mod:`geomap.incidents._actors` reads a sentence as tokens (:func:`_tokens`) and looks
phrases of token keys (:func:`_phrase`: lower case, possessive stripped,
acronyms kept in capitals) up in these tables: the named groups with their
ACLED name, inter code and home country (:data:`_NAMED`, from
the data file ``geomap/incidents/data/named_actors.csv``); the head words of generic actors by category
(:data:`_HEADS`, from :data:`_HEAD_TABLE`); the words around them (modifiers,
ethnic names, locatives); and the country names and national demonyms of the
gazetteer's demonym table (:func:`_countries`), with the aliases news uses.

Examples
--------
>>> _phrase("al-Shabaab's fighters")
('al-shabaab', 'fighters')
>>> _NAMED[_phrase("Boko Haram")][1:]
(2, 'NG')
>>> _HEADS[_phrase("riot police")]
'police'
>>> _country_code("Kenya"), _country_name("AM")
('KE', 'Armenia')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..errors import InputError

# --- countries --------------------------------------------------------------------------
_ALIASES = {"CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo"],
            "US": ["US", "U.S.", "USA", "United States of America"], "GB": ["UK", "Britain", "Great Britain"],
            "CI": ["Cote d'Ivoire", "Côte d'Ivoire"], "MM": ["Burma"], "TR": ["Türkiye"], "CZ": ["Czech Republic"]}
# "Congolese", "Korean", "Guinean" name more than one country: context decides among these.
_SHARED = {"congolese": ("CG", "CD"), "korean": ("KR", "KP"), "koreans": ("KR", "KP"),
           "guinean": ("GN", "GW", "GQ", "PG"), "dominican": ("DM", "DO")}

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'\u2019]\w+)*|\S")


class _Tok(NamedTuple):
    text: str
    key: str      # lower case, possessive stripped; acronyms keep their case
    start: int
    end: int


def _key(word: str) -> str:
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    return word if word in _ACRONYMS else word.lower()


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), _key(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_key(m.group()) for m in _TOKEN.finditer(text))


# --- named groups ------------------------------------------------------------------------
# geomap/incidents/data/named_actors.csv: name, inter, home iso2, aliases (";"), note. Upper-case aliases
# (IS, RSF, EU) match only in upper case; "@EU" and "@UN" are named by the country (see _actors).


def _named_rows() -> list[tuple[str, int, str, list[str]]]:
    import csv
    import io
    from importlib.resources import files

    text = (files("geomap") / "incidents" / "data" / "named_actors.csv").read_text(encoding="utf-8")
    return [(r["name"], int(r["inter"]), r["iso2"], r["aliases"].split(";")) for r in csv.DictReader(io.StringIO(text))]


_NAMED_ROWS = _named_rows()
# The UN mission where one serves (for "UN peacekeepers" and bare "peacekeepers").
_UN_MISSIONS = {"CD": "MONUSCO", "LB": "UNIFIL", "ML": "MINUSMA", "CF": "MINUSCA", "SS": "UNMISS"}
_ACRONYMS: set[str] = set()
for _row in _NAMED_ROWS:
    for _trigger in _row[3]:
        _ACRONYMS.update(w for w in re.findall(r"[\w'-]+", _trigger) if w.isupper())
for _alts in _ALIASES.values():                     # "US" the country, not "us" the pronoun
    _ACRONYMS.update(a for a in _alts if a.isupper())
_NAMED: dict[tuple[str, ...], tuple[str, int, str]] = {}
for _name, _inter, _iso, _triggers in _NAMED_ROWS:
    for _trigger in _triggers:
        _NAMED.setdefault(_phrase(_trigger), (_name, _inter, _iso))
_BY_SHORT = {n.split(":")[0]: n for n, _, _ in _NAMED.values()}

# --- head words ---------------------------------------------------------------------------
_HEAD_TABLE = {
    "military": "forces;troops;soldiers;soldier;army;military;servicemen;serviceman;service members;"
                "servicemembers;armed forces;national guard;border guards;border guard;border troops;"
                "border service;navy;air force;marines;paratroopers;special forces;defence forces;defense forces;"
                "security forces;security personnel;military units;military forces;military personnel;troopers",
    "police": "police;policemen;policeman;police officers;police officer;riot police;border police;gendarmes;"
              "gendarmerie;police forces;law enforcement",
    "target": "positions;posts;outposts;military positions;army positions;combat positions;military posts;"
              "border posts;military base;bases;trenches;units;unit",
    "weapon": "gunfire;fire;shelling;shells;artillery;artillery fire;drone;drones;drone strikes;drone strike;"
              "airstrikes;airstrike;air strikes;air strike;missiles;missile;missile strikes;rockets;mortars;"
              "mortar fire;snipers;sniper;sniper fire;strikes;jets;fighter jets;warplanes;aircraft;helicopters;"
              "helicopter gunships;planes;navy ships;warships",
    "peacekeepers": "peacekeepers;peacekeeping forces;peacekeeping troops",
    "rebels": "rebels;rebel;insurgents;insurgent;separatists;separatist;guerrillas;guerrilla;rebel forces;"
              "rebel fighters;armed separatists",
    "armed": "militants;militant;jihadists;jihadist;gunmen;gunman;armed men;armed group;armed groups;"
             "assailants;attackers;bandits;fighters;militia;militias;militiamen;militiaman",
    "identity": "ethnic militia;communal militia;ethnic militias;communal militias;herdsmen",
    "protesters": "protesters;protestors;protester;demonstrators;demonstrator;activists;activist;"
                  "environmental activists;climate activists;eco-activists;students;student;workers on strike;"
                  "striking workers;strikers;marchers;opposition supporters",
    "rioters": "rioters;rioter;mob;mobs;looters;angry mob;angry crowd",
    "civilians": "civilians;civilian;villagers;villager;residents;resident;farmers;farmer;journalist;journalists;"
                 "reporter;reporters;children;child;women;woman;man;men;boy;girl;boys;girls;shepherd;shepherds;"
                 "worker;workers;aid workers;humanitarian workers;health workers;passers-by;bystanders;pilgrims;"
                 "worshippers;refugees;displaced people;teachers;doctors;traders;motorists;fishermen;miners;"
                 "schoolchildren;teenager;teenagers",
}
_HEADS = {_phrase(h): cat for cat, heads in _HEAD_TABLE.items() for h in heads.split(";")}
_MAX = max(len(k) for k in [*_HEADS, *_NAMED])
_NEEDS_OWNER = {"target", "weapon"}          # "positions", "shelling" alone are nobody
_MODIFIERS = frozenset("the armed government state national regular special combat frontline front-line forward "
                       "local unarmed peaceful riot anti-riot young elite federal unidentified unknown suspected "
                       "masked heavily several many some two three four five".split())
_ETHNIC = frozenset("fulani dogon dozo hema lendu nuer dinka murle tiv massalit misseriya turkana pokot borana "
                    "gabra amhara oromo afar bambara mossi twa".split())
# What may follow a group's name and still be that group.
_GROUP_HEADS = frozenset(["military", "target", "peacekeepers", "rebels", "armed"])
_AFTER_NAMED = frozenset("members mercenaries group movement cell units mission monitors observers commanders".split())
# Nouns after "military" or "army" that make it an adjective of something that is no actor.
_NOT_FORCES = frozenset("solution solutions leadership action actions operation operations option options aid "
                        "assistance cooperation presence spending budget exercise exercises drills doctrine expert "
                        "experts analyst analysts pressure conflict escalation victory defeat threat power "
                        "capabilities equipment hardware service court courts tribunal alliance bloc parade academy "
                        "base bases chief hospital hospitals officials official "
                        "source sources spokesman spokesperson statement".split())
# Nouns after "civilian" that make it an adjective: a civilian mission is no civilian.
_NOT_CIVILIANS = frozenset("mission missions monitoring monitors observers observer casualties infrastructure area "
                           "areas targets target objects buildings government rule administration authorities "
                           "authority aircraft airliner airport flights nuclear court courts status oversight "
                           "police staff component deployment".split())
# Head words that are adjectives before these nouns.
_ADJECTIVE_USE = {"military": _NOT_FORCES, "army": _NOT_FORCES, "civilian": _NOT_CIVILIANS}
_LOCATIVE = frozenset("in near into inside from to at across towards toward within on".split())


# --- country names -----------------------------------------------------------------------
@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """(iso2 -> country name, country name or national demonym -> iso2), from the gazetteer's demonym table.

    Loaded on first use so that importing geomap stays light.
    """
    from gazetteer.demonyms import demonyms

    table = demonyms()
    country: dict[str, str] = {}
    for d in table.values():                        # the table lists each country before its regions
        if d.iso2:
            country.setdefault(d.iso2, d.place)
    names: dict[tuple[str, ...], str] = {_phrase(place): iso for iso, place in country.items()}
    for iso, alts in _ALIASES.items():
        names.update((_phrase(alt), iso) for alt in alts)
    for word, d in table.items():
        if d.iso2 and d.place == country.get(d.iso2):   # "Kurdish", "Californian" name no state
            names.setdefault(_phrase(word), d.iso2)
    return country, names


def _country_name(iso: str) -> str:
    return _countries()[0].get(iso, iso)


def _country_code(value: str) -> str:
    """ISO2 for a context country given as a code or a name."""
    country, names = _countries()
    if value.upper() in country:
        return value.upper()
    iso = names.get(_phrase(value))
    if iso is None and re.fullmatch(r"[A-Za-z]{2}", value):
        iso = value.upper()     # a code the demonym table lacks (a gazetteer may know "EH", "GL"...)
    if iso is None:
        raise InputError(f"unknown context_country {value!r}; give an ISO 3166-1 alpha-2 code "
                         f"({', '.join(sorted(country)[:5])}, ...) or a country name")
    return iso
