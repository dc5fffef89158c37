"""The KnowledgeGraph: RDF (the canonical store) with its write path, SPARQL and files.

Documents go in through :meth:`KnowledgeGraph.add` (records -> triples -> links -> the store);
tables come from a cached read model (:mod:`graph.kg.tables`) that is rebuilt only after the
graph changed; networks from :mod:`graph.kg.network`.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..corrections import Corrections, apply_corrections
from ..corrections.apply import match_entities, match_events
from ..io.files import write_atomic
from ..link import entity_links, merge_links, same_event_links
from ..rdf.build import Triples, copy_triples, document_triples
from ..rdf.namespace import ETKG, ONTOLOGY_DIR, PREFIXES
from ..rdf.read import iri_id, read_extraction
from ..rdf.revisions import correction_iri, correction_triples, corrected_triples, corrections_iri, machine_triples
from ..records import CONFIDENT, DEFAULT_MODEL, Document, Entity, Event, Extraction, TextSpan
from ..store import Backend, MemoryBackend, OxigraphBackend, Rows
from . import network
from .profile import profile
from .notebook import NotebookDisplay
from .remote import refuse_remote
from .tables import Tables, rows_frame

if TYPE_CHECKING:
    import networkx as nx

VERSIONS_Q = """
SELECT ?id ?hash WHERE { ?d a schema:NewsArticle ; schema:identifier ?id ; etkg:contentHash ?hash }
"""
DOCUMENTS_Q = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }"
CORRECTION_GRAPHS_Q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?c etkg:row ?row } }"
# What a stored document names, to find the documents a correction may concern without reading them
NAMES_Q = """
SELECT ?g ?id ?entity ?name WHERE { GRAPH ?g { ?g a schema:NewsArticle ; schema:identifier ?id .
  OPTIONAL { ?entity etkg:mentionedIn ?g ; rdfs:label|skos:altLabel ?name } } }
