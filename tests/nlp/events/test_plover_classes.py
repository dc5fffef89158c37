"""Classes of PLOVER events and actors, on sentences written for the purpose (not the gold records):
each rule a coder would state, with the manual's or the CAMEO table's reason in the test's name."""
from __future__ import annotations

import pytest

from sentences import events, one, roles


def roles_in(nlp, text: str, kind: str) -> set[tuple[str, str]]:
    """The named actors and targets of the one event of type ``kind`` that ``text`` tells."""
    evs, names = events(nlp, text)
    return roles(one(evs, kind), names)


@pytest.mark.parametrize("text, actor", [
    ("Gunmen kidnapped two Italian aid workers in Baghdad on Tuesday.", "Gunmen"),
    ("Guerrillas hijacked a bus near the border.", "Guerrillas"),
    ("Rebels took 20 foreign tourists hostage in the jungle.", "Rebels"),
])
def test_abduction_and_hijacking_are_assaults(nlp, text, actor):
    """PLOVER manual, ASSAULT mode 'abduct' (kidnap, hijack); CAMEO 181 maps to ASSAULT."""
    evs, names = events(nlp, text)
    assert [e.type for e in evs if e.type != "OTHER"] == ["ASSAULT"]
    assert (actor, "actor") in roles(evs[0], names)


@pytest.mark.parametrize("text, name, country, sector", [
    ("Some 300 Palestinian prisoners began a hunger strike in an Israeli jail.", "Palestinian prisoners", "PS",
     "civilians"),
    ("Greek truck drivers blockaded border crossings with Bulgaria.", "Greek truck drivers", "GR", "labour"),
    ("Romanian miners went on strike on Thursday.", "Romanian miners", "RO", "labour"),
])
def test_people_held_and_people_at_work_are_group_actors(nlp, text, name, country, sector):
    evs, names = events(nlp, text)
    group = next(e for e in names.values() if e.name == name)
    assert (group.kind, group.country, group.sector) == ("group", country, sector)
    assert any(p.entity == group.id and p.role == "actor" for ev in evs for p in ev.participants)


@pytest.mark.parametrize("text, kind, actor", [
    ("Police used tear gas to break up a demonstration in Dhaka.", "COERCE", "Police"),
    ("Nigeria's foreign minister summoned Niger's ambassador to complain about the raids.", "ACCUSE", "Nigeria"),
    ("Germany and France urged Iran to release the prisoners.", "RETREAT", "Iran"),
])
def test_the_actor_of_a_purpose_infinitive_is_the_subject_unless_the_object_is_asked(nlp, text, kind, actor):
    """Object control ("urged Iran to release") needs a verb of asking or an object who can act;
    the means ("tear gas") and whom one summons do not do what the infinitive says."""
    evs, names = events(nlp, text)
    last = [e for e in evs if e.type == kind][-1]
    assert {n for n, r in roles(last, names) if r == "actor"} == {actor}


@pytest.mark.parametrize("text, name, sector", [
    ("Ethiopian herders clashed with Kenyan police near the border.", "Ethiopian herders", "agriculture"),
    ("Palestinian youths clashed with Israeli troops in Hebron.", "Palestinian youths", "civilians"),
])
def test_more_people_by_occupation_or_age_are_group_actors(nlp, text, name, sector):
    _, names = events(nlp, text)
    assert any(e.name == name and e.kind == "group" and e.sector == sector for e in names.values())


@pytest.mark.parametrize("text, actor", [
    ("Russian President Vladimir Putin is to visit India in December.", "Vladimir Putin"),
    ("The foreign ministers of Japan and China are scheduled to meet in Beijing next month.", "ministers in Japan"),
    ("Sudan said it was ready for talks with the rebels.", "Sudan"),
])
def test_an_arranged_or_offered_meeting_is_agree(nlp, text, actor):
    """PLOVER manual 3.2.1: future meetings, summits and state visits are AGREE (CAMEO 036, intent
    to meet): "is to visit", "scheduled to meet", "ready for talks" as "will visit" is."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ev.type == "AGREE" and (actor, "actor") in roles(ev, names)


def test_talks_held_or_planned_stay_consult(nlp):
    """A meeting noun stays CONSULT even with "will", as the real-news gold codes "will have a call"."""
    evs, _ = events(nlp, "Sudan held talks with the rebels. Britain will hold talks with France next week.")
    assert [e.type for e in evs if e.type != "OTHER"] == ["CONSULT", "CONSULT"]


def test_an_organisation_named_before_a_sector_noun_is_in_the_group_name(nlp):
    """"European Union foreign ministers": the parser hangs the name on the noun as nmod; the
    ministers are the Union's, not bare ministers."""
    evs, names = events(nlp, "European Union foreign ministers will meet their Russian counterpart in Brussels.")
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ("European Union foreign ministers", "actor") in roles(ev, names)


