"""The last check on a candidate incident: does its sentence report an event, or name one in passing?

A long story names many events it does not report: the war in the background, a past
attack, a risk. What tells them apart is several weak signals together, so one logistic
model weighs them: whether the sentence gives a date of its own, places the event finer
than a region, gives a toll; whether it quotes someone; the trigger's strength, voice and tense; the
event type; and the story's length, alone and with the missing date or place (in a
one-sentence note or headline every event is reported; in a long story an undated,
unplaced mention is often background).

The weights are plain numbers in ``data/incident_gate.json``, fitted with cross-validation
on third-party text by ``python -m geomap.incidents.fit_gate`` (VOA stories by story
folds, event-location and PLOVER sentences), never set by hand.
"""

from __future__ import annotations

import json
import math
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..errors import GeomapError

__all__ = ["FEATURES", "features", "is_past", "keeps", "probability", "tracing"]

#: The features, in the order of the weights.
FEATURES = ("dated", "fine_place", "toll", "quoted", "strong", "nominal", "past_tense", "strategic",
            "log_sentences", "long_undated", "long_unplaced")

_TRACE: list[list[tuple[list[float], object]]] = []
_IRREGULAR_PAST = frozenset("shot struck hit fought took overran retook beat held threw hurled broke withdrew set "
                            "led stole slew".split())


def is_past(word: str) -> bool:
    """Whether an event word is a past form ("attacked", "shot", "opened fire").

    Examples
    --------
    >>> is_past("opened fire"), is_past("shot"), is_past("attack")
    (True, True, False)
    """
    first = word.lower().split(" ")[0]
    return first.endswith("ed") or first in _IRREGULAR_PAST


def features(*, dated: bool, fine_place: bool, toll: bool, quoted: bool, strong: bool, nominal: bool,
             past_tense: bool, strategic: bool, sentences: int) -> list[float]:
    """The feature vector of one candidate incident, in the order of :data:`FEATURES`.

    Examples
    --------
    >>> features(dated=True, fine_place=True, toll=False, quoted=False, strong=True, nominal=False,
    ...          past_tense=True, strategic=False, sentences=1)[-3:]
    [0.693, 0.0, 0.0]
    """
    n = round(math.log1p(max(1, sentences)), 3)
    return [float(dated), float(fine_place), float(toll), float(quoted), float(strong), float(nominal),
            float(past_tense), float(strategic), n, 0.0 if dated else n, 0.0 if fine_place else n]


@lru_cache(maxsize=1)
def _weights() -> tuple[float, tuple[float, ...]]:
    raw = json.loads(resources.files("geomap.incidents").joinpath("data/incident_gate.json").read_text(
        encoding="utf-8"))
    w = raw["weights"]
    if set(w) != set(FEATURES):
        raise GeomapError(f"incident_gate.json: weights for {sorted(w)}, expected {sorted(FEATURES)}")
    return float(raw["bias"]), tuple(float(w[f]) for f in FEATURES)


def probability(x: list[float]) -> float:
    """The model's probability that a candidate with features ``x`` is a reported incident."""
    bias, w = _weights()
    z = bias + sum(a * b for a, b in zip(w, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keeps(x: list[float], candidate: object = None) -> bool:
    """Whether a candidate with features ``x`` is kept (probability at least 0.5); while
    :func:`tracing`, every candidate is recorded and kept.

    Examples
    --------
    >>> x = features(dated=True, fine_place=True, toll=True, quoted=False, strong=True, nominal=False,
    ...              past_tense=True, strategic=False, sentences=1)
    >>> keeps(x)
    True
    """
    if _TRACE:
        _TRACE[-1].append((x, candidate))
        return True
    return probability(x) >= 0.5


@contextmanager
def tracing() -> Iterator[list[tuple[list[float], object]]]:
    """Record ``(features, candidate)`` of every candidate incident, and keep them all (for the fit).

    Examples
    --------
    >>> with tracing() as seen:
    ...     keeps([0.0] * len(FEATURES), "x")
    True
    >>> seen
    [([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], 'x')]
    """
    _TRACE.append([])
    try:
        yield _TRACE[-1]
    finally:
        _TRACE.pop()
