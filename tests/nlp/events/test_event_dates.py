"""Event dates on literal news sentences, one case per class of dating error found on real news:
the lead ends at its first full stop even when a paragraph break follows; the lead's relative
clauses, the narrator's present perfect, what happened "days after" a dated report and what an
earlier pledge announced are some time before the report, not its day; participles take their governor's time; the story's
protagonists keep the lead's date; what comes "ahead of" or "before" a dated event ends by then."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.nlp.pipeline import make_doc
from graph.records import CONFIDENT
from sentences import events as sentence_events, roles

DCT = dt.date(2022, 3, 30)
HEADLINE = "Talks end in Paris\n\nTurkey and Greece ended their talks in Paris.\n\n"


def event(nlp, text: str, trigger: str):
    doc = nlp(make_doc(nlp, text, DCT))
    (ev,) = [ev for ev in doc._.events if ev.trigger.text == trigger]
    return ev


@pytest.mark.parametrize("text, trigger, kind, date, anchor", [
    # after the lead (which ends at its full stop, paragraph break or not): some time before the report
    (HEADLINE + "Later, rebels attacked Goma.", "attacked", "ASSAULT", "PAST_REF", "tense"),
    # the narrator's present perfect is indefinite; a speaker's is news of the day he speaks
    (HEADLINE + "Russia has repeatedly accused Ukraine of provocations.", "accused", "ACCUSE", "PAST_REF", "tense"),
    (HEADLINE + "“Russia has attacked Kharkiv,” Zelenskyy said.", "attacked", "ASSAULT", "2022-03-30", "tense"),
    # a statement reprinted under a heading naming its author is his speech, quote marks or not
    (HEADLINE + "Statement from the Office of the Governor – John Rankin\n\nThe US Government has informed the "
     "UK Government of the arrest.", "informed", "CONSULT", "2022-03-30", "tense"),
    # a relative clause of the lead describes, it does not report the day's news
    ("Police arrested two men who attacked a convoy of Ukraine near Kyiv.", "arrested", "COERCE", "2022-03-30",
     "convention"),
    ("Police arrested two men who attacked a convoy of Ukraine near Kyiv.", "attacked", "ASSAULT", "PAST_REF",
     "tense"),
    # "days after" the report's date: before it, not on it
    ("Russian forces have withdrawn from Kyiv, officials said on Saturday, days after Moscow promised to scale "
     "back operations near the capital.", "promised", "AGREE", "PAST_REF", "tense"),
    # and "days after" an undated report's event: before it too
    ("Biden promised to appoint a Black woman to the Supreme Court, days after Clyburn endorsed him.", "endorsed",
     "SUPPORT", "PAST_REF", "tense"),
    # a vote is an act, not a statement: after the lead, some time before the report; praise is the day's news
    (HEADLINE + "The Bulgarian parliament voted for the plan. Romania praised the plan.", "voted", "SUPPORT",
     "PAST_REF", "tense"),
    (HEADLINE + "The Bulgarian parliament voted for the plan. Romania praised the plan.", "praised", "SUPPORT",
     "2022-03-30", "convention"),
    # what a pledge announces was pledged before the clause that mentions the pledge
    (HEADLINE + "Western governments remained sceptical on Thursday of the Kremlin's pledge to reduce military "
     "activity near Kyiv.", "reduce", "RETREAT", "PAST_REF", "tense"),
    # the lead's protagonist keeps the lead's stated date; anybody else's undated past is before the report
    ("On Tuesday, Apple sued Samsung in Paris.\n\nApple also cut the price of the iPod.\n\n"
     "Google cut its prices too.", "sued", "ACCUSE", "2022-03-29", "explicit"),
])
def test_event_dates(nlp, text, trigger, kind, date, anchor):
    ev = event(nlp, text, trigger)
    assert (ev.type, ev.date, ev.anchor) == (kind, date, anchor)
    assert ev.confidence >= CONFIDENT


@pytest.mark.parametrize("trigger, date", [("apprehended", "2022-02"), ("detained", "2022-02"), ("flee", "2022-02"),
                                           ("criticised", "2022-03-30")])
def test_the_sentence_after_a_dated_one_goes_on_at_its_time_and_an_attempt_is_made(nlp, trigger, date):
    # a new paragraph's statement is the day's news again
    text = (HEADLINE + "In February, border authorities apprehended 221,000 people at the border with Mexico. "
            "Citizens from El Salvador were detained, as they attempted to flee the conditions in their country.\n\n"
            "Canada criticised the detentions.")
    assert event(nlp, text, trigger).date == date


FIGHTING = "Fighting goes on\n\nUkraine and Russia exchanged fire near Kyiv.\n\n"


@pytest.mark.parametrize("text, trigger, kind, date, begin, until", [
    # "ahead of", "before", "prior to" X: the date is X's; what comes before it ends by then
    ("Russia massed troops near Kharkiv ahead of the March 29 talks in Istanbul.", "massed", "MOBILIZE",
     "PAST_REF", None, "2022-03-29"),
    ("Russia massed troops near Kharkiv ahead of the March 29 talks in Istanbul.", "talks", "CONSULT",
     "2022-03-29", "2022-03-29", "2022-03-30"),
    ("Russia shelled Kharkiv before the March 29 talks in Istanbul.", "shelled", "ASSAULT",
     "PAST_REF", None, "2022-03-29"),
    ("Russia massed troops prior to the March 29 talks with Ukraine.", "massed", "MOBILIZE",
     "PAST_REF", None, "2022-03-29"),
    ("Russia shelled Kharkiv before Ukraine retook Irpin on Monday.", "shelled", "ASSAULT",
     "PAST_REF", None, "2022-03-28"),
    # and what the main clause's date dates is not what comes after it
    ("On Monday, Russia massed troops near Kharkiv before it attacked Irpin.", "massed", "MOBILIZE",
     "2022-03-28", "2022-03-28", "2022-03-29"),
    ("On Monday, Russia massed troops near Kharkiv before it attacked Irpin.", "attacked", "ASSAULT",
     "2022-03-30", "2022-03-29", "2022-03-31"),
    ("On Monday, Russia massed troops near Kharkiv ahead of talks with Ukraine in Istanbul.", "talks", "CONSULT",
     "2022-03-30", "2022-03-29", "2022-03-31"),
    # "after" talks on a day, a report is of that day
    ("After talks with Ukraine on Tuesday, Russia said it would reduce military activity near Kyiv.", "reduce",
     "RETREAT", "2022-03-29", "2022-03-29", "2022-03-30"),
])
def test_what_comes_before_a_dated_event_is_not_dated_at_it(nlp, text, trigger, kind, date, begin, until):
    ev = event(nlp, FIGHTING + text, trigger)
    assert (ev.type, ev.date, ev.begin, ev.until) == (kind, date, begin, until)


def test_days_after_a_dated_report_ends_before_it(nlp):
    ev = event(nlp, "Russian forces have withdrawn from Kyiv, officials said on Saturday, days after Moscow "
                    "promised to scale back operations near the capital.", "scale")
    assert (ev.type, ev.date, ev.begin, ev.until) == ("RETREAT", "PAST_REF", None, "2022-03-26")


def test_the_story_continues_on_the_lead_date_for_its_protagonists_only(nlp):
    doc = nlp(make_doc(nlp, "On Tuesday, Apple sued Samsung in Paris.\n\nApple also cut the price of the "
                            "iPod.\n\nGoogle cut its prices too.", DCT))
    apple, google = [ev for ev in doc._.events if ev.trigger.text == "cut"]
    assert (apple.date, apple.anchor) == ("2022-03-29", "convention")
    assert (google.date, google.anchor) == ("PAST_REF", "tense")


def test_a_participle_takes_the_time_of_its_governor(nlp):
    ev = event(nlp, HEADLINE + "Later, the rebels fought in Goma, attacking the army of Congo.", "attacking")
    assert (ev.date, ev.anchor) == ("PAST_REF", "tense")


@pytest.mark.parametrize("text, trigger, kind", [
    # CAMEO 0841 "release persons" is RETREAT in the CAMEO-to-PLOVER table
    ("Israel released 20 Palestinian prisoners on Monday.", "released", "RETREAT"),
    ("Hamas freed two hostages on Friday.", "freed", "RETREAT"),
    # releasing a report or a product frees nobody
    ("Apple released the iPhone SDK on Thursday.", "released", "OTHER"),
])
def test_a_release_is_a_retreat_only_when_somebody_is_freed(nlp, text, trigger, kind):
    assert event(nlp, text, trigger).type == kind


def test_the_release_of_a_report_is_no_event_of_its_own(nlp):
    doc = nlp(make_doc(nlp, "The governor said he will fast-track the release of the COI report.", DCT))
    assert [ev.type for ev in doc._.events if ev.trigger.text == "release"] in ([], ["OTHER"])


@pytest.mark.parametrize("text", [
    "For over a year, the Louvre has fought to acquire a painting by Chardin.",
    "The Louvre has campaigned for years to buy the painting.",
])
def test_a_present_perfect_measured_by_a_duration_is_no_news_of_the_day(nlp, text):
    doc = nlp(make_doc(nlp, text, dt.date(2023, 11, 8)))
    ev = next(e for e in doc._.events if e.lemma in ("fight", "campaign"))
    assert (ev.date, ev.anchor) == ("PAST_REF", "tense")


@pytest.mark.parametrize("text, trigger, kind", [
    # what is hoped for ("hoping" is lemmatised "hop") or expected, with no date of its own, is to come
    (HEADLINE + "Biden organized the summit, hoping to isolate authoritarian governments.", "isolate", "SANCTION"),
    (HEADLINE + "Police arrested the men, who are expected to be charged in Boston.", "charged", "ACCUSE"),
])
def test_what_is_hoped_or_expected_without_a_date_is_still_to_come(nlp, text, trigger, kind):
    ev = event(nlp, text, trigger)
    assert (ev.type, ev.modality, ev.date) == (kind, "planned", "FUTURE_REF")


@pytest.mark.parametrize("text, trigger, date", [
    ("Under the new rules, the Ministry of Health has two years to raise funding for the hospital.", "raise",
     "FUTURE_REF"),
    ("The United Nations gives Iran 30 days to comply with the inspectors.", "comply", "FUTURE_REF"),
    ("The Ministry of Health had two years to build the hospital but failed.", "build", "2000-01-01"),
])
def test_what_a_stretch_of_time_is_given_for_is_still_to_come(nlp, text, trigger, date):
    """"has two years to raise funding": the act is to come, with no date of its own; "had two years
    to build" told it as past."""
    evs, _ = sentence_events(nlp, text)
    assert [e.date for e in evs if e.trigger.text == trigger] == [date]


def test_who_has_the_time_to_act_acts(nlp):
    evs, names = sentence_events(nlp, "Under the new rules, the Ministry of Health has two years to raise funding for the hospital.")
    (ev,) = [e for e in evs if e.trigger.text == "raise"]
    assert ("Ministry of Health", "actor") in roles(ev, names)
