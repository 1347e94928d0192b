"""Geoparsing: find the places a text names and resolve each to a gazetteer place.

Takes in
    A :class:`~geomap.text.Document` or a string, and a :class:`gazetteer.Gazetteer`.
Gives out
    :class:`ResolvedMention` values: the span, the surface form and the chosen
    :class:`gazetteer.Place` with its score.

The flow: ``_recognize`` finds candidate spans with the gazetteer's name automaton
and the context word lists; ``_resolve`` scores each span's gazetteer candidates in
the document's context; ``_geoparse`` runs both and the passes that need the whole
document's reading (written areas, demonyms).

Modules
    ``_geoparse``       :func:`geoparse`, :func:`resolve_spans`, the default gazetteer.
    ``_recognize``      :class:`Recognizer` and :class:`Mention`: spans that may name places.
    ``_automaton``      the gazetteer's name automaton, built once and cached on disk.
    ``_runs``           what a run of capitalised words holds on its own (hits, demonym words), memoised.
    ``_lower_case``     which name keys a text also writes in lower case.
    ``_fold``           folding text to the gazetteer's name-key form, with offsets back.
    ``_context_rules``  word lists that tell a place name from a capitalised word naming something else.
    ``_spans``          overlap queries over many spans.
    ``_resolve``        :func:`resolve_mentions`: candidates scored in context.
    ``_candidates``     a mention's gazetteer readings, filtered by how the name was written.
    ``_support``        doubt and support: whether a name is meant as a place at all.
    ``_containment``    whether one place lies inside another; containers written after a name.
    ``_enumerations``   lists of places in running text.
    ``_neighbours``     the document's other places near a candidate; the closeness features.
    ``_focus``          the story's home: country, admin-1 area, county, point (dateline, unambiguous
                        names, a caller's ``near=``/``countries=``).
    ``_ranker``         the linear ranker's features and weights (``data/ranker.json``); tracing for the fit.
    ``fit``             ``python -m geomap.geoparse.fit``: fits the weights with cross-validation (development).
    ``_sports``         whether a story is a sports report.
    ``_written_areas``  a name read outside the area written after it, placed in that area.

Imports :mod:`geomap.text`, :mod:`geomap.errors` and :mod:`gazetteer`; nothing from
incidents, render, io, batch or cli.

The public function :func:`geomap.geoparse` keeps its name at the top of ``geomap``;
import this package's contents with ``from geomap.geoparse import ...``.

Examples
--------
>>> from geomap.geoparse import geoparse
>>> [(m.surface, m.place.country) for m in geoparse("Shelling hit Zangilan.")]
[('Zangilan', 'AZ')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports

# public name -> module that defines it
_EXPORTS = {
    "Mention": "_mention",
    "Recognizer": "_recognize",
    "ResolvedMention": "_resolved",
    "default_gazetteer": "_geoparse",
    "geoparse": "_geoparse",
    "resolve_mentions": "_resolve",
    "resolve_spans": "_geoparse",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from ._geoparse import default_gazetteer, geoparse, resolve_spans
    from ._mention import Mention
    from ._recognize import Recognizer
    from ._resolve import resolve_mentions
    from ._resolved import ResolvedMention

__getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
