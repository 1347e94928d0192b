"""Coordinates that look swapped: outside their stated country, inside it once swapped.

Such rows are kept as given and reported, never swapped silently: the
provider's values stay what they are, and the analyst decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["country_place", "flag_swapped"]


def country_place(gazetteer: Any, key: str, cache: dict[str, Any]) -> Any:
    """The gazetteer's country for an ISO code or a country name, or ``None``.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> country_place(Gazetteer(), "AZ", {}).name
    'Azerbaijan'
    """
    if key in cache:
        return cache[key]
    place = None
    from gazetteer import GazetteerError

    try:
        found = gazetteer.lookup(key, kinds="country", limit=1, fuzzy=False)
    except GazetteerError:  # an unknown or malformed name is no country: no check for these rows
        found = []
    if found:
        place = found[0].place
    cache[key] = place
    return place


def flag_swapped(cols: dict[str, Any], chk: Any, gazetteer: Any) -> None:
    """Add a row error (row kept) for each row whose (lat, lon) only fits its country swapped."""
    import numpy as np
    import shapely

    y = cols["_latitude"]
    x = cols["_longitude"]
    n = len(y)
    has = np.isfinite(y) & np.isfinite(x) & chk.keep
    if not has.any():
        return
    if "country" not in cols and "iso" not in cols:
        return
    codes, uniques = _country_keys(cols.get("iso"), cols.get("country"), n)
    has &= codes >= 0
    if not has.any():
        return
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    cache: dict[Any, Any] = {}
    for j, k in enumerate(uniques):
        if not k:
            continue
        place = country_place(gazetteer, k, cache)
        if place is None or place.geometry_wkb is None:
            continue
        geom = cache.get(("geom", place.place_id))
        if geom is None:
            geom = shapely.from_wkb(place.geometry_wkb)
            shapely.prepare(geom)
            cache[("geom", place.place_id)] = geom
        sel = np.flatnonzero(has & (codes == j))
        # Only a row whose swapped point falls in the country's bounding box can be flagged; for
        # nearly every row it does not, and the polygon tests are spared.
        minx, miny, maxx, maxy = geom.bounds
        sel = sel[(y[sel] >= minx) & (y[sel] <= maxx) & (x[sel] >= miny) & (x[sel] <= maxy)]
        if not len(sel):
            continue
        inside = shapely.contains_xy(geom, x[sel], y[sel])
        out = sel[~inside]
        if not len(out):
            continue
        # Swapped, the latitude becomes a longitude and must be a valid latitude itself.
        ok = np.abs(x[out]) <= 90
        swapped = np.zeros(len(out), dtype=bool)
        swapped[ok] = shapely.contains_xy(geom, y[out][ok], x[out][ok])
        hit = np.zeros(n, dtype=bool)
        hit[out[swapped]] = True
        values = np.full(n, "", dtype=object)
        values[hit] = [f"{a}, {b}" for a, b in zip(y[hit].tolist(), x[hit].tolist())]
        chk.flag(hit, "latitude", values,
                 f"coordinates look swapped: (latitude, longitude) lies outside {place.name} but inside it "
                 "once swapped; kept as given", drop=False)


def _country_keys(iso: Any, country: Any, n: int) -> tuple[np.ndarray, list[Any]]:
    """Each row's country key, as codes into the distinct keys (``-1`` for none).

    The key is the ISO code where it is a letter code (it is unambiguous; ACLED's numeric
    codes don't count), else the country's name. It is worked out once per distinct
    (code, name) pair, not per row.
    """
    import numpy as np
    import pandas as pd

    from ._columns import distinct

    absent = (np.zeros(n, dtype=np.int64), pd.Series([""], dtype=str))  # "" in every row
    ci, isos = distinct(pd.Series(iso)) if iso is not None else absent
    cc, countries = distinct(pd.Series(country)) if country is not None else absent
    iso_text = isos.astype(str)
    letters = iso_text.str.fullmatch(r"[A-Za-z]{2,3}").fillna(False).astype(bool).to_numpy()
    k = len(countries)
    pair_codes, pairs = pd.factorize((ci % len(isos)) * k + cc % k)
    i, c = np.divmod(np.asarray(pairs, dtype=np.int64), k)
    keys = np.where(letters[i], iso_text.to_numpy(dtype=object)[i], countries.astype(str).to_numpy(dtype=object)[c])
    key_codes, uniques = pd.factorize(pd.Series(keys, dtype=object))
    return key_codes[pair_codes], uniques.tolist()
