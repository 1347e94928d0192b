"""Fixtures shared by the evaluation tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from geomap.evaluate import GoldDocument, Prediction


def _gold_parser(docs: Iterable[GoldDocument]) -> Callable[[str], list[Prediction]]:
    """A parse function that answers with the gold toponyms, document by document."""
    it = iter(list(docs))

    def parse(text: str) -> list[Prediction]:
        doc = next(it)
        assert doc.text == text
        return [Prediction(t.start, t.end, t.name, t.latitude, t.longitude) for t in doc.toponyms]

    return parse


@pytest.fixture
def gold_parser() -> Callable[[Iterable[GoldDocument]], Callable[[str], list[Prediction]]]:
    """A factory of parse functions that answer with a corpus's gold toponyms."""
    return _gold_parser


#: The small corpora written for these tests, one per reader format.
EVAL_FIXTURES = Path(__file__).resolve().parents[2] / "data" / "eval"


@pytest.fixture(params=[("gwn.xml", "gwn"), ("lgl.xml", "lgl"), ("geovirus.xml", "geovirus")],
                ids=["gwn", "lgl", "geovirus"])
def fixture_corpus(request) -> tuple[Path, str]:
    """Each test corpus (its path) with its reader format."""
    name, fmt = request.param
    return EVAL_FIXTURES / name, fmt
