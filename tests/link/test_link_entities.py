"""One entity named differently by two documents becomes one entity; namesakes and kinds stay apart."""
from __future__ import annotations

import gc

import pytest

from graph.api import build_documents, open_store
from graph.io.documents import text_document
from graph.link.entities import org_keys, person_keys
from graph.nlp.pipeline import extract_one
from graph.kg import KnowledgeGraph
from graph.records import Document, Entity, Extraction, Mention
from graph.rdf.validate import validate

ID = "https://w3id.org/etkg/id/entity/"
SAME = "<https://w3id.org/etkg/ontology#sameEntity>"
TEXTS = {
    "full": "date 2009-06-01\nPresident Barack Obama met carmakers in Washington on Monday. "
            "Barack Obama said the plan would save jobs.",
    "short": "date 2009-06-02\nObama praised the deal on Tuesday. Obama said workers would keep their jobs.",
    "ford-motor": "date 2009-06-03\nFord Motor Company said on Wednesday that sales rose. "
                  "Ford Motor Company shares gained 5 percent.",
    "ford": "date 2009-06-04\nFord said on Thursday that it would hire 500 workers in Michigan.",
    "eads": "date 2009-06-04\nEADS said on Thursday that it would build a new plant.",
    "eads-long": "date 2009-06-05\nThe European Aeronautic Defence and Space company said on Friday that profits fell.",
    "gm": "date 2009-06-06\nGeneral Motors said on Saturday that it filed for bankruptcy.",
    "gm-typo": "date 2009-06-07\nGeneral Motor said on Sunday that it would close plants.",
    "hendersons": "date 2009-06-05\nFritz Henderson and Ann Henderson met on Friday. "
                  "Fritz Henderson said the talks went well.",
    "fritz": "date 2009-06-05\nFritz Henderson spoke on Friday. Fritz Henderson said the talks went well.",
    "henderson": "date 2009-06-06\nMr Henderson said on Saturday that the company would recover.",
    "gerald-ford": "date 2009-06-07\nGerald Ford visited Detroit on Sunday. Gerald Ford spoke to workers.",
}


@pytest.fixture(scope="module")
def extractions(nlp) -> dict[str, Extraction]:
    return {k: extract_one(text_document(t, doc_id=k), nlp=nlp) for k, t in TEXTS.items()}


def kg_of(extractions: dict[str, Extraction], *names: str) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    for name in names:
        kg.add(extractions[name])
    return kg


def links(kg: KnowledgeGraph) -> list[tuple[str, str]]:
    rows = kg.sparql("SELECT ?a ?b WHERE { ?a etkg:sameEntity ?b } ORDER BY ?a")
    return [(a[len(ID):], b[len(ID):]) for a, b in zip(rows["a"], rows["b"])]


@pytest.mark.parametrize("name, expected", [
    ("Barack Obama", ["person:obama"]),
    ("Obama", ["person:obama"]),
    ("William Clay Ford Jr", ["person:ford"]),
])
def test_person_key_is_the_surname(name, expected):
    assert person_keys(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Ford", ["organisation:ford"]),
    ("Ford Motor Company", ["organisation:ford"]),
    ("Ford Motors", ["organisation:ford"]),
    ("Toyota Motor Corp.", ["organisation:toyota"]),
    ("Airbus SAS", ["organisation:airbus"]),
    ("General Motors", ["organisation:general motor"]),
    ("General Motor", ["organisation:general motor"]),
    ("Apple Corps", ["organisation:apple corp"]),  # the Beatles' company is not Apple Corp.
    ("Ford Australia", ["organisation:ford australia"]),
    ("EADS", ["organisation:eads"]),
    ("U.S. Air Force", ["organisation:us air force", "organisation:uaf"]),
    ("United States Air Force", ["organisation:united state air force", "organisation:usaf",
                                 "organisation:us air force", "organisation:usa force"]),
    ("European Aeronautic Defence and Space", ["organisation:european aeronautic defence and space",
                                               "organisation:eads", "organisation:ea defence and space",
                                               "organisation:ead and space"]),
])
def test_organisation_keys_are_core_name_and_acronym(name, expected):
    assert org_keys(name) == expected


@pytest.mark.parametrize("order", [("full", "short"), ("short", "full")])
def test_surname_alone_is_the_one_full_name_in_either_order(extractions, order):
    kg = kg_of(extractions, *order)
    assert links(kg) == [("person/obama", "person/barack-obama")]
    people = kg.entities().set_index("name").loc[["Barack Obama"]]
    assert people[["entity", "mentions", "documents", "aliases"]].values.tolist() == [
        [ID + "person/barack-obama", 4, 2, "Obama; President Barack Obama"]]
    assert "Obama" not in set(kg.entities()["name"])
    assert len(kg.entities(merge=False).query("kind == 'person'")) == 2
    assert validate(kg.dataset).conforms


