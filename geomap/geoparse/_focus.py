"""The story's home: the country, admin-1 area, county and point a document is about.

Three sources, surest first:

* a locality bias the caller sets (``geoparse(text, near=..., countries=...)``): a
  newsroom's town, a country team's countries;
* the dateline ("ATHENS, Ga. —", "BAKU and YEREVAN, 21 February 2023"): the
  first pass's readings of the places written in it;
* the admin-1 area (and county) most of the document's unambiguous names lie in (a
  name whose every gazetteer reading lies in one admin-1 area).

The focus is no rule: the ranker reads it through features of each reading
(``focus_country``, ``focus_admin1``, ``focus_admin2``, ``focus_near``) whose weights
are fitted: so a county that many states share ("Henry County") resolves inside the
focus state unless the text says otherwise (a written container, a neighbour).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer import Kind
from gazetteer._ranking import haversine_km

from ..errors import NearError
from ._containment import reach_km

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Candidate, Gazetteer, Place

__all__ = ["Focus", "dateline_span", "inferred_focus", "user_focus"]

#: Closeness to the focus point is exp(-km / this) unless the caller gives a radius.
FOCUS_SCALE_KM = 100.0
# Datelines open a line near the top: a town or towns in capitals, maybe a state or country, then
# an agency in brackets, a dash or a date. "ATHENS, Ga. —", "LONDON (Reuters) -", "BAKU and YEREVAN, 21 February".
_TOWN = r"[A-Z][A-Z.'\u2019-]+(?:[ \t][A-Z][A-Z.'\u2019-]+){0,3}"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?P<towns>{_TOWN}(?:(?:,[ \t]*|[ \t]+and[ \t]+){_TOWN})*)"
    r"(?:,[ \t]*(?P<area>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?))?"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?"
    r"(?:[\u2014\u2013]|--|-[ \t]|,[ \t]*\d|,[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d)")
# Only the top of a text holds its dateline.
_DATELINE_REACH = 400
# An inferred admin-1 focus needs this many unambiguous names, and this share of them.
_MIN_FIRM = 2
_MIN_SHARE = 0.5
_CODE = re.compile(r"^[A-Za-z]{2}$")
# "36.16,-86.78" or "36.16, -86.78, 50": a point with an optional radius written as text.
_WRITTEN_POINT = re.compile(r"^\s*([-+]?\d+(?:\.\d*)?)\s*,\s*([-+]?\d+(?:\.\d*)?)\s*(?:,\s*([-+]?\d+(?:\.\d*)?)\s*)?$")


@dataclass(frozen=True)
class Focus:
    """Where a document is about: countries (ISO-2), admin-1 codes ("US.TN"), a point with its scale, counties.

    Examples
    --------
    >>> f = Focus(frozenset({"US"}), frozenset({"US.TN"}), (36.17, -86.78))
    >>> f.admin1s, f.scale_km
    (frozenset({'US.TN'}), 100.0)
    """

    countries: frozenset[str] = frozenset()
    admin1s: frozenset[str] = frozenset()
    point: tuple[float, float] | None = None
    scale_km: float = FOCUS_SCALE_KM
    admin2s: frozenset[str] = frozenset()
    #: Set by the caller (``near=``, ``countries=``) rather than read from the text: its features are
    #: ``home_*``, weighted apart from the ``focus_*`` of a dateline or of the unambiguous names.
    given: bool = False

    def features(self, p: Place) -> dict[str, float]:
        """The focus features of one reading: in the focus country, admin-1 area or county, closeness.

        Examples
        --------
        >>> from gazetteer import Gazetteer
        >>> paris_tn = next(c.place for c in Gazetteer().lookup("Paris", limit=5) if c.place.admin1_code == "US.TN")
        >>> f = Focus(frozenset({"US"}), frozenset({"US.TN"}), (36.17, -86.78))
        >>> {k: round(v, 2) for k, v in f.features(paris_tn).items()}
        {'focus_country': 1.0, 'focus_admin1': 1.0, 'focus_near': 0.25}
        >>> Focus(frozenset({"FR"})).features(paris_tn)
        {}
        """
        out: dict[str, float] = {}
        pre = "home_" if self.given else "focus_"
        if p.country and p.country in self.countries:
            out[pre + "country"] = 1.0
        if p.admin1_code and p.admin1_code in self.admin1s:
            out[pre + "admin1"] = 1.0
        # A county GeoNames splits lists its member areas' codes, joined by "|".
        if p.admin2_code and self.admin2s and not self.admin2s.isdisjoint(p.admin2_code.split("|")):
            out[pre + "admin2"] = 1.0
        if self.point is not None and p.kind is not Kind.COUNTRY:
            d = max(0.0, haversine_km(p.latitude, p.longitude, *self.point) - reach_km(p))
            value = math.exp(-d / self.scale_km)
            if value >= 0.01:
                out[pre + "near"] = value
        return out


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's places are written, or ``None`` when the text opens with no dateline.

    Examples
    --------
    >>> text = "ATHENS, Ga. — A fire closed the mill."
    >>> s, e = dateline_span(text); text[s:e]
    'ATHENS, Ga.'
    >>> text = "BAKU and YEREVAN, 21 February 2023. Talks went on."
    >>> s, e = dateline_span(text); text[s:e]
    'BAKU and YEREVAN'
    >>> dateline_span("A fire in Athens, Georgia -- the mill closed.") is None
    True
    """
    m = _DATELINE.search(text, 0, min(len(text), _DATELINE_REACH))
    if m is None:
        return None
    return m.start("towns"), m.end("area") if m.group("area") else m.end("towns")


