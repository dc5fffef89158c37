"""Stores: the embedded Oxigraph store answers like the in-memory graph, the CLI builds into and
queries it, and a real `oxigraph` server takes the named graphs over the Graph Store Protocol."""
from __future__ import annotations

import dataclasses
import gc
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

from graph.api import load, open_store
from graph.cli import main
from graph.kg import KnowledgeGraph
from graph.rdf.build import new_dataset
from graph.records import Document
from graph.store import GraphStoreClient, OxigraphBackend, StoreError

from conftest import SEED
from handmade import TEXT_A, extraction_a, extraction_b

ID = "https://w3id.org/etkg/id/"


def run(*args: str) -> tuple[int, str]:
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, buf.getvalue()


def test_oxigraph_tables_equal_memory_tables_for_the_seed(seed_kg, tmp_path):
    kg = open_store(tmp_path / "store")
    for g in seed_kg.graphs():
        kg.backend.replace_graph(g)
    pd.testing.assert_frame_equal(kg.entities(), seed_kg.entities())
    pd.testing.assert_frame_equal(kg.events(), seed_kg.events())
    pd.testing.assert_frame_equal(kg.timeline("Volodymyr Zelenskyy"), seed_kg.timeline("Volodymyr Zelenskyy"))
    assert len(kg) == len(seed_kg) and kg.count_documents() == 1
    del kg
    gc.collect()  # pyoxigraph has no close(): the store's lock goes with the object
    reopened = load(tmp_path / "store")
    pd.testing.assert_frame_equal(reopened.events(), seed_kg.events())


def test_store_keeps_the_merge_right_when_a_document_is_replaced():
    kg = KnowledgeGraph(ox.Store()).add(extraction_a()).add(extraction_b()).add(extraction_a())
    memory = KnowledgeGraph().add(extraction_a()).add(extraction_b())
    assert set(kg.dataset.quads()) == set(memory.dataset.quads())
    assert kg.entities().set_index("name").loc["Istanbul", ["mentions", "documents"]].tolist() == [2, 2]
    a = extraction_a()
    kg.add(dataclasses.replace(a, doc=Document("doc-a", TEXT_A[:90], a.doc.date), entities=[], timexes=[],
                               events=[]))
    # Istanbul and Zelenskyy are still stated by doc-b; what only doc-a said is gone
    assert sorted(kg.entities()["name"]) == ["Istanbul", "Putin", "Volodymyr Zelenskyy"]
    assert kg.entities().set_index("name").loc["Istanbul", "documents"] == 1
    expected = KnowledgeGraph().add(extraction_b()).add(
        dataclasses.replace(a, doc=Document("doc-a", TEXT_A[:90], a.doc.date), entities=[], timexes=[], events=[]))
    assert set(kg.dataset.quads()) == set(expected.dataset.quads()) and len(kg) == len(expected)
    assert len(kg) == len(set(kg.backend.union())) == len({q.triple for q in kg.backend.quads()})  # distinct triples


@pytest.mark.parametrize("title", ['Talks "resume" <today>', "a' } ; DROP ALL ; { '", "<>\"\\"])
def test_oxigraph_bindings_are_values_not_text(title):
    kg = KnowledgeGraph(ox.Store()).add(extraction_a()).add(extraction_b())
    expected = [ID + "doc/doc-a"] if title.startswith("Talks") else []
    assert list(kg.sparql("SELECT ?doc ?title WHERE { ?doc schema:headline ?title }", title=title)["doc"]) == expected
    assert kg.count_documents() == 2
    # an unprojected variable binds too, as with rdflib's initBindings
    assert list(kg.sparql("SELECT ?doc WHERE { ?doc schema:headline ?title }", title=title)["doc"]) == expected