def test_merged_entity_takes_part_in_the_events_of_both_documents(extractions):
    kg = kg_of(extractions, "full", "short")
    parts = kg.participants()
    assert set(parts[parts.entity.str.contains("obama")].name) == {"Barack Obama"}
    docs = set(kg.timeline(ID + "person/obama").doc_id)
    assert docs == set(kg.timeline(ID + "person/barack-obama").doc_id) == {"full", "short"}
    assert "Obama" in set(kg.participants(merge=False).name)


@pytest.mark.parametrize("first, second, link", [
    ("ford-motor", "ford", ("organisation/ford", "organisation/ford-motor")),
    ("ford", "ford-motor", ("organisation/ford-motor", "organisation/ford")),
    ("eads", "eads-long", ("organisation/european-aeronautic-defence-and-space", "organisation/eads")),
    ("gm", "gm-typo", ("organisation/general-motor", "organisation/general-motors")),
])
def test_organisation_variants_join_the_cluster_already_in_the_graph(extractions, first, second, link):
    kg = kg_of(extractions, first, second)
    assert links(kg) == [link]
    orgs = kg.entities().query("kind == 'organisation'")
    assert orgs[["entity", "documents"]].values.tolist() == [[ID + link[1], 2]]


def test_a_surname_shared_by_two_full_names_stays_apart(extractions):
    kg = kg_of(extractions, "hendersons", "henderson")
    assert links(kg) == []
    assert sorted(kg.entities().query("kind == 'person'").name) == ["Ann Henderson", "Fritz Henderson", "Henderson"]
    assert links(kg_of(extractions, "fritz", "henderson")) == [("person/henderson", "person/fritz-henderson")]


def test_a_person_and_a_company_of_one_name_stay_apart(extractions):
    kg = kg_of(extractions, "gerald-ford", "ford")
    assert links(kg) == []
    assert sorted(kg.entities().query("kind in ['person', 'organisation']").name) == ["Ford", "Gerald Ford"]


def test_rerun_and_readding_a_document_give_identical_quads(extractions):
    names = ("full", "ford-motor", "short", "ford")
    once = kg_of(extractions, *names).serialize("nquads")
    assert kg_of(extractions, *names).serialize("nquads") == once
    assert kg_of(extractions, *names, "short", "full").serialize("nquads") == once
    assert once.count(SAME) == 2


def test_identity_holds_across_builds_into_an_on_disk_store(extractions, tmp_path):
    docs = [text_document(TEXTS[k], doc_id=k) for k in ("short", "full")]
    build_documents(docs[:1], kg=open_store(tmp_path / "store"))
    gc.collect()  # pyoxigraph has no close(): the store's lock goes with the object
    kg = build_documents(docs, kg=open_store(tmp_path / "store"))
    assert kg.unchanged == 1 and links(kg) == [("person/obama", "person/barack-obama")]
    assert kg.serialize("nquads") == build_documents(docs).serialize("nquads")
    assert kg.entities().query("kind == 'person'").name.tolist() == ["Barack Obama"]


def org_only(doc_id: str, name: str) -> Extraction:
    text = f"{name} said so."
    ent = Entity(f"organisation/{doc_id}", name, "organisation", "ORG", [Mention(0, len(name), name)])
    return Extraction(Document(doc_id, text), entities=[ent])


def test_shared_initials_are_not_an_acronym():
    kg = KnowledgeGraph().add(org_only("uae", "UAE Air Force")).add(org_only("us", "US Air Force"))
    assert links(kg) == []
    kg.add(org_only("usdots", "U.S. Air Force")).add(org_only("uaf", "UAF"))
    assert links(kg) == [("organisation/usdots", "organisation/us")]  # "UAF" names neither


@pytest.mark.parametrize("first, second", [("United States Air Force", "US Air Force"),
                                           ("U.S. Air Force", "United States Air Force")])
def test_first_words_as_initials_are_the_name_written_out(first, second):
    kg = KnowledgeGraph().add(org_only("one", first)).add(org_only("two", second))
    assert links(kg) == [("organisation/two", "organisation/one")]
    kg.add(org_only("uae", "UAE Air Force")).add(org_only("long-uae", "United Arab Emirates Air Force"))
    assert links(kg) == [("organisation/long-uae", "organisation/uae"), ("organisation/two", "organisation/one")]
