"""From a document to incidents: events, and where, when and to whom they happened.

For each sentence, :func:`geomap.incidents._events.find_triggers` finds the words that
report an event; each trigger's clause then supplies the rest:

* the date: a date expression in the clause, else the nearest one in the
  sentence, else the publication date (time precision 1); a clause about a
  bare past year ("in 2020") that gives no day or month is left out, since
  ACLED has no year precision;
* the place: the most specific place named in the clause (a town before a
  district, a district before a region, a region before a country), not the
  speaker ("Azerbaijan condemned ... in the Zangilan region" is Zangilan); a
  border phrase ("along their troubled border", "Armenia's border with
  Azerbaijan") becomes the border line of the countries concerned; without
  any, the document's main place at geo precision 3;
* casualties (ACLED's lowest figure, injuries apart), actors, and the source
  of a reported claim ("Azerbaijan said").

Triggers of one clause make one incident (the most specific type wins:
"a blockade where activists have been protesting" is a protest), and repeats
of an incident and back-references to it ("the attack") are merged
(:mod:`._repeats`).
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from gazetteer import Kind

from ..text import Document, read_text
from ._events import Trigger, find_triggers
from ._gate import features, is_past, keeps
from ._model import Incident
from ._nonreports import past_year
from ._repeats import is_back_reference, merge_repeats
from ._spans import Spans as _Spans
from ._event_place import NameSpan, place_for
from ._tolls import toll_triggers
from ._place_cues import SPEECH as _SPEECH
from ..text import iter_sentences

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

    from ..geoparse import ResolvedMention

__all__ = ["extract_incidents"]

# Which event types describe more than another when one clause has triggers of both.
_TYPE_RANK = {"Explosions/Remote violence": 0, "Violence against civilians": 1, "Battles": 2, "Riots": 3,
              "Protests": 4, "Strategic developments": 5}
_VERBAL = re.compile(r"\w(?:ed|ing)\b|\b(?:fought|shot|struck|hit|overran|retook|took|threw|hurled|broke|withdrew|"
                     r"beat|stoned|set up|held|built)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?=(?:but|while|whereas|although|and|as|after|before|when|in addition|"
                           r"[A-Z][a-z]+ (?:on|also|said|has|have|had|condemned|accused|claimed|denied|reported)))|"
                           r"\s+[–—-]\s+", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"\b(?P<who>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}|it|they|he|she)"
                          r"(?: on \w+)?(?: also)? (?:said|says|claimed|reported|alleged|stated)\b")
_PROTEST_NOUNS = frozenset({"protest", "protests", "demonstration", "demonstrations", "rally", "rallies"})
_ANOTHER_SOURCE = re.compile(r"^(?!.*\b(?:more|another|further|additional|later)\b).*\b(?:according to|"
                             r"put (?:the )?(?:death )?toll at|said|says|reported|claimed)\b", re.IGNORECASE | re.S)
_CORROBORATION = re.compile(r"\b(?:killed|dead|died|deaths?|wounded|injured|casualt|soldiers?|troops|forces|"
                            r"militants?|rebels?|fighters?|servicem[ae]n|army|police)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    published: _dt.date | None
    mentions: _Spans
    dates: _Spans
    countries: tuple[str, ...]  # the document's countries, most named first
    main: ResolvedMention | None  # the document's main area, for incidents that name no place
    gazetteer: Gazetteer
    doc: Document


def extract_incidents(text_or_document: str | Document, *, published: _dt.date | str | None = None,
                      gazetteer: Gazetteer | None = None, near: str | tuple[float, ...] | None = None,
                      countries: Sequence[str] | str | None = None) -> list[Incident]:
    """Incidents an analyst would map, in the ACLED model, with their evidence.

    Parameters
    ----------
    text_or_document : str or Document
        Offsets in the result refer to its text.
    published : date or str, optional
        The publication date that relative dates ("on Monday", "last month") are
        resolved against. Precedence: this argument, then the document's own
        date, then a dateline or dated caption in the text.
    gazetteer : Gazetteer, optional
        The shipped gazetteer by default.
    near, countries : optional
        A locality bias for the places, as for :func:`geomap.geoparse`: the story's
        home town or point, and the countries it is likely in.

    Returns
    -------
    list of Incident
        In text order; empty for a text that reports no event.

    Raises
    ------
    NearError
        If ``near`` or ``countries`` is malformed or names no known place (checked
        whether or not the text reports an event).

    Examples
    --------
    >>> incs = extract_incidents("On Monday, Armenian forces shelled positions near Zangilan, "
    ...                          "killing two soldiers.", published="2023-03-20")
    >>> [(i.event_type, i.sub_event_type, str(i.event_date), i.location, i.fatalities) for i in incs]
    [('Explosions/Remote violence', 'Shelling/artillery/missile attack', '2023-03-20', 'Zangilan', 2)]
    """
    from ..text import find_dates, find_publication_date
    from ..text import parse_date
    from ..geoparse import geoparse

    doc = text_or_document if isinstance(text_or_document, Document) else read_text(text_or_document)
    if not isinstance(doc, Document):
        raise TypeError(f"expected str or Document, not {type(text_or_document).__name__}")
    pub = parse_date(published) if published is not None else doc.published or find_publication_date(doc.text)
    if near is not None or countries is not None:
        geoparse("", gazetteer=gazetteer, near=near, countries=countries)  # a bad bias fails on any text
    sentences = list(iter_sentences(doc.text))
    grouped = [_clauses_with_triggers(doc.text, s, e) for s, e in sentences]
    reported = [bool(g) for g in grouped]
    for k in range(1, len(grouped)):
        # "ISWAP attacked a base. Nine soldiers were killed.": a bare toll after an event is its toll.
        if grouped[k] and reported[k - 1] and all(g[2].toll for g in grouped[k]):
            grouped[k] = []
    grouped = toll_triggers(doc.text, sentences, grouped)
    if not any(grouped):
        return []  # no event reported: no need to geoparse the document at all
    if gazetteer is None:
        from ..geoparse import default_gazetteer

        gazetteer = default_gazetteer()
    mentions = tuple(geoparse(doc, gazetteer=gazetteer, demonyms=True, near=near, countries=countries))
    ctx = _Context(text=doc.text, published=pub, mentions=_Spans(mentions), dates=_Spans(find_dates(doc.text, pub)),
                   countries=_doc_countries(mentions), main=_main_place(mentions), gazetteer=gazetteer, doc=doc)
    out: list[Incident] = []
    dated: list[bool] = []  # whether each incident's sentence gives a date of its own
    for k, ((s, e), groups) in enumerate(zip(sentences, grouped)):
        # A sentence with no event of its own may carry the toll of the one before
        # ("ISWAP attacked a base in Monguno. Nine soldiers were killed.").
        follow = sentences[k + 1] if k + 1 < len(sentences) and not grouped[k + 1] else None
        for group in groups:
            inc = _incident(ctx, s, e, *group, alone=len(groups) == 1, follow=follow)
            if inc is not None and keeps(_gate_features(ctx, inc, group[2], s, e, len(sentences)), inc):
                out.append(inc)
                dated.append(bool(ctx.dates.within(s, e)))
    return merge_repeats(out, doc.text, dated)


def _clauses_with_triggers(text: str, s: int, e: int) -> list[tuple[int, int, Trigger]]:
    """One ``(clause start, clause end, trigger)`` per clause that reports an event."""
    sentence = text[s:e]
    triggers = find_triggers(sentence)
    if not triggers:
        return []
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    groups: dict[tuple[int, int], list[Trigger]] = {}
    for t in triggers:
        i = max(k for k in range(len(cuts) - 1) if cuts[k] <= t.start)
        cs, ce = cuts[i], cuts[i + 1]
        # A relative clause ("..., which it said injured one") belongs to the clause before it.
        if i + 2 < len(cuts) and re.match(r"[,\s]*(?:which|who|that)\b", sentence[ce:ce + 12]):
            ce = cuts[i + 2]
        groups.setdefault((cs, ce), []).append(t)
    out = []
    for (cs, ce), ts in groups.items():
        # A trigger that is an event on its own outranks one that needs support ("a shootout
        # killed 280 people" is a battle); then what the clause reports is its verb ("police
        # arrested activists ahead of a rally" is an arrest); then the most violent type.
        # A back-reference ("at the scene of the airstrike") yields to a new event in its clause.
        best = min(ts, key=lambda t: (-t.strength, len(ts) > 1 and is_back_reference(sentence, t.start, t.end),
                                      not _VERBAL.search(t.text), _TYPE_RANK[t.event_type]))
        if best.strength < 2 and not _CORROBORATION.search(sentence[cs:ce]):
            continue
        out.append((s + cs, s + ce, best.shifted(s)))
    return out


def _incident(ctx: _Context, s: int, e: int, cs: int, ce: int, trig: Trigger, *, alone: bool,
              follow: tuple[int, int] | None = None) -> Incident | None:
    from ._casualties import find_casualties, other_report
    from ._roles import incident_actors

    clause = ctx.text[cs:ce]
    date = _date_for(ctx, s, e, cs, ce, trig)
    if date is None:
        return None
    event_date, time_precision = date
    where = place_for(ctx, s, e, cs, ce, trig, alone=alone)
    if _vague_protest(ctx, trig, cs, ce, where[2]):
        return None
    cas = find_casualties(clause)
    if _no_toll(cas) and alone:
        for a, b in ((cs, e), follow or (e, e)):
            if b > a and not _no_toll(more := find_casualties(ctx.text[a:b])):
                cas = more
                break
    elif alone and _ANOTHER_SOURCE.search(ctx.text[ce:e]):   # "...; the army put the toll at seven"
        cas = other_report(cas, find_casualties(ctx.text[ce:e]))
    speaker = _speaker_country(ctx, s, trig.start)
    place = where[0]
    a1, a2 = incident_actors(clause, trigger=(trig.start - cs, trig.end - cs), event_type=trig.event_type,
                             sub_event_type=trig.sub_event_type, speaker=speaker,
                             country=place.country if place is not None and place.country else (
                                 ctx.countries[0] if ctx.countries else ""),
                             agent=_relative(trig.agent, cs), patient=_relative(trig.patient, cs),
                             harmed=bool(cas.fatalities or cas.injuries or cas.low))
    sub = trig.sub_event_type
    etype = trig.event_type
    civilians = bool(a2 is not None and a2.inter == 7) or etype == "Violence against civilians"
    place, precision, mention, own_name = where
    fields: dict[str, Any] = {"location": own_name}   # a place the gazetteer lacks keeps its name
    if place is not None:
        fields = dict(country=_country_name(ctx, place.country), iso=place.country,
                      admin1=place.admin1 if place.kind is not Kind.ADMIN1 else place.name,
                      admin2=place.admin2 if place.kind is not Kind.ADMIN2 else place.name,
                      location=own_name or place.name, latitude=place.latitude, longitude=place.longitude,
                      place_id=place.place_id,
                      geometry_wkb=place.geometry_wkb if place.kind in (Kind.CORRIDOR, Kind.BORDER, Kind.REGION,
                                                                        Kind.DISPUTED_AREA) else None)
    attribution = _ATTRIBUTION.search(ctx.text[s:e])
    source = attribution.group("who") if attribution and attribution.group("who")[0].isupper() else ""
    return Incident(
        event_id=f"{ctx.doc.id or 'doc'}:{s}-{e}:{trig.start}",
        event_date=event_date, time_precision=time_precision, disorder_type=trig.disorder_type,
        event_type=etype, sub_event_type=sub,
        actor1=a1.name if a1 else "", actor2=a2.name if a2 else "",
        inter1=a1.inter if a1 else 0, inter2=a2.inter if a2 else 0, civilian_targeting=civilians,
        geo_precision=precision, fatalities=cas.fatalities, fatalities_low=cas.low, fatalities_best=cas.best,
        fatalities_high=cas.high, injuries=cas.injuries,
        source=source or ctx.doc.title or ctx.doc.source, source_url=ctx.doc.url,
        notes=ctx.text[s:e], evidence_start=s, evidence_end=e,
        confidence=round(0.5 + 0.2 * trig.strength + (0.1 if mention is not None else 0.0), 2),
        trigger=trig.text, trigger_start=trig.start, trigger_end=trig.end,
        place_start=mention.start if mention is not None else -1, place_end=mention.end if mention is not None else -1,
        **fields,
    )


def _gate_features(ctx: _Context, inc: Incident, trig: Trigger, s: int, e: int, n_sentences: int) -> list[float]:
    sentence = ctx.text[s:e]
    # placed finely: at a town or district named in the clause, or on a border line it names (a border is
    # the one place without a mention; the document's main area, the fallback, is none)
    border = inc.place_start < 0 and inc.geometry_wkb is not None and (
        ctx.main is None or inc.place_id != ctx.main.place.place_id)
    return features(dated=bool(ctx.dates.within(s, e)),
                    fine_place=inc.place_start >= 0 and inc.geo_precision < 3 or border,
                    toll=inc.fatalities > 0 or bool(inc.injuries), quoted=any(q in sentence for q in '"“”'),
                    strong=trig.strength >= 2, nominal=trig.voice == "nominal", past_tense=is_past(trig.text),
                    strategic=inc.event_type == "Strategic developments", sentences=n_sentences)


def _relative(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] - offset, span[1] - offset)


def _no_toll(cas: Any) -> bool:
    return cas.fatalities == 0 and cas.injuries is None and cas.low is None and cas.high is None


def _date_for(ctx: _Context, s: int, e: int, cs: int, ce: int, trig: Trigger) -> tuple[_dt.date | None, int] | None:
    in_clause = ctx.dates.within(cs, ce)
    in_sentence = ctx.dates.within(s, e)
    pool = in_clause or sorted(in_sentence, key=lambda d: abs(d.start - trig.start))
    if pool:
        d = min(pool, key=lambda d: abs(d.start - trig.start))
        if d.kind == "future":
            return None  # "next week": not an event yet
        return d.date, d.time_precision
    if past_year(ctx.text, cs, ce, trig.start, trig.end, ctx.published.year if ctx.published else None):
        return None  # "captured in 2005": a past year with no month; ACLED has no year precision
    from ..text import carried_date

    # A sentence that goes on about a dated past event keeps its date; only the last few date
    # mentions before the sentence can be that date, so the look-up stays linear in the text.
    k = bisect_left(ctx.dates.starts, s)
    carried = carried_date(ctx.text, list(ctx.dates.items[max(0, k - 3):k]), s, ctx.published)
    if carried is not None:
        return carried.date, carried.time_precision
    if ctx.published is None:
        return (None, 1)
    return ctx.published, 1


def _vague_protest(ctx: _Context, trig: Trigger, cs: int, ce: int, mention: ResolvedMention | NameSpan | None) -> bool:
    """A protest named only as a topic ("As for the demonstrations, ...") with no place or date in its clause."""
    if trig.event_type != "Protests" or trig.text.lower() not in _PROTEST_NOUNS:
        return False
    has_place = mention is not None and cs <= mention.start < ce
    has_date = bool(ctx.dates.within(cs, ce))
    return not (has_place or has_date)


def _speaker_country(ctx: _Context, s: int, trigger_start: int) -> str | None:
    """The country that speaks in the sentence ("Azerbaijan ... condemned"), for "its servicemen"."""
    for m in ctx.mentions.starting(s, trigger_start):
        if m.place.kind is Kind.COUNTRY and _SPEECH.match(ctx.text[m.end:m.end + 40]):
            return m.place.country
    return None


def _doc_countries(mentions: Sequence[ResolvedMention]) -> tuple[str, ...]:
    counts = Counter(m.place.country for m in mentions if m.place.country)
    return tuple(cc for cc, _ in counts.most_common())


def _main_place(mentions: Sequence[ResolvedMention]) -> ResolvedMention | None:
    """The most named sub-national area of the document, else its most named country."""
    areas = [m for m in mentions if m.kind != "demonym"
             and m.place.kind in (Kind.REGION, Kind.DISPUTED_AREA, Kind.ADMIN1, Kind.CORRIDOR)]
    pool = areas or [m for m in mentions if m.kind != "demonym" and m.place.kind is Kind.COUNTRY]
    if not pool:
        return None
    counts = Counter(m.place.place_id for m in pool)
    top = counts.most_common(1)[0][0]
    return next(m for m in pool if m.place.place_id == top)


def _country_name(ctx: _Context, iso: str) -> str:
    if not iso:
        return ""
    hits = ctx.gazetteer.lookup(iso, kinds="country", limit=1, fuzzy=False)
    return hits[0].place.name if hits else iso
