"""Streaming readers for the three kinds of corpus, and their fixed-size chunks.

A corpus is read in two steps so that the expensive one runs on the workers:

1. :func:`iter_items` walks the corpus in the coordinating process and yields a
   light :class:`SourceItem` per document: a relative path for a folder, the raw
   bytes of a line for JSON Lines, the raw fields of a row for CSV. Nothing is
   decoded or parsed here, and nothing is kept: the corpus is never a list.
2. :func:`load_document` turns an item into a :class:`~geomap.text._readers.Document`
   or raises :class:`~geomap.errors.InputError`; workers call it.

Every item has a stable reference (``ref``) that does not depend on the run: the
file path relative to the corpus root, ``line:N`` for JSON Lines, ``row:N`` for CSV.
A document's id is its own ``id`` field when it has one, else that reference.
A JSON Lines or CSV document may carry its source location in a ``near`` field
(a place name or ``"lat,lon[,km]"``, as ``--near`` takes): :func:`source_location`
reads it, and the worker geoparses that document near it instead of the run's ``--near``.
Chunks are consecutive runs of ``chunk_size`` items, numbered from 0, so the same
corpus and chunk size always give the same chunks: what ``--resume`` relies on.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from ..text import Document, iter_jsonl, read_document, read_text
from ..errors import InputError, InputTooLarge

__all__ = ["CORPUS_KINDS", "NEAR_FIELD", "Chunk", "SourceItem", "corpus_kind", "count_items", "iter_chunks",
           "iter_corpus", "iter_items", "load_document", "source_location"]

#: The kinds of corpus :func:`corpus_kind` recognises, and what each is.
CORPUS_KINDS = {
    "folder": "a folder of .txt/.text/.md/.html/.htm/.json files (searched recursively)",
    "jsonl": "a JSON Lines file (.jsonl, .ndjson): one object a line with text, id, published, url, title, near",
    "csv": "a CSV file (.csv) with a header row and a 'text' column (optional: id, published, url, title, near)",
}
_FOLDER_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".json"})
_CSV_FIELDS = ("id", "published", "url", "title", "near")
#: The field of a JSON Lines or CSV document that gives its source location (a newsroom's town).
NEAR_FIELD = "near"

_PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document of a corpus, not yet read.

    Attributes
    ----------
    position : int
        0-based index of the item in the corpus stream.
    ref : str
        Stable reference: relative path, ``line:N`` or ``row:N``.
    kind : str
        The corpus kind (a key of :data:`CORPUS_KINDS`).
    payload : Any
        The absolute path (folder), the raw line (JSON Lines) or the row's fields (CSV).
    error : str
        Set when the reader already knows the item is unusable (too large), so
        that the bytes are never shipped to a worker.
    """

    position: int
    ref: str
    kind: str
    payload: Any
    error: str = ""


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive items of a corpus, processed and written as one unit.

    Attributes
    ----------
    chunk_id : str
        Zero-padded chunk number (``"000003"``); it names the part files.
    items : tuple of SourceItem
    """

    chunk_id: str
    items: tuple[SourceItem, ...]


def corpus_kind(corpus: _PathLike) -> str:
    """Which kind of corpus a path is: ``"folder"``, ``"jsonl"`` or ``"csv"``.

    Raises
    ------
    InputError
        For a missing path or an unsupported file; the message lists the kinds.

    Examples
    --------
    >>> import tempfile
    >>> corpus_kind(tempfile.mkdtemp())
    'folder'
    """
    path = Path(corpus)
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    kinds = "; ".join(CORPUS_KINDS.values())
    raise InputError(f"{path}: not a corpus (expected {kinds})")


def _walk(root: Path) -> Iterator[Path]:
    # Sorted at every level, so the order (and so the chunks) never depends on the file system.
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in _FOLDER_SUFFIXES:
                yield Path(dirpath) / name


def _iter_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if raw.strip():  # blank lines are skipped but keep their number, as in iter_jsonl
                yield number, raw


class _CsvFieldLimit:
    """Lift the csv module's 128 KiB field limit while reading, so that one huge
    row becomes one error instead of ending the stream; restored afterwards
    because the limit is process-wide."""

    def __enter__(self) -> None:
        self._old = csv.field_size_limit()
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

    def __exit__(self, *exc: object) -> None:
        csv.field_size_limit(self._old)


def _iter_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    # surrogateescape keeps invalid UTF-8 as lone surrogates: the row is still
    # read, and load_document reports it as an encoding error of that row only.
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as f, _CsvFieldLimit():
        reader = csv.DictReader(f)
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise InputError(f"{path}: a CSV corpus needs a 'text' column (found: {reader.fieldnames or 'none'})")
        for number, row in enumerate(reader, start=1):
            yield number, {k: v for k, v in row.items() if k in ("text", *_CSV_FIELDS) and v is not None}


def iter_items(corpus: _PathLike, *, max_doc_bytes: int | None = None) -> Iterator[SourceItem]:
    """The items of a corpus, streamed in a deterministic order.

    Parameters
    ----------
    corpus : str or os.PathLike
        A folder, a JSON Lines file or a CSV file (see :data:`CORPUS_KINDS`).
    max_doc_bytes : int, optional
        A line or row larger than this is yielded as an item with ``error`` set
        and no payload, so its bytes never travel to a worker.

    Yields
    ------
    SourceItem

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = path.write_text('{"id": "a", "text": "Clash in Tegh."}\\n\\n{"text": "Quiet."}\\n')
    >>> [(i.position, i.ref) for i in iter_items(path)]
    [(0, 'line:1'), (1, 'line:3')]
    """
    path = Path(corpus)
    kind = corpus_kind(path)
    if kind == "folder":
        root = path.resolve()
        for position, file in enumerate(_walk(root)):
            yield SourceItem(position, file.relative_to(root).as_posix(), kind, str(file))
        return
    rows: Iterator[tuple[int, Any]] = _iter_lines(path) if kind == "jsonl" else _iter_rows(path)
    prefix = "line" if kind == "jsonl" else "row"
    for position, (number, payload) in enumerate(rows):
        size = len(payload) if kind == "jsonl" else len(payload.get("text", ""))
        if max_doc_bytes is not None and size > max_doc_bytes:
            yield SourceItem(position, f"{prefix}:{number}", kind, None,
                             error=f"{size} bytes, larger than the limit of {max_doc_bytes} bytes")
        else:
            yield SourceItem(position, f"{prefix}:{number}", kind, payload)


def count_items(corpus: _PathLike) -> int:
    """How many items :func:`iter_items` will yield (for a progress bar's total and ETA).

    Examples
    --------
    >>> import tempfile
    >>> count_items(tempfile.mkdtemp())
    0
    """
    path = Path(corpus)
    kind = corpus_kind(path)
    if kind == "folder":
        return sum(1 for _ in _walk(path))
    if kind == "jsonl":
        return sum(1 for _ in _iter_lines(path))
    return sum(1 for _ in _iter_rows(path))


def iter_chunks(items: Iterator[SourceItem], chunk_size: int) -> Iterator[Chunk]:
    """Group items into consecutive chunks of ``chunk_size`` (the last may be shorter).

    Examples
    --------
    >>> items = (SourceItem(i, f"line:{i + 1}", "jsonl", b"") for i in range(5))
    >>> [(c.chunk_id, len(c.items)) for c in iter_chunks(items, 2)]
    [('000000', 2), ('000001', 2), ('000002', 1)]
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    batch: list[SourceItem] = []
    number = 0
    for item in items:
        batch.append(item)
        if len(batch) == chunk_size:
            yield Chunk(f"{number:06d}", tuple(batch))
            batch, number = [], number + 1
    if batch:
        yield Chunk(f"{number:06d}", tuple(batch))


def _empty_check(doc: Document) -> Document:
    if not doc.text.strip():
        raise InputError("empty document: no text")
    return doc


def load_document(item: SourceItem, *, max_doc_bytes: int | None = None) -> Document:
    """Read the document an item stands for; its ``id`` is its own or the item's ``ref``.

    Raises
    ------
    InputError
        Unreadable, not UTF-8 text, too large, malformed, or empty (an empty
        document counts as broken in a batch: it cannot report anything).

    Examples
    --------
    >>> item = SourceItem(0, "line:1", "jsonl", b'{"text": "Shelling in Lachin.", "published": "2023-03-20"}')
    >>> doc = load_document(item)
    >>> doc.id, doc.published
    ('line:1', datetime.date(2023, 3, 20))
    >>> load_document(SourceItem(1, "line:2", "jsonl", b'{"text": " "}'))
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: empty document: no text
    """
    if item.error:
        raise InputTooLarge(item.error)
    if item.kind == "folder":
        doc = read_document(item.payload, max_bytes=max_doc_bytes)
        doc = dataclasses.replace(doc, source=item.ref)
    elif item.kind == "jsonl":
        (parsed,) = list(iter_jsonl([item.payload]))
        if isinstance(parsed, InputError):
            raise InputError(parsed.reason) from parsed.__cause__
        doc = dataclasses.replace(parsed, source=item.ref)
    elif item.kind == "csv":
        row = item.payload
        text = row["text"]
        try:
            data: bytes | str = text.encode("utf-8", "surrogateescape") if _has_surrogates(text) else text
        except UnicodeEncodeError as exc:  # surrogates that were in the file as such: not UTF-8 either
            raise InputError("not valid UTF-8 text") from exc
        doc = read_text(data, id=row.get("id", ""), published=row.get("published") or None,
                        url=row.get("url", ""), title=row.get("title", ""), source=item.ref)
    else:
        raise ValueError(f"unknown corpus kind {item.kind!r}; valid: {', '.join(CORPUS_KINDS)}")
    if not doc.id:
        doc = dataclasses.replace(doc, id=item.ref)
    return _empty_check(doc)


def source_location(item: SourceItem) -> str | None:
    """The document's own source location (its ``near`` field), or ``None`` when it gives none.

    Read from the raw row or line, so it needs no change to :class:`~geomap.text.Document`.
    A blank field is none; a value that is not text is the document's error.

    Raises
    ------
    InputError
        If a JSON Lines document's ``near`` is not a string.

    Examples
    --------
    >>> source_location(SourceItem(0, "row:1", "csv", {"text": "Fire in Paris.", "near": "Paris, Tennessee"}))
    'Paris, Tennessee'
    >>> source_location(SourceItem(1, "line:1", "jsonl", b'{"text": "Fire in Paris.", "near": "36.3,-88.3"}'))
    '36.3,-88.3'
    >>> source_location(SourceItem(2, "line:2", "jsonl", b'{"text": "Fire in Paris."}')) is None
    True
    """
    if item.kind == "csv" and isinstance(item.payload, dict):
        value: object = item.payload.get(NEAR_FIELD)
    elif item.kind == "jsonl" and isinstance(item.payload, bytes) and NEAR_FIELD.encode() in item.payload:
        try:
            record = json.loads(item.payload)
        except ValueError:
            return None  # load_document reports the malformed line
        value = record.get(NEAR_FIELD) if isinstance(record, dict) else None
    else:
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(f"the {NEAR_FIELD!r} field must be a place name or 'lat,lon[,km]', not {value!r}")
    return value.strip()


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def iter_corpus(corpus: _PathLike, *, max_doc_bytes: int | None = None) -> Iterator[tuple[str, Document | InputError]]:
    """``(ref, document or error)`` for every document of a corpus, in order, streaming.

    The single-process form of what a batch does with :func:`iter_items` and
    :func:`load_document`; a bad document is yielded as its error, never raised.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("Shelling in Lachin.")
    >>> _ = (root / "b.txt").write_bytes(b"caf\\xe9")
    >>> [(ref, type(value).__name__) for ref, value in iter_corpus(root)]
    [('a.txt', 'Document'), ('b.txt', 'EncodingError')]
    """
    for item in iter_items(corpus, max_doc_bytes=max_doc_bytes):
        try:
            yield item.ref, load_document(item, max_doc_bytes=max_doc_bytes)
        except InputError as exc:
            yield item.ref, exc

