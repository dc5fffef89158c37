"""Clause, tense and head helpers that the time and event components share.

Read from the parser's tags and dependencies; one function for each question ("which clause is
this word in?", "what tense is this verb?", "what is the publication date?"), so that the
components that date expressions and events answer it alike.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
from spacy.attrs import IS_ALPHA, POS
from spacy.symbols import IDS
from spacy.tokens import Doc, Span, Token

#: Tense labels, for verbs and for the clause a time expression modifies.
PAST, PRESENT, FUTURE, PLUPERFECT = "past", "present", "future", "pluperfect"

# Where a clause starts: a finite clause or one with its own subject; xcomp/acl/pcomp clauses
# without a subject share the time of the clause they hang from.
FINITE_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "conj"})
#: Heads of clauses, non-finite ones included: where a pronoun's clause begins.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "xcomp", "acl", "pcomp"})

#: Heads that count or pick out part of the group their "of" phrase names: "thousands of Iraqi
#: Kurds demonstrated", "a member of the Syrian parliament", "52 members of MASSOB".
QUANTITY_NOUNS = frozenset("ten hundred thousand million dozen score scores number numbers member members "
                           "group groups some many most all several leader leaders".split())


def tokens_of(doc: Doc, *pos: str, alpha: bool = False) -> list[Token]:
    """The Doc's tokens of the given coarse parts of speech ("VERB", "NOUN"), alphabetic ones only
    with ``alpha``, found in the Doc's arrays: making a Token of every word costs more than the test."""
    cols = doc.to_array([POS, IS_ALPHA]).reshape(len(doc), 2)
    keep = np.isin(cols[:, 0], [IDS[p] for p in pos])
    if alpha:
        keep &= cols[:, 1] == 1
    return [doc[i] for i in np.flatnonzero(keep).tolist()]


#: Where :func:`doc_text` keeps a Doc's text.
TEXT_KEY = "etkg_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text again at each access,
    and each component reads it. Merging or splitting tokens never changes the text; a copy
    kept for another text (a Span's Doc that copied user_data) is told by its length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None or not len(doc) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def quantity(tok: Token) -> bool:
    """Whether ``tok`` counts or picks out part of what its "of" phrase names ("hundreds", "52")."""
    return tok.lemma_.lower() in QUANTITY_NOUNS or tok.lower_ in QUANTITY_NOUNS or tok.pos_ == "NUM"


def counted(tok: Token) -> Token:
    """The head a counted noun's phrase takes part through: "students" in "hundreds of students
    rallied" is the subject; other nouns are themselves."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head is not tok and quantity(prep.head):
        return prep.head
    return tok


def parse_dct(value: dt.date | str | None) -> dt.date | None:
    """The publication date, or None when absent or not an ISO date (no anchoring beats a wrong one)."""
    try:
        if isinstance(value, dt.date) or value is None:
            return value
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to."""
    t = tok
    while t.head != t:
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in FINITE_CLAUSE_DEPS or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)):
            return t
        t = t.head
    return t


#: A one-syllable stem ending in a vowel and a consonant that doubles before -ing and -ed.
_DOUBLING_STEM = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def lemma(tok: Token) -> str:
    """The lower-case lemma of ``tok``, with the silent e put back where the lemmatiser drops it
    from a verb's -ing or -ed form ("hoping" -> "hop"; "Microsoft hops"): a one-syllable stem
    ending in a vowel and a consonant doubles it ("hop", "hopping"), so an undoubled form is the
    verb in e ("hope")."""
    base = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.lower_ in (base + "ing", base + "ed") and _DOUBLING_STEM.fullmatch(base):
        return base + "e"
    return base


