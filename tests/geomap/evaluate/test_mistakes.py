"""``geomap eval incidents --mistakes``: false alarms and misses by event type, with their sentences."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from typer.testing import CliRunner

from geomap.cli import app
from geomap.evaluate import (GoldIncident, GoldIncidentDoc, evaluate_incidents, format_mistakes,
                             mistakes_to_dicts)

TEXT = "Police arrested two traders in Kisumu on Monday. Gunmen attacked a bus near Garissa on Tuesday."
GOLD = GoldIncident("Violence against civilians", "Attack", datetime.date(2024, 5, 7), 1, "Garissa", -0.45, 39.65,
                    2, "Kenya", 0, None, "Unidentified Armed Group (Kenya)", "Civilians (Kenya)",
                    evidence=(TEXT.index("Gunmen"), len(TEXT)))


def _report():
    doc = GoldIncidentDoc("k1", TEXT, datetime.date(2024, 5, 9), (GOLD,))
    # an extractor that reports only the arrest: one false alarm, one miss
    arrest = GoldIncident("Strategic developments", "Arrests", datetime.date(2024, 5, 6), 1, "Kisumu", -0.1, 34.75,
                          1, "Kenya", 0, None, "Police Forces of Kenya", "", evidence=(0, TEXT.index(" Gunmen")))
    return evaluate_incidents([doc], lambda text, published: [arrest]), {"k1": TEXT}


def test_mistakes_are_grouped_by_kind_and_type_with_their_sentence() -> None:
    report, texts = _report()
    out = format_mistakes(report, texts)
    assert "false alarms by predicted event type (1)" in out and "  Strategic developments: 1" in out
    assert "misses by gold event type (1)" in out and "  Violence against civilians: 1" in out
    assert "Gunmen attacked a bus near Garissa on Tuesday." in out   # the missed incident's sentence
    rows = mistakes_to_dicts(report, texts)
    assert [(r["kind"], r["event_type"]) for r in rows] == [("miss", "Violence against civilians"),
                                                          ("false_alarm", "Strategic developments")]


def test_cli_lists_mistakes(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "k2", "text": "Talks on the budget are planned for next week.",
                                "published": "2024-05-09", "incidents": []}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "incidents", str(gold), "--mistakes", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["mistakes"] == []
    res = CliRunner().invoke(app, ["eval", "incidents", str(gold), "--mistakes"])
    assert res.exit_code == 0 and "detection" in res.stdout
