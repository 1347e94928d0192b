"""The :class:`ResolvedMention` value: a place mention resolved to a gazetteer place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gazetteer import MatchType

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Place


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A place mention resolved to a gazetteer place.

    Attributes
    ----------
    surface : str
        The text as written.
    start, end : int
        0-based, end-exclusive offsets into the text.
    place : Place
        The gazetteer place.
    score : float
        The resolution score (higher is surer; comparable within a document).
    reasons : tuple of str
        What made the score: the gazetteer's priors and the context cues.
    kind : str
        The mention's kind: ``"name"``, ``"abbreviation"`` or ``"demonym"``.
    match : MatchType or None
        How the name matched the place's names: a ``PARTIAL`` match names a place
        inside a longer name the gazetteer lacks ("Liverpool" in "Liverpool
        Academy"); ``None`` when the place was not found by its name at all (see
        :func:`geomap.resolve_spans`).
    context : float
        The part of ``score`` that the document added to the gazetteer's own score
        for the place (containers, feature words, named countries and areas,
        closeness to the other places); 0 for a reading made from the name alone.
    """

    surface: str
    start: int
    end: int
    place: Place
    score: float
    reasons: tuple[str, ...] = ()
    kind: str = "name"
    match: MatchType | None = None
    context: float = 0.0

    @property
    def latitude(self) -> float:
        """The place's latitude (WGS84)."""
        return self.place.latitude

    @property
    def longitude(self) -> float:
        """The place's longitude (WGS84)."""
        return self.place.longitude

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the mention's fields and the place's."""
        return {"surface": self.surface, "start": self.start, "end": self.end, "kind": self.kind,
                "match": None if self.match is None else self.match.value, "score": self.score,
                "context": self.context, "reasons": list(self.reasons), "place": self.place.to_dict()}

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A GeoJSON Feature: the place's geometry, the mention in the properties."""
        feature = self.place.__geo_interface__
        feature["properties"] = {"surface": self.surface, "start": self.start, "end": self.end, "kind": self.kind,
                                 "match": None if self.match is None else self.match.value, "score": self.score,
                                 "context": self.context, "reasons": list(self.reasons), **feature["properties"]}
        return feature
