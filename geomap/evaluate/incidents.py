"""Score an incident extractor against gold incident descriptions.

The gold set is JSON Lines, one document a line (see ``tests/data/incidents/README.md``)::

    {"id": "dev-001", "text": "...", "published": "2024-05-06",
     "incidents": [{"event_type": "Battles", "sub_event_type": "Armed clash",
                    "event_date": "2024-05-03", "time_precision": 1, "location": "Omdurman",
                    "latitude": 15.64, "longitude": 32.48, "geo_precision": 1, "country": "Sudan",
                    "fatalities": 7, "injuries": 15, "actor1": "...", "actor2": "..."}]}

A document with ``"incidents": []`` is a negative: anything extracted from it is a false alarm.

Matching, within one document and one-to-one:

* a predicted incident *may* match a gold one when its location is within
  :data:`LOCATION_KM` (25 km) of the gold point, **or** its ``event_type`` is the
  gold one and its date falls in the same calendar month;
* among the pairs that may match, the most similar are taken first (greedy), where
  :func:`incident_similarity` adds 1 for the same event type, 0.5 for the same
  sub-event type, 1 for the same day (0.5 for the same month only) and up to 1 for
  nearness (``1 - km / 25``, 0 beyond 25 km); ties go to the earlier gold incident,
  then the earlier prediction.

The either/or rule lets a prediction with one field wrong still match, so that the
field scores over matched pairs (event type, sub-event, location, fatalities, date)
measure something; a prediction wrong on place *and* on type or month is a false alarm
and its gold incident a miss.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from ..errors import EvaluationError
from ._numbers import fmt as _fmt, json_number as _json_number
from ..incidents import EVENT_TYPES

from ._incident_gold import GoldIncident, GoldIncidentDoc, read_incident_set
from .metrics import great_circle_km, greedy_pairs, precision_recall_f1

__all__ = [
    "GoldIncident",
    "GoldIncidentDoc",
    "IncidentLike",
    "IncidentMistake",
    "IncidentPair",
    "IncidentReport",
    "LOCATION_KM",
    "evaluate_incidents",
    "incident_similarity",
    "read_incident_set",
]

#: How far (km) a predicted location may be from the gold point and still count as right.
LOCATION_KM = 25.0


class IncidentLike(Protocol):
    """What ``extract`` may return: anything with these attributes, e.g. :class:`geomap.incidents._model.Incident`."""

    @property
    def event_type(self) -> str: ...
    @property
    def sub_event_type(self) -> str: ...
    @property
    def event_date(self) -> _dt.date | None: ...
    @property
    def time_precision(self) -> int: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def fatalities(self) -> int: ...


class IncidentPair(NamedTuple):
    """A matched gold and predicted incident, with the distance (km) between their points.

    ``distance_km`` is ``math.inf`` when the prediction has no coordinates.
    """

    doc_id: str
    gold: GoldIncident
    predicted: IncidentLike
    distance_km: float


class IncidentMistake(NamedTuple):
    """One thing an extractor got wrong, for people to read.

    ``kind`` is ``"miss"`` (a gold incident nothing matched; ``predicted`` is ``None``),
    ``"false_alarm"`` (a prediction that matched nothing; ``gold`` is ``None``) or
    ``"mismatch"`` (a matched pair that disagrees on ``field``: ``event_type``,
    ``sub_event_type``, ``location``, ``fatalities``, ``event_date`` or
    ``time_precision``). ``field`` is ``""`` for misses and false alarms.
    """

    doc_id: str
    kind: str
    field: str
    gold: GoldIncident | None
    predicted: IncidentLike | None
    detail: str


_REPORT_KEYS = (
    "docs", "gold", "predicted", "matched", "precision", "recall", "f1", "event_type_acc", "sub_event_acc",
    "location_25km", "fatalities_exact", "date_exact",
)


@dataclass(frozen=True)
class IncidentReport:
    """The scores of one evaluation run.

    Attributes
    ----------
    docs, negative_docs : int
        Documents, and of those the ones without gold incidents.
    gold, predicted, matched : int
        Gold incidents, predicted incidents, matched pairs.
    precision, recall, f1 : float
        Detection over incidents; 0.0 where undefined (see :attr:`notes`).
    event_type_acc, sub_event_acc : float
        Over matched pairs: share with the gold event type, and with the gold sub-event type.
    location_25km : float
        Over matched pairs: share within :data:`LOCATION_KM` of the gold point.
    fatalities_exact : float
        Over matched pairs: share with exactly the gold fatalities.
    date_exact, time_precision_acc : float
        Over matched pairs: share with exactly the gold date, and with the gold time precision.
    negative_docs_with_predictions : int
        Negative documents from which the extractor returned anything.
    notes : tuple of str
        What a reader of the numbers must know (undefined ratios).
    pairs : tuple of IncidentPair
        The matched pairs, in document order.
    mistakes : tuple of IncidentMistake
        Misses, false alarms and mismatched fields, in document order.

    The scores over matched pairs are NaN when nothing matched.
    """

    docs: int
    negative_docs: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    event_type_acc: float
    sub_event_acc: float
    location_25km: float
    fatalities_exact: float
    date_exact: float
    time_precision_acc: float
    negative_docs_with_predictions: int = 0
    notes: tuple[str, ...] = ()
    pairs: tuple[IncidentPair, ...] = field(default=(), repr=False, compare=False)
    mistakes: tuple[IncidentMistake, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The headline numbers as JSON-ready values (NaN becomes ``None``).

        Returns
        -------
        dict
            Keys ``docs, gold, predicted, matched, precision, recall, f1, event_type_acc,
            sub_event_acc, location_25km, fatalities_exact, date_exact``.

        Examples
        --------
        >>> import datetime
        >>> doc = GoldIncidentDoc("d", "Talks are planned.", datetime.date(2024, 1, 2), ())
        >>> evaluate_incidents([doc], lambda text, published: []).to_dict()["event_type_acc"] is None
        True
        """
        return {key: _json_number(getattr(self, key)) for key in _REPORT_KEYS}

    def format_table(self) -> str:
        """The report as a small plain-text table for people.

        Examples
        --------
        >>> import datetime
        >>> gold = GoldIncident("Battles", "Armed clash", datetime.date(2024, 5, 3), 1, "Gao", 16.27, -0.04,
        ...                     1, "Mali", 2, None, "Military Forces of Mali", "JNIM")
        >>> doc = GoldIncidentDoc("d", "Fighting in Gao.", datetime.date(2024, 5, 4), (gold,))
        >>> print(evaluate_incidents([doc], lambda text, published: [gold]).format_table())
        incident evaluation: 1 documents (0 without incidents)
        detection    gold 1  predicted 1  matched 1  P 1.000  R 1.000  F1 1.000
        matched      event type 1.000  sub-event 1.000  location@25km 1.000
                     fatalities 1.000  date 1.000  time precision 1.000
        mistakes     0 misses  0 false alarms  0 mismatched fields
        """
        counts = {kind: sum(1 for m in self.mistakes if m.kind == kind)
                  for kind in ("miss", "false_alarm", "mismatch")}
        lines = [
            f"incident evaluation: {self.docs} documents ({self.negative_docs} without incidents)",
            f"detection    gold {self.gold}  predicted {self.predicted}  matched {self.matched}  "
            f"P {_fmt(self.precision)}  R {_fmt(self.recall)}  F1 {_fmt(self.f1)}",
            f"matched      event type {_fmt(self.event_type_acc)}  sub-event {_fmt(self.sub_event_acc)}  "
            f"location@{LOCATION_KM:.0f}km {_fmt(self.location_25km)}",
            f"             fatalities {_fmt(self.fatalities_exact)}  date {_fmt(self.date_exact)}  "
            f"time precision {_fmt(self.time_precision_acc)}",
            f"mistakes     {counts['miss']} misses  {counts['false_alarm']} false alarms  "
            f"{counts['mismatch']} mismatched fields",
        ]
        if self.negative_docs_with_predictions:
            lines.append(f"negatives    {self.negative_docs_with_predictions} of {self.negative_docs} documents "
                         "without incidents had predictions")
        if self.notes:
            lines.append("notes:")
            lines.extend(f"  - {note}" for note in self.notes)
        return "\n".join(lines)


