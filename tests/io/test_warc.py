"""WARC archives written here with warcio: the same documents as the saved pages, and one clear
line for a truncated archive or a record with a broken HTTP header."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.io.base import HTTP_ERROR, NOT_HTML, ReadCounts, Skipped
from graph.io.documents import read_documents

from web import GRAIN, TALKS, URLS, pages_warc, write_warc


def read(*paths):
    counts = ReadCounts()
    return list(read_documents(paths, counts=counts)), counts


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_gives_the_documents_of_the_saved_pages(tmp_path, gzip):
    warc = pages_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    from_files, _ = read(TALKS, GRAIN)
    from_warc, counts = read(warc)
    assert [(d.text, d.url, d.title, d.date) for d in from_warc] == \
        [(d.text, d.url, d.title, d.date) for d in sorted(from_files, key=lambda d: d.id, reverse=True)]
    assert [d.id for d in from_warc] == ["crawl-3", "crawl-9"]  # record numbers: warcinfo, then request/response pairs
    assert [d.source for d in from_warc] == [f"{warc}: record 3", f"{warc}: record 9"]
    assert counts == {NOT_HTML: 1, HTTP_ERROR: 1}


def test_crawl_date_and_uri_are_the_fallback(tmp_path):
    undated = TALKS.read_bytes().replace(b"2022-03-30", b"").replace(b"/2022/03/30", b"")
    undated = undated.replace(b'<link rel="canonical" href="https://ledger.example/world/talks-resume-istanbul">', b"")
    warc = write_warc(tmp_path / "c.warc.gz", [("https://mirror.example/t", undated.replace(b"rel=\"canonical\"", b"rel=\"x\""),
                                                "text/html", "200 OK")])
    (doc,), _ = read(warc)
    assert (doc.date, doc.date_source, doc.url) == (dt.date(2022, 12, 1), "crawl", "https://mirror.example/t")


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    warc = pages_warc(tmp_path / "crawl.warc.gz")
    data = warc.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:len(data) - 200])
    items, _ = read(cut)
    docs = [i for i in items if not isinstance(i, Skipped)]
    (bad,) = [i for i in items if isinstance(i, Skipped)]
    assert [d.url for d in docs] == [URLS["talks"]]
    assert bad.source.startswith(f"{cut}: ") and "truncated" in bad.reason and bad.bad


def test_truncated_uncompressed_warc_names_the_record(tmp_path):
    warc = pages_warc(tmp_path / "crawl.warc", gzip=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(warc.read_bytes()[:-300])
    items, _ = read(cut)
    assert [str(i) for i in items if isinstance(i, Skipped)] == [
        f"{cut}: record 9: truncated WARC: the archive ends inside this record"]


def test_broken_http_header_skips_that_record_only(tmp_path):
    warc = pages_warc(tmp_path / "crawl.warc", gzip=False)
    data = warc.read_bytes()
    at = data.index(b"HTTP/1.1 200 OK")
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:at] + b"HTXP/1.1 2x0 OK" + data[at + len(b"HTTP/1.1 200 OK"):])
    items, _ = read(broken)
    assert [str(i) for i in items if isinstance(i, Skipped)] == [
        f"{broken}: record 3: broken HTTP header (status line 'HTXP/1.1 2x0 OK')"]
    assert [d.url for d in items if not isinstance(d, Skipped)] == [URLS["grain"]]


def test_not_a_warc(tmp_path):
    (tmp_path / "x.warc").write_text("hello, this is not an archive\n")
    (item,), _ = read(tmp_path / "x.warc")
    assert isinstance(item, Skipped) and "corrupt WARC" in item.reason and item.source == f"{tmp_path / 'x.warc'}: record 1"
