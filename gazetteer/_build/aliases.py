"""Alternate spellings of places that coders and the press write and the sources lack.

``gazetteer/data/aliases.csv`` lists one alias a row: the spelling, the id of the place
it names, and a note on who writes it and what it was found as without the alias. The
build adds each as an alternate name of its place, after every place is written.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable

from .writer import GazetteerWriter

__all__ = ["ALIASES", "add_aliases", "read_aliases"]

ALIASES = Path(__file__).resolve().parents[1] / "data" / "aliases.csv"


def read_aliases(path: Path = ALIASES) -> list[tuple[str, str, str]]:
    """``(alias, place id, note)`` rows; a row without all three is an error naming its line."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for n, row in enumerate(rows, start=2):
        alias, place_id, note = (row.get(k, "") or "" for k in ("alias", "place_id", "note"))
        if not (alias.strip() and place_id.strip() and note.strip()):
            raise ValueError(f"{path}:{n}: each row needs alias, place_id and note")
        out.append((alias.strip(), place_id.strip(), note.strip()))
    return out


def _internal_id(w: GazetteerWriter, place_id: str) -> int | None:
    row = w.con.execute("SELECT id FROM ids WHERE place_id = ?", (place_id,)).fetchone()
    if row:
        return int(row[0])
    if place_id.startswith("geonames:") and place_id[9:].isdigit():
        gid = int(place_id[9:])
        taken = w.con.execute("SELECT place_id FROM ids WHERE id = ?", (gid,)).fetchone()
        if taken is None and w.con.execute("SELECT 1 FROM places WHERE id = ?", (gid,)).fetchone():
            return gid
    return None


def add_aliases(w: GazetteerWriter, log: Callable[[str], None], path: Path = ALIASES) -> int:
    """Index every alias of ``path`` as an alternate name of its place; return how many were added."""
    added = 0
    for alias, place_id, _note in read_aliases(path):
        iid = _internal_id(w, place_id)
        if iid is None:
            log(f"aliases: {place_id} is not in this build; {alias!r} left out")
            continue
        w.add_names(iid, None, [alias])
        added += 1
    log(f"aliases: {added} alternate spellings")
    return added
