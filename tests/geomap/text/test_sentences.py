"""Sentence boundaries with offsets: where news text ends a sentence and where it only abbreviates.

The sentences are written for these tests; none is quoted from a corpus.
"""

from __future__ import annotations

import pytest

from geomap.text import iter_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in iter_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops withdrew. Talks resumed.", ["Troops withdrew.", "Talks resumed."]),
        ("Was it shelled? Yes! It was.", ["Was it shelled?", "Yes!", "It was."]),
        # a closing quote or bracket stays with its sentence
        ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
        ("(They fled.) Others stayed.", ["(They fled.)", "Others stayed."]),
        # an opening quote or a digit starts the next one
        ('It ended. "We won," he said.', ["It ended.", '"We won," he said.']),
        ("Two died. 14 were hurt.", ["Two died.", "14 were hurt."]),
        # abbreviations, initials and dotted capitals do not end a sentence
        ("On Feb. 20 Gen. Smith spoke.", ["On Feb. 20 Gen. Smith spoke."]),
        ("J. R. Smith met Dr. Wang.", ["J. R. Smith met Dr. Wang."]),
        ("The U.S. Army and the U.K. Navy met.", ["The U.S. Army and the U.K. Navy met."]),
        # a full stop before a lower-case word is no sentence end ("approx. five")
        ("It took 3 p.m. to decide. It held.", ["It took 3 p.m. to decide.", "It held."]),
        ("Ten km. north of the town.", ["Ten km. north of the town."]),
        # blank lines and headline lines end sentences; white space is trimmed
        ("Headline\n\nBody text here", ["Headline", "Body text here"]),
        ("Headline\nBody text here", ["Headline", "Body text here"]),
        ("  Padded.\u00a0 Next one.\u2003 ", ["Padded.", "Next one."]),
        ("Ellipsis... Then more.", ["Ellipsis...", "Then more."]),
        ("", []),
        (" \n\n \t", []),
    ],
)
def test_sentences(text, expected):
    assert _split(text) == expected


def test_offsets_point_into_the_text():
    text = "\n  First one.  Second one.\n\nThird"
    spans = list(iter_sentences(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third"]
    assert spans[0] == (3, 13)


def test_a_long_text_without_a_sentence_end_is_one_sentence():
    text = "word " * 100_000
    assert list(iter_sentences(text)) == [(0, len(text) - 1)]
