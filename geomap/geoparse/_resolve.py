"""Resolution in context: from recognised mentions to gazetteer places.

Each distinct name of a document is resolved once (one sense per document) by
re-scoring the gazetteer's ranked candidates with what the document says:

* the gazetteer's own priors: how the name matched, the kind of place (a
  country or admin area when the name is one), capitals and admin seats,
  population;
* country and admin cues: countries and first-level areas the document names,
  demonyms ("Armenian"), a container written next to the name ("Moscow,
  Idaho", "the Zangilan region of Karabakh") and a feature word after it
  ("the Zangilan region");
* spatial coherence: closeness to the median point of the document's other
  places, or to the nearest of them (:mod:`geomap.geoparse._neighbours`), whichever is more;
* standing: the document's countries and centre choose among namesakes of like
  standing, so "California" or "Atlantic" stays the state or the ocean rather
  than a small town named after it, unless the text places the town;
* game reports (:mod:`geomap.geoparse._sports`): a bare town's name is a team, and the
  largest namesake, a big city, is read before one near the venue.

In running text (``require_support``), a one-word name whose reading is a small
place that nothing in the document points to is left out: mostly a surname.

Every :class:`ResolvedMention` carries its score and the reasons for it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from gazetteer import Kind, MatchType
from gazetteer._ranking import SPELLING_REASON

from ._candidates import candidates, read_shared_country_names
from ._containment import inside, written_as_container
from ._focus import Focus, dateline_span, inferred_focus
from ._enumerations import in_list, introduced_kinds, list_kind
from ._neighbours import LOCAL_KINDS, Neighbours, closeness
from ._sports import sports_story
from ._support import AREA_KINDS as _AREA_KINDS
from ._support import LOCATIVE_BEFORE as _LOCATIVE_BEFORE
from ._support import SUPPORT_POPULATION, WEAK_MATCHES, named_area_holds
from ._support import prominent as _prominent
from ._support import unsupported as _unsupported
from ._support import written_with_container as _written_with_container
from ._namesakes import centre as _centre
from ._namesakes import prominent_reading as _prominent_reading
from ._namesakes import salient as _salient
from ._namesakes import standing as _standing
from ._namesakes import team_city as _team_city
from ._namesakes import wide as _wide
from ._namesakes import world_city as _world_city
from ._mention import Mention
from . import _ranker
from ._ranker import STANDING_FEATURES, log_population, tracing, weights
from ._resolved import ResolvedMention

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Candidate, Gazetteer, Place

__all__ = ["ResolvedMention", "resolve_mentions", "tracing"]

_BIG_KINDS = frozenset({Kind.COUNTRY, Kind.CONTINENT, Kind.REGION})
# The ranker's weights (data/ranker.json): a written container, and the document's countries,
# are also read by the passes after resolution (_written_areas, _geoparse).
W_CONTAINER = weights()["container"]
W_COUNTRY = weights()["country_named"]
_weights = weights
#: A reason for a reading's score: the gazetteer's text, or a ranker feature's (name, value, text).
Reason = str | tuple[str, float, str]
_FOCUS_REASONS = {"focus_country": "in the story's home country", "focus_admin1": "in the story's home area",
                  "focus_near": "near the story's home", "focus_admin2": "in the story's home county",
                  "home_country": "in the home country set", "home_admin1": "in the home area set",
                  "home_near": "near the home set", "home_admin2": "in the home county set"}
# Joiners of a compound name ("Asia-Pacific"): a word after them is the compound's last part.
_HYPHENS = "-\u2010\u2011\u2013"
# "the Donetsk and Luhansk regions"; but "the Gulf states" are no admin-1 areas.
_FEATURE_AFTER = re.compile(
    r"\s+(?!states\b)(region|district|province|county|oblast|governorate|state|city|town|village|corridor)s?\b",
    re.IGNORECASE)
_FEATURE_KINDS = {
    "region": {Kind.ADMIN1, Kind.ADMIN2, Kind.REGION, Kind.DISPUTED_AREA},
    "district": {Kind.ADMIN2, Kind.ADMIN1},
    "province": {Kind.ADMIN1},
    "county": {Kind.ADMIN2},
    "oblast": {Kind.ADMIN1},
    "governorate": {Kind.ADMIN1},
    "state": {Kind.ADMIN1},
    "city": {Kind.POPULATED_PLACE},
    "town": {Kind.POPULATED_PLACE},
    "village": {Kind.POPULATED_PLACE},
    "corridor": {Kind.CORRIDOR},
}
# "the city of Turkey", "the province of Quebec": a feature word before the name, surer than one after
# it ("the Ain Zara district of Tripoli" is a container phrase instead).
_FEATURE_BEFORE = re.compile(
    r"\b(?:the|a)\s+(region|district|province|county|oblast|governorate|state|city|town|village)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)
# Between two listed names: "Donetsk and Luhansk", "Idlib, Aleppo or Hama".
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*$", re.IGNORECASE)
# "the West", "the East": a world region named by a bare compass word takes the article.
_COMPASS_KEYS = frozenset({"west", "east", "north", "south"})
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "Cameroon's West region": the possessive between an area's name and the next name.
_POSSESSIVE_GAP = re.compile(r"['\u2019]s\s+$")
# "Russia, U.S. officials said": a country name followed by an attribute, not a container.
_ATTRIBUTE_AFTER = re.compile(r"\s+[a-z]")


def resolve_mentions(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer, *,
                     require_support: bool = False,
                     given: Collection[tuple[int, int]] = (), focus: Focus | None = None) -> list[ResolvedMention]:
    """Resolve recognised mentions in the context of their document.

    Parameters
    ----------
    text : str
        The document text the mentions index into.
    mentions : sequence of Mention
        From :func:`geomap.geoparse._recognize.recognize`, or gold spans.
    gazetteer : Gazetteer
    require_support : bool, default False
        Leave out one-word names whose reading is a small place (under
        ``SUPPORT_POPULATION``) that nothing in the document points to: in running
        text these are mostly surnames and words ("Kock", "Bains"). Off for gold spans,
        which are places by definition.
    given : collection of (start, end), optional
        Spans known to be places (gold toponyms): never left out for want of support,
        while the other mentions, the document's context, still are.
    focus : Focus, optional
        The story's home as the caller sets it (:func:`geomap.geoparse._focus.user_focus`);
        otherwise the dateline's places or the unambiguous names' admin-1 area give it.

    Returns
    -------
    list of ResolvedMention
        One per mention that names a place in the gazetteer, in text order; a
        mention without candidates (or a doubtful one naming no prominent place)
        is left out.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> from geomap.geoparse._recognize import recognize
    >>> text = "Protests in Moscow, Idaho."
    >>> [(r.surface, r.place.admin1 or r.place.name) for r in resolve_mentions(text, recognize(text), Gazetteer())]
    [('Moscow', 'Idaho'), ('Idaho', 'Idaho')]
    >>> text = "Kock said no."
    >>> [r.surface for r in resolve_mentions(text, recognize(text), Gazetteer(), require_support=True)]
    []
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    given = frozenset(given)
    if _ranker.TRACE is not None:
        _ranker.TRACE.keys.update(((m.start, m.end), m.key) for m in mentions)
    cands: list[list[Candidate]] = []
    doubtful: dict[int, list[Candidate]] = {}
    # A name repeated in a story is looked up once: _candidates reads only these fields of a mention.
    looked_up: dict[tuple[str, str, str, str], list[Candidate]] = {}
    for i, m in enumerate(mentions):
        form = (m.kind, m.key, m.surface, m.country)
        cs = looked_up.get(form)
        if cs is None:
            cs = looked_up[form] = candidates(gazetteer, m)
        if m.key in _COMPASS_KEYS and not (m.surface[:4].lower() == "the "
                                           or _THE_BEFORE.search(text, max(0, m.start - 10), m.start)):
            # "an explosion in West, Texas": without its article a compass word is no world region.
            cs = [c for c in cs if not (c.place.kind is Kind.REGION and not c.place.country)]
        if cs and m.caution and not _prominent(cs[0], m.caution):
            doubtful[i] = cs
            cs = []
        cands.append(cs)
    read_shared_country_names(mentions, cands, gazetteer)
    # The dateline is the story's source location: it speaks through the focus features alone (as a
    # caller's ``near`` speaks through the home features), not as one more place of the story.
    span = dateline_span(text) if focus is None else None
    in_dateline = frozenset() if span is None else frozenset(
        m.key for m in mentions if span[0] <= m.start < span[1]) - {m.key for m in mentions if m.start >= span[1]}

    # Cues from the whole document: countries and admin1 areas named or implied.
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    own_admin1s: dict[str, Counter[str]] = {}  # what each name's own reading adds to admin1s and countries
    for m, cs in zip(mentions, cands):
        if m.key in in_dateline:
            continue
        # A place inside a longer name ("France" in "Frenchmen Street") or a near spelling is
        # too unsure a reading to speak for the whole document.
        if not cs or cs[0].match in WEAK_MATCHES:
            continue
        top = cs[0].place
        if m.kind == "demonym" and m.country:
            countries[m.country] += 1
        elif top.kind is Kind.COUNTRY and top.country:
            countries[top.country] += 1
            own_admin1s.setdefault(m.key, Counter())[top.country] += 1  # a country code has no dot: no clash
        elif top.kind is Kind.ADMIN1:
            countries[top.country] += 0.5  # type: ignore[assignment]
            admin1s[top.admin1_code] += 1
            own = own_admin1s.setdefault(m.key, Counter())
            own[top.admin1_code] += 1
            own[top.country] += 0.5  # type: ignore[assignment]

    # "Douma" in a story that names Syria: a doubtful word that is a place's own name spelt another
    # way, in a country the document names, is that place.
    for i, cs in doubtful.items():
        first = cs[0]
        if (mentions[i].caution == "alternate name only" and countries.get(first.place.country)
                and first.place.population >= SUPPORT_POPULATION
                and first.reasons[0].startswith(SPELLING_REASON) and len(mentions[i].key) >= 5):
            cands[i] = cs
        elif mentions[i].caution == "alternate name only" and len(mentions[i].key) >= 5 \
                and named_area_holds(first.place, cands, i):
            cands[i] = cs  # "Stepanakert" in a story that names Nagorno-Karabakh
        elif _written_with_container(text, mentions, cands, i, cs):
            # "Victoria, British Columbia", "Florence, Alabama": a first name with its state is a town.
            cands[i] = [c for c in cs if any(inside(c.place, b.place) for b in cands[i + 1]
                                             if b.place.kind in (Kind.ADMIN1, Kind.ADMIN2))]

    # Cues from the neighbourhood: containers and feature words, pooled per name.
    by_key: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if cands[i]:
            by_key.setdefault(m.key, []).append(i)
    containers: dict[str, list[Place]] = {}
    contents: dict[str, list[Place]] = {}
    features: dict[str, set[Kind]] = {}
    named_as: dict[str, set[Kind]] = {}
    for i, m in enumerate(mentions):
        if not cands[i]:
            continue
        feat = _FEATURE_AFTER.match(text, m.end)
        # "the Asia-Pacific region": the feature word is the whole compound's, not its last part's.
        if feat and m.kind == "name" and not (m.start and text[m.start - 1] in _HYPHENS):
            kinds = _FEATURE_KINDS[feat.group(1).lower()]
            if feat.end() == feat.end(1):
                features.setdefault(m.key, set()).update(kinds)
            else:
                # "the Donetsk and Luhansk regions": a plural is every listed name's; after one name
                # ("Kyiv districts", "Gaza towns") it speaks of parts of the place, not of its kind.
                for j in _listed_before(text, mentions, i):
                    features.setdefault(mentions[j].key, set()).update(kinds)
        before = _FEATURE_BEFORE.search(text, max(0, m.start - 30), m.start)
        if before and m.kind == "name":
            named_as.setdefault(m.key, set()).update(_FEATURE_KINDS[before.group(1).lower()])
        introduced = introduced_kinds(text, mentions, i) if m.kind == "name" else None
        if introduced is not None:
            named_as.setdefault(m.key, set()).add(introduced)
        if i and cands[i - 1] and m.kind == "name" and _POSSESSIVE_GAP.match(text, mentions[i - 1].end, m.start):
            # "Cameroon's West region", "Ontario's London": the owner holds the name; but a country
            # owning a country or a city ("America's Paris embassy", "China's Taiwan policy") does not.
            owner = next((c.place for c in cands[i - 1] if c.place.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2)
                          and any(inside(x.place, c.place) for x in cands[i])), None)
            if owner is not None and not (owner.kind is Kind.COUNTRY and _prominent_reading(cands[i][0])):
                containers.setdefault(m.key, []).append(owner)
        if i + 1 < len(mentions) and cands[i + 1] and m.kind != "demonym":
            # "Georgia, Armenia said": two countries, not a town in the second; but a country known
            # by another name of it ("Trinidad, Cuba last year") may be the town the second holds.
            attribute = (cands[i][0].place.kind in _BIG_KINDS and cands[i][0].match is not MatchType.ALIAS
                         and _ATTRIBUTE_AFTER.match(text, mentions[i + 1].end) is not None)
            if (written_as_container(text, m.end, mentions[i + 1].start) and not attribute
                    and not in_list(text, mentions, cands, i)):
                # The reading of Y that holds a reading of X: "Rome, Georgia" is the US state.
                container = next((c.place for c in cands[i + 1] if any(inside(x.place, c.place) for x in cands[i])),
                                 cands[i + 1][0].place)
                if container.kind in _AREA_KINDS or container.kind is Kind.ADMIN2:
                    containers.setdefault(m.key, []).append(container)
                # ... and the container is read as one that holds a reading of the name: "Atlanta,
                # Georgia" is the US state, "London, Ontario" the province.
                contents.setdefault(mentions[i + 1].key, []).extend(c.place for c in cands[i])

    # First pass: priors and cues; second pass: closeness to the document's other places.
    sports = sports_story(text)
    chosen: dict[str, tuple[float, Candidate, list[str], float]] = {}
    for key, idx in by_key.items():
        chosen[key] = _best(cands[idx[0]], countries, admin1s, containers.get(key, ()),
                            features.get(key, set()), None, contents.get(key, ()), named_as.get(key, set()),
                            key=key, sports=sports, own_admin1s=own_admin1s.get(key))
    # Lists of places of one kind, judged by the first pass's readings of the neighbours.
    listed: dict[str, set[Kind]] = {}
    for i, m in enumerate(mentions):
        if cands[i]:
            kind = list_kind(text, mentions, cands, i, lambda j: chosen[mentions[j].key][1].place.kind)
            if kind is not None:
                listed.setdefault(m.key, set()).add(kind)
    if focus is None:
        dateline = [] if span is None else [chosen[m.key][1].place for m in mentions
                                            if span[0] <= m.start < span[1] and m.key in chosen]
        focus = inferred_focus(dateline, (cands[idx[0]] for idx in by_key.values()))
    centre = _centre([c for key, (_, c, _, _) in chosen.items() if c.match not in WEAK_MATCHES
                      and key not in in_dateline])
    neighbours = Neighbours((key, c.place) for key, (_, c, _, _) in chosen.items()
                            if c.match not in WEAK_MATCHES and c.place.kind in LOCAL_KINDS and key not in in_dateline)
    if centre is not None or listed or neighbours or focus is not None:
        for key, idx in by_key.items():
            if len(cands[idx[0]]) > 1:
                chosen[key] = _best(cands[idx[0]], countries, admin1s, containers.get(key, ()),
                                    features.get(key, set()), centre, contents.get(key, ()), named_as.get(key, set()),
                                    listed.get(key, set()), neighbours, key, sports=sports,
                                    own_admin1s=own_admin1s.get(key), focus=focus)

    out: list[ResolvedMention] = []
    for i, m in enumerate(mentions):
        if not cands[i]:
            continue
        score, c, why, by_country = chosen[m.key]
        if (require_support and (m.start, m.end) not in given
                and _unsupported(c, score - c.score, by_country, doubted=bool(m.caution))
                and not _LOCATIVE_BEFORE.search(text[max(0, m.start - 30):m.start])):
            continue
        out.append(ResolvedMention(m.surface, m.start, m.end, c.place, round(score, 4), tuple(why), m.kind, c.match,
                                   round(score - c.score, 4)))
    return out


