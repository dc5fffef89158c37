"""TIMEX3 time expressions: the ``etkg_timex`` spaCy component (``graph.nlp.pipeline.tag`` tags a text).

Recognition is a spaCy Matcher compiled from ``graph/data/timex/rules.json``; normalisation
(:mod:`.interpret`) resolves each expression against the DCT (``doc._.dct``), the tense of its
clause from the parse, and the last date the article mentioned.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ...records import Timex
from ...timeml import interval
from ..syntax import doc_text, parse_dct
from .interpret import TIMES_WORDS, Context, Reading, interpret, year_range
from .patterns import build_matcher, lexicon, rules, token_tests, trigger_words

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
    ("some",): "APPROX", ("circa",): "APPROX", ("over",): "MORE_THAN", ("well", "over"): "MORE_THAN",
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
        self._tests = token_tests()
        self._in_rules: dict[int, bool] = {}  # per vocabulary entry: can it be in a match at all

    def __call__(self, doc: Doc) -> Doc:
        dct = parse_dct(doc._.dct)
        ctx = Context(dct=dct)
        timexes: list[Timex] = []
        spans: list[Span] = []
        taken = 0  # tokens before this index belong to an expression already tagged
        days: dict[str, str] = {}  # month-day -> the date it was read as
        for rule_name, start, end in self._select(doc):
            if start < taken:
                continue  # "June 6 to 10, 2022": the year closed the range before it
            _, rule = self.rules[rule_name]
            kind = rule.kind
            if kind == "duration" and end - start > 1 and doc[start].lower_ in ("a", "an", "the") \
                    and doc[start + 1].like_num and _adjectival(doc[start:end]):
                start += 1  # the article belongs to the noun the duration modifies ("a [two-year] term")
            while end - start > 1 and doc[start].like_num and doc[start + 1].lower_ in ("a", "an"):
                start += 1  # "[5.7] a year ago": a number before an article is not part of it
            if kind in ("relative", "calendar") and doc[start].lower_ == "the" and "-" in doc[start:end].text \
                    and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                start += 1  # "the [year-ago] results", "the [third-quarter] loss": the article belongs to the noun
            if end - start > 1 and doc[start].lower_ == "last" and _verb_last(doc[start]):
                start += 1  # "talks that may [last] months": the verb, not "last month"
            while end - start > 1 and doc[end - 1].lower_ == "of":
                end -= 1  # "the third quarter [of] $226 million": an "of" that no year follows
            if kind == "duration" and end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "old":
                end += 2  # "an [8-month-old] baby": TimeML marks the whole adjective
            if kind == "ref" and doc[start].lower_ == "at":
                start += 1  # "at [this time]": the preposition is not part of the expression
            if kind == "offset" and end - start > 1 and end < len(doc) and doc[end].lower_ == "than":
                end, kind = end - 1, "duration"  # "[three days] later than planned": a length compared
            core = doc[start:end]
            reading = interpret(kind, core, ctx)
            if reading is None:
                continue
            if kind == "calendar" and reading.type == "DATE" and len(reading.value) == 10 and reading.value[:4].isdigit():
                reading = _as_before(reading, core, days)
            if reading.ref is not None and kind != "offset":
                ctx.note(reading.ref)
                ctx.last_end = core.end
            modded = _with_suffix_mod(*_with_prefix_mod(core, reading, kind))
            span, reading = _with_range(*modded)
            if timexes and span.start_char < timexes[-1].end:
                span, reading = modded  # a range reaching back into the expression before it is two
            if reading.type == "SET" and spans and spans[-1].end == span.start and timexes[-1].type == "DURATION":
                timexes.pop()  # "five days a week": the count and the rate are one recurrence
                span = doc[spans.pop().start:span.end]
            if reading.type == "SET" and (first := _times_before(doc, span.start)) >= taken:
                span = doc[first:span.end]  # "twice a year", "three times a day": TimeML marks the count too
            taken = span.end
            timexes.append(_record(span, reading))
            spans.append(Span(doc, span.start, span.end, label=reading.type))
        doc._.timexes = _ranges_in_order(doc, timexes)
        doc.spans["timex"] = SpanGroup(doc, name="timex", spans=spans)
        return doc

    def _matches(self, doc: Doc) -> set[tuple[int, int, int]]:
        """Matcher hits, searched only in windows around tokens that can start a time expression.

        Running the Matcher over every token costs a fifth of the parse; almost all tokens are
        not near a month, weekday, unit or digit, so the windows make it a small fraction. Within a
        window it scans only the runs of tokens that some rule element accepts (a match lies in
        one), which finds the same matches in half the tokens.
        """
        orths = doc.to_array([ORTH])
        unique, inverse = np.unique(orths, return_inverse=True)
        flags = np.fromiter((self._trigger(int(o), doc) for o in unique), dtype=bool, count=len(unique))
        usable = np.fromiter((self._in_rule(int(o), doc) for o in unique), dtype=bool, count=len(unique))[inverse]
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
                self._scan(doc, usable, start, end, found)
            start, end = lo, hi
        if end > start:
            self._scan(doc, usable, start, end, found)
        return found

    def _scan(self, doc: Doc, usable: np.ndarray, start: int, end: int, found: set[tuple[int, int, int]]) -> None:
        """Add the Matcher's hits in ``doc[start:end]``, searched run by run of usable tokens."""
        i = start
        while i < end:
            if not usable[i]:
                i += 1
                continue
            j = i + 1
            while j < end and usable[j]:
                j += 1
            found.update((k, s + i, e + i) for k, s, e in self.matcher(doc[i:j]))
            i = j

    def _trigger(self, orth: int, doc: Doc) -> bool:
        known = self._is_trigger.get(orth)
        if known is None:
            text = doc.vocab.strings[orth]
            known = self._is_trigger[orth] = text.lower() in self._triggers or any(c.isdigit() for c in text)
        return known

    def _in_rule(self, orth: int, doc: Doc) -> bool:
        """Whether some rule element accepts the word (the Matcher's LOWER is ``str.lower``, its
        REGEX ``re.search``)."""
        known = self._in_rules.get(orth)
        if known is None:
            text = doc.vocab.strings[orth]
            lower, exact, regexes = self._tests
            known = self._in_rules[orth] = (text.lower() in lower or text in exact
                                            or any(rx.search(text) for rx in regexes))
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
        if words[-1] == "over" and kind != "offset" and not _over_is_more(core):
            continue  # "spread over three years", "over the past year": the time it takes place in
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


