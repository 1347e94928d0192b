"""The :class:`Document` value: a text to geoparse, with what is known of it.

Defined here, apart from its readers, so that every reader module can build one
without importing :mod:`geomap.text._readers`, which re-exports it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

__all__ = ["Document"]


@dataclass(frozen=True, slots=True, repr=False)
class Document:
    """A text to geoparse, with what is known of it.

    Parameters
    ----------
    text : str
        The text. Offsets elsewhere in geomap refer to this string. May be empty:
        an empty document is valid and simply contains no places.
    published : datetime.date or None
        Publication date, if known. A :class:`datetime.datetime` is reduced to
        its date.
    url : str
        Where the text was published, if known.
    id : str
        The caller's identifier.
    title : str
        The title, if known.
    source : str
        Where it was read from: a file path, ``path:line`` for a JSON Lines
        record, or ``"<string>"``.

    Raises
    ------
    TypeError
        If a field has the wrong type (a programming error, not bad input).

    Examples
    --------
    >>> import datetime
    >>> doc = Document("Shelling near Lachin.", published=datetime.date(2023, 3, 20))
    >>> doc.text[14:20]
    'Lachin'
    >>> Document(b"bytes")
    Traceback (most recent call last):
    ...
    TypeError: Document.text must be str, not bytes
    """

    text: str
    published: _dt.date | None = None
    url: str = ""
    id: str = ""
    title: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        for name in ("text", "url", "id", "title", "source"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"Document.{name} must be str, not {type(value).__name__}")
        published = self.published
        if isinstance(published, _dt.datetime):
            object.__setattr__(self, "published", published.date())
        elif published is not None and not isinstance(published, _dt.date):
            raise TypeError(
                f"Document.published must be a datetime.date or None, not {type(published).__name__}"
            )

    def __repr__(self) -> str:
        # Texts can be megabytes long; a repr shows enough to recognise one.
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        fields = [f"text={text!r}"]
        if self.published is not None:
            fields.append(f"published={self.published!r}")
        fields += [
            f"{name}={getattr(self, name)!r}"
            for name in ("url", "id", "title", "source")
            if getattr(self, name)
        ]
        return f"Document({', '.join(fields)})"
