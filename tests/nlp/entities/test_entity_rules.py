"""The entity rules on hand-built Docs (words, heads, deps, pos), as spaCy's own tests build them."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities import aliases, metonymy
from graph.nlp.entities.credits import furniture_lines, is_furniture
from graph.text import org_name


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), as spaCy's en_vocab fixture


def doc(words, heads, deps, lemmas=None):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas or [w.lower() for w in words],
               pos=["PROPN" if w[0].isupper() else "NOUN" for w in words])


@pytest.mark.parametrize("words, heads, deps, i, acts, located", [
    (["Warsaw", "said", "it", "asked", "NATO"], [1, 1, 3, 1, 3], ["nsubj", "ROOT", "nsubj", "ccomp", "dobj"], 0, True, False),
    (["Moscow", "'s", "pledge"], [2, 0, 2], ["poss", "case", "ROOT"], 0, True, False),
    (["Moscow", "'s", "streets"], [2, 0, 2], ["poss", "case", "ROOT"], 0, False, False),
    (["talks", "in", "Moscow"], [0, 0, 1], ["ROOT", "prep", "pobj"], 2, False, True),
    (["an", "attempt", "by", "Moscow"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], 3, True, False),
    (["Moscow", "and", "Minsk", "said"], [3, 0, 0, 3], ["nsubj", "cc", "conj", "ROOT"], 2, True, False),
])
def test_metonymy_acts_and_located(words, heads, deps, i, acts, located):
    span = doc(words, heads, deps)[i:i + 1]
    assert (metonymy.acts(span), metonymy.located(span)) == (acts, located)


def test_be_is_no_act():
    d = doc(["Moscow", "is", "a", "city"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "attr"], ["Moscow", "be", "a", "city"])
    assert not metonymy.acts(d[0:1])


@pytest.mark.parametrize("words, split", [
    (["Robert", "De", "Niro"], ("Robert", "De Niro")),
    (["De", "Niro"], ("", "De Niro")),
    (["Laurence", "des", "Cars"], ("Laurence", "des Cars")),
    (["Tsai", "Ing-wen"], ("Tsai", "Ing-wen")),
    (["Putin"], ("", "Putin")),
])
def test_split_name(words, split):
    assert aliases.split_name(words) == split


@pytest.mark.parametrize("names, clusters", [
    ([["Robert", "De", "Niro"], ["De", "Niro"]], [0, 0]),
    ([["De", "Niro"], ["Robert", "De", "Niro"]], [0, 0]),
    ([["Phoebe", "Waller-Bridge"], ["Waller-Bridge"]], [0, 0]),
    ([["Andrew", "Fahie"], ["Fahie"], ["Natalio", "Wheatley"], ["Wheatley"]], [0, 0, 1, 1]),
])
def test_cluster_people_particles_and_hyphens(names, clusters):
    assert aliases.cluster_people(names) == clusters


@pytest.mark.parametrize("names, clusters", [
    (["Commission of Inquiry", "COI"], [0, 0]),
    (["United States Drug Enforcement Agency", "DEA"], [0, 0]),
    (["Amazon.com", "Amazon"], [0, 0]),
    (["Drug Enforcement Agency", "Dutch Economic Affairs Ministry", "DEA"], [0, 1, 0]),  # the whole name first
])
def test_cluster_organisations_acronyms_and_domains(names, clusters):
    assert aliases.cluster_organisations([org_name(n.split()) for n in names]) == clusters


def test_titles_are_stripped():
    assert aliases.strip_titles(["Acting", "Premier", "Honourable", "Natalio", "Wheatley"]) == ["Natalio", "Wheatley"]


def test_furniture_lines():
    text = ("Home\nLocal News\nUS: 31 Alleged Mexican Mafia People Indicted On Racketeering, Murder, Drug, Gun Charges\n"
            "Honduras extradites former president Hernandez, wanted for drug trafficking in the U.S.\nApril 21, 2022\n"
            "Wish List for the New Government\nCosta Ricans Hold a Vigil for the Missing Migrants\nApril 20, 2022\n\n"
            "The premier was detained in Miami on Thursday on charges related to a financial crime, the governor "
            "said in a statement, and the acting premier will lead the territory.\n"
            "Click to share on Twitter (Opens in new window)")
    lines = [text[s:e] for s, e in furniture_lines(text)]
    assert lines == ["Home", "Local News",
                     "US: 31 Alleged Mexican Mafia People Indicted On Racketeering, Murder, Drug, Gun Charges",
                     "Honduras extradites former president Hernandez, wanted for drug trafficking in the U.S.",
                     "April 21, 2022", "Wish List for the New Government",
                     "Costa Ricans Hold a Vigil for the Missing Migrants", "April 20, 2022",
                     "Click to share on Twitter (Opens in new window)"]
    assert furniture_lines("One line of text without an end") == []
    assert is_furniture("Skip to  main content") and is_furniture("slideshow") and not is_furniture("Twitter")


@pytest.mark.parametrize("names, clusters", [
    (["Homeland Security Investigations", "Homeland Security"], [0, 0]),
    (["Department of Homeland Security", "Homeland Security"], [0, 0]),
    (["U.S. District Court", "District Court", "Supreme Court"], [0, 0, 1]),
    (["Boeing Commercial Airplanes", "Boeing"], [0, 1]),  # a first word alone is not the longer name
    (["Central Bank of Russia", "European Central Bank", "Central Bank"], [0, 1, 2]),  # part of two names
])
def test_cluster_organisations_part_of_one_longer_name(names, clusters):
    assert aliases.cluster_organisations([org_name(n.split()) for n in names]) == clusters