@pytest.mark.parametrize("text, actor", [
    ("Hamas militants fired rockets at the town of Sderot.", "Hamas militants"),
    ("Palestinian youths threw stones at Israeli troops in Hebron.", "Palestinian youths"),
    ("Rebels blew up a bridge near the Pakistani border.", "Rebels"),
])
def test_firing_throwing_and_blowing_up_weapons_are_assaults(nlp, text, actor):
    """CAMEO 18-19 (bombings, small arms, artillery): a verb with a weapon as its object."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ev.type == "ASSAULT" and (actor, "actor") in roles(ev, names)


def test_a_date_after_a_verb_makes_no_prepositional_idiom(nlp):
    evs, _ = events(nlp, "Iran fired its oil minister on Sunday.")
    assert not [e for e in evs if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, group, country", [
    ("Israeli aircraft bombed the camp.", "Israeli aircraft", "IL"),
    ("Iraqi military personnel fired on the convoy.", "Iraqi military personnel", "IQ"),
])
def test_a_noun_whose_plural_is_its_singular_is_a_group_actor(nlp, text, group, country):
    """CAMEO codes 'Israeli aircraft' ISRMIL: 'aircraft', like 'personnel', is plural unmarked."""
    evs, names = events(nlp, text)
    found = {e.name: e for e in names.values()}
    assert found[group].kind == "group" and found[group].country == country


@pytest.mark.parametrize("text, kind, actor", [
    ("Kenya declared a state of emergency in the northern province.", "COERCE", "Kenya"),
    ("The Thai army imposed martial law across the south.", "COERCE", "Thai army"),
    ("Iran closed down four reformist newspapers on Sunday.", "COERCE", "Iran"),
    ("Israel sealed off the West Bank after the bombing.", "COERCE", "Israel"),
    ("Bosnian Serbs took 30 U.N. peacekeepers into custody on Friday.", "COERCE", "Bosnian Serbs"),
    ("Indonesia restricted the movement of foreign journalists in East Timor.", "COERCE", "Indonesia"),
    ("Ethiopia launched air raids on Eritrea.", "ASSAULT", "Ethiopia"),
    ("Indian troops exchanged fire with Pakistani soldiers across the border.", "ASSAULT", "Indian troops"),
    ("Tamil Tiger rebels overran an army camp in the north.", "ASSAULT", "Tamil Tiger rebels"),
])
def test_emergency_rule_closures_custody_air_raids_and_exchanges_of_fire(nlp, text, kind, actor):
    """CAMEO 1723-1724 (curfew, state of emergency, martial law), 172 (administrative sanctions:
    closing down, sealing off), 173 (taking into custody), 191 (restricting movement) are COERCE;
    an air raid is no police raid, and exchanging fire is fighting (CAMEO 19, ASSAULT)."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ev.type == kind and (actor, "actor") in roles(ev, names)


def test_a_declared_truce_is_a_retreat_an_agreed_one_agree(nlp):
    """CAMEO 0871 'declare truce, ceasefire' is RETREAT (de-escalation); a truce agreed is AGREE."""
    evs, _ = events(nlp, "The rebels declared a unilateral ceasefire in the south. "
                         "Sudan and the rebels signed a ceasefire in Nairobi.")
    assert [e.type for e in evs if e.type != "OTHER"] == ["RETREAT", "AGREE"]


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Annan appealed to Israel to withdraw its troops from Lebanon.", "REQUEST", "Annan", "Israel"),
    ("Japan requested an explanation from China.", "REQUEST", "Japan", "China"),
    ("China complained to Japan about the textbooks.", "ACCUSE", "China", "Japan"),
])
def test_whom_a_request_or_a_complaint_is_addressed_to_is_its_target(nlp, text, kind, actor, target):
    """'appealed to Israel': the 'to' phrase of a request, accusation or promise names whom it is
    addressed to, not where it happens (a request's 'from' too)."""
    evs, names = events(nlp, text)
    ev = next(e for e in evs if e.type == kind)
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)


@pytest.mark.parametrize("text, kind, actor", [
    ("Taliban fighters ransacked the offices of a Western aid agency in Kabul.", "ASSAULT", "Taliban fighters"),
    ("Israeli helicopter gunships rocketed a building in Gaza City.", "ASSAULT", "Israeli helicopter gunships"),
    ("Belarus closed the offices of the Soros Foundation.", "COERCE", "Belarus"),
    ("Police in Cairo held 30 people for questioning.", "COERCE", "Police in Cairo"),
    ("Students in Tehran staged a sit-in outside the university.", "PROTEST", "Students in Tehran"),
])
def test_more_verbs_of_violence_closure_detention_and_dissent(nlp, text, kind, actor):
    """CAMEO 1712 destroy property (ransack, torch), 195 aerial weapons, 172 closing offices, 173
    holding for questioning; a sit-in is a protest (141), however the tokenizer splits it."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ev.type == kind and (actor, "actor") in roles(ev, names)


@pytest.mark.parametrize("text, kind", [
    ("Demonstrators stoned the U.S. embassy in Belgrade.", "PROTEST"),
    ("Protesters torched cars in the centre of Lagos.", "PROTEST"),
    ("Rebels torched cars in the centre of Lagos.", "ASSAULT"),
])
def test_violence_by_protesters_is_rioting(nlp, text, kind):
    """CAMEO 145 'protest violently, riot' is PROTEST: protesters' stoning or burning; by rebels
    the same act is an assault."""
    evs, _ = events(nlp, text)
    assert [e.type for e in evs if e.type != "OTHER"] == [kind]


def test_expelling_a_people_coerces_them(nlp):
    """CAMEO 174 (expel or deport individuals) is COERCE, also when the people's name resolves to
    its country; expelling a state's diplomats sanctions (166)."""
    evs, _ = events(nlp, "Serb police expelled thousands of ethnic Albanians from their homes. "
                         "Russia expelled two Georgian diplomats.")
    assert [e.type for e in evs if e.type != "OTHER"] == ["COERCE", "SANCTION"]


