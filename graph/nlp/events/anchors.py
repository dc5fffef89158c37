"""Time anchors for event mentions: an explicit time expression of the event's clause, else the
clause that reports it, else tense relative to the publication date (DCT).

Each anchor records how it was found (``explicit``, ``inferred``, ``tense``, ``dct``) so that an
analyst can tell a stated date from an estimate.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...records import Timex
from ..syntax import FUTURE, PAST, PLUPERFECT, PRESENT, clause_head, parse_dct, verb_tense
from .lexicon import Lexicon



#: Event types that are statements: news reports them on the day they are made.
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONSULT"})


@dataclass(frozen=True)
class Anchor:
    date: str | None
    anchor: str  # explicit | inferred | tense | dct
    begin: str | None
    until: str | None


def _governs(head: Token, tok: Token) -> bool:
    """Whether ``tok`` is in the subtree of ``head``."""
    return head.left_edge.i <= tok.i <= head.right_edge.i and (tok == head or head.is_ancestor(tok))


def _distance(a: Token, b: Token) -> int:
    """Path length between two tokens in the dependency tree."""
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, t in enumerate(up_a):
        if t.i in up_b:
            return n + up_b[t.i]
    return 10_000


class TimeAnchors:
    """Anchors event triggers of one document to its time expressions and DCT."""

    def __init__(self, doc: Doc, timexes: list[Timex], lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.dct = parse_dct(doc._.dct)
        self.lead_end = _lead_end(doc)
        # (first token, end token, root token, head of the root's clause, timex), computed once
        self.spans: list[tuple[int, int, Token, int, Timex]] = []
        for t in timexes:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and _usable(t):
                self.spans.append((span.start, span.end, span.root, clause_head(span.root).i, t))

    def anchor(self, trigger: Token, governor: Token | None = None, kind: str | None = None) -> Anchor:
        """The anchor of the event whose trigger is ``trigger``; ``governor`` is the verb a noun
        trigger depends on (its tense dates the noun when nothing else does)."""
        own = self._explicit(trigger, clause_head(trigger))
        if own:
            return own
        # A reported or planned event with no time of its own takes the time of the clause that
        # reports it: "After talks on Tuesday, Russia said it would reduce ..." -> Tuesday.
        head = clause_head(trigger)
        seen = {head.i}
        while head.head != head and head.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
            parent = clause_head(head.head)
            if parent.i in seen:
                break
            seen.add(parent.i)
            found = self._explicit(trigger, parent)
            if found:
                if verb_tense(head, self.lex.cue("future_modals")) == PLUPERFECT:
                    # "said on Thursday that the talks had produced no breakthrough": before then
                    return Anchor("PAST_REF", "tense", None, found.begin)
                return Anchor(found.date, "inferred", found.begin, found.until)
            head = parent
        return self._tense(governor or trigger, kind)

    def _explicit(self, trigger: Token, head: Token) -> Anchor | None:
        best: tuple[int, Timex] | None = None
        for start, end, root, root_clause, t in self.spans:
            if start <= trigger.i < end:
                continue
            if t.type == "DURATION" and not (_governs(root, trigger) or _governs(trigger, root)):
                continue  # a duration dates only what it measures: "34 days of the invasion"
            inside = trigger.pos_ in ("NOUN", "PROPN") and _governs(trigger, root)
            if not inside and root_clause != head.i:
                continue
            d = _distance(trigger, root)
            if best is None or d < best[0]:
                best = (d, t)
        if best is None:
            return None
        return _from_timex(best[1], self.dct)

    def _tense(self, tok: Token, kind: str | None = None) -> Anchor:
        if self.dct is None:
            return Anchor(None, "inferred", None, None)
        day = self.dct.isoformat()
        nxt = (self.dct + dt.timedelta(days=1)).isoformat()
        tense = verb_tense(tok, self.lex.cue("future_modals"))
        if tense == FUTURE:
            return Anchor("FUTURE_REF", "tense", nxt, None)
        if tense == PLUPERFECT:
            # "had been dominated": before a past reference point, so some time before publication
            return Anchor("PAST_REF", "tense", None, day)
        if tense == PAST:
            own = tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)
            if tok.i < self.lead_end or kind in SPEECH_TYPES or not own:
                # The same-day news convention: an undated past event of the lead, a statement
                # ("urged", "accused"), and what a statement announces ("said it would reduce")
                # are the day of publication or the day before.
                return Anchor(day, "convention", (self.dct - dt.timedelta(days=1)).isoformat(), nxt)
            # elsewhere an undated past event is some time before the report, not its day
            return Anchor("PAST_REF", "tense", None, nxt)
        if tense == PRESENT:
            return Anchor(day, "tense", day, nxt)
        return Anchor(day, "dct", day, nxt)


def _lead_end(doc: Doc) -> int:
    """The token after a report's lead: its first sentence that ends like prose (a headline or
    dateline before it does not count)."""
    for sent in doc.sents:
        last = sent[-1].text if sent[-1].text not in ('"', "”", "’", "'") or len(sent) < 2 else sent[-2].text
        if last in (".", "!", "?") and len(sent) > 3:
            return sent.end
    return 0


def _usable(t: Timex) -> bool:
    """Dates and times with a calendar value, and durations that say when they started."""
    if t.type in ("DATE", "TIME"):
        return t.value[:1].isdigit() or t.value in ("PRESENT_REF",)
    return t.type == "DURATION" and bool(t.anchor_begin)


def _from_timex(t: Timex, dct: dt.date | None) -> Anchor:
    if t.type == "DURATION":
        # "34 days of the invasion": the duration dates the event's start.
        return Anchor(t.anchor_begin, "explicit", t.anchor_begin, None)
    if t.value == "PRESENT_REF" and dct:
        return Anchor(dct.isoformat(), "explicit", dct.isoformat(), (dct + dt.timedelta(days=1)).isoformat())
    return Anchor(t.value, "explicit", t.begin, t.until)
