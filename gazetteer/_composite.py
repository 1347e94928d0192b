"""Reading a composite query: a name and the areas that contain it.

"Paris, Texas", "Paris TX", "Seattle WA USA", "London, ON, CA" and "Germany, Aachen"
each write a place's name with its containers: an admin-2 area, an admin-1 area
(by name or by its postal or ISO 3166-2 code) or a country (by name, short form or
ISO code). :class:`ContainerReader` splits such a query into readings (a name and
the containers around it) and finds what each written container may name; the
lookup then keeps the name's places that lie inside every one of them.

A container written as a code may name several areas ("CA" is California and
Canada, "GA" Georgia and Gabon); a reading keeps all of them, and the other
containers and the name settle which one is meant: London lies in Ontario and in
Canada, not in California.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .models import Kind, Place
from .normalize import index_keys, normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from .lookup import Gazetteer

__all__ = ["CONTAINER_KINDS", "ContainerReader", "Reading", "contains", "turned_round"]

#: The kinds of place a query may write as the container of another. Regions, disputed areas and
#: physical features ("Seoul, Korea", "Shusha, Nagorno-Karabakh") contain what their polygon covers.
CONTAINER_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2, Kind.REGION, Kind.DISPUTED_AREA,
                             Kind.PHYSICAL_FEATURE})
_CODED_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2})
#: After a comma a town may contain a part of it too: "Brooklyn, New York City", "Soho, London".
_TOWN_CONTAINER_KINDS = CONTAINER_KINDS | {Kind.POPULATED_PLACE}
#: Containers that make a reading sure without a comma: "Paris Texas" is Paris in Texas, whereas
#: "Paris Hilton" is no place in the county of Hilton.
_STRONG_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1})
_MAX_RUN_WORDS = 6
_MAX_WORDS = 12
#: Common codes of states that ISO 3166-2 writes otherwise: "NRW" for Nordrhein-Westfalen (DE-NW), and
#: "BC" as Mexico writes Baja California (MX-BCN) beside British Columbia's postal code: "Tijuana, BC".
#: A curated code is read beside the database's own ("BC" stays British Columbia too); the name settles it.
_EXTRA_CODES = {"BC": "MX-BCN", "NRW": "DE-NW"}
# A postal code or house number ("TX 78701", "K1A 0B1") says nothing the gazetteer can use.
_POSTAL = re.compile(r"^(?=.*\d)[A-Za-z0-9-]{2,10}$")
_SEGMENTS = re.compile(r"\s*[,;\u060c\uff0c\u3001]\s*")
_FLAG_CODE, _FLAG_DEMONYM = 2, 3
# Bounded caches of what a written container names (the database is read-only).
_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a query: a name, and the areas written around it.

    Attributes
    ----------
    name : str
        The name as written ("Paris").
    containers : tuple of (str, tuple of Place)
        Each written container ("TX") with every area it may name.
    comma : bool
        Whether a comma parts the name from a container.
    strong : bool
        Whether a country or an admin-1 area is among the containers: such a reading
        stands without a comma ("Paris Texas"); an admin-2 name alone does not
        ("Paris Hilton" is no place in a county of Hilton).
    """

    name: str
    containers: tuple[tuple[str, tuple[Place, ...]], ...]
    comma: bool
    strong: bool


def contains(area: Place, place: Place) -> bool:
    """Whether ``place`` lies in the country, admin-1 or admin-2 area ``area`` (by codes, not shapes).

    Examples
    --------
    >>> texas = Place("geonames:4736286", "Texas", Kind.ADMIN1, "US", 31.2, -99.3, admin1_code="US.TX")
    >>> paris = Place("geonames:4717560", "Paris", Kind.POPULATED_PLACE, "US", 33.7, -95.6, admin1_code="US.TX")
    >>> contains(texas, paris), contains(paris, texas)
    (True, False)
    """
    if area.place_id == place.place_id or area.country != place.country or not area.country:
        return False
    if area.kind is Kind.COUNTRY:
        return place.kind is not Kind.COUNTRY
    if area.kind is Kind.ADMIN1:
        return bool(area.admin1_code) and place.admin1_code == area.admin1_code and place.kind is not Kind.ADMIN1
    if area.kind is Kind.ADMIN2:
        return (bool(area.admin2_code) and place.admin2_code == area.admin2_code
                and place.kind not in (Kind.ADMIN1, Kind.ADMIN2))
    return False


def segments(text: str) -> list[list[str]]:
    """The comma-separated parts of a query, each as its words.

    Examples
    --------
    >>> segments("Austin, TX 78701, USA")
    [['Austin'], ['TX', '78701'], ['USA']]
    >>> segments("Paris Texas")
    [['Paris', 'Texas']]
    """
    out = []
    for part in _SEGMENTS.split(text.strip()):
        words = part.split()
        if words:
            out.append(words)
    return out