@pytest.mark.parametrize("text, actor, target", [
    ("Hamas claimed responsibility for the suicide bombing in Tel Aviv.", "Hamas", "Tel Aviv"),
    ("Tamil Tiger rebels accepted responsibility for the attack on the army base in Jaffna.",
     "Tamil Tiger rebels", "Jaffna"),
])
def test_who_claims_responsibility_for_an_attack_made_it(nlp, text, actor, target):
    """Coders code the claimant as the attacker; accepting responsibility is no agreement, and
    where the attack is aimed at something unnamed ('the army base in Jaffna'), its place is hit."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ev.type == "ASSAULT" and {(actor, "actor"), (target, "target")} <= roles(ev, names)


def test_strikes_against_targets_in_a_country_hit_the_country(nlp):
    evs, names = events(nlp, "Israel carried out air strikes against targets in Lebanon.")
    (ev,) = [e for e in evs if e.type != "OTHER"]
    assert ev.type == "ASSAULT" and {("Israel", "actor"), ("Lebanon", "target")} <= roles(ev, names)


def test_a_killing_in_an_explosion_in_a_city_happens_in_that_city(nlp):
    """'killed in a car bomb explosion in a residential sector of Beirut': the place of the
    happening the 'in' phrase names is where the killing was, looking through 'sector of'."""
    evs, names = events(nlp, "A journalist has been killed in a car bomb explosion in a residential sector of Beirut.")
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert {names[p.entity].name for p in ev.participants} == {"Beirut"}



@pytest.mark.parametrize("text, kind, actor, target", [
    ("The European Union called on Turkey to respect human rights.", "REQUEST", "European Union", "Turkey"),
    ("Lebanon appealed to Israel to release the prisoners.", "REQUEST", "Lebanon", "Israel"),
    ("Pakistan protested to India over the shooting.", "ACCUSE", "Pakistan", "India"),
])
def test_the_addressee_is_the_target_before_the_complement_and_a_protest_to_a_state_accuses(
        nlp, text, kind, actor, target):
    """The preposition of the trigger's own phrase ('call on') and the addressee of a request
    ('appealed to') name the target, a country too, though the infinitive names an object ('the
    prisoners'); a protest lodged with someone ('protested to India') is an official complaint
    (CAMEO 11), no demonstration."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type == kind]
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)
    assert not any(r == "place" for _, r in roles(ev, names))
    assert ev.label.count(target) == 1


@pytest.mark.parametrize("text, kind, actor, target, label", [
    ("Egypt and Israel held talks in Cairo.", "CONSULT", "Egypt", "Israel", "Cairo talks"),
    ("Israel and Jordan agreed to open the border.", "AGREE", "Israel", "Jordan", "Israel and Jordan agree"),
    ("Egypt and Israel met in Cairo.", "CONSULT", "Egypt", "Israel", "Egypt and Israel meet in Cairo"),
])
def test_coordinated_parties_of_a_joint_act_are_source_and_target(nlp, text, kind, actor, target, label):
    """Coders code 'X and Y met' as X -> Y: the first of coordinated subjects of a meeting,
    agreement or cooperation with nobody else on the other side acts on the others; the label
    still says they acted together."""
    evs, names = events(nlp, text)
    (ev,) = [e for e in evs if e.type == kind]
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)
    assert ev.label == label


def test_coordinated_parties_of_a_protest_or_an_attack_all_act(nlp):
    """Fighting between both sides is coded with all in the source (PLOVER 7.3); a protest is no joint act."""
    evs, names = events(nlp, "Armenia and Azerbaijan clashed along the border.")
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert roles(ev, names) >= {("Armenia", "actor"), ("Azerbaijan", "actor")}


def test_a_joint_act_told_with_its_parties_the_other_way_round_is_one_event(nlp):
    """Which party of a meeting comes first says nothing about which meeting it was."""
    evs, _ = events(nlp, "Russia and Ukraine met in Istanbul on Tuesday. "
                         "Ukraine and Russia had met there on Tuesday, officials said.")
    assert len([e for e in evs if e.type == "CONSULT"]) == 1


def test_acts_sharing_one_party_stay_apart(nlp):
    evs, _ = events(nlp, "The US government informed the UK government on Monday. "
                         "The UK government informed the European Union on Monday.")
    assert len([e for e in evs if e.type == "CONSULT"]) == 2


