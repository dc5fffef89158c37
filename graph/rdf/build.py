"""Records -> RDF: one named graph per document, IRIs derived from content so that runs merge.

Events, actors, places and times follow SEM; time intervals OWL-Time; the extraction activity
PROV-O; entity kinds schema.org; text spans NIF, with RFC 5147 ``#char=start,end`` IRIs on the
document IRI, so that every span of every document has one stable name and no blank node is
ever written (sorted N-Quads of a re-run are identical).
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from importlib.metadata import version
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD
from rdflib.term import Node

from ..records import DEFAULT_MODEL, Document, Entity, Event, Extraction, TextSpan, Timex
from ..timeml import interval
from .namespace import ANCHOR, ETKG, ID, ITSRDF, MODALITY, NIF, PLOVER, PREFIXES, SECTOR, SEM, Terms

# The vocabularies as this module writes them, a record at a time: each term looked up once.
ANCHOR, ETKG, ITSRDF, MODALITY, NIF, OWL, PLOVER, PROV, RDF, RDFS, SDO, SECTOR, SEM, SKOS, TIME, XSD = map(
    Terms, (ANCHOR, ETKG, ITSRDF, MODALITY, NIF, OWL, PLOVER, PROV, RDF, RDFS, SDO, SECTOR, SEM, SKOS, TIME, XSD))

#: schema.org (and SEM) classes per entity kind.
KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "person": (SEM.Actor, SDO.Person),
    "organisation": (SEM.Actor, SDO.Organization),
    "group": (SEM.Actor, ETKG.Group),
    "country": (SEM.Actor, SEM.Place, SDO.Country),
    "city": (SEM.Place, SDO.City),
    "region": (SEM.Place, SDO.AdministrativeArea),
    "place": (SEM.Place, SDO.Place),
    "work": (SDO.CreativeWork,),
    "product": (SDO.Product,),
    "event": (SDO.Event,),
    "law": (SDO.Legislation,),
}
ROLE_PROPERTIES = {"actor": ETKG.actor, "target": ETKG.target, "place": SEM.hasPlace,
                   "participant": SEM.hasActor}

#: Document metadata by key of ``Extraction.metadata``: who wrote and filed the story, and its photo
#: credits, never entities of the story.
METADATA_PROPERTIES = {"credits": ETKG.credit, "bylines": SDO.author, "agencies": SDO.sourceOrganization,
                       "datelines": ETKG.dateline}


@lru_cache(maxsize=1 << 16)
def _part(value: str) -> str:
    # cached: entity names, kinds and document ids recur in every IRI made of them
    return quote(value, safe="-._~")


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{_part(doc_id)}"]


def entity_iri(entity_id: str) -> URIRef:
    kind, _, name = entity_id.partition("/")
    return ID[f"entity/{_part(kind)}/{_part(name)}"]


def event_iri(doc_id: str, event_id: str) -> URIRef:
    """An event as one document reports it: two documents never share an event IRI (even with
    the same text), so each event has one source, trigger and date; the same event reported by
    several documents is linked by ``etkg:sameEvent``."""
    return ID[f"event/{_part(doc_id)}/{_part(event_id)}"]


def span_iri(doc: URIRef, start: int, end: int) -> URIRef:
    """RFC 5147 fragment: the NIF convention for naming a span of a document by its offsets."""
    return URIRef(f"{doc}#char={start},{end}")


def time_iri(value: str, begin: str | None = None, until: str | None = None) -> URIRef:
    """One IRI per (value, interval): a value names itself when its interval is the calendar one
    (or none is known); otherwise ("PRESENT_REF", or a day placed by tense in a wider interval)
    the interval goes into the IRI, so that documents never give one time two intervals."""
    if not (begin or until) or interval(value) == (begin, until):
        return ID[f"time/{_part(value)}"]
    return ID[f"time/{_part(value)}/{_part(begin or '')}/{_part(until or '')}"]


def instant_iri(stamp: str) -> URIRef:
    return ID[f"instant/{_part(stamp)}"]


@lru_cache(maxsize=1)
def etkg_version() -> str:
    return version("etkg")


def extractor_iri(model: str) -> URIRef:
    return ID[f"extractor/etkg-{_part(etkg_version())}/{_part(model)}"]


@lru_cache(maxsize=4096)
def _decimal(value: float, places: int) -> Literal:
    """An xsd:decimal with a fraction ("0.8", "60.0"): the form rdflib's Turtle and TriG writers
    keep, so that a graph read back and written again is byte-identical. (Oxigraph stores
    integral decimals as "60": equal in value, different in lexical form.)"""
    text = format(Decimal(str(round(value, places))).normalize(), "f")
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


@lru_cache(maxsize=1 << 16)
def _offset(value: int) -> Literal:
    # Cached, as are the other literal makers here: an rdflib Literal costs microseconds to make
    # (a date one parses its text), offsets and dates recur across a corpus, and terms are immutable.
    # xsd:integer rather than NIF's xsd:nonNegativeInteger: Oxigraph stores the derived integer
    # types as xsd:integer, so only xsd:integer reads back as written (SHACL checks >= 0)
    return Literal(value)


@lru_cache(maxsize=1 << 14)
def _string(value: str) -> Literal:
    """A plain string literal: mention texts, names, kinds and values recur."""
    return Literal(value)


@lru_cache(maxsize=4096)
def _date_literal(value: str) -> Literal:
    """ISO date or datetime as a typed literal (intervals are exclusive at the end)."""
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of the document graphs."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, replace=True)
    return ds


class Triples(list):
    """The triples of one named graph as a plain list: building an rdflib Graph (with its
    indexes) per document cost more than the rest of the RDF stage, so stores load these."""

    def __init__(self, identifier: URIRef) -> None:
        super().__init__()
        self.identifier = identifier
        #: the spans and times whose statements are in already: a document names a sentence once
        #: per event in it and a day once per expression or event on it (a fifth of its triples),
        #: and each is written once
        self.described: set[tuple] = set()

    add = list.append


def document_triples(ex: Extraction, *, model: str = DEFAULT_MODEL) -> Triples:
    """The statements of one document: its metadata, entities, time expressions and events."""
    d = ex.doc
    doc = doc_iri(d.id)
    g = Triples(doc)
    activity = URIRef(f"{doc}/extraction")
    agent = extractor_iri(model)
    g.add((doc, RDF.type, SDO.NewsArticle))
    g.add((doc, RDF.type, NIF.Context))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, SDO.identifier, Literal(d.id)))
    g.add((doc, NIF.isString, Literal(d.text)))
    g.add((doc, ETKG.contentHash, Literal(d.content_hash)))
    if d.date:
        g.add((doc, SDO.datePublished, Literal(d.date.isoformat(), datatype=XSD.date)))
    if d.title:
        g.add((doc, SDO.headline, Literal(d.title)))
    if d.url:
        g.add((doc, SDO.url, Literal(d.url, datatype=XSD.anyURI)))
    if d.language:
        g.add((doc, SDO.inLanguage, Literal(d.language)))
    if d.date_source:
        g.add((doc, ETKG.dateSource, Literal(d.date_source)))
    for key, prop in METADATA_PROPERTIES.items():
        for value in ex.metadata.get(key, []):
            g.add((doc, prop, _string(value)))
    g.add((activity, RDF.type, ETKG.Extraction))
    g.add((activity, PROV.used, doc))
    g.add((activity, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, ETKG.Extractor))
    g.add((agent, SDO.name, Literal("etkg")))
    g.add((agent, SDO.softwareVersion, Literal(etkg_version())))
    g.add((agent, ETKG.model, Literal(model)))
    g.add((agent, RDFS.label, Literal(f"etkg {etkg_version()} with spaCy pipeline {model}")))
    for ent in ex.entities:
        _add_entity(g, doc, activity, ent)
    for tx in ex.timexes:
        _add_timex(g, doc, activity, tx)
    for ev in ex.events:
        _add_event(g, doc, d.id, activity, ev)
    for rel in ex.event_relations:
        g.add((event_iri(d.id, rel.source), ETKG[rel.relation], event_iri(d.id, rel.target)))
    return g


def copy_triples(original_id: str, copy: Document, similarity: float) -> Triples:
    """The named graph of a syndicated copy folded into the document ``original_id``: the copy
    as a PROV entity that is an alternate of the document, and its URL as one more of the
    document's (schema:url), so that the union graph lists every place the story appeared."""
    doc, node = doc_iri(original_id), doc_iri(copy.id)
    g = Triples(node)
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, PROV.alternateOf, doc))
    g.add((node, SDO.identifier, Literal(copy.id)))
    g.add((node, ETKG.similarity, _decimal(similarity, 3)))
    if copy.url:
        g.add((node, SDO.url, Literal(copy.url, datatype=XSD.anyURI)))
        g.add((doc, SDO.url, Literal(copy.url, datatype=XSD.anyURI)))
    if copy.title:
        g.add((node, SDO.headline, Literal(copy.title)))
    return g


