"""The incident model: ACLED's fields where ACLED has the concept, UCDP's fatality estimates,
and the evidence that ties each incident to its source text.

An :class:`Incident` is a frozen value; :meth:`Incident.to_dict` gives the flat
record (ACLED column names) that the exporters and the CLI write.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "ACLED_COLUMNS",
    "DISORDER_TYPES",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "Incident",
    "TIME_PRECISION",
]

#: ACLED's event types and their sub-event types.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
#: ACLED's disorder types.
DISORDER_TYPES = ("Political violence", "Demonstrations", "Strategic developments",
                  "Political violence; Demonstrations")
#: ACLED time precision: 1 the day is known, 2 the week, 3 only the month.
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
#: ACLED geo precision: 1 the town, 2 near a town or part of a region, 3 a larger region or border area.
GEO_PRECISION = {1: "town", 2: "part of a region", 3: "larger region or border area"}

#: ACLED's export columns, in ACLED's order, for those of our fields that ACLED has.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


@dataclass(frozen=True, slots=True)
class Incident:
    """One event, coded in the ACLED model with its evidence.

    Attributes
    ----------
    event_id : str
        Stable id: document id and the evidence offsets.
    event_date : datetime.date or None
        The best date; ``None`` when the text gives none and no publication date is known.
    time_precision : int
        1 day, 2 week, 3 month (ACLED).
    disorder_type, event_type, sub_event_type : str
        ACLED's taxonomy (:data:`EVENT_TYPES`).
    actor1, actor2 : str
        ACLED-style actor names ("Military Forces of Armenia (2018-)" is ACLED's form; we write
        "Military Forces of Armenia"), ``""`` when not stated.
    inter1, inter2 : int
        ACLED interaction codes (1 state forces, 2 rebels, 3 political militias, 4 identity militias,
        5 rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 none).
    civilian_targeting : bool
    country, iso, admin1, admin2, location : str
        Where; ``iso`` is ISO 3166-1 alpha-2 (ACLED uses numeric; we keep alpha-2).
    latitude, longitude : float or None
        A representative point (WGS84).
    geo_precision : int
        1 town, 2 part of a region, 3 larger region or border area (ACLED).
    fatalities : int
        ACLED's rule: the lowest reported figure; 0 when none is reported.
    fatalities_low, fatalities_best, fatalities_high : int or None
        UCDP-style estimates where the text gives a range or a bound.
    injuries : int or None
        Reported injuries, kept apart from deaths.
    source, source_url : str
        Who reported it (the outlet, or the party whose claim it is) and where.
    notes : str
        The evidence sentence.
    evidence_start, evidence_end : int
        Character offsets of ``notes`` in the document text.
    place_id : str
        The gazetteer id of the location.
    geometry_wkb : bytes or None
        The line or polygon of a corridor, border or region when the location is one; else ``None``
        (the point is ``latitude``/``longitude``).
    confidence : float
        0..1, how sure the extractor is that this is a real, reported event.
    trigger : str
        The words that made it an event ("shootout", "gunfire").
    trigger_start, trigger_end : int
        Offsets of the trigger in the document text.
    place_start, place_end : int
        Offsets of the location's mention in the document text (-1 when none).
    """

    event_id: str
    event_date: _dt.date | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    actor2: str = ""
    inter1: int = 0
    inter2: int = 0
    civilian_targeting: bool = False
    country: str = ""
    iso: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    source: str = ""
    source_url: str = ""
    notes: str = ""
    evidence_start: int = -1
    evidence_end: int = -1
    place_id: str = ""
    geometry_wkb: bytes | None = field(default=None, repr=False, compare=False)
    confidence: float = 0.0
    trigger: str = ""
    trigger_start: int = -1
    trigger_end: int = -1
    place_start: int = -1
    place_end: int = -1

    def __post_init__(self) -> None:
        if self.event_type and self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event_type {self.event_type!r}; valid: {', '.join(EVENT_TYPES)}")
        if self.event_type and self.sub_event_type not in EVENT_TYPES[self.event_type]:
            raise ValueError(f"{self.sub_event_type!r} is no sub-event type of {self.event_type!r}; "
                             f"valid: {', '.join(EVENT_TYPES[self.event_type])}")
        if self.time_precision not in TIME_PRECISION:
            raise ValueError(f"time_precision must be 1, 2 or 3, got {self.time_precision!r}")
        if self.geo_precision not in GEO_PRECISION:
            raise ValueError(f"geo_precision must be 1, 2 or 3, got {self.geo_precision!r}")

    @property
    def geometry_type(self) -> str | None:
        """``"Point"`` where a point is known, the line or polygon type where one is, else ``None``."""
        if self.geometry_wkb is not None:
            from gazetteer.models import _wkb_type

            return _wkb_type(self.geometry_wkb)
        return "Point" if self.latitude is not None and self.longitude is not None else None

    def shape(self) -> Any:
        """The incident's shapely geometry: its line or polygon, else its point, else ``None``.

        Examples
        --------
        >>> import datetime
        >>> i = Incident("d:0", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
        ...              latitude=39.08, longitude=46.66)
        >>> i.shape().wkt
        'POINT (46.66 39.08)'
        """
        import shapely

        if self.geometry_wkb is not None:
            return shapely.from_wkb(self.geometry_wkb)
        if self.latitude is not None and self.longitude is not None:
            return shapely.Point(self.longitude, self.latitude)
        return None

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A GeoJSON Feature (lon/lat): the corridor's line or the region's polygon where there is one."""
        shape = self.shape()
        geom: dict[str, Any] | None = None if shape is None else shape.__geo_interface__
        return {"type": "Feature", "id": self.event_id, "geometry": geom, "properties": self.to_dict()}

    def to_dict(self) -> dict[str, Any]:
        """The flat record: dates as ISO strings, no geometry bytes.

        Examples
        --------
        >>> import datetime
        >>> i = Incident("d1:0-10", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash")
        >>> i.to_dict()["event_date"], i.to_dict()["year"]
        ('2023-03-20', 2023)
        """
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "geometry_wkb"}
        out["event_date"] = self.event_date.isoformat() if self.event_date else None
        out["year"] = self.event_date.year if self.event_date else None
        out["geometry_type"] = self.geometry_type
        return out

