"""The incident gate (geomap.incidents._gate): short texts keep every event; long stories drop
undated, unplaced mentions in passing. Sentences are our own."""

from __future__ import annotations

from geomap.incidents import extract_incidents
from geomap.incidents._gate import FEATURES, features, keeps, probability, tracing


def _x(**kw):
    base = dict(dated=False, fine_place=False, toll=False, quoted=True, strong=False, nominal=True,
                past_tense=False, strategic=False, sentences=1)
    return features(**{**base, **kw})


def test_a_one_sentence_note_or_headline_is_always_kept() -> None:
    assert len(_x()) == len(FEATURES)
    assert keeps(_x())                       # the weakest candidate of a one-sentence text
    assert keeps(_x(sentences=3))            # a short coder's note


def test_a_long_story_drops_an_undated_unplaced_mention_but_keeps_a_dated_placed_report() -> None:
    assert not keeps(_x(sentences=40))
    assert keeps(_x(sentences=40, dated=True, fine_place=True, toll=True, strong=True, nominal=False,
                    past_tense=True, quoted=False))
    assert probability(_x(sentences=40)) < 0.5 <= probability(_x(sentences=1))


def test_tracing_keeps_and_records_every_candidate() -> None:
    story = " ".join(["The ministry published its annual budget for schools and roads."] * 30
                     + ["“The attacks must stop,” the mayor said."])
    assert extract_incidents(story, published="2024-05-10") == []    # background in a long story
    with tracing() as seen:
        found = extract_incidents(story, published="2024-05-10")
    assert len(found) == len(seen) == 1
    note = "Gunmen killed three traders near Garissa on Monday."
    assert len(extract_incidents(note, published="2024-05-10")) == 1
