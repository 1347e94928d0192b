"""Shared fixtures: the shipped gazetteer, the team's shared folder when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _no_user_layer(tmp_path_factory):
    """Tests read the shipped gazetteer alone: a developer's own places (geomap gazetteer add) stay out."""
    import os

    old = os.environ.get("GEOMAP_USER_DB")
    os.environ["GEOMAP_USER_DB"] = str(tmp_path_factory.mktemp("user-layer") / "none.sqlite")
    yield
    if old is None:
        os.environ.pop("GEOMAP_USER_DB", None)
    else:
        os.environ["GEOMAP_USER_DB"] = old


@pytest.fixture(scope="session")
def gaz():
    """The shipped gazetteer, opened once per test session."""
    from gazetteer import Gazetteer

    return Gazetteer()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's read-only shared folder; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (the team's shared data); this test needs it")
    return SHARED


#: A one-sentence incident report the CLI tests feed to the commands.
SOTK_ARTICLE = ("YEREVAN, March 21, 2023 - Azerbaijani troops shelled the village of Sotk on Monday, "
                "killing two soldiers and wounding five, the defence ministry said.")


@pytest.fixture()
def article_text() -> str:
    """The text of :data:`SOTK_ARTICLE`."""
    return SOTK_ARTICLE


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    """:data:`SOTK_ARTICLE` in a UTF-8 text file."""
    p = tmp_path / "a.txt"
    p.write_text(SOTK_ARTICLE, encoding="utf-8")
    return p
