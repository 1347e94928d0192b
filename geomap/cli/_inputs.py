"""What the commands read: files by extension, ``-`` for standard input, and clear refusals.

Every command that reads files goes through :func:`check_inputs` first, so a folder gets
a pointer to ``geomap batch``, a URL is told that geomap reads files, and an unknown
extension gets the exact list of what that command accepts, before any slow work.
Articles and incident tables are then read by :func:`iter_documents` and
:func:`read_incident_inputs`, one place for ``map`` and ``export`` alike.
"""

from __future__ import annotations

import contextlib
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from ..text import Document, RecordError
    from ..incidents import Incident
    from ..io import RowError

#: The argument that means standard input.
STDIN = "-"
#: The most standard input that is read: read_document's default limit for one file (100 MiB).
STDIN_MAX_BYTES = 100 * 1024 * 1024
#: Extensions read as one article each (see geomap.text.read_document).
ARTICLE_SUFFIXES = (".htm", ".html", ".json", ".md", ".text", ".txt")
#: Extensions read as JSON Lines, one article per line.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Extensions read as incident tables: every format ``geomap export`` writes (geomap.io.FORMATS).
#: A ``.json`` file is a table when it holds GeoJSON, else an article record.
TABLE_SUFFIXES = (".csv", ".geojson", ".geoparquet", ".gpkg", ".kml", ".parquet")

# A scheme followed by a slash: "https://x", and "https:/x" as pathlib folds the double slash.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")
_GEOJSON_HEAD = re.compile(rb'"type"\s*:\s*"(FeatureCollection|Feature)"')


def accepted(tables: bool) -> str:
    """The extensions a command reads, as its errors list them.

    Examples
    --------
    >>> accepted(tables=False)
    'articles (.htm, .html, .json, .jsonl, .md, .ndjson, .text, .txt, or - for standard input)'
    """
    articles = ", ".join(sorted(ARTICLE_SUFFIXES + JSONL_SUFFIXES))
    text = f"articles ({articles}, or - for standard input)"
    if tables:
        text += f" and incident tables ({', '.join(TABLE_SUFFIXES)}, .json holding GeoJSON)"
    return text


def url_error(text: str) -> str | None:
    """The error for an argument that is a URL, or None.

    Examples
    --------
    >>> url_error("news/report.txt") is None
    True
    >>> url_error("https:/example.org/a")[:22]
    'https://example.org/a:'
    """
    if not _URL.match(text):
        return None
    url = re.sub(r"^([A-Za-z][A-Za-z0-9+.-]+:)/(?!/)", r"\1//", text)
    return f"{url}: geomap reads files, not URLs; save the page first (curl -o page.html URL) and give the file"


def check_inputs(paths: Iterable[Path], *, command: str, tables: bool = False,
                 extra: tuple[str, ...] = (), any_extension: bool = False) -> None:
    """Refuse, before any work, an input that ``geomap <command>`` cannot read, with what it can.

    Parameters
    ----------
    paths : iterable of pathlib.Path
        The command's input arguments.
    command : str
        The command's name, for the messages.
    tables : bool
        Whether the command reads incident tables as well as articles.
    extra : tuple of str
        Further extensions accepted (``.csv`` for ``incidents --text-column``).
    any_extension : bool
        Leave the extension to the reader (gold corpora).

    Raises
    ------
    InputError
        For a URL, a folder, standard input named twice, or an extension not accepted.

    Examples
    --------
    >>> check_inputs([Path("https://example.org/news")], command="incidents")
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: https://example.org/news: geomap reads files, not URLs; save the page first (curl -o page.html URL) and give the file
    >>> check_inputs([Path("report.pdf")], command="places")
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: report.pdf: cannot read '.pdf' files; geomap places reads articles (...)
    """
    from ..errors import InputError

    stdin = 0
    for path in paths:
        text = str(path)
        if text == STDIN:
            stdin += 1
            if stdin > 1:
                raise InputError("standard input (-) can be read only once")
            continue
        problem = url_error(text)
        if problem:
            raise InputError(problem)
        if path.is_dir():
            raise InputError(f"{text}: is a folder; to process every file in it, run "
                             f"geomap batch {text} -o OUTDIR")
        suffix = path.suffix.lower()
        if any_extension:
            continue
        ok = ARTICLE_SUFFIXES + JSONL_SUFFIXES + extra + (TABLE_SUFFIXES if tables else ())
        if suffix not in ok:
            what = f"{suffix!r} files" if suffix else "files without an extension"
            more = f" and {', '.join(extra)}" if extra else ""
            raise InputError(f"{text}: cannot read {what}; geomap {command} reads {accepted(tables)}{more}")


