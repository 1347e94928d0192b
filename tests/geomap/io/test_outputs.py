"""Output paths stay in the output folder; files are replaced atomically, never left half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geomap.errors import OutputError
from geomap.io._outputs import atomic_write, atomic_writer, resolve_output_path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("path", ["outputs/map.html", "outputs/sub/dir/map.html", "./outputs/a/../map.html"])
def test_relative_paths_inside_the_output_folder_are_accepted(in_tmp: Path, path: str) -> None:
    resolved = resolve_output_path(path)
    assert resolved.is_absolute() and resolved.is_relative_to(in_tmp / "outputs")


@pytest.mark.parametrize("path", ["map.html", "../map.html", "outputs/../../map.html", "outputs/../map.html",
                                  "other/map.html"])
def test_relative_paths_that_escape_are_refused(in_tmp: Path, path: str) -> None:
    with pytest.raises(OutputError, match="outside the output folder"):
        resolve_output_path(path)


def test_a_symlink_out_of_the_output_folder_is_refused(in_tmp: Path) -> None:
    (in_tmp / "outputs").mkdir()
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    (in_tmp / "outputs" / "link").symlink_to(elsewhere)
    with pytest.raises(OutputError):
        resolve_output_path("outputs/link/map.html")


def test_absolute_paths_are_the_users_choice_unless_refused(in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
                                                            ) -> None:
    target = tmp_path_factory.mktemp("else") / "map.html"
    assert resolve_output_path(target) == target.resolve()
    with pytest.raises(OutputError):
        resolve_output_path(target, allow_absolute=False)


@pytest.mark.parametrize("path", ["", ".", "outputs/..", "outputs"])
def test_folders_and_empty_names_are_refused(in_tmp: Path, path: str) -> None:
    (in_tmp / "outputs").mkdir()
    with pytest.raises(OutputError):
        resolve_output_path(path)


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
