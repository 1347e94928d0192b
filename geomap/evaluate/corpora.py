"""Readers for gold geoparsing corpora: GeoWebNews, LGL-style (TR-News, LGL) and GeoVirus.

Every reader returns a :class:`Corpus`, a sequence of :class:`GoldDocument`
whose :class:`GoldToponym` offsets are 0-based, end-exclusive and checked:
``doc.text[t.start:t.end] == t.name`` holds for every gold toponym. What the
reader had to repair or leave out is counted on the :class:`Corpus`, never
silently: off-by-some offsets moved back onto their phrase (``realigned``),
annotations without coordinates (``without_coordinates``) and annotations whose
offsets point outside the text or at another string (``dropped``, with a note
each).

The files are parsed with :mod:`xml.etree.ElementTree` after refusing any
document type declaration, so that no entity can be declared or expanded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from ..errors import EvaluationError
from ._xml import articles, child, child_int, child_text, coordinates, load_root, optional_int

__all__ = [
    "FORMATS",
    "Corpus",
    "GoldDocument",
    "GoldToponym",
    "read_corpus",
    "read_geovirus",
    "read_gwn",
    "read_lgl",
]

#: Corpus formats understood by :func:`read_corpus`.
FORMATS = ("geovirus", "gwn", "lgl")

#: How far (in characters) :func:`read_lgl` looks for a phrase around its stated offset.
#: TR-News needs 10: its offsets drift by up to 10 characters late in some articles.
DEFAULT_MAX_SHIFT = 10


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym with coordinates.

    Attributes
    ----------
    start, end : int
        0-based, end-exclusive character offsets into the document text.
    name : str
        The surface string, equal to ``text[start:end]``.
    latitude, longitude : float or None
        Gold coordinates (WGS84). Readers only return toponyms that have them; the
        ``None`` is for callers that build gold sets of their own.
    geonameid : int or None
        The GeoNames id where the corpus gives one (not in GeoVirus).
    type : str
        The GeoWebNews pragmatic type (``"Literal"``, ``"Metonymic"``...); ``""`` elsewhere.
    """

    start: int
    end: int
    name: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    type: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One article with its gold toponyms.

    Attributes
    ----------
    id : str
        The corpus' own id (GWN ``file``, LGL ``docid``); GeoVirus has none, so its
        documents are numbered from ``"0"`` in file order.
    text : str
        The text the offsets index into.
    toponyms : tuple of GoldToponym
        Gold toponyms with coordinates, in file order.
    title, url : str
        As given by the corpus (``""`` where it has none).
    """

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    title: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Corpus(Sequence[GoldDocument]):
    """The documents of one corpus file, with what reading them involved.

    A :class:`Corpus` is a sequence of :class:`GoldDocument`: ``len()``, indexing and
    iteration go to :attr:`documents`.

    Attributes
    ----------
    format : str
        One of :data:`FORMATS`.
    documents : tuple of GoldDocument
    annotations : int
        Every annotation in the file, with or without coordinates.
    without_coordinates : int
        Annotations left out because they have no gold coordinates (in GeoWebNews most
        of them are not toponyms at all: demonyms, literal expressions...).
    realigned : int
        Annotations whose offsets did not point at their phrase and were moved onto it
        (LGL-style corpora only), counted over all annotations.
    dropped : int
        Annotations with coordinates left out because their offsets cannot be trusted.
    notes : tuple of str
        One line per dropped annotation, saying which and why.
    """

    format: str
    documents: tuple[GoldDocument, ...]
    annotations: int = 0
    without_coordinates: int = 0
    realigned: int = 0
    dropped: int = 0
    notes: tuple[str, ...] = ()

    @property
    def toponyms(self) -> int:
        """The number of gold toponyms over all documents."""
        return sum(len(d.toponyms) for d in self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    @overload
    def __getitem__(self, index: int) -> GoldDocument: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[GoldDocument]: ...
    def __getitem__(self, index: int | slice) -> GoldDocument | Sequence[GoldDocument]:
        return self.documents[index]

    def __iter__(self) -> Iterator[GoldDocument]:
        return iter(self.documents)


# --------------------------------------------------------------------------- parsing

def read_gwn(path: str | Path) -> Corpus:
    """Read GeoWebNews (``GWN.xml``).

    Gold toponyms are the annotations with ``<latitude>``/``<longitude>``; their
    ``type`` is the ``<type>`` element. Offsets are used as given; an annotation
    with coordinates whose offsets do not select its ``<extractedName>`` (GWN has
    two, with negative offsets, in article 123) is dropped and noted.

    Parameters
    ----------
    path : str or Path
        The XML file.

    Returns
    -------
    Corpus

    Raises
    ------
    EvaluationError
        If the file cannot be read, is not well-formed XML, declares a DTD, or is
        not in the GeoWebNews form.

    Examples
    --------
    >>> from pathlib import Path
    >>> corpus = read_gwn(Path("tests/data/eval/gwn.xml"))
    >>> len(corpus), corpus.toponyms, corpus.without_coordinates
    (2, 4, 2)
    >>> t = corpus[0].toponyms[0]
    >>> corpus[0].text[t.start:t.end] == t.name, t.type
    (True, 'Literal')
    """
    root = load_root(path)
    docs: list[GoldDocument] = []
    annotations = without = dropped = 0
    notes: list[str] = []
    for i, art in enumerate(articles(root, path)):
        doc_id = art.get("file") or str(i)
        where, text = _article_text(art, path, doc_id)
        toponyms: list[GoldToponym] = []
        for ann in child(art, "toponyms", where).findall("toponym"):
            annotations += 1
            name = ann.findtext("extractedName") or ""
            coords = coordinates(ann, "latitude", "longitude", where)
            if coords is None:
                without += 1
                continue
            start, end = child_int(ann, "start", where), child_int(ann, "end", where)
            if not _selects(text, start, end, name):
                dropped += 1
                notes.append(f"article {doc_id}: {name!r} at {start}:{end} does not match the text; dropped")
                continue
            toponyms.append(
                GoldToponym(
                    start=start,
                    end=end,
                    name=name,
                    latitude=coords[0],
                    longitude=coords[1],
                    geonameid=optional_int(child_text(ann, "geonamesID"), where),
                    type=child_text(ann, "type"),
                )
            )
        docs.append(GoldDocument(doc_id, text, tuple(toponyms), child_text(art, "title"), child_text(art, "link")))
    return Corpus("gwn", tuple(docs), annotations, without, 0, dropped, tuple(notes))


def read_lgl(path: str | Path, *, max_shift: int = DEFAULT_MAX_SHIFT) -> Corpus:
    """Read a corpus in the LGL form (LGL, TR-News).

    Gold toponyms are the ``<toponym>`` elements with a ``<gaztag>`` that has
    ``<lat>``/``<lon>``. The stated ``<start>`` often does not point at ``<phrase>``:
    the reader then looks for the phrase up to ``max_shift`` characters either side,
    takes the nearest occurrence (the earlier one on a tie, as the offsets in
    TR-News only ever run late), and counts it in :attr:`Corpus.realigned`. A phrase
    not found within reach is dropped and noted.

    Parameters
    ----------
    path : str or Path
        The XML file.
    max_shift : int, default 10
        How far to look either side. TR-News needs 10 (62 of its 115 misplaced
        offsets are off by one or two, the rest by up to ten, drifting through long
        articles); the midpoint match of the metrics tolerates 10 characters too.

    Returns
    -------
    Corpus

    Raises
    ------
    EvaluationError
        If the file cannot be read, is not well-formed XML, declares a DTD, or is
        not in the LGL form; or ``max_shift`` is negative.

    Examples
    --------
    >>> corpus = read_lgl("tests/data/eval/lgl.xml")
    >>> len(corpus), corpus.toponyms, corpus.realigned
    (2, 4, 2)
    >>> doc = corpus[0]
    >>> [doc.text[t.start:t.end] for t in doc.toponyms]
    ['Ankara', 'Turkey', 'Aleppo']
    """
    if max_shift < 0:
        raise EvaluationError(f"max_shift must be 0 or more, got {max_shift}")
    root = load_root(path)
    docs: list[GoldDocument] = []
    annotations = without = realigned = dropped = 0
    notes: list[str] = []
    for i, art in enumerate(articles(root, path)):
        doc_id = art.get("docid") or str(i)
        where, text = _article_text(art, path, doc_id)
        toponyms: list[GoldToponym] = []
        for ann in child(art, "toponyms", where).findall("toponym"):
            annotations += 1
            phrase = ann.findtext("phrase") or ""
            start, end = child_int(ann, "start", where), child_int(ann, "end", where)
            found = _realign(text, phrase, start, max_shift) if phrase else None
            if found is not None and found != start:
                realigned += 1
            gaz = ann.find("gaztag")
            coords = None if gaz is None else coordinates(gaz, "lat", "lon", where)
            if coords is None:
                without += 1
                continue
            if found is None:
                dropped += 1
                notes.append(f"article {doc_id}: {phrase!r} not within {max_shift} characters of {start}; dropped")
                continue
            assert gaz is not None  # coords came from it
            toponyms.append(
                GoldToponym(
                    start=found,
                    end=found + len(phrase),
                    name=phrase,
                    latitude=coords[0],
                    longitude=coords[1],
                    geonameid=optional_int((gaz.get("geonameid") or "").strip(), where),
                    type="",
                )
            )
        docs.append(GoldDocument(doc_id, text, tuple(toponyms), child_text(art, "title"), child_text(art, "url")))
    return Corpus("lgl", tuple(docs), annotations, without, realigned, dropped, tuple(notes))


def _article_text(art: ET.Element, path: str | Path, doc_id: str) -> tuple[str, str]:
    """Where an article is (for messages) and its ``<text>``, which every corpus form requires."""
    where = f"{path}: article {doc_id}"
    text = art.findtext("text")
    if text is None:
        raise EvaluationError(f"{where}: missing <text>")
    return where, text


def _selects(text: str, start: int, end: int, name: str) -> bool:
    """Whether 0-based ``start:end`` lies in ``text`` and selects ``name``.

    Negative offsets would otherwise slice from the end of the text in Python.
    """
    return 0 <= start < end <= len(text) and text[start:end] == name


def _realign(text: str, phrase: str, start: int, max_shift: int) -> int | None:
    """The start of ``phrase`` nearest to ``start`` within ``max_shift``, earlier first on ties."""
    for distance in range(max_shift + 1):
        for candidate in (start - distance, start + distance):
            if candidate >= 0 and text.startswith(phrase, candidate):
                return candidate
    return None


def read_geovirus(path: str | Path) -> Corpus:
    """Read GeoVirus (``GeoVirus.xml``).

    Its offsets are 1-based (``text[start-1:end-1]`` is the name); the reader turns
    them into 0-based ones. Every location has coordinates and none has a GeoNames
    id. A few ``<location>`` elements in the file are nested inside another; they
    are read all the same. Articles have no id, so they are numbered in file order.

    Parameters
    ----------
    path : str or Path
        The XML file.

    Returns
    -------
    Corpus

    Raises
    ------
    EvaluationError
        If the file cannot be read, is not well-formed XML, declares a DTD, or is
        not in the GeoVirus form.

    Examples
    --------
    >>> corpus = read_geovirus("tests/data/eval/geovirus.xml")
    >>> len(corpus), corpus.toponyms
    (2, 4)
    >>> t = corpus[0].toponyms[0]
    >>> t.name, t.start, corpus[0].text[t.start:t.end]
    ('Pandi', 10, 'Pandi')
    """
    root = load_root(path)
    docs: list[GoldDocument] = []
    annotations = without = dropped = 0
    notes: list[str] = []
    for i, art in enumerate(articles(root, path)):
        doc_id = str(i)
        where, text = _article_text(art, path, doc_id)
        toponyms: list[GoldToponym] = []
        # iter(), not findall(): the file nests a few <location> elements in another.
        for ann in child(art, "locations", where).iter("location"):
            annotations += 1
            name = ann.findtext("name") or ""
            coords = coordinates(ann, "lat", "lon", where)
            if coords is None:
                without += 1
                continue
            start, end = child_int(ann, "start", where) - 1, child_int(ann, "end", where) - 1
            if not _selects(text, start, end, name):
                dropped += 1
                notes.append(
                    f"article {doc_id}: {name!r} at {start + 1}:{end + 1} (1-based) does not match the text; dropped"
                )
                continue
            toponyms.append(GoldToponym(start, end, name, coords[0], coords[1], None, ""))
        docs.append(GoldDocument(doc_id, text, tuple(toponyms), "", child_text(art, "source")))
    return Corpus("geovirus", tuple(docs), annotations, without, 0, dropped, tuple(notes))


_READERS = {"geovirus": read_geovirus, "gwn": read_gwn, "lgl": read_lgl}


def read_corpus(path: str | Path, format: str) -> Corpus:
    """Read a gold corpus in the given format.

    Parameters
    ----------
    path : str or Path
        The XML file.
    format : {"gwn", "lgl", "geovirus"}
        GeoWebNews, the LGL form (LGL, TR-News) or GeoVirus. Not guessed from the file.

    Returns
    -------
    Corpus

    Raises
    ------
    EvaluationError
        For an unknown format (the message lists the valid ones) or a file that
        cannot be read in that format.

    Examples
    --------
    >>> read_corpus("tests/data/eval/gwn.xml", "gwn").format
    'gwn'
    >>> read_corpus("tests/data/eval/gwn.xml", "brat")
    Traceback (most recent call last):
    ...
    geomap.errors.EvaluationError: unknown corpus format 'brat'; valid formats: geovirus, gwn, lgl
    """
    try:
        reader = _READERS[format]
    except (KeyError, TypeError):
        raise EvaluationError(f"unknown corpus format {format!r}; valid formats: {', '.join(FORMATS)}") from None
    return reader(path)
