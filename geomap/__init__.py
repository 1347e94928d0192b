"""geomap: from news text to geocoded incidents, maps and GIS files, offline.

The flow (see the README): read a :class:`Document`, find and resolve its
places, extract incidents, then map or export them. Names are imported on
first use (PEP 562), so ``import geomap`` and the CLI start fast, and modules
that need pandas, geopandas or folium import them inside their functions.

Examples
--------
>>> import geomap
>>> geomap.read_text("Shelling hit Zangilan.").text
'Shelling hit Zangilan.'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Document": "documents",
    "RecordError": "documents",
    "iter_jsonl": "documents",
    "parse_date": "documents",
    "read_document": "documents",
    "read_html": "documents",
    "read_jsonl": "documents",
    "read_text": "documents",
    "Mention": "recognize",
    "Recognizer": "recognize",
    "ResolvedMention": "resolve",
    "geoparse": "geoparsing",
    "resolve_mentions": "resolve",
    "resolve_spans": "geoparsing",
    "Incident": "incident",
    "extract_incidents": "extract",
    "to_geodataframe": "frame",
    "EncodingError": "errors",
    "EvaluationError": "errors",
    "GeomapError": "errors",
    "InputError": "errors",
    "InputTooLarge": "errors",
    "OutputError": "errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .documents import (Document, RecordError, iter_jsonl, parse_date, read_document, read_html, read_jsonl,
                            read_text)
    from .errors import EncodingError, EvaluationError, GeomapError, InputError, InputTooLarge, OutputError
    from .extract import extract_incidents
    from .frame import to_geodataframe
    from .geoparsing import geoparse, resolve_spans
    from .incident import Incident
    from .recognize import Mention, Recognizer
    from .resolve import ResolvedMention, resolve_mentions


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geomap' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