def _best(cands: list[Candidate], countries: Counter[str], admin1s: Counter[str], containers: Sequence[Place],
          features: set[Kind], centre: tuple[float, float] | None,
          contents: Sequence[Place] = (), named_as: Collection[Kind] = (), listed: Collection[Kind] = (),
          neighbours: Neighbours | None = None, key: str = "", *, sports: bool = False,
          own_admin1s: Counter[str] | None = None,
          focus: Focus | None = None) -> tuple[float, Candidate, list[str], float]:
    w = _weights()
    best: tuple[float, Candidate, list[Reason], float] | None = None
    team_city = _team_city(cands) if sports and not containers else None
    own_country = cands[0].place.country if cands[0].place.kind is Kind.COUNTRY else None
    # A name whose best reading is a country or continent ("China", "Atlantic") keeps it against
    # namesake towns in the countries the document names.
    big_first = _wide(cands[0].place)
    salient = _salient(cands)
    area = salient if salient is not None and salient.place.kind is not Kind.POPULATED_PLACE else None
    n_countries = sum(countries.values())
    n_admin1s = sum(admin1s.values())
    scored: list[tuple[float, Candidate, list[Reason], float]] = []
    traced: list[tuple[Place, dict[str, float]]] | None = [] if _ranker.TRACE is not None else None
    for rank, c in enumerate(cands):
        p = c.place
        x = {"prior": c.score}
        why: list[Reason] = list(c.reasons)

        def add(feature: str, value: float, reason: str) -> None:
            x[feature] = value
            why.append((feature, value, reason))  # spelled out only for the winner (_spelled)

        in_box = next((box for box in containers if inside(p, box)), None)
        if in_box is not None:
            add("container", 1.0, f"in {in_box.name} (written next to it)")
        if p.kind in _AREA_KINDS and p.kind not in _BIG_KINDS or p.kind is Kind.ADMIN2:
            held = next((q for q in contents if inside(q, p)), None)
            if held is not None:
                add("holds", 1.0, f"holds {held.name} (written before it)")
        if named_as and p.kind in named_as:
            add("named_as", 1.0, f"called {p.kind.value} before its name")
        elif features and p.kind in features:
            add("feature_word", 1.0, f"feature word fits {p.kind.value}")
        elif listed and p.kind in listed:
            add("listed", 1.0, f"listed with other {p.kind.value} places")
        if area is not None and p is area.place and p.kind is not Kind.DISPUTED_AREA:
            add("salient_area", 1.0, "a well-known area's name")
        # The document's countries and centre choose among namesakes of like standing; they do not
        # turn "California", "Atlantic" or "London" into a small town named after the state, the
        # ocean or the city.
        generic = salient is None or c is salient or _standing(p) >= _standing(salient.place)
        # A name's own reading as a country or state is no cue for its readings: "Georgia" the country
        # does not make Georgia the country more likely, nor the state Georgia's towns.
        n = countries.get(p.country, 0) - (own_admin1s.get(p.country, 0) if own_admin1s else 0)
        country_cue = generic and not _wide(p) and p.country != own_country and not big_first
        if n and country_cue:
            add("country_named", min(1.0, n / 2), f"document names {p.country}")
        # A name's own reading as a province is no cue for its other readings: "Quebec" the
        # province does not make "Quebec" the city, which lies in it.
        others_named = admin1s.get(p.admin1_code, 0) - (own_admin1s.get(p.admin1_code, 0) if own_admin1s else 0)
        if p.kind not in _AREA_KINDS and others_named > 0:
            add("admin1_named", 1.0, f"document names {p.admin1 or p.admin1_code}")
        if generic and p.kind not in _BIG_KINDS and not big_first:
            closeness(p, key, centre, neighbours, w, add)
        if c is team_city:
            add("team_city", 1.0, "a sports story: a team's city")
        # The story's home speaks for a reading the text places nowhere else: not against "Paris, France",
        # nor in a game report, whose dateline is the venue and whose bare towns are the teams'.
        if focus is not None and team_city is None and not (containers and in_box is None):
            for feature, value in focus.features(p).items():
                if feature.endswith("_country") and not country_cue:
                    continue  # like a named country: no "Mexico, Missouri" for a story at home in the US
                x[feature] = value  # traced for the fit even at weight 0, when it says nothing
                if w[feature]:
                    why.append((feature, value, _FOCUS_REASONS[feature]))
        x["log_population"] = log_population(p.population)
        x["namesake_rank"] = 1 / (1 + rank)
        if n_countries:
            x["country_share"] = n / n_countries
        if n_admin1s:
            x["admin1_share"] = max(others_named, 0) / n_admin1s
        # The reading's own standing (the gazetteer's prior, its size, its rank among namesakes) is
        # its base score; the rest is context, which the support and world-city checks weigh.
        base = w["prior"] * c.score
        for feature in STANDING_FEATURES:
            base += w[feature] * x[feature]
        score = base
        for feature, value in x.items():
            if feature not in STANDING_FEATURES and feature != "prior":
                score += w[feature] * value
        if base != c.score:
            c = replace(c, score=base)
        # What the document's countries add (named, and their share of its places): no support for a small place.
        by_country = w["country_named"] * x.get("country_named", 0.0) + w["country_share"] * x.get("country_share", 0.0)
        if traced is not None:
            traced.append((p, x))
        if best is None or score > best[0]:
            best = (score, c, why, by_country)
        scored.append((score, c, why, by_country))
    assert best is not None
    if traced is not None and _ranker.TRACE is not None:
        _ranker.TRACE.candidates[key] = traced
    score, c, why, by_country = _world_city(best, scored)
    return score, c, [_spelled(r, w) for r in why], by_country


def _spelled(reason: Reason, w: dict[str, float]) -> str:
    """A reason as text: a feature's with what it added to the score ("in Idaho (written next to it) +1.20")."""
    if isinstance(reason, str):
        return reason
    feature, value, text = reason
    return f"{text} +{w[feature] * value:.2f}"


def _listed_before(text: str, mentions: Sequence[Mention], i: int) -> list[int]:
    """Mention ``i`` and the names listed before it ("Donetsk and Luhansk"), or nothing if none is."""
    run = [i]
    while run[-1] > 0 and _LIST_JOIN.match(text, mentions[run[-1] - 1].end, mentions[run[-1]].start):
        run.append(run[-1] - 1)
    return run if len(run) > 1 else []