"""
EVENT_LABELS_Q = "SELECT ?g ?event ?label WHERE { GRAPH ?g { ?event a sem:Event ; prov:wasDerivedFrom ?g ; rdfs:label ?label } }"
CORRECTED_Q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a schema:NewsArticle . ?c a etkg:Correction } }"
GRAPH_Q = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
#: What :meth:`KnowledgeGraph.add` computes from the rest of the graph, not from the document.
LINK_PREDICATES = frozenset({ETKG.nameKey, ETKG.sameEntity, ETKG.sameEvent})


def as_term(value: Any) -> Node:
    """A binding value as an RDF term: IRIs and literals as given, anything else as a literal."""
    return value if isinstance(value, (URIRef, Literal)) else Literal(value)


class KnowledgeGraph(NotebookDisplay):
    """Entities, events and times of a set of documents, held as RDF (one named graph each).

    ``source`` is an rdflib Dataset, a pyoxigraph Store or a :class:`~graph.store.Backend`;
    by default a new in-memory Oxigraph store.
    """

    def __init__(self, source: Dataset | ox.Store | Backend | None = None) -> None:
        if source is None:
            # in-memory Oxigraph: it loads a document's triples and answers the tables' SPARQL
            # many times faster than an rdflib Dataset, which stays for graphs read from files
            source = ox.Store()
        if isinstance(source, Dataset):
            source = MemoryBackend(source)
        elif isinstance(source, ox.Store):
            source = OxigraphBackend(source)
        self.backend: Backend = source
        self.skipped: list[Any] = []  # documents a build could not read (graph.io.Skipped)
        self.unchanged = 0  # documents a build found already present with the same content
        self.counts: Counter[str] = Counter()  # what a build read besides documents (graph.io.ReadCounts)
        self._tables: Tables | None = None

    @property
    def tables(self) -> Tables:
        """The read model of the graph as it is now (recomputed only after a change)."""
        if self._tables is None:
            self._tables = Tables(self.backend)
        return self._tables

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (read out of the store when it lives in Oxigraph)."""
        return self.backend.to_dataset()

    def __len__(self) -> int:
        return len(self.backend)

    def __repr__(self) -> str:
        # counts only: a repr must stay cheap on a store of a million documents
        return f"<KnowledgeGraph: {self.count_documents()} documents, {len(self)} triples>"

    def add(self, ex: Extraction, *, model: str = DEFAULT_MODEL,
            corrections: Corrections | None = None) -> KnowledgeGraph:
        """Add one document's extraction as its named graph, replacing an earlier version of it;
        with ``corrections``, the corrected records with the provenance of each change."""
        if corrections is not None:
            fixed, changes = apply_corrections(ex, corrections)
            return self._write(fixed, corrected_triples(ex, fixed, changes, corrections, model=model))
        return self._write(ex, document_triples(ex, model=model))

    def _write(self, ex: Extraction, triples: Triples) -> KnowledgeGraph:
        """A document's triples with its links to the rest of the graph, as its named graph."""
        links = entity_links(ex, self._rows)
        same_entity = {s: o for s, p, o in links if p == ETKG.sameEntity}
        triples += links
        triples += same_event_links(ex, self._rows, same_entity)
        self.backend.replace_graph(triples)
        self._tables = None
        return self

    def flush(self) -> None:
        """Write what the store holds in memory to disk (an on-disk store stages new documents)."""
        self.backend.flush()

    def apply_corrections(self, corrections: Corrections, *, skip: set[str] | frozenset[str] = frozenset()) -> KnowledgeGraph:
        """Correct the documents the graph holds with ``corrections`` (all but the document IRIs
        in ``skip``, which were just added with them), and record the file: a named graph of its
        rows and of the analyst's merges across documents (``etkg:mergedInto``), replacing any
        earlier file's.

        No text is parsed again: each document that a row may concern, or that an earlier file
        corrected, is read back from its graph as the machine made it (the analyst's statements
        taken out, the machine's put back), corrected, and written again only when that changes
        its graph, so applying the same file twice writes nothing the second time.
        """
        for doc in self._to_correct(corrections, skip):
            found = self.backend.query(GRAPH_Q, {"g": doc})
            assert isinstance(found, Rows)
            stored = [(s, p, o) for s, p, o in found.rows]
            ex, model = read_extraction(machine_triples(stored))
            fixed, changes = apply_corrections(ex, corrections)
            triples = corrected_triples(ex, fixed, changes, corrections, model=model)
            if set(triples) != {t for t in stored if t[1] not in LINK_PREDICATES}:
                self._write(fixed, triples)
        name = corrections_iri(corrections.name)
        g = Triples(name)
        for c in corrections.rows:
            g += correction_triples(c, corrections.name)
            g.add((correction_iri(c), ETKG.row, Literal(c.row)))
        g += merge_links(corrections, self._rows, name)
        for (old,) in self._rows(CORRECTION_GRAPHS_Q).rows:
            if old != name or not corrections.rows:
                self.backend.replace_graph(Triples(old))  # one file corrects a graph: the last one given
        if corrections.rows:  # a file without rows takes every correction back out
            self.backend.replace_graph(g)
        self._tables = None
        return self

    def _to_correct(self, corrections: Corrections, skip: set[str] | frozenset[str]) -> list[URIRef]:
        """Documents that carry corrections, or that name what a row names (a superset of those
        the rows change: a split's context word or a merge's value is checked on the records)."""
        docs: dict[str, Extraction] = {}
        for g, doc_id, entity, name in self._rows(NAMES_Q).rows:
            ex = docs.setdefault(str(g), Extraction(Document(str(doc_id), "")))
            if entity is not None:
                ex.entities.append(Entity(iri_id(entity, "entity"), str(name), "", "", aliases=[str(name)]))
        for g, event, label in self._rows(EVENT_LABELS_Q).rows:
            if str(g) in docs:
                docs[str(g)].events.append(Event(iri_id(event, "event"), TextSpan(0, 0, ""), "OTHER", None, "",
                                                 label=str(label)))
        wanted = {str(g) for (g,) in self._rows(CORRECTED_Q).rows}
        for g, ex in docs.items():
            if any(match_events(ex, c.subject) if c.action.endswith("-event") else match_entities(ex, c.subject)
                   for c in corrections.rows):
                wanted.add(g)
        return [URIRef(g) for g in sorted(wanted - {str(s) for s in skip})]

    def corrections(self) -> pd.DataFrame:
        """One row per correction of the graph's corrections file: row, action, subject, value,
        note, ``status`` (applied, or unmatched when it changed nothing), in how many documents
        and how many statements it made or removed."""
        return self.tables.corrections()

    def add_copy(self, original_id: str, copy: Document, similarity: float) -> KnowledgeGraph:
        """Record ``copy`` as a syndicated copy of the document ``original_id`` (its own small
        named graph: the copy, its URL, the PROV link) instead of extracting it again."""
        self.backend.replace_graph(copy_triples(original_id, copy, similarity))
        self._tables = None
        return self

    def graphs(self) -> list[Graph]:
        """The named graph of each document."""
        return list(self.backend.graphs())

    def document_versions(self) -> set[tuple[str, str]]:
        """(id, content hash) of every document held: what a build need not extract again."""
        rows = rows_frame(self._rows(VERSIONS_Q))
        return set(zip(rows["id"], rows["hash"]))

    def count_documents(self) -> int:
        return int(rows_frame(self._rows(DOCUMENTS_Q))["n"].iloc[0])

    def _rows(self, query: str) -> Rows:
        result = self.backend.query(query)
        assert isinstance(result, Rows)
        return result

    def sparql(self, query: str, *, allow_remote: bool = False, **bindings: Any) -> pd.DataFrame | bool | Graph:
        """Run a SPARQL query (etkg's prefixes predeclared); keyword arguments bind variables as
        values, never as spliced text (rdflib ``initBindings``; for Oxigraph, a ``VALUES`` block
        whose terms Oxigraph itself writes and escapes).

        A query that would call another host (``SERVICE``; ``FROM`` on an rdflib graph, a JSON-LD file, which
        rdflib fetches) raises :class:`~graph.kg.remote.RemoteQueryError` unless ``allow_remote``.

        >>> kg.sparql("SELECT ?e ?name WHERE { ?e rdfs:label ?name }", name="Kyiv")  # doctest: +SKIP
        """
        if not allow_remote:
            refuse_remote(query, fetches_from=isinstance(self.backend, MemoryBackend))
        result = self.backend.query(query, {k: as_term(v) for k, v in bindings.items()})
        return rows_frame(result) if isinstance(result, Rows) else result

    # --- tables (see graph.kg.tables) -------------------------------------------------------
    def documents(self) -> pd.DataFrame:
        """One row per document: id, title, date, ``date_source`` (document, page, feed, crawl,
        default = --date; None when undated), language, its URL, every URL the story appeared at
        (``urls``, syndicated copies included) and the number of copies folded into it."""
        return self.tables.documents()

    def entities(self, merge: bool = True) -> pd.DataFrame:
        """One row per entity: name, kind, mention and document counts, aliases, GeoNames link.

        With ``merge``, entities that documents name differently ("Obama", "Barack Obama") are
        one row: the canonical entity's, counting everyone's mentions, with their names as aliases.
        """
        return self.tables.entities(merge)

    def events(self, merge: bool = True, min_confidence: float = CONFIDENT) -> pd.DataFrame:
        """One row per event, with its date interval, participants by role (and the country and
        sector of actors and targets) and evidence.

        With ``merge``, an event that several documents report is one row (the first report's
        evidence, everyone's participants) and ``reports`` counts the documents. Only events of
        at least ``min_confidence`` are shown: by default the confident tier (typed, with someone
        a reader would know taking part); ``min_confidence=0`` shows every event in the graph.
        """
        return self.tables.events(merge, min_confidence)

    def participants(self, merge: bool = True) -> pd.DataFrame:
        """One row per (event, entity, role); with ``merge``, the reports of one event across
        documents count as that one (canonical) event, and an entity as its canonical entity."""
        return self.tables.participants(merge)

    def same_entities(self) -> pd.DataFrame:
        """Entity IRI -> its canonical entity (following links to the end) and that one's name."""
        return self.tables.same_entities.copy()

    def timeline(self, entity: str | None = None, min_confidence: float = CONFIDENT) -> pd.DataFrame:
        """Dated events in time order (the confident tier unless ``min_confidence`` says otherwise),
        optionally only those an entity (IRI or name) takes part in."""
        return self.tables.timeline(entity, min_confidence)

    # --- networks (see graph.kg.network) ----------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, one edge per event from each actor to each target (without a target,
        to each other participant), keyed by the event IRI with its type, date and evidence."""
        return network.to_networkx(self.tables)

    def communities(self) -> list[set[str]]:
        """Groups of entities that take part in events together, largest first."""
        return network.communities(network.weighted(self.to_networkx()))

    def centrality(self) -> pd.DataFrame:
        """Per entity: events, partners, degree and betweenness centrality and community number."""
        return network.centrality(network.weighted(self.to_networkx()), self.participants())

    def to_pyvis(self, **options: Any) -> Any:
        """The entity map as a pyvis ``Network`` (same nodes and edges as :meth:`to_networkx`, one
        edge per pair), to restyle and ``write_html`` as one offline file; ``options`` go to
        ``pyvis.network.Network`` (``height``, ``bgcolor``, ...).

        >>> kg.to_pyvis(height="500px").write_html("map-pyvis.html")  # doctest: +SKIP
        """
        from ..views.pyvis_network import to_pyvis  # views sit above kg: import on use

        return to_pyvis(self.to_networkx(), **options)

    def to_graphml(self, path: str | os.PathLike[str]) -> Path:
        """The entity network for Gephi/yEd: kinds, event types, TimeML dates and ISO begin/end as attributes."""
        return write_atomic(Path(path), network.graphml(self.to_networkx()))

    def to_gexf(self, path: str | os.PathLike[str]) -> Path:
        """The entity network as GEXF (Gephi), with the attributes of :meth:`to_graphml`."""
        return write_atomic(Path(path), network.gexf(self.to_networkx()))

    def profile(self, name: str) -> dict[str, Any]:
        """One entity (IRI, name or alias): kind, aliases, links, mentions, documents and its
        events in date order with type, role and source (a DataFrame under ``"events"``).

        >>> kg.profile("Zelenskyy")["events"][["date", "type", "role"]]  # doctest: +SKIP
        """
        return profile(self.tables, name)

    # --- files ------------------------------------------------------------------------------
    def serialize(self, fmt: str) -> str:
        """The graph as text: ``turtle``/``nt`` (union of all documents), ``trig``/``nquads`` (one
        named graph per document) or ``json-ld`` (named graphs, compacted with ontology/context.jsonld).

        Oxigraph writes every format but JSON-LD, straight from the store's indexes (rdflib's
        Turtle writer spent minutes finding prefixes on a corpus); N-Quads and N-Triples come
        sorted, so that equal graphs give byte-identical files.
        """
        fmt = FORMAT_ALIASES.get(fmt, fmt)
        if fmt == "json-ld":
            return self.dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
        if fmt not in OX_FORMATS:
            raise ValueError(f"unknown graph format {fmt!r} (use {', '.join(sorted([*OX_FORMATS, 'json-ld']))})")
        rdf_format, union = OX_FORMATS[fmt]
        source = self.backend.union() if union else self.backend.quads()
        text = ox.serialize(source, format=rdf_format, prefixes=PREFIXES).decode("utf-8")
        if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
            return "".join(f"{line}\n" for line in sorted(set(text.splitlines())) if line)
        return text

    def to_turtle(self, path: str | os.PathLike[str]) -> Path:
        return write_atomic(Path(path), self.serialize("turtle"))

    def to_trig(self, path: str | os.PathLike[str]) -> Path:
        return write_atomic(Path(path), self.serialize("trig"))


#: Format names as users write them -> the name :meth:`KnowledgeGraph.serialize` knows.
FORMAT_ALIASES = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "jsonld": "json-ld"}
#: Oxigraph's writer per format, and whether it takes the union of the documents (a triple format).
OX_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, True), "ntriples": (ox.RdfFormat.N_TRIPLES, True),
    "trig": (ox.RdfFormat.TRIG, False), "nquads": (ox.RdfFormat.N_QUADS, False),
}


def jsonld_context() -> dict[str, Any]:
    return json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
