"""Web pages through trafilatura and htmldate: clean article text, title, canonical URL, date,
language, and one clear line for a page that cannot be read."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.io.base import InputError, Skipped
from graph.io.documents import read_documents
from graph.io.html import decode_html, html_document

from web import BOILERPLATE, GRAIN, TALKS, URLS


@pytest.fixture(scope="module")
def pages():
    return {d.id: d for d in read_documents([TALKS, GRAIN])}


def test_article_text_without_boilerplate(pages):
    for doc in pages.values():
        assert not [b for b in BOILERPLATE if b in doc.text], doc.text
    assert "neutral status in exchange for security guarantees" in pages["talks"].text
    assert pages["grain"].text.endswith("more ports in the Mykolaiv region.")


def test_paragraphs_are_kept_as_blank_lines(pages):
    paragraphs = pages["talks"].text.split("\n\n")
    assert paragraphs[0] == "Talks resume in Istanbul as Kyiv weighs neutrality"
    assert len(paragraphs) == 6 and all(p == " ".join(p.split()) for p in paragraphs)


@pytest.mark.parametrize("doc_id, title, date", [
    ("talks", "Talks resume in Istanbul as Kyiv weighs neutrality", dt.date(2022, 3, 30)),  # meta + JSON-LD
    ("grain", "Grain deal extended for four months", dt.date(2022, 11, 17)),  # <time datetime>
])
def test_title_canonical_url_date_and_language(pages, doc_id, title, date):
    doc = pages[doc_id]
    assert (doc.title, doc.url, doc.date, doc.date_source, doc.language) == (title, URLS[doc_id], date, "page", "en")


def test_undated_page_falls_back_to_the_default_date():
    raw = TALKS.read_text().replace("2022-03-30", "").replace("/2022/03/30", "")
    doc = html_document(raw, source="p.html", doc_id="p", date=dt.date(2020, 1, 1), date_source="default")
    assert (doc.date, doc.date_source) == (dt.date(2020, 1, 1), "default")
    undated = html_document(raw, source="p.html", doc_id="p")
    assert (undated.date, undated.date_source) == (None, None)


def test_page_without_an_article_is_one_skipped_line(tmp_path):
    (tmp_path / "index.html").write_text("<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>")
    (item,) = read_documents([tmp_path / "index.html"])
    assert isinstance(item, Skipped) and item.reason == "no article text in the page (an index page or a gallery?)"


def test_encodings():
    warnings = []
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9</p></body></html>".encode("latin-1")
    assert "Caf\u00e9" in decode_html(latin, "p", warnings.append)
    assert "Caf\u00e9" in decode_html("<p>Caf\u00e9</p>".encode("cp1252"), "p", warnings.append)
    assert warnings == ["p: not valid UTF-8, decoded as cp1252"]
    # an unknown charset is fine when the bytes are UTF-8, refused when they are not
    assert "Caf\u00e9" in decode_html("<meta charset='x-klingon'><p>Caf\u00e9</p>".encode(), "p", warnings.append)
    with pytest.raises(InputError, match=r"^p: declares the unknown encoding 'x-klingon' and is not UTF-8$"):
        decode_html("<meta charset='x-klingon'><p>Caf\u00e9</p>".encode("latin-1"), "p", warnings.append)


def test_german_page_is_detected_as_german(tmp_path):
    body = "".join(f"<p>Die Verhandlungen in Istanbul wurden am Dienstag fortgesetzt, und die Delegation "
                   f"sagte, dass sie mit dem Ergebnis nicht zufrieden sei. Absatz {i}.</p>" for i in range(6))
    (tmp_path / "de.html").write_text(f"<html lang='en'><body><article>{body}</article></body></html>")
    (doc,) = read_documents([tmp_path / "de.html"])
    assert doc.language == "de"


@pytest.mark.parametrize("paragraph, kept", [
    ("Subscribe now to our print edition for the full story.", False),
    ("Get the Ledger's Daily Edition by email and never miss our top stories Free Sign Up", False),
    ("\u00a9 2022, Ledger.example. This article is the copyrighted property of the Ledger.", False),
    ("The post Talks resume appeared first on Ledger World.", False),
    ("\u0410dv\u0435rt\u0456s\u0435 with the most visited news site", False),  # Cyrillic homoglyphs
    ("Ukraine offered to adopt a neutral status, its delegation said.", True),
    ("The union said members would vote on whether to subscribe to the new pension plan on Friday.", True),
])
def test_publisher_promotions_are_dropped(paragraph, kept):
    from graph.io.html import drop_promotions

    assert drop_promotions([paragraph]) == ([paragraph] if kept else [])
