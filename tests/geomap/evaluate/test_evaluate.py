"""Tests for geomap.evaluate: its exports, metrics, the geoparse harness and the coverage benchmark script."""

from __future__ import annotations

import importlib.util
import inspect
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import geomap.evaluate as evaluate
from geomap.errors import EvaluationError
from geomap.evaluate import (
    MAX_ERROR_KM,
    GoldDocument,
    GoldToponym,
    Prediction,
    accuracy_at,
    evaluate_geoparse,
    great_circle_km,
    log_error_auc,
    match_toponyms,
    precision_recall_f1,
    read_corpus,
    read_gwn,
    read_lgl,
)
from geomap.evaluate.metrics import EARTH_RADIUS_KM

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "eval"


# --------------------------------------------------------------------------- helpers


def _point_at_km(km: float) -> tuple[float, float]:
    """A point on the equator ``km`` east of (0, 0)."""
    return 0.0, math.degrees(km / EARTH_RADIUS_KM)


def _doc(*toponyms: GoldToponym, text: str = "x" * 100, doc_id: str = "d") -> GoldDocument:
    return GoldDocument(doc_id, text, tuple(toponyms))


# --------------------------------------------------------------------------- package


def test_all_is_sorted_and_matches_public_names() -> None:
    assert evaluate.__all__ == sorted(evaluate.__all__)
    public = {
        name
        for name, value in vars(evaluate).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"  # the __future__ import
    }
    assert set(evaluate.__all__) == public


# --------------------------------------------------------------------------- metrics


