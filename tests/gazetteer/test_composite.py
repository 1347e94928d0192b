"""Composite and structured queries: tests/data/composite_queries.csv, through every entry point.

Each row is a name written with its containers ("Paris, TX", "Germany, Aachen") or a
name with its containers given apart (``form`` = ``struct``: ``admin1``, ``admin2``,
``country``), and the place it must find. Every row runs through
:meth:`Gazetteer.lookup`, ``geomap geocode`` and :class:`OfflineGeocoder`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer import Gazetteer, Kind, OfflineGeocoder
from gazetteer._ranking import haversine_km
from geomap.cli import app

TABLE = Path(__file__).resolve().parents[1] / "data" / "composite_queries.csv"
with TABLE.open(encoding="utf-8", newline="") as _fh:
    ROWS = list(csv.DictReader(_fh))
IDS = [f"{r['form']}|{r['query']}|{r['country']}|{r['admin1']}|{r['admin2']}" for r in ROWS]
runner = CliRunner()


@pytest.fixture(scope="module")
def geo(gaz: Gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gaz)


def _check(row: dict[str, str], country: str, admin1: str, lat: float, lon: float) -> None:
    assert country == row["exp_country"], (row["query"], country, admin1)
    if row["exp_admin1"]:
        assert admin1 == row["exp_admin1"], (row["query"], admin1)
    d = haversine_km(lat, lon, float(row["exp_lat"]), float(row["exp_lon"]))
    assert d <= float(row["tol_km"]), f"{row['query']}: {d:.0f} km from the expected place"


def _keywords(row: dict[str, str]) -> dict[str, str]:
    return {k: row[k] for k in ("country", "admin1", "admin2") if row[k]}


def test_table_is_large_and_covers_the_issue():
    assert len(ROWS) >= 150
    asked = {r["query"] for r in ROWS}
    for must in ("Paris, Texas", "Paris, TX", "Paris Texas USA", "London, Ontario, Canada", "London, ON",
                 "Springfield, Massachusetts, United States", "Vienna, Virginia", "Athens, Georgia", "Moscow, Idaho",
                 "Mount Pleasant, SC", "Córdoba, Argentina", "Germany, Aachen", "Seattle WA USA", "Tripoli, Lebanon",
                 "Hyderabad, Pakistan", "San José, California", "Kingston, Jamaica", "Alexandria, VA", "Dublin, Ohio",
                 "Lagos, Portugal", "Victoria, BC", "Perth, Scotland"):
        assert must in asked, must
    assert any(r["query"] == "Georgia" and r["country"] == "US" for r in ROWS)
    assert sum(r["form"] == "struct" for r in ROWS) >= 20


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_lookup(gaz: Gazetteer, row: dict[str, str]) -> None:
    cands = gaz.lookup(row["query"], kinds=row["kind"] or None, **_keywords(row))
    assert cands, f"nothing found for {row['query']!r}"
    p = cands[0].place
    _check(row, p.country, p.admin1, p.latitude, p.longitude)
    if row["form"] == "text" and "," in row["query"] and p.kind is not Kind.COUNTRY:
        assert any(r.startswith("in ") for r in cands[0].reasons), cands[0].reasons  # says which container


def _options(row: dict[str, str]) -> tuple[str, ...]:
    args: list[str] = []
    for k, v in _keywords(row).items():
        args += [f"--{k}", v]
    return tuple(args + (["--kind", row["kind"]] if row["kind"] else []))


@pytest.fixture(scope="module")
def cli_answers() -> dict[tuple[tuple[str, ...], str], dict]:
    """``geomap geocode`` run once per set of options, with every name that has them: the best answer of each."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for row in ROWS:
        groups.setdefault(_options(row), []).append(row["query"])
    answers = {}
    for options, names in groups.items():
        res = runner.invoke(app, ["geocode", *names, "--json", "--limit", "1", *options])
        assert res.exit_code == 0, res.output
        for best in json.loads(res.stdout):  # one JSON array, each candidate with its query
            answers[(options, best["query"])] = best
    return answers


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_cli_geocode(cli_answers: dict, row: dict[str, str]) -> None:
    best = cli_answers.get((_options(row), row["query"]))
    assert best is not None, f"geocode found nothing for {row['query']!r}"
    _check(row, best["country"], best["admin1"], best["lat"], best["lon"])


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_offline_geocoder(geo: OfflineGeocoder, row: dict[str, str]) -> None:
    if row["form"] == "struct":
        query: dict[str, str] | str = {"city": row["query"], **{k: row[v] for k, v in
                                                                (("country", "country"), ("state", "admin1"),
                                                                 ("county", "admin2")) if row[v]}}
        loc = geo.geocode(query, kinds=row["kind"] or None)
    else:
        loc = geo.geocode(row["query"], country=row["country"] or None, kinds=row["kind"] or None)
    assert loc is not None, row["query"]
    _check(row, loc.raw["country"], loc.raw["admin1"], loc.latitude, loc.longitude)
