"""Classes of PLOVER events and actors, on sentences written for the purpose (not the gold records):
each rule a coder would state, with the manual's or the CAMEO table's reason in the test's name."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.nlp.pipeline import make_doc

DCT = dt.date(2000, 1, 1)


def events(nlp, text: str):
    doc = nlp(make_doc(nlp, text, DCT))
    return doc._.events, {e.id: e for e in doc._.entities}


def roles(ev, names) -> set[tuple[str, str]]:
    return {(names[p.entity].name, p.role) for p in ev.participants if p.role in ("actor", "target")}


@pytest.mark.parametrize("text, actor", [
    ("Gunmen kidnapped two Italian aid workers in Baghdad on Tuesday.", "Gunmen"),
    ("Guerrillas hijacked a bus near the border.", "Guerrillas"),
    ("Rebels took 20 foreign tourists hostage in the jungle.", "Rebels"),
])
def test_abduction_and_hijacking_are_assaults(nlp, text, actor):
    """PLOVER manual, ASSAULT mode 'abduct' (kidnap, hijack); CAMEO 181 maps to ASSAULT."""
    evs, names = events(nlp, text)
    assert [e.type for e in evs if e.type != "OTHER"] == ["ASSAULT"]
    assert (actor, "actor") in roles(evs[0], names)


@pytest.mark.parametrize("text, name, country, sector", [
    ("Some 300 Palestinian prisoners began a hunger strike in an Israeli jail.", "Palestinian prisoners", "PS",
     "civilians"),
    ("Greek truck drivers blockaded border crossings with Bulgaria.", "Greek truck drivers", "GR", "labour"),
    ("Romanian miners went on strike on Thursday.", "Romanian miners", "RO", "labour"),
])
def test_people_held_and_people_at_work_are_group_actors(nlp, text, name, country, sector):
    evs, names = events(nlp, text)
    group = next(e for e in names.values() if e.name == name)
    assert (group.kind, group.country, group.sector) == ("group", country, sector)
    assert any(p.entity == group.id and p.role == "actor" for ev in evs for p in ev.participants)