def test_great_circle_km() -> None:
    assert great_circle_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=1e-3)
    assert great_circle_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert great_circle_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert great_circle_km(90.0, 0.0, -90.0, 0.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert great_circle_km(51.5, -0.13, 40.71, -74.0) == pytest.approx(great_circle_km(40.71, -74.0, 51.5, -0.13))
    assert great_circle_km(0.0, 179.5, 0.0, -179.5) == pytest.approx(111.195, abs=1e-3)  # across the antimeridian


@pytest.mark.parametrize(("shift", "matches"), [(0, True), (10, True), (-10, True), (11, False), (-11, False)])
def test_match_window_is_ten_characters_between_midpoints(shift: int, matches: bool) -> None:
    gold = [(20, 25, "Paris")]
    predicted = [(20 + shift, 25 + shift, "Paris")]
    assert match_toponyms(gold, predicted) == ([(0, 0)] if matches else [])


def test_match_compares_midpoints_not_starts() -> None:
    # Starts 18 apart, midpoints 10 apart (10 and 20).
    assert match_toponyms([(0, 20, "Lyon")], [(18, 22, "Lyon")]) == [(0, 0)]
    assert match_toponyms([(0, 20, "Lyon")], [(18, 22, "Lyon")], window=9.5) == []


def test_match_ignores_case_but_not_spelling() -> None:
    assert match_toponyms([(0, 5, "Paris")], [(0, 5, "PARIS")]) == [(0, 0)]
    assert match_toponyms([(0, 5, "Paris")], [(0, 6, "Parise")]) == []


def test_match_is_one_to_one_and_closest_first() -> None:
    gold = [(0, 5, "Paris"), (8, 13, "Paris")]
    # One prediction near both gold mentions goes to the closer one.
    assert match_toponyms(gold, [(7, 12, "Paris")]) == [(1, 0)]
    # Two predictions on one gold mention: only one is matched.
    assert match_toponyms([(0, 5, "Paris")], [(1, 6, "Paris"), (0, 5, "Paris")]) == [(0, 1)]
    # Two and two: each gold gets its own.
    assert match_toponyms(gold, [(8, 13, "paris"), (0, 5, "paris")]) == [(0, 1), (1, 0)]


def test_precision_recall_f1() -> None:
    assert precision_recall_f1(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert precision_recall_f1(0, 0, 5) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(0, 3, 0) == (0.0, 0.0, 0.0)


def test_accuracy_at_161_boundary() -> None:
    assert accuracy_at([160.0]) == 1.0
    assert accuracy_at([161.0]) == 1.0
    assert accuracy_at([162.0]) == 0.0
    assert math.isnan(accuracy_at([]))


def test_log_error_auc() -> None:
    assert log_error_auc([0.0] * 5) == 0.0
    assert log_error_auc([MAX_ERROR_KM] * 5) == pytest.approx(1.0, abs=1e-5)
    # Order-independent: sorted before integrating.
    assert log_error_auc([5.0, 0.0, 500.0]) == log_error_auc([500.0, 5.0, 0.0])
    # Hand-computed: trapezoid over [log 1, log 11, log 101] = (0 + 2*log 11 + log 101) / 2.
    expected = (2 * math.log(11) + math.log(101)) / 2 / (math.log(MAX_ERROR_KM) * 2)
    assert log_error_auc([100.0, 10.0, 0.0]) == pytest.approx(expected)
    assert log_error_auc([10.0]) == pytest.approx(math.log(11) / math.log(MAX_ERROR_KM))
    assert math.isnan(log_error_auc([]))


# --------------------------------------------------------------------------- harness


@pytest.mark.parametrize(("km", "within"), [(160.0, True), (162.0, False)])
def test_acc161_through_the_harness(km: float, within: bool) -> None:
    doc = _doc(GoldToponym(10, 15, "Paris", 0.0, 0.0, None, "Literal"))
    lat, lon = _point_at_km(km)
    report = evaluate_geoparse([doc], parse=lambda text: [Prediction(10, 15, "Paris", lat, lon)])
    assert report.mean_km == pytest.approx(km)
    assert report.acc161 == (1.0 if within else 0.0)
    assert report.by_type["Literal"].acc161 == report.acc161


def test_gold_parser_scores_perfectly(fixture_corpus: tuple[Path, str], gold_parser) -> None:
    corpus = read_corpus(*fixture_corpus)
    report = evaluate_geoparse(corpus, parse=gold_parser(corpus))
    assert (report.docs, report.gold, report.predicted, report.matched) == (2, 4, 4, 4)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert (report.acc161, report.mean_km, report.median_km, report.auc) == (1.0, 0.0, 0.0, 0.0)
    assert report.notes == ()
    assert report.unmatched_gold == () and report.unmatched_predicted == ()


def test_empty_parser_reports_zero_and_says_why() -> None:
    corpus = read_gwn(FIXTURES / "gwn.xml")
    report = evaluate_geoparse(corpus, parse=lambda text: [])
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)
    assert any("precision is undefined" in note for note in report.notes)
    assert math.isnan(report.acc161) and math.isnan(report.auc)
    data = report.to_dict()
    assert data["acc161"] is None and data["precision"] == 0.0
    json.dumps(data, allow_nan=False)
    assert len(report.unmatched_gold) == 4
    assert report.by_type["Literal"].recall == 0.0
    table = report.format_table()
    assert "precision is undefined" in table and "acc@161 -" in table


def test_report_to_dict_keys_and_by_type(gold_parser) -> None:
    corpus = read_gwn(FIXTURES / "gwn.xml")
    report = evaluate_geoparse(corpus, parse=gold_parser(corpus))
    data = report.to_dict()
    assert list(data) == [
        "docs", "gold", "predicted", "precision", "recall", "f1",
        "acc161", "mean_km", "median_km", "auc", "by_type", "point_convention", "acc161_points_agreed",
    ]  # fmt: skip
    assert data["by_type"] == {
        "Literal": {"gold": 3, "matched": 3, "recall": 1.0, "acc161": 1.0},
        "Metonymic": {"gold": 1, "matched": 1, "recall": 1.0, "acc161": 1.0},
    }
    assert "Metonymic" in report.format_table()


def test_false_positives_lower_precision_only() -> None:
    doc = _doc(GoldToponym(10, 15, "Paris", 48.86, 2.35, None, ""))
    preds = [Prediction(10, 15, "Paris", 48.86, 2.35), Prediction(40, 44, "Nice", 43.7, 7.27)]
    report = evaluate_geoparse([doc], parse=lambda text: preds)
    assert (report.precision, report.recall) == (0.5, 1.0)
    assert report.f1 == pytest.approx(2 / 3)
    assert report.unmatched_predicted == (("d", preds[1]),)


def test_prediction_without_coordinates_counts_as_max_error() -> None:
    doc = _doc(GoldToponym(10, 15, "Paris", 48.86, 2.35, None, ""))
    report = evaluate_geoparse([doc], parse=lambda text: [Prediction(10, 15, "Paris")])
    assert report.matched == 1
    assert report.mean_km == MAX_ERROR_KM
    assert report.acc161 == 0.0
    assert any("no coordinates" in note for note in report.notes)


def test_misses_are_worst_first() -> None:
    doc = _doc(
        GoldToponym(0, 5, "Paris", 0.0, 0.0, None, ""),
        GoldToponym(20, 25, "Lyons", 0.0, 0.0, None, ""),
        GoldToponym(40, 44, "Nice", 0.0, 0.0, None, ""),
    )
    preds = [
        Prediction(0, 5, "Paris", *_point_at_km(10.0)),
        Prediction(20, 25, "Lyons", *_point_at_km(1000.0)),
        Prediction(40, 44, "Nice", *_point_at_km(100.0)),
    ]
    report = evaluate_geoparse([doc], parse=lambda text: preds)
    worst = report.misses(2)
    assert [m.gold.name for m in worst] == ["Lyons", "Nice"]
    assert worst[0].doc_id == "d" and worst[0].predicted is preds[1]
    assert worst[0].error_km == pytest.approx(1000.0)
    assert report.median_km == pytest.approx(100.0)
    assert report.misses(0) == []


def test_gold_names_mode() -> None:
    corpus = read_lgl(FIXTURES / "lgl.xml")
    seen: list[list[tuple[int, int]]] = []

    def resolve(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[float, float] | None]:
        seen.append(list(spans))
        return [None] * len(spans) if "Denver" in text else [(39.9, 32.9), (39.0, 35.0), (36.2, 37.2)]

    report = evaluate_geoparse(corpus, resolve=resolve, gold_names=True)
    assert seen == [[(13, 19), (25, 31), (57, 63)], [(13, 19)]]
    assert report.mode == "gold_names"
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert (report.gold, report.predicted, report.matched) == (4, 4, 4)
    assert report.acc161 == 0.75
    assert any("1 by definition" in note for note in report.notes)
    assert "gold names" in report.format_table()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"parse": lambda text: [], "resolve": lambda text, spans: []},
        {"parse": lambda text: [], "gold_names": True},
        {"resolve": lambda text, spans: []},
    ],
    ids=["nothing", "both", "parse-for-gold-names", "resolve-end-to-end"],
)
def test_mode_needs_its_callable(kwargs: dict[str, object]) -> None:
    with pytest.raises(EvaluationError, match="mode takes"):
        evaluate_geoparse([], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("prediction", "message"),
    [
        (Prediction(-1, 4, "Paris", 1.0, 1.0), "outside the text"),
        (Prediction(90, 101, "Paris", 1.0, 1.0), "outside the text"),
        (Prediction(0, 5, "Paris", 1.0, None), "only one of"),
        (Prediction(0, 5, "Paris", 91.0, 1.0), "out of range"),
        (Prediction(0, 5, "Paris", math.nan, 1.0), "out of range"),
    ],
    ids=["negative", "past-end", "half-pair", "latitude", "nan"],
)
def test_unscorable_predictions_raise(prediction: Prediction, message: str) -> None:
    with pytest.raises(EvaluationError, match=message):
        evaluate_geoparse([_doc()], parse=lambda text: [prediction])


