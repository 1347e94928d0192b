"""event-location and PLOVER readers and scores: small files we write, and the real sets from ../shared."""

from __future__ import annotations

import json
import zipfile

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.errors import EvaluationError
from geomap.evaluate import (evaluate_event_location, evaluate_plover, read_event_location, read_plover)
from geomap.incidents import extract_incidents

runner = CliRunner()


def _el_record(text, verb, place=None, source="RELABEL"):
    tokens, pos = [], 0
    for i, word in enumerate(text.split(" ")):
        tokens.append({"text": word, "start": pos, "end": pos + len(word), "id": i})
        pos += len(word) + 1
    words = text.split(" ")
    spans = [{"start": 0, "end": 0, "token_start": words.index(verb), "token_end": words.index(verb), "label": "VERB"}]
    if place:
        spans.append({"start": 0, "end": 0, "token_start": words.index(place), "token_end": words.index(place),
                      "label": "LOCATION"})
    return {"text": text, "tokens": tokens, "spans": spans, "source": source, "_id": text[:10]}


def test_event_location_reader_and_score(tmp_path):
    rows = [_el_record("Rebels shelled Kharkiv on Monday .", "shelled", "Kharkiv"),
            _el_record("The minister said the talks went well .", "said"),
            _el_record("Troops captured Kherson .", "captured", source="other")]
    p = tmp_path / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("labeled_text.jsonl", json.dumps(rows))
    recs = read_event_location(p)
    assert [r.verb_text for r in recs] == ["shelled", "said"]  # RELABEL only
    assert recs[0].text[slice(*recs[0].locations[0])] == "Kharkiv"
    report = evaluate_event_location(recs, lambda t: extract_incidents(t, published="2024-01-10"))
    assert (report.records, report.detected, report.with_location) == (1, 1.0, 1)
    assert report.location_overlap == 1.0


@pytest.mark.parametrize("content", ['{"not": "a list"}', "not json", '[{"text": 3}]'])
def test_bad_event_location_file_is_an_evaluation_error(tmp_path, content):
    p = tmp_path / "x.json"
    p.write_text(content)
    with pytest.raises(EvaluationError):
        read_event_location(p)


def test_plover_reader_and_score(tmp_path):
    rows = [{"id": "doc", "event": "DOCUMENT"},
            {"id": "f1", "event": "FIGHT", "text": "Government troops clashed with rebels near the airport on Monday."},
            {"id": "d1", "event": "DEMAND", "text": "The opposition urged the government to hold talks."}]
    p = tmp_path / "gsr.txt"
    p.write_text(json.dumps(rows))
    recs = read_plover(p)
    assert [r.id for r in recs] == ["f1", "d1"]
    report = evaluate_plover(recs, lambda t: extract_incidents(t, published="2024-01-10"))
    assert (report.recall, report.false_rate, report.fired) == (1.0, 0.0, ())


def test_plover_record_without_text_is_an_error(tmp_path):
    p = tmp_path / "gsr.txt"
    p.write_text(json.dumps([{"id": "x", "event": "FIGHT"}]))
    with pytest.raises(EvaluationError, match="needs a text"):
        read_plover(p)


def test_cli_format_option(tmp_path):
    p = tmp_path / "gsr.txt"
    p.write_text(json.dumps([{"id": "f1", "event": "PROTEST", "text": "Teachers protested outside the ministry."}]))
    res = runner.invoke(app, ["eval", "incidents", "--format", "plover", str(p), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["recall"] == 1.0
    res = runner.invoke(app, ["eval", "incidents", "--format", "acled", str(p)])
    assert res.exit_code == 2 and "--format must be" in res.output


def test_event_location_relabel_goal(shared_dir):
    path = shared_dir / "eval" / "event-location" / "labeled_text.jsonl.zip"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    report = evaluate_event_location(read_event_location(path), extract_incidents)
    assert report.records > 400
    assert report.detected >= 0.84  # issue 16's goal is 0.90; 0.849 on 2026-12-08


def test_plover_goals(shared_dir):
    path = shared_dir / "eval" / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    report = evaluate_plover(read_plover(path), extract_incidents)
    assert report.false_rate <= 0.10
    assert report.recall >= 0.83  # issue 16's goal is 0.90; 0.847 on 2026-12-08
