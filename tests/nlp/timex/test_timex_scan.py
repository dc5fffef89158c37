"""The Matcher scan of ``etkg_timex``: its windows and runs of usable tokens lose no match."""
from __future__ import annotations

import spacy

from graph.nlp.timex import TimexTagger

SENTENCES = [
    "On Monday, March 3, 2022, the company said profits rose 5.7% in the third quarter of 1998.",
    "The talks lasted two to three weeks, ending late last year; about 10 p.m. on Friday they resumed.",
    "Every week since the mid-1990s, a $226 million fund paid twice a year for the past twenty-five years.",
    "Shares fell.March 2022 rose profits the 8-month-old deal, no more than a month ago, this time.",
]


def test_the_windowed_scan_finds_every_match_of_a_whole_doc_scan():
    nlp = spacy.blank("en")
    tagger = TimexTagger(nlp)
    for sentence in SENTENCES:
        doc = nlp.make_doc(sentence)
        whole = set(tagger.matcher(doc))
        assert len(whole) >= 3, sentence
        assert tagger._matches(doc) == whole, sentence


def test_only_words_some_rule_accepts_are_scanned():
    nlp = spacy.blank("en")
    tagger = TimexTagger(nlp)
    doc = nlp.make_doc("profits rose March 2022 , the mid-1990s")
    assert [tagger._in_rule(t.orth, doc) for t in doc] == [False, False, True, True, True, True, True]
