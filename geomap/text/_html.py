"""HTML to visible text, with the metadata a reader wants (title, dates, URL).

Built on the standard library's :class:`html.parser.HTMLParser`, so it is
tolerant of broken markup and adds no dependency. It follows what a browser
shows, approximately:

- the content of ``script``, ``style``, ``noscript``, ``template``, ``iframe``
  and ``title`` is dropped, as are comments, so nothing of the ``head`` shows
  (stray text there is shown: browsers move it to the body);
- block elements (``p``, ``div``, ``li``, ``h1``…``h6``, ``tr``, ``section``…)
  become line breaks, table cells a tab, ``br`` a line break;
- runs of HTML whitespace collapse to one space, except inside ``pre``;
- character references (``&amp;``, ``&#x27;``) are unescaped.

It knows nothing of dates: it returns the raw date strings it found, best first,
and :mod:`geomap.text._readers` parses them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

__all__ = ["HtmlText", "html_to_text"]


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What :func:`html_to_text` extracts from a page."""

    text: str
    """The visible text."""
    title: str = ""
    """The first ``<title>``, whitespace collapsed."""
    dates: tuple[str, ...] = ()
    """Publication date strings found in metadata, most trusted first, unparsed."""
    url: str = ""
    """The canonical URL (``<link rel="canonical">`` or ``og:url``), if any."""


# Elements a browser never shows (scripting on). ``title`` is handled apart.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "iframe"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
     "param", "source", "track", "wbr"}
)
# Elements whose end tag may be omitted: a ``hidden`` attribute on them cannot be
# tracked safely without a full tree builder, so it is ignored there.
_OPTIONAL_END = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
     "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html",
     "body", "head"}
)
_NO_HIDDEN_ATTR = _VOID | _OPTIONAL_END

# Separator levels, weakest first. A pending separator is emitted only before
# the next visible text, so blocks never leave leading or trailing blanks.
_NONE, _SPACE, _TAB, _LINE, _PARA = range(5)
_SEPARATOR = {_NONE: "", _SPACE: " ", _TAB: "\t", _LINE: "\n", _PARA: "\n\n"}
_PARAGRAPH_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul",
     "ol", "dl", "figure", "hr", "section", "article", "header", "footer",
     "aside", "nav", "main", "address", "details", "form", "fieldset", "hgroup",
     "dialog", "menu", "listing", "xmp"}
)
_LINE_BLOCKS = frozenset(
    {"div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "legend",
     "option", "optgroup", "center", "body", "html", "thead", "tbody", "tfoot",
     "dir", "search"}
)
_CELLS = frozenset({"td", "th"})
_PRESERVE_SPACE = frozenset({"pre", "listing", "textarea", "xmp"})

# HTML's whitespace is ASCII only: a no-break space is content.
_WS_RUN = re.compile(r"[ \t\n\r\f]+")
_WS_CHARS = " \t\n\r\f"

