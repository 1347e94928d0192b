"""Tests of geomap.text._readers and geomap.text._html: documents and their readers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest
import json
import pickle
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from geomap.text import _html, _readers as documents
from geomap.text._readers import (
    DEFAULT_MAX_BYTES,
    Document,
    RecordError,
    iter_jsonl,
    parse_date,
    read_document,
    read_html,
    read_jsonl,
    read_text,
)
from geomap.errors import EncodingError, InputError, InputTooLarge

D = dt.date(2023, 3, 20)


# --------------------------------------------------------------------------- #
# Document
# --------------------------------------------------------------------------- #
def test_document_defaults_and_immutability() -> None:
    doc = Document("text")
    assert (doc.text, doc.published, doc.url, doc.id, doc.title, doc.source) == (
        "text", None, "", "", "", ""
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "other"  # type: ignore[misc]
    assert not hasattr(doc, "__dict__")  # slotted


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": b"bytes"},
        {"text": None},
        {"text": "ok", "published": "2023-03-20"},
        {"text": "ok", "id": 3},
        {"text": "ok", "source": Path("x.txt")},
    ],
)
def test_document_rejects_wrong_types(kwargs: dict) -> None:
    with pytest.raises(TypeError):
        Document(**kwargs)


def test_document_reduces_datetime_to_date() -> None:
    doc = Document("x", published=dt.datetime(2023, 3, 20, 10, 0))
    assert type(doc.published) is dt.date and doc.published == D


def test_document_repr_is_short_for_long_texts() -> None:
    doc = Document("word " * 100_000, id="a")
    assert len(repr(doc)) < 200
    assert "id='a'" in repr(doc)


def test_empty_document_is_valid() -> None:
    assert read_text("").text == ""
    assert read_text(b"").text == ""
    assert read_html("<html><body></body></html>").text == ""


# --------------------------------------------------------------------------- #
# Plain text
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Shelling in Lachin.", "Shelling in Lachin.", id="plain-bytes"),
        pytest.param("Shelling in Lachin.", "Shelling in Lachin.", id="plain-str"),
        pytest.param(b"one\r\ntwo\r\n", "one\ntwo\n", id="crlf"),
        pytest.param(b"one\rtwo\r\rthree", "one\ntwo\n\nthree", id="cr"),
        pytest.param("one\r\ntwo\rthree\n", "one\ntwo\nthree\n", id="mixed-str"),
        pytest.param(b"\xef\xbb\xbfStepanakert", "Stepanakert", id="bom-bytes"),
        pytest.param("\ufeffStepanakert", "Stepanakert", id="bom-str"),
        pytest.param("Ստեփանակերտ, Xankəndi".encode(), "Ստեփանակերտ, Xankəndi", id="non-ascii"),
        pytest.param(b"tab\there\x0cform feed", "tab\there\x0cform feed", id="allowed-controls"),
        pytest.param(b"", "", id="empty"),
        pytest.param(b"  \n ", "  \n ", id="whitespace-kept"),
    ],
)
def test_read_text(data: bytes | str, expected: str) -> None:
    doc = read_text(data)
    assert doc.text == expected
    assert doc.source == "<string>"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"abc\xff def", "byte offset 3", id="invalid-start-byte"),
        pytest.param(b"caf\xc3(", "byte offset 3", id="invalid-continuation"),
        pytest.param(b"truncated \xe2\x82", "byte offset 10", id="truncated-at-end"),
        pytest.param(b"\xef\xbb\xbfab\xff", "byte offset 5", id="offset-counts-the-bom"),
        pytest.param(b"ab\x00cd", "NUL byte at byte offset 2", id="nul-byte"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte at byte offset 8", id="png"),
        pytest.param(b"\x89PNG\r\n\x1a\n", "byte offset 0", id="png-signature-only"),
        pytest.param(random.Random(7).randbytes(4096), None, id="random-binary"),
        pytest.param(bytes(range(1, 32)) * 10, "control characters", id="control-chars"),
        pytest.param("ab\x00", "NUL character at offset 2", id="nul-in-str"),
        pytest.param("\x01\x02\x03\x04 text", "control characters", id="controls-in-str"),
    ],
)
def test_read_text_refuses_binary_and_bad_utf8(data: bytes | str, message: str | None) -> None:
    with pytest.raises(EncodingError, match=message):
        read_text(data)


def test_read_text_metadata_and_published_argument() -> None:
    doc = read_text("x", id="a1", url="https://e.org/a", title="T", published="20 March 2023",
                    source="feed")
    assert (doc.id, doc.url, doc.title, doc.published, doc.source) == (
        "a1", "https://e.org/a", "T", D, "feed"
    )
    assert read_text("x", published=D).published == D
    with pytest.raises(InputError, match="not a date"):
        read_text("x", published="yesterday")


def test_read_text_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        read_text(123)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- #
# Dates
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "value",
    [
        "2023-03-20",
        " 2023-03-20 ",
        "2023-03-20T10:00:00Z",
        "2023-03-20T10:00:00+04:00",
        "2023-03-20T23:30:00-05:00",  # the date as written, no time-zone shift
        "2023-03-20 10:00",
        "2023-03-20T10:00:00.123456789Z",
        "2023-03-20T10:00:00+0000",
        "20 March 2023",
        "20 march 2023",
        "20th March 2023",
        "20 Mar 2023",
        "Monday, 20 March 2023",
        "March 20, 2023",
        "March 20 2023",
        "Mar. 20, 2023",
        "March 20th, 2023",
        "Mon, 20 Mar 2023 10:00:00 GMT",
        D,
        dt.datetime(2023, 3, 20, 22, 0),
    ],
)
def test_parse_date_accepts(value: str | dt.date) -> None:
    assert parse_date(value) == D


def test_parse_date_abbreviations() -> None:
    assert parse_date("Sept 1, 2023") == dt.date(2023, 9, 1)
    assert parse_date("1 May 2023") == dt.date(2023, 5, 1)


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "2023-02-30", "30 Febuary 2023", "31 June 2023", "03/20/2023",
     "20.03.2023", "2023-03-20Tgarbage", "March 2023", 20230320, None, ["2023-03-20"]],
)
def test_parse_date_refuses(value: object) -> None:
    with pytest.raises(InputError):
        parse_date(value)  # type: ignore[arg-type]


def test_parse_date_error_lists_accepted_forms() -> None:
    with pytest.raises(InputError, match="accepted forms: 2023-03-20"):
        parse_date("soon")


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


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Clashes on the
     border</title>
  <link rel="canonical" href="https://news.example/clash">
  <style>body { font: 12px sans-serif }</style>
  <script>var Secret = "<p>Lachin</p>";</script>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
  <article>
    <h1>Clashes near Sotk</h1>
    <p>Azerbaijani and Armenian forces exchanged fire near <b>Sotk</b>
       and <a href="#">Kut</a> on Monday.</p>
    <!-- Stepanakert is mentioned only in this comment -->
    <p>Two soldiers were killed in Jermuk&#x27;s district &amp; one wounded.</p>
  </article>
</body>
</html>"""


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


