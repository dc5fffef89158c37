"""Photo credits, bylines, agency tags and datelines: who made the article, not who is in it;
and the page furniture around it (menus, share buttons, related headlines).

Credit names become document metadata and the character ranges they cover are withheld from the
story's entities ("Credit: AP" is not an actor of the story). Furniture is found by its words
(``furniture.txt``: "Slideshow", "Skip to main content") and by its lines: short lines that are
no sentence, where a name seen nowhere else is not an entity of the story.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import DATA

_NAME = r"[A-Z][\w.'&-]*(?:[ ][A-Z][\w.'&-]*){0,4}"
#: How a line of a sentence ends; a line ending otherwise is a heading, a menu item or a button.
_SENTENCE_END = tuple(".!?…\"”’'»")
#: A line with no sentence end is furniture when it is this short, or mostly capitalised words.
FURNITURE_WORDS = 4
FURNITURE_CAPITALS = 0.6


@lru_cache(maxsize=1)
def agencies() -> tuple[str, ...]:
    """Agency names, longest first so that "PA Media" wins over "PA"."""
    lines = (DATA / "agencies.txt").read_text(encoding="utf-8").splitlines()
    return tuple(sorted((x.strip() for x in lines if x.strip() and not x.startswith("#")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    agency = "|".join(re.escape(a) for a in agencies())
    return {
        # "Credit: AP", "Photo: Jess Daly/Reuters", "Picture: Getty Images"
        "credits": re.compile(rf"\b(?:Credits?|Photo(?:graph)?s?|Pictures?|Images?)\s*:\s*(?P<name>{_NAME}(?:\s*/\s*{_NAME})?)"),
        # "Jess Daly/Reuters" outside a "Credit:" line
        "credit_agency": re.compile(rf"\b(?P<name>[A-Z][\w'-]+(?: [A-Z][\w'-]+)+)\s*/\s*(?P<agency>{agency})\b"),
        # "By Jane Smith and John Doe" on a line of its own
        "bylines": re.compile(rf"^[ \t]*By (?P<name>{_NAME}(?:(?:,| and| &) {_NAME})*)[ \t,]*(?:\n|$)", re.M),
        # "KYIV, Ukraine (AP) —", "LONDON (Reuters) -" at the start of a line
        "datelines": re.compile(rf"^[ \t]*(?P<name>[A-Z][A-Z .'-]+(?:, [A-Z][\w .]+)?)\s*\((?P<agency>{agency})\)\s*[—–-]", re.M),
        # "(Reuters)", "(AP)" anywhere
        "agencies": re.compile(rf"\((?P<agency>{agency})\)"),
    }


#: "WASHINGTON —", "COLUMBIA, S.C. —", "AUSTIN (KXAN) —": the place a story was filed from, in
#: capitals opening a line before a dash (with an agency, the credit pattern "datelines" above).
_DATELINE_PLACE = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,3})(?=(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
                             r"[ \t]*(?:\([\w&. ]+\)[ \t]*)?[—–]|[ \t]*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?[ \t]*(?:\([\w&. ]+\)[ \t]*)?--? )",
                             re.M)


def dateline_places(text: str) -> list[tuple[int, int, str]]:
    """Character ranges and names of the places of datelines without an agency. They stay in the
    story (the dateline is the first paragraph's opening) and name the place, whatever the model
    makes of a word in capitals ("AUSTIN" is no person)."""
    return [(m.start("name"), m.end("name"), m["name"]) for m in _DATELINE_PLACE.finditer(text)]


def find_credits(text: str) -> tuple[dict[str, list[str]], list[tuple[int, int]]]:
    """Metadata found in ``text`` (credits, bylines, agencies, datelines) and the ranges it covers."""
    meta: dict[str, list[str]] = {}
    ranges: list[tuple[int, int]] = []

    def keep(field: str, value: str) -> None:
        value = value.strip()
        if value and value not in meta.setdefault(field, []):
            meta[field].append(value)

    for field, pattern in _patterns().items():
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in ranges):
                continue  # already read by a more specific pattern
            ranges.append(m.span())
            groups = m.groupdict()
            if field == "credit_agency":
                keep("credits", groups["name"])
            elif field == "credits":
                name, _, agency = groups["name"].partition("/")
                keep("credits", name)
                if agency:
                    keep("agencies", agency)
                continue
            elif field == "bylines":
                for name in re.split(r",| and | & ", groups["name"]):
                    keep("bylines", name)
                continue
            elif field == "datelines":
                keep("datelines", groups["name"])
            if groups.get("agency"):
                keep("agencies", groups["agency"])
    return {k: v for k, v in meta.items() if v}, ranges


@lru_cache(maxsize=1)
def _furniture_names() -> frozenset[str]:
    lines = (DATA / "furniture.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def is_furniture(name: str) -> bool:
    """Whether a name is page furniture by its words ("Slideshow", "Latest Programs")."""
    return " ".join(name.split()).lower() in _furniture_names()


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that are no sentence: no sentence end, and short or mostly
    capitalised ("Home", "US: 31 Alleged Mexican Mafia People Indicted On Racketeering"). A text
    of one line is all story."""
    if "\n" not in text.strip():
        return []
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), _furniture_line(line)))
        pos += len(line) + 1
    out = []
    for i, (start, end, furniture) in enumerate(lines):
        # A short sentence inside a run of furniture lines is an item of a list of related
        # headlines ("Honduras extradites former president Hernandez ..." between dates).
        boxed = (0 < i < len(lines) - 1 and lines[i - 1][2] and lines[i + 1][2]
                 and _listed(text, lines, i) and _in_list(text, lines, i - 2) and _in_list(text, lines, i + 2))
        if furniture or boxed:
            out.append((start, end))
    return out


#: A sentence this short between two furniture lines is furniture too.
LISTED_WORDS = 15


def _in_list(text: str, lines: list[tuple[int, int, bool]], i: int) -> bool:
    """Whether line ``i`` is furniture or a list item, or lies beyond the text's ends."""
    return not 0 <= i < len(lines) or lines[i][2] or _listed(text, lines, i)


def _listed(text: str, lines: list[tuple[int, int, bool]], i: int) -> bool:
    """Whether line ``i`` is a short sentence that may be a list item."""
    return 0 <= i < len(lines) and not lines[i][2] and len(text[lines[i][0]:lines[i][1]].split()) <= LISTED_WORDS


def _furniture_line(line: str) -> bool:
    words = line.split()
    if any(phrase in line.lower() for phrase in _furniture_names() if len(phrase.split()) >= 3):
        return True  # "Click to share on Twitter (Opens in new window)"
    if line.rstrip().endswith(_SENTENCE_END):
        return False
    capitals = sum(w[:1].isupper() or w[:1].isdigit() for w in words) / len(words)
    return len(words) <= FURNITURE_WORDS or capitals >= FURNITURE_CAPITALS
