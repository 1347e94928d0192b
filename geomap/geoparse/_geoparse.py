"""``geoparse``: find the places a text names and resolve each to a gazetteer place.

Recognition (:mod:`geomap.geoparse._recognize`) and resolution in context
(:mod:`geomap.geoparse._resolve`) composed; :func:`resolve_spans` resolves given spans,
for scoring resolution alone on gold toponyms.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gazetteer import Kind, MatchType
from gazetteer._ranking import haversine_km as _km
from gazetteer.normalize import normalize_name

from ._containment import written_as_container
from ._focus import Focus, user_focus
from ._spans import Coverage
from ._support import WEAK_MATCHES
from ._written_areas import place_in_written_areas
from ..text import Document
from ._mention import Mention
from ._recognize import Recognizer
from ._resolve import W_COUNTRY, resolve_mentions
from ._resolved import ResolvedMention

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

__all__ = ["geoparse", "resolve_spans"]

_RECOGNIZERS: dict[int, Recognizer] = {}


def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, opened once per process and shared by geoparsing and extraction."""
    return _recognizer(None).gazetteer


def _recognizer(gazetteer: Gazetteer | None) -> Recognizer:
    # One recogniser per gazetteer object: its automaton and the lookup cache are per process.
    rec = _RECOGNIZERS.get(id(gazetteer))
    if (rec is None or (gazetteer is not None and rec.gazetteer is not gazetteer)
            or (gazetteer is None and not rec.gazetteer.store.is_current())):  # the user layer changed
        rec = _RECOGNIZERS[id(gazetteer)] = Recognizer(gazetteer)
    return rec


