"""The :class:`Gazetteer`: ranked name lookup, ids, prefix search and reverse geocoding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from . import _ranking
from ._validate import check_coordinates, check_query
from .abbreviations import press_abbreviations
from .errors import InvalidQuery, PlaceNotFound, UnknownCountry
from .models import Candidate, Kind, MatchType, Place, parse_kinds
from .normalize import index_keys, normalize_name
from .store import Store, cell_of, row_to_place

__all__ = ["Gazetteer", "ReverseResult"]

_ADMIN = (Kind.ADMIN1, Kind.ADMIN2)
_AREA_KINDS = ("country", "admin1", "admin2", "disputed_area", "region")
# Kinds the press abbreviates with dots ("U.S.", "Calif.", "N.B.").
_ABBREVIATED_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1})
# "Pa.", "Calif.", "Ont.": the areas whose names the press shortens to a word and a dot.
_WORD_ABBREVIATED_KINDS = frozenset({Kind.ADMIN1, Kind.ADMIN2})
_FUZZY_MIN_RATIO = 85.0
_CACHE_SIZE = 100_000
# Words of institution and venue names that name no place on their own.
_NOT_PLACE_WORDS = frozenset("""university college school hospital center centre council bank court house office
airport station stadium park street road avenue square tower hotel church mosque temple club city state world cup
international national federal central north south east west northern southern eastern western upper lower new
the of and de la el al area region district county province zone valley coast belt bay beach hill hills heights
lake river island islands mountain mountains library museum theatre theater inn farm farms market mall plaza
palace castle chapel cathedral embassy ministry academy institute empire home service police government company
group trust foundation society union league party army forces""".split())


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """What lies at a point.

    Attributes
    ----------
    nearest : Place or None
        The nearest populated place within the search radius.
    distance_km : float or None
        Distance to ``nearest``.
    areas : tuple of Place
        Areas whose polygon contains the point, largest kind first (country,
        admin1, admin2, disputed and other regions).
    """

    nearest: Place | None
    distance_km: float | None
    areas: tuple[Place, ...]

    @property
    def country(self) -> Place | None:
        """The containing country, where a country polygon contains the point."""
        return next((a for a in self.areas if a.kind is Kind.COUNTRY), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {"nearest": self.nearest.to_dict() if self.nearest else None, "distance_km": self.distance_km,
                "areas": [a.to_dict() for a in self.areas]}


class Gazetteer:
    """An offline gazetteer over the embedded database.

    Parameters
    ----------
    path : str or Path, optional
        A database built by ``python -m gazetteer.build``; the shipped one by default.

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> best = gaz.lookup("Berdzor")[0]
    >>> best.place.name, best.place.country, best.match.value
    ('Laçın', 'AZ', 'alias')
    >>> gaz.lookup("Moscow", country="US")[0].place.admin1
    'Idaho'
    """

    def __init__(self, path: str | Path | None = None, *, store: Store | None = None) -> None:
        self.store = store if store is not None else Store(path)
        self._places: dict[int, Place] = {}
        self._countries: dict[str, str] | None = None
        self._poly_cache: dict[str, Any] = {}
        # Ranked answers by query: the database is read-only, so an answer never goes stale.
        self._cache: dict[tuple[Any, ...], tuple[Candidate, ...]] = {}  # by name key
        self._asked: dict[tuple[Any, ...], tuple[Candidate, ...]] = {}  # by query as written

    # -- lookup -------------------------------------------------------------------------------
    def lookup(self, name: str, *, country: str | None = None, kinds: Any = None,
               near: tuple[float, float] | None = None, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        """Places that a name may mean, best first.

        Parameters
        ----------
        name : str
            A place name in any script or spelling ("Laçın", "Лачин", "Berdzor").
        country : str, optional
            ISO 3166-1 alpha-2 or alpha-3 code: keep places of that country only.
        kinds : Kind, str or iterable of them, optional
            Keep places of these kinds only (``"admin1"``, ``"populated_place"``...).
        near : (lat, lon), optional
            Favour places close to this point.
        limit : int
            At most this many candidates (1 to 1000).
        fuzzy : bool
            When no name matches exactly or as an alias, try near spellings.

        Returns
        -------
        list of Candidate
            Possibly empty; fuzzy matches only when nothing matched exactly.

        Raises
        ------
        InvalidQuery
            Empty or over-long name, bad ``limit`` or ``kinds``.
        UnknownCountry
            A ``country`` code the gazetteer does not know.

        Examples
        --------
        >>> gaz = Gazetteer()
        >>> [c.place.country for c in gaz.lookup("Tripoli", limit=2)]
        ['LY', 'LB']
        >>> gaz.lookup("Zangilan", kinds="admin1")[0].place.kind.value
        'admin1'
        """
        text = check_query(name)
        if not isinstance(limit, int) or not 1 <= limit <= 1000:
            raise InvalidQuery(f"limit must be an integer from 1 to 1000, got {limit!r}")
        cc = self._country_code(country) if country is not None else None
        kind_set = parse_kinds(kinds)
        if near is not None:
            near = check_coordinates(*near)
        # A query asked before, as written: no normalising, no reading of its abbreviations.
        asked = (text, cc, kind_set, near, fuzzy)
        done = self._asked.get(asked)
        if done is not None:
            return list(done[:limit])
        key = normalize_name(text)
        if not key:
            raise InvalidQuery(f"{name!r} has no letters or digits to look up")
        codes = _ranking.capital_codes(text) if " " in key else frozenset()
        cache_key = (key, cc, kind_set, near, fuzzy, _ranking.written_as_abbreviation(text),
                     _ranking.written_as_word_abbreviation(text), codes)
        ranked = self._cache.get(cache_key)
        if ranked is None:
            cands = self._score(self.store.places_by_key(key), key, text, cc, kind_set, near, None)
            # "Şuşa" is also looked up as "shusha": names are indexed under such spellings too.
            for other in index_keys(text) - {key}:
                cands = _best_per_place(cands + self._score(self.store.places_by_key(other), other, text, cc,
                                                            kind_set, near, None))
            if not cands:
                # Neither fallback is sure to be right: offer both, ranked together
                # ("Petion Ville" is a near spelling of Pétion-Ville, not a place named "Ville").
                partial = self._partial(key, text, cc, kind_set, near, codes) if " " in key else []
                near_spellings = self._fuzzy(key, text, cc, kind_set, near) if fuzzy and len(key) >= 4 else []
                cands = _best_per_place(partial + near_spellings)
            cands.sort(key=lambda c: (-c.score, c.place.place_id))
            ranked = tuple(cands)
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # a simple bound; names repeat within a corpus, so it refills fast
            self._cache[cache_key] = ranked
        # "Western Province" and "Western" share their key; the province word speaks against a region.
        if _ranking.names_admin_word(text):
            ranked = tuple(_ranking.penalize_admin_misfits(ranked, text))
        if len(self._asked) >= _CACHE_SIZE:
            self._asked.clear()
        self._asked[asked] = ranked
        return list(ranked[:limit])

    def _score(self, rows: Iterable[tuple[Any, ...]], key: str, text: str, cc: str | None, kind_set: Any,
               near: tuple[float, float] | None, fuzzy_ratio: float | None) -> list[Candidate]:
        scored: list[tuple[float, Place, MatchType, list[str]]] = []
        for row in rows:
            flag, prow = row[0], row[1:]
            place = self._place(prow)
            if cc is not None and place.country != cc:
                continue
            if kind_set is not None and place.kind not in kind_set:
                continue
            if fuzzy_ratio is not None:
                match, base = MatchType.FUZZY, _ranking.FUZZY_BASE * fuzzy_ratio / 100.0
                reasons = [f"fuzzy {fuzzy_ratio:.0f}% {base:.2f}"]
            elif flag == 0:
                match, base, reasons = MatchType.EXACT, _ranking.MATCH_BASE[MatchType.EXACT], ["exact name 1.00"]
            elif flag == 3:
                match, base, reasons = MatchType.DEMONYM, _ranking.DEMONYM_BASE, [f"demonym {_ranking.DEMONYM_BASE:.2f}"]
            elif flag == 2:
                ab = (_ranking.DOTTED_ABBREVIATION_BASE
                      if place.kind in _ABBREVIATED_KINDS and _ranking.written_as_abbreviation(text)
                      else _ranking.ABBREVIATION_BASE)
                match, base, reasons = MatchType.ALIAS, ab, [f"{_ranking.ABBREVIATION_REASON} {ab:.2f}"]
            elif place.kind is Kind.POPULATED_PLACE and _ranking.short_form(key, place.name):
                match, base, reasons = MatchType.ALIAS, _ranking.SHORT_FORM_BASE, [
                    f"{_ranking.SHORT_FORM_REASON} {_ranking.SHORT_FORM_BASE:.2f}"]
            elif _ranking.spelling_variant(key, normalize_name(place.name)):
                match, base, reasons = MatchType.ALIAS, _ranking.SPELLING_BASE, [
                    f"{_ranking.SPELLING_REASON} {_ranking.SPELLING_BASE:.2f}"]
            else:
                match, base, reasons = MatchType.ALIAS, _ranking.MATCH_BASE[MatchType.ALIAS], [f"alias {_ranking.MATCH_BASE[MatchType.ALIAS]:.2f}"]
            if flag in (0, 1) and _ranking.written_as_word_abbreviation(text):
                # "Pa." is written as an abbreviation, not as the name Pa (or Chongqing's old name).
                base -= _ranking.NOT_ABBREVIATION_PENALTY
                reasons.append(_ranking.NOT_ABBREVIATION_REASON)
            p, why = _ranking.prior(place)
            score = base + p
            reasons += why
            if cc is not None:
                reasons.append(f"country match {cc}")
            if near is not None:
                s, why_near = _ranking.near_score(place, near)
                score += s
                reasons.append(why_near)
            scored.append((score, place, match, reasons))
        _prefer_towns_over_their_areas(scored)
        _prefer_areas_over_city_named_seats(scored, key, self.store)
        if _ranking.written_as_word_abbreviation(text):
            _prefer_area_abbreviations(scored)
        _prefer_owners_of_the_name(scored)
        return [Candidate(place=pl, score=round(s, 4), match=m, matched_name=key, reasons=tuple(r))
                for s, pl, m, r in scored]

    def _partial(self, key: str, text: str, cc: str | None, kind_set: Any,
                 near: tuple[float, float] | None, codes: frozenset[str] = frozenset()) -> list[Candidate]:
        """Places named by the longest run of words inside a longer name that names none.

        "Colorado State University" is no place, but it lies in Colorado; "Dubai World
        Cup" in Dubai. Runs of generic words ("World", "University") are not tried, nor
        words under four letters, except a code written in capitals (``codes``: "US
        Federal Reserve"), which is read only as the code of a country or area, and
        then before the other words ("Reserve" is a town too).
        """
        words = key.split(" ")
        for n in range(len(words) - 1, 0, -1):
            found: list[Candidate] = []
            by_code: list[Candidate] = []
            for i in range(len(words) - n + 1):
                sub = " ".join(words[i:i + n])
                code = len(sub) < 4 and sub in codes
                if len(sub) < 4 and not code or all(w in _NOT_PLACE_WORDS for w in words[i:i + n]):
                    continue
                for c in self._score(self.store.places_by_key(sub), sub, text, cc, kind_set, near, None):
                    if code and not _coded(sub, c):
                        continue
                    score = c.score - (_ranking.MATCH_BASE[MatchType.EXACT] - _ranking.PARTIAL_BASE)
                    (by_code if code else found).append(Candidate(c.place, round(score, 4), MatchType.PARTIAL, sub,
                                                                  (f"part of the name: {sub!r}",) + c.reasons[1:]))
            if by_code or found:
                return _best_per_place(by_code or found)
        return []

    def _fuzzy(self, key: str, text: str, cc: str | None, kind_set: Any,
               near: tuple[float, float] | None) -> list[Candidate]:
        from rapidfuzz import fuzz, process

        # Block on the first two letters: a misspelling rarely starts wrong, and it keeps the
        # comparison to a few thousand keys.
        prefix = key[:2]
        keys = [k for k in self.store.keys_between(prefix, prefix + "\x7f") if abs(len(k) - len(key)) <= 3]
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN_RATIO, limit=10)
        out: list[Candidate] = []
        for hit_key, ratio, _ in hits:
            out += self._score(self.store.places_by_key(hit_key), hit_key, text, cc, kind_set, near, ratio)
        return _best_per_place(out)

    # -- ids and search -----------------------------------------------------------------------
    def get(self, place_id: str) -> Place:
        """The place with this id.

        Raises
        ------
        PlaceNotFound
            For an id the gazetteer lacks.

        Examples
        --------
        >>> Gazetteer().get("geonames:147625").name
        'Laçın'
        """
        if not isinstance(place_id, str) or not place_id.strip():
            raise InvalidQuery("a place id must be a non-empty string such as 'geonames:147625'")
        row = self.store.place_row(place_id.strip())
        if row is None:
            raise PlaceNotFound(place_id)
        return self._place(row)

    def search(self, text: str, *, limit: int = 20) -> list[Candidate]:
        """Places whose names start with ``text``, best first (for interactive search).

        Examples
        --------
        >>> any(c.place.place_id == "curated:lachin-corridor" for c in Gazetteer().search("Lachin cor"))
        True
        """
        prefix = normalize_name(check_query(text))
        if not prefix:
            raise InvalidQuery(f"{text!r} has no letters or digits to search for")
        keys = self.store.keys_between(prefix, prefix + "\x7f")
        found: list[Candidate] = []
        for key in keys[:5000]:
            found += self._score(self.store.places_by_key(key), key, text, None, None, None, None)
        return sorted(_best_per_place(found), key=lambda c: (-c.score, c.place.place_id))[:limit]

    def info(self) -> dict[str, Any]:
        """Counts by kind, name count, sources, attribution and build date."""
        meta = self.store.meta()
        return {"path": str(self.store.path), "counts": self.store.count_by_kind(), "names": self.store.count_names(),
                "build_date": meta.get("build_date", ""), "sources": meta.get("sources", ""),
                "attribution": meta.get("attribution", ""), "schema_version": meta.get("schema_version", ""),
                "layers": self.store.layers()}

    # -- reverse ------------------------------------------------------------------------------
    def reverse(self, lat: float, lon: float, *, max_km: float = 50.0) -> ReverseResult:
        """The nearest populated place and the areas that contain a point.

        Parameters
        ----------
        lat, lon : float
            WGS84 degrees.
        max_km : float
            Search radius for the nearest populated place.

        Raises
        ------
        InvalidCoordinates
            NaN, infinite or out-of-range coordinates.

        Examples
        --------
        >>> r = Gazetteer().reverse(39.64, 46.55)
        >>> r.nearest.name, r.country.name
        ('Laçın', 'Azerbaijan')
        """
        lat, lon = check_coordinates(lat, lon)
        if not (isinstance(max_km, (int, float)) and 0 < max_km <= 2000):
            raise InvalidQuery(f"max_km must be between 0 and 2000, got {max_km!r}")
        import math

        dlat = max_km / 111.0
        dlon = min(180.0, max_km / (111.0 * max(0.01, math.cos(math.radians(lat)))))
        cells = sorted({cell_of(max(-90.0, min(90.0, y)), ((x + 180.0) % 360.0) - 180.0)
                        for y in _steps(lat - dlat, lat + dlat) for x in _steps(lon - dlon, lon + dlon)})
        best: tuple[float, Place] | None = None
        for i in range(0, len(cells), 500):
            for row in self.store.towns_in_cells(cells[i:i + 500]):
                place = self._place(row)
                d = _ranking.haversine_km(lat, lon, place.latitude, place.longitude)
                if d <= max_km and (best is None or d < best[0]):
                    best = (d, place)
        areas = self._containing(lat, lon)
        return ReverseResult(nearest=best[1] if best else None, distance_km=round(best[0], 3) if best else None,
                             areas=tuple(areas))

    def _containing(self, lat: float, lon: float) -> list[Place]:
        import shapely

        pt = shapely.Point(lon, lat)
        order = {k: i for i, k in enumerate(_AREA_KINDS)}
        found = []
        for row in self.store.rows_in_box(lon, lon, lat, lat, _AREA_KINDS):
            place = self._place(row)
            if place.geometry_wkb is None:
                continue
            geom = self._poly_cache.get(place.place_id)
            if geom is None:
                geom = self._poly_cache[place.place_id] = shapely.from_wkb(place.geometry_wkb)
                shapely.prepare(geom)
            if geom.intersects(pt):
                found.append(place)
        found.sort(key=lambda p: order.get(p.kind.value, 99))
        return found

    # -- helpers ------------------------------------------------------------------------------
    def _place(self, row: tuple[Any, ...]) -> Place:
        place = self._places.get(row[0])
        if place is None:
            place = row_to_place(row)
            if len(self._places) > 200_000:
                self._places.clear()
            self._places[row[0]] = place
        return place

    def _country_code(self, country: str) -> str:
        if not isinstance(country, str) or not country.strip():
            raise UnknownCountry(str(country))
        if self._countries is None:
            self._countries = self.store.country_codes()
        cc = self._countries.get(country.strip().upper())
        if cc is None:
            raise UnknownCountry(country)
        return cc


def _coded(code: str, c: Candidate) -> bool:
    """Whether a code in capitals inside a longer name names this candidate.

    Only a country's code as the press writes it ("US", "UAE"; not "SB" for the
    Solomon Islands, which is someone's initials in "SB Smith Electrical"), or a
    bloc's ("EU"). A state's is too often something else in a name: "Aughadreena
    NS" is a national school, not in Nova Scotia; and a code that is also a
    state's is neither ("SA Water" is South Australia's, "SA Police" South Africa's).
    """
    p = c.place
    if p.kind is Kind.COUNTRY:
        targets = press_abbreviations().get(code, frozenset())
        # A target with a dot is an admin-1 code ("AU.05"): the code is a state's as well.
        return p.country in targets and not any("." in t for t in targets)
    return p.kind is Kind.REGION and c.reasons[0].startswith(_ranking.ABBREVIATION_REASON)


def _best_per_place(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per place, the best-scored one."""
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.place.place_id not in best or c.score > best[c.place.place_id].score:
            best[c.place.place_id] = c
    return list(best.values())


def _steps(low: float, high: float) -> list[float]:
    """Points one degree apart from low to high, both ends included (to enumerate grid cells)."""
    import math

    out = [low + i for i in range(int(math.floor(high - low)) + 1)]
    return out + [high]


def _main_town_of(town: Place, area: Place, seat_code: str) -> bool:
    """Whether a town is the area's seat or its main settlement (area populations sum their towns)."""
    return (town.feature_code in (seat_code, "PPLC") or town.population >= 1_000_000
            or (area.population > 0 and town.population >= 0.2 * area.population))


def _prefer_area_abbreviations(scored: list[tuple[float, Place, MatchType, list[str]]]) -> None:
    """A word and a dot that abbreviates a state or province is not also a code.

    "Pa." and "Ind." are Pennsylvania and Indiana, never Panama (PA) or India and
    Indianapolis's airport (IND), which capitals write; "Mex." abbreviates no state,
    so it stays Mexico's.
    """
    def abbreviation(reasons: list[str]) -> bool:
        return bool(reasons) and reasons[0].startswith("abbreviation")

    if any(abbreviation(r) and p.kind in _WORD_ABBREVIATED_KINDS for _, p, _, r in scored):
        scored[:] = [row for row in scored if not abbreviation(row[3]) or row[1].kind in _WORD_ABBREVIATED_KINDS]


def _prefer_owners_of_the_name(scored: list[tuple[float, Place, MatchType, list[str]]]) -> None:
    """A smaller place that has a name only as an alternate ranks lower than the name's owner.

    "Manchester" is an old name of a part of Richmond, Virginia, "Pittsburgh" a
    misspelling recorded for Pittsburg, California; each word is first the own name
    of a larger town. (Only towns are weighed here: an area's name is weighed by the
    kind priors.)
    """
    owners = [p.population for _, p, m, _ in scored if m is MatchType.EXACT and p.kind is Kind.POPULATED_PLACE]
    if not owners:
        return
    biggest = max(owners)
    alias_reason = f"alias {_ranking.MATCH_BASE[MatchType.ALIAS]:.2f}"
    for i, (s, p, m, r) in enumerate(scored):
        if (m is MatchType.ALIAS and p.kind is Kind.POPULATED_PLACE and r and r[0] == alias_reason
                and p.population < biggest):
            scored[i] = (s - _ranking.OTHERS_NAME_PENALTY, p, m, r + [_ranking.OTHERS_NAME_REASON])


def _prefer_areas_over_city_named_seats(scored: list[tuple[float, Place, MatchType, list[str]]], key: str,
                                        store: Store) -> None:
    """A province's seat that is called "<name> City" ranks below the province.

    English calls the capital of Quebec "Quebec City" because a bare "Quebec" is the
    province; so with Chihuahua, Oaxaca, Jeju or Oklahoma (whose seat is read by the
    short form of its name). A seat of a million people or more is
    what its bare name means whatever else it is called (Shanghai, Puebla); one under
    100,000 calls itself "City" as a town's style (Nelson City, Karak City); and a seat
    that is the area's name only as an alias (Yuma, once "Arizona") is not weighed.
    """
    low, high = _ranking.CITY_NAMED_SEAT_POPULATION
    areas = {p.admin1_code: (s, i) for i, (s, p, _, _) in enumerate(scored) if p.kind is Kind.ADMIN1}
    seats = [i for i, (_, p, m, r) in enumerate(scored)
             if (m is MatchType.EXACT or r[0].startswith(_ranking.SHORT_FORM_REASON))
             and p.kind is Kind.POPULATED_PLACE and p.feature_code == "PPLA"
             and p.admin1_code in areas and low <= p.population < high]
    if not seats:
        return
    city_named = {row[2] for row in store.places_by_key(f"{key} city")}  # (flag, id, place_id, ...)
    for i in seats:
        s, p, m, r = scored[i]
        if p.place_id in city_named:
            area_score, a = areas[p.admin1_code]
            _, ap, am, ar = scored[a]
            top = max(area_score, s)
            scored[a] = (top, ap, am, [x for x in ar if x != _ranking.SEAT_FIRST_REASON]
                         + [_ranking.CITY_NAMED_SEAT_REASON])
            scored[i] = (top - 0.01, p, m, r)


def _prefer_towns_over_their_areas(scored: list[tuple[float, Place, MatchType, list[str]]]) -> None:
    """An admin area named like its seat (or a city of a million) ranks just below that town.

    "Lachin" is both a town and the district it is the seat of; a text that
    names it means the town as often as the district, and the town's point lies
    inside the district either way, so the town (the more precise answer) goes
    first. Likewise "New York" the city before the state, and Khankendi before
    the city municipality around it. A small town that merely carries the
    area's name (Yuma, alias "Arizona") does not demote the area.
    """
    for i, (s, p, m, r) in enumerate(scored):
        if p.kind not in _ADMIN:
            continue
        seat_code = "PPLA" if p.kind is Kind.ADMIN1 else "PPLA2"
        inside = [ts for ts, t, tm, _ in scored
                  if t.kind is Kind.POPULATED_PLACE and t.admin1_code and
                  (t.admin1_code == p.admin1_code if p.kind is Kind.ADMIN1
                   else t.admin2_code == p.admin2_code != "") and
                  _main_town_of(t, p, seat_code)]
        if inside:
            scored[i] = (min(s, max(inside) - 0.01), p, m, r + [_ranking.SEAT_FIRST_REASON])
