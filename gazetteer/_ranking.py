"""Scores that order candidates: how a name matched, what kind of place it is, how big it is.

Kept apart from the lookup so that the geoparser can reuse the same priors.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence

from .models import Candidate, Kind, MatchType, Place

MATCH_BASE = {MatchType.EXACT: 1.0, MatchType.ALIAS: 0.85}
ABBREVIATION_BASE = 0.8
#: The first reason of a match by abbreviation ("abbreviation 0.80").
ABBREVIATION_REASON = "abbreviation"
# A plain alternate name of a place smaller than a place whose own name it is.
OTHERS_NAME_PENALTY = 0.15
OTHERS_NAME_REASON = f"the own name of a larger place -{OTHERS_NAME_PENALTY:.2f}"
# Written with its dots ("N.B.", "Calif.", "Ont."), a word is the press's abbreviation of a state,
# province or country, which comes before places that merely have it as a name or code ("NB" of
# Napa, the airport code "ONT" of Ontario, California).
DOTTED_ABBREVIATION_BASE = 0.95
# A word written with a dot ("Pa.") that is a place's name rather than an abbreviation of one.
NOT_ABBREVIATION_PENALTY = 0.3
NOT_ABBREVIATION_REASON = f"written as an abbreviation, not as this name -{NOT_ABBREVIATION_PENALTY:.2f}"
_DOTTED = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.){1,4}$")


_CAPITAL_CODE = re.compile(r"(?<![\w.])(?:[A-Z]\.?){2,3}(?![\w])")


def capital_codes(text: str) -> frozenset[str]:
    """The two- and three-letter codes a text writes in capitals ("US", "U.S.", "UAE"), as keys.

    Inside a longer name such a code is the press's name of a country or bloc ("US
    Federal Reserve", "the Western US"), though as a lower-case key it is too short
    a word to try. A text all in capitals ("PLYMOUTH CO.") writes no code this way.

    Examples
    --------
    >>> sorted(capital_codes("US Federal Reserve and U.A.E. banks, not Us or USAID"))
    ['uae', 'us']
    >>> capital_codes("PLYMOUTH CO.")
    frozenset()
    """
    if text.upper() == text:
        return frozenset()
    return frozenset(m.group(0).replace(".", "").lower() for m in _CAPITAL_CODE.finditer(text))


def written_as_abbreviation(text: str) -> bool:
    """Whether ``text`` is written as a dotted abbreviation ("N.B.", "Calif.", "U.S.").

    Examples
    --------
    >>> written_as_abbreviation("N.B."), written_as_abbreviation("Calif."), written_as_abbreviation("NB")
    (True, True, False)
    """
    return _DOTTED.match(text.strip()) is not None


def written_as_word_abbreviation(text: str) -> bool:
    """Whether ``text`` abbreviates a word with a dot ("Pa.", "Ind.", "Calif."): no code, which capitals write.

    "Pa." is Pennsylvania and "Ind." Indiana, never the codes PA (Panama) or IND (India).

    Examples
    --------
    >>> written_as_word_abbreviation("Pa."), written_as_word_abbreviation("U.K."), written_as_word_abbreviation("Pa")
    (True, False, False)
    """
    return written_as_abbreviation(text) and any(ch.islower() for ch in text)


# "Frankfurt" for Frankfurt am Main, "Newcastle" for Newcastle upon Tyne: a town's alternate name
# that is its main name without the qualifier is how the press writes it, nearly its own name.
# (Not for areas: "Beni" for Beni Department drops a feature word, which the kind prior weighs.)
SHORT_FORM_BASE = 0.97
SHORT_FORM_REASON = "short form of its name"
# What may follow the short form in the full name: "am Main", "upon Tyne", "(Saale)", "City", "Town".
_QUALIFIERS = frozenset("am an auf upon on sur sous en in im bei ob de del della di da do nad pod na city town".split())
# "Odessa" for Odesa, "Douma" for Dūmā, "Kharkov" for Kharkiv: an alternate name that is another
# spelling of the main name (a transliteration) names the place as surely, nearly.
SPELLING_BASE = 0.92
SPELLING_REASON = "another spelling of its name"
SPELLING_MIN_SIMILARITY = 0.85
# "Armenian" may mean Armenia, but a place named exactly so comes first.
DEMONYM_BASE = 0.55
FUZZY_BASE = 0.55
# A place named within a longer name that is no place ("University of California").
PARTIAL_BASE = 0.5

# A name that is also a country or a region means that larger place more often than not.
KIND_PRIOR = {
    Kind.COUNTRY: 0.45,
    Kind.CONTINENT: 0.35,
    Kind.REGION: 0.3,
    Kind.CORRIDOR: 0.3,
    Kind.BORDER: 0.3,
    Kind.DISPUTED_AREA: 0.3,
    Kind.ADMIN1: 0.25,
    Kind.ADMIN2: 0.12,
    Kind.PHYSICAL_FEATURE: 0.05,
    # "White House", "Heathrow Airport": a landmark's name means it before a small town named after it.
    Kind.LANDMARK: 0.3,
    # A former country (Soviet Union): below today's countries, whose names it may share.
    Kind.HISTORICAL: 0.3,
    Kind.POPULATED_PLACE: 0.0,
}
# Capitals and admin seats are the places news names.
FEATURE_PRIOR = {"PPLC": 0.25, "PPLG": 0.15, "PPLA": 0.12, "PPLA2": 0.06, "PPLA3": 0.02}
POPULATION_WEIGHT = 0.35
#: A county (admin-2 area) of this many people ranks like a province.
BIG_COUNTY_POPULATION = 1_000_000
BIG_COUNTY_BONUS = KIND_PRIOR[Kind.ADMIN1] - KIND_PRIOR[Kind.ADMIN2]
#: The reason given when an admin area ranks just below its seat of the same name ("Lachin").
SEAT_FIRST_REASON = "its seat or main city of this name ranks first"
#: The reason given when a province ranks before its seat called "<name> City" ("Quebec").
CITY_NAMED_SEAT_REASON = "called the city to tell it from its state or province, which ranks first"
#: A seat this big is what its bare name means whatever it is called (Shanghai, Puebla); one
#: this small names itself "City" as a town's style, not to tell itself from the area (Nelson City).
CITY_NAMED_SEAT_POPULATION = (100_000, 1_000_000)
AREA_WEIGHT = 0.3
_SIZED_KINDS = frozenset({Kind.PHYSICAL_FEATURE, Kind.REGION, Kind.DISPUTED_AREA})
NEAR_WEIGHT = 0.4
NEAR_SCALE_KM = 500.0
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    Examples
    --------
    >>> round(haversine_km(40.18, 44.51, 40.41, 49.87))  # Yerevan to Baku
    455
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def town_reach_km(population: int) -> float:
    """How far from its point a town's quarters and suburbs reach: 5 km, 35 km for a city of ten million.

    Examples
    --------
    >>> round(town_reach_km(9_000_000)), round(town_reach_km(50_000)), town_reach_km(0)
    (35, 18, 5.0)
    """
    return 5.0 + 30.0 * min(1.0, max(0.0, math.log10(population + 1) - 3.0) / 4.0)


def population_score(population: int) -> float:
    """0 for no population, ``POPULATION_WEIGHT`` at ten million and above."""
    if population <= 0:
        return 0.0
    return POPULATION_WEIGHT * min(1.0, math.log10(population + 1) / 7.0)


def prior(place: Place) -> tuple[float, list[str]]:
    """The part of a candidate's score that does not depend on the query."""
    reasons = []
    score = KIND_PRIOR.get(place.kind, 0.0)
    if score:
        reasons.append(f"{place.kind.value} +{score:.2f}")
    feat = FEATURE_PRIOR.get(place.feature_code, 0.0)
    if feat and place.kind is Kind.POPULATED_PLACE:
        score += feat
        reasons.append(f"{place.feature_code} +{feat:.2f}")
    # Unpeopled areas (seas, deserts, regions) rank by their size: the Atlantic before Atlantic, Iowa.
    if place.population <= 0 and place.area_km2 > 0 and place.kind in _SIZED_KINDS:
        size = AREA_WEIGHT * min(1.0, math.log10(place.area_km2 + 1) / 7.0)
        score += size
        reasons.append(f"area {place.area_km2:,} km² +{size:.2f}")
    # Admin areas' populations are sums of their towns and would double-count; rank them by kind.
    if place.kind is not Kind.ADMIN1 and place.kind is not Kind.ADMIN2:
        pop = population_score(place.population)
        if pop:
            score += pop
            reasons.append(f"population {place.population:,} +{pop:.2f}")
    elif place.kind is Kind.ADMIN2 and place.population >= BIG_COUNTY_POPULATION:
        # "Yorkshire", "Kent": a county of millions is as well known as a province.
        score += BIG_COUNTY_BONUS
        reasons.append(f"a county of {place.population:,} +{BIG_COUNTY_BONUS:.2f}")
    return score, reasons