class ContainerReader:
    """What the words of a query may name as containers, and the readings of a query.

    Parameters
    ----------
    gazetteer : Gazetteer
        Where container names are looked up.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gaz = gazetteer
        self._areas: dict[tuple[str, frozenset[Kind]], tuple[Place, ...]] = {}
        self._iso_codes: dict[str, tuple[tuple[str, str], ...]] | None = None
        self._subdivisions: dict[tuple[str, str], tuple[Place, ...]] = {}
        self._sovereigns: dict[str, str] | None = None

    def areas(self, written: str, kinds: frozenset[Kind] = CONTAINER_KINDS) -> tuple[Place, ...]:
        """Every place of ``kinds`` that ``written`` may name as a container, by name or code."""
        key = normalize_name(written)
        if not key:
            return ()
        cache_key = (written, kinds)
        found = self._areas.get(cache_key)
        if found is None:
            seen: dict[str, Place] = {}
            coded = False
            for k in {key} | index_keys(written):
                for row in self._gaz.store.places_by_key(k):
                    if row[0] == _FLAG_DEMONYM:
                        continue
                    place = self._gaz._place(row[1:])
                    if place.kind in kinds and (place.kind in _CODED_KINDS or place.kind is Kind.POPULATED_PLACE
                                                or _polygonal(place)):
                        seen.setdefault(place.place_id, place)
                        coded = coded or (row[0] == _FLAG_CODE and place.kind is Kind.ADMIN1)
            # ISO 3166-2 codes ("BY" Bavaria, "UP" Uttar Pradesh) where the gazetteer knows no state by the code,
            # and the curated codes always.
            if Kind.ADMIN1 in kinds and key.isalpha() and (2 <= len(key) <= 3 and not coded
                                                           or key.upper() in _EXTRA_CODES):
                for place in self._by_subdivision_code(key.upper(), only_extra=coded):
                    seen.setdefault(place.place_id, place)
            found = tuple(seen.values())
            if len(self._areas) >= _CACHE_SIZE:
                self._areas.clear()
            self._areas[cache_key] = found
        return found

    def readings(self, text: str) -> Iterator[Reading]:
        """The ways to read ``text`` as a name with containers, most likely first.

        The name comes first ("Paris, Texas", "Paris Texas USA": the longest name
        first) or, after a comma, last ("Germany, Aachen"). Every word that is not
        the name must be read as a container.
        """
        segs = segments(text)
        if sum(len(s) for s in segs) > _MAX_WORDS or sum(len(s) for s in segs) < 2:
            return
        # In a text that writes capitals, a short word in lower case is a word ("of", "on"), not a code.
        cased = any(ch.isupper() for ch in text)
        first, rest = segs[0], segs[1:]
        tail = self._parse_segments(rest, _TOWN_CONTAINER_KINDS, cased)
        if tail is not None or not rest:
            for k in range(len(first) - (0 if rest else 1), 0, -1):
                own = self._parse(first[k:], CONTAINER_KINDS, cased) if k < len(first) else []
                if own is None:
                    continue
                conts = own + (tail or [])
                if not conts:
                    continue
                strong = any(p.kind in _STRONG_KINDS for _, alts in conts for p in alts)
                yield Reading(" ".join(first[:k]), tuple(conts), bool(rest), strong)
        if len(segs) >= 2:
            head = self._parse_segments(segs[:-1], _TOWN_CONTAINER_KINDS, cased)
            if head:
                yield Reading(" ".join(segs[-1]), tuple(head), True, True)

    def _parse_segments(self, segs: list[list[str]], kinds: frozenset[Kind],
                        cased: bool) -> list[tuple[str, tuple[Place, ...]]] | None:
        out: list[tuple[str, tuple[Place, ...]]] = []
        for seg in segs:
            parsed = self._parse(seg, kinds, cased)
            if parsed is None:
                return None
            out += parsed
        return out

    def _parse(self, words: list[str], kinds: frozenset[Kind],
               cased: bool) -> list[tuple[str, tuple[Place, ...]]] | None:
        """Words read as a run of containers, the fewest containers first; ``None`` if they are not."""
        words = [w for w in words if not _POSTAL.match(w)]  # "TX 78701": the postal code says nothing here
        if not words:
            return []
        best: list[tuple[str, tuple[Place, ...]]] | None = None
        for n in range(min(len(words), _MAX_RUN_WORDS), 0, -1):
            written = " ".join(words[:n])
            if cased and n == 1 and len(written) <= 3 and written.islower():
                continue
            alts = self.areas(written, kinds)
            if not alts:
                continue
            rest = self._parse(words[n:], kinds, cased)
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = [(written, alts)] + rest
        return best

    def governs(self, area: Place, place: Place) -> bool:
        """Whether the country ``area`` governs the territory ``place`` lies in (or is): Hong Kong and Macao
        in China, Puerto Rico in the United States, as Natural Earth's ``SOVEREIGNT`` says (build metadata)."""
        if self._sovereigns is None:
            pairs = self._gaz.store.meta().get("sovereigns", "").split()
            self._sovereigns = dict(p.split(":", 1) for p in pairs if ":" in p)
        return area.kind is Kind.COUNTRY and self._sovereigns.get(place.country) == area.country != ""

    def _by_subdivision_code(self, code: str, only_extra: bool = False) -> tuple[Place, ...]:
        """Admin-1 areas whose ISO 3166-2 code (after the country part) is ``code``: "NSW", "BY", "UP".

        With ``only_extra``, only those of the curated codes (:data:`_EXTRA_CODES`).
        """
        if self._iso_codes is None:
            self._iso_codes = _iso_subdivision_codes()
        extra = _EXTRA_CODES.get(code, "").partition("-")[0]
        out: list[Place] = []
        for cc, name in self._iso_codes.get(code, ()):
            if only_extra and cc != extra:
                continue
            found = self._subdivisions.get((cc, name))
            if found is None:
                found = self._subdivisions[(cc, name)] = self._admin1_named(cc, name)
            out += found
        return tuple(out)

    def _admin1_named(self, cc: str, name: str) -> tuple[Place, ...]:
        key = normalize_name(name)
        cands = self._gaz._named(name, key, cc, frozenset({Kind.ADMIN1}), None) if key else ()
        return tuple(c.place for c in cands[:1])


