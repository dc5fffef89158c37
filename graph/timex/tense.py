"""Tense of the clause a time expression modifies, read from the parser's tags and dependencies.

Weekdays, months and quarters without a year are resolved in the direction the clause points:
"met on Tuesday" is the previous Tuesday, "will meet on Tuesday" the next one.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

PAST, FUTURE, PRESENT = "PAST", "FUTURE", "PRESENT"
_WILL = {"will", "'ll", "wo", "shall", "going"}
_MODALS = {"would", "could", "may", "might", "should", "must", "can", "to"}
_DEADLINE = {"until", "till", "through", "by", "before"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}
# "expected to resume", "scheduled to meet": an infinitive under these points ahead; other
# infinitives and modals ("would", "could") say too little to move a date across New Year.
_FUTURE_GOVERNORS = {"expect", "schedule", "due", "plan", "set", "intend", "prepare", "hope", "aim"}
_MAX_CLIMB = 4


def _verb_of(span: Span) -> Token | None:
    """The verb the expression hangs from, climbing a few steps up the dependency tree.

    None when the expression is a deadline ("until", "through", "by" + date), hangs from an
    adjective ("payable Dec. 15") or modifies a noun: there the verb's tense says nothing about
    the date.
    """
    tok = span.root
    if tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "expects to report a third-quarter loss": the date describes a thing, not the act
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.lower_ in _DEADLINE or tok.pos_ == "ADJ":
            return None
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def clause_tense(span: Span) -> str | None:
    """PAST, FUTURE or PRESENT for the clause governing ``span``; None when the parse does not say."""
    verb = _verb_of(span)
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _WILL:
        return FUTURE
    if verb.tag_ == "VB" and "to" in aux and verb.head.lemma_ in _FUTURE_GOVERNORS:
        return FUTURE
    if verb.tag_ == "VBN" and "be" in aux and aux & _MODALS:
        return FUTURE  # "to be completed by", "would be paid in"
    if verb.tag_ == "VBG" and aux & _PRESENT_BE:
        return FUTURE  # "is meeting on Friday": the progressive of a scheduled event
    if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did", "has", "have"}:
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None
