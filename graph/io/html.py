"""Web pages: the article text without boilerplate, its title and canonical URL through
trafilatura, the publication date through htmldate (meta tags, JSON-LD, the URL, the page), the
language from the text (:mod:`graph.io.language`) or what the page declares.

trafilatura calls htmldate itself on the page it has parsed, with the canonical URL and our
parameters: the publication date rather than the last change, from the page's markup (meta tags,
JSON-LD, <time>, the URL). Only where that finds nothing does htmldate search the whole text;
a bare year found that way (a copyright line gives "2022-01-01") is no publication day, and the
page counts as undated instead.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re

from ..records import Document
from .base import InputError, Warn, iso_day, one_line, paragraphs_text
from .language import detect, primary

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
#: Promotion and legal lines that publishers put inside the article body, where trafilatura keeps
#: them: a short paragraph with one of these is no part of the story.
PROMOTION = re.compile(
    r"subscribe (?:now|today|to our)|sign[ -]up (?:for|to|now)|\bfree sign[ -]?up|newsletter|never miss"
    r"|download (?:the|our)\b.{0,40}\bapps?\b|follow us on|all rights reserved|copyrighted property"
    r"|written permission|advertise with|for the full story|appeared first on|^last (?:modified|updated):"
    r"|(?:^|\s)©", re.I)
#: Paragraphs of more words than this are story text whatever they contain.
PROMOTION_WORDS = 45
# a word mixing Latin and Cyrillic letters: homoglyphs that advertising uses to slip past filters
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+\b")


def drop_promotions(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the publisher's promotions (subscribe, newsletter, apps, copyright,
    "appeared first on"), which are short, and without homoglyph-obfuscated advertising."""
    return [p for p in paragraphs
            if not ((len(p.split()) <= PROMOTION_WORDS and PROMOTION.search(p)) or _MIXED_SCRIPT.search(p))]


#: Fewer words than this is no article: trafilatura falls back to any text (a menu, captions)
#: when it finds no article body.
MIN_ARTICLE_WORDS = 25
#: Where a page declares its language, after <html lang>.
_LANG_XPATH = ('//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content',
               '//meta[@property="og:locale"]/@content')


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    m = _HTTP_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def decode_html(data: bytes, where: str, warn: Warn, declared: str | None = None) -> str:
    """The page as text: by its BOM, the charset its HTTP header (``declared``) or its own
    ``<meta>`` names, else UTF-8, else Windows-1252 (with a warning).

    A page that names an encoding Python does not know and is not UTF-8 either cannot be read
    faithfully: it is refused rather than turned into mojibake.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if not declared:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec is not None:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass  # pages often declare latin-1 and are UTF-8, or the reverse
        elif not _is_utf8(data):
            raise InputError(f"{where}: declares the unknown encoding {declared!r} and is not UTF-8")
    if _is_utf8(data):
        return data.decode("utf-8")
    warn(f"{where}: not valid UTF-8{f' nor {declared}' if declared else ''}, decoded as cp1252")
    return data.decode("cp1252", errors="replace")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _searched_date(raw: str, url: str | None) -> dt.date | None:
    """htmldate's extensive search over the page's text, without its guesses from a bare year."""
    import htmldate

    found = htmldate.find_date(raw, url=url, original_date=True, extensive_search=True,
                               max_date=dt.date.today().isoformat())
    return None if not found or found.endswith("-01-01") else iso_day(found)


def html_document(raw: str, *, source: str, doc_id: str, date: dt.date | None = None,
                  date_source: str | None = None, url: str | None = None) -> Document:
    """The article of a web page.

    Args:
        raw: the page, decoded (:func:`decode_html`).
        date, date_source: the date to fall back on when the page gives none (a crawl's
            ``WARC-Date``, ``--date``) and what it is.
        url: where the page was fetched from; the page's canonical URL wins over it.

    Raises:
        InputError: the page holds no article text (an index page, a gallery, not HTML).
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        raise InputError(f"{source}: not an HTML page")
    declared = primary(tree.get("lang") or next((v for x in _LANG_XPATH for v in tree.xpath(x)), None))
    page = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False, date_extraction_params={
                                           "original_date": True, "extensive_search": False,
                                           "max_date": dt.date.today().isoformat()})
    text = paragraphs_text(drop_promotions(page.text.splitlines())) if page is not None and page.text else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{source}: no article text in the page (an index page or a gallery?)")
    url = page.url or url
    found = iso_day(page.date) or _searched_date(raw, url)
    if found:
        date, date_source = found, "page"
    return Document(id=doc_id, text=text, date=date, title=one_line(page.title), url=url, source=source,
                    language=detect(text) or declared, date_source=date_source if date else None)
