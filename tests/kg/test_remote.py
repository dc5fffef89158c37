"""Queries never make this machine call another host unless the user allows it."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graph.kg import KnowledgeGraph
from graph.kg.remote import RemoteQueryError, remote_clauses

from handmade import extraction_a
from test_cli import one_line_error, run


@pytest.fixture
def listener():
    """A loopback HTTP server that counts the requests it gets (and answers none usefully)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("remote")
    kg = KnowledgeGraph().add(extraction_a())
    kg.to_turtle(folder / "a.ttl")
    (folder / "a.jsonld").write_text(kg.serialize("json-ld"), encoding="utf-8")
    from graph.api import open_store

    store = open_store(folder / "store")
    store.add(extraction_a())
    del store
    return folder


@pytest.mark.parametrize("backend", ["file", "store"])
@pytest.mark.parametrize("query", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * {{ ?e rdfs:label ?n . service  <{url}>{{ ?e ?p ?o }} }}",
    "SELECT * WHERE {{ S\\u0045RVICE <{url}> {{ ?s ?p ?o }} }}",
    "ASK {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
])
def test_service_is_refused_and_no_request_leaves(capsys, saved, listener, backend, query):
    url, hits = listener
    where = [str(saved / "a.ttl")] if backend == "file" else ["--store", str(saved / "store")]
    code, out, err = run(capsys, "query", *where, query.format(url=url))
    assert code == 2
    assert "SERVICE would send a request to another host" in one_line_error(err)
    assert hits == [] and out == ""


def test_from_on_a_json_ld_file_is_refused_and_no_request_leaves(capsys, saved, listener):
    url, hits = listener
    code, _, err = run(capsys, "query", str(saved / "a.jsonld"), f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}")
    assert code == 2 and "FROM on a JSON-LD graph file" in one_line_error(err)  # rdflib reads JSON-LD, and fetches FROM
    assert hits == []


def test_from_on_a_turtle_file_names_a_graph_and_no_request_leaves(capsys, saved, listener):
    url, hits = listener
    code, out, err = run(capsys, "query", str(saved / "a.ttl"), f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}")
    assert code == 0, err  # Oxigraph reads the file: FROM is a graph of its store, empty here
    assert hits == []


def test_allow_remote_lets_a_query_call_out(capsys, saved, listener):
    url, hits = listener
    code, _, err = run(capsys, "query", str(saved / "a.ttl"), "--allow-remote",
                       f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    assert hits, err  # the opt-in really reaches the host (which then fails the query)


def test_update_is_still_refused(capsys, saved):
    code, _, err = run(capsys, "query", str(saved / "a.ttl"), "DELETE WHERE { ?s ?p ?o }")
    assert code == 2 and "bad SPARQL query" in one_line_error(err)


@pytest.mark.parametrize("query, found", [
    ('SELECT ?service WHERE { ?s ex:service ?service ; ex:from ?x FILTER(?s = "SERVICE FROM") } # SERVICE', set()),
    ("SELECT * { ?s <http://example.org/SERVICE/from> ?o }", set()),
    ("SELECT * FROM NAMED <http://x/> { GRAPH ?g { ?s ?p ?o } }", {"FROM"}),
    ('SELECT * { ?s ?p """a "quoted" SERVICE""" . SERVICE <http://x/> { } }', {"SERVICE"}),
])
def test_remote_clauses(query, found):
    assert remote_clauses(query) == found


def test_the_api_refuses_too_unless_allowed():
    kg = KnowledgeGraph().add(extraction_a())
    with pytest.raises(RemoteQueryError):
        kg.sparql("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    # Oxigraph reads FROM as a graph of the store: nothing is fetched, so it is allowed there
    assert len(kg.sparql("SELECT ?s FROM <https://w3id.org/etkg/id/doc/doc-a> WHERE { ?s a schema:NewsArticle }")) == 1