def clause_verb(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (itself when it is one)."""
    t = tok
    while t.head != t and not (t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS):
        t = t.head
    return t


def verb_tense(tok: Token, future_modals: frozenset[str]) -> str | None:
    """PAST, PRESENT, FUTURE or PLUPERFECT, from the verb's own morphology and its auxiliaries."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in future_modals for a in auxes):
        return FUTURE
    if any(a.lower_ == "going" for a in auxes):
        return FUTURE
    for a in auxes:  # the first finite auxiliary carries the tense: "have been dismissed"
        if a.tag_ == "VBD" and a.lemma_ == "have":
            return PLUPERFECT
        if a.tag_ in ("VBD",):
            return PAST
        if a.tag_ in ("VBP", "VBZ"):
            return PRESENT
    if tok.tag_ == "VBD":
        return PAST
    if tok.tag_ in ("VBP", "VBZ"):
        return PRESENT
    if tok.dep_ in ("xcomp", "conj", "ccomp") and tok.head != tok and tok.tag_ in ("VB", "VBG", "VBN"):
        return verb_tense(tok.head, future_modals)
    return None


# Weekdays, months and quarters without a year are resolved in the direction the clause points:
# "met on Tuesday" is the previous Tuesday, "will meet on Tuesday" the next one.
_WILL = {"will", "'ll", "wo", "shall", "going"}
_MODALS = {"would", "could", "may", "might", "should", "must", "can", "to"}
_DEADLINE = {"until", "till", "through", "by", "before"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}
# "expected to resume", "scheduled to meet": an infinitive under these points ahead; other
# infinitives and modals ("could", "may") say too little to move a date across New Year; reported
# "would" (not "would have") does: "said the talks would end on Friday".
_FUTURE_GOVERNORS = {"expect", "schedule", "due", "plan", "set", "intend", "prepare", "hope", "aim"}
_MAX_CLIMB = 4
#: Nouns whose "for" phrase is still to come: "plans for a vote in November".
_PLAN_NOUNS = {"plan", "timetable", "schedule", "roadmap"}
# "is due in October", "are not due until October", "is payable Dec. 15": a deadline still to come.
_DUE = {"due", "payable"}


def _planned(span: Span) -> bool:
    """Whether the expression dates what a plan noun is for, below any verb ("plans for a vote in
    November", "a timetable for elections in June")."""
    tok = span.root
    for _ in range(_MAX_CLIMB + 1):
        if tok.head is tok or tok.head.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _PLAN_NOUNS:
            return True
    return False


def _climb(span: Span) -> tuple[Token | None, bool]:
    """The verb the expression hangs from, a few steps up the dependency tree, and whether the
    way up crossed a deadline word ("until", "by" + date); no verb when it hangs from an adjective
    ("payable Dec. 15") or modifies a noun."""
    tok = span.root
    if tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN"):
        return None, False  # "expects to report a third-quarter loss": the date describes a thing, not the act
    deadline = False
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ == "ADJ":
            if tok.lower_ in _DUE and tok.dep_ == "acomp" and tok.head.pos_ in ("VERB", "AUX"):
                return tok.head, deadline  # "is due in October": the copula's tense says which October
            return None, deadline
        deadline = deadline or tok.lower_ in _DEADLINE
        if tok.pos_ in ("VERB", "AUX"):
            return tok, deadline
    return None, deadline


def clause_tense(span: Span) -> str | None:
    """PAST, FUTURE or PRESENT for the clause governing ``span``; None when the parse does not say."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 2].lower_ == "ahead" and doc[span.start - 1].lower_ == "of":
        return FUTURE  # "ahead of Tuesday's debate": what comes next, whatever the verb's tense
    if _planned(span):
        return FUTURE  # "plans for a vote in November": what a plan is for lies ahead
    verb, deadline = _climb(span)
    if verb is None:
        return None
    tense = _tense(verb)
    # A deadline's verb says when the deadline was set, not where it lies, unless it looks ahead:
    # "will double its flights by August".
    return tense if not deadline or tense == FUTURE else None


def _tense(verb: Token) -> str | None:
    """The tense a clause's verb gives the dates hanging from it (see :func:`clause_tense`)."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _WILL:
        return FUTURE
    if verb.tag_ == "VB" and "to" in aux and verb.head.lemma_ in _FUTURE_GOVERNORS:
        # "had been scheduled to expire Friday": a plan made before a past moment, for a day now gone
        governor_aux = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        return PAST if "had" in governor_aux else FUTURE
    if verb.tag_ == "VB" and "would" in aux and "have" not in aux:
        return FUTURE  # "said the talks would end on Friday": a future seen from a recent past
    if verb.tag_ == "VBN" and "be" in aux and aux & _MODALS:
        return FUTURE  # "to be completed by", "would be paid in"
    if verb.tag_ == "VBN" and verb.lemma_ in _FUTURE_GOVERNORS and aux & _PRESENT_BE:
        return FUTURE  # "the launch is planned for December", "talks are scheduled for Friday"
    if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "acomp" and c.lower_ in _DUE for c in verb.children):
        return FUTURE  # "the loan is due in October": what is due now falls due ahead
    if verb.tag_ == "VBG" and aux & _PRESENT_BE:
        return FUTURE  # "is meeting on Friday": the progressive of a scheduled event
    if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did", "has", "have"}:
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None