@pytest.mark.parametrize("text, actor, target", [
    ("Police fired tear gas at protesters in Nairobi on Monday.", "Police", "protesters in Nairobi"),
    ("Kenyan police turned water cannon on opposition marchers.", "Kenyan police", "opposition marchers"),
    ("Security forces lobbed tear gas canisters at the crowd.", "Security forces", None),
])
def test_weapons_of_crowd_control_coerce(nlp, text, actor, target):
    """Tear gas, water cannon and rubber bullets used on people are repression (CAMEO 175, which the
    gold records code COERCE; the PLOVER manual's mode 'crowd-control'), whatever the verb."""
    evs, names = events(nlp, text)
    ev = one(evs, "COERCE")
    assert (actor, "actor") in roles(ev, names)
    assert target is None or (target, "target") in roles(ev, names)
    assert not [e for e in evs if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, actor, target", [
    ("Japan sent 500 tons of rice to Bangladesh after the floods.", "Japan", "Bangladesh"),
    ("Germany shipped tents and food to Turkey.", "Germany", "Turkey"),
    ("The United Nations delivered medicine to the refugees.", "United Nations", "refugees"),
])
def test_relief_goods_sent_or_delivered_are_aid(nlp, text, actor, target):
    """PLOVER manual 3.6: humanitarian aid (food, medicine, shelter) given to a recipient, by any
    verb of sending; the recipient of the "to" phrase is the target."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, "AID")


def test_sending_other_things_is_no_aid(nlp):
    evs, _ = events(nlp, "Japan sent a letter to Bangladesh.")
    assert not [e for e in evs if e.type == "AID"]


@pytest.mark.parametrize("text, label", [
    ("Syria pulled its troops out of Lebanon last year.", "Syria pulls out troops from Lebanon"),
    ("Russia pulled out of Chechnya.", "Russia pulls out from Chechnya"),
])
def test_the_country_withdrawn_from_is_the_target(nlp, text, label):
    """"out of Lebanon": the parser's "out" governs the "of" phrase; it says from where, as "from" does."""
    evs, names = events(nlp, text)
    ev = one(evs, "RETREAT")
    actor, target = label.split()[0], label.split()[-1]
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)
    assert ev.label == label


@pytest.mark.parametrize("text, actor, target", [
    ("Egyptian police opened fire on demonstrators in Cairo.", "Egyptian police", "demonstrators"),
    ("Nigerian soldiers killed twelve rebels in the north.", "Nigerian soldiers", "rebels"),
])
def test_bare_plural_role_nouns_are_targets_of_named_actors(nlp, text, actor, target):
    """Protesters, rebels, refugees name parties by themselves, whoever acts on them."""
    evs, names = events(nlp, text)
    ev = next(e for e in evs if e.type == "ASSAULT")
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)


@pytest.mark.parametrize("text, actor, target", [
    ("India charged that Pakistan was training militants.", "India", "Pakistan"),
    ("Kenya complained that Somalia had failed to stop the raids.", "Kenya", "Somalia"),
    ("Greece protested that Turkey had violated its airspace.", "Greece", "Turkey"),
])
def test_whom_a_complaint_says_did_wrong_is_its_target(nlp, text, actor, target):
    """An accusation or complaint told as a clause accuses the clause's subject; "protested that"
    says a complaint (CAMEO 11), no demonstration."""
    evs, names = events(nlp, text)
    ev = next(e for e in evs if e.type == "ACCUSE")
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)
    assert not [e for e in evs if e.type == "PROTEST"]


@pytest.mark.parametrize("text, actor, target", [
    ("Russia called for Georgia to pull back its forces.", "Russia", "Georgia"),
    ("The United Nations called for the rebels to lay down their arms.", "United Nations", "rebels"),
])
def test_calling_for_someone_to_act_requests_it_of_them(nlp, text, actor, target):
    """"called for Y to ...": the parser hangs "for" on the infinitive as its mark."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, "REQUEST")


@pytest.mark.parametrize("text, kind, actor, target", [
    ("The United States threatened to impose sanctions on Iran.", "THREATEN", "United States", "Iran"),
    ("Iran agreed to buy fuel from Russia.", "AGREE", "Iran", "Russia"),
    ("NATO promised to help Ukraine rebuild its army.", "AGREE", "NATO", "Ukraine"),
    ("Cuba turned down an offer of aid from the United States.", "REJECT", "Cuba", "United States"),
])
def test_whom_the_act_offered_threatened_or_refused_concerns_is_the_target(nlp, text, kind, actor, target):
    """The complement's act aimed "on" someone, had "from" someone or helping someone do something
    names whom a threat or a promise concerns; a refused offer's "from" names who offered."""
    evs, names = events(nlp, text)
    ev = next(e for e in evs if e.type == kind)
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)


@pytest.mark.parametrize("text, group", [
    ("Israeli jets struck targets in Gaza.", "Israeli jets"),
    ("Syrian tanks shelled Aleppo.", "Syrian tanks"),
])
def test_a_country_s_warplanes_and_tanks_act_for_its_military(nlp, text, group):
    evs, names = events(nlp, text)
    ev = one(evs, "ASSAULT")
    (actor,) = [names[p.entity] for p in ev.participants if p.role == "actor"]
    assert (actor.name, actor.kind, actor.sector) == (group, "group", "military")


