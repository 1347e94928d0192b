"""Reading text: documents from files, HTML and JSON Lines; sentences, dates and number words.

Takes in
    Files, bytes or strings: plain text, HTML, JSON Lines records.
Gives out
    :class:`Document` values (text, publication date, URL, id), and the text-level
    readings later stages need: sentence and clause spans, dates resolved against a
    publication date, numbers written in digits or words.

Modules
    ``_readers``   :func:`read_text`, :func:`read_html`, :func:`read_document`: one file or string to a Document.
    ``_document``  the :class:`Document` value.
    ``_decode``    checks that input is text (encoding, NUL bytes, size) before any reader uses it.
    ``_html``      HTML to visible text with its metadata (title, dates, URL).
    ``_jsonl``     JSON Lines records to Documents, streaming.
    ``_pubdate``   publication dates (:func:`parse_date`).
    ``_sentences`` sentence and clause boundaries with offsets.
    ``_dates``     dates in running text (:func:`find_dates`).
    ``_datelines`` datelines: publication date, one per story, dates carried to the next sentence.
    ``_anchored``  dates counted from the date before them ("the next day", "two days later").
    ``_numbers``   numbers in digits or English words.

Imports only :mod:`geomap.errors`; knows nothing of places or incidents.

Examples
--------
>>> from geomap.text import read_text, iter_sentences
>>> doc = read_text("Shelling hit Zangilan. Talks began in Moscow.")
>>> [doc.text[s:e] for s, e in iter_sentences(doc.text)]
['Shelling hit Zangilan.', 'Talks began in Moscow.']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports

# public name -> module that defines it
_EXPORTS = {
    "Document": "_document",
    "RecordError": "_readers",
    "TOKEN": "_numbers",
    "digit_value": "_numbers",
    "carried_date": "_datelines",
    "find_dates": "_dates",
    "find_publication_date": "_datelines",
    "iter_jsonl": "_readers",
    "iter_sentences": "_sentences",
    "parse_date": "_readers",
    "parse_number": "_numbers",
    "read_document": "_readers",
    "read_html": "_readers",
    "read_jsonl": "_readers",
    "read_number_at": "_numbers",
    "read_text": "_readers",
    "word_value": "_numbers",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from ._dates import find_dates
    from ._datelines import carried_date, find_publication_date
    from ._document import Document
    from ._numbers import TOKEN, digit_value, parse_number, read_number_at, word_value
    from ._readers import RecordError, iter_jsonl, parse_date, read_document, read_html, read_jsonl, read_text
    from ._sentences import iter_sentences

__getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