def user_focus(gazetteer: Gazetteer, near: object = None, countries: object = None) -> Focus | None:
    """The focus a caller sets: ``near`` a place name or ``(lat, lon[, km])``, ``countries`` ISO-2 codes.

    ``near`` may also be the point written as text, ``"lat,lon[,km]"`` (a corpus's source-location column).

    Raises
    ------
    NearError
        If ``near`` names no place or is out of range, or a country code is not two letters.
    TypeError
        If ``near`` or ``countries`` has the wrong type.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> f = user_focus(Gazetteer(), near="Nashville, Tennessee", countries=["us"])
    >>> sorted(f.countries), sorted(f.admin1s)
    (['US'], ['US.TN'])
    >>> user_focus(Gazetteer(), near=(36.17, -86.78, 50)).scale_km
    50.0
    >>> user_focus(Gazetteer(), near="36.17, -86.78, 50") == user_focus(Gazetteer(), near=(36.17, -86.78, 50))
    True
    >>> user_focus(Gazetteer()) is None
    True
    """
    codes = _country_codes(countries)
    if near is None:
        return Focus(codes, given=True) if codes else None
    if isinstance(near, str) and (written := _WRITTEN_POINT.match(near)):
        near = tuple(float(v) for v in written.groups() if v is not None)  # a corpus's column: "36.16,-86.78,50"
    if isinstance(near, str):
        place = _named_place(gazetteer, near)
        point = (place.latitude, place.longitude)
        scale = max(FOCUS_SCALE_KM, reach_km(place))
        if place.kind is Kind.COUNTRY:
            return Focus(codes | {place.country}, given=True)
        admin1s = frozenset({place.admin1_code}) if place.admin1_code else frozenset()
        return Focus(codes | {place.country}, admin1s, point, scale, _county_codes([place]), given=True)
    lat, lon, scale = _point(near)
    areas = gazetteer.reverse(lat, lon).areas
    admin1s = frozenset(a.admin1_code for a in areas if a.kind is Kind.ADMIN1 and a.admin1_code)
    found = frozenset(a.country for a in areas if a.kind is Kind.COUNTRY and a.country)
    return Focus(codes | found, admin1s, (lat, lon), scale, given=True)