#: The properties of every span, looked up once: a span is written per mention, and an rdflib
#: DefinedNamespace attribute costs about a microsecond a lookup.
_SPAN_PROPERTIES = (RDF.type, NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext)


def _add_span(g: Triples, doc: URIRef, span: TextSpan, cls: URIRef) -> URIRef:
    s = span_iri(doc, span.start, span.end)
    a, begin, end, anchor, context = _SPAN_PROPERTIES
    if (s, cls) not in g.described:
        g.described.add((s, cls))
        g.add((s, a, cls))
    if (s, span.text) not in g.described:  # an event's trigger is also its evidence, as a nif:Phrase
        g.described.add((s, span.text))
        g += ((s, begin, _offset(span.start)), (s, end, _offset(span.end)), (s, anchor, _string(span.text)),
              (s, context, doc))
    return s


def _add_entity(g: Triples, doc: URIRef, activity: URIRef, ent: Entity) -> None:
    e = entity_iri(ent.id)
    for cls in KIND_CLASSES.get(ent.kind, (SEM.Actor,)):
        g.add((e, RDF.type, cls))
    g.add((e, RDFS.label, _string(ent.name)))
    g.add((e, ETKG.kind, _string(ent.kind)))
    g.add((e, ETKG.mentionedIn, doc))
    for alias in ent.aliases:
        g.add((e, SKOS.altLabel, _string(alias)))
    for scheme, link in ent.links.items():
        if scheme == "iso3166":
            g.add((e, ETKG.iso3166, Literal(link)))
        elif scheme == "iso3166-2":
            for code in link.split():
                g.add((e, ETKG.subdivisionCode, Literal(code)))
        elif scheme == "geonames":
            g.add((e, ETKG.geonames, URIRef(link)))
        else:
            g.add((e, OWL.sameAs, URIRef(link)))
    if ent.kind == "group":
        if ent.country:
            g.add((e, ETKG.country, Literal(ent.country)))
        if ent.sector:
            g.add((e, ETKG.sector, SECTOR[ent.sector]))
    elif ent.country and ent.kind != "country":
        g.add((e, ETKG.countryCode, Literal(ent.country)))
    if ent.lat is not None and ent.lon is not None:
        # xsd:decimal keeps the lexical form through every serialisation (doubles get reformatted)
        g.add((e, SDO.latitude, _decimal(ent.lat, 6)))
        g.add((e, SDO.longitude, _decimal(ent.lon, 6)))
    for m in ent.mentions:
        mention = _add_span(g, doc, m, ETKG.Mention)
        g.add((mention, ITSRDF.taIdentRef, e))
        g.add((mention, PROV.wasGeneratedBy, activity))
        if m.resolved_as:
            g.add((mention, ETKG.resolvedAs, entity_iri(m.resolved_as)))


