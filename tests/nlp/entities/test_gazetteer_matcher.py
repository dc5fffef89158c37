"""The gazetteer's matcher: the same matches as spaCy's PhraseMatcher on the names' tokens, from
token tuples cached per tokenizer instead of a matcher built at every start."""
from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from graph.nlp.entities import gazetteer
from graph.nlp.entities.gazetteer import Gazetteer, GazetteerMatcher, Known

NAMES = {
    "city/new-york": ("city", ["New York", "NYC"]),
    "city/new-york-city": ("city", ["New York City"]),
    "city/york": ("city", ["York"]),
    "country/united-states": ("country", ["United States", "U.S.", "the United States of America"]),
    "city/kyiv": ("city", ["Kyiv", "Kiev"]),
    "organisation/u-n": ("organisation", ["U.N.", "United Nations"]),
    "city/smalltown": ("city", ["Smalltown"]),
}
TEXTS = [
    "New York City and New York are not York, said the U.S. envoy in Kyiv.",
    "The United Nations met in NYC; Kiev (now Kyiv) sent word to the United States of America.",
    "Smalltown is left to the model. New York",
    "",
]


@pytest.fixture
def small():
    gaz = Gazetteer()
    for key, (kind, names) in NAMES.items():
        gaz.add(Known(key, names[0], kind), names)
    gaz.unmatched.add("Smalltown")
    return gaz


def phrase_matcher(nlp, gaz):
    """The matcher as it was built before: every searched surface tokenised and added."""
    matcher = PhraseMatcher(nlp.vocab)
    surfaces = [s for s in gaz.surfaces if s not in gaz.unmatched]
    for s, pattern in zip(surfaces, nlp.tokenizer.pipe(surfaces)):
        matcher.add(gaz.surfaces[s], [pattern])
    return matcher


def test_matches_are_the_phrase_matchers(small, monkeypatch):
    monkeypatch.setattr(gazetteer, "_builtin_tokens", lambda nlp: {})  # every name tokenised here
    nlp = spacy.blank("en")
    ours, theirs = GazetteerMatcher(nlp, small), phrase_matcher(nlp, small)
    for text in TEXTS:
        doc = nlp.make_doc(text)
        assert ours.matches(doc) == [(nlp.vocab.strings[k], s, e) for k, s, e in theirs(doc)]
    doc = ours(nlp.make_doc(TEXTS[0]))
    spans = {(s.text, s.id_, s.label_) for s in doc.spans[gazetteer.SPANS_KEY]}
    assert {("New York City", "city/new-york-city", "GPE"), ("New York", "city/new-york", "GPE"),
            ("York", "city/york", "GPE"), ("U.S.", "country/united-states", "GPE")} <= spans
    doc = ours(nlp.make_doc(TEXTS[2]))
    assert [s.text for s in doc.spans[gazetteer.SPANS_KEY]] == ["New York", "York"]  # Smalltown: left to the model


def test_names_tokens_are_cached_per_tokenizer(small, tmp_path, monkeypatch):
    monkeypatch.setenv("ETKG_CACHE", str(tmp_path))
    monkeypatch.setattr(gazetteer, "builtin", lambda: small)
    nlp = spacy.blank("en")
    tokens = gazetteer._builtin_tokens(nlp)
    assert tokens["U.S."] == ("U.S.",) and tokens["New York City"] == ("New", "York", "City")
    assert "Smalltown" not in tokens  # names left to the model are not searched for
    (cached,) = tmp_path.glob("gazetteer-*-tokens-*.pickle")
    assert pickle.loads(cached.read_bytes()) == tokens
    cached.write_bytes(b"not a pickle")  # a damaged cache costs a tokenisation, never an error
    assert gazetteer._builtin_tokens(nlp) == tokens
    assert pickle.loads(cached.read_bytes()) == tokens
    other = spacy.blank("en")
    other.tokenizer.add_special_case("New York", [{"ORTH": "New York"}])
    assert gazetteer._builtin_tokens(other)["New York City"] == ("New York", "City")  # its own file
    assert len(list(tmp_path.glob("gazetteer-*-tokens-*.pickle"))) == 2


def test_user_names_outside_the_cache_are_tokenised(small, monkeypatch):
    monkeypatch.setattr(gazetteer, "_builtin_tokens", lambda nlp: {"Kyiv": ("Kyiv",)})
    small.add(Known("organisation/acme-corp", "Acme Corp.", "organisation", user=True), ["Acme Corp."],
              override=True)
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Acme Corp. opened in Kyiv.")
    assert GazetteerMatcher(nlp, small).matches(doc) == [("organisation/acme-corp", 0, 2), ("city/kyiv", 4, 5)]