#: The administrative words a query may end in that no region, continent or physical feature takes
#: unless its own name has it: "Western Province" is Sri Lanka's province, not the Western world.
_ADMIN_WORDS = frozenset("""district districts rayon raion province provinces provincia oblast governorate
    prefecture municipality okrug krai kray voivodeship wilaya vilayet""".split())
#: ... and "region" after a bare compass word: "West Region" and "Western Region" are Cameroon's and
#: Ghana's, never the Western world ("the Karabakh region" is a region).
_REGION_WORDS = frozenset({"region", "regions"})
_COMPASS_WORDS = frozenset("the west western east eastern north northern south southern central".split())
_UNADMINISTERED_KINDS = frozenset({Kind.REGION, Kind.CONTINENT, Kind.PHYSICAL_FEATURE})
ADMIN_WORD_PENALTY = 0.5
_WORDS = re.compile(r"[^\W\d_]+")
_ADMIN_WORD = re.compile(r"\b(?:" + "|".join(sorted(_ADMIN_WORDS | _REGION_WORDS)) + r")\b", re.IGNORECASE)


def names_admin_word(text: str) -> bool:
    """Whether a query may hold an administrative word ("province", "district", "region"): a fast test.

    Examples
    --------
    >>> names_admin_word("Western Province"), names_admin_word("Provincetown")
    (True, False)
    """
    return _ADMIN_WORD.search(text) is not None