def test_a_vehicle_of_civil_use_is_no_military_group(nlp):
    _, names = events(nlp, "A British think tank helped Nepal.")
    assert not [e for e in names.values() if e.kind == "group"]


@pytest.mark.parametrize("text, kind", [
    ("Japan said it would provide aid to Indonesia.", "AGREE"),
    ("Germany said it would support Poland's bid to join the alliance.", "AGREE"),
    ("Russia said it would reduce its military activity near Kyiv.", "RETREAT"),
])
def test_cooperation_a_subject_says_it_would_give_is_a_promise(nlp, text, kind):
    """PLOVER manual 3.1: SUPPORT, COOPERATE and AID in the future tense are AGREE; a retreat said
    so stays the retreat reported."""
    evs, _ = events(nlp, text)
    assert [e.type for e in evs if e.type != "OTHER"][0] == kind


@pytest.mark.parametrize("text, kind", [
    ("Zimbabwe banned an independent newspaper.", "COERCE"),
    ("Kenya banned two Ugandan diplomats.", "SANCTION"),
])
def test_banning_a_publication_is_censorship(nlp, text, kind):
    """PLOVER COERCE mode 'censor': ban or restrict access to publications."""
    evs, _ = events(nlp, text)
    assert [e.type for e in evs if e.type != "OTHER"] == [kind]


@pytest.mark.parametrize("text, target", [
    ("Iraq allowed United Nations inspectors into the site.", "United Nations"),
    ("Sudan allowed United Nations observers to enter Darfur.", "United Nations"),
])
def test_letting_third_parties_in_gives_access(nlp, text, target):
    """PLOVER RETREAT mode 'access': allowing the entry of observers, peacekeepers, aid workers."""
    assert (target, "target") in roles_in(nlp, text, "RETREAT")


@pytest.mark.parametrize("text, actor, target", [
    ("The Philippines told China to leave the reef.", "Philippines", "China"),
    ("Kuwait wants Iraq to return the prisoners of war.", "Kuwait", "Iraq"),
    ("Ghana insisted that Togo release the detained Ghanaians.", "Ghana", "Togo"),
])
def test_telling_ordering_wanting_and_insisting_request(nlp, text, actor, target):
    """PLOVER REQUEST: requests, demands and orders; a mandative clause ("insisted that Togo
    release") and a named party with an infinitive ("told China to leave") say what is asked."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, "REQUEST")


def test_telling_without_a_party_to_act_is_no_request(nlp):
    evs, _ = events(nlp, "Russia told reporters that the talks had failed.")
    assert not [e for e in evs if e.type == "REQUEST"]


@pytest.mark.parametrize("text, label", [
    ("Turkey said it would not accept the European Union's conditions.",
     "Turkey refuses to accept European Union's conditions"),
    ("Iran did not agree to Russia's proposal.", "Iran refuses to agree to Russia's proposal"),
])
def test_an_agreement_denied_is_a_rejection(nlp, text, label):
    """CAMEO 12: not accepting, not agreeing is rejecting, and the rejection happened."""
    evs, _ = events(nlp, text)
    ev = one(evs, "REJECT")
    assert ev.polarity == "positive" and ev.label == label
    assert not [e for e in evs if e.type == "AGREE"]


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Serbian forces pulled back from the Kosovo border.", "RETREAT", "Serbian forces", "Kosovo"),
    ("Israeli troops withdrew from the Lebanese border area.", "RETREAT", "Israeli troops", "Lebanon"),
    ("India massed troops along its border with Pakistan.", "MOBILIZE", "India", "Pakistan"),
    ("Turkey put its army on high alert near the Iraqi border.", "MOBILIZE", "Turkey", "Iraq"),
    ("Israel imposed a curfew on the Palestinian town of Hebron.", "COERCE", "Israel", "Hebron"),
])
def test_a_place_noun_says_the_place_named_before_it_or_beyond_it(nlp, text, kind, actor, target):
    """'the Kosovo border', 'the Iraqi border', 'its border with Pakistan', 'the town of Hebron':
    what a retreat leaves, a show of force faces or a curfew is imposed on is the place the place
    noun names; the troops massed are the actor's own, not the target (PLOVER MOBILIZE)."""
    evs, names = events(nlp, text)
    ev = one(evs, kind)
    assert {(actor, "actor"), (target, "target")} <= roles(ev, names)
    assert not any(r == "target" and n in ("troops", "army") for n, r in roles(ev, names))


@pytest.mark.parametrize("text, kind, target", [
    ("Egypt agreed to a ceasefire proposal put forward by Israel.", "AGREE", "Israel"),
    ("Iran rejected the proposal offered by the European Union.", "REJECT", "European Union"),
    ("The Arab League voiced support for Iraq's position.", "SUPPORT", "Iraq"),
    ("Syria expressed condemnation of Israel's raid.", "ACCUSE", "Israel"),
])
def test_whose_proposal_position_or_act_an_event_answers_is_its_target(nlp, text, kind, target):
    """CAMEO codes the author of the proposal accepted or rejected, and whose position is backed or
    whose raid condemned, as the target: the agent of the object's participle, the owner of the
    event noun's object."""
    assert (target, "target") in roles_in(nlp, text, kind)