def test_resolve_with_wrong_length_raises() -> None:
    doc = _doc(GoldToponym(0, 5, "Paris", 48.86, 2.35, None, ""))
    with pytest.raises(EvaluationError, match="1 spans"):
        evaluate_geoparse([doc], resolve=lambda text, spans: [], gold_names=True)
    with pytest.raises(EvaluationError, match="not \\(lat, lon\\)"):
        evaluate_geoparse([doc], resolve=lambda text, spans: [(1.0,)], gold_names=True)  # type: ignore[list-item]


def test_gold_without_coordinates_is_not_scored() -> None:
    doc = _doc(GoldToponym(0, 5, "Paris", None, None, None, ""), GoldToponym(10, 14, "Lyon", 45.7, 4.8, None, ""))
    report = evaluate_geoparse([doc], parse=lambda text: [Prediction(10, 14, "Lyon", 45.7, 4.8)])
    assert (report.gold, report.recall) == (1, 1.0)


# --------------------------------------------------------------------------- benchmark script


def _load_coverage_script(monkeypatch: pytest.MonkeyPatch) -> Any:
    path = Path(__file__).resolve().parents[3] / "benchmarks" / "gazetteer_coverage.py"
    spec = importlib.util.spec_from_file_location("gazetteer_coverage", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the script is executed.
    monkeypatch.setitem(sys.modules, spec.name, module)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the script may prepend the repository
    spec.loader.exec_module(module)
    return module


def test_coverage_script_counts_and_groups_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    script = _load_coverage_script(monkeypatch)

    def candidate(geonameid: int | None, lat: float, lon: float, match: str = "exact") -> SimpleNamespace:
        return SimpleNamespace(place=SimpleNamespace(geonameid=geonameid, latitude=lat, longitude=lon), match=match)

    answers = {
        "Lyon": [candidate(1, 0.0, 0.0), candidate(2996944, 45.7, 4.8)],  # right id, second
        "Geneva": [candidate(None, 46.21, 6.15)],  # no id, but within 161 km
        "Washington": [candidate(5815135, 47.5, -120.5)],  # the state, far away
    }

    def lookup(name: str, limit: int) -> list[SimpleNamespace]:
        return answers.get(name, [])[:limit]

    result = script.measure_coverage(read_gwn(FIXTURES / "gwn.xml"), lookup, limit=10)
    assert (result.total, result.covered, result.covered_top1) == (3, 2, 1)  # Rhône has no GeoNames id
    assert result.misses[script.WRONG_FAR] == {"Washington": 1}
    assert result.by_type == {"Literal": [2, 2], "Metonymic": [0, 1]}
    text = script.format_coverage(result)
    assert "2 / 3 = 66.7%" in text and "Washington" in text
    json.dumps(result.to_dict(20))

    def rejecting(name: str, limit: int) -> list[SimpleNamespace]:
        raise ValueError("no letters")

    rejected = script.measure_coverage(read_gwn(FIXTURES / "gwn.xml"), rejecting, limit=1)
    assert sum(rejected.misses[script.REJECTED].values()) == 3


def _country(place_id: str) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(place_id=place_id, kind="country")


def test_a_right_place_at_another_point_counts_as_a_convention_difference() -> None:
    from geomap.evaluate import GoldDocument, GoldToponym

    # The corpus puts Russia at GeoNames' point; a gazetteer at Natural Earth's label point (58.2 N 44.7 E).
    doc = GoldDocument("1", "Russia and Spain.", (GoldToponym(0, 6, "Russia", 60.0, 100.0, 2017370, ""),
                                                  GoldToponym(11, 16, "Spain", 40.0, -4.0, 2510769, "")))
    preds = [Prediction(0, 6, "Russia", 58.25, 44.69, _country("geonames:2017370")),
             Prediction(11, 16, "Spain", 40.24, -3.65, _country("geonames:2510769"))]
    report = evaluate_geoparse([doc], parse=lambda text: preds)
    assert report.point_convention == {"country": 1}
    assert report.to_dict()["acc161"] == 0.5 and report.to_dict()["acc161_points_agreed"] == 1.0
    assert "point differs from the corpus's (right place, > 161 km): country 1" in report.format_table()
    # Gold-names mode counts them too when resolve answers with the places.
    answers = [preds[0], None]
    report = evaluate_geoparse([doc], resolve=lambda text, spans: answers, gold_names=True)
    assert report.point_convention == {"country": 1}


def test_a_wrong_place_far_away_is_no_convention_difference() -> None:
    from geomap.evaluate import GoldDocument, GoldToponym

    doc = GoldDocument("1", "Georgia.", (GoldToponym(0, 7, "Georgia", 32.75, -83.5, 4197000, ""),))
    # The country Georgia for the US state: another GeoNames id, so a wrong choice.
    wrong = [Prediction(0, 7, "Georgia", 42.0, 43.5, _country("geonames:614540"))]
    report = evaluate_geoparse([doc], parse=lambda text: wrong)
    assert report.point_convention == {} and report.acc161 == 0.0
    # A prediction without a place (another parser) or without coordinates is no convention difference either.
    assert evaluate_geoparse([doc], parse=lambda text: [Prediction(0, 7, "Georgia", 42.0, 43.5)]).point_convention == {}
    assert evaluate_geoparse([doc], parse=lambda text: [Prediction(0, 7, "Georgia")]).point_convention == {}
