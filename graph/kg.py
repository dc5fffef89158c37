"""The KnowledgeGraph: an RDF dataset (the canonical store) with pandas, networkx and HTML views.

Every view is computed from the RDF alone, so a graph loaded from a Turtle or TriG file gives
the same tables and pages as the build that wrote it.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from .namespace import ETKG, ID, SEM

PREFIXES = f"""
PREFIX etkg: <{ETKG._NS}>
PREFIX sem: <{SEM._NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX id: <{ID}>
"""

# Aggregation happens in pandas: rdflib's SPARQL engine mishandles GROUP_CONCAT over unbound values.
ENTITIES_Q = PREFIXES + """
SELECT ?entity ?name ?kind ?geonames ?lat ?lon WHERE {
  ?entity etkg:kind ?kind ; rdfs:label ?name .
  OPTIONAL { ?entity etkg:geonames ?geonames }
  OPTIONAL { ?entity schema:latitude ?lat ; schema:longitude ?lon }
}
"""
MENTIONS_Q = PREFIXES + """
SELECT ?entity ?mention ?document WHERE { ?mention etkg:refersTo ?entity ; prov:wasDerivedFrom ?document }
"""
ALIASES_Q = PREFIXES + "SELECT ?entity ?alias WHERE { ?entity etkg:kind ?k ; skos:altLabel ?alias }"

EVENTS_Q = PREFIXES + """
SELECT ?event ?label ?type ?date ?begin ?end ?anchor ?modality ?polarity ?confidence
       ?trigger ?sentence ?source ?document ?doc_id ?doc_title ?doc_date ?doc_url
WHERE {
  ?event a sem:Event ; rdfs:label ?label ; etkg:eventType ?t ; etkg:trigger ?trigger ;
         etkg:sentence ?sentence ; etkg:anchor ?a ; etkg:modality ?mo ; etkg:polarity ?polarity ;
         etkg:confidence ?confidence ; prov:wasDerivedFrom ?document .
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
} ORDER BY ?begin ?event
"""

PARTICIPANTS_Q = PREFIXES + """
SELECT ?event ?entity ?role ?name ?kind WHERE {
  VALUES (?p ?role) { (etkg:actor "actor") (etkg:target "target") (sem:hasPlace "place")
                      (sem:hasActor "participant") }
  ?event a sem:Event ; ?p ?entity .
  ?entity rdfs:label ?name ; etkg:kind ?kind .
} ORDER BY ?event ?role ?name
"""

KINDS = ["person", "organisation", "group", "country", "city", "region", "place"]
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
                "OTHER"]


def _py(value: Any) -> Any:
    return value.toPython() if isinstance(value, Literal) else (str(value) if value is not None else None)


def result_frame(result: Result) -> pd.DataFrame:
    """A SPARQL SELECT result as a DataFrame of plain Python values."""
    columns = [str(v) for v in result.vars or []]
    return pd.DataFrame([[_py(v) for v in row] for row in result], columns=columns)


class KnowledgeGraph:
    """Entities, events and times of a set of documents, held as RDF (one named graph each)."""

    def __init__(self, dataset: Dataset | None = None, *, skipped: list[Any] | None = None) -> None:
        self.dataset = dataset if dataset is not None else Dataset(default_union=True)
        self.skipped = list(skipped or [])

    def __len__(self) -> int:
        return len(self.dataset)

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph: {self.count_documents()} documents, {len(self.entities())} entities, "
                f"{len(self.events())} events, {len(self)} triples>")

    def count_documents(self) -> int:
        return int(next(iter(self.dataset.query(PREFIXES + "SELECT (COUNT(?d) AS ?n) WHERE { ?d a schema:NewsArticle }")))[0])

    def sparql(self, query: str, **bindings: Any) -> pd.DataFrame | bool | Dataset:
        """Run a SPARQL query; keyword arguments bind variables (as values, never spliced text).

        >>> kg.sparql("SELECT ?e WHERE { ?e rdfs:label ?name }", name="Kyiv")  # doctest: +SKIP
        """
        init = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in bindings.items()}
        q = query if "PREFIX" in query.upper() else PREFIXES + query
        result = self.dataset.query(q, initBindings=init)
        if result.type == "SELECT":
            return result_frame(result)
        if result.type == "ASK":
            return bool(result.askAnswer)
        return result.graph

    def entities(self) -> pd.DataFrame:
        """One row per entity: name, kind, mention and document counts, aliases, GeoNames link."""
        df = result_frame(self.dataset.query(ENTITIES_Q)).drop_duplicates("entity").set_index("entity")
        mentions = result_frame(self.dataset.query(MENTIONS_Q))
        aliases = result_frame(self.dataset.query(ALIASES_Q)).drop_duplicates()
        df["mentions"] = mentions.groupby("entity")["mention"].nunique()
        df["documents"] = mentions.groupby("entity")["document"].nunique()
        df["aliases"] = aliases.sort_values("alias").groupby("entity")["alias"].agg("; ".join)
        df = df.reset_index()
        df["kind"] = pd.Categorical(df["kind"], categories=KINDS)
        for col in ("mentions", "documents"):
            df[col] = df[col].fillna(0).astype("int64")
        for col in ("lat", "lon"):
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        cols = ["entity", "name", "kind", "mentions", "documents", "aliases", "geonames", "lat", "lon"]
        return df[cols].sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)

    def participants(self) -> pd.DataFrame:
        """One row per (event, entity, role)."""
        df = result_frame(self.dataset.query(PARTICIPANTS_Q))
        return df.drop_duplicates(["event", "entity"]).reset_index(drop=True)

    def events(self) -> pd.DataFrame:
        """One row per event, with its date interval, participants by role and evidence."""
        df = result_frame(self.dataset.query(EVENTS_Q)).drop_duplicates("event")
        df["type"] = pd.Categorical(df["type"], categories=PLOVER_TYPES)
        for col in ("begin", "end", "doc_date"):
            df[col] = pd.to_datetime(df[col].astype("string"), errors="coerce")
        df["confidence"] = df["confidence"].astype("float64")
        parts = self.participants()
        for role, col in (("actor", "actors"), ("target", "targets"), ("place", "places")):
            names = parts[parts.role == role].groupby("event")["name"].agg("; ".join)
            df[col] = df["event"].map(names)
        cols = ["event", "label", "type", "date", "begin", "end", "anchor", "modality", "polarity",
                "confidence", "trigger", "sentence", "actors", "targets", "places", "source",
                "document", "doc_id", "doc_title", "doc_date", "doc_url"]
        return df[cols].sort_values(["begin", "event"], na_position="last").reset_index(drop=True)

    def timeline(self, entity: str | None = None) -> pd.DataFrame:
        """Dated events in time order, optionally only those an entity (IRI or name) takes part in."""
        ev = self.events()
        ev = ev[ev["begin"].notna()]
        if entity is not None:
            parts = self.participants()
            hit = parts[(parts.entity == entity) | (parts.name.str.lower() == entity.lower())]
            ev = ev[ev["event"].isin(hit["event"])]
        return ev.sort_values(["begin", "event"]).reset_index(drop=True)

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, one edge per event from each actor to each target (or co-participant)."""
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
                           sentence=ev["sentence"])
        return g

    # --- files -----------------------------------------------------------------------------
    def serialize(self, fmt: str) -> str:
        """The graph as text: ``turtle`` (union of all documents), ``trig``/``nquads`` (named graphs)
        or ``json-ld``."""
        if fmt in ("turtle", "ttl", "nt", "ntriples", "xml"):
            union = Graph()
            for prefix, ns in self.dataset.namespaces():
                union.bind(prefix, ns)
            for triple in self.dataset.triples((None, None, None)):
                union.add(triple)
            return union.serialize(format="turtle" if fmt == "ttl" else fmt)
        return self.dataset.serialize(format=fmt)

    def to_turtle(self, path: str | os.PathLike[str]) -> Path:
        return write_atomic(Path(path), self.serialize("turtle"))

    def to_trig(self, path: str | os.PathLike[str]) -> Path:
        return write_atomic(Path(path), self.serialize("trig"))


def write_atomic(path: Path, text: str) -> Path:
    """Write through a temporary file in the same folder so that no half-written file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