# --------------------------------------------------------------------------- #
# JSON Lines
# --------------------------------------------------------------------------- #
GOOD = [
    '{"id": "a", "text": "Fighting in Shusha.", "published": "2023-03-20", "url": "https://e/a", "title": "A"}',
    '{"text": "Only text."}',
    '{"id": 42, "text": "", "published": null, "url": null, "extra": [1, 2]}',
]


def test_read_jsonl_good_lines() -> None:
    docs = list(read_jsonl(GOOD))
    assert docs[0] == Document("Fighting in Shusha.", published=D, url="https://e/a", id="a",
                               title="A", source="<lines>:1")
    assert docs[1] == Document("Only text.", source="<lines>:2")
    assert docs[2] == Document("", id="42", source="<lines>:3")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param("not json", "not JSON", id="not-json"),
        pytest.param('{"text": "unterminated', "not JSON", id="truncated"),
        pytest.param('["text"]', "expected a JSON object, got an array", id="array"),
        pytest.param('"text"', "expected a JSON object, got a string", id="string"),
        pytest.param("null", "got null", id="null"),
        pytest.param('{"title": "no text"}', "no 'text'", id="no-text"),
        pytest.param('{"text": null}', "'text' must be a string, got null", id="null-text"),
        pytest.param('{"text": 12}', "'text' must be a string, got a number", id="number-text"),
        pytest.param('{"text": ["a"]}', "'text' must be a string", id="list-text"),
        pytest.param('{"text": "x", "published": "someday"}', "not a date", id="bad-date"),
        pytest.param('{"text": "x", "published": "2023-02-30"}', "not a date", id="impossible-date"),
        pytest.param('{"text": "x", "published": 20230320}', "a date must be a string", id="numeric-date"),
        pytest.param('{"text": "x", "id": true}', "'id' must be", id="bool-id"),
        pytest.param('{"text": "x", "url": 3}', "'url' must be a string", id="bad-url"),
        pytest.param('{"text": "a\\u0000b"}', "NUL character", id="nul-in-text"),
        pytest.param("[" * 100_000, "not JSON", id="deep-nesting"),
    ],
)
def test_jsonl_bad_line_carries_line_number(line: str, reason: str) -> None:
    lines = [GOOD[1], "", line, GOOD[1]]
    with pytest.raises(RecordError, match=reason) as info:
        list(read_jsonl(lines))
    assert info.value.line == 3
    assert info.value.source == "<lines>"
    assert str(info.value).startswith("<lines>:3: ")
    assert isinstance(info.value, InputError)

    items = list(iter_jsonl(lines))
    assert [type(item) for item in items] == [Document, RecordError, Document]
    assert items[1].line == 3  # type: ignore[union-attr]
    assert [item.source for item in items if isinstance(item, Document)] == ["<lines>:1", "<lines>:4"]


