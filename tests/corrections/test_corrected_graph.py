"""Corrections on the seed articles, end to end: the tables show them, the graph records them with
PROV, rebuilds are byte-identical, and the machine's version stays recoverable."""
from __future__ import annotations

import pytest
from rdflib import URIRef

import graph
from graph.cli import main
from graph.corrections import read_corrections
from graph.corrections.table import parse_corrections
from graph.kg import KnowledgeGraph
from graph.rdf.build import document_triples, entity_iri
from graph.rdf.namespace import ETKG, ID
from graph.rdf.revisions import machine_triples
from graph.rdf.validate import validate
from graph.records import Entity, Extraction, Document, Mention

from conftest import ROOT, SEED
from handmade import extraction_a, extraction_b, span

SEEDS = ROOT / "seeds"
CSV = """action,subject,value,note
merge,Kremlin,Russia,the Kremlin stands for the Russian state
rename,Putin,Vladimir Putin,
retype,Chernihiv,region,the oblast around the city
drop,Turkish officials,,too vague to be an actor
drop-event,Istanbul talks @ 001_kyiv_withdrawal,,a spokesman's summary
retype-event,Putin bombs Ukraine,COERCE,a blockade
merge,Nobody,Russia,
"""
LINKS = (ETKG.nameKey, ETKG.sameEntity, ETKG.sameEvent)


@pytest.fixture(scope="module")
def corrections_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("corrections") / "corrections.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corrected(nlp, corrections_csv) -> KnowledgeGraph:
    return graph.build(SEEDS, corrections=corrections_csv)


def test_the_tables_show_the_corrected_entities(corrected):
    ents = corrected.entities().set_index("entity")
    names = set(ents["name"])
    assert "Kremlin" not in names and "Turkish officials" not in names and "Putin" not in names
    russia = ents.loc[str(ID["entity/country/russia"])]
    assert "Kremlin" in russia["aliases"].split("; ")
    assert ents.loc[str(ID["entity/city/bucha"]), "kind"] == "city"
    assert ents.loc[str(ID["entity/person/putin"]), "name"] == "Vladimir Putin"
    assert not any("organisation/kremlin" in e or "organisation/bucha" in e for e in ents.index)


def test_the_tables_show_the_corrected_events(corrected):
    ev = corrected.events(merge=False)
    assert not ((ev["label"] == "Istanbul talks") & (ev["doc_id"] == "001_kyiv_withdrawal")).any()
    assert ((ev["label"] == "Istanbul talks") & (ev["doc_id"] == "000_aa0594ff2652d761")).any()
    bombs = ev[ev["label"] == "Putin bombs Ukraine"].iloc[0]
    assert bombs["type"] == "COERCE" and bombs["actors"] == "Vladimir Putin"


def test_corrections_lists_what_applied_and_what_matched_nothing(corrected):
    table = corrected.corrections()
    assert list(table["row"]) == [2, 3, 4, 5, 6, 7, 8]
    assert list(table["status"]) == ["applied"] * 6 + ["unmatched"]
    merge = table.iloc[0]
    assert merge["documents"] == 3 and merge["statements"] > 10  # the Kremlin of three articles
    assert table.iloc[6][["documents", "statements"]].tolist() == [0, 0]


def test_rebuilding_gives_byte_identical_nquads(nlp, corrected, corrections_csv):
    again = graph.build(SEEDS, corrections=corrections_csv)
    assert again.serialize("nquads") == corrected.serialize("nquads")


def test_every_corrected_statement_carries_its_provenance(corrected):
    doc = ID["doc/001_kyiv_withdrawal"]
    q = corrected.sparql("""
        SELECT ?s ?p ?o ?machine_s ?machine_o ?note ?action WHERE { GRAPH ?g {
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              prov:wasAttributedTo ?file ; prov:wasGeneratedBy ?c .
          ?c a etkg:Correction ; etkg:action ?action ; prov:wasAssociatedWith ?file .
          ?file a etkg:CorrectionsFile ; rdfs:label "corrections.csv" .
          OPTIONAL { ?st rdfs:comment ?note }
          OPTIONAL { ?st prov:wasRevisionOf ?m . ?m rdf:subject ?machine_s ; rdf:object ?machine_o ;
                         prov:wasGeneratedBy ?x . ?x a etkg:Extraction } } }""", g=doc)
    kind = q[(q["p"] == str(ETKG.kind)) & (q["action"] == "retype")].iloc[0]
    assert (kind["s"], kind["o"], kind["machine_s"], kind["machine_o"]) == (
        str(ID["entity/region/chernihiv"]), "region", str(ID["entity/city/chernihiv"]), "city")
    assert kind["note"] == "the oblast around the city"
    dropped = corrected.sparql("""
        SELECT ?s WHERE { GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate rdfs:label ;
                                         prov:wasInvalidatedBy/etkg:action "drop" } }""", g=doc)
    assert list(dropped["s"]) == [str(ID["entity/group/turkish-officials"])]


def test_the_machine_graph_is_recoverable_from_the_corrected_one(seed_extraction, corrections_csv):
    kg = KnowledgeGraph().add(seed_extraction, corrections=read_corrections(corrections_csv))
    (g,) = kg.graphs()
    machine = {t for t in machine_triples(g) if t[1] not in LINKS}
    assert machine == set(document_triples(seed_extraction))
    assert {t for t in g if t[1] not in LINKS} != machine