@lru_cache(maxsize=1)
def _iso_subdivision_codes() -> dict[str, tuple[tuple[str, str], ...]]:
    """ISO 3166-2 codes of first-level subdivisions by their letters after the country part, from pycountry.

    pycountry is the maintained copy of ISO 3166-2 on PyPI; it is read only when a
    query writes a short code the gazetteer's own names lack ("NRW", "UP").
    """
    import pycountry

    out: dict[str, list[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        cc, _, local = sub.code.partition("-")
        if local.isalpha() and 2 <= len(local) <= 3:
            out.setdefault(local, []).append((cc, _clean_name(sub.name)))
    for extra, iso in _EXTRA_CODES.items():
        cc, _, local = iso.partition("-")
        out.setdefault(extra, []).extend(x for x in out.get(local, ()) if x[0] == cc)
    return {k: tuple(v) for k, v in out.items()}


def _clean_name(name: str) -> str:
    """An ISO subdivision name as a gazetteer knows it: "Murcia, Región de" -> "Murcia", no "[...]"."""
    name = re.sub(r"\s*\[.*?\]", "", name)
    name = name.split(",")[0]
    return re.sub(r"\s+(?:Sheng|Zizhiqu|Shi)$", "", name).strip()


# "Congo, Democratic Republic of the", "Korea, Republic of", "Bahamas, The": a name with its head put last.
_INVERTED = re.compile(r"([^,]+),\s*((?:the|[^,]+\bof(?: the)?))\s*", re.IGNORECASE)


def turned_round(text: str) -> str | None:
    """A name written the way lists sort it, turned back; ``None`` for any other text.

    Examples
    --------
    >>> turned_round("Congo, Democratic Republic of the"), turned_round("Gambia, The")
    ('Democratic Republic of the Congo', 'The Gambia')
    >>> turned_round("Paris, Texas") is None
    True
    """
    m = _INVERTED.fullmatch(text)
    return f"{m.group(2)} {m.group(1)}" if m else None


def _polygonal(place: Place) -> bool:
    return place.geometry_type in ("Polygon", "MultiPolygon")


def describe(written: str, area: Place) -> str:
    """The reason a candidate gives for one matched container."""
    return f"in {area.kind.value} {area.name} (written {written!r})"


def filter_inside(cands: Any, containers: tuple[tuple[str, tuple[Place, ...]], ...],
                  covers: Callable[[Place, Place], bool] | None = None) -> list[tuple[Any, list[str]]]:
    """Candidates lying inside one of each container's areas, with the reasons that say which.

    Inside by codes (country, admin-1 and admin-2 codes), or, with ``covers``, also
    where the area's polygon covers the place's point.
    """
    out = []
    for c in cands:
        why = []
        for written, alts in containers:
            area = next((a for a in alts if contains(a, c.place) or (covers is not None and covers(a, c.place))),
                        None)
            if area is None:
                break
            why.append(describe(written, area))
        else:
            out.append((c, why))
    return out
