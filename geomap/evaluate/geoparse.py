"""Score a geoparser against gold documents: recognition P/R/F1 and geocoding errors.

Two modes, chosen by ``gold_names`` and never mixed in one report:

* end to end: ``parse(text)`` finds and resolves toponyms; predictions are paired
  with gold toponyms by :func:`~geomap.evaluate.metrics.match_toponyms`, and the
  geocoding scores cover the matched pairs;
* gold names: ``resolve(text, spans)`` resolves the gold spans only, so recognition
  is perfect by construction and only geocoding is measured (how Mordecai 3 and
  most resolution papers report).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, Union, cast

import numpy as np

from ..errors import EvaluationError
from ._numbers import fmt as _fmt, json_number as _json_number

from ._conventions import SamePlace, convention_differences, same_place_by_id
from .corpora import GoldDocument, GoldToponym
from .metrics import (
    ACC_KM,
    MAX_ERROR_KM,
    accuracy_at,
    great_circle_km,
    log_error_auc,
    match_toponyms,
    precision_recall_f1,
)

__all__ = [
    "Answer",
    "GeoparseReport",
    "Located",
    "Miss",
    "Prediction",
    "PredictionLike",
    "TypeScore",
    "evaluate_geoparse",
]


class PredictionLike(Protocol):
    """What ``parse`` may return: anything with these attributes, e.g. :class:`Prediction`."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def surface(self) -> str: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


class Located(Protocol):
    """What ``resolve`` may answer besides ``(lat, lon)``: an object with coordinates (and a ``place``)."""

    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


#: One answer of ``resolve``: ``(lat, lon)``, an object with coordinates, or ``None``.
Answer = Union[tuple[float, float], Located, None]


