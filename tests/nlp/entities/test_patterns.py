"""Names found by their form (graph/nlp/entities/patterns.py) on hand-built Docs: none may take in
a person's name, which would part the person's full name from the surname written later."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities.patterns import name_spans

VOCAB = spacy.blank("en").vocab


def doc(words, pos):
    """A Doc of one sentence (every word on the first) with the given parts of speech, no space
    before a possessive or a full stop."""
    spaces = [nxt not in ("’s", ".") for nxt in words[1:]] + [False]
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos, heads=[0] * len(words),
               deps=["ROOT"] + ["dep"] * (len(words) - 1))


@pytest.mark.parametrize("words, pos, names", [
    # a title or role word ends an institution's name before the person's
    (["He", "met", "Hospital", "President", "Mary", "Smith", "."],
     ["PRON", "VERB", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"], []),
    (["He", "met", "Museum", "of", "Modern", "Art", "Director", "Glenn", "Lowry", "."],
     ["PRON", "VERB", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"], ["Museum of Modern Art"]),
    (["He", "met", "University", "Chancellor", "Carol", "Folt", "."],
     ["PRON", "VERB", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"], []),
    (["LVMH", "paid", "the", "Musée", "d’Orsay", "."], ["PROPN", "VERB", "DET", "PROPN", "PROPN", "PUNCT"],
     ["Musée d’Orsay"]),
    # only an office's title takes a possessive into the office's name
    (["So", "said", "Governor", "Andrew", "Cuomo", "’s", "Office", "."],
     ["ADV", "VERB", "PROPN", "PROPN", "PROPN", "PART", "PROPN", "PUNCT"], []),
    (["So", "said", "the", "U.S.", "Attorney", "’s", "Office", "."],
     ["ADV", "VERB", "DET", "PROPN", "PROPN", "PART", "PROPN", "PUNCT"], ["U.S. Attorney’s Office"]),
    (["So", "said", "the", "Governor", "’s", "Office", "."], ["ADV", "VERB", "DET", "PROPN", "PART", "PROPN", "PUNCT"],
     ["Governor’s Office"]),
    (["He", "sat", "in", "Boston", "’s", "U.S.", "District", "Court", "."],
     ["PRON", "VERB", "ADP", "PROPN", "PART", "PROPN", "PROPN", "PROPN", "PUNCT"], ["U.S. District Court"]),
])
def test_names_by_form_take_in_no_person(words, pos, names):
    assert [s.text for s in name_spans(doc(words, pos)) if s.label_ == "ORG"] == names


def tagged(words, tags, deps=None):
    """A one-sentence Doc with Penn tags and the parts of speech they imply."""
    pos = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "DT": "DET", "VBD": "VERB", "IN": "ADP",
           ".": "PUNCT", "PRP": "PRON", "CD": "NUM", ":": "PUNCT"}
    spaces = [nxt not in ("’s", ".", ":") for nxt in words[1:]] + [False]
    return Doc(VOCAB, words=words, spaces=spaces, tags=tags, pos=[pos[t] for t in tags], heads=[0] * len(words),
               deps=deps or ["ROOT"] + ["dep"] * (len(words) - 1))


@pytest.mark.parametrize("words, tags, names", [
    # a street's name, also opening a sentence
    (["Traders", "on", "Wall", "Street", "sold", "."], ["NNS", "IN", "NNP", "NNP", "VBD", "."], ["Wall Street"]),
    (["Wall", "Street", "fell", "."], ["NNP", "NNP", "VBD", "."], ["Wall Street"]),
    (["They", "marched", "down", "Pennsylvania", "Avenue", "."], ["PRP", "VBD", "IN", "NNP", "NNP", "."],
     ["Pennsylvania Avenue"]),
    # a street word alone, or after a title, is no street
    (["He", "saved", "it", "to", "Drive", "."], ["PRP", "VBD", "PRP", "IN", "NNP", "."], []),
])
def test_street_names_by_form(words, tags, names):
    assert [s.text for s in name_spans(tagged(words, tags)) if s.label_ == "FAC"] == names


@pytest.mark.parametrize("words, tags, deps, names", [
    (["The", "Sixers", "went", "0-for-5", "."], ["DT", "NNPS", "VBD", "CD", "."], None, ["Sixers"]),
    (["It", "was", "brutal", "for", "the", "Gamecocks", "."], ["PRP", "VBD", "NN", "IN", "DT", "NNPS", "."], None,
     ["Gamecocks"]),
    # a title's head, a noun's modifier, a plural without "the" are no team
    (["He", "read", "The", "Memoirs", "of", "Nixon", "."], ["PRP", "VBD", "DT", "NNPS", "IN", "NNP", "."], None, []),
    (["It", "is", "in", "the", "Letters", "section", "."], ["PRP", "VBD", "IN", "DT", "NNPS", "NN", "."],
     ["ROOT", "dep", "dep", "det", "compound", "pobj", "punct"], []),
    (["Sixers", "won", "."], ["NNPS", "VBD", "."], None, []),
])
def test_plural_nicknames_after_the(words, tags, deps, names):
    assert [s.text for s in name_spans(tagged(words, tags, deps)) if s.label_ == "ORG"] == names


@pytest.mark.parametrize("words, tags, names", [
    (["Dr", "Rowley", "told", "Parliament", "."], ["NNP", "NNP", "VBD", "NNP", "."], ["Rowley"]),
    (["Mr.", "Imbert", "said", "so", "."], ["NNP", "NNP", "VBD", "NN", "."], ["Imbert"]),
    (["Judge", "Ana", "Nunes", "ruled", "."], ["NNP", "NNP", "NNP", "VBD", "."], ["Ana Nunes"]),
    # a title before a title, an office or lower case is no name; ranks open company names
    (["President", "Director", "Smith", "spoke", "."], ["NNP", "NNP", "NNP", "VBD", "."], []),
    (["The", "Mayor", "Office", "said", "."], ["DT", "NNP", "NNP", "VBD", "."], []),
    (["General", "Motors", "cut", "jobs", "."], ["NNP", "NNPS", "VBD", "NNS", "."], []),
    (["The", "Premier", "League", "resumed", "."], ["DT", "NNP", "NNP", "VBD", "."], []),
])
def test_a_name_after_a_persons_title(words, tags, names):
    assert [s.text for s in name_spans(tagged(words, tags)) if s.label_ == "PERSON"] == names