# --------------------------------------------------------------------------- scoring


def incident_similarity(gold: GoldIncident, predicted: IncidentLike) -> float | None:
    """How alike a gold and a predicted incident are, or ``None`` when they may not match.

    They may match when the predicted point is within :data:`LOCATION_KM` of the gold
    one, or the event type is the same and the date falls in the same month. The
    similarity, between 0 and 3.5, is the sum of: 1 for the same event type, 0.5 for
    the same sub-event type, 1 for the same date (0.5 for the same month only), and
    ``1 - km / 25`` for a point within 25 km.

    Parameters
    ----------
    gold : GoldIncident
    predicted : IncidentLike

    Returns
    -------
    float or None

    Examples
    --------
    >>> import datetime
    >>> g = GoldIncident("Battles", "Armed clash", datetime.date(2024, 5, 3), 1, "Gao", 16.27, -0.04,
    ...                  1, "Mali", 0, None, "A", "")
    >>> incident_similarity(g, g)
    3.5
    >>> from dataclasses import replace
    >>> incident_similarity(g, replace(g, latitude=20.0, event_date=datetime.date(2024, 5, 30)))
    2.0
    >>> incident_similarity(g, replace(g, latitude=20.0, event_type="Riots", sub_event_type="Mob violence")) is None
    True
    """
    km = _distance_km(gold, predicted)
    near = km <= LOCATION_KM
    same_type = predicted.event_type == gold.event_type
    pdate = predicted.event_date
    same_month = pdate is not None and (pdate.year, pdate.month) == (gold.event_date.year, gold.event_date.month)
    if not (near or (same_type and same_month)):
        return None
    score = 1.0 if same_type else 0.0
    score += 0.5 if predicted.sub_event_type == gold.sub_event_type else 0.0
    score += 1.0 if pdate == gold.event_date else 0.5 if same_month else 0.0
    score += 1.0 - km / LOCATION_KM if near else 0.0
    return score