def test_a_corrected_graph_conforms_to_the_shapes(seed_extraction, corrections_csv):
    kg = KnowledgeGraph().add(seed_extraction, corrections=read_corrections(corrections_csv))
    kg.apply_corrections(read_corrections(corrections_csv))
    report = validate(kg.dataset)
    assert report.conforms, report.text


def fix(text: str):
    return parse_corrections("action,subject,value,note\n" + text, name="fix.csv")


def test_a_merge_across_documents_links_and_wins_over_the_machine_link():
    lone = Document("doc-c", "Zelenskyy spoke.", None)
    c = Extraction(lone, [Entity("person/zelenskyy", "Zelenskyy", "person", "PERSON",
                                 [span(lone.text, "Zelenskyy", Mention)])])
    plain = KnowledgeGraph().add(extraction_a()).add(extraction_b()).add(c)
    full = entity_iri("person/volodymyr zelenskyy")
    assert plain.same_entities().loc[str(ID["entity/person/zelenskyy"]), "canonical"] == str(full)
    corrections = fix("merge,person/zelenskyy,Putin,another man\nmerge,Istanbul,Russia,\n")
    kg = KnowledgeGraph()
    for ex in (extraction_a(), extraction_b(), c):
        kg.add(ex, corrections=corrections)
    kg.apply_corrections(corrections)
    same = kg.same_entities()
    assert same.loc[str(ID["entity/person/zelenskyy"]), "canonical"] == str(ID["entity/person/putin"])
    assert (URIRef(ID["entity/person/zelenskyy"]), ETKG.sameEntity, full) \
        in set(kg.dataset.triples((None, None, None)))  # the machine's link stays beside the analyst's
    # Istanbul is folded into Russia in doc-a and linked to it from doc-b
    assert same.loc[str(ID["entity/city/istanbul"]), "canonical"] == str(ID["entity/country/russia"])
    names = set(kg.entities()["name"])
    assert "Istanbul" not in names and "Zelenskyy" not in names
    assert validate(kg.dataset).conforms
    assert list(kg.corrections()["status"]) == ["applied", "applied"]


def test_the_cli_applies_corrections_reports_and_refuses_bad_rows(nlp, tmp_path, capsys):
    path = tmp_path / "fix.csv"
    path.write_text(CSV + "mrege,Kyiv,Kiev,\nretype,Kyiv,village,\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(SEED), "--corrections", str(path), "--out", str(tmp_path / "out"), "--no-views"])
    out, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert f"etkg: error: {path}: row 9: unknown action 'mrege'" in err
    assert f"etkg: error: {path}: row 10: retype 'Kyiv': unknown kind 'village'" in err
    assert f"etkg: warning: {path}: row 8: merge 'Nobody' matched nothing" in err
    assert "corrections: 4 applied, 3 matched nothing, 2 refused" in out
    entities = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8")
    assert "Vladimir Putin" in entities and "organisation/kremlin" not in entities


@pytest.fixture(scope="module")
def uncorrected(nlp) -> KnowledgeGraph:
    return graph.build(SEEDS)


def test_a_store_is_corrected_from_its_graphs_alone_and_equals_a_corrected_build(uncorrected, corrected,
                                                                                  corrections_csv, tmp_path,
                                                                                  monkeypatch):
    store = graph.api.open_store(tmp_path / "store")
    for g in uncorrected.graphs():
        store.backend.replace_graph(g)
    import graph.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "extract", lambda *a, **k: pytest.fail("a stored document was parsed again"))
    store.apply_corrections(read_corrections(corrections_csv))
    assert store.serialize("nquads") == corrected.serialize("nquads")
    assert store.corrections().drop(columns="correction").equals(corrected.corrections().drop(columns="correction"))

    written = []
    monkeypatch.setattr(store.backend, "replace_graph", lambda g: written.append(g.identifier))
    store.apply_corrections(read_corrections(corrections_csv))  # the same file again: no document changes
    assert [str(g) for g in written] == [str(ID["corrections/corrections.csv"])]


def test_a_store_built_with_corrections_takes_them_back_with_an_empty_file(uncorrected, corrections_csv, tmp_path):
    store = graph.build(SEEDS, kg=graph.api.open_store(tmp_path / "store"), corrections=corrections_csv)
    assert "Vladimir Putin" in set(store.entities()["name"])
    empty = tmp_path / "corrections.csv"
    empty.write_text("action,subject,value,note\n", encoding="utf-8")
    graph.build(SEEDS, kg=store, corrections=empty)
    assert store.unchanged == 4
    assert store.serialize("nquads") == uncorrected.serialize("nquads")
    assert store.corrections().empty


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_correcting_a_graph_afterwards_equals_correcting_while_building(backend):
    from graph.rdf.build import new_dataset

    corrections = fix("retype,Kyiv,region,\nrename,Putin,Vladimir Putin,\nmerge,Istanbul,Russia,\n"
                      "drop-event,ev-a-talks,,\n")
    fresh = KnowledgeGraph()
    for ex in (extraction_a(), extraction_b()):
        fresh.add(ex, corrections=corrections)
    fresh.apply_corrections(corrections)
    later = KnowledgeGraph(new_dataset() if backend == "rdflib" else None)  # rdflib: a graph.trig read for --append
    for ex in (extraction_a(), extraction_b()):
        later.add(ex)
    later.apply_corrections(corrections)
    assert later.serialize("nquads") == fresh.serialize("nquads")
