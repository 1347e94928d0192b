"""The map page on real screens, in headless Chromium with every request that leaves the file blocked.

A desktop (1400×900) and a phone (390×844): the basemap, incidents and town names show without
network; panels never cover one another; a popup opened near the top is fully visible; country
names never overlap at world zoom; an incident placed at a country draws that country; markers at
one spot fan out. Screenshots go to ``GEOMAP_SCREENSHOT_DIR`` when it is set.
"""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

import pytest

from geomap.incidents import Incident
from geomap.render import render_map, save_map

from .test_render_browser import ARTICLE, browser, console_errors, load, requests, shown_markers  # noqa: F401

DESKTOP, PHONE = (1400, 900), (390, 844)

# Boxes of everything that sits over the map: the panels and the fixed controls.
PANEL_BOXES = """
var sel = {title: '.gm-title', layers: '.leaflet-control-layers', legend: '.gm-legend', dates: '.gm-timeline',
           minimap: '.gm-minimap', attribution: '.leaflet-control-attribution', zoom: '.leaflet-control-zoom',
           fullscreen: '.gm-fullscreen', scale: '.leaflet-control-scale'};
var out = {};
Object.keys(sel).forEach(function (k) {
  var el = document.querySelector(sel[k]);
  if (!el) return;
  var r = el.getBoundingClientRect();
  if (r.width && r.height) out[k] = [r.left, r.top, r.right, r.bottom];
});
return out;"""


def viewport(driver, size: tuple[int, int]) -> None:
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def overlapping(boxes: dict[str, list[float]]) -> list[tuple[str, str]]:
    names = sorted(boxes)
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = boxes[a], boxes[b]
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                out.append((a, b))
    return out


def screenshot(driver, name: str) -> None:
    folder = os.environ.get("GEOMAP_SCREENSHOT_DIR")
    if folder:
        driver.save_screenshot(str(Path(folder) / name))


