"""Where an incident happened: the most specific place its clause names as the event's place.

:func:`place_for` ranks the places the geoparser read in an event's clause:

1. What the name is: a plain place, or a landmark that holds it ("at the Nicosia airport")
   before a country used as a modifier ("a US soldier", "U.S.-led", "DPRK's") before a name
   inside an organisation's ("the Donetsk regional military administration", "the Popular
   Protection Units", "Ahrar al-Sham", "the Committee of the Red Cross").
2. How the clause uses it: in a locative phrase or as the event's object ("shelled Idlib")
   before elsewhere after the event word before as the subject ("Baku accused ...").
3. A bearing ("30 km from Y", "south of Y") loses to the place it locates ("in Amara,
   south of Baghdad" is Amara).
4. Inside the trigger's own clause before outside it; then a town before a district before
   a region before a country (an admin area named in the clause always beats the country).

When the clause names nothing more specific than a country or region, the name in its
locative phrase is looked up directly (:mod:`._fallback_place`). A place the gazetteer lacks
but whose containing place is known ("Zibane (Anzourou, Tillaberi)", "the village of X in
Y", "the X area of Y", "Pooneryn, 30 km from Kilinochchi") keeps its own name in
``location`` at the known place, geo precision 2.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, Sequence

from gazetteer import Kind

from ._actor_lexicon import _NAMED, _phrase
from ._fallback_place import landmark_name, locative_places, object_name, object_place, unknown_name, unread_name
from ._place_cues import (SPEECH, bearing_cue, is_locative, is_modifier, names_a_site, names_something_else,
                          near_cue, part_of_name, unknown_place_before)

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

    from ..geoparse import ResolvedMention
    from ._events import Trigger
    from ._extract import _Context

__all__ = ["NameSpan", "place_for"]

# How specific a place is: lower is more specific, and wins.
SPECIFICITY = {Kind.LANDMARK: 0, Kind.POPULATED_PLACE: 0, Kind.ADMIN2: 1, Kind.ADMIN1: 2, Kind.CORRIDOR: 3,
               Kind.DISPUTED_AREA: 4, Kind.REGION: 4, Kind.PHYSICAL_FEATURE: 5, Kind.BORDER: 5, Kind.COUNTRY: 6,
               Kind.HISTORICAL: 6, Kind.CONTINENT: 8}
# Areas smaller than this (km^2) are "part of a region" (geo precision 2), larger ones precision 3.
_SMALL_AREA_KM2 = 15_000.0
_PLAIN, _SITE, _MODIFIER, _IN_A_NAME = 0, 1, 2, 3
# Events whose object is usually a place ("shelled X"), unlike "shot X" (a person).
_PLACE_OBJECT = frozenset("shell bomb strike attack raid storm capture seize overrun take hit bombard target".split())
_AROUND = re.compile(r"\b(?:countryside|outskirts|vicinity|suburbs|area|environs)\b")


class NameSpan(NamedTuple):
    """Where the text names a place the gazetteer lacks (the incident keeps the name, not a point)."""

    start: int
    end: int


def place_for(ctx: _Context, s: int, e: int, cs: int, ce: int, trig: Trigger,
              *, alone: bool) -> tuple[Place | None, int, ResolvedMention | NameSpan | None, str]:
    """(place, geo precision, its mention, the name to report when the place is only its area)."""
    text = ctx.text
    clause = text[cs:ce]
    names = _where_names(ctx, ctx.mentions.within(cs, ce))
    if re.search(r"\bborders?\b|\bfrontier\b|\bline of contact\b|\bboundary\b", clause, re.IGNORECASE):
        border_place = _border(ctx, names, s, e)
        if border_place is not None and not any(SPECIFICITY[m.place.kind] <= 2 for m in names):
            return border_place, 3, None, ""
    if not names and alone:
        # A sentence that reports one event may name its place in another clause; one that
        # reports several does not lend one event's place to another.
        names = _where_names(ctx, ctx.mentions.within(s, e))
    tiers = {id(m): _tier(ctx, m) for m in names}
    plain = [m for m in names if tiers[id(m)] <= _SITE]
    if min((SPECIFICITY.get(m.place.kind, 9) for m in plain), default=9) >= 4:
        # Only a country or region, or only names used as modifiers or inside an organisation's:
        # the place the clause's locative phrase names may be one the geoparser left unread.
        known = [m.place.country for m in plain if m.place.country]
        # Countries named only as modifiers ("a US soldier was killed in Khaldiyah") do not bound the look-up.
        anywhere = not known and any(m.place.country for m in names if tiers[id(m)] >= _MODIFIER)
        # A name read inside another's ("Cox" of "Cox's Bazar") does not keep the whole from being looked up.
        covered = [(m.start, m.end, m.kind == "demonym") for m in ctx.mentions.within(cs, ce)
                   if tiers.get(id(m)) != _IN_A_NAME]
        unread = _unread_place(ctx, cs, ce, trig, known, covered, anywhere=anywhere)
        if unread is not None:
            names, tiers = [unread], {id(unread): _PLAIN}
    if not names or all(tiers[id(m)] >= _MODIFIER for m in names):
        # "was shot in Ballymurphy", "a US soldier was killed in Khaldiyah": a place the gazetteer lacks keeps
        # its name (and no point of its own), in the document's area when it has one.
        spans = [(m.start, m.end) for m in ctx.mentions.within(cs, ce) if tiers.get(id(m)) != _IN_A_NAME]
        unknown = unknown_name(text, cs, ce, spans)
        if unknown is not None and _phrase(unknown[0]) not in _NAMED:
            area = ctx.main.place if ctx.main is not None and ctx.main.place.kind is not Kind.COUNTRY else None
            return area, 3 if area is None else 2, NameSpan(*unknown[1:]), unknown[0]
    if not names:
        return (ctx.main.place, 3, None, "") if ctx.main is not None else (None, 3, None, "")
    best = min(names, key=lambda m: _rank(ctx, m, trig, tiers[id(m)]))
    paren = text.rfind("(", max(0, best.start - 45), best.start)
    if paren >= 0 and ")" not in text[paren:best.start] and (written := _written_areas(ctx, paren)):
        # "(Ariha, Idleb)" read as Ariha (Jericho): the areas the brackets name, as the gazetteer knows them
        if not any(best.place.place_id == a.place_id or _inside(best.place, a) for a in written):
            best = replace(best, place=written[0])
    areas = _written_areas(ctx, best.end) if best.place.kind is Kind.POPULATED_PLACE else []
    if areas and not any(_inside(best.place, a) for a in areas):
        # "Kouka (Djibasso, Boucle du Mouhoun)": the namesake in the areas the note writes, else those areas
        namesake = _namesake_in(ctx, best.surface, areas)
        if namesake is None:
            return areas[0], 2, best, best.surface
        best = replace(best, place=namesake)
    # "Zibane (Anzourou, Tillaberi)": a place the gazetteer lacks, given with its areas.
    own = unknown_place_before(text, best.start)
    if own and not any(m.end <= best.start and m.start >= best.start - len(own) - 3 for m in names):
        return _as_area(ctx, best.place), 2, best, own
    # "the village of Fleifel in ... Idleb", "Pooneryn, 30 km from Kilinochchi": that name, at the known place.
    named = unread_name(text, cs, ce, (best.start, best.end), [(m.start, m.end) for m in ctx.mentions.within(cs, ce)]
                        + [(m.start, m.end) for m in names],
                        trigger_end=trig.end)
    if named is None and trig.lemma in _PLACE_OBJECT and trig.end <= best.start and (
            best.place.kind in (Kind.ADMIN1, Kind.ADMIN2) or _AROUND.search(text, trig.end, best.start)):
        # "shelled Fleifel in the southern countryside of Idleb": a village the gazetteer lacks, in its area
        named = object_name(text, trig.end, best.start)
        if named is not None and (_phrase(named[0]) in _NAMED or ctx.mentions.within(named[1], named[2])):
            named = None
    if named is None and best.place.kind is Kind.POPULATED_PLACE and (
            site := landmark_name(text, cs, ce, [(m.start, m.end) for m in ctx.mentions.within(cs, ce)])):
        # "at the Bardo Museum in Tunis": the site's own name, at its town
        return best.place, 1, replace(best, surface=site[0], start=site[1], end=site[2]), site[0]
    if named is not None and named[0] != best.place.name and best.place.kind is not Kind.COUNTRY:
        return best.place, 2, replace(best, surface=named[0], start=named[1], end=named[2]), named[0]
    return best.place, _precision(best.place, text, best), best, ""


def _tier(ctx: _Context, m: ResolvedMention) -> int:
    text = ctx.text
    country_like = SPECIFICITY.get(m.place.kind, 9) >= 4
    if country_like and (is_modifier(text, m.start, m.end) or _OWNED.match(text, m.end)):
        return _MODIFIER   # "the US military base", "a US soldier", "near a US base"
    if m.place.kind is Kind.POPULATED_PLACE and _GOVERNS.match(text, m.end):
        return _MODIFIER   # "Kiev troops shelled X": a capital's name for its government's forces
    if names_a_site(text, m.start, m.end):
        return _SITE   # "the Kabul airport", "on a Hong Kong hotel"
    town = m.place.kind is Kind.POPULATED_PLACE
    if part_of_name(text, m.start, m.end) or names_something_else(text, m.start, m.end) or (
            town and m.surface.isupper() and len(m.surface) <= 4) or _phrase(m.surface) in _NAMED or (
            town and (_name_goes_on(ctx, m) or _persons_name(ctx, m) or _ACRONYM_AFTER.match(text, m.end))):
        # also "IS", "MFO": an acronym read as a village; "Fano fighters": a named armed group;
        # "Cox's Bazar": a town's name that goes on
        return _IN_A_NAME
    return _PLAIN


# ACLED's note form "Boni (Douentza, Mopti)": the areas that contain the place, most specific first.
_AREAS = re.compile(r"\s*(?:village|town|city|area|district)?\s*\(\s*([^(),;]{2,40}?)\s*(?:,\s*([^(),;]{2,40}?)\s*)?\)")
_AREA_WORDS = re.compile(r"\b(?:region|province|governorate|state|oblast|department|district|cercle|territory|"
                         r"prefecture|county|municipality)\b")


def _written_areas(ctx: _Context, at: int) -> list[Place]:
    """The admin areas written in brackets at ``at`` that the gazetteer knows, most specific first."""
    found = _AREAS.match(ctx.text, at) if at >= 0 else None
    if found is None:
        return []
    out = []
    for name in filter(None, found.groups()):
        hits = ctx.gazetteer.lookup(name, kinds=("admin2", "admin1"), limit=1, fuzzy=False)
        if hits:
            out.append(hits[0].place)
    return out


def _plain(name: str) -> str:
    import unicodedata

    flat = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]", "", _AREA_WORDS.sub("", flat))


def _inside(place: Place, area: Place) -> bool:
    names = {_plain(place.admin1), _plain(place.admin2)} - {""}
    return place.country == area.country and _plain(area.name) in names


def _namesake_in(ctx: _Context, name: str, areas: list[Place]) -> Place | None:
    hits = ctx.gazetteer.lookup(name, kinds="populated_place", country=areas[0].country, limit=20, fuzzy=False)
    return next((c.place for c in hits if any(_inside(c.place, a) for a in areas)), None)


def _name_goes_on(ctx: _Context, m: ResolvedMention) -> bool:
    """Whether a town's name goes on into a longer known name ("Cox" of "Cox's Bazar", not "Baghdad's Green Zone")."""
    more = re.match(r"['’]s\s+[A-Z][\w-]*", ctx.text[m.end:m.end + 40])
    if more is None:
        return False
    hits = ctx.gazetteer.lookup(m.surface + more.group(), limit=1, fuzzy=False)
    return bool(hits) and hits[0].place.place_id != m.place.place_id and m.surface in hits[0].place.name