def test_load_refuses_a_folder_that_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        load(tmp_path)
    assert list(tmp_path.iterdir()) == []  # and did not turn it into one


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    """The `oxigraph` server from PyPI on a free loopback port with a temporary store."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph did not start: {proc.stderr.read().decode()[:300]}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def server_select(base: str, query: str) -> list[dict[str, str]]:
    req = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        rows = json.load(resp)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def test_graph_store_protocol_push_query_back_and_replace(oxigraph_server):
    kg = KnowledgeGraph().add(extraction_a()).add(extraction_b())
    client = GraphStoreClient(f"{oxigraph_server}/store")
    assert client.put_all(kg.graphs()) == 2
    for g in kg.graphs():
        assert isomorphic(client.get(str(g.identifier)), g)
    graphs = server_select(oxigraph_server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    assert graphs == [{"g": str(g.identifier), "n": str(len(g))} for g in kg.graphs()]
    events = server_select(oxigraph_server, "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
                           "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a sem:Event } } ORDER BY ?e")
    assert [r["e"] for r in events] == sorted(kg.events()["event"])
    client.put_all(kg.graphs())  # PUT replaces: sending again changes nothing
    assert server_select(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == [
        {"n": str(sum(len(g) for g in kg.graphs()))}]
    client.delete(ID + "doc/doc-b")
    with pytest.raises(StoreError, match="HTTP 404"):
        client.get(ID + "doc/doc-b")


def test_graph_store_client_errors_are_one_line(tmp_path):
    with pytest.raises(StoreError, match="not an http"):
        GraphStoreClient("file:///etc/passwd")
    with pytest.raises(StoreError) as err:
        GraphStoreClient(f"http://127.0.0.1:{free_port()}/store", timeout=2).get("urn:x")
    assert "\n" not in str(err.value)


@pytest.fixture(scope="module")
def cli_build(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("cli")
    code, summary = run("build", str(SEED), "--out", str(out / "files"), "--format", "jsonld",
                        "--format", "nquads", "--store", str(out / "store"))
    assert code == 0, summary
    return out, summary


def test_build_writes_extra_formats_and_fills_the_store(cli_build):
    out, summary = cli_build
    assert {"graph.ttl", "graph.trig", "graph.jsonld", "graph.nq"} <= {p.name for p in (out / "files").iterdir()}
    assert summary.startswith("1 document in the graph, 0 skipped;")
    for name, fmt in (("graph.jsonld", ox.RdfFormat.JSON_LD), ("graph.nq", ox.RdfFormat.N_QUADS),
                      ("graph.trig", ox.RdfFormat.TRIG)):
        assert len(list(ox.parse(path=str(out / "files" / name), format=fmt))) > 1000, name
    code, csv = run("query", "--store", str(out / "store"), "--csv",
                    "SELECT ?name WHERE { ?e rdfs:label ?name ; etkg:kind 'person' } ORDER BY ?name")
    assert code == 0, csv
    assert "Volodymyr Zelenskyy" in csv.splitlines()
    trig = load(out / "files" / "graph.trig")
    code, csv_file = run("query", str(out / "files" / "graph.trig"), "--csv",
                         "SELECT ?name WHERE { ?e rdfs:label ?name ; etkg:kind 'person' } ORDER BY ?name")
    assert csv_file == csv
    assert sorted(trig.entities()["name"]) == sorted(load(out / "store").entities()["name"])


def test_append_is_idempotent_and_validate_passes(cli_build):
    out, _ = cli_build
    before = (out / "files" / "graph.nq").read_text()
    code, summary = run("build", str(SEED), "--out", str(out / "files"), "--append", "--format", "nquads")
    assert code == 0, summary
    assert summary.startswith("1 document in the graph,")
    assert (out / "files" / "graph.nq").read_text() == before
    assert run("validate", str(out / "files" / "graph.trig")) == (0, f"{out / 'files' / 'graph.trig'}: conforms\n")


def test_validate_reports_violations_with_exit_2(tmp_path, capsys):
    kg = KnowledgeGraph(new_dataset()).add(extraction_a())  # rdflib, to break in place
    ds = kg.dataset
    ds.graph(URIRef(ID + "doc/doc-a")).remove((URIRef(ID + "event/doc-a/ev-a-talks"), None, URIRef(ID + "doc/doc-a")))
    kg.to_trig(tmp_path / "bad.trig")
    code, out = run("validate", str(tmp_path / "bad.trig"))
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"etkg: error: {tmp_path / 'bad.trig'}: does not conform (1 violations)"
    assert "ev-a-talks" in out and "wasDerivedFrom" in out


def test_query_with_store_and_a_graph_file_is_a_usage_error(tmp_path, capsys):
    assert run("query", "--store", str(tmp_path), "x.ttl", "ASK {}")[0] == 2
    assert "give a GRAPH file (or --store DIR) and one QUERY" in capsys.readouterr().err
    assert run("query", "--store", str(tmp_path), "ASK {}")[0] == 2
    assert "not an Oxigraph store" in capsys.readouterr().err


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
@pytest.mark.parametrize("query, expected", [
    ("SELECT ?e WHERE { ?e rdfs:label ?name }", 1),
    ("ASK { ?e rdfs:label ?name }", True),
    ("ASK WHERE { ?e rdfs:label ?name ; etkg:kind 'nothing' }", False),
    ("CONSTRUCT { ?e rdfs:label ?name ; a etkg:Bound } WHERE { ?e rdfs:label ?name }", 2),
    ("CONSTRUCT {\n  ?e rdfs:label ?name . # } a comment with a brace\n} WHERE { ?e rdfs:label ?name }", 1),
])
def test_bindings_work_for_select_ask_and_construct_on_both_backends(backend, query, expected):
    from graph.kg import KnowledgeGraph
    from graph.rdf.build import new_dataset

    kg = KnowledgeGraph(new_dataset() if backend == "memory" else None)
    kg.add(extraction_a())
    result = kg.sparql(query, name="Kyiv")
    if isinstance(expected, bool):
        assert result is expected
    elif hasattr(result, "columns"):
        assert len(result) == expected and result["e"].str.endswith("/city/kyiv").all()
    else:
        assert len(result) == expected
        assert {str(o) for o in result.objects()} <= {"Kyiv", "https://w3id.org/etkg/ontology#Bound"}


def test_the_short_construct_form_refuses_bindings_with_a_reason():
    from graph.kg import KnowledgeGraph

    kg = KnowledgeGraph().add(extraction_a())
    with pytest.raises(ValueError, match="CONSTRUCT WHERE"):
        kg.sparql("CONSTRUCT WHERE { ?e rdfs:label ?name }", name="Kyiv")


def test_documents_are_written_as_the_terms_oxigraph_would_write():
    """The N-Quads a document is loaded as, written without Oxigraph's terms for IRIs and
    literals, hold exactly the terms that Oxigraph's own writer gives."""
    from rdflib import BNode, Literal
    from rdflib.namespace import XSD

    from graph.store.backends import _quads, statements, to_oxigraph

    s, p = URIRef("https://w3id.org/etkg/id/doc/a#char=0,5"), URIRef("http://example.org/p")
    objects = [Literal('say "hi"\\ back\nand\r\ttab, Kyïv, 東京'), Literal("x", lang="en-GB"),
               Literal("2022-03-30", datatype=XSD.date), Literal("plain", datatype=XSD.string),
               Literal(3), Literal("0.50", datatype=XSD.decimal), BNode("b1"),
               URIRef("http://example.org/a?q=1&r=%C3%A9#frag"), URIRef("urn:isbn:0451450523")]
    name = ox.NamedNode("https://w3id.org/etkg/id/doc/a")
    lines = statements([(s, p, o) for o in objects] * 2)
    assert len(lines) == len(objects)  # each once
    got = set(ox.parse((_quads(lines, name) + _quads(lines)).encode(), format=ox.RdfFormat.N_QUADS))
    want = {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), g) for o in objects
            for g in (name, ox.DefaultGraph())}
    assert got == want


