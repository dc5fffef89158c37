"""The two saved pages of tests/fixtures/web (written for these tests) and what a reader must get
from them, shared by the HTML, WARC and CLI tests."""
from __future__ import annotations

import io
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
TALKS, GRAIN = PAGES / "talks.html", PAGES / "grain.html"
URLS = {"talks": "https://ledger.example/world/2022/03/30/talks-resume-istanbul",
        "grain": "https://harbour.example/news/grain-deal-extended"}
BOILERPLATE = ["cookies", "Croatian Hrvatski", "Share on Twitter", "Calgary turns", "Copyright 2022",
               "Related stories", "By Ana Petrova", "Subscribe now", "morning newsletter", "Quay Street"]


def write_warc(path: Path, records: list[tuple[str, bytes, str, str]], gzip: bool = True) -> Path:
    """A WARC of HTTP responses ``(uri, body, content type, status line)`` plus a request record
    and a warcinfo record, as crawlers write them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "etkg tests"}))
        for uri, body, ctype, status in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=http,
                                                          warc_headers_dict={"WARC-Date": "2022-12-01T10:00:00Z"}))
    return path


def pages_warc(path: Path, gzip: bool = True) -> Path:
    """The two fixture pages as fetched from their canonical URLs, an image and a 404."""
    return write_warc(path, [
        (URLS["talks"], TALKS.read_bytes(), "text/html; charset=utf-8", "200 OK"),
        ("https://ledger.example/logo.png", b"\x89PNG\r\n", "image/png", "200 OK"),
        ("https://ledger.example/gone", b"<html><body>Not found</body></html>", "text/html", "404 Not Found"),
        (URLS["grain"], GRAIN.read_bytes(), "text/html", "200 OK"),
    ], gzip=gzip)
