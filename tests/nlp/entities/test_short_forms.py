"""Names shortened the way news shortens them (issue 15, read on SemEval-2015 texts and sentences of
our own): the first words as their initials ("US Air Force" for "United States Air Force"), an
abbreviation with or without its dots, the body alone after its full name ("the Air Force", "the
Health Department"), a short form in brackets spelling words the model missed ("Public Health
England (PHE)"), a person's surname the model left untagged; and no indefinite article taken into
a name ("a United Auto Workers negotiator")."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from graph.nlp.entities import aliases
from graph.nlp.entities.resolver import _Candidate, _clean, _untagged_surnames
from graph.text import initialled, org_name

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize("name, forms", [
    ("United States Air Force", [["US", "Air", "Force"], ["USA", "Force"]]),
    ("Bank of England Museum", [["BE", "Museum"]]),
    ("US Air Force", []),  # an abbreviation is not shortened again
    ("Air Force", []),  # one initial is no abbreviation
    ("Royal air force", []),  # words in lower case are no name's
])
def test_first_words_as_initials(name, forms):
    assert initialled(name.split()) == forms


@pytest.mark.parametrize("names, clusters", [
    (["U.S. Air Force", "US Air Force", "Air Force"], [0, 0, 0]),
    (["United States Air Force", "US Air Force", "Air Force"], [0, 0, 0]),
    (["US Air Force", "United States Air Force"], [0, 0]),
    (["United States Air Force", "UAE Air Force", "Air Force"], [0, 1, 2]),  # the body of two states
    (["United States Steel", "United Service Steel", "US Steel"], [0, 1, 2]),  # initials of two names
    (["U.S. District Court", "District Court"], [0, 0]),
    (["New York City Department of Health", "Health Department"], [0, 0]),  # its field first, after its place
    (["Department of Homeland Security", "Homeland Security"], [0, 0]),
    (["U.S. Department of Justice", "Justice Department", "Department of State"], [0, 0, 1]),
])
def test_cluster_organisations_initials_and_dots(names, clusters):
    assert aliases.cluster_organisations([org_name(n.split()) for n in names]) == clusters


def test_clean_drops_an_indefinite_article_in_lower_case_only():
    doc = Doc(VOCAB, words=["a", "United", "Auto", "Workers", "negotiator", "saw", "A", "Boating", "Party", "."])
    assert _clean(Span(doc, 0, 4, label="ORG")).text == "United Auto Workers"
    assert _clean(Span(doc, 6, 9, label="WORK_OF_ART")).text == "A Boating Party"
    assert _clean(Span(doc, 0, 1, label="ORG")) is None


def names(nlp, text):
    return {e.name: sorted({m.text for m in e.mentions}) for e in nlp(text)._.entities if e.kind == "organisation"}


def test_air_force_written_three_ways_is_one_organisation(ents_nlp):
    text = ("The U.S. Air Force picked Boeing on Friday. A US Air Force spokesman said the choice was final. "
            "The Air Force will buy 179 tankers.")
    got = names(ents_nlp, text)
    air = [n for n in got if "Air Force" in n]
    assert len(air) == 1 and {"US Air Force", "The U.S. Air Force", "The Air Force"} <= set(got[air[0]])


def test_an_article_before_a_union_is_not_its_name(ents_nlp):
    text = ("The United Auto Workers (UAW) rejected the plan. Whereas a United Auto Workers negotiator said "
            "the UAW would wait.")
    got = names(ents_nlp, text)
    assert not any(n.lower().startswith("a ") for n in got)
    assert [n for n in got if "Auto Workers" in n] == ["United Auto Workers"]


def test_a_short_form_spells_the_words_before_a_place(ents_nlp):
    text = "Public Health England (PHE) said deaths rose on Friday. The figures were published in London."
    got = names(ents_nlp, text)
    assert got == {"Public Health England": ["PHE", "Public Health England"]}


def people(nlp, text):
    return {e.name: [m.text for m in e.mentions] for e in nlp(text)._.entities if e.kind == "person"}


def test_an_untagged_surname_is_the_person_named_in_full(ents_nlp):
    text = ("Rep. Jim Clyburn endorsed Joe Biden on Wednesday. Clyburn, the House Majority Whip, said "
            "Biden would win.")
    doc = ents_nlp(text)
    assert "Clyburn" not in {s.text for s in doc.ents}  # the model leaves the surname alone untagged
    assert people(ents_nlp, text)["Jim Clyburn"] == ["Jim Clyburn", "Clyburn"]


@pytest.mark.parametrize("words, pos, labels, found", [
    # "Jim Clyburn spoke . Clyburn said": the surname alone is the person
    (["Jim", "Clyburn", "spoke", ".", "Clyburn", "said"], ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"],
     ["PERSON"], ["Clyburn"]),
    # "jobs" in lower case elsewhere: "Jobs" may be the word
    (["Steve", "Jobs", "spoke", ".", "Jobs", "and", "jobs"], ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "CCONJ", "NOUN"],
     ["PERSON"], []),
    # the model calls the full name an organisation as often: no person's surname
    (["Northrop", "Grumman", "won", ".", "Northrop", "Grumman", "and", "Northrop", "Grumman", "bid", "Grumman"],
     ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN"],
     ["PERSON", "ORG", "ORG"], []),
    # a common noun is not the name
    (["Ann", "Hope", "spoke", ".", "hope", "rose"], ["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB"], ["PERSON"], []),
])
def test_untagged_surnames_on_hand_built_docs(words, pos, labels, found):
    doc = Doc(VOCAB, words=words, pos=pos)
    cands = [_Candidate(Span(doc, 0, 2, label="PERSON"), "PERSON", None)]
    for start, label in zip((4, 7), labels[1:]):
        cands.append(_Candidate(Span(doc, start, start + 2, label=label), label, None))
    covered = {i for c in cands for i in range(c.span.start, c.span.end)}
    assert [c.span.text for c in _untagged_surnames(doc, cands, covered)] == found


def test_the_fed_is_the_federal_reserve(ents_nlp):
    text = ("Because the Federal Reserve has made clear that it expects inflation to stay low, the Fed and its "
            "chairman, Alan Greenspan, kept rates unchanged.")
    assert names(ents_nlp, text) == {"Federal Reserve": ["Fed", "the Federal Reserve"]}
