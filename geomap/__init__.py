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
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Document": "text",
    "RecordError": "text",
    "iter_jsonl": "text",
    "parse_date": "text",
    "read_document": "text",
    "read_html": "text",
    "read_jsonl": "text",
    "read_text": "text",
    "Mention": "geoparse",
    "Recognizer": "geoparse",
    "ResolvedMention": "geoparse",
    "geoparse": "geoparse",
    "resolve_mentions": "geoparse",
    "resolve_spans": "geoparse",
    "Incident": "incidents",
    "extract_incidents": "incidents",
    "to_geodataframe": "incidents",
    "EncodingError": "errors",
    "EvaluationError": "errors",
    "GeomapError": "errors",
    "InputError": "errors",
    "InputTooLarge": "errors",
    "NearError": "errors",
    "OutputError": "errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .text import (
        Document,
        RecordError,
        iter_jsonl,
        parse_date,
        read_document,
        read_html,
        read_jsonl,
        read_text,
    )
    from .errors import EncodingError, EvaluationError, GeomapError, InputError, InputTooLarge, NearError, OutputError
    from .incidents import extract_incidents
    from .incidents import to_geodataframe
    from .geoparse import geoparse, resolve_spans
    from .incidents import Incident
    from .geoparse import Mention, Recognizer
    from .geoparse import ResolvedMention, resolve_mentions


class _Package(types.ModuleType):
    """The ``geomap`` module, whose name ``geoparse`` stays the function.

    The geoparsing stage lives in the subpackage ``geomap.geoparse``, and importing a
    subpackage sets it as an attribute of its parent. That would replace the public
    function :func:`geomap.geoparse` with a module, so the attribute is not set: the
    subpackage is still imported and reached with ``from geomap.geoparse import ...``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


def _lazy_exports(package: str, exports: dict[str, str]) -> tuple[Any, Any]:
    """The ``__getattr__`` and ``__dir__`` of a package whose names load on first use (PEP 562).

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    exports : dict of str to str
        Public name → the module, relative to ``package``, that defines it.

    Returns
    -------
    tuple
        ``(__getattr__, __dir__)`` to assign at the package's top level.

    Examples
    --------
    >>> getattr_, dir_ = _lazy_exports("geomap", {"InputError": "errors"})
    >>> getattr_("InputError").__name__
    'InputError'
    """
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__


sys.modules[__name__].__class__ = _Package
__getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
