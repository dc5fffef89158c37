"""TIMEX3 time expressions: the ``etkg_timex`` spaCy component (``graph.nlp.pipeline.tag`` tags a text).

Recognition is a spaCy Matcher compiled from ``graph/data/timex/rules.json``; normalisation
(:mod:`.interpret`) resolves each expression against the DCT (``doc._.dct``), the tense of its
clause from the parse, and the last date the article mentioned.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ...records import Timex
from ...timeml import interval
from ..syntax import parse_dct
from .interpret import Context, Reading, interpret
from .patterns import build_matcher, rules, trigger_words

__all__ = ["TimexTagger"]

if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)

# Words before an expression that qualify it (TimeML mod); the longest phrase wins.
_PREFIX_MODS: dict[tuple[str, ...], str] = {
    ("more", "than"): "MORE_THAN", ("upwards", "of"): "MORE_THAN",
    ("less", "than"): "LESS_THAN", ("fewer", "than"): "LESS_THAN",
    ("nearly",): "LESS_THAN", ("almost",): "LESS_THAN", ("just", "under"): "LESS_THAN",
    ("at", "least"): "EQUAL_OR_MORE", ("no", "less", "than"): "EQUAL_OR_MORE",
    ("at", "most"): "EQUAL_OR_LESS", ("up", "to"): "EQUAL_OR_LESS", ("no", "more", "than"): "EQUAL_OR_LESS",
    ("about",): "APPROX", ("around",): "APPROX", ("approximately",): "APPROX", ("roughly",): "APPROX",
    ("some",): "APPROX", ("circa",): "APPROX",
    ("early",): "START", ("the", "beginning", "of"): "START", ("the", "start", "of"): "START",
    ("the", "end", "of"): "END", ("late",): "END", ("the", "close", "of"): "END",
    ("earlier",): "START", ("later",): "END", ("mid", "-"): "MID", ("mid",): "MID", ("the", "middle", "of"): "MID",
}
_QUANTITY_MODS = {"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
_POSITION_MODS = {"START", "MID", "END"}
# "more than a month ago" lies before the point a month ago: TimeML spells that BEFORE.
_AGO_MODS = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE",
             "EQUAL_OR_LESS": "ON_OR_AFTER", "APPROX": "APPROX"}
_MAX_PREFIX = max(len(k) for k in _PREFIX_MODS)


class TimexTagger:
    """Finds and normalises time expressions on a parsed Doc (see module docstring)."""

    # Matcher windows reach this far around an anchor token: no rule has more than six tokens
    # before its anchor ("the past twenty - five years") or after it, and the prefix mods
    # ("no more than") are read outside the Matcher.
    WINDOW_BEFORE, WINDOW_AFTER = 7, 8

    def __init__(self, nlp: Language, name: str = "etkg_timex") -> None:
        self.name = name
        self.matcher = build_matcher(nlp.vocab)
        self.rules = {r.name: (i, r) for i, r in enumerate(rules())}
        self._triggers = trigger_words()
        self._is_trigger: dict[int, bool] = {}  # per vocabulary entry (orth id)

    def __call__(self, doc: Doc) -> Doc:
        dct = parse_dct(doc._.dct)
        ctx = Context(dct=dct)
        timexes: list[Timex] = []
        spans: list[Span] = []
        for rule_name, start, end in self._select(doc):
            _, rule = self.rules[rule_name]
            if rule.kind == "duration" and end - start > 1 and doc[start].lower_ in ("a", "an", "the") \
                    and doc[start + 1].like_num and _adjectival(doc[start:end]):
                start += 1  # the article belongs to the noun the duration modifies ("a [two-year] term")
            while end - start > 1 and doc[start].like_num and doc[start + 1].lower_ in ("a", "an"):
                start += 1  # "[5.7] a year ago": a number before an article is not part of it
            if rule.kind in ("relative", "calendar") and doc[start].lower_ == "the" and "-" in doc[start:end].text \
                    and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                start += 1  # "the [year-ago] results", "the [third-quarter] loss": the article belongs to the noun
            while end - start > 1 and doc[end - 1].lower_ == "of":
                end -= 1  # "the third quarter [of] $226 million": an "of" that no year follows
            if rule.kind == "duration" and end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "old":
                end += 2  # "an [8-month-old] baby": TimeML marks the whole adjective
            if rule.kind == "ref" and doc[start].lower_ == "at":
                start += 1  # "at [this time]": the preposition is not part of the expression
            core = doc[start:end]
            reading = interpret(rule.kind, core, ctx)
            if reading is None:
                continue
            if reading.ref is not None and rule.kind != "offset":
                ctx.note(reading.ref)
            span, reading = _with_suffix_mod(*_with_prefix_mod(core, reading, rule.kind))
            timexes.append(_record(span, reading))
            spans.append(Span(doc, span.start, span.end, label=reading.type))
        doc._.timexes = timexes
        doc.spans["timex"] = SpanGroup(doc, name="timex", spans=spans)
        return doc

    def _matches(self, doc: Doc) -> set[tuple[int, int, int]]:
        """Matcher hits, searched only in windows around tokens that can start a time expression.

        Running the Matcher over every token costs a fifth of the parse; almost all tokens are
        not near a month, weekday, unit or digit, so the windows make it a small fraction.
        """
        orths = doc.to_array([ORTH])
        unique, inverse = np.unique(orths, return_inverse=True)
        flags = np.fromiter((self._trigger(int(o), doc) for o in unique), dtype=bool, count=len(unique))
        hits = np.flatnonzero(flags[inverse])
        found: set[tuple[int, int, int]] = set()
        n = len(doc)
        start = end = -1
        for i in hits.tolist():
            lo, hi = max(0, i - self.WINDOW_BEFORE), min(n, i + self.WINDOW_AFTER)
            if lo <= end:
                end = hi
                continue
            if end > start:
                found.update((k, s + start, e + start) for k, s, e in self.matcher(doc[start:end]))
            start, end = lo, hi
        if end > start:
            found.update((k, s + start, e + start) for k, s, e in self.matcher(doc[start:end]))
        return found

    def _trigger(self, orth: int, doc: Doc) -> bool:
        known = self._is_trigger.get(orth)
        if known is None:
            text = doc.vocab.strings[orth]
            known = self._is_trigger[orth] = text.lower() in self._triggers or any(c.isdigit() for c in text)
        return known

    def _select(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Non-overlapping matches in text order: longest first, then the earlier rule."""
        strings = doc.vocab.strings
        found = sorted(
            ((strings[key], start, end) for key, start, end in self._matches(doc)),
            key=lambda m: (m[1] - m[2], self.rules[m[0]][0], m[1]),
        )
        taken = bytearray(len(doc))
        chosen = []
        for name, start, end in found:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((name, start, end))
        return sorted(chosen, key=lambda m: m[1])


