"""Cross-document event identity: the same talks reported by two articles become one event.

When a document is added, each of its dated events is looked up in the graph by index, never
against every event: candidates are canonical events (one per cluster, so a story repeated by a
thousand outlets stays one candidate) that share its PLOVER type and an actor and overlap its
dates (one SPARQL query per document); an event nobody is named as doing is looked up by its place
("the talks in Istanbul"), and an undated past re-mention ("the talks had produced no breakthrough")
by the weeks before its report. A candidate is the same event when the trigger words are of one
family ("talks" / "negotiations") or, for typed events with a named actor and a stated date, the
targets agree. The new event then
points with ``etkg:sameEvent`` to the candidate's canonical event (the first one reported), so a
cluster always has one canonical member whatever the order of later reports.
"""
from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Callable, Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ..rdf.build import doc_iri, entity_iri, event_iri
from ..rdf.namespace import ETKG, PLOVER, SEM
from ..records import JOINT_TYPES, UNREAL, Event, Extraction
from ..store import Rows
from ..text import word_key

# Stated dates pin an event down well enough to be matched across documents ...
MATCHABLE_ANCHORS = ("explicit", "inferred")
#: ... and an undated past event, by the same word, is one of the weeks before its report.
RECENT = dt.timedelta(days=31)

CANDIDATES_Q = """
SELECT ?new ?old ?canonical ?trigger ?target WHERE {{
  VALUES (?new ?type ?role ?key ?b ?e) {{ {rows} }}
  ?old ?role ?key ; etkg:eventType ?type ; prov:wasDerivedFrom ?doc ; sem:hasTime ?t ;
       etkg:modality ?modality ; etkg:trigger/nif:anchorOf ?trigger ; etkg:anchor ?anchor .
  FILTER(?doc != {doc} && ?anchor IN (anchor:explicit, anchor:inferred)
         && ?modality NOT IN (modality:hypothetical, modality:negated))
  ?t sem:hasBeginTimeStamp ?ob ; sem:hasEndTimeStamp ?oe .
  FILTER(?ob < ?e && ?b < ?oe)
  # only canonical events: one candidate per cluster, however many outlets repeat a story
  FILTER NOT EXISTS {{ ?old etkg:sameEvent ?c }}
  OPTIONAL {{ ?old etkg:target ?target }}
  BIND(?old AS ?canonical)
}}
"""
# Entities linked by etkg:sameEntity ("Obama" -> "Barack Obama"): two index lookups, kept out of
# the candidate query because Oxigraph evaluates a UNION there before joining it to the VALUES.
CANONICAL_Q = "SELECT ?a ?c WHERE {{ VALUES ?a {{ {iris} }} ?a etkg:sameEntity ?c }}"
MEMBERS_Q = "SELECT ?c ?m WHERE {{ VALUES ?c {{ {iris} }} ?m etkg:sameEntity ?c }}"


def _window(ev: Event) -> tuple[str, str] | None:
    """When the event happened, as far as matching goes: its stated interval, or the weeks before
    the report for an undated past event; None for what did not or may not happen."""
    if ev.modality in UNREAL:
        return None
    if ev.anchor in MATCHABLE_ANCHORS and ev.begin and ev.until:
        return ev.begin, ev.until
    if ev.date == "PAST_REF" and ev.until:
        return (dt.date.fromisoformat(ev.until[:10]) - RECENT).isoformat(), ev.until
    return None


def _by_word_only(ev: Event) -> bool:
    """Matched only by its trigger word: an undated re-mention, or an event no actor is named for."""
    return ev.anchor not in MATCHABLE_ANCHORS or not any(p.role == "actor" for p in ev.participants)


def _date(value: str) -> str:
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date).n3()


def _equivalents(actors: set[URIRef], same_entity: Mapping[URIRef, URIRef],
                 select: Callable[[str], Rows]) -> dict[URIRef, set[URIRef]]:
    """Each actor with every entity linked to the same canonical entity, by this document's links
    (not in the graph yet) or by the graph's."""
    def lookup(query: str, iris: set[URIRef]) -> list[tuple[URIRef, URIRef]]:
        if not iris:
            return []
        return [(URIRef(a), URIRef(b)) for a, b in select(query.format(iris=" ".join(i.n3() for i in sorted(iris)))).rows]

    canonical = {a: same_entity.get(a, a) for a in actors}
    stored = dict(lookup(CANONICAL_Q, {a for a in actors if a not in same_entity}))
    canonical.update((a, stored[a]) for a in actors if a in stored)
    members: dict[URIRef, set[URIRef]] = {c: {c} for c in canonical.values()}
    for m, c in same_entity.items():
        members.setdefault(c, {c}).add(m)
    for c, m in lookup(MEMBERS_Q, set(members)):
        members[c].add(m)
    return {a: members[canonical[a]] | {a} for a in actors}


def _parties(ev: Event) -> list:
    """Whom an event is looked up by as actor: its actors, and every party of a joint act
    ("Ukraine and Russia met" are the talks Russia held)."""
    roles = ("actor", "target") if ev.type in JOINT_TYPES else ("actor",)
    return [p for p in ev.participants if p.role in roles]


def same_event_links(ex: Extraction, select: Callable[[str], Rows],
                     same_entity: Mapping[URIRef, URIRef] = MappingProxyType({})) -> list[tuple[URIRef, URIRef, URIRef]]:
    """``(event, etkg:sameEvent, canonical)`` for each event of ``ex`` already reported elsewhere.

    ``select`` runs a SPARQL SELECT on the graph the document is being added to;
    ``same_entity`` maps entities of ``ex`` to the canonical entity this document links them to.
    """
    windows = {event_iri(ex.doc.id, ev.id): (ev, w) for ev in ex.events if (w := _window(ev))}
    events = {iri: ev for iri, (ev, _) in windows.items()}
    actors = {entity_iri(p.entity) for ev in events.values() for p in _parties(ev)}
    alike = _equivalents(actors, same_entity, select)
    rows = []
    for iri, (ev, (begin, until)) in windows.items():
        keys = [(ETKG.actor, a) for p in _parties(ev) for a in sorted(alike[entity_iri(p.entity)])]
        # "the talks in Istanbul": with nobody named as holding them, the place is what they share
        keys = keys or [(SEM.hasPlace, entity_iri(p.entity)) for p in ev.participants if p.role == "place"]
        rows += [f"({iri.n3()} {PLOVER[ev.type].n3()} {role.n3()} {key.n3()} {_date(begin)} {_date(until)})"
                 for role, key in keys]
    if not rows:
        return []
    found = select(CANDIDATES_Q.format(rows=" ".join(rows), doc=doc_iri(ex.doc.id).n3()))
    targets: dict[tuple[str, str], set[str]] = {}
    candidates: dict[str, dict[str, tuple[str, str]]] = {}
    for new, old, canonical, trigger, target in found.rows:
        candidates.setdefault(str(new), {})[str(old)] = (str(canonical), str(trigger))
        if target is not None:
            targets.setdefault((str(new), str(old)), set()).add(str(target))
    links = []
    for new, olds in candidates.items():
        ev = events[URIRef(new)]
        mine = {str(entity_iri(p.entity)) for p in ev.participants if p.role == "target"}
        same = sorted(canonical for old, (canonical, trigger) in olds.items()
                      if word_key(trigger) == word_key(ev.lemma or ev.trigger.text)
                      or (ev.type != "OTHER" and not _by_word_only(ev) and mine
                          and mine & targets.get((new, old), set())))
        if same:
            links.append((URIRef(new), ETKG.sameEvent, URIRef(same[0])))
    return links
