"""`etkg build` over real-news formats: pages, a WARC of the same pages (folded as copies), a
feed, a long document, same-stem files, and every bad case as one line naming file and record."""
from __future__ import annotations

import shutil

import pytest

from graph.cli import main

from test_feeds import RSS
from web import GRAIN, TALKS, URLS, pages_warc

PARAGRAPH = ("Russia said on Tuesday that it would reduce its military activity near Kyiv, and Volodymyr "
             "Zelenskyy said on Wednesday that Ukraine would only trust concrete results from the talks in Istanbul.")


def run(capsys, *args):
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code
    return (code, *capsys.readouterr())


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    (d / "pages").mkdir(parents=True)
    shutil.copy(TALKS, d / "pages")
    shutil.copy(GRAIN, d / "pages")
    pages_warc(d / "crawl.warc.gz")
    (d / "world.rss").write_text(RSS)
    for folder in ("a", "b"):
        (d / folder).mkdir()
        (d / folder / "report.txt").write_text(f"date 2022-03-30\n{PARAGRAPH} Folder {folder}.")
    (d / "long.txt").write_text("date 2022-03-30\n" + "\n\n".join(f"{PARAGRAPH} Part {i}." for i in range(40)))
    return d


def test_build_reads_every_format_and_folds_the_crawled_copies(capsys, inputs, tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 3000)  # long.txt (9,000 characters) must go in chunks
    code, out, err = run(capsys, "build", str(inputs), "--out", str(tmp_path / "out"), "--no-views")
    assert code == 0, err
    assert out.startswith("7 documents read, 0 skipped;"), out
    assert "  dates: 3 from the documents, 2 from the web page, 1 from the feed, 1 undated\n" in out
    assert "  folded 2 syndicated copies" in out
    assert "  not read: 1 HTTP errors and redirects, 1 crawl records that are not HTML pages\n" in out
    import graph

    kg = graph.load(tmp_path / "out" / "graph.trig")
    docs = kg.documents().set_index("id")
    # the crawl comes first in the folder, so the saved pages are its copies
    assert sorted(docs.index) == ["a/report", "b/report", "crawl-3", "crawl-9", "long",
                                  *sorted(i for i in docs.index if i.startswith("world-"))]
    assert (docs.loc["crawl-3", "urls"], docs.loc["crawl-3", "copies"]) == (URLS["talks"], 1)
    assert (docs.loc["crawl-9", "date_source"], docs.loc["long", "date_source"]) == ("page", "document")
    text = kg.sparql("SELECT ?t WHERE { ?d schema:identifier 'long' ; nif:isString ?t }")["t"][0]
    spans = kg.sparql("SELECT ?b ?e ?a WHERE { ?d schema:identifier 'long' . "
                      "?s nif:referenceContext ?d ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a }")
    assert len(spans) > 100 and spans["b"].max() > 6000  # mentions, times and events of every chunk
    assert all(text[b:e] == a for b, e, a in zip(spans["b"], spans["e"], spans["a"]))
    events = kg.events(merge=False)
    assert not events["sentence"].str.contains("\n\n").any()
    assert not kg.entities()["name"].str.contains("\n").any()


def test_every_bad_input_is_one_line_and_exit_2(capsys, inputs, tmp_path):
    bad = inputs / "bad"
    bad.mkdir()
    warc = pages_warc(tmp_path / "c.warc", gzip=False).read_bytes()
    (bad / "cut.warc").write_bytes(warc[:-300])
    at = warc.index(b"HTTP/1.1 200 OK")
    (bad / "header.warc").write_bytes(warc[:at] + b"HTXP/1.1 2x0 OK" + warc[at + 15:])
    (bad / "klingon.html").write_bytes(TALKS.read_bytes().replace(b'charset="utf-8"', b'charset="x-klingon"')
                                       .replace(b"Kyiv", "Ky\u00efv".encode("latin-1")))
    (bad / "empty.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>")
    (bad / "page.rss").write_text("<!DOCTYPE html><html><body><p>Welcome.</p></body></html>")
    shutil.rmtree(inputs / "a")
    (inputs / "long.txt").unlink()
    code, out, err = run(capsys, "build", str(inputs), "--out", str(tmp_path / "out"), "--no-views")
    assert code == 2, err
    lines = [line.removeprefix("etkg: warning: skipped ") for line in err.splitlines()]
    assert lines == [
        f"{bad / 'cut.warc'}: record 9: truncated WARC: the archive ends inside this record",
        f"{bad / 'empty.rss'}: empty feed (no entries)",
        f"{bad / 'header.warc'}: record 3: broken HTTP header (status line 'HTXP/1.1 2x0 OK')",
        f"{bad / 'klingon.html'}: declares the unknown encoding 'x-klingon' and is not UTF-8",
        f"{bad / 'page.rss'}: an HTML page, not an RSS or Atom feed",
    ]
    assert out.startswith("5 documents read, 5 skipped;"), out
