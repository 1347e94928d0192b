"""Whether a span of text overlaps any of many others, in logarithmic time per query."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["Coverage"]


class Coverage:
    """A set of ``(start, end)`` spans that answers overlap queries by bisection.

    Examples
    --------
    >>> covered = Coverage([(10, 20), (0, 5)])
    >>> covered.overlaps(4, 6), covered.overlaps(5, 10), covered.overlaps(19, 30)
    (True, False, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each index
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps any of the spans."""
        i = bisect.bisect_left(self._starts, end)  # spans before i start before ``end``
        return i > 0 and self._reach[i - 1] > start
