"""The read model: the tables every view is made of, computed from the RDF alone and once per
graph version.

Every table is computed from SPARQL over the graph, so a graph loaded from a Turtle or TriG file,
or opened in an Oxigraph store, gives the same tables as the build that wrote it. A
:class:`Tables` belongs to one version of a graph: :class:`~graph.kg.KnowledgeGraph` makes a new
one after every change, so repeated calls (``events()`` then ``participants()``, the CSV files
and the three views of one build) share one computation.
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Iterable

import pandas as pd

from ..records import CONFIDENT, KINDS, PLOVER_TYPES
from ..store import Backend, Rows
from ..store.backends import to_python

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
SELECT ?event ?entity ?role ?name ?kind ?country ?sector WHERE {
  VALUES (?p ?role) { (etkg:actor "actor") (etkg:target "target") (sem:hasPlace "place")
                      (sem:hasActor "participant") }
  ?event a sem:Event ; ?p ?entity .
  ?entity rdfs:label ?name ; etkg:kind ?kind .
  OPTIONAL { ?entity etkg:country|etkg:iso3166 ?country }
  OPTIONAL { ?entity etkg:sector ?s BIND(STRAFTER(STR(?s), "#") AS ?sector) }
}
"""
SAME_Q = "SELECT ?event ?canonical WHERE { ?event etkg:sameEvent ?canonical }"
SAME_ENTITY_Q = """
SELECT ?entity ?canonical ?name ?analyst WHERE {
  { ?entity etkg:sameEntity ?canonical BIND(false AS ?analyst) }
  UNION { ?entity etkg:mergedInto ?canonical BIND(true AS ?analyst) }
  ?canonical rdfs:label ?name
}
"""
CORRECTIONS_Q = """
SELECT ?correction ?row ?action ?subject ?value ?note ?statement ?graph ?file WHERE {
  GRAPH ?file { ?correction a etkg:Correction ; etkg:row ?row ; etkg:action ?action ; etkg:correctionSubject ?subject .
                OPTIONAL { ?correction etkg:correctionValue ?value } OPTIONAL { ?correction rdfs:comment ?note } }
  OPTIONAL { GRAPH ?graph { ?statement prov:wasGeneratedBy|prov:wasInvalidatedBy ?correction } }
}
"""
CORRECTION_COLUMNS = ["row", "action", "subject", "value", "note", "status", "documents", "statements", "correction"]
VERSIONS_Q = """
SELECT ?id ?hash WHERE { ?d a schema:NewsArticle ; schema:identifier ?id ; etkg:contentHash ?hash }
"""
DOCUMENTS_Q = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }"

DOCUMENTS_TABLE_Q = """
SELECT ?document ?id ?title ?date ?date_source ?language ?url ?copy WHERE {
  ?document a schema:NewsArticle ; schema:identifier ?id .
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:datePublished ?date }
  OPTIONAL { ?document etkg:dateSource ?date_source }
  OPTIONAL { ?document schema:inLanguage ?language }
  OPTIONAL { ?document schema:url ?url }
  OPTIONAL { ?copy prov:alternateOf ?document }
}
"""
COPY_URLS_Q = "SELECT ?url WHERE { ?copy prov:alternateOf ?document ; schema:url ?url }"
DOCUMENT_COLUMNS = ["document", "id", "title", "date", "date_source", "language", "url", "urls", "copies"]

ENTITY_COLUMNS = ["entity", "name", "kind", "mentions", "documents", "aliases", "geonames", "lat", "lon"]
EVENT_COLUMNS = ["event", "label", "type", "date", "begin", "end", "anchor", "modality", "polarity",
                 "confidence", "trigger", "sentence", "actors", "targets", "places", "source",
                 "document", "doc_id", "doc_title", "doc_date", "doc_url", "trigger_start", "trigger_end",
                 "reports", "actor_country", "actor_sector", "target_country", "target_sector"]
_NO_LINKS = pd.DataFrame(columns=["canonical", "name"])


def rows_frame(rows: Rows) -> pd.DataFrame:
    """A SPARQL SELECT result as a DataFrame of plain Python values."""
    return pd.DataFrame([[to_python(v) for v in row] for row in rows.rows], columns=rows.vars)


def _joined(keys: Iterable[str], values: Iterable[object], *, distinct: bool = False) -> dict[str, str]:
    """Each key's text values joined by "; " in row order (each once if ``distinct``; missing
    values left out), in one pass: pandas' ``groupby(...).agg("; ".join)`` called the join group
    by group, and the seven of the events table were a fifth of its time."""
    groups: dict[str, list[str]] = {}
    for key, value in zip(keys, values):
        if isinstance(value, str):
            seen = groups.setdefault(key, [])
            if not (distinct and value in seen):
                seen.append(value)
    return {key: "; ".join(seen) for key, seen in groups.items()}


