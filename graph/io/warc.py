"""WARC and WARC.gz archives (Common Crawl's CC-NEWS is WARC), streamed record by record.

Every HTML response record becomes a document with its ``WARC-Target-URI`` (the page's canonical
URL wins) and ``WARC-Date`` (the page's own date wins); other records (requests, metadata,
images) and HTTP errors are counted, not listed. A record with a broken HTTP header is skipped
with its number; a truncated archive ends with one line naming where. Memory holds one record.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Iterator

from ..records import Document
from .base import HTTP_ERROR, NOT_HTML, InputError, ReadCounts, Skipped, Warn, iso_day
from .html import charset_of, decode_html, html_document

#: Larger payloads are not news articles (and would be held in memory whole).
MAX_PAGE_BYTES = 20_000_000
_STATUS = re.compile(r"^HTTP/\d(?:\.\d)?$")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_documents(path: Path, *, doc_id: str, date: dt.date | None, date_source: str | None, warn: Warn,
                   counts: ReadCounts) -> Iterator[Document | Skipped]:
    """The pages of the archive at ``path``; ids are ``<doc_id>-<record number>``."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for n, record in enumerate(records, 1):
                where = f"{path}: record {n}"
                if record.format != "warc":  # warcio reads any other text as an old ARC record
                    yield Skipped(where, "not a WARC record: truncated or corrupt WARC, or not a WARC file")
                    return
                # warcinfo, request, metadata records are the crawl's own bookkeeping
                item = _page(record, where, doc_id=f"{doc_id}-{n}", date=date, date_source=date_source,
                             warn=warn, counts=counts) if record.rec_type == "response" else None
                while record.raw_stream.read(1 << 16):
                    pass  # the rest of the record, so that a short one shows as truncated
                if record.raw_stream.limit > 0:  # the archive ended inside this record
                    yield Skipped(where, "truncated WARC: the archive ends inside this record")
                    return
                if item is not None:
                    yield item
            if records.offset < size:
                yield Skipped(f"{path}: after record {n}", "truncated or corrupt WARC: "
                                                           f"{size - records.offset} bytes left unread")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except Exception as exc:  # warcio reports a damaged archive with several exception types
        yield Skipped(f"{path}: record {n + 1}", f"truncated or corrupt WARC ({type(exc).__name__}: "
                                                 f"{str(exc).splitlines()[0][:120] if str(exc) else 'no detail'})")


def _page(record, where: str, *, doc_id: str, date: dt.date | None, date_source: str | None,  # noqa: ANN001
          warn: Warn, counts: ReadCounts) -> Document | Skipped | None:
    """The document of one response record; None for what is only counted."""
    http = record.http_headers
    if http is None or not _STATUS.match(http.protocol or "") or not (http.get_statuscode() or "").isdigit():
        status = f"{http.protocol} {http.statusline}" if http is not None else "none"
        return Skipped(where, f"broken HTTP header (status line {status[:60]!r})")
    if not http.get_statuscode().startswith("2"):
        counts[HTTP_ERROR] += 1
        return None
    content_type = http.get_header("Content-Type") or ""
    if not content_type.split(";")[0].strip().lower() in _HTML_TYPES:
        counts[NOT_HTML] += 1
        return None
    payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(payload) > MAX_PAGE_BYTES:
        return Skipped(where, f"page larger than {MAX_PAGE_BYTES // 1_000_000} MB", bad=False)
    crawled = iso_day(record.rec_headers.get_header("WARC-Date"))
    try:
        return html_document(decode_html(payload, where, warn, charset_of(content_type)), source=where,
                             doc_id=doc_id, date=crawled or date, date_source="crawl" if crawled else date_source,
                             url=record.rec_headers.get_header("WARC-Target-URI"))
    except InputError as exc:
        return Skipped(where, str(exc).removeprefix(f"{where}: "))