def _distance_km(gold: GoldIncident, predicted: IncidentLike) -> float:
    if predicted.latitude is None or predicted.longitude is None:
        return math.inf
    return great_circle_km(gold.latitude, gold.longitude, predicted.latitude, predicted.longitude)


def _match(gold: Sequence[GoldIncident], predicted: Sequence[IncidentLike]) -> list[tuple[int, int]]:
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score = incident_similarity(g, p)
            if score is not None:
                candidates.append((-score, gi, pi))
    return greedy_pairs(candidates)


def _check_prediction(p: Any, doc: GoldIncidentDoc) -> None:
    # An unscorable prediction would otherwise count as a plausible-looking mistake.
    where = f"document {doc.id}: predicted incident"
    for name in ("event_type", "sub_event_type", "event_date", "time_precision", "latitude", "longitude",
                 "fatalities"):
        if not hasattr(p, name):
            raise EvaluationError(f"{where} {p!r} has no attribute {name!r}")
    if p.event_type not in EVENT_TYPES:
        raise EvaluationError(f"{where} has unknown event_type {p.event_type!r}; valid: {', '.join(EVENT_TYPES)}")
    if p.event_date is not None and (not isinstance(p.event_date, _dt.date) or isinstance(p.event_date, _dt.datetime)):
        raise EvaluationError(f"{where} has event_date {p.event_date!r}, not a datetime.date or None")
    lat, lon = p.latitude, p.longitude
    if (lat is None) != (lon is None):
        raise EvaluationError(f"{where} has only one of latitude and longitude")
    if lat is not None and lon is not None:
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise EvaluationError(f"{where} has coordinates out of range: {lat}, {lon}")


def _mismatches(doc_id: str, pair: IncidentPair) -> list[IncidentMistake]:
    g, p = pair.gold, pair.predicted
    out: list[IncidentMistake] = []

    def add(name: str, detail: str) -> None:
        out.append(IncidentMistake(doc_id, "mismatch", name, g, p, detail))

    if p.event_type != g.event_type:
        add("event_type", f"gold {g.event_type!r}, predicted {p.event_type!r}")
    if p.sub_event_type != g.sub_event_type:
        add("sub_event_type", f"gold {g.sub_event_type!r}, predicted {p.sub_event_type!r}")
    if not pair.distance_km <= LOCATION_KM:
        where = "no coordinates" if math.isinf(pair.distance_km) else f"{pair.distance_km:.0f} km away"
        add("location", f"gold {g.location!r}, predicted {where}")
    if p.fatalities != g.fatalities:
        add("fatalities", f"gold {g.fatalities}, predicted {p.fatalities}")
    if p.event_date != g.event_date:
        add("event_date", f"gold {g.event_date}, predicted {p.event_date}")
    if p.time_precision != g.time_precision:
        add("time_precision", f"gold {g.time_precision}, predicted {p.time_precision}")
    return out


