"""Turn a recognised expression into its TimeML type, value and mod, resolved against the DCT,
the tense of its clause and the discourse (the last date the article talked about).

Each rule ``kind`` of rules.json has one function here. A function returns None when the words
turn out not to be a time expression after all (for example "2000 troops").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Span

from ...timeml import fmt, shift
from ..syntax import FUTURE, PAST, PRESENT, clause_tense
from .parts import DECADE_WORDS, Parts, parse
from .patterns import lexicon


@dataclass
class Context:
    """What resolution needs beyond the words: the DCT and the discourse so far."""

    dct: dt.date | None
    last: tuple[dt.date, str] | None = None  # last calendar reference: a day in it and its granularity
    quarter: dt.date | None = None  # first day of the last quarter named: what financial news reports on
    last_end: int | None = None  # the token index where the expression that set ``last`` ended

    def note(self, ref: tuple[dt.date, str]) -> None:
        """Remember a reference the article made, for the expressions that follow; a quarter is the
        one being reported on only once it is over ("the third quarter of 1990" is a forecast)."""
        self.last = ref
        if ref[1] == "Q" and (self.dct is None or shift(ref[0], "Q", 1) <= self.dct):
            self.quarter = ref[0]


@dataclass(frozen=True)
class Reading:
    """The normalised meaning of one expression."""

    type: str
    value: str
    mod: str | None = None
    anchor_begin: str | None = None
    ref: tuple[dt.date, str] | None = None  # the reference it sets for later expressions
    last: str | None = None  # the last point of a range that ``value`` begins ("June 6-10": its 10th)


_TIME_UNITS_H = {"H", "MIN", "S"}
_YEAR_TEXT = re.compile(lexicon()["regex"]["YEAR"])
_DECADE_TEXT = re.compile(lexicon()["regex"]["DECADE"])
_SHORT_DECADE_TEXT = re.compile(lexicon()["regex"]["DECADE2"])
_FOUR_DIGIT_DECADE = re.compile(r"(1[0-9]|20)[0-9]0")
#: Counts of times without a number ("twice a year"), also the start of a SET's span.
TIMES_WORDS = frozenset(lexicon()["words"]["TIMESWORD"])
_TEMPERATURE = frozenset(lexicon()["words"]["TEMPERATURE"])
_DECADE_JOINERS = {"and", "or", "to", "through", "-", "into"}
_DECADE_PREPOSITIONS = {"since", "during", "until", "till", "through", "throughout", "from", "of", "before",
                        "after", "into", "by"}
_SEASON_PREPOSITIONS = {"in", "by", "until", "till", "since", "during", "through", "throughout", "before", "after",
                        "into", "from", "over", "late", "early", "mid"}
_CALENDAR_WORDS = frozenset(lexicon()["values"]["month"]) | frozenset(lexicon()["values"]["season"]) | {
    "fiscal", "year", "christmas", "easter", "summer", "winter", "spring", "autumn", "fall"}


def _resolve_weekday(dct: dt.date, weekday: int, tense: str | None) -> dt.date:
    """The weekday nearest the DCT in the direction of the tense; the DCT itself if it is that day."""
    back = (dct.isoweekday() - weekday) % 7
    forward = (weekday - dct.isoweekday()) % 7
    if tense == FUTURE or (tense == PRESENT and forward < back):
        return dct + dt.timedelta(days=forward)
    return dct - dt.timedelta(days=back)


def _resolve_year(dct: dt.date, candidate, tense: str | None) -> int:
    """The year of a month, day or quarter named without one: the occurrence nearest the DCT,
    where one on the wrong side of the DCT for the clause's tense counts as further away.

    ``candidate(year)`` gives the first day of the named period in that year (None if invalid).
    """
    best, best_cost = dct.year, float("inf")
    for year in (dct.year - 1, dct.year, dct.year + 1):
        start = candidate(year)
        if start is None:
            continue
        days = (start - dct).days
        cost = abs(days)
        if tense == PAST and days > 0:
            cost += 400  # against the tense: only if nothing else fits
        elif (tense == FUTURE and days < -31) or (tense in (None, PRESENT) and days > 0):
            cost *= 2  # possible, but news mostly reports what has happened
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _of_a_match(span: Span) -> bool:
    """ "the second half of the match", "the first quarter of Sunday's game": "of" and a game after."""
    doc = span.doc
    games = lexicon()["values"]["game"]
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and any(
        t.lower_ in games for t in doc[span.end + 1:span.end + 5] if t.pos_ == "NOUN")


def calendar(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """Dates that name calendar units: "March 29, 2022", "Tuesday", "1990s", "the third quarter"."""
    if p.decade is not None and not _plausible_decade(span, p):
        return None
    if p.decade is not None or p.century is not None:  # "the mid-1990s", "the first half of the 19th century"
        mod = p.pos_mod
        if "half" in p.words:
            mod = "START" if p.ordinal == 1 else "END"
        return Reading("DATE", f"{p.decade:03d}" if p.decade is not None else f"{p.century:02d}", mod)
    if p.unit == "CE" and p.rel is not None:
        return relative(span, p, ctx)  # "the last century" names no ordinal: the one before this
    if p.unit == "Q" and p.plural and p.number == 2 and p.ordinal in (1, -1):  # "the first two quarters (of 1990)"
        if p.ordinal == -1 and p.year is None:
            return duration(span, p, ctx)  # "the last two quarters": the two just past
        p.unit, p.half, p.number = None, 1 if p.ordinal == 1 else 2, None
    if p.number and p.year is None and "thousand" in p.words:  # "the year two thousand"
        return Reading("DATE", "2000")
    if p.number and p.year is None:  # "nineteen ninety-six", "January nineteen ninety-seven"
        p.year = _spelled_year(p.words)
        if p.year is None:
            return None
        if p.month is None:
            return Reading("DATE", f"{p.year:04d}", ref=(dt.date(p.year, 1, 1), "Y"))
    if p.year is not None and p.month is None and p.quarter is None and p.half is None and p.ordinal is None \
            and p.season is None and not _plausible_year(span):
        return None
    if p.month is not None and p.day is None and p.year is None and len(span) == 1 and not _plausible_month(span[0]):
        return None
    if p.words[-1] == "year" and ("quarter" in p.words or "half" in p.words):  # "the first half of the year"
        p.unit = "Q" if "quarter" in p.words else "HALF"
    if p.unit in ("Q", "HALF") and "last" in p.words and p.year is None and p.words[-1] in ("quarter", "half"):
        # "(the) last quarter" is the one before this; "the last quarter of 1989" its fourth
        return relative(span, p, ctx)
    if p.unit in ("Q", "HALF") and p.ordinal is not None:
        if _of_a_match(span):
            return None  # "the third quarter of the game": a part of the match, not of a year
        n = p.ordinal if p.ordinal > 0 else (4 if p.unit == "Q" else 2)
        if p.unit == "Q":
            p.quarter = n
        else:
            p.half = n
    tense = clause_tense(span)
    dct = ctx.dct
    year = p.year
    if p.quarter or p.half:
        letter, n = ("Q", p.quarter) if p.quarter else ("H", p.half)
        first_month = (n - 1) * (3 if letter == "Q" else 6) + 1
        if year is None:
            if dct is None:
                return Reading("DATE", f"XXXX-{letter}{n}", p.pos_mod)
            if p.words[-1] == "year":  # "the first half of next year"; "the last quarter of the year" is this one's
                year = dct.year + {"next": 1, "last": -1}.get(p.words[-2], 0)
            else:
                year = _resolve_year(dct, lambda y: dt.date(y, first_month, 1), tense)
        return Reading("DATE", f"{year:04d}-{letter}{n}", p.pos_mod, ref=(dt.date(year, first_month, 1), letter))
    if p.season:
        if len(span) == 1 and not _plausible_season(span[0]):
            return None
        year = year if year is not None else (dct.year if dct else None)
        return Reading("DATE", f"{year:04d}-{p.season}" if year else f"XXXX-{p.season}", p.pos_mod)
    if p.month is not None:
        if year is None:
            if dct is None:
                return Reading("DATE", f"XXXX-{p.month:02d}" + (f"-{p.day:02d}" if p.day else ""), p.pos_mod)
            month, day = p.month, p.day
            weekday = p.weekday
            if day and weekday:  # "Saturday, April 25": the year in which that day is a Saturday
                fits = [y for y in (dct.year - 1, dct.year, dct.year + 1)
                        if (d := _safe_date(y, month, day)) and d.isoweekday() == weekday]
                year = fits[0] if len(fits) == 1 else _resolve_year(dct, lambda y: _safe_date(y, month, day), tense)
            else:
                year = _resolve_year(dct, lambda y: _safe_date(y, month, day or 1), tense)
        if p.day:
            try:
                day = dt.date(year, p.month, p.day)
            except ValueError:
                return None
            return Reading("DATE", day.isoformat(), p.pos_mod, ref=(day, "D"))
        return Reading("DATE", f"{year:04d}-{p.month:02d}", p.pos_mod, ref=(dt.date(year, p.month, 1), "M"))
    if p.weekday is not None:
        if len(span) == 1 and span.start > 0 and span.doc[span.start - 1].text[:1].isupper() \
                and span.doc[span.start - 1].lower_ in lexicon()["values"]["day_name"]:
            return None  # "Black Monday", "Super Tuesday", "Bloody Sunday": the name of a day, not the weekday
        if len(span) == 1 and span.end < len(span.doc) and span.doc[span.end].is_title \
                and span.doc[span.end].lower_ in lexicon()["values"]["day_title"]:
            return None  # "The Sunday Times", "Monday Night Football": a title, not the weekday
        if dct is None:
            return Reading("DATE", f"XXXX-WXX-{p.weekday}", p.pos_mod)
        day = _resolve_weekday(dct, p.weekday, tense)
        return Reading("DATE", day.isoformat(), p.pos_mod, ref=(day, "D"))
    if year is not None:
        return Reading("DATE", f"{year:04d}", p.pos_mod, ref=(dt.date(year, 1, 1), "Y"))
    return None


def _spelled_year(words: list[str]) -> int | None:
    """ "nineteen ninety - six" = 19|96 -> 1996: a spelled century, then a spelled two-digit number."""
    nums = lexicon()["values"]["number"]
    spelled = [w for w in words if w in nums]
    if len(spelled) < 2 or not 10 <= nums[spelled[0]] <= 20:
        return None
    return nums[spelled[0]] * 100 + sum(nums[w] for w in spelled[1:])


def _plausible_year(span: Span) -> bool:
    """Restraint for a bare four-digit number: not money, a count of things or part of an identifier."""
    tok = span[-1]
    doc = tok.doc
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "PERSON", "LAW"):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and _labels(prev):
        return False  # "Room 1992", "Flight 1776": a number that names a thing
    if year_range(doc, tok.i):
        return True  # "(1861-1865)", "the 1990-91 season"
    if prev is not None and (prev.text in ("$", "€", "£", "#", "No.", "no.", "No", "number") or prev.like_num
                             or prev.text in ("-", "/", ":", ".") and prev.idx + 1 == tok.idx):
        return False
    if nxt is not None and (nxt.text in ("%", "percent", "-", "/", ":") and nxt.idx == tok.idx + len(tok) or nxt.lower_ in ("percent", "%")):
        return False
    if nxt is not None and nxt.lower_ in lexicon()["words"]["COUNTNOUN"]:
        return False  # "to 2030 points", "its 1500 employees": a count of things, whatever comes before
    coordinated = prev is not None and prev.tag_ == "CC" and tok.i > 1 and _YEAR_TEXT.match(doc[tok.i - 2].text)
    if nxt is not None and nxt.tag_ == "NNS" and not coordinated and (
            prev is None or prev.tag_ not in ("DT", "PRP$", "POS", "IN")):
        return False  # "2000 troops"
    if nxt is not None and nxt.like_num:
        return False
    return True


def _plausible_decade(span: Span, p: Parts) -> bool:
    """A decade written without its century ("the 70s", "the sixties") is as often an age, a price or
    a temperature ("in her 70s", "traded in the 30s", "highs in the 80s"): it is a decade only beside
    another decade ("the 70s and 80s"), with "early/late", after a preposition of time ("since the
    70s"), or spelled out after "the" ("the sixties"; an age takes a possessive), and never where the
    sentence talks of temperatures. Four digits, an apostrophe or "nineteen" make any of them a decade."""
    if any("'" in t.text or _FOUR_DIGIT_DECADE.search(t.text) or t.lower_ == "nineteen" for t in span):
        return True
    doc = span.doc
    if any(t.lower_ in _TEMPERATURE for t in span.sent):
        return False
    after = doc[span.end:span.end + 3]
    before = doc[max(span.sent.start, span.start - 4):span.start]
    if len(after) >= 2 and after[0].lower_ in _DECADE_JOINERS and any(_is_decade_token(t) for t in after[1:]):
        return True  # "the 70s and 80s"
    if before and before[-1].lower_ in _DECADE_JOINERS and any(_is_decade_token(t) for t in before[:-1]):
        return True  # the "80s" of "the 70s and 80s"
    if span[0].lower_ != "the":
        return False
    if p.pos_mod in ("START", "END"):
        return True  # "the early 90s", "the late sixties"
    prev = doc[span.start - 1].lower_ if span.start > span.sent.start else ""
    return prev in _DECADE_PREPOSITIONS or span[-1].lower_ in DECADE_WORDS


def _plausible_season(tok) -> bool:
    """A season word is a season when a preposition of time puts it in time ("in summer", "by fall")
    or an article does, save the "fall" and "spring" that are movements: "the fall of the wall",
    "the fall in prices" (a year after "of" is the season's: "the fall of 1989" is matched whole)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.lower_ in ("fall", "spring") and nxt is not None and nxt.lower_ in ("of", "in", "from", "to") and not (
            tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in ("last", "this", "next", "that")):
        return False
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return prev == "the" or (tok.tag_ in ("NN", "NNP") and prev in _SEASON_PREPOSITIONS)


def _is_decade_token(tok) -> bool:
    return bool(_DECADE_TEXT.match(tok.text) or _SHORT_DECADE_TEXT.match(tok.text)) or tok.lower_ in DECADE_WORDS


def year_range(doc, i: int) -> bool:
    """Token ``i`` is one end of a span of years written with a hyphen: "1861-1865", "1990-91" (a later
    year after the hyphen, nothing hyphenated around the pair, so "1990-1992-3456" is an identifier)."""
    for first in (i, i - 2):
        last = first + 2
        if first < 0 or last >= len(doc) or doc[first + 1].text != "-" or not _YEAR_TEXT.match(doc[first].text):
            continue
        if (first > 0 and doc[first - 1].text in ("-", "/")) or (last + 1 < len(doc) and doc[last + 1].text in ("-", "/")):
            return False
        a, b = doc[first].text, doc[last].text
        if doc[first].idx + len(a) + 1 + len(b) != doc[last].idx + len(b):
            continue  # spaced: "1990 - 1992" reads as a subtraction or a score as often as a range
        if _YEAR_TEXT.match(b) and 0 < int(b) - int(a) <= 100 or (len(b) == 2 and b.isdigit() and int(b) > int(a[2:])):
            return first == i or len(b) == 4
    return False


def _labels(tok) -> bool:
    """A word that a number after it identifies: a room, flight or page word, or a capitalised noun
    inside the sentence that is no calendar word ("Room 1992", "Boeing 2707"; not "In 1990", "Fiscal 1990")."""
    if tok.lower_ in lexicon()["words"]["IDNOUN"]:
        return True
    if not tok.is_title or tok.is_sent_start or tok.tag_ not in ("NN", "NNP"):
        return False
    return tok.lower_.rstrip(".") not in _CALENDAR_WORDS


def _plausible_month(tok) -> bool:
    """A lone month name must be a proper noun, not "may" the modal or April the person."""
    return tok.tag_ in ("NNP", "NNPS") and tok.ent_type_ not in ("PERSON", "ORG")


def relative(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """Dates relative to the DCT or the discourse: "last year", "this week", "the quarter"."""
    dct = ctx.dct
    words = p.words
    if p.year is not None:  # "the 1988 quarter": the quarter being reported on, in that year
        if ctx.quarter is None:
            return Reading("DATE", f"{p.year:04d}", ref=(dt.date(p.year, 1, 1), "Y"))
        # A comparison with another year: the quarter being reported on stays the reference.
        return Reading("DATE", fmt(dt.date(p.year, ctx.quarter.month, 1), "Q"))
    if "period" in words and p.unit is None:
        p.unit = "Q" if ctx.quarter else None
        if p.unit is None:
            return None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if words == ["the", "year"] and after is not None and after.lower_ in ("ended", "ending"):
        return Reading("DURATION", "P1Y")  # "for the year ended March 31": a fiscal year's length
    if "fiscal" in words and p.unit == "Y" and p.rel is None:  # "the fiscal year"
        return Reading("DURATION", "P1Y")
    if ("quarter" in words or "period" in words) and "-" not in words and (
            words[-1] in ("ago", "earlier", "before") or (p.rel == -1 and "year" in words)):
        # "the same period last year", "last year's quarter", "the quarter a year ago"
        if ctx.quarter is not None:
            return Reading("DATE", fmt(shift(ctx.quarter, "Y", -1), "Q"))
        return Reading("DATE", f"{dct.year - 1:04d}") if dct else Reading("DATE", "XXXX")
    if "-" in words and ("earlier" in words or "ago" in words):  # "the year-earlier quarter"
        # The period compared is the noun it modifies: "the year-ago period", "[year-ago] results".
        head = after.lower_ if words[-1] in ("earlier", "ago") and after is not None else words[-1]
        gran = "Q" if head == "quarter" or (head != "year" and ctx.quarter) else "Y"
        if gran == "Q" and p.ordinal and p.ordinal > 0 and dct:
            return Reading("DATE", f"{dct.year - 1:04d}-Q{p.ordinal}")
        base = ctx.quarter if gran == "Q" and ctx.quarter else dct
        if base is None:
            return Reading("DATE", "XXXX")
        return Reading("DATE", fmt(shift(base, "Y", -1), gran))
    if words[0] == "the" and p.unit == "D" and p.ordinal is not None and p.rel is None:
        return _nth_day_today(span, dct)
    if dct is None:
        return Reading("DATE", _underspecified(p))
    if p.shift is not None and words[0] == "the" and p.unit in _GRANULARITY:
        return _next_to_last(span, p, ctx, dct)
    rel = p.rel if p.rel is not None else 0
    if "past" in words and "this" in words:
        rel = -1
    if p.weekday is not None:
        tense = clause_tense(span)
        if words[0] == "the" and rel != 0 and ctx.last and ctx.last[1] == "D":
            # "the previous Friday", "the following Monday": next to the day just named
            day = _resolve_weekday(ctx.last[0] + dt.timedelta(days=rel), p.weekday, PAST if rel < 0 else FUTURE)
            return Reading("DATE", day.isoformat(), ref=(day, "D"))
        if rel == 0:
            day = _resolve_weekday(dct, p.weekday, tense)
        else:  # "last Friday", "next Friday": the nearest one strictly before / after the DCT
            step = dt.timedelta(days=rel)
            day = _resolve_weekday(dct + step, p.weekday, PAST if rel < 0 else FUTURE)
        return Reading("DATE", day.isoformat(), ref=(day, "D"))
    if p.month is not None and p.unit == "Y":  # "June last year"
        year = dct.year + rel
        return Reading("DATE", f"{year:04d}-{p.month:02d}", ref=(dt.date(year, p.month, 1), "M"))
    if p.month is not None:
        if rel < 0:
            # The month just gone would be "last month": "last October" in November is a year back.
            year = dct.year if p.month < dct.month - 1 else dct.year - 1
        elif rel > 0:
            year = dct.year if p.month > dct.month else dct.year + 1
        else:
            year = dct.year
        return Reading("DATE", f"{year:04d}-{p.month:02d}", ref=(dt.date(year, p.month, 1), "M"))
    if p.season:
        if p.words[0] == "the" and len(span) == 2 and not _plausible_season(span[1]):
            return None
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[p.season]
        year = dct.year
        if rel < 0 and start + 3 > dct.month:  # that season has not ended yet this year
            year -= 1
        elif rel > 0 and start <= dct.month:
            year += 1
        return Reading("DATE", f"{year:04d}-{p.season}")
    if p.unit is None:
        return None
    unit = p.unit
    if unit == "HALF":
        unit = "H"  # the calendar half-year granularity
    if rel < 0 and unit in ("DE", "CE") and p.number is None and (
            span.start > 0 and span.doc[span.start - 1].lower_ in ("over", "throughout", "for")
            or words[:2] == ["the", "past"]):
        # "over the last decade", "the past century": the ten (hundred) years to now, as "the past
        # three years" is; "the last century" and "the previous decade" are the calendar ones before
        # this, and "the next century" is the calendar one after it (the 21st, said in 1998)
        return Reading("DURATION", f"P1{unit}")
    if "that" in words:  # "that quarter", "that year": the one just talked about
        anchor = ctx.quarter if unit == "Q" else _last_at(ctx, unit)
        return Reading("DATE", fmt(anchor, unit)) if anchor and unit in ("D", "W", "M", "Q", "Y") else None
    if unit == "Q" and rel == 0 and "the" in words and "this" not in words and "current" not in words:
        if ctx.quarter:  # "the quarter": the one being reported on
            return Reading("DATE", fmt(ctx.quarter, "Q"), ref=(ctx.quarter, "Q"))
        rel = -1
    if unit == "Q" and rel == 0 and "this" in words and ctx.quarter and shift(ctx.quarter, "Q", 1) <= dct \
            and clause_tense(span) != FUTURE:
        # "This quarter's loss includes ...": in a report on a quarter gone, the quarter reported on
        return Reading("DATE", fmt(ctx.quarter, "Q"), ref=(ctx.quarter, "Q"))
    if unit == "Q" and words[-1] == "quarter" and p.ordinal and p.ordinal > 0:  # "this year's third quarter"
        year = dct.year + rel
        return Reading("DATE", f"{year:04d}-Q{p.ordinal}", ref=(dt.date(year, 3 * p.ordinal - 2, 1), "Q"))
    if unit == "WE" and rel == 0:
        tense = clause_tense(span)
        saturday = _resolve_weekday(dct, 6, FUTURE if tense == FUTURE else PAST)
        return Reading("DATE", fmt(saturday, "WE"))
    if unit in _TIME_UNITS_H or unit == "2W":
        return None
    anchor = dct
    if p.rel is not None and ("following" in words or "previous" in words or "preceding" in words or "same" in words):
        # "the following day": after the day just mentioned; a year named before says nothing of
        # which month "the previous month" is, so a coarser reference leaves the DCT as anchor
        anchor = _last_at(ctx, unit) or dct
    day = shift(anchor, unit, rel)
    mod = "END" if "end" in words else {"earlier": "START", "later": "END"}.get(words[0]) if "in" in words else p.pos_mod
    return Reading("DATE", fmt(day, unit), mod, ref=(day, unit))


def _nth_day_today(span: Span, dct: dt.date | None) -> Reading | None:
    """ "It's the second day of an offensive", "today is the eighth day of Desert Shield": the day
    counted is the DCT when the present copula equates it with now; otherwise the count names no date."""
    doc = span.doc
    be = doc[span.start - 1] if span.start > 0 else None
    subject = doc[span.start - 2] if span.start > 1 else None
    if dct is None or be is None or be.lower_ not in ("is", "'s") or subject is None \
            or subject.lower_ not in ("it", "today", "this"):
        return None
    return Reading("DATE", dct.isoformat(), ref=(dct, "D"))


# Granularities from fine to coarse: a reference can anchor a unit no finer than its own.
_GRANULARITY = ("D", "W", "M", "Q", "Y")


def _last_at(ctx: Context, unit: str) -> dt.date | None:
    """A day in the last reference the article made, if it was at least as fine as ``unit``."""
    if ctx.last is None or ctx.last[1] not in _GRANULARITY or unit not in _GRANULARITY:
        return None
    return ctx.last[0] if _GRANULARITY.index(ctx.last[1]) <= _GRANULARITY.index(unit) else None


def _next_to_last(span: Span, p: Parts, ctx: Context, dct: dt.date | None) -> Reading | None:
    """ "the day before", "the year after": one unit from the reference just made (else the DCT)."""
    last = span[-1]
    if any(c.dep_ == "pobj" for c in last.children):
        return None  # "the day before the vote": anchored at an event, not at a date
    anchor = _last_at(ctx, p.unit) or dct
    if anchor is None:
        return None
    day = shift(anchor, p.unit, p.shift)
    return Reading("DATE", fmt(day, p.unit), ref=(day, p.unit))


def _underspecified(p: Parts) -> str:
    """A value that says what the words say and leaves the rest to the (missing) DCT."""
    unit = p.unit or ("D" if p.weekday else "M" if p.month else "Y")
    if p.weekday:
        return f"XXXX-WXX-{p.weekday}"
    if p.month:
        return f"XXXX-{p.month:02d}"
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")


def deictic(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """Today, yesterday, tonight, "Tuesday night", "5 p.m. EST": days and times near the DCT."""
    dct = ctx.dct
    if len(span) == 1 and _in_name(span[0]):
        return None  # "USA Today", "VOA Today", "Good Morning America": a title, not a day
    if p.hour is not None and ":" in span[0].text and span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an"):
        return None  # "a 2:05 marathon": a time taken, not a time of day
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": -1}.get(p.deictic or "", None)
    if offset is not None and p.words[:2] == ["the", "day"]:
        offset *= 2  # "the day after tomorrow", "the day before yesterday"
    day: dt.date | None
    if offset is not None:
        day = dct + dt.timedelta(days=offset) if dct else None
    elif p.weekday is not None:
        day = _resolve_weekday(dct, p.weekday, clause_tense(span)) if dct else None
    elif p.month and p.day:
        if dct:
            month, dom = p.month, p.day
            year = p.year or _resolve_year(dct, lambda y: _safe_date(y, month, dom), clause_tense(span))
            day = _safe_date(year, month, dom)
        else:
            day = None
    elif "last" in p.words and p.partday:
        day = dct - dt.timedelta(days=1) if dct else None
    elif any(w in p.words for w in ("that", "the")) and p.partday:
        day = ctx.last[0] if ctx.last and ctx.last[1] == "D" else dct
    elif p.hour is not None and dct is not None:
        day = _day_named_before(span, ctx) or _day_named_after(span, dct) or dct
    else:
        day = dct
    date = day.isoformat() if day else ("XXXX-XX-XX" if p.weekday is None else f"XXXX-WXX-{p.weekday}")
    if p.hour is not None:
        clock = "24" if p.hour == 24 else f"{p.hour:02d}:{p.minute or 0:02d}"  # midnight ends its day: T24
        return Reading("TIME", f"{date}T{clock}", p.pos_mod)
    if p.partday and p.deictic != "overnight":
        return Reading("TIME", f"{date}T{p.partday}", p.pos_mod)
    if p.deictic in ("tonight", "overnight"):
        return Reading("TIME", f"{date}TNI", p.pos_mod)
    return Reading("DATE", date, p.pos_mod, ref=(day, "D") if day else None)


def _in_name(tok) -> bool:
    """A capitalised word inside a sentence right after a proper noun belongs to that name."""
    if tok.is_sent_start or not tok.text[:1].isupper() or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ == "PROPN" and (prev.is_title or prev.is_upper)


# Words that may stand between a day and the clock time on it: "Tuesday at 5 p.m.", "Nov. 7, at 9:30".
_DAY_CLOCK_GAP = frozenset({"at", ",", "around", "about", "from", "by", "until", "before", "after"})


def _day_named_before(span: Span, ctx: Context) -> dt.date | None:
    """ "Yesterday at 5 p.m.", "on Nov. 7, 2023 at 9:30 a.m.": the day just named, right before the clock time."""
    if ctx.last is None or ctx.last[1] != "D" or ctx.last_end is None or ctx.last_end > span.start:
        return None
    gap = span.doc[ctx.last_end:span.start]
    return ctx.last[0] if len(gap) <= 2 and all(t.lower_ in _DAY_CLOCK_GAP for t in gap) else None


def _day_named_after(span: Span, dct: dt.date) -> dt.date | None:
    """ "21:00 local time on Thursday", "5 p.m. on Nov. 7": the day a clock time's sentence names right after it."""
    doc = span.doc
    sent_end = span.sent.end if doc.has_annotation("SENT_START") else len(doc)
    values = lexicon()["values"]
    for tok in doc[span.end:min(span.end + 5, sent_end)]:
        w = tok.lower_.rstrip(".")
        if w in values["weekday"]:
            return _resolve_weekday(dct, values["weekday"][w], clause_tense(span))
        if w in ("today", "yesterday", "tomorrow", "tonight"):
            return dct + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
        nxt = doc[tok.i + 1] if tok.i + 1 < sent_end else None
        if w in values["month"] and tok.text[:1].isupper() and nxt is not None and nxt.text.isdigit():
            month, dom = values["month"][w], int(nxt.text)
            year = _resolve_year(dct, lambda y: _safe_date(y, month, dom), clause_tense(span))
            return _safe_date(year, month, dom)
    return None


def offset(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """ "a month ago", "two years earlier", "three days from now", "in two weeks' time"."""
    unit = p.unit or "D"
    n = p.number if p.number is not None else 1
    if p.words[-1] == "time" and (span.start == 0 or span.doc[span.start - 1].lower_ != "in"):
        return duration(span, p, ctx)  # "two weeks' time off": a length, not the day it ends
    direction = p.shift or (1 if p.words[-1] == "time" else -1)
    if n == "X":
        return Reading("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if unit == "2W":
        unit, n = "W", 2 * n
    anchor, gran = ctx.dct, unit
    if unit == "Y" and ctx.quarter:  # financial news: "a year ago" = that quarter last year
        anchor, gran = ctx.quarter, "Q"
    elif p.words[-1] in ("earlier", "later") and ctx.last:
        anchor = ctx.last[0]
    if anchor is None:
        return Reading("DATE", _underspecified(Parts(unit=unit)))
    if unit in _TIME_UNITS_H:
        return Reading("DATE", anchor.isoformat())
    if unit == "WE":
        unit, gran = "W", "WE"
    if n != int(n) or unit not in ("D", "W", "M", "Q", "Y", "DE", "CE"):
        return None
    day = shift(anchor, unit, direction * int(n))
    return Reading("DATE", fmt(day, gran), "APPROX" if "so" in p.words else None)


def duration(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """ "34 days", "the past eight years", "two-year", "years": TimeML period values."""
    if p.unit is None:
        return None
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ == "old":
        return None  # "37 years old" is an age
    if p.words[0] in ("a", "an", "per") and len(p.words) == 2 and before is not None and (
            before.like_num or before.lower_ in TIMES_WORDS or before.lower_ == "times" or before.pos_ == "NOUN") and (
            after is None or after.lower_ not in ("after", "before")):
        # "$1.76 a year", "twice a year", "four flights a week": a rate; "bankruptcy a year after the
        # appointment" is the length between two events
        return set_(span, p, ctx)
    n = p.number if p.number is not None else (None if p.plural else 1)
    unit = p.unit
    if unit == "WE" or (unit == "Q" and p.plural and "-" in p.words):
        return None  # "three-quarters of its food" is a fraction
    if unit == "Q" and p.plural and p.number is None and p.rel is None:
        return None  # "living quarters", "in some quarters": places, unless counted or placed in time
    if unit == "2W":
        unit, n = "W", 2 * (n or 1) if n != "X" else "X"
    if unit == "HALF":
        return None
    if n is None and p.rel is not None and p.plural:  # "in recent days", "coming quarters"
        return Reading("DATE", "PAST_REF" if p.rel < 0 else "FUTURE_REF" if p.rel > 0 else "PRESENT_REF")
    if n is not None and n != "X":
        if unit == "DE" and 10 * n == int(10 * n):
            unit, n = "Y", int(10 * n)
        elif unit == "Y" and n >= 1000 and n % 1000 == 0:
            unit, n = "L", n // 1000  # "two thousand years": millennia, as TimeBank writes them (P2L)
    value = period("X" if n is None else n, unit)
    return Reading("DURATION", value, anchor_begin=_anchor_begin(span, p, ctx, n, unit))


# A fraction of a unit is spelled in the next smaller one ("2 1/2 years" = P2Y6M, as TimeBank writes it).
_SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


def period(n, unit: str) -> str:
    """The TimeML period of ``n`` (a number or "X") ``unit``s: "P3Y", "PT1H30M", "P2Y6M", "PXD"."""
    pieces = [(n, unit)]
    if n != "X" and n != int(n) and unit in _SMALLER and (rest := (n - int(n)) * _SMALLER[unit][0]) == int(rest):
        pieces = [(int(n), unit)] * (int(n) > 0) + [(int(rest), _SMALLER[unit][1])]
    spelled = [(f"{int(k) if k != 'X' and k == int(k) else k}{'M' if u == 'MIN' else u}", u in _TIME_UNITS_H)
               for k, u in pieces]
    clock = "".join(text for text, timed in spelled if timed)
    return "P" + "".join(text for text, timed in spelled if not timed) + (f"T{clock}" if clock else "")


def _anchor_begin(span: Span, p: Parts, ctx: Context, n, unit: str) -> str | None:
    """Where a duration anchored at the DCT began: "the past eight years", "34 days of the invasion",
    "five weeks into a war"; None for a free-floating length."""
    if ctx.dct is None or n in (None, "X") or n != int(n) or unit in _TIME_UNITS_H:
        return None
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    if p.rel is not None and p.rel > 0:
        return ctx.dct.isoformat()
    definite = p.words[0] == "the" or (span.start > 0 and doc[span.start - 1].lower_ == "the")
    if (p.rel is not None and p.rel < 0) or nxt == "into" or (definite and nxt == "of"):
        return shift(ctx.dct, unit, -int(n)).isoformat()
    return None


def set_(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """ "every Tuesday", "annually", "each month": recurring times."""
    sets = lexicon()["values"]["set"]
    if len(p.words) == 1 and p.words[0] in sets:
        if _in_name(span[0]):
            return None  # "the China Daily newspaper"
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if span[0].tag_ == "JJ" and after is not None and after.pos_ == "NOUN" and after.lower_ != "basis":
            return None  # "quarterly dividend": a kind of thing, not a recurrence
        return Reading("SET", sets[p.words[0]])
    if p.weekday is not None:
        return Reading("SET", f"XXXX-WXX-{p.weekday}" + (f"T{p.partday}" if p.partday else ""))
    if p.month is not None:
        return Reading("SET", f"XXXX-{p.month:02d}")
    if p.season:
        return Reading("SET", f"XXXX-{p.season}")
    if p.partday:
        return Reading("SET", f"XXXX-XX-XXT{p.partday}")
    if p.unit and p.unit not in ("WE", "HALF"):
        n = 2 if "other" in p.words else p.number or 1  # "every two weeks", "every few years" (X)
        unit = p.unit
        if unit == "2W":
            unit, n = "W", 2 * n
        return Reading("SET", period(n, unit))
    return None


def ref(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """ "now", "recently", "the future": TimeML's PRESENT_REF, PAST_REF and FUTURE_REF."""
    refs = lexicon()["values"]["ref"]
    doc = span.doc
    if p.words[-1] in ("term", "run"):  # "in the near term", "over the long run": what lies ahead
        return Reading("DATE", "FUTURE_REF")
    after = doc[span.end] if span.end < len(doc) else None
    if p.words[0] == "the" and after is not None and after.like_num:
        return None  # "the past three summers": "past" qualifies the count after it
    if after is not None and after.text == "-" and not span[-1].whitespace_:
        return None  # "the soon-to-open terminal", "the now-defunct firm": part of a compound word
    for w in reversed(p.words):
        if w in refs:
            if w == "current" and span[0].tag_ != "JJ":
                return None  # "the current" of a river
            if w == "soon" and 0 < span.start and span.end < len(doc) and doc[span.start - 1].lower_ == "as" \
                    and doc[span.end].lower_ == "as":
                return None  # "as soon as" is a conjunction
            return Reading("DATE", refs[w])
    if p.words[-1] == "time" or p.words[0] == "these":  # "(at) this time", "these days"
        return Reading("DATE", "PRESENT_REF")
    if p.unit:
        return Reading("DATE", "PAST_REF")
    return None


def holiday(span: Span, p: Parts, ctx: Context) -> Reading | None:
    """ "Christmas Eve", "Thanksgiving", "Easter Monday": the day of the holiday in the year named,
    else in the year its clause points to, like a month and day without a year."""
    if not span[0].text[:1].isupper():
        return None  # "a labor day", "memorial day care": holidays are written with capitals
    key = " ".join(w for w in p.words if w != "," and not _YEAR_TEXT.match(w)).replace(" 's", "'s")
    rule = lexicon()["values"]["holiday"].get(key)
    if rule is None:
        return None

    def day_in(year: int) -> dt.date | None:
        if isinstance(rule, int):
            return _easter(year) + dt.timedelta(days=rule)
        if len(rule) == 2:
            return _safe_date(year, rule[0], rule[1])
        month, weekday, nth, *after = rule
        first = dt.date(year, month, 1)
        if nth > 0:  # "Black Friday": the day after the fourth Thursday of November
            return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1) + sum(after))
        last = shift(first, "M", 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)

    year = p.year
    if year is None:
        if ctx.dct is None:
            return Reading("DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}" if isinstance(rule, list) and len(rule) == 2
                           else "XXXX")
        year = _resolve_year(ctx.dct, day_in, clause_tense(span))
    day = day_in(year)
    return Reading("DATE", day.isoformat(), ref=(day, "D"))


def _easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian computus, Anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


KINDS: dict[str, Callable[[Span, Parts, Context], Reading | None]] = {
    "calendar": calendar, "relative": relative, "deictic": deictic, "offset": offset,
    "duration": duration, "set": set_, "ref": ref, "holiday": holiday,
}


def interpret(kind: str, span: Span, ctx: Context) -> Reading | None:
    """The Reading of ``span`` recognised by a rule of ``kind``, or None if it is not a timex."""
    return KINDS[kind](span, parse(span), ctx)
