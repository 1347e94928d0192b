"""The CLI as a newcomer types it: paths, stdin, folders, URLs, --version, pipes, formats, outputs together."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[3]
GEOMAP = [sys.executable, "-m", "geomap"]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article_text: str) -> Path:
    """A fresh folder as the current directory, holding a.txt (one incident)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(article_text, encoding="utf-8")
    return tmp_path


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


# -- output paths ----------------------------------------------------------------------------------

def test_export_writes_into_the_current_folder(in_tmp: Path) -> None:
    res = runner.invoke(app, ["export", "a.txt", "-o", "a.geojson"])
    assert res.exit_code == 0, res.output
    assert len(_features(in_tmp / "a.geojson")) == 1 and not (in_tmp / "outputs").exists()


@pytest.mark.parametrize("ext", [".gpkg", ".parquet", ".kml", ".csv", ".geojson", ".json"])
def test_map_reads_everything_export_writes(in_tmp: Path, ext: str) -> None:
    assert runner.invoke(app, ["export", "a.txt", "-o", f"a{ext}"]).exit_code == 0
    res = runner.invoke(app, ["map", f"a{ext}", "--no-borders", "-o", "m.html"])
    assert res.exit_code == 0, res.output
    (feature,) = _features(in_tmp / "m-incidents.geojson")
    assert feature["properties"]["location"] == "Sotk" and feature["properties"]["fatalities"] == 2


def test_an_unknown_input_lists_exactly_what_map_reads(in_tmp: Path) -> None:
    (in_tmp / "a.pdf").write_bytes(b"%PDF-1.7")
    res = runner.invoke(app, ["map", "a.pdf"])
    assert res.exit_code == 2 and len(res.stderr.splitlines()) == 1
    for ext in (".txt", ".html", ".json", ".jsonl", ".csv", ".geojson", ".gpkg", ".parquet", ".kml"):
        assert ext in res.stderr
    assert "cannot read '.pdf' files" in res.stderr


