"""One entity per referent (issue 15, classes read on SemEval-2015 raw texts and unlabelled web
pages): a span the model runs past a possessive into what the name owns is the owner where the
document names it alone ("Apple Computer's Mac OS"), and a first name's short form is that name
("Mike Bloomberg" / "Michael Bloomberg"). Rule functions on hand-built Docs and name lists, each
class as literal sentences; the gazetteer knows the iTunes Store by its old name ("iTunes Music
Store")."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities import aliases
from graph.nlp.entities.resolver import _possessors

VOCAB = spacy.blank("en").vocab


def mentions(nlp, text):
    return {e.name: [m.text for m in e.mentions] for e in nlp(text)._.entities}


# --- a span past a possessive is its owner, where the owner is named alone ---
@pytest.mark.parametrize("words, ents, kept", [
    (["Apple", "Computer", "'s", "Mac", "OS", "and", "Apple", "Computer"],
     ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG"], ["Apple Computer", "Apple Computer"]),
    # no one named "People" alone: the possessive is part of the bank's name
    (["the", "People", "'s", "Bank", "and", "China"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE"],
     ["the People 's Bank", "China"]),
    # the owner named alone but the span ends at the possessive: nothing owned to cut
    (["Apple", "'s", "and", "Apple"], ["B-ORG", "I-ORG", "O", "B-ORG"], ["Apple 's", "Apple"]),
])
def test_possessors(words, ents, kept):
    doc = Doc(VOCAB, words=words, ents=ents)
    assert [s.text for s in _possessors(list(doc.ents))] == kept


def test_the_owner_of_a_thing_is_the_organisation_alone(ents_nlp):
    got = mentions(ents_nlp, "Users are buzzing about the newest version of Apple Computer's Mac OS X, version "
                             "10.4. Apple Computer said so.")
    assert got["Apple Computer"] == ["Apple Computer", "Apple Computer"]
    assert not any("Mac OS" in n for n in got)


def test_a_possessive_inside_a_name_stays(ents_nlp):
    got = mentions(ents_nlp, "The People's Bank of China cut rates on Monday.")
    assert any(n.startswith("People's Bank") for n in got)


# --- a first name's short form ---
@pytest.mark.parametrize("names, clusters", [
    ([["Mike", "Bloomberg"], ["Michael", "Bloomberg"]], [0, 0]),
    ([["Michael", "Bloomberg"], ["Bill", "Bloomberg"]], [0, 1]),  # a short form of another name
    ([["Bob", "Dole"], ["Robert", "Dole"], ["Dole"]], [0, 0, 0]),
])
def test_cluster_people_short_first_names(names, clusters):
    assert aliases.cluster_people(names) == clusters


def test_a_short_first_name_is_the_same_person(ents_nlp):
    got = mentions(ents_nlp, "Mike Bloomberg spent millions on the race. Michael Bloomberg, the former mayor, "
                             "said on Tuesday that he would stay.")
    (name,) = [n for n in got if "Bloomberg" in n]
    assert sorted(got[name]) == ["Michael Bloomberg", "Mike Bloomberg"]


# --- a service renamed: the gazetteer knows both names ---
def test_the_itunes_store_under_its_old_name_is_one_organisation(ents_nlp):
    got = {e.id: [m.text for m in e.mentions] for e in ents_nlp(
        "Apple opened the iTunes Music Store in 2003. Today the iTunes Store sells films.")._.entities}
    assert sorted(got["organisation/itunes-store"]) == ["iTunes Store", "the iTunes Music Store"]