def evaluate_incidents(
    docs: Iterable[GoldIncidentDoc],
    extract: Callable[[str, _dt.date], Sequence[IncidentLike]],
) -> IncidentReport:
    """Score an incident extractor on gold documents.

    Parameters
    ----------
    docs : iterable of GoldIncidentDoc
        E.g. from :func:`read_incident_set`.
    extract : callable
        ``extract(text, published)`` returns the incidents of one document: objects with
        the attributes of :class:`geomap.incidents._model.Incident` (``event_type``,
        ``sub_event_type``, ``event_date``, ``time_precision``, ``latitude``,
        ``longitude``, ``fatalities``).

    Returns
    -------
    IncidentReport
        Predictions are matched to gold incidents as the module docstring says.

    Raises
    ------
    EvaluationError
        If a prediction lacks one of those attributes, has an unknown event type, an
        ``event_date`` that is not a date, half a coordinate pair or coordinates out of
        range.

    Examples
    --------
    >>> import datetime
    >>> from dataclasses import replace
    >>> g = GoldIncident("Protests", "Peaceful protest", datetime.date(2024, 3, 7), 1, "Nakuru", -0.31, 36.07,
    ...                  1, "Kenya", 0, None, "Protesters (Kenya)", "")
    >>> doc = GoldIncidentDoc("d1", "Teachers marched in Nakuru on Thursday.", datetime.date(2024, 3, 8), (g,))
    >>> wrong_day = replace(g, event_date=datetime.date(2024, 3, 8))
    >>> r = evaluate_incidents([doc], lambda text, published: [wrong_day])
    >>> r.recall, r.location_25km, r.date_exact
    (1.0, 1.0, 0.0)
    >>> r.mistakes[0].field, r.mistakes[0].detail
    ('event_date', 'gold 2024-03-07, predicted 2024-03-08')
    """
    n_docs = n_negative = n_negative_flagged = n_gold = n_pred = 0
    pairs: list[IncidentPair] = []
    mistakes: list[IncidentMistake] = []
    for doc in docs:
        n_docs += 1
        preds = list(extract(doc.text, doc.published))
        for p in preds:
            _check_prediction(p, doc)
        if not doc.incidents:
            n_negative += 1
            n_negative_flagged += bool(preds)
        n_gold += len(doc.incidents)
        n_pred += len(preds)
        matches = _match(doc.incidents, preds)
        matched_gold = {gi for gi, _ in matches}
        matched_pred = {pi for _, pi in matches}
        for gi, pi in matches:
            pair = IncidentPair(doc.id, doc.incidents[gi], preds[pi], _distance_km(doc.incidents[gi], preds[pi]))
            pairs.append(pair)
            mistakes.extend(_mismatches(doc.id, pair))
        for gi, g in enumerate(doc.incidents):
            if gi not in matched_gold:
                mistakes.append(IncidentMistake(doc.id, "miss", "", g, None,
                                                f"{g.sub_event_type} in {g.location} on {g.event_date}"))
        for pi, p in enumerate(preds):
            if pi not in matched_pred:
                mistakes.append(IncidentMistake(doc.id, "false_alarm", "", None, p,
                                                f"{p.sub_event_type} on {p.event_date}"))

    precision, recall, f1 = precision_recall_f1(len(pairs), n_pred, n_gold)

    def share(ok: Callable[[IncidentPair], bool]) -> float:
        return sum(1 for pair in pairs if ok(pair)) / len(pairs) if pairs else math.nan

    return IncidentReport(
        docs=n_docs,
        negative_docs=n_negative,
        gold=n_gold,
        predicted=n_pred,
        matched=len(pairs),
        precision=precision,
        recall=recall,
        f1=f1,
        event_type_acc=share(lambda m: m.predicted.event_type == m.gold.event_type),
        sub_event_acc=share(lambda m: m.predicted.sub_event_type == m.gold.sub_event_type),
        location_25km=share(lambda m: m.distance_km <= LOCATION_KM),
        fatalities_exact=share(lambda m: m.predicted.fatalities == m.gold.fatalities),
        date_exact=share(lambda m: m.predicted.event_date == m.gold.event_date),
        time_precision_acc=share(lambda m: m.predicted.time_precision == m.gold.time_precision),
        negative_docs_with_predictions=n_negative_flagged,
        notes=_notes(n_gold, n_pred, len(pairs)),
        pairs=tuple(pairs),
        mistakes=tuple(mistakes),
    )


def _notes(n_gold: int, n_pred: int, n_pairs: int) -> tuple[str, ...]:
    notes: list[str] = []
    if n_pred == 0:
        notes.append("no predictions: precision is undefined and reported as 0")
    if n_gold == 0:
        notes.append("no gold incidents: recall is undefined and reported as 0")
    if n_pairs == 0:
        notes.append("nothing matched: the scores over matched pairs are undefined")
    return tuple(notes)
