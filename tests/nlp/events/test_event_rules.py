"""The event rules (arguments, modality, anchors, labels, coreference) and the group actors on
hand-built Docs (words, heads, deps, pos, tags, lemmas), as spaCy's own tests build them: no
statistical model decides what these tests see."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import graph.nlp.timex  # noqa: F401 - registers doc._.dct and doc._.timexes
from graph.nlp.entities.actors import GroupActors, agent_nouns
from graph.nlp.events.anchors import TimeAnchors
from graph.nlp.events.arguments import (Arguments, EntityIndex, _titled_people, clausal_target, deep_targets,
                                        destination_targets, noun_arguments, verb_arguments)
from graph.nlp.events.coref import merge
from graph.nlp.events.extractor import EventExtractor
from graph.nlp.events.labels import label
from graph.nlp.events.lexicon import load_lexicon
from graph.nlp.events.modality import Quotes, classify, clause_of, has_aux, stated_intention
from graph.records import CONFIDENT, SECTORS, Entity, Event, Mention, Participant, TextSpan, Timex

VOCAB = spacy.blank("en").vocab
LEX = load_lexicon()


def build(rows: list[tuple[str, int, str, str, str, str]], dct: str = "2022-03-30") -> Doc:
    """A Doc from (word, head, dep, pos, tag, lemma) rows; heads are absolute token indices."""
    words, heads, deps, pos, tags, lemmas = map(list, zip(*rows))
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc._.dct = dct
    return doc


def entity(doc: Doc, start: int, end: int, eid: str, kind: str, country: str | None = None,
           resolved_as: str | None = None, sector: str | None = None) -> Entity:
    span = doc[start:end]
    return Entity(eid, span.text, kind, "", [Mention(span.start_char, span.end_char, span.text, resolved_as)],
                  country=country, sector=sector)


def verb_args(doc: Doc, ents: list[Entity], i: int) -> Arguments:
    """What ``verb_arguments`` finds for the verb at ``i`` of a hand-built ``doc``."""
    args = Arguments(EntityIndex(doc, ents, LEX))
    verb_arguments(doc[i], args, LEX)
    return args


# "Syria says it is willing to withdraw its troops from neighboring Lebanon ."
SYRIA = [("Syria", 1, "nsubj", "PROPN", "NNP", "Syria"), ("says", 1, "ROOT", "VERB", "VBZ", "say"),
         ("it", 3, "nsubj", "PRON", "PRP", "it"), ("is", 1, "ccomp", "AUX", "VBZ", "be"),
         ("willing", 3, "acomp", "ADJ", "JJ", "willing"), ("to", 6, "aux", "PART", "TO", "to"),
         ("withdraw", 4, "xcomp", "VERB", "VB", "withdraw"), ("its", 8, "poss", "PRON", "PRP$", "its"),
         ("troops", 6, "dobj", "NOUN", "NNS", "troop"), ("from", 6, "prep", "ADP", "IN", "from"),
         ("neighboring", 11, "amod", "VERB", "VBG", "neighbor"), ("Lebanon", 9, "pobj", "PROPN", "NNP", "Lebanon"),
         (".", 1, "punct", "PUNCT", ".", ".")]
# "Activists demanded that Microsoft stop selling software ."
DEMAND = [("Activists", 1, "nsubj", "NOUN", "NNS", "activist"), ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
          ("that", 4, "mark", "SCONJ", "IN", "that"), ("Microsoft", 4, "nsubj", "PROPN", "NNP", "Microsoft"),
          ("stop", 1, "ccomp", "VERB", "VB", "stop"), ("selling", 4, "xcomp", "VERB", "VBG", "sell"),
          ("software", 5, "dobj", "NOUN", "NN", "software"), (".", 1, "punct", "PUNCT", ".", ".")]
# "Egyptian police opened fire on demonstrators ."
POLICE = [("Egyptian", 1, "amod", "ADJ", "JJ", "egyptian"), ("police", 2, "nsubj", "NOUN", "NNS", "police"),
          ("opened", 2, "ROOT", "VERB", "VBD", "open"), ("fire", 2, "dobj", "NOUN", "NN", "fire"),
          ("on", 2, "prep", "ADP", "IN", "on"), ("demonstrators", 4, "pobj", "NOUN", "NNS", "demonstrator"),
          (".", 2, "punct", "PUNCT", ".", ".")]
# "Senior Hungarian and Romanian officials met ."
OFFICIALS = [("Senior", 4, "amod", "ADJ", "JJ", "senior"), ("Hungarian", 4, "amod", "ADJ", "JJ", "hungarian"),
             ("and", 1, "cc", "CCONJ", "CC", "and"), ("Romanian", 1, "conj", "ADJ", "JJ", "romanian"),
             ("officials", 5, "nsubj", "NOUN", "NNS", "official"), ("met", 5, "ROOT", "VERB", "VBD", "meet"),
             (".", 5, "punct", "PUNCT", ".", ".")]
# "Opposition groups in Zimbabwe called for a strike ."
ZIMBABWE = [("Opposition", 1, "compound", "NOUN", "NN", "opposition"), ("groups", 4, "nsubj", "NOUN", "NNS", "group"),
            ("in", 1, "prep", "ADP", "IN", "in"), ("Zimbabwe", 2, "pobj", "PROPN", "NNP", "Zimbabwe"),
            ("called", 4, "ROOT", "VERB", "VBD", "call"), ("for", 4, "prep", "ADP", "IN", "for"),
            ("a", 7, "det", "DET", "DT", "a"), ("strike", 5, "pobj", "NOUN", "NN", "strike"),
            (".", 4, "punct", "PUNCT", ".", ".")]

# "Serbia rejected calls by Belarus 's rulers ."
CALLS = [("Serbia", 1, "nsubj", "PROPN", "NNP", "Serbia"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
         ("calls", 1, "dobj", "NOUN", "NNS", "call"), ("by", 2, "prep", "ADP", "IN", "by"),
         ("Belarus", 6, "poss", "PROPN", "NNP", "Belarus"), ("'s", 4, "case", "PART", "POS", "'s"),
         ("rulers", 3, "pobj", "NOUN", "NNS", "ruler"), (".", 1, "punct", "PUNCT", ".", ".")]
# "Pakistan threatened to break off relations with Congo over ties with Israel ."
BREAK = [("Pakistan", 1, "nsubj", "PROPN", "NNP", "Pakistan"), ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
         ("to", 3, "aux", "PART", "TO", "to"), ("break", 1, "xcomp", "VERB", "VB", "break"),
         ("off", 3, "prt", "ADP", "RP", "off"), ("relations", 3, "dobj", "NOUN", "NNS", "relation"),
         ("with", 5, "prep", "ADP", "IN", "with"), ("Congo", 6, "pobj", "PROPN", "NNP", "Congo"),
         ("over", 3, "prep", "ADP", "IN", "over"), ("ties", 8, "pobj", "NOUN", "NNS", "tie"),
         ("with", 9, "prep", "ADP", "IN", "with"), ("Israel", 10, "pobj", "PROPN", "NNP", "Israel"),
         (".", 1, "punct", "PUNCT", ".", ".")]


# "Thousands of Kurds demonstrated ."
THOUSANDS = [("Thousands", 3, "nsubj", "NOUN", "NNS", "thousand"), ("of", 0, "prep", "ADP", "IN", "of"),
             ("Kurds", 1, "pobj", "PROPN", "NNPS", "Kurds"), ("demonstrated", 3, "ROOT", "VERB", "VBD", "demonstrate"),
             (".", 3, "punct", "PUNCT", ".", ".")]


def test_sector_vocabulary_covers_the_agent_dictionary():
    assert set(agent_nouns().values()) <= set(SECTORS)
    assert agent_nouns()["police"] == "police" and agent_nouns()["troop"] == "military"


def test_the_subject_of_willing_to_acts_and_what_it_withdraws_from_is_no_place_of_its_own():
    doc = build(SYRIA)
    ents = [entity(doc, 0, 1, "country/syria", "country", "SY"), entity(doc, 11, 12, "country/lebanon", "country", "LB")]
    args = verb_args(doc, ents, 6)
    assert args.roles == {"country/syria": "actor", "country/lebanon": "place"}
    assert args.place_preps["country/lebanon"] == "from"


# "Greece will not impose restrictions ." / "Greece imposed restrictions ."
RESTRICT = [("Greece", 2, "nsubj", "PROPN", "NNP", "Greece"), ("will", 2, "aux", "AUX", "MD", "will"),
            ("impose", 2, "ROOT", "VERB", "VB", "impose"), ("restrictions", 2, "dobj", "NOUN", "NNS", "restriction"),
            (".", 2, "punct", "PUNCT", ".", ".")]
DONE = [("Greece", 1, "nsubj", "PROPN", "NNP", "Greece"), ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
        ("restrictions", 1, "dobj", "NOUN", "NNS", "restriction"), (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows, trigger, expected", [
    (SYRIA, 6, True),  # "is willing to withdraw"
    (SYRIA, 1, False),  # "says"
    (RESTRICT, 3, True),  # the object of "will impose"
    (RESTRICT, 2, True),
    (DONE, 2, False),
    (DEMAND, 4, False),  # "demanded that Microsoft stop": asked for, not intended
])
def test_a_stated_intention_is_a_future_modal_or_an_intention_word_above_the_trigger(rows, trigger, expected):
    assert stated_intention(build(rows)[trigger], LEX) is expected


# "Iran expressed willingness to negotiate ."
WILLING = [("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"), ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
           ("willingness", 1, "dobj", "NOUN", "NN", "willingness"), ("to", 4, "aux", "PART", "TO", "to"),
           ("negotiate", 2, "acl", "VERB", "VB", "negotiate"), (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows, trigger, future, expected", [
    (RESTRICT, 2, False, False),  # "will impose": a future, no intention word
    (SYRIA, 6, False, True),  # "is willing to withdraw"
    (WILLING, 4, False, True),  # an intention noun's infinitive
    (WILLING, 4, True, True),
])
def test_an_intention_word_without_the_future(rows, trigger, future, expected):
    assert stated_intention(build(rows)[trigger], LEX, future=future) is expected


@pytest.mark.parametrize("rows, modality", [(RESTRICT, "planned"), (DONE, "asserted")])
def test_the_object_noun_of_a_future_verb_is_planned(rows, modality):
    doc = build(rows)
    index = EntityIndex(doc, [entity(doc, 0, 1, "country/greece", "country", "GR")], LEX)
    noun = next(t for t in doc if t.lower_ == "restrictions")
    assert classify(noun, index, Quotes(doc, index, LEX), LEX).modality == modality


def test_a_count_of_a_group_refers_to_the_group():
    doc = build(THOUSANDS)
    index = EntityIndex(doc, [entity(doc, 2, 3, "group/kurds", "group")], LEX)
    assert index.ref(doc[0]) == index.ref(doc[2]) and index.ref(doc[0]).entity == "group/kurds"
    args = Arguments(index)
    verb_arguments(doc[3], args, LEX)
    assert args.roles == {"group/kurds": "actor"}


def test_the_object_of_a_dative_preposition_is_the_target():
    # "Poland gave aid to Ukraine ."
    doc = build([("Poland", 1, "nsubj", "PROPN", "NNP", "Poland"), ("gave", 1, "ROOT", "VERB", "VBD", "give"),
                 ("aid", 1, "dobj", "NOUN", "NN", "aid"), ("to", 1, "dative", "ADP", "IN", "to"),
                 ("Ukraine", 3, "pobj", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", ".")])
    ents = [entity(doc, 0, 1, "country/poland", "country", "PL"), entity(doc, 4, 5, "country/ukraine", "country", "UA")]
    args = verb_args(doc, ents, 1)
    assert args.roles == {"country/poland": "actor", "country/ukraine": "target"}


def test_a_place_noun_names_the_place_before_it_and_the_preposition_may_hang_on_the_adverb():
    # "Serbs pulled back from the Kosovo border ."
    doc = build([("Serbs", 1, "nsubj", "PROPN", "NNPS", "Serbs"), ("pulled", 1, "ROOT", "VERB", "VBD", "pull"),
                 ("back", 1, "advmod", "ADV", "RB", "back"), ("from", 2, "prep", "ADP", "IN", "from"),
                 ("the", 6, "det", "DET", "DT", "the"), ("Kosovo", 6, "compound", "PROPN", "NNP", "Kosovo"),
                 ("border", 3, "pobj", "NOUN", "NN", "border"), (".", 1, "punct", "PUNCT", ".", ".")])
    ents = [entity(doc, 0, 1, "group/serbs", "group", "RS"), entity(doc, 5, 6, "country/kosovo", "country", "XK")]
    args = verb_args(doc, ents, 1)
    assert args.roles == {"group/serbs": "actor", "country/kosovo": "place"}
    assert args.place_preps["country/kosovo"] == "from"


def test_the_other_side_of_a_border_is_a_place():
    # "India massed troops along its border with Pakistan ."
    rows = [("India", 1, "nsubj", "PROPN", "NNP", "India"), ("massed", 1, "ROOT", "VERB", "VBD", "mass"),
            ("troops", 1, "dobj", "NOUN", "NNS", "troop"), ("along", 1, "prep", "ADP", "IN", "along"),
            ("its", 5, "poss", "PRON", "PRP$", "its"), ("border", 3, "pobj", "NOUN", "NN", "border"),
            ("with", 5, "prep", "ADP", "IN", "with"), ("Pakistan", 6, "pobj", "PROPN", "NNP", "Pakistan"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    doc = build(rows)
    ents = [entity(doc, 0, 1, "country/india", "country", "IN"), entity(doc, 7, 8, "country/pakistan", "country", "PK")]
    args = verb_args(doc, ents, 1)
    assert args.roles == {"country/india": "actor", "country/pakistan": "place"}


def test_whose_proposal_is_accepted_and_whose_position_is_backed_are_targets():
    # "Egypt accepted a proposal put forward by Israel ."
    doc = build([("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"), ("accepted", 1, "ROOT", "VERB", "VBD", "accept"),
                 ("a", 3, "det", "DET", "DT", "a"), ("proposal", 1, "dobj", "NOUN", "NN", "proposal"),
                 ("put", 3, "acl", "VERB", "VBN", "put"), ("forward", 4, "advmod", "ADV", "RB", "forward"),
                 ("by", 4, "agent", "ADP", "IN", "by"), ("Israel", 6, "pobj", "PROPN", "NNP", "Israel"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    ents = [entity(doc, 0, 1, "country/egypt", "country", "EG"), entity(doc, 7, 8, "country/israel", "country", "IL")]
    args = verb_args(doc, ents, 1)
    deep_targets(doc[1], args, LEX)
    assert args.roles == {"country/egypt": "actor", "country/israel": "target"}
    # "support for Iraq 's position"
    doc = build([("support", 0, "ROOT", "NOUN", "NN", "support"), ("for", 0, "prep", "ADP", "IN", "for"),
                 ("Iraq", 4, "poss", "PROPN", "NNP", "Iraq"), ("'s", 2, "case", "PART", "POS", "'s"),
                 ("position", 1, "pobj", "NOUN", "NN", "position")])
    args = Arguments(EntityIndex(doc, [entity(doc, 2, 3, "country/iraq", "country", "IQ")], LEX))
    noun_arguments(doc[0], args, LEX)
    assert args.roles == {"country/iraq": "target"}


def test_what_one_is_sent_somewhere_to_do_is_done_to_that_place():
    # "UN sent a team to Bosnia to investigate ." / "UN met a team in Bosnia to investigate ."
    def rows(verb, lemma, prep):
        return [("UN", 1, "nsubj", "PROPN", "NNP", "UN"), (verb, 1, "ROOT", "VERB", "VBD", lemma),
                ("a", 3, "det", "DET", "DT", "a"), ("team", 1, "dobj", "NOUN", "NN", "team"),
                (prep, 1, "prep", "ADP", "IN", prep), ("Bosnia", 4, "pobj", "PROPN", "NNP", "Bosnia"),
                ("to", 7, "aux", "PART", "TO", "to"), ("investigate", 1, "advcl", "VERB", "VB", "investigate"),
                (".", 1, "punct", "PUNCT", ".", ".")]
    for verb, lemma, prep, expected in (("sent", "send", "to", {"country/bosnia": "target"}), ("met", "meet", "in", {})):
        doc = build(rows(verb, lemma, prep))
        args = Arguments(EntityIndex(doc, [entity(doc, 5, 6, "country/bosnia", "country", "BA")], LEX))
        destination_targets(doc[7], args, LEX)
        assert args.roles == expected


def test_the_author_of_a_rejected_call_is_the_target_even_when_named_by_its_owner():
    doc = build(CALLS)
    ents = [entity(doc, 0, 1, "country/serbia", "country", "RS"),
            entity(doc, 4, 5, "country/belarus", "country", "BY"),
            entity(doc, 4, 7, "group/belarus-rulers", "group", "BY", sector="government")]
    args = verb_args(doc, ents, 1)
    assert args.roles == {"country/serbia": "actor"}  # "calls" names nobody
    deep_targets(doc[1], args, LEX)
    assert args.roles == {"country/serbia": "actor", "group/belarus-rulers": "target"}


def test_a_threat_is_aimed_at_the_target_of_what_is_threatened_not_at_the_reason_given():
    doc = build(BREAK)
    ents = [entity(doc, 0, 1, "country/pakistan", "country", "PK"),
            entity(doc, 7, 8, "country/congo", "country", "CG"),
            entity(doc, 11, 12, "country/israel", "country", "IL")]
    args = verb_args(doc, ents, 1)
    deep_targets(doc[1], args, LEX)
    assert args.roles == {"country/pakistan": "actor", "country/congo": "target"}


def test_who_demands_that_someone_act_requests_of_them_and_the_act_is_not_asserted():
    doc = build(DEMAND)
    ents = [entity(doc, 3, 4, "organisation/microsoft", "organisation"),
            entity(doc, 0, 1, "group/activists", "group", sector="opposition")]
    index = EntityIndex(doc, ents, LEX)
    args = Arguments(index)
    verb_arguments(doc[1], args, LEX)
    clausal_target(doc[1], args)
    assert args.roles == {"group/activists": "actor", "organisation/microsoft": "target"}
    assert classify(doc[4], index, Quotes(doc, index, LEX), LEX).modality == "hypothetical"
    assert classify(doc[1], index, Quotes(doc, index, LEX), LEX).modality == "asserted"


def test_one_span_naming_two_groups_gives_both_as_actors():
    doc = build(OFFICIALS)
    ents = [Entity("group/hungarian-officials", "Hungarian officials", "group", "NORP",
                   [Mention(doc[1].idx, doc[4].idx + 9, doc[1:5].text)], country="HU", sector="government"),
            Entity("group/romanian-officials", "Romanian officials", "group", "NORP",
                   [Mention(doc[1].idx, doc[4].idx + 9, doc[1:5].text)], country="RO", sector="government")]
    args = verb_args(doc, ents, 5)
    assert args.roles == {"group/romanian-officials": "actor", "group/hungarian-officials": "actor"}


@pytest.mark.parametrize("rows, expected", [
    (POLICE, {("Egyptian police", "EG", "police"), ("demonstrators", None, "protesters")}),
    (ZIMBABWE, {("Opposition groups in Zimbabwe", "ZW", "opposition")}),
    (OFFICIALS, {("Hungarian officials", "HU", "government"), ("Romanian officials", "RO", "government")}),
    (SYRIA, set()),  # "its troops" are Syria's: the event rules resolve the owner
])
def test_group_actors_get_country_and_sector(rows, expected):
    doc = build(rows)
    countries = {"Egyptian": ("country/egypt", "EG"), "Zimbabwe": ("country/zimbabwe", "ZW"),
                 "Hungarian": ("country/hungary", "HU"), "Romanian": ("country/romania", "RO"),
                 "Syria": ("country/syria", "SY"), "Lebanon": ("country/lebanon", "LB")}
    ents = []
    for tok in doc:
        if tok.text in countries:
            cid, code = countries[tok.text]
            if tok.pos_ == "ADJ":  # a demonym adjective stands for its country, as etkg_entities leaves it
                ents.append(entity(doc, tok.i, tok.i + 1, f"group/{tok.lower_}s", "group", resolved_as=cid))
                ents.append(Entity(cid, cid.split("/")[1].title(), "country", "GPE", country=code))
            else:
                ents.append(entity(doc, tok.i, tok.i + 1, cid, "country", code))
    doc._.entities = ents
    GroupActors(agent_nouns())(doc)
    groups = {(e.name, e.country, e.sector) for e in doc._.entities if e.sector}
    assert groups == expected


# "A Russian official offered concessions ." / "The Russian government offered concessions ."
ONE_OFFICIAL = [("A", 2, "det", "DET", "DT", "a"), ("Russian", 2, "amod", "ADJ", "JJ", "russian"),
                ("official", 3, "nsubj", "NOUN", "NN", "official"), ("offered", 3, "ROOT", "VERB", "VBD", "offer"),
                ("concessions", 3, "dobj", "NOUN", "NNS", "concession"), (".", 3, "punct", "PUNCT", ".", ".")]
THE_GOVERNMENT = [("The", 2, "det", "DET", "DT", "the"), *ONE_OFFICIAL[1:2],
                  ("government", 3, "nsubj", "NOUN", "NN", "government"), *ONE_OFFICIAL[3:]]
# "Demonstrators in Baghdad blocked a road ."
BAGHDAD = [("Demonstrators", 3, "nsubj", "NOUN", "NNS", "demonstrator"), ("in", 0, "prep", "ADP", "IN", "in"),
           ("Baghdad", 1, "pobj", "PROPN", "NNP", "Baghdad"), ("blocked", 3, "ROOT", "VERB", "VBD", "block"),
           ("a", 5, "det", "DET", "DT", "a"), ("road", 3, "dobj", "NOUN", "NN", "road"), (".", 3, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows, expected", [
    (ONE_OFFICIAL, {("Russian official", "RU", "government")}),  # an unnamed member of a sector
    (THE_GOVERNMENT, set()),  # the state itself, as the event rules resolve it
])
def test_an_indefinite_member_of_a_sector_with_a_country_is_a_group(rows, expected):
    doc = build(rows)
    doc._.entities = [entity(doc, 1, 2, "group/russians", "group", resolved_as="country/russia"),
                      Entity("country/russia", "Russia", "country", "GPE", country="RU")]
    GroupActors(agent_nouns())(doc)
    assert {(e.name, e.country, e.sector) for e in doc._.entities if e.sector} == expected


def test_a_town_after_a_preposition_gives_a_group_its_country():
    doc = build(BAGHDAD)
    doc._.entities = [entity(doc, 2, 3, "city/baghdad", "city", "IQ")]
    GroupActors(agent_nouns())(doc)
    assert {(e.name, e.country, e.sector) for e in doc._.entities if e.sector} == {
        ("Demonstrators in Baghdad", "IQ", "protesters")}


def test_dissenters_who_block_a_road_protest_and_soldiers_who_do_coerce():
    doc = build(BAGHDAD)
    doc._.timexes = []
    for sector, kind in (("protesters", "PROTEST"), ("military", "COERCE")):
        doc._.entities = [Entity("group/x", "Demonstrators in Baghdad", "group", "NORP", [Mention(0, 24, doc[:3].text)],
                                 country="IQ", sector=sector)]
        (ev,) = EventExtractor(LEX)(doc)._.events
        assert (ev.type, ev.trigger.text) == (kind, "blocked")


# "Thousands demonstrated calling for independence from Iraq ."
KURDS = [("Kurds", 1, "nsubj", "PROPN", "NNPS", "Kurds"), ("demonstrated", 1, "ROOT", "VERB", "VBD", "demonstrate"),
         ("calling", 1, "advcl", "VERB", "VBG", "call"), ("for", 2, "prep", "ADP", "IN", "for"),
         ("independence", 3, "pobj", "NOUN", "NN", "independence"), ("from", 4, "prep", "ADP", "IN", "from"),
         ("Iraq", 5, "pobj", "PROPN", "NNP", "Iraq"), (".", 1, "punct", "PUNCT", ".", ".")]


def test_a_protest_is_aimed_at_whom_it_makes_demands_of():
    doc = build(KURDS)
    doc._.entities = [entity(doc, 0, 1, "group/kurds", "group"), entity(doc, 6, 7, "country/iraq", "country", "IQ")]
    doc._.timexes = []
    events = {e.type: e for e in EventExtractor(LEX)(doc)._.events}
    assert ("country/iraq", "target") in {(p.entity, p.role) for p in events["REQUEST"].participants}
    assert ("country/iraq", "target") in {(p.entity, p.role) for p in events["PROTEST"].participants}
    assert events["PROTEST"].label == "Kurds demonstrate against Iraq"


# "The minister said that Libya must hand over the bombers ."
MUST = [("The", 1, "det", "DET", "DT", "the"), ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"), ("that", 6, "mark", "SCONJ", "IN", "that"),
        ("Libya", 6, "nsubj", "PROPN", "NNP", "Libya"), ("must", 6, "aux", "AUX", "MD", "must"),
        ("hand", 2, "ccomp", "VERB", "VB", "hand"), ("over", 6, "prt", "ADP", "RP", "over"),
        ("the", 9, "det", "DET", "DT", "the"), ("bombers", 6, "dobj", "NOUN", "NNS", "bomber"),
        (".", 2, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("modal, expected", [("must", "REQUEST"), ("will", None)])
def test_saying_that_someone_must_act_asks_it_of_them(modal, expected):
    rows = [(modal, *r[1:5], modal) if r[0] == "must" else r for r in MUST]
    doc = build(rows)
    doc._.entities = [Entity("person/minister", "Mr Minister", "person", "PERSON", [Mention(4, 12, "minister")]),
                      entity(doc, 4, 5, "country/libya", "country", "LY")]
    doc._.timexes = []
    said = [e for e in EventExtractor(LEX)(doc)._.events if e.trigger.text == "said"]
    assert [e.type for e in said] == ([expected] if expected else [])
    if expected:
        assert {(p.entity, p.role) for p in said[0].participants} == {("person/minister", "actor"),
                                                                      ("country/libya", "target")}
        assert said[0].label == "Mr Minister says Libya must hand over bombers"


# "An anti - Syria journalist wrote ."
ANTI = [("An", 4, "det", "DET", "DT", "an"), ("anti", 4, "amod", "ADJ", "JJ", "anti"), ("-", 4, "punct", "PUNCT", "HYPH", "-"),
        ("Syria", 4, "amod", "PROPN", "NNP", "Syria"), ("journalist", 5, "nsubj", "NOUN", "NN", "journalist"),
        ("wrote", 5, "ROOT", "VERB", "VBD", "write"), (".", 5, "punct", "PUNCT", ".", ".")]


def test_a_stance_towards_a_country_is_no_nationality():
    doc = build(ANTI)
    doc._.entities = [entity(doc, 3, 4, "country/syria", "country", "SY")]
    GroupActors(agent_nouns())(doc)
    assert not [e for e in doc._.entities if e.sector]


# "Police dispersed the demonstration ." / "Moscow suspended the talks ."
DISPERSED = [("Police", 1, "nsubj", "NOUN", "NNS", "police"), ("dispersed", 1, "ROOT", "VERB", "VBD", "disperse"),
             ("the", 3, "det", "DET", "DT", "the"), ("demonstration", 1, "dobj", "NOUN", "NN", "demonstration"),
             (".", 1, "punct", "PUNCT", ".", ".")]
PREVENTED = [(w if w != "dispersed" else "prevented", h, d, p, t, l if l != "disperse" else "prevent")
             for w, h, d, p, t, l in DISPERSED]
SUSPENDED = [("Moscow", 1, "nsubj", "PROPN", "NNP", "Moscow"), ("suspended", 1, "ROOT", "VERB", "VBD", "suspend"),
             ("the", 3, "det", "DET", "DT", "the"), ("talks", 1, "dobj", "NOUN", "NNS", "talk"),
             (".", 1, "punct", "PUNCT", ".", ".")]
HELD = [(w if w != "suspended" else "held", h, d, p, t, l if l != "suspend" else "hold") for w, h, d, p, t, l in SUSPENDED]


@pytest.mark.parametrize("rows, actor, expected", [
    (DISPERSED, ("group/police", "Police", "police"), ("COERCE", "dispersed")),  # stopping a protest coerces
    (PREVENTED, ("group/police", "Police", "police"), ("COERCE", "prevented")),
    (SUSPENDED, ("country/russia", "Russia", None), ("SANCTION", "talks")),  # halting talks reduces relations
    (HELD, ("country/russia", "Russia", None), ("CONSULT", "talks")),
])
def test_stopping_a_protest_coerces_and_halting_talks_sanctions(rows, actor, expected):
    doc = build(rows)
    eid, name, sector = actor
    doc._.entities = [Entity(eid, name, "group" if sector else "country", "", [Mention(0, len(doc[0].text), doc[0].text)],
                             sector=sector, country=None if sector else "RU")]
    doc._.timexes = []
    typed = [(e.type, e.trigger.text) for e in EventExtractor(LEX)(doc)._.events if e.type != "OTHER"]
    assert typed[:1] == [expected]


# "Leaders of the Azadliq coalition agreed ." / "... the Azadliq ceasefire ..." (no body noun)
AZADLIQ = [("Leaders", 5, "nsubj", "NOUN", "NNS", "leader"), ("of", 0, "prep", "ADP", "IN", "of"),
           ("the", 4, "det", "DET", "DT", "the"), ("Azadliq", 4, "nmod", "PROPN", "NNP", "Azadliq"),
           ("coalition", 1, "pobj", "NOUN", "NN", "coalition"), ("agreed", 5, "ROOT", "VERB", "VBD", "agree"),
           (".", 5, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("noun, expected", [("coalition", {"Azadliq"}), ("ceasefire", set())])
def test_a_name_before_a_word_for_a_body_is_an_organisation(noun, expected):
    doc = build([(noun, *r[1:5], noun) if r[0] == "coalition" else r for r in AZADLIQ])
    doc._.entities = []
    GroupActors(agent_nouns())(doc)
    assert {e.name for e in doc._.entities if e.kind == "organisation"} == expected


def test_the_leaders_of_a_body_act_for_it_and_the_body_is_no_event():
    doc = build(AZADLIQ)
    doc._.entities = []
    doc._.timexes = []
    GroupActors(agent_nouns())(doc)
    events = EventExtractor(LEX)(doc)._.events
    assert [(e.type, e.label) for e in events] == [("AGREE", "Azadliq agrees")]


def test_a_group_named_by_a_two_word_country_keeps_the_whole_name():
    # "Ivory Coast rebels rejected the plan ." ("Ivory" hangs on "Coast", "Coast" on "rebels")
    doc = build([("Ivory", 1, "compound", "PROPN", "NNP", "Ivory"), ("Coast", 2, "compound", "PROPN", "NNP", "Coast"),
                 ("rebels", 3, "nsubj", "NOUN", "NNS", "rebel"), ("rejected", 3, "ROOT", "VERB", "VBD", "reject"),
                 ("the", 5, "det", "DET", "DT", "the"), ("plan", 3, "dobj", "NOUN", "NN", "plan"),
                 (".", 3, "punct", "PUNCT", ".", ".")])
    doc._.entities = [entity(doc, 0, 2, "country/ivory-coast", "country", "CI")]
    GroupActors(agent_nouns())(doc)
    assert {(e.name, e.country, e.sector) for e in doc._.entities if e.sector} == {("Ivory Coast rebels", "CI", "rebels")}


def test_labels_say_who_did_what_to_whom_without_repeating_the_trigger_phrase():
    doc = build(POLICE)
    assert label(doc[2], "open fire", ["Egyptian police"], ["demonstrators"], [], plural=True) == \
        "Egyptian police open fire on demonstrators"
    # "Russia's announcement": no possessive fragment in an object phrase
    poss = build([("Zelenskyy", 1, "nsubj", "PROPN", "NNP", "Zelenskyy"), ("dismissed", 1, "ROOT", "VERB", "VBD", "dismiss"),
                  ("Russia", 4, "poss", "PROPN", "NNP", "Russia"), ("'s", 2, "case", "PART", "POS", "'s"),
                  ("announcement", 1, "dobj", "NOUN", "NN", "announcement")])
    assert label(poss[1], "dismiss", ["Volodymyr Zelenskyy"], ["Russia"], []) == \
        "Volodymyr Zelenskyy dismisses Russia's announcement"


# "Rebels rejected a Senegalese peace plan ."
PLAN = [("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
        ("a", 5, "det", "DET", "DT", "a"), ("Senegalese", 5, "amod", "ADJ", "JJ", "senegalese"),
        ("peace", 5, "compound", "NOUN", "NN", "peace"), ("plan", 1, "dobj", "NOUN", "NN", "plan"),
        (".", 1, "punct", "PUNCT", ".", ".")]


def test_a_label_names_a_target_once_even_when_the_object_names_it_by_its_demonym():
    doc = build(PLAN)
    assert label(doc[1], "reject", ["Rebels"], ["Senegal"], [], plural=True) == "Rebels reject Senegalese peace plan"
    assert label(doc[1], "reject", ["Rebels"], ["Mali"], [], plural=True) == "Rebels reject Senegalese peace plan Mali"


@pytest.mark.parametrize("prep, kind", [("with", "CONSULT"), ("for", "REQUEST")])
def test_an_event_noun_is_typed_with_its_preposition(prep, kind):
    from graph.nlp.events.extractor import _noun_kind

    doc = build([("a", 1, "det", "DET", "DT", "a"), ("call", 1, "ROOT", "NOUN", "NN", "call"),
                 (prep, 1, "prep", "ADP", "IN", prep), ("Milling", 2, "pobj", "PROPN", "NNP", "Milling")])
    assert _noun_kind(doc[1], LEX) == kind


def test_an_extractor_on_a_hand_built_doc_codes_the_group_event():
    doc = build(POLICE)
    doc._.entities = [Entity("group/egyptian-police", "Egyptian police", "group", "NORP",
                             [Mention(0, 15, "Egyptian police")], country="EG", sector="police"),
                      Entity("group/demonstrators", "demonstrators", "group", "NORP",
                             [Mention(doc[5].idx, doc[5].idx + 13, "demonstrators")], sector="protesters")]
    doc._.timexes = []
    (ev,) = EventExtractor(LEX)(doc)._.events
    assert (ev.type, ev.label) == ("ASSAULT", "Egyptian police open fire on demonstrators")
    assert {(p.entity, p.role) for p in ev.participants} == {("group/egyptian-police", "actor"),
                                                             ("group/demonstrators", "target")}
    assert ev.confidence >= CONFIDENT
    # the lead: an undated past event of it is dated by the same-day news convention
    assert (ev.date, ev.anchor) == ("2022-03-30", "convention")


# "He said on Thursday that the talks had produced no breakthrough ."
PESKOV = [("He", 1, "nsubj", "PRON", "PRP", "he"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
          ("on", 1, "prep", "ADP", "IN", "on"), ("Thursday", 2, "pobj", "PROPN", "NNP", "Thursday"),
          ("that", 8, "mark", "SCONJ", "IN", "that"), ("the", 6, "det", "DET", "DT", "the"),
          ("talks", 8, "nsubj", "NOUN", "NNS", "talk"), ("had", 8, "aux", "AUX", "VBD", "have"),
          ("produced", 1, "ccomp", "VERB", "VBN", "produce"), ("no", 10, "det", "DET", "DT", "no"),
          ("breakthrough", 8, "dobj", "NOUN", "NN", "breakthrough"), (".", 1, "punct", "PUNCT", ".", ".")]


def test_a_pluperfect_clause_is_before_the_time_of_its_report():
    doc = build(PESKOV, dct="2022-04-02")
    thursday = Timex(doc[3].idx, doc[3].idx + 8, "Thursday", "DATE", "2022-03-31", begin="2022-03-31", until="2022-04-01")
    anchors = TimeAnchors(doc, [thursday], LEX)
    assert anchors.anchor(doc[6], doc[8]) == anchors.anchor(doc[8]) == \
        type(anchors.anchor(doc[1]))("PAST_REF", "tense", None, "2022-03-31")
    assert anchors.anchor(doc[1]).date == "2022-03-31"  # the saying itself is Thursday


# "Talks ended in Paris . Russia massed troops ahead of the Tuesday talks ."
AHEAD = [("Talks", 1, "nsubj", "NOUN", "NNS", "talk"), ("ended", 1, "ROOT", "VERB", "VBD", "end"),
         ("in", 1, "prep", "ADP", "IN", "in"), ("Paris", 2, "pobj", "PROPN", "NNP", "Paris"),
         (".", 1, "punct", "PUNCT", ".", "."),
         ("Russia", 6, "nsubj", "PROPN", "NNP", "Russia"), ("massed", 6, "ROOT", "VERB", "VBD", "mass"),
         ("troops", 6, "dobj", "NOUN", "NNS", "troop"), ("ahead", 6, "advmod", "ADV", "RB", "ahead"),
         ("of", 8, "prep", "ADP", "IN", "of"), ("the", 12, "det", "DET", "DT", "the"),
         ("Tuesday", 12, "compound", "PROPN", "NNP", "Tuesday"), ("talks", 9, "pobj", "NOUN", "NNS", "talk"),
         (".", 6, "punct", "PUNCT", ".", ".")]


# "“ I call for calm , ” Rankin said . ¶ “ I reject it . ”"
GOVERNOR = [("“", 2, "punct", "PUNCT", "``", "“"), ("I", 2, "nsubj", "PRON", "PRP", "I"),
            ("call", 8, "ccomp", "VERB", "VBP", "call"), ("for", 2, "prep", "ADP", "IN", "for"),
            ("calm", 3, "pobj", "NOUN", "NN", "calm"), (",", 8, "punct", "PUNCT", ",", ","),
            ("”", 8, "punct", "PUNCT", "''", "”"), ("Rankin", 8, "nsubj", "PROPN", "NNP", "Rankin"),
            ("said", 8, "ROOT", "VERB", "VBD", "say"), (".", 8, "punct", "PUNCT", ".", "."),
            ("\n\n", 9, "dep", "SPACE", "_SP", "\n\n"),
            ("“", 13, "punct", "PUNCT", "``", "“"), ("I", 13, "nsubj", "PRON", "PRP", "I"),
            ("reject", 13, "ROOT", "VERB", "VBP", "reject"), ("it", 13, "dobj", "PRON", "PRP", "it"),
            (".", 13, "punct", "PUNCT", ".", "."), ("”", 13, "punct", "PUNCT", "''", "”")]


def test_the_first_person_of_a_quotation_is_its_speaker_also_in_the_next_quoted_paragraph():
    doc = build(GOVERNOR)
    index = EntityIndex(doc, [entity(doc, 7, 8, "person/rankin", "person")], LEX)
    assert index.ref(doc[1]) is None  # before quotations are known, "I" names nobody
    quotes = Quotes(doc, index, LEX)
    index.speaker_at = lambda char: quotes.at(char)[1]
    assert quotes.at(doc[13].idx) == (True, "person/rankin")
    assert index.ref(doc[1]).entity == index.ref(doc[12]).entity == "person/rankin"


def test_a_date_ahead_of_which_an_event_happens_dates_what_it_names_and_bounds_the_event():
    doc = build(AHEAD)
    tuesday = Timex(doc[11].idx, doc[11].idx + 7, "Tuesday", "DATE", "2022-03-29", begin="2022-03-29",
                    until="2022-03-30")
    anchors = TimeAnchors(doc, [tuesday], LEX)
    assert anchors.anchor(doc[12], doc[6]) == type(anchors.anchor(doc[12]))("2022-03-29", "explicit", "2022-03-29",
                                                                           "2022-03-30")
    assert anchors.anchor(doc[6], kind="MOBILIZE") == type(anchors.anchor(doc[6]))("PAST_REF", "tense", None,
                                                                                  "2022-03-29")


def test_what_a_report_reports_takes_the_report_s_day_not_its_hour():
    # "Men were arrested , police announced Wednesday morning ."
    doc = build([("Men", 2, "nsubjpass", "NOUN", "NNS", "man"), ("were", 2, "auxpass", "AUX", "VBD", "be"),
                 ("arrested", 5, "ccomp", "VERB", "VBN", "arrest"), (",", 5, "punct", "PUNCT", ",", ","),
                 ("police", 5, "nsubj", "NOUN", "NNS", "police"), ("announced", 5, "ROOT", "VERB", "VBD", "announce"),
                 ("Wednesday", 7, "compound", "PROPN", "NNP", "Wednesday"),
                 ("morning", 5, "npadvmod", "NOUN", "NN", "morning"), (".", 5, "punct", "PUNCT", ".", ".")])
    morning = Timex(doc[6].idx, doc[7].idx + 7, "Wednesday morning", "TIME", "2022-03-30TMO",
                    begin="2022-03-30T06:00", until="2022-03-30T12:00")
    anchors = TimeAnchors(doc, [morning], LEX)
    assert anchors.anchor(doc[5]).date == "2022-03-30TMO"  # the announcement itself
    assert anchors.anchor(doc[2]) == type(anchors.anchor(doc[2]))("2022-03-30", "inferred", "2022-03-30", "2022-03-31")


def test_an_undated_past_event_after_the_lead_is_past_ref_unless_it_is_a_statement():
    lead = [("Talks", 1, "nsubj", "NOUN", "NNS", "talk"), ("ended", 1, "ROOT", "VERB", "VBD", "end"),
            ("in", 1, "prep", "ADP", "IN", "in"), ("Paris", 2, "pobj", "PROPN", "NNP", "Paris"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    later = [("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
             ("Goma", 1, "dobj", "PROPN", "NNP", "Goma"), (".", 1, "punct", "PUNCT", ".", ".")]
    rows = lead + [(w, h + len(lead), d, p, t, l) for w, h, d, p, t, l in later]
    doc = build(rows)
    anchors = TimeAnchors(doc, [], LEX)
    assert anchors.anchor(doc[1]).anchor == "convention"
    assert (anchors.anchor(doc[6], kind="ASSAULT").date, anchors.anchor(doc[6]).anchor) == ("PAST_REF", "tense")
    assert anchors.anchor(doc[6], kind="ACCUSE").anchor == "convention"


def _ev(trigger: str, date: str | None, anchor: str, confidence: float, start: int = 0) -> Event:
    return Event(f"ev-{trigger}-{start}", TextSpan(start, start + len(trigger), trigger), "ASSAULT", date, trigger,
                 [Participant("person/putin", "actor")], anchor=anchor, confidence=confidence, lemma="attack")


def test_merging_keeps_a_calendar_date_and_never_lifts_an_event_out_of_the_low_tier():
    (ev,) = merge([_ev("attacked", "PAST_REF", "tense", 0.75), _ev("attack", "2022-03-30", "tense", 0.75, 40)])
    assert ev.date == "2022-03-30"
    (low,) = merge([_ev("attack", None, "tense", CONFIDENT - 0.05), _ev("attack", None, "tense", CONFIDENT - 0.05, 9)])
    assert low.confidence < CONFIDENT


# "Israel faced criticism from Washington ."
FACED = [("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"), ("faced", 1, "ROOT", "VERB", "VBD", "face"),
         ("criticism", 1, "dobj", "NOUN", "NN", "criticism"), ("from", 2, "prep", "ADP", "IN", "from"),
         ("Washington", 3, "pobj", "PROPN", "NNP", "Washington"), (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("verb, lemma, expected", [
    ("faced", "face", {"city/washington": "actor", "country/israel": "target"}),
    # a plain verb of speech with the same noun leaves its subject the actor
    ("voiced", "voice", {"city/washington": "place", "country/israel": "actor"}),
])
def test_the_subject_of_a_verb_of_undergoing_is_the_target_and_the_source_acts(verb, lemma, expected):
    rows = list(FACED)
    rows[1] = (verb, 1, "ROOT", "VERB", "VBD", lemma)
    doc = build(rows)
    doc._.entities = [entity(doc, 0, 1, "country/israel", "country", "IL"),
                      entity(doc, 4, 5, "city/washington", "city", "US")]
    doc._.timexes = []
    typed = [e for e in EventExtractor(LEX)(doc)._.events if e.type != "OTHER"]
    assert [e.type for e in typed] == ["ACCUSE"]
    assert {p.entity: p.role for p in typed[0].participants} == expected


# "action taken by the DEA ." (with "military" before "action", or "enforcement")
ACTION = [("military", 1, "amod", "ADJ", "JJ", "military"), ("action", 1, "ROOT", "NOUN", "NN", "action"),
          ("taken", 1, "acl", "VERB", "VBN", "take"), ("by", 2, "agent", "ADP", "IN", "by"),
          ("NATO", 3, "pobj", "PROPN", "NNP", "NATO"), (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("before, dep, kind", [
    ("military", "amod", "ASSAULT"), ("enforcement", "compound", "COERCE"), ("legal", "amod", "ACCUSE"),
    ("swift", "amod", None),  # "action" alone names no type
])
def test_the_word_before_action_types_it_and_the_participle_s_agent_acts(before, dep, kind):
    rows = list(ACTION)
    rows[0] = (before, 1, dep, "ADJ" if dep == "amod" else "NOUN", "JJ" if dep == "amod" else "NN", before)
    doc = build(rows)
    doc._.entities = [entity(doc, 4, 5, "organisation/nato", "organisation")]
    doc._.timexes = []
    typed = [(e.type, {p.entity: p.role for p in e.participants}) for e in EventExtractor(LEX)(doc)._.events
             if e.type != "OTHER"]
    assert typed == ([(kind, {"organisation/nato": "actor"})] if kind else [])


# "Google won . The billionaire 's company supported exhibitions ."
OWNED = [("Google", 1, "nsubj", "PROPN", "NNP", "Google"), ("won", 1, "ROOT", "VERB", "VBD", "win"),
         (".", 1, "punct", "PUNCT", ".", "."), ("The", 4, "det", "DET", "DT", "the"),
         ("billionaire", 6, "poss", "NOUN", "NN", "billionaire"), ("'s", 4, "case", "PART", "POS", "'s"),
         ("company", 7, "nsubj", "NOUN", "NN", "company"), ("supported", 7, "ROOT", "VERB", "VBD", "support"),
         ("exhibitions", 7, "dobj", "NOUN", "NNS", "exhibition"), (".", 7, "punct", "PUNCT", ".", ".")]


def test_a_description_owned_by_a_description_is_definite():
    """"the billionaire's company" refers back as "the company" does; "a company" does not."""
    doc = build(OWNED)
    index = EntityIndex(doc, [entity(doc, 0, 1, "organisation/google", "organisation")], LEX)
    assert index.ref(doc[6]).entity == "organisation/google"
    rows = list(OWNED)
    rows[3] = ("A", 4, "det", "DET", "DT", "a")
    doc = build(rows)
    assert EntityIndex(doc, [entity(doc, 0, 1, "organisation/google", "organisation")], LEX).ref(doc[6]) is None


# "Laurence des Cars said so in an interview with Le Figaro ."
INTERVIEW = [("Cars", 1, "nsubj", "PROPN", "NNP", "Cars"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
             ("so", 1, "advmod", "ADV", "RB", "so"), ("in", 1, "prep", "ADP", "IN", "in"),
             ("an", 5, "det", "DET", "DT", "an"), ("interview", 3, "pobj", "NOUN", "NN", "interview"),
             ("with", 5, "prep", "ADP", "IN", "with"), ("Figaro", 6, "pobj", "PROPN", "NNP", "Figaro"),
             (".", 1, "punct", "PUNCT", ".", ".")]


def test_who_speaks_in_an_interview_gives_it():
    from graph.nlp.events.extractor import _speaker_of_setting
    doc = build(INTERVIEW)
    assert _speaker_of_setting(doc[5], LEX).i == 0
    assert _speaker_of_setting(doc[7], LEX) is None  # the paper is the interview's party, not its setting
    rows = list(INTERVIEW)
    rows[1] = ("died", 1, "ROOT", "VERB", "VBD", "die")
    assert _speaker_of_setting(build(rows)[5], LEX) is None  # only a reporting verb's speaker
    rows = list(INTERVIEW)
    rows[3] = ("at", 1, "prep", "ADP", "IN", "at")
    assert _speaker_of_setting(build(rows)[5], LEX) is None  # "at a news conference": where one speaks


# "Biden promised , days after Clyburn endorsed him ."
DAYS_AFTER = [("Biden", 1, "nsubj", "PROPN", "NNP", "Biden"), ("promised", 1, "ROOT", "VERB", "VBD", "promise"),
              (",", 1, "punct", "PUNCT", ",", ","), ("days", 6, "npadvmod", "NOUN", "NNS", "day"),
              ("after", 6, "mark", "SCONJ", "IN", "after"), ("Clyburn", 6, "nsubj", "PROPN", "NNP", "Clyburn"),
              ("endorsed", 1, "advcl", "VERB", "VBD", "endorse"), ("him", 6, "dobj", "PRON", "PRP", "he"),
              (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("text, value, expected", [("days", "PXD", "PAST_REF"), ("hours", "PTXH", "2022-03-30")])
def test_what_an_after_measured_in_days_leads_from_is_before_the_report(text, value, expected):
    rows = [(text, *r[1:]) if r[0] == "days" else r for r in DAYS_AFTER]
    doc = build(rows)
    gap = Timex(doc[3].idx, doc[3].idx + len(text), text, "DURATION", value)
    anchors = TimeAnchors(doc, [gap], LEX)
    assert anchors.anchor(doc[6], kind="SUPPORT").date == expected
    assert anchors.anchor(doc[1], kind="AGREE").date == "2022-03-30"  # the promise is the day's news


@pytest.mark.parametrize("rows, expected", [
    # "Rebels committed crimes ." / "Germany committed to the defence ." / "Spano sought reelection ."
    ([("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"), ("committed", 1, "ROOT", "VERB", "VBD", "commit"),
      ("crimes", 1, "dobj", "NOUN", "NNS", "crime"), (".", 1, "punct", "PUNCT", ".", ".")], "OTHER"),
    ([("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("committed", 1, "ROOT", "VERB", "VBD", "commit"),
      ("to", 1, "prep", "ADP", "IN", "to"), ("the", 4, "det", "DET", "DT", "the"),
      ("defence", 2, "pobj", "NOUN", "NN", "defence"), (".", 1, "punct", "PUNCT", ".", ".")], "AGREE"),
    ([("Spano", 1, "nsubj", "PROPN", "NNP", "Spano"), ("sought", 1, "ROOT", "VERB", "VBD", "seek"),
      ("reelection", 1, "dobj", "NOUN", "NN", "reelection"), (".", 1, "punct", "PUNCT", ".", ".")], "OTHER"),
    ([("Spano", 1, "nsubj", "PROPN", "NNP", "Spano"), ("sought", 1, "ROOT", "VERB", "VBD", "seek"),
      ("help", 1, "dobj", "NOUN", "NN", "help"), (".", 1, "punct", "PUNCT", ".", ".")], "REQUEST"),
])
def test_committing_a_crime_promises_nothing_and_seeking_office_asks_nothing(rows, expected):
    doc = build(rows)
    index = EntityIndex(doc, [entity(doc, 0, 1, "x/subject", "organisation")], LEX)
    assert EventExtractor(LEX)._trigger(doc[1], index)[0] == expected


def test_the_sentence_after_a_dated_one_of_its_paragraph_goes_on_at_that_time():
    # "In February police arrested men . Rebels fled . ¶ Rebels fled ."
    first = [("In", 2, "prep", "ADP", "IN", "in"), ("February", 0, "pobj", "PROPN", "NNP", "February"),
             ("police", 3, "nsubj", "NOUN", "NNS", "police"), ("arrested", 3, "ROOT", "VERB", "VBD", "arrest"),
             ("men", 3, "dobj", "NOUN", "NNS", "man"), (".", 3, "punct", "PUNCT", ".", ".")]
    fled = [("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"), ("fled", 1, "ROOT", "VERB", "VBD", "flee"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    rows = first + [(w, h + 6, d, p, t, l) for w, h, d, p, t, l in fled]
    rows[-1] = (".", 7, "punct", "PUNCT", ".", ".")
    rows.append(("\n\n", 7, "dep", "SPACE", "_SP", "\n\n"))
    rows += [(w, h + 10, d, p, t, l) for w, h, d, p, t, l in fled]
    doc = build(rows)
    february = Timex(doc[1].idx, doc[1].idx + 8, "February", "DATE", "2022-02", begin="2022-02-01", until="2022-03-01")
    anchors = TimeAnchors(doc, [february], LEX)
    assert anchors.anchor(doc[3]).date == "2022-02"  # its own date
    assert anchors.anchor(doc[7], kind="OTHER") == type(anchors.anchor(doc[7]))("2022-02", "convention", "2022-02-01",
                                                                              "2022-03-01")
    assert anchors.anchor(doc[11], kind="OTHER").date == "PAST_REF"  # a new paragraph: some time before the report


@pytest.mark.parametrize("verb, lemma, noun, kind, expected", [
    # "Israel won the support of Washington ." / "... secured a deal of Washington": whose support one wins gives it
    ("won", "win", "support", "SUPPORT", {"city/washington": "actor", "country/israel": "target"}),
    ("secured", "secure", "deal", "AGREE", {"city/washington": "target"}),  # no winner made a target
])
def test_whose_support_one_wins_acts_and_the_winner_is_the_target(verb, lemma, noun, kind, expected):
    doc = build([("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"), (verb, 1, "ROOT", "VERB", "VBD", lemma),
                 ("the", 3, "det", "DET", "DT", "the"), (noun, 1, "dobj", "NOUN", "NN", noun),
                 ("of", 3, "prep", "ADP", "IN", "of"), ("Washington", 4, "pobj", "PROPN", "NNP", "Washington"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    doc._.entities = [entity(doc, 0, 1, "country/israel", "country", "IL"),
                      entity(doc, 5, 6, "city/washington", "city", "US")]
    doc._.timexes = []
    typed = [e for e in EventExtractor(LEX)(doc)._.events if e.type != "OTHER"]
    assert [e.type for e in typed] == [kind]
    assert {p.entity: p.role for p in typed[0].participants if p.role in ("actor", "target")} == expected


@pytest.mark.parametrize("subject, lemma, expected", [("virus", "virus", "OTHER"), ("rebels", "rebel", "ASSAULT")])
def test_what_a_disease_or_a_hazard_kills_is_no_attack(subject, lemma, expected):
    # "The virus killed Kurds ." / "The rebels killed Kurds ."
    doc = build([("The", 1, "det", "DET", "DT", "the"), (subject, 2, "nsubj", "NOUN", "NN", lemma),
                 ("killed", 2, "ROOT", "VERB", "VBD", "kill"), ("Kurds", 2, "dobj", "PROPN", "NNPS", "Kurds"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    doc._.entities = [entity(doc, 3, 4, "group/kurds", "group")]
    doc._.timexes = []
    (ev,) = EventExtractor(LEX)(doc)._.events
    assert (ev.type, ev.trigger.text) == (expected, "killed")


@pytest.mark.parametrize("who, tag, expected", [("Iran", "PROPN", None), ("it", "PRON", "THREATEN")])
def test_a_warning_that_others_did_something_reports_it_and_of_one_s_own_act_threatens(who, tag, expected):
    # "Israel warned that Iran / it attacked ."
    doc = build([("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
                 ("that", 4, "mark", "SCONJ", "IN", "that"),
                 (who, 4, "nsubj", tag, "NNP" if tag == "PROPN" else "PRP", who),
                 ("attacked", 1, "ccomp", "VERB", "VBD", "attack"), (".", 1, "punct", "PUNCT", ".", ".")])
    ents = [entity(doc, 0, 1, "country/israel", "country", "IL")]
    if tag == "PROPN":
        ents.append(entity(doc, 3, 4, "country/iran", "country", "IR"))
    typed = EventExtractor(LEX)._trigger(doc[1], EntityIndex(doc, ents, LEX))
    assert (typed[0] if typed else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bill de Blasio, the city's mayor, spoke.", {"mayor": ["person/de-blasio"]}),
    ("Mayor Bill de Blasio spoke.", {"mayor": ["person/de-blasio"]}),
    ("Bill de Blasio, a mayor, spoke.", {}),  # an indefinite apposition says what he is, not which office
])
def test_a_person_s_title_is_read_before_the_name_and_in_a_definite_apposition(text, expected):
    start = text.index("Bill")
    person = Entity("person/de-blasio", "Bill de Blasio", "person", "",
                    [Mention(start, start + len("Bill de Blasio"), "Bill de Blasio")])
    assert _titled_people(text, [person], LEX) == expected


def test_places_named_by_an_addressing_preposition_become_targets():
    # "Libya appealed to Egypt from Tripoli ."
    doc = build([("Libya", 1, "nsubj", "PROPN", "NNP", "Libya"), ("appealed", 1, "ROOT", "VERB", "VBD", "appeal"),
                 ("to", 1, "prep", "ADP", "IN", "to"), ("Egypt", 2, "pobj", "PROPN", "NNP", "Egypt"),
                 ("from", 1, "prep", "ADP", "IN", "from"), ("Tripoli", 4, "pobj", "PROPN", "NNP", "Tripoli"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    ents = [entity(doc, 0, 1, "country/libya", "country", "LY"), entity(doc, 3, 4, "country/egypt", "country", "EG"),
            entity(doc, 5, 6, "city/tripoli", "city", "LY")]
    args = verb_args(doc, ents, 1)
    assert args.roles == {"country/libya": "actor", "country/egypt": "place", "city/tripoli": "place"}
    assert [(p.entity, p.role) for p in args.addressed(args.participants(), ("to",))] == [
        ("country/libya", "actor"), ("country/egypt", "target"), ("city/tripoli", "place")]
    args.address({"to", "from"})
    assert args.roles == {"country/libya": "actor", "country/egypt": "target", "city/tripoli": "target"}


def test_an_event_nouns_clause_is_its_light_verbs_and_the_auxiliaries_are_the_verbs_own():
    # "Iran would impose sanctions ."
    doc = build([("Iran", 2, "nsubj", "PROPN", "NNP", "Iran"), ("would", 2, "aux", "AUX", "MD", "would"),
                 ("impose", 2, "ROOT", "VERB", "VB", "impose"), ("sanctions", 2, "dobj", "NOUN", "NNS", "sanction"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    assert [clause_of(doc[i]).i for i in (3, 2, 0)] == [2, 2, 0]
    assert has_aux(clause_of(doc[3]), ("would",)) and not has_aux(doc[3], ("would",))
    assert not has_aux(doc[2], ("will", "shall"))