@dataclass(frozen=True, slots=True)
class Prediction:
    """One toponym found by a geoparser.

    Attributes
    ----------
    start, end : int
        0-based, end-exclusive offsets into the document text.
    surface : str
        The string the parser recognised (compared with the gold name, ignoring case).
    latitude, longitude : float or None
        Where the parser put it; both ``None`` when it recognised the name but could
        not resolve it, which scores as the maximum error.
    place : object, optional
        The gazetteer place chosen (its ``place_id`` and ``kind`` tell a point
        convention difference from a wrong choice).
    """

    start: int
    end: int
    surface: str
    latitude: float | None = None
    longitude: float | None = None
    place: Any = None


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Scores for the gold toponyms of one GeoWebNews type.

    Attributes
    ----------
    gold : int
        Gold toponyms of the type.
    matched : int
        Of those, how many a prediction matched.
    recall : float
        ``matched / gold``.
    acc161 : float
        Share of the matched ones resolved within 161 km; NaN when none matched.
    """

    gold: int
    matched: int
    recall: float
    acc161: float


class Miss(NamedTuple):
    """A matched gold toponym and prediction with the distance between them."""

    doc_id: str
    gold: GoldToponym
    predicted: PredictionLike
    error_km: float


_REPORT_KEYS = ("docs", "gold", "predicted", "precision", "recall", "f1", "acc161", "mean_km", "median_km", "auc")


@dataclass(frozen=True)
class GeoparseReport:
    """The scores of one evaluation run.

    Attributes
    ----------
    docs, gold, predicted, matched : int
        Documents, gold toponyms (with coordinates), predictions, matched pairs.
    precision, recall, f1 : float
        Toponym recognition; 0.0 where undefined (see :attr:`notes`), 1.0 by
        definition in gold-names mode.
    acc161 : float
        Share of matched pairs with an error of at most 161 km.
    mean_km, median_km : float
        Error over matched pairs, km.
    auc : float
        Area under the log error curve (:func:`~geomap.evaluate.metrics.log_error_auc`),
        0 best, 1 worst.
    by_type : dict of str to TypeScore
        Per GeoWebNews type; empty for corpora without types.
    mode : {"end_to_end", "gold_names"}
    point_convention : dict of str to int
        Matched pairs beyond 161 km where the parser chose the very place the corpus
        means (same GeoNames id, or an area covering the gold point): the corpus puts
        it at another point. By kind of place ("country", "region"...).
    notes : tuple of str
        What a reader of the numbers must know: undefined ratios reported as 0,
        gold-names mode, answers without coordinates.
    pairs : tuple of Miss
        Every matched pair with its error, in document order; see :meth:`misses`.
    unmatched_gold : tuple of (str, GoldToponym)
        Gold toponyms no prediction matched, with their document id.
    unmatched_predicted : tuple of (str, PredictionLike)
        Predictions that matched no gold toponym, with their document id.

    The geocoding scores are NaN when nothing was matched.
    """

    docs: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    acc161: float
    mean_km: float
    median_km: float
    auc: float
    by_type: dict[str, TypeScore]
    mode: str = "end_to_end"
    point_convention: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    pairs: tuple[Miss, ...] = field(default=(), repr=False, compare=False)
    unmatched_gold: tuple[tuple[str, GoldToponym], ...] = field(default=(), repr=False, compare=False)
    unmatched_predicted: tuple[tuple[str, PredictionLike], ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The headline numbers as JSON-ready values (NaN becomes ``None``).

        Returns
        -------
        dict
            Keys ``docs, gold, predicted, precision, recall, f1, acc161, mean_km,
            median_km, auc``, ``by_type`` (type to ``gold, matched, recall, acc161``),
            ``point_convention`` (kind to count) and ``acc161_points_agreed`` (acc@161
            had the corpus put those places at the gazetteer's points).

        Examples
        --------
        >>> from geomap.evaluate import GoldDocument, GoldToponym
        >>> doc = GoldDocument("1", "In Paris.", (GoldToponym(3, 8, "Paris", 48.86, 2.35, None, ""),))
        >>> report = evaluate_geoparse([doc], parse=lambda text: [Prediction(3, 8, "Paris", 48.86, 2.35)])
        >>> report.to_dict()["f1"], report.to_dict()["by_type"]
        (1.0, {})
        """
        out: dict[str, Any] = {key: _json_number(getattr(self, key)) for key in _REPORT_KEYS}
        out["by_type"] = {
            name: {
                "gold": score.gold,
                "matched": score.matched,
                "recall": _json_number(score.recall),
                "acc161": _json_number(score.acc161),
            }
            for name, score in self.by_type.items()
        }
        out["point_convention"] = dict(self.point_convention)
        out["acc161_points_agreed"] = _json_number(
            self.acc161 + sum(self.point_convention.values()) / self.matched if self.matched else math.nan)
        return out

    def misses(self, n: int = 10) -> list[Miss]:
        """The ``n`` matched pairs with the largest errors, worst first.

        Parameters
        ----------
        n : int, default 10

        Returns
        -------
        list of Miss
            ``(doc_id, gold, predicted, error_km)`` tuples.

        Examples
        --------
        >>> from geomap.evaluate import GoldDocument, GoldToponym
        >>> doc = GoldDocument("1", "Paris, Texas.", (GoldToponym(0, 5, "Paris", 33.66, -95.56, None, ""),))
        >>> report = evaluate_geoparse([doc], parse=lambda text: [Prediction(0, 5, "Paris", 48.86, 2.35)])
        >>> miss = report.misses(1)[0]
        >>> miss.gold.name, round(miss.error_km, -2)
        ('Paris', 7800.0)
        """
        return sorted(self.pairs, key=lambda m: m.error_km, reverse=True)[: max(n, 0)]

    def format_table(self) -> str:
        """The report as a small plain-text table for people.

        Examples
        --------
        >>> from geomap.evaluate import GoldDocument, GoldToponym
        >>> doc = GoldDocument("1", "In Paris.", (GoldToponym(3, 8, "Paris", 48.86, 2.35, None, "Literal"),))
        >>> print(evaluate_geoparse([doc], parse=lambda text: []).format_table())  # doctest: +NORMALIZE_WHITESPACE
        geoparse evaluation, end to end: 1 documents
        recognition  gold 1  predicted 0  matched 0  P 0.000  R 0.000  F1 0.000
        geocoding    acc@161 -  mean - km  median - km  AUC -
        type              gold  matched  recall  acc@161
        Literal              1        0   0.000        -
        notes:
          - no predictions: precision is undefined and reported as 0
          - nothing matched: the geocoding scores are undefined
        """
        mode = "gold names" if self.mode == "gold_names" else "end to end"
        lines = [
            f"geoparse evaluation, {mode}: {self.docs} documents",
            f"recognition  gold {self.gold}  predicted {self.predicted}  matched {self.matched}  "
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}",
            f"geocoding    acc@161 {_fmt(self.acc161, '.3f')}  mean {_fmt(self.mean_km, '.1f')} km  "
            f"median {_fmt(self.median_km, '.1f')} km  AUC {_fmt(self.auc, '.3f')}",
        ]
        if self.by_type:
            w = max(16, *(len(name) for name in self.by_type))
            lines.append(f"{'type':<{w}} {'gold':>6} {'matched':>8} {'recall':>7} {'acc@161':>8}")
            for name, s in self.by_type.items():
                lines.append(f"{name:<{w}} {s.gold:>6} {s.matched:>8} {s.recall:>7.3f} {_fmt(s.acc161, '.3f'):>8}")
        if self.point_convention:
            lines.append("point differs from the corpus's (right place, > 161 km): "
                         + ", ".join(f"{kind} {n}" for kind, n in self.point_convention.items()))
        if self.notes:
            lines.append("notes:")
            lines.extend(f"  - {note}" for note in self.notes)
        return "\n".join(lines)


