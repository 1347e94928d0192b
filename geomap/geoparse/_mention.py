"""The :class:`Mention` value: a span of text that may name a place, as recognition found it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a place.

    Attributes
    ----------
    start, end : int
        0-based, end-exclusive offsets into the text.
    surface : str
        ``text[start:end]``.
    key : str
        The gazetteer name key to look up (for a demonym or a state abbreviation,
        the name of the place it stands for).
    kind : {"name", "abbreviation", "demonym"}
        A gazetteer name as written; an abbreviation written in capitals or with
        dots ("U.S.", "Calif."); a demonym or adjective ("Armenian").
    country : str
        For demonyms and state abbreviations, the ISO2 code they point to; else ``""``.
    caution : str
        Why the name may be a common word after all (``""`` when there is no doubt):
        resolution keeps such a mention only for a prominent place.
    """

    start: int
    end: int
    surface: str
    key: str
    kind: str = "name"
    country: str = ""
    caution: str = ""
