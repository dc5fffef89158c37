"""Corrections applied to one document's records: an Extraction in, a new Extraction out.

Records are rewritten with :func:`dataclasses.replace` and field by field only where a correction
says so, so fields other stages add to the records go through untouched. The machine's
extraction is never changed: the RDF builder compares both to record what the analyst changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Callable
from urllib.parse import unquote

from ..records import KINDS, Entity, Event, Extraction, Participant
from ..text import slug
from .table import Correction, Corrections, name_key


@dataclass(frozen=True)
class Change:
    """What one correction did to one document: entity ids before -> after (``None``: dropped;
    the same id: changed in place) and event ids -> themselves (``None``: dropped)."""

    correction: Correction
    entities: dict[str, str | None] = field(default_factory=dict)
    events: dict[str, str | None] = field(default_factory=dict)


def apply_corrections(ex: Extraction, corrections: Corrections) -> tuple[Extraction, list[Change]]:
    """``ex`` with every row of ``corrections`` applied in file order, and what each row changed."""
    changes = []
    for c in corrections.rows:
        done = ACTIONS[c.action](ex, c)
        if done is not None:
            ex, change = done
            changes.append(change)
    return ex, changes


# --- finding what a subject names -------------------------------------------------------------

def _iri_tail(subject: str, part: str) -> str | None:
    """The id an etkg IRI carries after ``/entity/`` or ``/event/`` (IRIs are minted by
    graph.rdf.build, which this room sits below: it reads them, it does not make them)."""
    if subject.startswith(("http://", "https://")) and part in subject:
        return unquote(subject.rsplit(part, 1)[1])
    return None


def match_entities(ex: Extraction, subject: str) -> list[Entity]:
    """The entities of ``ex`` a subject names: by IRI, by id (``kind/name``), else by name or alias."""
    wanted = _iri_tail(subject, "/entity/")
    if wanted is None and subject.partition("/")[0] in KINDS:
        wanted = subject if any(e.id == subject for e in ex.entities) else None
    if wanted is not None:
        return [e for e in ex.entities if e.id == wanted]
    key = name_key(subject)
    return [e for e in ex.entities if key == name_key(e.name) or key in {name_key(a) for a in e.aliases}]


def _one(found: list[Entity], name: str) -> Entity:
    """The entity a merge value names: one whose name is it, else the first."""
    return next((e for e in found if name_key(e.name) == name_key(name)), found[0])


def match_events(ex: Extraction, subject: str) -> list[Event]:
    """The events a subject names: by IRI, by id, by ``label @ document-id`` or by label."""
    wanted = _iri_tail(subject, "/event/")
    if wanted is not None and "/" in wanted:  # event/<document id>/<event id>: one document's report
        doc_id, _, wanted = wanted.rpartition("/")
        if doc_id != ex.doc.id:
            return []
    if wanted is not None or any(ev.id == subject for ev in ex.events):
        return [ev for ev in ex.events if ev.id == (wanted or subject)]
    label, at, doc = subject.rpartition(" @ ")
    if at and doc.strip() != ex.doc.id:
        return []
    key = name_key(label if at else subject)
    return [ev for ev in ex.events if name_key(ev.label) == key]


# --- rewriting records ------------------------------------------------------------------------

_FOLDED = frozenset({"id", "mentions", "aliases", "links"})


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _fold(into: Entity, other: Entity) -> Entity:
    """``other`` merged into ``into``: mentions, names and links pooled; ``into``'s fields win,
    ``other``'s fill what ``into`` lacks (whatever fields records have)."""
    spans = {(m.start, m.end) for m in into.mentions}
    mentions = sorted([*into.mentions, *(m for m in other.mentions if (m.start, m.end) not in spans)],
                      key=lambda m: (m.start, m.end))
    names = [n for n in (*into.aliases, other.name, *other.aliases) if name_key(n) != name_key(into.name)]
    fill = {f.name: getattr(other, f.name) for f in fields(Entity)
            if f.name not in _FOLDED and _empty(getattr(into, f.name)) and not _empty(getattr(other, f.name))}
    return replace(into, mentions=mentions, aliases=list(dict.fromkeys(names)),
                   links={**other.links, **into.links}, **fill)


