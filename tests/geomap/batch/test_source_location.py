"""A per-document source location in a batch corpus: the ``near`` column of a CSV, the ``near`` key of JSON Lines."""

from __future__ import annotations

import csv
import json

import pytest

from geomap.batch._corpus import Chunk, SourceItem, iter_items, source_location
from geomap.batch._worker import ChunkJob, run_chunk
from geomap.errors import InputError

ATTACK = "Gunmen attacked a checkpoint near Paris on Monday, killing two police officers."


def _line(**fields: object) -> bytes:
    return json.dumps({"text": ATTACK, "published": "2023-03-20", **fields}).encode()


def test_each_document_is_read_near_its_own_source(tmp_path):
    chunk = Chunk("000000", (SourceItem(0, "line:1", "jsonl", _line(id="tn", near="Nashville, Tennessee")),
                             SourceItem(1, "line:2", "jsonl", _line(id="plain")),
                             SourceItem(2, "line:3", "jsonl", _line(id="point", near="36.16,-86.78,150"))))
    report = run_chunk(chunk, ChunkJob(str(tmp_path / "out"), None))
    assert report.errors == 0 and report.countries == {"United States": 2, "France": 1}


def test_a_documents_own_source_comes_before_the_runs(tmp_path):
    chunk = Chunk("000000", (SourceItem(0, "line:1", "jsonl", _line(near="Paris, France")),))
    report = run_chunk(chunk, ChunkJob(str(tmp_path / "out"), None, near="Nashville, Tennessee"))
    assert report.countries == {"France": 1}
    blank = Chunk("000000", (SourceItem(0, "line:1", "jsonl", _line(near="  ")),))
    assert run_chunk(blank, ChunkJob(str(tmp_path / "b"), None, near="Nashville, Tennessee")).countries == {
        "United States": 1}


def test_the_csv_near_column_is_read(tmp_path):
    corpus = tmp_path / "news.csv"
    with open(corpus, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "published", "near"])
        w.writerow(["a", ATTACK, "2023-03-20", "Nashville, Tennessee"])
        w.writerow(["b", ATTACK, "2023-03-20", ""])
    items = list(iter_items(corpus))
    assert [source_location(i) for i in items] == ["Nashville, Tennessee", None]
    report = run_chunk(Chunk("000000", tuple(items)), ChunkJob(str(tmp_path / "out"), None))
    assert report.countries == {"United States": 1, "France": 1}


def test_a_bad_source_location_is_that_documents_error_and_the_chunk_goes_on(tmp_path):
    chunk = Chunk("000000", (SourceItem(0, "line:1", "jsonl", _line(id="bad", near="Xqzzyville")),
                             SourceItem(1, "line:2", "jsonl", _line(id="odd", near=[36.1, -86.7])),
                             SourceItem(2, "line:3", "jsonl", _line(id="ok"))))
    out = tmp_path / "out"
    report = run_chunk(chunk, ChunkJob(str(out), None))
    assert report.docs == 3 and report.errors == 2 and report.countries == {"France": 1}
    errors = (out / "errors" / "part-000000.jsonl").read_text(encoding="utf-8")
    assert "NearError" in errors and "no place named" in errors and "'near' field" in errors


def test_a_near_that_is_no_text_is_refused():
    with pytest.raises(InputError, match="near"):
        source_location(SourceItem(0, "line:1", "jsonl", _line(near=5)))
    assert source_location(SourceItem(0, "line:1", "jsonl", b"{not json near")) is None
