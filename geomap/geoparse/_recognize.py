"""Toponym recognition driven by the gazetteer.

Every name and alias of the gazetteer goes into one Aho-Corasick automaton
(:mod:`ahocorasick`), built once per process and pickled to a cache folder, so
a later process loads it in about half a second instead of building it in
four (:mod:`geomap.geoparse._automaton`). Only runs of capitalised words (with the lower-case connectors of
multi-word names: "Bosnia and Herzegovina", "Rio de Janeiro") are folded to
name keys and matched, which keeps the work per document small; the keys are
framed by spaces, so every hit lies on word boundaries.

Context rules (:mod:`geomap.geoparse._context_rules`) then drop what is not a place:
common words ("March", "Police"), names of people ("Sergei Lavrov",
"Washington Irving"), abbreviations not written as such ("Us" at the start of a
sentence), acronyms that are no press abbreviation of a place ("NATO", "BA"),
languages ("in English"). What may still be a place is kept with a caution
(a possible surname, a word that is only an alternate name of some place), and
resolution then keeps it only for a prominent place. Demonyms ("Armenian") are returned as mentions of kind
``"demonym"``: resolution uses them as country cues, and a caller that scores
against a corpus counting them as toponyms keeps them.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from gazetteer import MatchType
from gazetteer.demonyms import demonyms as _load_demonyms

from . import _context_rules as rules
from ._automaton import _FLAG_ABBR, _FLAG_MAIN, _automaton
from ._lower_case import LowerCaseWords
from ._mention import Mention
from ._runs import Hit, RunPlans
from ._spans import Coverage

DEMONYMS = _load_demonyms()

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

__all__ = ["Mention", "Recognizer", "recognize"]


# --------------------------------------------------------------------------- runs and tokens

_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper())
# A word's letters after its capital, with inner dots ("U.S", "St.Louis") and a final one. Written as
# runs of word characters between dots rather than one alternation per character: the same matches,
# in half the time.
_WORD_REST = r"[\w'’]*(?:\.(?=\w)[\w'’]*)*\.?"
_WORD = rf"[{_UPPER}]{_WORD_REST}"
_SEP = r"(?:[ \t]+|[ \t]*[-–][ \t]*)"
_CONNECT = "|".join(sorted(rules.CONNECTORS, key=len, reverse=True))
_TRAIL = "|".join(sorted(rules.TRAILING_WORDS, key=len, reverse=True))
# A run may end in a lower-case feature word, for names such as "Lachin corridor". Its first capital
# comes before the look-behind that no word character precedes it, so the regex engine skips ahead to
# the next capital instead of trying the look-behind at every character (1.7x faster).
_RUN = re.compile(rf"[{_UPPER}](?<![\w'’].){_WORD_REST}(?:{_SEP}(?:(?:{_CONNECT}){_SEP})*{_WORD})*"
                  rf"(?:[ \t](?:{_TRAIL})\b)?")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”‘'(\[]|\n)\s*$")


# --------------------------------------------------------------------------- recognition


class Recognizer:
    """Finds place names in text with a gazetteer's names.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The shipped gazetteer by default.

    Examples
    --------
    >>> r = Recognizer()
    >>> [(m.surface, m.kind) for m in r.recognize("In March, Armenia's army shelled Zangilan.")]
    [('Armenia', 'name'), ('Zangilan', 'name')]
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        if gazetteer is None:
            from gazetteer import Gazetteer

            gazetteer = Gazetteer()
        self.gazetteer = gazetteer
        self._automaton = _automaton(gazetteer)
        self._plans = RunPlans(self._automaton)
        # Answers that depend on a word alone, asked again for every mention of it: kept per recogniser.
        self._is_name = functools.lru_cache(maxsize=_MEMO_SIZE)(self._is_name_uncached)
        self._own_name_of = functools.lru_cache(maxsize=_MEMO_SIZE)(self._own_name_of_uncached)
        self._iso_codes = frozenset(gazetteer.store.country_codes())

    def recognize(self, text: str, *, demonyms: bool = True) -> list[Mention]:
        """The mentions of places in ``text``, in text order.

        Parameters
        ----------
        text : str
        demonyms : bool, default True
            Also return demonyms and adjectives ("Armenian") as mentions of kind ``"demonym"``.

        Returns
        -------
        list of Mention
            Non-overlapping, sorted by start.
        """
        if not text:
            return []
        persons: dict[str, bool] = {}
        out: list[Mention] = []
        plans = self._plans
        lower_case = LowerCaseWords(text)
        for run_match in _RUN.finditer(text):
            run = run_match.group()
            hits, tokens = plans(run)
            if not hits and not tokens:
                continue  # "The", "He": nothing in the run can name a place
            base = run_match.start()
            found = self._match_run(text, run, base, hits, persons) if hits else []
            if tokens:
                # Demonyms are looked for even when not returned: they displace namesake places ("Afghan").
                found = self._add_demonyms(text, run, base, tokens, found)
            for m in found:
                if m.kind == "demonym" and not demonyms:
                    continue
                if m.kind == "name" and " " not in m.key and m.caution == "" and lower_case.has(m.key):
                    m = Mention(m.start, m.end, m.surface, m.key, m.kind, m.country, "lower-case in text")
                out.append(m)
        if persons:
            out = [p for p in (_as_person(m, persons) for m in out) if p is not None]
        return self._join_county_abbreviations(text, _join_district_of_columbia(text, out))

    def _join_county_abbreviations(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Mentions with "Plymouth Co." and "BOONE CO." read as the county the gazetteer names.

        Examples
        --------
        >>> [(m.surface, m.key) for m in Recognizer().recognize("Deputies in Boone Co. said.")]
        [('Boone Co.', 'boone county')]
        """
        if " Co." not in text and " CO." not in text:
            return mentions
        from gazetteer.normalize import normalize_name

        joined: list[Mention] = []
        for found in _COUNTY_ABBREVIATION.finditer(text):
            key = f"{normalize_name(found.group(1))} county"
            if self._is_name(key):
                joined.append(Mention(found.start(), found.end(), found.group(), key, "name"))
        if not joined:
            return mentions
        covered = Coverage((j.start, j.end) for j in joined)
        return sorted([m for m in mentions if not covered.overlaps(m.start, m.end)] + joined, key=lambda m: m.start)

    # -- one run of capitalised words --------------------------------------------------------
    def _match_run(self, text: str, run: str, base: int, hits: tuple[Hit, ...],
                   persons: dict[str, bool]) -> list[Mention]:
        """The mentions of a run's hits (longest first, then leftmost), none overlapping a longer one."""
        if len(hits) == 1:
            mention = self._check(text, run, base, hits[0], persons)
            return [] if mention is None else [mention]
        # Characters of the run already taken by a longer mention (a bytearray: constant time per
        # character however many mentions a long run holds).
        taken = bytearray(len(run) + 1)
        out: list[Mention] = []
        for hit in hits:
            if taken.find(1, hit.start, hit.end) != -1:
                continue
            mention = self._check(text, run, base, hit, persons)
            if mention is not None:
                ms, me = mention.start - base, mention.end - base  # "Pa." may take its dot
                taken[ms:me] = b"\x01" * (me - ms)
                out.append(mention)
        out.sort(key=lambda m: m.start)
        return out

    def _check(self, text: str, run: str, base: int, hit: Hit, persons: dict[str, bool]) -> Mention | None:
        """The mention a hit makes in its context, or ``None`` where the context says it names no place."""
        rs, re_, key, flags, surface, n_letters, upper, followed_by_dot, dotted, may_abbreviate = hit
        # "Calif.", "Ont.": a press abbreviation the gazetteer lists (flag 2), written with its dot,
        # or without it where a dateline writes the state ("EDMONTON, Ky (WBKO)").
        abbreviated = may_abbreviate and (followed_by_dot or rules.state_in_dateline(text, base + rs, base + re_))
        if (dotted or abbreviated) and followed_by_dot:
            re_ += 1
            surface = run[rs:re_]
            dotted = True
        kind = "name"
        if abbreviated:
            kind = "abbreviation"
        elif upper and " " not in key and n_letters >= 2 and not dotted:
            caps = _caps_kind(text, base + rs, base + re_, key, flags, n_letters, self._iso_codes)
            if caps is None:
                return None
            kind = caps
        elif n_letters <= 3 and (upper or dotted) and " " not in key:
            if key in rules.CAPS_WORDS and not dotted:
                return None
            kind = "abbreviation"
        elif flags == _FLAG_ABBR:
            if not upper:
                return None
            kind = "abbreviation"
        caution = ""
        if key in rules.NOT_PLACES or (key in rules.NOT_PLACE_ENDS and rules.not_a_place(run[:re_])):
            return None  # "El Niño", or "Niña" of "La Niña"
        if key in rules.TITLES and not dotted:
            return None  # "Mrs", "Gov", "Pope"
        if " " not in key:
            if len(key) < 3 and kind != "abbreviation":
                return None
            if abbreviated and key in rules.WORD_ABBREVIATIONS:
                if not rules.written_as_state(text, base + rs, base + re_):
                    return None  # "He attended Mass.", "said Pa."
            elif key in rules.COMMON_WORDS and not upper:
                if key not in rules.PLACE_COMMON_WORDS or not rules.confirmed_place(text, base + rs, base + re_):
                    return None
                caution = "common word"
            elif key in rules.COMMON_WORDS and kind != "abbreviation":
                return None
        person = self._person_caution(text, run, base, rs, re_, key, kind, upper, persons)
        if person is None:
            return None
        if kind == "name" and " " not in key and not flags & _FLAG_MAIN and not caution:
            # "Mike" (an alternate name of Meeker), "Chen" (of Chenzhou): a word that is only an
            # alternate name of some place is more often something else; only a big place will do.
            caution = "alternate name only"
        return Mention(base + rs, base + re_, surface, key, kind, "", caution or person)

    def _person_caution(self, text: str, run: str, base: int, rs: int, re_: int, key: str, kind: str,
                        upper: bool, persons: dict[str, bool]) -> str | None:
        """``None`` for a name that is part of a person's name here, a caution for a doubtful one, else ``""``.

        After a first name or a title ("Hillary Clinton", "President Washington") the
        name is a surname, here and elsewhere in the document. After another capitalised
        word ("Trend Iran", "Charlie Chen") it may be either, so it is kept with a caution
        that lets only a prominent place through ("By Trend Iran's" still names Iran).
        """
        if kind != "name" or " " in key:
            return ""
        before = run[:rs].rstrip()
        gap = run[len(before):rs]
        # "Hillary Clinton" (or wrapped: "Hillary\n    Clinton"), not names a page of blanks apart.
        if before and not before.endswith("-") and len(gap) <= 20 and gap.strip() == "":
            prev_word = before.rsplit(" ", 1)[-1]
            prev = prev_word.rstrip(".").lower()
            # "the Ministry of Justice. Azerbaijan has": a whole word and a full stop end a
            # sentence; only a short title is written with a dot ("Gov. Brown", "Dr. Wang").
            sentence_end = prev_word.endswith(".") and len(prev) > 4
            if (prev in rules.FIRST_NAMES or prev in rules.TITLES) and not sentence_end:
                persons[key] = True
                return None
            if (prev_word[:1].isupper() and prev.isalpha() and not upper and prev not in rules.MODIFIERS
                    and prev not in rules.COMMON_WORDS and prev not in DEMONYMS and not self._is_name(prev)
                    and not _sentence_start(run, len(before) - len(prev_word), text, base)):
                persons.setdefault(key, False)
                return "person name"
        after = run[re_:]
        # After a given name, a surname that is also a town's name still reads as a surname
        # ("Mary Pitman", "Adrian Walker", "Stuart Green"): a place named by both words would
        # have been matched whole.
        if (after[:1] == " " and self._surname_follows(after, given=key in rules.FIRST_NAMES)
                and (key in rules.FIRST_NAMES or not self._names_a_city(key))):
            # "Antony Blinken", "Wang Yi", "Georgia Stevens": a given name (or a family name
            # written first); elsewhere in the document the word may be the person again.
            # A big city's name that is no given name starts a team's or a firm's name
            # instead ("Boston Celtics", "Denver Broncos").
            if key not in rules.FIRST_NAMES:
                persons.setdefault(key, False)
            return None
        if key in rules.FIRST_NAMES and not upper:
            # "Victoria" alone: the state or the city, not a small namesake ("VICTORIA - ", a
            # dateline in capitals, is a place).
            return "first name"
        if rules.speaker(text, base + rs, base + re_):
            persons.setdefault(key, False)  # "Johnson said": elsewhere in the document too
            return "person name"
        return ""

    def _surname_follows(self, after: str, given: bool = False) -> bool:
        """Whether the run ends with one more word that reads as a person's name, not a place's or an office's.

        A longer run is an organisation's or an event's name ("Munich Security Conference").
        After a ``given`` name the word may also be some place's name.
        """
        parts = after.split(" ", 2)
        # "Sam Gallagher of Birmingham City", "Georgia Stevens and ...": after a given name, the
        # surname may be followed by a lower-case connector.
        nxt = parts[1] if len(parts) == 2 or given and len(parts) == 3 and parts[2][:1].islower() else ""
        key = nxt.strip(".,'’").lower()
        if key.endswith(("'s", "’s")):
            key = key[:-2]
        return (nxt[:1].isupper() and key.isalpha() and not nxt.isupper() and key not in rules.ORG_WORDS
                and key not in rules.FEATURE_WORDS and key not in rules.COMMON_WORDS and key not in DEMONYMS
                and key not in rules.TITLES and key not in rules.MODIFIERS
                and (not self._is_name(key) or given and not self._names_an_area(key)))

    def _names_a_city(self, key: str) -> bool:
        """Whether ``key`` is the own name of a city of half a million or more ("Boston", "Denver")."""
        return self._own_name_of(key, ("populated_place",), _CITY_POPULATION)

    def _names_an_area(self, key: str) -> bool:
        """Whether ``key`` is the name of a country or first-level area ("Texas" in "Austin Texas")."""
        return self._own_name_of(key, ("country", "admin1"))

    def _own_name_of_uncached(self, key: str, kinds: tuple[str, ...], population: int = 0) -> bool:
        """Whether ``key`` is exactly the name of a place of ``kinds`` with at least ``population`` people."""
        return any(c.match is MatchType.EXACT and c.place.population >= population
                   for c in self.gazetteer.lookup(key, kinds=kinds, limit=3, fuzzy=False))

    def _is_name_uncached(self, word: str) -> bool:
        from gazetteer.normalize import normalize_name

        key = normalize_name(word)
        return bool(key) and any(v for v in [self._automaton.get(f" {key} ", 0)])

    def _add_demonyms(self, text: str, run: str, base: int, tokens: tuple[tuple[int, int, str], ...],
                      found: list[Mention]) -> list[Mention]:
        """A run's mentions with its demonyms added; ``tokens`` are the run's words (start, end, word)."""
        spans = [(m.start - base, m.end - base) for m in found]
        extra: list[Mention] = []
        i = 0
        while i < len(tokens):
            ts, te, word = tokens[i]
            bare = word.rstrip(".")
            if bare.endswith(("'s", "’s")):
                bare = bare[:-2]
            # Two-word demonyms first ("South Korean", "Latin American").
            if i + 1 < len(tokens) and run[te:tokens[i + 1][0]] == " ":
                pair = f"{bare} {tokens[i + 1][2].rstrip('.')}".lower()
                d = DEMONYMS.get(pair)
                if d is not None and not _overlaps(spans, ts, tokens[i + 1][1]):
                    e = ts + len(pair)
                    extra.append(Mention(base + ts, base + e, run[ts:e], d.place, "demonym", d.iso2))
                    i += 2
                    continue
            d = DEMONYMS.get(bare.lower())
            if d is not None and bare[:1].isupper() and _is_plural(bare):
                d = None  # "Mexicans" are people, not a place
            if d is not None and rules.language_use(text, base + ts, base + ts + len(bare), bare):
                # "in English", "French is": a language, not a place (nor English, Arkansas).
                found = [m for m in found if (m.start - base, m.end - base) != (ts, ts + len(bare))]
                d = None
            if d is not None and bare[:1].isupper():
                e = ts + len(bare)
                # A demonym wins over a place name on the same word ("Afghan", "Georgian").
                spans_here = [s for s in spans if s[0] < e and ts < s[1]]
                if all(s == (ts, e) for s in spans_here):
                    found = [m for m in found if (m.start - base, m.end - base) != (ts, e)]
                    extra.append(Mention(base + ts, base + e, bare, d.place, "demonym", d.iso2))
            i += 1
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: m.start)


