"""The ontology, shapes and JSON-LD context agree with the code, and the SPARQL cookbook runs."""
from __future__ import annotations

import json
import re

import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from graph.kg import KnowledgeGraph
from graph.rdf.namespace import ONTOLOGY_DIR
from graph.records import ANCHORS, MODALITIES, PLOVER_TYPES, SECTORS
from graph.rdf.namespace import ANCHOR, ETKG, MODALITY, PLOVER, PREFIXES, SECTOR

from conftest import ROOT
from handmade import extraction_a, extraction_b

COOKBOOK = ROOT / "docs" / "sparql-cookbook.md"
NS = str(ETKG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "etkg.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


def declared(g: Graph, ns: str) -> set[str]:
    return {str(s)[len(ns):] for s in g.subjects(RDF.type, None) if str(s).startswith(ns)}


def test_namespace_module_and_ontology_declare_the_same_terms(ontology):
    assert declared(ontology, NS) == set(ETKG.__annotations__)


def test_every_term_has_a_label_and_a_comment(ontology):
    for name in ETKG.__annotations__:
        term = ETKG[name]
        labels = set(ontology.objects(term, RDFS.label)) | set(ontology.objects(term, SKOS.prefLabel))
        assert labels, name
        assert (term, RDF.type, SKOS.ConceptScheme) in ontology or ontology.value(term, RDFS.comment), name
    for p in ontology.subjects(RDF.type, OWL.ObjectProperty):
        assert str(p).startswith(NS), p  # only our own properties are declared, others are reused


@pytest.mark.parametrize("scheme, ns, expected", [
    (ETKG.PloverTypes, PLOVER, PLOVER_TYPES),
    (ETKG.Modalities, MODALITY, MODALITIES),
    (ETKG.AnchorKinds, ANCHOR, ANCHORS),
    (ETKG.Sectors, SECTOR, SECTORS),
])
def test_concept_schemes_list_every_value_the_code_writes(ontology, shapes, scheme, ns, expected):
    base = str(ns._NS)
    in_scheme = {str(c)[len(base):] for c in ontology.subjects(SKOS.inScheme, scheme)}
    top = {str(c)[len(base):] for c in ontology.objects(scheme, SKOS.hasTopConcept)}
    assert in_scheme == top == set(expected) == set(ns.__annotations__)
    for c in in_scheme:
        assert ontology.value(ns[c], SKOS.definition), c
    allowed = [set(shapes.items(lst)) for lst in shapes.objects(None, SH["in"])]
    assert {ns[c] for c in expected} in allowed


def test_closed_vocabularies_refuse_a_typo():
    with pytest.raises(AttributeError):
        PLOVER.ASSAUT  # noqa: B018
    with pytest.raises(AttributeError):
        MODALITY["asserterd"]


def test_plover_scheme_matches_the_event_lexicon(ontology):
    lexicon = json.loads((ROOT / "graph" / "data" / "plover.json").read_text())
    assert {k for k in lexicon if not k.startswith("_")} | {"OTHER"} == set(PLOVER_TYPES)


def test_a_built_graph_uses_only_declared_etkg_terms(ontology):
    kg = KnowledgeGraph().add(extraction_a()).add(extraction_b())
    used = {str(t)[len(NS):] for q in kg.dataset.quads() for t in q[:3]
            if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= set(ETKG.__annotations__)
    concepts = {t for q in kg.dataset.quads() for t in q[:3] if isinstance(t, URIRef)
                and str(t).startswith((str(PLOVER._NS), str(MODALITY._NS), str(ANCHOR._NS)))}
    assert all((c, RDF.type, SKOS.Concept) in ontology for c in concepts)


def test_files_parse_with_a_second_parser_and_context_has_every_prefix():
    for name, fmt in (("etkg.ttl", ox.RdfFormat.TURTLE), ("shapes.ttl", ox.RdfFormat.TURTLE)):
        assert list(ox.parse(path=str(ONTOLOGY_DIR / name), format=fmt))
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text())["@context"]
    assert context == PREFIXES


def cookbook() -> list[tuple[str, str]]:
    text = COOKBOOK.read_text(encoding="utf-8")
    titles = re.findall(r"^### (\d+\. .+)$", text, re.M)
    queries = re.findall(r"```sparql\n(.*?)```", text, re.S)
    assert len(titles) == len(queries) == 10
    return list(zip(titles, queries))


def select_vars(query: str) -> list[str]:
    head = query.split("WHERE", 1)[0]
    head = re.sub(r"\(.*?AS (\?\w+)\)", r"\1", head)
    return re.findall(r"\?(\w+)", head)


@pytest.fixture(scope="module")
def seed_in_oxigraph(seed_kg) -> KnowledgeGraph:
    kg = KnowledgeGraph(ox.Store())
    for g in seed_kg.graphs():
        kg.backend.replace_graph(g)
    return kg


@pytest.mark.parametrize("title, query", cookbook(), ids=[t.split(".")[0] for t, _ in cookbook()])
def test_cookbook_query_runs_on_the_seed_graph_alike_in_memory_and_in_oxigraph(seed_kg, seed_in_oxigraph,
                                                                                 title, query):
    memory = seed_kg.sparql(query)
    assert list(memory.columns) == select_vars(query)
    assert len(memory) > 0, title
    pd.testing.assert_frame_equal(memory, seed_in_oxigraph.sparql(query))
