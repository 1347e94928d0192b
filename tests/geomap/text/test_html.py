"""Tests of geomap.text._html and read_html: HTML to visible text, with its metadata."""

from __future__ import annotations

import datetime as dt

from pathlib import Path

import pytest

from geomap.text import _html
from geomap.text._readers import (
    read_html,
)
from geomap.errors import EncodingError

D = dt.date(2023, 3, 20)



# --------------------------------------------------------------------------- #
# HTML
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param("<p>Hello</p>", "Hello", id="paragraph"),
        pytest.param("<p>a</p><script>alert(1)</script><p>b</p>", "a\n\nb", id="script"),
        pytest.param("<p>a<script>document.write('<p>x</p>')</script>b</p>", "ab", id="script-with-tags"),
        pytest.param("<style>p { color: red }</style><p>a</p>", "a", id="style"),
        pytest.param("<p>a<!-- hidden comment -->b</p>", "ab", id="comment"),
        pytest.param("<noscript>enable JS</noscript><p>a</p>", "a", id="noscript"),
        pytest.param("<template><p>t</p></template><p>a</p>", "a", id="template"),
        pytest.param("<p>Tom &amp; Jerry&#x27;s &lt;b&gt; &quot;x&quot; &#39;y&#39;</p>",
                     "Tom & Jerry's <b> \"x\" 'y'", id="entities"),
        pytest.param("<p>a&nbsp;b</p>", "a\xa0b", id="nbsp-is-content"),
        pytest.param("<div><div><p>one</p><div>two <b>bold</b> <i>it</i></div></div></div>",
                     "one\n\ntwo bold it", id="nested-blocks"),
        pytest.param("<p>  many   \n\t spaces\n</p>", "many spaces", id="whitespace"),
        pytest.param("<b>joined</b><i>words</i>", "joinedwords", id="inline-no-space"),
        pytest.param("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter", id="list"),
        pytest.param("<ul><li>one<li>two</ul>", "one\ntwo", id="unclosed-li"),
        pytest.param("a<br>b<br/>c<br><br>d<br><br><br><br>e", "a\nb\nc\n\nd\n\ne", id="br"),
        pytest.param("<h1>Title</h1>Text", "Title\n\nText", id="heading"),
        pytest.param("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>",
                     "a\tb\nc\td", id="table"),
        pytest.param("<pre>\n  x = 1\n    y</pre><p>z</p>", "  x = 1\n    y\n\nz", id="pre"),
        pytest.param("<p>a</p><div hidden>secret</div><p>b</p>", "a\n\nb", id="hidden-attribute"),
        pytest.param("<p hidden>p-hidden-ignored</p>", "p-hidden-ignored", id="hidden-on-optional-end"),
        pytest.param("<html><head><title>T</title><meta name=x content=y></head><body>b</body></html>",
                     "b", id="head-and-title"),
        pytest.param("<head><title>T</title></head>text after", "text after", id="body-implied"),
        pytest.param("<head><title>T</title>text in head", "text in head", id="text-ends-head"),
        pytest.param("<head><title>T</title><p>p in head</p>", "p in head", id="tag-ends-head"),
        pytest.param("<head><style>x</style>\n  <link rel=x>\n</head>", "", id="head-whitespace"),
        pytest.param("a<template><p>t</p></template>b", "ab", id="no-breaks-from-hidden-blocks"),
        pytest.param("<p>a</p><noscript><template>x</noscript><p>y</p>", "a\n\ny", id="misnested-hidden"),
        pytest.param("<p>a</p></noscript><p>b</p>", "a\n\nb", id="stray-end-tag"),
        pytest.param("<svg><title>tip</title></svg><title>Real</title><p>a</p>", "a", id="svg-title-2"),
        pytest.param("<p>one</p>\r\n<p>two\r\nlines</p>", "one\n\ntwo lines", id="crlf"),
        pytest.param("<svg><title>tip</title><text>label</text></svg>", "label", id="svg-title"),
        pytest.param("plain text, no tags", "plain text, no tags", id="no-tags"),
        pytest.param("<p>unclosed <b>tags", "unclosed tags", id="unclosed"),
        pytest.param("<![CDATA[x]]><?php echo 1 ?><p>a</p>", "a", id="cdata-and-pi"),
    ],
)
def test_read_html_visible_text(markup: str, expected: str) -> None:
    assert read_html(markup).text == expected


