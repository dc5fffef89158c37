"""The cached attribute ruler and lemmatizer give the model's own matches and token attributes."""
from pathlib import Path

import pytest
import spacy
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
