"""Reading documents: formats, the leading date line, encodings and every kind of bad input."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from graph.io.base import InputError, Skipped
from graph.io.documents import read_documents
from graph.io.plain import text_document

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


def test_same_stem_in_two_folders_is_two_documents_with_stable_ids(tmp_path):
    for folder, text in (("a", "Talks resumed."), ("b", "Shelling continued.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text)
    (tmp_path / "a" / "report.json").write_text(json.dumps({"text": "A third story."}))
    docs = read(tmp_path)
    assert [d.id for d in docs] == ["a/report", "a/report.txt", "b/report"]
    assert [d.id for d in read(tmp_path)] == [d.id for d in docs]
    named = read(tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt")
    assert [d.id for d in named] == ["a/report", "b/report"]


def test_an_id_used_twice_is_refused_naming_both(tmp_path):
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "s1", "text": "One."}) + "\n" +
                                      json.dumps({"id": "s1", "text": "Two."}) + "\n")
    first, second = read(tmp_path / "x.jsonl")
    assert first.id == "s1" and isinstance(second, Skipped)
    assert second.source.endswith("x.jsonl:2") and f"{tmp_path / 'x.jsonl'}:1" in second.reason


@pytest.mark.parametrize("record, reason", [
    ({"id": {"x": 1}, "text": "Hello."}, '"id" must be a string or a number, not an object'),
    ({"url": 5, "text": "Hello."}, '"url" must be a string, not a number'),
    ({"text": 5}, '"text" must be a string, not a number'),
    ({"text": "Hello.", "title": ["a"]}, '"title" must be a string, not a list'),
    ({"text": "Hello.", "date": True}, '"date" must be a string, not true/false'),
])
def test_wrong_typed_json_fields_are_refused_naming_file_and_line(tmp_path, record, reason):
    (tmp_path / "x.jsonl").write_text(json.dumps({"text": "Fine."}) + "\n" + json.dumps(record) + "\n")
    good, bad = read(tmp_path / "x.jsonl")
    assert good.text == "Fine."
    assert isinstance(bad, Skipped) and bad.source == f"{tmp_path / 'x.jsonl'}:2" and bad.reason == reason


def test_deeply_nested_json_is_one_skipped_line(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000)
    (tmp_path / "deep.jsonl").write_text(json.dumps({"text": "Fine."}) + "\n" + "[" * 100_000 + "\n")
    items = read(tmp_path)
    assert [str(i) for i in items if isinstance(i, Skipped)] == [
        f"{tmp_path / 'deep.json'}: JSON nested too deeply to read",
        f"{tmp_path / 'deep.jsonl'}:2: JSON nested too deeply to read"]
    assert [d.text for d in items if not isinstance(d, Skipped)] == ["Fine."]


def test_nul_byte_anywhere_is_refused_and_escaped_nuls_are_dropped(tmp_path):
    (tmp_path / "late.txt").write_bytes(b"Talks resumed. " * 1000 + b"\0 More.")
    (tmp_path / "esc.json").write_text(json.dumps({"text": "Talks\u0000 resumed.\u0007", "title": "T\u0000"}))
    late, esc = read(tmp_path / "late.txt", tmp_path / "esc.json")
    assert isinstance(late, Skipped) and "NUL byte at offset 15000" in late.reason
    assert (esc.text, esc.title) == ("Talks resumed.", "T")


def test_text_is_cleaned_to_paragraphs():
    doc = text_document("date 2022-03-30\r\nFirst line.\r\n \r\n\r\n\nSecond\x0b one.\n\n\n")
    assert (doc.text, doc.date_source) == ("First line.\n\nSecond one.", "document")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary file"),
    ("deep.json", b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
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
