"""The gold incident set: its records and the reader that checks them.

A gold set is JSON Lines, one document a line (format in ``tests/data/incidents/README.md``
and :mod:`geomap.evaluate.incidents`). :func:`read_incident_set` turns a file into
:class:`GoldIncidentDoc` values holding :class:`GoldIncident` values, and refuses the first
bad line. A set coded on a corpus the repository may not copy (``voa.jsonl``) keeps only ids,
offsets and codings; its lines have no ``"text"`` and the reader joins each one, by id, to the
corpus named by ``text_from``. :mod:`geomap.evaluate.incidents` scores an extractor against
them and re-exports these names; import them from there or from :mod:`geomap.evaluate`.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from dataclasses import dataclass
from typing import Any

from ..errors import EvaluationError
from ..incidents import EVENT_TYPES, GEO_PRECISION, TIME_PRECISION

__all__ = [
    "GoldIncident",
    "GoldIncidentDoc",
    "read_incident_set",
]


_INCIDENT_KEYS = (
    "event_type", "sub_event_type", "event_date", "time_precision", "location", "latitude", "longitude",
    "geo_precision", "country", "fatalities", "injuries", "actor1", "actor2",
)
_DOC_KEYS = ("id", "text", "published", "incidents")
# Optional keys: the sentence that reports an incident, and the coder's notes on a document.
_EVIDENCE_KEYS = ("evidence_start", "evidence_end")
_NOTES_KEY = "notes"


@dataclass(frozen=True, slots=True)
class GoldIncident:
    """One gold incident, coded in ACLED's terms.

    It has the attribute names of :class:`geomap.incidents._model.Incident`, so it is itself
    :class:`~geomap.evaluate.incidents.IncidentLike` (a "perfect extractor" can return the gold).

    Attributes
    ----------
    event_type, sub_event_type : str
        ACLED's taxonomy (:data:`geomap.incidents._model.EVENT_TYPES`).
    event_date : datetime.date
        The day; the first of the month when only the month is known.
    time_precision : int
        1 day, 2 week, 3 month.
    location : str
        The place name as written in the text.
    latitude, longitude : float
        The place's point (WGS84).
    geo_precision : int
        1 town, 2 near a town or part of a region, 3 larger region.
    country : str
        English country name (ACLED's spelling).
    fatalities : int
        ACLED's rule: the lowest reported figure, 0 when none is reported.
    injuries : int or None
        ``None`` when the text does not say.
    actor1, actor2 : str
        ACLED-style actor names; ``actor2`` is ``""`` when there is none.
    evidence : tuple of (int, int) or None
        Character offsets ``(start, end)`` into the document's text of the sentence that
        reports the incident; ``None`` when the gold set does not give them.
    """

    event_type: str
    sub_event_type: str
    event_date: _dt.date
    time_precision: int
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    country: str
    fatalities: int
    injuries: int | None
    actor1: str
    actor2: str
    evidence: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class GoldIncidentDoc:
    """One gold document: a text, its publication date and its incidents.

    Attributes
    ----------
    id : str
    text : str
    published : datetime.date
        The date relative expressions ("on Monday", "last week") are resolved against.
    incidents : tuple of GoldIncident
        Empty for a negative document.
    notes : tuple of str
        The coder's notes (borderline calls); empty when the gold set has none.
    """

    id: str
    text: str
    published: _dt.date
    incidents: tuple[GoldIncident, ...]
    notes: tuple[str, ...] = ()


def read_incident_set(
    path: str | os.PathLike[str], *, text_from: str | os.PathLike[str] | None = None
) -> list[GoldIncidentDoc]:
    """Read a gold incident set (JSON Lines), checking every field.

    Parameters
    ----------
    path : str or path-like
        A UTF-8 file, one JSON object a line; blank lines are skipped. A line may leave out
        ``"text"``; it may add ``"notes"`` (a list of strings) and, per incident,
        ``"evidence_start"`` and ``"evidence_end"`` (offsets into the text, both or neither).
    text_from : str or path-like, optional
        A JSON Lines corpus of ``{"id": ..., "text": ..., "published": ...}`` records (e.g.
        ``../shared/eval/voa-news/conflict.jsonl``). A gold line without ``"text"`` takes the
        text of the corpus record with its id; its ``published`` must agree with the
        record's, if the record has one.

    Returns
    -------
    list of GoldIncidentDoc
        In file order.

    Raises
    ------
    EvaluationError
        For the first bad line, as ``"<path>:<line>: <reason>"``: not JSON, a missing
        or unknown key, a wrong type, an unknown event or sub-event type, a date that is
        not ``YYYY-MM-DD`` or falls after ``published``, a month-precision date that is
        not the first of the month, a location that does not occur in the text,
        coordinates out of range, a negative count, evidence offsets outside the text, a
        repeated id, a line without text when ``text_from`` is not given or lacks its id;
        or if a file cannot be read.

    Examples
    --------
    >>> docs = read_incident_set("tests/data/incidents/dev.jsonl")
    >>> len(docs) >= 160, docs[0].id
    (True, 'dev-001')
    """
    lines = _read_lines(path, "incident set")
    corpus = _read_corpus(text_from) if text_from is not None else None
    docs: list[GoldIncidentDoc] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = _parse_doc(line, corpus, text_from)
            if doc.id in seen:
                raise ValueError(f"repeated id {doc.id!r}")
        except ValueError as e:
            raise EvaluationError(f"{os.fspath(path)}:{number}: {e}") from e
        seen.add(doc.id)
        docs.append(doc)
    return docs


def _read_lines(path: str | os.PathLike[str], what: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"cannot read {what} {os.fspath(path)!r}: {e}") from e


def _read_corpus(path: str | os.PathLike[str]) -> dict[str, tuple[str, _dt.date | None]]:
    """``id -> (text, published or None)`` of a JSON Lines corpus; EvaluationError for a bad line."""
    corpus: dict[str, tuple[str, _dt.date | None]] = {}
    for number, line in enumerate(_read_lines(path, "text corpus"), 1):
        if not line.strip():
            continue
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"not JSON: {e.msg} (column {e.colno})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"a record must be a JSON object, got {type(obj).__name__}")
            doc_id = _string(obj, "id", "the record")
            text = _string(obj, "text", "the record")
            published = _date(obj, "published", "the record") if "published" in obj else None
            if doc_id in corpus:
                raise ValueError(f"repeated id {doc_id!r}")
        except ValueError as e:
            raise EvaluationError(f"{os.fspath(path)}:{number}: {e}") from e
        corpus[doc_id] = (text, published)
    return corpus


def _parse_doc(
    line: str,
    corpus: dict[str, tuple[str, _dt.date | None]] | None,
    text_from: str | os.PathLike[str] | None,
) -> GoldIncidentDoc:
    # ValueError for anything wrong; the reader adds the line number.
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON: {e.msg} (column {e.colno})") from None
    optional = ("text", _NOTES_KEY)
    _check_keys(obj, _DOC_KEYS, "the document", optional=optional)
    doc_id = _string(obj, "id", "the document")
    published = _date(obj, "published", "the document")
    if "text" in obj:
        text = _string(obj, "text", "the document")
    elif corpus is None:
        raise ValueError(f"document {doc_id!r} has no 'text'; name the corpus that holds it "
                         "(text_from, or --text-from on the command line)")
    elif doc_id not in corpus:
        raise ValueError(f"document {doc_id!r} is not in the text corpus {os.fspath(text_from or '')!r}")
    else:
        text, corpus_published = corpus[doc_id]
        if corpus_published is not None and corpus_published != published:
            raise ValueError(f"published {published} disagrees with the corpus's {corpus_published}")
    notes = obj.get(_NOTES_KEY, [])
    if not isinstance(notes, list) or not all(isinstance(x, str) and x.strip() for x in notes):
        raise ValueError(f"{_NOTES_KEY!r} must be a list of non-empty strings")
    incidents = obj["incidents"]
    if not isinstance(incidents, list):
        raise ValueError(f"'incidents' must be a list, got {type(incidents).__name__}")
    parsed = tuple(_parse_incident(item, n, text, published) for n, item in enumerate(incidents))
    return GoldIncidentDoc(doc_id, text, published, parsed, tuple(notes))


def _evidence(obj: dict[str, Any], where: str, text: str) -> tuple[int, int] | None:
    present = [k for k in _EVIDENCE_KEYS if k in obj]
    if not present:
        return None
    if len(present) == 1:
        raise ValueError(f"{where}: give both 'evidence_start' and 'evidence_end' or neither")
    start = _int(obj, "evidence_start", where, minimum=0)
    end = _int(obj, "evidence_end", where, minimum=0)
    if not start < end <= len(text):
        raise ValueError(f"{where}: evidence {start}..{end} is not a non-empty span of the {len(text)}-character text")
    return start, end


def _parse_incident(obj: Any, n: int, text: str, published: _dt.date) -> GoldIncident:
    where = f"incident {n}"
    _check_keys(obj, _INCIDENT_KEYS, where, optional=_EVIDENCE_KEYS)
    event_type = _string(obj, "event_type", where)
    if event_type not in EVENT_TYPES:
        raise ValueError(f"{where}: unknown event_type {event_type!r}; valid: {', '.join(EVENT_TYPES)}")
    sub = _string(obj, "sub_event_type", where)
    if sub not in EVENT_TYPES[event_type]:
        raise ValueError(f"{where}: {sub!r} is no sub-event type of {event_type!r}; "
                         f"valid: {', '.join(EVENT_TYPES[event_type])}")
    event_date = _date(obj, "event_date", where)
    if event_date > published:
        raise ValueError(f"{where}: event_date {event_date} is after published {published}")
    time_precision = _int(obj, "time_precision", where)
    if time_precision not in TIME_PRECISION:
        raise ValueError(f"{where}: time_precision must be 1, 2 or 3, got {time_precision}")
    if time_precision == 3 and event_date.day != 1:
        raise ValueError(f"{where}: a month-precision event_date must be the first of the month, got {event_date}")
    location = _string(obj, "location", where)
    if location not in text:
        raise ValueError(f"{where}: location {location!r} does not occur in the text")
    latitude = _float(obj, "latitude", where, 90.0)
    longitude = _float(obj, "longitude", where, 180.0)
    geo_precision = _int(obj, "geo_precision", where)
    if geo_precision not in GEO_PRECISION:
        raise ValueError(f"{where}: geo_precision must be 1, 2 or 3, got {geo_precision}")
    injuries = None if obj["injuries"] is None else _int(obj, "injuries", where, minimum=0)
    actor2 = obj["actor2"]
    if not isinstance(actor2, str):
        raise ValueError(f"{where}: 'actor2' must be a string, got {type(actor2).__name__}")
    return GoldIncident(
        event_type=event_type,
        sub_event_type=sub,
        event_date=event_date,
        time_precision=time_precision,
        location=location,
        latitude=latitude,
        longitude=longitude,
        geo_precision=geo_precision,
        country=_string(obj, "country", where),
        fatalities=_int(obj, "fatalities", where, minimum=0),
        injuries=injuries,
        actor1=_string(obj, "actor1", where),
        actor2=actor2,
        evidence=_evidence(obj, where, text),
    )


def _check_keys(obj: Any, keys: tuple[str, ...], where: str, *, optional: tuple[str, ...] = ()) -> None:
    if not isinstance(obj, dict):
        raise ValueError(f"{where} must be a JSON object, got {type(obj).__name__}")
    missing = [k for k in keys if k not in obj and k not in optional]
    if missing:
        raise ValueError(f"{where} lacks {', '.join(map(repr, missing))}")
    allowed = keys + tuple(k for k in optional if k not in keys)
    unknown = sorted(set(obj) - set(allowed))
    if unknown:
        raise ValueError(f"{where} has unknown keys {', '.join(map(repr, unknown))}; valid: {', '.join(allowed)}")


def _string(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    return value


def _int(obj: dict[str, Any], key: str, where: str, *, minimum: int | None = None) -> int:
    value = obj[key]
    # bool is an int subclass; true/false in a count is a typo, not a number.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{where}: {key!r} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{where}: {key!r} must be at least {minimum}, got {value}")
    return value


def _float(obj: dict[str, Any], key: str, where: str, bound: float) -> float:
    value = obj[key]
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError(f"{where}: {key!r} must be a number, got {value!r}")
    if not (math.isfinite(value) and -bound <= value <= bound):
        raise ValueError(f"{where}: {key!r} must be between {-bound:g} and {bound:g}, got {value}")
    return float(value)


def _date(obj: dict[str, Any], key: str, where: str) -> _dt.date:
    value = obj[key]
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(f"{where}: {key!r} must be a YYYY-MM-DD string, got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: {key!r} must be a YYYY-MM-DD date, got {value!r}") from None