# "or ..." after an expression that bounds it: "a week or more", "1994 or later" (TimeML mod), by type.
_SUFFIX_MODS: dict[str, dict[str, str]] = {
    "DURATION": {"so": "APPROX", "more": "EQUAL_OR_MORE", "longer": "EQUAL_OR_MORE", "less": "EQUAL_OR_LESS",
                 "fewer": "EQUAL_OR_LESS", "shorter": "EQUAL_OR_LESS"},
    "DATE": {"so": "APPROX", "later": "ON_OR_AFTER", "after": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE",
             "before": "ON_OR_BEFORE"},
}


# Verbs of lasting, after which "over" + a length means "more than" ("last over a week").
_LASTING = frozenset({"last", "take", "spend", "run", "wait", "stay", "remain", "continue", "go", "be"})


def _over_is_more(core: Span) -> bool:
    """ "last over a week", "for over 150 years": "over" counts a length (a number or an article starts
    it) after a word that asks how long; after other verbs ("paid over three years") or opening the
    sentence ("Over two decades, ...") it says when."""
    doc = core.doc
    if not (core[0].like_num or core[0].lower_ in ("a", "an")):
        return False
    i = core.start - 2 if doc[core.start - 1].lower_ == "over" else core.start - 3
    prev = doc[i] if i >= 0 else None
    return prev is not None and not prev.is_punct and (prev.pos_ not in ("VERB", "AUX") or prev.lemma_ in _LASTING)


def _with_suffix_mod(span: Span, reading: Reading) -> tuple[Span, Reading]:
    """ "the next two years or so", "a week or more", "1994 or later": the bound after an expression
    belongs to it; "or before the vote" is a second time of its own, so the bound must end the phrase."""
    doc = span.doc
    mods = _SUFFIX_MODS.get(reading.type, {})
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "or" or reading.value.endswith("_REF"):
        return span, reading
    mod = mods.get(doc[span.end + 1].lower_)
    after = doc[span.end + 2] if span.end + 2 < len(doc) else None
    if mod is None or (after is not None and (after.pos_ in ("NOUN", "PROPN", "NUM", "DET") or after.lower_ == "than")):
        return span, reading
    return doc[span.start:span.end + 2], Reading(reading.type, reading.value, reading.mod or mod,
                                                 reading.anchor_begin)


_DAY = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])$")
_DAYS = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])[-–](0?[1-9]|[12][0-9]|3[01])$")
_PERIOD = re.compile(r"^P(T?)([0-9]+(?:\.[0-9]+)?)([A-Z]+)$")
# What joins the ends of a range written as one expression ("June 6-10", "October to December");
# "and" joins one only after "between". Between two counts of a unit, "or" and a spaced double
# hyphen ("two or three weeks", "30 -- 40 days") join one too.
_RANGE_GAPS = frozenset({"-", "–", "to", "through", "until", "till"})
_COUNT_GAPS = _RANGE_GAPS | {"or", "--"}