def penalize_admin_misfits(cands: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates re-ranked after ``ADMIN_WORD_PENALTY`` for a region a query's administrative word misfits.

    Names are looked up without their generic words, so "Western Province" finds
    what "Western" finds; a region, continent or physical feature whose own name
    lacks the word the query ends in ("province") loses the penalty.

    Examples
    --------
    >>> from gazetteer.models import Candidate, Place
    >>> west = Candidate(Place("x", "Western world", Kind.REGION, "", 50.2, 7.4), 1.45, MatchType.ALIAS)
    >>> lk = Candidate(Place("y", "Western Province", Kind.ADMIN1, "LK", 6.9, 79.9), 1.25, MatchType.EXACT)
    >>> [c.place.name for c in penalize_admin_misfits([west, lk], "Western Province")]
    ['Western Province', 'Western world']
    >>> [c.place.name for c in penalize_admin_misfits([west, lk], "the West")]
    ['Western world', 'Western Province']
    >>> [c.place.name for c in penalize_admin_misfits([west, lk], "Western Region")]
    ['Western Province', 'Western world']
    """
    if not names_admin_word(text):
        return list(cands)
    written = _WORDS.findall(text)
    words = {w.lower() for w in written}
    said = words & _ADMIN_WORDS
    # "West Region", "the West region of Cameroon": a capitalised compass word names a province;
    # "the western region of Darfur" describes.
    if (words & _REGION_WORDS and words - _REGION_WORDS <= _COMPASS_WORDS
            and any(w[0].isupper() and w.lower() in _COMPASS_WORDS and w.lower() != "the" for w in written)):
        said |= words & _REGION_WORDS
    if not said:
        return list(cands)
    out = []
    for c in cands:
        word = None
        if c.place.kind in _UNADMINISTERED_KINDS:
            own = {w.lower() for w in _WORDS.findall(c.place.name)}
            word = next((w for w in sorted(said) if w not in own), None)
        if word is None:
            out.append(c)
        else:
            why = f"'{word}' names an administrative area, not this {c.place.kind.value} -{ADMIN_WORD_PENALTY:.2f}"
            out.append(dataclasses.replace(c, score=round(c.score - ADMIN_WORD_PENALTY, 4), reasons=(*c.reasons, why)))
    out.sort(key=lambda c: (-c.score, c.place.place_id))
    return out


def near_score(place: Place, near: tuple[float, float]) -> tuple[float, str]:
    """Bonus for closeness to a reference point."""
    d = haversine_km(place.latitude, place.longitude, near[0], near[1])
    s = NEAR_WEIGHT * math.exp(-d / NEAR_SCALE_KM)
    return s, f"{d:,.0f} km from reference +{s:.2f}"


def spelling_variant(key: str, main: str) -> bool:
    """Whether an alternate name key is the main name (normalised) spelt another way.

    Transliterations change vowels and double letters, not the consonants nor the
    length by more than one letter: "odessa" of Odesa, "douma" of Dūmā, "kharkov" of
    Kharkiv; "goris" is another town than Gori, "yang" no spelling of Yanggu.

    Examples
    --------
    >>> spelling_variant("odessa", "odesa"), spelling_variant("kharkov", "kharkiv")
    (True, True)
    >>> spelling_variant("goris", "gori"), spelling_variant("yang", "yanggu")
    (False, False)
    """
    return (abs(len(key) - len(main)) <= 1 and _skeleton(key) == _skeleton(main)
            and similarity(key, main) >= SPELLING_MIN_SIMILARITY)


#: The shortest name a near spelling may be: one letter off a three-letter name is another name.
TYPO_MIN_LETTERS = 4
#: Names up to this many letters allow one slip (a letter added, dropped, changed or two swapped); longer two.
TYPO_ONE_EDIT_LETTERS = 8


def within_a_typo(key: str, other: str) -> bool:
    """Whether two name keys differ by no more than a typo, so that a near spelling may cross between them.

    A typo is one slip of the keyboard (a letter added, dropped or changed, or two
    neighbours swapped) in a name of up to eight letters, two in a longer one; both
    names have at least four letters. "Brussells" is a typo of Brussels; "Oahu" is
    none of "Oah" (a name of Shīnḏanḏ), nor "Mallorca" of "Malloa".

    Examples
    --------
    >>> within_a_typo("brussells", "brussels"), within_a_typo("londn", "london")
    (True, True)
    >>> within_a_typo("oahu", "oah"), within_a_typo("mallorca", "malloa"), within_a_typo("goris", "gori")
    (False, False, True)
    """
    from rapidfuzz.distance import OSA

    letters = min(len(key.replace(" ", "")), len(other.replace(" ", "")))
    if letters < TYPO_MIN_LETTERS:
        return False
    most = 1 if len(key) <= TYPO_ONE_EDIT_LETTERS else 2
    return OSA.distance(key, other, score_cutoff=most) <= most


def _skeleton(key: str) -> str:
    out: list[str] = []
    for ch in key:
        if ch not in "aeiou " and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def shares_a_word(key: str, name: str) -> bool:
    """Whether a name key and a place's name share a word of four letters or more: forms of one name.

    Examples
    --------
    >>> shares_a_word("st petersburg", "Saint Petersburg"), shares_a_word("cancun", "Changchun")
    (True, False)
    """
    from .normalize import normalize_name

    return bool({w for w in key.split() if len(w) >= 4} & set(normalize_name(name).split()))


def similarity(a: str, b: str) -> float:
    """How alike two spellings are: twice their longest common subsequence over their total length.

    The same measure as rapidfuzz's ``fuzz.ratio`` (divided by 100), written out so that
    a lookup does not import rapidfuzz.

    Examples
    --------
    >>> round(similarity("odessa", "odesa"), 2), round(similarity("mike", "meeker"), 2)
    (0.91, 0.6)
    """
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return 2.0 * prev[-1] / (len(a) + len(b))


def short_form(key: str, name: str) -> bool:
    """Whether a name key is ``name`` without its qualifier ("Frankfurt" of "Frankfurt am Main").

    Examples
    --------
    >>> short_form("frankfurt", "Frankfurt am Main"), short_form("halle", "Halle (Saale)")
    (True, True)
    >>> short_form("igbo", "Igbo-Ukwu"), short_form("new york", "New York City")
    (False, True)
    """
    words = name.replace("-", " ").split()
    n = len(key.split())
    if len(words) <= n:
        return False
    from .normalize import normalize_name

    rest = words[n]
    return normalize_name(" ".join(words[:n])) == key and (rest.startswith("(") or rest.lower() in _QUALIFIERS)


def names_by_code(code: str, c: Candidate) -> bool:
    """Whether a code in capitals inside a longer name names this candidate.

    Only a country's code as the press writes it ("US", "UAE"; not "SB" for the
    Solomon Islands, which is someone's initials in "SB Smith Electrical"), or a
    bloc's ("EU"). A state's is too often something else in a name: "Aughadreena
    NS" is a national school, not in Nova Scotia; and a code that is also a
    state's is neither ("SA Water" is South Australia's, "SA Police" South Africa's).

    Examples
    --------
    >>> us = Candidate(Place("geonames:6252001", "United States", Kind.COUNTRY, "US", 39.8, -98.5), 1.2,
    ...                MatchType.ALIAS, "us", ("abbreviation 0.80",))
    >>> names_by_code("us", us)
    True
    """
    from .abbreviations import press_abbreviations

    p = c.place
    if p.kind is Kind.COUNTRY:
        targets = press_abbreviations().get(code, frozenset())
        # A target with a dot is an admin-1 code ("AU.05"): the code is a state's as well.
        return p.country in targets and not any("." in t for t in targets)
    return p.kind is Kind.REGION and c.reasons[0].startswith(ABBREVIATION_REASON)