@pytest.mark.parametrize("bad", [URIRef("http://example.org/a b"), URIRef("http://example.org/%zz"),
                                 URIRef("no-scheme"), "lang"])
def test_a_term_oxigraph_refuses_never_reaches_the_lenient_load(bad):
    """The store loads documents without checking them again (lenient), because every term is
    written by Oxigraph's own terms, which refuse a malformed IRI or language tag."""
    from rdflib import Literal

    from graph.store.backends import statements

    term = Literal("x", lang="abcdefghij") if bad == "lang" else bad  # rdflib takes it, BCP 47 does not
    s, p = URIRef("https://w3id.org/etkg/id/doc/a"), URIRef("http://example.org/p")
    with pytest.raises(ValueError):
        statements([(s, p, term)])
    with pytest.raises(ValueError):
        KnowledgeGraph().backend.replace_graph(Named([(s, p, term)]))


class Named(list):
    identifier = URIRef("https://w3id.org/etkg/id/doc/a")


def quads_on_disk(folder: Path) -> set[ox.Quad]:
    """What a store folder holds, read by a fresh Store (after the writing one is gone)."""
    gc.collect()  # pyoxigraph has no close(): the store's lock goes with the object
    return set(ox.Store(str(folder)))


@pytest.mark.parametrize("flush_every, stage_quads", [(1, 10**9), (2, 10**9), (100, 10**9), (1, 150), (100, 150)])
def test_a_new_store_staged_in_memory_holds_what_transactions_write(flush_every, stage_quads, tmp_path, monkeypatch):
    """A store that was empty takes documents into memory and bulk-loads them, as often as
    FLUSH_EVERY and until STAGE_QUADS; the disk ends with the quads of one transaction per
    document, and the graph answers the same meanwhile."""
    monkeypatch.setattr(OxigraphBackend, "FLUSH_EVERY", flush_every)
    monkeypatch.setattr(OxigraphBackend, "STAGE_QUADS", stage_quads)
    memory = KnowledgeGraph().add(extraction_a()).add(extraction_b())
    kg = open_store(tmp_path / "store")
    assert kg.backend._stage is not None
    kg.add(extraction_a()).add(extraction_b())
    assert (kg.backend._stage is None) == (stage_quads == 150)
    pd.testing.assert_frame_equal(kg.entities(), memory.entities())
    kg.flush()
    assert set(kg.backend.store) == set(memory.backend.store)
    del kg
    assert quads_on_disk(tmp_path / "store") == set(memory.backend.store)