def _with_range(span: Span, reading: Reading) -> tuple[Span, Reading]:
    """A range written as one expression is one time expression: "two to three weeks" and "a week or
    two" are at least the lower count (TimeML EQUAL_OR_MORE); "June 6-10" and "6-10 June" begin on
    the 6th and run to the 10th, "1989-90" on 1989 to the end of 1990."""
    doc = span.doc
    start, end = span.start, span.end
    joint = doc[start - 1].lower_ if start >= 2 else ""
    between = joint == "and" and start >= 3 and doc[start - 3].lower_ == "between"
    if reading.type == "DURATION" and reading.mod is None and span[0].lower_ in ("a", "an", "one") \
            and end + 1 < len(doc) and doc[end].lower_ == "or" and (high := _amount(doc[end + 1])) and high > 1 \
            and not (end + 2 < len(doc) and doc[end + 2].pos_ in ("NOUN", "PROPN", "NUM")):
        return doc[start:end + 2], Reading(reading.type, reading.value, "EQUAL_OR_MORE", reading.anchor_begin)
    if reading.type == "DURATION" and reading.mod is None and (joint in _COUNT_GAPS or between) and span[0].like_num \
            and doc[start - 2].like_num and (m := _PERIOD.match(reading.value)):
        low, high = _amount(doc[start - 2]), _amount(span[0])
        if low is None or high is None or not 0 < low < high:
            return span, reading
        n = float(m.group(2)) * low / high
        value = f"P{m.group(1)}{int(n) if n == int(n) else n}{m.group(3)}"
        first = start - 2
        if first >= 2 and doc[first - 2].lower_ == "the" and doc[first - 1].lower_ in lexicon()["words"]["REL"]:
            first -= 2  # "the past 10 to 15 years"
        return doc[first:end], Reading(reading.type, value, "EQUAL_OR_MORE", reading.anchor_begin)
    if reading.type == "DATE" and len(reading.value) == 4 and reading.value == span[-1].text and end + 1 < len(doc) \
            and len(doc[end + 1].text) == 2 and year_range(doc, end - 1):
        # "the 1989-90 season", "by 2010-11": one span of years from the first to the end of the second
        last = f"{reading.value[:2]}{doc[end + 1].text}"
        return doc[start:end + 2], Reading(reading.type, reading.value, reading.mod, reading.anchor_begin,
                                           reading.ref, last)
    if reading.type != "DATE" or len(reading.value) not in (7, 10):
        return span, reading
    day = reading.value
    if len(day) == 7:  # the tokenizer keeps "6–10" (an en dash) whole: "June 6–10", "6–10 June"
        if len(span) == 1 and end < len(doc) and (m := _DAYS.match(doc[end].text)):
            end += 1
        elif start >= 1 and (m := _DAYS.match(doc[start - 1].text)) and span[0].lower_.rstrip(".") in lexicon()["values"]["month"]:
            start -= 1
        else:
            return span, reading
        if not int(m.group(1)) < int(m.group(2)):
            return span, reading
        day, last = f"{day}-{int(m.group(1)):02d}", f"{day}-{int(m.group(2)):02d}"
    elif _DAY.match(span[-1].text) and end + 1 < len(doc) and doc[end].lower_ in _RANGE_GAPS \
            and _DAY.match(doc[end + 1].text) and int(doc[end + 1].text) > int(day[8:]):
        last, end = f"{day[:8]}{int(doc[end + 1].text):02d}", end + 2  # "June 6-10"
    elif _DAY.match(span[0].text) and start >= 2 and doc[start - 1].lower_ in _RANGE_GAPS \
            and _DAY.match(doc[start - 2].text) and int(doc[start - 2].text) < int(day[8:]):
        last, day, start = day, f"{day[:8]}{int(doc[start - 2].text):02d}", start - 2  # "6-10 June"
    else:
        return span, reading
    if end < len(doc) and doc[end].like_num and len(doc[end].text) == 4 or (
            end + 1 < len(doc) and doc[end].text == "," and len(doc[end + 1].text) == 4 and doc[end + 1].like_num):
        end += 1 if doc[end].text != "," else 2  # "June 6 to 10, 2022": the year closes the range
        year = doc[end - 1].text
        day, last = year + day[4:], year + last[4:]
    return doc[start:end], Reading(reading.type, day, reading.mod, reading.anchor_begin, reading.ref, last)