def _with_prefix_mod(core: Span, reading: Reading, kind: str) -> tuple[Span, Reading]:
    """Extend the span over a qualifying phrase before it ("more than", "early", "the end of")."""
    doc = core.doc
    for n in range(_MAX_PREFIX, 0, -1):
        if core.start - n < 0:
            continue
        words = tuple(t.lower_ for t in doc[core.start - n:core.start])
        mod = _PREFIX_MODS.get(words)
        if mod is None or reading.mod is not None or reading.value.endswith("_REF"):
            continue  # "worried about the future": "about" is a preposition there
        if kind == "offset":
            mod = _AGO_MODS.get(mod)
        elif mod in _QUANTITY_MODS and reading.type != "DURATION":
            mod = None
        elif mod in _POSITION_MODS and reading.type not in ("DATE", "TIME"):
            mod = None
        if mod is None:
            continue
        return doc[core.start - n:core.end], Reading(reading.type, reading.value, mod, reading.anchor_begin)
    return core, reading


def _with_suffix_mod(span: Span, reading: Reading) -> tuple[Span, Reading]:
    """ "the next two years or so": the hedge after a duration belongs to it (TimeML APPROX)."""
    doc = span.doc
    if reading.type == "DURATION" and span.end + 1 < len(doc) and doc[span.end].lower_ == "or" \
            and doc[span.end + 1].lower_ == "so":
        return doc[span.start:span.end + 2], Reading(reading.type, reading.value, reading.mod or "APPROX",
                                                     reading.anchor_begin)
    return span, reading


def _adjectival(span: Span) -> bool:
    """A duration used as a modifier: singular unit after a number other than one ("five year plan")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    last = span[-1].lower_
    return (nxt is not None and nxt.pos_ in ("NOUN", "PROPN")) or (
        not last.endswith("s") and span[1].lower_ not in ("one", "a", "an", "1"))


def _record(span: Span, reading: Reading) -> Timex:
    bounds = interval(reading.value) if reading.type in ("DATE", "TIME") else None
    return Timex(
        start=span.start_char, end=span.end_char, text=span.text, type=reading.type, value=reading.value,
        mod=reading.mod, begin=bounds[0] if bounds else None, until=bounds[1] if bounds else None,
        anchor_begin=reading.anchor_begin,
    )


@Language.factory("etkg_timex")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    """spaCy factory: add with ``nlp.add_pipe("etkg_timex")`` after the parser."""
    return TimexTagger(nlp, name)