def test_read_jsonl_yields_documents_before_the_bad_line() -> None:
    docs = read_jsonl([GOOD[0], GOOD[1], "oops"])
    assert next(docs).id == "a"
    assert next(docs).text == "Only text."
    with pytest.raises(RecordError):
        next(docs)


def test_jsonl_file_bytes_lines_bom_and_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + GOOD[0].encode() + b"\r\n"
        + b'{"text": "caf\xe9"}\n'
        + b"\n"
        + b'{"text": "line\\r\\nbreaks"}\n'
        + b'{"text": "last, no newline"}'
    )
    items = list(iter_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "Document", "Document"]
    error = items[1]
    assert isinstance(error, RecordError)
    assert (error.line, error.source) == (2, str(path))
    assert "byte offset 13 of the line" in str(error)
    assert isinstance(error.__cause__, EncodingError)
    assert items[0].source == f"{path}:1"  # type: ignore[union-attr]
    assert items[2].text == "line\nbreaks"  # type: ignore[union-attr]
    assert items[3].source == f"{path}:5"  # type: ignore[union-attr]
    with pytest.raises(RecordError, match=":2: "):
        list(read_jsonl(str(path)))


def test_jsonl_accepts_open_files(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    with open(path, encoding="utf-8") as text_file:
        assert [d.source for d in read_jsonl(text_file)] == ["<lines>:1", "<lines>:2", "<lines>:3"]
    with open(path, "rb") as binary_file:
        assert len(list(read_jsonl(binary_file))) == 3


@pytest.mark.parametrize("make", [lambda p: p / "missing.jsonl", lambda p: p])
def test_jsonl_missing_path_fails_at_call(tmp_path: Path, make) -> None:
    path = make(tmp_path)
    for reader in (read_jsonl, iter_jsonl):
        with pytest.raises(InputError, match=str(path)):
            reader(path)  # no next(): the error comes at once


def test_jsonl_string_is_a_path_never_json() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_jsonl('{"text": "x"}')


def test_jsonl_rejects_bytes_blob() -> None:
    with pytest.raises(TypeError):
        read_jsonl(b'{"text": "x"}\n')  # type: ignore[arg-type]


def test_jsonl_streams() -> None:
    consumed = []

    def lines() -> Iterator[str]:
        for i in range(1_000_000):
            consumed.append(i)
            yield json.dumps({"text": f"doc {i}"})

    docs = read_jsonl(lines())
    assert consumed == []
    assert [next(docs).text for _ in range(3)] == ["doc 0", "doc 1", "doc 2"]
    assert len(consumed) == 3
    docs.close()  # type: ignore[attr-defined]


def test_record_error_pickles() -> None:
    error = RecordError("not JSON", line=7, source="c.jsonl")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.line, copy.source, copy.reason, str(copy)) == (
        RecordError, 7, "c.jsonl", "not JSON", "c.jsonl:7: not JSON"
    )


