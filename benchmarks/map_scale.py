"""Map size and build time for many incidents, beside the floor: the same incidents as minimal GeoJSON.

Run from the repository root::

    python benchmarks/map_scale.py [--n 100000] [--no-browser]

Makes ``n`` synthetic incidents (random points in the South Caucasus, six event types,
two years of dates, a distinct evidence sentence each), then times, in one run:

* the floor: the incidents as a GeoJSON FeatureCollection of points with the properties the
  map shows (type, sub-type, date and precisions, fatalities, injuries, actors, place, source,
  link, evidence, id), written with orjson;
* the map: :func:`geomap.render.render_map` with clustering, offline (scripts and basemap
  inlined), rendered to HTML and written; "cold" is the first map of the process (gazetteer
  opened, basemap simplified), "warm" a second one;
* the page: seconds from opening the file in headless Chromium until every marker is in the
  cluster layer (``geomap.ready``), network blocked.

Goals: HTML <= 1.5x the GeoJSON, build <= 5x the GeoJSON time, interactive <= 10 s.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TYPES = {
    "Battles": ["Armed clash"], "Explosions/Remote violence": ["Shelling/artillery/missile attack", "Air/drone strike"],
    "Violence against civilians": ["Attack"], "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration"], "Strategic developments": ["Agreement", "Arrests"],
}
ACTORS = ["Military Forces of Armenia", "Military Forces of Azerbaijan", "Protesters (Azerbaijan)",
          "Protesters (Armenia)", "Civilians (Armenia)", "Police Forces of Azerbaijan", ""]
TRIGGERS = ["shelled", "clashed with", "protested near", "attacked", "fired on", "rallied in"]


def synthetic(n: int, seed: int = 7) -> list:
    from geomap.incidents import Incident

    rng = random.Random(seed)
    places = [(f"Village {k}", round(rng.uniform(38.5, 41.5), 5), round(rng.uniform(43.5, 49.5), 5))
              for k in range(2000)]
    start = datetime.date(2022, 1, 1)
    out = []
    for i in range(n):
        event_type = rng.choice(list(TYPES))
        name, lat, lon = rng.choice(places)
        lat, lon = round(lat + rng.uniform(-0.05, 0.05), 5), round(lon + rng.uniform(-0.05, 0.05), 5)
        trigger = rng.choice(TRIGGERS)
        a1, a2 = rng.choice(ACTORS), rng.choice(ACTORS)
        notes = f"Report {i}: {a1 or 'Unidentified forces'} {trigger} positions near {name}, officials said."
        t0 = notes.index(trigger)
        p0 = notes.index(name)
        out.append(Incident(
            f"syn:{i}", start + datetime.timedelta(days=rng.randrange(730)), rng.choice((1, 1, 1, 2, 3)),
            "Political violence", event_type, rng.choice(TYPES[event_type]), actor1=a1, actor2=a2,
            country="Azerbaijan", iso="AZ", admin1=f"District {hash(name) % 60}", location=name, latitude=lat,
            longitude=lon, geo_precision=rng.choice((1, 2, 3)), fatalities=rng.choice((0, 0, 0, 1, 2, 5)),
            injuries=rng.choice((None, None, 1, 3)), source="Synthetic Wire",
            source_url=f"https://news.example.org/2023/{i}", notes=notes, evidence_start=0,
            evidence_end=len(notes), trigger=trigger, trigger_start=t0, trigger_end=t0 + len(trigger),
            place_start=p0, place_end=p0 + len(name)))
    return out


_SHOWN = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
          "location", "admin1", "country", "geo_precision", "fatalities", "injuries", "source", "source_url",
          "notes", "trigger_start", "trigger_end", "place_start", "place_end")


def floor_geojson(incidents: list, path: Path) -> None:
    import orjson

    features = []
    for inc in incidents:
        props = {k: getattr(inc, k) for k in _SHOWN}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [inc.longitude,
                                                                                         inc.latitude]},
                         "properties": props})
    path.write_bytes(orjson.dumps({"type": "FeatureCollection", "features": features}))


def build_map(incidents: list, path: Path) -> None:
    from geomap.render import render_map, save_map

    save_map(render_map(incidents, offline=True, cluster=True, title="Synthetic incidents"), path)


def page_seconds(path: Path) -> float:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(120)
        t0 = time.perf_counter()
        driver.get(path.as_uri())
        while not driver.execute_script("return !!(window.geomap && window.geomap.ready)"):
            if time.perf_counter() - t0 > 120:
                raise RuntimeError("the page was not ready after 120 s")
            time.sleep(0.05)
        return time.perf_counter() - t0
    finally:
        driver.quit()


def _timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="how many incidents")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless-Chromium timing")
    args = parser.parse_args()

    incidents = synthetic(args.n)
    folder = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    geojson, html_cold, html_warm = folder / "floor.geojson", folder / "cold.html", folder / "map.html"
    floor = min(_timed(floor_geojson, incidents, geojson) for _ in range(3))
    cold = _timed(build_map, incidents, html_cold)
    warm = min(_timed(build_map, incidents, html_warm) for _ in range(2))
    g_size, h_size = geojson.stat().st_size, html_warm.stat().st_size
    print(f"{args.n:,} incidents")
    print(f"  GeoJSON (orjson, floor)  {g_size / 1e6:8.1f} MB  {floor:6.2f} s")
    print(f"  HTML map, clustered      {h_size / 1e6:8.1f} MB  {warm:6.2f} s warm, {cold:.2f} s cold")
    print(f"  ratio                    {h_size / g_size:8.2f} x   {warm / floor:6.2f} x warm, "
          f"{cold / floor:.2f} x cold   (goals: 1.5 x size, 5 x time)")
    if not args.no_browser:
        print(f"  page interactive in headless Chromium: {page_seconds(html_warm):.1f} s   (goal: 10 s)")


if __name__ == "__main__":
    main()