class Tables:
    """The tables of one version of a graph, each computed at most once (copies are returned,
    so a caller may change what it gets)."""

    def __init__(self, backend: Backend) -> None:
        # the backend, not the graph: a graph that held its tables holding it would be a
        # reference cycle, and an on-disk store would stay locked until the next garbage collection
        self._backend = backend
        self._cache: dict[tuple[str, bool], pd.DataFrame] = {}

    def _select(self, query: str) -> pd.DataFrame:
        rows = self._backend.values(query)
        return pd.DataFrame(rows.rows, columns=rows.vars)

    def _cached(self, name: str, merge: bool, make: Callable[[bool], pd.DataFrame]) -> pd.DataFrame:
        key = (name, merge)
        if key not in self._cache:
            self._cache[key] = make(merge)
        return self._cache[key].copy()

    def entities(self, merge: bool = True) -> pd.DataFrame:
        return self._cached("entities", merge, self._entities)

    def documents(self) -> pd.DataFrame:
        return self._cached("documents", True, self._documents)

    def _documents(self, _merge: bool) -> pd.DataFrame:
        """One row per document: id, title, date and where it came from (``date_source`` None:
        undated), language, its own URL, every URL the story appeared at (syndicated copies
        folded into it included) and how many copies were folded."""
        df = self._select(DOCUMENTS_TABLE_Q)
        copy_urls = set(self._select(COPY_URLS_Q)["url"])
        table = df.drop_duplicates("document").set_index("document")
        urls = df.dropna(subset=["url"]).drop_duplicates(["document", "url"]).sort_values("url")
        table["url"] = urls[~urls["url"].isin(copy_urls)].groupby("document")["url"].first()
        table["urls"] = urls.groupby("document")["url"].agg("; ".join)
        table["copies"] = df.dropna(subset=["copy"]).groupby("document")["copy"].nunique()
        table["copies"] = table["copies"].fillna(0).astype("int64")
        table["date"] = pd.to_datetime(table["date"].astype("string"), errors="coerce")
        return table.reset_index()[DOCUMENT_COLUMNS].sort_values("id").reset_index(drop=True)

    def _entities(self, merge: bool) -> pd.DataFrame:
        """One row per entity: name, kind, mention and document counts, aliases, GeoNames link.

        With ``merge``, entities that documents name differently ("Obama", "Barack Obama") are
        one row: the canonical entity's, counting everyone's mentions, with their names as aliases.
        """
        df = self._select(ENTITIES_Q)
        df = df.sort_values(["entity", "name"]).drop_duplicates("entity").set_index("entity")
        mentions = self._select(MENTIONS_Q)
        aliases = self._select(ALIASES_Q)
        same = (self.same_entities if merge else _NO_LINKS)
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
        df["kind"] = pd.Categorical(df["kind"], categories=list(KINDS))
        for col in ("mentions", "documents"):
            df[col] = df[col].fillna(0).astype("int64")
        for col in ("lat", "lon"):
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        return df[ENTITY_COLUMNS].sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)

    @cached_property
    def canonical(self) -> pd.Series:
        """Event IRI -> the canonical event it is the same as (reported by several documents)."""
        same = self._select(SAME_Q)
        return pd.Series(same["canonical"].values, index=same["event"].values, dtype="object")

    @cached_property
    def same_entities(self) -> pd.DataFrame:
        """Entity IRI -> its canonical entity (following links to the end) and that one's name."""
        # one link per entity: an analyst's merge first, else the first machine link, sorted
        same = self._select(SAME_ENTITY_Q).sort_values(["analyst", "entity", "canonical", "name"],
                                                       ascending=[False, True, True, True])
        first = same.drop_duplicates("entity")
        link = dict(zip(first["entity"], first["canonical"]))
        analyst = set(same.loc[same["analyst"].astype(bool), "entity"])
        for e in sorted(set(link) - analyst):  # a machine link that leads back around an analyst's merge goes
            at, seen = link[e], {e}
            while at in link and at not in seen:
                seen.add(at)
                at = link[at]
            if at == e:
                del link[e]
        names = same.sort_values("name").drop_duplicates("canonical").set_index("canonical")["name"]

        def end(e: str) -> str:
            seen = {e}
            while link.get(e) is not None and link[e] not in seen:
                e = link[e]
                seen.add(e)
            return e

        rows = {e: (end(e), names[end(e)]) for e in link if end(e) != e}
        return pd.DataFrame.from_dict(rows, orient="index", columns=["canonical", "name"])

    def corrections(self) -> pd.DataFrame:
        return self._cached("corrections", False, lambda _: self._corrections())

    def _corrections(self) -> pd.DataFrame:
        """One row per correction of the file the graph was last corrected with: whether it
        changed anything, in how many documents, and how many statements it made or removed."""
        df = self._select(CORRECTIONS_Q)
        if df.empty:
            return pd.DataFrame(columns=CORRECTION_COLUMNS)
        made = df.dropna(subset=["statement"])
        out = df.drop_duplicates("correction").set_index("correction")
        out["statements"] = made.groupby("correction")["statement"].nunique()
        documents = made[made["graph"] != made["file"]]  # the merge links of the file's own graph are no document
        out["documents"] = documents.groupby("correction")["graph"].nunique()
        for col in ("statements", "documents"):
            out[col] = out[col].fillna(0).astype("int64")
        out["status"] = ["applied" if n else "unmatched" for n in out["statements"]]
        out = out.reset_index()
        out["row"] = out["row"].astype("int64")
        return out[CORRECTION_COLUMNS].sort_values("row").reset_index(drop=True)

    def participants(self, merge: bool = True) -> pd.DataFrame:
        return self._cached("participants", merge, self._participants)

    def _participants(self, merge: bool) -> pd.DataFrame:
        """One row per (event, entity, role); with ``merge``, the reports of one event across
        documents count as that one (canonical) event, and an entity as its canonical entity."""
        df = self._select(PARTICIPANTS_Q)
        canonical = self.canonical.to_dict() if merge else {}
        if canonical:
            df["event"] = [canonical.get(e, e) for e in df["event"]]
        same = (self.same_entities if merge else _NO_LINKS)
        if len(same):
            known = df["entity"].isin(same.index)
            df.loc[known, "name"] = df.loc[known, "entity"].map(same["name"])
            df.loc[known, "entity"] = df.loc[known, "entity"].map(same["canonical"])
        df = df.sort_values(["event", "role", "name"])
        return df.drop_duplicates(["event", "entity"]).reset_index(drop=True)

    def events(self, merge: bool = True, min_confidence: float = CONFIDENT) -> pd.DataFrame:
        """The events at or above ``min_confidence`` (by default the confident tier; 0 for all)."""
        df = self._cached("events", merge, self._events)
        return df[df["confidence"] >= min_confidence].reset_index(drop=True) if min_confidence > 0 else df

    def _events(self, merge: bool) -> pd.DataFrame:
        """One row per event, with its date interval, participants by role and evidence.

        With ``merge``, an event that several documents report is one row (the first report's
        evidence, everyone's participants) and ``reports`` counts the documents.
        """
        df = self._select(EVENTS_Q).sort_values(["event", "doc_id"]).drop_duplicates("event")
        canonical = self.canonical
        reports = canonical.value_counts()
        df["reports"] = df["event"].map(reports).fillna(0).astype("int64") + 1
        if merge:
            df = df[~df["event"].isin(canonical.index)]
        else:
            df["reports"] = 1
        df["type"] = pd.Categorical(df["type"], categories=list(PLOVER_TYPES))
        for col in ("begin", "end", "doc_date"):
            df[col] = pd.to_datetime(df[col].astype("string"), errors="coerce")
        df["confidence"] = df["confidence"].astype("float64")
        for col in ("trigger_start", "trigger_end"):
            df[col] = df[col].astype("int64")
        parts = self.participants(merge)
        for role, col in (("actor", "actors"), ("target", "targets"), ("place", "places")):
            mine = parts[parts.role == role]
            df[col] = df["event"].map(_joined(mine["event"], mine["name"]))
            if role != "place":
                # the country and sector of each actor and target, as an event coder writes "EGY COP"
                for what in ("country", "sector"):
                    df[f"{role}_{what}"] = df["event"].map(_joined(mine["event"], mine[what], distinct=True))
        return df[EVENT_COLUMNS].sort_values(["begin", "event"], na_position="last").reset_index(drop=True)

    def timeline(self, entity: str | None = None, min_confidence: float = CONFIDENT) -> pd.DataFrame:
        """Dated events in time order, optionally only those an entity (IRI or name) takes part in."""
        ev = self.events(min_confidence=min_confidence)
        ev = ev[ev["begin"].notna()]
        if entity is not None:
            same = self.same_entities
            entity = same["canonical"].get(entity, entity)
            parts = self.participants()
            hit = parts[(parts.entity == entity) | (parts.name.str.lower() == entity.lower())]
            ev = ev[ev["event"].isin(hit["event"])]
        return ev.sort_values(["begin", "event"]).reset_index(drop=True)
