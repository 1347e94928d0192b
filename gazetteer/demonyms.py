"""Demonyms and adjectives of places ("Armenian", "Azerbaijani", "Kurdish") and what each points to.

The table lives in ``gazetteer/data/demonyms.txt``; the build indexes every
word as a name of its place (with its own flag), so a lookup of "Armenian"
finds Armenia as a demonym match, and the geoparser uses the words as country
cues.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = ["Demonym", "demonym", "demonyms"]


class Demonym(NamedTuple):
    """What a demonym points to: ``iso2`` (``""`` for a place that is no country) and the place's name."""

    iso2: str
    place: str


def parse_demonyms(text: str) -> dict[str, Demonym]:
    """Parse the table format (``ISO2|place|word,word``; ``#`` comments); the first claim of a word wins.

    Examples
    --------
    >>> parse_demonyms("AM|Armenia|Armenian,Armenians")["armenians"]
    Demonym(iso2='AM', place='Armenia')
    """
    out: dict[str, Demonym] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 3 or not parts[1] or not parts[2]:
            raise ValueError(f"demonyms line {lineno}: expected ISO2|place|word,word, got {line!r}")
        iso2, place, words = parts
        for word in words.split(","):
            if word.strip():
                out.setdefault(word.strip().lower(), Demonym(iso2.strip(), place.strip()))
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, Demonym]:
    """The shipped table: lower-case demonym (one or more words) to what it points to.

    Examples
    --------
    >>> demonyms()["azerbaijani"]
    Demonym(iso2='AZ', place='Azerbaijan')
    """
    return parse_demonyms((resources.files("gazetteer") / "data" / "demonyms.txt").read_text(encoding="utf-8"))


def demonym(word: str) -> Demonym | None:
    """What a demonym or adjective points to, or ``None`` for a word that is none.

    Examples
    --------
    >>> demonym("Armenian")
    Demonym(iso2='AM', place='Armenia')
    >>> demonym("European").place
    'Europe'
    >>> demonym("Table") is None
    True
    """
    return demonyms().get(word.lower())
