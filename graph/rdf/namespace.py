"""Vocabularies: etkg's own terms (mirroring ``ontology/etkg.ttl``) plus SEM, NIF and ITS.

OWL-Time, PROV-O, schema.org and SKOS come from rdflib itself (``TIME``, ``PROV``, ``SDO``, ``SKOS``).
``tests/test_ontology.py`` checks that :class:`ETKG` and the ontology declare the same terms.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: The ontology folder: etkg.ttl, shapes.ttl and context.jsonld (a link to the top-level ontology/).
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"

#: Where etkg mints the IRIs of documents, entities, events and times.
ID = Namespace("https://w3id.org/etkg/id/")


class ETKG(DefinedNamespace):
    """The etkg ontology: what SEM, OWL-Time, PROV-O, NIF and schema.org leave unsaid."""

    _fail = True
    _NS = Namespace("https://w3id.org/etkg/ontology#")

    # classes
    Mention: URIRef  # a span of a document's text that names an entity (a nif:Phrase)
    Trigger: URIRef  # the word(s) of a document that express an event (a nif:Phrase)
    TimeExpression: URIRef  # a TIMEX3 time expression found in a document (a nif:Phrase)
    Group: URIRef  # a collective actor: "the Russians", "Ukrainians", "Russian forces"
    Extraction: URIRef  # the prov:Activity that read one document and wrote its named graph
    Extractor: URIRef  # the software (etkg version and spaCy pipeline) that ran an extraction
    Correction: URIRef  # one row of an analyst's corrections file, applied (a prov:Activity)
    CorrectionsFile: URIRef  # an analyst's corrections file: what corrected statements are attributed to
    # concept schemes
    PloverTypes: URIRef  # the PLOVER event types of the POLECAT event data, plus OTHER
    Modalities: URIRef  # how a text presents an event: asserted, reported, planned, ...
    AnchorKinds: URIRef  # how an event got its time: explicit, tense, inferred, dct, convention
    Sectors: URIRef  # sectors of group actors: government, military, police, rebels, ...
    # properties
    kind: URIRef  # the entity kind: person, organisation, country, city, region, place, group
    mentionedIn: URIRef  # entity -> document that mentions it
    resolvedAs: URIRef  # mention -> entity it stands for by metonymy ("Moscow said" -> Russia)
    eventType: URIRef  # event -> PLOVER concept (sub-property of sem:eventType)
    actor: URIRef  # event -> the actor doing it (sub-property of sem:hasActor)
    target: URIRef  # event -> the actor it is done to (sub-property of sem:hasActor)
    attributedTo: URIRef  # event -> the entity that says it happened
    trigger: URIRef  # event -> the span of text that expresses it
    evidence: URIRef  # event -> a further span of text it was read from
    anchor: URIRef  # event -> how its time was found (an AnchorKinds concept)
    modality: URIRef  # event -> asserted, reported, planned, hypothetical, negated
    polarity: URIRef  # event -> "positive" or "negative"
    confidence: URIRef  # the extractor's confidence in a statement, 0..1
    timemlValue: URIRef  # a TimeML value ("2022-03-29", "2022-02", "P34D") of a time or expression
    timexType: URIRef  # DATE, TIME, DURATION or SET
    timexMod: URIRef  # TimeML mod: BEFORE, AFTER, MORE_THAN, APPROX ...
    denotes: URIRef  # time expression -> the sem:Time it resolves to
    contentHash: URIRef  # sha256 of a document's date and text
    credit: URIRef  # document -> a photo credit (not a story entity)
    dateline: URIRef  # document -> the place line of its dateline ("KYIV, Ukraine (AP) -")
    geonames: URIRef  # place -> its GeoNames feature
    iso3166: URIRef  # country -> its ISO 3166-1 alpha-2 code
    subdivisionCode: URIRef  # region -> its ISO 3166-2 code (one per subdivision it covers)
    countryCode: URIRef  # place -> ISO 3166-1 alpha-2 code of the country it lies in
    before: URIRef  # event -> an event the text says it happened before
    after: URIRef  # event -> an event the text says it happened after
    sameEvent: URIRef  # event -> the canonical event that other documents report too
    sameEntity: URIRef  # entity -> the canonical entity another document names it as ("Obama" -> Barack Obama)
    nameKey: URIRef  # person or organisation -> blocking key for cross-document identity ("person:obama")
    model: URIRef  # extractor -> the spaCy pipeline it ran
    action: URIRef  # correction -> merge, split, rename, retype, drop, alias, drop-event or retype-event
    correctionSubject: URIRef  # correction -> the entity or event it names, as the file writes it
    correctionValue: URIRef  # correction -> its value (canonical entity, new name, kind or type ...)
    row: URIRef  # correction -> its line number in the corrections file
    lemma: URIRef  # event -> its trigger's lemma or phrase ("scale back") where it differs from the trigger text
    mergedInto: URIRef  # entity -> the canonical entity an analyst says it is (wins over etkg:sameEntity)
    dateSource: URIRef  # document -> where its publication date came from: document, page, feed, crawl, default
    similarity: URIRef  # syndicated copy -> estimated Jaccard similarity of its text to the document's
    country: URIRef  # group -> ISO 3166-1 alpha-2 code of the state it belongs to ("Egyptian police" -> EG)
    sector: URIRef  # group -> its SECTOR concept ("Egyptian police" -> sector:police)


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


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core: text spans by character offsets."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef  # the whole text that offsets refer to
    Phrase: URIRef
    Sentence: URIRef
    isString: URIRef  # the text of a context
    beginIndex: URIRef  # offset of the first character (Unicode code points, from 0)
    endIndex: URIRef  # offset after the last character
    anchorOf: URIRef  # the exact text of a span
    referenceContext: URIRef  # span -> its context
    sentence: URIRef  # span -> the sentence it is in


class ITSRDF(DefinedNamespace):
    """Internationalization Tag Set: ``taIdentRef`` links a span to the entity it names."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")

    taIdentRef: URIRef


