"""Two third-party sentence sets for the incident extractor: event-location and PLOVER.

* event-location (Halterman 2019): sentences with one labelled event verb and the
  places where that event happened. Scored on its hand-relabelled (``RELABEL``)
  records whose verb is a violent or protest verb: the share that yields an incident
  whose evidence holds the verb, and, where a place is labelled, the share whose
  incident place span overlaps it.
* PLOVER gold-standard records: sentences with a PLOVER event type. Fighting,
  assault and protest records should yield an incident of the matching ACLED family;
  statements, demands, threats and cooperation should yield none.

The readers check their input and raise :class:`geomap.errors.EvaluationError` with
the record at fault; the text stays in ``../shared`` and is never copied.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import EvaluationError

__all__ = [
    "EVENT_VERBS",
    "EventLocationRecord",
    "EventLocationReport",
    "PLOVER_FAMILIES",
    "PLOVER_QUIET",
    "PloverRecord",
    "PloverReport",
    "evaluate_event_location",
    "evaluate_plover",
    "read_event_location",
    "read_plover",
]

#: The event-location verbs scored (issue 16): violent, coercive and protest acts.
EVENT_VERBS = frozenset("""killed shot attacked bombed shelled clashed fired exploded detonated ambushed abducted
kidnapped arrested demonstrated protested marched rioted stormed captured seized wounded injured executed beheaded
massacred raided looted burned torched struck hit""".split())
#: PLOVER types that are incidents, and the ACLED event types that count as a match.
PLOVER_FAMILIES: dict[str, frozenset[str]] = {
    "FIGHT": frozenset({"Battles", "Explosions/Remote violence"}),
    "ASSAULT": frozenset({"Violence against civilians", "Explosions/Remote violence", "Riots"}),
    "PROTEST": frozenset({"Protests", "Riots"}),
}
#: PLOVER types that report statements or cooperation, not incidents.
PLOVER_QUIET = frozenset({"DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})

Extract = Callable[[str], Sequence[Any]]


@dataclass(frozen=True, slots=True)
class EventLocationRecord:
    """One labelled sentence: its event verb's span and the spans of its event's places."""

    id: str
    text: str
    source: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]

    @property
    def verb_text(self) -> str:
        return self.text[self.verb[0]:self.verb[1]]


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One PLOVER sentence and its event type."""

    id: str
    text: str
    event: str


def _load_json(path: str | os.PathLike[str], inner: str | None) -> Any:
    p = Path(path)
    try:
        if p.suffix == ".zip":
            with zipfile.ZipFile(p) as zf:
                raw = zf.read(inner or next(n for n in zf.namelist() if n.endswith(".jsonl") and "/" not in n))
        else:
            raw = p.read_bytes()
        return json.loads(raw)
    except (OSError, zipfile.BadZipFile, StopIteration, KeyError) as exc:
        raise EvaluationError(f"{p}: cannot read ({exc})") from exc
    except ValueError as exc:
        raise EvaluationError(f"{p}: not JSON ({exc})") from exc


def _token_span(row: dict[str, Any], span: dict[str, Any], where: str) -> tuple[int, int]:
    try:
        tokens = row["tokens"]
        return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]
    except (KeyError, IndexError, TypeError) as exc:
        raise EvaluationError(f"{where}: bad token span ({exc})") from exc


def read_event_location(path: str | os.PathLike[str], *, relabel_only: bool = True) -> list[EventLocationRecord]:
    """The records of event-location's ``labeled_text.jsonl`` (or its zip).

    Spans come from token offsets, which the README says to trust over character
    offsets. Records without a verb span are left out (two of the relabelled ones).
    """
    rows = _load_json(path, "labeled_text.jsonl")
    if not isinstance(rows, list):
        raise EvaluationError(f"{path}: expected one JSON array of records")
    out = []
    for n, row in enumerate(rows):
        where = f"{path}: record {n}"
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise EvaluationError(f"{where}: a record must be an object with a text")
        if relabel_only and row.get("source") != "RELABEL":
            continue
        spans = row.get("spans") or []
        verbs = [_token_span(row, s, where) for s in spans if s.get("label") == "VERB"]
        if not verbs:
            continue
        places = tuple(_token_span(row, s, where) for s in spans if s.get("label") == "LOCATION")
        out.append(EventLocationRecord(str(row.get("_id", n)), row["text"], str(row.get("source", "")), verbs[0],
                                       places))
    return out


def read_plover(path: str | os.PathLike[str]) -> list[PloverRecord]:
    """The sentences of PLOVER's ``PLOVER_GSR_CAMEO.txt`` (one JSON array; the DOCUMENT header is skipped)."""
    rows = _load_json(path, None)
    if not isinstance(rows, list):
        raise EvaluationError(f"{path}: expected one JSON array of records")
    out = []
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            raise EvaluationError(f"{path}: record {n} is not an object")
        if row.get("event") == "DOCUMENT":
            continue  # the header that documents the file
        if not isinstance(row.get("text"), str) or not isinstance(row["event"], str):
            raise EvaluationError(f"{path}: record {n} needs a text and an event")
        out.append(PloverRecord(str(row.get("id", n)), row["text"], row["event"]))
    return out


