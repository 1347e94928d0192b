"""Incidents: what happened, where, when and to whom, in ACLED's model.

Takes in
    A :class:`~geomap.text.Document` (or a string) and its resolved places from
    :mod:`geomap.geoparse`.
Gives out
    :class:`Incident` values with ACLED's fields, UCDP's fatality estimates and the
    evidence sentence's offsets; :func:`to_geodataframe` puts them in a GeoDataFrame.

Modules
    ``_model``          :class:`Incident` and ACLED's vocabularies (event types, precisions, columns).
    ``_extract``        :func:`extract_incidents`: events linked to their date, place, actors and casualties.
    ``_events``         event triggers and ACLED typing, by the lexicon's conditions.
    ``_nonreports``     mentions of an event that report none (negated, hypothetical, generic, a risk,
                        a trend, a past year's event, a running total).
    ``_repeats``        one incident per event: repeats and back-references ("the attack") merged.
    ``_gate``           the last keep-or-drop of a candidate, one logistic model (``data/incident_gate.json``,
                        fitted by ``fit_gate``, a development script nothing imports).
    ``_lexicon``        ``data/triggers.toml`` (event words, types, conditions) read into every word form.
    ``_clauses``        a trigger's clause, voice, agent and patient, by light syntax.
    ``_actors``         the actors of a sentence, named and coded the way ACLED does.
    ``_actor_lexicon``  the words, names and countries actor mentions are made of
                        (named groups: ``data/named_actors.csv``).
    ``_roles``          an incident's actor1 and actor2, from its clause and coded for its event type.
    ``_casualties``     deaths and injuries, by ACLED's and UCDP's rules.
    ``_tolls``          a sentence that reports only a toll, as an incident of its own.
    ``_casualty_lexicon`` the words that tie a figure to deaths or injuries.
    ``_event_place``    which place the clause names is the event's (ranked), and at what precision.
    ``_place_cues``     the words around a place that say it is where an event happened, and how exactly.
    ``_fallback_place`` a place the geoparser left unread, looked up in the event's locative phrase.
    ``_frame``          incidents as a GeoDataFrame (EPSG:4326) and back.

Imports :mod:`geomap.text`, :mod:`geomap.geoparse`, :mod:`geomap.errors` and
:mod:`gazetteer`; nothing from render, io, batch or cli.

Examples
--------
>>> from geomap.incidents import extract_incidents
>>> [i.event_type for i in extract_incidents("Shelling hit Zangilan on 20 March 2023.", published="2023-03-21")]
['Explosions/Remote violence']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports

# public name -> module that defines it
_EXPORTS = {
    "ACLED_COLUMNS": "_model",
    "EVENT_TYPES": "_model",
    "GEO_PRECISION": "_model",
    "Incident": "_model",
    "TIME_PRECISION": "_model",
    "extract_incidents": "_extract",
    "to_geodataframe": "_frame",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from ._extract import extract_incidents
    from ._frame import to_geodataframe
    from ._model import ACLED_COLUMNS, EVENT_TYPES, GEO_PRECISION, TIME_PRECISION, Incident

__getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