def geoparse(text_or_document: str | Document, *, gazetteer: Gazetteer | None = None,
             demonyms: bool = False, near: str | tuple[float, ...] | None = None,
             countries: Sequence[str] | str | None = None) -> list[ResolvedMention]:
    """Find the places a text names and resolve each in context.

    Parameters
    ----------
    text_or_document : str or Document
        Offsets in the result refer to this text (``Document.text``).
    gazetteer : Gazetteer, optional
        The shipped gazetteer by default.
    demonyms : bool, default False
        Also return demonyms and adjectives ("Armenian", "European") resolved to
        their country or region. They are country cues for resolution either way;
        whether they are toponyms depends on the use (GeoWebNews and TR-News count
        them, GeoVirus does not).
    near : str or (lat, lon) or (lat, lon, km), optional
        The story's home as the caller knows it (a local paper's town): a place name
        ("Nashville, Tennessee") or a point with an optional radius in km (100 by
        default). Readings in its admin-1 area and country, and near it, score higher
        through the ranker's focus features; the text can still say otherwise.
    countries : sequence of str, optional
        ISO-2 codes of the countries the story is likely in (a country team's):
        readings in them score higher the same way.

    Returns
    -------
    list of ResolvedMention
        In text order; empty for an empty text or one that names no place.

    Raises
    ------
    TypeError
        If given neither a str nor a Document, or ``near`` or ``countries`` of the wrong type.
    NearError
        If ``near`` names no known place or is out of range, or a country code is malformed
        (an :class:`~geomap.errors.InputError`, hence a ``ValueError``).

    Examples
    --------
    >>> [(r.surface, r.place.country) for r in geoparse("Shelling hit Zangilan, Azerbaijan.")]
    [('Zangilan', 'AZ'), ('Azerbaijan', 'AZ')]
    >>> geoparse("Fires near Paris.", countries=["USA"])
    Traceback (most recent call last):
    ...
    geomap.errors.NearError: not a two-letter country code: 'USA'
    >>> geoparse("")
    []
    """
    if isinstance(text_or_document, Document):
        text = text_or_document.text
    elif isinstance(text_or_document, str):
        text = text_or_document
    else:
        raise TypeError(f"geoparse takes a str or a Document, not {type(text_or_document).__name__}")
    rec = _recognizer(gazetteer)
    focus = user_focus(rec.gazetteer, near, countries)  # checked even for an empty text
    if not text:
        return []
    mentions = rec.recognize(text, demonyms=True)
    resolved = place_in_written_areas(
        text, resolve_mentions(text, mentions, rec.gazetteer, require_support=True, focus=focus), rec.gazetteer)
    if not demonyms:
        resolved = [r for r in resolved if r.kind != "demonym"]
    return resolved


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], *,
                  gazetteer: Gazetteer | None = None, home: Focus | None = None) -> list[ResolvedMention | None]:
    """Resolve given spans of a text (gold toponyms) in the context of the text.

    The recogniser's own mentions outside the spans still serve as context cues.

    Parameters
    ----------
    text : str
    spans : sequence of (start, end)
    gazetteer : Gazetteer, optional
    home : Focus, optional
        A home the caller sets (:func:`geomap.geoparse._focus.user_focus`); the fit simulates a newsroom's.

    Returns
    -------
    list of ResolvedMention or None
        One per span. A span naming no gazetteer place is answered with the town written
        right after it as its container ("X in Y", "X, Y"), else with the town the
        document is about (:func:`_focus`), else with the county, state or country it
        names most, or ``None`` when it names none; its reasons say which. So is a
        longer name read only through a part of it that is more likely its namesake
        than its location (see :func:`_focus_is_better`), and a village far from the
        story's town that nothing else points to (see :func:`_stray`).

    Examples
    --------
    >>> [r.place.country for r in resolve_spans("Moscow, Idaho", [(0, 6)])]
    ['US']
    >>> r = resolve_spans("A fire on Xqzzy Street in Baku.", [(10, 22)])[0]
    >>> r.place.name, r.reasons
    ('Baku', ('not in the gazetteer: in Baku, written after it',))
    >>> r = resolve_spans("Baku firemen came to Xqzzy Street.", [(21, 33)])[0]
    >>> r.place.name, r.reasons
    ('Baku', ("not in the gazetteer: the document's main town, Baku",))
    """
    from gazetteer.demonyms import demonyms

    table = demonyms()
    rec = _recognizer(gazetteer)
    found = {(m.start, m.end): m for m in rec.recognize(text, demonyms=True)}
    covered = Coverage(spans)
    context = [m for m in found.values() if not covered.overlaps(m.start, m.end)]
    given: list[Mention] = []
    for s, e in spans:
        m = found.get((s, e))
        if m is None:
            surface = text[s:e]
            d = table.get(surface.lower()) or table.get(surface.lower().rstrip("s"))
            letters = [c for c in surface if c.isalpha()]
            if d is not None:
                m = Mention(s, e, surface, d.place, "demonym", d.iso2)
            else:
                # "UAE", "Calif.": capitals or a final dot make an abbreviation (the gazetteer's flag-2 keys).
                # A road number ("A120", "I-95") is no abbreviation.
                abbr = not any(c.isdigit() for c in surface) and (
                    surface.endswith(".") or (len(letters) <= 3 and all(c.isupper() for c in letters)))
                # A span without letters or digits (" ", ", ") names nothing: its key stays empty.
                m = Mention(s, e, surface, normalize_name(surface), "abbreviation" if abbr else "name")
        elif m.caution:
            m = Mention(m.start, m.end, m.surface, m.key, m.kind, m.country)  # gold: no doubt it is a place
        given.append(m)
    resolved = place_in_written_areas(text, resolve_mentions(text, [m for m in given if m.key] + context,
                                                             rec.gazetteer, require_support=True, given=spans,
                                                             focus=home),
                                      rec.gazetteer)
    by_span = {(r.start, r.end): r for r in resolved}
    # The story's main town is first one of the given toponyms; the recogniser's own finds
    # ("Mary", "Adrian": names it took for towns) only where none of them is a town.
    by_given = set(spans)
    focus = _focus([r for r in resolved if (r.start, r.end) in by_given]) or _focus(resolved)
    ordered = sorted(resolved, key=lambda r: r.start)
    starts = [r.start for r in ordered]
    area_memo: list[ResolvedMention | None] = []

    def given_area() -> ResolvedMention | None:
        if not area_memo:
            area_memo.append(_focus_area([x for x in resolved if (x.start, x.end) in by_given]) or _focus_area(resolved))
        return area_memo[0]
    out: list[ResolvedMention | None] = []
    for m in given:
        if not m.key:
            out.append(None)
            continue
        r = by_span.get((m.start, m.end))
        stray = r is not None and focus is not None and _stray(r, focus)
        # An unknown abbreviation ("the CHU in Montpellier") is placed like an unknown name.
        unknown = r is None and m.kind != "demonym"
        # A name the gazetteer lacks is where the text puts it ("Bambino Gesu Hospital in Rome",
        # "Wilson's Farm, Fredericton"), else, in news, most likely in the town the story is about.
        box = _written_container(text, m, ordered, starts)
        where = box or focus
        street = (r is not None and r.match is MatchType.PARTIAL
                  and _named_after(m.surface, where.place if where is not None else None))
        # "The U.S. Embassy in Kyiv": a country read off a part of the name yields to a written town.
        owned = (r is not None and r.match is MatchType.PARTIAL and r.place.kind is Kind.COUNTRY
                 and box is not None)
        if not (unknown or m.kind == "name" and r is not None
                and (stray or street or owned or focus is not None and _focus_is_better(r, focus))):
            out.append(r)
            continue
        why = ("not in the gazetteer" if r is None else
               f"{r.reasons[0]}, but a small place far from the story" if stray else
               f"{r.reasons[0]}, but a street named after it" if street else
               f"{r.reasons[0]}, but a longer name")
        if box is not None:
            r = ResolvedMention(m.surface, m.start, m.end, box.place, 0.0,
                                (f"{why}: in {box.place.name}, written after it",), m.kind)
        elif focus is not None:
            r = ResolvedMention(m.surface, m.start, m.end, focus.place, 0.0,
                                (f"{why}: the document's main town, {focus.place.name}",), m.kind)
        elif r is None and (area := given_area()) is not None:
            r = ResolvedMention(m.surface, m.start, m.end, area.place, 0.0,
                                (f"{why}: the document's main area, {area.place.name}",), m.kind)
        out.append(r)
    return out


