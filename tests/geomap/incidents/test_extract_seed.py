"""Golden test: the seed article (read from ../shared/examples, never copied) yields the incidents of issue 4."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.incidents._extract import extract_incidents

PUBLISHED = dt.date(2023, 3, 20)


@pytest.fixture(scope="module")
def incidents(shared_dir):
    path = shared_dir / "examples" / "armenia-azerbaijan-2023-03-20.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return extract_incidents(path.read_text(encoding="utf-8"), published=PUBLISHED)


def _find(incidents, event_type, sub, date, precision):
    for i in incidents:
        if (i.event_type, i.sub_event_type) == (event_type, sub) and i.time_precision == precision and \
                i.event_date is not None and i.event_date.isoformat().startswith(date):
            return i
    raise AssertionError(f"no {event_type}/{sub} on {date}: " + "; ".join(
        f"{i.event_type}/{i.sub_event_type} {i.event_date} p{i.time_precision} {i.location}" for i in incidents))


def test_eu_mission_on_the_border(incidents):
    i = _find(incidents, "Strategic developments", "Other", "2023-02-20", 1)
    assert i.place_id == "curated:armenia-azerbaijan-border" and i.geo_precision == 3
    assert (i.fatalities, i.injuries or 0) == (0, 0)


def test_lachin_corridor_blockade_protest(incidents):
    i = _find(incidents, "Protests", "Peaceful protest", "2022-12", 3)
    assert i.place_id == "curated:lachin-corridor" and i.geo_precision == 2 and i.geometry_type == "LineString"
    assert i.fatalities == 0


def test_border_shootout_over_280_dead(incidents):
    i = _find(incidents, "Battles", "Armed clash", "2022-10", 3)
    assert i.place_id == "curated:armenia-azerbaijan-border" and i.geo_precision == 3
    assert i.fatalities == 280


def test_early_march_flare_up(incidents):
    i = _find(incidents, "Battles", "Armed clash", "2023-03", 3)
    assert i.fatalities == 5 and i.geo_precision == 3
    assert i.place_id in {"curated:karabakh", "curated:armenia-azerbaijan-border"}


def test_gunfire_in_zangilan(incidents):
    i = _find(incidents, "Battles", "Armed clash", "2023-03-20", 1)
    assert i.place_id == "geonames:146900", (i.location, i.place_id)  # the Zangilan district, not the town
    assert i.geo_precision == 2 and i.fatalities == 0 and i.injuries == 1
    assert "gunfire" in i.trigger.lower()
    assert i.notes[i.trigger_start - i.evidence_start:i.trigger_end - i.evidence_start] == i.trigger


def test_munich_understanding(incidents):
    i = _find(incidents, "Strategic developments", "Agreement", "2023-02", 3)
    assert i.location == "Munich" and i.geo_precision == 1


def test_no_false_incidents(incidents):
    notes = " | ".join(i.notes for i in incidents)
    assert "no military solution" not in notes
    assert "very often held" not in notes
    assert "phone call" not in notes
    assert len(incidents) <= 10
