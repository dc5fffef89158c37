"""Modality, polarity and attribution of an event mention: did it happen, and who says so.

An analyst weighs "Russia attacked" differently from "Russia said it would withdraw", "talks are
expected to resume" or "if it was attacked": the event's clause, its governors and the quotation
it sits in decide which. The source is the speaker of the reporting verb or of the quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection

from spacy.tokens import Doc, Token

from ..syntax import doc_text, lemma as lemma_of
from .arguments import SUBJ, EntityIndex
from .lexicon import Lexicon

QUOTE_CHARS = "\"“”"
PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Modality:
    modality: str  # asserted | reported | planned | hypothetical | negated
    polarity: str  # positive | negative
    source: str | None  # entity id of the speaker it is attributed to


class Quotes:
    """Quoted passages of a document and who speaks them.

    Quotes are paired per paragraph (news paragraphs reopen a continuing quote), and a quote's
    speaker is the subject of a reporting verb of the same paragraph outside the quotes: the
    `“...,” he said. “...”` layout of news copy; a paragraph that opens with a quotation and names no
    speaker goes on quoting the last one. A statement reprinted under a heading that names its
    author ("Statement from the Office of the Governor – John Rankin") is the author's speech to
    the end of the text, quote marks or not.
    """

    def __init__(self, doc: Doc, index: EntityIndex, lex: Lexicon) -> None:
        self.spans: list[tuple[int, int, str | None]] = []
        text = doc_text(doc)
        last: str | None = None
        author: str | None = None  # of the reprinted statement the text has reached, if any
        for para in _paragraphs(text):
            start, end = para
            marks = [i for i in range(start, end) if text[i] in QUOTE_CHARS]
            inside: list[tuple[int, int]] = []
            for a, b in zip(marks[::2], marks[1::2]):
                inside.append((a, b + 1))
            if len(marks) % 2:  # an unclosed quote runs to the end of the paragraph
                inside.append((marks[-1], end))
            heading = _statement_author(doc, index, lex, text, start, end)
            if heading is not None:
                author = heading
                continue
            if author is not None and not inside:
                self.spans.append((start, end, author))
                continue
            if not inside:
                continue
            speaker = _speaker(doc, index, lex, start, end, inside)
            if speaker is None and text[start:end].lstrip()[:1] in QUOTE_CHARS:
                speaker = last  # a paragraph that opens a quote unattributed goes on quoting the last speaker
            last = speaker or last
            self.spans.extend((a, b, speaker) for a, b in inside)

    def at(self, char: int) -> tuple[bool, str | None]:
        """Whether ``char`` is inside a quotation, and its speaker."""
        for a, b, who in self.spans:
            if a <= char < b:
                return True, who
        return False, None


def _statement_author(doc: Doc, index: EntityIndex, lex: Lexicon, text: str, start: int, end: int) -> str | None:
    """The author a heading line names for the statement below it ("Statement from the Office of
    the Governor – John Rankin", "Press release by the Ministry of Health"): a person named there
    rather than the office, else the body; None for any other paragraph. A heading is one line
    that does not end as a sentence does."""
    line = text[start:end].strip()
    if not line or line[-1] in ".!?:;" + QUOTE_CHARS or "\n" in line:
        return None
    words = line.lower().split()
    if not any(w in lex.cue("statement_headings") and nxt in ("from", "by", "of")
               for w, nxt in zip(words[:3], words[1:4])):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    refs = [index.tokens[t.i] for t in span or () if t.i in index.tokens]
    for kinds in (("person",), ("organisation", "group")):
        found = next((r.entity for r in refs if r.kind in kinds), None)
        if found is not None:
            return found
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in PARAGRAPH.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _speaker(doc: Doc, index: EntityIndex, lex: Lexicon, start: int, end: int,
             inside: list[tuple[int, int]]) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.lemma_.lower() not in lex.cue("reporting_verbs") or tok.pos_ != "VERB":
            continue
        if any(a <= tok.idx < b for a, b in inside):
            continue
        speaker = _subject_entity(tok, index)
        if speaker:
            return speaker
    return None


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(c.dep_ == "neg" for c in tok.head.children):
        return True  # "it was not a criminal investigation"
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _yet_to_come(noun: Token, lex: Lexicon) -> bool:
    """An event noun that is still ahead: "the upcoming talks", "the next round of arrests"."""
    named = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return any(c.dep_ == "amod" and c.lower_ in lex.cue("future_adjectives") for t in {noun, named} for c in t.children)


def _governors(tok: Token):
    """The chain of heads up to the root: each step and the relation that led there."""
    t = tok
    while t.head != t:
        yield t.dep_, t.head
        t = t.head


def _subject_entity(verb: Token, index: EntityIndex) -> str | None:
    for child in verb.children:
        if child.dep_ in SUBJ:
            ref = index.ref(child)
            if ref:
                return ref.entity
    return None


def stated_intention(trigger: Token, lex: Lexicon, *, future: bool = True) -> bool:
    """Whether the clause of ``trigger`` states what its subject means to do: "Finland will give
    ...", "Syria is willing to withdraw", "Greece plans to impose restrictions", "said they will
    release", "expressed willingness to resume negotiations". Event coders code such a statement
    as the promise or threat it makes (CAMEO 03 "express intent to ...", 13 "threaten to ..."), not
    as the act. "Russia said it would reduce" stays the reduction: "would" is also the conditional,
    and reports of it are the news. ``future=False`` counts intention words only, not "will"."""
    t = trigger
    if t.pos_ == "NOUN":
        if t.dep_ not in ("dobj", "xcomp"):
            return False
        t = t.head  # "plans to impose restrictions", "will impose sanctions"
    words = lex.cue("intention_words")
    while True:
        if future and (will(t, lex)
                       or _conditional(t, lex)):
            return True
        # "willingness to resume": an intention noun's infinitive hangs from it as acl
        if t.dep_ not in ("xcomp", "conj", "acl") or t.head is t or (t.dep_ == "acl" and t.head.lemma_.lower() not in words):
            return False
        t = t.head
        if t.lemma_.lower() in words or t.lower_ in words:
            return True


def _conditional(verb: Token, lex: Lexicon) -> bool:
    """"Iraq said it would attack Kuwait if the talks failed": "would" or "could" with a condition
    ("if", "unless") states what the subject will do on that condition, a conditional threat or
    promise (CAMEO 13, 03), not the act."""
    return has_aux(verb, ("would", "could")) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children)


def be_to(verb: Token) -> bool:
    """"Putin is to visit India", "the talks are to resume": "be" with an infinitive is arranged."""
    return to_infinitive(verb) and verb.head.pos_ == "AUX" and verb.head.lemma_.lower() == "be"


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is the "to" infinitive its head governs ("is to visit", "scheduled to meet")."""
    return verb.dep_ == "xcomp" and has_aux(verb, ("to",))


def clause_of(trigger: Token) -> Token:
    """The verb whose clause an event is told in: a light verb's object noun ("will impose
    sanctions", "to show their disapproval") is told in its verb's clause, any other trigger in its own."""
    return trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger


def has_aux(verb: Token, words: Collection[str]) -> bool:
    """Whether ``verb`` has an auxiliary of its own among ``words`` ("will visit", "would agree")."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def will(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` has its own future modal ("will visit", "shall meet")."""
    return has_aux(verb, lex.cue("future_modals"))


def classify(trigger: Token, index: EntityIndex, quotes: Quotes, lex: Lexicon) -> Modality:
    """Modality, polarity and source of the event whose trigger is ``trigger``."""
    negated = _negated(trigger)
    hypothetical = planned = reported = False
    source: str | None = None
    # "will impose sanctions": the object noun of a light verb is as future as its verb
    future = will(clause_of(trigger), lex) or (trigger.pos_ == "NOUN" and _yet_to_come(trigger, lex)) or be_to(trigger)
    hypothetical = any((c.dep_ == "aux" and c.lower_ in lex.cue("hypothetical_modals"))
                       or (c.dep_ == "mark" and c.lower_ in lex.cue("hypothetical_markers")) for c in trigger.children)
    for dep, head in _governors(trigger):
        lemma = lemma_of(head)
        if any(c.dep_ == "mark" and c.lower_ in lex.cue("hypothetical_markers") for c in head.children):
            hypothetical = True
        if head.pos_ == "VERB" and lemma in lex.cue("reporting_verbs") and dep in ("ccomp", "conj", "xcomp", "advcl"):
            reported, source = True, _subject_entity(head, index) or source
            break
        if head.pos_ == "NOUN" and lemma in lex.cue("speech_nouns") and dep in ("acl", "relcl", "ccomp"):
            # "Russia's claim that it will cut back": reported by the claim's owner
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            reported = True
            ref = index.ref(owner) if owner is not None else None
            source = ref.entity if ref else source
            break
        if head.pos_ == "VERB" and lemma in lex.cue("request_verbs") and dep in ("ccomp", "xcomp"):
            # "activists demanded that Microsoft stop": asked for, not done
            hypothetical = True
            break
        planner = head.pos_ in ("VERB", "AUX", "ADJ") or (head.pos_ == "NOUN" and dep == "acl")
        if planner and lemma in lex.cue("planning_verbs") and dep in ("xcomp", "ccomp", "nsubjpass", "acl", "dobj", "prep", "pobj"):
            planned = True
            if dep == "xcomp" and _negated(head):
                negated = True
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and lemma not in lex.cue("planning_verbs"):
            break  # a clause modifying a noun has its own modality
    in_quote, speaker = quotes.at(trigger.idx)
    if in_quote and speaker and source is None:
        reported, source = True, speaker
    if negated:
        return Modality("negated", "negative", source)
    if hypothetical:
        return Modality("hypothetical", "positive", source)
    if reported:
        return Modality("reported", "positive", source)
    if planned or future:
        return Modality("planned", "positive", source)
    return Modality("asserted", "positive", source)
