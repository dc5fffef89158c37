"""Reading and checking a corrections CSV (``action,subject,value,note``)."""
from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..records import KINDS, PLOVER_TYPES

#: The actions a row may name, entity actions first.
ACTIONS: tuple[str, ...] = ("merge", "split", "rename", "retype", "drop", "alias", "drop-event", "retype-event")
HEADER: tuple[str, ...] = ("action", "subject", "value", "note")
#: Actions whose row must carry a value.
NEEDS_VALUE = frozenset({"merge", "split", "rename", "retype", "alias", "retype-event"})
#: Spellings of a kind people write that mean one of KINDS.
KIND_SYNONYMS = {"organization": "organisation", "org": "organisation", "location": "place", "town": "city",
                 "state": "country", "nation": "country"}


class CorrectionsError(ValueError):
    """The corrections file cannot be used at all (unreadable, or not a corrections CSV)."""


@dataclass(frozen=True)
class Correction:
    """One row of a corrections file; ``row`` is its line number (the header is line 1)."""

    row: int
    action: str
    subject: str
    value: str = ""
    note: str = ""

    @property
    def key(self) -> str:
        """Content-derived identity (action, subject, value): the same correction keeps its IRI
        when rows are added above it or its note is edited."""
        text = "\x1f".join((self.action, self.subject, self.value))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def __str__(self) -> str:
        return f"{self.action} {self.subject!r}" + (f" -> {self.value!r}" if self.value else "")


@dataclass
class Corrections:
    """The usable rows of a corrections file, in file order, and one line per refused row."""

    name: str  # the file's name: its identity in the graph (prov:wasAttributedTo)
    rows: list[Correction] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    path: str = ""  # where it was read from, for messages


def read_corrections(path: str | os.PathLike[str]) -> Corrections:
    """The corrections of a CSV file; rows that cannot be used are left out and described in
    ``problems`` (one line each, naming the file and row). Raises :class:`CorrectionsError` when
    the file cannot be read or lacks the header."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise CorrectionsError(f"{path}: cannot read corrections ({reason})") from None
    return parse_corrections(text, name=path.name, path=str(path))


def parse_corrections(text: str, *, name: str, path: str = "") -> Corrections:
    """The corrections of CSV text (see :func:`read_corrections`)."""
    where = path or name
    lines = list(csv.reader(text.splitlines()))
    header = tuple(h.strip().lower() for h in lines[0]) if lines else ()
    if header[:len(HEADER)] != HEADER or len(header) > len(HEADER):
        raise CorrectionsError(f"{where}: row 1: expected the header {','.join(HEADER)}")
    out = Corrections(name=name, path=path)
    seen: dict[tuple[str, str, str], int] = {}
    for row, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells) or cells[0].strip().startswith("#"):
            continue
        problem, c = _check(row, cells)
        if c is None:
            out.problems.append(f"{where}: row {row}: {problem}")
            continue
        if (c.action, c.subject, c.value) in seen:  # a view's button pressed twice: harmless
            continue
        seen[(c.action, c.subject, c.value)] = row
        twice = next((o for o in out.rows if c.action == o.action == "merge"
                      and name_key(o.subject) == name_key(c.subject)), None)
        if twice is not None:
            out.problems.append(f"{where}: row {row}: {c.subject!r} is already merged into {twice.value!r} (row {twice.row})")
            continue
        cycle = _merge_cycle(out.rows, c)
        if cycle:
            out.problems.append(f"{where}: row {row}: merge cycle {' -> '.join(cycle)}")
            continue
        out.rows.append(c)
    return out


def _check(row: int, cells: list[str]) -> tuple[str, Correction | None]:
    if len(cells) > len(HEADER):
        return f"{len(cells)} fields, expected at most {len(HEADER)} (quote a value that has a comma)", None
    action, subject, value, note = (list(cells) + [""] * len(HEADER))[:len(HEADER)]
    action, subject, value, note = action.strip().lower(), " ".join(subject.split()), value.strip(), note.strip()
    if action not in ACTIONS:
        return f"unknown action {action!r} (use {', '.join(ACTIONS)})", None
    if not subject:
        return f"{action} without a subject", None
    if action in NEEDS_VALUE and not value:
        return f"{action} {subject!r} without a value", None
    if action == "retype":
        value = KIND_SYNONYMS.get(value.lower(), value.lower())
        if value not in KINDS:
            return f"retype {subject!r}: unknown kind {value!r} (use {', '.join(KINDS)})", None
    if action == "retype-event":
        value = value.upper()
        if value not in PLOVER_TYPES:
            return f"retype-event {subject!r}: unknown PLOVER type {value!r} (use {', '.join(PLOVER_TYPES)})", None
    if action == "merge" and name_key(subject) == name_key(value):
        return f"merge {subject!r} into itself", None
    if action in ("drop", "drop-event"):
        value = ""
    return "", Correction(row, action, subject, value, note)


def name_key(name: str) -> str:
    """How subjects and names are compared: case, spacing and a leading "the" ignored."""
    words = name.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _merge_cycle(rows: list[Correction], new: Correction) -> list[str]:
    """The names around a cycle the merge ``new`` would close with the merges above it, if any."""
    if new.action != "merge":
        return []
    into = {name_key(c.subject): c.value for c in rows if c.action == "merge"}
    path, at = [new.subject, new.value], name_key(new.value)
    while at in into:
        path.append(into[at])
        at = name_key(into[at])
        if at == name_key(new.subject):
            return path
        if len(path) > len(into) + 2:
            break
    return []