# "the Liberation Tigers of Tamil Eelam (LTTE)", "Kampala Capital City Authority (KCCA)": an organisation's name.
_ACRONYM_AFTER = re.compile(r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*){1,4}|(?:\s+[A-Z][\w'’-]*){1,4})?"
                            r"\s+\([A-Z]{2,6}\)")
# What a country owns rather than holds: "near a US military base" is not in the US.
_OWNED = re.compile(r"\s+(?:military|army|naval|air|embassy|consulate|base|troops|forces|soldiers?|patrol|convoy|"
                    r"warships?|drones?|jets?)\b")
# A town's name before its government's or rulers' forces ("Kiev troops", "Damascus forces"); not police,
# who act in their own town ("Kabul police").
_GOVERNS = re.compile(r"[-\s]+(?:government\s+|regime\s+|backed\s+|led\s+)?(?:troops|forces|soldiers|army|militias?|"
                      r"regime)\b")
# Capitalised words that go on a place's name without making it another's ("Baghdad International Airport").
_PLACE_WORDS = frozenset("""airport stadium square street road bridge province district region state governorate city
strip valley mountains river international central north south east west old new monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december""".split())


def _persons_name(ctx: _Context, m: ResolvedMention) -> bool:
    """Whether a town's name is a first name ("Ferdinand Marcos"): a capitalised word follows it that is
    neither a place word nor a place read on its own."""
    more = re.match(r" ([A-Z][a-z]+)\b", ctx.text[m.end:m.end + 30])
    if more is None or is_locative(ctx.text, m.start, m.end, m.end + 1, m.end + 1):
        return False
    word = more.group(1)
    return word.lower() not in _PLACE_WORDS and not ctx.mentions.within(m.end + 1, m.end + 1 + len(word))


def _rank(ctx: _Context, m: ResolvedMention, trig: Trigger, tier: int) -> tuple[Any, ...]:
    return (tier == _IN_A_NAME, not is_locative(ctx.text, m.start, m.end, trig.start, trig.end), tier,
            bearing_cue(ctx.text, m.start), SPECIFICITY.get(m.place.kind, 9), m.start < trig.start,
            abs(m.start - trig.end))


def _unread_place(ctx: _Context, cs: int, ce: int, trig: Trigger, countries: list[str],
                  covered: list[tuple[int, int, bool]], *, anywhere: bool) -> ResolvedMention | None:
    """A place looked up in the clause's locative phrase where ``covered`` (start, end, demonym) read none;
    a name read as a demonym ("the Israeli strike") is no place."""
    from ..geoparse import ResolvedMention

    countries = countries or list(ctx.countries[:3])
    found = locative_places(ctx.text, cs, ce, ctx.gazetteer, countries, anywhere=anywhere)
    if cs <= trig.end < ce and (obj := object_place(ctx.text, trig.end, ce, ctx.gazetteer, countries,
                                                    anywhere=anywhere)):
        found.append(obj)
    found = [(p, a, b) for p, a, b in found
             if not any((x, y) == (a, b) if demonym else x < b and a < y for x, y, demonym in covered)]
    if not found:
        return None
    place, a, b = min(found, key=lambda f: (SPECIFICITY.get(f[0].kind, 9), f[1]))
    return ResolvedMention(ctx.text[a:b], a, b, place, 0.0, ("looked up in the event's locative phrase",))


def _as_area(ctx: _Context, place: Place) -> Place:
    """The admin area of a town's name in its country ("(Anzourou, Tillaberi)" names the region), else the town."""
    if place.kind is not Kind.POPULATED_PLACE:
        return place
    hits = ctx.gazetteer.lookup(place.name, kinds=("admin2", "admin1"), country=place.country, limit=1, fuzzy=False)
    return hits[0].place if hits else place


def _where_names(ctx: _Context, mentions: list[ResolvedMention]) -> list[ResolvedMention]:
    """The places that may be where an event happened: not demonyms and not a speaker ("Azerbaijan said")."""
    return [m for m in mentions if m.kind != "demonym" and not SPEECH.match(ctx.text[m.end:m.end + 40])]


def _precision(place: Place, text: str, mention: ResolvedMention) -> int:
    if place.kind in (Kind.POPULATED_PLACE, Kind.LANDMARK):
        return 2 if near_cue(text, mention.start, mention.end) else 1
    if place.kind in (Kind.CORRIDOR, Kind.ADMIN2):
        return 2
    if place.kind in (Kind.ADMIN1, Kind.REGION, Kind.DISPUTED_AREA, Kind.PHYSICAL_FEATURE):
        if near_cue(text, mention.start, mention.end):
            return 2
        return 2 if _area_km2(place) < _SMALL_AREA_KM2 else 3
    return 3


def _area_km2(place: Place) -> float:
    if place.geometry_wkb is None:
        return 0.0
    geom = place.geometry
    return abs(geom.area) * 111.32 ** 2 * math.cos(math.radians(place.latitude))


def _border(ctx: _Context, names: Sequence[ResolvedMention], s: int, e: int) -> Place | None:
    """The border line between the countries the clause, its sentence or the document names."""
    countries: list[str] = []
    for pool in (names, ctx.mentions.starting(s, e)):
        for m in pool:
            if m.place.country and m.place.country not in countries:
                countries.append(m.place.country)
    for cc in ctx.countries:
        if cc not in countries:
            countries.append(cc)
    for i, a in enumerate(countries[:4]):
        for b in countries[i + 1:4]:
            place = _border_between(ctx.gazetteer, a, b)
            if place is not None:
                return place
    return None


def _border_between(gaz: Gazetteer, a: str, b: str) -> Place | None:
    names = {}
    for cc in (a, b):
        hits = gaz.lookup(cc, kinds="country", limit=1, fuzzy=False)
        if not hits:
            return None
        names[cc] = hits[0].place.name
    for x, y in ((a, b), (b, a)):
        for c in gaz.lookup(f"{names[x]}-{names[y]} border", kinds="border", limit=3, fuzzy=False):
            return c.place
    return None
