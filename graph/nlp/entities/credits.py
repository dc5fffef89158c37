"""Photo credits, bylines, agency tags and datelines: who made the article, not who is in it.

Their names become document metadata and the character ranges they cover are withheld from the
story's entities ("Credit: AP" is not an actor of the story).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import DATA

_NAME = r"[A-Z][\w.'&-]*(?:[ ][A-Z][\w.'&-]*){0,4}"


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