def _add_time(g: Triples, value: str, begin: str | None, until: str | None) -> URIRef:
    t, triples = _time(value, begin, until)
    if (value, begin, until) not in g.described:
        g.described.add((value, begin, until))
        g += triples
    return t


@lru_cache(maxsize=4096)
def _time(value: str, begin: str | None, until: str | None) -> tuple[URIRef, tuple[tuple[URIRef, URIRef, Node], ...]]:
    """A time's IRI and statements, made once per corpus: the days of a corpus recur."""
    t = time_iri(value, begin, until)
    g = [(t, RDF.type, SEM.Time), (t, ETKG.timemlValue, _string(value))]
    if begin or until:
        g.append((t, RDF.type, TIME.Interval))
    for stamp, sem_p, time_p in ((begin, SEM.hasBeginTimeStamp, TIME.hasBeginning),
                                 (until, SEM.hasEndTimeStamp, TIME.hasEnd)):
        if stamp:
            instant = instant_iri(stamp)
            g += [(t, sem_p, _date_literal(stamp)), (t, time_p, instant), (instant, RDF.type, TIME.Instant),
                  (instant, TIME.inXSDDateTime if "T" in stamp else TIME.inXSDDate, _date_literal(stamp))]
    return t, tuple(g)


def _add_timex(g: Triples, doc: URIRef, activity: URIRef, tx: Timex) -> None:
    s = _add_span(g, doc, TextSpan(tx.start, tx.end, tx.text), ETKG.TimeExpression)
    g.add((s, ETKG.timexType, _string(tx.type)))
    g.add((s, ETKG.timemlValue, _string(tx.value)))
    g.add((s, PROV.wasGeneratedBy, activity))
    if tx.mod:
        g.add((s, ETKG.timexMod, _string(tx.mod)))
    if tx.begin or tx.type in ("DATE", "TIME"):
        g.add((s, ETKG.denotes, _add_time(g, tx.value, tx.begin, tx.until)))