PAGE = (Path(__file__).resolve().parents[2] / "data" / "text" / "page.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("word", ["Sotk", "Kut", "Jermuk's", "Monday", "Clashes near Sotk", "Home"])
def test_html_offsets_refer_to_visible_text(word: str) -> None:
    doc = read_html(PAGE)
    start = doc.text.find(word)
    assert start >= 0
    assert doc.text[start:start + len(word)] == word
    # The word stands apart from its neighbours: block and inline boundaries
    # did not glue it to the next word.
    before = doc.text[start - 1] if start else " "
    after = doc.text[start + len(word)] if start + len(word) < len(doc.text) else " "
    assert not before.isalnum() and not after.isalnum()


@pytest.mark.parametrize("hidden", ["Secret", "Lachin", "Stepanakert", "font", "border</title>"])
def test_html_hidden_content_is_not_in_text(hidden: str) -> None:
    assert hidden not in read_html(PAGE).text


def test_html_page_text_and_metadata() -> None:
    doc = read_html(PAGE.encode(), id="n1", source="clash.html")
    assert doc.text.startswith("Home | World\n\nClashes near Sotk\n\nAzerbaijani")
    assert "near Sotk and Kut on Monday." in doc.text
    assert doc.title == "Clashes on the border"
    assert doc.url == "https://news.example/clash"
    assert (doc.id, doc.source, doc.published) == ("n1", "clash.html", None)


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        pytest.param('<meta property="article:published_time" content="2023-03-20T10:00:00Z">', "",
                     D, id="article-published-time"),
        pytest.param('<meta name="date" content="20 March 2023">', "", D, id="meta-name-date"),
        pytest.param('<meta itemprop="datePublished" content="2023-03-20">', "", D, id="itemprop-meta"),
        pytest.param("", '<span itemprop="datePublished" content="March 20, 2023">Mar 20</span>', D,
                     id="itemprop-span"),
        pytest.param("", '<article><time datetime="2023-03-20T08:00">Monday</time></article>', D,
                     id="time-in-article"),
        pytest.param("", '<time datetime="2023-03-20">outside article</time>', None,
                     id="time-outside-article"),
        pytest.param('<script type="application/ld+json">'
                     '{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
                     ' "datePublished": "2023-03-20T10:00:00+04:00"}]}</script>', "", D, id="json-ld"),
        pytest.param('<script type="application/ld+json">{broken</script>', "", None,
                     id="json-ld-broken"),
        pytest.param('<meta name="date" content="2023-03-20">'
                     '<meta property="article:published_time" content="2023-01-01">', "",
                     dt.date(2023, 1, 1), id="article-time-outranks-meta-date"),
        pytest.param('<meta property="article:published_time" content="not a date">'
                     '<meta name="date" content="2023-03-20">', "", D, id="bad-date-skipped"),
        pytest.param('<meta name="description" content="2023-03-20">', "", None, id="other-meta"),
    ],
)
def test_html_published_from_metadata(head: str, body: str, expected: dt.date | None) -> None:
    markup = f"<html><head>{head}</head><body><p>text</p>{body}</body></html>"
    assert read_html(markup).published == expected


def test_html_arguments_win_over_metadata() -> None:
    markup = ('<head><title>Page</title><meta property="og:url" content="https://a/"> '
              '<meta name="date" content="2020-01-01"></head><p>x</p>')
    doc = read_html(markup, published="2023-03-20", title="Mine", url="https://b/")
    assert (doc.published, doc.title, doc.url) == (D, "Mine", "https://b/")
    doc = read_html(markup)
    assert (doc.published, doc.title, doc.url) == (dt.date(2020, 1, 1), "Page", "https://a/")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("<p>café</p>".encode(), "café", id="utf8"),
        pytest.param(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "café", id="bom"),
        pytest.param(b'<meta charset="windows-1252"><p>caf\xe9 \x93q\x94</p>', "café “q”", id="cp1252"),
        pytest.param(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
                     b"<p>caf\xe9</p>", "café", id="latin1-means-cp1252"),
        pytest.param(b'<meta charset="utf-8"><p>caf\xc3\xa9</p>', "café", id="declared-utf8"),
        pytest.param(b'<meta charset="no-such-codec"><p>caf\xc3\xa9</p>', "café", id="unknown-charset"),
    ],
)
def test_html_bytes_decoding(data: bytes, expected: str) -> None:
    assert read_html(data).text == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"<p>caf\xe9</p>", "byte offset 6", id="latin1-undeclared"),
        pytest.param(b"<p>a\x00b</p>", "NUL byte at byte offset 4", id="nul"),
        pytest.param(b'<meta charset="windows-1252"><p>\x00</p>', "NUL byte", id="nul-declared"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "NUL byte at byte offset 8", id="png"),
    ],
)
def test_html_refuses_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(EncodingError, match=message):
        read_html(data)


@pytest.mark.parametrize(
    ("markup", "title"),
    [
        pytest.param("<title> Two\n  lines </title>", "Two lines", id="collapsed"),
        pytest.param("<title>A &amp; B</title>", "A & B", id="entities"),
        pytest.param("<title>First</title><title>Second</title>", "First", id="first-wins"),
        pytest.param("<svg><title>tip</title></svg><title>Real</title>", "Real", id="svg-title-skipped"),
        pytest.param("<title>Unclosed", "Unclosed", id="unclosed"),
        pytest.param("<p>no title</p>", "", id="none"),
    ],
)
def test_html_title(markup: str, title: str) -> None:
    assert read_html(markup).title == title


def test_html_to_text_private_api() -> None:
    page = _html.html_to_text("<title>a <b>b</b></title><p>x</p>")
    assert page == _html.HtmlText(text="x", title="a b", dates=(), url="")


