"""JSON Lines: reading documents from JSON objects, one a line, streaming.

:func:`read_jsonl` and :func:`iter_jsonl` are public through
:mod:`geomap.text._readers`; ``_record_to_document`` also reads a single ``.json``
file for :func:`geomap.read_document`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Union

from ._decode import _at, _check_file, _decode_utf8, _to_text
from ._document import Document
from ._pubdate import _DateLike, _published, parse_date
from ..errors import EncodingError, InputError, RecordError

__all__ = ["iter_jsonl", "read_jsonl"]

_PathLike = Union[str, "os.PathLike[str]"]


def _record_to_document(
    record: Any, *, source: str, where: str = "", published: _DateLike = None
) -> Document:
    """Turn one decoded JSON value into a document; InputError says what is wrong.

    ``where`` prefixes error messages, if not empty.
    """
    if not where:
        return _record_fields_to_document(record, source=source, published=published)
    try:
        return _record_fields_to_document(record, source=source, published=published)
    except EncodingError as exc:
        raise EncodingError(_at(where, str(exc))) from exc
    except InputError as exc:
        raise InputError(_at(where, str(exc))) from exc


def _record_fields_to_document(record: Any, *, source: str, published: _DateLike) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {_json_type(record)}")
    if "text" not in record:
        raise InputError("the object has no 'text'")
    fields: dict[str, str] = {}
    for key in ("text", "url", "title"):
        value = record.get(key)
        if value is None and key != "text":
            continue
        if not isinstance(value, str):
            raise InputError(f"'{key}' must be a string, got {_json_type(value)}")
        fields[key] = value
    record_id = record.get("id")
    if record_id is not None:
        # Integer ids are common in exported corpora; they are kept as text.
        if isinstance(record_id, bool) or not isinstance(record_id, (str, int)):
            raise InputError(f"'id' must be a string or an integer, got {_json_type(record_id)}")
        fields["id"] = str(record_id)
    if published is None and record.get("published") is not None:
        published = parse_date(record["published"])
    fields["text"] = _to_text(fields["text"], "")
    return Document(published=_published(published), source=source, **fields)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def read_jsonl(lines: _PathLike | Iterable[str] | Iterable[bytes]) -> Iterator[Document]:
    """Read documents from JSON Lines, one object per line, streaming.

    Each line is an object with ``text`` (required, a string, may be empty) and
    optionally ``id`` (string or integer), ``published`` (see
    :func:`parse_date`), ``url`` and ``title``; ``null`` counts as absent and
    other keys are ignored. Blank lines are skipped but counted. Each
    document's ``source`` is ``path:line``. Newlines in ``text`` are normalised
    as in :func:`read_text`.

    The file is read line by line, never whole. A missing file or a directory
    fails at once (not at the first ``next()``); a bad line fails when the
    iteration reaches it, after the documents before it. To record bad lines
    and go on, use :func:`iter_jsonl`.

    Parameters
    ----------
    lines : str, os.PathLike, or iterable of str or bytes
        A path (a string is always a path, never JSON text), or lines such as
        an open file or a list of strings.

    Yields
    ------
    Document

    Raises
    ------
    InputError
        For a path that is missing, a directory, or unreadable.
    RecordError
        For a line that is not valid UTF-8, not JSON, not an object, has no
        string ``text``, or has a bad field or date; it carries the line number.

    Examples
    --------
    >>> docs = read_jsonl(['{"id": "a", "text": "Fighting in Shusha.", "published": "2023-03-20"}'])
    >>> [(d.id, d.text, d.published) for d in docs]
    [('a', 'Fighting in Shusha.', datetime.date(2023, 3, 20))]
    >>> list(read_jsonl(['{"text": "ok"}', '{"title": "no text"}']))
    Traceback (most recent call last):
    ...
    geomap.errors.RecordError: <lines>:2: the object has no 'text'
    """
    items = iter_jsonl(lines)
    return _raise_errors(items)


def _raise_errors(items: Iterator[Document | RecordError]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, RecordError):
            raise item
        yield item


def iter_jsonl(lines: _PathLike | Iterable[str] | Iterable[bytes]) -> Iterator[Document | RecordError]:
    """Like :func:`read_jsonl`, but yield a :class:`RecordError` for a bad line and go on.

    This is the variant for batch processing: one item per non-blank line, in
    order, either the document or the error describing why that line could not
    be read (with its ``line`` number; the underlying error is its
    ``__cause__``). Errors are values here, never raised, so one bad line does
    not end the batch; a missing file is still raised at once.

    Parameters
    ----------
    lines : str, os.PathLike, or iterable of str or bytes
        As for :func:`read_jsonl`.

    Yields
    ------
    Document or RecordError

    Raises
    ------
    InputError
        For a path that is missing, a directory, or unreadable.

    Examples
    --------
    >>> items = list(iter_jsonl(['{"text": "Clash in Tegh."}', 'not json', '{"text": "Quiet."}']))
    >>> [type(item).__name__ for item in items]
    ['Document', 'RecordError', 'Document']
    >>> items[1].line
    2
    """
    if isinstance(lines, (str, os.PathLike)):
        path = Path(lines)
        _check_file(path)
        return _iter_records(_lines_of_file(path), str(path))
    if isinstance(lines, (bytes, bytearray)):
        raise TypeError("read_jsonl takes a path or an iterable of lines, not bytes")
    return _iter_records(iter(lines), "<lines>")


def _lines_of_file(path: Path) -> Iterator[bytes]:
    try:
        with open(path, "rb") as f:
            yield from f
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _iter_records(lines: Iterator[str | bytes], source: str) -> Iterator[Document | RecordError]:
    for number, raw in enumerate(lines, start=1):
        try:
            if isinstance(raw, (bytes, bytearray)):
                line = _decode_utf8(bytes(raw), "", within=" of the line").rstrip("\r\n")
            elif isinstance(raw, str):
                line = raw.lstrip("\ufeff") if number == 1 else raw
                line = line.rstrip("\r\n")
            else:
                raise InputError(f"expected a line of text, got {type(raw).__name__}")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:  # also: huge numbers, deep nesting
                raise InputError(f"not JSON: {exc}") from exc
            yield _record_to_document(record, source=f"{source}:{number}")
        except InputError as exc:
            # The cause of a RecordError is the error that says what went wrong.
            error = RecordError(str(exc), line=number, source=source)
            error.__cause__ = exc
            yield error
