"""The candidate ranker: its weights file, its features, and the fit that sets the weights."""

from __future__ import annotations

import numpy as np
import pytest

from geomap.geoparse import geoparse
from geomap.geoparse._ranker import FEATURES, STANDING_FEATURES, log_population, weights
from geomap.geoparse._resolve import tracing
from geomap.geoparse.fit import Group, accuracy, fit


def test_the_weights_file_names_every_feature_once():
    w = weights()
    assert list(w) == list(FEATURES)
    assert set(STANDING_FEATURES) <= set(FEATURES)
    assert w["prior"] == 1.0  # the unit of every other weight


def test_log_population_is_about_one_for_ten_million():
    assert log_population(0) == 0.0
    assert log_population(10_000_000) == pytest.approx(1.0, abs=0.01)
    assert log_population(-5) == 0.0


def test_tracing_records_each_names_candidates_and_features():
    with tracing() as trace:
        geoparse("Protests in Moscow, Idaho.")
    assert trace.keys[(12, 18)] == "moscow"
    places = [p for p, _ in trace.candidates["moscow"]]
    feats = dict(trace.candidates["moscow"][[p.admin1 for p in places].index("Idaho")][1])
    assert feats["container"] == 1.0 and set(feats) <= set(FEATURES)
    # outside the block nothing is recorded
    geoparse("Protests in Moscow, Idaho.")
    assert trace.keys[(12, 18)] == "moscow"


def _groups(rng: np.random.Generator, n: int) -> list[Group]:
    """Toponyms whose good reading has the higher value of feature 1 and, by chance, of feature 0."""
    out = []
    for i in range(n):
        x = rng.normal(size=(3, len(FEATURES)))
        good = np.zeros(3, dtype=bool)
        good[int(np.argmax(x[:, 1] + 0.1 * rng.normal(size=3)))] = True
        out.append(Group("c", f"d{i}", x, good))
    return out


def test_the_fit_learns_which_feature_tells_the_good_reading():
    rng = np.random.default_rng(0)
    train, test = _groups(rng, 300), _groups(rng, 200)
    w = fit(train)
    assert w[1] > abs(w[0]) and w[1] > 1.0
    assert accuracy(w, test) > 0.85
    # a model that looks at the wrong feature does no better than chance
    wrong = np.zeros(len(FEATURES))
    wrong[2] = 1.0
    assert accuracy(wrong, test) < 0.5
