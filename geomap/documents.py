"""Documents and their readers: plain text, HTML, JSON Lines and single files.

Every reader returns :class:`Document` values whose ``text`` is what the rest of
geomap works on: character offsets (mentions, evidence spans) always refer to
``Document.text``, i.e. to the text *after* decoding, newline normalisation and,
for HTML, extraction of the visible text.

Readers raise :class:`~geomap.errors.InputError` or a subclass:
:class:`~geomap.errors.EncodingError` for bytes that are not UTF-8 text,
:class:`~geomap.errors.InputTooLarge` for a file over the size limit, and
:class:`RecordError` for a bad line of a JSON Lines file.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import email.utils
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Union

from ._html import html_to_text
from .errors import EncodingError, InputError, InputTooLarge, RecordError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "RecordError",
    "iter_jsonl",
    "parse_date",
    "read_document",
    "read_html",
    "read_jsonl",
    "read_text",
]

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
"""Default size limit of :func:`read_document`: 100 MiB."""

_DateLike = Union[_dt.date, str, None]
_PathLike = Union[str, "os.PathLike[str]"]


# --------------------------------------------------------------------------- #
# Document
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True, repr=False)
class Document:
    """A text to geoparse, with what is known of it.

    Parameters
    ----------
    text : str
        The text. Offsets elsewhere in geomap refer to this string. May be empty:
        an empty document is valid and simply contains no places.
    published : datetime.date or None
        Publication date, if known. A :class:`datetime.datetime` is reduced to
        its date.
    url : str
        Where the text was published, if known.
    id : str
        The caller's identifier.
    title : str
        The title, if known.
    source : str
        Where it was read from: a file path, ``path:line`` for a JSON Lines
        record, or ``"<string>"``.

    Raises
    ------
    TypeError
        If a field has the wrong type (a programming error, not bad input).

    Examples
    --------
    >>> import datetime
    >>> doc = Document("Shelling near Lachin.", published=datetime.date(2023, 3, 20))
    >>> doc.text[14:20]
    'Lachin'
    >>> Document(b"bytes")
    Traceback (most recent call last):
    ...
    TypeError: Document.text must be str, not bytes
    """

    text: str
    published: _dt.date | None = None
    url: str = ""
    id: str = ""
    title: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        for name in ("text", "url", "id", "title", "source"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"Document.{name} must be str, not {type(value).__name__}")
        published = self.published
        if isinstance(published, _dt.datetime):
            object.__setattr__(self, "published", published.date())
        elif published is not None and not isinstance(published, _dt.date):
            raise TypeError(
                f"Document.published must be a datetime.date or None, not {type(published).__name__}"
            )

    def __repr__(self) -> str:
        # Texts can be megabytes long; a repr shows enough to recognise one.
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        fields = [f"text={text!r}"]
        if self.published is not None:
            fields.append(f"published={self.published!r}")
        fields += [
            f"{name}={getattr(self, name)!r}"
            for name in ("url", "id", "title", "source")
            if getattr(self, name)
        ]
        return f"Document({', '.join(fields)})"


# --------------------------------------------------------------------------- #
# Dates
# --------------------------------------------------------------------------- #
# Month names are matched here rather than with strptime's %B, which follows the
# process locale.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY_MONTH_YEAR = re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE)
# ISO 8601 with a time fromisoformat refuses (e.g. nanoseconds); the date part is enough.
_ISO_PREFIX = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
_RFC_2822 = re.compile(r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", re.IGNORECASE)
_DATE_FORMS = (
    "2023-03-20, 2023-03-20T10:00:00Z, 20 March 2023, March 20, 2023, "
    "Mon, 20 Mar 2023 10:00:00 GMT"
)


def parse_date(value: _dt.date | str) -> _dt.date:
    """Parse a publication date.

    Accepted forms: ISO 8601 dates and date-times (``2023-03-20``,
    ``2023-03-20T10:00:00Z``), English day-month-year and month-day-year
    (``20 March 2023``, ``20 Mar 2023``, ``March 20, 2023``, with an optional
    weekday), and RFC 2822 (``Mon, 20 Mar 2023 10:00:00 GMT``). Numeric forms
    such as ``03/04/2023`` are refused because they are ambiguous.

    A date-time gives its calendar date as written, without converting its time
    zone: ``2023-03-20T23:30:00-05:00`` is 20 March.

    Parameters
    ----------
    value : str or datetime.date
        A :class:`datetime.datetime` is reduced to its date.

    Returns
    -------
    datetime.date

    Raises
    ------
    InputError
        If the value is not a date in an accepted form; the message lists them.

    Examples
    --------
    >>> parse_date("2023-03-20T10:00:00Z")
    datetime.date(2023, 3, 20)
    >>> parse_date("March 20, 2023")
    datetime.date(2023, 3, 20)
    >>> parse_date("next Tuesday")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: not a date: 'next Tuesday' (accepted forms: 2023-03-20, ...)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"a date must be a string, not {type(value).__name__}: {value!r}")
    text = value.strip()
    try:
        return _parse_date_str(text)
    except ValueError as exc:  # fromisoformat, date() and parsedate all raise ValueError
        raise InputError(f"not a date: {value!r} (accepted forms: {_DATE_FORMS})") from exc


