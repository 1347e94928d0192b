"""Geoparsing evaluation: gold corpora, metrics and a scoring harness.

Read a gold corpus, then score a geoparser end to end or on gold names::

    from geomap.evaluate import evaluate_geoparse, read_corpus

    corpus = read_corpus("../shared/eval/geowebnews/GWN.xml", "gwn")
    report = evaluate_geoparse(corpus, parse=my_parser)
    print(report.format_table())

Incident extraction is scored on the team's gold JSON Lines (:func:`evaluate_incidents`)
and on two third-party sentence sets, event-location and PLOVER
(:func:`evaluate_event_location`, :func:`evaluate_plover`).

Errors are :class:`geomap.errors.EvaluationError`.
"""

from __future__ import annotations

from ._conventions import convention_differences, same_place_by_id
from .corpora import FORMATS, Corpus, GoldDocument, GoldToponym, read_corpus, read_geovirus, read_gwn, read_lgl
from .geoparse import GeoparseReport, Miss, Prediction, PredictionLike, TypeScore, evaluate_geoparse
from .metrics import (
    ACC_KM,
    EARTH_RADIUS_KM,
    MATCH_WINDOW,
    MAX_ERROR_KM,
    accuracy_at,
    great_circle_km,
    greedy_pairs,
    log_error_auc,
    match_toponyms,
    precision_recall_f1,
)

from ._event_sets import (
    EVENT_VERBS,
    EventLocationRecord,
    EventLocationReport,
    PLOVER_FAMILIES,
    PLOVER_QUIET,
    PloverRecord,
    PloverReport,
    evaluate_event_location,
    evaluate_plover,
    read_event_location,
    read_plover,
)
from ._mistakes import format_mistakes, mistakes_to_dicts
from .incidents import (
    GoldIncident,
    GoldIncidentDoc,
    IncidentLike,
    IncidentMistake,
    IncidentPair,
    IncidentReport,
    LOCATION_KM,
    evaluate_incidents,
    incident_similarity,
    read_incident_set,
)

__all__ = [
    "ACC_KM",
    "Corpus",
    "EARTH_RADIUS_KM",
    "EVENT_VERBS",
    "EventLocationRecord",
    "EventLocationReport",
    "FORMATS",
    "GeoparseReport",
    "GoldDocument",
    "GoldIncident",
    "GoldIncidentDoc",
    "GoldToponym",
    "IncidentLike",
    "IncidentMistake",
    "IncidentPair",
    "IncidentReport",
    "LOCATION_KM",
    "MATCH_WINDOW",
    "MAX_ERROR_KM",
    "Miss",
    "PLOVER_FAMILIES",
    "PLOVER_QUIET",
    "PloverRecord",
    "PloverReport",
    "Prediction",
    "PredictionLike",
    "TypeScore",
    "accuracy_at",
    "convention_differences",
    "evaluate_event_location",
    "evaluate_geoparse",
    "evaluate_incidents",
    "evaluate_plover",
    "format_mistakes",
    "great_circle_km",
    "greedy_pairs",
    "incident_similarity",
    "log_error_auc",
    "match_toponyms",
    "mistakes_to_dicts",
    "precision_recall_f1",
    "read_corpus",
    "read_event_location",
    "read_geovirus",
    "read_gwn",
    "read_incident_set",
    "read_lgl",
    "read_plover",
    "same_place_by_id",
]
