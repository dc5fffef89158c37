"""Time anchors for event mentions: an explicit time expression of the event's clause, else the
clause that reports it, else tense relative to the publication date (DCT).

Each anchor records how it was found (``explicit``, ``inferred``, ``tense``, ``dct``) so that an
analyst can tell a stated date from an estimate.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from spacy.tokens import Doc, Token

from ...records import Timex
from ..syntax import FUTURE, PAST, PLUPERFECT, PRESENT, clause_head, lemma as lemma_of, parse_dct, verb_tense
from .lexicon import Lexicon



#: Event types that are statements: news reports them on the day they are made.
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONSULT"})


#: Verbs by which someone has a stretch of time to act in: "has two years to", "gave Iran 30 days to".
TIME_GIVING = frozenset({"have", "give", "grant", "allow"})
#: An entity named in this many sentences is one of the story's protagonists.
SALIENT_SENTENCES = 3


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

    def __init__(self, doc: Doc, timexes: list[Timex], lex: Lexicon,
                 entity_at: Callable[[int], str | None] = lambda i: None) -> None:
        """``entity_at``: the entity a token refers to, if any (the lead's protagonists)."""
        self.doc = doc
        self.lex = lex
        self.dct = parse_dct(doc._.dct)
        self.lead_end = _lead_end(doc)
        #: Who the story is about (named in its lead, or in several of its sentences): a later
        #: undated event of theirs continues the story.
        sentences: dict[str, set[int]] = {}
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                if (e := entity_at(i)) is not None:
                    sentences.setdefault(e, set()).add(sent.start)
        self.protagonists = {e for e, where in sentences.items()
                             if len(where) >= SALIENT_SENTENCES or min(where) < self.lead_end}
        self.earlier_than = lex.cue("order_before")
        # (first token, end token, root token, head of the root's clause, its "before" phrase, timex)
        self.spans: list[tuple[int, int, Token, int, int, Timex]] = []
        #: token -> the type of the time expression it lies in
        self.timed: dict[int, str] = {}
        #: token -> the value of the duration of days or more it lies in ("days", "two weeks")
        self.gaps: dict[int, str] = {}
        for t in timexes:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                self.timed.update((i, t.type) for i in range(span.start, span.end))
                if t.type == "DURATION" and "T" not in t.value:
                    self.gaps.update((i, t.value) for i in range(span.start, span.end))
            if span is not None and _usable(t):
                head = clause_head(span.root)
                self.spans.append((span.start, span.end, span.root, head.i, self._before_phrase(span.root, head), t))
        self.story_time = self._story_time()
        self.frames = self._frames()

    def _story_time(self) -> Anchor | None:
        """The stated past date of the lead's main clause, if it has one."""
        lead = next((sent for sent in self.doc.sents if sent.end == self.lead_end), None)
        if lead is None or self.dct is None:
            return None
        found = self._explicit(lead.root, clause_head(lead.root))
        if found is None or not found.date or not found.date[:1].isdigit() or found.date[:10] > self.dct.isoformat():
            return None
        return found

    def _frames(self) -> dict[int, Anchor]:
        """Sentence start -> the stated past date of the main clause of the sentence before it in
        the same paragraph ("This March, border authorities apprehended 221,000 people. Citizens
        from El Salvador were detained, as they attempted to flee"): the time the narrative is at,
        unless the sentence names a time of its own."""
        out: dict[int, Anchor] = {}
        if self.dct is None:
            return out
        text = self.doc.text
        prev = None
        for sent in self.doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            own = any(self.timed.get(t.i) in ("DATE", "TIME") for t in sent)  # "Between 2000 and 2013, ..."
            if prev is not None and not own and "\n" not in text[prev[0]:words[0].idx]:
                found = prev[1]
                if found is not None and found.date and found.date[:1].isdigit() \
                        and found.date[:10] < self.dct.isoformat():
                    out[sent.start] = found
            end = words[-1].idx + len(words[-1].text)
            prev = (end, self._explicit(sent.root, clause_head(sent.root)))
        return out

    def anchor(self, trigger: Token, governor: Token | None = None, kind: str | None = None,
               parties: Iterable[str] = (), quoted: bool = False) -> Anchor:
        """The anchor of the event whose trigger is ``trigger``; ``governor`` is the verb a noun
        trigger depends on (its tense dates the noun when nothing else does); ``parties`` are the
        entities taking part in it; ``quoted``: whether it is in direct speech."""
        head = clause_head(trigger)
        # "sceptical on Thursday of the Kremlin's pledge to reduce ...": what a pledge or claim
        # announces was announced before the clause that mentions it
        pledged = any(t.pos_ == "NOUN" and t.lemma_.lower() in self.lex.cue("speech_nouns")
                      for t in _path(trigger, head))
        phrase = self._before_phrase(trigger, head)
        own = self._explicit(trigger, head, phrase)
        if own:
            return Anchor("PAST_REF", "tense", None, own.begin) if pledged else own
        found = self._undated(trigger, head, governor, kind, parties, quoted, pledged)
        later = self._later(trigger, head, phrase)
        if later is not None:
            # "massed troops ahead of Tuesday's talks": the date is the talks', the massing before it
            found = _before(found, later)
        if phrase >= 0 and (earlier := self._explicit(trigger, head, -1)):
            # "on Monday, Russia massed troops ahead of talks": the talks come after Monday
            found = _after(found, earlier)
        return found

    def _undated(self, trigger: Token, head: Token, governor: Token | None, kind: str | None,
                 parties: Iterable[str], quoted: bool, pledged: bool) -> Anchor:
        """The anchor of an event whose own clause states no date of its own."""
        own = head
        # A reported or planned event with no time of its own takes the time of the clause that
        # reports it: "After talks on Tuesday, Russia said it would reduce ..." -> Tuesday.
        seen = {head.i}
        while head.head != head and head.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
            parent = clause_head(head.head)
            if parent.i in seen:
                break
            seen.add(parent.i)
            found = self._explicit(trigger, parent)
            if found:
                if pledged:
                    return Anchor("PAST_REF", "tense", None, found.begin)
                if head.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in self.lex.cue("order_after")
                                                for c in head.children):
                    # "said on Saturday, days after Moscow promised ...": before then, not on it
                    return Anchor("PAST_REF", "tense", None, found.begin)
                if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.earlier_than
                                                for c in head.children):
                    # "massed troops on Monday before it invaded": the invasion is later, not then
                    return _after(self._tense(governor or trigger, kind, set(parties), quoted), found)
                if verb_tense(head, self.lex.cue("future_modals")) == PLUPERFECT:
                    # "said on Thursday that the talks had produced no breakthrough": before then
                    return Anchor("PAST_REF", "tense", None, found.begin)
                return _day_of(found)
            head = parent
        if self._gap_after(trigger, own):
            # "days after Clyburn endorsed him", "two weeks after the vote": some time before the
            # clause it leads up to, so before the report, not its day
            return Anchor("PAST_REF", "tense", None, self.dct.isoformat() if self.dct else None)
        return self._tense(governor or trigger, kind, set(parties), quoted)

    def _gap_after(self, trigger: Token, head: Token) -> bool:
        """Whether the event is what an "after" measured in days or more leads from ("days after
        Moscow promised", "two weeks after the vote"): the clause it introduces, or its object."""
        after = self.lex.cue("order_after")
        words = [c for c in head.children if c.dep_ in ("mark", "prep") and c.lower_ in after] \
            if head.dep_ == "advcl" else []
        if trigger.dep_ == "pobj" and trigger.head.lower_ in after:
            words.append(trigger.head)
        gaps = [g for w in words for g in (*w.children, *(head.children if w.dep_ == "mark" else ()))
                if g.dep_ == "npadvmod"]
        return any(self.timed.get(g.i) == "DURATION" and self.gaps.get(g.i, "T").upper()[-1:] in "DWMY" for g in gaps)

    def _before_phrase(self, tok: Token, head: Token) -> int:
        """The "before", "ahead (of)" or "prior (to)" whose phrase holds ``tok`` inside the clause
        headed by ``head``, or -1: what such a phrase names is later than the clause's event."""
        t = tok
        while t != head and t.head != t:
            if t.lower_ in self.earlier_than and t.dep_ in ("prep", "advmod", "amod"):
                return t.i
            t = t.head
        return -1

    def _later(self, trigger: Token, head: Token, phrase: int) -> Timex | None:
        """The time stated for what the event comes before ("ahead of Tuesday's talks", "before
        Ukraine retook Bucha on Saturday"): a bound, not the event's date; ``phrase`` is the
        trigger's own "before" phrase (:meth:`_before_phrase`)."""
        clauses = {c.i for c in head.children if c.dep_ == "advcl" and phrase < 0 and any(
            m.dep_ == "mark" and m.lower_ in self.earlier_than for m in c.children)}
        found = [t for start, end, _, root_clause, before, t in self.spans
                 if not start <= trigger.i < end and (root_clause in clauses or (
                     root_clause == head.i and before != phrase and before >= 0))]
        return min(found, key=lambda t: t.begin or t.value) if found else None

    def _explicit(self, trigger: Token, head: Token, phrase: int | None = None) -> Anchor | None:
        """The nearest time expression of the clause headed by ``head`` that dates ``trigger``:
        one in the same "before" phrase as the trigger (``phrase``) or outside any."""
        best: tuple[int, Timex] | None = None
        if phrase is None:
            phrase = self._before_phrase(trigger, head)
        for start, end, root, root_clause, before, t in self.spans:
            if start <= trigger.i < end:
                continue
            if before != phrase:
                continue  # "ahead of Tuesday's talks" dates the talks, not what comes before them
            if t.type == "DURATION" and not (_governs(root, trigger) or _governs(trigger, root)):
                continue  # a duration dates only what it measures: "34 days of the invasion"
            if self._describes_thing(root, trigger):
                continue  # "acquire an 18th-century painting", "cited a 2020 report": the thing's date
            inside = trigger.pos_ in ("NOUN", "PROPN") and _governs(trigger, root)
            if not inside and root_clause != head.i:
                continue
            d = _distance(trigger, root)
            if best is None or d < best[0]:
                best = (d, t)
        if best is None:
            return None
        return _from_timex(best[1], self.dct)

    def _describes_thing(self, root: Token, trigger: Token) -> bool:
        """Whether the time expression headed by ``root`` modifies a noun that names a thing, not
        the trigger or another event ("the March 2 meeting" dates a meeting)."""
        noun = root.head
        return root.dep_ in ("amod", "compound", "nmod", "nummod") and noun.pos_ == "NOUN" and noun != trigger \
            and noun.lemma_.lower() not in self.lex.nouns and noun.lower_ not in self.lex.nouns

    def _tense(self, tok: Token, kind: str | None = None, parties: set[str] = frozenset(),
               quoted: bool = False) -> Anchor:
        if self.dct is None:
            return Anchor(None, "inferred", None, None)
        day = self.dct.isoformat()
        nxt = (self.dct + dt.timedelta(days=1)).isoformat()
        modals = self.lex.cue("future_modals")
        tense = verb_tense(tok, modals)
        if tense is None and tok.pos_ == "VERB":
            # a participle or gerund with no tense of its own happens when the verb it modifies
            # does: "facilitated the movement ..., exploiting them" (not on the day of the report)
            tok, tense = _tensed_governor(tok, modals)
        if tense == FUTURE:
            return Anchor("FUTURE_REF", "tense", nxt, None)
        if tense == PLUPERFECT:
            # "had been dominated": before a past reference point, so some time before publication
            return Anchor("PAST_REF", "tense", None, day)
        # the narrator's present perfect is some time up to now ("has repeatedly expressed", "has
        # supported 60 exhibitions"); a speaker's is news of the day he speaks ("“The UK
        # government has informed me”")
        if tense == PRESENT and _perfect(tok) and self._measured(tok):
            # "For over a year, the Louvre has fought", "has campaigned since 2010": going on for a
            # while up to now, not the day's news
            return Anchor("PAST_REF", "tense", None, nxt)
        perfect = tense == PRESENT and _perfect(tok) and not quoted
        if perfect:
            tense = PAST
        if tense == PAST:
            own = tok.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
                                                 for c in tok.children)
            # a vote, a signature or an approval is an act, dated as acts are, not a statement
            formal = lemma_of(tok) in self.lex.cue("formal_acts")
            speech = not perfect and not formal and (kind in SPEECH_TYPES or self._speech(tok))
            announced = not own and self._speech(_tense_giver(tok))
            frame = self.frames.get(tok.sent.start)
            if frame is not None and not announced and not perfect and not quoted:
                # the sentence after a dated one of its paragraph goes on at that time ("were
                # detained, as they attempted to flee" in the March the sentence before names)
                return Anchor(frame.date, "convention", frame.begin, frame.until)
            # the lead's story: its own events (not what its relative clauses describe, "the
            # network that marketed ...") and, later, simple-past events of its protagonists
            story = (tok.i < self.lead_end and tok.dep_ != "relcl") or \
                (tok.i >= self.lead_end and not perfect and bool(parties & self.protagonists))
            if story and not (speech or announced) and self.story_time is not None:
                # the story's events happen when its lead says it did: "In a Wednesday media
                # event, Apple released ... Jobs unveiled the new products" -> Wednesday
                t = self.story_time
                return Anchor(t.date, "convention", t.begin, t.until)
            if story or speech or announced:
                # The same-day news convention: an undated past event of the story, a statement
                # ("urged", "accused", "said"), and what a statement announces ("said it would
                # reduce") are the day of publication or the day before.
                return Anchor(day, "convention", (self.dct - dt.timedelta(days=1)).isoformat(), nxt)
            # elsewhere an undated past event is some time before the report, not its day
            return Anchor("PAST_REF", "tense", None, nxt)
        if tense == PRESENT:
            return Anchor(day, "tense", day, nxt)
        return Anchor(day, "dct", day, nxt)


    def _measured(self, verb: Token) -> bool:
        """Whether the verb is measured from a start: "for" a duration, "since" a time."""
        for prep in verb.children:
            if prep.dep_ == "prep" and (prep.lower_ == "for" and any(self.timed.get(t.i) == "DURATION" for t in prep.subtree)
                                        or prep.lower_ == "since" and any(t.i in self.timed for t in prep.subtree)):
                return True
        return False

    def time_allowed(self, verb: Token) -> bool:
        """Whether a "to" infinitive is what a stretch of time someone has or is given now is for:
        "the ministry has two years to buy the vaccines", "gives Iran 30 days to comply": still to
        come ("had two years to build" is not)."""
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        # the parser hangs the infinitive on the stretch of time or on the verb that gives it
        times = [verb.head] if verb.head.pos_ == "NOUN" else \
            [c for c in verb.head.children if c.dep_ in ("dobj", "npadvmod") and c.pos_ == "NOUN"]
        return any(self.timed.get(t.i) == "DURATION" and t.head.lemma_.lower() in TIME_GIVING
                   and t.head.tag_ in ("VBZ", "VBP", "VB") for t in times)

    def _speech(self, verb: Token) -> bool:
        """A verb of saying, promising or announcing ("said", "promised to", "urged")."""
        lemma = verb.lemma_.lower()
        return lemma in self.lex.cue("reporting_verbs") or self.lex.verbs.get(lemma) in SPEECH_TYPES


