"""The abbreviations the press writes for countries and states ("US", "UAE", "NSW"), and what each stands for.

The table is ``gazetteer/data/abbreviations.csv``. The gazetteer also indexes
every country's ISO 3166 codes as abbreviations, but most of them ("BA", "MW",
"SB") are, in text, acronyms or initials of something else.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["press_abbreviations"]


@lru_cache(maxsize=1)
def press_abbreviations() -> dict[str, frozenset[str]]:
    """The abbreviations news writes for countries and states, by name key, with what each stands for.

    Only those ``abbreviations.csv`` lists as written by the press ("US", "UAE",
    "SA" for South Africa, "NSW") count on their own. A target is an ISO 3166
    country code or a GeoNames admin-1 code (``"AU.05"``).

    Returns
    -------
    dict of str to frozenset of str
        Keyed by :func:`gazetteer.normalize_name` form.

    Examples
    --------
    >>> sorted(press_abbreviations()["sa"])  # South Africa, South Australia; not Saudi Arabia
    ['AU.05', 'ZA']
    >>> "ba" in press_abbreviations()
    False
    """
    import csv
    from importlib import resources

    from .normalize import normalize_name

    out: dict[str, set[str]] = {}
    with (resources.files("gazetteer") / "data" / "abbreviations.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for abbr in filter(None, row["abbreviations"].split("|")):
                out.setdefault(normalize_name(abbr), set()).add(row["target"])
    return {key: frozenset(targets) for key, targets in out.items()}