# --------------------------------------------------------------------------- #
# read_document
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("name", "content", "text", "published"),
    [
        pytest.param("a.txt", b"Shelling\r\nin Lachin.", "Shelling\nin Lachin.", None, id="txt"),
        pytest.param("a.text", b"\xef\xbb\xbfplain", "plain", None, id="text-bom"),
        pytest.param("a.md", b"# Heading\n\nBody", "# Heading\n\nBody", None, id="md"),
        pytest.param("A.TXT", b"upper", "upper", None, id="uppercase-extension"),
        pytest.param("a.html", PAGE.encode(), None, None, id="html"),
        pytest.param("a.htm", b'<meta name="date" content="2023-03-20"><p>x &amp; y</p>', "x & y", D,
                     id="htm"),
        pytest.param("a.json", b'{"id": "j", "text": "From JSON.", "published": "March 20, 2023"}',
                     "From JSON.", D, id="json"),
        pytest.param("empty.txt", b"", "", None, id="empty"),
    ],
)
def test_read_document_by_extension(tmp_path: Path, name: str, content: bytes, text: str | None,
                                    published: dt.date | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for arg in (path, str(path)):
        doc = read_document(arg)
        if text is not None:
            assert doc.text == text
        assert doc.published == published
        assert doc.source == str(path)
    assert read_document(path, published="2001-02-03").published == dt.date(2001, 2, 3)


def test_read_document_html_matches_read_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc == dataclasses.replace(read_html(PAGE), source=str(path))
    assert doc.title == "Clashes on the border"


@pytest.mark.parametrize(
    ("name", "content", "error", "message"),
    [
        pytest.param("a.pdf", b"%PDF", InputError,
                     r"unsupported extension '\.pdf' \(supported: \.htm, \.html, \.json, \.md, \.text, \.txt\)",
                     id="unknown-extension"),
        pytest.param("README", b"x", InputError, "unsupported extension ''", id="no-extension"),
        pytest.param("a.jsonl", b'{"text": "x"}', InputError, "use read_jsonl", id="jsonl-hint"),
        pytest.param("a.json", b"[1, 2]", InputError, "expected a JSON object", id="json-array"),
        pytest.param("a.json", b'{"title": "x"}', InputError, "no 'text'", id="json-no-text"),
        pytest.param("a.json", b"{oops", InputError, "not JSON", id="json-invalid"),
        pytest.param("a.json", b'{"text": "a\\u0000"}', EncodingError, "NUL", id="json-nul-text"),
        pytest.param("a.txt", b"\x89PNG\r\n\x1a\n", EncodingError, "byte offset 0", id="png-as-txt"),
        pytest.param("a.html", b"<p>\xff</p>", EncodingError, "byte offset 3", id="bad-html"),
    ],
)
def test_read_document_errors(tmp_path: Path, name: str, content: bytes, error: type[Exception],
                              message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error, match=message) as info:
        read_document(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p / "missing.txt", id="missing"),
        pytest.param(lambda p: p, id="directory"),
        pytest.param(lambda p: (p / "sub.txt").mkdir() or p / "sub.txt", id="directory-with-extension"),
        pytest.param(lambda p: p / "no" / "such" / "dir.txt", id="missing-parent"),
    ],
)
def test_read_document_bad_paths(tmp_path: Path, make) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match="no such file|is a directory") as info:
        read_document(path)
    assert str(path) in str(info.value)
    assert not isinstance(info.value, InputTooLarge)


def test_read_document_string_is_a_path_never_a_url() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document("https://example.org/news.html")


@pytest.mark.parametrize(("size", "max_bytes", "too_large"),
                         [(10, 9, True), (10, 10, False), (0, 0, False), (1, 0, True), (10, None, False)])
def test_read_document_size_limit(tmp_path: Path, size: int, max_bytes: int | None,
                                  too_large: bool) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * size)
    if too_large:
        with pytest.raises(InputTooLarge, match=f"limit of {max_bytes} bytes"):
            read_document(path, max_bytes=max_bytes)
    else:
        assert len(read_document(path, max_bytes=max_bytes).text) == size


def test_read_limited_catches_growth_past_the_stat_size(tmp_path: Path) -> None:
    # A file that grows after stat (or a pipe): the limit still holds.
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 100)
    with open(path, "rb") as f:
        with pytest.raises(InputTooLarge):
            documents._read_limited(f, 10, 50, path)
    with open(path, "rb") as f:
        assert documents._read_limited(f, 10, None, path) == b"x" * 100


@pytest.mark.parametrize("max_bytes", [-1, 1.5, "10", True])
def test_read_document_validates_max_bytes(tmp_path: Path, max_bytes: object) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x")
    with pytest.raises(ValueError, match="max_bytes"):
        read_document(path, max_bytes=max_bytes)  # type: ignore[arg-type]


def test_read_document_rejects_non_paths() -> None:
    with pytest.raises(TypeError):
        read_document(b"a.txt")  # type: ignore[arg-type]


def test_default_max_bytes_is_100_mib() -> None:
    assert DEFAULT_MAX_BYTES == 100 * 1024 * 1024


def test_large_text_reads_in_memory_proportional_to_size(tmp_path: Path) -> None:
    size = 50 * 1024 * 1024
    path = tmp_path / "big.txt"
    line = b"Shelling was reported near Lachin and Shusha on Monday.\n"
    with open(path, "wb") as f:
        f.write(line * (size // len(line)))
        f.write(b"x" * (size % len(line)))
    tracemalloc.start()
    try:
        doc = read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(doc.text) == size
    assert doc.text.endswith("x" * (size % len(line)))
    # The bytes and the decoded str (one byte per ASCII character) at most.
    assert peak < 2.5 * size


# --------------------------------------------------------------------------- #
# Docstrings
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("module", [documents, _html], ids=lambda m: m.__name__)
def test_docstring_examples(module) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_public_api() -> None:
    public = sorted(name for name in vars(documents) if not name.startswith("_")
                    and getattr(getattr(documents, name), "__module__", None) == documents.__name__)
    assert sorted(documents.__all__) == documents.__all__
    assert set(public) <= set(documents.__all__)
    for name in documents.__all__:
        obj = getattr(documents, name)
        if callable(obj):
            assert obj.__doc__ and "Examples" in obj.__doc__, name