_META_PROPERTY_DATES = ("article:published_time", "og:published_time")
_META_NAME_DATES = ("date", "pubdate", "publishdate", "dc.date", "dcterms.date", "dc.date.issued")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.pending = _NONE
        self.hidden: list[str] = []  # open elements whose content is not shown
        self.pre_depth = 0
        self.pre_fresh = False  # just after <pre>: its first newline is dropped
        self.svg_depth = 0
        self.article_depth = 0
        self.title_parts: list[str] | None = None  # collecting the title
        self.title = ""
        self.seen_title = False
        self.json_ld: list[str] | None = None  # collecting a JSON-LD script
        self.json_ld_blocks: list[str] = []
        # Date candidates by source, so the order of trust does not depend on
        # the order in the page.
        self.meta_property_dates: list[str] = []
        self.meta_name_dates: list[str] = []
        self.itemprop_dates: list[str] = []
        self.time_dates: list[str] = []
        self.canonical = ""
        self.og_url = ""

    # -- output ---------------------------------------------------------------
    def _separate(self, level: int) -> None:
        self.pending = max(self.pending, level)

    def _emit(self, text: str) -> None:
        if self.out:
            self.out.append(_SEPARATOR[self.pending])
        self.out.append(text)
        self.pending = _NONE

    # -- parser callbacks -----------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, dict(attrs), selfclosing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML ignores the slash of <br/>; calling handle_endtag as the default does
        # would turn one <br/> into two breaks.
        self._start(tag, dict(attrs), selfclosing=True)

    def _start(self, tag: str, attrs: dict[str, str | None], *, selfclosing: bool) -> None:
        self._collect_metadata(tag, attrs)
        if tag == "svg" and not selfclosing:
            self.svg_depth += 1
        if tag == "article" and not selfclosing:
            self.article_depth += 1
        if tag == "title" and not selfclosing:
            self.hidden.append("title")
            if not self.seen_title and not self.svg_depth:
                self.seen_title = True
                self.title_parts = []
            return
        if tag == "script" and not selfclosing:
            if (attrs.get("type") or "").strip().lower() == "application/ld+json":
                self.json_ld = []
        if tag in _HIDDEN or ("hidden" in attrs and tag not in _NO_HIDDEN_ATTR):
            if not selfclosing:
                self.hidden.append(tag)
            return
        if self.hidden:
            return
        self._block(tag, start=True)
        if tag in _PRESERVE_SPACE and not selfclosing:
            self.pre_depth += 1
            self.pre_fresh = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag == "script" and self.json_ld is not None:
            self.json_ld_blocks.append("".join(self.json_ld))
            self.json_ld = None
        if tag in self.hidden:
            # Close the innermost matching element and anything left open inside it.
            while self.hidden.pop() != tag:
                pass
            if tag == "title" and self.title_parts is not None:
                self.title = _WS_RUN.sub(" ", "".join(self.title_parts)).strip()
                self.title_parts = None
            return
        if self.hidden:
            return
        if tag in _PRESERVE_SPACE and self.pre_depth:
            self.pre_depth -= 1
        self._block(tag, start=False)

    def _block(self, tag: str, *, start: bool) -> None:
        if tag == "br":
            # Each <br> is one more line break, up to one blank line.
            self.pending = _LINE if self.pending < _LINE else _PARA
        elif tag in _PARAGRAPH_BLOCKS:
            self._separate(_PARA)
        elif tag in _LINE_BLOCKS:
            self._separate(_LINE)
        elif tag in _CELLS and start:
            self._separate(_TAB)

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.json_ld is not None:
            self.json_ld.append(data)
        if self.hidden:
            return
        if self.pre_depth:
            if self.pre_fresh and data.startswith("\n"):
                data = data[1:]
            self.pre_fresh = False
            if data:
                self._emit(data)
            return
        core = data.strip(_WS_CHARS)
        if not core:
            if data:
                self._separate(_SPACE)
            return
        if data[0] in _WS_CHARS:
            self._separate(_SPACE)
        self._emit(_WS_RUN.sub(" ", core))
        if data[-1] in _WS_CHARS:
            self._separate(_SPACE)

    # -- metadata -------------------------------------------------------------
    def _collect_metadata(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "meta":
            content = (attrs.get("content") or "").strip()
            if not content:
                return
            prop = (attrs.get("property") or "").strip().lower()
            name = (attrs.get("name") or "").strip().lower()
            if prop in _META_PROPERTY_DATES:
                self.meta_property_dates.append(content)
            elif name in _META_NAME_DATES:
                self.meta_name_dates.append(content)
            if prop == "og:url" and not self.og_url:
                self.og_url = content
        elif tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            href = (attrs.get("href") or "").strip()
            if "canonical" in rel and href and not self.canonical:
                self.canonical = href
        if (attrs.get("itemprop") or "").strip() == "datePublished":
            value = attrs.get("content") or attrs.get("datetime") or ""
            if value.strip():
                self.itemprop_dates.append(value.strip())
        elif tag == "time" and self.article_depth:
            value = (attrs.get("datetime") or "").strip()
            if value:
                self.time_dates.append(value)

    def json_ld_dates(self) -> list[str]:
        found: list[str] = []
        for block in self.json_ld_blocks:
            try:
                data = json.loads(block)
            except ValueError:
                continue  # broken JSON-LD is common and only metadata
            _find_key(data, "datePublished", found, depth=0)
        return found


def _find_key(data: Any, key: str, found: list[str], *, depth: int) -> None:
    if depth > 8:
        return
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            found.append(value.strip())
        for child in data.values():
            if isinstance(child, (dict, list)):
                _find_key(child, key, found, depth=depth + 1)
    elif isinstance(data, list):
        for child in data:
            _find_key(child, key, found, depth=depth + 1)


def html_to_text(markup: str) -> HtmlText:
    """Extract the visible text and the metadata of an HTML page.

    Parameters
    ----------
    markup : str
        The page, already decoded. Newlines may be ``\\r\\n``, ``\\r`` or ``\\n``;
        the text returned uses ``\\n`` only.

    Returns
    -------
    HtmlText
        ``dates`` holds the raw publication dates found, in this order of trust:
        ``<meta property="article:published_time">`` (or ``og:published_time``),
        ``<meta name="date">`` (and ``pubdate``, ``dc.date``…), an element with
        ``itemprop="datePublished"``, a ``<time datetime>`` inside ``<article>``,
        then ``datePublished`` in JSON-LD.

    Examples
    --------
    >>> page = html_to_text(
    ...     "<html><head><title>News</title><script>alert(1)</script></head>"
    ...     "<body><h1>Lachin</h1><p>Shelling &amp; fire<br>near the road.</p></body></html>"
    ... )
    >>> page.text
    'Lachin\\n\\nShelling & fire\\nnear the road.'
    >>> page.title
    'News'
    """
    markup = markup.replace("\r\n", "\n").replace("\r", "\n")
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    if parser.title_parts is not None:  # an unclosed <title>
        parser.title = _WS_RUN.sub(" ", "".join(parser.title_parts)).strip()
    dates = (
        parser.meta_property_dates
        + parser.meta_name_dates
        + parser.itemprop_dates
        + parser.time_dates
        + parser.json_ld_dates()
    )
    return HtmlText(
        text="".join(parser.out),
        title=parser.title,
        dates=tuple(dates),
        url=parser.canonical or parser.og_url,
    )
