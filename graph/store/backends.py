"""Where a graph lives: an rdflib Dataset in memory, an embedded Oxigraph store on disk, or a
SPARQL 1.1 Graph Store Protocol server.

:class:`MemoryBackend` and :class:`OxigraphBackend` answer the same SPARQL with the same rdflib
terms, so :class:`graph.kg.KnowledgeGraph` computes its tables the same way over both.
"""
from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node, Variable

from ..rdf.namespace import PREFIXES


class StoreError(Exception):
    """A store cannot be opened, or a server refused or failed a request."""


@dataclass(frozen=True)
class Rows:
    """A SELECT result: variable names and rows of rdflib terms (``None`` where unbound)."""

    vars: list[str]
    rows: list[tuple[Node | None, ...]]


QueryResult = Rows | bool | Graph


class NamedTriples(Protocol):
    """What a backend stores as one named graph: an rdflib Graph, or the plain list of triples
    with an ``identifier`` that the RDF builder makes for each document."""

    identifier: URIRef

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]: ...


class Backend(Protocol):
    """What a :class:`~graph.kg.KnowledgeGraph` needs from the place its RDF lives."""

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult: ...

    def values(self, sparql: str) -> Rows: ...

    def replace_graph(self, graph: NamedTriples) -> None: ...

    def flush(self) -> None: ...

    def graphs(self) -> Iterator[Graph]: ...

    def to_dataset(self) -> Dataset: ...

    def quads(self) -> Iterator[ox.Quad]: ...

    def union(self) -> Iterator[ox.Triple | ox.Quad]: ...

    def __len__(self) -> int: ...


class MemoryBackend:
    """An rdflib Dataset whose default graph is the union of its named graphs."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        result = self.dataset.query(sparql, initNs=PREFIXES, initBindings=dict(bindings or {}))
        if result.type == "SELECT":
            return Rows([str(v) for v in result.vars or []], [tuple(row) for row in result])
        if result.type == "ASK":
            return bool(result.askAnswer)
        return _as_graph(result.graph)

    def values(self, sparql: str) -> Rows:
        """A SELECT's rows as plain Python values (see :func:`to_python`)."""
        rows = self.query(sparql)
        assert isinstance(rows, Rows)
        return Rows(rows.vars, [tuple(map(to_python, row)) for row in rows.rows])

    def replace_graph(self, graph: NamedTriples) -> None:
        self.dataset.remove_graph(graph.identifier)
        self.dataset.graph(graph.identifier).__iadd__(graph)

    def flush(self) -> None:
        """Nothing to write: the dataset lives in memory."""

    def graphs(self) -> Iterator[Graph]:
        named = [g for g in self.dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
        yield from sorted(named, key=lambda g: str(g.identifier))

    def to_dataset(self) -> Dataset:
        return self.dataset

    def quads(self) -> Iterator[ox.Quad]:
        """The stored quads as Oxigraph terms, graph by graph (sorted by name), each graph's
        triples sorted so that a serialiser groups them by subject."""
        for g in sorted(self.dataset.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID,
                                                               str(g.identifier))):
            name = ox.DefaultGraph() if g.identifier == DATASET_DEFAULT_GRAPH_ID else to_oxigraph(g.identifier)
            for s, p, o in sorted(g.triples((None, None, None)), key=_order):
                yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name)

    def union(self) -> Iterator[ox.Triple]:
        """The distinct triples of all graphs, sorted (so grouped by subject)."""
        triples = {t for g in self.dataset.graphs() for t in g.triples((None, None, None))}
        for s, p, o in sorted(triples, key=_order):
            yield ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))

    def __len__(self) -> int:
        return len(self.dataset)


