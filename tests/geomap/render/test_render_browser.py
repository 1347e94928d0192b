"""The map in a real headless browser (Debian's chromium + chromedriver, driven by selenium).

Every network request is blocked (a dead proxy, no DNS, and DevTools' URL block list), so the
offline map must work from the file alone. The tests look at what a person would see: the
markers (or clusters adding up to them), the legend, the layer control, the border and corridor
lines, popups, the time slider, and that text from articles shows exactly as typed without
running as code. A screenshot of the seed map is saved (set ``GEOMAP_SCREENSHOT_DIR`` to keep it).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from geomap.incidents._model import Incident
from geomap.render import render_map, save_map

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
REPO = Path(__file__).resolve().parents[3]
ARTICLE = REPO / "geomap" / "data" / "example-article.txt"

# Each payload records that it ran instead of calling alert(); window.alert records too.
PWN = "window.__pwned.push"
EVIL = ("<img src=x onerror=\"" + PWN + "('img')\"></script><script>" + PWN + "('script')</script>"
        "${" + PWN + "('template')}`+" + PWN + "('backtick')+`\\u0041\\x41\\\\ \u2028end"
        "{{ 7*7 }}{% if 1 %}jinja{% endif %}")

_PRELUDE = """
window.__pwned = [];
window.__errors = [];
window.alert = function (m) { window.__pwned.push('alert:' + m); };
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
"""


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver at /usr/bin (apt-get install chromium "
                    "chromium-driver; .ci/run installs them)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install selenium)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--disable-background-networking", "--disable-component-update", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _PRELUDE})
    yield driver
    driver.quit()


def load(driver, path: Path, timeout: float = 20.0) -> float:
    """Open the page and wait until the markers are in; return the seconds it took."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    start = time.perf_counter()
    driver.get(path.as_uri())
    while not driver.execute_script("return !!(window.geomap && window.geomap.ready)"):
        if time.perf_counter() - start > timeout:
            raise AssertionError(f"the map was not ready after {timeout} s: {driver.execute_script('return window.__errors')}")
        time.sleep(0.05)
    return time.perf_counter() - start


def requests(driver) -> list[str]:
    out = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            out.append(message["params"]["request"]["url"])
    return out


def console_errors(driver) -> list:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] + driver.execute_script(
        "return window.__errors")


def shown_markers(driver) -> int:
    """Markers on screen plus the incidents inside the clusters on screen."""
    return driver.execute_script("""
        var n = document.querySelectorAll('.leaflet-marker-pane .gm-marker').length;
        document.querySelectorAll('.leaflet-marker-pane .gm-cluster span').forEach(function (s) { n += +s.textContent; });
        return n;""")


SEED = REPO.parent / "shared" / "examples" / "armenia-azerbaijan-2023-03-20.txt"


@pytest.fixture(scope="module", params=["bundled", "seed"])
def seed_map(request, tmp_path_factory, gaz):
    """The offline map of the bundled example article, and of the seed article the project started from
    (read from ../shared/examples, never copied into the repo)."""
    from geomap.text._readers import read_document
    from geomap.incidents._extract import extract_incidents

    if request.param == "seed":
        if not SEED.is_file():
            pytest.skip(f"{SEED} is absent (the team's shared examples)")
        incidents = extract_incidents(read_document(SEED), published="2023-03-20", gazetteer=gaz)
        title = "Armenia–Azerbaijan, 20 March 2023 (seed article)"
    else:
        incidents = extract_incidents(read_document(ARTICLE), gazetteer=gaz)
        title = "South Caucasus: example article"
    path = tmp_path_factory.mktemp("map") / f"{request.param}-map.html"
    save_map(render_map(incidents, offline=True, title=title, gazetteer=gaz), path)
    return path, incidents