def _day_of(report: Anchor) -> Anchor:
    """The inferred anchor of what a dated report reports: the report's day, not its hour ("were
    arrested, authorities announced Wednesday morning" -> Wednesday)."""
    date = report.date
    if not (date and date[:4].isdigit() and "T" in date):
        return Anchor(date, "inferred", report.begin, report.until)
    day = date[:10]
    try:
        nxt = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    except ValueError:
        return Anchor(date, "inferred", report.begin, report.until)
    return Anchor(day, "inferred", day, nxt)


def _before(a: Anchor, later: Timex) -> Anchor:
    """``a`` bounded to end where ``later`` begins: a calendar date not before it is no date."""
    bound = later.begin or (later.value if later.value[:1].isdigit() else None)
    if bound is None:
        return a
    if a.date and a.date[:1].isdigit() and a.date[:len(bound)] >= bound[:len(a.date)]:
        return Anchor("PAST_REF", "tense", None, bound)
    return Anchor(a.date, a.anchor, a.begin, bound if a.until is None or a.until > bound else a.until)


def _after(a: Anchor, earlier: Anchor) -> Anchor:
    """``a`` bounded to begin where ``earlier`` ends: a calendar date before that is no date."""
    bound = earlier.until or earlier.begin
    if bound is None:
        return a
    if a.date and a.date[:1].isdigit() and a.date < bound[:len(a.date)]:
        return Anchor("PAST_REF", "tense", bound, a.until)
    return Anchor(a.date, a.anchor, bound if a.begin is None or a.begin < bound else a.begin, a.until)


