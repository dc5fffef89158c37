"""Long documents are parsed in paragraph-aligned chunks, with every offset into the whole text."""
from __future__ import annotations

import pytest

from graph.nlp import pipeline
from graph.nlp.pipeline import chunks, extract_one

from conftest import SEED


@pytest.mark.parametrize("text, limit, pieces", [
    ("One.\n\nTwo.\n\nThree.", 100, ["One.\n\nTwo.\n\nThree."]),
    ("One.\n\nTwo.\n\nThree.", 12, ["One.\n\nTwo.\n\n", "Three."]),
    ("One two. Three four.", 12, ["One two. ", "Three four."]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
])
def test_chunks_tile_the_text_at_paragraph_breaks(text, limit, pieces):
    assert [text[a:b] for a, b in chunks(text, limit)] == pieces


def test_chunked_extraction_indexes_the_whole_text(nlp, monkeypatch):
    from graph.io.documents import read_documents

    (doc,) = read_documents([SEED])
    whole = extract_one(doc, nlp=nlp)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1200)
    assert len(chunks(doc.text, pipeline.chunk_limit(nlp))) >= 3
    parts = extract_one(doc, nlp=nlp)
    text = doc.text
    for e in parts.entities:
        assert all(text[m.start:m.end] == m.text for m in e.mentions), e.name
    assert all(text[t.start:t.end] == t.text for t in parts.timexes)
    for ev in parts.events:
        assert text[ev.sentence_start:ev.sentence_start + len(ev.sentence)] == ev.sentence
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert len({e.id for e in parts.entities}) == len(parts.entities)  # one entity per id across chunks
    assert len({ev.id for ev in parts.events}) == len(parts.events)
    assert {t.value for t in parts.timexes} == {t.value for t in whole.timexes}
    assert {"russia", "ukraine", "kyiv", "istanbul"} <= {e.id.split("/")[1] for e in parts.entities}


def test_no_event_sentence_carries_the_paragraph_break(seed_extraction):
    assert seed_extraction.events and not [ev for ev in seed_extraction.events if ev.sentence != ev.sentence.strip()]
