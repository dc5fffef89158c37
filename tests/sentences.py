"""Events of one literal sentence or two, as the event tests read them: the events, the entities by
id, the (name, role) pairs of an event's actors and targets, and the one event of a type."""
from __future__ import annotations

import datetime as dt

from graph.nlp.pipeline import make_doc

DCT = dt.date(2000, 1, 1)


def events(nlp, text: str, dct: dt.date = DCT):
    doc = nlp(make_doc(nlp, text, dct))
    return doc._.events, {e.id: e for e in doc._.entities}


def roles(ev, names) -> set[tuple[str, str]]:
    return {(names[p.entity].name, p.role) for p in ev.participants if p.role in ("actor", "target")}


def one(evs, kind: str):
    found = [e for e in evs if e.type == kind]
    assert len(found) == 1, [(e.type, e.label) for e in evs]
    return found[0]