class OxigraphBackend:
    """A pyoxigraph Store, in memory or on disk (a folder).

    Each document is a named graph, and the store's default graph holds their RDF merge, kept up
    to date on every replace. Queries run on that default graph rather than with
    ``use_default_graph_as_union``, because pyoxigraph 0.5 answers the union as a bag: a triple in
    two document graphs (an entity both mention) would match twice and inflate every count
    (oxigraph/oxigraph#1919).
    """

    #: An on-disk store is flushed every this many documents: RocksDB otherwise keeps the writes
    #: in memory (about 0.6 MB per document measured), so memory would grow with the corpus.
    #: Documents staged in memory (see :meth:`open`) are bulk-loaded to disk as often.
    FLUSH_EVERY = 100
    #: Quads (each document's twice: its graph and the merge) that an in-memory stage holds at
    #: most (about 100 MB per 250,000); past them the stage is written out and dropped.
    STAGE_QUADS = 500_000

    def __init__(self, store: ox.Store, *, on_disk: bool = False, own_default: bool = False) -> None:
        self.store = store
        self.on_disk = on_disk
        #: the default graph holds statements of its own (read from a triple file), not only the
        #: merge of the named graphs, so it is written out with them
        self.own_default = own_default
        self._unflushed = 0
        #: an in-memory copy of an on-disk store that was empty when opened (see :meth:`open`),
        #: with the N-Quads of the documents it holds that are not on disk yet
        self._stage: ox.Store | None = None
        self._pending: list[str] = []
        #: the lines of the merge (the default graph) those documents add, each once
        self._merge: dict[str, None] = {}
        self._staged = 0
        self._loader = _Loader(store)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> OxigraphBackend:
        """Open the store in folder ``path``; with ``create=False`` refuse a folder that holds none
        (pyoxigraph would otherwise turn any folder into a new, empty store).

        A store that holds nothing yet takes new documents into an in-memory copy first, which
        answers the queries, and reaches the disk in bulk loads of :data:`FLUSH_EVERY` documents
        (on :meth:`flush`, and when the object goes): RocksDB's transactions cost about 20 ms
        per document, four times the in-memory write, while a bulk load of many documents costs
        less than half of that. The copy is dropped (written out) once it holds
        :data:`STAGE_QUADS`, or when a document is replaced; writes then go to disk one
        transaction each. A run killed outright loses at most the documents not yet loaded."""
        path = Path(path)
        if not create and not (path / "CURRENT").is_file():
            raise StoreError(f"{path}: not an Oxigraph store")
        try:
            backend = cls(ox.Store(str(path)), on_disk=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open Oxigraph store ({exc})") from None
        if next(iter(backend.store), None) is None:
            backend._stage = ox.Store()
            # what is staged reaches the disk even if nobody calls flush()
            weakref.finalize(backend, backend._loader.finish, backend._pending, backend._merge)
        return backend

    def flush(self) -> None:
        """Write what is staged in memory, and RocksDB's buffers, to disk."""
        if self.on_disk:
            self._loader.finish(self._pending, self._merge)
            self.store.flush()
            self._unflushed = 0

    def _unstage(self) -> None:
        self._loader.finish(self._pending, self._merge)
        self._stage = None

    @property
    def _reader(self) -> ox.Store:
        """The store that answers: the in-memory copy while there is one (it holds the same)."""
        return self._stage if self._stage is not None else self.store

    @classmethod
    def read(cls, path: str | Path, fmt: str) -> OxigraphBackend:
        """A new in-memory store holding the graph file ``path`` (``fmt``: a key of
        :data:`FILE_FORMATS`), the merge of its named graphs added to its default graph."""
        store = ox.Store()
        store.load(path=str(path), format=FILE_FORMATS[fmt])
        if not FILE_FORMATS[fmt].supports_datasets:
            return cls(store, own_default=True)  # a triple file: its triples are the default graph
        store.update(MERGE)
        return cls(store)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        if bindings:
            sparql = bind_values(sparql, {k: to_oxigraph(v) for k, v in bindings.items()})
        result = self._reader.query(sparql, prefixes=PREFIXES)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return Rows(names, [tuple(from_oxigraph(row[n]) for n in names) for row in result])
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        g = _as_graph(Graph())
        for t in result:
            g.add((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)))
        return g

    def values(self, sparql: str) -> Rows:
        """A SELECT's rows as plain Python values, the same as :func:`to_python` of the rdflib
        terms, without making them: the tables of a build read ~100,000 terms, and an rdflib
        Literal costs microseconds to make."""
        result = self._reader.query(sparql, prefixes=PREFIXES)
        assert isinstance(result, ox.QuerySolutions)
        # a solution iterates its values in the order of the variables
        return Rows([v.value for v in result.variables], [tuple(map(_python, row)) for row in result])

    def replace_graph(self, graph: NamedTriples) -> None:
        name = ox.NamedNode(str(graph.identifier))
        # The quads go as N-Quads text that Oxigraph parses (a Python ox.Quad object per quad
        # cost more than the write itself), leniently: statements() wrote every term with Oxigraph's;
        # each triple twice, in its graph and in the merge.
        lines = statements(graph)
        named, merged = _quads(lines, name), _quads(lines)
        text = named + merged
        if self._stage is not None:
            if not self._stage.contains_named_graph(name):
                self._stage.load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
                self._pending.append(named)
                self._merge.update(dict.fromkeys(lines))
                self._staged += 2 * len(lines)
                if self._staged >= self.STAGE_QUADS:
                    self._unstage()
                elif len(self._pending) >= self.FLUSH_EVERY:
                    self._loader.start(self._pending, self._merge)
                return
            self._unstage()  # a replacement: written in place, on disk, from now on
        if self.store.contains_named_graph(name):
            # take the old version's triples out of the merge unless another document states
            # them too (str() of a NamedNode, which rejects '>' and spaces, is its own <IRI>)
            self.store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
                              f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {name}) }} }}")
            self.store.remove_graph(name)
        # One load, so one transaction: the named graph and the merge are written together,
        # and an interrupted build never leaves a new document half written.
        self.store.load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
        self._unflushed += 1
        if self.on_disk and self._unflushed >= self.FLUSH_EVERY:
            self.store.flush()
            self._unflushed = 0

    def quads(self) -> Iterator[ox.Quad]:
        """The documents' named graphs (sorted by name; the merge in the default graph is left
        out, but a triple file's default graph comes first), each read from the store's graph
        index, so a graph's triples come grouped by subject."""
        store = self._reader
        if self.own_default:
            yield from store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        for name in sorted(store.named_graphs(), key=lambda n: n.value):
            yield from store.quads_for_pattern(None, None, None, name)

    def union(self) -> Iterator[ox.Quad]:
        """The distinct triples of all documents: the default graph, which holds their merge, as
        its quads, which a triple format writes as triples: the store's own iterator, with no Python
        step per triple (a third of writing the Turtle)."""
        return self._reader.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def graphs(self) -> Iterator[Graph]:
        store = self._reader
        for name in sorted(store.named_graphs(), key=lambda n: n.value):
            g = Graph(identifier=URIRef(name.value))
            for q in store.quads_for_pattern(None, None, None, name):
                g.add((from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object)))
            yield g

    def to_dataset(self) -> Dataset:
        ds = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns, replace=True)
        ds.parse(data=ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS), format="nquads")
        return ds

    def __len__(self) -> int:
        """The number of distinct triples, as for an rdflib Dataset: those of the default graph,
        counted by the store (a Python loop over them took seconds on a large store)."""
        solution = next(iter(self._reader.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
        return int(solution[0].value)


class _Loader:
    """Bulk loads of staged N-Quads into an on-disk store, one at a time, each in a thread of
    its own: pyoxigraph lets go of the GIL while it writes, so parsing goes on meanwhile.

    The documents' named graphs and the lines they add to the merge go as two loads, named
    graphs first: two loads cost a quarter less CPU than one of the same quads mixed (1.7 s
    against 2.3 s for the 183 TimeBank articles), and a run killed between them leaves
    documents that the merge lacks, which a resumed build extracts and writes again (the
    merge answers what is already held), never a merge whose documents are missing."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self, pending: list[str], merge: dict[str, None]) -> None:
        """Load the N-Quads texts in ``pending``, then the default-graph statements in ``merge``
        (both emptied), once the load before has ended."""
        self.wait()
        texts = ["".join(pending)] if pending else []
        if merge:
            texts.append(_quads(list(merge)))
            merge.clear()
        pending.clear()
        if texts:
            self.thread = threading.Thread(target=self._load, args=(texts,), name="etkg-bulk-load")
            self.thread.start()

    def finish(self, pending: list[str], merge: dict[str, None]) -> None:
        """Load ``pending`` and ``merge`` and wait until everything is written."""
        self.start(pending, merge)
        self.wait()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            error, self.error = self.error, None
            raise error

    def _load(self, texts: list[str]) -> None:
        try:
            for text in texts:
                self.store.bulk_load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as exc:  # raised in the thread that waits
            self.error = exc


#: Graph files Oxigraph reads, by format name.
FILE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                "ntriples": ox.RdfFormat.N_TRIPLES}
#: The documents' graphs merged into the default graph, as :class:`OxigraphBackend` keeps it.
MERGE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def statements(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """Each distinct triple as N-Triples text without its final " .", every term as Oxigraph
    writes it (see :data:`_TERMS`), so that the store can load the text leniently. Distinct: a
    document states some twice (the sentence of two events, the time two expressions denote),
    a fifth of its triples, which the store would parse and write for nothing."""
    text = _TERMS
    return list(dict.fromkeys([f"{text[s]} {text[p]} {text[o]}" for s, p, o in triples]))


def _quads(lines: list[str], name: ox.NamedNode | None = None) -> str:
    """:func:`statements` lines as N-Quads in graph ``name`` (by default the default graph)."""
    end = f" {name} .\n" if name is not None else " .\n"
    return end.join(lines) + end if lines else ""


class _TermText(dict):
    """rdflib term -> its N-Triples text, written by Oxigraph's own terms, which check IRIs and
    language tags and escape literals: text made here is valid, so the store loads it without
    checking it again (``lenient``, a third of the load). Shared by all documents, whose
    predicates, classes, entities and recurring literals are most of their terms; emptied when
    it holds :data:`LIMIT` terms, so memory stays flat over a corpus."""

    LIMIT = 1 << 17

    def __missing__(self, term: Node) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        found = self[term] = str(to_oxigraph(term))
        return found


_TERMS = _TermText()


def bind_values(sparql: str, bindings: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]) -> str:
    """The query with ``VALUES ?var { term }`` opening its WHERE group, which binds each variable
    as rdflib's ``initBindings`` does, for SELECT, ASK, DESCRIBE and CONSTRUCT (whose template,
    the first group, is skipped). pyoxigraph 0.5's own substitutions bind only projected
    variables. The terms are written by Oxigraph itself, which escapes quotes, backslashes and
    newlines and refuses malformed IRIs, so a value can never change the query's structure.

    Raises ValueError for what cannot be bound this way: a query with no group pattern, and the
    short form ``CONSTRUCT WHERE { ... }``, whose pattern may hold triples only (write
    ``CONSTRUCT { ... } WHERE { ... }`` instead)."""
    bad = [name for name in bindings if not name.isidentifier()]
    if bad:
        raise ValueError(f"not SPARQL variable names: {bad}")
    brace = _where_brace(sparql)
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bindings.items())
    return f"{sparql[:brace + 1]} {values} {sparql[brace + 1:]}"


_IRI = re.compile(r"<[^<>\"\s]*>")  # lenient: "{" in an IRI is still no brace of the query
_FORM = re.compile(r"\b(SELECT|ASK|DESCRIBE|CONSTRUCT)\b", re.IGNORECASE)


def _mask(sparql: str) -> str:
    """The query with IRIs, strings and comments blanked out (same length), so that braces and
    keywords can be found by position in what is left."""
    out = list(sparql)
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            end = n if end < 0 else end
        elif c == "<" and (m := _IRI.match(sparql, i)):
            end = m.end()
        elif c in "\"'":
            quote = sparql[i:i + 3] if sparql[i:i + 3] in ('"""', "'''") else c
            end = i + len(quote)
            while end < n and not sparql.startswith(quote, end):
                end += 2 if sparql[end] == "\\" else 1
            end = min(n, end + len(quote))
        else:
            i += 1
            continue
        out[i:end] = " " * (end - i)
        i = end
    return "".join(out)


def _where_brace(sparql: str) -> int:
    """Index of the ``{`` that opens the query's WHERE group."""
    code = _mask(sparql)
    first = code.find("{")
    if first < 0:
        raise ValueError("the query has no { pattern } to bind values in")
    form = _FORM.search(code, 0, first)
    if not form or form.group(1).upper() != "CONSTRUCT":
        return first
    if code[form.end():first].strip():
        raise ValueError("CONSTRUCT WHERE { ... } cannot take bindings: write CONSTRUCT { template } WHERE { pattern }")
    depth, i = 0, first
    for i in range(first, len(code)):  # skip the template to its closing brace
        depth += {"{": 1, "}": -1}.get(code[i], 0)
        if depth == 0:
            break
    where = code.find("{", i + 1)
    if where < 0:
        raise ValueError("the CONSTRUCT query has no WHERE { pattern } to bind values in")
    return where


def _order(triple: tuple[Node, Node, Node]) -> tuple[str, ...]:
    """A total order on rdflib triples (terms of different kinds do not compare)."""
    return tuple(map(repr, triple))


def _as_graph(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    return g


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise TypeError(f"cannot bind {type(term).__name__} {term!r}")


def to_python(term: Node | None) -> object:
    """An rdflib term as a plain value: a literal's Python value (``toPython``), an IRI or
    blank node as its string."""
    return term.toPython() if isinstance(term, Literal) else (str(term) if term is not None else None)


#: Datatypes whose literals are their text in Python.
_TEXT_TYPES = frozenset({str(XSD.string), str(RDF.langString)})
_INTEGER = str(XSD.integer)


def _python(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """:func:`to_python` of an Oxigraph term's rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype, value = term.datatype.value, term.value
        if datatype in _TEXT_TYPES:
            return value
        if datatype == _INTEGER and value.isascii() and value.isdigit():
            return int(value)  # offsets: as rdflib reads them, without a Literal each
        return _typed_value(value, datatype)
    return term.value


@lru_cache(maxsize=1 << 14)
def _typed_value(value: str, datatype: str) -> object:
    # rdflib's own reading (numbers, dates, booleans; an ill-typed literal stays a Literal); the
    # values of a graph's numbers and dates repeat
    return Literal(value, datatype=URIRef(datatype)).toPython()


def from_oxigraph(term: object) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        # rdflib writes simple literals without a datatype; keep them so for equal terms
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, Variable):
        return term
    raise TypeError(f"unsupported Oxigraph term {term!r}")
