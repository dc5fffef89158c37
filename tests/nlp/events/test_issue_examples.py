"""The examples of the events issue, as literal sentences through the whole pipeline."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.records import CONFIDENT
from sentences import events, one, roles


def test_aid_given_by_a_support_verb_construction(nlp):
    evs, names = events(nlp, "The European Community on Monday gave the Ivory Coast 5.1 million dollars of aid.")
    ev = one(evs, "AID")
    assert roles(ev, names) == {("European Community", "actor"), ("Ivory Coast", "target")}
    assert (ev.date, ev.anchor) == ("1999-12-27", "explicit")


def test_the_one_who_withdraws_acts_and_what_it_leaves_is_the_target(nlp):
    evs, names = events(nlp, "Syria says it is willing to withdraw its troops from neighboring Lebanon.")
    ev = one(evs, "AGREE")  # a stated intention to withdraw, as PLOVER codes it
    assert roles(ev, names) == {("Syria", "actor"), ("Lebanon", "target")}
    assert ev.label == "Syria pledges to withdraw troops from Lebanon"


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Serbia on Thursday flatly rejected an Australian ultimatum to handover a guard.", "REJECT",
     "Serbia", "Australia"),
    ("Berlin rejected recent calls by Belarus's rulers for immediate economic aid.", "REJECT",
     "Germany", "Belarus rulers"),
    ("President Bush has threatened further action against Russia.", "THREATEN", "Bush", "Russia"),
    ("Israeli President Moshe Katsav has refused to meet Jordan's visiting King Abdullah II in Tel Aviv.",
     "REJECT", "Moshe Katsav", "Abdullah II"),
])
def test_the_target_is_whom_the_object_or_the_complement_concerns(nlp, text, kind, actor, target):
    evs, names = events(nlp, text)
    ev = one(evs, kind)
    assert (actor, "actor") in roles(ev, names) and (target, "target") in roles(ev, names)


@pytest.mark.parametrize("text, kind", [
    ("For over a year, the museum has fought to acquire a painting by Jean Siméon Chardin.", "ASSAULT"),
    ("The private museum, currently hosting a major Mark Rothko retrospective, opened in 2014.", "CONSULT"),
    ("The museum was forced to reject an offer by Bernard Arnault.", "REJECT"),
])
def test_a_target_found_only_in_the_object_or_complement_makes_no_event_without_an_actor(nlp, text, kind):
    evs, _ = events(nlp, text)
    assert not [e for e in evs if e.type == kind], [(e.type, e.label) for e in evs]


@pytest.mark.parametrize("text, kind", [
    # a person or an organisation that fights to do something strives; armed groups and states fight
    ("For over a year, the Louvre has fought to acquire a painting by Jean Siméon Chardin.", "OTHER"),
    ("Greenpeace has fought to stop the pipeline.", "OTHER"),
    ("Ukrainian forces fought to retake Kherson.", "ASSAULT"),
    ("Russian troops fought Ukrainian forces near Kyiv.", "ASSAULT"),
])
def test_fighting_to_do_something_is_striving_unless_armed(nlp, text, kind):
    evs, _ = events(nlp, text)
    assert [e.type for e in evs if e.trigger.text == "fought"] == [kind]


def test_an_organisation_named_before_its_common_noun_acts(nlp):
    evs, names = events(nlp, "The Asia-Pacific Economic Cooperation (APEC) forum has agreed to set up a research "
                             "center in Tokyo.")
    assert ("Asia-Pacific Economic Cooperation", "actor") in roles(one(evs, "AGREE"), names)


def test_a_crowd_counted_by_thousands_is_the_group_it_counts(nlp):
    evs, names = events(nlp, "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.")
    ev = one(evs, "PROTEST")
    actor = names[next(p.entity for p in ev.participants if p.role == "actor")]
    assert (actor.name, actor.kind, actor.country) == ("Iraqi Kurds", "group", "IQ")


def test_a_staged_demonstration_by_students_is_a_protest(nlp):
    evs, names = events(nlp, "Tens of thousands of university students throughout Indonesia staged mass "
                             "demonstrations Saturday.")
    ev = one(evs, "PROTEST")
    actor = names[next(p.entity for p in ev.participants if p.role == "actor")]
    assert (actor.kind, actor.country) == ("group", "ID")
    assert not [e for e in evs if e.type == "OTHER" and e.trigger.text == "staged"]


def test_a_hunger_strike_is_a_protest_and_a_mediation_mission_a_consultation(nlp):
    evs, names = events(nlp, "A member of the Syrian parliament started a hunger strike yesterday.")
    assert [e.type for e in evs if e.trigger.text == "strike"] == ["PROTEST"]
    evs, names = events(nlp, "Arab League Secretary General Chadli Klibi undertook a mediation mission between "
                             "Syria and Palestinian leader Yasser Arafat.")
    ev = one(evs, "CONSULT")
    assert roles(ev, names) >= {("Chadli Klibi", "actor"), ("Syria", "target"), ("Yasser Arafat", "target")}


def test_egyptian_police_open_fire_on_demonstrators(nlp):
    evs, names = events(nlp, "Egyptian police opened fire on demonstrators in Cairo.")
    ev = one(evs, "ASSAULT")
    assert ev.label == "Egyptian police open fire on demonstrators in Cairo"
    actor = names[next(p.entity for p in ev.participants if p.role == "actor")]
    assert (actor.kind, actor.country, actor.sector) == ("group", "EG", "police")


@pytest.mark.parametrize("text, name, country, sector", [
    ("Iraqi Kurds accused Turkey of shelling their villages.", "Iraqi Kurds", "IQ", "ethnic"),
    ("Opposition groups in Zimbabwe called for a general strike.", "Opposition groups in Zimbabwe", "ZW", "opposition"),
    ("Israeli troops withdrew from the Gaza Strip.", "Israeli troops", "IL", "military"),
    ("Senior Hungarian and Romanian officials met in Budapest.", "Hungarian officials", "HU", "government"),
    ("Senior Hungarian and Romanian officials met in Budapest.", "Romanian officials", "RO", "government"),
])
def test_group_actors_are_coded_with_country_and_sector(nlp, text, name, country, sector):
    evs, names = events(nlp, text)
    group = next(e for e in names.values() if e.name == name)
    assert (group.kind, group.country, group.sector) == ("group", country, sector)
    assert any(p.entity == group.id and p.role == "actor" for ev in evs for p in ev.participants)


def test_a_state_is_never_on_both_sides_of_its_own_event(nlp):
    evs, names = events(nlp, "Volodymyr Zelenskyy warned that Russia was regrouping its forces in the east and "
                             "accused Moscow of shelling civilian areas in Chernihiv.")
    ev = one(evs, "ACCUSE")
    assert ("Volodymyr Zelenskyy", "actor") in roles(ev, names)
    for e in evs:
        states = [names[p.entity].country for p in e.participants
                  if p.role in ("actor", "target") and names[p.entity].kind in ("country", "city")]
        assert len(states) == len(set(states)), e.label


def test_who_demands_that_someone_act_requests_of_them_and_nothing_is_asserted(nlp):
    evs, names = events(nlp, "Activists demanded that Microsoft stop selling software to the police.")
    ev = one(evs, "REQUEST")
    assert roles(ev, names) == {("Activists", "actor"), ("Microsoft", "target")}
    assert all(e.modality == "hypothetical" for e in evs if e is not ev)


def test_a_pluperfect_report_is_not_dated_by_its_reporting_sentence(nlp):
    evs, _ = events(nlp, "Dmitry Peskov, the Kremlin spokesman, said on Thursday that the talks in Istanbul "
                         "had produced no breakthrough.", dt.date(2022, 4, 2))
    talks = one(evs, "CONSULT")
    assert (talks.date, talks.until) == ("PAST_REF", "2022-03-31")


def test_labels_carry_no_fragments_or_repeated_words(nlp):
    evs, _ = events(nlp, "Microsoft’s shares fell. Egyptian police opened fire on protesters, and Microsoft "
                         "’s chief resigned after activists criticised the company.")
    for ev in evs:
        words = ev.label.lower().split()
        assert all(a != b for a, b in zip(words, words[1:])), ev.label
        assert ev.trigger.text.isalpha(), ev.trigger


def test_other_events_and_events_without_participants_are_the_low_tier(nlp):
    evs, _ = events(nlp, "The company said it would review the results. Fighting continued.")
    assert evs and all(e.confidence < CONFIDENT for e in evs if e.type == "OTHER")
    assert all(e.confidence < CONFIDENT for e in evs
               if not any(p.role in ("actor", "target", "participant") for p in e.participants))


def test_a_typed_event_at_a_named_place_is_shown_and_an_untyped_one_is_not(nlp):
    evs, _ = events(nlp, "The suspect is expected to be arraigned in Boston. Volunteers gathered in Boston.")
    accused = one(evs, "ACCUSE")
    assert [p.role for p in accused.participants] == ["place"] and accused.confidence >= CONFIDENT
    assert all(e.confidence < CONFIDENT for e in evs if e.type == "OTHER")


def test_works_take_part_in_events_but_never_act(nlp):
    from graph.io.plain import text_document
    from graph.nlp.pipeline import extract_one
    from graph.records import ACTOR_KINDS

    ex = extract_one(text_document("date 2020-02-09\nNetflix released The Irishman after Robert De Niro "
                                   "starred in The Irishman.", doc_id="works"), nlp=nlp)
    kinds = {e.id: e.kind for e in ex.entities}
    assert "work" in kinds.values()
    roles = [(kinds[p.entity], p.role) for ev in ex.events for p in ev.participants]
    assert roles and all(k in ACTOR_KINDS for k, r in roles if r in ("actor", "target"))
