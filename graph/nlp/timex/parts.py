"""Read the meaning-bearing pieces (month, weekday, number, unit, direction ...) off the tokens
of a matched time expression, using the word meanings of ``lexicon.json``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from .patterns import lexicon

_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_INT = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_DAY = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$")
_DECADE = re.compile(r"^(?:(mid|early|late)-)?(?:((1[0-9]|20)[0-9])|'([0-9]))0'?s$")
_MIDYEAR = re.compile(r"^(mid|early|late|end)-(1[0-9]{3}|20[0-9]{2})$")
_SHORT_DECADE = re.compile(r"^([0-9])0s$")
_CENTURY = re.compile(r"^([0-9]{1,2})(st|nd|rd|th)$")
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?(am|pm|a\.m\.|p\.m\.)?$")
_SLASH = re.compile(r"^(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])/([0-9]{2}|[0-9]{4})$")
_HHMM = re.compile(lexicon()["regex"]["HHMM"])
_QTAG = re.compile(r"^([qh])([1-4])$")
_NQ = re.compile(r"^([1-4])q([0-9]{2})?$")  # "3Q", "4Q89": quarter first, then a two-digit year
_FY = re.compile(r"^fy([0-9]{2}|[0-9]{4})$")
#: Decades spelled out ("the sixties"), shared with the interpreter's checks of where one is a decade.
DECADE_WORDS = frozenset(lexicon()["words"]["DECADEWORD"])
_FRACTION = re.compile(r"^([1-9])/([1-9])$")
# "two and a half", "one and a quarter": the fraction after "and (a|one)".
_AND_FRACTIONS = {"half": 0.5, "quarter": 0.25}


@dataclass
class Parts:
    """What the words of one expression say, each piece None when the text does not say it."""

    words: list[str] = field(default_factory=list)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    partday: str | None = None
    decade: int | None = None  # first three digits: 199 for the 1990s
    century: int | None = None  # first two digits: 19 for the 20th century
    hour: int | None = None
    minute: int | None = None
    ordinal: int | None = None  # -1 for "last"
    number: float | str | None = None  # "X" for vague amounts (several, a few)
    unit: str | None = None  # TimeML unit letter(s)
    plural: bool = False
    rel: int | None = None  # last/this/next -> -1/0/+1
    shift: int | None = None  # ago/earlier -> -1, later/from now -> +1
    deictic: str | None = None
    pos_mod: str | None = None  # early/mid/late inside the expression


def _number_word(words: list[str], i: int, values: dict) -> tuple[float | str, int]:
    """The number spelled from ``words[i]`` on ("twenty - five", "two hundred", "a few") and where it ends."""
    total: float = 0
    vague = False
    j = i
    if words[i] in ("a", "an") and i + 1 < len(words) and (
            words[i + 1] in values["number"] or words[i + 1] in values["vague_number"] or _INT.match(words[i + 1])):
        j += 1  # "a five year", "a couple": the article is no number of its own
    while j < len(words):
        w = words[j]
        if w in values["number"]:
            n = values["number"][w]
            total = total * n if n in (100, 1000) and total else total + n  # "two thousand"
        elif w in values["vague_number"]:
            vague = True
        elif _INT.match(w):
            total += float(w)
        elif (m := _FRACTION.match(w)) and int(m.group(1)) < int(m.group(2)):
            total += int(m.group(1)) / int(m.group(2))  # "2 1/2 years"
        elif w == "and" and (frac := _and_fraction(words, j)):
            total += frac[0]
            j = frac[1]
            continue
        elif w in ("-", "of", "and") and j + 1 < len(words) and (
                words[j + 1] in values["number"] or words[j + 1] in values["vague_number"]):
            pass
        else:
            break
        j += 1
    return ("X" if vague else total), j


def _and_fraction(words: list[str], j: int) -> tuple[float, int] | None:
    """ "and a half" (hyphens allowed, "two-and-a-half") at ``words[j]``: its value and where it ends."""
    k = j + 1
    picked = []
    while k < len(words) and len(picked) < 2:
        if words[k] != "-":
            picked.append(words[k])
        k += 1
    if len(picked) == 2 and picked[0] in ("a", "one") and picked[1] in _AND_FRACTIONS:
        return _AND_FRACTIONS[picked[1]], k
    return None


def parse(span: Span) -> Parts:
    """The Parts of a matched span."""
    v = lexicon()["values"]
    words = [t.lower_ for t in span]
    p = Parts(words=words)
    i = 0
    while i < len(words):
        w = words[i]
        bare = w.rstrip(".")
        tok = span[i]
        if bare in v["month"] and (tok.text[0].isupper() or bare != "may") and p.month is None:
            p.month = v["month"][bare]
        elif bare in v["weekday"] or bare.rstrip("s") in v["weekday"]:
            p.weekday = v["weekday"].get(bare) or v["weekday"][bare.rstrip("s")]
        elif m := _SLASH.match(w):
            year = int(m.group(3))
            p.month, p.day = int(m.group(1)), int(m.group(2))
            p.year = year if year > 99 else _two_digit_year(year)
        elif _HHMM.match(w) and words[i + 1:i + 2] and words[i + 1] in lexicon()["words"]["ZONE"]:
            p.hour, p.minute = int(w[:2]), int(w[2:])  # "1830 GMT": wire-service clock time
        elif _YEAR.match(w) and w.endswith("0") and words[i + 1:i + 2] == ["'s"] and (
                i > 0 and (words[i - 1] in ("the", "-") or words[i - 1] in v["mod"])):
            p.decade, i = int(w[:3]), i + 2  # "the 1980's", "the late 1980's": the tokenizer splits off "'s"
            continue
        elif _YEAR.match(w) and p.year is None:
            p.year = int(w)
            if words[i + 1:i + 2] == ["-"] and i + 4 < len(words) and words[i + 3] == "-":  # 2022-03-29
                p.month, p.day = int(words[i + 2]), int(words[i + 4])
                i += 4
        elif (m := _MIDYEAR.match(w)):
            p.pos_mod = v["mod"][m.group(1)]
            if m.group(2).endswith("0") and words[i + 1:i + 2] == ["'s"]:
                p.decade, i = int(m.group(2)[:3]), i + 2  # "the mid-1980's"
                continue
            p.year = int(m.group(2))
        elif (m := _DECADE.match(w)):
            p.decade = int(m.group(2)) if m.group(2) else 190 + int(m.group(4))  # "mid-'60s": the 1900s'
            if m.group(1):  # "mid-1990s"; "the late 1980s" keeps the mod its own word gave
                p.pos_mod = v["mod"][m.group(1)]
        elif (m := _SHORT_DECADE.match(w)):
            p.decade = 190 + int(m.group(1))  # "the '70s", "the 70s": the rules say where a bare one is a decade
        elif w in DECADE_WORDS:
            p.decade = 190 + v["number"][w[:-3] + "y"] // 10  # "the (nineteen) sixties": sixty's decade
        elif (m := _CENTURY.match(w)) and any(x.startswith("centur") for x in words[i + 1:i + 3]):
            p.century = int(m.group(1)) - 1
        elif v["ordinal"].get(w, 0) > 0 and any(x.startswith("centur") for x in words[i + 1:i + 3]):
            p.century = v["ordinal"][w] - 1
        elif (m := _NQ.match(w)):
            p.quarter = int(m.group(1))
            if m.group(2):
                p.year = _two_digit_year(int(m.group(2)))
        elif (m := _FY.match(w)):
            year = int(m.group(1))
            p.year = year if year > 99 else _two_digit_year(year)
        elif (m := _QTAG.match(w)):
            if m.group(1) == "q":
                p.quarter = int(m.group(2))
            else:
                p.half = int(m.group(2))
        elif _DAY.match(w) and p.day is None and (p.month or _month_follows(words, i, v)):
            p.day = int(re.sub(r"\D", "", w))
        elif (m := _CLOCK.match(w)) and _is_clock(words, i):
            p.hour, p.minute = int(m.group(1)), int(m.group(2) or 0)
            ampm = m.group(3) or (words[i + 1] if i + 1 < len(words) else "")
            if ampm.startswith("p") and p.hour < 12:
                p.hour += 12
            elif ampm.startswith("a") and p.hour == 12:
                p.hour = 0
        elif w in ("noon", "midday"):
            p.hour, p.minute = 12, 0
        elif w == "midnight":
            p.hour, p.minute = 24, 0
        elif w == "last" and p.ordinal is not None:
            p.rel = -1  # "the first quarter of last year": the ordinal is the quarter's, "last" the year's
        elif w in v["ordinal"] or w in ("last", "final"):
            p.ordinal = v["ordinal"].get(w, -1)
            if w == "last":  # "the last eight years" looks back like "the past eight years"
                p.rel = -1
        elif w == "half" and words[i + 1:i + 2] in (["a"], ["an"]) and i + 2 < len(words):
            p.number, i = 0.5, i + 2  # "half an hour"
            continue
        elif w == "and" and p.unit is not None and (frac := _and_fraction(words, i)):
            p.number = (p.number if isinstance(p.number, (int, float)) else 1) + frac[0]  # "a year and a half"
            i = frac[1]
            continue
        elif w in v["number"] or w in v["vague_number"] or _INT.match(w):
            p.number, i = _number_word(words, i, v)
            continue
        elif w in v["season"] or w.rstrip("s") in v["season"]:
            p.season = v["season"].get(w) or v["season"][w.rstrip("s")]
        elif w in v["partday"] or (w.endswith("s") and w[:-1] in v["partday"]):
            p.partday = v["partday"].get(w) or v["partday"][w[:-1]]
            if w in ("tonight", "overnight"):
                p.deictic = w
        elif w in v["unit"] or _singular(w) in v["unit"]:
            p.unit = v["unit"].get(w) or v["unit"][_singular(w)]
            p.plural = w not in v["unit"]
        elif w in ("today", "yesterday", "tomorrow"):
            p.deictic = w
        elif w in v["shift"] and i == len(words) - 1:
            p.shift = v["shift"][w]
        elif w == "now" and i > 0 and words[i - 1] == "from":
            p.shift = 1
        elif w in v["rel"] and p.rel is None:
            p.rel = v["rel"][w]
        elif w in ("early", "late", "mid", "middle", "end", "beginning", "start"):
            p.pos_mod = v["mod"][w]
        i += 1
    if p.hour is not None and 0 < p.hour < 12 and p.partday in ("AF", "EV", "NI") and not any(
            w.endswith(("am", "a.m.", "pm", "p.m.")) for w in words) and (p.partday != "NI" or p.hour >= 6):
        p.hour += 12  # "11 o'clock at night", "5 in the afternoon"; "2 at night" stays before dawn
    return p


def _two_digit_year(yy: int) -> int:
    """ "4/2/89", "FY23", "4Q89": a two-digit year in the century news of the time would mean."""
    return 1900 + yy if yy > 30 else 2000 + yy


def _singular(w: str) -> str:
    return "century" if w == "centuries" else w[:-1] if w.endswith("s") else w


def _is_clock(words: list[str], i: int) -> bool:
    """A bare number is a clock time only next to a.m./p.m., o'clock or a colon form."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    after = words[i + 1:i + 4]
    of_day = after[:2] == ["in", "the"] and after[2:] and after[2] in lexicon()["words"]["PARTDAY"] \
        or after[:2] == ["at", "night"]  # "6 in the morning", "11 at night"
    return ":" in w or w.endswith(("am", "pm", "a.m.", "p.m.")) or nxt in lexicon()["words"]["AMPM"] \
        or nxt == "o'clock" or bool(of_day)


def _month_follows(words: list[str], i: int, values: dict) -> bool:
    """"29 March", "the 29th of March": a day number read before its month."""
    nxt = words[i + 2] if words[i + 1:i + 2] == ["of"] else (words[i + 1] if i + 1 < len(words) else "")
    return nxt.rstrip(".") in values["month"]
