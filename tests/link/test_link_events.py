"""The same event reported by two documents becomes one event; different events stay apart."""
from __future__ import annotations

import pytest

import graph
from graph.io.documents import text_document
from graph.rdf.validate import validate

TALKS_A = ("date 2022-03-30\nRussian and Ukrainian negotiators held talks in Istanbul on Tuesday. "
           "Russia said it would reduce military activity near Kyiv.")
TALKS_B = "date 2022-03-31\nUkraine and Russia met for talks in Istanbul on Tuesday, officials said."
LATER = "date 2022-04-08\nUkraine and Russia met for talks in Istanbul on Thursday, officials said."


@pytest.fixture(scope="module")
def merged(nlp):
    return graph.build_documents([text_document(TALKS_A, doc_id="a"), text_document(TALKS_B, doc_id="b")])


def test_two_reports_of_the_talks_are_one_event(merged):
    ev = merged.events()
    talks = ev[ev.type == "CONSULT"]
    assert len(talks) == 1
    row = talks.iloc[0]
    assert (row.date, row.reports, row.doc_id, row.places) == ("2022-03-29", 2, "a", "Istanbul")
    assert set(row.actors.split("; ")) == {"Russia", "Ukraine"}  # the union of both reports


def test_unmerged_view_keeps_every_report(merged):
    ev = merged.events(merge=False)
    assert sorted(ev[ev.type == "CONSULT"].doc_id) == ["a", "b"]
    assert set(ev.reports) == {1}
    parts = merged.participants(merge=False)
    assert parts.event.nunique() == len(ev)


def test_the_timeline_counts_the_talks_once(merged):
    russia = merged.timeline("Russia")
    assert list(russia.type.astype(str)) == ["CONSULT", "RETREAT"]


def test_merged_graph_conforms(merged):
    report = validate(merged.dataset)
    assert report.conforms, report.text


def test_talks_on_another_day_stay_apart(nlp):
    kg = graph.build_documents([text_document(TALKS_A, doc_id="a"), text_document(LATER, doc_id="c")])
    talks = kg.events()[lambda d: d.type == "CONSULT"]
    assert sorted(talks.date) == ["2022-03-29", "2022-04-07"] and set(talks.reports) == {1}


@pytest.mark.parametrize("order", [("full", "short"), ("short", "full")])
def test_reports_naming_one_actor_differently_are_one_event(nlp, order):
    texts = {"full": "date 2009-06-05\nBarack Obama met Angela Merkel in Dresden on Friday.",
             "short": "date 2009-06-06\nObama met Angela Merkel in Dresden on Friday, officials said."}
    kg = graph.build_documents([text_document(texts[o], doc_id=o) for o in order])
    meetings = kg.events()[lambda d: d.type == "CONSULT"]
    assert len(meetings) == 1, kg.events(merge=False)[["doc_id", "type", "date", "actors"]]
    assert (meetings.iloc[0].date, meetings.iloc[0].reports) == ("2009-06-05", 2)


def test_every_later_report_links_to_the_first(nlp):
    third = "date 2022-04-01\nRussia and Ukraine held talks in Istanbul on Tuesday, the ministry said."
    docs = [text_document(t, doc_id=i) for i, t in (("a", TALKS_A), ("b", TALKS_B), ("c", third))]
    kg = graph.build_documents(docs)
    talks = kg.events()[lambda d: d.type == "CONSULT"]
    assert (len(talks), talks.iloc[0].doc_id, talks.iloc[0].reports) == (1, "a", 3)
    links = kg.sparql("SELECT ?e ?c WHERE { ?e etkg:sameEvent ?c }")
    assert set(links["c"]) == {talks.iloc[0].event} and len(links) == 2


DATED = ("date 2022-03-30\nAfter talks in Istanbul on Tuesday, Russia said it would reduce military activity "
         "near Kyiv.")


@pytest.mark.parametrize("later, kind, reports", [
    # an undated past re-mention with nobody named as holding the talks: by place and word
    ("date 2022-04-02\nDmitry Peskov said on Thursday that the talks in Istanbul had produced no breakthrough.",
     "CONSULT", 2),
    # what an earlier pledge announced: before the clause that mentions the pledge
    ("date 2022-03-31\nWestern governments remained sceptical on Thursday of the Kremlin's pledge to reduce "
     "military activity near Kyiv.", "RETREAT", 2),
    # months later, "the talks" are other talks
    ("date 2022-06-10\nDmitry Peskov said on Thursday that the talks in Istanbul had produced no breakthrough.",
     "CONSULT", 1),
    # the same place and type, another word: another meeting
    ("date 2022-04-02\nDmitry Peskov said on Thursday that the visit to Istanbul had produced no breakthrough.",
     "CONSULT", 1),
])
def test_an_undated_re_mention_joins_the_event_of_the_weeks_before(nlp, later, kind, reports):
    kg = graph.build_documents([text_document(DATED, doc_id="a"), text_document(later, doc_id="b")])
    first = kg.events(min_confidence=0)[lambda d: (d.type == kind) & (d.doc_id == "a")]
    assert list(first.reports) == [reports]
