"""Plain-text articles (an optional leading ``date YYYY-MM-DD``) and JSON / JSONL documents."""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterator

from ..records import Document
from .base import InputError, Skipped, clean_text, one_line, parse_date

# "date 2022-03-30" at the very start, on its own line or before the lead paragraph.
DATE_LINE = re.compile(r"\A\s*date[ \t]+(\S+)", re.IGNORECASE)
#: JSON fields a document may carry, and the types each accepts.
JSON_FIELDS: dict[str, tuple[type, ...]] = {"text": (str,), "date": (str,), "title": (str,), "url": (str,),
                                            "id": (str, int), "language": (str,)}
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number",
               bool: "true/false"}


def text_document(raw: str, *, source: str | None = None, doc_id: str = "doc",
                  date: dt.date | None = None, date_source: str | None = None) -> Document:
    """A plain-text article with an optional leading ``date YYYY-MM-DD``; the date is metadata,
    so the document text starts after it.

    ``date`` is the fallback (``--date``) for a text without a date line; ``date_source`` says
    where that fallback came from.
    """
    where = source or doc_id
    text = clean_text(raw)
    m = DATE_LINE.match(text)
    if m:
        value = m.group(1)
        alone = not text[m.end():].split("\n", 1)[0].strip()
        # "date 2022-..." or "date <x>" alone on its line is a header; "date palms grow" is prose.
        if value[:1].isdigit() or alone:
            date, date_source = parse_date(value, f"{where}: line 1"), "document"
            text = text[m.end():].lstrip()
    if not text.strip():
        raise InputError(f"{where}: no text after the date line")
    return Document(id=doc_id, text=text, date=date, source=source, date_source=date_source if date else None)


def loads(raw: str, where: str, *, single_line: bool = False) -> Any:
    """JSON, with a nesting too deep for the parser reported as bad input, not a crash."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if single_line else f"line {exc.lineno}"
        raise InputError(f"{where}: malformed JSON at {at}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read") from None


def json_document(obj: object, *, source: str, default_id: str, date: dt.date | None,
                  date_source: str | None = None) -> Document:
    """A document from a JSON object with ``text`` and optionally ``date``, ``title``, ``url``,
    ``id`` and ``language``; a field of the wrong type is refused, never turned into a string."""
    if not isinstance(obj, dict):
        raise InputError(f"{source}: expected a JSON object with a \"text\" field, not {_kind(obj)}")
    for name, types in JSON_FIELDS.items():
        value = obj.get(name)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            wanted = " or ".join(_JSON_TYPES[t] for t in types)
            raise InputError(f"{source}: \"{name}\" must be {wanted}, not {_kind(value)}")
    text = clean_text(obj.get("text") or "")
    if not text:
        raise InputError(f"{source}: missing or empty \"text\"")
    if obj.get("date"):
        date, date_source = parse_date(obj["date"][:10], source), "document"
    doc_id = one_line(str(obj["id"])) if obj.get("id") not in (None, "") else default_id
    if not doc_id:
        raise InputError(f"{source}: empty \"id\"")
    return Document(id=doc_id, text=text, date=date, title=one_line(obj.get("title")),
                    url=(obj.get("url") or "").strip() or None, source=source,
                    language=(obj.get("language") or "").strip().lower() or None,
                    date_source=date_source if date else None)


def _kind(value: object) -> str:
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)


def json_documents(text: str, *, source: str, doc_id: str, date: dt.date | None,
                   date_source: str | None) -> Iterator[Document]:
    """The one document of a ``.json`` file."""
    yield json_document(loads(text, source), source=source, default_id=doc_id, date=date, date_source=date_source)


def jsonl_documents(text: str, *, source: str, doc_id: str, date: dt.date | None,
                    date_source: str | None) -> Iterator[Document | Skipped]:
    """One document per line of a ``.jsonl`` file; a bad line is skipped with its line number."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield json_document(loads(line, where, single_line=True), source=where, default_id=f"{doc_id}-{lineno}", date=date,
                                date_source=date_source)
        except InputError as exc:
            yield Skipped(where, str(exc).removeprefix(f"{where}: "))