def _tense_giver(tok: Token) -> Token:
    """The verb whose tense an infinitive or participle takes (as :func:`verb_tense` climbs)."""
    while tok.dep_ in ("xcomp", "conj", "ccomp") and tok.head != tok and tok.tag_ in ("VB", "VBG", "VBN") \
            and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBP", "VBZ") for c in tok.children):
        tok = tok.head
    return tok


#: How a participle or gerund hangs from the verb that gives it its time.
_UNTENSED_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubj"})


def _path(tok: Token, head: Token) -> list[Token]:
    """The tokens between ``tok`` and its ancestor ``head``, both left out."""
    out, t = [], tok.head
    while t != head and t.head != t:
        out.append(t)
        t = t.head
    return out


def _tensed_governor(tok: Token, modals: frozenset[str]) -> tuple[Token, str | None]:
    """The nearest governing verb with a tense, and that tense (``tok`` and None when none)."""
    t = tok
    for _ in range(4):
        if t.dep_ not in _UNTENSED_DEPS or t.head == t:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            tense = verb_tense(t, modals)
            if tense is not None:
                return t, tense
    return tok, None


def _perfect(verb: Token) -> bool:
    """Present perfect: "has supported", "have been arrested"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                      for c in verb.children)


def _lead_end(doc: Doc) -> int:
    """The token after a report's lead: its first sentence that ends like prose (a headline or
    dateline before it does not count). Paragraph breaks and closing quotes after the full stop
    are not the end of the sentence."""
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        while len(words) > 1 and words[-1].text in ('"', "”", "’", "'"):
            words.pop()
        if len(words) > 3 and words[-1].text in (".", "!", "?"):
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
