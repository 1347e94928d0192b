"""Index demonyms ("Armenian", "Kurdish") under the places they name."""

from __future__ import annotations

from .writer import GazetteerWriter

__all__ = ["add_demonyms"]

_DEMONYM_TARGETS = ("admin1", "region", "disputed_area", "continent", "admin2", "physical_feature")


def add_demonyms(w: GazetteerWriter, log) -> None:
    """Index each demonym under its place.

    A demonym of a country ("Japanese") goes to the country, not to a namesake
    island group or state ("México"); one of a part of a country ("Scottish",
    "Kurdish") to the area of that name, preferring admin areas and regions.
    """
    from ..demonyms import demonyms
    from ..normalize import normalize_name

    country = {cc: (key, pid) for key, entries in w.areas.items() for kind, cc, pid in entries if kind == "country"}
    rank = {k: i for i, k in enumerate(_DEMONYM_TARGETS)}
    done = missing = 0
    for word, d in demonyms().items():
        key = normalize_name(d.place)
        if d.iso2 in country and country[d.iso2][0] == key:
            target: int | None = country[d.iso2][1]
        else:
            areas = sorted((a for a in w.areas.get(key, []) if a[0] in rank and (not d.iso2 or a[1] in (d.iso2, ""))),
                           key=lambda a: rank[a[0]])
            target = areas[0][2] if areas else country.get(d.iso2, ("", None))[1]
        if target is None:
            missing += 1
            continue
        w.add_demonym(target, word)
        done += 1
    log(f"demonyms: {done} indexed, {missing} without a place")