@pytest.mark.parametrize("text, kind, actor, target", [
    ("India lodged a formal protest with Pakistan over the shelling.", "ACCUSE", "India", "Pakistan"),
    ("A U.N. war crimes court found Dusko Tadic guilty.", "ACCUSE", "U.N. war crimes court", "Dusko Tadic"),
    ("Spain extradited a Basque militant to France.", "COOPERATE", "Spain", "France"),
    ("Jordan has shared information with Israel about the militants.", "COOPERATE", "Jordan", "Israel"),
    ("Britain granted political asylum to a Chinese dissident.", "AID", "United Kingdom", "Chinese dissident"),
    ("Kenya has given refuge to thousands of Somali refugees.", "AID", "Kenya", "Somali refugees"),
])
def test_diplomatic_protests_verdicts_extraditions_shared_intelligence_and_asylum(nlp, text, kind, actor, target):
    """PLOVER manual: a diplomatic protest is ACCUSE (3.12.2), finding guilty is ACCUSE (CAMEO 116),
    extraditions and sharing intelligence are COOPERATE (3.5), asylum is AID (3.6)."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, kind)


def test_joint_exercises_are_cooperation(nlp):
    """PLOVER manual 3.5: joint military games and manoeuvres are COOPERATE, not a show of force."""
    evs, _ = events(nlp, "Egypt and Sudan held joint military exercises near their border.")
    assert [e.type for e in evs if e.type != "OTHER"] == ["COOPERATE"]


@pytest.mark.parametrize("text, actor", [
    ("Arafat flew to Cairo for talks with Egyptian President Hosni Mubarak.", "Arafat"),
    ("A Chinese delegation arrived in Moscow for a three-day visit to Russia.", "China"),
])
def test_who_travels_for_talks_takes_part_in_them(nlp, text, actor):
    assert (actor, "actor") in roles_in(nlp, text, "CONSULT")


@pytest.mark.parametrize("text, kind, target", [
    ("Iraqi Kurds protested outside the Iraqi embassy in London.", "PROTEST", "Iraq"),
    ("Hundreds of Serbs rallied outside the German embassy in Belgrade.", "PROTEST", "Germany"),
])
def test_a_protest_at_an_embassy_is_aimed_at_its_state(nlp, text, kind, target):
    assert (target, "target") in roles_in(nlp, text, kind)


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Mubarak received Arafat in Cairo on Monday.", "CONSULT", "Mubarak", "Arafat"),
    ("Russia sent more troops to Chechnya.", "MOBILIZE", "Russia", "Chechnya"),
    ("The United States supplied the Colombian army with helicopters and weapons.", "AID", "United States",
     "Colombian army"),
    ("Bosnian Serbs released the remaining U.N. peacekeepers.", "RETREAT", "Bosnian Serbs", "United Nations"),
])
def test_hosting_sending_troops_supplying_with_and_releasing_peacekeepers(nlp, text, kind, actor, target):
    """CAMEO 043 host a visit (CONSULT), 154 mobilise armed forces (MOBILIZE), 07 provide aid said
    with 'with' (AID), 0841 release persons (RETREAT): peacekeepers are people held too."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, kind)


def test_what_is_received_is_no_visit(nlp):
    evs, _ = events(nlp, "Israel received three billion dollars from the United States.")
    assert not [e for e in evs if e.type == "CONSULT"]


