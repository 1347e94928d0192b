"""The VOA gold incident set: codings kept in the repository, story text read from ../shared.

``tests/data/incidents/voa.jsonl`` holds ids, offsets and ACLED codings only; the public-domain
VOA stories stay in ``../shared/eval/voa-news/conflict.jsonl`` and are joined by id at read time
(``read_incident_set(..., text_from=...)``, ``geomap eval incidents --text-from``). The tests
that need the stories skip when that folder is absent; ``GEOMAP_SHARED_DIR`` points them at
another copy of the shared folder (e.g. from a git worktree, whose ``../shared`` is not the team's).
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.errors import EvaluationError
from geomap.evaluate.incidents import GoldIncidentDoc, evaluate_incidents, read_incident_set
from geomap.evaluate.metrics import great_circle_km

REPO = Path(__file__).resolve().parents[3]
VOA = REPO / "tests" / "data" / "incidents" / "voa.jsonl"
SHARED = Path(os.environ.get("GEOMAP_SHARED_DIR") or REPO.parent / "shared")
STORIES = SHARED / "eval" / "voa-news" / "conflict.jsonl"

needs_stories = pytest.mark.skipif(not STORIES.is_file(), reason=f"the VOA stories are not at {STORIES}")

# A word an ACLED coder would point at in the sentence that reports an incident of each type.
EVENT_WORDS = {
    "Battles": r"kill|clash|battle|fight|attack|assault|offensive|gunfire|siege|operation|ambush|died|bodies|neutrali",
    "Explosions/Remote violence": r"airstrike|strike|bomb|blast|explos|detonat|IED",
    "Violence against civilians": r"attack|kill|kidnap|abduct|hostage|shot|died",
    "Protests": r"protest|demonstrat|march|rall|massed",
    "Riots": r"riot|mob|rock|tear gas|clash",
    "Strategic developments": r"arrest|custody|detention|prison|jail|dismantl|broke up|agree|pact|accept|ceasefire",
}


@pytest.fixture(scope="module")
def voa() -> list[GoldIncidentDoc]:
    if not STORIES.is_file():
        pytest.skip(f"the VOA stories are not at {STORIES}")
    return read_incident_set(VOA, text_from=STORIES)


# --------------------------------------------------------------------------- the file itself (no ../shared needed)


def test_voa_file_keeps_no_story_text() -> None:
    lines = [json.loads(x) for x in VOA.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(lines) == 29
    for line in lines:
        assert set(line) == {"id", "published", "incidents", "notes"}, line["id"]
        for inc in line["incidents"]:
            assert 0 <= inc["evidence_start"] < inc["evidence_end"]


def test_voa_file_needs_its_corpus() -> None:
    with pytest.raises(EvaluationError, match=r"voa.jsonl:1: document '\d+' has no 'text'.*--text-from"):
        read_incident_set(VOA)


# --------------------------------------------------------------------------- against the stories


@needs_stories
def test_every_offset_lies_in_its_story_and_reports_an_event(voa: list[GoldIncidentDoc]) -> None:
    assert len(voa) == 29 and sum(len(d.incidents) for d in voa) >= 50
    for doc in voa:
        for inc in doc.incidents:
            assert inc.evidence is not None
            start, end = inc.evidence
            assert 0 <= start < end <= len(doc.text)
            span = doc.text[start:end]
            # a whole sentence: starts the text or follows a space, ends with its punctuation
            assert start == 0 or doc.text[start - 1].isspace(), (doc.id, span[:40])
            assert span.rstrip("\"”’'")[-1] in ".!?", (doc.id, span[-40:])
            assert re.search(EVENT_WORDS[inc.event_type], span, re.IGNORECASE), (doc.id, inc.event_type, span)


# Places the gazetteer does not know: the gold point is that of the containing area the text
# names (README: "Locations"), found through this name; a Kabul neighbourhood has Kabul's point.
CONTAINING_AREA = {"Jangebe": "Zamfara", "L'Estere": "Gonaives", "Damasha": "Middle Shabelle",
                   "Shabeelow": "Middle Shabelle", "Puntland": "Garowe", "Dasht-e-Barchi": "Kabul"}


@needs_stories
def test_locations_reach_their_gold_point_through_the_gazetteer(voa: list[GoldIncidentDoc], gaz: Any) -> None:
    far = []
    for doc in voa:
        for i in doc.incidents:
            name = CONTAINING_AREA.get(i.location, i.location)
            best = min((great_circle_km(i.latitude, i.longitude, c.place.latitude, c.place.longitude)
                        for c in gaz.lookup(name, limit=25)), default=math.inf)
            if best > 5.0:  # gold points are a gazetteer point rounded to 2 decimals
                far.append((doc.id, i.location, best))
    assert far == []


@needs_stories
def test_no_story_sentence_is_copied_into_the_repository(voa: list[GoldIncidentDoc]) -> None:
    kept = VOA.read_text(encoding="utf-8") + (VOA.parent / "README.md").read_text(encoding="utf-8")
    for doc in voa:
        for k in range(0, len(doc.text) - 60, 30):
            assert doc.text[k:k + 60] not in kept, (doc.id, doc.text[k:k + 60])


@needs_stories
def test_the_gold_scores_itself_perfectly(voa: list[GoldIncidentDoc]) -> None:
    table = {doc.text: doc.incidents for doc in voa}
    report = evaluate_incidents(voa, lambda text, published: list(table[text]))
    assert (report.precision, report.recall, report.event_type_acc, report.location_25km) == (1.0, 1.0, 1.0, 1.0)
    assert report.negative_docs == sum(1 for d in voa if not d.incidents) >= 3


@needs_stories
def test_cli_scores_the_extractor_end_to_end() -> None:
    res = CliRunner().invoke(app, ["eval", "incidents", str(VOA), "--text-from", str(STORIES), "--json"])
    assert res.exit_code == 0, res.output
    report: dict[str, Any] = json.loads(res.stdout)
    assert report["docs"] == 29 and report["gold"] == sum(1 for d in _gold_incidents())
    assert 0 <= report["matched"] <= min(report["gold"], report["predicted"])
    for key in ("precision", "recall"):
        assert 0.0 <= report[key] <= 1.0


def _gold_incidents() -> list[dict[str, Any]]:
    return [i for x in VOA.read_text(encoding="utf-8").splitlines() if x.strip() for i in json.loads(x)["incidents"]]


# --------------------------------------------------------------------------- the reader's join, on small files


def _write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


_INCIDENT: dict[str, Any] = {
    "event_type": "Protests", "sub_event_type": "Peaceful protest", "event_date": "2024-03-07", "time_precision": 1,
    "location": "Nakuru", "latitude": -0.31, "longitude": 36.07, "geo_precision": 1, "country": "Kenya",
    "fatalities": 0, "injuries": None, "actor1": "Protesters (Kenya)", "actor2": "",
}
_STORY = {"id": "s1", "published": "2024-03-08", "text": "Talks stalled. Teachers marched in Nakuru on Thursday."}


def test_a_line_without_text_takes_its_story_by_id(tmp_path: Path) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", {"id": "s0", "text": "Other."}, _STORY)
    gold = _write(tmp_path / "gold.jsonl", {"id": "s1", "published": "2024-03-08", "notes": ["clear"],
                                            "incidents": [dict(_INCIDENT, evidence_start=15, evidence_end=54)]})
    (doc,) = read_incident_set(gold, text_from=corpus)
    assert doc.text == _STORY["text"] and doc.notes == ("clear",)
    assert doc.incidents[0].evidence == (15, 54)
    assert doc.text[15:54] == "Teachers marched in Nakuru on Thursday."


@pytest.mark.parametrize(("record", "corpus_record", "message"), [
    ({"id": "s9"}, _STORY, r"gold.jsonl:1: document 's9' is not in the text corpus"),
    ({"published": "2024-03-09"}, _STORY, r"published 2024-03-09 disagrees with the corpus's 2024-03-08"),
    ({"notes": "one note"}, _STORY, r"'notes' must be a list of non-empty strings"),
    ({"incidents": [dict(_INCIDENT, evidence_start=15)]}, _STORY, r"both 'evidence_start' and 'evidence_end'"),
    ({"incidents": [dict(_INCIDENT, evidence_start=15, evidence_end=99)]}, _STORY, r"evidence 15..99 is not"),
    ({"incidents": [dict(_INCIDENT, evidence_start=20, evidence_end=20)]}, _STORY, r"evidence 20..20 is not"),
    ({}, {"id": "s1", "text": ""}, r"corpus.jsonl:1: the record: 'text' must be a non-empty string"),
])
def test_bad_joins_are_refused_with_the_line(tmp_path: Path, record: dict[str, Any], corpus_record: dict[str, Any],
                                              message: str) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", corpus_record)
    gold = _write(tmp_path / "gold.jsonl", {"id": "s1", "published": "2024-03-08", "incidents": [_INCIDENT], **record})
    with pytest.raises(EvaluationError, match=message):
        read_incident_set(gold, text_from=corpus)


def test_a_missing_corpus_is_a_clear_cli_error(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", {"id": "s1", "published": "2024-03-08", "incidents": []})
    res = CliRunner().invoke(app, ["eval", "incidents", str(gold), "--text-from", str(tmp_path / "absent.jsonl")])
    assert res.exit_code == 2
    assert "cannot read text corpus" in res.stderr and "Traceback" not in res.output


def test_a_story_given_inline_keeps_working_without_a_corpus(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", {**_STORY, "incidents": [_INCIDENT]})
    (doc,) = read_incident_set(gold)
    assert doc.incidents[0].evidence is None and doc.notes == ()
