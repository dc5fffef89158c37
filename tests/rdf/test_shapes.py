"""Every build conforms to ontology/shapes.ttl, graph by graph and as a union, and the shapes
catch what a build must never write."""
from __future__ import annotations

import shutil

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph.kg import KnowledgeGraph
from graph.rdf.namespace import ID, ITSRDF, SEM
from graph.rdf.validate import shapes, validate

from conftest import ROOT
from handmade import extraction_a, extraction_b
from test_cli import run


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory, nlp):
    """``make demo`` (seeds/) into --out and a store, then a later run adds a copy of one seed
    under another name (a build folds copies it reads together, not a copy read later)."""
    base = tmp_path_factory.mktemp("corpus")
    later = base / "later"
    later.mkdir()
    shutil.copy(ROOT / "seeds" / "001_kyiv_withdrawal.txt", later / "copy_of_001.txt")
    out, store = base / "out", base / "store"
    from graph.cli import main

    main(["build", str(ROOT / "seeds"), "--out", str(out), "--store", str(store)])
    main(["build", str(later), "--out", str(out), "--store", str(store)])
    return out, store


def test_the_demo_output_and_the_store_conform(corpus_build, capsys):
    out, store = corpus_build
    for target in (out / "graph.trig", out / "graph.ttl", store):
        code, text, err = run(capsys, "validate", str(target))
        assert code == 0, text + err
        assert text.strip() == f"{target}: conforms"


def test_the_union_graph_conforms_to_an_independent_shacl_run(corpus_build):
    """graph.ttl read by anyone's SHACL processor: an event reported by two documents with the same
    text is two events (one source each), linked by etkg:sameEvent."""
    out, _ = corpus_build
    union = Graph().parse(out / "graph.ttl")
    conforms, _, text = shacl_validate(union, shacl_graph=shapes(), inference="none", allow_warnings=False)
    assert conforms, text
    events = {str(e) for e in union.subjects(RDF.type, SEM.Event)}
    original = {e.rsplit("/", 1)[1] for e in events if "/event/001_kyiv_withdrawal/" in e}
    copied = {e.rsplit("/", 1)[1] for e in events if "/event/copy_of_001/" in e}
    assert original and copied == original
    assert set(union.subjects(URIRef("https://w3id.org/etkg/ontology#sameEvent"), None))


def test_a_country_only_stood_for_by_a_demonym_conforms(nlp):
    """"The Turks" are the group resolved as Turkey: Turkey is in the graph through that mention."""
    from graph.io.documents import text_document
    from graph.nlp.pipeline import extract_one

    ex = extract_one(text_document("date 2022-03-30\nThe Turks said the talks would go on."), nlp=nlp)
    kg = KnowledgeGraph().add(ex)
    turkey = URIRef(ID + "entity/country/turkey")
    mentions = list(kg.dataset.subjects(URIRef("https://w3id.org/etkg/ontology#resolvedAs"), turkey))
    assert mentions and not list(kg.dataset.subjects(ITSRDF.taIdentRef, turkey))
    assert validate(kg.dataset).conforms


def test_a_dyad_one_span_names_for_two_groups_conforms(nlp):
    """"Hungarian and Romanian officials" is one span that names two groups, each with its country."""
    from graph.io.documents import text_document
    from graph.nlp.pipeline import extract_one

    ex = extract_one(text_document("date 2022-03-30\nSenior Hungarian and Romanian officials met in Budapest."),
                     nlp=nlp)
    kg = KnowledgeGraph().add(ex)
    named = {str(o).rsplit("/", 1)[1] for m in kg.dataset.subjects(ITSRDF.taIdentRef, None)
             for o in kg.dataset.objects(m, ITSRDF.taIdentRef) if "/group/" in str(o)}
    assert named == {"hungarian-officials", "romanian-officials"}
    assert validate(kg.dataset).conforms


def test_an_entity_no_mention_names_or_stands_for_does_not_conform():
    kg = KnowledgeGraph(KnowledgeGraph().add(extraction_a()).dataset)
    g = kg.dataset.graph(URIRef(ID + "doc/doc-a"))
    kyiv = URIRef(ID + "entity/city/kyiv")
    g.remove((None, ITSRDF.taIdentRef, kyiv))
    report = validate(kg.dataset)
    assert not report.conforms
    assert str(kyiv) in set(report.results["focus"])


def test_an_event_without_its_type_does_not_conform():
    kg = KnowledgeGraph(KnowledgeGraph().add(extraction_a()).add(extraction_b()).dataset)
    event = URIRef(ID + "event/doc-b/ev-b-met")
    kg.dataset.graph(URIRef(ID + "doc/doc-b")).remove((event, RDF.type, SEM.Event))
    report = validate(kg.dataset)
    assert not report.conforms
    assert set(report.results["focus"]) == {str(event)}
    assert list(report.results["message"]) == ["Value does not have class sem:Event"]
