"""The statistical model's rule steps, the attribute ruler's matches and the rule lemmatizer's
lemmas, computed once per distinct token instead of once per token: the same results, faster.

The attribute ruler runs a Matcher of some 180 patterns over every token, and the lemmatizer
reads each token's morphology again, though a news corpus repeats a few thousand (word, tag)
pairs; together they cost a third of a bare ``nlp.pipe``. A one-token pattern matches a token or
not by the token's own attributes only, and a lemma is a function of the word, its part of
speech and its morphology, so both are cached by those values (:func:`speed_up` installs them).
The rule lemmatizer's word lists become sets, which answer its membership tests alike.

A token not seen before is tested against the one-token patterns here, by the hashes the Matcher
compares (a pattern is looked up by one of its words or tags, then its other tests checked),
not by running the Matcher on it (30 us a new token: the ruler's matches of the 183 TimeBank
texts took 1.0 s of CPU with it, 0.56 s without).
"""
from __future__ import annotations

import re
from typing import Any, Callable

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

#: Token attributes whose value alone decides a one-token pattern of the attribute ruler (the
#: Matcher's TEXT is ORTH); a pattern on anything else is matched over the whole Doc as before.
OWN_ATTRIBUTES = frozenset("ORTH TEXT LOWER NORM SHAPE TAG POS DEP LEMMA MORPH IS_SPACE IS_PUNCT IS_ALPHA "
                           "IS_DIGIT".split())
#: Of those, the attributes whose ``Doc.to_array`` value is the hash of their text, which a
#: pattern's strings are compared by, and the flags (0 or 1); tests on others (POS, MORPH) and
#: operators other than IN, NOT_IN and REGEX are left to the Matcher.
STRING_ATTRIBUTES = frozenset("ORTH TEXT LOWER NORM SHAPE TAG DEP LEMMA".split())
FLAG_ATTRIBUTES = frozenset("IS_SPACE IS_PUNCT IS_ALPHA IS_DIGIT".split())
SET_TESTS = frozenset({"IN", "NOT_IN", "REGEX"})
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
        tested: list[tuple[int, int, dict[str, Any]]] = []
        for rule, p in enumerate(ruler.patterns):
            key = self.strings.add(str(rule))
            patterns = p["patterns"]
            names = {name.upper() for token in patterns[0] for name in token} if len(patterns) == 1 else set()
            if len(patterns) == 1 and len(patterns[0]) == 1 and names <= OWN_ATTRIBUTES:
                used |= names
                if all(_testable(name.upper(), value) for name, value in patterns[0][0].items()):
                    tested.append((rule, key, patterns[0][0]))
                else:
                    self.single.add(key, patterns)
            else:
                self.rest.add(key, patterns)
        names = sorted({"ORTH" if name == "TEXT" else name for name in used})
        self.attrs = [IDS[name] for name in names]
        self.cache: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        #: column -> hash -> the patterns that need that value there (and their other tests);
        #: ``anywhere``: the patterns with no such test
        self.index: dict[int, dict[int, list[tuple[int, int, list[tuple[int, str, Any]]]]]] = {}
        self.anywhere: list[tuple[int, int, list[tuple[int, str, Any]]]] = []
        for rule, key, token in tested:
            tests = [self._test(names.index("ORTH" if n.upper() == "TEXT" else n.upper()), v)
                     for n, v in token.items()]
            first = next((t for t in tests if t[1] == "=="), None)
            entry = (rule, key, [t for t in tests if t is not first])
            if first is None:
                self.anywhere.append(entry)
            else:
                self.index.setdefault(first[0], {}).setdefault(first[2], []).append(entry)

    def _test(self, column: int, value: Any) -> tuple[int, str, Any]:
        """(column, operator, operand) of one attribute test, with strings as the Matcher's hashes."""
        if isinstance(value, bool):
            return column, "==", int(value)
        if isinstance(value, str):
            return column, "==", self.strings.add(value)
        (op, operand), = value.items()
        if op == "REGEX":
            return column, op, re.compile(operand)
        return column, op, frozenset(self.strings.add(v) for v in operand)

    def _rules(self, row: tuple[int, ...]) -> list[tuple[int, int]]:
        """The one-token patterns' (rule, key) that a token of these attribute values matches."""
        candidates = [entry for column, by_value in self.index.items() for entry in by_value.get(row[column], ())]
        found = []
        for rule, key, tests in candidates + self.anywhere:
            for column, op, operand in tests:
                value = row[column]
                if not (value == operand if op == "==" else value in operand if op == "IN"
                        else value not in operand if op == "NOT_IN" else operand.search(self.strings[value])):
                    break
            else:
                found.append((rule, key))
        return found

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
                    rules = self._rules(row)
                    if len(self.single):
                        rules += [(int(self.strings[key]), key)
                                  for key, _, _ in self.single(doc[i:i + 1], allow_missing=True)]
                    rules = cache[row] = tuple(rules)
                found += [(rule, key, i, i + 1) for rule, key in rules]
        if len(self.rest):
            found += [(int(self.strings[key]), key, s, e) for key, s, e in self.rest(doc, allow_missing=True)]
        found.sort()
        return found


def _testable(name: str, value: Any) -> bool:
    """Whether :meth:`RulerMatches._rules` can test the attribute ``name`` for ``value`` as the
    Matcher does: a string attribute for a string or IN, NOT_IN or REGEX of strings, a flag for a
    boolean."""
    if name in FLAG_ATTRIBUTES:
        return isinstance(value, bool)
    if name not in STRING_ATTRIBUTES:
        return False
    if isinstance(value, str):
        return True
    if not (isinstance(value, dict) and len(value) == 1 and set(value) <= SET_TESTS):
        return False
    (op, operand), = value.items()
    if op == "REGEX":
        return isinstance(operand, str)
    return isinstance(operand, list) and all(isinstance(v, str) for v in operand)


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
