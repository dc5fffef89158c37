"""Products named by maker and model, and the maker alone (issue 15, classes read on SemEval-2015
raw texts): a maker's or line's name with a model number is a product ("Boeing 777", "iPhone 3G"),
the number alone re-mentions it, two model numbers never merge; a role noun says a name is a
product ("the model Falcon", "the MP3 player, the iPod") or an organisation ("Irish airline,
Ryanair"); a maker's and a product's name together are the product ("Ford Falcon"). Rule functions
on literal names and hand-built Docs, each class as literal sentences."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities import aliases
from graph.nlp.entities.patterns import _models, glued, model_number
from graph.nlp.entities.resolver import _made_by

VOCAB = spacy.blank("en").vocab


def kinds(nlp, text):
    return {e.name: e.kind for e in nlp(text)._.entities}


def mentions(nlp, text):
    return {e.id: [m.text for m in e.mentions] for e in nlp(text)._.entities}


# --- model numbers ---
@pytest.mark.parametrize("word, model", [
    ("777", True), ("737-800", True), ("777-200LR", True), ("A350", True), ("3GS", True), ("3G", True),
    ("X5", True), ("777s", True), ("F-35", True),
    ("2009", False), ("1990s", False), ("30GB", False), ("4", False), ("12", False), ("2nd", False),
    ("Nano", False),
])
def test_model_number(word, model):
    assert model_number(word) is model


def test_glued_word_runs_over_tokens_without_spaces():
    doc = Doc(VOCAB, words=["the", "737", "-", "800", "and", "3", "G", "."], spaces=[True, False, False, True, True, False, False, False])
    assert doc[1:glued(doc, 1)].text == "737-800"
    assert doc[5:glued(doc, 5)].text == "3G"
    assert glued(doc, 0) == 1


@pytest.mark.parametrize("text, product", [
    ("The Boeing 777 is a family of long range airliners.", "Boeing 777"),
    ("Apple said the iPhone 3G is twice as fast.", "iPhone 3G"),
    ("The Boeing 737-800 has the best technical reliability.", "Boeing 737-800"),
    ("Qatar Airways chose the Airbus A350 last year.", "Airbus A350"),
])
def test_a_name_and_a_model_number_is_a_product(ents_nlp, text, product):
    assert kinds(ents_nlp, text).get(product) == "product"


@pytest.mark.parametrize("words, pos, found", [
    (["The", "Boeing", "777", "flew"], ["DET", "PROPN", "NUM", "VERB"], ["Boeing 777"]),
    (["An", "American", "Airlines", "777", "landed"], ["DET", "PROPN", "PROPN", "NUM", "VERB"], []),  # an operator's
    (["Apple", "2009", "results"], ["PROPN", "NUM", "NOUN"], []),
    (["President", "747", "flew"], ["PROPN", "NUM", "VERB"], []),  # a title
])
def test_models_pattern(words, pos, found):
    doc = Doc(VOCAB, words=words, pos=pos)
    assert [s.text for s in _models(doc)] == found


def test_no_product_of_a_year(ents_nlp):
    assert "Apple 2009" not in kinds(ents_nlp, "Apple 2009 results were strong, said the company.")


def test_the_model_number_alone_re_mentions_the_product(ents_nlp):
    got = mentions(ents_nlp, "The Boeing 777 is a family of airliners. The first flight of the 777 was in 1994. "
                             "Air Canada ordered 18 777s.")
    assert got["product/boeing-777"] == ["Boeing 777", "777", "777s"]


def test_two_model_numbers_stay_two_products(ents_nlp):
    got = mentions(ents_nlp, "Apple sells the iPhone 3GS. The iPhone 3G will be discontinued.")
    assert got["product/iphone-3gs"] == ["iPhone 3GS"] and got["product/iphone-3g"] == ["iPhone 3G"]


# --- one product per referent ---
@pytest.mark.parametrize("names, clusters", [
    ([["Ford", "Taurus"], ["Taurus"]], [0, 0]),
    ([["Boeing", "777"], ["777"], ["Boeing", "787"]], [0, 0, 1]),
    ([["iPhone"], ["iPhone", "4"]], [0, 1]),  # a line is not its model
    ([["Ford", "Falcon"], ["Holden", "Falcon"], ["Falcon"]], [0, 1, 2]),  # two makers' Falcons: neither
])
def test_cluster_products(names, clusters):
    assert aliases.cluster_products(names) == clusters


def test_a_misspelling_never_changes_a_number():
    assert aliases.cluster_people([["Jan", "Model3"], ["Model5"]]) == [0, 1]
    assert aliases.cluster_people([["Jan", "Kowalski"], ["Kowalsky"]]) == [0, 0]


def test_made_by_joins_a_maker_and_its_product():
    doc = Doc(VOCAB, words=["the", "Ford", "Taurus", "and", "Ford", "said"],
              ents=["O", "B-ORG", "B-PRODUCT", "O", "B-ORG", "O"])
    assert [(s.text, s.label_) for s in _made_by(list(doc.ents))] == [("Ford Taurus", "PRODUCT"), ("Ford", "ORG")]


def test_made_by_leaves_a_name_after_a_space_less_join():
    doc = Doc(VOCAB, words=["Ford", "Taurus"], spaces=[False, False], ents=["B-ORG", "B-PRODUCT"])
    assert len(_made_by(list(doc.ents))) == 2


def test_maker_and_product_are_one_product(ents_nlp):
    got = mentions(ents_nlp, "Atlanta makes the Ford Taurus sedan. The Taurus was introduced in 1986.")
    assert got["product/ford-taurus"] == ["Ford Taurus", "Taurus"]


# --- role nouns: product, organisation ---
def test_a_model_noun_makes_a_product_and_its_maker_s_name_with_it(ents_nlp):
    text = ("The money will pay for the design of Ford's next model Falcon. The Falcon's bodyshell dates back "
            "to 1998. Mr Howard said the projects secure the future of the iconic Ford Falcon.")
    got = {e.id: e for e in ents_nlp(text)._.entities}
    assert [m.text for m in got["product/ford-falcon"].mentions] == ["Falcon", "Falcon", "Ford Falcon"]
    assert got["organisation/ford"].kind == "organisation"
    assert not any(e.kind == "person" and "Falcon" in e.name for e in got.values())


def test_a_product_noun_in_apposition_makes_a_product_and_its_models(ents_nlp):
    got = kinds(ents_nlp, "Apple is the producer of the world's most-sold MP3 Player, the iPod. "
                          "The iPod Nano comes in two colors.")
    assert got["iPod"] == "product" and got["iPod Nano"] == "product" and got["Apple"] == "organisation"


def test_a_service_named_after_a_product_is_not_the_product(ents_nlp):
    got = kinds(ents_nlp, "Apple is the producer of the world's most-sold MP3 Player, the iPod. "
                          "Apple launched the iPod Store in 2003.")
    assert got.get("iPod Store") != "product"


@pytest.mark.parametrize("text", [
    "Irish low cost airline, Ryanair, announced today that it is buying. Ryanair said it had 91 aircraft.",
    "Ryanair is the world's most profitable airline. Ryanair said it had 91 aircraft.",
])
def test_an_organisation_noun_in_apposition_or_said_of_a_name(ents_nlp, text):
    assert kinds(ents_nlp, text)["Ryanair"] == "organisation"


def test_a_product_noun_and_a_name_qualifying_one_noun(ents_nlp):
    got = kinds(ents_nlp, "The money will pay for the design and manufacture of Ford 's next model Falcon and "
                          "Territory vehicles , which will be built in Australia .")
    assert got["Falcon"] == "product" and got["Ford"] == "organisation"


def test_a_product_noun_before_a_name_it_does_not_qualify(ents_nlp):
    got = kinds(ents_nlp, "Aeroflot bought 22 new Boeing 787 Dreamliners, an aircraft Boeing currently has under "
                          "development. Boeing said the deal was good.")
    assert got["Boeing"] == "organisation"


@pytest.mark.parametrize("text, product, mention", [
    ("Qatar Airways will also purchase 20 of Boeing 's larger 777 planes for $ 4.6 billion .", "product/boeing-777", "777"),
    ("Qatar Airways chose the Airbus A350 over Boeing's 787 last year.", "product/boeing-787", "787"),
])
def test_a_model_number_after_its_maker_s_possessive(ents_nlp, text, product, mention):
    got = mentions(ents_nlp, text)
    assert got[product] == [mention] and got["organisation/boeing"] == ["Boeing"]


@pytest.mark.parametrize("text", ["Boeing's 2009 results were strong.", "Boeing's 30 new jets are late."])
def test_no_product_of_a_maker_s_year_or_count(ents_nlp, text):
    assert not any(e.kind == "product" for e in ents_nlp(text)._.entities)


def test_the_plural_of_a_known_product_is_the_product(ents_nlp):
    got = mentions(ents_nlp, "Apple sold 10 million iPhones in the quarter.")
    assert got.get("product/iphone") == ["iPhones"] and "organisation/iphones" not in got


def test_google_s_software_is_products_not_people(ents_nlp):
    # issue 15, read on an unlabelled page: "Chrome" came out as a person thirteen times
    got = {e.name: e.kind for e in ents_nlp("Enhanced protection in Chrome also checks Gmail attachments on "
                                            "Android phones.")._.entities}
    assert got == {"Google Chrome": "product", "Gmail": "product", "Android": "product"}