def _parse_date_str(text: str) -> _dt.date:
    try:
        return _dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if m := _ISO_PREFIX.fullmatch(text):
        return _dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        if m := pattern.fullmatch(text):
            month = _MONTHS.get(m["month"].lower())
            if month is None:
                raise ValueError(f"unknown month {m['month']!r}")
            return _dt.date(int(m["year"]), month, int(m["day"]))
    if _RFC_2822.match(text):
        return email.utils.parsedate_to_datetime(text).date()
    raise ValueError("no accepted form matches")


def _published(value: _DateLike) -> _dt.date | None:
    return None if value is None else parse_date(value)


def _first_date(candidates: Iterable[str]) -> _dt.date | None:
    # Page metadata is often wrong or odd; a date that does not parse is skipped
    # rather than making the whole page unreadable.
    for candidate in candidates:
        try:
            return parse_date(candidate)
        except InputError:
            continue
    return None


# --------------------------------------------------------------------------- #
# Decoding
# --------------------------------------------------------------------------- #
_BOM = codecs.BOM_UTF8
# C0 controls other than tab, LF, VT, FF and CR; DEL; C1 controls (what cp1252 or
# binary data look like once decoded).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 65_536  # characters: enough to tell binary from text
_CONTROL_SHARE = 0.10


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def _decode_utf8(data: bytes, where: str, *, within: str = "") -> str:
    """Decode UTF-8, refusing NUL bytes and invalid sequences, stripping a BOM.

    ``where`` prefixes error messages (a path, ``<string>``), if not empty;
    ``within`` says what byte offsets count from (" of the line").
    """
    nul = data.find(b"\x00")
    if nul != -1:
        raise EncodingError(
            _at(where, f"binary data (NUL byte at byte offset {nul}{within}), not text")
        )
    start = len(_BOM) if data.startswith(_BOM) else 0
    try:
        # A memoryview slice avoids copying a large input to drop three bytes.
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        bad = data[offset : offset + 1].hex()
        raise EncodingError(
            _at(where, f"not valid UTF-8 at byte offset {offset}{within} (byte 0x{bad}: {exc.reason})")
        ) from exc


def _check_text(text: str, where: str) -> None:
    """Refuse text that is binary data in disguise."""
    nul = text.find("\x00")
    if nul != -1:
        raise EncodingError(_at(where, f"binary data (NUL character at offset {nul}), not text"))
    sample = text[:_CONTROL_SAMPLE]
    if sample:
        controls = sum(1 for _ in _CONTROL.finditer(sample))
        if controls / len(sample) > _CONTROL_SHARE:
            raise EncodingError(
                _at(
                    where,
                    f"binary data ({controls} control characters "
                    f"in the first {len(sample)} characters), not text",
                )
            )


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _to_text(data: bytes | str, where: str) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        text = _decode_utf8(bytes(data) if not isinstance(data, bytes) else data, where)
    elif isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
    else:
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    _check_text(text, where)
    return _normalise_newlines(text)


