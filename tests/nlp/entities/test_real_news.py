"""Classes of error seen on real news (issue 15, dev fold): generic groups that do not act, a
demonym alone, comparisons and court districts taken for places, abbreviations without their last
full stop, one reading per name whatever its possessive, museums the model calls people, religious
titles. Rule functions on hand-built records and Docs, and each class as literal sentences."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities.actors import acting, generic
from graph.nlp.entities.resolver import _adjectival
from graph.records import CONFIDENT, Entity, Event, EventRelation, Mention, Participant, TextSpan

VOCAB = spacy.blank("en").vocab


def entities(nlp, text):
    return {e.id: e for e in nlp(text)._.entities}


# --- a group named by a sector noun without a country is an entity only where it acts ---
def _group(name, sector="health", country=None, spans=((0, 7),)):
    return Entity(id=f"group/{name}", name=name, kind="group", label="NORP", sector=sector, country=country,
                  mentions=[Mention(s, e, name) for s, e in spans])


def _event(eid, type_, parts, start=0, sentence="x" * 40):
    return Event(id=eid, trigger=TextSpan(start, start + 3, "met"), type=type_, date=None, sentence=sentence,
                 sentence_start=start, participants=[Participant(e, r) for e, r in parts])


@pytest.mark.parametrize("entity, is_generic", [
    (_group("doctors"), True),
    (_group("police", sector="police"), True),
    (_group("egyptian-police", sector="police", country="EG"), False),
    (Entity(id="group/asian-women", name="Asian women", kind="group", label="NORP"), False),
    (Entity(id="person/levy", name="Levy", kind="person", label="PERSON", sector="health"), False),
    (_group("black voters", sector="civilians"), False),
    (_group("Evangelical pastors", sector="religious"), False),
])
def test_generic_groups(entity, is_generic):
    assert generic(entity) is is_generic


def test_a_generic_group_stays_only_as_actor_or_target_of_a_typed_event():
    doctors = _group("doctors", spans=((0, 7), (100, 107)))
    lawyers = _group("lawyers", sector="judiciary", spans=((50, 57),))
    levy = Entity(id="person/levy", name="Levy", kind="person", label="PERSON", mentions=[Mention(60, 64, "Levy")])
    events = [_event("ev-1", "PROTEST", [("group/doctors", "actor")], start=0),          # doctors protested
              _event("ev-2", "OTHER", [("group/lawyers", "target")], start=50),          # catering to lawyers
              _event("ev-3", "OTHER", [("group/lawyers", "actor"), ("person/levy", "target")], start=50),
              _event("ev-4", "OTHER", [("group/doctors", "target")], start=100),
              _event("ev-5", "ASSAULT", [], start=120)]                                    # fighting continued
    events[1].source = "group/lawyers"
    events[2].source = "group/lawyers"
    relations = [EventRelation("ev-1", "before", "ev-2"), EventRelation("ev-1", "before", "ev-3")]
    kept, events, relations = acting([doctors, lawyers, levy], events, relations)
    assert [e.id for e in kept] == ["group/doctors", "person/levy"]
    assert [m.start for m in kept[0].mentions] == [0]  # only where it acts
    # the events stay without the group that does not act; one that nobody else takes part in
    # ("catering to lawyers") drops to the low tier
    assert [(ev.id, [p.entity for p in ev.participants], ev.source) for ev in events] == [
        ("ev-1", ["group/doctors"], None), ("ev-2", [], None), ("ev-3", ["person/levy"], None),
        ("ev-4", ["group/doctors"], None), ("ev-5", [], None)]
    assert [ev.confidence < CONFIDENT for ev in events] == [False, True, False, False, False]
    assert len(relations) == 2


@pytest.mark.parametrize("text, absent", [
    ("A sex ring catered to wealthy doctors, lawyers and professors.", {"group/doctors", "group/lawyers",
                                                                         "group/professors"}),
    ("Meetings were set up on two websites. The websites advertised the service.", {"group/websites"}),
    ("The next round of arrests may include professors and attorneys.", {"group/professors", "group/attorneys"}),
])
def test_generic_plurals_that_do_not_act_are_no_entities(nlp, text, absent):
    assert not absent & set(entities(nlp, text))


@pytest.mark.parametrize("text, group", [
    ("Police arrested three men in Boston on Monday.", "group/police"),
    ("Protesters attacked the police station.", "group/protesters"),
])
def test_generic_groups_that_act_are_entities(nlp, text, group):
    assert entities(nlp, text)[group].kind == "group"


def test_a_generic_group_with_a_name_in_it_stays_though_it_does_not_act():
    ucla = Entity(id="organisation/ucla", name="UCLA", kind="organisation", label="ORG",
                  mentions=[Mention(0, 4, "UCLA")])
    students = _group("UCLA students", sector="education", spans=((0, 13),))
    teachers = _group("teachers", sector="education", spans=((20, 28),))
    kept, _, _ = acting([ucla, students, teachers], [], [])
    assert [e.id for e in kept] == ["organisation/ucla", "group/UCLA students"]


@pytest.mark.parametrize("text, group, mention", [
    # a town, an organisation or a name before the sector noun, taken whole
    ("Taylorville police said the road would stay closed until Friday.", "group/taylorville-police",
     "Taylorville police"),
    ("Many UCLA students were in the crowd on Sunday.", "group/ucla-students", "UCLA students"),
    ("The heating at the building is old, and Marcy Houses tenants say it fails every winter.",
     "group/marcy-houses-tenants", "Marcy Houses tenants"),
    ("The city was held by Islamic State terrorists for three years.", "group/islamic-state-terrorists",
     "Islamic State terrorists"),
    # an identity
    ("Biden has relied on black voters in South Carolina, where the primary is on Saturday.",
     "group/black-voters", "black voters"),
])
def test_a_group_with_a_name_or_an_identity_in_it_is_an_entity(nlp, text, group, mention):
    ents = entities(nlp, text)
    assert group in ents, sorted(ents)
    assert [m.text for m in ents[group].mentions] == [mention]


@pytest.mark.parametrize("text, group, name, mention", [
    ("The Trinidad and Tobago police were not at the scene when the boat landed.",
     "group/trinidad-and-tobago-police", "Trinidad and Tobago police", "Trinidad and Tobago police"),
    ("The Ivory Coast rebels said they would hold talks.", "group/ivory-coast-rebels", "Ivory Coast rebels",
     "Ivory Coast rebels"),
])
def test_a_group_is_named_by_its_country_s_whole_name(nlp, text, group, name, mention):
    g = entities(nlp, text)[group]
    assert (g.name, g.country is not None, [m.text for m in g.mentions]) == (name, True, [mention])


# --- a demonym alone is no entity: as an adjective it is the country ---
def _doc(words, heads, deps, pos):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize("words, heads, deps, pos, adjectival", [
    (["French", "billionaire", "Arnault"], [1, 2, 2], ["amod", "compound", "ROOT"], ["ADJ", "NOUN", "PROPN"], True),
    (["Chardin", "was", "French"], [1, 1, 1], ["nsubj", "ROOT", "acomp"], ["PROPN", "AUX", "ADJ"], True),
    (["The", "French", "said", "no"], [1, 2, 2, 2], ["det", "nsubj", "ROOT", "dobj"], ["DET", "PROPN", "VERB", "DET"],
     False),
    (["The", "Russians", "withdrew"], [1, 2, 2], ["det", "nsubj", "ROOT"], ["DET", "PROPN", "VERB"], False),
])
def test_a_demonym_is_adjectival(words, heads, deps, pos, adjectival):
    d = _doc(words, heads, deps, pos)
    i = 1 if words[0] == "The" else (2 if words[1] == "was" else 0)
    assert _adjectival(d[i:i + 1]) is adjectival


@pytest.mark.parametrize("text, country, mention", [
    ("LVMH is led by French billionaire Bernard Arnault.", "country/france", "French"),
    ("As this concerns the arrest of a British citizen, the UK was informed.", "country/united-kingdom", "British"),
])
def test_a_demonym_adjective_is_its_country(ents_nlp, text, country, mention):
    ents = entities(ents_nlp, text)
    assert mention in [m.text for m in ents[country].mentions]
    assert not any(e.kind == "group" for e in ents.values())


def test_the_people_named_by_a_demonym_stay_a_group(ents_nlp):
    ents = entities(ents_nlp, "The Russians made a concession.")
    assert [(m.text, m.resolved_as) for m in ents["group/russians"].mentions] == [("Russians", "country/russia")]


# --- comparisons and court districts are no places ---
@pytest.mark.parametrize("text, absent", [
    ("“Chardin is the French Vermeer, and the painting is a masterpiece,” she said.", "place/french-vermeer"),
    ("James Lee was arrested in the Central District of California.", "region/central-district"),
    ("The case was filed in the Southern District of New York.", "region/southern-district"),
])
def test_comparisons_and_court_districts_are_no_places(ents_nlp, text, absent):
    ents = entities(ents_nlp, text)
    assert absent not in ents and not any(e.kind == "place" for e in ents.values())


def test_the_place_a_court_district_lies_in_stays(ents_nlp):
    assert "region/california" in entities(ents_nlp, "James Lee was arrested in the Central District of California.")


# --- a dotted abbreviation without its last full stop is the abbreviation ---
def test_us_without_its_last_full_stop_is_the_united_states(nlp):
    ents = entities(nlp, "This March, U.S border authorities apprehended more than 221,000 people at the border.")
    assert "U.S" in [m.text for m in ents["country/united-states"].mentions]
    group = ents["group/u-s-border-authorities"]
    assert (group.country, group.sector) == ("US", "government")


# --- one reading per name, with or without its possessive ---
def test_a_name_and_its_possessive_are_one_entity(ents_nlp):
    ents = entities(ents_nlp, "Central Synagogue said the service was streamed. Central Synagogue's rabbi said "
                              "families joined.")
    assert [(e.kind, [m.text for m in e.mentions]) for e in ents.values()] == [
        ("organisation", ["Central Synagogue", "Central Synagogue's"])]


@pytest.mark.parametrize("text", [
    "The Louvre fought to acquire the painting. LVMH has long been involved in the Louvre’s annual fundraisers.",
    "The painting will be shown at the Louvre next year.",
])
def test_a_museum_the_model_calls_a_person_is_the_museum(ents_nlp, text):
    ents = entities(ents_nlp, text)
    assert ents["organisation/louvre"].kind == "organisation"
    assert not any(e.kind in ("person", "work") for e in ents.values())


# --- religious titles are titles ---
@pytest.mark.parametrize("text, person, mentions", [
    ("Dr. Jeremy Wolk, the rabbi of the congregation, said Passover would be online. Rabbi Wolk said families "
     "would gather by video.", "person/jeremy-wolk", ["Jeremy Wolk", "Rabbi Wolk"]),
    ("Rabbi Joseph Potasnik said the story mattered. Potasnik said the plagues had meaning.",
     "person/joseph-potasnik", ["Rabbi Joseph Potasnik", "Potasnik"]),
])
def test_title_and_surname_with_a_religious_title(ents_nlp, text, person, mentions):
    assert [m.text for m in entities(ents_nlp, text)[person].mentions] == mentions


# --- an organisation and its web domain are one entity ---
@pytest.mark.parametrize("word, name", [
    ("Gothamist.com", "Gothamist"), ("gothamist.com", "gothamist"), ("Newsday.co.tt", "Newsday"),
    ("BBC.co.uk", "BBC"), ("Amazon", ""), ("U.S.", ""), ("www.cbsnews.com", ""),
])
def test_the_name_a_domain_is_made_of(word, name):
    from graph.text import domain_name

    assert domain_name(word) == name


@pytest.mark.parametrize("names, clusters", [
    ([["CBS", "News"], ["CBSNews"]], [0, 0]),
    ([["Bank", "Paribas"], ["BNP"], ["BankParibas"]], [0, 1, 0]),
    ([["CBS", "News"], ["CBS"]], [0, 1]),
])
def test_a_name_written_without_its_spaces_is_that_organisation(names, clusters):
    from graph.nlp.entities.aliases import cluster_organisations

    assert cluster_organisations(names) == clusters


@pytest.mark.parametrize("text, org, mentions", [
    ("Gothamist reported the story. Read more at gothamist.com.", "organisation/gothamist",
     ["Gothamist", "gothamist.com"]),
    ("CBS News reported the outbreak. Watch more on CBSNews.com.", "organisation/cbs-news",
     ["CBS News", "CBSNews.com"]),
    ("Newsday reported the sale. Visit Newsday.co.tt for more. Newsday said the bank acted.", "organisation/newsday",
     ["Newsday", "Newsday.co.tt", "Newsday"]),
])
def test_an_organisation_and_its_domain_are_one_entity(ents_nlp, text, org, mentions):
    ents = entities(ents_nlp, text)
    assert [m.text for m in ents[org].mentions] == mentions
    assert len([e for e in ents.values() if e.kind == "organisation"]) == 1


# --- an office named by its field either way round is one organisation ---
@pytest.mark.parametrize("names, clusters", [
    ([["Ministry", "of", "Finance"], ["Finance", "Ministry"]], [0, 0]),
    ([["Department", "of", "Justice"], ["Justice", "Department"], ["Department", "of", "Energy"]], [0, 0, 1]),
    ([["Office", "of", "the", "Governor"], ["Governor's", "Office"]], [0, 0]),
    ([["Ministry", "of", "Finance"], ["Ministry", "of", "Health"]], [0, 1]),
])
def test_an_office_and_its_field_first_are_one_cluster(names, clusters):
    from graph.nlp.entities.aliases import cluster_organisations

    assert cluster_organisations(names) == clusters


@pytest.mark.parametrize("text, mentions", [
    ("The Ministry of Finance issued a statement. Later the Finance Ministry said rates would rise.",
     ["The Ministry of Finance", "the Finance Ministry"]),
    ("The Department of Justice opened a case on Monday. The Justice Department said it would appeal.",
     ["The Department of Justice", "The Justice Department"]),
])
def test_an_office_named_either_way_round_is_one_entity(ents_nlp, text, mentions):
    orgs = [e for e in entities(ents_nlp, text).values() if e.kind == "organisation"]
    assert [[m.text for m in e.mentions] for e in orgs] == [mentions]


# --- a street is a place; a disease is no entity ---
def test_streets_are_places(ents_nlp):
    ents = entities(ents_nlp, "Police closed Dresden Drive and Apple Valley Road after the crash near Ellijay Drive, "
                              "the Brookhaven Police Department said.")
    assert {e.name: e.kind for e in ents.values() if e.name.endswith(("Drive", "Road"))} == {
        "Dresden Drive": "place", "Apple Valley Road": "place", "Ellijay Drive": "place"}


def test_diseases_are_no_entities(ents_nlp):
    ents = entities(ents_nlp, "COVID-19 cases rose in Barbados, and the Omicron BA.2 variant spread, PAHO said. "
                              "Omicron is milder, the ministry said.")
    assert not {e.name for e in ents.values()} & {"COVID-19", "Omicron", "Omicron BA.2"}
    assert {"Barbados", "PAHO"} <= {e.name for e in ents.values()}


# --- a name the model cuts inside a country's name ---
@pytest.mark.parametrize("text, name", [
    ("The Energy Chamber of Trinidad and Tobago said on Monday that gas output fell.",
     "Energy Chamber of Trinidad and Tobago"),
    ("The Government of Bosnia and Herzegovina signed the deal.", "Government of Bosnia and Herzegovina"),
])
def test_an_organisation_named_after_a_country_takes_the_whole_country_name(ents_nlp, text, name):
    assert name in {e.name for e in entities(ents_nlp, text).values() if e.kind == "organisation"}


# --- what a named party does to a generic group is its act, not a party of the story ---
def test_a_generic_group_is_no_party_as_the_target_of_a_named_actor():
    biden = Entity(id="person/joe-biden", name="Joe Biden", kind="person", label="PERSON",
                   mentions=[Mention(0, 5, "Biden")])
    governments = _group("governments", sector="government", spans=((20, 31),))
    police = _group("police", sector="police", spans=((50, 56),))
    protesters = _group("protesters", sector="protesters", spans=((70, 80),))
    migrants = _group("migrants", sector="civilians", spans=((100, 108),))
    events = [_event("ev-1", "SANCTION", [("person/joe-biden", "actor"), ("group/governments", "target")], start=0),
              _event("ev-2", "COERCE", [("group/police", "actor"), ("group/protesters", "target")], start=50),
              _event("ev-3", "COERCE", [("group/migrants", "target")], start=100)]       # migrants were detained
    kept, events, _ = acting([biden, governments, police, protesters, migrants], events, [])
    assert [e.id for e in kept] == ["person/joe-biden", "group/police", "group/protesters", "group/migrants"]
    assert [[p.entity for p in ev.participants] for ev in events] == [
        ["person/joe-biden"], ["group/police", "group/protesters"], ["group/migrants"]]
    assert all(ev.confidence >= CONFIDENT for ev in events)


def test_a_generic_group_a_clause_restricts_stays_as_the_target_of_a_named_actor():
    un = Entity(id="organisation/un", name="UN", kind="organisation", label="ORG", mentions=[Mention(0, 2, "UN")])
    refugees = _group("refugees", sector="refugees", spans=((20, 28),))
    event = _event("ev-1", "AID", [("organisation/un", "actor"), ("group/refugees", "target")])
    kept, _, _ = acting([un, refugees], [event], [], restricted={"group/refugees"})
    assert [e.id for e in kept] == ["organisation/un", "group/refugees"]


@pytest.mark.parametrize("text, group", [
    ("The United Nations will provide food aid to refugees fleeing the civil war in Liberia.", "group/refugees"),
    ("Costa Rica is intensifying its efforts to assist the migrants.", "group/migrants"),
])
def test_particular_people_stay_as_the_target_of_a_named_actor(nlp, text, group):
    assert group in entities(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("President Joe Biden organized the summit, hoping to isolate authoritarian governments in the region.",
     "group/governments"),
    ("Costa Rica is intensifying its efforts to assist migrants.", "group/migrants"),
])
def test_the_generic_target_of_a_named_actor_is_no_entity(nlp, text, absent):
    assert absent not in entities(nlp, text)


def test_a_group_from_a_named_group_of_countries_is_that_group_s():
    # no country, but a named group in the name: a party of the story though it does not act
    countries = Entity(id="group/latin-american-countries", name="Latin American countries", kind="group",
                       label="NORP", mentions=[Mention(30, 54, "Latin American countries")])
    ministers = _group("ministers in Latin American countries", sector="government", spans=((0, 9),))
    kept, _, _ = acting([countries, ministers], [], [])
    assert [e.id for e in kept] == [countries.id, ministers.id]


def test_ministers_from_named_countries_are_their_ministers(nlp):
    ents = entities(nlp, "Blinken is in Panama meeting with ministers from several Latin American countries.")
    group = ents["group/ministers-in-latin-american-countries"]
    assert (group.sector, [m.text for m in group.mentions]) == ("government", ["ministers"])
    assert "group/ministers" not in ents


# --- one private person is no group ---
@pytest.mark.parametrize("text, absent", [
    ("As this concerns the arrest of a British citizen, the US government has informed the UK Government.",
     "group/british-citizen"),
    ("Police detained a Syrian refugee in Athens on Monday.", "group/syrian-refugee"),
])
def test_one_private_person_is_no_group_of_his_country(nlp, text, absent):
    assert absent not in entities(nlp, text)


def test_one_official_is_still_his_government_s(nlp):
    group = entities(nlp, "A Russian official criticised the plan on Monday.")["group/russian-official"]
    assert (group.country, group.sector) == ("RU", "government")


# --- a term the text quotes is no group ---
def test_a_demonym_in_a_quoted_term_is_no_group(ents_nlp):
    ents = entities(ents_nlp, "The websites publicly advertised “nude Asian models” available for appointments.")
    assert not any(e.kind == "group" for e in ents.values())


@pytest.mark.parametrize("text", [
    "The brothel network marketed Asian women to hundreds of buyers.",
    "“The network exploited Asian women for years,” the prosecutor said.",
])
def test_a_demonym_and_its_plural_outside_a_quoted_term_is_a_group(ents_nlp, text):
    assert "group/asian-women" in entities(ents_nlp, text)
