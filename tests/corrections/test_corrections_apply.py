"""Corrections applied to hand-built records: each action, file order, idempotence, fields kept."""
from __future__ import annotations

import copy
from dataclasses import fields, make_dataclass

from graph.corrections import apply_corrections
from graph.corrections.table import parse_corrections
from graph.records import Entity, Mention, Participant

from handmade import extraction_a, extraction_b, span, TEXT_A


def fix(text: str):
    return parse_corrections("action,subject,value,note\n" + text, name="fix.csv")


def entities(ex):
    return {e.id: e for e in ex.entities}


def test_merge_folds_the_subject_into_the_value_everywhere_in_the_document():
    ex = extraction_a()
    kremlin = Entity("organisation/kremlin", "Kremlin", "organisation", "ORG", [span(TEXT_A, "Moscow", Mention)])
    ex.entities.append(kremlin)
    ex.events[0].participants.append(Participant("organisation/kremlin", "target"))
    ex.events[0].source = "organisation/kremlin"
    got, changes = apply_corrections(ex, fix("merge,Kremlin,Russia,the state\n"))
    ents = entities(got)
    assert "organisation/kremlin" not in ents
    russia = ents["country/russia"]
    assert russia.name == "Russia" and russia.kind == "country" and russia.aliases == ["Moscow", "Kremlin"]
    assert [m.text for m in russia.mentions] == ["Russia", "Moscow"]  # the shared span counted once
    assert russia.links["iso3166"] == "RU"
    reduce = got.events[0]
    assert reduce.source == "country/russia"
    assert [(p.entity, p.role) for p in reduce.participants] == [
        ("country/russia", "actor"), ("city/kyiv", "place"), ("country/russia", "target")]
    assert changes[0].entities == {"organisation/kremlin": "country/russia", "country/russia": "country/russia"}
    assert entities(ex)["organisation/kremlin"].name == "Kremlin"  # the machine's records are left alone


def test_merge_without_the_value_in_the_document_leaves_the_records_to_the_graph_link():
    got, changes = apply_corrections(extraction_b(), fix("merge,Putin,Russia,\n"))
    assert changes == [] and got == extraction_b()


def test_retype_moves_the_id_and_every_reference_to_it():
    got, changes = apply_corrections(extraction_a(), fix("retype,Kyiv,region,\n"))
    ents = entities(got)
    assert "city/kyiv" not in ents and ents["region/kyiv"].kind == "region"
    assert ents["region/kyiv"].links == {"geonames": "https://sws.geonames.org/703448/"}
    assert ("region/kyiv", "place") in [(p.entity, p.role) for p in got.events[0].participants]
    assert changes[0].entities == {"city/kyiv": "region/kyiv"}


def test_retype_onto_an_existing_id_folds_the_two():
    ex = extraction_a()
    ex.entities.append(Entity("place/kyiv", "Kyiv", "place", "LOC", [span(TEXT_A, "Kyiv", Mention)]))
    got, _ = apply_corrections(ex, fix("retype,place/kyiv,city,\n"))
    assert [e.id for e in got.entities].count("city/kyiv") == 1 and "place/kyiv" not in entities(got)


def test_rename_keeps_the_id_and_the_old_name_as_an_alias():
    got, _ = apply_corrections(extraction_b(), fix("rename,person/putin,Vladimir Putin,\n"))
    putin = entities(got)["person/putin"]
    assert (putin.name, putin.aliases) == ("Vladimir Putin", ["Putin"])


def test_drop_removes_the_entity_its_participations_attributions_and_metonymy():
    got, _ = apply_corrections(extraction_a(), fix("drop,Russia,,\n"))
    assert "country/russia" not in entities(got)
    assert all(p.entity != "country/russia" for ev in got.events for p in ev.participants)
    assert got.events[0].source is None
    assert got.doc.text == TEXT_A  # its mentions stay text


def test_alias_adds_a_name_once():
    got, _ = apply_corrections(extraction_a(), fix("alias,Kyiv,Kiev,\nalias,kyiv,KIEV,\n"))
    assert entities(got)["city/kyiv"].aliases == ["Kiev"]


