"""Spans of a page that are no entity of the story (issue 15, classes read on unlabelled web pages,
not the real-news articles): a blotter's heading in capitals ("ACCIDENT –"), a paragraph's label
("Background:"), a date the model tags as an event ("the March 3 primaries"), an e-mail address,
the words opening a quotation taken for a title ("“Before the war, ..."), an eponymous disease
("Alzheimers"), the question after an interviewer's name and a colon ("The Economist: What ...");
a name the model cut at its "and" or "at" is one name ("the Global Tourism Resilience and" +
"Crisis Management Centre"); a name's last word or the noun before it gives its kind ("the Great
Recession", "the Volcker Rule", "the journal Mechatronics"); a law cut before its "Act" is whole
and its name alone is that law ("the Dodd-Frank Act", "Dodd-Frank").
Rule functions on hand-built Docs, each class as literal sentences."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities.resolver import DATE_NAME, _clean, _cut_at_particles, _speech_opening

VOCAB = spacy.blank("en").vocab


def names(nlp, text):
    return {e.name: e.kind for e in nlp(text)._.entities}


def test_a_heading_in_capitals_the_text_writes_in_lower_case_is_no_name(ents_nlp):
    got = names(ents_nlp, "The blotter is as follows:\n\nOctober 20: ACCIDENT – A vehicle driven by Kimberly "
                          "Carrell hit a tree.\n\nOctober 21: ACCIDENT – A car hit a fence.\n\nThe arrest and "
                          "accident reports come from police.")
    assert "ACCIDENT" not in got
    assert got["Kimberly Carrell"] == "person"


def test_an_acronym_in_capitals_is_still_a_name(ents_nlp):
    got = names(ents_nlp, "NASA said on Monday that the launch would wait. A nasa-style review was held.")
    assert "NASA" in got


def test_a_paragraph_label_is_no_name(ents_nlp):
    got = names(ents_nlp, "Schools buy cameras.\n\nBackground: Schools are experimenting wildly with technology, "
                          "Jay Stanley said.")
    assert "Background" not in got
    assert got["Jay Stanley"] == "person"


@pytest.mark.parametrize("text, date", [
    ("March 3", True), ("3 March", True), ("Sept. 11, 2001", True), ("May 4th", True),
    ("March Madness", False), ("Proposition 4", False), ("Boeing 777", False),
])
def test_date_name(text, date):
    assert bool(DATE_NAME.match(text)) is date


def test_a_date_is_no_event(ents_nlp):
    got = names(ents_nlp, "Wednesday night’s debate — and the outcome of the March 3 Super Tuesday primaries in "
                          "California and 13 other states — will decide it.")
    assert not any(n.startswith("March") for n in got)


@pytest.mark.parametrize("words, ents, cleaned", [
    (["emailing", "NYCHA@citylimits", ".org", "today"], ["O", "B-ORG", "O", "O"], None),
    (["the", "@1377", "Apartments", "opened"], ["O", "B-ORG", "I-ORG", "O"], "@1377 Apartments"),
    (["support", "Anders", "Tegnell", "&", "co"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"], "Anders Tegnell"),
])
def test_clean(words, ents, cleaned):
    doc = Doc(VOCAB, words=words, ents=ents)
    out = _clean(doc.ents[0])
    assert (out.text if out is not None else None) == cleaned


def test_an_e_mail_address_is_no_organisation(ents_nlp):
    got = names(ents_nlp, "Submit your questions, concerns and feedback here or by emailing NYCHA@citylimits.org")
    assert not any("NYCHA" in n for n in got)


@pytest.mark.parametrize("words, ents, joined", [
    (["The", "Global", "Tourism", "Resilience", "and", "Crisis", "Management", "Centre", "opened"],
     ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG", "I-ORG", "O"],
     ["The Global Tourism Resilience and Crisis Management Centre"]),
    (["the", "School", "of", "Engineering", "at", "Rutgers", "University"],
     ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG"], ["School of Engineering at Rutgers University"]),
    (["Smith", "and", "Jones", "met"], ["B-PERSON", "O", "B-PERSON", "O"], ["Smith", "Jones"]),
])
def test_cut_at_and(words, ents, joined):
    doc = Doc(VOCAB, words=words, ents=ents)
    assert [s.text for s in _cut_at_particles(list(doc.ents))] == joined


def test_a_name_cut_at_its_and_is_whole(ents_nlp):
    got = names(ents_nlp, "The Global Tourism Resilience and Crisis Management Centre will showcase how Jamaica "
                          "recovers.")
    assert "Global Tourism Resilience and Crisis Management Centre" in got


@pytest.mark.parametrize("words, speech", [
    (["“", "Before", "the", "war", ",", "there", "was", "a", "shortage", ",", "”", "he", "said"], True),
    (["titled", "“", "Who", "Needs", "Gerry", "Ford", "?", ",", "”", "on", "pardons"], False),
    (["in", "“", "The", "Irishman", "”", "today"], False),
])
def test_speech_opening_of_the_name_itself(words, speech):
    doc = Doc(VOCAB, words=words)
    start = words.index("“") + 1
    end = start + {True: 3, False: 4 if "Who" in words else 2}[speech]
    assert _speech_opening(doc[start:end], before=1) is speech


def test_the_opening_words_of_a_quotation_are_no_title(ents_nlp):
    got = names(ents_nlp, "The hospitals have run out of supplies.\n\n“Before the war, there was a great shortage "
                          "of essential medicine,” said Sobhi Skaik.")
    assert not any(kind == "work" for kind in got.values())


# --- kinds the last word or the noun before a name gives away; a colon before a sentence ---
@pytest.mark.parametrize("text, name, kind", [
    ("With the 2008 financial crash and the Great Recession, the ideology lost its appeal.", "Great Recession",
     "event"),
    ("The Volcker Rule, for example, sought to ban banks from trading.", "Volcker Rule", "law"),
    ("The results, published in the journal Technology, were good. The journal Mechatronics published the "
     "findings.", "Mechatronics", "organisation"),
])
def test_a_name_s_last_word_or_noun_before_it_gives_its_kind(ents_nlp, text, name, kind):
    assert names(ents_nlp, text)[name] == kind


@pytest.mark.parametrize("text", [
    "Researchers found indicators for Alzheimers in the scans.",
    "Doctors said Parkinson's disease was diagnosed early.",
])
def test_an_eponymous_disease_is_no_person(ents_nlp, text):
    assert not any(n.startswith(("Alzheimer", "Parkinson")) for n in names(ents_nlp, text))


def test_a_name_cut_at_its_at_is_whole(ents_nlp):
    got = names(ents_nlp, "He works in the School of Engineering at Rutgers University in New Jersey.")
    assert "School of Engineering at Rutgers University" in got


@pytest.mark.parametrize("words, ents, cleaned", [
    (["The", "Economist", ":", "What", "do", "you", "mean"], ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART",
                                                              "I-WORK_OF_ART", "O", "O", "O"], "The Economist"),
    (["Star", "Wars", ":", "The", "Last", "Jedi", "opened"], ["B-WORK_OF_ART"] * 1 + ["I-WORK_OF_ART"] * 5 + ["O"],
     "Star Wars: The Last Jedi"),
])
def test_clean_at_a_colon(words, ents, cleaned):
    pos = ["PROPN", "PROPN", "PUNCT", "PRON" if words[3] == "What" else "DET", "VERB" if words[3] == "What" else "PROPN",
           "PRON" if words[3] == "What" else "PROPN", "VERB"]
    doc = Doc(VOCAB, words=words, ents=ents, pos=pos, spaces=[True, False, True, True, True, True, False])
    assert _clean(doc.ents[0]).text == cleaned


def test_a_law_cut_before_its_act_and_its_name_alone_are_one_law(ents_nlp):
    got = {e.name: (e.kind, sorted(m.text for m in e.mentions)) for e in ents_nlp(
        "Instead, for the most part, the Dodd-Frank Act was classically technocratic. Dodd-Frank still fell "
        "prey to the technocratic ideology.")._.entities}
    assert got == {"Dodd-Frank Act": ("law", ["Dodd-Frank", "Dodd-Frank Act"])}


def test_a_person_beside_a_law_named_after_them_stays_the_person(ents_nlp):
    got = {e.name: e.kind for e in ents_nlp("Senator Elizabeth Warren spoke on Monday. Warren said the "
                                            "Warren Act would pass.")._.entities}
    assert got.get("Elizabeth Warren") == "person"
