"""An offset index of spans (dates, place mentions), so that extraction stays linear in a document's length."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Sequence


class Spans:
    """Spans (dates, place mentions) sorted by start, found by offset in logarithmic time.

    Each incident asks for the spans inside its clause or sentence; a scan of every span of
    the document per incident made extraction quadratic in the document's length.
    """

    __slots__ = ("items", "starts")

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = tuple(sorted(items, key=lambda m: (m.start, m.end)))
        self.starts = [m.start for m in self.items]

    def within(self, a: int, b: int) -> list[Any]:
        """The spans that lie inside ``[a, b)``, in text order."""
        return [m for m in self.items[bisect_left(self.starts, a):bisect_left(self.starts, b)] if m.end <= b]

    def starting(self, a: int, b: int) -> list[Any]:
        """The spans that start inside ``[a, b)``, in text order."""
        return list(self.items[bisect_left(self.starts, a):bisect_left(self.starts, b)])