def _rewrite(ex: Extraction, ids: dict[str, str | None], changed: dict[str, Entity] | None = None) -> Extraction:
    """``ex`` with entity ids moved (``None``: dropped) and entities replaced by ``changed``
    versions; entities that end up with one id are folded into the one that had it."""
    changed = changed or {}
    groups: dict[str, list[tuple[str, Entity]]] = {}
    for e in ex.entities:
        target = ids.get(e.id, e.id)
        if target is not None:
            groups.setdefault(target, []).append((e.id, replace(changed.get(e.id, e), id=target)))
    entities = []
    for target, members in groups.items():
        # the entity that had the id is the canonical one; the others fold into it in order
        keep = next((e for orig, e in members if orig == target), members[0][1])
        for _, e in members:
            if e is not keep:
                keep = _fold(keep, e)
        entities.append(keep)

    def move(entity: str | None) -> str | None:
        return ids.get(entity, entity) if entity is not None else None

    entities = [replace(e, mentions=[replace(m, resolved_as=move(m.resolved_as)) if m.resolved_as in ids else m
                                     for m in e.mentions]) for e in entities]
    events = []
    for ev in ex.events:
        parts: list[Participant] = []
        for p in ev.participants:
            q = replace(p, entity=move(p.entity)) if p.entity in ids else p
            if q.entity is not None and all((q.entity, q.role) != (r.entity, r.role) for r in parts):
                parts.append(q)
        events.append(replace(ev, participants=parts, source=move(ev.source)) if _touches(ev, ids) else ev)
    return replace(ex, entities=entities, events=events)


def _touches(ev: Event, ids: dict[str, str | None]) -> bool:
    return ev.source in ids or any(p.entity in ids for p in ev.participants)


# --- the actions ------------------------------------------------------------------------------

Done = tuple[Extraction, Change] | None


def _merge(ex: Extraction, c: Correction) -> Done:
    subjects, targets = match_entities(ex, c.subject), match_entities(ex, c.value)
    if not subjects or not targets:
        return None  # without the value in this document, the graph links the two (graph.kg)
    target = _one(targets, c.value)
    ids: dict[str, str | None] = {s.id: target.id for s in subjects if s.id != target.id}
    if not ids:
        return None
    return _rewrite(ex, ids), Change(c, {**ids, target.id: target.id})


def _split(ex: Extraction, c: Correction) -> Done:
    if c.value != ex.doc.id and not re.search(rf"(?<!\w){re.escape(c.value)}(?!\w)", ex.doc.text, re.I):
        return None
    tail = f"-{slug(c.value) or 'second'}"
    ids: dict[str, str | None] = {e.id: e.id + tail for e in match_entities(ex, c.subject)
                                  if not e.id.endswith(tail)}
    return (_rewrite(ex, ids), Change(c, ids)) if ids else None


def _rename(ex: Extraction, c: Correction) -> Done:
    changed = {e.id: replace(e, name=c.value, aliases=list(dict.fromkeys(
        a for a in (e.name, *e.aliases) if name_key(a) != name_key(c.value))))
        for e in match_entities(ex, c.subject) if e.name != c.value}
    return (_rewrite(ex, {}, changed), Change(c, {i: i for i in changed})) if changed else None


def _retype(ex: Extraction, c: Correction) -> Done:
    found = [e for e in match_entities(ex, c.subject) if e.kind != c.value]
    if not found:
        return None
    ids: dict[str, str | None] = {e.id: f"{c.value}/{e.id.partition('/')[2]}" for e in found}
    return _rewrite(ex, ids, {e.id: replace(e, kind=c.value) for e in found}), Change(c, ids)


def _drop(ex: Extraction, c: Correction) -> Done:
    ids: dict[str, str | None] = {e.id: None for e in match_entities(ex, c.subject)}
    return (_rewrite(ex, ids), Change(c, ids)) if ids else None


def _alias(ex: Extraction, c: Correction) -> Done:
    changed = {e.id: replace(e, aliases=[*e.aliases, c.value]) for e in match_entities(ex, c.subject)
               if name_key(c.value) not in {name_key(n) for n in (e.name, *e.aliases)}}
    return (_rewrite(ex, {}, changed), Change(c, {i: i for i in changed})) if changed else None


def _drop_event(ex: Extraction, c: Correction) -> Done:
    gone = {ev.id for ev in match_events(ex, c.subject)}
    if not gone:
        return None
    new = replace(ex, events=[ev for ev in ex.events if ev.id not in gone],
                  event_relations=[r for r in ex.event_relations if r.source not in gone and r.target not in gone])
    return new, Change(c, events={i: None for i in sorted(gone)})


def _retype_event(ex: Extraction, c: Correction) -> Done:
    hit = {ev.id for ev in match_events(ex, c.subject) if ev.type != c.value}
    if not hit:
        return None
    new = replace(ex, events=[replace(ev, type=c.value) if ev.id in hit else ev for ev in ex.events])
    return new, Change(c, events={i: i for i in sorted(hit)})


ACTIONS: dict[str, Callable[[Extraction, Correction], Done]] = {
    "merge": _merge, "split": _split, "rename": _rename, "retype": _retype, "drop": _drop, "alias": _alias,
    "drop-event": _drop_event, "retype-event": _retype_event,
}
