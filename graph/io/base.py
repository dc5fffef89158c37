"""What every reader shares: the errors it reports, the date parser and the text clean-up.

Readers never raise out of :func:`graph.io.read_documents`: a document that cannot be read becomes
a :class:`Skipped` naming the file (and line or record), so one broken file never stops a run.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

Warn = Callable[[str], None]

# C0 controls other than tab and newline, DEL, and U+FFFE/U+FFFF: never text, and XML (TriG, HTML
# views) cannot carry most of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")


class InputError(ValueError):
    """A document that cannot be read; the message names the file (and line or record)."""


@dataclass(frozen=True)
class Skipped:
    """An input that gave no document, and why. ``bad`` is False for what is expected in real
    input and only counted (a non-English page, a crawl's image record): such skips do not make
    the exit status 2."""

    source: str
    reason: str
    bad: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


#: What :class:`ReadCounts` counts that was not read, and the feed entries read from a summary.
NOT_HTML = "crawl records that are not HTML pages"
HTTP_ERROR = "HTTP errors and redirects"
NOT_READ = (NOT_HTML, HTTP_ERROR)
SUMMARY_ONLY = "feed entries with a summary only"


class ReadCounts(Counter):
    """What reading met besides documents and bad input, by kind ("not HTML", "HTTP error",
    "summary only", "folded", ...): real crawls hold many such records, so they are counted,
    not listed."""


def parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{where}: {value.strip()!r} is not a date (expected YYYY-MM-DD)") from None


def iso_day(value: str | None) -> dt.date | None:
    """The calendar day at the start of an ISO date or datetime ("2022-03-30T10:00Z"), or None."""
    try:
        return dt.date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


def clean_text(text: str) -> str:
    """Text as every later stage expects it: no control characters, ``\\n`` line ends, paragraphs
    separated by exactly one blank line, no blank lines at either end."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def paragraphs_text(lines: list[str]) -> str:
    """Paragraphs (one per item, inner whitespace collapsed) joined by blank lines, the form the
    sentence splitter reads as paragraph boundaries."""
    return clean_text("\n\n".join(" ".join(line.split()) for line in lines if line and line.strip()))


def one_line(text: str | None) -> str | None:
    """A title or name: control characters dropped, whitespace collapsed; None when empty."""
    return " ".join(_CONTROL.sub("", text or "").split()) or None
