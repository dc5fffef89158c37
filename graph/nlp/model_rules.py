"""The statistical model's rule steps, the attribute ruler's matches and the rule lemmatizer's
lemmas, computed once per distinct token instead of once per token: the same results, faster.

The attribute ruler runs a Matcher of some 180 patterns over every token, and the lemmatizer
reads each token's morphology again, though a news corpus repeats a few thousand (word, tag)
pairs; together they cost a third of a bare ``nlp.pipe``. A one-token pattern matches a token or
not by the token's own attributes only, and a lemma is a function of the word, its part of
speech and its morphology, so both are cached by those values (:func:`speed_up` installs them).
The rule lemmatizer's word lists become sets, which answer its membership tests alike.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

#: Token attributes whose value alone decides a one-token pattern of the attribute ruler (the
#: Matcher's TEXT is ORTH); a pattern on anything else is matched over the whole Doc as before.
OWN_ATTRIBUTES = frozenset("ORTH TEXT LOWER NORM SHAPE TAG POS DEP LEMMA MORPH IS_SPACE IS_PUNCT IS_ALPHA "
                           "IS_DIGIT".split())
#: Lemmatizer modes whose lemma is a function of (ORTH, POS, MORPH).
CACHED_MODES = ("rule", "lookup", "pos_lookup")
#: Cached entries per table before it starts again, so that memory stays flat over a corpus.
LIMIT = 1 << 18


def speed_up(nlp: Language) -> None:
    """Give ``nlp``'s attribute ruler the cached matcher and put :class:`Lemmas` before its
    lemmatizer, where the model has them (an ``overwrite`` lemmatizer is left as it is)."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        # an instance attribute: AttributeRuler.__call__ reads self.match
        ruler.match = RulerMatches(ruler)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) in CACHED_MODES and not lemmatizer.overwrite:
            nlp.add_pipe("etkg_lemmas", before="lemmatizer")
        index_sets(lemmatizer)


def index_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's ``lemma_index`` lists (57,000 nouns) frozensets: it tests
    ``form in index`` for every candidate form of every new word, a scan of the list that was
    most of its time; a set gives the same answer at once."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


class RulerMatches:
    """``AttributeRuler.match``: the same sorted ``(rule, key, start, end)`` list, with the
    one-token patterns' matches looked up by the token's attribute values."""

    def __init__(self, ruler) -> None:
        self.strings = ruler.vocab.strings
        self.single = Matcher(ruler.vocab)
        self.rest = Matcher(ruler.vocab)
        used: set[str] = set()
        for rule, p in enumerate(ruler.patterns):
            key = self.strings.add(str(rule))
            patterns = p["patterns"]
            names = {name.upper() for token in patterns[0] for name in token} if len(patterns) == 1 else set()
            if len(patterns) == 1 and len(patterns[0]) == 1 and names <= OWN_ATTRIBUTES:
                self.single.add(key, patterns)
                used |= names
            else:
                self.rest.add(key, patterns)
        self.attrs = [IDS["ORTH" if name == "TEXT" else name] for name in sorted(used)]
        self.cache: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found = []
        if self.attrs and len(doc):
            values = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs)).tolist()
            cache = self.cache
            for i, row in enumerate(map(tuple, values)):
                rules = cache.get(row)
                if rules is None:
                    if len(cache) >= LIMIT:
                        cache.clear()
                    rules = cache[row] = tuple((int(self.strings[key]), key)
                                               for key, _, _ in self.single(doc[i:i + 1], allow_missing=True))
                found += [(rule, key, i, i + 1) for rule, key in rules]
        if len(self.rest):
            found += [(int(self.strings[key]), key, s, e) for key, s, e in self.rest(doc, allow_missing=True)]
        found.sort()
        return found


@Language.factory("etkg_lemmas")
def make_lemmas(nlp: Language, name: str) -> "Lemmas":
    return Lemmas(nlp.get_pipe("lemmatizer").lemmatize, nlp.vocab.strings)


class Lemmas:
    """Sets the lemma the lemmatizer after it would set (on tokens without one), once per
    distinct (word, part of speech, morphology); the lemmatizer then leaves them as they are."""

    def __init__(self, lemmatize: Callable, strings) -> None:
        self.lemmatize = lemmatize
        self.strings = strings
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        cache = self.cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if not lemma:
                key = (orth, pos, morph)
                lemma = cache.get(key)
                if lemma is None:
                    if len(cache) >= LIMIT:
                        cache.clear()
                    lemma = cache[key] = self.strings.add(self.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc
