"""Report numbers: how an evaluation prints and serialises a figure that may be undefined (NaN)."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["fmt", "json_number"]


def fmt(value: float, spec: str = ".3f") -> str:
    """A figure for a text report; ``-`` when it is undefined.

    Examples
    --------
    >>> fmt(0.8249), fmt(float("nan")), fmt(12.34, ".1f")
    ('0.825', '-', '12.3')
    """
    return "-" if math.isnan(value) else format(value, spec)


def json_number(value: Any) -> Any:
    """A figure for JSON: ``None`` for NaN, which JSON cannot hold; anything else as it is.

    Examples
    --------
    >>> json_number(float("nan")) is None, json_number(3)
    (True, 3)
    """
    return None if isinstance(value, float) and math.isnan(value) else value
