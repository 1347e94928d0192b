"""Which name keys a text also writes in lower case: then the capitalised word may be a common word.

A one-word place name that the same text also writes in lower case ("Reading" and
"reading", "Bath" and "a bath") is doubtful; recognition marks it with a caution.
"""

from __future__ import annotations

import re

__all__ = ["LOWER_WORD", "LowerCaseWords"]

#: A whole word in lower-case ASCII letters (not inside a hyphenated or possessive word).
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’])")
_KEY = re.compile(r"[a-z]+")


class LowerCaseWords:
    """Which one-word keys a text also writes in lower case, as whole words ("reading", "bath").

    The words of ``LOWER_WORD.findall(text)``. A news story asks about a few keys, so each
    is answered by a substring search and kept; past ``_SEARCHES`` distinct keys (a long
    document naming many places) the set of every lower-case word is built once instead,
    so the cost stays linear in the text's length.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}
        self._words: set[str] | None = None

    def has(self, key: str) -> bool:
        """Whether ``key`` is one of the text's lower-case words.

        Examples
        --------
        >>> words = LowerCaseWords("A bath in Bath, a sub-reading.")
        >>> words.has("bath"), words.has("reading"), words.has("ath")
        (True, False, False)
        """
        if self._words is not None:
            return key in self._words
        known = self._known.get(key)
        if known is None:
            if len(self._known) >= _SEARCHES:
                self._words = set(LOWER_WORD.findall(self._text))
                return key in self._words
            known = self._known[key] = _KEY.fullmatch(key) is not None and self._search(key)
        return known

    def _search(self, key: str) -> bool:
        text = self._text
        at = text.find(key)
        while at != -1:
            found = LOWER_WORD.match(text, at)
            if found is not None and found.end() == at + len(key):
                return True
            at = text.find(key, at + 1)
        return False


# Distinct keys searched for one by one before all lower-case words of a text are listed instead.
_SEARCHES = 32