def evaluate_geoparse(
    docs: Iterable[GoldDocument],
    *,
    parse: Callable[[str], Sequence[PredictionLike]] | None = None,
    resolve: Callable[[str, Sequence[tuple[int, int]]], Sequence[Answer]] | None = None,
    gold_names: bool = False,
    same_place: SamePlace = same_place_by_id,
) -> GeoparseReport:
    """Score a geoparser on gold documents.

    Parameters
    ----------
    docs : iterable of GoldDocument
        Only gold toponyms with coordinates count.
    parse : callable, optional
        End-to-end mode (``gold_names=False``): ``parse(text)`` returns the
        predictions for one document (:class:`Prediction` or alike).
    resolve : callable, optional
        Gold-names mode (``gold_names=True``): ``resolve(text, spans)`` gets the gold
        ``(start, end)`` spans of one document and returns, for each, ``(lat, lon)``
        or ``None`` when it has no answer (scored as the maximum error).
    gold_names : bool, default False
        Which mode; it needs ``resolve`` where end to end needs ``parse``.
    same_place : callable, default :func:`~geomap.evaluate._conventions.same_place_by_id`
        ``same_place(gold, predicted)``: whether a prediction names the place the gold
        toponym means, to count point convention differences (``point_convention``).
        ``resolve`` may answer with objects that have ``latitude``, ``longitude`` and
        ``place`` instead of ``(lat, lon)``, so that gold-names mode counts them too.

    Returns
    -------
    GeoparseReport

    Raises
    ------
    EvaluationError
        If the callable for the mode is missing or the other one is given, or the
        callable returns something unscorable: a span outside the text, half a
        coordinate pair, coordinates out of range, or (``resolve``) a list of the
        wrong length.

    Examples
    --------
    >>> from geomap.evaluate import GoldDocument, GoldToponym
    >>> doc = GoldDocument("1", "From Paris to Lyon.", (
    ...     GoldToponym(5, 10, "Paris", 48.86, 2.35, None, ""),
    ...     GoldToponym(14, 18, "Lyon", 45.76, 4.84, None, "")))
    >>> r = evaluate_geoparse([doc], parse=lambda text: [Prediction(5, 10, "Paris", 48.85, 2.35)])
    >>> r.precision, r.recall, r.acc161
    (1.0, 0.5, 1.0)
    >>> r = evaluate_geoparse([doc], resolve=lambda text, spans: [(48.86, 2.35), None], gold_names=True)
    >>> r.f1, r.acc161, r.mode
    (1.0, 0.5, 'gold_names')
    """
    if gold_names and (resolve is None or parse is not None):
        raise EvaluationError("gold-names mode takes resolve=... and no parse=...")
    if not gold_names and (parse is None or resolve is not None):
        raise EvaluationError(
            "end-to-end mode takes parse=... and no resolve=... (pass gold_names=True to resolve gold spans)"
        )

    n_docs = n_gold = n_pred = 0
    pairs: list[Miss] = []
    unmatched_gold: list[tuple[str, GoldToponym]] = []
    unmatched_pred: list[tuple[str, PredictionLike]] = []
    type_gold: dict[str, int] = {}
    for doc in docs:
        n_docs += 1
        gold = [t for t in doc.toponyms if t.latitude is not None and t.longitude is not None]
        for t in gold:
            if t.type:
                type_gold[t.type] = type_gold.get(t.type, 0) + 1
        if gold_names:
            assert resolve is not None
            preds: list[PredictionLike] = _resolve_gold(doc, gold, resolve)
            matches = [(i, i) for i in range(len(gold))]
        else:
            assert parse is not None
            preds = list(parse(doc.text))
            for p in preds:
                _check_prediction(p, doc)
            matches = match_toponyms(
                [(t.start, t.end, t.name) for t in gold],
                [(p.start, p.end, p.surface) for p in preds],
            )
        n_gold += len(gold)
        n_pred += len(preds)
        for gi, pi in matches:
            pairs.append(Miss(doc.id, gold[gi], preds[pi], _error_km(gold[gi], preds[pi])))
        matched_gold = {gi for gi, _ in matches}
        matched_pred = {pi for _, pi in matches}
        unmatched_gold.extend((doc.id, t) for i, t in enumerate(gold) if i not in matched_gold)
        unmatched_pred.extend((doc.id, p) for i, p in enumerate(preds) if i not in matched_pred)

    errors = [m.error_km for m in pairs]
    if gold_names:
        precision = recall = f1 = 1.0
    else:
        precision, recall, f1 = precision_recall_f1(len(pairs), n_pred, n_gold)
    by_type: dict[str, TypeScore] = {}
    for name in sorted(type_gold):
        type_errors = [m.error_km for m in pairs if m.gold.type == name]
        n_type = type_gold[name]
        by_type[name] = TypeScore(n_type, len(type_errors), len(type_errors) / n_type, accuracy_at(type_errors))

    return GeoparseReport(
        docs=n_docs,
        gold=n_gold,
        predicted=n_pred,
        matched=len(pairs),
        precision=precision,
        recall=recall,
        f1=f1,
        acc161=accuracy_at(errors, ACC_KM),
        mean_km=float(np.mean(errors)) if errors else math.nan,
        median_km=float(np.median(errors)) if errors else math.nan,
        auc=log_error_auc(errors),
        by_type=by_type,
        mode="gold_names" if gold_names else "end_to_end",
        point_convention=convention_differences(pairs, same_place, ACC_KM),
        notes=_notes(gold_names, n_gold, n_pred, pairs),
        pairs=tuple(pairs),
        unmatched_gold=tuple(unmatched_gold),
        unmatched_predicted=tuple(unmatched_pred),
    )


