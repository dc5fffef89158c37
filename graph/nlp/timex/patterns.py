"""Compile the readable rule and lexicon files of ``graph/data/timex`` into a spaCy Matcher.

Rules live in data files so that a linguist can read and extend them without touching code; this
module only turns their small pattern language into Matcher token patterns, once per pipeline.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "timex"
_OPS = {"?", "+", "*"}


@dataclass(frozen=True)
class Rule:
    """One recognition rule: the normaliser (``kind``) and TIMEX3 type its matches get."""

    name: str
    kind: str
    type: str
    patterns: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word classes and word meanings of ``lexicon.json`` (read once per process)."""
    return json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The recognition rules of ``rules.json`` in priority order."""
    data = json.loads((DATA_DIR / "rules.json").read_text(encoding="utf-8"))
    return tuple(Rule(r["name"], r["kind"], r["type"], tuple(r["patterns"])) for r in data["rules"])


# Word classes and literals that anchor a time expression: every rule contains one (or a digit).
# Modifiers ("about", "last", "two") only matter next to an anchor, so they start no search.
_ANCHOR_CLASSES = ("WEEKDAY", "WEEKDAYS", "UNIT", "UNITS", "SEASON", "SEASONS", "PARTDAY", "DEICTIC",
                   "REF", "SETWORD", "HOURWORD", "MONTH", "DECADEWORD")
_ANCHOR_LITERALS = {"century", "period", "future", "past", "present", "fiscal", "date", "nineteen", "o'clock", "time",
                    "term", "run", "christmas", "halloween", "thanksgiving", "easter", "boxing", "labor",
                    "labour", "memorial", "valentine", "mardi", "pentecost"}


def trigger_words() -> frozenset[str]:
    """Lower-cased words near which a time expression may be found (besides any token with a digit)."""
    lex = lexicon()
    classes = {**lex["words"], **lex["cased"]}
    return frozenset({w.lower() for c in _ANCHOR_CLASSES for w in classes[c]} | _ANCHOR_LITERALS)


def _token_test(element: str, lex: dict[str, Any]) -> dict[str, Any]:
    """One Matcher token dict for a pattern element such as ``MONTH``, ``the`` or ``UNIT|period``."""
    op = element[-1] if len(element) > 1 and element[-1] in _OPS else None
    body = element[:-1] if op else element
    lower: list[str] = []
    text: list[str] = []
    regexes: list[str] = []
    for alt in body.split("|"):
        if alt in lex["words"]:
            lower.extend(lex["words"][alt])
        elif alt in lex["cased"]:
            cased = lex["cased"][alt]
            text.extend(cased + [w.upper() for w in cased])
        elif alt in lex["regex"]:
            regexes.append(lex["regex"][alt])
        elif alt.isupper() and alt.isalpha():
            raise ValueError(f"unknown word class {alt!r} in timex rule element {element!r}")
        else:
            lower.append(alt.lower())
    tests = []
    if lower:
        tests.append({"LOWER": {"IN": sorted(set(lower))}})
    if text:
        tests.append({"TEXT": {"IN": sorted(set(text))}})
    tests.extend({"TEXT": {"REGEX": rx}} for rx in regexes)
    if len(tests) != 1:
        # The Matcher has no "or" across attributes: fold everything into one case-aware regex.
        alts = [f"(?i:{_escape_words(lower)})"] if lower else []
        alts += [_escape_words(text)] if text else []
        alts += [f"(?:{rx})" for rx in regexes]
        tests = [{"TEXT": {"REGEX": "^(?:" + "|".join(f"(?:{a})" for a in alts).replace("^", "").replace("$", "") + ")$"}}]
    token = tests[0]
    if op:
        token["OP"] = op
    return token


def _escape_words(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def compile_pattern(pattern: str, lex: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Matcher token patterns for one rule pattern string."""
    lex = lex or lexicon()
    return [_token_test(el, lex) for el in pattern.split()]


@lru_cache(maxsize=1)
def token_tests() -> tuple[frozenset[str], frozenset[str], tuple[re.Pattern[str], ...]]:
    """What any element of any rule accepts: lower-cased words, exact words and text regexes. A
    token that passes none is in no match, so the Matcher need not scan it."""
    lower: set[str] = set()
    text: set[str] = set()
    regexes: set[str] = set()
    lex = lexicon()
    for rule in rules():
        for pattern in rule.patterns:
            for token in compile_pattern(pattern, lex):
                (attr, test), = ((k, v) for k, v in token.items() if k != "OP")
                if "IN" in test:
                    (lower if attr == "LOWER" else text).update(test["IN"])
                else:
                    assert attr == "TEXT", token  # _token_test writes no other regex
                    regexes.add(test["REGEX"])
    return frozenset(lower), frozenset(text), tuple(re.compile(rx) for rx in sorted(regexes))


def build_matcher(vocab: Vocab) -> Matcher:
    """A Matcher holding every rule, keyed by rule name (built once per pipeline)."""
    matcher = Matcher(vocab, validate=True)
    lex = lexicon()
    for rule in rules():
        matcher.add(rule.name, [compile_pattern(p, lex) for p in rule.patterns])
    return matcher
