"""Error classes found on text the tagger was not built on (issue 16): one table per class, literal
sentences with their expected TimeML values, run through the pipeline `etkg timex` uses."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.pipeline import load_timex_pipeline, tag
from graph.nlp.syntax import FUTURE, PAST, clause_tense
from graph.nlp.timex.interpret import Context, interpret


@pytest.fixture(scope="module")
def nlp():
    return load_timex_pipeline()


def _only(timexes, text):
    hits = [t for t in timexes if text in t.text]
    assert hits, f"{text!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[0]


def _check(nlp, sentence, dct, expr, ttype, value):
    t = _only(tag(sentence, dct, nlp=nlp), expr)
    assert (t.type, t.value) == (ttype, value), t
    assert sentence[t.start:t.end] == t.text


# (sentence, DCT, expression, type, value) for each class.
FRACTIONS = [  # a fraction of a unit is spelled in the next smaller one, as TimeBank writes it
    ("Refugees lived in the camps for 2 1/2 years.", "1998-02-27", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The restoration took two and a half years.", "2023-11-08", "two and a half years", "DURATION", "P2Y6M"),
    ("Crossings doubled in a single month.", "2022-04-21", "a single month", "DURATION", "P1M"),
    ("He was sentenced to one and a half years.", "2022-04-21", "one and a half years", "DURATION", "P1Y6M"),
    ("The project took a year and a half.", "2023-11-08", "a year and a half", "DURATION", "P1Y6M"),
    ("It has been a decade and a half since the war.", "2023-11-08", "a decade and a half", "DURATION", "P15Y"),
    ("The talks lasted 1 1/2 hours.", "2023-11-08", "1 1/2 hours", "DURATION", "PT1H30M"),
    ("Police held him for half an hour.", "2023-11-08", "half an hour", "DURATION", "PT30M"),
    ("The race was won in 3 1/2 minutes.", "2023-11-08", "3 1/2 minutes", "DURATION", "PT3M30S"),
    ("The summit ran for 2 1/2 days.", "2023-11-08", "2 1/2 days", "DURATION", "P2DT12H"),
    ("The strike lasted one and a quarter years.", "2023-11-08", "one and a quarter years", "DURATION", "P1Y3M"),
    # no whole smaller unit: the fraction stays
    ("The strike lasted two and a half weeks.", "2023-11-08", "two and a half weeks", "DURATION", "P2.5W"),
    ("Rates held for 2.5 months.", "2023-11-08", "2.5 months", "DURATION", "P2.5M"),
]
HALVES = [
    ("Losses continue through the first two quarters of 1990.", "1989-10-26", "first two quarters of 1990",
     "DATE", "1990-H1"),
    ("Profit fell in the last two quarters of 2021.", "2022-03-30", "last two quarters of 2021", "DATE", "2021-H2"),
]
ANCHORED = [  # at the date the text just named, not at the DCT
    ("Deaths on Friday were 777, down from 799 the day before.", "2020-04-11", "the day before", "DATE",
     "2020-04-09"),
    ("The index fell in 2019 and rose the year after.", "2022-03-30", "the year after", "DATE", "2020"),
    ("Chicago imposed a curfew from 21:00 local time on Thursday.", "2020-04-10", "21:00", "TIME",
     "2020-04-09T21:00"),
]
DIRECTION = [  # which occurrence of a weekday or month the words point to
    ("Scott spoke ahead of Tuesday's Democratic debate.", "2020-02-24", "Tuesday", "DATE", "2020-02-25"),
    ("Velazquez changed her tune last October.", "2023-11-08", "last October", "DATE", "2022-10"),
    ("Two helicopters crashed last February.", "1998-03-01", "last February", "DATE", "1997-02"),
    ("Holders approved the plan last April.", "1989-10-27", "last April", "DATE", "1989-04"),
]
GRANULARITY = [
    ("Rents have doubled over the last decade.", "2023-11-08", "the last decade", "DURATION", "P1DE"),
    ("Wages lost ground in the last decade.", "1998-02-06", "the last decade", "DATE", "198"),
    ("LVMH bought an 18th-century painting.", "2023-11-08", "18th-century", "DATE", "17"),
    ("The rules should be in place by year's end.", "1989-10-26", "year's end", "DATE", "1989"),
    ("The firm plans to cut 6,000 jobs by year end.", "1989-10-26", "year end", "DATE", "1989"),
    ("A 8-month-old baby was rescued.", "1998-03-22", "8-month-old", "DURATION", "P8M"),
]
TYPES = [  # DATE, DURATION or SET
    ("Rally had net income of $2 million for the year ended July 2.", "1989-10-27", "the year", "DURATION", "P1Y"),
    ("It expects a loss for the year ending tomorrow.", "1989-10-30", "the year", "DURATION", "P1Y"),
    ("Flights leave Bombay on Tuesday nights from March 30.", "1998-02-13", "Tuesday nights", "SET",
     "XXXX-WXX-2TNI"),
    ("Market makers are hurt more painfully these days.", "1989-10-30", "these days", "DATE", "PRESENT_REF"),
]
FISCAL = [  # the quarter a financial report is about
    ("Profit rose in the third quarter. It earned $376,000 in the 1988 quarter.", "1989-10-30", "1988 quarter",
     "DATE", "1988-Q3"),
    ("It earned $20 million in the 1988 period.", "1989-10-26", "1988 period", "DATE", "1988"),
    ("Profit rose in the third quarter, against the 1988 quarter. Sales in the quarter rose.", "1989-10-30",
     "the quarter", "DATE", "1989-Q3"),
]
DEADLINES = [  # a deadline lies ahead when its verb does; otherwise its tense says nothing
    ("Qantas will almost double its flights by August.", "1998-02-13", "August", "DATE", "1998-08"),
]
PHRASES = [
    ("I would call for calm at this time.", "2022-04-28", "this time", "DATE", "PRESENT_REF"),
    ("The bank sells dollars on a fortnightly basis.", "2022-04-28", "fortnightly", "SET", "P2W"),
    ("LVMH helped with the 1998 and 2017 acquisitions of a portrait.", "2023-11-08", "2017", "DATE", "2017"),
]


@pytest.mark.parametrize("sentence,dct,expr,ttype,value",
                         FRACTIONS + HALVES + ANCHORED + DIRECTION + GRANULARITY + TYPES + FISCAL + DEADLINES
                         + PHRASES,
                         ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None)
def test_error_class(nlp, sentence, dct, expr, ttype, value):
    _check(nlp, sentence, dct, expr, ttype, value)


# Numbers that look like years or times, ages, scores and prices: no time expression at all.
NOT_TIMES = [
    "The meeting is in Room 1992 of the Capitol.",
    "Flight 1776 was delayed and Gate 2010 was closed.",
    "Turn to page 1999 of the report.",
    "He typed hello 4000 times.",
    "The fund raised 100M from investors.",
    "Arsenal beat Chelsea 2-1 and the score was 21-14 at one point.",
    "Shares rose to $1990 and the index to 2030 points.",
    "The company employs 2000 people.",
    "She is 37 years old.",
    "See https://example.com/news/2019/article-2015-1230.html for details.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_numbers_that_are_not_times(nlp, sentence):
    assert [(t.text, t.value) for t in tag(sentence, "2022-03-30", nlp=nlp)] == []


def test_at_the_time_is_not_now(nlp):
    """ "at the time" points back to an earlier moment: never PRESENT_REF."""
    found = tag("At the time he was captured, the group held power.", "1998-02-19", nlp=nlp)
    assert all(t.value != "PRESENT_REF" for t in found)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def test_ahead_of_points_forward_on_a_built_doc(vocab):
    # spoke ahead of Tuesday 's debate  (Tuesday is a possessive: no verb tense reaches it)
    doc = Doc(vocab, words=["Scott", "spoke", "ahead", "of", "Tuesday", "'s", "debate"],
              heads=[1, 1, 1, 2, 6, 4, 3], deps=["nsubj", "ROOT", "advmod", "prep", "poss", "case", "pobj"],
              pos=["PROPN", "VERB", "ADV", "ADP", "PROPN", "PART", "NOUN"],
              tags=["NNP", "VBD", "RB", "IN", "NNP", "POS", "NN"])
    assert clause_tense(doc[4:5]) == FUTURE
    # without the cue, the past verb decides: "Scott spoke on Tuesday"
    doc = Doc(vocab, words=["Scott", "spoke", "on", "Tuesday"], heads=[1, 1, 1, 2],
              deps=["nsubj", "ROOT", "prep", "pobj"], pos=["PROPN", "VERB", "ADP", "PROPN"],
              tags=["NNP", "VBD", "IN", "NNP"])
    assert clause_tense(doc[3:4]) == PAST


def test_the_day_before_an_event_is_not_a_date_on_a_built_doc(vocab):
    # "the day before the vote": anchored at the vote, which has no date here
    doc = Doc(vocab, words=["the", "day", "before", "the", "vote"], heads=[1, 1, 1, 4, 2],
              deps=["det", "ROOT", "prep", "det", "pobj"], pos=["DET", "NOUN", "ADP", "DET", "NOUN"],
              tags=["DT", "NN", "IN", "DT", "NN"])
    ctx = Context(dct=dt.date(2020, 4, 10), last=(dt.date(2020, 4, 8), "D"))
    assert interpret("relative", doc[0:3], ctx) is None
    # "the day before" on its own: the day before the date just named
    doc = Doc(vocab, words=["the", "day", "before"], heads=[1, 1, 1], deps=["det", "ROOT", "advmod"],
              pos=["DET", "NOUN", "ADV"], tags=["DT", "NN", "RB"])
    assert interpret("relative", doc[0:3], ctx).value == "2020-04-07"


def test_a_plan_made_before_a_past_moment_points_back_on_a_built_doc(vocab):
    # it (had) been scheduled to expire on Friday
    def built(words, tags, pos, deps, heads):
        lemmas = ["schedule" if w == "scheduled" else w for w in words]
        return Doc(vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)

    had = built(["it", "had", "been", "scheduled", "to", "expire", "on", "Friday"],
                ["PRP", "VBD", "VBN", "VBN", "TO", "VB", "IN", "NNP"],
                ["PRON", "AUX", "AUX", "VERB", "PART", "VERB", "ADP", "PROPN"],
                ["nsubjpass", "aux", "auxpass", "ROOT", "aux", "xcomp", "prep", "pobj"], [3, 3, 3, 3, 5, 3, 5, 6])
    assert clause_tense(had[7:8]) == PAST
    now = built(["it", "is", "scheduled", "to", "expire", "on", "Friday"],
                ["PRP", "VBZ", "VBN", "TO", "VB", "IN", "NNP"],
                ["PRON", "AUX", "VERB", "PART", "VERB", "ADP", "PROPN"],
                ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "prep", "pobj"], [2, 2, 2, 4, 2, 4, 5])
    assert clause_tense(now[6:7]) == FUTURE


def test_due_and_reported_would_point_ahead_on_a_built_doc(vocab):
    # the report is/was due in October
    def due(be, tag):
        return Doc(vocab, words=["the", "report", be, "due", "in", "October"], heads=[1, 2, 2, 2, 3, 4],
                   deps=["det", "nsubj", "ROOT", "acomp", "prep", "pobj"],
                   pos=["DET", "NOUN", "AUX", "ADJ", "ADP", "PROPN"], tags=["DT", "NN", tag, "JJ", "IN", "NNP"])
    assert clause_tense(due("is", "VBZ")[5:6]) == FUTURE
    assert clause_tense(due("was", "VBD")[5:6]) == PAST
    # the talks would end (would have ended) on Friday
    doc = Doc(vocab, words=["talks", "would", "end", "on", "Friday"], heads=[2, 2, 2, 2, 3],
              deps=["nsubj", "aux", "ROOT", "prep", "pobj"], pos=["NOUN", "AUX", "VERB", "ADP", "PROPN"],
              tags=["NNS", "MD", "VB", "IN", "NNP"])
    assert clause_tense(doc[4:5]) == FUTURE
    doc = Doc(vocab, words=["talks", "would", "have", "ended", "on", "Friday"], heads=[3, 3, 3, 3, 3, 4],
              deps=["nsubj", "aux", "aux", "ROOT", "prep", "pobj"], pos=["NOUN", "AUX", "AUX", "VERB", "ADP", "PROPN"],
              tags=["NNS", "MD", "VB", "VBN", "IN", "NNP"])
    assert clause_tense(doc[5:6]) != FUTURE


def test_a_clock_time_is_on_the_day_just_named_on_a_built_doc(vocab):
    # Tuesday at 5 p.m.  (the tagger noted Tuesday, ending at token 1)
    doc = Doc(vocab, words=["Tuesday", "at", "5", "p.m."])
    ctx = Context(dct=dt.date(2023, 11, 8), last=(dt.date(2023, 11, 7), "D"), last_end=1)
    assert interpret("deictic", doc[2:4], ctx).value == "2023-11-07T17:00"
    # a word other than "at" or a comma between them: the clock time is not on that day
    doc = Doc(vocab, words=["Tuesday", "polls", "close", "at", "5", "p.m."])
    assert interpret("deictic", doc[4:6], ctx).value == "2023-11-08T17:00"
