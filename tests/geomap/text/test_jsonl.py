"""Tests of geomap.text._jsonl: documents from JSON Lines records, streaming, with typed errors per record."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from geomap.text._readers import (
    Document,
    RecordError,
    iter_jsonl,
    read_jsonl,
)
from geomap.errors import EncodingError, InputError

D = dt.date(2023, 3, 20)



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