# --------------------------------------------------------------------------- #
# Text and HTML
# --------------------------------------------------------------------------- #
def read_text(
    data: bytes | str,
    *,
    id: str = "",
    published: _DateLike = None,
    url: str = "",
    title: str = "",
    source: str = "<string>",
) -> Document:
    """Read plain text.

    Bytes must be UTF-8; a byte-order mark is stripped. Newlines (``\\r\\n``,
    ``\\r``) are normalised to ``\\n``, so offsets into the document refer to
    the normalised text, not to the raw bytes. Empty text gives an empty, valid
    document.

    Parameters
    ----------
    data : bytes or str
        The text.
    id, url, title : str
        Stored on the document.
    published : datetime.date, str or None
        Publication date; a string is parsed with :func:`parse_date`.
    source : str
        Where the text came from, for the document and for error messages.

    Returns
    -------
    Document

    Raises
    ------
    EncodingError
        For invalid UTF-8 or NUL bytes (the message gives the byte offset), or
        text that is mostly control characters (binary data).
    InputError
        For a ``published`` string that is not a date.

    Examples
    --------
    >>> doc = read_text(b"\\xef\\xbb\\xbfShelling in Lachin.\\r\\nTwo killed.", published="2023-03-20")
    >>> doc.text
    'Shelling in Lachin.\\nTwo killed.'
    >>> doc.published
    datetime.date(2023, 3, 20)
    >>> read_text(b"caf\\xe9 au lait")
    Traceback (most recent call last):
    ...
    geomap.errors.EncodingError: <string>: not valid UTF-8 at byte offset 3 (byte 0xe9: invalid continuation byte)
    """
    text = _to_text(data, source)
    return Document(
        text=text, published=_published(published), url=url, id=id, title=title, source=source
    )


# WHATWG: these labels mean windows-1252 in HTML.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, source: str) -> str:
    """Decode HTML bytes: a BOM or UTF-8 by default, else the declared charset."""
    if data.startswith(_BOM):
        return _decode_utf8(data, source)
    declared = _META_CHARSET.search(data[:1024])
    if declared is None:
        return _decode_utf8(data, source)
    label = declared.group(1).decode("ascii").lower()
    try:
        encoding = codecs.lookup(_CHARSET_ALIASES.get(label, label)).name
    except LookupError:
        return _decode_utf8(data, source)
    if encoding in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        # A page that says UTF-16 after ASCII bytes is really UTF-8 (WHATWG).
        return _decode_utf8(data, source)
    nul = data.find(b"\x00")
    if nul != -1:
        raise EncodingError(f"{source}: binary data (NUL byte at byte offset {nul}), not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{source}: not valid {label} (declared charset) at byte offset {exc.start}"
        ) from exc


