"""Reading documents: formats, the leading date line, encodings and every kind of bad input."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from graph.io.documents import Skipped, read_documents, text_document, InputError

from conftest import SEED


def read(*paths, **kw):
    return list(read_documents(paths, **kw))


def test_seed_date_before_text_is_metadata():
    (doc,) = read(SEED)
    assert doc.id == "000_aa0594ff2652d761"
    assert doc.date == dt.date(2022, 3, 30)
    assert doc.text.startswith("Russia's announcement it would significantly scale back")


@pytest.mark.parametrize("raw, date, text", [
    ("date 2022-03-30\nTalks resumed.", dt.date(2022, 3, 30), "Talks resumed."),
    ("  date 2022-03-30 Talks resumed.", dt.date(2022, 3, 30), "Talks resumed."),
    ("Talks resumed on Tuesday.", None, "Talks resumed on Tuesday."),
    ("date palms grow in Iraq.", None, "date palms grow in Iraq."),
])
def test_date_line(raw, date, text):
    doc = text_document(raw)
    assert (doc.date, doc.text) == (date, text)


@pytest.mark.parametrize("raw", ["date 2022-13-45\nText.", "date 30/03/2022 Text.", "date yesterday\nText."])
def test_date_line_that_is_not_a_date(raw):
    with pytest.raises(InputError, match="is not a date"):
        text_document(raw)


def test_default_date_only_for_documents_without_one(tmp_path):
    (tmp_path / "a.txt").write_text("date 2021-01-02\nOne.")
    (tmp_path / "b.txt").write_text("Two.")
    a, b = read(tmp_path, date=dt.date(2020, 5, 5))
    assert (a.date, b.date) == (dt.date(2021, 1, 2), dt.date(2020, 5, 5))


def test_json_and_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "x1", "text": "Hello.", "date": "2022-03-30",
                                                   "title": "T", "url": "https://example.org/a"}))
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"text": "First."}) + "\n\n" + "{not json\n" + json.dumps({"text": "Third.", "id": "c"}) + "\n")
    items = read(tmp_path)
    docs = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.id for d in docs] == ["many-1", "c", "x1"]
    assert docs[2].title == "T" and docs[2].url == "https://example.org/a" and docs[2].date == dt.date(2022, 3, 30)
    assert [s.source for s in skipped] == [f"{tmp_path / 'many.jsonl'}:3"]
    assert "malformed JSON" in skipped[0].reason


def test_html(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><title>Talks</title><meta property='article:published_time' content='2022-03-30T10:00Z'>"
        "<script>var x = 1;</script></head><body><nav>Menu</nav><p>Talks &amp; more.</p><p>Second.</p></body></html>")
    (doc,) = read(tmp_path / "a.html")
    assert (doc.title, doc.date, doc.text) == ("Talks", dt.date(2022, 3, 30), "Talks & more.\n\nSecond.")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary file"),
    ("bad.json", b"{\"text\": ", "malformed JSON"),
    ("list.json", b"[1, 2]", "expected a JSON object"),
    ("notext.json", b"{\"title\": \"x\"}", "missing or empty \"text\""),
    ("baddate.txt", b"date 2022-02-30\nText.", "is not a date"),
    ("image.png", b"abc", "unsupported file type"),
])
def test_bad_input_is_skipped_with_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (item,) = read(tmp_path / name)
    assert isinstance(item, Skipped)
    assert reason in item.reason and item.source == str(tmp_path / name)


def test_missing_path_and_empty_glob(tmp_path):
    a, b = read(tmp_path / "nope.txt", str(tmp_path / "*.nothing"))
    assert "no such file" in a.reason and "no file matches" in b.reason


def test_windows_1252_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "old.txt").write_bytes("date 2022-03-30\nThe \u201cneutral status\u201d caf\u00e9.".encode("cp1252"))
    warnings = []
    (doc,) = read(tmp_path / "old.txt", warn=warnings.append)
    assert doc.text == "The \u201cneutral status\u201d caf\u00e9."
    assert len(warnings) == 1 and "not valid UTF-8" in warnings[0] and "cp1252" in warnings[0]
