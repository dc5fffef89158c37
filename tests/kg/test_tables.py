"""The events table's joined columns: participants by role, and their countries and sectors."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from graph.kg import KnowledgeGraph
from graph.records import Document, Entity, Event, Extraction, Mention, Participant

from handmade import span

TEXT = ("Egyptian police and Egyptian soldiers arrested Syrian rebels and Jane Doe in Cairo. "
        "Officials met.")


def _extraction() -> Extraction:
    t = TEXT
    police = Entity("group/egyptian police", "Egyptian police", "group", "NORP", [span(t, "Egyptian police", Mention)],
                    country="EG", sector="police")
    soldiers = Entity("group/egyptian soldiers", "Egyptian soldiers", "group", "NORP",
                      [span(t, "Egyptian soldiers", Mention)], country="EG", sector="military")
    rebels = Entity("group/syrian rebels", "Syrian rebels", "group", "NORP", [span(t, "Syrian rebels", Mention)],
                    country="SY", sector="rebels")
    doe = Entity("person/jane doe", "Jane Doe", "person", "PERSON", [span(t, "Jane Doe", Mention)])
    cairo = Entity("city/cairo", "Cairo", "city", "GPE", [span(t, "Cairo", Mention)])
    first = t[:t.index("Officials")].rstrip()
    events = [
        Event("ev-arrest", span(t, "arrested"), "COERCE", None, first,
              [Participant("group/egyptian soldiers", "actor"), Participant("group/egyptian police", "actor"),
               Participant("group/syrian rebels", "target"), Participant("person/jane doe", "target"),
               Participant("city/cairo", "place")], label="arrest", confidence=0.9),
        Event("ev-met", span(t, "met"), "CONSULT", None, "Officials met.", [], label="meet",
              sentence_start=t.index("Officials"), confidence=0.9),
    ]
    return Extraction(Document("doc-eg", t, dt.date(2024, 5, 1)), [police, soldiers, rebels, doe, cairo], [], events)


def test_participants_and_their_countries_and_sectors_are_joined_per_event():
    events = KnowledgeGraph().add(_extraction()).events().set_index("label")
    arrest, met = events.loc["arrest"], events.loc["meet"]
    # names in the participants' order (by name); each country once; a person without one adds none
    assert arrest["actors"] == "Egyptian police; Egyptian soldiers"
    assert arrest["actor_country"] == "EG"
    assert arrest["actor_sector"] == "police; military"
    assert arrest["targets"] == "Jane Doe; Syrian rebels"
    assert arrest["target_country"] == "SY" and arrest["target_sector"] == "rebels"
    assert arrest["places"] == "Cairo"
    assert all(pd.isna(met[c]) for c in ("actors", "targets", "places", "actor_country", "target_sector"))
