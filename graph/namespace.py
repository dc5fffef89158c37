"""Vocabularies: etkg's own terms (mirroring ``ontology/etkg.ttl``) plus SEM and Web Annotation.

OWL-Time, PROV-O, schema.org and SKOS come from rdflib itself (``TIME``, ``PROV``, ``SDO``, ``SKOS``).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: Where etkg mints the IRIs of documents, entities, events and times.
ID = Namespace("https://w3id.org/etkg/id/")


class ETKG(DefinedNamespace):
    """The etkg ontology: what SEM, OWL-Time, PROV-O and schema.org leave unsaid."""

    _fail = True
    _NS = Namespace("https://w3id.org/etkg/ontology#")

    Mention: URIRef  # a span of a document's text that names an entity
    Group: URIRef  # a collective actor: "the Russians", "Ukrainians", "Russian forces"
    Extractor: URIRef  # the software activity that produced the statements of a document graph
    TimeExpression: URIRef  # a TIMEX3 time expression found in a document
    ModalityScheme: URIRef  # concept scheme of event modalities
    AnchorScheme: URIRef  # concept scheme of how an event got its time
    kind: URIRef  # the entity kind: person, organisation, country, city, region, place, group
    refersTo: URIRef  # mention -> entity it names
    resolvedAs: URIRef  # mention -> entity it stands for by metonymy ("Moscow said" -> Russia)
    mentionedIn: URIRef  # entity -> document that mentions it
    target: URIRef  # event -> the actor it is done to (sub-property of sem:hasActor)
    actor: URIRef  # event -> the actor doing it (sub-property of sem:hasActor)
    eventType: URIRef  # event -> PLOVER concept (sub-property of sem:eventType)
    timemlValue: URIRef  # a TimeML value ("2022-03-29", "2022-02", "P34D") of a time or expression
    timexType: URIRef  # DATE, TIME, DURATION or SET
    timexMod: URIRef  # TimeML mod: BEFORE, AFTER, MORE_THAN, APPROX ...
    anchor: URIRef  # event -> how its time was found (an AnchorScheme concept)
    modality: URIRef  # event -> asserted, reported, planned, hypothetical, negated
    polarity: URIRef  # event -> "positive" or "negative"
    attributedTo: URIRef  # event -> the entity that says it happened
    confidence: URIRef  # the extractor's confidence in a statement, 0..1
    sentence: URIRef  # the sentence an event or mention came from
    trigger: URIRef  # the word(s) that express the event
    text: URIRef  # the full text of a document, which all offsets refer to
    contentHash: URIRef  # sha256 of a document's date and text
    start: URIRef  # character offset where a span starts
    end: URIRef  # character offset where a span ends (exclusive)
    anchorOf: URIRef  # the exact text of a span
    evidence: URIRef  # statement -> the mention or span it was read from
    sentenceStart: URIRef  # character offset of the evidence sentence
    credit: URIRef  # document -> a photo credit, byline or agency tag (not a story entity)
    geonames: URIRef  # place -> its GeoNames IRI
    iso3166: URIRef  # country -> its ISO 3166-1 alpha-2 code


class SEM(DefinedNamespace):
    """Simple Event Model (van Hage et al. 2011)."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    EventType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    eventType: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    hasTimeStamp: URIRef


PLOVER = Namespace("https://w3id.org/etkg/plover#")
MODALITY = Namespace("https://w3id.org/etkg/modality#")
ANCHOR = Namespace("https://w3id.org/etkg/anchor#")
