"""Folding a run of text to the gazetteer's name-key form, keeping the way back to the text.

The gazetteer keys names in lower case, in ASCII (through :mod:`anyascii`), with
apostrophes dropped and other punctuation as spaces. :func:`_fold` folds a run of capitalised words the
same way, and says for each folded character which character of the run it
came from, so that a key found in the folded run maps back to a span of the
text. Dots of abbreviations ("U.S.", "St. Louis") vanish as they do in the
gazetteer's keys, and a possessive "'s" is split off ("Armenia's").

Examples
--------
>>> _fold("Rio de Janeiro")
('rio de janeiro', None)
>>> _fold("St. Louis")
('st louis', [0, 1, 3, 4, 5, 6, 7, 8])
>>> _fold("Zürich's")
('zurich s', [0, 1, 2, 3, 4, 5, 6, 7])
"""

from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii

_APOS = frozenset("'’")
_ASCII_FOLD = {c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isascii():
        return _ASCII_FOLD[ord(ch)]
    out = "".join(c for c in anyascii(ch).lower() if c.isalnum())
    return out or " "


def _fold(run: str) -> tuple[str, list[int] | None]:
    """A run folded to key form, with each folded character's index in the run (None: identity)."""
    if run.isascii() and "." not in run and "'" not in run:
        return run.translate(_ASCII_FOLD), None
    out: list[str] = []
    pos: list[int] = []
    n = len(run)
    for i, ch in enumerate(run):
        if ch in _APOS:
            # "Armenia's" is Armenia followed by a possessive; "Xi'an" is one name.
            if i + 1 < n and run[i + 1] in "sS" and (i + 2 == n or not run[i + 2].isalnum()):
                out.append(" ")
                pos.append(i)
            continue
        if ch == "." and i and run[i - 1].isalpha() and (
                i < 2 or not run[i - 2].isalpha() or (i + 1 < n and run[i + 1] == " ")):
            continue  # the dots of "U.S." and "St. Louis" vanish, as in the gazetteer's keys
        folded = _fold_char(ch)
        out.append(folded)
        pos.extend([i] * len(folded))
    return "".join(out), pos
