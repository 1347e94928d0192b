"""The :class:`Gazetteer`: ranked name lookup, ids, prefix search and reverse geocoding."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Iterable

from . import _composite, _ranking, _rerank, _reverse
from ._reverse import ReverseResult
from ._validate import MAX_LIMIT, check_coordinates, check_limit, check_max_km, check_point, check_query, check_text
from .errors import InvalidQuery, PlaceNotFound, UnknownCountry
from .models import Candidate, Kind, MatchType, Place, parse_kinds
from .normalize import index_keys, normalize_name
from .store import Store, row_to_place

__all__ = ["Gazetteer", "ReverseResult"]

# Kinds the press abbreviates with dots ("U.S.", "Calif.", "N.B.").
_ABBREVIATED_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1})
_FUZZY_MIN_RATIO = 85.0
_CACHE_SIZE = 100_000
# What a town may contain: its quarters, suburbs and landmarks.
_PARTS_OF_TOWNS = frozenset({Kind.POPULATED_PLACE, Kind.LANDMARK})
# A prefix search scores at most this many of the likeliest names that start with it.
_SEARCH_ROWS = 200
# Words of institution and venue names that name no place on their own.
_NOT_PLACE_WORDS = frozenset("""university college school hospital center centre council bank court house office
airport station stadium park street road avenue square tower hotel church mosque temple club city state world cup
international national federal central north south east west northern southern eastern western upper lower new
the of and de la el al area region district county province zone valley coast belt bay beach hill hills heights
lake river island islands mountain mountains library museum theatre theater inn farm farms market mall plaza
palace castle chapel cathedral embassy ministry academy institute empire home service police government company
group trust foundation society union league party army forces""".split())


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
        self._plain: dict[tuple[Any, ...], tuple[Candidate, ...]] = {}  # by name, country and fuzzy as given
        self._containers = _composite.ContainerReader(self)

    # -- lookup -------------------------------------------------------------------------------
    def lookup(self, name: str, *, admin1: str | None = None, admin2: str | None = None, country: str | None = None,
               kinds: Any = None, near: tuple[float, float] | None = None, limit: int = 10,
               fuzzy: bool = True) -> list[Candidate]:
        """Places that a name may mean, best first.

        A name may be written with the areas that contain it, after it or, after a
        comma, before it: "Paris, Texas", "Paris TX", "Seattle WA USA", "London, ON,
        CA", "Germany, Aachen". A container is a country (name, short form or ISO
        code), an admin-1 area (name, postal or ISO 3166-2 code: TX, ON, NSW, NRW) or
        an admin-2 area; the answer lies inside all of them, and each candidate's
        reasons say which container it matched. A name is split so only when the
        whole string is no name ("Bosnia and Herzegovina", "Kansas City") or, with a
        comma, when the split reading finds a place.

        Parameters
        ----------
        name : str
            A place name in any script or spelling ("Laçın", "Лачин", "Berdzor"),
            possibly with its containers.
        admin1, admin2 : str, optional
            The admin-1 (name or code: "Texas", "TX") or admin-2 area the place lies in,
            without parsing them out of ``name``.
        country : str, optional
            The country: ISO 3166-1 alpha-2 or alpha-3 code, or its name.
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
            Possibly empty: nothing by that name, or nothing by that name inside the
            containers written or given (never a namesake elsewhere).

        Raises
        ------
        InvalidQuery
            Empty or over-long name, bad ``limit``, ``kinds`` or ``near``.
        UnknownCountry
            A ``country`` the gazetteer does not know.
        PlaceNotFound
            An ``admin1`` or ``admin2`` that names no such area (in ``country``).

        Examples
        --------
        >>> gaz = Gazetteer()
        >>> [c.place.country for c in gaz.lookup("Tripoli", limit=2)]
        ['LY', 'LB']
        >>> gaz.lookup("Zangilan", kinds="admin1")[0].place.kind.value
        'admin1'
        >>> best = gaz.lookup("Paris, TX")[0]
        >>> best.place.admin1, best.reasons[-1]
        ('Texas', "in admin1 Texas (written 'TX')")
        >>> gaz.lookup("Paris", admin1="Ontario")[0].place.country
        'CA'
        """
        # A plain name asked before, exactly as now: answered before any checking or normalising.
        plain = (type(name) is str and type(limit) is int and type(fuzzy) is bool and kinds is None and near is None
                 and admin1 is None and admin2 is None and (country is None or type(country) is str))
        if plain:
            done = self._plain.get((name, country, fuzzy))
            if done is not None and 1 <= limit <= MAX_LIMIT:
                return list(done[:limit])
        text = check_query(name)
        limit = check_limit(limit)
        cc = self._country_code(country) if country is not None else None
        kind_set = parse_kinds(kinds)
        if near is not None:
            near = check_point(near)
        fuzzy = bool(fuzzy)
        structured = (check_text(admin1, "admin1") if admin1 is not None else None,
                      check_text(admin2, "admin2") if admin2 is not None else None)
        # A query asked before, as written: no normalising, no reading of its abbreviations.
        asked = (text, cc, kind_set, near, fuzzy, structured)
        done = self._asked.get(asked)
        if done is not None:
            return list(done[:limit])
        key = normalize_name(text)
        if not key:
            raise InvalidQuery(f"{name!r} has no letters or digits to look up")
        if structured != (None, None):
            ranked = self._structured(text, key, cc, kind_set, near, fuzzy, *structured)
        else:
            ranked = self._answer(text, key, cc, kind_set, near, fuzzy)
        # "Western Province" and "Western" share their key; the province word speaks against a region.
        if _ranking.names_admin_word(text):
            ranked = tuple(_ranking.penalize_admin_misfits(ranked, text))
        if len(self._asked) >= _CACHE_SIZE:
            self._asked.clear()
            self._plain.clear()
        self._asked[asked] = ranked
        if plain:
            self._plain[(name, country, fuzzy)] = ranked
        return list(ranked[:limit])

    def _answer(self, text: str, key: str, cc: str | None, kind_set: Any, near: tuple[float, float] | None,
                fuzzy: bool) -> tuple[Candidate, ...]:
        """A name's candidates: the whole string as a name, else as a name with containers, else near matches."""
        whole = self._named(text, key, cc, kind_set, near)
        good = any(c.match is not MatchType.DEMONYM for c in whole)
        turned = _composite.turned_round(text) if not good else None
        if turned:  # "Congo, Democratic Republic of the", "Gambia, The"
            whole = self._named(turned, normalize_name(turned), cc, kind_set, near) or whole
            good = any(c.match is not MatchType.DEMONYM for c in whole)
        if " " in key and (not good or "," in text):
            split = self._split(text, cc, kind_set, near, fuzzy)
            # With a comma, a split that finds a place beats a whole-string name ("Washington, D.C." is both).
            if split is not None and (split or not good):
                return split
        if whole:
            return whole
        return self._fallback(text, key, cc, kind_set, near, fuzzy)

    def _named(self, text: str, key: str, cc: str | None, kind_set: Any,
               near: tuple[float, float] | None) -> tuple[Candidate, ...]:
        """Places whose names (or alternate names) are the key, ranked; cached."""
        codes = _ranking.capital_codes(text) if " " in key else frozenset()
        cache_key = (key, cc, kind_set, near, _ranking.written_as_abbreviation(text),
                     _ranking.written_as_word_abbreviation(text), codes)
        ranked = self._cache.get(cache_key)
        if ranked is None:
            cands = self._score(self.store.places_by_key(key), key, text, cc, kind_set, near, None)
            # "Şuşa" is also looked up as "shusha": names are indexed under such spellings too.
            for other in index_keys(text) - {key}:
                cands = _best_per_place(cands + self._score(self.store.places_by_key(other), other, text, cc,
                                                            kind_set, near, None))
            ranked = _sorted(cands)
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # a simple bound; names repeat within a corpus, so it refills fast
            self._cache[cache_key] = ranked
        return ranked

    def _fallback(self, text: str, key: str, cc: str | None, kind_set: Any, near: tuple[float, float] | None,
                  fuzzy: bool) -> tuple[Candidate, ...]:
        # Neither fallback is sure to be right: offer both, ranked together
        # ("Petion Ville" is a near spelling of Pétion-Ville, not a place named "Ville").
        codes = _ranking.capital_codes(text) if " " in key else frozenset()
        partial = self._partial(key, text, cc, kind_set, near, codes) if " " in key else []
        near_spellings = self._fuzzy(key, text, cc, kind_set, near) if fuzzy and len(key) >= 4 else []
        return _sorted(_best_per_place(partial + near_spellings))

    def _inside(self, name: str, cc: str | None, kind_set: Any, near: tuple[float, float] | None, fuzzy: bool,
                containers: tuple[tuple[str, tuple[Place, ...]], ...]) -> tuple[Candidate, ...]:
        """The places called ``name`` inside every container, with a reason for each container."""
        key = normalize_name(name)
        if not key:
            return ()
        cands = [c for c in self._named(name, key, cc, kind_set, near) if c.match is not MatchType.DEMONYM]
        if _names_a_country(self._named(name, key, None, None, None)):
            # A country's name inside containers is a place's own name ("Georgia, USA", "Peru, Indiana"),
            # not an alternate name of a village ("Taiwan, Province of China" is no Chinese Dawan).
            cands = [c for c in cands if c.match is MatchType.EXACT]
        inside = (_composite.filter_inside(cands, containers)
                  or _composite.filter_inside(cands, containers, self._covers))
        if not inside and fuzzy and len(key) >= 4:
            inside = _composite.filter_inside(self._fuzzy(key, name, cc, kind_set, near), containers)
        return _sorted([dataclasses.replace(c, reasons=c.reasons + tuple(why)) for c, why in inside])

    def _split(self, text: str, cc: str | None, kind_set: Any, near: tuple[float, float] | None,
               fuzzy: bool) -> tuple[Candidate, ...] | None:
        """The places a query names read as a name with containers; ``None`` when it reads as none.

        Empty when a sure reading finds no such place inside: one whose name is a place
        elsewhere (not a country), with a comma or with a country or state among its
        containers ("Paris, Germany", "Cancun Texas"; but "British Embassy Tokyo" names no
        place in Tokyo, and "Taiwan, Province of China" no Chinese place: both are read otherwise).
        """
        sure = None
        for reading in self._containers.readings(text):
            if set(normalize_name(reading.name).split()) <= _NOT_PLACE_WORDS:
                continue  # "the Western US" is the US, not a place called "Western" in it
            found = self._inside(reading.name, cc, kind_set, near, False, reading.containers)
            if found:
                return found
            if sure is None and (reading.comma or reading.strong):
                key = normalize_name(reading.name)
                # "Czech" is an adjective, not a place that "Czech Republic of Armenia" puts there; "中国" (no name
                # the gazetteer knows) in "北京, 中国" is not a place in Beijing.
                named = self._named(reading.name, key, None, None, None) if key else ()
                if any(c.match is not MatchType.DEMONYM for c in named) and not _names_a_country(named):
                    sure = reading
        if sure is not None and fuzzy:
            # A misspelt name ("Sprinfield, IL"): near spellings inside its containers, for the
            # first sure reading only, as near spellings are slow to find.
            return self._inside(sure.name, cc, kind_set, near, True, sure.containers)
        return () if sure is not None else None

    def _structured(self, text: str, key: str, cc: str | None, kind_set: Any, near: tuple[float, float] | None,
                    fuzzy: bool, admin1: str | None, admin2: str | None) -> tuple[Candidate, ...]:
        containers = []
        for written, kind in ((admin1, Kind.ADMIN1), (admin2, Kind.ADMIN2)):
            if written is None:
                continue
            areas = tuple(a for a in self._containers.areas(written, frozenset({kind}))
                          if cc is None or a.country == cc)
            if not areas:
                where = f" in {cc}" if cc else ""
                raise PlaceNotFound(written, f"no {kind.value} area {written!r}{where} in the gazetteer")
            containers.append((written, areas))
        return self._inside(text, cc, kind_set, near, fuzzy, tuple(containers))

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
                reasons = [f"fuzzy {fuzzy_ratio:.0f}% {base:.2f}"] + ([] if flag == 0 else [_rerank.FUZZY_ALIAS_REASON])
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
        _rerank.prefer_towns_over_their_areas(scored)
        _rerank.prefer_areas_over_city_named_seats(scored, key, self.store)
        if _ranking.written_as_word_abbreviation(text):
            _rerank.prefer_area_abbreviations(scored)
        _rerank.prefer_owners_of_the_name(scored, key)
        _rerank.prefer_current_over_historical(scored)
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
                    if code and not _ranking.names_by_code(sub, c):
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

        # Block on the first two letters (a misspelling rarely starts wrong; a few thousand keys).
        prefix = key[:2]
        keys = [k for k in self.store.keys_between(prefix, prefix + "\x7f") if abs(len(k) - len(key)) <= 3]
        hits = [h for h in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN_RATIO, limit=10)
                if _ranking.within_a_typo(key, h[0])]
        out: list[tuple[float, Candidate]] = []
        for hit_key, ratio, _ in hits:
            out += [(ratio, c) for c in self._score(self.store.places_by_key(hit_key), hit_key, text, cc, kind_set,
                                                     near, ratio)]
        return _best_per_place(_rerank.drop_borrowed_near_spellings(out))

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
        row = self.store.place_row(check_text(place_id, "a place id"))
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
        limit = check_limit(limit)
        if not prefix:
            raise InvalidQuery(f"{text!r} has no letters or digits to search for")
        by_key: dict[str, list[tuple[Any, ...]]] = {}
        for row in self.store.rows_by_prefix(prefix, max(_SEARCH_ROWS, 10 * limit)):
            by_key.setdefault(row[0], []).append(row[1:])
        found: list[Candidate] = []
        for key, rows in by_key.items():
            found += self._score(rows, key, text, None, None, None, None)
        return list(_sorted(_best_per_place(found))[:limit])

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
        max_km = check_max_km(max_km)
        best = _reverse.nearest_town(self.store, self._place, lat, lon, max_km)
        areas = _reverse.containing(self.store, self._place, self._poly_cache, lat, lon)
        return ReverseResult(nearest=best[1] if best else None, distance_km=round(best[0], 3) if best else None,
                             areas=tuple(areas))

    # -- helpers ------------------------------------------------------------------------------
    def _place(self, row: tuple[Any, ...]) -> Place:
        place = self._places.get(row[0])
        if place is None:
            place = row_to_place(row)
            if len(self._places) > 200_000:
                self._places.clear()
            self._places[row[0]] = place
        return place

    def _covers(self, area: Place, place: Place) -> bool:
        """Whether an area's polygon covers a place's point, a town's reach a smaller place ("Soho, London"),
        or a country governs a territory ("Hong Kong, China")."""
        if area.kind is Kind.POPULATED_PLACE:
            return (place.kind in _PARTS_OF_TOWNS and place.population < area.population
                    and _ranking.haversine_km(area.latitude, area.longitude, place.latitude, place.longitude)
                    <= _ranking.town_reach_km(area.population))
        if area.geometry_type not in ("Polygon", "MultiPolygon"):
            return False
        return self._containers.governs(area, place) or _reverse.covers(self._poly_cache, area, place.latitude, place.longitude)

    def _country_code(self, country: str) -> str:
        """The ISO alpha-2 code of a country given by code (alpha-2 or -3) or by name ("Germany")."""
        if not isinstance(country, str) or not country.strip():
            raise UnknownCountry(repr(country))
        if self._countries is None:
            self._countries = self.store.country_codes()
        cc = self._countries.get(country.strip().upper())
        if cc is None and len(country.strip()) > 3 and check_text(country, "a country"):
            named = {a.country for a in self._containers.areas(country, frozenset({Kind.COUNTRY}))}
            cc = named.pop() if len(named) == 1 else None
        if cc is None:
            raise UnknownCountry(country)
        return cc


def _names_a_country(ranked: tuple[Candidate, ...]) -> bool:
    """Whether a name's best-ranked place is a country (whose name a composite reading weighs apart)."""
    return bool(ranked) and ranked[0].place.kind is Kind.COUNTRY


def _best_per_place(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per place, the best-scored one."""
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.place.place_id not in best or c.score > best[c.place.place_id].score:
            best[c.place.place_id] = c
    return list(best.values())


def _sorted(cands: list[Candidate]) -> tuple[Candidate, ...]:
    """Candidates best first (ties by id, so that an answer never depends on the database's row order)."""
    return tuple(sorted(cands, key=lambda c: (-c.score, c.place.place_id)))