def _as_person(m: Mention, persons: dict[str, bool]) -> Mention | None:
    """A mention of a name that the document also uses as a surname: dropped, or kept with a caution."""
    if m.kind != "name" or m.key not in persons:
        return m
    if persons[m.key]:
        return None  # "Hillary Clinton" once: "Clinton" is the person throughout
    return m if m.caution else Mention(m.start, m.end, m.surface, m.key, m.kind, m.country, "person name")


def _caps_kind(text: str, start: int, end: int, key: str, flags: int, n_letters: int,
               iso_codes: frozenset[str]) -> str | None:
    """What a word in capitals is: ``"abbreviation"``, ``"name"`` (a heading or dateline) or nothing.

    Acronyms are abbreviations of a place when the press writes them so ("UAE",
    "NSW", "DRC") or the gazetteer lists them as such (flag 2) other than as a bare
    ISO code; a longer name in capitals is an organisation's or a person's ("NATO",
    "AMLO") unless the text shouts: a dateline ("MANILA, Philippines",
    "WASHINGTON (Reuters)") or a heading.
    """
    if key in rules.press_abbreviations() and not text[max(0, start - 2):start].strip().isdigit():
        return "abbreviation"  # "BC", but not "400 BC"
    if key in rules.CAPS_WORDS:
        return None  # "IT", "OR", "WHO": capitals alone make no abbreviation of a place
    if flags & _FLAG_ABBR:
        # "BA", "MW": an ISO code that news does not write for the country.
        return None if key.upper() in iso_codes else "abbreviation"
    if n_letters <= 3:
        return "abbreviation"  # resolution keeps it only for an area or a city the gazetteer abbreviates so
    return "name" if rules.dateline_or_heading(text, start, end) else None