def read_html(
    data: bytes | str,
    *,
    id: str = "",
    published: _DateLike = None,
    url: str | None = None,
    title: str | None = None,
    source: str = "<string>",
) -> Document:
    """Read an HTML page, keeping only the text a reader sees.

    The content of ``script``, ``style``, ``noscript``, ``template`` and the
    ``head`` is dropped, as are comments; block elements (``p``, ``div``,
    ``li``, headings, table rows…) become line breaks; entities are unescaped
    and whitespace runs collapse. ``Document.text`` is that visible text, and
    offsets into the document refer to it, not to the markup.

    Metadata is taken from the page unless given as an argument (an argument
    wins): ``title`` from ``<title>``; ``url`` from ``<link rel="canonical">``
    or ``og:url``; ``published`` from, in order of trust,
    ``<meta property="article:published_time">``, ``<meta name="date">``,
    ``itemprop="datePublished"``, a ``<time datetime>`` inside ``<article>``,
    and JSON-LD ``datePublished``. A metadata date that does not parse is
    skipped; with none left, ``published`` is ``None``.

    Parameters
    ----------
    data : bytes or str
        The page. Bytes are UTF-8 unless the page declares another charset
        (``<meta charset>`` in its first 1024 bytes); a UTF-8 BOM wins.
    id : str
        Stored on the document.
    published : datetime.date, str or None
        Publication date; overrides the page's metadata.
    url, title : str or None
        Override the page's metadata when not ``None``.
    source : str
        Where the page came from, for the document and for error messages.

    Returns
    -------
    Document

    Raises
    ------
    EncodingError
        For bytes that are not text in the page's encoding, or binary data.
    InputError
        For a ``published`` argument that is not a date.

    Examples
    --------
    >>> doc = read_html(
    ...     b'<html><head><title>Border clash</title>'
    ...     b'<meta property="article:published_time" content="2023-03-20T10:00:00Z">'
    ...     b'<script>alert(1)</script></head>'
    ...     b'<body><p>Shots near Sotk &amp; Kut.</p><p>No injuries.</p></body></html>'
    ... )
    >>> doc.text
    'Shots near Sotk & Kut.\\n\\nNo injuries.'
    >>> doc.title, doc.published
    ('Border clash', datetime.date(2023, 3, 20))
    >>> doc.text[doc.text.find("Sotk"):][:4]
    'Sotk'
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        markup = _decode_html(bytes(data), source)
    elif isinstance(data, str):
        markup = data[1:] if data.startswith("\ufeff") else data
    else:
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    _check_text(markup, source)
    page = html_to_text(markup)
    return Document(
        text=page.text,
        published=_published(published) if published is not None else _first_date(page.dates),
        url=page.url if url is None else url,
        id=id,
        title=page.title if title is None else title,
        source=source,
    )


# --------------------------------------------------------------------------- #
# JSON records
# --------------------------------------------------------------------------- #
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


# --------------------------------------------------------------------------- #
# Files
# --------------------------------------------------------------------------- #
_READERS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".json": "json",
}


def _check_file(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    return st


def _read_limited(f: BinaryIO, size_hint: int, max_bytes: int | None, path: Path) -> bytes:
    # Read what stat announced in one allocation (read(n) allocates n bytes up
    # front, so never read(max_bytes)); then check for more, as the file may
    # have grown or be a pipe.
    first = f.read(size_hint + 1)
    if len(first) <= size_hint:
        return first
    chunks = [first]
    total = len(first)
    while chunk := f.read(1 << 20):
        total += len(chunk)
        if max_bytes is not None and total > max_bytes:
            break
        chunks.append(chunk)
    if max_bytes is not None and total > max_bytes:
        raise InputTooLarge(f"{path}: larger than the limit of {max_bytes} bytes")
    return b"".join(chunks)


def read_document(
    path: _PathLike,
    *,
    published: _DateLike = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one document from a file, choosing the reader by extension.

    ``.txt``, ``.text``, ``.md``: :func:`read_text`; ``.html``, ``.htm``:
    :func:`read_html`; ``.json``: one JSON object with the keys of a
    :func:`read_jsonl` line. The extension is matched case-insensitively. The
    document's ``source`` is the path.

    Parameters
    ----------
    path : str or os.PathLike
        A file path. A string is always a path, never a URL or text.
    published : datetime.date, str or None
        Publication date; overrides the file's own metadata.
    max_bytes : int or None
        Size limit, 100 MiB (:data:`DEFAULT_MAX_BYTES`) by default; ``None``
        for no limit. The whole file is held in memory, about twice its size
        while decoding.

    Returns
    -------
    Document

    Raises
    ------
    InputError
        For a missing file, a directory, an unreadable file (the message names
        the path), an unsupported extension (the message lists the supported
        ones), or malformed content.
    EncodingError
        For content that is not UTF-8 text.
    InputTooLarge
        For a file larger than ``max_bytes``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "report.txt").write_text("Shelling in Lachin.")
    >>> read_document(folder / "report.txt").text
    'Shelling in Lachin.'
    >>> _ = (folder / "report.pdf").write_bytes(b"%PDF-1.7")
    >>> read_document(folder / "report.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: .../report.pdf: unsupported extension '.pdf' (supported: .htm, .html, .json, .md, .text, .txt)
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0):
        raise ValueError(f"max_bytes must be a non-negative integer or None, not {max_bytes!r}")
    path = Path(path)
    st = _check_file(path)
    suffix = path.suffix.lower()
    kind = _READERS.get(suffix)
    if kind is None:
        supported = ", ".join(sorted(_READERS))
        hint = "; use read_jsonl for JSON Lines" if suffix in (".jsonl", ".ndjson") else ""
        raise InputError(f"{path}: unsupported extension {suffix!r} (supported: {supported}){hint}")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputTooLarge(f"{path}: {st.st_size} bytes, larger than the limit of {max_bytes} bytes")
    size_hint = st.st_size if max_bytes is None else min(st.st_size, max_bytes)
    try:
        with open(path, "rb") as f:
            data = _read_limited(f, size_hint, max_bytes, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    source = str(path)
    if kind == "text":
        return read_text(data, published=published, source=source)
    if kind == "html":
        return read_html(data, published=published, source=source)
    text = _decode_utf8(data, source)
    try:
        record = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path}: not JSON: {exc}") from exc
    return _record_to_document(record, source=source, where=source, published=published)
