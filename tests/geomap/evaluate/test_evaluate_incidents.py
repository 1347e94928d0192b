"""Tests for geomap.evaluate.incidents: the gold incident set, its reader and the scorer."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from geomap.errors import EvaluationError
from geomap.evaluate import incidents as incidents_module
from geomap.evaluate.incidents import (
    LOCATION_KM,
    GoldIncident,
    GoldIncidentDoc,
    IncidentLike,
    evaluate_incidents,
    incident_similarity,
    read_incident_set,
)
from geomap.evaluate.metrics import great_circle_km
from geomap.incidents._model import EVENT_TYPES, Incident

DEV = Path(__file__).resolve().parents[2] / "data" / "incidents" / "dev.jsonl"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
KM_PER_DEGREE_LAT = great_circle_km(0.0, 0.0, 1.0, 0.0)


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def dev() -> list[GoldIncidentDoc]:
    return read_incident_set(DEV)


def _gold(**overrides: Any) -> GoldIncident:
    base: dict[str, Any] = dict(
        event_type="Battles", sub_event_type="Armed clash", event_date=dt.date(2024, 5, 3), time_precision=1,
        location="Gao", latitude=16.27, longitude=-0.04, geo_precision=1, country="Mali", fatalities=2,
        injuries=None, actor1="Military Forces of Mali", actor2="JNIM: Group for Support of Islam and Muslims",
    )
    base.update(overrides)
    return GoldIncident(**base)


def _to_incident(g: GoldIncident, n: int = 0) -> Incident:
    """The project's own incident object carrying the gold values."""
    disorder = {"Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
    return Incident(
        event_id=f"e{n}", event_date=g.event_date, time_precision=g.time_precision,
        disorder_type=disorder.get(g.event_type, "Political violence"), event_type=g.event_type,
        sub_event_type=g.sub_event_type, actor1=g.actor1, actor2=g.actor2, country=g.country,
        location=g.location, latitude=g.latitude, longitude=g.longitude, geo_precision=g.geo_precision,
        fatalities=g.fatalities, injuries=g.injuries,
    )


def _by_text(docs: Sequence[GoldIncidentDoc], make: Callable[[GoldIncident, int], Any]) -> Callable[..., list[Any]]:
    """An extractor that answers each document's text with its gold incidents, converted by ``make``."""
    table = {doc.text: (doc.published, doc.incidents) for doc in docs}

    def extract(text: str, published: dt.date) -> list[Any]:
        expected_published, gold = table[text]
        assert published == expected_published
        return [make(g, n) for n, g in enumerate(gold)]

    return extract


def _north_km(g: GoldIncident, km: float) -> GoldIncident:
    return replace(g, latitude=g.latitude + km / KM_PER_DEGREE_LAT)


def _line(**overrides: Any) -> str:
    incident = {
        "event_type": "Protests", "sub_event_type": "Peaceful protest", "event_date": "2024-03-07",
        "time_precision": 1, "location": "Nakuru", "latitude": -0.31, "longitude": 36.07, "geo_precision": 1,
        "country": "Kenya", "fatalities": 0, "injuries": None, "actor1": "Protesters (Kenya)", "actor2": "",
    }
    doc: dict[str, Any] = {"id": "t-1", "text": "Teachers marched in Nakuru on Thursday.",
                           "published": "2024-03-08", "incidents": [incident]}
    for key, value in overrides.items():
        if key.startswith("doc_"):
            doc[key[4:]] = value
        elif value is _DROP:
            del incident[key]
        else:
            incident[key] = value
    return json.dumps(doc)


_DROP = object()


# --------------------------------------------------------------------------- the dev set


def test_dev_set_reads_and_has_the_promised_coverage(dev: list[GoldIncidentDoc]) -> None:
    incidents = [i for doc in dev for i in doc.incidents]
    assert len(dev) >= 160
    assert [doc.id for doc in dev] == [f"dev-{n:03d}" for n in range(1, len(dev) + 1)]
    assert len({i.country for i in incidents}) >= 12
    assert {i.event_type for i in incidents} == set(EVENT_TYPES)
    sub_types = {i.sub_event_type for i in incidents}
    assert len(sub_types) >= 20, sorted(set().union(*EVENT_TYPES.values()) - sub_types)
    assert sum(1 for doc in dev if not doc.incidents) >= 15
    assert sum(1 for doc in dev if len(doc.incidents) > 1) >= 8
    precisions = Counter(i.time_precision for i in incidents)
    assert precisions[1] and precisions[2] and precisions[3]


def test_dev_set_locations_resolve_near_their_gold_point(dev: list[GoldIncidentDoc], gaz: Any) -> None:
    # The location test is fair only if the name in the text can reach the gold point.
    far = []
    for doc in dev:
        for i in doc.incidents:
            candidates = gaz.lookup(i.location, limit=25)
            best = min((great_circle_km(i.latitude, i.longitude, c.place.latitude, c.place.longitude)
                        for c in candidates), default=math.inf)
            if best > LOCATION_KM:
                far.append((doc.id, i.location, best))
    assert far == []


def test_dev_set_weekday_dates_agree_with_the_text(dev: list[GoldIncidentDoc]) -> None:
    checked = 0
    for doc in dev:
        named = [d for d in DAYS if re.search(rf"\bon {d}\b|\b{d} (?:night|morning|afternoon|evening)\b", doc.text)]
        if len(doc.incidents) == 1 and len(named) == 1 and doc.incidents[0].time_precision == 1:
            date = doc.incidents[0].event_date
            assert DAYS[date.weekday()] == named[0], doc.id
            assert 0 <= (doc.published - date).days < 7, doc.id
            checked += 1
    assert checked >= 100


def test_dev_set_month_and_week_conventions(dev: list[GoldIncidentDoc]) -> None:
    for doc in dev:
        for i in doc.incidents:
            if i.time_precision == 3:
                assert i.event_date.day == 1, doc.id
            if "last week" in doc.text and i.time_precision == 2:
                # The Monday that starts the calendar week before publication (geomap.text._dates' rule:
                # a period is dated by its first day).
                monday = doc.published - dt.timedelta(days=doc.published.weekday() + 7)
                assert i.event_date == monday, doc.id


def test_perfect_extractor_scores_one_on_the_dev_set(dev: list[GoldIncidentDoc]) -> None:
    report = evaluate_incidents(dev, _by_text(dev, lambda g, n: g))
    numbers = report.to_dict()
    assert numbers["docs"] == len(dev)
    assert numbers["gold"] == numbers["predicted"] == numbers["matched"] == sum(len(d.incidents) for d in dev)
    for key in ("precision", "recall", "f1", "event_type_acc", "sub_event_acc", "location_25km",
                "fatalities_exact", "date_exact"):
        assert numbers[key] == 1.0, key
    assert report.time_precision_acc == 1.0
    assert report.mistakes == ()
    assert report.notes == ()
    assert report.negative_docs_with_predictions == 0


def test_perfect_extractor_with_incident_objects(dev: list[GoldIncidentDoc]) -> None:
    report = evaluate_incidents(dev, _by_text(dev, _to_incident))
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.date_exact == report.location_25km == report.fatalities_exact == 1.0


def test_empty_extractor(dev: list[GoldIncidentDoc]) -> None:
    report = evaluate_incidents(dev, lambda text, published: [])
    assert report.recall == 0.0 and report.precision == 0.0 and report.f1 == 0.0
    assert "no predictions: precision is undefined and reported as 0" in report.notes
    assert math.isnan(report.event_type_acc) and report.to_dict()["event_type_acc"] is None
    assert report.matched == 0 and report.gold == sum(len(d.incidents) for d in dev)
    assert {m.kind for m in report.mistakes} == {"miss"}
    table = report.format_table()
    assert "P 0.000  R 0.000" in table and "event type -" in table and "no predictions" in table


# --------------------------------------------------------------------------- a hand-built example


def _hand_built() -> tuple[list[GoldIncidentDoc], dict[str, list[IncidentLike]]]:
    clash = _gold()
    protest = _gold(event_type="Protests", sub_event_type="Peaceful protest", event_date=dt.date(2024, 5, 4),
                    location="Bamako", latitude=12.61, longitude=-7.98, fatalities=0,
                    actor1="Protesters (Mali)", actor2="")
    strike = _gold(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                   event_date=dt.date(2024, 5, 10), location="Mopti", latitude=14.48, longitude=-4.18,
                   fatalities=8, actor1="Military Forces of Mali", actor2="Civilians (Mali)")
    docs = [
        GoldIncidentDoc("a", "Fighting in Gao; a march in Bamako.", dt.date(2024, 5, 6), (clash, protest)),
        GoldIncidentDoc("b", "A drone strike near Mopti.", dt.date(2024, 5, 12), (strike,)),
        GoldIncidentDoc("c", "Talks are planned for next week.", dt.date(2024, 5, 12), ()),
    ]
    wrong_type = replace(clash, event_type="Violence against civilians", sub_event_type="Attack")
    off_30km = _north_km(protest, 30.0)
    wrong_date = replace(strike, event_date=dt.date(2024, 5, 9))
    false_alarm = _gold(event_type="Strategic developments", sub_event_type="Agreement")
    predictions: dict[str, list[IncidentLike]] = {
        docs[0].text: [off_30km, wrong_type],  # listed out of gold order on purpose
        docs[1].text: [wrong_date],
        docs[2].text: [false_alarm],
    }
    return docs, predictions


def test_hand_built_example_figures() -> None:
    docs, predictions = _hand_built()
    report = evaluate_incidents(docs, lambda text, published: predictions[text])
    assert report.to_dict() == {
        "docs": 3, "gold": 3, "predicted": 4, "matched": 3,
        "precision": 0.75, "recall": 1.0, "f1": pytest.approx(2 * 0.75 / 1.75),
        "event_type_acc": pytest.approx(2 / 3), "sub_event_acc": pytest.approx(2 / 3),
        "location_25km": pytest.approx(2 / 3), "fatalities_exact": 1.0, "date_exact": pytest.approx(2 / 3),
    }
    assert report.time_precision_acc == 1.0
    assert (report.negative_docs, report.negative_docs_with_predictions) == (1, 1)
    # Each gold incident paired with the prediction meant for it.
    pairs = {(p.doc_id, p.gold.location): p for p in report.pairs}
    assert pairs["a", "Gao"].predicted.event_type == "Violence against civilians"
    assert pairs["a", "Bamako"].distance_km == pytest.approx(30.0, abs=0.01)
    assert pairs["b", "Mopti"].predicted.event_date == dt.date(2024, 5, 9)
    found = sorted((m.doc_id, m.kind, m.field) for m in report.mistakes)
    assert found == [
        ("a", "mismatch", "event_type"), ("a", "mismatch", "location"), ("a", "mismatch", "sub_event_type"),
        ("b", "mismatch", "event_date"), ("c", "false_alarm", ""),
    ]
    location = next(m for m in report.mistakes if m.field == "location")
    assert location.detail == "gold 'Bamako', predicted 30 km away"
    table = report.format_table()
    assert "P 0.750  R 1.000  F1 0.857" in table
    assert "event type 0.667  sub-event 0.667  location@25km 0.667" in table
    assert "0 misses  1 false alarms  4 mismatched fields" in table
    assert "1 of 1 documents without incidents had predictions" in table


def test_wrong_place_and_wrong_type_is_a_miss_and_a_false_alarm() -> None:
    gold = _gold()
    doc = GoldIncidentDoc("a", "Fighting in Gao.", dt.date(2024, 5, 6), (gold,))
    elsewhere = replace(_north_km(gold, 100.0), event_type="Riots", sub_event_type="Mob violence")
    report = evaluate_incidents([doc], lambda text, published: [elsewhere])
    assert (report.matched, report.precision, report.recall) == (0, 0.0, 0.0)
    assert sorted(m.kind for m in report.mistakes) == ["false_alarm", "miss"]
    assert "nothing matched: the scores over matched pairs are undefined" in report.notes


def test_same_type_in_another_month_and_far_away_does_not_match() -> None:
    gold = _gold()
    far_later = replace(_north_km(gold, 100.0), event_date=dt.date(2024, 6, 3))
    assert incident_similarity(gold, far_later) is None
    assert incident_similarity(gold, replace(far_later, event_date=dt.date(2024, 5, 31))) == 2.0


def test_within_and_beyond_25_km() -> None:
    gold = _gold()
    assert incident_similarity(gold, _north_km(gold, 24.0)) == pytest.approx(2.5 + 1 / 25, abs=1e-6)
    other_type: dict[str, Any] = dict(event_type="Riots", sub_event_type="Mob violence",
                                      event_date=dt.date(2024, 7, 1))
    assert incident_similarity(gold, replace(_north_km(gold, 24.0), **other_type)) is not None
    assert incident_similarity(gold, replace(_north_km(gold, 26.0), **other_type)) is None


def test_matching_is_one_to_one_and_prefers_the_most_similar() -> None:
    arrest = _gold(event_type="Strategic developments", sub_event_type="Arrests", event_date=dt.date(2024, 6, 21),
                   location="Bamako", latitude=12.61, longitude=-7.98, fatalities=0)
    protest = _gold(event_type="Protests", sub_event_type="Protest with intervention",
                    event_date=dt.date(2024, 6, 22), location="Bamako", latitude=12.61, longitude=-7.98,
                    fatalities=0)
    doc = GoldIncidentDoc("a", "Arrests in Bamako, then a protest.", dt.date(2024, 6, 24), (arrest, protest))
    # Three predictions in the same town: the two exact ones must win, the extra is a false alarm.
    extra = replace(protest, event_date=dt.date(2024, 6, 23))
    report = evaluate_incidents([doc], lambda text, published: [extra, protest, arrest])
    assert report.matched == 2 and report.date_exact == 1.0 and report.event_type_acc == 1.0
    assert [m.kind for m in report.mistakes] == ["false_alarm"]
    assert report.mistakes[0].predicted is extra


def test_prediction_without_coordinates_matches_by_type_and_month_and_misses_location() -> None:
    gold = _gold()
    unplaced = replace(_to_incident(gold), latitude=None, longitude=None)
    doc = GoldIncidentDoc("a", "Fighting in Gao.", dt.date(2024, 5, 6), (gold,))
    report = evaluate_incidents([doc], lambda text, published: [unplaced])
    assert report.matched == 1 and report.location_25km == 0.0
    assert report.pairs[0].distance_km == math.inf
    assert report.mistakes[0].detail == "gold 'Gao', predicted no coordinates"


def test_undated_prediction_scores_a_wrong_date() -> None:
    gold = _gold()
    undated = replace(_to_incident(gold), event_date=None)
    doc = GoldIncidentDoc("a", "Fighting in Gao.", dt.date(2024, 5, 6), (gold,))
    report = evaluate_incidents([doc], lambda text, published: [undated])
    assert report.matched == 1 and report.date_exact == 0.0


@pytest.mark.parametrize(
    ("prediction", "message"),
    [
        (dict(latitude=None), "only one of latitude and longitude"),
        (dict(latitude=95.0), "coordinates out of range"),
        (dict(longitude=math.nan), "coordinates out of range"),
        (dict(event_type="Fighting"), "unknown event_type 'Fighting'"),
        (dict(event_date="2024-05-03"), "not a datetime.date"),
        (dict(event_date=dt.datetime(2024, 5, 3, 12)), "not a datetime.date"),
    ],
)
def test_unscorable_predictions_raise(prediction: dict[str, Any], message: str) -> None:
    gold = _gold()
    bad = replace(gold, **prediction)
    doc = GoldIncidentDoc("a", "Fighting in Gao.", dt.date(2024, 5, 6), (gold,))
    with pytest.raises(EvaluationError, match=re.escape(message)):
        evaluate_incidents([doc], lambda text, published: [bad])


def test_prediction_missing_an_attribute_raises() -> None:
    doc = GoldIncidentDoc("a", "Fighting in Gao.", dt.date(2024, 5, 6), (_gold(),))
    fields = {name: getattr(_gold(), name) for name in ("event_type", "sub_event_type", "event_date",
                                                         "time_precision", "latitude", "longitude")}
    with pytest.raises(EvaluationError, match="has no attribute 'fatalities'"):
        evaluate_incidents([doc], lambda text, published: [SimpleNamespace(**fields)])


# --------------------------------------------------------------------------- the reader


def test_reader_parses_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    negative = json.dumps({"id": "t-2", "text": "Talks are planned.", "published": "2024-03-08", "incidents": []})
    path.write_text(_line() + "\n\n" + negative + "\n", encoding="utf-8")
    docs = read_incident_set(path)
    assert [d.id for d in docs] == ["t-1", "t-2"]
    assert docs[0].published == dt.date(2024, 3, 8)
    assert docs[0].incidents[0] == GoldIncident(
        "Protests", "Peaceful protest", dt.date(2024, 3, 7), 1, "Nakuru", -0.31, 36.07, 1, "Kenya", 0, None,
        "Protesters (Kenya)", "")
    assert docs[1].incidents == ()


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "must be a JSON object"),
        (_line(doc_incidents={}), "'incidents' must be a list"),
        (_line(doc_published="8 March 2024"), "'published' must be a YYYY-MM-DD string"),
        (_line(doc_id=""), "'id' must be a non-empty string"),
        (_line(doc_extra=1), "unknown keys 'extra'"),
        (_line(fatalities=_DROP), "lacks 'fatalities'"),
        (_line(confidence=0.5), "unknown keys 'confidence'"),
        (_line(event_type="Clash"), "unknown event_type 'Clash'"),
        (_line(sub_event_type="Armed clash"), "'Armed clash' is no sub-event type of 'Protests'"),
        (_line(event_date="2024-02-30"), "'event_date' must be a YYYY-MM-DD date"),
        (_line(event_date="2024-03-09"), "is after published"),
        (_line(time_precision=4), "time_precision must be 1, 2 or 3"),
        (_line(time_precision=3), "must be the first of the month"),
        (_line(location="Nairobi"), "location 'Nairobi' does not occur in the text"),
        (_line(latitude=91), "'latitude' must be between -90 and 90"),
        (_line(longitude="36.07"), "'longitude' must be a number"),
        (_line(geo_precision=0), "geo_precision must be 1, 2 or 3"),
        (_line(fatalities=True), "'fatalities' must be an integer"),
        (_line(fatalities=2.0), "'fatalities' must be an integer"),
        (_line(injuries=-1), "'injuries' must be at least 0"),
        (_line(actor1=""), "'actor1' must be a non-empty string"),
        (_line(actor2=None), "'actor2' must be a string"),
        (_line(country=None), "'country' must be a non-empty string"),
    ],
)
def test_reader_names_the_bad_line(tmp_path: Path, bad_line: str, reason: str) -> None:
    path = tmp_path / "set.jsonl"
    other = _line(doc_id="t-0")
    path.write_text(f"{other}\n\n{bad_line}\n{other}\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=re.escape(f"{path}:3: ")) as info:
        read_incident_set(path)
    assert reason in str(info.value)


def test_reader_rejects_repeated_ids(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(_line() + "\n" + _line() + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r":2: repeated id 't-1'"):
        read_incident_set(path)


@pytest.mark.parametrize("content", [None, b"\xff\xfe not utf-8"])
def test_reader_unreadable_file(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "set.jsonl"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(EvaluationError, match="cannot read incident set"):
        read_incident_set(path)


def test_module_exports_exist() -> None:
    assert incidents_module.__all__ == sorted(set(incidents_module.__all__))
    for name in incidents_module.__all__:
        assert hasattr(incidents_module, name), name