# The last word of a street's name, which is named after a place elsewhere ("Hampton Avenue",
# "Victoria St."); a compass word may follow ("Eglinton Avenue West").
_STREET_WORDS = frozenset("street st avenue ave road rd boulevard blvd drive lane parkway highway".split())
_STREET_SUFFIXES = frozenset("north south east west n s e w".split())
# Where townships are civil divisions, often named after other places ("Washington Township", New
# Jersey; "Berlin Township"); elsewhere a township is the place its name says ("Soweto township").
_TOWNSHIP_COUNTRIES = frozenset({"US", "CA"})


def _named_after(surface: str, where: Place | None) -> bool:
    """Whether a name is a street's or a township's, which a place read off a word of it is no location of.

    ``where`` is the town the story puts the name in (written after it, or its main
    town): a township is named after another place only in the US and Canada.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> voorhees, cape_town = (Gazetteer().lookup(n)[0].place for n in ("Voorhees", "Cape Town"))
    >>> _named_after("Hampton Avenue", None), _named_after("Berlin Township", voorhees)
    (True, True)
    >>> _named_after("Soweto Township", cape_town)
    False
    """
    words = normalize_name(surface).split()
    while len(words) > 2 and words[-1] in _STREET_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return False
    if words[-1] == "township":
        return where is not None and where.country in _TOWNSHIP_COUNTRIES
    return words[-1] in _STREET_WORDS


def _focus_area(resolved: Sequence[ResolvedMention]) -> ResolvedMention | None:
    """The smallest kind of area a story without towns names most: a county, else a state, else a country."""
    for kind in (Kind.ADMIN2, Kind.ADMIN1, Kind.COUNTRY):
        named = [r for r in resolved if r.place.kind is kind and r.match not in WEAK_MATCHES]
        if named:
            counts = Counter(r.place.place_id for r in named)
            return next(r for r in named if counts[r.place.place_id] == max(counts.values()))
    return None


def _stray(r: ResolvedMention, focus: ResolvedMention) -> bool:
    """Whether a name read as a small town far from the story's town is better read as a spot in that town.

    A given toponym is a place, but a village of a few thousand people across the
    world that nothing else in the story points to ("Turtle Rock", "Hubbard", "Grand"
    in a Chicago story) is more often a street, estate or venue of the story's own
    town that the gazetteer lacks.
    """
    p, f = r.place, focus.place
    if p.kind is not Kind.POPULATED_PLACE or p.population >= _STRAY_POPULATION or p.place_id == f.place_id:
        return False
    return _km(p.latitude, p.longitude, f.latitude, f.longitude) > _STRAY_KM and r.context <= W_COUNTRY


def _written_container(text: str, m: Mention, ordered: Sequence[ResolvedMention],
                       starts: Sequence[int]) -> ResolvedMention | None:
    """The town or county written right after a name as its container ("X in Y", "X, Y"), if any.

    ``ordered`` are the document's resolved mentions by start, ``starts`` their starts.
    """
    at = bisect.bisect_left(starts, m.end)
    nxt = ordered[at] if at < len(ordered) else None
    if nxt is None or not written_as_container(text, m.end, nxt.start):
        return None
    if nxt.place.kind not in (Kind.POPULATED_PLACE, Kind.ADMIN2) or nxt.match in WEAK_MATCHES:
        return None
    return nxt