@dataclass(frozen=True)
class EventLocationReport:
    """Scores on event-location records.

    ``detected`` is the share of scored records (verb in :data:`EVENT_VERBS`) with an
    incident whose evidence holds the verb; ``location_overlap`` the share, of those
    with a labelled place, whose incident's place span overlaps one of them.
    """

    records: int
    detected: float
    with_location: int
    location_overlap: float
    misses: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "detected": self.detected, "with_location": self.with_location,
                "location_overlap": self.location_overlap, "misses": list(self.misses)}

    def format_table(self) -> str:
        return _table(self.to_dict())


@dataclass(frozen=True)
class PloverReport:
    """Per PLOVER type: records and the share that yields an (incident-family) incident.

    ``recall`` covers :data:`PLOVER_FAMILIES` (an incident of the matching family);
    ``false_rate`` covers :data:`PLOVER_QUIET` (any incident); ``fired`` lists the
    quiet records that yielded one, with the incident's type and trigger.
    """

    recall: float
    recall_records: int
    false_rate: float
    quiet_records: int
    by_type: dict[str, tuple[int, float]]
    fired: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"recall": self.recall, "recall_records": self.recall_records, "false_rate": self.false_rate,
                "quiet_records": self.quiet_records,
                "by_type": {k: {"records": n, "share": s} for k, (n, s) in sorted(self.by_type.items())},
                "fired": list(self.fired)}

    def format_table(self) -> str:
        return _table(self.to_dict())


def _table(d: dict[str, Any]) -> str:
    """A report's fields one a line, lists indented below their name."""
    lines = []
    for key, value in d.items():
        if isinstance(value, list):
            lines += [f"{key}:"] + [f"  {item}" for item in value]
        elif isinstance(value, dict):
            lines += [f"{key}:"] + [f"  {k:<12}{v}" for k, v in value.items()]
        else:
            lines.append(f"{key:<18}{value:.3f}" if isinstance(value, float) else f"{key:<18}{value}")
    return "\n".join(lines)


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def evaluate_event_location(records: Iterable[EventLocationRecord], extract: Extract) -> EventLocationReport:
    """Score ``extract(text) -> incidents`` on event-location records.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> rec = EventLocationRecord("x", "Rebels shelled Avdiivka.", "RELABEL", (7, 14), ((15, 23),))
    >>> fake = lambda text: [NS(evidence_start=0, evidence_end=24, place_start=15, place_end=23)]
    >>> r = evaluate_event_location([rec], fake); (r.records, r.detected, r.location_overlap)
    (1, 1.0, 1.0)
    """
    n = found = n_loc = overlap = 0
    misses = []
    for rec in records:
        if rec.verb_text.lower() not in EVENT_VERBS:
            continue
        n += 1
        incs = [i for i in extract(rec.text) if i.evidence_start <= rec.verb[0] and rec.verb[1] <= i.evidence_end]
        if incs:
            found += 1
        else:
            misses.append(f"{rec.id}: {rec.verb_text}")
        if rec.locations:
            n_loc += 1
            if any(i.place_start < b and a < i.place_end for i in incs for a, b in rec.locations):
                overlap += 1
    return EventLocationReport(n, _share(found, n), n_loc, _share(overlap, n_loc), tuple(misses))


def evaluate_plover(records: Iterable[PloverRecord], extract: Extract) -> PloverReport:
    """Score ``extract(text) -> incidents`` on PLOVER records.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> recs = [PloverRecord("a", "Troops fought rebels.", "FIGHT"), PloverRecord("b", "X urged talks.", "DEMAND")]
    >>> fake = lambda text: [NS(event_type="Battles", trigger="fought")] if "fought" in text else []
    >>> r = evaluate_plover(recs, fake); (r.recall, r.false_rate)
    (1.0, 0.0)
    """
    counts: dict[str, list[int]] = {}
    fired = []
    for rec in records:
        family = PLOVER_FAMILIES.get(rec.event)
        if family is None and rec.event not in PLOVER_QUIET:
            continue
        incs = list(extract(rec.text))
        hit = any(i.event_type in family for i in incs) if family is not None else bool(incs)
        c = counts.setdefault(rec.event, [0, 0])
        c[0] += 1
        c[1] += hit
        if family is None and hit:
            fired.append(f"{rec.id}: " + "; ".join(f"{i.event_type} ({i.trigger})" for i in incs))
    rec_n = sum(c[0] for k, c in counts.items() if k in PLOVER_FAMILIES)
    rec_hit = sum(c[1] for k, c in counts.items() if k in PLOVER_FAMILIES)
    quiet_n = sum(c[0] for k, c in counts.items() if k in PLOVER_QUIET)
    quiet_hit = sum(c[1] for k, c in counts.items() if k in PLOVER_QUIET)
    return PloverReport(_share(rec_hit, rec_n), rec_n, _share(quiet_hit, quiet_n), quiet_n,
                        {k: (c[0], _share(c[1], c[0])) for k, c in counts.items()}, tuple(fired))
