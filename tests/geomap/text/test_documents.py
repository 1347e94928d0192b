"""Tests of geomap.text._readers and geomap.text._html: documents and their readers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest
import random
import tracemalloc
from pathlib import Path

import pytest

from geomap.text import _html, _readers as documents
from geomap.text._readers import (
    DEFAULT_MAX_BYTES,
    Document,
    parse_date,
    read_document,
    read_html,
    read_text,
)
from geomap.errors import EncodingError, InputError, InputTooLarge

D = dt.date(2023, 3, 20)
PAGE = (Path(__file__).resolve().parents[2] / "data" / "text" / "page.html").read_text(encoding="utf-8")


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
