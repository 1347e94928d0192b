"""``geomap batch``: local and Dask give the same incidents, kill -9 and resume lose and duplicate
nothing, broken documents land in the errors report and the run goes on."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.batch import iter_corpus, run_batch

REPO = Path(__file__).resolve().parents[3]

_PLACES = ["Zangilan", "Lachin", "Shusha", "Yerevan", "Goris", "Kapan", "Agdam", "Ganja", "Tegh", "Jermuk"]
_ACTORS = ["Armenian forces", "Azerbaijani troops", "Unidentified gunmen", "Police"]
_EVENTS = [
    "{actor} shelled positions near {place}, killing {n} soldiers.",
    "Hundreds of protesters rallied in {place} against the government.",
    "A drone strike hit a convoy outside {place}, wounding {n} people.",
    "{actor} arrested {n} activists in {place}.",
    "Clashes broke out between {actor} and local militias in {place}; {n} fighters died.",
]
_FILLER = "Officials gave no further details. Residents said the situation remained tense. "


def _articles(n: int, *, seed: int = 7, filler: int = 1) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        sentences = [rng.choice(_EVENTS).format(actor=rng.choice(_ACTORS), place=rng.choice(_PLACES),
                                                n=rng.randint(1, 9)) for _ in range(rng.randint(1, 3))]
        out.append({"id": f"a{k:04d}", "text": " ".join(sentences) + " " + _FILLER * filler,
                    "published": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "url": f"https://example.org/{k}",
                    "title": f"Report {k}"})
    return out


def _write_jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _frame(outdir: Path, table: str, key: list[str]):
    import geopandas

    gdf = geopandas.read_parquet(outdir / table)
    return gdf.sort_values(key).reset_index(drop=True)


def _assert_same_output(a: Path, b: Path) -> None:
    import pandas as pd

    inc_a, inc_b = _frame(a, "incidents", ["event_id"]), _frame(b, "incidents", ["event_id"])
    assert inc_a["event_id"].is_unique and len(inc_a) > 0
    pd.testing.assert_frame_equal(inc_a, inc_b)
    pd.testing.assert_frame_equal(_frame(a, "places", ["doc_id", "start"]), _frame(b, "places", ["doc_id", "start"]))
    assert (a / "errors.csv").read_text() == (b / "errors.csv").read_text()
    sa, sb = (json.loads((d / "summary.json").read_text()) for d in (a, b))
    sa.pop("run"), sb.pop("run")
    assert sa == sb


def test_local_and_dask_localcluster_give_identical_incidents(tmp_path):
    pytest.importorskip("distributed", reason="dask.distributed is not installed: pip install 'dask[distributed]'")
    from geomap.batch._dask import gazetteer_loads

    corpus = _write_jsonl(tmp_path / "news.jsonl", _articles(80))
    local = run_batch(corpus, tmp_path / "local", workers=2, chunk_size=10, progress=False)
    loads: list[dict[str, int]] = []
    on_dask = run_batch(corpus, tmp_path / "dask", workers=2, chunk_size=10, progress=False, dask="local",
                        on_client=lambda client: loads.append(gazetteer_loads(client)))
    assert local.documents == on_dask.documents == 80 and local.errors == 0
    assert local.incidents == on_dask.incidents > 80
    _assert_same_output(tmp_path / "local", tmp_path / "dask")
    # The plugin loaded the gazetteer once on each of the two workers, before any task ran.
    assert len(loads[0]) == 2 and set(loads[0].values()) == {1}
    assert len(on_dask.peak_rss_per_worker) == 2


def _chunk_lines(manifest: Path) -> int:
    try:
        return max(0, len(manifest.read_bytes().splitlines()) - 1)
    except FileNotFoundError:
        return 0


def test_killed_run_resumes_to_the_same_output_without_duplicates_or_losses(tmp_path):
    corpus = _write_jsonl(tmp_path / "news.jsonl", _articles(160, filler=12))
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "geomap", "batch", str(corpus), "-o", str(out), "--workers", "2",
           "--chunk-size", "4", "--quiet", "--map-limit", "0"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _chunk_lines(out / "manifest.jsonl") < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)  # no clean-up of any kind: the parent dies mid-way
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, stderr.decode()
    assert 3 <= _chunk_lines(out / "manifest.jsonl") < 40, "the run was not interrupted mid-way"

    resumed = run_batch(corpus, out, workers=2, resume=True, progress=False, map_limit=None)
    fresh = run_batch(corpus, tmp_path / "fresh", workers=2, chunk_size=4, progress=False, map_limit=None)
    assert resumed.chunks_skipped >= 3 and resumed.chunks == fresh.chunks == 40
    assert resumed.documents == 160
    _assert_same_output(out, tmp_path / "fresh")
    # Every document exactly once: each chunk recorded once, holding its four documents.
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()[1:]]
    assert sorted(r["chunk"] for r in records) == [f"{k:06d}" for k in range(40)]
    assert all(r["docs"] == 4 for r in records)
    incidents = _frame(out, "incidents", ["event_id"])
    assert set(incidents["doc_id"]) <= {f"a{k:04d}" for k in range(160)} and len(set(incidents["doc_id"])) > 100
    assert not list(out.rglob(".*.tmp"))


def test_broken_documents_go_to_the_errors_report_and_the_run_finishes(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for a in _articles(396):
        (corpus / ("sub" if a["id"].endswith("7") else ".") / f"{a['id']}.txt").write_text(a["text"])
    broken = {
        "bin.txt": bytes(range(256)) * 40,                       # binary: NUL bytes
        "latin1.txt": "Protest in Gümüşhane".encode("latin-1", "replace") + b"\xe9\xff",  # invalid UTF-8
        "sub/empty.txt": b"",
        "huge.txt": b"Shelling near Lachin. " * (20 * 1024 * 1024 // 22),  # 20 MB
    }
    for name, data in broken.items():
        (corpus / name).write_bytes(data)
    summary = run_batch(corpus, tmp_path / "out", workers=2, chunk_size=50, progress=False)
    assert summary.documents == 400 and summary.errors == 4
    with open(tmp_path / "out" / "errors.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["doc_id"] for r in rows} == set(broken)
    kinds = {r["doc_id"]: r["error_type"] for r in rows}
    assert kinds == {"bin.txt": "EncodingError", "latin1.txt": "EncodingError", "sub/empty.txt": "InputError",
                     "huge.txt": "InputTooLarge"}
    assert summary.incidents > 396
    assert (tmp_path / "out" / "map.html").stat().st_size > 0


def test_jsonl_and_csv_readers_stream_bad_records_as_errors(tmp_path):
    jsonl = tmp_path / "n.jsonl"
    jsonl.write_bytes(b'{"text": "Shelling near Lachin."}\nnot json\n\n{"id": 5, "text": "Clash in Tegh."}\n'
                      b'{"text": "caf\xe9"}\n')
    got = [(ref, getattr(v, "id", type(v).__name__)) for ref, v in iter_corpus(jsonl)]
    assert got == [("line:1", "line:1"), ("line:2", "InputError"), ("line:4", "5"), ("line:5", "InputError")]
    table = tmp_path / "n.csv"
    table.write_bytes(b"id,text,published\nx1,Shelling near Lachin.,2023-03-20\n,caf\xe9,\nx3,\"" + b"a" * 300_000
                      + b'",\n')
    got = [(ref, getattr(v, "id", type(v).__name__)) for ref, v in iter_corpus(table, max_doc_bytes=100_000)]
    assert got == [("row:1", "x1"), ("row:2", "EncodingError"), ("row:3", "InputTooLarge")]


def test_batch_refuses_a_previous_run_without_resume(tmp_path):
    from typer.testing import CliRunner

    from geomap.cli import app

    corpus = _write_jsonl(tmp_path / "n.jsonl", _articles(3))
    runner = CliRunner()
    first = runner.invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "o"), "-w", "1", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["documents"] == 3
    again = runner.invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "o"), "-w", "1", "-q"])
    assert again.exit_code == 2 and "--resume" in again.stderr
    done = runner.invoke(app, ["batch", str(corpus), "-o", str(tmp_path / "o"), "-w", "1", "--resume", "--json"])
    assert done.exit_code == 0 and json.loads(done.stdout)["run"]["chunks_skipped"] == 1