# A town named inside a longer name ("Carnegie Library", "Stonewall Golf Club") smaller than this
# is more likely a person the building is named after than the town it stands in.
_NAMESAKE_POPULATION = 50_000
_FOCUS_NEAR_KM = 100.0
# A town smaller than this, this far from the story's town, with no cue but the story's country.
_STRAY_POPULATION = 15_000
_STRAY_KM = 500.0
# What another place of the story near a town adds to the town's count of mentions.
_FOCUS_SUPPORT = 0.5
# How many of the most named towns may be the focus; the rest are too rarely named to be it.
_FOCUS_CONTENDERS = 20


def _focus_is_better(r: ResolvedMention, focus: ResolvedMention) -> bool:
    """Whether the document's main town is a better answer than a place named inside a longer name.

    "Liverpool Academy" (in Cairo) and "Carnegie Library" name a facility after a
    place or a person; "Russian Embassy" and "Colorado State University" lie in the
    town the story is about, which the country's adjective or the state holds. A name
    built on a country's own name is the country ("Bank of Mexico", "South Venezuela"),
    and a big city far from that town keeps its reading ("Dubai World Cup", "Boston Marathon").
    """
    if r.match is not MatchType.PARTIAL:
        return False
    p, f = r.place, focus.place
    if p.place_id == f.place_id:
        return False
    if p.kind in (Kind.POPULATED_PLACE, Kind.ADMIN2):
        near = _km(p.latitude, p.longitude, f.latitude, f.longitude) <= _FOCUS_NEAR_KM
        return not near and p.population < _NAMESAKE_POPULATION
    if p.kind is Kind.COUNTRY:
        return _by_adjective(r)
    if p.kind is Kind.ADMIN1:
        return (f.country, f.admin1_code) == (p.country, p.admin1_code) or _by_adjective(r)
    return False


def _by_adjective(r: ResolvedMention) -> bool:
    """Whether the place was read off an adjective inside the name ("British" in "British Embassy Tokyo")."""
    from gazetteer.demonyms import demonyms

    part = r.reasons[0].partition(": ")[2].strip("'\"")
    return part in demonyms()


def _focus(resolved: Sequence[ResolvedMention]) -> ResolvedMention | None:
    """The town a document is about: named most by its own name, and held by its other places.

    Each town read whole counts once per mention, and half again for each other place
    of the document near it (a town within 100 km, the admin-1 area or country that
    holds it): a story naming Chicago, Park Ridge and the Near North Side is about
    Chicago, not about a namesake of "South Side" in Arkansas. The first of equals wins.
    Only the most named towns stand (``_FOCUS_CONTENDERS``), and each other place is
    weighed once with its count, so a gazetteer-sized list of towns costs linear time.
    """
    counts: dict[str, float] = {}
    first: dict[str, ResolvedMention] = {}
    for r in resolved:
        if r.place.kind is Kind.POPULATED_PLACE and r.match not in WEAK_MATCHES:
            counts[r.place.place_id] = counts.get(r.place.place_id, 0) + 1
            first.setdefault(r.place.place_id, r)
    if not counts:
        return None
    supporters: dict[str, tuple[Place, int]] = {}
    for r in resolved:
        if r.match is not MatchType.FUZZY:
            q, n = supporters.get(r.place.place_id, (r.place, 0))
            supporters[r.place.place_id] = (q, n + 1)
    most_named = set(sorted(first, key=lambda pid: -counts[pid])[:_FOCUS_CONTENDERS])
    contenders = [pid for pid in first if pid in most_named]
    for pid in contenders:
        t = first[pid].place
        for qid, (q, n) in supporters.items():
            if qid == pid:
                continue
            if (q.kind is Kind.POPULATED_PLACE and _km(q.latitude, q.longitude, t.latitude, t.longitude) <= _FOCUS_NEAR_KM
                    or q.kind is Kind.ADMIN1 and (q.country, q.admin1_code) == (t.country, t.admin1_code)
                    or q.kind is Kind.COUNTRY and q.country == t.country):
                counts[pid] += _FOCUS_SUPPORT * n
    return first[max(contenders, key=lambda pid: counts[pid])]
