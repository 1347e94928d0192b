"""geomap's error tree.

Every error geomap raises on purpose derives from :class:`GeomapError`; each
subclass also derives from the built-in a caller would naturally catch::

    GeomapError(Exception)
    ├── InputError(GeomapError, ValueError)          unreadable or malformed input
    │   ├── EncodingError(InputError)                not UTF-8 text, or binary data
    │   ├── InputTooLarge(InputError)                over the configured size limit
    │   ├── NearError(InputError)                    a locality bias (near=, countries=) that is malformed or unknown
    │   └── RecordError(InputError)                  one bad record (line) of a multi-record input
    ├── OutputError(GeomapError, OSError)            a path that escapes the output folder, a failed write
    └── EvaluationError(GeomapError, ValueError)     a gold corpus that cannot be read

Errors from the gazetteer keep their own tree (:class:`gazetteer.GazetteerError`).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "EncodingError",
    "EvaluationError",
    "GeomapError",
    "InputError",
    "InputTooLarge",
    "NearError",
    "OutputError",
    "RecordError",
]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """Input that geomap cannot read: malformed, empty where text is needed, of an unknown format."""


class EncodingError(InputError):
    """Bytes that are not UTF-8 text (binary data, another encoding)."""


class InputTooLarge(InputError):
    """Input larger than the configured limit."""


class NearError(InputError):
    """A locality bias (``near``, ``countries``) that is malformed or names no known place."""


class OutputError(GeomapError, OSError):
    """An output that cannot be written where asked (outside the output folder, unwritable)."""


class EvaluationError(GeomapError, ValueError):
    """A gold corpus that cannot be read or scored."""


class RecordError(InputError):
    """A bad record (line) of a JSON Lines input.

    :func:`~geomap.read_jsonl` raises it; :func:`~geomap.iter_jsonl` yields it in place of the
    document so that a batch can record the line and go on. The underlying
    error (an :class:`~geomap.errors.EncodingError`, a JSON error…) is its
    ``__cause__`` when there is one.

    Attributes
    ----------
    line : int
        1-based line number.
    source : str
        The file path, or ``"<lines>"`` for an iterable of lines.
    reason : str
        What is wrong with the line, without the location.

    Examples
    --------
    >>> from geomap.text._readers import iter_jsonl
    >>> error = next(iter_jsonl(["{}"]))
    >>> error.line, error.reason
    (1, "the object has no 'text'")
    """

    def __init__(self, reason: str, *, line: int, source: str = "<lines>") -> None:
        super().__init__(f"{source}:{line}: {reason}")
        self.reason = reason
        self.line = line
        self.source = source

    def __reduce__(self) -> Any:
        # Batch workers pickle errors; the default would call __init__(message).
        return (_rebuild_record_error, (self.reason, self.line, self.source))


def _rebuild_record_error(reason: str, line: int, source: str) -> RecordError:
    return RecordError(reason, line=line, source=source)