@pytest.mark.parametrize("text, kind, actor, target", [
    ("U.N. helicopters evacuated the wounded from the besieged town of Gorazde.", "AID", "United Nations", "Gorazde"),
    ("French troops evacuated hundreds of foreigners from Rwanda.", "AID", "French troops", "Rwanda"),
    ("The IAEA dispatched inspectors to Iran.", "ACCUSE", "International Atomic Energy Agency", "Iran"),
    ("The United Nations sent a team to Bosnia to investigate the massacre.", "ACCUSE", "United Nations", "Bosnia"),
])
def test_rescues_and_inspectors_sent(nlp, text, kind, actor, target):
    """PLOVER manual 3.6: rescues are AID (evacuating people, not settlements); 3.9: investigations
    are ACCUSE, and whom inspectors are sent to, or a team sent to investigate, is investigated."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, kind)


def test_evacuating_settlements_is_no_rescue(nlp):
    evs, _ = events(nlp, "Israel evacuated four settlements in the northern West Bank.")
    assert "RETREAT" in [e.type for e in evs] and "AID" not in [e.type for e in evs]


def test_a_protest_is_aimed_at_whom_it_shows_disapproval_of(nlp):
    """PLOVER manual 3.12: protests are 'against the recipient'; the purpose clause names it."""
    evs, names = events(nlp, "Demonstrators in Baghdad blocked a road to show their disapproval of United States "
                             "policies.")
    ev = next(e for e in evs if e.type == "PROTEST")
    assert {("Demonstrators in Baghdad", "actor"), ("United States", "target")} <= roles(ev, names)


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Israeli troops came under attack from Hezbollah guerrillas.", "ASSAULT", "Hezbollah", "Israeli troops"),
    ("Talks between Israel and Syria resumed in Washington.", "CONSULT", "Israel", "Syria"),
    ("Iraq returned the prisoners to Kuwait.", "RETREAT", "Iraq", "prisoners"),
])
def test_undergone_acts_dyads_between_parties_and_captives_returned(nlp, text, kind, actor, target):
    """Who comes under an attack is its target, the 'from' phrase its actor; 'between X and Y' is
    coded as the dyad X -> Y, as 'X and Y met' is; returning prisoners releases them (CAMEO 0841)."""
    assert {(actor, "actor"), (target, "target")} <= roles_in(nlp, text, kind)


def test_returning_home_is_no_release(nlp):
    evs, _ = events(nlp, "The Iraqi foreign minister returned to Baghdad on Monday.")
    assert "RETREAT" not in [e.type for e in evs]


@pytest.mark.parametrize("text, kind, actor, sector", [
    ("The tribunal sentenced the former mayor to ten years in prison.", "COERCE", "tribunal", "judiciary"),
    ("The main opposition party called for a general strike.", "REQUEST", "opposition party", "opposition"),
    ("A human rights group accused the army of torture.", "ACCUSE", "rights group", "ngo"),
    ("The union called off the strike at the docks.", "CONCEDE", "union", "labour"),
    ("The parliament rejected the peace plan.", "REJECT", "parliament", "legislature"),
])
def test_a_singular_body_without_a_country_acts(nlp, text, kind, actor, sector):
    """CAMEO codes a court, an opposition party, a rights group or a union by its sector alone (JUD,
    OPP, HRI, LAB) where it acts; 'the government' stands for the state instead."""
    evs, names = events(nlp, text)
    group = next(e for e in names.values() if e.name == actor)
    assert (group.kind, group.country, group.sector) == ("group", None, sector)
    assert (actor, "actor") in roles(one(evs, kind), names)


def test_a_body_of_an_organisation_is_named_with_it(nlp):
    """CAMEO codes 'a U.N. war crimes court' as the UN's judiciary (IGOUNOJUD), as 'European Union
    foreign ministers' are the Union's."""
    evs, names = events(nlp, "An African Union court ordered Kenya to pay damages.")
    assert ("African Union court", "actor") in roles(one(evs, "REQUEST"), names)


@pytest.mark.parametrize("text", [
    "Thousands of people gathered outside the court.",  # no act of its own
    "The government said the union was weak.",  # a body spoken of, doing nothing
])
def test_a_singular_body_that_does_not_act_is_no_group(nlp, text):
    _, names = events(nlp, text)
    assert not [e for e in names.values() if e.kind == "group" and e.sector in ("judiciary", "labour")]


@pytest.mark.parametrize("text, label", [
    ("The tribunal found the former commander guilty of war crimes.", "Tribunal finds former commander guilty"),
    ("A military court found Ahmed Karimov guilty of treason.", "Court finds Ahmed Karimov guilty"),
])
def test_a_verdict_says_whom_it_is_on_before_the_verdict(nlp, text, label):
    """CAMEO 116 (found guilty) is ACCUSE; the parser may take 'the former commander guilty' for the
    object, and the label says the verdict as the text does, not 'finds guilty Ahmed Karimov'."""
    evs, _ = events(nlp, text)
    assert [e.label for e in evs if e.type == "ACCUSE"] == [label]


@pytest.mark.parametrize("text, group, country", [
    ("Serb artillery shelled the town of Gorazde.", "Serb artillery", None),
    ("Russian artillery pounded the city overnight.", "Russian artillery", "RU"),
])
def test_artillery_of_a_people_or_a_country_acts_for_its_military(nlp, text, group, country):
    """CAMEO's weapons patterns code a people's or a country's guns as its military."""
    evs, names = events(nlp, text)
    ent = next(e for e in names.values() if e.name == group)
    assert (ent.country, ent.sector) == (country, "military")
    assert (group, "actor") in roles(one(evs, "ASSAULT"), names)


@pytest.mark.parametrize("text, name, sector", [
    ("Aid workers handed out food to refugees in Darfur.", "Aid workers", "ngo"),
    ("Relief workers delivered blankets to the victims.", "Relief workers", "ngo"),
])
def test_aid_workers_are_an_aid_body(nlp, text, name, sector):
    evs, names = events(nlp, text)
    assert any(e.name == name and e.kind == "group" and e.sector == sector for e in names.values())
    assert any(names[p.entity].name == name and p.role == "actor" for ev in evs for p in ev.participants)


@pytest.mark.parametrize("text, kind, target, label", [
    ("The IAEA sent inspectors to a nuclear facility in Iran.", "ACCUSE", "Iran",
     "International Atomic Energy Agency sends inspectors to Iran"),
    ("Rebels blew up a gas pipeline near Syria.", "ASSAULT", "Syria", "Rebels blow up gas pipeline near Syria"),
    ("Farmers blocked the bridge between Hungary and Austria.", "PROTEST", "Austria",
     "Farmers block bridge between Hungary and Austria"),
])
def test_the_state_a_facility_lies_in_is_the_target(nlp, text, kind, target, label):
    """CAMEO codes an act on a plant, a pipeline or a crossing as one on the state it lies in."""
    evs, names = events(nlp, text)
    ev = one(evs, kind)
    assert (target, "target") in roles(ev, names) and ev.label == label


