"""Value objects of the gazetteer: :class:`Kind`, :class:`Place` and :class:`Candidate`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import InvalidQuery

if TYPE_CHECKING:  # pragma: no cover
    from shapely.geometry.base import BaseGeometry

__all__ = ["Candidate", "Kind", "MatchType", "Place", "parse_kinds"]


class Kind(str, enum.Enum):
    """What sort of place a gazetteer entry is."""

    POPULATED_PLACE = "populated_place"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    COUNTRY = "country"
    REGION = "region"
    CORRIDOR = "corridor"
    BORDER = "border"
    DISPUTED_AREA = "disputed_area"
    CONTINENT = "continent"
    PHYSICAL_FEATURE = "physical_feature"
    LANDMARK = "landmark"  # a building, square, airport or site news names as a place ("White House")
    HISTORICAL = "historical"  # a former country or territory ("Soviet Union", "Netherlands Antilles")

    def __str__(self) -> str:
        return self.value


_KIND_ALIASES = {
    "city": Kind.POPULATED_PLACE,
    "town": Kind.POPULATED_PLACE,
    "place": Kind.POPULATED_PLACE,
    "populated": Kind.POPULATED_PLACE,
    "district": Kind.ADMIN2,
    "province": Kind.ADMIN1,
    "state": Kind.ADMIN1,
    "disputed": Kind.DISPUTED_AREA,
    "physical": Kind.PHYSICAL_FEATURE,
}


def parse_kinds(kinds: Any) -> frozenset[Kind] | None:
    """Turn a kind, a name of one, or an iterable of them into a set of :class:`Kind`.

    Parameters
    ----------
    kinds : Kind, str, iterable of Kind or str, or None
        ``None`` means every kind.

    Returns
    -------
    frozenset of Kind or None

    Raises
    ------
    InvalidQuery
        For a name that is no kind; the message lists the valid ones.

    Examples
    --------
    >>> sorted(k.value for k in parse_kinds("admin1"))
    ['admin1']
    >>> sorted(k.value for k in parse_kinds(["city", Kind.COUNTRY]))
    ['country', 'populated_place']
    """
    if kinds is None:
        return None
    if isinstance(kinds, (str, Kind)):
        kinds = [kinds]
    out = set()
    for k in kinds:
        if isinstance(k, Kind):
            out.add(k)
            continue
        key = str(k).strip().lower().replace("-", "_").replace(" ", "_")
        try:
            out.add(Kind(key))
        except ValueError:
            if key in _KIND_ALIASES:
                out.add(_KIND_ALIASES[key])
            else:
                valid = ", ".join(x.value for x in Kind)
                raise InvalidQuery(f"unknown kind {k!r}; valid kinds: {valid}") from None
    return frozenset(out)


class MatchType(str, enum.Enum):
    """How a query matched a place's names."""

    EXACT = "exact"  # the place's main name
    ALIAS = "alias"  # an alternate, transliterated or abbreviated name
    DEMONYM = "demonym"  # an adjective or demonym of the place ("Armenian")
    PARTIAL = "partial"  # a place named inside a longer name ("Colorado" in "Colorado State University")
    FUZZY = "fuzzy"  # a near spelling, as a fallback only
    ONLINE = "online"  # answered by an online geocoder, not by the gazetteer's names

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    Attributes
    ----------
    place_id : str
        Stable id, ``"geonames:147625"``, ``"curated:lachin-corridor"``, ``"ne:..."``.
    name : str
        The preferred (English where known) name.
    kind : Kind
    country : str
        ISO 3166-1 alpha-2 code, ``""`` for places in no single country.
    latitude, longitude : float
        A representative point, WGS84.
    population : int
    area_km2 : int
        Area of the place's polygon, 0 for points and lines.
    feature_class, feature_code : str
        GeoNames' codes where the place comes from GeoNames (``P``/``PPLC``).
    admin1, admin2 : str
        Names of the containing first and second level admin areas.
    admin1_code, admin2_code : str
        GeoNames codes (``AZ.28``) of the same.
    geometry_wkb : bytes or None
        A line or polygon (WKB) for places that are more than a point.
    source : str
        Where the entry comes from, with any note.
    name_count : int
        How many names and alternate names (spellings, scripts, languages) the
        gazetteer knows the place by: a measure of how widely it is known, used in
        ranking and left out of :meth:`to_dict` (it describes the gazetteer, not the place).
    """

    place_id: str
    name: str
    kind: Kind
    country: str
    latitude: float
    longitude: float
    population: int = 0
    area_km2: int = 0
    feature_class: str = ""
    feature_code: str = ""
    admin1: str = ""
    admin2: str = ""
    admin1_code: str = ""
    admin2_code: str = ""
    geometry_wkb: bytes | None = field(default=None, repr=False, compare=False)
    source: str = ""
    name_count: int = field(default=0, repr=False)

    @property
    def geonameid(self) -> int | None:
        """The GeoNames id, where the place comes from GeoNames."""
        prefix, _, rest = self.place_id.partition(":")
        return int(rest) if prefix == "geonames" and rest.isdigit() else None

    @property
    def geometry_type(self) -> str | None:
        """``"LineString"``, ``"Polygon"``... for places with a shape, else ``None``."""
        if self.geometry_wkb is None:
            return None
        return _wkb_type(self.geometry_wkb)

    @property
    def geometry(self) -> BaseGeometry:
        """The shape (a point where the place has no line or polygon), as shapely."""
        import shapely

        if self.geometry_wkb is None:
            return shapely.Point(self.longitude, self.latitude)
        return shapely.from_wkb(self.geometry_wkb)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A GeoJSON Feature of the place (geometry in lon/lat)."""
        if self.geometry_wkb is None:
            geom: dict[str, Any] = {"type": "Point", "coordinates": (self.longitude, self.latitude)}
        else:
            geom = self.geometry.__geo_interface__
        return {"type": "Feature", "id": self.place_id, "geometry": geom, "properties": self.to_dict()}

    def to_dict(self) -> dict[str, Any]:
        """The place's attributes as plain JSON-ready values (no geometry).

        Examples
        --------
        >>> p = Place("geonames:1", "X", Kind.POPULATED_PLACE, "AZ", 40.0, 47.0)
        >>> p.to_dict()["kind"]
        'populated_place'
        """
        return {
            "place_id": self.place_id,
            "name": self.name,
            "kind": self.kind.value,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.latitude,
            "lon": self.longitude,
            "population": self.population,
            "feature_code": self.feature_code,
            "geometry_type": self.geometry_type,
            "source": self.source,
        }


_WKB_TYPES = {1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}


def _wkb_type(wkb: bytes) -> str:
    # Read the type from the WKB header so that no shapely import is needed.
    code = int.from_bytes(wkb[1:5], "little" if wkb[0] == 1 else "big") & 0xFF
    return _WKB_TYPES.get(code % 1000, "Geometry")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that answers a query, with how well and why.

    Attributes
    ----------
    place : Place
    score : float
        Between 0 and 1; higher is better. Comparable within one query.
    match : MatchType
    matched_name : str
        The normalised name that matched.
    reasons : tuple of str
        Human-readable contributions to the score, e.g. ``"exact name"``,
        ``"population 1.2M"``, ``"country match AZ"``.
    """

    place: Place
    score: float
    match: MatchType
    matched_name: str = ""
    reasons: tuple[str, ...] = ()

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        feat = self.place.__geo_interface__
        feat["properties"].update(score=self.score, match=self.match.value, reasons=list(self.reasons))
        return feat
