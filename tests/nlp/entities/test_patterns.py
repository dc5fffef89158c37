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
