"""The provenance of analyst corrections: which statements of a document an analyst changed.

A corrected document's named graph holds the triples of its corrected records, plus, for every
triple that differs from the machine's records, a reified statement (``rdf:Statement``, a
``prov:Entity``, named ``<doc>/statement/<hash of the triple>``):

- what the analyst states: ``prov:wasAttributedTo`` the corrections file (an
  ``etkg:CorrectionsFile``), ``prov:wasGeneratedBy`` each row that made it (an
  ``etkg:Correction``), ``rdfs:comment`` their notes, and ``prov:wasRevisionOf`` the machine's
  statement it replaces when there is one (same predicate, subject and object moved as the
  correction moved entity ids, or the same subject of a one-valued predicate);
- what the machine stated and no longer stands: ``prov:wasGeneratedBy`` the document's
  extraction, and ``prov:wasInvalidatedBy`` the rows that removed it when nothing replaces it.

Since the machine's removed triples are all described, :func:`machine_triples` gives back the
machine's graph of a document from the corrected one: that is what lets a store be corrected
again, with another file, without parsing any text.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Sequence

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from ..corrections import Change, Correction, Corrections
from ..records import DEFAULT_MODEL, Extraction
from .build import Triples, _part, doc_iri, document_triples, entity_iri, event_iri
from .namespace import ETKG, ID, ITSRDF, NIF, SEM

Triple = tuple[Node, Node, Node]
#: Links from an event (or its trigger) to the spans and times that belong to it.
_OWNED = frozenset({ETKG.trigger, ETKG.evidence, SEM.hasTime, NIF.sentence})
_NAMES = ITSRDF.taIdentRef


def corrections_iri(name: str) -> URIRef:
    """The corrections file (by its name) as the agent analyst statements are attributed to;
    also the name of the graph that lists its rows."""
    return ID[f"corrections/{_part(name)}"]


def correction_iri(c: Correction) -> URIRef:
    return ID[f"correction/{c.key}"]


def statement_iri(doc: URIRef, triple: Triple) -> URIRef:
    digest = hashlib.sha256(" ".join(t.n3() for t in triple).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{doc}/statement/{digest}")


def _sort_key(t: Triple) -> tuple[str, ...]:
    return tuple(x.n3() for x in t)


def correction_triples(c: Correction, name: str) -> list[Triple]:
    """A row as an ``etkg:Correction`` activity associated with its file."""
    node, file = correction_iri(c), corrections_iri(name)
    out: list[Triple] = [(node, RDF.type, ETKG.Correction), (node, ETKG.action, Literal(c.action)),
                         (node, ETKG.correctionSubject, Literal(c.subject)), (node, PROV.wasAssociatedWith, file),
                         (file, RDF.type, ETKG.CorrectionsFile), (file, RDFS.label, Literal(name))]
    if c.value:
        out.append((node, ETKG.correctionValue, Literal(c.value)))
    if c.note:
        out.append((node, RDFS.comment, Literal(c.note)))
    return out


def corrected_triples(machine: Extraction, corrected: Extraction, changes: Sequence[Change],
                      corrections: Corrections, *, model: str = DEFAULT_MODEL) -> Triples:
    """The named graph of a corrected document: its corrected records' triples with the
    provenance of everything the corrections changed."""
    g = document_triples(corrected, model=model)
    if changes:
        g += revision_triples(corrected.doc.id, document_triples(machine, model=model), g, changes,
                              corrections.name)
    return g


def revision_triples(doc_id: str, machine: Iterable[Triple], corrected: Iterable[Triple],
                     changes: Sequence[Change], name: str) -> list[Triple]:
    """Reified statements for the triples ``corrected`` adds to ``machine`` and those it removes."""
    doc = doc_iri(doc_id)
    machine, corrected = set(machine), set(corrected)
    removed = sorted(machine - corrected, key=_sort_key)
    added = sorted(corrected - machine, key=_sort_key)
    moved = {entity_iri(a): entity_iri(b) for ch in changes for a, b in ch.entities.items() if b is not None and a != b}

    def norm(t: Triple) -> Triple:
        return (moved.get(t[0], t[0]), t[1], moved.get(t[2], t[2]))

    revised = _pairs(removed, added, norm)
    replaced = set(revised.values())
    rows = _attribution(changes, machine | corrected, doc_id)
    everyone = [ch.correction for ch in changes]
    file = corrections_iri(name)
    activity = URIRef(f"{doc}/extraction")
    out: list[Triple] = []
    for c in dict.fromkeys(everyone):
        out += correction_triples(c, name)
    for t in removed:
        st = _reify(out, doc, t)
        out.append((st, PROV.wasGeneratedBy, activity))
        if t not in replaced:
            out += [(st, PROV.wasInvalidatedBy, correction_iri(c)) for c in rows(t) or everyone]
    for t in added:
        st = _reify(out, doc, t)
        out.append((st, PROV.wasAttributedTo, file))
        for c in rows(t) or everyone:
            out.append((st, PROV.wasGeneratedBy, correction_iri(c)))
            if c.note:
                out.append((st, RDFS.comment, Literal(c.note)))
        if t in revised:
            out.append((st, PROV.wasRevisionOf, statement_iri(doc, revised[t])))
    return out


def _reify(out: list[Triple], doc: URIRef, t: Triple) -> URIRef:
    st = statement_iri(doc, t)
    out += [(st, RDF.type, RDF.Statement), (st, RDF.type, PROV.Entity), (st, RDF.subject, t[0]),
            (st, RDF.predicate, t[1]), (st, RDF.object, t[2])]
    return st


def _pairs(removed: list[Triple], added: list[Triple], norm) -> dict[Triple, Triple]:  # noqa: ANN001
    """Analyst triple -> the machine triple it revises: first the same triple with entity ids
    moved, then the one removed triple with the same subject and predicate."""
    by_norm: dict[Triple, list[Triple]] = {}
    for m in removed:
        by_norm.setdefault(norm(m), []).append(m)
    out = {}
    for a in added:
        if by_norm.get(a):
            out[a] = by_norm[a].pop(0)
    left = [m for ms in by_norm.values() for m in ms]
    by_sp: dict[tuple[Node, Node], list[Triple]] = {}
    for m in left:
        by_sp.setdefault(norm(m)[:2], []).append(m)
    unpaired = [a for a in added if a not in out]
    counts: dict[tuple[Node, Node], int] = {}
    for a in unpaired:
        counts[a[:2]] = counts.get(a[:2], 0) + 1
    for a in unpaired:
        if counts[a[:2]] == 1 and len(by_sp.get(a[:2], [])) == 1:
            out[a] = by_sp[a[:2]][0]
    return out


def _attribution(changes: Sequence[Change], triples: set[Triple], doc_id: str):  # noqa: ANN202 - Triple -> rows
    """Which rows a changed triple is due to: those that touched its subject or object, or the
    entity a mention names, or the event a span or time belongs to."""
    spans: dict[Node, list[Node]] = {}  # entity -> spans that name it
    owned: dict[Node, list[Node]] = {}  # event or trigger -> its spans and time
    for s, p, o in triples:
        if p == _NAMES:
            spans.setdefault(o, []).append(s)
        elif p in _OWNED:
            owned.setdefault(s, []).append(o)
    touched: dict[Node, list[Correction]] = {}
    for ch in changes:
        iris = {entity_iri(i) for pair in ch.entities.items() for i in pair if i is not None}
        iris |= {event_iri(doc_id, i) for i in ch.events}
        iris |= {span for i in list(iris) for span in spans.get(i, ())}
        todo = list(iris)
        while todo:  # event -> trigger -> sentence
            for o in owned.get(todo.pop(), ()):
                if o not in iris:
                    iris.add(o)
                    todo.append(o)
        for i in iris:
            touched.setdefault(i, []).append(ch.correction)

    def rows(t: Triple) -> list[Correction]:
        return list(dict.fromkeys([*touched.get(t[0], []), *touched.get(t[2], [])]))

    return rows


def machine_triples(graph: Iterable[Triple]) -> list[Triple]:
    """A document's triples as the machine made them: the analyst's statements taken out, the
    machine's statements they replaced put back, the provenance of corrections left out."""
    triples = list(graph)
    statements = {s for s, p, o in triples if p == RDF.type and o == RDF.Statement}
    prov = statements | {s for s, p, o in triples if p == RDF.type and o in (ETKG.Correction, ETKG.CorrectionsFile)}
    parts: dict[Node, dict[Node, Node]] = {}
    analyst = set()
    for s, p, o in triples:
        if s in statements:
            parts.setdefault(s, {})[p] = o
            if p == PROV.wasAttributedTo:
                analyst.add(s)
    spo = {st: (d[RDF.subject], d[RDF.predicate], d[RDF.object]) for st, d in parts.items()}
    drop = {spo[st] for st in analyst}
    back = [spo[st] for st in sorted(statements - analyst)]
    return [t for t in triples if t[0] not in prov and t not in drop] + back
