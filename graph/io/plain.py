"""Reading articles: .txt, .json, .jsonl and .html files, folders and globs, read lazily.

Bad input never raises out of :func:`read_documents`: it yields a :class:`Skipped` naming the file
(and line) so that one broken file does not stop a run over thousands.
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..records import Document

SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")
# "date 2022-03-30" at the very start, on its own line or before the lead paragraph.
DATE_LINE = re.compile(r"\A\s*date[ \t]+(\S+)", re.IGNORECASE)


class InputError(ValueError):
    """A document that cannot be read; the message names the file (and line)."""


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Warn = Callable[[str], None]


def parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{where}: {value.strip()!r} is not a date (expected YYYY-MM-DD)") from None


def expand(inputs: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files named, found under folders (recursively, sorted) or matched by globs."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            yield path
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            yield from matches or [Skipped(str(item), "no file matches this pattern")]
        else:
            yield Skipped(str(item), "no such file or directory")


def read_documents(inputs: Iterable[str | Path], *, date: dt.date | None = None,
                   warn: Warn = lambda msg: None) -> Iterator[Document | Skipped]:
    """Every document under ``inputs``; ``date`` is the DCT for documents that carry none."""
    for path in expand(inputs):
        if isinstance(path, Skipped):
            yield path
            continue
        try:
            yield from _read_file(path, date, warn)
        except InputError as exc:
            yield Skipped(str(path), str(exc).removeprefix(f"{path}: "))


def _read_file(path: Path, date: dt.date | None, warn: Warn) -> Iterator[Document | Skipped]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r} (use .txt, .json, .jsonl or .html)")
    text = _decode(path, warn)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    if suffix == ".txt":
        yield text_document(text, source=str(path), doc_id=path.stem, date=date)
    elif suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: malformed JSON at line {exc.lineno}: {exc.msg}") from None
        yield json_document(obj, source=str(path), default_id=path.stem, date=date)
    elif suffix == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                yield json_document(json.loads(line), source=where, default_id=f"{path.stem}-{lineno}", date=date)
            except json.JSONDecodeError as exc:
                yield Skipped(where, f"malformed JSON: {exc.msg}")
            except InputError as exc:
                yield Skipped(where, str(exc).removeprefix(f"{where}: "))
    else:
        yield html_document(text, source=str(path), doc_id=path.stem, date=date)


def _decode(path: Path, warn: Warn) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\0" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Old newsroom exports are mostly Windows-1252; latin-1 never fails as a last resort.
        for codec in ("cp1252", "latin-1"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            warn(f"{path}: not valid UTF-8 (byte {exc.start}), decoded as {codec}")
            return text
        raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def text_document(raw: str, *, source: str | None = None, doc_id: str = "doc",
                  date: dt.date | None = None) -> Document:
    """A plain-text article with an optional leading ``date YYYY-MM-DD``; the date is metadata,
    so the document text starts after it."""
    where = source or doc_id
    text = raw
    m = DATE_LINE.match(raw)
    if m:
        value = m.group(1)
        alone = not raw[m.end():].split("\n", 1)[0].strip()
        # "date 2022-..." or "date <x>" alone on its line is a header; "date palms grow" is prose.
        if value[:1].isdigit() or alone:
            date = parse_date(value, f"{where}: line 1")
            text = raw[m.end():].lstrip()
    if not text.strip():
        raise InputError(f"{where}: no text after the date line")
    return Document(id=doc_id, text=text, date=date, source=source)


def json_document(obj: object, *, source: str, default_id: str, date: dt.date | None) -> Document:
    if not isinstance(obj, dict):
        raise InputError(f"{source}: expected a JSON object with a \"text\" field")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: missing or empty \"text\"")
    if obj.get("date"):
        date = parse_date(str(obj["date"])[:10], source)
    return Document(id=str(obj.get("id") or default_id), text=text, date=date,
                    title=obj.get("title"), url=obj.get("url"), source=source)


class _HTMLText(HTMLParser):
    """Collects the title, a publication date from meta tags, and the visible paragraph text."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "figure", "form"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "article", "section"}
    DATE_META = {"article:published_time", "date", "pubdate", "dc.date", "datepublished"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.date: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in self.DATE_META and a.get("content") and not self.date:
                self.date = a["content"]
        elif tag == "time" and not self.date:
            self.date = dict(attrs).get("datetime")
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def html_document(raw: str, *, source: str, doc_id: str, date: dt.date | None) -> Document:
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise InputError(f"{source}: no text in the HTML body")
    if parser.date:
        try:
            date = dt.date.fromisoformat(parser.date.strip()[:10])
        except ValueError:
            pass  # a malformed meta date falls back to --date, as for a file without one
    return Document(id=doc_id, text=text, date=date, title=" ".join(parser.title.split()) or None, source=source)