def test_a_facility_with_a_named_owner_is_the_owners(nlp):
    evs, names = events(nlp, "Gunmen attacked the Turkish embassy in Kenya.")
    assert {n for n, r in roles(one(evs, "ASSAULT"), names) if r == "target"} == {"Turkey"}


@pytest.mark.parametrize("text, kind, actor, target, label", [
    ("Police broke up a rally by opposition supporters in Minsk.", "COERCE", "Police",
     "opposition supporters in Minsk", "Police break rally by opposition supporters in Minsk"),
    ("Soldiers stopped a demonstration by Palestinian students in Hebron.", "COERCE", "Soldiers",
     "Palestinian students", "Soldiers stop demonstration by Palestinian students in Hebron"),
    ("Police halted a march by opposition supporters.", "COERCE", "Police", "opposition supporters",
     "Police halt march by opposition supporters"),
])
def test_who_stops_another_s_protest_represses_the_protesters(nlp, text, kind, actor, target, label):
    """The 'by' phrase of a protest that is broken up or stopped names its target (CAMEO 175),
    though the parser may hang it on the verb; the stopper acts, not the protesters."""
    evs, names = events(nlp, text)
    ev = one(evs, kind)
    assert roles(ev, names) == {(actor, "actor"), (target, "target")} and ev.label == label
    assert "PROTEST" not in [e.type for e in evs]


def test_a_protest_ended_by_its_own_side_is_no_repression(nlp):
    evs, _ = events(nlp, "Workers in Cairo ended their strike on Monday.")
    assert "COERCE" not in [e.type for e in evs]


@pytest.mark.parametrize("text, kind, target", [
    ("The army captured a rebel stronghold near the border.", "COERCE", "rebel"),
    ("Russian troops shelled Chechen rebel positions outside Grozny.", "ASSAULT", "Chechen rebel"),
    ("Police raided a guerrilla camp in the jungle.", "COERCE", "guerrilla"),
])
def test_the_rebels_holding_a_place_are_the_target_of_an_attack_on_it(nlp, text, kind, target):
    """CAMEO codes 'shelled rebel positions' as an attack on the rebels (REB)."""
    evs, names = events(nlp, text)
    group = next(e for e in names.values() if e.name == target)
    assert (group.kind, group.sector) == ("group", "rebels")
    assert (target, "target") in roles(one(evs, kind), names)


@pytest.mark.parametrize("text, target, label", [
    ("President Karzai escaped an assassination attempt in Kandahar.", "Karzai", "Assassination attempt on Karzai"),
    ("Hamid Karzai survived an attack by Taliban gunmen.", "Hamid Karzai", "Attack on Hamid Karzai by Taliban gunmen"),
])
def test_who_survives_an_attack_is_its_target(nlp, text, target, label):
    """CAMEO 185 codes an attempted assassination as an assault on whom it was aimed at."""
    evs, names = events(nlp, text)
    ev = one(evs, "ASSAULT")
    assert (target, "target") in roles(ev, names) and ev.label == label


@pytest.mark.parametrize("text, kind, target", [
    ("Chinese police beat students at the university.", "ASSAULT", "students"),
    ("Egyptian police detained journalists outside the court.", "COERCE", "journalists"),
])
def test_whom_force_is_used_on_are_parties_however_generic(nlp, text, kind, target):
    evs, names = events(nlp, text)
    assert (target, "target") in roles(one(evs, kind), names)


@pytest.mark.parametrize("text, actor", [
    ("Angola received the first UN peacekeepers on Monday.", "Angola"),
    ("Croatia accepted UN monitors on its border.", "Croatia"),
    ("Burma granted the Red Cross access to prisons.", "Myanmar"),
    ("The rebels laid down their arms.", "rebels"),
    ("Kurdish rebels surrendered to the Turkish army.", "Kurdish rebels"),
])
def test_receiving_peacekeepers_access_and_disarming_are_retreats(nlp, text, actor):
    """CAMEO 0861/0862 (receive peacekeepers, inspectors), 086 (allow involvement), 0873/0874
    (demobilise, surrender militarily) are RETREAT in the CAMEO-to-PLOVER table."""
    evs, names = events(nlp, text)
    assert (actor, "actor") in roles(one(evs, "RETREAT"), names)


def test_a_surrender_to_demands_is_a_concession(nlp):
    evs, _ = events(nlp, "The opposition surrendered to the government's demands.")
    assert "RETREAT" not in [e.type for e in evs]


def test_the_one_asked_on_or_to_acts_the_infinitive_not_the_asker(nlp):
    evs, names = events(nlp, "Palestinian leaders appealed to the UN to send peacekeepers.")
    assert ("United Nations", "actor") in roles(one(evs, "AID"), names)
    evs, names = events(nlp, "The opposition called on the president to resign.")
    assert not [e for e in evs if e.type == "CONCEDE" and roles(e, names)]