def test_the_offline_seed_map_works_without_network(browser, seed_map):
    path, incidents = seed_map
    seconds = load(browser, path)
    time.sleep(0.5)  # let the minimap and late timers run: their errors count too
    assert console_errors(browser) == []
    assert [u for u in requests(browser) if not u.startswith(("file:", "data:"))] == []
    assert shown_markers(browser) == len(incidents) > 0
    # The legend: every type with its count.
    legend = browser.execute_script("return document.querySelector('.gm-legend').innerText")
    for event_type in {i.event_type for i in incidents}:
        count = sum(i.event_type == event_type for i in incidents)
        assert f"{event_type}\t{count}" in legend or f"{event_type}\n{count}" in legend or (
            event_type in legend and str(count) in legend)
    # The layer control lists the types, the switches and the borders.
    control = browser.execute_script("return document.querySelector('.leaflet-control-layers').innerText")
    for label in ("Cluster markers", "Heatmap", "Country borders", "Border lines", "Corridors",
                  "Disputed and breakaway areas", *{i.event_type for i in incidents}):
        assert label in control
    # The Armenia–Azerbaijan border (dashed red) and the Lachin corridor (purple) are drawn.
    strokes = browser.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-gmBorders-pane path')).map(p => p.getAttribute('stroke'))")
    assert "#b2182b" in strokes and "#542788" in strokes and "#e08214" in strokes
    assert browser.find_elements("css selector", ".gm-title") and browser.find_elements("css selector", ".gm-minimap")
    assert browser.find_elements("css selector", ".leaflet-control-scale")
    assert "Natural Earth" in browser.find_element("css selector", ".leaflet-control-attribution").text
    shot = path.with_suffix(".png")
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("GEOMAP_SCREENSHOT_DIR"):
        shutil.copy(shot, Path(os.environ["GEOMAP_SCREENSHOT_DIR"]) / shot.name)
    assert seconds < 10


def test_popup_slider_and_cluster_switch(browser, seed_map):
    path, incidents = seed_map
    load(browser, path)
    # Clustering off: every incident is its own marker.
    browser.execute_script("geomap.map.removeLayer(geomap.clustering)")
    assert browser.execute_script("return document.querySelectorAll('.gm-marker').length") == len(incidents)
    # A popup shows the type, date, evidence with the trigger highlighted.
    browser.execute_script("geomap.layer.group.fire('click', {layer: geomap.layer.marker(0)})")
    popup = browser.execute_script("return document.querySelector('.leaflet-popup-content').textContent")
    first = incidents[0]
    assert first.event_type in popup and first.event_date.isoformat() in popup and first.notes[:20] in popup
    if first.trigger_start >= 0:
        assert browser.execute_script(
            "return document.querySelector('.leaflet-popup-content mark.gm-trigger').textContent") == first.trigger
    # The time slider: only the newest day left.
    dated = sorted(i.event_date for i in incidents if i.event_date)
    if len(set(dated)) > 1:
        last = (dated[-1] - datetime.date(1970, 1, 1)).days
        browser.execute_script(f"geomap.timeline.set({last}, {last})")
        assert browser.execute_script("return geomap.visible") == sum(i.event_date == dated[-1] for i in incidents)
        assert " of " in browser.execute_script("return document.querySelector('.gm-legend').textContent")
        browser.execute_script("geomap.timeline.set(-1e9, 1e9)")
    # A type switched off in the layer control leaves the map and greys out in the legend.
    browser.execute_script("geomap.map.removeLayer(geomap.toggles[0])")
    first_type = browser.execute_script("return geomap.data.types[0].name")
    assert browser.execute_script("return geomap.visible") == sum(i.event_type != first_type for i in incidents)
    assert browser.find_elements("css selector", ".gm-legend-row.gm-off")
    # The heatmap draws the shown incidents on its canvas.
    browser.execute_script("geomap.map.addLayer(geomap.toggles[0]); geomap.map.addLayer(geomap.heat)")
    assert browser.execute_script("return geomap.heat._latlngs.length") == len(incidents)
    assert browser.find_elements("css selector", "canvas.leaflet-heatmap-layer")
    assert console_errors(browser) == []