def _resolve_gold(
    doc: GoldDocument,
    gold: list[GoldToponym],
    resolve: Callable[[str, Sequence[tuple[int, int]]], Sequence[Answer]],
) -> list[PredictionLike]:
    answers = list(resolve(doc.text, [(t.start, t.end) for t in gold]))
    if len(answers) != len(gold):
        raise EvaluationError(f"document {doc.id}: resolve returned {len(answers)} answers for {len(gold)} spans")
    preds: list[PredictionLike] = []
    for t, answer in zip(gold, answers):
        place = getattr(answer, "place", None)
        try:
            if answer is None:
                lat, lon = None, None
            elif hasattr(answer, "latitude"):  # a resolved mention, with its place
                lat, lon = cast(Located, answer).latitude, cast(Located, answer).longitude
            else:
                lat, lon = cast(tuple[float, float], answer)
        except (TypeError, ValueError):
            raise EvaluationError(
                f"document {doc.id}: resolve answered {answer!r} for {t.name!r}, not (lat, lon) or None"
            ) from None
        p = Prediction(t.start, t.end, t.name, lat, lon, place)
        _check_prediction(p, doc)
        preds.append(p)
    return preds


def _check_prediction(p: PredictionLike, doc: GoldDocument) -> None:
    # A bad span or coordinate would otherwise score as a plausible-looking miss.
    if not (0 <= p.start < p.end <= len(doc.text)):
        raise EvaluationError(
            f"document {doc.id}: prediction {p.surface!r} has span {p.start}:{p.end} outside the text"
        )
    lat, lon = p.latitude, p.longitude
    if (lat is None) != (lon is None):
        raise EvaluationError(f"document {doc.id}: prediction {p.surface!r} has only one of latitude and longitude")
    if lat is not None and lon is not None:
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise EvaluationError(
                f"document {doc.id}: prediction {p.surface!r} has coordinates out of range: {lat}, {lon}"
            )


def _error_km(gold: GoldToponym, pred: PredictionLike) -> float:
    if pred.latitude is None or pred.longitude is None:
        return MAX_ERROR_KM
    assert gold.latitude is not None and gold.longitude is not None
    return great_circle_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude)


def _notes(gold_names: bool, n_gold: int, n_pred: int, pairs: list[Miss]) -> tuple[str, ...]:
    notes: list[str] = []
    if gold_names:
        notes.append("gold-names mode: the gold toponyms were given, so precision, recall and F1 are 1 by definition")
    else:
        if n_pred == 0:
            notes.append("no predictions: precision is undefined and reported as 0")
        if n_gold == 0:
            notes.append("no gold toponyms: recall is undefined and reported as 0")
    if not pairs:
        notes.append("nothing matched: the geocoding scores are undefined")
    unresolved = sum(1 for m in pairs if m.predicted.latitude is None)
    if unresolved:
        notes.append(f"{unresolved} matched predictions had no coordinates and count as {MAX_ERROR_KM:.0f} km errors")
    return tuple(notes)
