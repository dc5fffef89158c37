"""RDF -> records: a document's extraction read back from its named graph, without its text parsed.

The inverse of :func:`graph.rdf.build.document_triples` for everything the graph holds: building
the records read back gives the same triples (``tests/rdf/test_read.py`` checks it on the seed
article, so a field written to RDF but not read here fails there). Fields the graph does not
carry come back as their defaults: an entity's NER label, an anchored duration's start, metadata
other than credits, bylines, agencies and datelines, the scheme name of an ``owl:sameAs`` link
(``sameAs``), and the order of entities (by first mention).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable
from urllib.parse import unquote

from rdflib import URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS
from rdflib.term import Node

from ..records import ROLES, Document, Entity, Event, EventRelation, Extraction, Mention, Participant, TextSpan, Timex
from .build import METADATA_PROPERTIES, ROLE_PROPERTIES
from .namespace import ETKG, ID, ITSRDF, NIF, SEM


class ReadError(ValueError):
    """The triples are not one document's named graph as etkg writes it."""


def iri_id(iri: Node, kind: str) -> str:
    """The id an entity or event IRI carries (``.../entity/country/russia`` -> ``country/russia``)."""
    tail = str(iri)[len(f"{ID}{kind}/"):]
    if kind == "event":  # event/<document>/<event id>, both quoted (graph.rdf.build.event_iri)
        tail = tail.rpartition("/")[2]
    return unquote(tail)


def read_extraction(triples: Iterable[tuple[Node, Node, Node]]) -> tuple[Extraction, str]:
    """The extraction a document's named graph holds, and the spaCy pipeline that made it."""
    about: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in triples:
        about[s].append((p, o))

    def one(s: Node, p: Node) -> Node | None:
        return next((o for q, o in about.get(s, ()) if q == p), None)

    def every(s: Node, p: Node) -> list[Node]:
        return sorted((o for q, o in about.get(s, ()) if q == p), key=str)

    def has(s: Node, p: Node, o: Node) -> bool:
        return (p, o) in about.get(s, ())

    docs = [s for s in about if has(s, RDF.type, SDO.NewsArticle)]
    if len(docs) != 1:
        raise ReadError(f"expected one document in the graph, found {len(docs)}")
    doc = docs[0]

    def text(s: Node, p: Node) -> str | None:
        value = one(s, p)
        return None if value is None else str(value)

    def span(s: Node) -> TextSpan:
        return TextSpan(int(one(s, NIF.beginIndex)), int(one(s, NIF.endIndex)), str(one(s, NIF.anchorOf)))

    def interval(t: Node | None) -> tuple[str | None, str | None]:
        return (None, None) if t is None else (text(t, SEM.hasBeginTimeStamp), text(t, SEM.hasEndTimeStamp))

    date = text(doc, SDO.datePublished)
    document = Document(str(one(doc, SDO.identifier)), str(one(doc, NIF.isString)),
                        dt.date.fromisoformat(date) if date else None, text(doc, SDO.headline), text(doc, SDO.url),
                        language=text(doc, SDO.inLanguage), date_source=text(doc, ETKG.dateSource))
    metadata = {key: [str(v) for v in every(doc, prop)] for key, prop in METADATA_PROPERTIES.items()}
    agent = one(URIRef(f"{doc}/extraction"), PROV.wasAssociatedWith)
    model = text(agent, ETKG.model) if agent is not None else None

    mentions: dict[Node, list[Mention]] = defaultdict(list)
    for s, pos in about.items():
        if (RDF.type, ETKG.Mention) in pos:
            resolved = one(s, ETKG.resolvedAs)
            m = span(s)
            for entity in every(s, ITSRDF.taIdentRef):
                mentions[entity].append(Mention(m.start, m.end, m.text,
                                                iri_id(resolved, "entity") if resolved is not None else None))
    entities = []
    for s in about:
        if not (has(s, ETKG.mentionedIn, doc) and one(s, ETKG.kind) is not None):
            continue
        links = {"iso3166": text(s, ETKG.iso3166), "geonames": text(s, ETKG.geonames),
                 "iso3166-2": " ".join(sorted(str(c) for c in every(s, ETKG.subdivisionCode))) or None}
        for n, iri in enumerate(every(s, OWL.sameAs)):
            links["sameAs" if n == 0 else f"sameAs{n}"] = str(iri)
        lat, lon = one(s, SDO.latitude), one(s, SDO.longitude)
        entities.append(Entity(iri_id(s, "entity"), str(one(s, RDFS.label)), str(one(s, ETKG.kind)), "",
                               sorted(mentions.get(s, []), key=lambda m: (m.start, m.end)),
                               [str(a) for a in every(s, SKOS.altLabel)],
                               {k: v for k, v in links.items() if v is not None},
                               float(lat) if lat is not None else None, float(lon) if lon is not None else None,
                               text(s, ETKG.countryCode) or text(s, ETKG.country),
                               sector=str(one(s, ETKG.sector)).rpartition("#")[2] if one(s, ETKG.sector) else None))
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else len(document.text) + 1, e.id))

    timexes = []
    for s, pos in about.items():
        if (RDF.type, ETKG.TimeExpression) in pos:
            sp = span(s)
            begin, until = interval(one(s, ETKG.denotes))
            timexes.append(Timex(sp.start, sp.end, sp.text, str(one(s, ETKG.timexType)), str(one(s, ETKG.timemlValue)),
                                 text(s, ETKG.timexMod), begin, until))
    timexes.sort(key=lambda t: (t.start, t.end))

    events, relations = [], []
    for s in about:
        if not (has(s, RDF.type, SEM.Event) and has(s, PROV.wasDerivedFrom, doc)):
            continue
        trigger = one(s, ETKG.trigger)
        sentence = one(trigger, NIF.sentence)
        time = one(s, SEM.hasTime)
        begin, until = interval(time)
        source = one(s, ETKG.attributedTo)
        parts = [Participant(iri_id(o, "entity"), role) for role in ROLES for o in every(s, ROLE_PROPERTIES[role])]
        events.append(Event(
            iri_id(s, "event"), span(trigger), str(one(s, ETKG.eventType)).rpartition("#")[2],
            text(time, ETKG.timemlValue) if time is not None else None, str(one(sentence, NIF.anchorOf)), parts,
            label=str(one(s, RDFS.label)), anchor=str(one(s, ETKG.anchor)).rpartition("#")[2], begin=begin,
            until=until, modality=str(one(s, ETKG.modality)).rpartition("#")[2], polarity=str(one(s, ETKG.polarity)),
            source=iri_id(source, "entity") if source is not None else None,
            sentence_start=int(one(sentence, NIF.beginIndex)), confidence=float(one(s, ETKG.confidence)),
            mentions=sorted((span(e) for e in every(s, ETKG.evidence)), key=lambda m: (m.start, m.end)),
            lemma=text(s, ETKG.lemma) or ""))
        for relation in ("before", "after"):
            relations += [EventRelation(iri_id(s, "event"), relation, iri_id(o, "event")) for o in every(s, ETKG[relation])]
    events.sort(key=lambda ev: (ev.trigger.start, ev.id))
    relations.sort(key=lambda r: (r.source, r.relation, r.target))
    ex = Extraction(document, entities, timexes, events, {k: v for k, v in metadata.items() if v}, relations)
    return ex, model or ""