def test_split_moves_the_second_referent_where_the_context_word_or_document_picks_it():
    got, _ = apply_corrections(extraction_b(), fix("split,Putin,envoy,\nsplit,Istanbul,doc-a,\n"))
    assert "person/putin-envoy" in entities(got) and "city/istanbul" in entities(got)
    assert ("person/putin-envoy", "target") in [(p.entity, p.role) for p in got.events[0].participants]
    got, _ = apply_corrections(extraction_a(), fix("split,Istanbul,doc-a,\n"))
    assert "city/istanbul-doc-a" in entities(got)


def test_events_are_dropped_or_retyped_by_id_iri_label_or_label_at_document():
    ex = extraction_a()
    got, changes = apply_corrections(ex, fix(
        "drop-event,talks (istanbul) @ doc-a,,\n"
        "retype-event,https://w3id.org/etkg/id/event/ev-a-reduce,COERCE,\n"
        "retype-event,trust (volodymyr zelenskyy, russia) @ doc-b,ACCUSE,\n"))
    assert [(ev.id, ev.type) for ev in got.events] == [("ev-a-reduce", "COERCE"), ("ev-a-trust", "REJECT")]
    assert [c.correction.row for c in changes] == [2, 3]


def test_rows_apply_in_file_order_each_to_the_result_of_the_rows_above():
    got, changes = apply_corrections(extraction_a(), fix("retype,Kyiv,region,\nrename,region/kyiv,Kyiv city,\n"))
    assert entities(got)["region/kyiv"].name == "Kyiv city" and len(changes) == 2


CORRECTIONS = ("merge,Moscow,Russia,\nretype,Kyiv,region,\nrename,Volodymyr Zelenskyy,V. Zelenskyy,\n"
               "drop,Istanbul,,\nalias,Russia,Rossiya,\nsplit,Zelenskyy,trusting,\ndrop-event,ev-a-talks,,\n"
               "retype-event,ev-a-trust,ACCUSE,\n")


def test_applying_twice_is_applying_once():
    once, _ = apply_corrections(extraction_a(), fix(CORRECTIONS))
    twice, changes = apply_corrections(copy.deepcopy(once), fix(CORRECTIONS))
    assert twice == once and changes == []


def test_fields_the_records_gain_later_go_through_corrections():
    # another stage may add fields to the records (an actor's sector, a confidence tier): simulate it
    Wider = make_dataclass("Wider", [("stage_note", str, "")], bases=(Entity,))
    ex = extraction_a()
    ex.entities = [Wider(**{f.name: getattr(e, f.name) for f in fields(Entity)}, stage_note=f"s-{e.name}")
                   for e in ex.entities]
    got, _ = apply_corrections(ex, fix("retype,Kyiv,region,\nrename,Russia,Russian Federation,\n"))
    assert {e.id: e.stage_note for e in got.entities}["region/kyiv"] == "s-Kyiv"
    assert {e.id: e.stage_note for e in got.entities}["country/russia"] == "s-Russia"


def test_lines_as_the_views_download_them_apply():
    # graph/views/templates/common.js writes IRIs, CRLF line ends and quotes cells with commas
    base = "https://w3id.org/etkg/id/"
    got, changes = apply_corrections(extraction_a(), parse_corrections(
        "action,subject,value,note\r\n"
        f"merge,{base}entity/city/istanbul,{base}entity/country/russia,Istanbul = Russia\r\n"
        f"retype,{base}entity/city/kyiv,region,Kyiv: city -> region\r\n"
        f"rename,{base}entity/person/volodymyr%20zelenskyy,\"Zelenskyy, Volodymyr\",Volodymyr Zelenskyy\r\n"
        f"drop-event,{base}event/doc-a/ev-a-talks,,\"talks (istanbul) (2022-03-29)\"\r\n"
        f"retype-event,{base}event/doc-a/ev-a-trust,ACCUSE,\"trust: REJECT -> ACCUSE\"\r\n", name="corrections.csv"))
    assert len(changes) == 5
    ents = entities(got)
    assert set(ents) == {"country/russia", "region/kyiv", "person/volodymyr zelenskyy"}
    assert ents["person/volodymyr zelenskyy"].name == "Zelenskyy, Volodymyr"
    assert [(ev.id, ev.type) for ev in got.events] == [("ev-a-reduce", "RETREAT"), ("ev-a-trust", "ACCUSE")]
