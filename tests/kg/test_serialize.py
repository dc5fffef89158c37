"""Graph files written by Oxigraph: the same graph as rdflib's writers give, readable by both."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from conftest import ROOT


@pytest.fixture(scope="module")
def seeds_kg(nlp):
    import graph

    return graph.build(ROOT / "seeds")


def rdflib_union(ds: Dataset) -> Graph:
    union = Graph()
    for triple in ds.triples((None, None, None)):
        union.add(triple)
    return union


def named(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}


def test_turtle_is_the_union_rdflib_writes(seeds_kg):
    text = seeds_kg.serialize("turtle")
    ours = Graph().parse(data=text, format="turtle")
    theirs = Graph().parse(data=rdflib_union(seeds_kg.dataset).serialize(format="turtle"), format="turtle")
    assert len(ours) == len(theirs) == len(seeds_kg) > 1000
    assert isomorphic(ours, theirs)
    # Oxigraph reads it back too, and the project's prefixes make it readable
    assert sum(1 for _ in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)) == len(ours)
    assert "@prefix etkg: <" in text and "a sem:Event" in text


def test_trig_has_the_named_graphs_rdflib_writes(seeds_kg):
    text = seeds_kg.serialize("trig")
    ours = named(Dataset().parse(data=text, format="trig"))
    theirs = named(Dataset().parse(data=seeds_kg.dataset.serialize(format="trig"), format="trig"))
    assert set(ours) == set(theirs) and len(ours) == 4
    for name, g in theirs.items():
        assert isomorphic(ours[name], g), name
    store = ox.Store()
    store.load(text.encode(), format=ox.RdfFormat.TRIG)
    assert len(list(store.named_graphs())) == 4


def test_nquads_sorted_and_equal_for_equal_graphs(seeds_kg, tmp_path):
    import graph

    text = seeds_kg.serialize("nquads")
    lines = text.splitlines()
    assert lines == sorted(set(lines)) and text.endswith("\n")
    # the same graph read back from its TriG (an rdflib Dataset now) gives the same bytes
    (tmp_path / "g.trig").write_text(seeds_kg.serialize("trig"), encoding="utf-8")
    again = graph.load(tmp_path / "g.trig")
    assert again.serialize("nq") == text
    assert isomorphic(Graph().parse(data=again.serialize("turtle"), format="turtle"),
                      Graph().parse(data=seeds_kg.serialize("ttl"), format="turtle"))


def test_ntriples_is_the_sorted_union(seeds_kg):
    lines = seeds_kg.serialize("nt").splitlines()
    assert lines == sorted(set(lines)) and len(lines) == len(seeds_kg)


def test_a_graph_read_from_turtle_keeps_its_default_graph(tmp_path):
    import graph

    path = tmp_path / "one.ttl"
    path.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "x", "y"@en ; ex:q 3 .\n', encoding="utf-8")
    kg = graph.load(path)
    trig = Dataset().parse(data=kg.serialize("trig"), format="trig")
    assert len(trig) == 3
    assert kg.serialize("nt").splitlines() == sorted([
        '<http://example.org/a> <http://example.org/p> "x" .',
        '<http://example.org/a> <http://example.org/p> "y"@en .',
        '<http://example.org/a> <http://example.org/q> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .'])


def test_unknown_format_is_refused(seeds_kg):
    with pytest.raises(ValueError, match="unknown graph format"):
        seeds_kg.serialize("xml")
