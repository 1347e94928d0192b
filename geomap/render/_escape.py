"""Escaping text for each context it lands in on the map page.

One function per context; every piece of untrusted text (anything that comes from an
article or an input table) goes through exactly one of them before it reaches the page:

========================  ===================================  =====================================
context                   function                             used for
========================  ===================================  =====================================
HTML text                 :func:`html_text`                    ``<title>``, static HTML around the map
HTML attribute (quoted)   :func:`html_attr`                    attribute values written in templates
JS string literal         :func:`js_string`                    one value put into a script
JS template literal       :func:`js_template_literal`          text inside a backtick string (folium
                                                               builds popups in template literals)
JSON data in a script     :func:`json_for_script`              the incident data and layer geometry
Leaflet layer name        :func:`layer_name`                   names in the layer control
link target               :func:`safe_url`                     ``href`` of the source link
========================  ===================================  =====================================

Every one of them also replaces lone surrogates (:func:`without_lone_surrogates`): a ``str``
can hold them (Python decodes an undecodable byte of a command-line argument, such as
``--title $'\\xffbad'``, to one), UTF-8 cannot, and the page is written as UTF-8.

Leaflet inserts layer names with ``innerHTML``, so a layer name is HTML, not text. In the
browser, popups, tooltips, the legend and the title are built with ``textContent`` from the
JSON data, which is the second line of defence; these functions are the first.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = ["html_attr", "html_text", "js_string", "js_template_literal", "json_for_script", "layer_name",
           "safe_url", "without_lone_surrogates"]

# In a <script> element the HTML parser ends the script at "</script", and "<!--" changes how it
# looks for that end; U+2028/2029 end a line in JS before ES2019. Escaping <, > and & (as JSON
# \\u escapes, which mean the same character to JS) makes any JSON text inert for the HTML parser.
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                  ("\u2029", "\\u2029"))
_SPACE = re.compile(r"\s+")
# A Python str has no surrogate pairs (astral characters are one code point), so any is alone.
_SURROGATE = re.compile("[\ud800-\udfff]")
# An absolute http(s) URL with a host and no whitespace or control characters anywhere.
_HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#]+(?:[/?#][^\s\x00-\x1f\x7f]*)?", re.IGNORECASE)


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, the replacement character.

    A lone surrogate is how Python keeps a byte it could not decode (``os.fsdecode``, the
    ``surrogateescape`` handler); it cannot be written as UTF-8. Browsers show a byte they cannot
    decode as U+FFFD too, so the text reads the same and nothing is dropped silently.

    Examples
    --------
    >>> without_lone_surrogates("\\udcffbad"), without_lone_surrogates("caf\\u00e9 \\U0001f600")
    ('\ufffdbad', 'café 😀')
    """
    text = str(text)
    try:
        text.encode("utf-8")  # in C, ten times faster than the search on a 20 MB page
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def html_text(text: str) -> str:
    """Text for an HTML element's content.

    Examples
    --------
    >>> html_text('<img src=x onerror="alert(1)"> & co')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co'
    """
    return html.escape(without_lone_surrogates(text), quote=True)


def html_attr(text: str) -> str:
    """Text for a double- or single-quoted HTML attribute value.

    Backticks are escaped too: old browsers took them as attribute quotes.

    Examples
    --------
    >>> html_attr('x" onmouseover="alert(1)')
    'x&quot; onmouseover=&quot;alert(1)'
    >>> html_attr("`${a}`")
    '&#96;${a}&#96;'
    """
    return html.escape(without_lone_surrogates(text), quote=True).replace("`", "&#96;")


def json_for_script(value: Any) -> str:
    """JSON text that is safe inside a ``<script>`` element and valid JavaScript.

    ``NaN`` and infinities are refused (they are not JSON).

    Examples
    --------
    >>> json_for_script({"notes": "</script><script>alert(1)</script>"})
    '{"notes":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _script_safe(without_lone_surrogates(text))


def _script_safe(text: str) -> str:
    # str.replace runs in C; str.translate with a dict is ten times slower on a 20 MB page.
    for char, escape in _SCRIPT_UNSAFE:
        if char in text:
            text = text.replace(char, escape)
    return text


def js_string(text: str) -> str:
    """A double-quoted JavaScript string literal, safe inside a ``<script>`` element.

    Examples
    --------
    >>> print(js_string('a"b\\\\c</script>`${x}`'))
    "a\\"b\\\\c\\u003c/script\\u003e`${x}`"
    """
    return json_for_script(str(text))


def js_template_literal(text: str) -> str:
    """A backtick template literal whose value is ``text``, safe inside a ``<script>`` element.

    Backslashes, backticks and ``${`` are escaped, so the text can neither end the literal
    nor run an expression; ``<``, ``>`` and ``&`` become ``\\u`` escapes as in :func:`js_string`.

    Examples
    --------
    >>> print(js_template_literal("`+alert(1)+` ${alert(2)} \\\\"))
    `\\`+alert(1)+\\` \\${alert(2)} \\\\`
    """
    body = str(text).replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
    return "`" + _script_safe(body) + "`"


def layer_name(text: str) -> str:
    """A name for Leaflet's layer control, which inserts names as HTML.

    Whitespace runs (newlines included) become one space.

    Examples
    --------
    >>> layer_name("Protests <b>\\n(3)</b>")
    'Protests &lt;b&gt; (3)&lt;/b&gt;'
    """
    return html_text(_SPACE.sub(" ", str(text)).strip())


def safe_url(url: str) -> str:
    """``url`` if it is an absolute http(s) link, else ``""`` (no ``javascript:``, ``data:``...).

    Examples
    --------
    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url(" JAVASCRIPT:x")
    ('https://example.org/a?b=1', '', '')
    """
    url = str(url).strip()
    return url if _HTTP_URL.fullmatch(url) else ""
