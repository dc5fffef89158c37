"""The cached attribute ruler and lemmatizer give the model's own matches and token attributes."""
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, ORTH, POS, TAG

from graph.nlp.model_rules import RulerMatches, speed_up
from graph.records import DEFAULT_MODEL

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXTS = [
    "I can't believe they're gonna sell it; he'd've said so.",
    "The ministers met in Kyiv on Monday and agreed to resume talks.\n\nShe was running late.",
    "U.S. forces wo n't leave , officials said ' .",
    *[p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))],
]
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, NORM]


@pytest.fixture(scope="module")
def models():
    plain = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    fast = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    speed_up(fast)
    return plain, fast


def test_ruler_matches_are_the_rulers(models):
    plain, _ = models
    ruler = plain.get_pipe("attribute_ruler")
    cached = RulerMatches(ruler)
    for doc in plain.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer"]):
        expected = ruler.match(doc)
        assert expected and cached(doc) == expected
        assert cached(doc) == expected  # from the cache the second time


def test_tokens_are_the_models(models):
    plain, fast = models
    assert fast.pipe_names.index("etkg_lemmas") == fast.pipe_names.index("lemmatizer") - 1
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
        assert [(t.lemma_, str(t.morph), t.pos_) for t in a] == [(t.lemma_, str(t.morph), t.pos_) for t in b]


def test_one_token_tests_are_the_matchers_for_every_operator():
    """Strings, IN, NOT_IN, REGEX and flags on hand-built Docs, as the ruler's Matcher gives them;
    a test on POS (not a string hash) is left to the Matcher and still found."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for pattern in ([{"LOWER": "can", "TAG": "MD"}], [{"TAG": {"IN": ["NN", "NNS"]}}],
                    [{"DEP": {"NOT_IN": ["nsubj"]}, "TAG": "VB"}], [{"LOWER": {"REGEX": "^n[o']"}}],
                    [{"IS_SPACE": True}], [{"POS": "VERB"}], [{"TEXT": "Go", "IS_PUNCT": False}]):
        ruler.add([pattern], {"NORM": "x"})
    cached = RulerMatches(ruler)
    assert len(cached.single) == 1  # the POS test
    words = ["Go", "can", "n't", "go", "cars", "\n", "can", "no"]
    doc = Doc(nlp.vocab, words=words, tags=["VB", "MD", "RB", "VB", "NNS", "_SP", "NN", "DT"],
              pos=["VERB", "AUX", "PART", "VERB", "NOUN", "SPACE", "NOUN", "DET"],
              deps=["ROOT", "aux", "neg", "nsubj", "dobj", "dep", "dep", "det"], heads=[0, 0, 0, 0, 0, 0, 0, 0])
    expected = ruler.match(doc)
    assert {(start, int(nlp.vocab.strings[key])) for _, key, start, _ in expected} >= {(0, 6), (1, 0), (2, 3), (4, 1)}
    assert cached(doc) == expected and cached(doc) == expected