@pytest.fixture(scope="module")
def example_map(tmp_path_factory, gaz):
    """The README's map: the bundled article, default options (no tiles)."""
    from geomap.text._readers import read_document
    from geomap.incidents._extract import extract_incidents

    incidents = extract_incidents(read_document(ARTICLE), gazetteer=gaz)
    path = tmp_path_factory.mktemp("layout") / "example-map.html"
    save_map(render_map(incidents, title="South Caucasus: example article", gazetteer=gaz), path)
    return path, incidents


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_without_network_the_default_page_shows_basemap_incidents_and_town_names(browser, example_map, size):
    path, incidents = example_map
    viewport(browser, size)
    load(browser, path)
    time.sleep(0.5)
    assert [u for u in requests(browser) if not u.startswith(("file:", "data:"))] == []
    assert console_errors(browser) == []
    # The land: filled paths in the basemap pane, covering much of the screen.
    land = browser.execute_script("""
        var paths = document.querySelectorAll('.leaflet-gmBase-pane path');
        return [paths.length, paths.length ? paths[0].getAttribute('fill') : null]""")
    assert land[0] > 0 and land[1] == "#f3f0e8"
    assert shown_markers(browser) == len(incidents) > 0
    towns = browser.execute_script("""
        return Array.from(document.querySelectorAll('.gm-town')).map(function (e) {
          var r = e.getBoundingClientRect();
          return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
    width, height = size
    assert len(towns) >= 8 and "Goris" in [t[0] for t in towns]  # the town between the example's incidents
    assert all(0 <= t[1] and t[3] <= width and 0 <= t[2] and t[4] <= height for t in towns)
    assert not overlapping({t[0]: t[1:] for t in towns})
    screenshot(browser, f"example-{width}x{height}.png")


def test_failed_tiles_show_the_basemap_and_the_names_underneath(browser, tmp_path, gaz):
    items = [Incident("t:0", datetime.date(2023, 2, 20), 1, "Political violence", "Battles", "Armed clash",
                      location="Goris", latitude=39.51, longitude=46.34)]
    path = save_map(render_map(items, tiles="osm", borders=False, gazetteer=gaz), tmp_path / "tiles.html")
    viewport(browser, DESKTOP)
    load(browser, path)
    deadline = time.time() + 10
    while time.time() < deadline and not browser.execute_script("return geomap.map.hasLayer(geomap.names)"):
        time.sleep(0.1)
    assert browser.execute_script("return geomap.map.hasLayer(geomap.names)"), "the names came back"
    tiles = browser.execute_script("""return Array.from(document.querySelectorAll('.leaflet-gmTiles-pane img'))
        .map(function (i) { return getComputedStyle(i).visibility; })""")
    assert tiles and set(tiles) == {"hidden"}  # every tile failed (no network) and none shows a broken image
    assert browser.find_elements("css selector", ".leaflet-gmBase-pane path")
    assert browser.find_elements("css selector", ".gm-town")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_panel_covers_another(browser, example_map, size):
    path, _ = example_map
    viewport(browser, size)
    load(browser, path)
    boxes = browser.execute_script(PANEL_BOXES)
    assert {"title", "layers", "legend", "dates", "minimap", "attribution"} <= set(boxes)
    assert overlapping(boxes) == []
    folded = browser.execute_script("return geomap.folded")
    if size == DESKTOP:
        assert folded == []  # room for everything: nothing folds
    else:
        assert "minimap" in folded and "layers" in folded
        # A folded panel opens again on a tap, inside the screen, and closes the open panels it would cover.
        browser.execute_script("document.querySelector('.gm-timeline .gm-open').click()")
        browser.execute_script("document.querySelector('.gm-legend .gm-open').click()")
        boxes = browser.execute_script(PANEL_BOXES)
        left, top, right, bottom = boxes["legend"]
        assert 0 <= left and right <= size[0] and 0 <= top and bottom <= size[1]
        assert browser.execute_script("return geomap.folded").count("timeline") == 1
        assert browser.execute_script("return document.querySelector('.gm-legend').innerText").count("Battles") == 1


def test_a_popup_opened_near_the_top_edge_is_fully_visible_on_a_phone(browser, example_map):
    path, _ = example_map
    viewport(browser, PHONE)
    load(browser, path)
    browser.execute_script("geomap.map.removeLayer(geomap.clustering)")
    browser.execute_script("""
        var m = geomap.layer.marker(0), p = geomap.map.latLngToContainerPoint(m.getLatLng());
        geomap.map.panBy([0, p.y - 25], {animate: false});
        geomap.layer.group.fire('click', {layer: m});""")
    # The popup pans the map into view, animated, and the page places its names again on every move:
    # wait for the pan to end (the popup's box unchanged for a second), at most 10 s.
    popup = title = None
    steady = 0
    for _ in range(40):
        time.sleep(0.25)
        box, title = browser.execute_script("""
            var p = document.querySelector('.leaflet-popup').getBoundingClientRect(),
                t = document.querySelector('.gm-title').getBoundingClientRect();
            return [[p.left, p.top, p.right, p.bottom], [t.left, t.top, t.right, t.bottom]]""")
        steady = steady + 1 if box == popup else 0
        popup = box
        if steady >= 4:
            break
    width, height = PHONE
    assert 0 <= popup[0] and popup[2] <= width and 0 <= popup[1] and popup[3] <= height, popup
    assert popup[1] >= title[3], "the popup opens below the title, not under it"
    assert "Source:" in browser.execute_script("return document.querySelector('.leaflet-popup-content').textContent")
    screenshot(browser, "popup-390x844.png")


@pytest.mark.parametrize("zoom", [1, 2, 3, 4])
def test_country_names_never_overlap_at_world_zoom(browser, tmp_path_factory, gaz, zoom):
    path = tmp_path_factory.getbasetemp() / "world.html"
    if not path.exists():
        save_map(render_map([], gazetteer=gaz), path)
    viewport(browser, DESKTOP)
    load(browser, path)
    browser.execute_script(f"geomap.map.setView([30, 20], {zoom}, {{animate: false}})")
    labels = browser.execute_script("""
        return Array.from(document.querySelectorAll('.gm-country')).map(function (e) {
          var range = document.createRange(); range.selectNodeContents(e);
          var r = range.getBoundingClientRect();
          return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
    names = [label[0] for label in labels]
    assert len(names) >= (8 if zoom > 1 else 3) and ("Russia" in names or zoom > 3)
    assert overlapping({label[0]: label[1:] for label in labels}) == []
    towns = browser.execute_script("return document.querySelectorAll('.gm-town').length")
    assert towns > 0
    if zoom == 2:
        screenshot(browser, "world-1400x900.png")


@pytest.mark.parametrize("where", [
    dict(location="Syria", latitude=35.0, longitude=38.0, place_id="geonames:163843"),  # a country
    dict(location="Aleppo Governorate", admin1="Aleppo", latitude=36.2, longitude=37.6),  # a region, from a table row
], ids=["country", "region"])
def test_a_region_level_incident_shows_its_area_not_a_circle(browser, tmp_path, gaz, where):
    syria = Incident("s:0", datetime.date(2023, 2, 20), 1, "Political violence", "Battles", "Armed clash",
                     country="Syria", iso="SY", geo_precision=3, **where)
    town = Incident("s:1", datetime.date(2023, 2, 21), 1, "Political violence", "Battles", "Armed clash",
                    country="Syria", iso="SY", location="Aleppo", latitude=36.2, longitude=37.16, geo_precision=1)
    path = save_map(render_map([syria, town], borders=False, gazetteer=gaz), tmp_path / "syria.html")
    viewport(browser, DESKTOP)
    load(browser, path)
    shapes = browser.execute_script("""
        return Array.from(geomap.map.getPane('overlayPane').querySelectorAll('path')).map(function (p) {
          var r = p.getBoundingClientRect();
          return [p.getAttribute('d'), r.width, r.height]; })""")
    areas = [s for s in shapes if "a" not in s[0]]  # Leaflet draws circles with arc commands
    circles = [s for s in shapes if "a" in s[0]]
    assert len(areas) == 1 and areas[0][0].count("L") > 20  # the country's outline
    assert len(circles) == 1 and circles[0][1] < 20  # the town: a small circle of a couple of km
    assert areas[0][1] > 150 and areas[0][2] > 100  # the area fills the view, not a 50 km dot


@pytest.mark.parametrize("n", [2, 5, 9, 14])
def test_markers_at_one_spot_fan_out_when_unclustered(browser, tmp_path, gaz, n):
    same = [Incident(f"c{k}", datetime.date(2023, 2, 1 + k), 1, "Political violence", "Battles", "Armed clash",
                     location="Lachin", latitude=39.64, longitude=46.55) for k in range(n)]
    path = save_map(render_map(same, borders=False, cluster=False, gazetteer=gaz), tmp_path / "spider.html")
    viewport(browser, DESKTOP)
    load(browser, path)
    icons = browser.execute_script("""
        return Array.from(document.querySelectorAll('.gm-marker')).map(function (e) {
          var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    assert len(icons) == n
    assert overlapping({str(k): box for k, box in enumerate(icons)}) == []
    assert len(browser.find_elements("css selector", ".gm-spider-leg")) == n
    # Clustered again, they are one cluster at their true spot.
    browser.execute_script("geomap.map.addLayer(geomap.clustering)")
    assert shown_markers(browser) == n and browser.find_elements("css selector", ".gm-cluster")
    assert console_errors(browser) == []
