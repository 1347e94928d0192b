"""Numbers written in digits or English words: "1,200", "twenty-five", "a dozen", "1.5 million".

:func:`parse_number` reads a whole text as one number; :func:`read_number_at`
reads the number that starts at one token of a list :data:`TOKEN` made, which is
how :mod:`geomap.incidents._casualties` finds figures inside a sentence. :func:`digit_value`
and :func:`word_value` read single tokens, and :data:`SMALL` names the numbers
zero to nineteen. Vague quantities ("dozens", "several") are no number here:
what they count as is a coding rule, kept in :mod:`geomap.incidents._casualties`.
"""

from __future__ import annotations

import re

__all__ = ["SMALL", "TOKEN", "digit_value", "parse_number", "read_number_at", "word_value"]

# The tokens numbers are read from (the caller lower-cases them). Digits with thousands
# separators come first so "1,200" stays one token; a digit token glued to a hyphen and
# a word ("44-day", "12-year-old") falls through to the word alternative and so is never
# read as a count. Every alternative is linear.
TOKEN = re.compile(
    r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?![\w-])"
    r"|\d+(?:\.\d+)?(?:\s?[-\u2013]\s?\d+)?(?![\w-])"
    r"|\w+(?:[-'\u2019]\w+)*"
    r"|\S"
)
_DIGITS = re.compile(r"\d[\d,.\u00a0\u202f ]*")


#: The number words below twenty, by value.
SMALL: dict[str, int] = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"thousand": 1000, "million": 1_000_000}


def word_value(w: str) -> tuple[int, str] | None:
    """A one-word number ("seven", "forty", "forty-two"): (value, "unit" or "tens"), or ``None``."""
    if w in SMALL:
        return SMALL[w], "unit"
    if w in _TENS:
        return _TENS[w], "tens"
    head, _, tail = w.partition("-")
    if head in _TENS and 1 <= SMALL.get(tail, 0) <= 9:
        return _TENS[head] + SMALL[tail], "unit"
    return None


def digit_value(w: str) -> float | None:
    """A number in digits ("12", "1,200", "1.5"), or ``None``."""
    if not w or not w[0].isdigit() or not _DIGITS.fullmatch(w):
        return None
    plain = re.sub(r"[,\u00a0\u202f ]", "", w)
    if len(plain) > 15:  # no casualty count is that long; also keeps int()/float() cheap
        return None
    try:
        return float(plain) if "." in plain else int(plain)
    except ValueError:
        return None


def read_number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """An exact number starting at ``words[i]``: (value, index after it), or ``None``."""
    n = len(words)
    if i >= n:
        return None
    first = digit_value(words[i])
    if first is not None:
        nxt = words[i + 1] if i + 1 < n else ""
        if nxt in ("hundred", "thousand", "million", "dozen"):
            scale = {"hundred": 100, "dozen": 12}.get(nxt) or _SCALES[nxt]
            return int(first * scale), i + 2
        return (first, i + 1) if isinstance(first, int) else None
    total = current = 0
    prev = ""  # kind of the last word read; decides what may follow
    last_scale = 10**12
    j = i
    while j < n:
        w = words[j]
        nxt = words[j + 1] if j + 1 < n else ""
        val = word_value(w)
        if w in ("a", "an") and j == i and nxt in ("hundred", "thousand", "million", "dozen"):
            current, prev = 1, "unit"
        elif val is not None and (prev in ("", "hundred", "scale", "and")
                                  or (prev == "tens" and val[1] == "unit" and val[0] < 10)):
            current += val[0]
            prev = val[1]
        elif w == "hundred" and prev in ("unit", "tens") and 0 < current < 100:
            current, prev = current * 100, "hundred"
        elif w in _SCALES and prev in ("unit", "tens", "hundred") and _SCALES[w] < last_scale:
            total, current, prev, last_scale = total + current * _SCALES[w], 0, "scale", _SCALES[w]
        elif w == "dozen" and prev == "unit" and current < 100:
            return total + current * 12, j + 1
        elif w == "and" and prev in ("hundred", "scale") and word_value(nxt) is not None:
            prev = "and"
        else:
            break
        j += 1
    if prev == "and":
        j -= 1
    return (total + current, j) if j > i else None


def parse_number(text: str) -> int | None:
    """The number ``text`` spells, in digits or English words; ``None`` if it is not one number.

    Vague quantities ("dozens", "several") are no number here; see
    :data:`geomap.incidents._casualties.VAGUE_COUNTS`.

    Examples
    --------
    >>> parse_number("1,200"), parse_number("1 200"), parse_number("twenty-five")
    (1200, 1200, 25)
    >>> parse_number("one hundred and twelve"), parse_number("a dozen"), parse_number("two dozen")
    (112, 12, 24)
    >>> parse_number("a hundred"), parse_number("1.5 million"), parse_number("one")
    (100, 1500000, 1)
    >>> parse_number("a"), parse_number("dozens"), parse_number("44-day")
    (None, None, None)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() needs a str, got {type(text).__name__}")
    words = [m.group().lower() for m in TOKEN.finditer(text)]
    if not words:
        return None
    got = read_number_at(words, 0)
    return got[0] if got is not None and got[1] == len(words) else None
