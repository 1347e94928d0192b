"""Sentence and clause boundaries with character offsets, for evidence spans.

A small rule-based splitter tuned for news text: a sentence ends at ``.``,
``!`` or ``?`` (with any closing quote or bracket) followed by white space and
a capital, digit or opening quote, unless the period ends an abbreviation
("Feb.", "U.S.", "Mr.", "St.", initials); blank lines and headline lines also
end sentences.
"""

from __future__ import annotations

import re
from typing import Iterator

__all__ = ["iter_sentences"]

_ABBREVIATIONS = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr gov sen rep pres st ste mt ft no nos vol
inc ltd co corp dept univ est approx vs etc al jr sr rev hon fig ca
""".split())
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=[A-Z\"“])")
_NEXT_START = re.compile(r"\s*[\"“'‘(\[]?[A-Z0-9]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation rather than a sentence."""
    m = re.search(r"([A-Za-z]+)\.$", text[max(0, dot - 12):dot + 1])
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1:
        return True  # an initial: "J. Smith", "U.S." (its last letter)
    if word.lower() in _ABBREVIATIONS:
        return True
    # "U.S." / "U.K.": dotted capitals
    return bool(re.search(r"(?:\b[A-Z]\.){2,}$", text[max(0, dot - 12):dot + 1]))


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence, white space trimmed.

    Examples
    --------
    >>> t = "On Feb. 20, the U.S. said so. Shelling hit Zangilan.\\n\\nHeadline"
    >>> [t[s:e] for s, e in iter_sentences(t)]
    ['On Feb. 20, the U.S. said so.', 'Shelling hit Zangilan.', 'Headline']
    """
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        punct = m.group(0)
        if punct[:1] == "." and _is_abbreviation(text, m.start() + punct.rstrip("\"'”’)]").rfind(".")):
            # "Feb. 20", "the U.S. said": an abbreviation's period does not end a sentence. (A
            # sentence that truly ends in "U.S." runs into the next one; evidence stays readable.)
            continue
        if punct[:1] in ".!?" and not _NEXT_START.match(text, end):
            continue
        yield from _trimmed(text, start, end)
        start = end
    if start < n:
        yield from _trimmed(text, start, n)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield (start, end)