def _country_codes(countries: object) -> frozenset[str]:
    if countries is None:
        return frozenset()
    if isinstance(countries, str):
        countries = [c for c in re.split(r"[,\s]+", countries) if c]
    if not isinstance(countries, Iterable):
        raise TypeError(f"countries must be ISO-2 codes, not {type(countries).__name__}")
    out = set()
    for c in countries:
        if not isinstance(c, str):
            raise TypeError(f"a country code must be a str, not {type(c).__name__}")
        if not _CODE.match(c):
            raise NearError(f"not a two-letter country code: {c!r}")
        out.add(c.upper())
    return frozenset(out)


def _named_place(gazetteer: Gazetteer, name: str) -> Place:
    name = name.strip()
    if not name:
        raise NearError("near: an empty place name")
    head, _, area = name.partition(",")
    cands = gazetteer.lookup(head.strip(), limit=25, fuzzy=False) if head.strip() else []
    if area.strip():
        # "Nashville, Tennessee": the reading inside the written area.
        boxes = gazetteer.lookup(area.strip(), limit=5, fuzzy=False)
        codes = {(b.place.country, b.place.admin1_code if b.place.kind is Kind.ADMIN1 else "") for b in boxes}
        cands = [c for c in cands if (c.place.country, c.place.admin1_code) in codes or (c.place.country, "") in codes]
    if not cands:
        raise NearError(f"near: no place named {name!r} in the gazetteer")
    return cands[0].place


def _point(near: object) -> tuple[float, float, float]:
    if not isinstance(near, (tuple, list)) or len(near) not in (2, 3):
        raise TypeError(f"near must be a place name or (lat, lon[, km]), not {near!r}")
    try:
        values = [float(v) for v in near]
    except (TypeError, ValueError):
        raise NearError(f"near: not numbers: {near!r}") from None
    lat, lon = values[0], values[1]
    scale = values[2] if len(values) == 3 else FOCUS_SCALE_KM
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise NearError(f"near: latitude must be within ±90 and longitude within ±180, not {lat}, {lon}")
    if not (math.isfinite(scale) and scale > 0):
        raise NearError(f"near: the radius must be a positive number of km, not {scale}")
    return lat, lon, scale


def inferred_focus(dateline: Sequence[Place], names: Iterable[Sequence[Candidate]]) -> Focus | None:
    """The focus the document itself gives: its dateline's places, else its unambiguous names' admin-1 area.

    ``dateline`` are the first pass's readings of the dateline's places; ``names`` each
    distinct name's candidates. A name is unambiguous when all its readings lie in one
    admin-1 area; that area is the focus when at least two names lie in it and at least
    half of all unambiguous names do.
    """
    if dateline:
        first = dateline[0]
        admin1s = frozenset(p.admin1_code for p in dateline if p.admin1_code)
        point = None if first.kind is Kind.COUNTRY else (first.latitude, first.longitude)
        return Focus(frozenset(p.country for p in dateline if p.country), admin1s, point,
                     admin2s=_county_codes(dateline))
    areas: Counter[str] = Counter()
    counties: Counter[str] = Counter()
    for cands in names:
        codes = {c.place.admin1_code for c in cands}
        if len(codes) == 1 and cands[0].place.kind is not Kind.COUNTRY:
            code = next(iter(codes))
            if code:
                areas[code] += 1
                in_counties = {c.place.admin2_code for c in cands}
                if len(in_counties) == 1 and cands[0].place.kind is not Kind.ADMIN1:
                    counties[next(iter(in_counties))] += 1
    if not areas:
        return None
    code, n = areas.most_common(1)[0]
    if n < _MIN_FIRM or n < _MIN_SHARE * sum(areas.values()):
        return None
    county, m = next(((c, k) for c, k in counties.most_common() if c.startswith(code + ".")), ("", 0))
    admin2s = frozenset(county.split("|")) if m >= _MIN_FIRM else frozenset()
    return Focus(frozenset({code.partition(".")[0]}), frozenset({code}), admin2s=admin2s)


def _county_codes(places: Iterable[Place]) -> frozenset[str]:
    """The county codes of towns and counties (a county GeoNames splits has several, joined by "|")."""
    return frozenset(code for p in places if p.kind in (Kind.POPULATED_PLACE, Kind.ADMIN2)
                     for code in p.admin2_code.split("|") if code)
