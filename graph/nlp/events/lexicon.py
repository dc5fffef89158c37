"""The event lexicons of ``data/events``: trigger words per PLOVER type and the closed word classes
(reporting, planning, light and aspectual verbs, ...) that steer arguments, modality and anchoring.

They are data files so that an analyst can extend coverage without touching code. Beyond them,
the CAMEO verb patterns of PETRARCH2 (``data/petrarch/verbs.json``, MIT, mapped to PLOVER with the
official CAMEO-to-PLOVER table) type verbs by their object or prepositional phrase ("gave ...
aid" -> AID, "withdraw from the border" -> RETREAT) and, between a named source and target,
verbs our lexicon lacks by their own CAMEO code ("raped" -> ASSAULT).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Whether the CAMEO-derived verb patterns are used (benchmarks switch them off to measure
#: without them: the PLOVER gold sentences come from the CAMEO manual they were built from).
USE_CAMEO = True


def _read(name: str, folder: str = "events") -> dict:
    return json.loads(resources.files("graph").joinpath(f"data/{folder}/{name}").read_text("utf-8"))


def _by_word(raw: dict[str, list[str]]) -> dict[str, str]:
    """Word -> type; the first type listing a word wins, so ambiguous words go where listed first."""
    out: dict[str, str] = {}
    for kind, words in raw.items():
        if kind.startswith("_"):
            continue
        for w in words:
            out.setdefault(w.lower(), kind)
    return out


@dataclass(frozen=True)
class Lexicon:
    """Everything the event component looks words up in."""

    verbs: dict[str, str]  # lemma or "lemma particle" -> PLOVER type
    nouns: dict[str, str]  # lemma or lower-cased text -> PLOVER type or OTHER
    cues: dict[str, frozenset[str]]
    #: CAMEO verb patterns: lemma -> (type of the bare verb or None, {object noun: type},
    #: {"preposition noun": type})
    cameo: dict[str, tuple[str | None, dict[str, str], dict[str, str]]]

    def cue(self, name: str) -> frozenset[str]:
        return self.cues[name]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon files once per process."""
    cues = {k: frozenset(w.lower() for w in v) for k, v in _read("cues.json").items() if not k.startswith("_")}
    cameo = {k: (v[0], v[1], v[2]) for k, v in _read("verbs.json", "petrarch").items()} if USE_CAMEO else {}
    return Lexicon(verbs=_by_word(_read("verbs.json")), nouns=_by_word(_read("nouns.json")), cues=cues,
                   cameo=cameo)