def _sentence_start(run: str, i: int, text: str, base: int) -> bool:
    """Whether the word at ``run[i]`` starts a sentence (so its capital says nothing)."""
    if i > 0:
        return False
    return bool(_SENTENCE_END.search(text[max(0, base - 4):base]))


def _is_plural(word: str) -> bool:
    low = word.lower()
    return low.endswith("s") and (low[:-1] in DEMONYMS or low.endswith("ns") or low.endswith("is"))


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


_DEFAULT: Recognizer | None = None


def recognize(text: str, *, demonyms: bool = True, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Find the place names in a text with the shipped gazetteer (or another one).

    Parameters
    ----------
    text : str
    demonyms : bool, default True
        Also return demonyms ("Armenian") as mentions of kind ``"demonym"``.
    gazetteer : Gazetteer, optional

    Returns
    -------
    list of Mention

    Examples
    --------
    >>> [m.surface for m in recognize("Sergei Lavrov met Ararat Mirzoyan in Moscow on Monday.")]
    ['Moscow']
    >>> [(m.surface, m.kind) for m in recognize("the U.S. and Armenian-Azerbaijani talks")]
    [('U.S.', 'abbreviation'), ('Armenian', 'demonym'), ('Azerbaijani', 'demonym')]
    """
    global _DEFAULT
    if gazetteer is not None:
        return Recognizer(gazetteer).recognize(text, demonyms=demonyms)
    if _DEFAULT is None:
        _DEFAULT = Recognizer()
    return _DEFAULT.recognize(text, demonyms=demonyms)


# "Plymouth Co.", "BOONE CO.": a county written with the press's abbreviation.
_COUNTY_ABBREVIATION = re.compile(r"(?<![&+] )\b([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)?) (?:Co|CO)\."
                                  r"(?!,? (?:LLC|Inc|Ltd|Limited|LLP|PLC|plc)\b)")
# Words whose answers a recogniser keeps (whether a word is a gazetteer name, a city's or an area's own name).
_MEMO_SIZE = 65_536
# A city this big is rarely a person's given name: "Boston Celtics" is a team, not a Mr Celtics.
_CITY_POPULATION = 500_000
# "Washington, D.C.": the district is part of the city's name, not a container written after it.
_DC_GAP = re.compile(r",? ?$")


def _join_district_of_columbia(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with "Washington, D.C." (and "Washington D.C.") read as one name.

    Examples
    --------
    >>> text = "Murals in Washington, D.C., and Tacoma."
    >>> [m.surface for m in Recognizer().recognize(text)]
    ['Washington, D.C.', 'Tacoma']
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.key == "dc" and m.kind == "abbreviation" and prev.kind == "name"
                and prev.key == "washington" and _DC_GAP.match(text[prev.end:m.start])):
            surface = text[prev.start:m.end]
            out[-1] = Mention(prev.start, m.end, surface, "washington dc", "name")
            continue
        out.append(m)
    return out

