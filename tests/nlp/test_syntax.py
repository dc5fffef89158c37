"""The shared syntax helpers that need no model: a Doc's text read once, tokens by part of speech."""
import spacy
from spacy.tokens import Doc

import pytest

from graph.nlp.syntax import TEXT_KEY, doc_text, lemma, tokens_of


def test_doc_text_is_the_docs_and_kept():
    nlp = spacy.blank("en")
    doc = nlp("Talks resumed in Geneva on Monday.\n\nThey ended.")
    assert doc_text(doc) == doc.text
    assert doc.user_data[TEXT_KEY] is doc_text(doc)
    with doc.retokenize() as retokenizer:  # merging tokens leaves the text as it was
        retokenizer.merge(doc[2:4])
    assert doc_text(doc) == doc.text


def test_doc_text_of_another_text_is_rebuilt():
    nlp = spacy.blank("en")
    doc = nlp("Talks resumed in Geneva.")
    doc_text(doc)
    part = doc[2:4].as_doc(copy_user_data=True)  # carries the whole Doc's text in user_data
    assert doc_text(part) == "in Geneva"
    empty = Doc(nlp.vocab, words=[])
    empty.user_data[TEXT_KEY] = "stale"
    assert doc_text(empty) == ""


def test_tokens_of_picks_parts_of_speech_in_text_order():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Police", "fired", "2", "shots", "at", "G7", "protesters"],
              pos=["PROPN", "VERB", "NUM", "NOUN", "ADP", "NOUN", "NOUN"])
    assert [t.text for t in tokens_of(doc, "NOUN")] == ["shots", "G7", "protesters"]
    assert [t.text for t in tokens_of(doc, "VERB", "NOUN", alpha=True)] == ["fired", "shots", "protesters"]
    assert tokens_of(doc, "ADJ") == []
    assert tokens_of(Doc(nlp.vocab, words=[]), "NOUN") == []


@pytest.mark.parametrize("word, pos, given, expected", [
    ("hoping", "VERB", "hop", "hope"),  # the lemmatiser's silent e put back
    ("hopping", "VERB", "hop", "hop"),  # a doubled consonant is the verb without e
    ("visiting", "VERB", "visit", "visit"),  # two syllables do not double
    ("fixing", "VERB", "fix", "fix"),  # nor do w, x, y
    ("hoping", "NOUN", "hop", "hop"),  # verbs only
])
def test_lemma_puts_back_the_silent_e_the_lemmatiser_drops(word, pos, given, expected):
    doc = Doc(spacy.blank("en").vocab, words=[word], pos=[pos], lemmas=[given])
    assert lemma(doc[0]) == expected
