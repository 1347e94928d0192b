"""Output paths as a user means them, never onto devices; files replaced atomically and together."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.errors import OutputError
from geomap.io._outputs import atomic_write, atomic_writer, resolve_output_path, write_together


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("path", ["map.html", "outputs/map.html", "outputs/sub/dir/map.html", "./outputs/a/../map.html",
                                  "../map.html", "other/map.html"])
def test_relative_paths_are_taken_from_the_current_folder(in_tmp: Path, path: str) -> None:
    resolved = resolve_output_path(path, mkdirs=True)
    assert resolved.is_absolute() and resolved == (in_tmp / path).resolve()


@pytest.mark.parametrize("path", ["map.html", "../map.html", "outputs/../../map.html", "outputs/../map.html",
                                  "other/map.html"])
def test_relative_paths_that_escape_a_given_root_are_refused(in_tmp: Path, path: str) -> None:
    with pytest.raises(OutputError, match="outside the output folder"):
        resolve_output_path(path, root="outputs", mkdirs=True)


def test_a_symlink_out_of_the_root_is_refused(in_tmp: Path) -> None:
    (in_tmp / "outputs").mkdir()
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    (in_tmp / "outputs" / "link").symlink_to(elsewhere)
    with pytest.raises(OutputError):
        resolve_output_path("outputs/link/map.html", root="outputs")


def test_absolute_paths_are_the_users_choice_unless_confined(in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
                                                             ) -> None:
    target = tmp_path_factory.mktemp("else") / "map.html"
    assert resolve_output_path(target) == target.resolve()
    with pytest.raises(OutputError):
        resolve_output_path(target, root="outputs")


@pytest.mark.parametrize("path", ["", " ", ".", "outputs/..", "outputs"])
def test_folders_and_empty_names_are_refused(in_tmp: Path, path: str) -> None:
    (in_tmp / "outputs").mkdir()
    with pytest.raises(OutputError):
        resolve_output_path(path)


def test_a_missing_folder_is_refused_unless_mkdirs(in_tmp: Path) -> None:
    with pytest.raises(OutputError, match="does not exist; create it first or pass --mkdirs"):
        resolve_output_path("new/dir/map.html")
    assert not (in_tmp / "new").exists()
    assert resolve_output_path("new/dir/map.html", mkdirs=True).parent.is_dir()


def test_a_file_in_the_way_of_the_folder_is_refused(in_tmp: Path) -> None:
    (in_tmp / "file").write_text("not a folder")
    with pytest.raises(OutputError, match="not a folder"):
        resolve_output_path("file/map.html")


def test_a_fifo_is_refused_and_kept(in_tmp: Path) -> None:
    os.mkfifo(in_tmp / "pipe.html")
    with pytest.raises(OutputError, match="is a FIFO; geomap writes only regular files"):
        resolve_output_path("pipe.html")
    assert stat.S_ISFIFO((in_tmp / "pipe.html").lstat().st_mode)


@pytest.mark.parametrize("path", ["/dev/null", "/dev/full.geojson", "/proc/self/x.html", "/sys/x.csv"])
def test_system_trees_are_refused(path: str) -> None:
    before = os.stat("/dev/null")
    with pytest.raises(OutputError, match="does not write under /dev, /proc or /sys"):
        resolve_output_path(path)
    assert os.path.samestat(before, os.stat("/dev/null")) and not os.path.exists("/dev/full.geojson")


def test_a_symlink_to_a_device_is_refused(in_tmp: Path) -> None:
    (in_tmp / "null.html").symlink_to("/dev/null")
    with pytest.raises(OutputError):
        resolve_output_path("null.html")
    assert (in_tmp / "null.html").is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_device_outside_dev_is_refused(in_tmp: Path) -> None:
    # A character device node of our own (as root); where mknod is not allowed the check is the FIFO test's.
    try:
        os.mknod(in_tmp / "tty.html", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    with pytest.raises(OutputError, match="is a device"):
        resolve_output_path("tty.html")
    assert stat.S_ISCHR((in_tmp / "tty.html").lstat().st_mode)


def test_temporaries_of_a_killed_run_are_removed_and_live_ones_kept(in_tmp: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = in_tmp / f".map.{dead_pid}-abc123.tmp.html"
    live = in_tmp / f".map.{os.getppid()}-def456.tmp.html"
    other = in_tmp / f".other.{dead_pid}-abc123.tmp.html"
    for p in (stale, live, other):
        p.write_text("half a map")
    resolve_output_path("map.html")
    assert not stale.exists() and live.exists() and other.exists()


def test_outputs_written_together_land_together_or_not_at_all(tmp_path: Path) -> None:
    html, geojson = tmp_path / "m.html", tmp_path / "m.geojson"
    html.write_text("old map")
    with pytest.raises(OutputError):
        with write_together(html, geojson) as (html_tmp, geojson_tmp):
            atomic_write(html_tmp, "new map")
            atomic_write(tmp_path / "missing" / "x" / "y", "x")  # stands for any failed write
            raise OutputError("the second writer failed")
    assert html.read_text() == "old map" and not geojson.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.html", "missing"]
    with write_together(html, geojson) as (html_tmp, geojson_tmp):
        atomic_write(html_tmp, "new map")
        atomic_write(geojson_tmp, "{}")
    assert html.read_text() == "new map" and geojson.read_text() == "{}"


def test_atomic_write_replaces_an_existing_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.geojson"
    target.write_text("old")
    atomic_write(target, "new")
    assert target.read_text() == "new"
    atomic_write(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.geojson"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("the old map")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as f:
            f.write("half a new ma")
            raise RuntimeError("the renderer failed")
    assert target.read_text() == "the old map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_the_written_file_gets_normal_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "x.txt", "x")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_the_folder_is_created(tmp_path: Path) -> None:
    assert atomic_write(tmp_path / "a" / "b" / "c.txt", "x").read_text() == "x"


def test_an_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        atomic_write(blocker / "x.txt", "x")


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        atomic_write("x", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        with atomic_writer("x", "a"):  # type: ignore[call-overload]
            pass
