"""Support-verb idioms and dissent, as literal sentences through the whole pipeline: protests said
with a verb, a preposition and its noun ("went on strike", "took to the streets"), and force used
by dissenters (CAMEO 143 strike, 145 riot) as PLOVER codes it."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.nlp.pipeline import make_doc

DCT = dt.date(2022, 4, 28)


def events(nlp, text: str):
    doc = nlp(make_doc(nlp, text, DCT))
    names = {e.id: e.name for e in doc._.entities}
    return [(ev.type, ev.label, {(names[p.entity], p.role) for p in ev.participants}) for ev in doc._.events]


@pytest.mark.parametrize("text, label, actor, place", [
    ("Thousands of Egyptian workers went on strike on Monday.", "Egyptian workers go on strike",
     "Egyptian workers", None),
    ("Kenyan students took to the streets of Nairobi on Monday.", "Kenyan students take to streets in Nairobi",
     "Kenyan students", "Nairobi"),
])
def test_a_protest_idiom_is_one_protest_by_its_subject(nlp, text, label, actor, place):
    evs = events(nlp, text)
    assert [(kind, lab) for kind, lab, _ in evs] == [("PROTEST", label)]
    roles = evs[0][2]
    assert (actor, "actor") in roles
    assert place is None or (place, "place") in roles


@pytest.mark.parametrize("text, kind", [
    ("Egyptian workers staged a strike in Cairo.", "PROTEST"),
    ("Protesters clashed with police in Cairo on Tuesday.", "PROTEST"),
    ("Rebels clashed with Syrian troops near Aleppo.", "ASSAULT"),
])
def test_force_is_protest_when_dissenters_use_it(nlp, text, kind):
    assert [k for k, _, _ in events(nlp, text)] == [kind]


def test_a_protest_in_a_city_is_not_against_it(nlp):
    (ev,) = events(nlp, "Egyptian workers staged a strike in Cairo.")
    assert ("Cairo", "place") in ev[2] and ev[1] == "Strike by Egyptian workers in Cairo"


@pytest.mark.parametrize("text, charged, by", [
    ("Premier Fahie was detained in Miami on charges of money laundering.", "Fahie", None),
    ("Police arrested Ahmed Saleh on charges of espionage on Monday.", "Ahmed Saleh", "Police"),
])
def test_who_is_held_on_charges_is_who_is_charged(nlp, text, charged, by):
    doc = nlp(make_doc(nlp, text, DCT))
    names = {e.id: e.name for e in doc._.entities}
    (ev,) = [e for e in doc._.events if e.type == "ACCUSE"]
    roles = {(names[p.entity], p.role) for p in ev.participants}
    assert (charged, "target") in roles and (by is None or (by, "actor") in roles)
    assert ev.date == "PAST_REF"  # brought before the arrest, on a day the text does not give


@pytest.mark.parametrize("text, kind", [
    ("The US government has informed the UK government of the arrest.", "CONSULT"),
    ("Defence Minister Gantz briefed Jordan's King Abdullah on the plan.", "CONSULT"),
    ("Han Lee was arraigned in Boston on Wednesday.", "ACCUSE"),
])
def test_briefings_are_consultations_and_arraignments_accusations(nlp, text, kind):
    assert kind in [k for k, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Now, the museum is receiving help in the form of 15 million euros from LVMH.", "AID", "LVMH", None),
    ("Ukraine received help from Germany.", "AID", "Germany", "Ukraine"),
    ("Israel faced criticism from Washington over the raid.", "ACCUSE", "Washington", "Israel"),
])
def test_who_receives_or_faces_an_act_undergoes_it_and_its_source_acts(nlp, text, kind, actor, target):
    (ev,) = [e for e in events(nlp, text) if e[0] == kind]
    assert (actor, "actor") in ev[2]
    assert target is None or (target, "target") in ev[2]


def test_whom_one_receives_a_proposal_with_is_no_event_of_the_proposal(nlp):
    # the manner noun after a verb of receiving says what the receiver did, not what was received
    assert all(("Kurds", "target") not in roles for _, _, roles in events(nlp, "The Kurds received the proposal with scepticism."))


@pytest.mark.parametrize("text, kind, label, actor", [
    ("The army declared martial law in Bangkok on Tuesday.", "COERCE", "Martial law", "army"),
    ("Thailand declared a state of emergency in the south.", "COERCE", "State of emergency by Thailand", "Thailand"),
    ("Palestinian prisoners began a hunger strike.", "PROTEST", "Hunger strike by Palestinian prisoners",
     "Palestinian prisoners"),
])
def test_a_label_says_the_event_noun_as_the_lexicon_names_it(nlp, text, kind, label, actor):
    evs = [e for e in events(nlp, text) if e[0] != "OTHER"]
    assert [k for k, _, _ in evs] == [kind]
    assert evs[0][1].startswith(label) and (actor, "actor") in evs[0][2]


@pytest.mark.parametrize("text, kind, actor", [
    ("He gave an update on recent law enforcement action taken by the United States Drug Enforcement Agency.",
     "COERCE", "United States Drug Enforcement Agency"),
    ("Sanctions imposed by the European Union hit Russia.", "SANCTION", "European Union"),
])
def test_the_agent_of_a_participle_that_does_an_event_noun_is_its_actor(nlp, text, kind, actor):
    evs = events(nlp, text)
    (ev,) = [e for e in evs if e[0] == kind]
    assert (actor, "actor") in ev[2]
    # the participle ("taken", "imposed") names no event of its own
    assert not any(lab.split()[-1] in ("takes", "imposes") for _, lab, _ in evs)


@pytest.mark.parametrize("text, kind", [
    ("Thousands of Kenyan students gathered in Nairobi to demand the release of their leaders.", "PROTEST"),
    ("Hundreds of Iraqi Kurds assembled outside the UN office to call for independence.", "PROTEST"),
    ("Kenyan students gathered in Nairobi to watch the match.", None),  # an assembly for something else
])
def test_an_assembly_to_demand_or_protest_is_a_demonstration(nlp, text, kind):
    evs = events(nlp, text)
    gathering = [k for k, lab, _ in evs if lab.split()[2:3] in (["gather"], ["assemble"])]
    assert gathering == [kind or "OTHER"]


@pytest.mark.parametrize("text, kind", [
    # who pays someone's costs, or a share of them, funds them (AID), where the payer is named
    ("Google is financially covering two-thirds of the cost.", "AID"),
    ("Google is covering the cost of the new school.", "AID"),
    # one pays the price for a mistake; a donation that covers a price tells what it is for
    ("The Louvre paid the price for its mistakes.", "OTHER"),
])
def test_paying_the_costs_is_aid(nlp, text, kind):
    assert [k for k, _, _ in events(nlp, text)] == [kind]
