"""The mistakes of an incident evaluation, grouped by kind and category, for people to read.

``geomap eval incidents --mistakes`` prints this after the scores: false alarms grouped by
the predicted event type, misses grouped by the gold event type, and the mismatched fields
of matched pairs counted by field, each with the sentence that shows it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from .incidents import IncidentMistake, IncidentReport

__all__ = ["format_mistakes", "mistakes_to_dicts"]

_WIDTH = 160


def _snippet(text: str, start: int | None, end: int | None) -> str:
    if not text or start is None or end is None or not 0 <= start < end <= len(text):
        return ""
    s = " ".join(text[start:end].split())
    return s if len(s) <= _WIDTH else s[:_WIDTH - 1] + "…"


def _evidence(m: IncidentMistake, texts: Mapping[str, str]) -> str:
    text = texts.get(m.doc_id, "")
    if m.predicted is not None:
        p: Any = m.predicted
        return _snippet(text, getattr(p, "evidence_start", None), getattr(p, "evidence_end", None))
    if m.gold is not None and m.gold.evidence is not None:
        return _snippet(text, *m.gold.evidence)
    return ""


def _line(m: IncidentMistake, texts: Mapping[str, str]) -> str:
    what: Any = m.predicted if m.predicted is not None else m.gold
    trigger = getattr(m.predicted, "trigger", "") if m.predicted is not None else ""
    head = f"  {m.doc_id}  {what.sub_event_type}  {what.event_date}  {getattr(what, 'location', '')}"
    if trigger:
        head += f"  [{trigger}]"
    ev = _evidence(m, texts)
    return head + (f"\n      {ev}" if ev else "")


def format_mistakes(report: IncidentReport, texts: Mapping[str, str] | None = None) -> str:
    """False alarms by predicted event type, misses by gold event type, mismatched fields by field.

    Parameters
    ----------
    report : IncidentReport
        From :func:`geomap.evaluate.evaluate_incidents`.
    texts : mapping of str to str, optional
        Each document's text by id, to show the sentence behind each mistake.

    Returns
    -------
    str

    Examples
    --------
    >>> import datetime
    >>> from geomap.evaluate import GoldIncident, GoldIncidentDoc, evaluate_incidents
    >>> g = GoldIncident("Protests", "Peaceful protest", datetime.date(2024, 3, 7), 1, "Nakuru", -0.31, 36.07,
    ...                  1, "Kenya", 0, None, "Protesters (Kenya)", "")
    >>> doc = GoldIncidentDoc("d1", "Teachers marched in Nakuru.", datetime.date(2024, 3, 8), (g,))
    >>> print(format_mistakes(evaluate_incidents([doc], lambda text, published: [])))
    misses by gold event type (1)
      Protests: 1
      d1  Peaceful protest  2024-03-07  Nakuru
    """
    texts = texts or {}
    out: list[str] = []
    for kind, title in (("false_alarm", "false alarms by predicted event type"),
                        ("miss", "misses by gold event type")):
        found = [m for m in report.mistakes if m.kind == kind]
        if not found:
            continue
        out.append(f"{title} ({len(found)})")
        groups: dict[str, list[IncidentMistake]] = defaultdict(list)
        for m in found:
            what: Any = m.predicted if m.predicted is not None else m.gold
            groups[what.event_type].append(m)
        for etype, ms in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.append(f"  {etype}: {len(ms)}")
            out.extend(_line(m, texts) for m in ms)
    fields = Counter(m.field for m in report.mistakes if m.kind == "mismatch")
    if fields:
        out.append("mismatched fields of matched pairs: " + ", ".join(f"{f} {n}" for f, n in fields.most_common()))
    for m in report.mistakes:
        if m.kind == "mismatch" and m.field == "event_type":
            out.append(f"  {m.doc_id}  {m.detail}  [{getattr(m.predicted, 'trigger', '')}]")
    return "\n".join(out)


def mistakes_to_dicts(report: IncidentReport, texts: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The misses and false alarms as JSON-ready rows (kind, doc id, event type, sub-type, date, evidence).

    Examples
    --------
    >>> import datetime
    >>> from geomap.evaluate import GoldIncidentDoc, evaluate_incidents
    >>> doc = GoldIncidentDoc("d1", "Talks are planned.", datetime.date(2024, 3, 8), ())
    >>> mistakes_to_dicts(evaluate_incidents([doc], lambda text, published: []))
    []
    """
    texts = texts or {}
    rows = []
    for m in report.mistakes:
        if m.kind == "mismatch":
            continue
        what: Any = m.predicted if m.predicted is not None else m.gold
        rows.append({"kind": m.kind, "doc_id": m.doc_id, "event_type": what.event_type,
                     "sub_event_type": what.sub_event_type, "event_date": str(what.event_date),
                     "location": getattr(what, "location", ""), "trigger": getattr(m.predicted, "trigger", ""),
                     "evidence": _evidence(m, texts)})
    return rows
