"""``--near`` and ``--country`` on ``places``, ``incidents`` and ``map``: the bias reaches the library, bad ones exit 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.cli._bias import bias

runner = CliRunner()
STORY = "Police in Paris said a truck overturned on the road to Lebanon. Firefighters from Athens helped.\n"


@pytest.fixture
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def _states(res) -> dict[str, str]:
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)[0]["places"]  # --json is one array of documents
    return {r["surface"]: (r["country"], r["admin1"]) for r in rows}


def test_places_near_a_town_reads_the_towns_of_its_state(story):
    plain = _states(runner.invoke(app, ["places", str(story), "--json"]))
    near = _states(runner.invoke(app, ["places", str(story), "--json", "--near", "Nashville, Tennessee"]))
    point = _states(runner.invoke(app, ["places", str(story), "--json", "--near", "36.16,-86.78,150"]))
    assert near == point == {t: ("US", "Tennessee") for t in ("Paris", "Lebanon", "Athens")}
    assert plain != near  # the bias, not the text, placed them


def test_a_point_is_parsed_and_a_name_kept():
    assert bias("36.16, -86.78", None) == {"near": (36.16, -86.78)}
    assert bias("Nashville", ["US", "CA"]) == {"near": "Nashville", "countries": ["US", "CA"]}


@pytest.mark.parametrize("args, message", [
    (["--near", "Xqzzyville"], "no place named"),
    (["--near", "95,10"], "latitude"),
    (["--near", "36,-86,0"], "radius"),
    (["--country", "USA"], "two-letter"),
])
@pytest.mark.parametrize("command", ["places", "incidents"])
def test_a_bad_bias_is_one_line_and_exit_2(story, command, args, message):
    res = runner.invoke(app, [command, str(story), *args])
    assert res.exit_code == 2
    assert message in res.stderr and res.stderr.count("\n") == 1


def test_map_takes_the_bias(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Gunmen attacked a checkpoint near Paris on Monday, killing two police officers.\n",
                       encoding="utf-8")
    res = runner.invoke(app, ["map", str(article), "-o", str(tmp_path / "m.html"), "--json",
                              "--near", "Nashville, Tennessee", "--no-borders"])
    assert res.exit_code == 0, res.output
    features = json.loads((tmp_path / "m-incidents.geojson").read_text(encoding="utf-8"))["features"]
    assert features and all(f["properties"]["country"] in ("US", "United States") for f in features)
    bad = runner.invoke(app, ["map", str(article), "-o", str(tmp_path / "n.html"), "--country", "1x"])
    assert bad.exit_code == 2


def test_a_batch_chunk_carries_the_bias(tmp_path):
    from geomap.batch._corpus import Chunk, SourceItem
    from geomap.batch._worker import ChunkJob, run_chunk

    line = json.dumps({"text": "Gunmen attacked a checkpoint near Paris on Monday, killing two police officers.",
                       "published": "2023-03-20"}).encode()
    chunk = Chunk("000000", (SourceItem(0, "line:1", "jsonl", line),))
    plain = run_chunk(chunk, ChunkJob(str(tmp_path / "a"), None))
    near = run_chunk(chunk, ChunkJob(str(tmp_path / "b"), None, near="Nashville, Tennessee"))
    assert plain.countries == {"France": 1} and near.countries == {"United States": 1}


def test_batch_refuses_a_bad_bias_before_any_work(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": STORY}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "out"), "--near", "Xqzzyville"])
    assert res.exit_code == 2 and "no place named" in res.stderr
    assert not (tmp_path / "out").exists()
