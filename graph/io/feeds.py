"""RSS and Atom feeds through feedparser: each entry is a document with its link, title,
published date and content (or, where the feed carries no content, its summary: counted, since a
summary holds a fraction of the story's events)."""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterator

from ..records import Document
from .base import SUMMARY_ONLY, InputError, ReadCounts, Skipped, Warn, clean_text, one_line, paragraphs_text
from .html import drop_promotions
from .language import detect, primary

#: Elements whose end is a paragraph break in an entry's HTML content.
_BLOCKS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article",
           "pre", "ul", "ol", "table", "figure", "header", "footer"}


def looks_like_feed(head: bytes) -> bool:
    """Whether the start of an .xml file is an RSS, RDF or Atom feed (a folder may hold other XML)."""
    head = head.lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def html_paragraphs(fragment: str) -> str:
    """The text of an HTML fragment, block elements as paragraphs; scripts and styles dropped."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return clean_text(fragment)
    for el in list(root.iter("script", "style", "noscript")):
        el.drop_tree()
    for el in root.iter():
        if el.tag in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    return paragraphs_text(drop_promotions(root.text_content().split("\n\n")))


def feed_documents(data: bytes, *, source: str, doc_id: str, date: dt.date | None, date_source: str | None,
                   warn: Warn, counts: ReadCounts) -> Iterator[Document | Skipped]:
    """The entries of an RSS/Atom feed; ids are ``<doc_id>-<hash of the entry's id or link>``,
    stable when the feed is fetched again with new entries on top."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.version:
        if b"<html" in data[:4096].lower():
            raise InputError(f"{source}: an HTML page, not an RSS or Atom feed")
        why = str(parsed.get("bozo_exception") or "").splitlines()[:1]
        raise InputError(f"{source}: not an RSS or Atom feed{f' ({why[0][:120]})' if why else ''}")
    if not parsed.entries:
        raise InputError(f"{source}: empty feed (no entries)")
    feed_lang = primary(parsed.feed.get("language"))
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}: entry {n}"
        key = entry.get("id") or entry.get("link") or entry.get("title") or str(n)
        contents = sorted(entry.get("content") or [], key=lambda c: len(c.get("value") or ""), reverse=True)
        if contents:
            part = contents[0]
        elif entry.get("summary"):
            part = entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}
            counts[SUMMARY_ONLY] += 1
        else:
            yield Skipped(where, "entry has no content and no summary")
            continue
        value = part.get("value") or ""
        text = html_paragraphs(value) if "html" in (part.get("type") or "text/html") else clean_text(value)
        if not text:
            yield Skipped(where, "entry has no text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        when = dt.date(*stamp[:3]) if stamp else None
        yield Document(id=f"{doc_id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}", text=text,
                       date=when or date, title=one_line(entry.get("title")),
                       url=(entry.get("link") or "").strip() or None, source=where,
                       language=detect(text) or primary(part.get("language")) or feed_lang,
                       date_source="feed" if when else (date_source if date else None))
