"""The map page as HTML: content, escaping, offline assets, the compact data, and ``geomap map``.

What a person sees in a browser is checked in ``test_render_browser.py``.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import geomap.render
from geomap.cli import app
from geomap.incidents._model import Incident
from geomap.render import render_map, save_map
from geomap.render._escape import (
    html_attr,
    html_text,
    js_string,
    js_template_literal,
    json_for_script,
    layer_name,
    safe_url,
)

REPO = Path(__file__).resolve().parents[3]
ARTICLE = REPO / "geomap" / "data" / "example-article.txt"
EVIL = ("<img src=x onerror=alert(1)></script><script>alert(2)</script>${alert(3)}`+alert(4)+`\\u0041\\"
        "{{ 7*7 }}{% if 1 %}jinja{% endif %}{# c #}")
runner = CliRunner()


def incident(**kw) -> Incident:
    base = dict(event_id="d:0", event_date=datetime.date(2023, 2, 20), time_precision=1,
                disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
                location="Zangilan", latitude=39.08, longitude=46.66)
    base.update(kw)
    return Incident(**base)


def payload_of(html: str) -> dict:
    match = re.search(r"geomap\.render\(map_\w+, (\{.*\})\);", html)
    assert match, "no geomap.render(...) call in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def seed_incidents(gaz):
    from geomap.text._readers import read_document
    from geomap.incidents._extract import extract_incidents

    return extract_incidents(read_document(ARTICLE), gazetteer=gaz)


def test_all_is_sorted_and_public():
    assert geomap.render.__all__ == sorted(geomap.render.__all__)
    assert all(callable(getattr(geomap.render, name)) for name in geomap.render.__all__)


@pytest.mark.parametrize("func, text, expected", [
    (html_text, "<b>&\"'", "&lt;b&gt;&amp;&quot;&#x27;"),
    (html_attr, "\" onclick=`x`", "&quot; onclick=&#96;x&#96;"),
    (js_string, "</script>\u2028", "\"\\u003c/script\\u003e\\u2028\""),
    (js_template_literal, "`${x}`\\", "`\\`\\${x}\\`\\\\`"),
    (layer_name, "a\n<i>b</i>", "a &lt;i&gt;b&lt;/i&gt;"),
    (safe_url, "javascript:alert(1)", ""),
    (safe_url, "data:text/html,<script>", ""),
    (safe_url, "https://example.org/x?a=<b>", "https://example.org/x?a=<b>"),
])
def test_each_context_has_its_escape(func, text, expected):
    assert func(text) == expected


def test_json_for_script_is_inert_html_and_the_same_value():
    value = {"t": EVIL + "\u2028\u2029<!--"}
    text = json_for_script(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value
    with pytest.raises(ValueError):
        json_for_script({"x": float("nan")})


def test_the_seed_map_has_types_counts_borders_and_corridors(seed_incidents):
    html = render_map(seed_incidents, title="Seed").get_root().render()
    data = payload_of(html)
    assert sum(t["count"] for t in data["types"]) == len(data["rows"]) == len(seed_incidents)
    assert {t["name"] for t in data["types"]} == {i.event_type for i in seed_incidents}
    keys = {b["key"]: b for b in data["borders"]}
    assert {"countries", "borders", "disputed", "corridors"} <= set(keys)
    assert "Armenia–Azerbaijan border" in [f["name"] for f in keys["borders"]["features"]]
    assert "Lachin corridor" in [f["name"] for f in keys["corridors"]["features"]]
    assert "Nagorno-Karabakh" in [f["name"] for f in keys["disputed"]["features"]]
    assert data["basemap"] and data["tiles"] is None, "every map draws its own basemap; tiles are opt-in"
    countries = [c["name"] for c in data["countries"]]
    assert {"Armenia", "Azerbaijan", "Russia"} <= set(countries) and countries.index("Russia") < countries.index("Armenia")
    towns = [t[0] for t in data["towns"]]
    assert {"Yerevan", "Goris", "Tbilisi", "Tokyo"} <= set(towns)  # the view's towns and the world's largest
    assert [t[3] for t in data["towns"]] == sorted((t[3] for t in data["towns"]), reverse=True)
    # The view fits the incidents.
    (s, w), (n, e) = data["bounds"]
    assert all(s <= i.latitude <= n and w <= i.longitude <= e for i in seed_incidents)


@pytest.mark.parametrize("offline", [None, True, False])
def test_every_page_loads_nothing_from_the_network(seed_incidents, offline):
    # ``offline`` is a deprecated no-op: the old online mode (CDN scripts, OSM tiles) is gone.
    html = render_map(seed_incidents, offline=offline).get_root().render()
    assert not re.search(r"<(script|link|img)[^>]+(src|href)\s*=", html, re.IGNORECASE)
    assert "tile.openstreetmap.org" not in html and "cdn.jsdelivr.net" not in html
    assert "sourceMappingURL" not in html
    for marker in ("G.GridCluster", "L.HeatLayer", "leaflet-control-layers", "data:image/png;base64,"):
        assert marker in html


def test_the_same_incidents_give_the_same_page(seed_incidents):
    first = render_map(seed_incidents).get_root().render()
    assert render_map(seed_incidents).get_root().render() == first
    assert render_map(seed_incidents[:1]).get_root().render() != first


def test_tiles_are_an_opt_in_layer_over_the_basemap(seed_incidents):
    html = render_map(seed_incidents, tiles="osm").get_root().render()
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=", html, re.IGNORECASE)  # scripts still inlined
    assert "code.jquery.com" not in html and "bootstrap" not in html  # folium's unused defaults are gone
    data = payload_of(html)
    assert data["tiles"]["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png" and data["basemap"]
    custom = payload_of(render_map([incident()], borders=False, tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
                        .get_root().render())
    assert custom["tiles"]["attribution"] == "Tiles: {s}.tiles.example.org"


@pytest.mark.parametrize("tiles", ["javascript:alert(1)//{z}/{x}/{y}", "https://example.org/tiles.png",
                                   "https://example.org/{z}/{x}/{y}.png\"onerror=\"x", "ftp://example.org/{z}/{x}/{y}",
                                   "https://example.org/{z}/{x}/{y}/{token}.png", "OpenStreetMap"])
def test_a_bad_tile_source_is_a_typed_error(tiles):
    from geomap.errors import GeomapError

    with pytest.raises(geomap.render.TileError) as err:
        render_map([incident()], borders=False, tiles=tiles)
    assert isinstance(err.value, GeomapError) and isinstance(err.value, ValueError)
    assert "osm" in str(err.value)


def test_a_title_with_an_undecodable_byte_is_shown_with_a_replacement_character(tmp_path):
    # typer hands ``--title $'\xffbad'`` over as a str with a lone surrogate; UTF-8 cannot hold it.
    fmap = render_map([incident()], borders=False, title="\udcffbad", subtitle="sub\ud800")
    path = save_map(fmap, tmp_path / "m.html")
    html = path.read_text(encoding="utf-8")
    assert "<title>\ufffdbad</title>" in html
    data = payload_of(html)
    assert data["title"] == "\ufffdbad" and data["subtitle"] == "sub\ufffd"


def test_article_text_with_lone_surrogates_still_renders(tmp_path):
    text = "Shelling\udcff hit Zangilan."
    path = save_map(render_map([incident(notes=text, source="Wire\ud800")], borders=False), tmp_path / "m.html")
    data = payload_of(path.read_text(encoding="utf-8"))
    assert "Shelling\ufffd hit Zangilan." in data["strings"] and "Wire\ufffd" in data["strings"]


def test_untrusted_text_never_reaches_the_page_raw():
    evil = incident(actor1=EVIL, actor2=EVIL, location=EVIL, admin1=EVIL, country=EVIL, source=EVIL,
                    source_url="javascript:alert(5)", notes=EVIL, event_id=EVIL)
    html = render_map([evil], title=EVIL, subtitle=EVIL, borders=False).get_root().render()
    assert "<img src=x" not in html and "<script>alert" not in html
    assert "<title>&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in html
    data = payload_of(html)
    assert data["title"] == EVIL and data["subtitle"] == EVIL
    assert EVIL in data["strings"] and "javascript:alert(5)" not in data["strings"]


def test_text_is_never_run_as_a_jinja_template():
    # branca re-compiles macro output as a template: text that reached it ran as Jinja (and Python).
    probe = "{{ 7*7 }} {{ cycler.__init__.__globals__.os.getpid() }} {% if 1 %}yes{% endif %}"
    html = render_map([incident(notes=probe, location=probe)], title=probe, borders=False).get_root().render()
    assert probe in payload_of(html)["strings"]
    assert payload_of(html)["title"] == probe


def test_incidents_without_valid_points_are_counted_not_drawn():
    items = [incident(), incident(event_id="a", latitude=None, longitude=None),
             incident(event_id="b", latitude=float("nan")), incident(event_id="c", latitude=95.0)]
    data = payload_of(render_map(items, borders=False).get_root().render())
    assert len(data["rows"]) == 1
    assert data["note"].startswith("3 incidents without valid coordinates")


def test_an_empty_map_is_a_world_map_that_says_so():
    data = payload_of(render_map([], borders=False).get_root().render())
    assert data["rows"] == [] and data["types"] == [] and data["bounds"] is None


def test_evidence_offsets_are_utf16_for_javascript():
    notes = "😀 Gunfire hit Zangilan."
    i = incident(notes=notes, evidence_start=10, evidence_end=10 + len(notes), trigger_start=12, trigger_end=19,
                 place_start=24, place_end=32)
    row = payload_of(render_map([i], borders=False).get_root().render())["rows"][0]
    ts, te, ps, pe = row[17:21]
    js = notes.encode("utf-16-le")
    assert js[2 * ts:2 * te].decode("utf-16-le") == "Gunfire"
    assert js[2 * ps:2 * pe].decode("utf-16-le") == "Zangilan"


def test_offsets_outside_the_sentence_are_dropped():
    i = incident(notes="Gunfire.", evidence_start=0, evidence_end=8, trigger_start=5, trigger_end=50)
    assert payload_of(render_map([i], borders=False).get_root().render())["rows"][0][17:19] == [-1, -1]


def test_render_map_checks_its_arguments():
    with pytest.raises(TypeError):
        render_map([{"event_type": "Battles"}])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        render_map([], title=None)  # type: ignore[arg-type]


def test_save_map_replaces_the_file(tmp_path):
    target = tmp_path / "m.html"
    target.write_text("old")
    save_map(render_map([incident()], borders=False), target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["m.html"]


# -- geomap map ---------------------------------------------------------------------------------

@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_maps_the_example_article(in_tmp):
    res = runner.invoke(app, ["map", str(ARTICLE), "--offline", "-o", "outputs/example-map.html"])
    assert res.exit_code == 0, res.output
    html = (in_tmp / "outputs" / "example-map.html").read_text(encoding="utf-8")
    features = json.loads((in_tmp / "outputs" / "example-incidents.geojson").read_text())["features"]
    assert len(payload_of(html)["rows"]) == len(features) > 0
    assert "wrote outputs/example-map.html and outputs/example-incidents.geojson" in res.stdout


def test_cli_default_paths_and_json(in_tmp):
    res = runner.invoke(app, ["map", str(ARTICLE), "--json", "--no-borders"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["map"] == "outputs/example-article-map.html"
    assert (in_tmp / out["map"]).is_file() and (in_tmp / out["geojson"]).is_file()


def test_cli_reports_bad_csv_rows_and_still_writes_the_map(in_tmp):
    table = in_tmp / "incidents.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,location\n"
        "A1,2023-02-20,Battles,Armed clash,39.08,46.66,Zangilan\n"
        "A2,2023-02-21,Battles,Armed clash,,46.66,nowhere\n"
        "A3,2023-02-21,Protests,Peaceful protest,NaN,46.6,nan\n"
        "A4,2023-02-22,Protests,Peaceful protest,39.7,246.6,east\n"
        "A5,2023-02-23,Protests,Peaceful protest,39.76,46.75,Shusha\n", encoding="utf-8")
    res = runner.invoke(app, ["map", str(table), "-o", "outputs/t-map.html", "--no-borders"])
    assert res.exit_code == 0, res.output
    assert len(re.findall(r"geomap: warning: .*row [345]\b", res.stderr)) >= 3
    data = payload_of((in_tmp / "outputs" / "t-map.html").read_text(encoding="utf-8"))
    assert len(data["rows"]) == 2


def test_cli_reads_its_own_geojson_back(in_tmp):
    assert runner.invoke(app, ["map", str(ARTICLE), "-o", "outputs/a-map.html", "--no-borders"]).exit_code == 0
    res = runner.invoke(app, ["map", "outputs/a-incidents.geojson", "-o", "outputs/b-map.html", "--no-borders"])
    assert res.exit_code == 0, res.output
    a = payload_of((in_tmp / "outputs" / "a-map.html").read_text(encoding="utf-8"))
    b = payload_of((in_tmp / "outputs" / "b-map.html").read_text(encoding="utf-8"))
    assert [r[:3] for r in a["rows"]] == [r[:3] for r in b["rows"]]


def test_cli_empty_input_writes_an_empty_map_with_a_warning(in_tmp):
    (in_tmp / "empty.txt").write_text("")
    res = runner.invoke(app, ["map", "empty.txt", "--no-borders"])
    assert res.exit_code == 0, res.output
    assert "no incidents found" in res.stderr
    assert json.loads((in_tmp / "outputs" / "empty-incidents.geojson").read_text())["features"] == []
    assert payload_of((in_tmp / "outputs" / "empty-map.html").read_text(encoding="utf-8"))["rows"] == []


@pytest.mark.parametrize("target", ["elsewhere/map.html", "outputs/new/map.html", "../missing/map.html"])
def test_cli_refuses_a_missing_folder_without_mkdirs(in_tmp, target):
    res = runner.invoke(app, ["map", str(ARTICLE), "-o", target])
    assert res.exit_code == 2
    assert "does not exist; create it first or pass --mkdirs" in res.stderr
    assert not (in_tmp.parent / "missing").exists() and not (in_tmp / "elsewhere").exists()


def test_cli_replaces_an_existing_map(in_tmp):
    out = in_tmp / "outputs" / "x-map.html"
    out.parent.mkdir()
    out.write_text("old map")
    res = runner.invoke(app, ["map", str(ARTICLE), "-o", "outputs/x-map.html", "--no-borders"])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in out.parent.iterdir()) == ["x-incidents.geojson", "x-map.html"]


def test_cli_missing_input_is_a_user_error(in_tmp):
    res = runner.invoke(app, ["map", "nope.txt"])
    assert res.exit_code == 2 and "geomap: error:" in res.stderr


def test_a_title_with_an_undecodable_byte(in_tmp):
    # The shell's $'\xffbad' reaches typer as a str with a lone surrogate (os.fsdecode): the CLI says so
    # in one line, and the library, given such a str, shows the byte as U+FFFD as browsers do.
    res = runner.invoke(app, ["map", str(ARTICLE), "--title", "\udcffbad", "-o", "outputs/t-map.html", "--no-borders"])
    assert res.exit_code == 2 and "--title is not valid UTF-8" in res.output
    path = in_tmp / "t-map.html"
    save_map(render_map([], title="\udcffbad", borders=False), path)
    html = path.read_text(encoding="utf-8")
    assert payload_of(html)["title"] == "\ufffdbad" and "<title>\ufffdbad</title>" in html


def test_batch_writes_the_same_self_contained_map(tmp_path):
    # Issue 20, item 21: the batch's map.html loaded Leaflet from a CDN and stayed blank offline.
    from geomap.batch import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Azerbaijani troops shelled positions near Goris on 20 February 2023, "
                                  "killing two soldiers.", encoding="utf-8")
    run_batch(corpus, tmp_path / "out", workers=1, progress=False)
    html = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)\s*=", html, re.IGNORECASE)
    assert "cdn.jsdelivr.net" not in html and "tile.openstreetmap.org" not in html
    data = payload_of(html)
    assert data["basemap"] and data["towns"] and len(data["rows"]) >= 1


def test_a_view_inside_one_country_draws_no_border_of_it(tmp_path):
    # One incident in the middle of a big country: the view meets the country but not its border line.
    import datetime

    inc = Incident("e1", datetime.date(2024, 3, 3), 1, "Political violence", "Violence against civilians", "Attack",
                   location="Paris", latitude=36.30, longitude=-88.33, geo_precision=1, country="United States")
    html = save_map(render_map([inc]), tmp_path / "m.html").read_text(encoding="utf-8")
    data = payload_of(html)
    assert [f["name"] for g in data["borders"] if g["key"] == "countries" for f in g["features"]] == []
    assert len(data["rows"]) == 1 and data["basemap"]
