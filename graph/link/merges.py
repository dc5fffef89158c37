"""An analyst's merges across documents: ``subject etkg:mergedInto value`` where a document names
the subject without the value.

Within a document that names both, :mod:`graph.corrections` folds the subject into the value.
Elsewhere the subject keeps its own entity (what the document said), and this link, resolved on
the whole graph once the documents are in, says it is the value. The machine's ``etkg:sameEntity``
links stay; the tables let an analyst's link win over them.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable
from urllib.parse import unquote

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from ..corrections import Correction, Corrections
from ..corrections.table import name_key
from ..rdf.build import entity_iri
from ..rdf.namespace import ETKG, ID
from ..rdf.revisions import Triple, correction_iri, corrections_iri, statement_iri
from ..records import KINDS
from ..store import Rows

NAMES_Q = """
SELECT ?entity ?name ?label WHERE {
  { ?entity etkg:kind ?k ; rdfs:label ?name BIND(true AS ?label) }
  UNION { ?entity etkg:kind ?k ; skos:altLabel ?name BIND(false AS ?label) }
}
"""
DOCUMENTS_Q = "SELECT ?entity ?d WHERE { ?entity etkg:kind ?k ; etkg:mentionedIn ?d }"


def _entity_id(text: str) -> URIRef | None:
    """The entity IRI a subject or value gives as an IRI or an id, if it does."""
    base = f"{ID}entity/"
    if text.startswith(base):
        return URIRef(text)
    if text.partition("/")[0] in KINDS and "/" in text:
        return entity_iri(unquote(text))
    return None


def merge_links(corrections: Corrections, select: Callable[[str], Rows], graph: URIRef) -> list[Triple]:
    """``etkg:mergedInto`` links (reified with their provenance in ``graph``) for every merge
    whose subject is still an entity of the graph."""
    merges = [c for c in corrections.rows if c.action == "merge"]
    if not merges:
        return []
    by_name: dict[str, list[tuple[bool, str]]] = {}
    known: set[str] = set()
    for entity, name, label in select(NAMES_Q).rows:
        by_name.setdefault(name_key(str(name)), []).append((not label.toPython(), str(entity)))
        known.add(str(entity))
    documents = Counter(str(e) for e, _ in {(e, d) for e, d in select(DOCUMENTS_Q).rows})

    def named(text: str) -> list[str]:
        iri = _entity_id(text)
        if iri is not None:
            return [str(iri)] if str(iri) in known else []
        return sorted({e for _, e in by_name.get(name_key(text), [])})

    def canonical(text: str) -> str | None:
        iri = _entity_id(text)
        if iri is not None:
            return str(iri) if str(iri) in known else None
        found = by_name.get(name_key(text), [])
        # a label before an alias, then the entity most documents name, then the IRI
        return min(found, key=lambda f: (f[0], -documents[f[1]], f[1]))[1] if found else None

    out: list[Triple] = []
    for c in merges:
        target = canonical(c.value)
        if target is None:
            continue
        for subject in named(c.subject):
            if subject != target:
                out += _link(graph, URIRef(subject), URIRef(target), c, corrections.name)
    return out


def _link(graph: URIRef, subject: URIRef, target: URIRef, c: Correction, name: str) -> list[Triple]:
    link = (subject, ETKG.mergedInto, target)
    st = statement_iri(graph, link)
    out: list[Triple] = [link, (st, RDF.type, RDF.Statement), (st, RDF.type, PROV.Entity),
                         (st, RDF.subject, subject), (st, RDF.predicate, ETKG.mergedInto), (st, RDF.object, target),
                         (st, PROV.wasAttributedTo, corrections_iri(name)),
                         (st, PROV.wasGeneratedBy, correction_iri(c))]
    if c.note:
        out.append((st, RDFS.comment, Literal(c.note)))
    return out