def test_map_png_is_refused_unless_format_says_html(in_tmp: Path) -> None:
    res = runner.invoke(app, ["map", "a.txt", "-o", "out.png", "--no-borders"])
    assert res.exit_code == 2 and "a map is an HTML page" in res.stderr and "--format html" in res.stderr
    assert not (in_tmp / "out.png").exists()
    res = runner.invoke(app, ["map", "a.txt", "-o", "out.png", "--format", "html", "--no-borders"])
    assert res.exit_code == 0, res.output
    assert (in_tmp / "out.png").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_format_overrides_the_extension(in_tmp: Path) -> None:
    res = runner.invoke(app, ["export", "a.txt", "-o", "incidents.txt", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert (in_tmp / "incidents.txt").read_text(encoding="utf-8").startswith("event_id_cnty,")


def test_a_missing_folder_needs_mkdirs(in_tmp: Path) -> None:
    res = runner.invoke(app, ["map", "a.txt", "-o", "maps/2023/a.html", "--no-borders"])
    assert res.exit_code == 2 and "pass --mkdirs" in res.stderr and not (in_tmp / "maps").exists()
    res = runner.invoke(app, ["map", "a.txt", "-o", "maps/2023/a.html", "--no-borders", "--mkdirs"])
    assert res.exit_code == 0, res.output
    assert (in_tmp / "maps" / "2023" / "a.html").is_file() and (in_tmp / "maps" / "2023" / "a-incidents.geojson").is_file()
    res = runner.invoke(app, ["export", "a.txt", "-o", "gis/a.gpkg"])
    assert res.exit_code == 2 and "pass --mkdirs" in res.stderr
    assert runner.invoke(app, ["export", "a.txt", "-o", "gis/a.gpkg", "--mkdirs"]).exit_code == 0


def test_the_default_output_folder_is_made_when_missing(in_tmp: Path) -> None:
    res = runner.invoke(app, ["map", "a.txt", "--no-borders"])
    assert res.exit_code == 0, res.output
    assert (in_tmp / "outputs" / "a-map.html").is_file()


@pytest.mark.parametrize("option", ["-o", "--geojson"])
def test_an_empty_output_name_is_a_clear_error(in_tmp: Path, option: str) -> None:
    res = runner.invoke(app, ["map", "a.txt", option, ""])
    assert res.exit_code == 2 and "not a file name" in res.stderr and "Traceback" not in res.output


def test_a_fifo_target_is_refused_and_nothing_is_written(in_tmp: Path) -> None:
    os.mkfifo(in_tmp / "pipe.geojson")
    (in_tmp / "m.html").write_text("the old map")
    res = runner.invoke(app, ["map", "a.txt", "-o", "m.html", "--geojson", "pipe.geojson", "--no-borders"])
    assert res.exit_code == 2 and "is a FIFO" in res.stderr and len(res.stderr.splitlines()) == 1
    assert stat.S_ISFIFO((in_tmp / "pipe.geojson").lstat().st_mode)
    assert (in_tmp / "m.html").read_text() == "the old map"
    res = runner.invoke(app, ["export", "a.txt", "-o", "pipe.geojson"])
    assert res.exit_code == 2 and stat.S_ISFIFO((in_tmp / "pipe.geojson").lstat().st_mode)


@pytest.mark.parametrize("geojson", ["/dev/null", "/dev/full.geojson", "null-link.geojson", "no/such/x.geojson"])
def test_an_unwritable_geojson_leaves_the_map_unwritten(in_tmp: Path, geojson: str) -> None:
    (in_tmp / "null-link.geojson").symlink_to("/dev/null")
    before = os.stat("/dev/null")
    res = runner.invoke(app, ["map", "a.txt", "-o", "m.html", "--geojson", geojson, "--no-borders"])
    assert res.exit_code == 2 and res.stderr.startswith("geomap: error:")
    assert not (in_tmp / "m.html").exists() and not os.path.exists("/dev/full.geojson")
    assert os.path.samestat(before, os.stat("/dev/null")) and stat.S_ISCHR(before.st_mode)


def test_a_killed_runs_temporaries_are_cleaned_up_by_the_next_run(in_tmp: Path) -> None:
    dead_pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                                  text=True).stdout)
    leftover = in_tmp / f".m.{dead_pid}-k1ll3d.tmp.html"
    leftover.write_text("half a map")
    old = in_tmp / f".m-incidents.{dead_pid}-k1ll3d.tmp.geojson"
    old.write_text('{"type": "FeatureCollection", "features": [')
    res = runner.invoke(app, ["map", "a.txt", "-o", "m.html", "--no-borders"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in in_tmp.iterdir()) == ["a.txt", "m-incidents.geojson", "m.html"]


# -- inputs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["map"], ["incidents"], ["places"], ["export", "-o", "x.geojson"]])
def test_a_folder_argument_points_to_batch(in_tmp: Path, command: list[str]) -> None:
    (in_tmp / "news").mkdir()
    res = runner.invoke(app, [command[0], "news", *command[1:]])
    assert res.exit_code == 2 and "geomap batch news -o OUTDIR" in res.stderr
    assert len(res.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["map", "incidents", "places", "batch"])
def test_a_url_argument_says_geomap_reads_files(in_tmp: Path, command: str) -> None:
    extra = ["-o", "out"] if command == "batch" else []
    res = runner.invoke(app, [command, "https://example.org/news/story.html", *extra])
    assert res.exit_code == 2
    assert "https://example.org/news/story.html: geomap reads files, not URLs" in res.stderr


def test_version() -> None:
    from geomap import __version__

    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout == f"geomap {__version__}\n"


def test_stdin_for_incidents_in_a_real_pipe(in_tmp: Path) -> None:
    text = (in_tmp / "a.txt").read_bytes()
    done = subprocess.run([*GEOMAP, "incidents", "-", "--json"], input=text, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert row["location"] == "Sotk" and row["source"] == "<stdin>"


@pytest.mark.parametrize("command", [["places", "-", "--json"], ["map", "-", "--no-borders"],
                                     ["export", "-", "-o", "s.csv"]])
def test_stdin_for_every_command_that_reads_files(in_tmp: Path, article_text: str, command: list[str]) -> None:
    res = runner.invoke(app, command, input=article_text)
    assert res.exit_code == 0, res.output
    if command[0] == "places":
        assert "Sotk" in [p["surface"] for p in json.loads(res.stdout)[0]["places"]]
    elif command[0] == "map":
        assert len(_features(in_tmp / "outputs" / "stdin-incidents.geojson")) == 1
    else:
        assert "Sotk" in (in_tmp / "s.csv").read_text(encoding="utf-8")


def test_stdin_tables_for_map_and_enrich(in_tmp: Path) -> None:
    assert runner.invoke(app, ["export", "a.txt", "-o", "a.geojson"]).exit_code == 0
    geojson = (in_tmp / "a.geojson").read_text(encoding="utf-8")
    res = runner.invoke(app, ["map", "-", "-o", "m.html", "--no-borders"], input=geojson)
    assert res.exit_code == 0, res.output
    assert [f["properties"]["location"] for f in _features(in_tmp / "m-incidents.geojson")] == ["Sotk"]
    res = runner.invoke(app, ["enrich", "-", "-o", "e.csv"], input="id,lat,lon\na,39.64,46.55\n")
    assert res.exit_code == 0, res.output
    assert "Laçın" in (in_tmp / "e.csv").read_text(encoding="utf-8")


def test_stdin_for_the_gold_sets(in_tmp: Path) -> None:
    gold = (REPO / "tests" / "data" / "incidents" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    res = runner.invoke(app, ["eval", "incidents", "-", "--json"], input="\n".join(gold) + "\n")
    assert res.exit_code == 0, res.output
    assert isinstance(json.loads(res.stdout), dict)
    res = runner.invoke(app, ["eval", "incidents", "https://example.org/gold.jsonl"])
    assert res.exit_code == 2 and "geomap reads files, not URLs" in res.stderr


def test_stdin_json_lines(in_tmp: Path, article_text: str) -> None:
    lines = json.dumps({"id": "x1", "text": article_text}) + "\n" + json.dumps({"id": "x2", "text": "Calm."}) + "\n"
    res = runner.invoke(app, ["places", "-", "--jsonl"], input=lines)
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["document"] for x in res.stdout.splitlines()] == ["x1", "x2"]


def test_a_closed_pipe_ends_quietly_with_status_0(in_tmp: Path) -> None:
    # Far more output than a pipe buffers, so the writer meets the closed pipe.
    (in_tmp / "long.txt").write_text("Shelling hit villages near Zangilan and Baku.\n" * 2000, encoding="utf-8")
    proc = subprocess.Popen([*GEOMAP, "places", "long.txt"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=300) == 0, err
    assert first.decode().split("\t")[:3] == ["start", "end", "surface"] and err == b""


def test_plain_tables_have_a_header(in_tmp: Path) -> None:
    res = runner.invoke(app, ["places", "a.txt"])
    header, *rows = res.stdout.splitlines()
    assert header.split("\t") == ["start", "end", "surface", "name", "kind", "country", "lat", "lon", "score"]
    assert any(r.split("\t")[2] == "Sotk" for r in rows)
    (in_tmp / "b.txt").write_text("Protesters gathered in Baku.", encoding="utf-8")
    header, *rows = runner.invoke(app, ["places", "a.txt", "b.txt"]).stdout.splitlines()
    assert header.startswith("document\tstart") and {r.split("\t")[0] for r in rows} == {"a.txt", "b.txt"}


def test_places_json_is_one_array(in_tmp: Path) -> None:
    (in_tmp / "b.txt").write_text("Protesters gathered in Baku.", encoding="utf-8")
    docs = json.loads(runner.invoke(app, ["places", "a.txt", "b.txt", "--json"]).stdout)
    assert [d["document"] for d in docs] == ["a.txt", "b.txt"]


def test_the_readmes_main_command_from_a_fresh_folder(tmp_path: Path) -> None:
    # The README's command minus `pip install -e .`, in a folder laid out like a fresh clone without outputs/.
    (tmp_path / "geomap" / "data").mkdir(parents=True)
    shutil.copy(REPO / "geomap" / "data" / "example-article.txt", tmp_path / "geomap" / "data")
    # The console script, as the README runs it (`python -m geomap` would import the folder's geomap/).
    script = Path(sys.executable).with_name("geomap")
    if not script.exists():
        script = Path(shutil.which("geomap") or "geomap")
    done = subprocess.run([str(script), "map", "geomap/data/example-article.txt", "--offline", "-o",
                           "outputs/example-map.html"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "wrote outputs/example-map.html and outputs/example-incidents.geojson " \
                          f"({len(_features(tmp_path / 'outputs' / 'example-incidents.geojson'))} incidents)\n"


def test_map_takes_tiles_and_refuses_a_bad_template_before_the_work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("On 20 March 2023, shelling hit Zangilan.", encoding="utf-8")
    res = runner.invoke(app, ["map", "a.txt", "-o", "bad.html", "--tiles", "ftp://tiles/{z}/{x}/{y}.png"])
    assert res.exit_code == 2 and "tiles must be" in res.stderr
    assert not (tmp_path / "bad.html").exists()
    res = runner.invoke(app, ["map", "a.txt", "-o", "osm.html", "--tiles", "osm"])
    assert res.exit_code == 0, res.output
    assert "tile.openstreetmap.org" in (tmp_path / "osm.html").read_text(encoding="utf-8")
