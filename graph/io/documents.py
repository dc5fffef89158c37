"""Reading articles from files, folders and globs, lazily: .txt, .json, .jsonl, web pages, WARC
archives and RSS/Atom feeds, each through its own module (one table maps suffixes to readers).

Document ids are the file's path relative to the folder the inputs share, without the suffix
("report", "2022/03/report"), so two files of one name in different folders are two documents
and a re-run gives the same ids. Bad input never raises out of :func:`read_documents`: it yields
a :class:`Skipped` naming the file (and line or record).
"""
from __future__ import annotations

import datetime as dt
import glob
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..records import Document
from .base import InputError, ReadCounts, Skipped, Warn
from .plain import json_documents, jsonl_documents, text_document

#: Date source of the fallback date (``--date``) a document gets when it carries none.
DEFAULT_DATE = "default"

Reader = Callable[..., Iterator[Document | Skipped]]


def _text(path: Path, **kw) -> Iterator[Document]:
    yield text_document(_decode(path, kw["warn"]), source=str(path), doc_id=kw["doc_id"], date=kw["date"],
                        date_source=kw["date_source"])


def _json(path: Path, **kw) -> Iterator[Document]:
    yield from json_documents(_decode(path, kw["warn"]), source=str(path), doc_id=kw["doc_id"], date=kw["date"],
                              date_source=kw["date_source"])


def _jsonl(path: Path, **kw) -> Iterator[Document | Skipped]:
    yield from jsonl_documents(_decode(path, kw["warn"]), source=str(path), doc_id=kw["doc_id"], date=kw["date"],
                               date_source=kw["date_source"])


def _html(path: Path, **kw) -> Iterator[Document]:
    from .html import decode_html, html_document

    data = _read_bytes(path)
    yield html_document(decode_html(data, str(path), kw["warn"]), source=str(path), doc_id=kw["doc_id"],
                        date=kw["date"], date_source=kw["date_source"])


def _warc(path: Path, **kw) -> Iterator[Document | Skipped]:
    from .warc import warc_documents

    yield from warc_documents(path, **kw)


def _feed(path: Path, **kw) -> Iterator[Document | Skipped]:
    from .feeds import feed_documents

    yield from feed_documents(_read_bytes(path), source=str(path), **kw)


#: Readers by file suffix (compound suffixes first).
READERS: dict[str, Reader] = {
    ".warc.gz": _warc, ".warc": _warc, ".txt": _text, ".json": _json, ".jsonl": _jsonl,
    ".html": _html, ".htm": _html, ".xhtml": _html, ".rss": _feed, ".atom": _feed, ".xml": _feed,
}
SUFFIXES = tuple(READERS)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s) and len(name) > len(s)), path.suffix.lower())


def _root(item: str | Path) -> str:
    """The folder an input names its files from: itself, a file's folder, a glob's fixed part."""
    text = str(item)
    if glob.has_magic(text):
        fixed = []
        for part in Path(text).parts:
            if glob.has_magic(part):
                break
            fixed.append(part)
        return os.path.abspath(os.path.join(*fixed) if fixed else ".")
    return os.path.abspath(text if Path(text).is_dir() else os.path.dirname(text) or ".")


def expand(inputs: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files named, found under folders (recursively, sorted) or matched by globs."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
        elif path.is_file():
            yield path
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            yield from matches or [Skipped(str(item), "no file matches this pattern")]
        else:
            yield Skipped(str(item), "no such file or directory")


def _readable(path: Path) -> bool:
    """Whether a file found in a folder is an input: a known suffix, and for .xml a feed."""
    suffix = suffix_of(path)
    if suffix != ".xml":
        return suffix in READERS
    from .feeds import looks_like_feed

    try:
        with open(path, "rb") as fh:
            return looks_like_feed(fh.read(2048))
    except OSError:
        return True  # read_documents reports it


class _Ids:
    """Document ids from paths relative to the inputs' common folder, unique within a run."""

    def __init__(self, inputs: list[str | Path]) -> None:
        roots = [_root(i) for i in inputs] or [os.path.abspath(".")]
        self.base = os.path.commonpath(roots)
        self.seen: dict[str, str] = {}  # id -> the source that has it

    def for_path(self, path: Path) -> str:
        rel = Path(os.path.relpath(os.path.abspath(path), self.base)).as_posix()
        stem = rel[: len(rel) - len(suffix_of(path))] if suffix_of(path) in READERS else rel
        # "report.txt" beside "report.html": the second keeps its suffix
        return rel if stem in self.seen and self.seen[stem] != str(path) else stem

    def claim(self, doc: Document) -> Skipped | None:
        """None when ``doc.id`` is new in this run; else why the document cannot be kept."""
        earlier = self.seen.setdefault(doc.id, doc.source or doc.id)
        if earlier == (doc.source or doc.id):
            return None
        return Skipped(doc.source or doc.id, f"id {doc.id!r} is already used by {earlier}")


def read_documents(inputs: Iterable[str | Path], *, date: dt.date | None = None, warn: Warn = lambda msg: None,
                   counts: ReadCounts | None = None) -> Iterator[Document | Skipped]:
    """Every document under ``inputs``; ``date`` is the DCT for documents that carry none.

    ``counts`` (when given) collects what is expected in real input and only counted: crawl
    records that are not HTML pages, HTTP errors, feed entries with only a summary.
    """
    inputs = list(inputs)
    ids = _Ids(inputs)
    counts = ReadCounts() if counts is None else counts
    for path in expand(inputs):
        if isinstance(path, Skipped):
            yield path
            continue
        reader = READERS.get(suffix_of(path))
        if reader is None:
            yield Skipped(str(path), f"unsupported file type {path.suffix.lower() or '(none)'!r} "
                                     f"(use {', '.join(SUFFIXES)})")
            continue
        try:
            for item in reader(path, doc_id=ids.for_path(path), date=date,
                               date_source=DEFAULT_DATE if date else None, warn=warn, counts=counts):
                yield (ids.claim(item) or item) if isinstance(item, Document) else item
        except InputError as exc:
            yield Skipped(str(path), str(exc).removeprefix(f"{path}: "))


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(f"{path}: binary file, not text (NUL byte at offset {nul})")
    return data


def _decode(path: Path, warn: Warn) -> str:
    data = _read_bytes(path)
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