def evil_incidents() -> list[Incident]:
    out = []
    for k, (event_type, sub) in enumerate([("Battles", "Armed clash"), ("Protests", "Peaceful protest")]):
        notes = f"{EVIL} shelled {EVIL} in {EVIL}."
        out.append(Incident(
            f"{EVIL}:{k}", datetime.date(2023, 2, 20 + k), 1, "Political violence", event_type, sub,
            actor1=EVIL, actor2=EVIL, country=EVIL, iso="AZ", admin1=EVIL, admin2=EVIL, location=EVIL,
            latitude=39.0 + k, longitude=46.5 + k, geo_precision=1 + k, fatalities=1, injuries=2, source=EVIL,
            source_url="javascript:" + PWN + "('href')", notes=notes, evidence_start=0, evidence_end=len(notes),
            trigger=EVIL, trigger_start=len(EVIL) + 1, trigger_end=len(EVIL) + 8, place_id=EVIL,
            place_start=notes.rindex(EVIL), place_end=notes.rindex(EVIL) + len(EVIL)))
    return out


@pytest.mark.parametrize("offline", [True])
def test_injected_text_never_runs_and_shows_as_typed(browser, tmp_path, offline, gaz):
    incidents = evil_incidents()
    path = save_map(render_map(incidents, offline=offline, title=EVIL, subtitle=EVIL, gazetteer=gaz),
                    tmp_path / "evil.html")
    load(browser, path)
    browser.execute_script("geomap.map.removeLayer(geomap.clustering)")
    # Open every popup and tooltip, so that everything that can reach the page does.
    texts = browser.execute_script("""
        var out = [];
        geomap.data.rows.forEach(function (r, i) {
          var m = geomap.layer.marker(i);
          geomap.layer.group.fire('click', {layer: m});
          out.push(document.querySelector('.leaflet-popup-content').textContent);
          geomap.layer.group.fire('mouseover', {layer: m});
          out.push(document.querySelector('.leaflet-tooltip').textContent);
        });
        return out;""")
    time.sleep(0.3)  # an injected <img onerror> would fire asynchronously
    assert browser.execute_script("return window.__pwned") == []
    assert console_errors(browser) == []
    title = browser.find_element("css selector", ".gm-title-main")
    assert browser.execute_script("return arguments[0].textContent", title) == EVIL
    assert browser.execute_script("return document.title") == EVIL.replace("\u2028", " ") or \
        browser.execute_script("return document.title").startswith("<img src=x")
    popup = texts[0]
    assert popup.count(EVIL) >= 6  # actors, location, admin1, country, evidence (×3), source, id
    assert EVIL in texts[1]
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-popup-content mark')).map(m => m.textContent)")
    assert marks == ["shelled", EVIL]
    assert not browser.find_elements("css selector", ".leaflet-popup-content a")  # the javascript: link is gone
    assert not browser.find_elements("css selector", "img[src='x']")


def test_clusters_add_up_zoom_in_and_list_incidents_at_one_place(browser, tmp_path):
    same = [Incident(f"s{k}", datetime.date(2023, 2, 20 + k), 1, "Political violence", "Battles", "Armed clash",
                     location="Lachin", latitude=39.64, longitude=46.55, notes=f"Clash number {k}.")
            for k in range(3)]
    near = [Incident(f"n{k}", datetime.date(2023, 3, 1), 1, "Demonstrations", "Protests", "Peaceful protest",
                     location="Goris", latitude=39.5 + k * 0.01, longitude=46.33) for k in range(4)]
    path = save_map(render_map(same + near, offline=True, borders=False), tmp_path / "clusters.html")
    load(browser, path)
    browser.execute_script("geomap.map.setZoom(5)")
    assert shown_markers(browser) == 7
    assert browser.find_elements("css selector", ".gm-cluster")
    # A cluster of one place opens one popup that lists its incidents.
    listed = browser.execute_script("""
        var c = geomap.layer.group.getLayers().filter(function (l) { return l.gmPoints; })[0];
        geomap.map.setView(c.getLatLng(), 18);
        c = geomap.layer.group.getLayers().filter(function (l) { return l.gmPoints; })[0];
        geomap.layer.group.fire('click', {layer: c});
        return document.querySelector('.gm-list').textContent;""")
    assert "3 incidents at this place" in listed and all(f"Clash number {k}." in listed for k in range(3))
    # Clustering off: every marker in view is shown on its own.
    browser.execute_script("geomap.map.removeLayer(geomap.clustering); geomap.map.fitBounds([[39.4, 46.2], [39.7, 46.6]])")
    assert browser.execute_script("return document.querySelectorAll('.gm-marker').length") == 7
    assert console_errors(browser) == []
