"""geomap's error tree.

Every error geomap raises on purpose derives from :class:`GeomapError`; each
subclass also derives from the built-in a caller would naturally catch::

    GeomapError(Exception)
    ├── InputError(GeomapError, ValueError)          unreadable or malformed input
    │   ├── EncodingError(InputError)                not UTF-8 text, or binary data
    │   └── InputTooLarge(InputError)                over the configured size limit
    ├── OutputError(GeomapError, OSError)            a path that escapes the output folder, a failed write
    └── EvaluationError(GeomapError, ValueError)     a gold corpus that cannot be read

Errors from the gazetteer keep their own tree (:class:`gazetteer.GazetteerError`).
"""

from __future__ import annotations

__all__ = [
    "EncodingError",
    "EvaluationError",
    "GeomapError",
    "InputError",
    "InputTooLarge",
    "OutputError",
]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """Input that geomap cannot read: malformed, empty where text is needed, of an unknown format."""


class EncodingError(InputError):
    """Bytes that are not UTF-8 text (binary data, another encoding)."""


class InputTooLarge(InputError):
    """Input larger than the configured limit."""


class OutputError(GeomapError, OSError):
    """An output that cannot be written where asked (outside the output folder, unwritable)."""


class EvaluationError(GeomapError, ValueError):
    """A gold corpus that cannot be read or scored."""
