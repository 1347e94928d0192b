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
import json
import os
import re
from pathlib import Path
from typing import BinaryIO, Union

from ._decode import _BOM, _check_file, _check_text, _decode_utf8, _to_text
from ._document import Document
from ._html import html_to_text
from ._jsonl import _record_to_document, iter_jsonl, read_jsonl
from ._pubdate import _DateLike, _first_date, _published, parse_date
from ..errors import EncodingError, InputError, InputTooLarge, RecordError

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

_PathLike = Union[str, "os.PathLike[str]"]


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
# Files
# --------------------------------------------------------------------------- #
_READERS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".json": "json",
}



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