def test_a_replaced_document_ends_the_stage_and_keeps_the_merge_right(tmp_path):
    kg = open_store(tmp_path / "store").add(extraction_a()).add(extraction_b())
    a = extraction_a()
    shorter = dataclasses.replace(a, doc=Document("doc-a", TEXT_A[:90], a.doc.date), entities=[], timexes=[], events=[])
    kg.add(shorter)
    assert kg.backend._stage is None
    expected = KnowledgeGraph().add(extraction_b()).add(shorter)
    assert set(kg.backend.store) == set(expected.backend.store)
    del kg
    assert quads_on_disk(tmp_path / "store") == set(expected.backend.store)


def test_staged_documents_reach_the_disk_without_flush_and_a_used_store_is_written_in_place(tmp_path):
    kg = open_store(tmp_path / "store").add(extraction_a())
    del kg  # no flush(): the documents still reach the disk when the graph goes
    assert quads_on_disk(tmp_path / "store") == set(KnowledgeGraph().add(extraction_a()).backend.store)
    kg = open_store(tmp_path / "store")
    assert kg.backend._stage is None  # it holds a document: no copy in memory
    kg.add(extraction_b())
    assert set(kg.backend.store) == set(KnowledgeGraph().add(extraction_a()).add(extraction_b()).backend.store)


def test_a_failed_bulk_load_is_raised_where_the_build_waits_for_it():
    from graph.store.backends import _Loader

    class Full:
        def bulk_load(self, text, format, lenient=False):  # noqa: A002 - pyoxigraph's keyword
            raise OSError("No space left on device")

    loader, pending = _Loader(Full()), ["<a:s> <a:p> <a:o> .\n"]
    loader.start(pending, {})  # returns at once: the load runs in its own thread
    assert pending == []
    with pytest.raises(OSError, match="No space left"):
        loader.wait()
    loader.wait()  # raised once


def test_staged_documents_are_loaded_named_graphs_first_then_the_merge_each_line_once():
    """Two loads (cheaper than one of the quads mixed), named graphs first: a run killed between
    them leaves documents the merge lacks, which a resumed build writes again."""
    from graph.store.backends import _Loader

    class Recorder:
        texts: list[str] = []

        def bulk_load(self, text, format, lenient=False):  # noqa: A002 - pyoxigraph's keyword
            self.texts.append(text)

    store = Recorder()
    loader, pending = _Loader(store), ["<a:s> <a:p> <a:o> <a:g> .\n", "<a:s> <a:p> <a:o> <a:h> .\n"]
    merge = dict.fromkeys(["<a:s> <a:p> <a:o>", "<a:s> <a:p> <a:x>"])
    loader.finish(pending, merge)
    assert store.texts == ["<a:s> <a:p> <a:o> <a:g> .\n<a:s> <a:p> <a:o> <a:h> .\n",
                           "<a:s> <a:p> <a:o> .\n<a:s> <a:p> <a:x> .\n"]
    assert pending == [] and merge == {}


def test_plain_values_are_what_rdflib_reads_on_both_backends():
    """Backend.values (the tables' read) gives what Literal.toPython gives: text, numbers,
    decimals, dates, booleans, IRIs as strings, unbound as None."""
    query = """SELECT ?s ?v ?u WHERE { VALUES (?s ?v) { (<https://x.org/a> "text") (<https://x.org/b> "fr"@fr)
      (<https://x.org/c> 42) (<https://x.org/d> 0.80) (<https://x.org/e> "2022-03-30"^^xsd:date)
      (<https://x.org/f> true) (<https://x.org/g> "2022-03-30T10:00:00"^^xsd:dateTime) (<https://x.org/h> "x"^^xsd:integer) } }"""
    memory, oxigraph = KnowledgeGraph(new_dataset()).backend, KnowledgeGraph().backend
    rows = oxigraph.values(query).rows
    assert rows == memory.values(query).rows
    assert [type(v).__name__ for _, v, _ in rows] == ["str", "str", "int", "Decimal", "date", "bool", "datetime", "Literal"]
    assert rows[0] == ("https://x.org/a", "text", None)
