"""Coordinates that look swapped: outside their stated country, inside it once swapped.

Such rows are kept as given and reported, never swapped silently: the
provider's values stay what they are, and the analyst decides.
"""

from __future__ import annotations

from typing import Any

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
    import pandas as pd
    import shapely

    y = cols["_latitude"]
    x = cols["_longitude"]
    n = len(y)
    has = np.isfinite(y) & np.isfinite(x) & chk.keep
    if not has.any():
        return
    if "country" not in cols and "iso" not in cols:
        return
    empty = pd.Series([""] * n, dtype=str) if "country" not in cols or "iso" not in cols else None
    country = pd.Series(cols["country"] if "country" in cols else empty).reset_index(drop=True)
    iso = pd.Series(cols["iso"] if "iso" in cols else empty).reset_index(drop=True).astype(str)
    # The code wins over the name where it is a letter code (it is unambiguous); ACLED's numeric codes don't count.
    key = iso.where(iso.str.fullmatch(r"[A-Za-z]{2,3}").fillna(False).astype(bool), country.astype(str))
    codes, uniques = pd.factorize(key)
    has &= codes >= 0
    if not has.any():
        return
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    cache: dict[Any, Any] = {}
    for j, k in enumerate(uniques.tolist()):
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
