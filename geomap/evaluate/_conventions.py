"""Errors that come from a point convention: the right place, which the corpus puts at another point.

A country or a region is one place with many possible points (a label point, a
centroid, GeoNames' point); the gazetteer follows one stated rule
(``gazetteer/data/README.md``, "Points") and an annotated corpus may follow
another. A matched gold toponym whose error exceeds 161 km although the parser
chose the very place the corpus means counts as a convention difference, not as
a wrong choice; the report says how many there are, by kind of place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .corpora import GoldToponym

__all__ = ["SamePlace", "convention_differences", "same_place_by_id"]

#: ``same_place(gold, predicted)``: whether the prediction names the place the gold toponym means.
SamePlace = Callable[[GoldToponym, Any], bool]


def same_place_by_id(gold: GoldToponym, predicted: Any) -> bool:
    """Whether the predicted place is the gold toponym's GeoNames place (by id; ``False`` where either lacks one).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> gold = GoldToponym(0, 6, "Russia", 60.0, 100.0, 2017370, "")
    >>> same_place_by_id(gold, SimpleNamespace(place=SimpleNamespace(place_id="geonames:2017370")))
    True
    >>> same_place_by_id(gold, SimpleNamespace(place=SimpleNamespace(place_id="geonames:524901")))
    False
    """
    place = getattr(predicted, "place", None)
    return gold.geonameid is not None and getattr(place, "place_id", None) == f"geonames:{gold.geonameid}"


def convention_differences(pairs: Iterable[Any], same_place: SamePlace, limit_km: float) -> dict[str, int]:
    """How many matched pairs beyond ``limit_km`` name the right place, by the kind of place.

    ``pairs`` are :class:`~geomap.evaluate.geoparse.Miss` tuples; the kind is the
    predicted place's (``"country"``, ``"region"``...), ``"place"`` when it has none.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> gold = GoldToponym(0, 6, "Russia", 60.0, 100.0, 2017370, "")
    >>> russia = SimpleNamespace(place=SimpleNamespace(place_id="geonames:2017370", kind="country"))
    >>> pair = SimpleNamespace(gold=gold, predicted=russia, error_km=2700.0)
    >>> convention_differences([pair], same_place_by_id, 161.0)
    {'country': 1}
    >>> near = SimpleNamespace(gold=gold, predicted=russia, error_km=20.0)  # within 161 km: no difference
    >>> convention_differences([near], same_place_by_id, 161.0)
    {}
    """
    out: dict[str, int] = {}
    for pair in pairs:
        if pair.error_km <= limit_km or getattr(pair.predicted, "latitude", 0.0) is None:
            continue  # within the limit, or no answer at all (a miss, not a convention)
        if same_place(pair.gold, pair.predicted):
            kind = getattr(getattr(pair.predicted, "place", None), "kind", "place")
            key = str(getattr(kind, "value", kind))
            out[key] = out.get(key, 0) + 1
    return dict(sorted(out.items()))
