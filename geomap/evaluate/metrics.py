"""Geoparsing metrics: the toponym match rule, recognition P/R/F1 and geocoding error scores.

The geocoding scores follow Gritta, Pilehvar, Limsopatham & Collier, "What's missing
in geographical parsing?" (Language Resources and Evaluation 52, 2018) and the code
of their CamCoder/GeoWebNews releases, so that numbers are comparable with the
published ones:

* errors are great-circle distances in km, and an answer without coordinates
  scores :data:`MAX_ERROR_KM`, the largest error their code allows;
* ``acc@161`` is the share of errors within 161 km (100 miles);
* ``AUC`` is the area under the curve of sorted ``log(1 + error)``, normalised so
  that 0 is perfect and 1 is every answer at the maximum error.

Two small differences from that code, both deliberate: their ``acc@161`` tests
``log(1 + error) < log(161)``, i.e. an error under 160 km, where we count errors
up to and including 161 km, as the metric's name says; and their ``np.trapz`` runs
over the errors in corpus order, where we sort them first so the score does not
depend on document order (the two differ only through the first and last error).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "ACC_KM",
    "EARTH_RADIUS_KM",
    "MATCH_WINDOW",
    "MAX_ERROR_KM",
    "accuracy_at",
    "great_circle_km",
    "greedy_pairs",
    "log_error_auc",
    "match_toponyms",
    "precision_recall_f1",
]

#: Mean Earth radius (IUGG), as geopy uses.
EARTH_RADIUS_KM = 6371.0088
#: The error given to an answer without coordinates, and the AUC normaliser (Gritta et al.).
MAX_ERROR_KM = 20039.0
#: The distance of ``acc@161``: 100 miles.
ACC_KM = 161.0
#: How far apart (in characters) the midpoints of two matching spans may lie.
MATCH_WINDOW = 10.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points (haversine on a sphere).

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float
        Degrees, WGS84.

    Returns
    -------
    float
        Kilometres, with the mean Earth radius :data:`EARTH_RADIUS_KM`.

    Examples
    --------
    >>> round(great_circle_km(0.0, 0.0, 0.0, 1.0), 3)
    111.195
    >>> round(great_circle_km(51.5074, -0.1278, 48.8566, 2.3522))  # London-Paris
    344
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    # min() guards asin against rounding just above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def match_toponyms(
    gold: Sequence[tuple[int, int, str]],
    predicted: Sequence[tuple[int, int, str]],
    *,
    window: float = MATCH_WINDOW,
) -> list[tuple[int, int]]:
    """Pair predicted toponyms with gold ones in one document.

    A prediction matches a gold toponym when their strings are equal ignoring case
    and the midpoints of their spans lie at most ``window`` characters apart. Each
    gold and each prediction is used at most once, closest pairs first (ties in
    file order), so a repeated name pairs with its nearest mention.

    Parameters
    ----------
    gold, predicted : sequence of (start, end, surface)
        Spans and their strings.
    window : float, default 10
        The largest midpoint distance that still matches.

    Returns
    -------
    list of (int, int)
        ``(gold index, predicted index)`` pairs, sorted by gold index.

    Examples
    --------
    >>> gold = [(0, 5, "Paris"), (20, 26, "London")]
    >>> match_toponyms(gold, [(21, 27, "london"), (40, 45, "Paris")])
    [(1, 0)]
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, (gs, ge, gname) in enumerate(gold):
        gmid, gkey = (gs + ge) / 2, gname.lower()
        for pi, (ps, pe, pname) in enumerate(predicted):
            distance = abs((ps + pe) / 2 - gmid)
            if distance <= window and pname.lower() == gkey:
                candidates.append((distance, gi, pi))
    return greedy_pairs(candidates)


def greedy_pairs(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold, predicted)`` from ``(cost, gold, predicted)`` candidates, cheapest first.

    Examples
    --------
    >>> greedy_pairs([(0.5, 0, 0), (0.1, 0, 1), (0.2, 1, 1)])
    [(0, 1)]
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def precision_recall_f1(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts, 0.0 where a ratio is undefined.

    Parameters
    ----------
    matched, predicted, gold : int
        Matched pairs, all predictions, all gold toponyms.

    Returns
    -------
    tuple of float
        ``(precision, recall, f1)``. Precision is 0.0 without predictions, recall
        0.0 without gold, F1 0.0 when both are 0; callers that report these should
        say so, as :class:`~geomap.evaluate.GeoparseReport` does.

    Examples
    --------
    >>> precision_recall_f1(3, 4, 6)
    (0.75, 0.5, 0.6)
    >>> precision_recall_f1(0, 0, 6)
    (0.0, 0.0, 0.0)
    """
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy_at(errors_km: Iterable[float], km: float = ACC_KM) -> float:
    """The share of errors of at most ``km`` kilometres (``acc@161`` by default).

    Parameters
    ----------
    errors_km : iterable of float
    km : float, default 161

    Returns
    -------
    float
        Between 0 and 1; NaN for no errors, as there is nothing to score.

    Examples
    --------
    >>> accuracy_at([0.0, 160.0, 161.0, 162.0])
    0.75
    """
    errors = np.asarray(list(errors_km), dtype=float)
    if errors.size == 0:
        return math.nan
    return float(np.mean(errors <= km))


def log_error_auc(errors_km: Iterable[float]) -> float:
    """Area under the curve of sorted log errors (Gritta et al. 2018); lower is better.

    ``AUC = trapz(sort(log(1 + e))) / (log(MAX_ERROR_KM) * (n - 1))``: the
    trapezoidal area under the sorted log errors with unit spacing, divided by the
    area of the worst curve (every error at :data:`MAX_ERROR_KM`). 0 means every
    error is 0 km; every error at the maximum gives ``log(20040)/log(20039)``,
    1.000005, i.e. 1 to five decimals, as in the original. A single error has no
    width to integrate over, so it scores its own normalised log error, the limit of
    the formula.

    Parameters
    ----------
    errors_km : iterable of float

    Returns
    -------
    float
        NaN for no errors.

    Examples
    --------
    >>> log_error_auc([0.0, 0.0, 0.0])
    0.0
    >>> round(log_error_auc([0.0, 20039.0]), 3)
    0.5
    """
    logs = np.sort(np.log1p(np.asarray(list(errors_km), dtype=float)))
    if logs.size == 0:
        return math.nan
    norm = math.log(MAX_ERROR_KM)
    if logs.size == 1:
        return float(logs[0] / norm)
    return float(np.trapezoid(logs) / (norm * (logs.size - 1)))
