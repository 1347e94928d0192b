"""Name normalisation: the one place that decides when two spellings are the same name.

A name and a query are compared through :func:`normalize_name`: Unicode folded
to ASCII (diacritics, special letters, Cyrillic, Armenian, Georgian and Greek
transliterated by ``anyascii``), lower-cased, apostrophes dropped, hyphens and
other punctuation turned into spaces, and generic words such as "District" or
"Oblast" removed. Names are indexed under :func:`index_keys`, which adds
English-style spellings of Azerbaijani and Turkish letters (``Şuşa`` is also
``shusha``, ``Xankəndi`` also ``khankendi``) so that a query needs only one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["GENERIC_WORDS", "index_keys", "normalize_name"]

#: Words that say what kind of area a name is rather than which one.
GENERIC_WORDS: frozenset[str] = frozenset(
    """district districts rayon rayonu raion rajon region regione province provincia
    oblast oblasti governorate muhafazah muhafazat prefecture municipality municipio
    okrug kray krai voivodeship wilaya vilayet""".split()
)

# Apostrophes, okina and modifier letters disappear ("Step'anakert", "Mar’ib");
# every other non-alphanumeric run becomes one space.
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u201b\u02bc\u02bb\u02be\u02bf\u0060\u00b4]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Dotted abbreviations: "U.S.", "U. S.", "U.A.E." -> "us", "uae"; the space after one stays ("U.S. Embassy").
_DOTTED = re.compile(r"\b[A-Za-z]\.(?:\s?[A-Za-z]\.)+")
_LEADING = ("the ",)
_OF_PREFIX = re.compile(r"^(?:" + "|".join(sorted(GENERIC_WORDS)) + r") of ")

# English spellings of Azerbaijani / Turkish / Slavic letters, used as extra index keys.
_ENGLISH_STYLE = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ə": "a", "Ə": "A",
                                "ğ": "gh", "Ğ": "Gh", "ž": "zh", "Ž": "Zh", "č": "ch", "Č": "Ch",
                                "š": "sh", "Š": "Sh", "ı": "i", "İ": "I"})
_AZERBAIJANI_LETTERS = frozenset("əƏ")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Return the comparison key of a place name.

    Parameters
    ----------
    name : str
        A name in any script.

    Returns
    -------
    str
        Lower-case ASCII words separated by single spaces; ``""`` when nothing
        is left (punctuation only).

    Examples
    --------
    >>> normalize_name("Laçın")
    'lacin'
    >>> normalize_name("Лачин")
    'lachin'
    >>> normalize_name("Zangilan District")
    'zangilan'
    >>> normalize_name("U.S.")
    'us'
    >>> normalize_name("Armenia's")
    'armenias'
    >>> normalize_name("Province of Córdoba")
    'cordoba'
    """
    text = unicodedata.normalize("NFKC", name)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").replace(" ", ""), text)
    text = _APOSTROPHES.sub("", text)
    text = anyascii(text).lower()
    text = _APOSTROPHES.sub("", text)  # anyascii may emit apostrophes (Armenian p')
    text = _NON_ALNUM.sub(" ", text).strip()
    return _strip_generic(text)


def _strip_generic(text: str) -> str:
    for lead in _LEADING:
        if text.startswith(lead) and len(text) > len(lead):
            text = text[len(lead):]
    stripped = _OF_PREFIX.sub("", text)
    words = stripped.split(" ")
    # Keep the generic word when it is all there is ("Region" alone is a name).
    while len(words) > 1 and words[-1] in GENERIC_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in GENERIC_WORDS:
        words.pop(0)
    return " ".join(words)


def index_keys(name: str) -> set[str]:
    """Every key under which a name is indexed.

    The first is :func:`normalize_name`; the others are English-style
    spellings so that ``Shusha`` finds ``Şuşa`` and ``Khankendi`` finds
    ``Xankəndi``.

    Examples
    --------
    >>> sorted(index_keys("Şuşa"))
    ['shusha', 'susa']
    >>> sorted(index_keys("Kəlbəcər"))
    ['kalbacar', 'kalbajar', 'kelbecer', 'kelbejer']
    """
    forms = [name, name.translate(_ENGLISH_STYLE)]
    if any(ch in _AZERBAIJANI_LETTERS for ch in name):
        # Azerbaijani Latin writes English "kh" with x and "j" with c (Xankəndi, Kəlbəcər).
        kh = [f.replace("x", "kh").replace("X", "Kh") for f in forms]
        forms += kh + [f.replace("c", "j").replace("C", "J") for f in kh]
    keys = {normalize_name(f) for f in forms}
    keys.discard("")
    return keys