def _add_event(g: Triples, doc: URIRef, doc_id: str, activity: URIRef, ev: Event) -> None:
    e = event_iri(doc_id, ev.id)
    g.add((e, RDF.type, SEM.Event))
    g.add((e, RDFS.label, _string(ev.label)))
    g.add((e, ETKG.eventType, PLOVER[ev.type]))
    g.add((e, ETKG.anchor, ANCHOR[ev.anchor]))
    g.add((e, ETKG.modality, MODALITY[ev.modality]))
    g.add((e, ETKG.polarity, _string(ev.polarity)))
    g.add((e, ETKG.confidence, _decimal(ev.confidence, 3)))
    if ev.lemma and ev.lemma != ev.trigger.text:
        g.add((e, ETKG.lemma, _string(ev.lemma)))
    g.add((e, PROV.wasDerivedFrom, doc))
    g.add((e, PROV.wasGeneratedBy, activity))
    trigger = _add_span(g, doc, ev.trigger, ETKG.Trigger)
    sentence = _add_span(g, doc, TextSpan(ev.sentence_start, ev.sentence_start + len(ev.sentence), ev.sentence),
                         NIF.Sentence)
    g.add((e, ETKG.trigger, trigger))
    g.add((trigger, NIF.sentence, sentence))
    for span in ev.mentions:
        g.add((e, ETKG.evidence, _add_span(g, doc, span, NIF.Phrase)))
    if ev.source:
        g.add((e, ETKG.attributedTo, entity_iri(ev.source)))
    for p in ev.participants:
        g.add((e, ROLE_PROPERTIES.get(p.role, SEM.hasActor), entity_iri(p.entity)))
    if ev.date:
        g.add((e, SEM.hasTime, _add_time(g, ev.date, ev.begin, ev.until)))
