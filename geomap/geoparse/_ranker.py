"""The candidate ranker: one linear model over named features, its weights in ``data/ranker.json``.

Each candidate reading of a name gets a feature vector (how the gazetteer ranks it,
what the text writes around the name, what the rest of the document names); its
score is the weighted sum. The weights are fitted by ``python -m geomap.geoparse.fit``
on the annotated corpora; nothing here imports a learning library.

Features
    ``prior``           the gazetteer's own score of the reading (match type, kind, size, seat).
    ``container``       the reading lies in an area written right after the name ("Paris, Texas").
    ``holds``           the reading (an area) holds a place written right before it ("Atlanta, Georgia").
    ``named_as``        the text calls the name this kind of place before it ("the city of ...").
    ``feature_word``    a feature word after the name fits the reading's kind ("... Province").
    ``listed``          the name stands in a list of places of the reading's kind.
    ``salient_area``    the reading is the well-known area among small namesake towns.
    ``country_named``   the document names the reading's country (0 to 1 with how often).
    ``admin1_named``    the document names the reading's first-level area through another name.
    ``near_centre``     closeness to the middle of the document's places, exp(-km / 400).
    ``near_neighbour``  closeness to the nearest other local place the document names, exp(-km / 50).
    ``team_city``       in a sports story, the big city whose name stands for its team.
    ``log_population``  log10(1 + population) / 7.
    ``namesake_rank``   1 / (1 + the reading's rank among the gazetteer's readings of the name).
    ``country_share``   the share of the document's other firm places in the reading's country.
    ``admin1_share``    the share of the document's other firm places in the reading's first-level area.
    ``focus_country``   the reading lies in a country of the story's home (:mod:`geomap.geoparse._focus`).
    ``focus_admin1``    the reading lies in (or is) the first-level area of the story's home.
    ``focus_near``      closeness to the story's home point, exp(-km / its scale).
    ``focus_admin2``    the reading lies in (or is) the county of the story's home.
    ``home_country``, ``home_admin1``, ``home_admin2``, ``home_near``: the same four for a home the caller
                        sets (``near=``, ``countries=``); the fit learns them from a simulated newsroom's home.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Place

FEATURES: tuple[str, ...] = (
    "prior", "container", "holds", "named_as", "feature_word", "listed", "salient_area", "country_named",
    "admin1_named", "near_centre", "near_neighbour", "team_city", "log_population", "namesake_rank",
    "country_share", "admin1_share", "focus_country", "focus_admin1", "focus_near", "focus_admin2",
    "home_country", "home_admin1", "home_admin2", "home_near",
)
#: Features of a home the caller sets: fitted after the others, on a simulated newsroom's home.
HOME_FEATURES: tuple[str, ...] = ("home_country", "home_admin1", "home_admin2", "home_near")
#: Features of a reading's own standing, whatever the text says: with the prior, its base score.
STANDING_FEATURES: tuple[str, ...] = ("log_population", "namesake_rank")
NEAR_SCALE_KM = 400.0
NEIGHBOUR_SCALE_KM = 50.0
#: Set by :func:`tracing`: each name key's candidates and their features, for the ranker's fit.
TRACE: Trace | None = None


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The ranker's weights, by feature name, from the shipped data file.

    Examples
    --------
    >>> w = weights()
    >>> sorted(w) == sorted(FEATURES) and w["prior"] > 0
    True
    """
    raw = json.loads(resources.files("geomap.geoparse").joinpath("data/ranker.json").read_text(encoding="utf-8"))
    found = raw["weights"]
    missing = set(FEATURES) - set(found)
    if missing or set(found) - set(FEATURES):
        raise ValueError(f"ranker.json does not match the ranker's features: {sorted(missing ^ (set(found) - set(FEATURES)))}")
    return {f: float(found[f]) for f in FEATURES}


def log_population(population: int) -> float:
    """The ``log_population`` feature: log10(1 + population) / 7, about 1 for a city of ten million."""
    return math.log10(1 + max(population, 0)) / 7


class Trace:
    """What :func:`tracing` records: each mention's name key, and each key's candidates with their features."""

    def __init__(self) -> None:
        self.keys: dict[tuple[int, int], str] = {}
        self.candidates: dict[str, list[tuple[Place, dict[str, float]]]] = {}

    def clear(self) -> None:
        self.keys.clear()
        self.candidates.clear()


@contextmanager
def tracing() -> Iterator[Trace]:
    """Record, while active, each name key's candidate places and features (for ``geomap.geoparse.fit``).

    Every :func:`geomap.geoparse._resolve.resolve_mentions` call inside the block adds to the trace, the last
    reading of a key winning; clear it between documents.
    """
    global TRACE
    TRACE = Trace()
    try:
        yield TRACE
    finally:
        TRACE = None