def is_table(path: Path) -> bool:
    """Whether an input is read as an incident table (by extension; ``.json`` by its content)."""
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return True
    if suffix != ".json":
        return False
    try:
        with open(path, "rb") as fh:
            return _GEOJSON_HEAD.search(fh.read(4096)) is not None
    except OSError:
        return False  # the article reader reports the problem


def read_stdin() -> bytes:
    """Standard input's bytes, up to the size limit of a document."""
    from ..errors import InputTooLarge

    data = sys.stdin.buffer.read(STDIN_MAX_BYTES + 1)
    if len(data) > STDIN_MAX_BYTES:
        raise InputTooLarge(f"standard input: larger than the limit of {STDIN_MAX_BYTES} bytes")
    return data


def table_suffix(data: bytes) -> str | None:
    """The table format that bytes on standard input hold: GeoJSON or KML by their start, else None.

    Examples
    --------
    >>> table_suffix(b'{"type": "FeatureCollection", "features": []}'), table_suffix(b"Shelling in Lachin.")
    ('.geojson', None)
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") and _GEOJSON_HEAD.search(head.split(b"\n", 1)[0]):
        return ".geojson"  # JSON Lines articles are objects with a "text"; GeoJSON's names its type
    if head.startswith(b"<kml") or (head.startswith(b"<?xml") and b"<kml" in head):
        return ".kml"
    return None


@contextlib.contextmanager
def spooled_stdin(data: bytes, suffix: str) -> Iterator[Path]:
    """Standard input's bytes in a temporary file named ``stdin<suffix>``, for readers that need a path."""
    with tempfile.TemporaryDirectory(prefix="geomap-stdin-") as folder:
        path = Path(folder) / f"stdin{suffix}"
        path.write_bytes(data)
        yield path


@contextlib.contextmanager
def input_path(path: Path, suffix: str, *, sniff: bool = False) -> Iterator[Path]:
    """``path`` itself, or for ``-`` standard input spooled to a temporary file ending ``suffix``
    (with ``sniff``, a GeoJSON or KML table gets its own suffix)."""
    if str(path) != STDIN:
        yield path
        return
    data = read_stdin()
    with spooled_stdin(data, (table_suffix(data) if sniff else None) or suffix) as spooled:
        yield spooled


def read_stdin_documents(data: bytes | None = None) -> Iterator[Document | RecordError]:
    """The articles on standard input: JSON Lines when it starts with ``{``, HTML with ``<``, else text."""
    from ..text import iter_jsonl, read_html, read_text

    if data is None:
        data = read_stdin()
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        yield from iter_jsonl(data.splitlines())
    elif head == b"<":
        yield read_html(data, source="<stdin>")
    else:
        yield read_text(data, source="<stdin>")


def iter_documents(paths: Iterable[Path]) -> Iterator[Document | RecordError]:
    """Articles of text, HTML, JSON and JSON Lines files and standard input, in order; a bad JSON
    Lines line comes as its :class:`~geomap.errors.RecordError` so that the caller can report it and go on."""
    from ..text import iter_jsonl, read_document

    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin_documents()
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from iter_jsonl(path)
        else:
            yield read_document(path)


def read_incident_inputs(paths: list[Path], *, published: str | None = None, gazetteer: Any = None,
                         lat_column: str | None = None, lon_column: str | None = None,
                         place_column: str | None = None,
                         encoding: str | None = None,
                         home: dict[str, Any] | None = None) -> tuple[list[Incident], list[tuple[str, RowError]]]:
    """Incidents from articles and incident tables, and each problem met with its input's name.

    ``encoding`` is that of CSV tables that are neither UTF-8 nor UTF-16 with a BOM; ``home`` the
    locality bias of articles (``near``, ``countries``; see :mod:`geomap.cli._bias`).
    """
    from ..errors import RecordError as _RecordError
    from ..incidents import extract_incidents
    from ..io import RowError, read_incidents

    incidents: list[Incident] = []
    problems: list[tuple[str, RowError]] = []
    for path in paths:
        data = read_stdin() if str(path) == STDIN else None
        suffix = table_suffix(data) if data is not None else None
        if suffix is not None or (data is None and is_table(path)):
            with contextlib.ExitStack() as stack:
                source = path if data is None else stack.enter_context(spooled_stdin(data, suffix or ""))
                csv_table = Path(source).suffix.lower() == ".csv"
                res = read_incidents(source, lat_column=lat_column, lon_column=lon_column,
                                     place_column=place_column, gazetteer=gazetteer,
                                     encoding=encoding if csv_table else None)
            incidents += res.incidents
            problems += [(str(path), e) for e in res.errors]
            continue
        items = iter_documents([path]) if data is None else read_stdin_documents(data)
        for item in items:
            if isinstance(item, _RecordError):
                problems.append((str(path), RowError(item.line, "", "", item.reason + "; record skipped")))
            else:
                incidents += extract_incidents(item, published=published, gazetteer=gazetteer, **(home or {}))
    return incidents, problems