_FOUR_DIGITS = re.compile(r"\b[0-9]{4}\b")


def _ranges_in_order(doc: Doc, timexes: list[Timex]) -> list[Timex]:
    """ "October-December", "from December to February": the end of a range of months or days
    lies after its start, so an end (or start) written without a year takes the year that keeps
    them in order, though each was first resolved against the DCT on its own. With no year on
    either, an end already past keeps its place and the start moves back ("sales fell from
    December to February", told in January, ran to the February gone)."""
    dct = parse_dct(doc._.dct)
    out = list(timexes)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.type != "DATE" or b.type != "DATE" or len(a.value) != len(b.value) or len(a.value) not in (7, 10) \
                or not a.value[:4].isdigit() or not b.value[:4].isdigit() or b.value >= a.value \
                or doc_text(doc)[a.end:b.start].strip().lower() not in _RANGE_GAPS:
            continue
        past = dct is not None and b.value <= dct.isoformat()[:len(b.value)]
        if not _FOUR_DIGITS.search(b.text) and (_FOUR_DIGITS.search(a.text) or not past):
            out[i] = _with_year(b, next(y for y in range(int(b.value[:4]), int(a.value[:4]) + 2)
                                        if f"{y:04d}{b.value[4:]}" >= a.value))
        elif not _FOUR_DIGITS.search(a.text):
            out[i - 1] = _with_year(a, next(y for y in range(int(a.value[:4]), int(b.value[:4]) - 2, -1)
                                            if f"{y:04d}{a.value[4:]}" <= b.value))
    return out


def _with_year(t: Timex, year: int) -> Timex:
    value = f"{year:04d}{t.value[4:]}"
    bounds = interval(value)
    return dataclasses.replace(t, value=value, begin=bounds[0] if bounds else None,
                               until=bounds[1] if bounds else None)


def _as_before(reading: Reading, core: Span, days: dict[str, str]) -> Reading:
    """A month-day the text named before, again without a year, is the same day ("arrives on
    November 11 ... the stop on November 11 may be cut"): its year is not re-guessed from the
    tense of another clause."""
    key = reading.value[5:]
    if _FOUR_DIGITS.search(core.text) or key not in days:
        days[key] = reading.value
        return reading
    value = days[key]
    day = dt.date.fromisoformat(value)
    return dataclasses.replace(reading, value=value, ref=(day, "D") if reading.ref is not None else None)


def _verb_last(tok) -> bool:
    """ "may last months", "did not last years": "last" is the verb after a modal or a negated auxiliary
    (the parser often reads it as an adjective there)."""
    doc, i = tok.doc, tok.i
    if tok.pos_ == "VERB" or (i >= 1 and doc[i - 1].tag_ == "MD"):
        return True
    return i >= 2 and doc[i - 1].lower_ in ("not", "n't", "never") and doc[i - 2].pos_ == "AUX"


def _amount(tok) -> float | None:
    """The number a token spells: "two", "15", "2.5"."""
    numbers = lexicon()["values"]["number"]
    if tok.lower_ in numbers:
        return float(numbers[tok.lower_])
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _times_before(doc: Doc, i: int) -> int:
    """Where a count of times just before token ``i`` begins ("twice", "three times"), else ``i``."""
    if i >= 1 and doc[i - 1].lower_ in TIMES_WORDS:
        return i - 1
    if i >= 2 and doc[i - 1].lower_ == "times" and (doc[i - 2].like_num or doc[i - 2].lower_ in ("several", "many")):
        return i - 2
    return i


def _adjectival(span: Span) -> bool:
    """A duration used as a modifier: singular unit after a number other than one ("five year plan")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    last = span[-1].lower_
    return (nxt is not None and nxt.pos_ in ("NOUN", "PROPN")) or (
        not last.endswith("s") and span[1].lower_ not in ("one", "a", "an", "1"))


def _record(span: Span, reading: Reading) -> Timex:
    bounds = interval(reading.value) if reading.type in ("DATE", "TIME") else None
    if bounds and reading.last and (last := interval(reading.last)):
        bounds = (bounds[0], last[1])
    return Timex(
        start=span.start_char, end=span.end_char, text=span.text, type=reading.type, value=reading.value,
        mod=reading.mod, begin=bounds[0] if bounds else None, until=bounds[1] if bounds else None,
        anchor_begin=reading.anchor_begin,
    )


@Language.factory("etkg_timex")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    """spaCy factory: add with ``nlp.add_pipe("etkg_timex")`` after the parser."""
    return TimexTagger(nlp, name)

