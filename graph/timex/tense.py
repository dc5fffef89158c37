"""Tense of the clause a time expression modifies, read from the parser's tags and dependencies.

Weekdays, months and quarters without a year are resolved in the direction the clause points:
"met on Tuesday" is the previous Tuesday, "will meet on Tuesday" the next one.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

PAST, FUTURE, PRESENT = "PAST", "FUTURE", "PRESENT"
_WILL = {"will", "'ll", "wo", "shall", "going"}
_MODALS = {"would", "'d", "may", "might", "could", "should", "must", "can", "ca", "to"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}
_MAX_CLIMB = 4


def _verb_of(span: Span) -> Token | None:
    """The verb the expression hangs from: climb the dependency tree a few steps from its root."""
    tok = span.root
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
            return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def clause_tense(span: Span) -> str | None:
    """PAST, FUTURE or PRESENT for the clause governing ``span``; None when no verb is found."""
    verb = _verb_of(span)
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _WILL:
        return FUTURE
    if aux & _MODALS and not aux & {"have", "has", "had"}:
        return FUTURE  # "would reduce", "expected to resume": not yet happened when said
    if verb.tag_ == "VBG" and aux & _PRESENT_BE:
        return FUTURE  # "is meeting on Friday": the progressive of a scheduled event
    if verb.tag_ in ("VBD", "VBN") or aux & {"had", "was", "were", "did", "has", "have"}:
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None