class PLOVER(DefinedNamespace):
    """The PLOVER event types (etkg:PloverTypes): graph.records.PLOVER_TYPES as concepts."""

    _fail = True
    _NS = Namespace("https://w3id.org/etkg/plover#")

    AGREE: URIRef
    CONSULT: URIRef
    SUPPORT: URIRef
    CONCEDE: URIRef
    COOPERATE: URIRef
    AID: URIRef
    RETREAT: URIRef
    REQUEST: URIRef
    ACCUSE: URIRef
    REJECT: URIRef
    THREATEN: URIRef
    PROTEST: URIRef
    SANCTION: URIRef
    MOBILIZE: URIRef
    COERCE: URIRef
    ASSAULT: URIRef
    OTHER: URIRef


class MODALITY(DefinedNamespace):
    """How a text presents an event (etkg:Modalities): graph.records.MODALITIES as concepts."""

    _fail = True
    _NS = Namespace("https://w3id.org/etkg/modality#")

    asserted: URIRef  # the text states it happened
    reported: URIRef  # someone the text names says it happened
    planned: URIRef  # announced, intended or expected
    hypothetical: URIRef  # conditional or possible
    negated: URIRef  # the text says it did not happen


class ANCHOR(DefinedNamespace):
    """How an event got its time (etkg:AnchorKinds): graph.records.ANCHORS as concepts."""

    _fail = True
    _NS = Namespace("https://w3id.org/etkg/anchor#")

    explicit: URIRef  # a time expression of the event's own clause
    inferred: URIRef  # the time of the clause that reports or governs it
    tense: URIRef  # the verb's tense relative to the publication date
    dct: URIRef  # the publication date, for want of anything else
    convention: URIRef  # an undated past event of a report's lead: the same-day news convention


class SECTOR(DefinedNamespace):
    """Sectors of group actors (etkg:Sectors): graph.records.SECTORS as concepts."""

    _fail = True
    _NS = Namespace("https://w3id.org/etkg/sector#")

    government: URIRef  # ministers, officials, the administration (CAMEO GOV)
    military: URIRef  # troops, soldiers, armed forces of a state (MIL)
    police: URIRef  # police and internal security forces (COP)
    rebels: URIRef  # rebels, insurgents, guerrillas, militants (REB, UAF)
    opposition: URIRef  # opposition parties, dissidents, activists (OPP)
    protesters: URIRef  # protesters, demonstrators, rioters
    business: URIRef  # companies and business people (BUS)
    media: URIRef  # journalists and news media (MED)
    civilians: URIRef  # civilians, residents, the public (CVL)
    igo: URIRef  # intergovernmental organisations (IGO)
    judiciary: URIRef  # courts, judges, prosecutors (JUD)
    legislature: URIRef  # parliaments and lawmakers (LEG)
    criminals: URIRef  # criminals, gangs, suspects (CRM)
    intelligence: URIRef  # intelligence services (SPY)
    labour: URIRef  # workers and trade unions (LAB)
    education: URIRef  # students, teachers, schools (EDU)
    health: URIRef  # doctors, health workers, hospitals (HLH)
    religious: URIRef  # clergy and religious communities (REL)
    ngo: URIRef  # non-governmental and human-rights organisations (NGO, HRI)
    refugees: URIRef  # refugees, migrants, displaced people (REF)
    agriculture: URIRef  # farmers (AGR)
    ethnic: URIRef  # an ethnic or national community named by itself (Kurds, Tamils)

GN = Namespace("https://www.geonames.org/ontology#")

#: Prefixes bound in every serialisation and predeclared in every SPARQL query.
PREFIXES: dict[str, str] = {
    "etkg": str(ETKG._NS), "sem": str(SEM._NS), "nif": str(NIF._NS), "itsrdf": str(ITSRDF._NS),
    "plover": str(PLOVER._NS), "modality": str(MODALITY._NS), "anchor": str(ANCHOR._NS), "sector": str(SECTOR._NS), "id": str(ID),
    "gn": str(GN), "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#", "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class Terms:
    """A vocabulary whose terms are looked up once, for code that writes them per record: a
    DefinedNamespace attribute costs about a microsecond and makes a new URIRef each time, which
    a dict of terms then compares in Python. An unknown term fails as in the vocabulary."""

    def __init__(self, vocabulary: type[DefinedNamespace]) -> None:
        self._vocabulary = vocabulary
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term = self.__dict__[name] = getattr(self._vocabulary, name)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._vocabulary[name]
        return term
